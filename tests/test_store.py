"""The store: exact round trips, idempotent re-ingestion, atomic saves and event filters.

Round-trip and idempotency tests run on SQLite and, when a server answers, PostgreSQL
(each PostgreSQL test works in its own throwaway schema).
"""

from __future__ import annotations

import functools
import threading
import os
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, delete, make_url, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.schema import CreateSchema, DropSchema

from eventcoder import store as store_mod
from eventcoder.records import Actor, Article, Event, Evidence, Place, Result
from eventcoder.store import Store, date_span

PG_URL = os.environ.get("EVENTCODER_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
BACKENDS = ["sqlite", "postgresql"]


# --- backends --------------------------------------------------------------------------

@functools.cache
def _pg_error() -> str | None:
    """Why PostgreSQL cannot be used, or None when it answers (checked once per run)."""
    try:
        engine = create_engine(PG_URL, connect_args={"connect_timeout": 3})
        with engine.connect():
            pass
        engine.dispose()
    except Exception as exc:  # noqa: BLE001 - any failure means "skip", with the reason shown
        detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()
        return f"{type(exc).__name__}: {detail[0] if detail else ''}"
    return None


@contextmanager
def _pg_schema_url() -> Iterator[str]:
    """A URL whose connections use a fresh schema, dropped with everything in it afterwards."""
    if (error := _pg_error()) is not None:
        where = make_url(PG_URL)
        pytest.skip(f"PostgreSQL not reachable at {where.host}:{where.port or 5432}: {error}")
    schema = f"ec_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(CreateSchema(schema))
    url = make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(DropSchema(schema, cascade=True))
        admin.dispose()


@contextmanager
def _open(backend: str, directory: Path) -> Iterator[Store]:
    """Open a fresh, empty store on the given backend; close and clean it up afterwards."""
    with ExitStack() as stack:
        if backend == "sqlite":
            url = f"sqlite:///{directory / 'events.db'}"
        else:
            url = stack.enter_context(_pg_schema_url())
        db = Store.open(url)
        stack.callback(db.close)
        yield db


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A fresh store on each backend."""
    with _open(request.param, tmp_path) as db:
        yield db


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    """A fresh SQLite store, for tests about query logic rather than the backend."""
    with _open("sqlite", tmp_path) as db:
        yield db


@pytest.fixture(scope="module", params=BACKENDS)
def module_store(request: pytest.FixtureRequest, tmp_path_factory) -> Iterator[Store]:
    """One store per backend shared by a property test's examples (emptied per example)."""
    with _open(request.param, tmp_path_factory.mktemp(request.param)) as db:
        yield db


def _empty(db: Store) -> None:
    """Delete every row, children first."""
    with db.engine.begin() as conn:
        for table in (store_mod.evidence_table, store_mod.event_table, store_mod.merged_table,
                      store_mod.actor_table, store_mod.place_table, store_mod.article_table):
            conn.execute(delete(table))


# --- hand-built records ----------------------------------------------------------------

TEXT = (
    "BAGHDAD (Reuters) - A U.S. drone strike in Baghdad on Wednesday killed a senior "
    "commander of Kataeb Hezbollah, Iraqi security sources said."
)
SENTENCE = TEXT[19:]

US_MIL = Actor(text="U.S.", name="United States Armed Forces", country="USA", sector="MIL",
               wikidata="Q11211")
KH = Actor(text="Kataeb Hezbollah", name="Kata'ib Hezbollah", country="IRQ", sector="PRM",
           wikidata="Q1739102")
BAGHDAD = Place(name="Baghdad", country="IRQ", admin1="Baghdad Governorate", lat=33.3152,
                lon=44.3661, geonames_id=98182, precision="city")


def article(n: int = 0, *, url: str | None = "https://www.reuters.com/world/middle-east/us-strike-baghdad-2024-02-07/",
            content_hash: str | None = None) -> Article:
    """A Reuters-style article; `n` varies its identity."""
    return Article(
        id=f"doc-{n}", text=TEXT, title="U.S. strike in Baghdad kills Kataeb Hezbollah commander",
        site="reuters.com", url=url, language="en", publication_date="2024-02-07",
        publication_date_source="meta",
        content_hash=content_hash if content_hash is not None else f"{n:064x}",
    )


def drone_strike(event_id: str = "3f9c1a7e52d04b1c-0", **changes: object) -> Event:
    """The US drone strike in Baghdad, one killed, with every field filled in."""
    base = Event(
        id=event_id, event_type="ASSAULT", mode="aerial",
        acled_event_type="Explosions/Remote violence", acled_sub_event_type="Air/drone strike",
        cameo_root="19", source=US_MIL, target=KH, date="2024-02-07", date_precision="day",
        date_text="on Wednesday", place=BAGHDAD, fatalities=1, injuries=None,
        claimed_by=Actor(text="the Pentagon", name="United States Department of Defense",
                         country="USA", sector="GOV", wikidata="Q11209"),
        attributed_to=None, attributed_by=Actor(text="Iraqi security sources", country="IRQ",
                                                sector="COP"),
        modality="asserted", is_aggregate=False,
        evidence=Evidence(text=SENTENCE, start=19, end=len(TEXT)), confidence=0.8734,
    )
    return replace(base, **changes)


def result(n: int = 0, events: list[Event] | None = None, **article_changes: object) -> Result:
    """A successful result for article `n`."""
    evs = events if events is not None else [drone_strike(f"{n:016x}-0")]
    return Result(id=f"doc-{n}", article=article(n, **article_changes), events=evs)


# --- round trip and idempotency (both backends) ----------------------------------------

def test_round_trip_is_exact(store: Store) -> None:
    ev = drone_strike()
    sparse = drone_strike("3f9c1a7e52d04b1c-1", mode=None, source=None, target=None, date=None,
                          date_precision=None, date_text=None, place=None, fatalities=None,
                          claimed_by=None, attributed_by=None, modality="claimed",
                          is_aggregate=True, confidence=0.1)
    assert store.save(Result(id="doc-0", article=article(), events=[ev, sparse])) is True
    got = store.events()
    assert got == [ev.to_dict(), sparse.to_dict()]
    assert got[0]["place"]["lat"] == 33.3152 and got[0]["confidence"] == 0.8734
    assert got[0]["target"]["wikidata"] == "Q1739102"
    assert store.counts() == {"articles": 1, "events": 2}


def test_flat_columns_mirror_the_record(store: Store) -> None:
    store.save(result())
    with store.engine.connect() as conn:
        row = conn.execute(select(store_mod.event_table)).mappings().one()
        ev_row = conn.execute(select(store_mod.evidence_table)).mappings().one()
    assert (row["source_country"], row["target_wikidata"], row["place_country"]) == ("USA", "Q1739102", "IRQ")
    assert (row["date_start"], row["date_end"], row["is_aggregate"]) == ("2024-02-07", "2024-02-07", False)
    assert row["attributed_to"] is None and '"COP"' in row["attributed_by"]
    assert (ev_row["text"], ev_row["start"], ev_row["end"]) == (SENTENCE, 19, len(TEXT))


def test_resaving_stores_nothing_twice(store: Store) -> None:
    assert store.save(result()) is True
    before = store.counts()
    assert store.save(result()) is False
    assert store.counts() == before == {"articles": 1, "events": 1}


def test_same_url_different_hash_is_a_duplicate(store: Store) -> None:
    assert store.save(result(0)) is True
    assert store.save(result(1)) is False  # same URL, new hash and event ids
    assert store.save(result(2, url=None)) is True
    assert store.save(result(3, url=None)) is True  # null URLs never collide
    assert store.counts() == {"articles": 3, "events": 3}


def test_same_hash_different_url_is_a_duplicate(store: Store) -> None:
    assert store.save(result(0, url="https://a.example/x")) is True
    again = result(1, url="https://b.example/y", content_hash=f"{0:064x}")
    assert store.save(again) is False
    assert store.counts() == {"articles": 1, "events": 1}


def test_missing_hash_falls_back_to_text_hash(store: Store) -> None:
    assert store.save(result(0, url=None, content_hash="")) is True
    assert store.save(result(1, url=None, content_hash="")) is False  # same text
    assert store.counts()["articles"] == 1


def test_failed_results_are_not_stored(store: Store) -> None:
    assert store.save(Result(id="doc-x", article=None, error="ExtractionError: no text")) is False
    assert store.save(Result(id="doc-y", article=article(), error="LanguageError: de")) is False
    assert store.save(Result(id="doc-z")) is False
    assert store.counts() == {"articles": 0, "events": 0}


def test_article_without_events_is_stored_once(store: Store) -> None:
    assert store.save(result(events=[])) is True
    assert store.save(result(events=[])) is False
    assert store.counts() == {"articles": 1, "events": 0}


def test_concurrent_saves_of_one_article_store_it_once(store: Store) -> None:
    barrier = threading.Barrier(4)

    def save() -> bool:
        barrier.wait()
        return store.save(result())

    with ThreadPoolExecutor(4) as pool:
        outcomes = list(pool.map(lambda _: save(), range(4)))
    assert sorted(outcomes) == [False, False, False, True]
    assert store.counts() == {"articles": 1, "events": 1}


# --- transactions ----------------------------------------------------------------------

def test_failing_event_insert_rolls_back_the_article(store: Store) -> None:
    twins = [drone_strike("same-id"), drone_strike("same-id", fatalities=2)]
    with pytest.raises(IntegrityError):
        store.save(result(events=twins))
    assert store.counts() == {"articles": 0, "events": 0}
    assert store.save(result()) is True  # the hash and URL were not left behind


def test_failure_after_events_rolls_everything_back(store: Store, monkeypatch) -> None:
    def boom(*_args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(Store, "_insert_evidence", staticmethod(boom))
    with pytest.raises(RuntimeError, match="disk full"):
        store.save(result())
    assert store.counts() == {"articles": 0, "events": 0}
    monkeypatch.undo()
    assert store.save(result()) is True
    assert store.counts() == {"articles": 1, "events": 1}


# --- filters ---------------------------------------------------------------------------

PROTEST = drone_strike(
    "b-protest", event_type="PROTEST", mode="demonstrate", acled_event_type="Protests",
    acled_sub_event_type="Peaceful protest", cameo_root="14",
    source=Actor(text="protesters", country="IRQ", sector="CVL"), target=None,
    date="2024-02-09", place=Place(name="Basra", country="IRQ", precision="city"),
    fatalities=None, claimed_by=None, attributed_by=None)
TOWER_22 = drone_strike(
    "c-tower22", mode="drone", target=US_MIL, date="2024-01-27/2024-01-29", date_precision="range",
    source=Actor(text="Islamic Resistance in Iraq", country="IRQ", sector="PRM", wikidata="Q121213843"),
    place=Place(name="Tower 22", country="JOR", precision="exact", lat=33.32, lon=38.69),
    fatalities=3, injuries=40)
WARNING = drone_strike(
    "d-warning", event_type="THREATEN", mode=None, acled_event_type=None,
    acled_sub_event_type=None, cameo_root="13", date="2024-03", date_precision="month",
    source=Actor(text="Tehran", country="IRN", sector="GOV"), target=US_MIL, place=None,
    fatalities=None)
UNDATED = drone_strike("e-undated", date=None, date_precision=None, date_text=None)
FILTER_EVENTS = [drone_strike("a-strike"), PROTEST, TOWER_22, WARNING, UNDATED]


@pytest.fixture
def filled(sqlite_store: Store) -> Store:
    """Two articles holding the five filter events, in order a..e."""
    sqlite_store.save(result(0, events=FILTER_EVENTS[:2], url="https://x.example/1"))
    sqlite_store.save(result(1, events=FILTER_EVENTS[2:], url="https://x.example/2"))
    return sqlite_store


def ids(found: list[dict]) -> list[str]:
    return [e["id"] for e in found]


def test_no_filter_returns_all_in_ingestion_order(filled: Store) -> None:
    assert ids(filled.events()) == ["a-strike", "b-protest", "c-tower22", "d-warning", "e-undated"]
    assert ids(filled.events(limit=2)) == ["a-strike", "b-protest"]
    assert filled.events(limit=0) == []


def test_filter_by_type(filled: Store) -> None:
    assert ids(filled.events(event_type="ASSAULT")) == ["a-strike", "c-tower22", "e-undated"]
    assert ids(filled.events(event_type="PROTEST")) == ["b-protest"]
    assert filled.events(event_type="AGREE") == []


def test_filter_by_country_matches_place_source_or_target(filled: Store) -> None:
    assert ids(filled.events(country="JOR")) == ["c-tower22"]  # place only
    assert ids(filled.events(country="IRN")) == ["d-warning"]  # source only
    assert ids(filled.events(country="USA")) == ["a-strike", "c-tower22", "d-warning", "e-undated"]
    assert ids(filled.events(country="IRQ")) == ["a-strike", "b-protest", "c-tower22", "e-undated"]
    assert ids(filled.events(country="IRQ", event_type="PROTEST")) == ["b-protest"]


def test_filter_by_dates_uses_overlap(filled: Store) -> None:
    assert ids(filled.events(since="2024-02-07")) == ["a-strike", "b-protest", "d-warning"]
    assert ids(filled.events(until="2024-02-07")) == ["a-strike", "c-tower22"]
    assert ids(filled.events(since="2024-01-29", until="2024-01-29")) == ["c-tower22"]  # range end
    assert ids(filled.events(since="2024-02-08", until="2024-02-08")) == []
    assert ids(filled.events(since="2024-03-15", until="2024-03-15")) == ["d-warning"]  # in month
    assert ids(filled.events(since="2024-02", until="2024-02")) == ["a-strike", "b-protest"]
    assert ids(filled.events(until="2024")) == ["a-strike", "b-protest", "c-tower22", "d-warning"]
    assert ids(filled.events(since="2024-02-10", until="2024-02-01")) == []


def test_bad_arguments_raise(filled: Store) -> None:
    with pytest.raises(ValueError, match="since"):
        filled.events(since="last week")
    with pytest.raises(ValueError, match="until"):
        filled.events(until="2024-02-30")
    with pytest.raises(ValueError, match="limit"):
        filled.events(limit=-1)


@pytest.mark.parametrize(("text", "span"), [
    ("2024-02-07", ("2024-02-07", "2024-02-07")),
    ("2024-02", ("2024-02-01", "2024-02-29")),
    ("2023", ("2023-01-01", "2023-12-31")),
    ("2024-W06", ("2024-02-05", "2024-02-11")),
    ("2024-01-27/2024-01-29", ("2024-01-27", "2024-01-29")),
    ("2024-01/2024-03", ("2024-01-01", "2024-03-31")),
    ("2024-01-29/2024-01-27", None),
    ("2024-13", None), ("yesterday", None), ("", None), (None, None),
])
def test_date_span(text: str | None, span: tuple[str, str] | None) -> None:
    assert date_span(text) == span


# --- properties ------------------------------------------------------------------------

opt_text = st.none() | st.text(max_size=30)
int64 = st.integers(min_value=-(2**63), max_value=2**63 - 1)
floats = st.floats(allow_nan=False, allow_infinity=False)
actors = st.none() | st.builds(Actor, text=st.text(max_size=30), name=opt_text, country=opt_text,
                               sector=opt_text, wikidata=opt_text)
places = st.none() | st.builds(
    Place, name=st.text(max_size=30), country=opt_text, admin1=opt_text,
    lat=st.none() | floats, lon=st.none() | floats, geonames_id=st.none() | int64,
    precision=st.sampled_from(["exact", "city", "near", "admin1", "country"]))
days = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
dates = st.none() | st.text(max_size=25) | days.map(date.isoformat) | st.tuples(days, days).map(
    lambda ab: f"{min(ab).isoformat()}/{max(ab).isoformat()}")


@st.composite
def events_(draw: st.DrawFn, event_id: str | None = None) -> Event:
    """Any event the records allow, with unicode text and optional fields left out."""
    return Event(
        id=event_id if event_id is not None else draw(st.text(min_size=1, max_size=40)),
        event_type=draw(st.text(max_size=20)), mode=draw(opt_text),
        acled_event_type=draw(opt_text), acled_sub_event_type=draw(opt_text),
        cameo_root=draw(opt_text), source=draw(actors), target=draw(actors), date=draw(dates),
        date_precision=draw(st.none() | st.sampled_from(["day", "week", "month", "year", "range"])),
        date_text=draw(opt_text), place=draw(places),
        fatalities=draw(st.none() | int64), injuries=draw(st.none() | int64),
        claimed_by=draw(actors), attributed_to=draw(actors), attributed_by=draw(actors),
        modality=draw(st.sampled_from(["asserted", "negated", "future", "hypothetical", "claimed"])),
        is_aggregate=draw(st.booleans()),
        evidence=draw(st.builds(Evidence, text=st.text(max_size=200), start=int64, end=int64)),
        confidence=draw(floats),
    )


@settings(max_examples=60, deadline=None)
@given(evs=st.lists(events_(), min_size=1, max_size=3, unique_by=lambda e: e.id),
       text=st.text(max_size=300), url=st.none() | st.text(max_size=40))
def test_any_event_survives_the_round_trip(module_store: Store, evs: list[Event], text: str,
                                           url: str | None) -> None:
    _empty(module_store)
    art = Article(id="doc", text=text, url=url, content_hash="")
    assert module_store.save(Result(id="doc", article=art, events=evs)) is True
    assert module_store.events() == [e.to_dict() for e in evs]
    assert module_store.save(Result(id="doc", article=art, events=evs)) is False


def _overlaps(ev_date: str | None, since: date | None, until: date | None) -> bool:
    """Reference for the date filter, on date objects rather than SQL strings."""
    span = date_span(ev_date)
    if span is None:
        return since is None and until is None
    start, end = date.fromisoformat(span[0]), date.fromisoformat(span[1])
    return (since is None or end >= since) and (until is None or start <= until)


@settings(max_examples=40, deadline=None)
@given(evs=st.lists(st.builds(lambda d, i: replace(drone_strike(f"ev-{i}"), date=d), dates,
                              st.integers(0, 10**6)), max_size=8, unique_by=lambda e: e.id),
       since=st.none() | days, length=st.none() | st.integers(0, 4000))
def test_date_filter_matches_reference(evs: list[Event], since: date | None,
                                       length: int | None) -> None:
    until = since + timedelta(days=length) if since is not None and length is not None else None
    db = Store.open("sqlite://")
    try:
        db.save(Result(id="doc", article=article(), events=evs))
        got = db.events(since=since and since.isoformat(), until=until and until.isoformat())
    finally:
        db.close()
    assert ids(got) == [e.id for e in evs if _overlaps(e.date, since, until)]


# --- migrations, deduplication in the store, resuming ----------------------------------

def _url(backend: str, directory: Path, stack: ExitStack) -> str:
    return f"sqlite:///{directory / 'old.db'}" if backend == "sqlite" else stack.enter_context(_pg_schema_url())


@pytest.mark.parametrize("backend", BACKENDS)
def test_migrations_build_the_same_schema_as_the_tables(backend: str, tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from eventcoder import migrations
    with ExitStack() as stack:
        url = _url(backend, tmp_path, stack)
        engine = create_engine(url)
        stack.callback(engine.dispose)
        migrations.migrate(engine, "upgrade", "0001")
        migrations.migrate(engine, "upgrade", "head")
        with engine.connect() as conn:
            diffs = compare_metadata(MigrationContext.configure(conn), store_mod.metadata)
        assert diffs == []
        migrations.migrate(engine, "downgrade", "0001")
        migrations.migrate(engine, "upgrade", "head")


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_database_from_before_migrations_is_upgraded_and_deduplicated(backend: str, tmp_path: Path) -> None:
    from eventcoder import migrations
    with ExitStack() as stack:
        url = _url(backend, tmp_path, stack)
        engine = create_engine(url)
        migrations.migrate(engine, "upgrade", "0001")  # the schema as first released ...
        with engine.begin() as conn:
            conn.exec_driver_sql("DROP TABLE alembic_version")  # ... made without Alembic
            for n, ev in enumerate([drone_strike("old-1"), drone_strike("old-2", fatalities=3)]):
                art = store_mod.article_row(article(n, url=f"https://x.example/{n}"))
                aid = conn.execute(store_mod.article_table.insert().values(art)).inserted_primary_key[0]
                row = store_mod.event_row(ev, aid, 0)
                conn.exec_driver_sql(
                    f"INSERT INTO events ({', '.join(k for k in row if k != 'record')}, record) VALUES "
                    f"({', '.join('?' if backend == 'sqlite' else '%s' for k in row)})",
                    tuple(v if k != "record" else __import__("json").dumps(v) for k, v in row.items()))
        engine.dispose()
        with Store.open(url) as db:  # upgrade, then cluster the old events
            assert db.groups() == [["old-1", "old-2"]]
            assert db.merged_count() == 1
            assert db.events() == [drone_strike("old-1").to_dict(), drone_strike("old-2", fatalities=3).to_dict()]


def test_two_articles_on_one_strike_make_one_happening(store: Store) -> None:
    store.save(result(0, url="https://a.example/1"))
    store.save(result(1, url="https://b.example/2", events=[drone_strike("z-other", fatalities=2)]))
    assert store.counts() == {"articles": 2, "events": 2}
    assert store.merged_count() == 1
    assert store.groups() == [["0000000000000000-0", "z-other"]]
    with store.engine.connect() as conn:
        merged = conn.execute(select(store_mod.merged_table)).mappings().one()
    assert (merged["id"], merged["n_mentions"], merged["n_articles"], merged["fatalities"]) == \
        ("0000000000000000-0", 2, 2, 2)


def test_interrupted_ingest_resumes_where_it_stopped(tmp_path: Path, monkeypatch) -> None:
    url = f"sqlite:///{tmp_path / 'resume.db'}"
    batch = [result(n, url=f"https://x.example/{n}", events=[drone_strike(f"ev-{n}", date=f"2024-02-{n + 1:02d}")])
             for n in range(6)]
    calls = {"n": 0}
    real = Store._insert_evidence

    def dies_on_fourth(conn, article_id, evs):  # the process "dies" while saving the 4th article
        calls["n"] += 1
        if calls["n"] == 4:
            raise KeyboardInterrupt
        real(conn, article_id, evs)

    monkeypatch.setattr(Store, "_insert_evidence", staticmethod(dies_on_fourth))
    with Store.open(url) as db, pytest.raises(KeyboardInterrupt):
        for r in batch:
            db.save(r)
    monkeypatch.undo()
    with Store.open(url) as db:
        assert db.counts() == {"articles": 3, "events": 3}
        assert [db.save(r) for r in batch] == [False, False, False, True, True, True]
        once = db.groups()
    with Store.open(f"sqlite:///{tmp_path / 'straight.db'}") as fresh:
        for r in batch:
            fresh.save(r)
        assert fresh.groups() == once and fresh.counts() == {"articles": 6, "events": 6}
