"""Engine factory and units of work.

SQLite files get WAL, foreign keys and full fsync at every connection, so a power cut loses at most the
transaction in flight and never corrupts the file. Each unit of work is one `with db.transaction() as s:`;
sessions never outlive it and are never shared between threads.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine.url import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from ccema_desktop.storage.models import DbMeta, SyncMixin, utcnow


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    if isinstance(dbapi_connection, sqlite3.Connection):
        # Let SQLAlchemy (not the driver) manage transactions; pragmas must run outside one.
        dbapi_connection.isolation_level = None
        cur = dbapi_connection.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA busy_timeout=10000")
        cur.close()


def _sqlite_begin(conn: Any) -> None:
    # With the driver's own transaction handling off, SQLAlchemy's BEGIN is the only one (and pragmas work).
    conn.exec_driver_sql("BEGIN")


#: WAL pages (4 KiB each: 256 MiB) a batch lets accumulate before a checkpoint copies them into the database
#: file. Each small transaction touches pages all over the UUID indexes, so checkpointing at SQLite's default
#: 1,000 pages rewrites the same pages over and over; the file is truncated again when the batch ends.
BATCH_WAL_PAGES = 65536
_DEFAULT_WAL_PAGES = 1000
#: Written by `batch_commits` when the closing checkpoint cannot finish, to force one flushing commit.
BATCH_FLUSH_KEY = "batch_flushed"


@contextmanager
def batch_commits(conn: Connection) -> Iterator[None]:
    """Many transactions on `conn` that do not each wait for the disk; all on disk when the block ends.

    For imports that commit once per file (SQLite only; elsewhere nothing changes). Inside the block each
    transaction stays atomic and survives the process being killed: in WAL mode with synchronous=NORMAL a
    commit is appended to the WAL file, held by the operating system, and only a power cut or an
    operating-system crash may lose the latest commits. Leaving the block (also on an error) makes all of
    them durable before the caller reports anything: a TRUNCATE checkpoint flushes the WAL, copies it into the
    database file and flushes that; if a reader keeps the checkpoint from finishing, a commit with
    synchronous=FULL flushes the WAL file instead (checkpoints made during the block flushed the database
    file already). The block starts and ends outside a transaction; a database not in WAL mode (which the
    app always sets) keeps full sync throughout.
    """
    if conn.dialect.name != "sqlite":
        yield
        return
    if conn.in_transaction():
        raise RuntimeError("batch_commits starts outside a transaction")
    raw = conn.connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    if raw.execute("PRAGMA journal_mode").fetchone()[0] != "wal":  # NORMAL is only crash-safe with WAL
        yield
        return
    raw.execute("PRAGMA synchronous=NORMAL")
    raw.execute(f"PRAGMA wal_autocheckpoint={BATCH_WAL_PAGES}")
    try:
        yield
    finally:
        if conn.in_transaction():
            conn.rollback()
        raw.execute("PRAGMA synchronous=FULL")
        raw.execute(f"PRAGMA wal_autocheckpoint={_DEFAULT_WAL_PAGES}")
        busy, _log, _done = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy:
            with conn.begin():
                conn.execute(
                    DbMeta.__table__.delete().where(DbMeta.key == BATCH_FLUSH_KEY)  # type: ignore[attr-defined]
                )
                conn.execute(
                    DbMeta.__table__.insert().values(key=BATCH_FLUSH_KEY, value=str(uuid.uuid4()))  # type: ignore[attr-defined]
                )


def make_engine(url: str) -> Engine:
    """An engine for a SQLite file or any SQLAlchemy URL (PostgreSQL at headquarters)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url, poolclass=NullPool)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _bump_revisions(session: Session, _flush_context: Any, _instances: Any) -> None:
    """Every changed synced record gets revision+1, a new updated time and this device's id."""
    device = str(session.info.get("device_id", ""))
    now = utcnow()
    for obj in session.new:
        if isinstance(obj, SyncMixin):
            obj.device_id = device
            obj.created_at = obj.created_at or now
            obj.updated_at = now
    for obj in session.dirty:
        if isinstance(obj, SyncMixin) and session.is_modified(obj, include_collections=False):
            obj.revision = (obj.revision or 0) + 1
            obj.updated_at = now
            obj.device_id = device


class Database:
    """One database (file or server) and the device id that signs its changes."""

    def __init__(self, engine: Engine, device_id: str = "") -> None:
        self.engine = engine
        self.device_id = device_id
        self._factory = sessionmaker(engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session inside one transaction: committed on success, rolled back on any error."""
        session = self._factory()
        session.info["device_id"] = self.device_id
        event.listen(session, "before_flush", _bump_revisions)
        try:
            with session.begin():
                yield session
        finally:
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()
