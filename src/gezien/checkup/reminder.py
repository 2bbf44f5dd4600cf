"""The private reminder: a calendar file (RFC 5545) made on request and never stored.

A calendar shows an event's title on the lock screen, syncs it to every device and shows it
to anyone the calendar is shared with; some partners read it. So the file holds only what a
reminder needs: the title the person chose, a start, a length, how often it repeats and an
alarm that shows the same title. No description, location, categories, organiser or
attendees; a random UID (RFC 7986 §5.3: a UID must not name a user, host or domain); the
library's own PRODID, which does not name Gezien. The address of the check-up is put in
only when the person asks for it."""

from __future__ import annotations

import datetime
import uuid

from icalendar import Alarm, Calendar, Event, vRecur


def recurrence(every_weeks: int) -> vRecur:
    """Every `every_weeks` weeks, on the weekday of the first time, without end."""
    if not 1 <= every_weeks <= 52:
        raise ValueError(f"a reminder repeats every 1 to 52 weeks, not {every_weeks}")
    return vRecur(freq="WEEKLY", interval=every_weeks)


def calendar_file(
    *,
    title: str,
    first: datetime.datetime,
    minutes: int,
    every_weeks: int,
    address: str | None = None,
) -> bytes:
    """The .ics file. `first` has no time zone on purpose ("floating" time): the reminder
    comes at the same clock time wherever the phone is, and the file needs no VTIMEZONE."""
    if first.tzinfo is not None:
        raise ValueError("the first reminder is a local time without a time zone")
    title = " ".join(title.split())
    event = Event.new(
        summary=title,
        start=first,
        end=first + datetime.timedelta(minutes=minutes),
        uid=uuid.uuid4(),
        url=address,
        description=address,
    )
    event.add("rrule", recurrence(every_weeks))
    alarm = Alarm.new(description=title)
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", datetime.timedelta(0))
    event.add_component(alarm)
    calendar = Calendar.new(subcomponents=[event])
    return bytes(calendar.to_ical())
