"""Attackers fought off, headlines' passives, reported events and communal violence: how each reads as one event
with the right sides."""

from __future__ import annotations

import pytest

from eventcoder.nlp import load_nlp
from eventcoder.raising import lower_raised_subjects


def _assaults(events: list[dict]) -> list[tuple[str | None, str | None, str | None]]:
    """(ACLED sub-event type, source name, target name) of each ASSAULT."""
    return [(e["acled_sub_event_type"], (e["source"] or {}).get("name"), (e["target"] or {}).get("name"))
            for e in events if e["event_type"] == "ASSAULT"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Security forces pushed back the attackers in Mandera.", ("Armed clash", "security forces", "attackers")),
    ("Police repulsed the raiders in Baringo.", ("Armed clash", "police", "raiders")),
    # the attack the militants tried is the fight they were driven out of: one event
    ("Al Shabaab militants who attempted to carry out an attack were driven out by the officers on Monday.",
     ("Armed clash", "officers", "al-Shabaab")),
    # "repelled an attack" is the attack's own mention; the defenders are whom it was against
    ("Soldiers repelled an attack by militants on their base in Mandera.", ("Armed clash", "militants", "soldiers")),
])
def test_attackers_fought_off(code, text: str, expected: tuple[str, str, str]) -> None:
    assert _assaults(code(text, published="2016-11-03")) == [expected]


def test_driving_someone_somewhere_is_no_fight(code) -> None:
    assert _assaults(code("He drove the bandits to the police station in Isiolo.", published="2016-11-03")) == []


def test_a_defence_told_after_the_attack_is_the_same_event(code) -> None:
    events = code("Al Shabaab gunmen attacked Yumbis village in Fafi on Monday. Security forces pushed back the "
                  "attackers.", published="2016-11-03")
    assert _assaults(events) == [("Armed clash", "al-Shabaab", "security forces")]


@pytest.mark.parametrize(("text", "target", "fatalities"), [
    ("Pastor killed in Mombasa", "pastors", 1),
    ("Police reservist killed when raiders attack", "police reservists", 1),
    ("Soldier shot near Garissa.", "soldier", None),
])
def test_headline_passive_victims(code, text: str, target: str, fatalities: int | None) -> None:
    events = [e for e in code(text, published="2016-11-03") if e["event_type"] == "ASSAULT"]
    assert [(e["target"]["name"], e["fatalities"]) for e in events] == [(target, fatalities)]
    assert events[0]["source"]["name"] != target


def test_shots_in_the_air_are_no_headline_passive(code) -> None:
    events = code("Police shot in the air to disperse the crowd in Kisumu.", published="2016-11-03")
    assert [e["source"]["name"] for e in events if e["event_type"] == "ASSAULT"] == ["police"]


@pytest.mark.parametrize(("text", "subject", "dep"), [
    ("Two Maasai clans were reported to have clashed in Nkararo.", "clans", "nsubj"),
    ("Thirty people are reported to have been killed in Mandera.", "people", "nsubjpass"),
])
def test_raised_subject_is_lowered_onto_the_reported_verb(text: str, subject: str, dep: str) -> None:
    doc = lower_raised_subjects(load_nlp()(text))
    token = next(t for t in doc if t.text == subject)
    assert (token.dep_, token.head.lemma_) == (dep, "clash" if "clash" in text else "kill")


def test_reported_clash_is_coded(code) -> None:
    events = code("Two Maasai clans were reported to have clashed in Nkararo, Trans Mara West.", published="2016-11-03")
    assert [sub for sub, _, _ in _assaults(events)] == ["Armed clash"]


def test_reported_deaths_count(code) -> None:
    events = code("Thirty people are reported to have been killed in clashes between Al Shabaab and a Somali "
                  "militia in Mandera.", published="2016-11-03")
    assert [(e["acled_sub_event_type"], e["fatalities"]) for e in events] == [("Armed clash", 30)]


@pytest.mark.parametrize(("text", "sub"), [
    ("1 killed in overnight violence between rival ethnic groups.", "Armed clash"),
    ("Two people were killed in clashes between two clans in Mandera.", "Armed clash"),
    # a family's quarrel is no fight between armed sides
    ("A man was hacked to death in a dispute between two factions of a family in Kinangop.", "Attack"),
])
def test_rival_sides_in_one_noun(code, text: str, sub: str) -> None:
    assert [s for s, _, _ in _assaults(code(text, published="2016-11-03"))] == [sub]


@pytest.mark.parametrize(("text", "target", "sector"), [
    ("Unidentified gunmen attacked a vehicle carrying a military commander in Lahij, Yemen.", "commander", "MIL"),
    ("An unidentified militant shot and injured a town councilor in Isabela, Basilan, Philippines.", "councilor",
     "GOV"),
    ("A soldier drove over a landmine near Mandera.", "soldier", "MIL"),
])
def test_targets_named_by_office_or_carried(code, text: str, target: str, sector: str) -> None:
    events = [e for e in code(text, published="2011-01-05") if e["event_type"] == "ASSAULT"]
    assert [(e["target"]["name"], e["target"]["sector"]) for e in events] == [(target, sector)]


@pytest.mark.parametrize("text", [
    # the crowd's violence told in the note's next sentence, with a parse that hangs "lit" on the road
    "The police opened fire on protesters who were demonstrating against the election in Bungoma and killed two "
    "of them. The demonstrators blocked the road and lit fires.",
    "Students demonstrated against the death of their colleague in Rongo. During the protest students vandalised "
    "and looted shops in Rongo town.",
    "Residents protested the closure of a public corridor in Naivasha. They blocked the road using boulders. Police "
    "engaged the demonstrators in running battles.",
])
def test_violence_told_anywhere_in_a_note_makes_a_violent_demonstration(code, text: str) -> None:
    assert [e["acled_sub_event_type"] for e in code(text, published="2017-10-27") if e["event_type"] == "PROTEST"] \
        == ["Violent demonstration"]


@pytest.mark.parametrize(("text", "fatalities"), [
    ("Gunmen stormed the house of two brothers in Jurf Al Sakhr. Both brothers were shot and killed.", 2),
    ("A minimum of 60 Taliban were reported killed in the incident in Barmal.", 60),
    ("An unidentified man opened fire on a traffic policeman in Khasavyurt. The policeman was shot twice in the "
     "stomach, and later died from his injuries.", 1),
    ("In Korangi, unknown militants opened fire onto two brothers, who were members of the Awami National Party, "
     "killing them.", 2),
    ("Maoists shot and killed four security forces and wounded one other who later succumbed to his injuries in "
     "Narayanpur.", 5),
    ("In Mogadishu, militants decapitated two young Somalis.", 2),
])
def test_tolls(code, text: str, fatalities: int) -> None:
    assert [e["fatalities"] for e in code(text, published="2011-06-02") if e["event_type"] == "ASSAULT"] \
        == [fatalities]


def test_an_attack_named_again_is_one_event(code) -> None:
    events = code("Militants detonated a land mine under the vehicle of a militia commander in Garbaharey, Somalia, on "
                  "Tuesday. Other reports say the attack was an ambush.", published="2011-05-04")
    assert [e["mode"] for e in events if e["event_type"] == "ASSAULT"] == ["explosives"]


@pytest.mark.parametrize(("text", "assaults"), [
    ("The Taliban claimed that the spies passed on information to the U.S. authorities for drone strikes.", 0),
    ("Police arrested two men for attacks on churches in Jos.", 1),
])
def test_events_something_is_meant_for(code, text: str, assaults: int) -> None:
    assert sum(e["event_type"] == "ASSAULT" for e in code(text, published="2011-03-02")) == assaults


def test_shots_fired_are_the_attack_not_a_second_one(code) -> None:
    events = code("Gunmen fired shots at the market, wounding two girls in Karachi.", published="2011-06-09")
    assert [e["event_type"] for e in events] == ["ASSAULT"]


@pytest.mark.parametrize(("text", "source", "sector"), [
    ("On 6 May 2020, a drug suspect and his companion were killed during a police raid in Santa Rosa, Laguna.",
     "police", "COP"),
    ("On 8 May 2020, 7 Taliban militants were killed during an operation by General Command of Police Special Units "
     "in Ahmadabad district, Paktia.", "General Command of Police Special Units", "MIL"),
])
def test_the_author_of_the_operation_people_died_in(code, text: str, source: str, sector: str) -> None:
    events = [e for e in code(text, published="2020-05-10") if e["event_type"] == "ASSAULT"]
    assert [(e["source"]["name"], e["source"]["sector"]) for e in events] == [(source, sector)]


def test_the_assailants_are_the_attackers_named_before(code) -> None:
    events = code("A group of at least eight militants attacked a police station in Dera Ismail Khan, Pakistan. The "
                  "assailants arrived in three vehicles and began firing rockets inside the police station.",
                  published="2011-11-24")
    assert [(e["source"]["name"], e["target"]["name"]) for e in events if e["event_type"] == "ASSAULT"] == \
        [("militants", "police")]


@pytest.mark.parametrize(("text", "sub"), [
    # the tagger reads the infinitive "bombard" as a noun
    ("On 3 May 2020, Egyptian forces used artillery to bombard areas with suspected militant presence near Rafah, "
     "North Sinai.", "Shelling/artillery/missile attack"),
    ("On 6 May 2020, Houthi forces exchanged artillery with government forces on the Qabbaytah front in Lahij.",
     "Armed clash"),
    ("The two sides exchanged mortar shells near Marib.", "Armed clash"),
])
def test_artillery_fired_or_exchanged(code, text: str, sub: str) -> None:
    assert [e["acled_sub_event_type"] for e in code(text, published="2020-05-10") if e["event_type"] == "ASSAULT"] \
        == [sub]
