"""The scoring yardstick: matching, P/R/F1, actor kinds, distances, counts and dates on hand-made dicts.

Only `test_cli_eval_json_counts` loads the model; everything else is pure arithmetic over dicts.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from eventcoder.evaluate import (
    CIVILIANS, NON_STATE, STATE, aggregate, assign, build_report, field_agreement, flat_metrics, gold_actor_kind,
    haversine_km, load_gold, match_events, primary_field, read_gold, same_admin1, same_place_name, score_document,
    sector_kind,
)

BAGHDAD = (33.3152, 44.3661)
KADHIMIYA = (33.3806, 44.3397)  # 7.7 km from Baghdad's centre
BAQUBAH = (33.7466, 44.6437)  # 54 km from Baghdad's centre


def pred(event_type: str = "ASSAULT", **fields) -> dict:
    """A predicted event dict with every Event key; fields override."""
    base = {"id": "x", "event_type": event_type, "mode": None, "acled_event_type": None,
            "acled_sub_event_type": None, "cameo_root": None, "source": None, "target": None, "date": None,
            "date_precision": None, "date_text": None, "place": None, "fatalities": None, "injuries": None,
            "claimed_by": None, "attributed_to": None, "attributed_by": None, "modality": "asserted",
            "is_aggregate": False, "evidence": {"text": "", "start": 0, "end": 0}, "confidence": 0.5}
    base.update(fields)
    return base


def place(lat: float | None, lon: float | None, country: str = "IRQ", admin1: str | None = None) -> dict:
    return {"name": "somewhere", "country": country, "admin1": admin1, "lat": lat, "lon": lon}


# --- primary type and matching ----------------------------------------------------------------

def test_primary_field_order():
    assert primary_field({"event_type": "ASSAULT", "acled_event_type": "Battles"}) == "event_type"
    assert primary_field({"acled_event_type": "Battles", "acled_sub_event_type": "Armed clash"}) == "acled_event_type"
    assert primary_field({"acled_sub_event_type": "Grenade"}) == "acled_sub_event_type"
    assert primary_field({"cameo_code": "173"}) == "cameo_root"
    assert primary_field({"fatalities": 3}) is None


def test_cameo_root_from_code_matches_predicted_root():
    gold = {"cameo_code": "173", "cameo_root": None}
    assert match_events([gold], [pred("COERCE", cameo_root="17")]) == [(0, 0)]
    assert match_events([gold], [pred("COERCE", cameo_root="18")]) == []


def test_matching_is_one_to_one_and_prefers_most_agreeing_fields():
    gold = [{"acled_event_type": "Battles", "date": "2020-05-09"},
            {"acled_event_type": "Battles", "date": "2020-05-08"}]
    preds = [pred(acled_event_type="Battles", date="2020-05-08"),
             pred(acled_event_type="Battles", date="2020-05-09"),
             pred(acled_event_type="Battles", date="2020-05-09")]
    assert match_events(gold, preds) == [(0, 1), (1, 0)]


def test_matching_maximises_pairs_before_agreement():
    # Gold 0 agrees best with pred 0, but only pred 0 can match gold 1: a greedy matcher would lose a pair.
    gold = [{"cameo_root": "19", "date": "2020-01-01"}, {"cameo_root": "19", "source": {"country": "IRQ"}}]
    preds = [pred(cameo_root="19", date="2020-01-01", source={"country": "IRQ"}), pred(cameo_root="19")]
    pairs = match_events(gold, preds)
    assert len(pairs) == 2


def test_assign_rectangular():
    assert assign([[4, 1, 3], [2, 0, 5]]) == [(0, 1), (1, 0)]
    assert assign([[4, 2], [1, 5], [3, 6]]) == [(0, 1), (1, 0)]
    assert assign([]) == []


def test_precision_recall_f1_exact():
    gold_doc = {"doc_id": "d1", "dataset": "acled_kenya",
                "events": [{"acled_event_type": "Protests"}, {"acled_event_type": "Riots"}]}
    preds = [pred("PROTEST", acled_event_type="Protests"), pred("ASSAULT", acled_event_type="Battles"),
             pred("CONSULT")]
    report = aggregate([score_document(gold_doc, preds, group="acled")])
    assert (report["gold_events"], report["predicted_events"], report["matched"]) == (2, 3, 1)
    assert report["precision"] == pytest.approx(1 / 3, abs=1e-4)
    assert report["recall"] == 0.5
    assert report["f1"] == 0.4
    # CONSULT has no ACLED type: out of scope for an ACLED file.
    assert report["precision_in_scope"] == 0.5
    assert report["hit_rate"] == 1.0
    assert report["confusion"] == {"Protests": {"Protests": 1}, "Riots": {"Battles": 1}}


def test_document_hit_and_empty_documents():
    docs = [
        ({"doc_id": "a", "dataset": "case2021", "events": [{"acled_sub_event_type": "Grenade"}]},
         [pred(acled_sub_event_type="Attack"), pred(acled_sub_event_type="Grenade")]),
        ({"doc_id": "b", "dataset": "case2021", "events": [{"acled_sub_event_type": "Arrests"}]}, []),
        ({"doc_id": "c", "dataset": "case2021", "events": []}, [pred(acled_sub_event_type="Attack")]),
        ({"doc_id": "d", "dataset": "case2021", "events": []}, []),
    ]
    scores = [score_document(g, p, group="case2021", scope_fields={"acled_sub_event_type"}) for g, p in docs]
    report = aggregate(scores)
    assert report["documents"] == 4 and report["documents_with_gold"] == 2
    assert report["hit_rate"] == 0.5
    assert report["empty_doc_false_alarm"] == 0.5
    assert report["precision"] == pytest.approx(1 / 3, abs=1e-4)  # 1 matched of 3 predicted
    assert report["confusion"] == {"Grenade": {"Grenade": 1}, "Arrests": {"none": 1}}


# --- fields -----------------------------------------------------------------------------------

def test_kind_mapping():
    assert sector_kind("COP") == STATE and sector_kind("SPY") == STATE
    assert sector_kind("UAF") == NON_STATE and sector_kind("CRM") == NON_STATE
    assert sector_kind("JRN") == CIVILIANS and sector_kind("OPP") == CIVILIANS
    assert sector_kind("REBkur") == NON_STATE  # PLOVER gold sometimes appends a group tag
    assert sector_kind("PTY") is None and sector_kind(None) is None
    assert gold_actor_kind({"acled_type": "External/Other forces"}) == STATE
    assert gold_actor_kind({"acled_type": "Identity militia"}) == NON_STATE
    assert gold_actor_kind({"acled_type": "Rioters"}) == CIVILIANS
    assert gold_actor_kind({"sector": "MIL"}) == STATE
    assert gold_actor_kind({"gtd_type": "Police"}) == STATE
    gold = {"acled_event_type": "Battles", "source": {"acled_type": "Political militia", "country": "NGA"},
            "target": {"acled_type": "State forces", "country": "NGA"}}
    got = field_agreement(gold, pred(acled_event_type="Battles", source={"country": "NGA", "sector": "PRM"},
                                     target={"country": "NGA", "sector": "COP"}))
    assert got["source_kind"] and got["target_kind"] and got["source_country"] and got["target_country"]
    got = field_agreement(gold, pred(acled_event_type="Battles", source={"country": "NGA", "sector": "CVL"}))
    assert not got["source_kind"] and not got["target_kind"] and not got["target_country"]


def test_place_within_25_km_real_coordinates():
    assert 7 < haversine_km(*BAGHDAD, *KADHIMIYA) < 8.5
    assert 50 < haversine_km(*BAGHDAD, *BAQUBAH) < 60
    gold = {"event_type": "ASSAULT", "place": place(*BAGHDAD)}
    assert field_agreement(gold, pred(place=place(*KADHIMIYA)))["place_25km"]
    assert not field_agreement(gold, pred(place=place(*BAQUBAH)))["place_25km"]
    assert not field_agreement(gold, pred(place=None))["place_25km"]
    # No gold coordinates (most GTD rows): distance not scored, country still is.
    got = field_agreement({"event_type": "ASSAULT", "place": place(None, None)}, pred(place=place(*BAQUBAH)))
    assert "place_25km" not in got and got["place_country"]


def test_admin1_names_normalised():
    assert same_admin1("Al Iskandariyah (Alexandria)", "Alexandria")
    assert same_admin1("Baghdad", "Baghdad Governorate")
    assert same_admin1("Nineveh", "nineveh")
    assert not same_admin1("Baghdad", "IQ.07")
    assert not same_admin1("Baghdad", None)


def test_admin1_spellings_of_one_region_agree():
    # other spellings of one GeoNames admin1 region of the gold's country
    assert same_admin1("Idleb", "Idlib", "SYR")
    assert same_admin1("Ninawa Governorate", "Nineveh", "IRQ")
    assert same_admin1("Sud-Kivu", "South Kivu", "COD")
    # the coders' spellings kept as gazetteer_supplement.tsv aliases
    assert same_admin1("Beirut", "Beyrouth", "LBN")
    assert same_admin1("Konduz", "Kunduz", "AFG")
    assert same_admin1("Distrito Federal", "Mexico City", "MEX")
    assert not same_admin1("Distrito Federal", "Mexico City", "BRA")
    assert same_admin1("Distrito Federal", "Federal District", "BRA")
    assert same_admin1("Wassit", "Wasit", "IRQ")
    assert same_admin1("Kiev City", "Kyiv City", "UKR")
    assert same_admin1("Cusco", "Cuzco Department", "PER")
    # generic words of a region's kind in other languages and styles
    assert same_admin1("Atyrau", "Atyrau Oblisi", "KAZ")
    assert same_admin1("Saint James", "Saint James Parish", "JAM")
    assert same_admin1("Cordillera Administrative Region", "Cordillera", "PHL")
    assert not same_admin1("Punjab", "Sindh", "PAK")
    assert not same_admin1("Idleb", "Aleppo", "SYR")
    # a town's name is compared as written: the city of GTD is no region
    assert not same_place_name("Idleb", "Idlib")


def test_fatalities_null_is_zero_for_acled_only():
    gold = {"acled_event_type": "Protests", "fatalities": 0}
    assert field_agreement(gold, pred(fatalities=None), null_fatalities_as_zero=True)["fatalities"]
    assert not field_agreement(gold, pred(fatalities=None))["fatalities"]
    assert not field_agreement(gold, pred(fatalities=2), null_fatalities_as_zero=True)["fatalities"]
    acled = score_document({"doc_id": "a", "dataset": "acled_kenya", "events": [gold]},
                           [pred("PROTEST", acled_event_type="Protests")], group="acled")
    gtd = score_document({"doc_id": "g", "dataset": "gtd2011", "events": [{"event_type": "ASSAULT", "fatalities": 0}]},
                         [pred()], group="gtd2011")
    assert acled.fields["fatalities"] == [1, 1]
    assert gtd.fields["fatalities"] == [0, 1]


def test_injuries_exact():
    gold = {"event_type": "ASSAULT", "injuries": 97}
    assert field_agreement(gold, pred(injuries=97))["injuries"]
    assert not field_agreement(gold, pred(injuries=None))["injuries"]


def test_date_exactness():
    gold = {"event_type": "ASSAULT", "date": "2020-05-09"}
    assert field_agreement(gold, pred(date="2020-05-09"))["date"]
    assert not field_agreement(gold, pred(date="2020-05-08"))["date"]
    assert not field_agreement(gold, pred(date="2020-05-03/2020-05-09"))["date"]
    assert not field_agreement(gold, pred(date=None))["date"]
    ranged = {"event_type": "ASSAULT", "date": "2024-01-25/2024-01-31"}
    assert field_agreement(ranged, pred(date="2024-01-25/2024-01-31"))["date"]
    assert "date" not in field_agreement({"event_type": "ASSAULT"}, pred(date="2020-05-09"))


def test_only_fields_the_gold_has_are_scored():
    assert set(field_agreement({"event_type": "AGREE", "mode": None, "target": None}, pred("AGREE"))) == {"event_type"}


def test_report_groups_by_file_and_splits_mixed_datasets():
    scores = [score_document({"doc_id": "1", "dataset": "acled_kenya", "events": [{"acled_event_type": "Riots"}]},
                             [], group="acled"),
              score_document({"doc_id": "2", "dataset": "acled_global_2020", "events": [{"acled_event_type": "Riots"}]},
                             [pred(acled_event_type="Riots")], group="acled"),
              score_document({"doc_id": "3", "dataset": "gtd2011", "events": [{"event_type": "ASSAULT"}]},
                             [pred()], group="gtd2011")]
    report = build_report(scores)
    assert set(report["datasets"]) == {"acled", "gtd2011"}
    assert set(report["sub_datasets"]) == {"acled/acled_kenya", "acled/acled_global_2020"}
    assert report["datasets"]["acled"]["hit_rate"] == 0.5
    assert flat_metrics(report["datasets"]["gtd2011"])["hit.event_type"] == 1.0


def test_seeded_sample_is_deterministic_and_in_file_order(tmp_path: Path):
    path = tmp_path / "many.jsonl"
    path.write_text("".join(json.dumps({"doc_id": str(i), "dataset": "x", "text": "t", "events": []}) + "\n"
                            for i in range(50)))
    first = [d["doc_id"] for d in read_gold(path, limit=10, seed=3)]
    assert first == [d["doc_id"] for d in read_gold(path, limit=10, seed=3)]
    assert first != [d["doc_id"] for d in read_gold(path, limit=10, seed=4)]
    assert [int(i) for i in first] == sorted(int(i) for i in first)
    assert len(read_gold(path, limit=100, seed=3)) == 50
    assert [g for g, _ in load_gold([path], limit={"many": 5})] == ["many"] * 5


# --- the command ------------------------------------------------------------------------------

TINY = [
    {"doc_id": "tiny:1", "dataset": "tiny_a", "publication_date": "2020-05-10",
     "text": "On 9 May 2020, police shot dead two protesters in Nairobi, Kenya.",
     "events": [{"acled_event_type": "Violence against civilians", "acled_sub_event_type": "Attack",
                 "source": {"name": "Police Forces of Kenya", "acled_type": "State forces", "country": "KEN"},
                 "date": "2020-05-09", "place": {"name": "Nairobi", "admin1": "Nairobi", "country": "KEN",
                                                 "lat": -1.2833, "lon": 36.8167}, "fatalities": 2}]},
    {"doc_id": "tiny:2", "dataset": "tiny_b", "publication_date": None,
     "text": "The two ministers met in Cairo on Tuesday to discuss trade.", "events": []},
]


def _eval_app() -> typer.Typer:
    """The main app if it already carries `eval`, else a fresh app with it."""
    from eventcoder import cli
    from eventcoder.cli_eval import register
    if any(c.name == "eval" for c in cli.app.registered_commands):
        return cli.app
    app = typer.Typer()
    app.callback()(lambda: None)
    register(app)
    return app


@pytest.mark.slow
def test_cli_eval_json_counts(tmp_path: Path):
    gold = tmp_path / "tiny.jsonl"
    gold.write_text("".join(json.dumps(d) + "\n" for d in TINY), encoding="utf-8")
    result = CliRunner().invoke(_eval_app(), ["eval", str(gold), "--format", "json", "--errors", "1"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    tiny = report["datasets"]["tiny"]
    assert (tiny["documents"], tiny["documents_with_gold"], tiny["gold_events"], tiny["empty_documents"]) == (2, 1, 1, 1)
    assert tiny["primary_field"] == "acled_event_type"
    assert set(report["sub_datasets"]) == {"tiny/tiny_a", "tiny/tiny_b"}
    assert report["sub_datasets"]["tiny/tiny_a"]["documents"] == 1
    assert len(report["worst_documents"]) == 1


def test_cli_eval_rejects_unknown_format(tmp_path: Path):
    gold = tmp_path / "tiny.jsonl"
    gold.write_text(json.dumps(TINY[1]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(_eval_app(), ["eval", str(gold), "--format", "csv"])
    assert result.exit_code != 0


def test_gold_country_names_compare_as_codes():
    for name, code in [("Turkey", "TUR"), ("Democratic Republic of Congo", "COD"), ("Congo (Kinshasa)", "COD"),
                       ("West Bank and Gaza Strip", "PSE"), ("Ivory Coast", "CIV"), ("irq", "IRQ")]:
        gold = {"event_type": "ASSAULT", "place": place(None, None, country=name)}
        assert field_agreement(gold, pred(place=place(None, None, country=code)))["place_country"], name


def test_a_gold_igo_includes_the_un_and_the_eu_but_no_state():
    gold = {"event_type": "AGREE", "target": {"name": "U.N.", "country": "IGO"}}
    for code, same in [("UNO", True), ("EUR", True), ("IGO", True), ("USA", False), (None, False)]:
        assert field_agreement(gold, pred(event_type="AGREE", target={"country": code}))["target_country"] is same, code
    un = {"event_type": "AGREE", "target": {"name": "United Nations", "country": "UNO"}}
    assert not field_agreement(un, pred(event_type="AGREE", target={"country": "IGO"}))["target_country"]


def test_a_cameo_actor_of_unknown_country_is_not_scored_for_its_country():
    gold = {"cameo_root": "19", "source": {"code": "---REB", "country": "---", "sector": "REB"}}
    for actor in ({"name": "rebels", "country": None, "sector": "REB"}, {"name": "rebels", "country": "UKR"}, None):
        assert "source_country" not in field_agreement(gold, pred(cameo_root="19", source=actor)), actor
    assert field_agreement(gold, pred(cameo_root="19", source={"sector": "REB"}))["source_kind"]


def test_modes_compare_by_their_plover_v2_names():
    for gold_mode, ours, same in [("strike-gen", "strike", True), ("demo-org", "demo", True), ("host", "visit", True),
                                  ("confiscate", "seize", True), ("strike-hun", "strike", False)]:
        kind = "CONSULT" if gold_mode == "host" else "COERCE" if gold_mode == "confiscate" else "PROTEST"
        gold = {"event_type": kind, "mode": gold_mode}
        assert field_agreement(gold, pred(event_type=kind, mode=ours))["mode"] is same, gold_mode


def test_city_name_match():
    gold = {"event_type": "ASSAULT", "place": {"name": "Al Iskandariyah (Alexandria)", "country": "EGY"}}
    assert field_agreement(gold, pred(place={"name": "Alexandria", "country": "EGY"}))["place_name"]
    assert not field_agreement(gold, pred(place={"name": "Cairo", "country": "EGY"}))["place_name"]
    assert not field_agreement(gold, pred(place=None))["place_name"]
    region = {"event_type": "ASSAULT", "place": {"name": "Kitale", "country": "KEN", "precision": "admin"}}
    assert "place_name" not in field_agreement(region, pred(place=None))
    unknown = {"event_type": "ASSAULT", "place": {"name": "Unknown", "country": "AFG"}}
    assert "place_name" not in field_agreement(unknown, pred(place=None))


def test_a_transnational_group_is_scored_by_its_country_of_operation_only_where_the_gold_does_so():
    imgroup = {"name": "Islamic State", "country": "IMG", "sector": "REB"}
    acled = {"acled_event_type": "Battles", "source": {"name": "Islamic State (Iraq)", "country": "IRQ"}}
    in_iraq = dict(place(*BAGHDAD), country="IRQ")
    assert field_agreement(acled, pred(acled_event_type="Battles", source=imgroup, place=in_iraq))["source_country"]
    in_syria = dict(place(*BAGHDAD), country="SYR")
    assert not field_agreement(acled, pred(acled_event_type="Battles", source=imgroup, place=in_syria))["source_country"]
    petr2 = {"cameo_root": "11", "source": {"code": "IMGMUSISI", "country": "IMG"}}
    assert field_agreement(petr2, pred(cameo_root="11", source=imgroup, place=in_iraq))["source_country"]
