"""Resolve date expressions ("on Friday", "January 28", "since mid-October") against an anchor date.

The anchor is the article's publication date. Past events resolve backwards from it, future events
forwards. Results are a day (`YYYY-MM-DD`) or a range (`YYYY-MM-DD/YYYY-MM-DD`) with a precision.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"

# A day and month without a year this many days after the anchor still take the anchor's year when the event is
# past: a report dated a day or two early ("on 26/06" in a note of 25 June) is likelier than one a year late.
PAST_SLACK_DAYS = 14
# An event the text gives no date is dated this many days before its report: news tells the day's events the
# next day, so a report with no date expression is most often about the day before it appeared.
UNDATED_DAYS_BEFORE = 1
# Precision of such a guessed date: the event happened in the days up to the report.
UNDATED_PRECISION = "week"
# Week of "over the past week": the seven days before the anchor and the anchor itself.
PAST_WEEK_DAYS = 7
# "in recent weeks" is taken as the last four weeks.
RECENT_WEEKS_DAYS = 28
# Parts of a month: "early" = days 1-10, "mid" = 11-20, "late" = 21-end, "end of" = the last week.
MONTH_PARTS = {"early": (1, 10), "beginning of": (1, 7), "start of": (1, 7), "mid": (11, 20),
               "middle of": (11, 20), "late": (21, 31), "end of": (25, 31)}
_PART = r"(?P<part>early|mid|late|(?:the )?(?:beginning|start|middle|end) of)[\s-]*"


@dataclass(frozen=True)
class ResolvedDate:
    """A calendar date or range with its precision and the words it came from."""

    value: str
    precision: str
    text: str | None

    @property
    def start(self) -> str:
        """First day of the date or range."""
        return self.value.split("/")[0]


def _iso(d: date) -> str:
    return d.isoformat()


def _range(start: date, end: date, precision: str, text: str) -> ResolvedDate:
    if start == end:
        return ResolvedDate(_iso(start), "day", text)
    return ResolvedDate(f"{_iso(start)}/{_iso(end)}", precision, text)


def _month_end(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _pick_year(month: int, day: int, anchor: date, future: bool) -> int:
    """The year that puts month/day nearest before the anchor (after it for future events); a past date up to
    PAST_SLACK_DAYS after the anchor is taken as that date ("12 Sep" in a report of 11 September)."""
    def on(year: int) -> date:
        return date(year, month, min(day, _month_end(year, month)))

    if future:
        return anchor.year if on(anchor.year) >= anchor else anchor.year + 1
    latest = anchor + timedelta(days=PAST_SLACK_DAYS)
    return next(year for year in (anchor.year + 1, anchor.year, anchor.year - 1) if on(year) <= latest)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _weekday(match: re.Match[str], anchor: date, future: bool) -> date:
    target = WEEKDAYS[match["weekday"]]
    if future:
        delta = (target - anchor.weekday()) % 7 or 7
        return anchor + timedelta(days=delta)
    return anchor - timedelta(days=(anchor.weekday() - target) % 7)


def _month_part(match: re.Match[str], anchor: date, future: bool, text: str) -> ResolvedDate:
    month = MONTHS[match["month"]]
    part = match["part"].replace("the ", "").strip(" -")
    lo, hi = MONTH_PARTS[part]
    year = int(match["year"]) if match["year"] else _pick_year(month, lo, anchor, future)
    hi = min(hi, _month_end(year, month))
    if part == "end of":
        lo = hi - 6
    return _range(date(year, month, lo), date(year, month, hi), "range", text)


def _relative(low: str, anchor: date, future: bool) -> tuple[date, date, str] | None:
    """Expressions whose meaning is a fixed offset from the anchor."""
    if re.search(r"\b(yesterday|last night)\b", low):
        day = anchor - timedelta(days=1)
        return day, day, "day"
    if re.search(r"\b(today|tonight|this (morning|afternoon|evening))\b", low):
        return anchor, anchor, "day"
    if re.search(r"\btomorrow\b", low):
        day = anchor + timedelta(days=1)
        return day, day, "day"
    if re.search(r"\b(past|last|previous) (seven days|week)\b|\bthis week\b", low):
        return anchor - timedelta(days=PAST_WEEK_DAYS), anchor, "range"
    if re.search(r"\b(recent|past|last) (few )?weeks\b", low):
        return anchor - timedelta(days=RECENT_WEEKS_DAYS), anchor, "range"
    if re.search(r"\b(earlier )?this month\b", low):
        return anchor.replace(day=1), anchor, "range"
    if re.search(r"\blast month\b", low):
        end = anchor.replace(day=1) - timedelta(days=1)
        return end.replace(day=1), end, "month"
    return None


def undated(anchor: date) -> ResolvedDate:
    """The guessed date of a past event its text does not date: UNDATED_DAYS_BEFORE the report, at week precision,
    with no date_text (which tells the reader the date was not stated)."""
    return ResolvedDate(_iso(anchor - timedelta(days=UNDATED_DAYS_BEFORE)), UNDATED_PRECISION, None)


# A date that opens an article ("23 June.", "On 5 May 2020,", "19 December:") dates its undated events.
_LEADING = re.compile(r"^\s*(?:(?:reported |as reported )?on |around |reported )?(?P<expr>[^.:;,\n]{3,30}?)\s*(?:\.(?!\d)|:|,|;|\n|$)",
                      re.I)


def leading_date(text: str, anchor: date | None) -> ResolvedDate | None:
    """The day named at the very start of a text, if it opens with one."""
    m = _LEADING.match(text)
    if m is None:
        return None
    expr = m["expr"].strip()
    if not re.search(r"\d", expr) and not re.search(_WEEKDAY, expr.lower()):
        return None
    resolved = resolve(expr, anchor)
    return resolved if resolved is not None and resolved.precision == "day" else None


def resolve(text: str, anchor: date | None, *, future: bool = False) -> ResolvedDate | None:
    """Resolve one date expression; None when it names no date we can place on the calendar."""
    low = " ".join(text.lower().replace("\u2013", "-").split())
    absolute = _absolute(low, text)
    if absolute is not None:
        return absolute
    if anchor is None:
        return None
    return _anchored(low, text, anchor, future)


def _absolute(low: str, text: str) -> ResolvedDate | None:
    """Dates that need no anchor: full dates, and month or year with a year."""
    m = re.search(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b", low)
    if m and (d := _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))):
        return ResolvedDate(_iso(d), "day", text)
    m = re.search(r"\b(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>(?:19|20)\d\d)\b", low)
    if m:
        d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"])) or _safe_date(int(m["y"]), int(m["d"]), int(m["m"]))
        if d:
            return ResolvedDate(_iso(d), "day", text)
    for pattern in (rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", rf"\b{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}\b"):
        m = re.search(pattern, low)
        if m and (d := _safe_date(int(m["year"]), MONTHS[m["month"]], int(m["day"]))):
            return ResolvedDate(_iso(d), "day", text)
    if re.search(r"\bsince\b", low):
        return None
    m = re.search(rf"\b{_MONTH}\s+{_YEAR}\b", low)
    if m and not re.search(_PART + rf"{_MONTH}", low):
        year, month = int(m["year"]), MONTHS[m["month"]]
        return _range(date(year, month, 1), date(year, month, _month_end(year, month)), "month", text)
    m = re.fullmatch(rf"(?:in |during |early |late |mid-?)?{_YEAR}", low)
    if m:
        year = int(m["year"])
        return _range(date(year, 1, 1), date(year, 12, 31), "year", text)
    return None


def _anchored(low: str, text: str, anchor: date, future: bool) -> ResolvedDate | None:
    """Dates that need the publication date: weekdays, day and month without year, 'since ...'."""
    m = re.search(rf"\bsince\s+(?:{_PART})?{_MONTH}(?:\s+{_YEAR})?", low)
    if m:
        month = MONTHS[m["month"]]
        lo = MONTH_PARTS[m["part"].replace("the ", "").strip(" -")][0] if m["part"] else 1
        if m["part"] and m["part"].startswith("mid"):
            lo = 15
        year = int(m["year"]) if m["year"] else _pick_year(month, lo, anchor, False)
        return _range(date(year, month, lo), anchor, "range", text)
    m = re.search(rf"\bsince\s+{_YEAR}\b", low)
    if m:
        return _range(date(int(m["year"]), 1, 1), anchor, "range", text)
    m = re.search(rf"\bbetween\s+(?P<d1>\d{{1,2}})\s+and\s+{_DAY}\s+{_MONTH}", low)
    if m:
        month = MONTHS[m["month"]]
        year = _pick_year(month, int(m["d1"]), anchor, future)
        start, end = _safe_date(year, month, int(m["d1"])), _safe_date(year, month, int(m["day"]))
        if start and end:
            return _range(start, end, "range", text)
    m = re.search(_PART + rf"{_MONTH}(?:\s+{_YEAR})?", low)
    if m:
        return _month_part(m, anchor, future, text)
    for pattern in (rf"\b{_MONTH}\s+{_DAY}\b", rf"\b{_DAY}(?:\s+of)?\s+{_MONTH}"):
        m = re.search(pattern, low)
        if m:
            month, day = MONTHS[m["month"]], int(m["day"])
            d = _safe_date(_pick_year(month, day, anchor, future), month, day)
            if d:
                return ResolvedDate(_iso(d), "day", text)
    m = re.search(r"\b(?P<d>\d{1,2})/(?P<m>\d{1,2})\b(?!/)", low)
    if m:
        # day/month without a year ("on 20/06"), the order used outside the United States
        month, day = int(m["m"]), int(m["d"])
        if 1 <= month <= 12 and (d := _safe_date(_pick_year(month, min(day, 28), anchor, future), month, day)):
            return ResolvedDate(_iso(d), "day", text)
    rel = _relative(low, anchor, future)
    if rel:
        return _range(rel[0], rel[1], rel[2], text)
    m = re.search(rf"\b{_WEEKDAY}\b", low)
    if m:
        return ResolvedDate(_iso(_weekday(m, anchor, future)), "day", text)
    m = re.fullmatch(rf"(?:in |during )?(?:early |late )?{_MONTH}", low)
    if m:
        month = MONTHS[m["month"]]
        year = _pick_year(month, 1, anchor, future)
        return _range(date(year, month, 1), date(year, month, _month_end(year, month)), "month", text)
    return None
