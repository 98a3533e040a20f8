"""Weapons made harmless, warning shots, old ordnance, incendiaries and property: the ACLED strategic developments
and property destruction that read like attacks."""

from __future__ import annotations

import pytest


def _subtypes(events: list[dict]) -> list[str | None]:
    """ACLED sub-event type of each event that has one."""
    return [e["acled_sub_event_type"] for e in events if e["acled_sub_event_type"] is not None]


@pytest.mark.parametrize("text", [
    "On 3 June 2021, army troops shot down a rebel drone over Harad.",
    "On 3 June 2021, the army destroyed 14 IEDs and two mortars in Deh Yak district.",
    "On 3 June 2021, police detonated a bomb left at a bus stop in Quetta.",
    "On 3 June 2021, soldiers diffused 12 IEDs near Kunduz.",
    "On 3 June 2021, sappers dismantled a roadside bomb near the market in Kandahar.",
    # what a weapon is said to be related to is no event told here
    "On 3 June 2021, two firearms, one of which is said to be related to a murder, were seized in Kingston.",
    # found, then destroyed: one device, one event; a controlled explosion is no attack
    "On 3 June 2021, a pipe bomb was discovered under a car in Belfast. Police carried out a controlled explosion.",
])
def test_weapons_made_harmless_are_disrupted_weapons_use(code, text: str) -> None:
    assert _subtypes(code(text, published="2021-06-04")) == ["Disrupted weapons use"]


def test_militants_detonating_a_bomb_attack(code) -> None:
    events = code("On 3 June 2021, militants detonated a bomb at a bus stop in Quetta, killing two people.",
                  published="2021-06-04")
    assert _subtypes(events) == ["Remote explosive/landmine/IED"]


@pytest.mark.parametrize("text", [
    "On 3 June 2021, militants shot rockets at an army base near Kandahar.",
    "On 3 June 2021, militants fired rockets at an army base near Kandahar.",
])
def test_shooting_rockets_is_no_interception(code, text: str) -> None:
    assert "Disrupted weapons use" not in _subtypes(code(text, published="2021-06-04"))


@pytest.mark.parametrize("text", [
    "On 3 June 2021, border guards fired warning shots in the air near the village of Kara.",
    "On 3 June 2021, a farmer was injured when an unexploded mortar round went off in his field near Kunar.",
])
def test_shows_of_force_and_old_ordnance_are_other_developments(code, text: str) -> None:
    assert _subtypes(code(text, published="2021-06-04")) == ["Other"]


def test_police_firing_in_the_air_at_a_protest_stays_with_the_protest(code) -> None:
    events = code("Police fired in the air to disperse protesters in Kisumu.", published="2016-11-03")
    assert "Other" not in _subtypes(events)


def test_a_petrol_bomb_is_no_explosive_weapon(code) -> None:
    events = code("On Sunday, unidentified assailants threw a petrol bomb at a house in Lisburn. No one was hurt.",
                  published="2011-01-03")
    assert [(e["mode"], e["acled_sub_event_type"]) for e in events] == [("destroy", "Looting/property destruction")]


def test_an_arson_attack_on_a_chemical_plant_is_no_chemical_weapon(code) -> None:
    events = code("On 3 June 2021, militants carried out an arson attack targeting a chemical plant in Izmir. "
                  "The attack caused material damage.", published="2021-06-04")
    assert _subtypes(events) == ["Looting/property destruction"]


@pytest.mark.parametrize("text", [
    "On 3 June 2021, armed herders stole about 40 cows from a farm in Makurdi.",
    "On 3 June 2021, settlers cut down 30 olive trees in the village of Burin.",
])
def test_livestock_stolen_and_trees_cut_are_looting(code, text: str) -> None:
    assert _subtypes(code(text, published="2021-06-04")) == ["Looting/property destruction"]


def test_remains_found_where_the_parser_lost_the_passive_subject(code) -> None:
    events = code("On 3 June 2021, in Zapopan, Jalisco, six bags that contained human remains were found near a "
                  "dam.", published="2021-06-04")
    assert _subtypes(events) == ["Attack"]


@pytest.mark.parametrize(("text", "target"), [
    ("On 3 June 2021, army troops shot down a Turkish drone operated by the LNA near Sirte.", "Libyan National Army"),
    ("On 3 June 2021, army troops shot down a Houthi drone over Marib.", "Houthis"),
])
def test_a_drone_shot_down_is_aimed_at_the_side_flying_it(code, text: str, target: str) -> None:
    events = code(text, published="2021-06-04")
    assert [(e["acled_sub_event_type"], e["target"]["name"]) for e in events] == [("Disrupted weapons use", target)]


@pytest.mark.parametrize(("text", "subtype"), [
    # an unidentified group is an unidentified armed group (ACLED), not a crowd
    ("An unidentified group attacked a meeting of MPs in Nairobi on Monday.", "Attack"),
    ("On 3 June 2021, an unknown group vandalized a cafe in Belitsa.", "Looting/property destruction"),
])
def test_an_unidentified_group_is_armed(code, text: str, subtype: str) -> None:
    events = [e for e in code(text, published="2021-06-08") if e["acled_sub_event_type"] is not None]
    assert [(e["acled_sub_event_type"], e["source"]["sector"]) for e in events] == [(subtype, "UAF")]


def test_a_bomber_is_a_person_not_an_aircraft(code) -> None:
    # "a Taliban suicide bomber ... before he carried out his attack": no air strike
    events = code("Afghan military forces shot and killed a Taliban suicide bomber before he carried out his attack, "
                  "in Zhari district, Kandahar, on Monday.", published="2020-03-11")
    assert [e["acled_sub_event_type"] for e in events] == ["Armed clash"]
