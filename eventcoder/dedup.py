"""Cross-article deduplication: which coded events report the same happening, and its merged values.

Two mentions (events from *different* articles) are compatible when all of these hold:

- type: the same PLOVER event type, and modes equal, unknown on one side, or in one family
  (remote: aerial, drone, heavy-weapons, explosives, suicide-attack; ground: firearms,
  primitive, beat, assassinate, targeted);
- modality: both asserted or claimed (negated, future and hypothetical events did not happen),
  neither an aggregate ("dozens of strikes this month");
- dates: both known, each covering at most `MAX_SPAN_DAYS`, and the spans overlap or are at
  most `MAX_GAP_DAYS` apart ("within a day or overlapping ranges");
- places: within `MAX_KM` km when both are points (exact, city, near), or the same country
  and admin1 when one is coarse (admin1); country-only places never support a merge. When one
  side has no place at all (and the other none or one finer than a country), the pair may
  still merge if both dates are single days (within the day's slack above) and the same
  armed or state actor holds the same role in both (the extractor often misses the place);
- actors: each role (source to source, target to target, or crossed for two-sided fights)
  is unknown on one side, the same identity (Wikidata id or name), or not contradictory
  (no different countries, no sectors from different families).

Clusters are built by conflict-free linkage: compatible pairs are taken best score first, and
two clusters join only when no cross pair *conflicts* (same article, other type or mode family,
a non-mergeable modality, dates more than a day apart, different countries, points more than
`MAX_KM` apart, contradictory actors); a pair that merely lacks evidence (no place on one side)
does not block a join that another pair supports. Pairs are
ordered by score then by event ids, so the clusters are a function of the *set* of mentions,
never of the order articles arrived in.

Merged values: the narrowest date span (ties: most mentions, then earliest), the most precise
place (ties: most mentions, then smallest GeoNames id), and for fatalities and injuries the
**highest count among asserted mentions that attribute it to a named source** (`attributed_by`);
when no mention names a source, the highest asserted count; counts of claimed events (a group's
own claim) are never used. Confidence is the noisy-or of the mentions' confidences.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache
from itertools import combinations
from typing import Iterable

from eventcoder.records import UNIDENTIFIED, Actor, Event, Place
from eventcoder.store_schema import day_span

MAX_KM = 25.0
MAX_GAP_DAYS = 1
MAX_SPAN_DAYS = 7
MODE_FAMILIES = ({"aerial", "drone", "heavy-weapons", "explosives", "suicide-attack"},
                 {"firearms", "primitive", "beat", "assassinate", "targeted"})
SECTOR_FAMILIES = ({"MIL", "GOV", "COP", "SPY", "JUD", "LEG"}, {"REB", "PRM", "UAF", "IMG", "CRM"},
                   {"CVL", "REF", "MED", "EDU", "JRN", "REL", "LAB", "AGR", "BUS", "SOC", "NGO", "OPP", "ELI"})
POINT_PRECISIONS = {"exact": 0, "city": 1, "near": 2}
PLACE_RANK = {"exact": 0, "city": 1, "near": 2, "admin1": 3, "country": 4}
MERGEABLE_MODALITIES = {"asserted", "claimed"}


@dataclass(frozen=True)
class Mention:
    """One article's coded event, with the key of the article that reported it."""

    event: Event
    article: str


# --- pairwise compatibility --------------------------------------------------------------

def _modes_compatible(a: str | None, b: str | None) -> bool:
    """Equal, unknown on one side, or both in one mode family."""
    return a is None or b is None or a == b or any(a in f and b in f for f in MODE_FAMILIES)


def _date_score(a: Event, b: Event) -> float | None:
    """1 for the same day, lower for further apart; None when the dates cannot match."""
    sa, sb = day_span(a.date), day_span(b.date)
    if sa is None or sb is None or any((s[1] - s[0]).days >= MAX_SPAN_DAYS for s in (sa, sb)):
        return None
    gap = max(0, (sb[0] - sa[1]).days, (sa[0] - sb[1]).days)
    return None if gap > MAX_GAP_DAYS else 1.0 - gap / (MAX_GAP_DAYS + 1)


def km(a: Place, b: Place) -> float:
    """Great-circle distance between two places with coordinates, in km."""
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))  # type: ignore[arg-type]
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _place_score(a: Place | None, b: Place | None) -> float | None:
    """1 for the same point, lower further away; None when the places cannot match."""
    if a is None or b is None or not a.country or a.country != b.country:
        return None
    points = a.precision in POINT_PRECISIONS and b.precision in POINT_PRECISIONS
    if points and None not in (a.lat, a.lon, b.lat, b.lon):
        try:
            dist = km(a, b)
        except (TypeError, ValueError):
            return None
        return None if dist > MAX_KM else 1.0 - dist / (2 * MAX_KM)
    coarse = "admin1" in (a.precision, b.precision) and "country" not in (a.precision, b.precision)
    return 0.4 if coarse and a.admin1 and a.admin1 == b.admin1 else None


def _family(sector: str, families: tuple[set[str], ...]) -> int:
    """Index of the family a sector belongs to, -1 if none."""
    return next((i for i, f in enumerate(families) if sector in f), -1)


def _named(actor: Actor | None) -> Actor | None:
    """The actor, unless it only stands for an unnamed perpetrator (which matches anyone, and anchors nothing)."""
    return None if actor is None or actor.name == UNIDENTIFIED else actor


def _actor_score(a: Actor | None, b: Actor | None) -> float | None:
    """1 for the same identity, 0 for no contradiction, None for a contradiction."""
    a, b = _named(a), _named(b)
    if a is None or b is None:
        return 0.0
    if (a.wikidata and a.wikidata == b.wikidata) or (a.name or a.text).casefold() == (b.name or b.text).casefold():
        return 1.0
    if a.country and b.country and a.country != b.country:
        return None
    if a.sector and b.sector and a.sector != b.sector and "UNK" not in (a.sector, b.sector):
        fa, fb = _family(a.sector, SECTOR_FAMILIES), _family(b.sector, SECTOR_FAMILIES)
        if fa != fb or fa == -1:
            return None
    return 0.0


def _actors_score(a: Event, b: Event) -> float | None:
    """Best of the straight and the crossed pairing of source and target."""
    best: float | None = None
    two_sided = None not in (_named(a.source), a.target, _named(b.source), b.target)  # a fight told either way round
    for sb, tb in ((b.source, b.target), (b.target, b.source)) if two_sided else ((b.source, b.target),):
        s, t = _actor_score(a.source, sb), _actor_score(a.target, tb)
        if s is not None and t is not None:
            best = max(best if best is not None else -1.0, s + t)
    return best


def compatible(a: Mention, b: Mention) -> float | None:
    """How alike two mentions are (higher is closer), or None when they are different happenings."""
    ea, eb = a.event, b.event
    if a.article == b.article or ea.event_type != eb.event_type or not _modes_compatible(ea.mode, eb.mode):
        return None
    if ea.is_aggregate or eb.is_aggregate or not {ea.modality, eb.modality} <= MERGEABLE_MODALITIES:
        return None
    when, who = _date_score(ea, eb), _actors_score(ea, eb)
    if when is None or who is None:
        return None
    where = _place_score(ea.place, eb.place)
    if where is None and _one_unplaced(ea.place, eb.place) and _single_days(ea, eb) and _anchor(ea, eb):
        where = 0.0  # no place on one side: the same day and a named actor in common must carry it
    return None if where is None else when + where + who


def _one_unplaced(a: Place | None, b: Place | None) -> bool:
    """No place on one side, and none or a sub-country place on the other."""
    return (a is None and (b is None or b.precision != "country")) or \
        (b is None and (a is None or a.precision != "country"))


def _anchor(a: Event, b: Event) -> bool:
    """Both name the same armed or state actor in the same role (not civilians, not unknown)."""
    civil = SECTOR_FAMILIES[2]
    return any(x is not None and y is not None and x.sector and x.sector not in civil
               and _actor_score(x, y) == 1.0 for x, y in ((a.source, b.source), (a.target, b.target)))


def _single_days(a: Event, b: Event) -> bool:
    """Both dates are single days (not ranges, weeks or months); closeness is checked apart."""
    sa, sb = day_span(a.date), day_span(b.date)
    return sa is not None and sb is not None and sa[0] == sa[1] and sb[0] == sb[1]


def conflicts(a: Mention, b: Mention) -> bool:
    """True when what the two mentions say contradicts one happening (unknowns never conflict)."""
    ea, eb = a.event, b.event
    if a.article == b.article or ea.event_type != eb.event_type or not _modes_compatible(ea.mode, eb.mode):
        return True
    if ea.is_aggregate or eb.is_aggregate or not {ea.modality, eb.modality} <= MERGEABLE_MODALITIES:
        return True
    sa, sb = day_span(ea.date), day_span(eb.date)
    if sa and sb and max((sb[0] - sa[1]).days, (sa[0] - sb[1]).days) > MAX_GAP_DAYS:
        return True
    pa, pb = ea.place, eb.place
    if pa and pb and pa.country and pb.country and pa.country != pb.country:
        return True
    if pa and pb and pa.precision in POINT_PRECISIONS and pb.precision in POINT_PRECISIONS \
            and _place_score(pa, pb) is None:
        return True
    return _actors_score(ea, eb) is None


# --- clustering ------------------------------------------------------------------------

def cluster(mentions: Iterable[Mention]) -> list[list[Mention]]:
    """Group mentions into happenings; the result depends only on the set, sorted by first id."""
    ms = sorted(mentions, key=lambda m: (m.event.id, m.article))
    scores = {(i, j): s for i, j in combinations(range(len(ms)), 2)
              if (s := compatible(ms[i], ms[j])) is not None}
    clash = cache(lambda x, y: conflicts(ms[x], ms[y]))
    root = list(range(len(ms)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(ms))}
    for (i, j), _score in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
        ri, rj = root[i], root[j]
        if ri == rj or any(clash(x, y) for x in members[ri] for y in members[rj]):
            continue
        keep, gone = min(ri, rj), max(ri, rj)
        members[keep] += members.pop(gone)
        for x in members[keep]:
            root[x] = keep
    return [[ms[i] for i in sorted(group)] for _, group in sorted(members.items())]


# --- merging ---------------------------------------------------------------------------

def _pick_date(evs: list[Event]) -> Event:
    """The event with the narrowest date span; ties: most events agreeing, then earliest."""
    votes = Counter(e.date for e in evs)
    dated = [(day_span(e.date), e) for e in evs]
    known = [(span, e) for span, e in dated if span is not None]
    if not known:
        return evs[0]
    return min(known, key=lambda se: ((se[0][1] - se[0][0]).days, -votes[se[1].date], se[1].date, se[1].id))[1]


def _pick_place(evs: list[Event]) -> Place | None:
    """The most precise place; ties: most events agreeing, then smallest GeoNames id and name."""
    places = [e.place for e in evs if e.place is not None]
    if not places:
        return None
    votes = Counter(places)
    return min(places, key=lambda p: (PLACE_RANK.get(p.precision, 9), -votes[p], p.geonames_id or 0,
                                      p.name, repr(p)))


def credible_count(evs: list[Event], field: str) -> int | None:
    """Highest count from named sources, else highest asserted count; claimed counts are ignored."""
    asserted = [e for e in evs if e.modality == "asserted" and getattr(e, field) is not None]
    named = [e for e in asserted if e.attributed_by is not None]
    pool = named or asserted
    return max(getattr(e, field) for e in pool) if pool else None


def _pick_actor(evs: list[Event], role: str, lead: Event) -> Actor | None:
    """The lead event's actor, else the most frequent actor in that role (ties: by repr)."""
    if _named(getattr(lead, role)) is not None:
        return getattr(lead, role)
    actors = [getattr(e, role) for e in evs if _named(getattr(e, role)) is not None] or \
        [getattr(e, role) for e in evs if getattr(e, role) is not None]
    votes = Counter(actors)
    return min(actors, key=lambda a: (-votes[a], repr(a))) if actors else None


def _noisy_or(values: list[float]) -> float:
    """Confidence that at least one independent report is right."""
    miss = 1.0
    for v in values:
        miss *= 1.0 - min(max(v, 0.0), 1.0)
    return round(1.0 - miss, 4)


def merge(group: list[Mention]) -> Event:
    """One event for a group of mentions of the same happening (a lone mention is returned as is)."""
    evs = sorted((m.event for m in group), key=lambda e: e.id)
    if len(evs) == 1:
        return evs[0]
    lead = min(evs, key=lambda e: (-e.confidence, e.id))
    dated = _pick_date(evs)
    modes = Counter(e.mode for e in evs if e.mode)
    mode = lead.mode or (min(modes, key=lambda m: (-modes[m], m)) if modes else None)
    return replace(
        lead, id=evs[0].id, mode=mode,
        source=_pick_actor(evs, "source", lead), target=_pick_actor(evs, "target", lead),
        date=dated.date, date_precision=dated.date_precision, date_text=dated.date_text,
        place=_pick_place(evs), fatalities=credible_count(evs, "fatalities"),
        injuries=credible_count(evs, "injuries"),
        modality="asserted" if any(e.modality == "asserted" for e in evs) else lead.modality,
        confidence=_noisy_or([e.confidence for e in evs]),
    )


def pairs(groups: Iterable[Iterable[str]]) -> set[frozenset[str]]:
    """Every unordered pair of ids put in one group (for pairwise precision and recall)."""
    return {frozenset(p) for g in groups for p in combinations(sorted(set(g)), 2)}


def pairwise_scores(predicted: Iterable[Iterable[str]], gold: Iterable[Iterable[str]]) -> tuple[float, float]:
    """Pairwise precision and recall of a clustering against gold groups (1.0 when nothing to find)."""
    got, want = pairs(predicted), pairs(gold)
    hit = len(got & want)
    return (hit / len(got) if got else 1.0, hit / len(want) if want else 1.0)
