"""This app's own summary sections: the help question, the preferences for a therapist
and the story, part by part. Every app registers its own the same way (see core.summary)."""

from __future__ import annotations

import re
from typing import Any

from django.utils.translation import gettext as _

from gezien.core.summary import Part, Section
from gezien.lib.text import current_language
from gezien.story import helpquestion, store
from gezien.story.periods import PERIODS
from gezien.vault.person import Person


def paragraphs(text: str) -> tuple[str, ...]:
    return tuple(block.strip() for block in re.split(r"\n\s*\n", text) if block.strip())


def preference_facts(answers: dict[str, Any], lang: str) -> tuple[tuple[str, str], ...]:
    """The answers about the kind of help, as (question, answer) rows."""
    phrases = helpquestion.load()
    given = helpquestion.Answers.from_dict(answers)

    def label(group: str, choice_id: str) -> str:
        return phrases.choice(group, choice_id).label.get(lang)

    rows = [
        (_("Pace"), label("pace", given.pace) if given.pace else ""),
        (_("Way of working"), ", ".join(label("approach", a) for a in given.approach)),
        (_("On my own or in a group"), label("setting", given.setting) if given.setting else ""),
        (_("Gender of the therapist"), label("gender", given.gender) if given.gender else ""),
        (_("What I do not want"), " ".join(given.not_wanted.split())),
        (_("Practical matters"), " ".join(given.practical.split())),
    ]
    return tuple((question, answer) for question, answer in rows if answer)


def help_section(person: Person) -> Section | None:
    stored = store.help_question(person)
    parts = []
    if stored["text"].strip():
        parts.append(
            Part("help.question", _("My help question"), paragraphs(stored["text"]), suggested=True)
        )
    facts = preference_facts(stored["answers"], current_language())
    if facts:
        parts.append(
            Part("help.preferences", _("What I need from a therapist"), facts=facts, suggested=True)
        )
    return Section("help", _("Help question and preferences"), tuple(parts))


def story_section(person: Person) -> Section | None:
    written = store.all_periods(person)
    parts = []
    for period in PERIODS:
        for question in period.questions:
            text = written[period.key].parts.get(question.key, "")
            if text.strip():
                label = str(question.label)
                title = _("%(period)s: %(question)s") % {
                    "period": period.title,
                    "question": label[0].lower() + label[1:],
                }
                parts.append(Part(f"story.{period.key}.{question.key}", title, paragraphs(text)))
    return Section("story", _("My story"), tuple(parts))
