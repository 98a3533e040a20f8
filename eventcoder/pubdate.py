"""Publication date of an article, with the kind of evidence it came from.

Evidence is tried from strongest to weakest: a date the caller gives, the page's metadata, the
URL, a news dateline, then a date line in the page header.
"""

from __future__ import annotations

import html as html_lib
import logging
import re
from collections.abc import Sequence
from datetime import date, timedelta

from htmldate import find_date
from lxml.etree import LxmlError

from eventcoder.errors import InputError
from eventcoder.records import DateSource

logger = logging.getLogger(__name__)

# News archives on the web start in the 1990s; an earlier "publication date" is a date the page
# talks about (a founding year, a historical event), not when it was written.
MIN_DATE = date(1990, 1, 1)
# Pages published "tomorrow" exist: a page stamped in Tokyo is ahead of a machine in UTC.
FUTURE_TOLERANCE = timedelta(days=1)
# A dateline opens the article's first paragraph (after a headline, a byline or a date line, when
# the extractor kept them); we look no further than the first characters of those paragraphs.
DATELINE_PARAGRAPHS = 3
DATELINE_WINDOW_CHARS = 300
# A header date sits above the headline or just below it, among the first few lines.
HEADER_LINES = 6
# How much markup around the page's <h1> is searched for a header date.
HEADER_WINDOW_CHARS = 3000
# Sites that wrap their logo in <h1> give it a word or two; a headline has more.
MIN_HEADLINE_WORDS = 4
# A header date line is the date and little else ("Published: Sat. Mar 2nd, 2024 10:15 am").
MAX_HEADER_LINE_CHARS = 80

_MONTHS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_SEP = r"\s*[-—–|]\s*"

# Dates written out: "Sat. Mar 2nd, 2024", "Saturday, 2 March 2024", "2024-03-02", "02.03.2024".
_WRITTEN_DATES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.I)
    for p in (
        _WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR,
        _WEEKDAY + _DAY + r"(?:\s+of)?\s+" + _MONTH + r",?\s+" + _YEAR,
        r"(?P<year>(?:19|20)\d{2})-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)",
        r"(?P<year>(?:19|20)\d{2})/(?P<month>[01]?\d)/(?P<day>[0-3]?\d)",
        r"(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d{2})",
        # 02/03/2024 is read only when one of the two numbers cannot be a month.
        r"(?P<first>[0-3]?\d)/(?P<second>[0-3]?\d)/(?P<year>(?:19|20)\d{2})",
    )
)
# What may precede a header date on its line: a label ("Published on", "Date of last revision:")
# or a byline ending in a separator ("By Jane Doe |").
_HEADER_PREFIX = re.compile(
    r"^(?:(?:published|posted|updated|last updated|first published)(?:\s+on)?\s*:?\s*"
    r"|[^|·•:\d]{1,40}[|·•:]\s*)?",
    re.I,
)
# What may follow it: a time, then nothing or a separator and anything ("- 04:30 - Source: AFP").
_HEADER_SUFFIX = re.compile(
    r"^,?\s*(?:(?:at\s+|[-|·•–—]\s*)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*"
    r"(?:[A-Z]{2,4}|GMT[+-]?\d*|UTC[+-]?\d*)?)?\s*(?:$|[|·•–—-]\s|\()",
    re.I,
)
# "BAGHDAD, March 2 (Reuters) -", "KABUL, 2 March 2024 (AFP) —", "March 2, 2024 —".
# The place of a dateline is written in capitals ("RAS AL-AIN", "NEW YORK"), then maybe a region.
_DATELINE_PLACE = r"^(?:[A-Z][A-Z.'’-]+(?:[ /][A-Z][A-Z.'’-]+)*,?\s+)?(?:[A-Z][a-z]+\.?(?: [A-Z][a-z]+)?,\s+)?"
_DATELINE_AGENCY = r"(?:\s*\([A-Za-z .&/-]{1,25}\))?"
_DATELINES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(_DATELINE_PLACE + p + _DATELINE_AGENCY + _SEP)
    for p in (
        r"(?i:" + _MONTH + r")\s+" + _DAY + r"(?:,?\s+" + _YEAR + r")?",
        _DAY + r"\s+(?i:" + _MONTH + r")(?:,?\s+" + _YEAR + r")?",
    )
)
# A date in a URL path: /2024/03/02/, /2024-03-02-, _20240302_.
_URL_DATES: tuple[re.Pattern[str], ...] = (
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})[/_.-](?P<month>[01]?\d)[/_.-](?P<day>[0-3]?\d)(?!\d)"),
    re.compile(r"[/_-](?P<year>(?:19|20)\d{2})(?P<month>[01]\d)(?P<day>[0-3]\d)(?=[/_.-]|$)"),
)
_JSONLD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{6,80})"')
_H1 = re.compile(r"<h1\b[^>]*>.*?</h1\s*>", re.I | re.S)
_INVISIBLE = re.compile(r"<(script|style|noscript|template|svg)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|br|li|ul|ol|h[1-6]|header|footer|section|article|aside|nav|main|figure|figcaption"
    r"|table|tr|td|th|dl|dt|dd|blockquote|hr|form|button|label)\b[^>]*>",
    re.I,
)
_ANY_TAG = re.compile(r"<[^>]*>")
_URL_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def find_publication_date(
    *, html: str | None, text: str, url: str | None, given: str | None
) -> tuple[str | None, DateSource]:
    """The article's publication date as YYYY-MM-DD, and which evidence gave it."""
    if given:
        return parse_given_date(given), "given"
    if html:
        found = _date_from_metadata(html) or date_from_jsonld(html)
        if found is not None:
            return found, "meta"
    if url:
        found = date_from_url(url)
        if found is not None:
            return found, "url"
    found = date_from_dateline(text, default_year=_url_year(url))
    if found is not None:
        return found, "dateline"
    found = date_from_header(text.splitlines())
    if found is None and html:
        found = date_from_header(html_header_lines(html))
    if found is not None:
        return found, "header"
    return None, "none"


def date_from_url(url: str) -> str | None:
    """A plausible date written in the URL's path, such as /2024/03/02/."""
    path = re.sub(r"^[a-z]+://[^/]+", "", url, flags=re.I)
    for pattern in _URL_DATES:
        for match in pattern.finditer(path):
            found = _valid(match.group("year"), match.group("month"), match.group("day"))
            if found is not None:
                return found
    return None


def date_from_dateline(text: str, *, default_year: int | None = None) -> str | None:
    """The date of a news dateline opening one of the first paragraphs of `text`.

    A dateline without a year ("BAGHDAD, March 2 (Reuters) -") needs `default_year`.
    """
    paragraphs = [p.strip() for p in text.splitlines() if p.strip()][:DATELINE_PARAGRAPHS]
    for paragraph in paragraphs:
        for pattern in _DATELINES:
            match = pattern.match(paragraph[:DATELINE_WINDOW_CHARS])
            year = (match.group("year") or default_year) if match else None
            if match is not None and year is not None:
                return _valid(year, match.group("month"), match.group("day"))
    return None


def date_from_header(lines: Sequence[str]) -> str | None:
    """The date on a line of its own among the first non-empty `lines` (a site's date header)."""
    candidates = [line.strip() for line in lines if line.strip()][:HEADER_LINES]
    for line in candidates:
        if len(line) <= MAX_HEADER_LINE_CHARS:
            found = parse_header_date(line)
            if found is not None:
                return found
    return None


def parse_header_date(line: str) -> str | None:
    """`line` as YYYY-MM-DD when it is a date (optionally with a label and a time), else None."""
    body = _HEADER_PREFIX.sub("", line.strip(), count=1)
    for pattern in _WRITTEN_DATES:
        match = pattern.match(body)
        if match is not None and _HEADER_SUFFIX.match(body[match.end():]):
            return _date_from_match(match)
    return None


def date_from_jsonld(html: str) -> str | None:
    """The first schema.org datePublished in the page that reads as a date (htmldate's fallback)."""
    for match in _JSONLD_PUBLISHED.finditer(html):
        value = match.group(1)
        for pattern in _WRITTEN_DATES:
            found_match = pattern.search(value)
            found = _date_from_match(found_match) if found_match else None
            if found is not None:
                return found
    return None


def html_header_lines(html: str) -> list[str]:
    """Visible text lines of the page just below its first <h1>, then just above it."""
    heading = next((h for h in _H1.finditer(html) if _is_headline(h.group(0))), None)
    if heading is None:
        return []
    after = _visible_lines(html[heading.end() : heading.end() + HEADER_WINDOW_CHARS])
    before = _visible_lines(html[max(0, heading.start() - HEADER_WINDOW_CHARS) : heading.start()])
    return after[:HEADER_LINES] + before[-HEADER_LINES:][::-1]


def _is_headline(h1: str) -> bool:
    """Whether an <h1> element reads as an article headline rather than a site logo."""
    return len(" ".join(_visible_lines(h1)).split()) >= MIN_HEADLINE_WORDS


def _visible_lines(fragment: str) -> list[str]:
    """Text lines of an HTML fragment: scripts dropped, block tags as line breaks, inline tags removed."""
    fragment = _INVISIBLE.sub(" ", fragment)
    fragment = _BLOCK_TAG.sub("\n", fragment)
    text = html_lib.unescape(_ANY_TAG.sub("", fragment))
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _date_from_metadata(html: str) -> str | None:
    """The original publication date in the page's markup (meta tags, JSON-LD, <time>)."""
    today = date.today() + FUTURE_TOLERANCE
    try:
        return find_date(
            html,
            extensive_search=False,  # no free-text search: it picks up unrelated dates in the body
            original_date=True,
            outputformat="%Y-%m-%d",
            min_date=MIN_DATE.isoformat(),
            max_date=today.isoformat(),
        )
    except (ValueError, TypeError, LxmlError) as exc:
        logger.debug("htmldate failed on a page: %s", exc)
        return None


def parse_given_date(given: str) -> str:
    """A caller-given date (--published, a JSONL field) as YYYY-MM-DD; InputError if implausible.

    The CLI can call this once to reject a bad --published before reading any input.
    """
    match = re.fullmatch(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?\s*", given)
    found = _valid(*match.groups()) if match else None
    if found is None:
        latest = (date.today() + FUTURE_TOLERANCE).isoformat()
        raise InputError(
            f"invalid published date {given!r}: expected YYYY-MM-DD between {MIN_DATE} and {latest}"
        )
    return found


def _url_year(url: str | None) -> int | None:
    """The year written in a URL, used to complete datelines that omit it."""
    years = _URL_YEAR.findall(url or "")
    return int(years[0]) if years else None


def _date_from_match(match: re.Match[str]) -> str | None:
    """The valid date a _WRITTEN_DATES match stands for; day/month order resolved when it must be."""
    groups = match.groupdict()
    if groups.get("first") is None:
        return _valid(groups["year"], groups["month"], groups["day"])
    first, second = int(groups["first"]), int(groups["second"])
    if first > 12 >= second:
        return _valid(groups["year"], second, first)
    if second > 12 >= first:
        return _valid(groups["year"], first, second)
    return None  # 02/03/2024: March 2 in Europe, February 3 in the US


def _valid(year: str | int, month: str | int, day: str | int) -> str | None:
    """YYYY-MM-DD for a real calendar date between MIN_DATE and tomorrow, else None."""
    month_value = _month_number(str(month))
    if month_value is None:
        return None
    try:
        found = date(int(year), month_value, int(day))
    except ValueError:
        return None
    if not MIN_DATE <= found <= date.today() + FUTURE_TOLERANCE:
        return None
    return found.isoformat()


def _month_number(token: str) -> int | None:
    """1-12 for a month number or an English month name or abbreviation."""
    token = token.strip().rstrip(".").lower()
    if token.isdigit():
        return int(token)
    return _MONTHS.get(token[:3])
