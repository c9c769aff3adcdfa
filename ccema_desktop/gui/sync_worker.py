"""The background outbox worker: contacts headquarters and sends waiting bundles, never on the UI thread.

One `SyncWorker` lives per `GuiServices` (a child of it; `worker_for(services)` finds or makes it). A QTimer
starts a *cycle* every minute, and "Sync now" starts one at once. A cycle runs on the task runner: it queues
the workshops asked for, reads the enrolment, contacts headquarters itself (`outbox.check_reachable`: the
operating system's "online" flag says nothing about headquarters), sends the bundles that are due when it
answered, and reads the outbox back. Only one cycle runs at a time; a request during a cycle starts another
right after it. The UI thread only receives the result (`changed`), so a slow or dead network never
freezes a window.

What the worker shows is what the outbox files say: "Headquarters reachable" only after headquarters
answered, and each bundle's state as `outbox.list_items` reads it.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from ccema_desktop.errors import KnownError
from ccema_desktop.gui.services import GuiServices
from ccema_desktop.gui.tasks import TaskHandle
from ccema_desktop.i18n import _, babel_locale, current_language, format_date, ngettext

if TYPE_CHECKING:
    from ccema_desktop.sync.outbox import OutboxItem

log = logging.getLogger(__name__)

#: A cycle starts this often while the app runs (and at once after "Sync now").
INTERVAL_MS = 60_000
#: The first cycle waits this long after the main window is shown, so start-up stays quick.
FIRST_CYCLE_DELAY_MS = 1500

#: Bundle states that still need sending (a failed one is tried again after its back-off).
TO_SEND = ("waiting", "sending", "failed")


@dataclass(frozen=True)
class SyncSnapshot:
    """What is known about sync after a cycle (or a local read with no network)."""

    enrolled: bool = False
    key_id: str = ""
    url: str | None = None
    items: tuple[OutboxItem, ...] = ()
    reachable: bool | None = None  # None: not contacted (no address, or not tried yet)
    reach_detail: str = ""
    checked_at: dt.datetime | None = None
    problem: str = ""  # what stopped the last cycle (plain words), "" when it went through

    def count(self, *states: str) -> int:
        return sum(1 for item in self.items if item.state in states)

    @property
    def last_confirmed(self) -> dt.datetime | None:
        known = [i.confirmed_at for i in self.items if i.state == "confirmed" and i.confirmed_at is not None]
        return max(known) if known else None


@dataclass
class _CycleResult:
    snapshot: SyncSnapshot
    queued: list[OutboxItem] = field(default_factory=list)
    errors: list[BaseException] = field(default_factory=list)  # of what the person asked for
    background_errors: list[BaseException] = field(default_factory=list)  # of automatic queueing
    statuses: dict[str, str] | None = None


def local(value: dt.datetime) -> dt.datetime:
    """A stored time (UTC, or naive meaning UTC) in the computer's time zone."""
    return (value if value.tzinfo else value.replace(tzinfo=dt.UTC)).astimezone()


def format_when(value: dt.datetime, now: dt.datetime | None = None) -> str:
    """'10:42' today, '14 Mar 2025, 10:42' on another day, in the language shown."""
    from babel.dates import format_time

    when = local(value)
    today = (now or dt.datetime.now().astimezone()).date()
    clock = str(format_time(when, format="short", locale=babel_locale(current_language())))
    if when.date() == today:
        return clock
    return _("{date}, {time}").format(date=format_date(when.date(), fmt="medium"), time=clock)


def status_text(snapshot: SyncSnapshot | None) -> str:
    """The status-bar line: '' when no headquarters is enrolled."""
    if snapshot is None or not snapshot.enrolled:
        return ""
    parts: list[str] = []
    waiting = snapshot.count("waiting", "sending")
    failed = snapshot.count("failed")
    delivered = snapshot.count("delivered")
    if waiting:
        parts.append(ngettext("{n} waiting", "{n} waiting", waiting).format(n=waiting))
    if failed:
        parts.append(ngettext("{n} failed", "{n} failed", failed).format(n=failed))
    if delivered:
        parts.append(
            ngettext("{n} held at headquarters", "{n} held at headquarters", delivered).format(n=delivered)
        )
    if snapshot.reachable is False:
        parts.append(_("headquarters not reachable"))
    elif snapshot.url is None:
        parts.append(_("no inbox address: carry bundles on a USB stick"))
    last = snapshot.last_confirmed
    if last is not None:
        parts.append(_("last confirmed {time}").format(time=format_when(last)))
    if not parts:
        parts.append(_("nothing to send") if not snapshot.items else _("all confirmed"))
    return _("Sync: {state}").format(state=" · ".join(parts))


def _snapshot(
    services: GuiServices, contact: bool, force: bool, cancelled: Callable[[], bool], progress: Any
) -> SyncSnapshot:
    """Runs off the UI thread: enrolment, reachability (when `contact`), sending, then the outbox."""
    from ccema_desktop.sync import keys, outbox

    ctx = services.ctx
    try:
        enrolled = keys.enrolled_headquarters(ctx.paths)
    except KnownError as exc:
        return SyncSnapshot(items=tuple(outbox.list_items(ctx)), problem=str(exc))
    if enrolled is None:
        return SyncSnapshot(items=tuple(outbox.list_items(ctx)))
    url = outbox.hq_url(ctx)
    reachable: bool | None = None
    detail = ""
    checked: dt.datetime | None = None
    problem = ""
    if contact and url:
        reachable, detail = outbox.check_reachable(ctx)
        checked = dt.datetime.now(dt.UTC)
        # "Sync now" tries even when headquarters did not answer, so each bundle records why it failed.
        if (reachable or force) and not cancelled():
            try:
                outbox.send_pending(ctx, progress=progress, cancelled=cancelled, force=force)
            except KnownError as exc:
                problem = str(exc)
    return SyncSnapshot(
        enrolled=True,
        key_id=enrolled.key_id,
        url=url,
        items=tuple(outbox.list_items(ctx)),
        reachable=reachable,
        reach_detail=detail,
        checked_at=checked,
        problem=problem,
    )


@dataclass
class _Request:
    """What the next cycle should do; requests made during a cycle add up."""

    contact: bool = False  # contact headquarters (reachability, sending)
    force: bool = False  # send failed and held bundles now too, not only when their next attempt is due
    queue: list[tuple[str, str]] = field(default_factory=list)  # (workshop id, trigger) to queue first
    statuses: bool = False  # look for workshops that were just closed

    def merge(self, other: _Request) -> None:
        self.contact = self.contact or other.contact
        self.force = self.force or other.force
        self.statuses = self.statuses or other.statuses
        self.queue.extend(q for q in other.queue if q not in self.queue)


class SyncWorker(QObject):
    """Runs sync cycles on the task runner; `changed` fires on the UI thread with each new snapshot.

    It also queues a bundle when a workshop is set to closed (`outbox.queue_on_close`, which does nothing
    when no headquarters is enrolled): on every "workshops" change it compares the statuses with the ones
    it saw before.
    """

    changed = Signal(object)  # SyncSnapshot
    activity_changed = Signal(str)  # "", "contacting", "reading"
    progress = Signal(int, int)  # bundles done, bundles due
    queued = Signal(object)  # OutboxItem queued by "Sync now" or by closing a workshop
    failed = Signal(object)  # BaseException from a request the person made ("Sync now"); show it

    def __init__(self, services: GuiServices, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(services)
        self.services = services
        self.snapshot: SyncSnapshot | None = None
        self.activity = ""
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.cycle)
        self._first = QTimer(self)
        self._first.setSingleShot(True)
        self._first.timeout.connect(self._first_cycle)
        self._handle: TaskHandle | None = None
        self._running = False
        self._generation = 0
        self._next: _Request | None = None
        self._statuses: dict[str, str] | None = None  # workshop id -> status, as last seen
        services.data_changed.connect(self._on_data_changed)

    # --- control ----------------------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._running

    @property
    def interval_ms(self) -> int:
        return self._timer.interval()

    def start(self, delay_ms: int = 0) -> None:
        """Cycle after `delay_ms` (the window comes first at start-up), then every interval."""
        self._timer.start()
        if delay_ms > 0:
            self._first.start(delay_ms)
        else:
            self._first_cycle()

    def _first_cycle(self) -> None:
        self._request(_Request(contact=True, statuses=True))

    def stop(self) -> None:
        """No more cycles; a running one is asked to stop between bundles."""
        self._timer.stop()
        self._first.stop()
        self._next = None
        if self._handle is not None:
            self._handle.cancel()

    def is_active(self) -> bool:
        return self._timer.isActive()

    def sync_now(self, workshop_ids: Sequence[str] = ()) -> None:
        """Queue fresh bundles of these workshops, then send everything not confirmed, in the background."""
        self._request(_Request(contact=True, force=True, queue=[(w, "manual") for w in workshop_ids]))

    def check_now(self) -> None:
        """Contact headquarters now (and send what is due)."""
        self._request(_Request(contact=True))

    def refresh(self) -> None:
        """Read enrolment and outbox again without contacting headquarters (e.g. when a screen opens)."""
        self._request(_Request())

    def cycle(self) -> None:
        """What the timer does: contact headquarters and send what is due."""
        self._request(_Request(contact=True))

    def _on_data_changed(self, what: str) -> None:
        if what == "workshops" and self._statuses is not None:
            self._request(_Request(statuses=True))

    # --- the cycle --------------------------------------------------------------------------------------------
    def _request(self, request: _Request) -> None:
        if self._running:
            if self._next is None:
                self._next = request
            else:
                self._next.merge(request)
            return
        self._run(request)

    def _run(self, request: _Request) -> None:
        self._running = True
        services = self.services
        previous = self.snapshot
        known = dict(self._statuses) if self._statuses is not None else None

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> _CycleResult:
            from ccema_desktop.sync import outbox

            result = _CycleResult(SyncSnapshot())
            to_queue = list(request.queue)
            if request.statuses:
                from ccema_desktop.services import workshops

                result.statuses = {w.id: w.status for w in workshops.list_workshops(services.db)}
                if known is not None:
                    for workshop_id, status in result.statuses.items():
                        if status == "closed" and known.get(workshop_id, "closed") != "closed":
                            to_queue.append((workshop_id, "closed"))
            for workshop_id, trigger in to_queue:
                try:
                    if trigger == "closed":
                        item = outbox.queue_on_close(services.ctx, workshop_id)
                        if item is not None:
                            result.queued.append(item)
                    else:
                        result.queued.append(
                            outbox.queue_workshop(services.ctx, workshop_id, trigger=trigger)
                        )
                except Exception as exc:  # shown to the person who asked; the cycle goes on
                    if trigger == "closed":
                        result.background_errors.append(exc)
                    else:
                        result.errors.append(exc)
            contact = request.contact or bool(result.queued)
            result.snapshot = _snapshot(services, contact, request.force, cancelled, progress)
            if not contact and previous is not None:  # keep what the last contact found out
                result.snapshot = _keep_reachability(result.snapshot, previous)
            return result

        self._set_activity("contacting" if request.contact or request.queue else "reading")
        self._generation += 1
        generation = self._generation
        handle = services.runner.run(
            work, self._on_done, self._on_error, on_progress=self._on_progress, with_progress=True
        )
        if self._running and self._generation == generation:  # not finished already (synchronous runner)
            self._handle = handle

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.emit(done, total)

    def _on_done(self, result: _CycleResult) -> None:
        self._finish()
        if result.statuses is not None:
            self._statuses = result.statuses
        for exc in result.background_errors:
            log.warning("could not queue a closed workshop: %s", exc)
        problem = str(result.background_errors[0]) if result.background_errors else ""
        if problem and not result.snapshot.problem:
            result.snapshot = _with_problem(result.snapshot, problem)
        self.snapshot = result.snapshot
        for item in result.queued:
            self.queued.emit(item)
        for exc in result.errors:
            self.failed.emit(exc)
        self.changed.emit(result.snapshot)
        self._run_next()

    def _on_error(self, exc: BaseException) -> None:
        self._finish()
        if isinstance(exc, KnownError):
            problem = str(exc)
        else:
            log.error("sync cycle failed", exc_info=exc)
            problem = _("Sync stopped on an unexpected problem; it is tried again in a minute.")
        self.snapshot = _with_problem(self.snapshot or SyncSnapshot(), problem)
        self.changed.emit(self.snapshot)
        self._run_next()

    def _finish(self) -> None:
        self._running = False
        self._handle = None
        self._set_activity("")

    def _run_next(self) -> None:
        request, self._next = self._next, None
        if request is not None:
            self._run(request)

    def _set_activity(self, activity: str) -> None:
        if activity != self.activity:
            self.activity = activity
            self.activity_changed.emit(activity)


def _with_problem(snapshot: SyncSnapshot, problem: str) -> SyncSnapshot:
    return replace(snapshot, problem=problem)


def _keep_reachability(fresh: SyncSnapshot, previous: SyncSnapshot) -> SyncSnapshot:
    if fresh.url != previous.url or not fresh.enrolled:
        return fresh
    return replace(
        fresh,
        reachable=previous.reachable,
        reach_detail=previous.reach_detail,
        checked_at=previous.checked_at,
    )


def worker_for(services: GuiServices) -> SyncWorker:
    """The one worker of these services (made on first use, not started: the main window starts it)."""
    worker = services.findChild(SyncWorker)
    if isinstance(worker, SyncWorker):
        return worker
    return SyncWorker(services)
