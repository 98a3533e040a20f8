"""Write deduplicated events as ACLED CSV, POLECAT TSV, PLOVER JSONL, CAMEO/Phoenix TSV, GeoJSON, CSV or Parquet.

One output row per happening (a merged event), built from its merged values and its mentions.
Column names follow /shared/ONTOLOGY.md section 2. Where our records lack a field (ACLED admin2,
POLECAT COW codes, ...) the column is present and empty.
"""

from __future__ import annotations

import csv
import io
import json
import re
import time
from datetime import date
from functools import cache
from importlib.resources import files
from typing import IO, Any, Iterable

from eventcoder import __version__

FORMATS = ("acled", "polecat", "plover", "cameo", "geojson", "csv", "parquet")
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
POLECAT_COLUMNS = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title",
    "Actor Name Raw", "Wikipedia Actor ID", "Recipient Name", "Recipient Country", "Recipient COW",
    "Primary Recipient Sector", "Recipient Sectors", "Recipient Title", "Recipient Name Raw",
    "Wikipedia Recipient ID", "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude",
    "GeoNames ID", "Raw Placename", "Feature Type", "Source", "Publication Date", "Story People",
    "Story Organizations", "Story Locations", "Language", "Version",
)
CAMEO_COLUMNS = (  # the Phoenix dataset's layout, one row per happening
    "EventID", "Date", "Year", "Month", "Day", "SourceActorFull", "SourceActorEntity", "SourceActorRole",
    "SourceActorAttribute", "TargetActorFull", "TargetActorEntity", "TargetActorRole", "TargetActorAttribute",
    "EventCode", "EventRootCode", "QuadClass", "GoldsteinScore", "Issues", "Lat", "Lon", "LocationName",
    "StateName", "CountryCode", "SentenceID", "URLs", "NewsSources",
)
FLAT_COLUMNS = (
    "id", "event_type", "mode", "acled_event_type", "acled_sub_event_type", "cameo_root", "source_name",
    "source_country", "source_sector", "target_name", "target_country", "target_sector", "date", "date_start",
    "date_end", "date_precision", "place_name", "place_country", "place_admin1", "lat", "lon", "geonames_id",
    "place_precision", "fatalities", "injuries", "modality", "confidence", "n_mentions", "n_articles",
    "first_reported", "evidence", "sources", "urls",
)
QUAD = {**dict.fromkeys(("AGREE", "CONSULT", "SUPPORT"), 1), **dict.fromkeys(("COOPERATE", "AID", "CONCEDE", "RETREAT"), 2),
        **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN"), 3),
        **dict.fromkeys(("PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT"), 4)}
ACLED_ACTOR_TYPES = ("State forces", "Rebel group", "Political militia", "Identity militia", "Rioters",
                     "Protesters", "Civilians", "External/Other forces")
RESOLUTION = {"exact": 5, "city": 4, "near": 4, "admin1": 2, "country": 1}


@cache
def _regions_table() -> dict[str, dict[str, str]]:
    """Rows of data/acled_regions.tsv by ISO alpha-3."""
    text = files("eventcoder").joinpath("data/acled_regions.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((line for line in text.splitlines() if not line.startswith("#")), delimiter="\t")
    return {r["iso3"]: r for r in rows}


def regions() -> dict[str, tuple[str, str]]:
    """ISO numeric code and ACLED region by ISO alpha-3."""
    return {k: (r["iso_numeric"], r["region"]) for k, r in _regions_table().items()}


def country_names() -> dict[str, str]:
    """Country name by ISO alpha-3 (blank names left out)."""
    return {k: r["name"] for k, r in _regions_table().items() if r["name"]}


# --- shared helpers --------------------------------------------------------------------

def _sites(ms: list[dict[str, Any]]) -> list[str]:
    return sorted({m["site"] or "" for m in ms} - {""})


def _urls(ms: list[dict[str, Any]]) -> list[str]:
    return sorted({m["url"] or "" for m in ms} - {""})


def time_precision(row: dict[str, Any]) -> int | str:
    """ACLED time precision: 1 a day, 2 within a week, 3 wider; blank without a date. A day the text did not state
    (precision "week": the day before the report) is 2; a month or a year is 3 whatever its span."""
    if not row["date_start"]:
        return ""
    precision = row.get("date_precision")
    if precision in ("week", "month", "year"):
        return 2 if precision == "week" else 3
    days = (date.fromisoformat(row["date_end"]) - date.fromisoformat(row["date_start"])).days
    return 1 if days == 0 else 2 if days < 7 else 3


def geo_precision(row: dict[str, Any]) -> int | str:
    """ACLED geo precision: 1 the named place, 2 near it, 3 a wider region (or only the country)."""
    return {"exact": 1, "city": 1, "near": 2, "admin1": 3, "country": 3}.get(row["place_precision"] or "", "")


def acled_actor_type(row: dict[str, Any], role: str) -> str:
    """ACLED actor type text of the source or target, from its PLOVER sector and country."""
    sector, country = row[f"{role}_sector"], row[f"{role}_country"]
    if row[f"{role}_name"] is None and row[f"{role}_text"] is None:
        return ""
    if role == "source" and row["event_type"] == "PROTEST":
        return "Rioters" if row["mode"] == "riot" else "Protesters"
    if role == "target" and row["acled_event_type"] == "Violence against civilians":
        return "Civilians"  # its victims are unarmed by definition: a mayor shot at home, an off-duty officer
    if country in ("UNO", "IGO", "EUR", "IMG") or sector == "IMG":
        return "External/Other forces"
    if sector in ("MIL", "GOV", "COP", "SPY", "JUD", "LEG"):
        foreign = country and row["place_country"] and country != row["place_country"]
        return "External/Other forces" if foreign else "State forces"
    if sector == "REB":
        return "Rebel group"
    if sector in ("PRM", "UAF", "CRM", "UNK"):
        return "Political militia"
    return "Civilians" if sector else ""


def interaction(inter1: str, inter2: str) -> str:
    """ACLED interaction text: the two actor types, lower type number first."""
    types = sorted((t for t in (inter1, inter2) if t), key=ACLED_ACTOR_TYPES.index)
    return "" if not types else f"{types[0]} only" if len(types) == 1 else f"{types[0]}-{types[1]}"


def disorder_type(row: dict[str, Any]) -> str:
    """ACLED disorder type from the event and sub-event type (codebook flags)."""
    etype, sub = row["acled_event_type"], row["acled_sub_event_type"]
    if etype in ("Battles", "Explosions/Remote violence", "Violence against civilians") or sub == "Mob violence":
        return "Political violence"
    if sub == "Excessive force against protesters":
        return "Political violence; Demonstrations"
    return {"Protests": "Demonstrations", "Riots": "Demonstrations",
            "Strategic developments": "Strategic developments"}.get(etype or "", "")


def notes(row: dict[str, Any], ms: list[dict[str, Any]]) -> str:
    """A short description built from the evidence sentence, as ACLED notes read."""
    evidence = " ".join((row["record"]["evidence"]["text"] or "").split())
    when = f"On {date.fromisoformat(row['date_start']):%d %B %Y}".replace(" 0", " ") if row["date_start"] else ""
    reports = f" [{len(ms)} reports: {'; '.join(_sites(ms))}]" if len(ms) > 1 else ""
    return f"{when + ', ' if when else ''}{evidence}{reports}".strip()


def _cnty_id(row: dict[str, Any]) -> str:
    return (row["place_country"] or "XXX") + re.sub(r"[^0-9A-Za-z]", "", row["id"])


# --- row builders ----------------------------------------------------------------------

def acled_row(row: dict[str, Any], ms: list[dict[str, Any]], stamp: int) -> dict[str, Any]:
    """One ACLED row (31 columns)."""
    inter1, inter2 = acled_actor_type(row, "source"), acled_actor_type(row, "target")
    iso, region = regions().get(row["place_country"] or "", ("", ""))
    targeted = inter2 == "Civilians" and disorder_type(row).startswith("Political violence")
    return {
        "event_id_cnty": _cnty_id(row), "event_date": row["date_start"] or "",
        "year": row["date_start"][:4] if row["date_start"] else "", "time_precision": time_precision(row),
        "disorder_type": disorder_type(row), "event_type": row["acled_event_type"] or "",
        "sub_event_type": row["acled_sub_event_type"] or "", "actor1": row["source_name"] or "",
        "assoc_actor_1": "", "inter1": inter1, "actor2": row["target_name"] or "", "assoc_actor_2": "",
        "inter2": inter2, "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilians targeted" if targeted else "", "iso": iso, "region": region,
        "country": country_names().get(row["place_country"] or "", row["place_country"] or ""),
        "admin1": row["place_admin1"] or "", "admin2": "", "admin3": "", "location": row["place_name"] or "",
        "latitude": _round(row["lat"]), "longitude": _round(row["lon"]), "geo_precision": geo_precision(row),
        "source": "; ".join(_sites(ms)), "source_scale": "", "notes": notes(row, ms),
        "fatalities": row["fatalities"] or 0, "tags": "", "timestamp": stamp,
    }


def _round(value: float | None) -> float | str:
    return round(value, 4) if value is not None else ""


def _actor_cells(rec: dict[str, Any] | None) -> tuple[str, str, str, str, str]:
    if not rec:
        return "", "", "", "", ""
    return rec.get("name") or rec["text"], rec.get("country") or "", rec.get("sector") or "", rec["text"], rec.get("wikidata") or ""


def polecat_row(row: dict[str, Any], ms: list[dict[str, Any]]) -> dict[str, Any]:
    """One POLECAT row (40 columns)."""
    rec = row["record"]
    a_name, a_cty, a_sec, a_raw, a_wiki = _actor_cells(rec["source"])
    r_name, r_cty, r_sec, r_raw, r_wiki = _actor_cells(rec["target"])
    city = row["place_name"] if row["place_precision"] in ("exact", "city", "near") else ""
    values = [
        row["id"], row["date_start"] or "", row["event_type"], row["mode"] or "", "", QUAD.get(row["event_type"], ""), "",
        a_name, a_cty, "", a_sec, a_sec, "", a_raw, a_wiki, r_name, r_cty, "", r_sec, r_sec, "", r_raw, r_wiki,
        row["place_name"] or "", city or "", "", row["place_admin1"] or "", row["place_country"] or "",
        _round(row["lat"]), _round(row["lon"]), row["geonames_id"] or "",
        row["place_name"] or "", row["place_precision"] or "", "; ".join(_sites(ms)), row["first_reported"] or "",
        "", "", "", "en", f"eventcoder-{__version__}",
    ]
    return dict(zip(POLECAT_COLUMNS, values))


def _entity(rec: dict[str, Any] | None) -> list[dict[str, Any]]:
    if not rec:
        return []
    return [{"code": rec.get("country"), "sector": rec.get("sector"), "entity_text": rec["text"],
             "identifier_id": rec.get("wikidata"), "identifier_text": rec.get("name")}]


def plover_record(row: dict[str, Any], ms: list[dict[str, Any]]) -> dict[str, Any]:
    """One PLOVER JSON record (the manual's named fields), with the mentions' citations."""
    rec, place = row["record"], row["record"]["place"]
    loc = None if not place else {
        "extracted_place": place["name"], "resolved_place": place["name"], "geonameid": place["geonames_id"],
        "lat": place["lat"], "lon": place["lon"], "city": place["name"] if place["precision"] in ("exact", "city", "near") else None,
        "district": None, "province": place["admin1"], "country": country_names().get(place["country"] or ""),
        "country_code": place["country"], "feature_class": None, "feature_code": None,
        "resolution": RESOLUTION.get(place["precision"]),
    }
    lead = next((m for m in ms if m["event_id"] == rec["id"]), ms[0] if ms else None)
    return {
        "id": row["id"], "has_event": True, "date": row["date_start"],
        "enddate": row["date_end"] if row["date_end"] != row["date_start"] else None,
        "actor": _entity(rec["source"]), "recipient": _entity(rec["target"]), "event": [row["event_type"]],
        "mode": [row["mode"]] if row["mode"] else [], "context": [], "event_loc": loc,
        "event_text": rec["evidence"]["text"], "quad_code": QUAD.get(row["event_type"]),
        "event_scale": {"dead": row["fatalities"], "injured": row["injuries"], "arrested": None},
        "link": lead["url"] if lead else None,
        "text_info": {"sequence": None, "start": rec["evidence"]["start"], "end": rec["evidence"]["end"]},
        "cite_info": [{"url": m["url"], "title": m["title"], "publication": m["site"], "language": "en",
                       "coder": "eventcoder", "version": __version__} for m in ms],
        "coder": "eventcoder", "coded_date": date.today().isoformat(),
        "comment": f"{row['n_mentions']} mentions in {row['n_articles']} articles",
    }


def cameo_row(row: dict[str, Any], ms: list[dict[str, Any]]) -> dict[str, Any]:
    """One Phoenix-style CAMEO row."""
    d = row["date_start"] or ""
    root = row["cameo_root"] or ""
    quad = {**dict.fromkeys("01 02 03 04 05".split(), 1), **dict.fromkeys("06 07 08".split(), 2),
            **dict.fromkeys("09 10 11 12 13".split(), 3)}.get(root, 4 if root else "")
    values = [row["id"], d.replace("-", ""), d[:4], d[5:7], d[8:10],
              row["source_name"] or "", row["source_country"] or "", row["source_sector"] or "", "",
              row["target_name"] or "", row["target_country"] or "", row["target_sector"] or "", "",
              root, root, quad, "", "", _round(row["lat"]), _round(row["lon"]), row["place_name"] or "",
              row["place_admin1"] or "", row["place_country"] or "", "", ";".join(_urls(ms)), ";".join(_sites(ms))]
    return dict(zip(CAMEO_COLUMNS, values))


def flat_record(row: dict[str, Any], ms: list[dict[str, Any]]) -> dict[str, Any]:
    """The generic flat columns (CSV, Parquet, GeoJSON properties)."""
    out = {k: row.get(k) for k in FLAT_COLUMNS if k not in ("evidence", "sources", "urls")}
    return {**out, "evidence": row["record"]["evidence"]["text"], "sources": "; ".join(_sites(ms)),
            "urls": " ".join(_urls(ms))}


# --- writers ---------------------------------------------------------------------------

def _write_table(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], out: IO[str], delimiter: str) -> int:
    writer = csv.DictWriter(out, fieldnames=list(columns), delimiter=delimiter, lineterminator="\n")
    writer.writeheader()
    n = 0
    for n, r in enumerate(rows, 1):
        writer.writerow({k: ("" if v is None else v) for k, v in r.items()})
    return n


def write(fmt: str, items: Iterable[tuple[dict[str, Any], list[dict[str, Any]]]], out: IO[Any]) -> int:
    """Write (merged row, mentions) pairs in `fmt` to `out` (binary for parquet, text otherwise); how many."""
    if fmt == "acled":
        stamp = int(time.time())
        return _write_table((acled_row(r, m, stamp) for r, m in items), ACLED_COLUMNS, out, ",")
    if fmt == "polecat":
        return _write_table((polecat_row(r, m) for r, m in items), POLECAT_COLUMNS, out, "\t")
    if fmt == "cameo":
        return _write_table((cameo_row(r, m) for r, m in items), CAMEO_COLUMNS, out, "\t")
    if fmt == "csv":
        return _write_table((flat_record(r, m) for r, m in items), FLAT_COLUMNS, out, ",")
    if fmt == "plover":
        n = 0
        for n, (r, m) in enumerate(items, 1):
            out.write(json.dumps(plover_record(r, m), ensure_ascii=False) + "\n")
        return n
    if fmt == "geojson":
        feats = [geojson_feature(r, m) for r, m in items]
        json.dump({"type": "FeatureCollection", "features": feats}, out, ensure_ascii=False)
        return len(feats)
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq
        records = [flat_record(r, m) for r, m in items]
        table = pa.Table.from_pylist(records, schema=_parquet_schema(pa))
        pq.write_table(table, out)
        return len(records)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def geojson_feature(row: dict[str, Any], ms: list[dict[str, Any]]) -> dict[str, Any]:
    """A GeoJSON point feature (null geometry when the event has no coordinates)."""
    geom = {"type": "Point", "coordinates": [row["lon"], row["lat"]]} if row["lat"] is not None and row["lon"] is not None else None
    return {"type": "Feature", "id": row["id"], "geometry": geom, "properties": flat_record(row, ms)}


def _parquet_schema(pa: Any) -> Any:
    """Typed Parquet columns: numbers as numbers, the rest as strings."""
    kinds = {"lat": pa.float64(), "lon": pa.float64(), "confidence": pa.float64(), "geonames_id": pa.int64(),
             "fatalities": pa.int64(), "injuries": pa.int64(), "n_mentions": pa.int64(), "n_articles": pa.int64()}
    return pa.schema([(c, kinds.get(c, pa.string())) for c in FLAT_COLUMNS])


def to_string(fmt: str, items: Iterable[tuple[dict[str, Any], list[dict[str, Any]]]]) -> str:
    """The text of an export (not for parquet)."""
    buf = io.StringIO()
    write(fmt, items, buf)
    return buf.getvalue()
