"""ACLED's line between a battle and an attack: violence that falls on armed men, or two armed sides, is a
battle, even when the parse loses the victims or bystanders die."""

from __future__ import annotations

import pytest

from conftest import coded


@pytest.mark.parametrize(("text", "target"), [
    # the parse hangs the victims where the target reader does not look
    ("On 5 May 2020, in La Central, Colima, a state police patrol was shot by armed individuals in a drive-by "
     "incident.", "police"),
    ("On 2 May 2020, presumed militants ambushed a gendarmerie unit in Gaskinde, killed one gendarme and wounded "
     "another.", "gendarmes"),
    ("On 20 March 2020, 2 'Arbakis' were wounded following an ambush by Taliban militants in Shibirghan city.",
     "Arbaki"),
    ("Unknown assailants ambushed a Nairobi top cop on Saturday night and shot him.", "cops (KEN)"),
])
def test_armed_men_where_the_victims_stand_make_a_battle(code, text: str, target: str) -> None:
    events = [e for e in code(text) if e["event_type"] == "ASSAULT"]
    assert [(e["acled_sub_event_type"], e["target"]["name"], e["target"]["sector"] in ("COP", "PRM"))
            for e in events] == [("Armed clash", target, True)]


def test_an_armed_man_outside_the_attack_is_no_victim(code) -> None:
    events = code("Gunmen killed three villagers in Kandahar on Monday; police are investigating.")
    assert [(e["acled_sub_event_type"], e["target"]["name"]) for e in events if e["event_type"] == "ASSAULT"] \
        == [("Attack", "villagers")]


@pytest.mark.parametrize("text", [
    "Tugen and Pokot militias exchange fire at Kapndasum in Marigat. An unarmed bystander was killed in the "
    "shootout.",
    "On Jun 14th 2019, in Quri area of Garba Tula, Borana and Somalis clashed. Five people were killed.",
    "On 27 October 2019, two Siria and Ruasi Ngishu clans clashed at the border in Trans Mara.",
])
def test_armed_sides_and_communities_fight_battles(code, text: str) -> None:
    assert [sub for kind, sub in coded(code(text)) if kind == "ASSAULT"] == ["Armed clash"]


@pytest.mark.parametrize("text", [
    "On 7 May 2020, in Villa Nueva, Guatemala, two armed men driving a motorcycle shot and killed a man.",
    "Gunmen storm the village of Kuku, killing five civilians.",
])
def test_everyday_words_as_verbs_are_no_benign_context(code, text: str) -> None:
    """"driving" and "storm" put a sentence in traffic or weather only as nouns."""
    assert [sub for kind, sub in coded(code(text)) if kind == "ASSAULT"] == ["Attack"]


def test_a_storm_that_kills_is_weather(code) -> None:
    assert code("A storm killed five people in Kuku.") == []


def test_an_arrest_for_driving_is_traffic(code) -> None:
    assert code("Police attended the scene and arrested a man suspected of driving under the influence.") == []


def test_a_protest_the_parser_hung_under_its_participle(code) -> None:
    text = ("On 2 May 2020, owners of restaurants protested outside the President's Office in Kyiv demanding the "
            "right to open summer terraces.")
    assert ("PROTEST", "Peaceful protest") in coded(code(text))


@pytest.mark.parametrize(("text", "expected"), [
    # vigilantes and community members beating or killing someone are a mob (ACLED: rioters, mob violence)
    ("On 6 May 2020, two men suspected of robberies in Verulam were fatally assaulted by community members.",
     "Mob violence"),
    # what the victim is accused of names no weapon
    ("On 28 April 2020, in Fortaleza, Ceara, a man suspected of kidnapping a child was beaten up by locals.",
     "Mob violence"),
    # fighting armed bandits is a battle, whoever the fighters are
    ("Vigilantes clashed with bandits in Zamfara on Monday.", "Armed clash"),
    # a suspected device is still the device
    ("Two people were injured when a suspected IED went off outside a restaurant in Nairobi.",
     "Remote explosive/landmine/IED"),
])
def test_mobs_vigilantes_and_accusations(code, text: str, expected: str) -> None:
    assert [sub for kind, sub in coded(code(text)) if kind == "ASSAULT"] == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("Fighting between the army and the rebels killed three civilians in Beni on Monday.", "Armed clash"),
    ("Soldiers and police officers exchanged fire in Nairobi on Monday; one officer died.", "Armed clash"),
    ("Two herders were killed in violence between Kalenjin and Maasai in Narok on Monday.", "Armed clash"),
    ("Police kill two terror suspects in shoot-out.", "Armed clash"),
    ("Government forces repelled an attack by Houthi fighters on the Hays front on Monday.", "Armed clash"),
    ("Six people were injured in a confrontation between ODM and Jubilee supporters in Mumias on Monday.",
     "Mob violence"),
])
def test_two_sides_and_firefights(code, text: str, expected: str) -> None:
    assert [e[1] for e in coded(code(text)) if e[0] == "ASSAULT"] == [expected]


@pytest.mark.parametrize("text", [
    "On 5 June 2021, government forces responded to rebel shelling on the Sirwah front.",
    "On 5 June 2021, government forces responded to rebel fire on the Nihm front.",
    # anti-aircraft guns fired at positions are no air strike; with small arms, a firefight
    "On 5 June 2021, rebel forces fired anti-aircraft guns and small arms at army positions near Avdiivka.",
])
def test_fire_answered_or_mixed_with_small_arms_is_a_clash(code, text: str) -> None:
    events = [e for e in code(text, published="2021-06-06") if e["event_type"] == "ASSAULT"]
    assert [e["acled_sub_event_type"] for e in events] == ["Armed clash"]


def test_anti_aircraft_guns_alone_are_shelling(code) -> None:
    events = code("On 5 June 2021, rebel forces fired anti-aircraft guns at army positions near Avdiivka.",
                  published="2021-06-06")
    assert [e["acled_sub_event_type"] for e in events if e["event_type"] == "ASSAULT"] == \
        ["Shelling/artillery/missile attack"]


def test_a_response_told_as_another_act_is_no_exchange_of_fire(code) -> None:
    events = code("Soldiers responded to the militants' attack by beating civilians in Garissa.",
                  published="2016-11-03")
    assert "Armed clash" not in [e["acled_sub_event_type"] for e in events]


def test_victims_read_as_the_subject_of_the_participle_after_them(code) -> None:
    events = code("Armed gang kills police investigating gun runners in Nairobi", published="2008-05-05")
    assert [(e["acled_sub_event_type"], e["target"]["name"]) for e in events if e["event_type"] == "ASSAULT"] == \
        [("Armed clash", "police")]


@pytest.mark.parametrize("text", [
    # a shelling exchange between two sides: both fire (the parser reads "shelling" as a verb)
    "On 28 April 2020, shelling exchange with heavy machine guns between regime forces and Turkish forces in "
    "Rubay'at area in Al-Hasakeh countryside.",
    # a planted bomb followed by gunshots at fighters: the attackers fought them
    "On 5 May 2020, a suspected IS planted IED exploded in Rashad and was followed by gunshots which left 3 TMF "
    "fighters dead.",
])
def test_exchanges_and_bombs_with_gunshots_are_clashes(code, text: str) -> None:
    events = [e for e in code(text, published="2020-05-09") if e["event_type"] == "ASSAULT"]
    assert [e["acled_sub_event_type"] for e in events] == ["Armed clash"]


def test_the_air_force_in_the_victims_name_is_no_air_strike(code) -> None:
    events = code("On 4 May 2020, 2 members of the regime's Air Force Intelligence were killed when unidentified "
                  "gunmen opened fire on them with machine guns in Dar'a.", published="2020-05-09")
    assert [e["acled_sub_event_type"] for e in events if e["event_type"] == "ASSAULT"] == ["Armed clash"]
    struck = code("The Syrian Air Force bombed the town of Saraqib, killing five civilians.", published="2020-05-09")
    assert [e["acled_sub_event_type"] for e in struck if e["event_type"] == "ASSAULT"] == ["Air/drone strike"]


def test_hideouts_destroyed_and_militants_killed_are_a_clash(code) -> None:
    events = code("On 28 Apr 2020, PMF forces destroyed five IS hideouts and killed 7 militants in security operations "
                  "across the Hamrin mountains in Saladin province.", published="2020-05-09")
    assert [(e["acled_sub_event_type"], e["fatalities"]) for e in events if e["event_type"] == "ASSAULT"] == \
        [("Armed clash", 7)]
    # people killed where property was destroyed are victims of an attack when they were not armed
    torched = code("Raiders torched a house in Baringo, killing two people.", published="2020-05-09")
    assert [e["acled_sub_event_type"] for e in torched if e["event_type"] == "ASSAULT"] == ["Attack"]


def test_a_group_unknown_to_the_dictionary_that_fights_the_police_is_armed(code) -> None:
    events = code("On 29 April 2020, in Nuevo Laredo, Tamaulipas, members of Tropa del Infierno clashed with police "
                  "officers in colonia Manuel Cavazos Lerma. Seven members of this group died.", "2020-04-30")
    assert [(e["acled_sub_event_type"], e["source"]["name"], e["source"]["sector"]) for e in events] == \
        [("Armed clash", "Tropa del Infierno", "UAF")]
