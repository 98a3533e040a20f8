"""The article stage: a Document becomes an Article with clean English main text and a date.

HTML goes through trafilatura for the main text and metadata; plain text is taken as it is. Both
lose boilerplate lines (comment forms, share buttons, cookie notices) listed in data/boilerplate.txt.
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

import trafilatura
from lxml.etree import LxmlError

from eventcoder.errors import ExtractionError, InputError, LanguageError
from eventcoder.pubdate import find_publication_date
from eventcoder.records import Article, Document

logger = logging.getLogger(__name__)

# trafilatura needs about 1.3 s per MB of markup on one core. Larger pages are first stripped of
# scripts, styles and comments (often megabytes of inline JSON); markup still beyond this limit
# is cut at a tag boundary, so a 20 MB page costs a few seconds instead of half a minute.
MAX_HTML_CHARS = 2_000_000
# A news article is rarely over 50,000 characters; longer text is cut at a paragraph boundary
# so that later stages (spaCy's default limit is 1,000,000 characters) stay fast.
MAX_TEXT_CHARS = 200_000
# Boilerplate lines are short; longer lines are never tested against the patterns.
MAX_BOILERPLATE_LINE_CHARS = 500
# Language is judged on the start of the text: enough words for stable ratios, cheap to count.
LANGUAGE_SAMPLE_CHARS = 5_000
# Below this many words we cannot tell languages apart and accept Latin-script text as English.
MIN_WORDS_FOR_LANGUAGE = 20
# Letters outside the Latin script above this share mean a non-Latin language (Arabic, Russian…).
MAX_NON_LATIN_SHARE = 0.5
# News prose has 25-45% of its words in its language's list below (informal blogs ~13%, lists of
# names ~5%); under this share the text is in none of the listed languages, or is not prose, and
# we call its language "unknown".
MIN_STOPWORD_SHARE = 0.10
# A note of fewer words than this (a coder's note, a wire brief heavy with names: "On 7 May, 5 coalition airstrikes
# targeted Khabb wa ash Shaaf district") may fall under that share by one word; it is still in the language that has
# at least MIN_STOPWORD_HITS of its stop words and twice as many as any other language.
SHORT_SAMPLE_WORDS = 60
MIN_STOPWORD_HITS = 2

_STOPWORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": "the of and to in is that for on was with by as at from his he it said were has have"
        " are be this an which their been had but not they who after would will its or a i you we"
        " she her there what so if about more when can one all also into than them up out no",
        "de": "der die und den das nicht ist von zu mit sich des auf für dem ein eine im auch"
        " sie wird nach bei wurde aus werden hat zum zur über",
        "fr": "le les des et est une du dans qui que pour pas sur au avec il elle sont ce aux par"
        " plus ont été cette mais leur",
        "es": "el los las del y que en un una por con para es se lo al como más pero sus fue ha"
        " este esta son",
        "it": "il della che di e la per un una non sono con del gli le dei nel alla anche come"
        " più è stato delle",
        "pt": "o os as do da dos das e que em um uma para com não por no na mais foi ao se seu"
        " sua são",
        "nl": "de het een en van is dat op te voor zijn met niet die aan er ook wordt worden door"
        " bij naar maar om",
        "tl": "ang ng sa na mga ay si niya para kay hindi siya ito nang ni nila kanyang din rin lang",
    }.items()
}
# Unicode ranges of the non-Latin scripts we can name, with the language code we report for them.
_SCRIPTS: tuple[tuple[str, tuple[tuple[int, int], ...]], ...] = (
    ("ja", ((0x3040, 0x30FF),)),
    ("ko", ((0xAC00, 0xD7AF), (0x1100, 0x11FF), (0x3130, 0x318F))),
    ("zh", ((0x4E00, 0x9FFF),)),
    ("ar", ((0x0600, 0x06FF), (0x0750, 0x077F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))),
    ("he", ((0x0590, 0x05FF),)),
    ("ru", ((0x0400, 0x04FF),)),
    ("el", ((0x0370, 0x03FF),)),
    ("hi", ((0x0900, 0x097F),)),
    ("th", ((0x0E00, 0x0E7F),)),
)
# Markup that carries no article text and can be dropped from oversized pages. JSON-LD scripts
# are kept: they hold the publication date.
_HEAVY_MARKUP = re.compile(
    r"<script\b(?![^>]*ld\+json)[^>]*>.*?</script\s*>|<style\b.*?</style\s*>|<!--.*?-->|<svg\b.*?</svg\s*>",
    re.I | re.S,
)
_WORD = re.compile(r"[^\W\d_]+")
_PAGE_TAG = re.compile(r"<(?:html|body)\b", re.I)


@dataclass(frozen=True)
class _BoilerplateRules:
    """Compiled boilerplate patterns: lines to drop, and lines that end the article."""

    line: re.Pattern[str]
    tail: re.Pattern[str]


def build_article(doc: Document, *, max_html_chars: int = MAX_HTML_CHARS) -> Article:
    """The Article for `doc`: main text, title, site, language, publication date and hash.

    Raises InputError (nothing to read), ExtractionError (no main text) or LanguageError.
    """
    if doc.html and doc.html.strip():
        html = shrink_html(doc.html, max_html_chars)
        text, title, site, url = _extract_html(html, doc.url, page_bytes=len(doc.html.encode("utf-8", "replace")))
    elif doc.text and doc.text.strip():
        html, title, site, url = None, None, None, doc.url
        text = remove_boilerplate(doc.text)
        if not text:
            raise ExtractionError("no article text found in document (only boilerplate lines)")
    else:
        raise InputError("empty document")
    text = _limit_text(text, doc.id)
    language = detect_language(text)
    if language != "en":
        raise LanguageError(f"article language is {language!r}, only English is supported")
    date, source = find_publication_date(html=html, text=text, url=url, given=doc.published)
    return Article(
        id=doc.id, text=text, title=title, site=site, url=url, language=language,
        publication_date=date, publication_date_source=source, content_hash=content_hash(text),
    )


def shrink_html(html: str, max_chars: int = MAX_HTML_CHARS) -> str:
    """`html` itself when small; else without scripts and styles, cut at `max_chars` if still larger."""
    if len(html) <= max_chars:
        return html
    slim = _HEAVY_MARKUP.sub("", html)
    if len(slim) <= max_chars:
        return slim
    cut = slim.rfind("<", 0, max_chars)
    logger.warning(
        "page has %d characters of markup without scripts; only the first %d are read", len(slim), max_chars
    )
    return slim[: cut if cut > 0 else max_chars]


def remove_boilerplate(text: str) -> str:
    """`text` without boilerplate lines, cut at a comment or related-posts section.

    Paragraphs stay separated by one blank line; other lines are kept as they are.
    """
    rules = _boilerplate_rules()
    kept: list[str] = []
    for raw in text.splitlines():
        line = " ".join(raw.split())
        if not line or len(line) > MAX_BOILERPLATE_LINE_CHARS:
            kept.append(raw.rstrip())
            continue
        if rules.tail.fullmatch(line):
            if any(k.strip() for k in kept):
                break
            continue
        if not rules.line.fullmatch(line):
            kept.append(raw.rstrip())
    return _tidy_paragraphs("\n".join(kept))


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, judged cheaply: script first, then stop words."""
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    script = _non_latin_script(sample)
    if script is not None:
        return script
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < MIN_WORDS_FOR_LANGUAGE:
        return "en"
    hits = {lang: sum(w in stop for w in words) for lang, stop in _STOPWORDS.items()}
    best = max(hits, key=lambda lang: hits[lang])
    if hits[best] / len(words) >= MIN_STOPWORD_SHARE:
        return best
    runner_up = max((n for lang, n in hits.items() if lang != best), default=0)
    if len(words) < SHORT_SAMPLE_WORDS and hits[best] >= MIN_STOPWORD_HITS and hits[best] >= 2 * runner_up:
        return best
    return "unknown"


def content_hash(text: str) -> str:
    """sha256 hex digest of the text with Unicode (NFKC) and whitespace normalised."""
    normalised = " ".join(unicodedata.normalize("NFKC", text).split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def _extract_html(
    html: str, url: str | None, *, page_bytes: int
) -> tuple[str, str | None, str | None, str | None]:
    """Main text (boilerplate removed), title, site name and URL of an HTML page of `page_bytes`."""
    # trafilatura finds nothing in a bare fragment such as "<p>…</p>": give it a page to parse.
    page = html if _PAGE_TAG.search(html) else f"<html><body>{html}</body></html>"
    try:
        extracted = trafilatura.bare_extraction(
            page, url=url, include_comments=False, include_tables=False, with_metadata=True
        )
    except (ValueError, TypeError, LxmlError) as exc:
        raise ExtractionError(f"page could not be parsed ({page_bytes} bytes of HTML): {exc}") from exc
    raw = (extracted.text or "") if extracted is not None else ""
    text = remove_boilerplate("\n\n".join(line for line in raw.splitlines() if line.strip()))
    if not text:
        raise ExtractionError(f"no article text found in page ({page_bytes} bytes of HTML)")
    title = _clean(extracted.title) if extracted is not None else None
    site = _clean(extracted.sitename) if extracted is not None else None
    found_url = url or (_clean(extracted.url) if extracted is not None else None)
    return _without_headline(text, title), title, site, found_url


def _without_headline(text: str, title: str | None) -> str:
    """`text` without its first paragraph when that only repeats the title (it is in Article.title)."""
    first, _, rest = text.partition("\n\n")
    if title and rest.strip() and " ".join(first.split()).casefold() == title.casefold():
        return rest.strip()
    return text


def _limit_text(text: str, doc_id: str) -> str:
    """`text` cut at the last paragraph break before MAX_TEXT_CHARS, when longer."""
    if len(text) <= MAX_TEXT_CHARS:
        return text
    cut = text.rfind("\n\n", 0, MAX_TEXT_CHARS)
    logger.warning("%s: article text has %d characters; the first %d are kept", doc_id, len(text), MAX_TEXT_CHARS)
    return text[: cut if cut > 0 else MAX_TEXT_CHARS].rstrip()


def _tidy_paragraphs(text: str) -> str:
    """`text` stripped, with runs of blank lines collapsed to one."""
    return re.sub(r"\n(?:[ \t]*\n)+", "\n\n", text).strip()


def _non_latin_script(sample: str) -> str | None:
    """Language code of the dominant non-Latin script, or None when Latin letters dominate."""
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return None
    foreign = [c for c in letters if ord(c) >= 0x250]
    if len(foreign) <= MAX_NON_LATIN_SHARE * len(letters):
        return None
    counts = {lang: sum(any(lo <= ord(c) <= hi for lo, hi in ranges) for c in foreign) for lang, ranges in _SCRIPTS}
    if counts["ja"]:
        return "ja"
    best = max(counts, key=lambda lang: counts[lang])
    return best if counts[best] else "unknown"


def _clean(value: str | None) -> str | None:
    """`value` with whitespace collapsed, or None when blank."""
    collapsed = " ".join(value.split()) if value else ""
    return collapsed or None


@cache
def _boilerplate_rules() -> _BoilerplateRules:
    """The patterns of data/boilerplate.txt, compiled once on first use."""
    source = resources.files("eventcoder").joinpath("data/boilerplate.txt").read_text(encoding="utf-8")
    patterns: dict[str, list[str]] = {"line": [], "tail": []}
    for number, entry in enumerate(source.splitlines(), start=1):
        entry = entry.strip()
        if not entry or entry.startswith("#"):
            continue
        kind, _, pattern = entry.partition(" ")
        if kind not in patterns or not pattern.strip():
            raise ValueError(f"data/boilerplate.txt line {number}: expected 'line <regex>' or 'tail <regex>'")
        patterns[kind].append(f"(?:{pattern.strip()})")
    return _BoilerplateRules(
        line=re.compile("|".join(patterns["line"]), re.I), tail=re.compile("|".join(patterns["tail"]), re.I)
    )
