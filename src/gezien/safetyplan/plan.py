"""The steps of the safety plan (after Stanley and Brown), in the order a person goes through
them in a hard moment: first notice, then help yourself, then others, then professionals."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# Short enough that a fully written plan still prints on one A4 page.
MAX_ENTRY = 120
EMERGENCY = gettext_lazy(
    "In immediate danger: call 112. Thinking about suicide: call 113 or 0800-0113 "
    "(free, day and night), or chat at 113.nl."
)


@dataclass(frozen=True)
class Step:
    id: str
    title: Promise
    hint: Promise
    lines: int
    prefill: tuple[Promise, ...] = ()


STEPS = (
    Step(
        "warning_signs",
        gettext_lazy("My warning signs"),
        gettext_lazy(
            "How do I notice that things are getting worse? Think of thoughts, feelings or things "
            "I do."
        ),
        3,
    ),
    Step(
        "coping",
        gettext_lazy("What I can do myself"),
        gettext_lazy(
            "What helps me to calm down, on my own? For example a walk, music or a shower."
        ),
        3,
    ),
    Step(
        "distraction",
        gettext_lazy("People and places that distract me"),
        gettext_lazy("Who can I be with, or where can I go, to think of something else?"),
        3,
    ),
    Step(
        "people",
        gettext_lazy("People I can ask for help"),
        gettext_lazy(
            "Who can I call or visit when I need help? Write down a name and a phone number."
        ),
        3,
    ),
    Step(
        "professionals",
        gettext_lazy("Professionals and crisis lines"),
        gettext_lazy("Who can I call for help from a professional, also at night?"),
        4,
        (
            gettext_lazy(
                "113 Suicide Prevention: call 113 or 0800-0113 (free, day and night), or chat at "
                "113.nl"
            ),
            gettext_lazy("My GP:"),
        ),
    ),
    Step(
        "safer",
        gettext_lazy("Making my surroundings safer"),
        gettext_lazy("What can I put away, or give to someone, so that my surroundings are safer?"),
        3,
    ),
    Step(
        "reasons",
        gettext_lazy("What I live for"),
        gettext_lazy("What matters to me? Who or what makes life worth living?"),
        3,
    ),
)  # fmt: skip

Plan = dict[str, list[str]]


def field_name(step: Step, number: int) -> str:
    return f"{step.id}_{number}"


def prefilled() -> Plan:
    return {step.id: [str(line) for line in step.prefill] for step in STEPS}


def as_text(plan: Plan) -> str:
    """The plan as a plain text file, to keep on a phone or computer."""
    lines = [_("My safety plan"), ""]
    for number, step in enumerate(STEPS, 1):
        lines.append(f"{number}. {step.title}")
        lines.extend(f"- {entry}" for entry in plan.get(step.id, []))
        lines.append("")
    lines.append(str(EMERGENCY))
    return "\n".join(lines) + "\n"
