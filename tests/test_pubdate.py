"""Publication-date detection: each kind of evidence, its order, and the range check."""

from __future__ import annotations

import calendar
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder.errors import InputError
from eventcoder.pubdate import (
    MIN_DATE,
    date_from_dateline,
    date_from_header,
    date_from_url,
    find_publication_date,
    parse_header_date,
)

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
META_PAGE = (
    '<html><head><meta property="article:published_time" content="2023-11-08T10:00:00+00:00">'
    "</head><body><h1>Troops enter the town after heavy fighting</h1><p>Text.</p></body></html>"
)
ORDINALS = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}


def test_example_article_date_comes_from_its_header_line() -> None:
    text = (EXAMPLES / "kataeb-hezbollah-rebuke.txt").read_text(encoding="utf-8")
    assert find_publication_date(html=None, text=text, url=None, given=None) == ("2024-03-02", "header")


def test_given_date_wins_over_everything() -> None:
    found = find_publication_date(html=META_PAGE, text="", url="https://x.org/2020/01/02/a", given="2024-05-01")
    assert found == ("2024-05-01", "given")


@pytest.mark.parametrize("bad", ["yesterday", "2024-02-30", "1985-01-01", "2999-01-01"])
def test_invalid_given_date_is_an_input_error(bad: str) -> None:
    with pytest.raises(InputError, match=rf"^invalid published date '{bad}': expected YYYY-MM-DD between 1990-01-01"):
        find_publication_date(html=None, text="", url=None, given=bad)


def test_metadata_beats_url_and_header() -> None:
    found = find_publication_date(
        html=META_PAGE, text="Saturday, 2 March 2024\n\nText.", url="https://x.org/2020/01/02/a", given=None
    )
    assert found == ("2023-11-08", "meta")


def test_url_date_beats_dateline_and_header() -> None:
    text = "Sat. Mar 2nd, 2024\n\nKABUL, 5 March 2024 (AFP) — Text."
    found = find_publication_date(html=None, text=text, url="https://news.example/world/2024/03/04/story", given=None)
    assert found == ("2024-03-04", "url")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example/world/2024/03/02/story", "2024-03-02"),
        ("https://news.example/2024-03-02-gunmen-attack", "2024-03-02"),
        ("https://news.example/story_20240302_gunmen.html", "2024-03-02"),
        ("https://news.example/2024/3/story", None),
        ("https://news.example/2024/13/40/story", None),
        ("https://20240302.example.com/story", None),
    ],
)
def test_dates_in_urls(url: str, expected: str | None) -> None:
    assert date_from_url(url) == expected


@pytest.mark.parametrize(
    ("text", "default_year", "expected"),
    [
        ("BAGHDAD, March 2 (Reuters) - Iraqi officials said", 2024, "2024-03-02"),
        ("BAGHDAD, March 2 (Reuters) - Iraqi officials said", None, None),
        ("March 2, 2024 — Iraqi officials said", None, "2024-03-02"),
        ("KABUL, 2 March 2024 (AFP) — Officials said", None, "2024-03-02"),
        ("MOGADISHU, Somalia, Jan. 5, 2023 - Gunmen", None, "2023-01-05"),
        ("Headline here\n\nMOGADISHU, May 7, 2024 (Horn Observer) — Fighters", None, "2024-05-07"),
        ("On March 2, 2024 - the day of the attack", None, None),
    ],
)
def test_datelines(text: str, default_year: int | None, expected: str | None) -> None:
    assert date_from_dateline(text, default_year=default_year) == expected


def test_dateline_year_comes_from_the_url() -> None:
    text = "BAGHDAD, March 2 (Reuters) - Iraqi officials said"
    assert find_publication_date(html=None, text=text, url="https://x.org/2024/story", given=None) == (
        "2024-03-02",
        "dateline",
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Sat. Mar 2nd, 2024", "2024-03-02"),
        ("Published: Sept. 3, 2023 at 10:15 am EST", "2023-09-03"),
        ("Posted on March 2, 2024 | 10:15", "2024-03-02"),
        ("Date of last revision: August 9, 2017", "2017-08-09"),
        ("22/11/2020 - 04:30 - Source: Agência Brasil", "2020-11-22"),
        ("11/22/2020", "2020-11-22"),
        ("02/03/2024", None),  # day and month cannot be told apart
        ("March 2, 2024 was the day the strike hit", None),
        ("2099-01-01", None),
        ("1989-12-31", None),
        ("Feb 30, 2024", None),
    ],
)
def test_header_lines(line: str, expected: str | None) -> None:
    assert parse_header_date(line) == expected


def test_header_date_must_be_among_the_first_lines() -> None:
    lines = ["Para."] * 6 + ["2024-03-02"]
    assert date_from_header(lines) is None
    assert date_from_header(lines[1:]) == "2024-03-02"


def test_header_date_below_the_headline_in_markup() -> None:
    html = (
        "<html><body><h1>Site</h1><div><h1>Border police report a record number of crossings</h1>"
        "<p><em>10.11.2021</em></p><p>Text of the article.</p></div></body></html>"
    )
    assert find_publication_date(html=html, text="Text of the article.", url=None, given=None) == (
        "2021-11-10",
        "header",
    )


def test_jsonld_date_htmldate_cannot_read_is_metadata() -> None:
    html = (
        '<html><head><script type="application/ld+json">{"datePublished": "Tue, Sep 15 2020 10:01:41 EDT"}'
        "</script></head><body><p>x</p></body></html>"
    )
    assert find_publication_date(html=html, text="x", url=None, given=None) == ("2020-09-15", "meta")


def test_no_evidence_gives_none() -> None:
    assert find_publication_date(html="<p>Nothing here.</p>", text="Nothing here.", url=None, given=None) == (
        None,
        "none",
    )


def _header_formats(day: date) -> list[str]:
    """The same date written in every header format the detector supports."""
    weekday, weekday_abbr = calendar.day_name[day.weekday()], calendar.day_abbr[day.weekday()]
    month, month_abbr = calendar.month_name[day.month], calendar.month_abbr[day.month]
    ordinal = f"{day.day}{ORDINALS.get(day.day, 'th')}"
    return [
        f"{weekday_abbr}. {month_abbr} {ordinal}, {day.year}",
        f"{weekday}, {day.day} {month} {day.year}",
        f"{weekday}, {month} {day.day}, {day.year}",
        f"{month} {day.day}, {day.year}",
        f"{month_abbr}. {day.day}, {day.year} 10:15 am",
        f"{day.day} {month_abbr} {day.year}",
        f"{ordinal} of {month} {day.year}",
        f"Published: {month} {day.day}, {day.year}",
        f"Updated on {day.day} {month} {day.year} 18:04 GMT",
        f"{day.year}-{day.month:02d}-{day.day:02d}",
        f"{day.year}/{day.month:02d}/{day.day:02d}",
        f"{day.day:02d}.{day.month:02d}.{day.year}",
    ]


@settings(max_examples=150, deadline=None)
@given(st.dates(min_value=MIN_DATE, max_value=date.today()))
def test_every_supported_header_format_parses_back(day: date) -> None:
    for line in _header_formats(day):
        assert parse_header_date(line) == day.isoformat(), line


@settings(max_examples=100, deadline=None)
@given(st.dates(min_value=MIN_DATE, max_value=date.today()))
def test_every_dateline_format_parses_back(day: date) -> None:
    month = calendar.month_name[day.month]
    for text in (
        f"BAGHDAD, {month} {day.day}, {day.year} (Reuters) - Officials said.",
        f"KABUL, {day.day} {month} {day.year} (AFP) — Officials said.",
        f"{month} {day.day}, {day.year} — Officials said.",
    ):
        assert date_from_dateline(text) == day.isoformat(), text
