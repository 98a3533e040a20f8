"""Plain records that flow through the pipeline: article in, events out.

Each stage reads one of these and returns another; nothing reaches back.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

DateSource = Literal["meta", "url", "dateline", "header", "given", "none"]
Modality = Literal["asserted", "negated", "future", "hypothetical", "claimed"]
DatePrecision = Literal["day", "week", "month", "year", "range"]
PlacePrecision = Literal["exact", "city", "near", "admin1", "country"]


@dataclass(frozen=True)
class Document:
    """One unit of input before parsing: raw HTML or text plus what the caller knows."""

    id: str
    text: str | None = None
    html: str | None = None
    url: str | None = None
    published: str | None = None
    path: str | None = None


@dataclass(frozen=True)
class Article:
    """Main text of a page with its metadata and how its publication date was found."""

    id: str
    text: str
    title: str | None = None
    site: str | None = None
    url: str | None = None
    language: str | None = None
    publication_date: str | None = None
    publication_date_source: DateSource = "none"
    content_hash: str = ""


@dataclass(frozen=True)
class Actor:
    """A participant in an event: surface text and its normalised identity."""

    text: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    wikidata: str | None = None


# Name of the perpetrator the text does not name, as ACLED codes it ("Unidentified Armed Group (Kenya)").
UNIDENTIFIED = "unidentified armed group"


@dataclass(frozen=True)
class Place:
    """Where an event happened, to the precision the text allows."""

    name: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    precision: PlacePrecision = "country"


# Precisions from coarse to fine: a finer place of the same country says more about where something happened.
PRECISION_RANK = {"country": 0, "admin1": 1, "city": 2, "near": 2, "exact": 3}


def refines(new: Place, old: Place) -> bool:
    """A town or region inside the country or region of another place ("at the United Kingdom ... office in
    Londonderry"): the finer place says more about where it happened."""
    if new.country != old.country or PRECISION_RANK.get(new.precision or "", 0) <= PRECISION_RANK.get(
            old.precision or "", 0):
        return False
    return old.precision == "country" or (old.admin1 is not None and new.admin1 == old.admin1)


@dataclass(frozen=True)
class Evidence:
    """The sentence an event came from, with character offsets into the article text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Event:
    """One coded event in PLOVER terms, with its ACLED and CAMEO equivalents."""

    id: str
    event_type: str
    mode: str | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    cameo_root: str | None
    source: Actor | None
    target: Actor | None
    date: str | None
    date_precision: DatePrecision | None
    date_text: str | None
    place: Place | None
    fatalities: int | None
    injuries: int | None
    claimed_by: Actor | None
    attributed_to: Actor | None
    attributed_by: Actor | None
    modality: Modality
    is_aggregate: bool
    evidence: Evidence
    confidence: float

    def to_dict(self) -> dict[str, Any]:
        """The event as the JSON object users see: exactly the documented keys."""
        return asdict(self)


EVENT_KEYS: tuple[str, ...] = (
    "id", "event_type", "mode", "acled_event_type", "acled_sub_event_type", "cameo_root",
    "source", "target", "date", "date_precision", "date_text", "place", "fatalities",
    "injuries", "claimed_by", "attributed_to", "attributed_by", "modality", "is_aggregate",
    "evidence", "confidence",
)


@dataclass
class Result:
    """What the pipeline returns for one document: its article and events, or an error."""

    id: str
    article: Article | None = None
    events: list[Event] = field(default_factory=list)
    error: str | None = None
    skipped: bool = False  # not coded because it was already stored

    def to_dict(self) -> dict[str, Any]:
        """JSONL output line for this document."""
        out: dict[str, Any] = {
            "id": self.id,
            "publication_date": self.article.publication_date if self.article else None,
            "publication_date_source": self.article.publication_date_source if self.article else "none",
            "events": [e.to_dict() for e in self.events],
        }
        if self.error is not None:
            out["error"] = self.error
        return out
