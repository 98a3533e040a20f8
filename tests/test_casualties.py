"""Casualty phrases (eventcoder.casualties) on parsed sentences: exact counts for each phrase shape."""

from __future__ import annotations

import pytest

from eventcoder.casualties import (casualty_cues, mentions_harm, reports_no_casualties, stated_total,
                                   uncounted_bombers)


@pytest.fixture(scope="module")
def parse(pipeline):
    return pipeline.nlp


@pytest.mark.parametrize("text", [
    "No damages or casualties were reported.",
    "The grenade missed its target, causing no damage or casualties.",
    "Police defused the bomb, preventing any casualties.",
    "There were no reports of injuries or deaths.",
    "No one was harmed in the explosion.",
    "The governor was not hurt.",
    "The hostages were released unharmed the next day.",
])
def test_reports_of_no_casualties(parse, text: str) -> None:
    assert reports_no_casualties(next(parse(text).sents))


@pytest.mark.parametrize("text", [
    "Three soldiers were killed and two were wounded.",
    "It is unknown how many people were injured in the attack.",
])
def test_reports_with_casualties_are_not_none(parse, text: str) -> None:
    assert not reports_no_casualties(next(parse(text).sents))


@pytest.mark.parametrize(("text", "counts"), [
    ("Gunmen fired on the car of a judge, wounding him.", [("injury", 1)]),
    ("Unidentified militants shot and killed a Muslim couple.", [("death", 2)]),
    ("The bomb killed her and injured them.", [("death", 1)]),
    ("Six additional deaths reported, including 11 injuries.", [("death", 6), ("injury", 11)]),
    # two titles of one named person; two people named after the pair stay two
    ("Gunmen killed a pediatrician and former military doctor, Ibrahim Shaeer Jabbar al-Jumaili, after he resisted.",
     [("death", 1)]),
    ("Four cadres killed a congress leader and Janpad member, identified as Bhima Ram Madkam, at his residence.",
     [("death", 1)]),
    ("Gunmen killed a woman and child, Amina and Ali, in the market.", [("death", 2)]),
    # a demonym with 'a' is one person
    ("Unknown gunmen stormed a restaurant and killed a Christian working there.", [("death", 1)]),
    # victims the parser joined to the opening place list
    ("On Saturday night, in Konduz, Konduz, Afghanistan, a local police commander Abdul Kaliq and his son were shot "
     "and killed on their way home by unidentified gunmen.", [("death", 2)]),
    # a lynching or murder is a killing
    ("Two suspected gangsters were lynched by a group of residents.", [("death", 2)]),
    ("Gunmen murdered a village elder in his home.", [("death", 1)]),
    # a tens word and a unit joined by a hyphen are one number
    ("Twenty-four civilians were killed and thirty-one others were injured.", [("death", 24), ("injury", 31)]),
    # "shot dead" before its object, which the parser reads as an adverb
    ("Gunmen shot dead a police officer in Kilifi.", [("death", 1)]),
    # headline shapes: a participle on its victims, a bare number before the verb, the dead found
    ("4 civilians shot dead by suspected Mungiki members", [("death", 4)]),
    ("Orma attack Pokomo in revenge attack; at least 11 killed", [("death", 11)]),
    ("Three men found killed inside refugee camp; perpetrators unknown", [("death", 3)]),
    # a relative pronoun stands for the noun its clause hangs on
    ("The officers returned fire and hit the man, who died.", [("death", 1)]),
    # bodies found: of whom, how many, or one person's
    ("Around 4 May 2020, the bodies of 2 civilians with gunshot wounds were found on the road.", [("death", 2)]),
    ("Her body was found on Sunday with marks on the neck.", [("death", 1)]),
    ("Their bodies were found in a river.", []),
    # a date the parser made a second passive subject; a killing joined to an abduction
    ("Around 6 May 2020 (as reported), in Atenango del Rio, Guerrero, a man was found dead in a village.",
     [("death", 1)]),
    ("On 28 April 2020, in Marechal Deodoro, Alagoas, a man was abducted by four men and stabbed to death.",
     [("death", 1)]),
    # what was tried or nearly done was not done
    ("A mob attacks and nearly kills a man they suspect of theft.", []),
    ("A mob tried to lynch a suspected thief but police rescued him.", []),
])
def test_counted_victims(parse, text: str, counts: list[tuple[str, int]]) -> None:
    assert [(kind, count) for _, kind, count, _ in casualty_cues(next(parse(text).sents))] == counts


@pytest.mark.parametrize(("text", "harm"), [
    ("Gunmen kidnapped two engineers and set fire to their vehicle.", False),
    ("The victim was identified as Abdul Aziz.", True),
    ("Gunmen shot a police officer.", True),
    ("Four soldiers died.", True),
])
def test_mentions_harm(parse, text: str, harm: bool) -> None:
    assert mentions_harm(parse(text)) is harm


@pytest.mark.parametrize(("text", "bombers"), [
    ("A suicide bomber blew himself up at a checkpoint, killing four soldiers.", 1),
    ("Two suicide bombers detonated their vests at the shrine, killing 50 people.", 2),
    ("An attacker blew himself up at the gate.", 1),
    ("The blast killed the suicide bomber and wounded three soldiers.", 0),
    ("Gunmen killed four soldiers at a checkpoint.", 0),
])
def test_uncounted_bombers(parse, text: str, bombers: int) -> None:
    assert uncounted_bombers(list(parse(text).sents)) == bombers


@pytest.mark.parametrize(("text", "total"), [
    ("Fatalities coded as 0 (VoJ reported 12 fatalities).", 0),
    ("Unclear fatalities coded as 10 and split between 3 locations.", 10),
    ("The death toll rose to 12.", 12),
    ("Three people were killed.", None),
])
def test_stated_total(parse, text: str, total: int | None) -> None:
    assert stated_total(next(parse(text).sents)) == total


@pytest.mark.parametrize(("text", "fatalities"), [
    # the parser hangs the victim on the opening place list
    ("On Thursday, in Karachi, Sindh, Pakistan, a party activist, identified as Kamran, was shot and killed by "
     "unidentified militants at the main bazaar.", 1),
    # a person's name the model tags ORG, followed by a place list
    ("Unidentified assailants shot and killed Marius Gangale in Kinshasa city, Kinshasa province, Congo.", 1),
    ("The tribal elder of Bosti Banda in Kohat district, Pakistan was assassinated.", 1),
    ("The attackers stabbed the policeman's 28 year old wife to death in Kut, Iraq.", 1),
    ("He detonated his explosive belt, killing himself and one police officer.", 2),
])
def test_gtd_style_tolls(code, text: str, fatalities: int) -> None:
    assaults = [e for e in code(text, published="2011-05-10") if e["event_type"] == "ASSAULT"]
    assert [e["fatalities"] for e in assaults] == [fatalities]


def test_a_clock_time_is_no_toll(code) -> None:
    """The parser makes "noon" the victim here; the toll stays unknown rather than 1,200."""
    events = code("On Monday around 1200 noon, at a residence in Datu Odin Sinsuat, Maguindanao, a child was killed "
                  "when suspected militants detonated an improvised explosive device.", published="2011-05-10")
    assert [e["fatalities"] for e in events if e["event_type"] == "ASSAULT"] == [None]


def test_anyone_killed_counts_nobody(code) -> None:
    [event] = code("Al-Shabaab members kidnapped 11 people in central Somalia. It is unknown whether anyone was injured "
                   "or killed in the incident.", published="2011-12-30")
    assert (event["acled_sub_event_type"], event["fatalities"]) == ("Abduction/forced disappearance", None)


@pytest.mark.parametrize(("text", "fatalities"), [
    # a second group of victims the parser hung on the verb, as a second subject or as the verb's conjunct
    ("Militants ambushed a convoy in Kohat on Thursday. Four Pakistani soldiers guarding the convoy and two company "
     "officials were killed while one other soldier was injured.", 6),
    ("A car bomb detonated at a check point in Mogadishu, Somalia, killing the driver and at least 3 other people.", 4),
    # not the injured of a second clause, nor animals driven away
    ("On Sept 16th, in Voi, 2 herders were killed and other 3 injured in suspected retaliatory attacks.", 2),
    ("A man was killed and 20 animals driven away by rustlers in Marakwet West on Monday.", 1),
])
def test_victims_joined_by_and_add_up(code, text: str, fatalities: int) -> None:
    [event] = code(text, published="2011-05-10")
    assert event["fatalities"] == fatalities
