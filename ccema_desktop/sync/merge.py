"""Merge a verified bundle into the headquarters database: idempotent, order-independent, one transaction.

Rules (also in docs/bundle-format.md):
- Records are upserted by UUID. A record another device created under its own UUID for the same thing
  (same e-mail for people; same workshop and person for enrolments; same session and person for
  attendance) is recognised by its natural key and merged into the one headquarters already has; the
  mapping is remembered in `sync_alias` so later bundles map the same way.
- Versions are ordered by (revision, updated_at, device_id). The larger one is kept, so a record never goes
  back to an older revision, the order bundles arrive in does not matter and importing again changes
  nothing. When the two versions come from different devices and their content differs, the losing
  version is written to the conflict log (`sync_conflict`, `ccema conflicts`).
- A merge never deletes: a record missing from a bundle stays.
- A record never moves to another workshop; a bundle that tries is rejected.
- Merges are serialised (PostgreSQL advisory lock; SQLite write lock taken first), so two imports running
  at the same time cannot both create the same person.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Connection,
    Date,
    DateTime,
    Select,
    String,
    Table,
    Time,
    bindparam,
    func,
    literal,
    select,
    text,
    tuple_,
    union_all,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DataError, IntegrityError

from ccema_desktop.i18n import _
from ccema_desktop.storage.db import Database
from ccema_desktop.storage.models import (
    CurriculumModule,
    Exercise,
    SyncAlias,
    SyncConflict,
    SyncDevice,
    SyncImport,
    Workshop,
    utcnow,
)
from ccema_desktop.sync.envelope import BundleRejected, OpenedBundle
from ccema_desktop.sync.registry import BY_NAME, REGISTRY, RecordError, SyncedTable

_CHUNK = 500
_LOCK_KEY = 0x43_43_45_4D  # "CCEM": one advisory lock for all merges into a database
#: Unique columns other than the id whose clash with another record is resolved by renaming the last one.
_UNIQUE_RENAMES: dict[str, tuple[str, ...]] = {
    Workshop.__tablename__: ("code",),
    Exercise.__tablename__: ("module_id", "code"),
}
_UNIQUE_LIMITS = {Workshop.__tablename__: 32, Exercise.__tablename__: 16}


@dataclass
class TableCounts:
    new: int = 0
    updated: int = 0


@dataclass
class MergeResult:
    status: str  # accepted | unchanged
    tables: dict[str, TableCounts] = field(default_factory=dict)
    conflicts: int = 0

    @property
    def new(self) -> int:
        return sum(c.new for c in self.tables.values())

    @property
    def updated(self) -> int:
        return sum(c.updated for c in self.tables.values())


class _Index:
    """Ids and column values of the records in a bundle, for scope and reference checks."""

    def __init__(self, workshop_id: str, records: dict[str, list[dict[str, Any]]]) -> None:
        self.workshop_id = workshop_id
        self._records = records
        self._values: dict[tuple[str, str], set[Any]] = {}

    def ids(self, table: str) -> set[str]:
        return self.values(table, "id")

    def values(self, table: str, column: str) -> set[Any]:
        key = (table, column)
        if key not in self._values:
            self._values[key] = {r.get(column) for r in self._records.get(table, ())}
        return self._values[key]


def _reject(table: str, record_id: Any, reason: str) -> BundleRejected:
    return BundleRejected(
        _("Record {id} of {table} in the bundle is not valid: {reason}.").format(
            id=record_id, table=table, reason=reason
        )
    )


def check_records(bundle: OpenedBundle) -> dict[str, list[dict[str, Any]]]:
    """Decode and check every record: known tables, unique ids, in the workshop, references resolvable."""
    raw: dict[str, list[dict[str, Any]]] = bundle.payload["records"]
    unknown = sorted(set(raw) - set(BY_NAME))
    if unknown:
        raise BundleRejected(
            _(
                "The bundle holds records this version does not know ({tables}). Update CCEMA Desktop at "
                "headquarters and import it again."
            ).format(tables=", ".join(unknown))
        )
    index = _Index(bundle.workshop_id, raw)
    curriculum = bundle.payload["curriculum"]
    known: dict[str, set[Any]] = {t.name: index.ids(t.name) for t in REGISTRY}
    known[CurriculumModule.__tablename__] = {m["id"] for m in curriculum["modules"]}
    known[Exercise.__tablename__] = known[Exercise.__tablename__] | {e["id"] for e in curriculum["exercises"]}
    for ref in curriculum["exercises"]:
        if ref["module_id"] not in known[CurriculumModule.__tablename__]:
            raise BundleRejected(
                _("The bundle's curriculum references are incomplete (exercise {id}).").format(id=ref["id"])
            )
    decoded: dict[str, list[dict[str, Any]]] = {}
    for synced in REGISTRY:
        records = raw.get(synced.name, [])
        if len(index.ids(synced.name)) != len(records):
            raise BundleRejected(_("The bundle lists a record of {table} twice.").format(table=synced.name))
        fks = synced.foreign_keys()
        rows = []
        for record in records:
            if not synced.scope.contains(record, index):
                raise _reject(synced.name, record.get("id"), _("it does not belong to the bundle's workshop"))
            try:
                row = synced.decode(record)
            except RecordError as exc:
                raise _reject(synced.name, record.get("id"), str(exc)) from None
            for column, target in fks.items():
                value = row[column]
                if value is not None and target in known and value not in known[target]:
                    raise _reject(
                        synced.name,
                        row["id"],
                        _("it refers to {table} {id}, which is not in the bundle").format(
                            table=target, id=value
                        ),
                    )
            rows.append(row)
        decoded[synced.name] = rows
    return decoded


def _order(row: dict[str, Any]) -> tuple[int, dt.datetime, str]:
    return (row["revision"], row["updated_at"], row["device_id"])


def _content(synced: SyncedTable, row: dict[str, Any]) -> dict[str, Any]:
    return {c: row[c] for c in synced.content_columns}


def _jsonable(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, dt.date | dt.time) else v for k, v in row.items()}


def _hash(row: dict[str, Any]) -> str:
    return hashlib.sha256(
        json.dumps(_jsonable(row), sort_keys=True, ensure_ascii=True, default=str).encode()
    ).hexdigest()


def _chunks(values: Sequence[Any], size: int = _CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


@lru_cache(maxsize=64)
def _by_ids(table: Table) -> Select[Any]:
    return select(table).where(table.c.id.in_(bindparam("ids", expanding=True)))


_IMPORT_INSERT = SyncImport.__table__.insert()  # type: ignore[attr-defined]
# Statements run once or twice per bundle, built once (building one costs more than SQLite's lookup).
_IMPORTED_QUERY = select(SyncImport.content_hash).where(SyncImport.bundle_id == bindparam("bundle_id"))
_DEVICE_KEY_QUERY = select(SyncDevice.public_key).where(SyncDevice.device_id == bindparam("device_id"))


@lru_cache(maxsize=2)
def _device_upsert(dialect: str) -> Any:
    """Pin the device's key on first sight, count its bundles (a stored key is never replaced here)."""
    module: Any = postgresql if dialect == "postgresql" else sqlite
    table: Table = SyncDevice.__table__  # type: ignore[assignment]
    stmt = module.insert(table)
    return stmt.on_conflict_do_update(
        index_elements=[table.c.device_id],
        set_={"last_seen": stmt.excluded.last_seen, "bundles": table.c.bundles + 1},
    )


@lru_cache(maxsize=1)
def _modules_query() -> Select[Any]:
    return select(CurriculumModule.number, CurriculumModule.id).where(
        CurriculumModule.number.in_(bindparam("numbers", expanding=True))
    )


@lru_cache(maxsize=1)
def _exercises_query() -> Select[Any]:
    return select(Exercise.id, Exercise.module_id, Exercise.code).where(
        Exercise.is_custom.is_(False), Exercise.module_id.in_(bindparam("modules", expanding=True))
    )


@lru_cache(maxsize=64)
def _natural_key_query(synced: SyncedTable) -> Select[Any]:
    """Records whose natural key is among the given values, oldest first (the first one is kept)."""
    table = synced.table
    columns = [table.c[c] for c in synced.natural_key]
    exprs = [func.lower(c) if synced.fold_case else c for c in columns]
    conditions = [expr.in_(bindparam(f"key_{i}", expanding=True)) for i, expr in enumerate(exprs)]
    return select(table).where(*conditions).order_by(table.c.created_at, table.c.id)


@lru_cache(maxsize=8)
def _clash_query(table: Table, columns: tuple[str, ...]) -> Select[Any]:
    """Records holding any of the given values of a unique key (built once: a new statement per bundle
    would be compiled again each time)."""
    conditions = [table.c[c].in_(bindparam(f"key_{i}", expanding=True)) for i, c in enumerate(columns)]
    return select(table.c.id, *[table.c[c] for c in columns]).where(*conditions)


@lru_cache(maxsize=8)
def _aliases_query() -> Select[Any]:
    return select(SyncAlias.table_name, SyncAlias.remote_id, SyncAlias.local_id).where(
        SyncAlias.table_name.in_(bindparam("names", expanding=True)),
        SyncAlias.remote_id.in_(bindparam("ids", expanding=True)),
    )


@lru_cache(maxsize=256)
def _present_sql(shape: tuple[tuple[str, int], ...]) -> str:
    """`_present_query` for SQLite with `?` placeholders: (table, number of ids) per part. Table names come
    from the registry, never from a bundle."""
    return " UNION ALL ".join(
        f"SELECT '{name}', id FROM \"{name}\" WHERE id IN ({', '.join('?' * n)})" for name, n in shape
    )


@lru_cache(maxsize=64)
def _present_query(tables: tuple[SyncedTable, ...]) -> Any:
    """(table name, id) of the given ids each table holds: one statement for the whole bundle."""
    parts = [
        select(literal(t.name, String()).label("table_name"), t.table.c.id.label("id")).where(
            t.table.c.id.in_(bindparam(f"ids_{t.name}", expanding=True))
        )
        for t in tables
    ]
    return parts[0] if len(parts) == 1 else union_all(*parts)


@lru_cache(maxsize=64)
def _upsert_statement(table: Table, dialect: str) -> Any:
    """Insert, or update when the incoming version orders after the stored one (never backwards)."""
    module: Any = postgresql if dialect == "postgresql" else sqlite
    stmt = module.insert(table)
    excluded = stmt.excluded
    return stmt.on_conflict_do_update(
        index_elements=[table.c.id],
        set_={c.name: excluded[c.name] for c in table.columns if c.name not in ("id", "created_at")},
        where=tuple_(excluded.revision, excluded.updated_at, excluded.device_id)
        > tuple_(table.c.revision, table.c.updated_at, table.c.device_id),
    )


@lru_cache(maxsize=4096)
def _stored_datetime(value: dt.datetime, _offset: dt.timedelta | None) -> str:
    """SQLite's text for a time (cached: records written together share their times; the offset is part of
    the key because equal instants in other zones compare equal)."""
    return value.replace(tzinfo=None).isoformat(" ", "microseconds")


def _sqlite_value(kind: Any) -> Callable[[Any], Any] | None:
    """Python value -> what SQLAlchemy stores in SQLite for this column type (same text formats)."""
    if isinstance(kind, JSON):
        return lambda v: None if v is None else json.dumps(v)
    if isinstance(kind, DateTime) or isinstance(getattr(kind, "impl", None), DateTime):
        # Values are UTC already (decoded from the bundle); stored naive, always with microseconds.
        return lambda v: None if v is None else _stored_datetime(v, v.utcoffset())
    if isinstance(kind, Date):
        return lambda v: None if v is None else v.isoformat()
    if isinstance(kind, Time):
        return lambda v: None if v is None else v.isoformat("microseconds")
    if isinstance(kind, Boolean):
        return lambda v: None if v is None else int(v)
    return None


@lru_cache(maxsize=64)
def _sqlite_upsert(table: Table) -> tuple[str, Callable[[dict[str, Any]], tuple[Any, ...]]]:
    """The upsert compiled once for SQLite, and a function turning a row into its driver parameters.

    Per-row parameter processing in SQLAlchemy costs more than SQLite's own work for these small rows;
    the values are converted here to exactly the text SQLAlchemy's SQLite types write (a test compares).
    """
    compiled = _upsert_statement(table, "sqlite").compile(dialect=sqlite.dialect())
    names = tuple(compiled.positiontup or ())
    getter = itemgetter(*names)
    conversions = [(i, f) for i, n in enumerate(names) if (f := _sqlite_value(table.c[n].type)) is not None]

    def params(row: dict[str, Any]) -> tuple[Any, ...]:
        values = list(getter(row))
        for i, convert in conversions:
            values[i] = convert(values[i])
        return tuple(values)

    return compiled.string, params


def _rows_by_id(conn: Connection, table: Table, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(ids):
        for row in conn.execute(_by_ids(table), {"ids": list(chunk)}):
            found[row.id] = dict(row._mapping)
    return found


class _Merger:
    """One bundle's merge; `dry_run` computes the same result without writing."""

    def __init__(self, conn: Connection, bundle: OpenedBundle, dry_run: bool) -> None:
        self.conn = conn
        self.bundle = bundle
        self.dry_run = dry_run
        self.id_map: dict[str, dict[str, str | None]] = defaultdict(dict)
        self.new_aliases: list[dict[str, Any]] = []
        self.conflicts: list[dict[str, Any]] = []
        self.result = MergeResult(status="unchanged")
        self.now = utcnow()
        #: Ids this merge inserts, per table: nothing older can refer to them.
        self.created: dict[str, set[str]] = defaultdict(set)
        #: Ids of the bundle (after aliases) that headquarters already has, per table (`prefetch`).
        self.present: dict[str, set[str]] = defaultdict(set)

    # -- curriculum references -----------------------------------------------------------------------
    def map_curriculum(self) -> None:
        """Map the venue's curriculum UUIDs to headquarters' by module number and exercise code."""
        curriculum = self.bundle.payload["curriculum"]
        numbers = {m["id"]: m["number"] for m in curriculum["modules"]}
        hq_modules: dict[int, str] = (
            {
                number: module_id
                for number, module_id in self.conn.execute(
                    _modules_query(), {"numbers": sorted(set(numbers.values()))}
                )
            }
            if numbers
            else {}
        )
        module_map = self.id_map[CurriculumModule.__tablename__]
        for remote_id, number in numbers.items():
            module_map[remote_id] = hq_modules.get(number)
        shipped = [e for e in curriculum["exercises"] if not e["is_custom"]]
        modules = [m for m in module_map.values() if m]
        hq_exercises = (
            {
                (module_id, code): ex_id
                for ex_id, module_id, code in self.conn.execute(_exercises_query(), {"modules": modules})
            }
            if shipped and modules
            else {}
        )
        exercise_map = self.id_map[Exercise.__tablename__]
        for ref in shipped:
            exercise_map[ref["id"]] = hq_exercises.get((module_map.get(ref["module_id"]), ref["code"]))
        # A custom exercise whose module headquarters lacks keeps nothing to hang on: drop the link.
        custom_modules = {e["module_id"] for e in curriculum["exercises"] if e["is_custom"]}
        if any(module_map.get(m) is None for m in custom_modules):
            for ref in curriculum["exercises"]:
                if ref["is_custom"] and module_map.get(ref["module_id"]) is None:
                    exercise_map[ref["id"]] = None

    # -- one table -----------------------------------------------------------------------------------
    def merge_table(self, synced: SyncedTable, rows: list[dict[str, Any]]) -> None:
        counts = self.result.tables.setdefault(synced.name, TableCounts())
        table = synced.table
        own_map = self.id_map[synced.name]
        rows = [r for r in rows if own_map.get(r["id"], r["id"]) is not None]
        for column, target in synced.foreign_keys().items():
            mapping = self.id_map.get(target)
            if mapping:
                for row in rows:
                    value = row[column]
                    if value in mapping:
                        row[column] = mapping[value]
        if not rows:
            return
        present = self.present.get(synced.name)
        existing = (
            _rows_by_id(self.conn, table, [r["id"] for r in rows if r["id"] in present]) if present else {}
        )
        if synced.natural_key:
            self._match_natural_keys(synced, rows, existing)
        if synced.name in _UNIQUE_RENAMES:
            self._rename_unique_clashes(synced, rows)
        # Several incoming rows may now be the same record: keep the newest, the others lose.
        best: dict[str, dict[str, Any]] = {}
        for row in rows:
            other = best.get(row["id"])
            if other is None or _order(row) > _order(other):
                if other is not None:
                    self._log_conflict(synced, winner=row, loser=other)
                best[row["id"]] = row
            else:
                self._log_conflict(synced, winner=other, loser=row)
        writes: list[dict[str, Any]] = []
        owner = synced.scope.owner_column
        for row in best.values():
            current = existing.get(row["id"])
            if current is None:
                counts.new += 1
                writes.append(row)
                self.created[synced.name].add(row["id"])
                continue
            if owner and current[owner] != row[owner]:
                raise _reject(synced.name, row["id"], _("headquarters has it in another workshop"))
            if _order(row) > _order(current):
                counts.updated += 1
                writes.append(row)
                self._log_conflict(synced, winner=row, loser=current)
            elif _order(row) < _order(current):
                self._log_conflict(synced, winner=current, loser=row)
        if writes and not self.dry_run:
            self._upsert(table, writes)

    def prefetch(self, decoded: dict[str, list[dict[str, Any]]]) -> None:
        """Aliases of the bundle's ids, then which of them headquarters has: a few queries for all tables.

        A record's own id is mapped by its alias before anything else (aliases do not depend on other
        tables), and merges of one table never write another, so what is found here is what each table's
        merge would find.
        """
        aliased = [t.name for t in REGISTRY if t.natural_key and decoded[t.name]]
        ids = [r["id"] for name in aliased for r in decoded[name]]
        known: dict[tuple[str, str], str] = {}
        for chunk in _chunks(ids):
            for table_name, remote_id, local_id in self.conn.execute(
                _aliases_query(), {"names": aliased, "ids": list(chunk)}
            ):
                known[(table_name, remote_id)] = local_id
        if known:
            for name in aliased:
                for row in decoded[name]:
                    local = known.get((name, row["id"]))
                    if local is not None:
                        self.id_map[name][row["id"]] = local
                        row["id"] = local
        tables = [t for t in REGISTRY if decoded[t.name]]
        pairs = [(t, r["id"]) for t in tables for r in decoded[t.name]]
        for start in range(0, len(pairs), _CHUNK):
            chunk = pairs[start : start + _CHUNK]
            used = tuple(t for t in tables if any(u is t for u, _id in chunk))
            by_table = {t.name: [i for u, i in chunk if u is t] for t in used}
            if self.conn.dialect.name == "sqlite":
                # As text: SQLAlchemy's handling of 500 bound ids costs more than SQLite's lookups.
                sql = _present_sql(tuple((t.name, len(by_table[t.name])) for t in used))
                found = self.conn.exec_driver_sql(sql, tuple(i for t in used for i in by_table[t.name]))
            else:
                found = self.conn.execute(_present_query(used), {f"ids_{n}": v for n, v in by_table.items()})
            for table_name, record_id in found:
                self.present[table_name].add(record_id)

    def _key(self, synced: SyncedTable, row: dict[str, Any]) -> tuple[Any, ...] | None:
        values = tuple(row[c] for c in synced.natural_key)
        if any(v is None or v == "" for v in values):
            return None
        if synced.fold_case:
            values = tuple(v.lower() if isinstance(v, str) else v for v in values)
        return values

    def _match_natural_keys(
        self, synced: SyncedTable, rows: list[dict[str, Any]], existing: dict[str, dict[str, Any]]
    ) -> None:
        """Rows new by UUID that headquarters already has under another UUID become that record."""
        pending = [
            (row, key) for row in rows if row["id"] not in existing and (key := self._key(synced, row))
        ]
        if not pending:
            return
        # A key naming a record this merge just created (a new workshop's enrolments) matches nothing older.
        fresh = [
            (column, self.created[target])
            for column, target in synced.foreign_keys().items()
            if column in synced.natural_key and self.created.get(target)
        ]
        lookup = [(row, key) for row, key in pending if not any(row[c] in ids for c, ids in fresh)]
        candidates: dict[tuple[Any, ...], dict[str, Any]] = {}
        from_database: set[str] = set()
        query = _natural_key_query(synced)
        for chunk in _chunks(lookup):
            values = {
                f"key_{i}": sorted({key[i] for _row, key in chunk}) for i in range(len(synced.natural_key))
            }
            for found in self.conn.execute(query, values):
                mapping = dict(found._mapping)
                key = self._key(synced, mapping)
                if key is not None and key not in candidates:
                    candidates[key] = mapping
                    from_database.add(mapping["id"])
        # Rows of this same bundle that share a key are one record too (first by id wins).
        for row, key in sorted(pending, key=lambda p: p[0]["id"]):
            match = candidates.get(key)
            if match is None:
                candidates[key] = row
                continue
            if match["id"] == row["id"]:
                continue
            self.id_map[synced.name][row["id"]] = match["id"]
            self.new_aliases.append(
                {
                    "table_name": synced.name,
                    "remote_id": row["id"],
                    "local_id": match["id"],
                    "created_at": self.now,
                }
            )
            row["id"] = match["id"]
            if match["id"] in from_database:
                existing.setdefault(match["id"], match)

    def _rename_unique_clashes(self, synced: SyncedTable, rows: list[dict[str, Any]]) -> None:
        """Two records from different devices with the same code: the later one gets a suffix."""
        table = synced.table
        columns = _UNIQUE_RENAMES[synced.name]
        last = columns[-1]
        limit = _UNIQUE_LIMITS[synced.name]
        wanted = {tuple(r[c] for c in columns) for r in rows}
        taken: dict[tuple[Any, ...], str] = {}
        values = {f"key_{i}": sorted({k[i] for k in wanted}) for i in range(len(columns))}
        for found in self.conn.execute(_clash_query(table, columns), values):
            taken[tuple(found._mapping[c] for c in columns)] = found.id
        for row in sorted(rows, key=lambda r: r["id"]):
            key = tuple(row[c] for c in columns)
            holder = taken.setdefault(key, row["id"])
            if holder != row["id"]:
                suffix = "~" + row["id"][:6]
                row[last] = str(row[last])[: limit - len(suffix)] + suffix
                taken[tuple(row[c] for c in columns)] = row["id"]

    def _log_conflict(self, synced: SyncedTable, winner: dict[str, Any], loser: dict[str, Any]) -> None:
        if winner["device_id"] == loser["device_id"]:
            return  # an older version from the same device: superseded, not a conflict
        loser_content = _content(synced, loser)
        if _content(synced, winner) == loser_content:
            return
        self.conflicts.append(
            {
                "table_name": synced.name,
                "record_id": winner["id"],
                "winner_device_id": winner["device_id"],
                "winner_revision": winner["revision"],
                "winner_updated_at": winner["updated_at"],
                "loser_device_id": loser["device_id"],
                "loser_revision": loser["revision"],
                "loser_updated_at": loser["updated_at"],
                "loser_hash": _hash({**loser_content, "revision": loser["revision"]}),
                "loser_data": _jsonable(loser),
                "bundle_id": self.bundle.bundle_id,
                "detected_at": self.now,
            }
        )

    def _upsert(self, table: Table, rows: list[dict[str, Any]]) -> None:
        dialect = self.conn.dialect.name
        if dialect == "sqlite":
            sql, to_params = _sqlite_upsert(table)
            params = [to_params(row) for row in rows]
            for chunk in _chunks(params, 5000):
                self.conn.exec_driver_sql(sql, list(chunk))
            return
        stmt = _upsert_statement(table, dialect)
        for chunk in _chunks(rows, 5000):
            self.conn.execute(stmt, list(chunk))

    # -- bookkeeping ---------------------------------------------------------------------------------
    def finish(self, file_name: str) -> None:
        self.result.conflicts = len(self.conflicts)
        if self.result.new or self.result.updated:
            self.result.status = "accepted"
        if self.dry_run:
            return
        module: Any = postgresql if self.conn.dialect.name == "postgresql" else sqlite
        if self.new_aliases:
            alias_table: Table = SyncAlias.__table__  # type: ignore[assignment]
            self.conn.execute(module.insert(alias_table).on_conflict_do_nothing(), self.new_aliases)
        if self.conflicts:
            conflict_table: Table = SyncConflict.__table__  # type: ignore[assignment]
            self.conn.execute(module.insert(conflict_table).on_conflict_do_nothing(), self.conflicts)
        self.conn.execute(
            _device_upsert(self.conn.dialect.name),
            {
                "device_id": self.bundle.device_id,
                "public_key": self.bundle.device_public_key,
                "first_seen": self.now,
                "last_seen": self.now,
                "bundles": 1,
            },
        )
        self.conn.execute(
            _IMPORT_INSERT,
            dict(
                bundle_id=self.bundle.bundle_id,
                content_hash=self.bundle.content_hash,
                device_id=self.bundle.device_id,
                workshop_id=self.bundle.workshop_id,
                format_version=self.bundle.format_version,
                bundle_created_at=self.bundle.created_at,
                imported_at=self.now,
                records_new=self.result.new,
                records_updated=self.result.updated,
                file_name=file_name[:500],
            ),
        )


def _lock(conn: Connection) -> None:
    """Serialise merges: two imports at once must not both create the same person."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})
    elif conn.dialect.name == "sqlite":
        # The first statement writes, so this transaction holds SQLite's write lock before it reads anything.
        conn.execute(text("UPDATE db_meta SET value = value WHERE key = 'database_id'"))


def _already_imported(conn: Connection, bundle: OpenedBundle) -> bool:
    known = conn.execute(_IMPORTED_QUERY, {"bundle_id": bundle.bundle_id}).scalar_one_or_none()
    if known is None:
        return False
    if known != bundle.content_hash:
        raise BundleRejected(
            _(
                "A different bundle with the same id ({id}) was already imported; this one was altered or "
                "made by a faulty copy of the app."
            ).format(id=bundle.bundle_id)
        )
    return True


def check_device_key(conn: Connection, device_id: str, public_key: str) -> None:
    """A device id keeps the key it was first seen with (a bundle signed by another key is an impostor)."""
    key = conn.execute(_DEVICE_KEY_QUERY, {"device_id": device_id}).scalar_one_or_none()
    if key is not None and key != public_key:
        raise BundleRejected(
            _(
                "The device {device} is known to headquarters with another signing key: this bundle was "
                "signed by someone else under that device's name. If that laptop was really reinstalled with "
                "new keys, run 'ccema hq forget-device {device}' at headquarters first."
            ).format(device=device_id)
        )


def merge_bundle(
    db: Database,
    bundle: OpenedBundle,
    file_name: str = "",
    dry_run: bool = False,
    conn: Connection | None = None,
) -> MergeResult:
    """Merge in one transaction (nothing is kept if anything fails); raises BundleRejected with the reason.

    `conn` lets an import of many files reuse one connection (each bundle still has its own transaction).
    """
    decoded = check_records(bundle)
    if conn is None:
        with db.engine.connect() as own:
            return _merge(own, bundle, decoded, file_name, dry_run)
    return _merge(conn, bundle, decoded, file_name, dry_run)


def _merge(
    conn: Connection,
    bundle: OpenedBundle,
    decoded: dict[str, list[dict[str, Any]]],
    file_name: str,
    dry_run: bool,
) -> MergeResult:
    try:
        with conn.begin() as transaction:
            if not dry_run:
                _lock(conn)
            if _already_imported(conn, bundle):
                transaction.rollback()
                return MergeResult(status="unchanged")
            check_device_key(conn, bundle.device_id, bundle.device_public_key)
            merger = _Merger(conn, bundle, dry_run)
            merger.map_curriculum()
            merger.prefetch(decoded)
            for synced in REGISTRY:
                merger.merge_table(synced, decoded[synced.name])
            merger.finish(file_name)
            if dry_run:
                transaction.rollback()
            return merger.result
    except (IntegrityError, DataError) as exc:
        raise BundleRejected(
            _("The bundle does not fit the headquarters data: {reason}").format(reason=str(exc.orig)[:300])
        ) from None


def forget_device(db: Database, device_id: str) -> bool:
    """Let a reinstalled laptop (same device id, new key) send bundles again."""
    with db.transaction() as s:
        device = s.get(SyncDevice, device_id)
        if device is None:
            return False
        s.delete(device)
    return True


@dataclass(frozen=True)
class ConflictView:
    id: int
    table: str
    record_id: str
    winner_device_id: str
    winner_revision: int
    winner_updated_at: dt.datetime
    loser_device_id: str
    loser_revision: int
    loser_updated_at: dt.datetime
    loser_data: dict[str, Any]
    bundle_id: str
    detected_at: dt.datetime

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "table": self.table,
            "record_id": self.record_id,
            "winner": {
                "device_id": self.winner_device_id,
                "revision": self.winner_revision,
                "updated_at": self.winner_updated_at.isoformat(),
            },
            "loser": {
                "device_id": self.loser_device_id,
                "revision": self.loser_revision,
                "updated_at": self.loser_updated_at.isoformat(),
                "data": self.loser_data,
            },
            "bundle_id": self.bundle_id,
            "detected_at": self.detected_at.isoformat(),
        }


def list_conflicts(db: Database) -> list[ConflictView]:
    with db.transaction() as s:
        rows = s.scalars(select(SyncConflict).order_by(SyncConflict.detected_at, SyncConflict.id))
        return [
            ConflictView(
                r.id,
                r.table_name,
                r.record_id,
                r.winner_device_id,
                r.winner_revision,
                r.winner_updated_at,
                r.loser_device_id,
                r.loser_revision,
                r.loser_updated_at,
                r.loser_data,
                r.bundle_id,
                r.detected_at,
            )
            for r in rows
        ]


@dataclass(frozen=True)
class DeviceView:
    device_id: str
    public_key: str
    first_seen: dt.datetime
    last_seen: dt.datetime
    bundles: int

    def as_json(self) -> dict[str, Any]:
        return {
            "device_id": self.device_id,
            "public_key": self.public_key,
            "first_seen": self.first_seen.isoformat(),
            "last_seen": self.last_seen.isoformat(),
            "bundles": self.bundles,
        }


def list_devices(db: Database) -> list[DeviceView]:
    with db.transaction() as s:
        return [
            DeviceView(d.device_id, d.public_key, d.first_seen, d.last_seen, d.bundles)
            for d in s.scalars(select(SyncDevice).order_by(SyncDevice.first_seen))
        ]
