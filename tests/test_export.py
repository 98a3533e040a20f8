"""Exports: every format round-trips the stored happenings, with the documented columns, and pandas reads it."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventcoder import export as ex
from eventcoder.store import Store
from eventcoder.store_query import EventFilter, with_mentions

from conftest import seeded_db_url

pd = pytest.importorskip("pandas")


@pytest.fixture(scope="module")
def db_url(tmp_path_factory) -> str:
    return seeded_db_url(tmp_path_factory, "export")


@pytest.fixture(scope="module")
def stored(db_url: str) -> dict[str, tuple[dict, list]]:
    with Store.open(db_url) as store, store.engine.connect() as conn:
        return {row["id"]: (row, ms) for row, ms in with_mentions(conn, EventFilter())}


def _export(db_url: str, fmt: str, path: Path, *extra: str) -> Path:
    from eventcoder.cli_serve import register
    import typer
    app = typer.Typer()
    register(app)
    result = CliRunner().invoke(app, ["export", "--db", db_url, "--format", fmt, "-o", str(path), *extra])
    assert result.exit_code == 0, result.output
    return path


def test_column_names_match_the_ontology() -> None:
    ontology = Path(__file__).resolve().parents[2] / "shared" / "ONTOLOGY.md"
    assert len(ex.ACLED_COLUMNS) == 31 and len(ex.POLECAT_COLUMNS) == 40
    if ontology.exists():
        text = ontology.read_text(encoding="utf-8")
        for col in ex.ACLED_COLUMNS:
            assert f"| {col} |" in text
        for col in ex.POLECAT_COLUMNS:
            assert col in text


def test_acled_round_trip(db_url: str, stored: dict, tmp_path: Path) -> None:
    df = pd.read_csv(_export(db_url, "acled", tmp_path / "a.csv"), keep_default_na=False)
    assert tuple(df.columns) == ex.ACLED_COLUMNS and len(df) == len(stored)
    saada = df[df.event_id_cnty == "YEMa1"].iloc[0]
    assert (saada.event_date, saada.year, saada.time_precision, saada.geo_precision) == ("2024-02-13", 2024, 1, 1)
    assert (saada.fatalities, saada.country, saada.iso, saada.region) == (11, "Yemen", 887, "Middle East")
    assert saada.interaction == "State forces-Civilians" or saada.inter1 == "External/Other forces"
    assert saada.civilian_targeting == "" or saada.civilian_targeting == "Civilians targeted"
    assert saada.notes.startswith("On 13 February 2024, Report of a1") and "4 reports" in saada.notes
    assert saada.latitude == 17.05 and saada.longitude == 43.62


def test_polecat_round_trip(db_url: str, stored: dict, tmp_path: Path) -> None:
    df = pd.read_csv(_export(db_url, "polecat", tmp_path / "p.tsv"), sep="\t", keep_default_na=False, dtype=str)
    assert tuple(df.columns) == ex.POLECAT_COLUMNS and sorted(df["Event ID"]) == sorted(stored)
    row = df[df["Event ID"] == "n1"].iloc[0]
    assert (row["Event Type"], row["Event Mode"], row["Quad Code"], row["Country"]) == ("PROTEST", "demo", "4", "KEN")


def test_plover_round_trip(db_url: str, stored: dict, tmp_path: Path) -> None:
    path = _export(db_url, "plover", tmp_path / "p.jsonl")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["id"] for r in records) == sorted(stored)
    for r in records:
        assert {"id", "date", "actor", "event"} <= set(r)  # the PLOVER spec's required fields
        row, ms = stored[r["id"]]
        assert r["event"] == [row["event_type"]] and r["date"] == row["date_start"]
        assert len(r["cite_info"]) == len(ms) and r["event_scale"]["dead"] == row["fatalities"]
    assert len(pd.read_json(path, lines=True)) == len(stored)


def test_cameo_round_trip(db_url: str, stored: dict, tmp_path: Path) -> None:
    df = pd.read_csv(_export(db_url, "cameo", tmp_path / "c.tsv"), sep="\t", keep_default_na=False, dtype=str)
    assert tuple(df.columns) == ex.CAMEO_COLUMNS and sorted(df.EventID) == sorted(stored)
    row = df[df.EventID == "a1"].iloc[0]
    assert (row.Date, row.EventRootCode, row.QuadClass, row.CountryCode) == ("20240213", "19", "4", "YEM")
    assert len(row.URLs.split(";")) == 4


def test_geojson_round_trip(db_url: str, stored: dict, tmp_path: Path) -> None:
    geo = json.loads(_export(db_url, "geojson", tmp_path / "e.geojson").read_text(encoding="utf-8"))
    assert geo["type"] == "FeatureCollection" and sorted(f["id"] for f in geo["features"]) == sorted(stored)
    for f in geo["features"]:
        row, _ = stored[f["id"]]
        assert (f["geometry"] is None) == (row["lat"] is None)
        if f["geometry"]:
            assert f["geometry"]["coordinates"] == [row["lon"], row["lat"]]
    assert len(pd.json_normalize(geo["features"])) == len(stored)


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_flat_round_trip(db_url: str, stored: dict, tmp_path: Path, fmt: str) -> None:
    path = _export(db_url, fmt, tmp_path / f"e.{fmt}")
    df = pd.read_parquet(path) if fmt == "parquet" else pd.read_csv(path)
    assert tuple(df.columns) == ex.FLAT_COLUMNS and sorted(df.id) == sorted(stored)
    for rec in df.to_dict("records"):
        row, _ = stored[rec["id"]]
        assert rec["event_type"] == row["event_type"] and rec["n_mentions"] == row["n_mentions"]
        assert (pd.isna(rec["fatalities"]) and row["fatalities"] is None) or rec["fatalities"] == row["fatalities"]
        assert (pd.isna(rec["lat"]) and row["lat"] is None) or rec["lat"] == pytest.approx(row["lat"])


def test_filters_and_errors(db_url: str, tmp_path: Path) -> None:
    df = pd.read_csv(_export(db_url, "csv", tmp_path / "f.csv", "--type", "protest"))
    assert list(df.id) == ["n1"]
    from eventcoder.cli_serve import register
    import typer
    app = typer.Typer()
    register(app)
    assert CliRunner().invoke(app, ["export", "--db", db_url, "--format", "xml"]).exit_code != 0
    assert CliRunner().invoke(app, ["export", "--db", db_url, "--format", "parquet"]).exit_code != 0
    out = CliRunner().invoke(app, ["export", "--db", db_url, "--format", "acled", "--country", "KEN"])
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert {r["country"] for r in rows} == {"Kenya"}


@pytest.mark.parametrize(("start", "end", "precision", "expected"), [
    ("2024-02-13", "2024-02-13", "day", 1),
    ("2024-02-13", "2024-02-13", "week", 2),  # a day the text did not state
    ("2024-02-10", "2024-02-13", "range", 2),
    ("2024-02-01", "2024-02-29", "month", 3),
    ("2024-01-01", "2024-12-31", "year", 3),
    ("2023-10-15", "2024-03-02", "range", 3),
    (None, None, None, ""),
])
def test_acled_time_precision(start, end, precision, expected) -> None:
    from eventcoder.export import time_precision
    assert time_precision({"date_start": start, "date_end": end, "date_precision": precision}) == expected


def test_the_victims_of_violence_against_civilians_are_civilians_whoever_they_are() -> None:
    # ACLED codes a mayor shot at home or an off-duty officer killed as "Civilians (X)"; a clash keeps the state force
    row = {"event_type": "ASSAULT", "mode": "firearms", "acled_event_type": "Violence against civilians",
           "target_name": "mayor", "target_text": "the mayor", "target_sector": "GOV", "target_country": "MEX",
           "place_country": "MEX"}
    assert ex.acled_actor_type(row, "target") == "Civilians"
    clash = dict(row, acled_event_type="Battles", target_name="police", target_sector="COP")
    assert ex.acled_actor_type(clash, "target") == "State forces"
