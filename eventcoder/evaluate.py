"""Score coded events against human-coded gold: the yardstick for the extractor.

Pure functions over plain dicts: a gold document is one line of a gold file (``doc_id``, ``dataset``,
``text``, ``publication_date``, ``events``; see ``shared/gold/README.md``) and a predicted event is
``Event.to_dict()``. Only `run_gold` touches the pipeline.

How a document is scored
------------------------
* **Primary type** of a gold event: its PLOVER ``event_type`` if the gold has one, else
  ``acled_event_type``, else ``acled_sub_event_type``, else the CAMEO root (``cameo_root``, or the
  first two digits of ``cameo_code``). A predicted event is a *candidate* for a gold event when its
  value in that same field is equal.
* **Matching** is one-to-one and optimal (Hungarian algorithm, `assign`): it first maximises the
  number of matched pairs, then, among those matchings, the total number of other fields on which
  the pairs agree. Event precision = matched / predicted, recall = matched / gold.
  ``precision_in_scope`` only counts predicted events that carry a value in the field the gold
  codes (an ACLED file cannot confirm a PLOVER CONSULT, which has no ACLED type).
* **Fields** are scored over matched pairs, only where the gold has the field (`field_agreement`),
  except the pair's primary type field, which agrees by construction.
* **Document hit**: a document with gold events is a hit for a type field when at least one
  predicted event has the value of at least one gold event in that field; ``hit_rate`` uses the
  primary field. Documents without gold events (CASE 2021's non-ACLED labels) count only towards
  precision and ``empty_doc_false_alarm`` (share of them with any predicted event).
* **Confusion**: for every gold event, its primary type against the type, in that field, of its
  matched event, else of the best remaining predicted event of the document (most agreeing
  fields), ``"null"`` when that event has no value in the field, ``"none"`` when the document has
  no predicted event at all.
"""

from __future__ import annotations

import json
import math
import random
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

from eventcoder.gazetteer import admin1_codes
from eventcoder.lexicon import plover_mode

PRIMARY_FIELDS: tuple[str, ...] = ("event_type", "acled_event_type", "acled_sub_event_type", "cameo_root")
FIELDS: tuple[str, ...] = (
    "event_type", "acled_event_type", "acled_sub_event_type", "mode", "cameo_root",
    "source_country", "target_country", "source_kind", "target_kind",
    "place_25km", "place_country", "place_admin1", "place_name", "date", "fatalities", "injuries",
)
PLACE_RADIUS_KM = 25.0
EARTH_RADIUS_KM = 6371.0088

STATE, NON_STATE, CIVILIANS = "state forces", "non-state armed", "civilians"
KIND_BY_SECTOR: dict[str, str] = {
    **dict.fromkeys(("MIL", "COP", "GOV", "SPY", "JUD", "LEG"), STATE),
    **dict.fromkeys(("REB", "PRM", "UAF", "CRM"), NON_STATE),
    **dict.fromkeys(("CVL", "JRN", "EDU", "MED", "NGO", "REF", "LAB", "AGR", "BUS", "REL", "SOC", "OPP", "ELI"),
                    CIVILIANS),  # (ELI: former officials, no longer the state)
}
KIND_BY_ACLED_TYPE: dict[str, str] = {
    "State forces": STATE, "External/Other forces": STATE,
    "Rebel group": NON_STATE, "Political militia": NON_STATE, "Identity militia": NON_STATE,
    "Civilians": CIVILIANS, "Protesters": CIVILIANS, "Rioters": CIVILIANS,
}
# GTD target types with a clear kind (our reading; infrastructure and "Other"/"Unknown" stay unscored).
KIND_BY_GTD_TYPE: dict[str, str] = {
    "Military": STATE, "Police": STATE, "Government (General)": STATE, "Government (Diplomatic)": STATE,
    "Terrorists/Non-State Militia": NON_STATE,
    "Private Citizens & Property": CIVILIANS, "Business": CIVILIANS, "Educational Institution": CIVILIANS,
    "Journalists & Media": CIVILIANS, "Religious Figures/Institutions": CIVILIANS, "NGO": CIVILIANS,
    "Tourists": CIVILIANS,
}
# Datasets whose coders write unknown fatalities as 0: a predicted null counts as 0 there.
NULL_FATALITIES_AS_ZERO_PREFIX = "acled"
_ADMIN_WORDS = re.compile(r"\b(province|governorate|state|region|county|district|division|department|"
                          r"prefecture|oblast|wilaya|muhafazah|territory|city)\b")


# ---------------------------------------------------------------------------------------------
# Field values


def _cameo_root(event: Mapping[str, Any]) -> str | None:
    root = event.get("cameo_root")
    if root is None and event.get("cameo_code"):
        root = str(event["cameo_code"])[:2]
    if root is None:
        return None
    root = str(root).strip()
    return root.zfill(2) if root.isdigit() else root


def type_value(event: Mapping[str, Any], name: str) -> str | None:
    """The event's value in one of the type fields (``cameo_root`` derived from ``cameo_code`` if need be)."""
    if name == "cameo_root":
        return _cameo_root(event)
    value = event.get(name)
    return None if value is None else str(value)


def primary_field(gold_event: Mapping[str, Any]) -> str | None:
    """The first type field the gold event codes, in PRIMARY_FIELDS order."""
    return next((name for name in PRIMARY_FIELDS if type_value(gold_event, name) is not None), None)


def sector_kind(sector: str | None) -> str | None:
    """Our three actor kinds from a PLOVER sector code (gold codes like 'REBkur' use their first three letters)."""
    if not sector:
        return None
    return KIND_BY_SECTOR.get(str(sector)[:3].upper())


def gold_actor_kind(actor: Mapping[str, Any] | None) -> str | None:
    """A gold actor's kind: from its ACLED actor type, else its PLOVER sector, else its GTD target type."""
    if not actor:
        return None
    if actor.get("acled_type"):
        return KIND_BY_ACLED_TYPE.get(actor["acled_type"])
    if actor.get("sector"):
        return sector_kind(actor["sector"])
    if actor.get("gtd_type"):
        return KIND_BY_GTD_TYPE.get(actor["gtd_type"])
    return None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def normalise_name(name: str) -> str:
    """Lower-case ASCII letters and digits only, without generic words like 'province'."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = _ADMIN_WORDS.sub(" ", text)
    return re.sub(r"[^a-z0-9]+", "", text)


def _name_variants(name: str) -> set[str]:
    """'Al Iskandariyah (Alexandria)' -> both names; a leading 'al-' is optional."""
    parts = [re.sub(r"\(.*?\)", " ", name)] + re.findall(r"\((.*?)\)", name)
    out: set[str] = set()
    for part in parts:
        norm = normalise_name(part)
        if norm:
            out.add(norm)
            if norm.startswith("al") and len(norm) > 4:
                out.add(norm[2:])
    return out


def same_admin1(gold: str, predicted: str | None, country: str | None = None) -> bool:
    """One region: the normalised names agree, or the gazetteer knows both names as one GeoNames admin1 region of
    the gold's country ("Idleb" and "Idlib", "Ninawa" and "Nineveh"). A code like 'IQ.07' is no name."""
    if not predicted:
        return False
    if _name_variants(gold) & _name_variants(str(predicted)):
        return True
    return bool(admin1_codes(gold, country) & admin1_codes(str(predicted), country))


def same_place_name(gold: str, predicted: str | None) -> bool:
    """The town or site names agree once normalised ("Al Iskandariyah (Alexandria)" = "Alexandria"): GTD's city."""
    return bool(predicted) and bool(_name_variants(gold) & _name_variants(str(predicted)))


# CAMEO's country part of an actor code whose country the coder's dictionary did not know ("---REB": rebels,
# "---LEG": a legislature): unknown, so unscored like a blank country; no answer could ever be equal to it.
UNKNOWN_COUNTRY = "---"
# Codes of organisations that a gold "IGO" (intergovernmental organisation) includes.
INTERGOVERNMENTAL = frozenset({"UNO", "EUR"})


@cache
def _country(value: Any) -> str | None:
    """An ISO alpha-3 code; a gold country written as a name ("Turkey", "Congo (Kinshasa)", "West Bank and Gaza
    Strip") goes through the gazetteer to the code of the country or region it names."""
    if not value:
        return None
    text = str(value).strip()
    if re.fullmatch(r"[A-Za-z]{3}", text):
        return text.upper()
    from eventcoder import places
    for part in [text] + re.split(r"\s+and\s+|[()]", text):
        found = [c for c in places.candidates(part.strip()) if c.kind in ("country", "admin1")] if part.strip() else []
        if found:
            return found[0].country
    return text.upper()


def _same_country(gold: Any, predicted: Any) -> bool:
    """Equal ISO codes; a gold list (an event in 'Iraq and Syria') accepts any of its members, and a gold "IGO" the
    organisations CAMEO codes apart as intergovernmental (the UN, "UNO"; the EU, "EUR")."""
    wanted = {_country(g) for g in gold} if isinstance(gold, (list, tuple)) else {_country(gold)}
    if "IGO" in wanted:
        wanted |= INTERGOVERNMENTAL
    return _country(predicted) in wanted - {None}


def _actor_country(gold_actor: Mapping[str, Any], pred_actor: Mapping[str, Any], pred: Mapping[str, Any]) -> Any:
    """The predicted actor's country as the gold codes it: a transnational group (PLOVER/CAMEO "IMG") is coded by
    ACLED under the country it operates in ("Islamic State (Iraq)"), which is the event's country."""
    country = pred_actor.get("country")
    if country == "IMG" and _country(gold_actor.get("country")) != "IMG":
        return (pred.get("place") or {}).get("country")
    return country


def _count_equal(gold: Any, predicted: Any, *, null_as_zero: bool) -> bool:
    if predicted is None and null_as_zero:
        predicted = 0
    return predicted is not None and int(predicted) == int(gold)


def field_agreement(gold: Mapping[str, Any], pred: Mapping[str, Any], *,
                    null_fatalities_as_zero: bool = False) -> dict[str, bool]:
    """For each field the gold event codes, whether the predicted event has it right.

    Actor country/kind, place and counts are scored only where the gold has a value; a missing
    predicted actor or place is then wrong. Dates must be equal strings (a predicted range
    ``A/B`` is exact only if the gold is the same range).
    """
    out: dict[str, bool] = {}
    for name in ("event_type", "acled_event_type", "acled_sub_event_type", "cameo_root"):
        value = type_value(gold, name)
        if value is not None:
            out[name] = type_value(pred, name) == value
    if gold.get("mode"):
        # compared by their PLOVER v2.0 names (the gold standard records write "strike-gen", "demo-org" ...)
        kind = str(gold.get("event_type") or pred.get("event_type") or "")
        out["mode"] = plover_mode(kind, pred.get("mode")) == plover_mode(kind, gold["mode"])
    for role in ("source", "target"):
        g_actor, p_actor = gold.get(role) or {}, pred.get(role) or {}
        if g_actor.get("country") and g_actor["country"] != UNKNOWN_COUNTRY:  # (unknown, as a blank one)
            out[f"{role}_country"] = _same_country(g_actor["country"], _actor_country(g_actor, p_actor, pred))
        g_kind = gold_actor_kind(g_actor)
        if g_kind:
            out[f"{role}_kind"] = sector_kind(p_actor.get("sector")) == g_kind
    g_place, p_place = gold.get("place") or {}, pred.get("place") or {}
    if g_place.get("lat") is not None and g_place.get("lon") is not None:
        out["place_25km"] = (p_place.get("lat") is not None and p_place.get("lon") is not None and
                             haversine_km(g_place["lat"], g_place["lon"], p_place["lat"], p_place["lon"])
                             <= PLACE_RADIUS_KM)
    if g_place.get("country"):
        out["place_country"] = _same_country(g_place["country"], p_place.get("country"))
    if g_place.get("admin1"):
        out["place_admin1"] = same_admin1(g_place["admin1"], p_place.get("admin1"), _country(g_place.get("country")))
    if g_place.get("name") and str(g_place["name"]).lower() != "unknown" and \
            g_place.get("precision") in (None, "city", "exact", "near"):
        out["place_name"] = same_place_name(g_place["name"], p_place.get("name"))
    if gold.get("date"):
        out["date"] = (pred.get("date") or "").strip() == str(gold["date"]).strip()
    if gold.get("fatalities") is not None:
        out["fatalities"] = _count_equal(gold["fatalities"], pred.get("fatalities"),
                                         null_as_zero=null_fatalities_as_zero)
    if gold.get("injuries") is not None:
        out["injuries"] = _count_equal(gold["injuries"], pred.get("injuries"), null_as_zero=False)
    return out


def is_candidate(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    """The predicted event agrees with the gold event on its primary type."""
    name = primary_field(gold)
    return name is not None and type_value(pred, name) == type_value(gold, name)


# ---------------------------------------------------------------------------------------------
# Matching


def assign(cost: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Minimum-cost one-to-one assignment (Hungarian algorithm, O(n^2 m)); pairs (row, column)."""
    if not cost or not cost[0]:
        return []
    n, m = len(cost), len(cost[0])
    if n > m:
        transposed = [[cost[i][j] for i in range(n)] for j in range(m)]
        return sorted((i, j) for j, i in assign(transposed))
    inf = float("inf")
    u, v, p, way = [0.0] * (n + 1), [0.0] * (m + 1), [0] * (m + 1), [0] * (m + 1)
    for i in range(1, n + 1):
        p[0], j0 = i, 0
        minv, used = [inf] * (m + 1), [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    return sorted((p[j] - 1, j - 1) for j in range(1, m + 1) if p[j])


def match_events(gold_events: Sequence[Mapping[str, Any]], predicted: Sequence[Mapping[str, Any]], *,
                 null_fatalities_as_zero: bool = False) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs of candidates: most pairs, then most agreeing fields."""
    big = 10_000  # more than any total of agreeing fields, so the number of pairs comes first
    cost = [[0.0] * len(predicted) for _ in gold_events]
    any_candidate = False
    for i, g in enumerate(gold_events):
        for j, p in enumerate(predicted):
            if is_candidate(g, p):
                agree = sum(field_agreement(g, p, null_fatalities_as_zero=null_fatalities_as_zero).values())
                cost[i][j] = -(big + agree)
                any_candidate = True
    if not any_candidate:
        return []
    return [(i, j) for i, j in assign(cost) if cost[i][j] < 0]


# ---------------------------------------------------------------------------------------------
# One document


@dataclass
class DocScore:
    """Everything measured on one gold document."""

    doc_id: str
    group: str
    dataset: str
    gold: dict[str, Any]
    predicted: list[dict[str, Any]]
    error: str | None = None
    pairs: list[tuple[int, int]] = field(default_factory=list)
    fields: dict[str, list[int]] = field(default_factory=dict)  # field -> [correct, scored]
    hits: dict[str, bool] = field(default_factory=dict)  # type field -> hit
    confusion: list[tuple[str, str]] = field(default_factory=list)
    in_scope_predicted: int = 0
    wrong: list[tuple[int, list[str]]] = field(default_factory=list)  # per gold event: missing/wrong fields
    badness: int = 0

    @property
    def n_gold(self) -> int:
        return len(self.gold.get("events") or [])

    @property
    def n_predicted(self) -> int:
        return len(self.predicted)


def group_of(path: str | Path) -> str:
    """Report group of a gold file: its stem (``acled.jsonl`` -> ``acled``)."""
    return Path(path).name.split(".")[0]


def score_document(gold_doc: Mapping[str, Any], predicted: Sequence[Mapping[str, Any]], *,
                   group: str | None = None, error: str | None = None,
                   scope_fields: Iterable[str] = ()) -> DocScore:
    """Match the document's predicted events to its gold events and score them.

    ``scope_fields``: the type fields that count for ``precision_in_scope`` when the gold document
    has no events (normally the primary fields seen in the rest of its file).
    """
    dataset = str(gold_doc.get("dataset") or group or "")
    group = group or dataset
    null_zero = group.startswith(NULL_FATALITIES_AS_ZERO_PREFIX) or dataset.startswith(NULL_FATALITIES_AS_ZERO_PREFIX)
    golds: list[Mapping[str, Any]] = list(gold_doc.get("events") or [])
    preds = [dict(p) for p in predicted]
    score = DocScore(str(gold_doc.get("doc_id")), group, dataset, dict(gold_doc), preds, error)
    score.pairs = match_events(golds, preds, null_fatalities_as_zero=null_zero)
    matched = dict(score.pairs)
    scope = {primary_field(g) for g in golds} - {None} or set(scope_fields)
    score.in_scope_predicted = sum(any(type_value(p, name) is not None for name in scope) for p in preds)
    for i, g in enumerate(golds):
        _score_gold_event(score, i, g, matched.get(i), null_zero)
    score.badness += len(preds) - len(score.pairs)  # spurious events
    for name in PRIMARY_FIELDS:
        wanted = {type_value(g, name) for g in golds} - {None}
        if wanted:
            score.hits[name] = any(type_value(p, name) in wanted for p in preds)
    return score


def _score_gold_event(score: DocScore, index: int, gold: Mapping[str, Any], match: int | None,
                      null_zero: bool) -> None:
    """Tally one gold event into the document's score: its fields if matched, else a miss; its confusion entry."""
    primary = primary_field(gold)
    if match is not None:
        agreement = field_agreement(gold, score.predicted[match], null_fatalities_as_zero=null_zero)
        agreement.pop(primary, None)  # equal by construction of the match
        for name, ok in agreement.items():
            counts = score.fields.setdefault(name, [0, 0])
            counts[0] += ok
            counts[1] += 1
        wrong = [name for name, ok in agreement.items() if not ok]
        score.badness += len(wrong)
        predicted_type = type_value(score.predicted[match], primary) if primary else None
    else:
        scorable = field_agreement(gold, {}, null_fatalities_as_zero=False)
        wrong = ["(missed)"] + sorted(scorable)
        score.badness += 1 + len(scorable)
        taken = {j for _, j in score.pairs}
        predicted_type = _best_other_type(gold, score.predicted, taken, primary, null_zero)
    score.wrong.append((index, wrong))
    if primary:
        score.confusion.append((type_value(gold, primary) or "null", predicted_type or "null"))


def _best_other_type(gold: Mapping[str, Any], preds: Sequence[Mapping[str, Any]], taken: set[int],
                     primary: str | None, null_zero: bool) -> str | None:
    if not preds or primary is None:
        return "none"
    pool = [j for j in range(len(preds)) if j not in taken] or list(range(len(preds)))
    best = max(pool, key=lambda j: (type_value(preds[j], primary) is not None,
                                    sum(field_agreement(gold, preds[j], null_fatalities_as_zero=null_zero).values()),
                                    -j))
    return type_value(preds[best], primary)


# ---------------------------------------------------------------------------------------------
# Many documents


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def _tally(scores: Sequence[DocScore]) -> tuple[dict[str, list[int]], dict[str, list[int]],
                                              dict[str, Counter[str]], str | None]:
    """Summed field counts, hit counts and confusions, and the file's most common primary field."""
    fields: dict[str, list[int]] = {}
    hits: dict[str, list[int]] = {}
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    primary_counts: Counter[str] = Counter()
    for s in scores:
        for name, (ok, n) in s.fields.items():
            acc = fields.setdefault(name, [0, 0])
            acc[0] += ok
            acc[1] += n
        for name, hit in s.hits.items():
            acc = hits.setdefault(name, [0, 0])
            acc[0] += hit
            acc[1] += 1
        for gold_type, pred_type in s.confusion:
            confusion[gold_type][pred_type] += 1
        events = s.gold.get("events") or []
        if events and (name := primary_field(events[0])):
            primary_counts[name] += 1
    primary = primary_counts.most_common(1)[0][0] if primary_counts else None
    return fields, hits, confusion, primary


def aggregate(scores: Sequence[DocScore]) -> dict[str, Any]:
    """Counts and rates over a set of scored documents."""
    n_gold = sum(s.n_gold for s in scores)
    n_pred = sum(s.n_predicted for s in scores)
    matched = sum(len(s.pairs) for s in scores)
    in_scope = sum(s.in_scope_predicted for s in scores)
    precision, recall = _ratio(matched, n_pred), _ratio(matched, n_gold)
    f1 = round(2 * matched / (n_pred + n_gold), 4) if (n_pred + n_gold) else None
    fields, hits, confusion, primary = _tally(scores)
    with_gold = [s for s in scores if s.n_gold]
    empty = [s for s in scores if not s.n_gold]
    return {
        "documents": len(scores),
        "documents_with_gold": len(with_gold),
        "gold_events": n_gold,
        "predicted_events": n_pred,
        "matched": matched,
        "failed_documents": sum(s.error is not None for s in scores),
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "predicted_in_scope": in_scope,
        "precision_in_scope": _ratio(matched, in_scope),
        "primary_field": primary,
        "hit_rate": _ratio(*hits[primary]) if primary in hits else None,
        "hits": {name: {"rate": _ratio(ok, n), "hits": ok, "documents": n}
                 for name, (ok, n) in sorted(hits.items(), key=lambda kv: PRIMARY_FIELDS.index(kv[0]))},
        "fields": {name: {"accuracy": _ratio(ok, n), "correct": ok, "scored": n}
                   for name, (ok, n) in sorted(fields.items(), key=lambda kv: FIELDS.index(kv[0]))},
        "empty_documents": len(empty),
        "empty_doc_false_alarm": _ratio(sum(bool(s.predicted) for s in empty), len(empty)),
        "confusion": {g: dict(c.most_common()) for g, c in sorted(confusion.items())},
    }


def build_report(scores: Sequence[DocScore]) -> dict[str, Any]:
    """Per file group, and per ``dataset`` inside a group that mixes several, the aggregate numbers."""
    by_group: dict[str, list[DocScore]] = defaultdict(list)
    by_sub: dict[str, list[DocScore]] = defaultdict(list)
    for s in scores:
        by_group[s.group].append(s)
        by_sub[f"{s.group}/{s.dataset}"].append(s)
    subs = {key: aggregate(v) for key, v in by_sub.items()
            if len({s.dataset for s in by_group[key.split('/')[0]]}) > 1}
    return {
        "matching": "one-to-one, Hungarian: most pairs agreeing on the primary type, then most agreeing fields",
        "datasets": {g: aggregate(v) for g, v in by_group.items()},
        "sub_datasets": subs,
    }


def flat_metrics(report_part: Mapping[str, Any]) -> dict[str, float]:
    """The rates of one dataset's numbers under flat names: f1, hit_rate, hit.<field>, acc.<field>, ..."""
    out: dict[str, float] = {}
    for name in ("precision", "recall", "f1", "precision_in_scope", "hit_rate"):
        if report_part.get(name) is not None:
            out[name] = report_part[name]
    for name, h in report_part.get("hits", {}).items():
        if h["rate"] is not None:
            out[f"hit.{name}"] = h["rate"]
    for name, f in report_part.get("fields", {}).items():
        if f["accuracy"] is not None:
            out[f"acc.{name}"] = f["accuracy"]
    return out


def worst_documents(scores: Sequence[DocScore], n: int) -> list[DocScore]:
    """The n documents with the most missing or wrong fields (then most spurious events), in a stable order."""
    return sorted(scores, key=lambda s: -s.badness)[:n] if n > 0 else []


# ---------------------------------------------------------------------------------------------
# Reading gold and running the pipeline


def read_gold(path: str | Path, *, limit: int | None = None, seed: int = 0) -> list[dict[str, Any]]:
    """The documents of one gold file; with ``limit``, a seeded random sample of that many, in file order."""
    with open(path, encoding="utf-8") as handle:
        docs = [json.loads(line) for line in handle if line.strip()]
    if limit is not None and limit < len(docs):
        keep = sorted(random.Random(seed).sample(range(len(docs)), limit))
        docs = [docs[i] for i in keep]
    return docs


def load_gold(paths: Iterable[str | Path], *, limit: int | Mapping[str, int] | None = None,
              seed: int = 0) -> list[tuple[str, dict[str, Any]]]:
    """(group, document) for every gold file; ``limit`` is one size for every file or a size per group."""
    out: list[tuple[str, dict[str, Any]]] = []
    for path in paths:
        group = group_of(path)
        size = limit.get(group) if isinstance(limit, Mapping) else limit
        out.extend((group, doc) for doc in read_gold(path, limit=size, seed=seed))
    return out


def run_gold(gold: Sequence[tuple[str, Mapping[str, Any]]], *, pipeline: Any = None,
             progress: Callable[[int], None] | None = None) -> list[DocScore]:
    """Code each gold document's text with its publication date and score it."""
    from eventcoder.records import Document
    if pipeline is None:
        from eventcoder.pipeline import Pipeline
        pipeline = Pipeline()

    scopes: dict[str, set[str]] = defaultdict(set)
    for group, doc in gold:
        scopes[group].update(name for e in doc.get("events") or [] if (name := primary_field(e)))

    def documents() -> Iterable[Document]:
        for _, doc in gold:
            yield Document(id=str(doc.get("doc_id")), text=doc.get("text") or "",
                           published=doc.get("publication_date"))

    scores: list[DocScore] = []
    for (group, doc), result in zip(gold, pipeline.run(documents())):
        predicted = [e.to_dict() for e in result.events]
        scores.append(score_document(doc, predicted, group=group, error=result.error,
                                     scope_fields=scopes[group]))
        if progress is not None:
            progress(1)
    return scores


def evaluate_files(paths: Sequence[str | Path], *, limit: int | Mapping[str, int] | None = None, seed: int = 0,
                   pipeline: Any = None, progress: Callable[[int], None] | None = None) -> dict[str, Any]:
    """Library entry point: read, sample, code and score gold files; the report as `build_report` gives it."""
    return build_report(run_gold(load_gold(paths, limit=limit, seed=seed), pipeline=pipeline, progress=progress))
