"""The summary registry: providers in their order, empty ones left out, foreign parts refused."""

from __future__ import annotations

import pytest

from gezien.core import summary
from gezien.core.summary import Part, Section
from gezien.sharing.tests.support import sections


@pytest.fixture
def registry(monkeypatch):
    monkeypatch.setattr(summary, "_providers", {})
    return summary


def test_providers_come_in_their_order_and_empty_ones_are_left_out(registry) -> None:
    made = sections()
    registry.register("story", lambda person: made[1], order=20)
    registry.register("help", lambda person: made[0], order=10)
    registry.register("measure", lambda person: None, order=5)
    registry.register("journal", lambda person: Section("journal", "Dagboek", ()), order=1)
    assert [s.key for s in registry.available(None)] == ["help", "story"]


def test_a_provider_registered_twice_or_with_foreign_parts_is_refused(registry) -> None:
    registry.register("help", lambda person: Section("help", "x", (Part("story.x", "x"),)))
    with pytest.raises(ValueError, match="twice"):
        registry.register("help", lambda person: None)
    with pytest.raises(ValueError, match="must start with 'help'"):
        registry.available(None)


def test_each_audience_sees_only_its_own_sections(registry) -> None:
    made = sections()
    registry.register("help", lambda person: made[0], order=10)
    registry.register(
        "partner",
        lambda person: Section("partner", "Voor jou", (Part("partner.helps", "Wat helpt"),)),
        order=10,
        audience=summary.PARTNER,
    )
    assert [s.key for s in registry.available(None)] == ["help"]
    assert [s.key for s in registry.available(None, summary.PARTNER)] == ["partner"]
    with pytest.raises(ValueError, match="unknown audience"):
        registry.register("x", lambda person: None, audience="neighbour")
