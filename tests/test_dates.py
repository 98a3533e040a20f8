"""The temporal resolver: expressions of the kinds news uses, anchored on a publication date."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventcoder.dates import PAST_SLACK_DAYS, WEEKDAYS, ResolvedDate, resolve, undated

ANCHOR = date(2024, 3, 2)  # a Saturday, the seed article's publication date


@pytest.mark.parametrize(("text", "future", "value", "precision"), [
    ("Friday", False, "2024-03-01", "day"),
    ("Wednesday evening", False, "2024-02-28", "day"),
    ("Saturday", False, "2024-03-02", "day"),
    ("Sunday", True, "2024-03-03", "day"),
    ("Saturday", True, "2024-03-09", "day"),
    ("January 28", False, "2024-01-28", "day"),
    ("Jan. 28", False, "2024-01-28", "day"),
    ("28 January", False, "2024-01-28", "day"),
    ("December 30", False, "2023-12-30", "day"),
    ("March 10", True, "2024-03-10", "day"),
    ("March 10", False, "2024-03-10", "day"),  # within PAST_SLACK_DAYS after the anchor: a report dated early
    ("March 20", False, "2023-03-20", "day"),
    ("02/03", False, "2024-03-02", "day"),
    ("12/03", False, "2024-03-12", "day"),
    ("28/01/2024", False, "2024-01-28", "day"),
    ("2024-01-28", False, "2024-01-28", "day"),
    ("Mar 2nd, 2024", False, "2024-03-02", "day"),
    ("9 May 2020", False, "2020-05-09", "day"),
    ("the past week", False, "2024-02-24/2024-03-02", "range"),
    ("Since mid-October", False, "2023-10-15/2024-03-02", "range"),
    ("mid-October", False, "2023-10-11/2023-10-20", "range"),
    ("the end of January", False, "2024-01-25/2024-01-31", "range"),
    ("Since 2014", False, "2014-01-01/2024-03-02", "range"),
    ("2014", False, "2014-01-01/2014-12-31", "year"),
    ("May 2020", False, "2020-05-01/2020-05-31", "month"),
    ("between 3 and 5 May", False, "2023-05-03/2023-05-05", "range"),
    ("yesterday", False, "2024-03-01", "day"),
    ("last night", False, "2024-03-01", "day"),
    ("today", False, "2024-03-02", "day"),
    ("earlier this month", False, "2024-03-01/2024-03-02", "range"),
    ("last month", False, "2024-02-01/2024-02-29", "month"),
])
def test_resolves(text: str, future: bool, value: str, precision: str) -> None:
    resolved = resolve(text, ANCHOR, future=future)
    assert resolved is not None
    assert (resolved.value, resolved.precision, resolved.text) == (value, precision, text)


@pytest.mark.parametrize("text", ["the future", "approximately 2,500", "recently", ""])
def test_no_date(text: str) -> None:
    assert resolve(text, ANCHOR) is None


def test_an_undated_event_is_the_day_before_its_report() -> None:
    assert undated(ANCHOR) == ResolvedDate("2024-03-01", "week", None)


def test_relative_date_needs_an_anchor() -> None:
    assert resolve("on Friday", None) is None
    assert resolve("9 May 2020", None).value == "2020-05-09"  # type: ignore[union-attr]


anchors = st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31))


@given(anchor=anchors, weekday=st.sampled_from(sorted(WEEKDAYS)), prefix=st.sampled_from(["", "on ", "late on "]),
       future=st.booleans())
def test_weekday_lands_within_a_week_of_the_anchor(anchor: date, weekday: str, prefix: str, future: bool) -> None:
    text = f"{prefix}{weekday.capitalize()}"
    resolved = resolve(text, anchor, future=future)
    assert resolved is not None
    day = date.fromisoformat(resolved.value)
    assert day.strftime("%A").lower() == weekday
    if future:
        assert anchor < day <= anchor + timedelta(days=7)
    else:
        assert anchor - timedelta(days=6) <= day <= anchor
    assert resolve(text, anchor, future=future) == resolved


@given(anchor=anchors, day=st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31)))
def test_month_day_without_year_is_the_nearest_before_the_anchor(anchor: date, day: date) -> None:
    """Nearest before the anchor, except a date at most PAST_SLACK_DAYS after it, which is taken as it is."""
    text = f"{day.strftime('%B')} {day.day}"
    resolved = resolve(text, anchor)
    if resolved is None:  # 29 February in a year without it
        assert (day.month, day.day) == (2, 29)
        return
    found = date.fromisoformat(resolved.value)
    assert (found.month, found.day) == (day.month, day.day)
    latest = anchor + timedelta(days=PAST_SLACK_DAYS)
    assert latest - timedelta(days=366) < found <= latest
