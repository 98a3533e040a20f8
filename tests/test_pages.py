"""The article stage and the date detector on real pages from ../shared/pages/dev (read, never copied)."""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from eventcoder.article import build_article
from eventcoder.errors import EventcoderError
from eventcoder.inputs import decode_bytes
from eventcoder.pubdate import find_publication_date
from eventcoder.records import Article, Document

PAGES = Path(__file__).resolve().parents[1].parent / "shared" / "pages" / "dev"
# The acceptance bar for publication dates on pages with an annotated date.
MIN_DATE_ACCURACY = 0.85
# Whole lines that are boilerplate in any page; none may survive into an article's text.
BOILERPLATE_LINES = re.compile(
    r"leave a (reply|comment)|your email address will not be published\.?( required fields are marked \*)?"
    r"|required fields are marked \*|share (on|to) (facebook|twitter|whatsapp|linkedin|email)"
    r"|click to share.{0,60}|we use cookies.{0,300}|accept all cookies|subscribe to our newsletter"
    r"|related (posts|articles|stories)|(\d+ )?comments|advertisement|share this:?",
    re.I,
)

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class PageOutcome:
    """What the article stage and the date detector made of one page."""

    id: str
    expected_date: str | None
    article: Article | None
    error: EventcoderError | None
    date: str | None


@pytest.fixture(scope="module")
def outcomes() -> list[PageOutcome]:
    """Every dev page through build_article and find_publication_date, once per test run."""
    if not (PAGES / "pages.jsonl").is_file():
        pytest.skip("../shared/pages/dev absent: the real-page tests need the project's shared data")
    rows = [json.loads(line) for line in (PAGES / "pages.jsonl").read_text(encoding="utf-8").splitlines() if line]
    started = time.monotonic()
    results = [_run_page(row) for row in rows]
    print(f"\n{len(results)} pages in {time.monotonic() - started:.1f} s")
    return results


def _run_page(row: dict[str, str]) -> PageOutcome:
    """One page through the stage; only eventcoder's typed errors are caught."""
    article: Article | None = None
    error: EventcoderError | None = None
    html = ""
    try:
        html = decode_bytes((PAGES / row["file"]).read_bytes(), source=row["file"])
        article = build_article(Document(id=row["id"], html=html, url=row["url"]))
    except EventcoderError as exc:
        error = exc
    text = article.text if article else ""
    date, _ = find_publication_date(html=html or None, text=text, url=row["url"], given=None)
    return PageOutcome(row["id"], row.get("expected_date"), article, error, date)


def test_every_page_gives_an_article_or_a_typed_error(outcomes: list[PageOutcome]) -> None:
    for outcome in outcomes:
        assert (outcome.article is None) != (outcome.error is None), outcome.id
        if outcome.article is not None:
            assert outcome.article.text.strip() and outcome.article.language == "en"
            assert len(outcome.article.content_hash) == 64


def test_publication_date_accuracy(outcomes: list[PageOutcome]) -> None:
    dated = [o for o in outcomes if o.expected_date]
    right = sum(o.date == o.expected_date for o in dated)
    accuracy = right / len(dated)
    print(f"\npublication date right on {right}/{len(dated)} pages ({accuracy:.1%})")
    assert accuracy >= MIN_DATE_ACCURACY


def test_article_date_matches_the_detector(outcomes: list[PageOutcome]) -> None:
    for outcome in outcomes:
        if outcome.article is not None:
            assert outcome.article.publication_date == outcome.date, outcome.id


def test_no_boilerplate_line_reaches_the_text(outcomes: list[PageOutcome]) -> None:
    for outcome in outcomes:
        if outcome.article is None:
            continue
        for line in outcome.article.text.splitlines():
            assert not BOILERPLATE_LINES.fullmatch(" ".join(line.split())), (outcome.id, line)
