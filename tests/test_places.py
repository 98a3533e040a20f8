"""The offline gazetteer: normalisation, look-up, admin1 names, supplement sites, load time and data size."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from eventcoder import gazetteer, places

DATA = Path(__file__).resolve().parent.parent / "eventcoder" / "data"
# Installed gazetteer data must stay under this many bytes (the budget is 60 MB).
MAX_DATA_BYTES = 60_000_000
# The issue asks for a load under 1 s; CI machines are shared and slower, so the test allows 3 s.
MAX_LOAD_SECONDS = 3.0


@pytest.mark.parametrize("spelling", ["Al-Qaim", "Al Qaim", "Al Qā'im", "Al Qā’im", "al-Qaim", "AL QAIM", "El Qaim",
                                      "Qaim"])
def test_normalise_spellings_meet(spelling: str) -> None:
    assert places.normalise(spelling) == "qaim"


def test_fold_keeps_offsets_and_drops_possessive() -> None:
    text = "Ḩamāh’s Ba'quba"
    assert len(gazetteer.fold_chars(text)) == len(text)
    assert gazetteer.fold(text) == "hamah baquba"
    assert gazetteer.keys("Deir ez-Zor") == ["deir ez zor"]
    assert gazetteer.keys("Al-Qaim") == ["al qaim", "qaim"]


def test_spelling_variants_found() -> None:
    for name in ("Al-Qaim", "Al Qaim", "Al Qā'im", "Qaim"):
        found = places.lookup(name)
        assert found is not None and found.country == "IRQ", name
    assert places.lookup("Ba'quba").geonames_id == places.lookup("Baqubah").geonames_id  # type: ignore[union-attr]
    assert places.lookup("Saada").name == "Saada"  # type: ignore[union-attr]  # the text's spelling is kept
    assert "hillah" in gazetteer.variants("hilla")
    assert "zouk mosbeh" in gazetteer.variants("zouq mosbeh")  # Lebanese spellings write the qaf as "k"


def test_lookup_prefers_article_countries() -> None:
    assert places.lookup("Tripoli").country == "LBY"  # type: ignore[union-attr]
    lebanon = places.lookup("Tripoli", countries=("LBN",))
    assert lebanon is not None and lebanon.country == "LBN" and lebanon.precision == "city"
    assert places.lookup("Jordan").precision == "country"  # type: ignore[union-attr]
    assert places.lookup("no such place anywhere") is None


def test_country_place() -> None:
    jordan = places.country_place("JOR")
    assert jordan is not None and jordan.name == "Jordan" and jordan.precision == "country"
    assert places.country_place("XKX") is not None
    assert places.country_place("ZZZ") is None


def test_admin1_names_resolve() -> None:
    gaz = gazetteer.load()
    assert gaz.admin1_name("IQ.07") == "Baghdad"
    assert gaz.admin1_name("IQ.10") == "Diyala"
    assert gaz.admin1_name("JO.15") == "Mafraq"
    baghdad = places.lookup("Baghdad")
    assert baghdad is not None and (baghdad.country, baghdad.admin1) == ("IRQ", "Baghdad")
    assert gazetteer.admin1_codes("Ninawa (Nineveh)", "IRQ") == {"IQ.15"}
    assert gazetteer.admin1_codes("Idleb", "SYR") == {"SY.12"}
    assert gazetteer.admin1_codes("Baghdad Governorate") >= {"IQ.07"}


def test_supplement_sites() -> None:
    tower = places.lookup("Tower 22")
    assert tower is not None and tower.country == "JOR" and tower.precision == "exact"
    assert abs(tower.lat - 33.32) < 0.1 and abs(tower.lon - 38.69) < 0.1  # type: ignore[operator]
    for name, country in (("Al-Tanf", "SYR"), ("Ain al-Asad air base", "IRQ"), ("Jurf al-Sakhar", "IRQ"),
                          ("Mashtal", "PSE")):
        found = places.lookup(name)
        assert found is not None and found.country == country and found.precision == "exact", name


@pytest.mark.parametrize("name, admin1", [("Thika", "Kiambu County"), ("Sololo", "Marsabit County")])
def test_supplement_moves_misfiled_towns(name: str, admin1: str) -> None:
    found = places.lookup(name, countries=("KEN",))
    assert found is not None and (found.country, found.admin1) == ("KEN", admin1)


def test_supplement_rows_have_sources() -> None:
    lines = (DATA / gazetteer.SUPPLEMENT_FILE).read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == gazetteer.SUPPLEMENT_HEADER
    for line in lines[1:]:
        cols = dict(zip(gazetteer.SUPPLEMENT_HEADER, line.split("\t")))
        assert len(line.split("\t")) == len(gazetteer.SUPPLEMENT_HEADER), line
        assert cols["kind"] in ("site", "district", "alias", "region") and cols["note"], line
        if cols["kind"] in ("site", "district"):
            assert -90 <= float(cols["lat"]) <= 90 and -180 <= float(cols["lon"]) <= 180, line
        if cols["kind"] == "region":
            assert cols["geonames_id"].isdigit() and "." in cols["admin1"], line


def test_installed_data_size() -> None:
    files = [p for p in DATA.iterdir() if p.name.startswith(("gazetteer", "admin1"))]
    assert len(files) >= 4
    assert sum(p.stat().st_size for p in files) < MAX_DATA_BYTES


def test_gazetteer_loads_fast() -> None:
    # A fresh interpreter, so the cached load of other tests does not hide the cost.
    code = ("import time; t = time.perf_counter(); from eventcoder import gazetteer; gazetteer.load(); "
            "print(time.perf_counter() - t)")
    seconds = float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
    print(f"gazetteer load: {seconds:.3f} s")
    assert seconds < MAX_LOAD_SECONDS


def test_scan_finds_head_names_word_bounded() -> None:
    gaz = gazetteer.load()
    text = " " + gazetteer.fold("Clashes in Baghdad and Mosul; Baghdadi was not hit") + " "
    keys = {key for _, _, key in gaz.scan(text)}
    assert {"baghdad", "mosul"} <= keys
    assert all(text[s - 1] == " " and text[e] == " " for s, e, _ in gaz.scan(text))


@pytest.mark.parametrize(("name", "shared"), [("Tripoli", True), ("Hyderabad", True), ("Beirut", False),
                                              ("Kenya", False), ("Paris", False)])
def test_names_big_places_of_several_countries_bear(name: str, shared: bool) -> None:
    assert places.shared_name(name) is shared


@pytest.mark.parametrize(("country", "neighbour", "shared"), [("KEN", "SOM", True), ("SOM", "KEN", True),
                                                               ("TUR", "SYR", True), ("KEN", "IND", False)])
def test_land_neighbours(country: str, neighbour: str, shared: bool) -> None:
    assert (neighbour in places.neighbours(country)) is shared


def test_slips_are_one_typing_slip_away() -> None:
    found = gazetteer.slips("abc")
    assert {"bc", "ac", "ab"} <= found  # dropped
    assert {"bac", "acb"} <= found  # swapped
    assert {"xbc", "abx"} <= found  # changed
    assert {"xabc", "abcx", "abxc"} <= found  # added
    assert "abc" not in found and "cab" not in found
    # 3 dropped, 2 swapped, 3 x 25 changed, 4 x 26 added less 3 doubled letters ("aabc" twice, "abbc", "abcc")
    assert len(found) == 3 + 2 + 3 * 25 + 4 * 26 - 3
