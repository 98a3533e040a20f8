"""Shared fixtures and helpers: one loaded pipeline per test session, the path of the project's shared data,
a store seeded with hand-built results, and the (type, ACLED sub-type) view of coded events."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="session")
def pipeline():
    """The real pipeline with the offline spaCy model, loaded once."""
    from eventcoder.pipeline import Pipeline
    return Pipeline()


@pytest.fixture(scope="session")
def code(pipeline):
    """Code one text and return its events as dicts."""
    def run(text: str, published: str = "2024-03-02") -> list[dict]:
        result = pipeline.code_text(text, published=published)
        assert result.error is None, result.error
        return [event.to_dict() for event in result.events]
    return run


def coded(events: list[dict]) -> list[tuple[str, str | None]]:
    """(PLOVER type, ACLED sub-event type) of each coded event."""
    return [(e["event_type"], e["acled_sub_event_type"]) for e in events]


def seeded_db_url(tmp_path_factory, name: str) -> str:
    """A SQLite store holding the API tests' hand-built results (test_api._results)."""
    from eventcoder.store import Store
    from test_api import _results
    url = f"sqlite:///{tmp_path_factory.mktemp(name) / f'{name}.db'}"
    with Store.open(url) as store:
        for r in _results():
            store.save(r)
    return url
