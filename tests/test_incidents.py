"""One attack told twice in an article is one event (eventcoder.incidents)."""
from __future__ import annotations

from dataclasses import replace

import pytest

from eventcoder.incidents import join_retold_attacks
from eventcoder.records import UNIDENTIFIED, Actor, Event, Evidence, Place

BAGHDAD = Place(name="Baghdad", country="IRQ", admin1="Baghdad", lat=33.34, lon=44.4, precision="city")


def _attack(source: Actor | None, target: Actor | None, *, mode: str | None = "explosives", fatalities: int | None = None,
            injuries: int | None = None, date: str | None = "2011-11-21", place: Place | None = BAGHDAD,
            event_id: str = "a") -> Event:
    return Event(id=event_id, event_type="ASSAULT", mode=mode, acled_event_type="Explosions/Remote violence",
                 acled_sub_event_type="Remote explosive/landmine/IED", cameo_root="18", source=source, target=target,
                 date=date, date_precision="day", date_text=None, place=place, fatalities=fatalities,
                 injuries=injuries, claimed_by=None, attributed_to=None, attributed_by=None, modality="asserted",
                 is_aggregate=False, evidence=Evidence("text", 0, 4), confidence=0.5)


UAG = Actor(text="", name=UNIDENTIFIED, sector="UAF")
GROUP = Actor(text="Boko Haram", name="Boko Haram", country="NGA", sector="REB")
CIVILIANS = Actor(text="", name="civilians", sector="CVL")
POLICE = Actor(text="police", name="police", sector="COP")


def test_a_device_told_twice_is_one_attack_with_the_named_actor_and_the_toll() -> None:
    first = _attack(UAG, None, event_id="a")
    again = _attack(GROUP, CIVILIANS, injuries=3, fatalities=0, event_id="b")
    [joined] = join_retold_attacks([first, again])
    assert (joined.id, joined.source, joined.target, joined.fatalities, joined.injuries) == \
        ("a", GROUP, CIVILIANS, 0, 3)


def test_the_higher_toll_of_two_tellings_is_kept() -> None:
    [joined] = join_retold_attacks([_attack(UAG, POLICE, fatalities=4), _attack(UAG, POLICE, fatalities=6)])
    assert joined.fatalities == 6


def test_how_it_was_done_comes_from_the_telling_that_says() -> None:
    first = replace(_attack(UAG, None), mode=None, acled_sub_event_type="Attack")
    [joined] = join_retold_attacks([first, _attack(UAG, None)])
    assert (joined.mode, joined.acled_sub_event_type) == ("explosives", "Remote explosive/landmine/IED")


@pytest.mark.parametrize("again", [
    _attack(UAG, None, date="2011-11-22"),  # another day
    _attack(UAG, None, place=replace(BAGHDAD, name="Basra")),  # another place
    _attack(UAG, None, date=None),  # no day to compare
    _attack(POLICE, Actor(text="suspect", name="suspect", sector="CRM")),  # other actors on both sides
])
def test_attacks_that_may_differ_stay_apart(again: Event) -> None:
    first = _attack(GROUP, Actor(text="trader", name="trader", sector="BUS"))
    assert len(join_retold_attacks([first, again])) == 2


def test_an_explosion_told_again_in_the_next_sentence(code) -> None:
    events = code("An explosive device detonated in Hay al-Amil district in southwest Baghdad city, Iraq on Monday. "
                  "The device exploded on a main road and injured three civilians.", published="2011-11-22")
    assert [(e["acled_sub_event_type"], e["injuries"]) for e in events] == [("Remote explosive/landmine/IED", 3)]


def test_two_summaries_of_the_same_fire_are_one() -> None:
    first, again = (replace(_attack(UAG, POLICE), is_aggregate=True) for _ in range(2))
    assert len(join_retold_attacks([first, again])) == 1
    # a summary over weeks and one attack stay apart; attacks in the plural on one day at one place are that attack
    weeks = replace(first, date_precision="range")
    assert len(join_retold_attacks([weeks, _attack(UAG, POLICE)])) == 2
    assert len(join_retold_attacks([first, _attack(UAG, POLICE)])) == 1


def test_victims_named_in_the_singular_and_the_plural_are_the_same() -> None:
    idps = Actor(text="IDPs", name="IDPs", sector="REF")
    idp = Actor(text="IDP", name="IDP", sector="CVL")
    assert len(join_retold_attacks([_attack(UAG, idps), _attack(UAG, idp)])) == 1


def test_a_release_after_a_kidnapping_is_how_it_ended(code) -> None:
    events = code("On Monday, in Narayanpur, Chhattisgarh, India, Maoists kidnapped five policemen. On 02/11/2011, the "
                  "policemen were released to social activists.", published="2011-01-25")
    assert [(e["event_type"], e["acled_sub_event_type"]) for e in events] == \
        [("ASSAULT", "Abduction/forced disappearance")]
    # told alone, a release is an event
    [event] = code("On Friday, the army released 50 prisoners in Juba.", published="2011-01-25")
    assert event["event_type"] == "RETREAT"


@pytest.mark.parametrize(("text", "sub_type"), [
    # the mission records the fire told before it, going both ways: one clash, of the side that fired first
    ("On 3 June 2020, rebel forces fired 82mm mortars at government positions near Pisky, Donetsk. The OSCE SMM "
     "observed 40 explosions in both directions of the contact line near Pisky.", "Armed clash"),
    # small arms in the record are an engagement too
    ("On 3 June 2020, rebel forces fired 120mm mortars at government positions near Pisky, Donetsk. The OSCE SMM "
     "observed 41 explosions and shots involving small arms near Pisky.", "Armed clash"),
    # heavier fire one way: the mortar fire told first stays what it was
    ("On 3 June 2020, rebel forces fired 120mm mortars at government positions near Pisky, Donetsk. The OSCE SMM "
     "observed 7 shots involving an AGL near Pisky.", "Shelling/artillery/missile attack"),
])
def test_fire_a_mission_recorded_is_the_fire_told(code, text: str, sub_type: str) -> None:
    events = code(text, published="2020-06-04")
    assert [(e["acled_sub_event_type"], e["source"]["sector"]) for e in events] == [(sub_type, "REB")]


def test_attacks_in_the_plural_on_one_day_and_place_are_the_incident_told_again(code) -> None:
    # "grenade attacks on a restaurant on Sunday" and "the attackers hurled two grenades into the restaurant"
    events = code("Four people were killed in hand grenade attacks on a restaurant on Sunday evening in Quetta, police "
                  "confirmed on Monday. Police in Quetta said that the attackers hurled two hand grenades into the "
                  "restaurant.", published="2020-05-05")
    assert [(e["acled_sub_event_type"], e["fatalities"], e["date"]) for e in events] == [("Grenade", 4, "2020-05-03")]


def test_a_device_found_at_a_bombing_is_the_bombings_device(code) -> None:
    # GTD codes the attack, failed or not; the bomb found and defused is its device, not another event
    events = code("On Friday morning, in Imphal, Manipur, India, unidentified assailants lobbed a hand grenade that was "
                  "later recovered and defused from the private residential compound of a local politician.",
                  published="2011-01-09")
    assert [e["acled_sub_event_type"] for e in events] == ["Grenade"]


def test_what_was_stopped_before_it_happened_did_not_happen(code) -> None:
    events = code("Police defused a bomb before it exploded near the market in Kabul on Monday.", published="2020-05-02")
    assert [e["acled_sub_event_type"] for e in events] == ["Disrupted weapons use"]


def test_one_attack_coded_two_ways_is_one_clash() -> None:
    # one telling codes an attack on civilians, the other a clash with the police: one incident, a clash
    attack = replace(_attack(GROUP, CIVILIANS), acled_event_type="Violence against civilians",
                     acled_sub_event_type="Attack", mode="firearms")
    clash = replace(_attack(GROUP, POLICE), acled_event_type="Battles", acled_sub_event_type="Armed clash",
                    mode="firearms", fatalities=3)
    [joined] = join_retold_attacks([attack, clash])
    assert (joined.acled_sub_event_type, joined.fatalities, joined.source) == ("Armed clash", 3, GROUP)
    # summaries of many attacks keep their own types
    assert len(join_retold_attacks([replace(attack, is_aggregate=True), replace(clash, is_aggregate=True)])) == 2


def test_a_telling_from_the_other_side_keeps_each_side_where_it_was() -> None:
    # "officers were shot by a man ... the officers returned fire and hit the man": the second telling's source is
    # the first's target, so it names no one new for the source
    officers = Actor(text="officers", name="officers", country="TTO", sector="COP")
    first = _attack(UAG, officers, event_id="a")
    again = _attack(officers, replace(CIVILIANS, country="TTO"), event_id="b")
    [joined] = join_retold_attacks([first, again])
    assert (joined.source, joined.target) == (UAG, officers)


def test_a_strike_from_the_air_is_not_a_bombing_on_the_ground() -> None:
    bombing = replace(_attack(UAG, POLICE), mode="suicide-attack", acled_sub_event_type="Suicide bomb")
    strike = replace(_attack(Actor(text="U.S.", name="United States", country="USA", sector="GOV"), None),
                     mode="drone", acled_sub_event_type="Air/drone strike")
    assert len(join_retold_attacks([bombing, strike])) == 2


def test_an_attack_told_at_its_town_and_at_its_region_is_one_at_the_town() -> None:
    region = Place(name="Baghdad", country="IRQ", admin1="Baghdad", lat=33.3, lon=44.4, precision="admin1")
    town = Place(name="Tarmiya", country="IRQ", admin1="Baghdad", lat=33.67, lon=44.39, precision="city")
    [one] = join_retold_attacks([_attack(UAG, CIVILIANS, place=region), _attack(GROUP, CIVILIANS, place=town)])
    assert (one.place, one.source) == (town, GROUP)
    # a district placed at its region's point is not the whole region: two attacks stay two
    district = Place(name="Nad Ali", country="IRQ", admin1="Baghdad", lat=33.3, lon=44.4, precision="admin1")
    assert len(join_retold_attacks([_attack(UAG, CIVILIANS, place=district),
                                    _attack(GROUP, CIVILIANS, place=town)])) == 2
