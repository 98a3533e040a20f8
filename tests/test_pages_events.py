"""Precision on real pages: pages about sport, weather, recipes or software yield no violence, protest or coercion."""

from __future__ import annotations

import json

import pytest

from conftest import SHARED
from eventcoder.inputs import decode_bytes
from eventcoder.records import Document

PAGES = SHARED / "pages" / "dev"
# Issue 2's bar: at most 5% of the non-conflict pages may yield a violent or coercive event.
MIN_CLEAN_SHARE = 0.95
VIOLENT_TYPES = frozenset({"ASSAULT", "PROTEST", "COERCE"})

pytestmark = pytest.mark.slow


def test_non_conflict_pages_yield_no_violence(pipeline) -> None:
    if not (PAGES / "pages.jsonl").is_file():
        pytest.skip("../shared/pages/dev absent: the real-page tests need the project's shared data")
    rows = [json.loads(line) for line in (PAGES / "pages.jsonl").read_text(encoding="utf-8").splitlines() if line]
    rows = [r for r in rows if r["conflict_related"] is False]
    docs = [Document(id=r["id"], html=decode_bytes((PAGES / r["file"]).read_bytes(), source=r["file"]), url=r["url"])
            for r in rows]
    results = list(pipeline.run(docs))
    assert [r.id for r in results] == [r["id"] for r in rows]
    flagged = {r.id: [e.evidence.text[:80] for e in r.events if e.event_type in VIOLENT_TYPES] for r in results}
    flagged = {k: v for k, v in flagged.items() if v}
    clean = 1 - len(flagged) / len(rows)
    print(f"\n{len(rows)} non-conflict pages, {len(flagged)} with a violent event, clean share {clean:.3f}")
    assert clean >= MIN_CLEAN_SHARE, flagged
