"""Ceasefire monitors' counts of explosions, artillery fire, and the police against gangs, as ACLED codes them."""

from __future__ import annotations

import pytest

from conftest import coded


@pytest.mark.parametrize("text", [
    "On 6 May 2020, the OSCE SMM observed a total of 22 explosions involving unknown weapons near Naberezhne.",
    "On 8 May 2020, the OSCE SMM observed a total of 31 projectiles/explosions involving unknown weapons near "
    "Holubivske.",
    "On 7 May 2020, heavy artillery fire by an unknown party was reported in Ghot Alshall (Tripoli).",
    # shells that fell somewhere, and the heavier weapons of front-line reports
    "On 3 May 2020, two mortar shells fired by an unknown party fell in Ain Zara (Tripoli). No casualties reported.",
    "On 6 May 2020, rebel forces fired IFVs at the governmental positions near Pivdenne.",
])
def test_counted_explosions_and_artillery_fire_are_one_shelling_event(code, text: str) -> None:
    assert coded(code(text, published="2020-05-10")) == [("ASSAULT", "Shelling/artillery/missile attack")]


def test_a_monitors_shots_with_no_side_named_are_between_the_parties_of_its_line(code) -> None:
    # the SMM watches the contact line between Ukraine's forces and the armed formations; the host's forces first
    [event] = code("On 28 April 2020, the OSCE SMM observed a total of 24 projectiles/explosions/shots involving "
                   "unknown weapons in both directions of the frontline near Vodyane.", published="2020-05-10")
    assert [(a["name"], a["sector"]) for a in (event["source"], event["target"])] == \
        [("Armed Forces of Ukraine", "MIL"), ("United Armed Forces of Novorossiya", "REB")]


def test_a_side_named_is_kept(code) -> None:
    events = code("On 6 May 2020, rebel forces fired IFVs at the governmental positions near Pivdenne. The OSCE SMM "
                  "observed the fire.", published="2020-05-10")
    assert [(e["source"]["name"], e["source"]["sector"]) for e in events if e["event_type"] == "ASSAULT"] == \
        [("rebel forces", "REB")]


@pytest.mark.parametrize("text", [
    "The explosion of interest in electric cars surprised the industry.",
    "Shares of the arms maker fell on Monday after the missile contract was cancelled.",
])
def test_an_uncounted_explosion_or_a_falling_share_still_needs_more(code, text: str) -> None:
    assert [e for e in code(text) if e["event_type"] == "ASSAULT"] == []


def test_police_shooting_gang_members_is_an_armed_clash(code) -> None:
    events = code("On October 28th, police tracked and shot dead six gang members in the Dandora suburb of Nairobi.")
    assert coded(events) == [("ASSAULT", "Armed clash")]
    assert (events[0]["target"]["sector"], events[0]["fatalities"]) == ("CRM", 6)


def test_a_drug_suspect_killed_in_a_raid_is_an_attack(code) -> None:
    events = code("On 8 May 2020, a drug suspect was killed during a police raid in Cabanatuan, Nueva Ecija.",
                  published="2020-05-09")
    assert [e["acled_sub_event_type"] for e in events if e["event_type"] == "ASSAULT"] == ["Attack"]


def test_shells_fired_are_the_firing_attack(code) -> None:
    events = code("On Saturday, in Sdot Negev, Israel, Palestinian militants in the Gaza Strip fired two shells that "
                  "landed in an open area.")
    assert [e["event_type"] for e in events] == ["ASSAULT"]


def test_linked_attacks_counted_elsewhere_are_not_events(code) -> None:
    events = code("On Thursday, near Bakhtiarabad in Sibi District, Pakistan, militants detonated an explosive device "
                  "at a power line pylon. This was one of two linked attacks in the district.")
    assert [e["event_type"] for e in events] == ["ASSAULT"]


@pytest.mark.parametrize("text", [
    "Journalists in Mombasa protest limits on free expression and other harassing behaviour.",
    "Students of Masinde Muliro University protest exam fees on 12/04.",
    "On 4 May 2020, dozens of bakery owners held a protest sit-in in Jijel, demanding the reopening of their shops.",
    "Striking county workers took to the streets over their five-month salary arrears.",
])
def test_protests_the_parser_hides(code, text: str) -> None:
    assert coded(code(text, published="2020-05-10")) == [("PROTEST", "Peaceful protest")]


def test_protest_words_that_only_modify_stay_modifiers(code) -> None:
    events = code("The protest leaders met the governor on Monday to discuss the budget.")
    assert [e["event_type"] for e in events] == ["CONSULT"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Ethnic clashes in Molo.", ("ASSAULT", "Armed clash")),
    ("A motorcyclist was on Saturday shot dead on the Hola-Waldena road.", ("ASSAULT", "Attack")),
    ("An unidentified man hacks a woman to death in a land dispute.", ("ASSAULT", "Attack")),
    ("On 8 May 2020, a clash between GNA and LNA forces, involving heavy artillery fire, was reported in Ayn Zarah "
     "(Tripoli).", ("ASSAULT", "Armed clash")),
])
def test_violence_told_by_its_own_words(code, text: str, expected: tuple[str, str]) -> None:
    assert coded(code(text, published="2020-05-10")) == [expected]


def test_a_groups_acronym_is_no_town(code) -> None:
    [event] = code("PMF forces destroyed five IS hideouts in Saladin province.")
    assert (event["place"]["admin1"], event["place"]["country"]) == ("Salah ad Din", "IRQ")


def test_an_attack_protested_against_is_the_grievance(code) -> None:
    events = code("On 5 May 2020, thousands of residents protested in Wana town, against the attack on their leader.",
                  published="2020-05-06")
    assert coded(events) == [("PROTEST", "Peaceful protest")]


def test_a_protest_done_violently_is_violent(code) -> None:
    assert coded(code("Students protest violently for a second day against a school leader.")) == \
        [("PROTEST", "Violent demonstration")]


def test_the_region_after_a_comma_places_the_event(code) -> None:
    # Eastleigh is a Nairobi ward (admin_units.tsv), not the English town of that name
    [event] = code("Somali residents of Eastleigh, Nairobi protest against a police raid on a home.")
    assert (event["place"]["name"], event["place"]["country"], event["place"]["admin1"]) == \
        ("Eastleigh", "KEN", "Nairobi County")


@pytest.mark.parametrize("text", [
    "On 6 May 2020, Houthi reinforcements reportedly arrived at various fronts in Hajjah governorate.",
    "On 4 May 2020, US forces brought military reinforcements to their base in Shadadah in Al-Hasakeh.",
    "On 2 May 2020, Russian military police conducted a patrol in the vicinity of Abu Rasin.",
])
def test_movements_of_forces_are_one_change_of_activity(code, text: str) -> None:
    assert coded(code(text, published="2020-05-10")) == [("MOBILIZE", "Change to group/activity")]


def test_a_lynching_told_as_a_headline(code) -> None:
    """The tagger reads "lynch" here as a noun; the trigger holds for any part of speech."""
    assert coded(code("Residents lynch man accused of stealing")) == [("ASSAULT", "Mob violence")]


def test_a_protest_addresses_the_host_government(code) -> None:
    [event] = code("US and British activists staged a dramatic protest in Beijing on Wednesday.")
    assert (event["target"]["name"], event["target"]["country"], event["target"]["sector"]) == ("China", "CHN", "GOV")


def test_the_agent_of_presenting_evidence_accuses(code) -> None:
    [event] = code("Evidence against Russia was presented by the US.")
    assert (event["event_type"], event["source"]["country"], event["target"]["country"]) == ("ACCUSE", "USA", "RUS")


def test_people_kidnapped_and_killed_were_attacked(code) -> None:
    """ACLED codes an abduction whose victim is killed as an attack (mode stays the abduction)."""
    [event] = code("On 6 March 2020, 1 civilian was kidnapped and killed by Taliban militants in Obe district, Herat.",
                   published="2020-03-07")
    assert (event["mode"], event["acled_sub_event_type"], event["fatalities"]) == ("abduct", "Attack", 1)


def test_arrests_after_a_protest_are_its_intervention(code) -> None:
    events = code("On 28 April 2020, 20 youths demonstrated at the district office in Luwero. Police arrested 2, and "
                  "the remaining demonstrators fled.", published="2020-04-29")
    assert coded(events) == [("PROTEST", "Protest with intervention")]


def test_an_arrest_protested_is_the_grievance(code) -> None:
    # the arrest is what the protest is about: neither the police's response to it nor an event of its own, as
    # violence told as a protest's grievance is none
    events = code("Students protested the release of classmates who had been arrested by police.")
    assert coded(events) == [("PROTEST", "Peaceful protest")]


def test_a_grenades_explosion_is_a_grenade(code) -> None:
    assert coded(code("A grenade explosion at a bar in Mandera injured four people.")) == [("ASSAULT", "Grenade")]


@pytest.mark.parametrize(("text", "expected"), [
    # the parser hangs the first word of a slash list on the second, which holds the count and the weapons
    ("On 9 May 2020, the OSCE SMM observed a total of 15 explosions/bursts of fire involving unknown weapons near "
     "Komsomolets.", "Shelling/artillery/missile attack"),
    ("On 8 May 2020, the OSCE SMM observed a total of 14 shots/bursts of fire involving small arms near Svitlodarsk.",
     "Armed clash"),
    # heavy machine guns are heavy weapons at a front line; with small arms the exchange is a firefight
    ("On 8 May 2020, the OSCE SMM observed a total of 20 bursts of fire involving heavy machineguns near "
     "Zaporozhets.", "Shelling/artillery/missile attack"),
    ("On 6 May 2020, the NAF rebel forces fired grenade launchers and heavy machine guns at the governmental "
     "positions near Kamianka, Donetsk.", "Shelling/artillery/missile attack"),
    ("On 2 May 2020, the NAF rebel forces fired heavy machine guns, grenade launchers and small arms at the "
     "governmental positions near Pivdenne, Donetsk.", "Armed clash"),
])
def test_counted_fire_at_the_front(code, text: str, expected: str) -> None:
    assert [sub for kind, sub in coded(code(text)) if kind == "ASSAULT"] == [expected]


def test_a_mission_names_the_country_of_its_reports(code) -> None:
    """Komsomolets is also a town in Kazakhstan and two in Russia: the SMM works in Ukraine."""
    events = code("On 9 May 2020, the OSCE SMM observed a total of 15 explosions involving unknown weapons near "
                  "Komsomolets.")
    assert [(e["place"]["name"], e["place"]["country"], e["source"]["country"]) for e in events] == \
        [("Komsomolets", "UKR", "UKR")]


def test_projectiles_thrown_by_a_crowd_are_no_shelling(code) -> None:
    assert [sub for kind, sub in coded(code("Protesters threw projectiles at police in Paris.")) if kind == "ASSAULT"] \
        == []
