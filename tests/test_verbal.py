"""Verbal and cooperative events: promises, refusals, demands, threats, concessions, sanctions, protests,
and actors named by title. Sentences written for these tests; exact expected values."""

from __future__ import annotations

import pytest

import eventcoder.extract as extract
import eventcoder.focus as focus
from eventcoder.verbal import find_triggers, may_hold_construction, recode_verbal


@pytest.fixture(autouse=True)
def _verbal_hooked(monkeypatch):
    """Until extract.py and focus.py call eventcoder.verbal themselves, wire it in as they will."""
    if not hasattr(extract, "recode_verbal"):
        modality = extract.attach_modality

        def attach(cand):
            modality(cand)
            recode_verbal(cand)

        monkeypatch.setattr(extract, "find", find_triggers)
        monkeypatch.setattr(extract, "attach_modality", attach)
    if not hasattr(focus, "may_hold_construction"):
        has_trigger = focus.has_trigger
        monkeypatch.setattr(focus, "has_trigger", lambda w: has_trigger(w) or may_hold_construction(w))


def types(events: list[dict]) -> list[str]:
    return sorted(e["event_type"] for e in events)


def only(events: list[dict], event_type: str) -> dict:
    found = [e for e in events if e["event_type"] == event_type]
    assert len(found) == 1, [(e["event_type"], e["evidence"]["text"]) for e in events]
    return found[0]


def country(actor: dict | None) -> str | None:
    return actor["country"] if actor else None


@pytest.mark.parametrize(("text", "source"), [
    ("Norway said it would allow the return of the ceasefire monitors.", "NOR"),
    ("Kenya is ready to contribute 500 troops to the regional force.", "KEN"),
    ("Japan is willing to host talks between the two delegations.", "JPN"),
    ("Ghana wants to help Togo rebuild its ports.", "GHA"),
])
def test_promised_or_intended_cooperation_is_agree(code, text: str, source: str) -> None:
    ev = only(code(text), "AGREE")
    assert (ev["cameo_root"], country(ev["source"]), ev["modality"]) == ("03", source, "asserted")


def test_refused_cooperation_is_reject(code) -> None:
    events = code("Egypt will not accept any more refugees from the border camps.")
    assert types(events) == ["REJECT"]
    ev = events[0]
    assert (ev["mode"], ev["cameo_root"], country(ev["source"])) == ("assist", "12", "EGY")


def test_must_in_reported_speech_is_a_request_by_the_speaker(code) -> None:
    ev = only(code("Peru said on Monday that Bolivia must return the seized aircraft."), "REQUEST")
    assert (ev["cameo_root"], country(ev["source"])) == ("10", "PER")


def test_appeals_have_cameo_root_02(code) -> None:
    ev = only(code("Canada asked Cuba to release the detained fishermen."), "REQUEST")
    assert (ev["cameo_root"], country(ev["source"]), country(ev["target"])) == ("02", "CAN", "CUB")


@pytest.mark.parametrize(("text", "mode"), [
    ("The opposition party said it will boycott the elections unless the president resigns.", "restrict"),
    ("Chile is prepared to impose martial law in the northern provinces.", "restrict"),
    ("Spain may suspend talks with the rebels if the kidnappings continue.", "relations"),
])
def test_conditional_or_offered_pressure_is_a_threat(code, text: str, mode: str) -> None:
    ev = only(code(text), "THREATEN")
    assert (ev["mode"], ev["cameo_root"]) == (mode, "13")
    assert "SANCTION" not in types(code(text)) and "COERCE" not in types(code(text))


@pytest.mark.parametrize("text", [
    "The military government lifted the curfew in the capital on Sunday.",
    "The teachers' union called off its three-day strike on Friday.",
])
def test_lifting_restrictions_or_calling_off_a_strike_is_one_concession(code, text: str) -> None:
    assert types(code(text)) == ["CONCEDE"]


def test_suspended_aid_is_a_sanction_not_aid(code) -> None:
    events = code("Ghana suspended economic aid to Togo on Monday.")
    assert types(events) == ["SANCTION"]
    assert (events[0]["mode"], country(events[0]["source"])) == ("discontinue", "GHA")


def test_expelled_diplomats_are_the_target_of_a_sanction(code) -> None:
    ev = only(code("Brazil expels two Argentine diplomats."), "SANCTION")
    assert (ev["mode"], country(ev["source"]), country(ev["target"]), ev["target"]["sector"]) == \
        ("expel", "BRA", "ARG", "GOV")


@pytest.mark.parametrize(("text", "mode", "source"), [
    ("Thousands of Nigerian workers staged a general strike in Lagos on Monday.", "strike", "NGA"),
    ("Hundreds of Tunisian students staged a demonstration outside the ministry on Monday.", "demo", "TUN"),
])
def test_protests_by_their_participants(code, text: str, mode: str, source: str) -> None:
    events = code(text)
    assert types(events) == ["PROTEST"]
    assert (events[0]["mode"], country(events[0]["source"])) == (mode, source)


def test_road_blocks_by_protesters_are_protests(code) -> None:
    # the mode is "riot" rather than "obstruct" while cue_words.tsv lists "blocked" as a riot cue
    ev = only(code("Angry Kenyan farmers blocked roads near Nakuru on Monday."), "PROTEST")
    assert country(ev["source"]) == "KEN"


def test_an_air_strike_stays_an_assault(code) -> None:
    ev = only(code("A drone strike hit a convoy near Marib on Monday, killing four fighters."), "ASSAULT")
    assert ev["fatalities"] == 4


def test_bans_by_the_state_are_coercion(code) -> None:
    ev = only(code("Turkish authorities banned the opposition newspaper on Monday."), "COERCE")
    assert (ev["mode"], country(ev["source"]), ev["source"]["sector"]) == ("restrict", "TUR", "GOV")


@pytest.mark.parametrize(("text", "event_type", "source", "sector"), [
    ("Serbian President Ivan Markovic met the Hungarian ambassador in Belgrade on Monday.", "CONSULT", "SRB", "GOV"),
    ("U.S. Secretary of State John Miller telephoned the Turkish minister on Tuesday.", "CONSULT", "USA", "GOV"),
    ("King Abdul Karim of Jordan praised the agreement on Monday.", "SUPPORT", "JOR", "GOV"),
    ("Colonel Ahmed Saleh of Yemen met tribal elders on Monday.", "CONSULT", "YEM", "MIL"),
])
def test_a_titled_person_takes_the_title_sector_and_the_phrase_country(code, text, event_type, source, sector):
    ev = only(code(text), event_type)
    assert (country(ev["source"]), ev["source"]["sector"]) == (source, sector)


def test_reported_pronoun_stands_for_the_speaker(code) -> None:
    ev = only(code("Sweden said on Friday that it would expel three Iranian diplomats."), "SANCTION")
    assert (country(ev["source"]), country(ev["target"])) == ("SWE", "IRN")


def test_a_titled_person_without_a_country_gets_none_from_the_phrase(code) -> None:
    ev = only(code("Defence Minister Paul Renard praised the soldiers."), "SUPPORT")
    assert ev["source"]["sector"] == "GOV"


@pytest.mark.parametrize(("text", "source"), [
    ("The Soviet Union signed a treaty of friendship on Monday.", "RUS"),
    ("West Germany signed a trade pact on Monday.", "DEU"),
    ("Yugoslavia signed a trade pact on Monday.", "SRB"),
    ("The European Community signed a trade pact on Monday.", "IGO"),
])
def test_former_state_names(code, text: str, source: str) -> None:
    ev = only(code(text), "SUPPORT")
    assert country(ev["source"]) == source


def test_a_scheduled_meeting_stays_a_planned_consult(code) -> None:
    ev = only(code("Mali and Niger will hold talks in Niamey on Sunday."), "CONSULT")
    assert ev["modality"] == "future"


@pytest.mark.parametrize("text", [
    "On 28 April 2020, tea garden workers staged a protest in Jorhat city demanding an increase in wages.",
    "On 6 May 2020, protesters gathered at the Justice Palace in Beirut and demanded that the court punish the "
    "ministers.",
    "Hundreds of students protested in Nairobi on Monday. The students also demanded the release of their leaders.",
])
def test_a_crowds_demands_are_its_protest(code, text: str) -> None:
    assert [e["event_type"] for e in code(text, published="2020-05-08")] == ["PROTEST"]


def test_an_official_demanding_calm_during_a_protest_still_speaks(code) -> None:
    events = code("Protesters marched in Paris on Monday as the interior minister demanded calm.",
                  published="2020-05-08")
    assert sorted(e["event_type"] for e in events) == ["PROTEST", "REQUEST"]


@pytest.mark.parametrize(("text", "mode"), [
    ("Armed herders threatened to attack the village if their cattle were not returned.", "violence"),
    ("The governor threatened to impose a curfew in the town after the riots.", "restrict"),
    ("The rebels threatened to suspend the peace talks with the government.", "relations"),
    ("The minister threatened to arrest the striking doctors.", "arrest"),
    ("The opposition threatened to go to court over the results.", None),  # no act of the lexicon threatened
])
def test_a_threat_takes_its_mode_from_the_act_threatened(code, text: str, mode: str | None) -> None:
    assert only(code(text), "THREATEN")["mode"] == mode


@pytest.mark.parametrize("text", [
    "On 3 June 2021, mourners gathered at a mosque in Srinagar to offer prayers for the dead commander.",
    "The president offered his condolences to the families of the victims on Monday.",
])
def test_a_courtesy_offered_is_no_agreement(code, text: str) -> None:
    assert [e["event_type"] for e in code(text) if e["event_type"] == "AGREE"] == []


@pytest.mark.parametrize(("text", "expected"), [
    # a place that houses troops or refugees meets no one; a host of talks or of negotiators does
    ("Al-Shabab members charged a camp outside Afgoye, hosting government forces on the night of 22 April.", []),
    ("Jordan hosts more than 600,000 Syrian refugees.", []),
    ("Qatar hosted talks between the Taliban and the United States on Monday.", [("Qatar", "United States")]),
])
def test_a_place_hosting_people_is_no_meeting(code, text: str, expected: list) -> None:
    assert [(e["source"]["name"], e["target"]["name"]) for e in code(text) if e["event_type"] == "CONSULT"] == expected


@pytest.mark.parametrize("text", [
    # a patrol or deployment told as the scene of an attack, or as who its victims were, is no event of its own
    "On 4 May 2020, in Teotepeque, police officers were patrolling at the El Angel neighborhood when alleged gang "
    "members approached and started shooting.",
    "On 4 May 2020, two other policemen were killed in Wajir when they arrived as reinforcement.",
    "On 4 May 2020, Al Shabaab attackers hurled a hand grenade at a group of police officers patrolling the Airport "
    "road in Wajir.",
])
def test_a_deployment_in_the_background_is_no_event(code, text: str) -> None:
    assert [e for e in code(text, "2020-05-05") if e["event_type"] == "MOBILIZE"] == []


@pytest.mark.parametrize(("text", "event_type"), [
    # a recruitment someone is accused of, and a device disarmed, tell no mobilisation and no disarmament
    ("Two suspected Islamist militants were killed by unidentified assailants in Naivasha on Monday. Both were "
     "suspected of recruiting and funding terror activities.", "MOBILIZE"),
    ("Police discover a large bomb on a minibus in Nairobi and disarm it.", "RETREAT"),
])
def test_deeds_held_against_someone_and_devices_made_safe(code, text: str, event_type: str) -> None:
    assert [e for e in code(text, "2020-05-05") if e["event_type"] == event_type] == []


def test_a_named_person_attacked_for_what_they_did_is_criticised(code) -> None:
    events = code("The GOP candidates attacked Biden for being soft on Iran.", "2023-11-09")
    assert [(e["event_type"], e["mode"], e["target"]["name"]) for e in events] == [("ACCUSE", "disapprove", "Joe Biden")]


def test_a_deployment_told_for_itself_is_an_event(code) -> None:
    assert [e["event_type"] for e in code("The army deployed 500 troops to Kismayo on Monday.", "2020-05-05")] == \
        ["MOBILIZE"]


def test_a_statement_released_sets_no_one_free(code) -> None:
    events = code("Hamas released a statement calling on Arab states to cut ties with Israel.")
    assert [(e["event_type"], e["source"]["name"]) for e in events if e["event_type"] in ("RETREAT", "REQUEST")] == \
        [("REQUEST", "Hamas")]
