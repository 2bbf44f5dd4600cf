"""The private reminder: a calendar file that repeats at the chosen interval, holds the title
the person chose and, unless they ask, nothing else that could tell what it is for."""

from __future__ import annotations

import datetime
import itertools

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar

from gezien.checkup import plan
from gezien.checkup.reminder import calendar_file

FIRST = datetime.datetime(2027, 3, 3, 19, 0)
# Properties that could say what the reminder is about, or who made it (RFC 5545).
TELLING_PROPERTIES = ("LOCATION", "CATEGORIES", "ORGANIZER", "ATTENDEE", "URL", "CONTACT")


def _event(ics: bytes):
    calendar = Calendar.from_ical(ics)
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    return calendar, events[0]


@pytest.mark.parametrize("weeks", [2, 4, 6, 12])
def test_the_reminder_comes_back_every_chosen_number_of_weeks(weeks: int) -> None:
    ics = calendar_file(title="Even tijd voor mezelf", first=FIRST, minutes=15, every_weeks=weeks)
    _calendar, event = _event(ics)
    rule = event["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["INTERVAL"] == [weeks]
    assert "UNTIL" not in rule and "COUNT" not in rule
    start = event.decoded("DTSTART")
    assert start == FIRST and start.tzinfo is None  # floating: the same clock time anywhere
    occurrences = rrulestr(rule.to_ical().decode(), dtstart=start)
    expected = [FIRST + datetime.timedelta(weeks=weeks * n) for n in range(5)]
    assert list(itertools.islice(occurrences, 5)) == expected
    assert event.decoded("DTEND") - start == datetime.timedelta(minutes=15)


def test_the_title_is_the_one_chosen_and_the_alarm_shows_only_that() -> None:
    ics = calendar_file(title="  Wandelen   met Bo ", first=FIRST, minutes=15, every_weeks=4)
    _calendar, event = _event(ics)
    assert str(event["SUMMARY"]) == "Wandelen met Bo"
    alarms = event.walk("VALARM")
    assert len(alarms) == 1
    assert str(alarms[0]["ACTION"]) == "DISPLAY"
    assert str(alarms[0]["DESCRIPTION"]) == "Wandelen met Bo"


def test_by_default_the_file_holds_no_health_words_no_link_and_nothing_that_names_gezien() -> None:
    default_title = plan.rules().reminder.title
    for language in ("nl", "en"):
        title = default_title.get(language)
        assert plan.telling_words_in(title) == []
        ics = calendar_file(title=title, first=FIRST, minutes=15, every_weeks=4)
        calendar, event = _event(ics)
        text = ics.decode().lower()
        for word in plan.rules().reminder.telling_words:
            assert word not in text, word
        assert "http" not in text and "://" not in text
        for name in TELLING_PROPERTIES:
            assert name not in event, name
        assert "DESCRIPTION" not in event
        assert "gezien" not in str(calendar["PRODID"]).lower()


def test_each_file_gets_a_random_uid_that_names_no_host() -> None:
    made = [
        _event(calendar_file(title="x", first=FIRST, minutes=15, every_weeks=4))[1]
        for _ in range(2)
    ]
    uids = [str(event["UID"]) for event in made]
    assert uids[0] != uids[1]
    assert all("@" not in uid and "." not in uid for uid in uids)


def test_the_address_is_in_only_when_asked_for() -> None:
    address = "https://gezien.example/apk/"
    ics = calendar_file(title="x", first=FIRST, minutes=15, every_weeks=4, address=address)
    _calendar, event = _event(ics)
    assert str(event["URL"]) == address


def test_a_wrong_interval_or_a_time_zone_is_refused() -> None:
    with pytest.raises(ValueError, match="1 to 52 weeks"):
        calendar_file(title="x", first=FIRST, minutes=15, every_weeks=0)
    with pytest.raises(ValueError, match="without a time zone"):
        calendar_file(
            title="x", first=FIRST.replace(tzinfo=datetime.UTC), minutes=15, every_weeks=4
        )


def test_titles_that_tell_what_the_reminder_is_for_are_found() -> None:
    assert plan.telling_words_in("Mijn APK") == ["apk"]
    assert plan.telling_words_in("Vragenlijst invullen") == ["vragenlijst"]
    assert plan.telling_words_in("Even tijd voor mezelf") == []
