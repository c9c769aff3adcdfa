"""Agenda proposal: lay the chosen exercises over the workshop's days, with breaks, as a first draft.

Pure rules, no database: input is a list of exercises with durations, output is a list of slots. The
facilitator edits the result afterwards; exercises that do not fit are returned, never silently dropped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

OPENING_MINUTES = 30
CLOSING_MINUTES = 30
COFFEE_MINUTES = 15
LUNCH_MINUTES = 60
LUNCH_EARLIEST = dt.time(12, 0)
LUNCH_LATEST_END = dt.time(14, 30)
#: A coffee break is due before working longer than this without a pause.
MAX_STRETCH_MINUTES = 120


@dataclass(frozen=True)
class PlannedExercise:
    key: str
    module_number: int
    title: str
    duration_minutes: int


@dataclass(frozen=True)
class Slot:
    date: dt.date
    start: dt.time
    end: dt.time
    kind: str  # opening | exercise | break | lunch | closing
    exercise: PlannedExercise | None = None


@dataclass
class Proposal:
    slots: list[Slot] = field(default_factory=list)
    unscheduled: list[PlannedExercise] = field(default_factory=list)


def _minutes(t: dt.time) -> int:
    return t.hour * 60 + t.minute


def _time(minutes: int) -> dt.time:
    return dt.time(minutes // 60, minutes % 60)


def workshop_days(start: dt.date, end: dt.date) -> list[dt.date]:
    return [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]


def propose_agenda(
    start: dt.date,
    end: dt.date,
    day_start: dt.time,
    day_end: dt.time,
    exercises: list[PlannedExercise],
) -> Proposal:
    """Place exercises in order; lunch between 12:00 and 14:30, a coffee break every two hours of work,
    an opening on the first day and an evaluation and closing slot at the end of the last day."""
    proposal = Proposal()
    queue = list(exercises)
    days = workshop_days(start, end)
    for index, day in enumerate(days):
        first, last = index == 0, index == len(days) - 1
        t = _minutes(day_start)
        limit = _minutes(day_end) - (CLOSING_MINUTES if last else 0)
        lunch_done = not (_minutes(day_start) < _minutes(LUNCH_EARLIEST) < _minutes(day_end))
        stretch = 0

        def add(kind: str, minutes: int, exercise: PlannedExercise | None = None) -> None:
            nonlocal t
            proposal.slots.append(Slot(day, _time(t), _time(t + minutes), kind, exercise))  # noqa: B023
            t += minutes

        if first:
            add("opening", OPENING_MINUTES)
            stretch += OPENING_MINUTES
        while queue:
            exercise = queue[0]
            d = exercise.duration_minutes
            if not lunch_done and (
                t >= _minutes(LUNCH_EARLIEST) or t + d > _minutes(LUNCH_LATEST_END) - LUNCH_MINUTES
            ):
                if t + LUNCH_MINUTES > limit:
                    break
                t = (
                    max(t, _minutes(LUNCH_EARLIEST))
                    if t + d > _minutes(LUNCH_LATEST_END) - LUNCH_MINUTES
                    else t
                )
                add("lunch", LUNCH_MINUTES)
                lunch_done, stretch = True, 0
                continue
            if stretch and stretch + d > MAX_STRETCH_MINUTES:
                if t + COFFEE_MINUTES + d > limit:
                    break
                add("break", COFFEE_MINUTES)
                stretch = 0
            if t + d > limit:
                break
            add("exercise", d, exercise)
            stretch += d
            queue.pop(0)
        if last:
            t = min(t, _minutes(day_end) - CLOSING_MINUTES)
            add("closing", CLOSING_MINUTES)
    proposal.unscheduled = queue
    return proposal
