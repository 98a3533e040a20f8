"""Whom an attack with no named victim fell on: the site it struck, its holder, or the people it hurt."""

from __future__ import annotations

import pytest

from eventcoder.struck import sites
from test_data_files import SECTORS


def _target(events: list[dict]) -> tuple[str | None, str | None, str | None]:
    attack = next(e for e in events if e["event_type"] == "ASSAULT")
    target = attack["target"] or {}
    return target.get("name"), target.get("country"), target.get("sector")


@pytest.mark.parametrize(("text", "expected"), [
    ("On Saturday night, in Karabulak, Ingushetia, Russia, a bomb exploded outside a grocery store on Oskanova "
     "Street, causing structural damages to the building.", ("store", "RUS", "BUS")),
    ("Unidentified militants detonated explosive devices at a government-run primary school for boys in "
     "Nowshehra district, Khyber Pakhtunkhwa province, Pakistan.", ("school", "PAK", "EDU")),
    ("A bomb exploded outside of the police station in Orito in Putumayo, Colombia.", ("police", "COL", "COP")),
    ("On Tuesday, in Baghdad, Iraq, unidentified assailants fired two rockets at the Kuwaiti embassy in "
     "Baghdad's Green Zone.", ("embassy", "KWT", "GOV")),
    # a building named by the state body it houses is the government's
    ("On Monday, in Gaya, Bihar, India, Maoists blew up a panchayat building.", ("building", "IND", "GOV")),
    ("On Tuesday, militants detonated an explosive device at the municipal building in Kandahar, Afghanistan.",
     ("building", "AFG", "GOV")),
    # a department is its holder's: the one its name says
    ("On Tuesday morning, in Volgograd, Russia, a pipe bomb detonated outside the Volgograd Traffic Police "
     "Department on Ardatovskaya Street.", ("the Volgograd Traffic Police Department", "RUS", "COP")),
    # boats are their owners' (a civilian boat: civilians); a dormitory is its residents'
    ("Around 29 April 2020 (week of), Islamic militants stopped and looted a civilian boat going from Macombia De "
     "Paria (Cabo Delgado) to Quiterajo. No casualties were reported.", ("civilian", "MOZ", "CVL")),
    ("A police dormitory was attacked by unknown individuals throwing grenades in Bacho, Narathiwat, Thailand.",
     ("police", "THA", "COP")),
    # a compound "for" troops is theirs; the wall of a complex stands for the complex, and so for its holder
    ("On Saturday, in Panj Shiri, Baghlan, Afghanistan, suicide bombers targeted a compound for Afghan and foreign "
     "troops as well as civilians.", ("troops (AFG)", "AFG", "MIL")),
    ("On Sunday evening at 1930, at Nongada in Imphal East, Manipur, India, unidentified militants detonated a "
     "powerful bomb near the western wall of Agriculture Minister Ph Parijat's residential complex.",
     ("Ph Parijat", "IND", "GOV")),
    # towers, pylons, pipelines, tracks, bridges and airports are infrastructure, run as businesses
    ("On Wednesday, in the Ghaffar Goth area of Nasirabad, Balochistan, Pakistan, unidentified assailants blew up a "
     "220 kilovolt electricity tower.", ("tower", "PAK", "BUS")),
    # a residential building or area is its residents'
    ("On Thursday, in Kohat, Khyber Pakhtunkhwa, Pakistan, unidentified militants from the Gharib Paya Mountains "
     "fired three rockets into the Jawaki residential area.", ("civilians", "PAK", "CVL")),
])
def test_a_struck_site_names_the_target(code, text: str, expected: tuple[str, str, str]) -> None:
    assert _target(code(text, "2011-05-02")) == expected


def test_the_holder_of_a_struck_house_is_the_target(code) -> None:
    text = ("On Friday, in Kandahar city, Kandahar province, Afghanistan, a suicide bomber blew himself up inside "
            "his car outside the house of provincial police chief, Khan Mohammad Mujahid.")
    assert _target(code(text, "2011-05-02")) == ("police chief", "AFG", "COP")


@pytest.mark.parametrize(("text", "expected"), [
    ("On Thursday, in Maiduguri, Borno, Nigeria, unidentified militants detonated a homemade bomb at the Saint "
     "Patrick Catholic Church near the Borno state government secretariat building.", ("church", "NGA", "REL")),
    ("On Thursday, in Keonjhar, Odisha, India, suspected Maoist militants detonated a land mine targeting military "
     "vehicles.", ("military", "IND", "MIL")),
])
def test_a_site_of_its_own_kind_tells_more_than_a_modifier_and_a_modifier_more_than_a_car(
        code, text: str, expected: tuple[str, str, str]) -> None:
    assert _target(code(text, "2011-05-02")) == expected


def test_people_killed_by_a_bomb_are_its_civilian_target(code) -> None:
    text = ("On Monday, in Datu Odin Sinsuat, Maguindanao, Philippines, a child was killed when suspected "
            "militants detonated an improvised explosive device.")
    assert _target(code(text, "2011-06-21")) == ("civilians", "PHL", "CVL")


def test_a_bomb_that_struck_nothing_named_has_no_target(code) -> None:
    text = "On Monday, in Peshawar, Pakistan, a bomb exploded. No casualties were reported."
    assert _target(code(text, "2011-06-21")) == (None, None, None)


def test_the_site_table_uses_known_sectors() -> None:
    table = sites()
    assert table["school"].sector == "EDU" and not table["school"].holds
    assert table["house"].holds
    assert {s.sector for s in table.values()} - {None} <= SECTORS


@pytest.mark.parametrize(("text", "target"), [
    ("An explosive device detonated in the vicinity of a police patrol in Samarra city, Iraq.", ("police", "COP")),
    ("A bomb exploded in front of the Kuwaiti embassy in Baghdad on Monday.", ("embassy", "GOV")),
    # "outside" taken for an adverb, with "of the office" hung on it
    ("An explosive device exploded outside of the office of Greek Justice Minister Miltiadis Papaioannou in Athens, "
     "Attica, Greece.", ("Miltiadis Papaioannou", "GOV")),
    ("A rocket struck the presidential palace in Kabul on Monday.", ("palace", "GOV")),
])
def test_a_site_named_by_its_nearness_is_struck(code, text: str, target: tuple) -> None:
    [event] = code(text)
    assert (event["target"]["name"], event["target"]["sector"]) == target


@pytest.mark.parametrize(("text", "expected"), [
    # a grenade or bomb that hurt people nobody names, a building burned: civilians, as ACLED codes them
    ("Unknown attackers hurled a grenade in Eastleigh, Nairobi, Kenya. Two were injured.", ("civilians", "KEN", "CVL")),
    ("Property destruction: On 6 May 2020, the children of fire initiative carried out an arson attack targeting a "
     "3-story building in Baglar neighborhood of Bagcilar, Istanbul.", ("civilians", "TUR", "CVL")),
])
def test_unnamed_victims_of_a_blast_or_property_burned_are_civilians(code, text: str, expected: tuple) -> None:
    assert _target(code(text, "2020-05-07")) == expected


def test_a_shelling_that_names_nobody_keeps_no_target(code) -> None:
    """Shells are fired at the other side, whom ACLED names or leaves blank."""
    events = code("On 3 May 2020, unidentified forces shelled areas near Kafr Nabl in Idleb, Syria.", "2020-05-04")
    assert [(e["acled_sub_event_type"], e["target"]) for e in events] == [("Shelling/artillery/missile attack", None)]
