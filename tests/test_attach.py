"""Dates and places tied to an event's clause in real sentences: numbers the model takes for counts, fallbacks."""

from __future__ import annotations

import pytest


def _dated(events: list[dict]) -> set[tuple[str | None, str | None, str | None]]:
    return {(e["date"], e["date_precision"], e["date_text"]) for e in events}


@pytest.mark.parametrize(("text", "published", "expected"), [
    # "26/12" is tagged CARDINAL by the model: still a day/month date
    ("Four are injured in continued clashes between Kalenjin and Maasai groups on 26/12 in Narok.", "2015-12-27",
     ("2015-12-26", "day", "26/12")),
    # a day/month one day after the report is that day, not the same day a year before
    ("One person was killed in an attack by gunmen in Mandera on the night of 26/06.", "2015-06-25",
     ("2015-06-26", "day", "26/06")),
    # the year names the election, the opening day dates the attack
    ("03 April. Two are killed including a former aspirant in the 2017 General Election when gunmen attacked Ukunda.",
     "2018-04-04", ("2018-04-03", "day", "03 April")),
])
def test_clause_dates(code, text: str, published: str, expected: tuple[str, str, str]) -> None:
    events = code(text, published)
    assert events and _dated(events) == {expected}


def test_an_undated_event_is_dated_the_day_before_its_report(code) -> None:
    events = code("Gunmen shot dead a police officer in Garissa.", "2013-01-10")
    assert _dated(events) == {("2013-01-09", "week", None)}  # no date_text: the record says it was not stated


def test_an_undated_event_in_a_dated_story_takes_the_story_day(code) -> None:
    # (the protesters beaten in Nairobi that day would be the same event as the tear gas: eventcoder.incidents)
    events = code("Police fired tear gas on Tuesday to disperse protesters in Nairobi. "
                  "Gunmen shot dead a trader in Mombasa.", "2024-06-19")
    shot = [e for e in events if e["evidence"]["text"].startswith("Gunmen")]
    assert shot and {(e["date"], e["date_precision"], e["date_text"]) for e in shot} == \
        {("2024-06-18", "week", None)}


def test_a_town_refines_the_country_of_its_clause(code) -> None:
    events = code("Assailants detonated a bomb at the United Kingdom City of Culture office in Londonderry, "
                  "Northern Ireland, on Monday night.", "2011-01-18")
    assert events and {(e["place"]["name"], e["place"]["country"], e["place"]["precision"]) for e in events} == \
        {("Londonderry", "GBR", "city")}


def test_a_place_a_preposition_ties_to_the_verb_beats_one_a_noun_marks(code) -> None:
    events = code("On 6 May 2020, leaders of the Darjeeling District unit of a party staged a protest rally in Siliguri "
                  "town (Darjeeling district, West Bengal) against the opening of liquor shops.", "2020-05-07")
    assert {(e["place"]["name"], e["place"]["admin1"]) for e in events} == {("Siliguri", "West Bengal")}


@pytest.mark.parametrize(("text", "place"), [
    # the town named after the region that holds it is the finer place
    ("A suicide bomber detonated a vest full of explosives at a funeral in Takhar, Taloqan, Afghanistan.",
     ("Taloqan", "Takhar", "city")),
    # those taken from a town were taken there
    ("Unidentified gunmen abducted a local citizen from Harnai, Balochistan province, Pakistan.",
     ("Harnai", "Balochistan", "city")),
    # a place a short distance away is near it; the subject hung on the opening list still acts
    ("On Monday evening, in the rural area of Los Balsos five kilometers from El Tarra, Norte de Santander, Colombia, "
     "Revolutionary Armed Forces of Colombia (FARC) bombed the oil pipeline.",
     ("El Tarra", "Norte de Santander Department", "near")),
])
def test_the_place_of_an_event_in_a_chain_of_names(code, text: str, place: tuple) -> None:
    [event] = code(text, "2011-03-22")
    assert (event["place"]["name"], event["place"]["admin1"], event["place"]["precision"]) == place


def test_a_place_far_away_is_not_where_it_happened(code) -> None:
    events = code("Gunmen killed a village head in Bijapur, Chhattisgarh. His body was found on a forest road about "
                  "500 kilometers from Raipur.", "2011-09-14")
    assert {e["place"]["name"] for e in events} == {"Bijapur"}


def test_fighters_after_a_distance_in_the_opening_place_list_act(code) -> None:
    # (the parser makes "kilometers" the subject and hangs the group on the list of places)
    [event] = code("On Monday evening at 1900, in the rural area of Los Balsos five kilometers from El Tarra, Norte de "
                   "Santander, Colombia, Revolutionary Armed Forces of Colombia (FARC) bombed the oil pipeline.",
                   "2011-03-22")
    assert (event["source"]["name"], event["source"]["sector"]) == ("FARC", "REB")


def test_a_town_an_attack_struck_is_where_it_happened_but_a_person_named_before_is_not(code) -> None:
    [shelled] = code("On 29 April 2020, Turkish forces shelled Menbij in Aleppo using artillery fire.", "2020-04-30")
    assert (shelled["place"]["name"], shelled["place"]["admin1"]) == ("Menbij", "Aleppo")
    events = code("On Sunday, in Tuz Khurmatu, Salah ad Din, Iraq, unknown assailants detonated an improvised explosive "
                  "device near the car of Major Mohammed Taqi. The blast wounded Taqi and one of his bodyguards.",
                  "2011-08-29")
    assert {e["place"]["name"] for e in events} == {"Tuz Khurmatu"}
