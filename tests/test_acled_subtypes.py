"""ACLED sub-event types of protests the state acted on, and of sexual violence."""

from __future__ import annotations

import pytest

from conftest import coded




@pytest.mark.parametrize(("text", "expected"), [
    ("Hundreds of teachers protested in Lagos on Monday as police fired tear gas to disperse them.",
     [("PROTEST", "Protest with intervention")]),
    ("Police detained twelve students during a protest in Minsk on Sunday.",
     [("PROTEST", "Protest with intervention")]),
    ("Police violently dispersed a protest in Rabat on Monday.",
     [("PROTEST", "Excessive force against protesters")]),
    ("Two people were killed in a protest in Khartoum on Monday after police fired tear gas at the crowd.",
     [("PROTEST", "Excessive force against protesters")]),
    ("Students violently protested in Nairobi on Monday. Police used tear gas to disperse them.",
     [("PROTEST", "Violent demonstration")]),
])
def test_the_state_acting_on_a_protest(code, text: str, expected: list) -> None:
    assert [e for e in coded(code(text)) if e[0] == "PROTEST"] == expected


@pytest.mark.parametrize("text", [
    "Journalists protested in Lahore on Monday against the arrest of their editor. He was arrested in March.",
    "Students protested in Nairobi on Monday to demand the release of classmates who had been arrested.",
])
def test_an_arrest_behind_a_protest_is_no_intervention(code, text: str) -> None:
    assert [e for e in coded(code(text)) if e[0] == "PROTEST"] == [("PROTEST", "Peaceful protest")]


@pytest.mark.parametrize("text", [
    "Hundreds of students held a march in Kisii on Monday to call for an end to violence.",
    "Teachers went on strike and barricaded themselves into the education office in Kisii on Monday.",
])
def test_violence_a_protest_is_about_is_no_riot(code, text: str) -> None:
    assert [e for e in coded(code(text)) if e[0] == "PROTEST"] == [("PROTEST", "Peaceful protest")]


@pytest.mark.parametrize("text", [
    "A soldier molested a girl at a checkpoint in Goma on Monday.",
    "Rebels were accused of sexual violence against women in Bunia on Monday.",
    "Militiamen sexually assaulted two women in Bunia on Monday.",
    "At least three women were raped by militiamen in Bunia on Monday.",  # the model's lemma is "rap"
])
def test_sexual_violence(code, text: str) -> None:
    assert ("ASSAULT", "Sexual violence") in coded(code(text))


@pytest.mark.parametrize(("text", "expected"), [
    # the violence a protest is about is neither the crowd's act nor an event of the note
    ("On 2 May 2020, locals held a protest demonstration in Shahdadkot town for providing justice to a youth who "
     "was killed by influential men.", [("PROTEST", "Peaceful protest")]),
    ("More than 300 traders staged a demonstration in Nakuru town after they found their stalls destroyed by "
     "officers of the county government.", [("PROTEST", "Peaceful protest")]),
    # what the crowd did, however it is told
    ("On 29 April 2020, a group demonstrated by throwing stones in Ankaraobato against the distribution of aid.",
     [("PROTEST", "Violent demonstration")]),
    ("Hundreds of students protested in Kisii on Monday. They smashed the windows of a bus.",
     [("PROTEST", "Violent demonstration")]),
])
def test_the_crowds_violence_and_the_grievance(code, text: str, expected: list) -> None:
    assert [e for e in coded(code(text)) if e[0] in ("PROTEST", "ASSAULT")] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a crowd gathered for a demand is a demonstration
    ("On 7 May 2020, hundreds of protesters gathered in Najaf city in rejection of the vote of confidence.",
     [("PROTEST", "Peaceful protest")]),
    ("On 2 May 2020, business owners gathered at the Rabin square in Tel Aviv to demand government assistance.",
     [("PROTEST", "Peaceful protest")]),
    ("On 9 May 2020, in Juiz de Fora, people did a motorcade to demand the re-opening of businesses.",
     [("PROTEST", "Peaceful protest")]),
    # a gathering for anything else is not
    ("Relatives gathered at the hospital to mourn the victims.", []),
    ("Thousands gathered in the stadium to watch the final on Sunday.", []),
])
def test_a_crowd_gathered_for_a_demand(code, text: str, expected: list) -> None:
    assert [e for e in coded(code(text)) if e[0] in ("PROTEST", "ASSAULT")] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("On 9 May 2020, the Afghan government released 67 Taliban prisoners from Parwan Central Prison.",
     [("RETREAT", "Other")]),
    ("On 30 April 2020, 52 soldiers were released from Taliban prisons in Kunduz province.", [("RETREAT", "Other")]),
    # one person let out on bail is no strategic development
    ("The journalist was released from prison on bail on Monday.", [("RETREAT", None)]),
])
def test_prisoner_release(code, text: str, expected: list) -> None:
    assert [e for e in coded(code(text)) if e[0] == "RETREAT"] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("On 2 May 2020, residents of Sheikh Othman blocked roads and burned tires over power cuts.",
     [("PROTEST", "Violent demonstration")]),
    ("In Mombasa, demonstrators lit tyres along the main highway.", [("PROTEST", "Violent demonstration")]),
    ("On Aug 22nd, protesters gathered outside a meeting of top judges in Mombasa.", [("PROTEST", "Peaceful protest")]),
])
def test_street_fires_and_gatherings_of_protesters(code, text: str, expected: list) -> None:
    assert [e for e in coded(code(text)) if e[0] in ("PROTEST", "ASSAULT")] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # unnamed people fighting with stones or sticks, or hurting the police with them: mob violence
    ("On 8 May 2020, two communities clashed and pelted stones at each other in Roorkee over loudspeakers.",
     [("ASSAULT", "Mob violence")]),
    ("On 4 May 2020, in Cartagena, 13 people were arrested after they attacked police officers with sticks and stones.",
     [("ASSAULT", "Mob violence")]),
    # a death, a blade or a gun makes it an armed fight
    ("Three policemen were beaten and killed in Kisumu.", [("ASSAULT", "Armed clash")]),
    ("Two Maasai clans clashed in Nkararo with arrows and stones.", [("ASSAULT", "Armed clash")]),
    # riots before the protest are its background
    ("Residents performed a pot-banging protest in Banfield after the riots in the country's prisons.",
     [("PROTEST", "Peaceful protest")]),
])
def test_brawls_and_background_riots(code, text: str, expected: list) -> None:
    assert [e for e in coded(code(text)) if e[0] in ("PROTEST", "ASSAULT")] == expected


def test_warning_shots_are_no_air_strike(code) -> None:
    subtypes = {sub for _, sub in coded(code("Border guards fired warning shots in the air near Apkan village."))}
    assert subtypes == {"Attack"}


def test_a_crowd_breaking_up_a_rally_riots(code) -> None:
    assert coded(code("Rowdy youth disrupted the NASA rally in Kabarnet, Baringo.")) == [
        ("PROTEST", "Violent demonstration")]


def test_a_crowd_that_shoots_the_police_fights_a_battle(code) -> None:
    text = "Armed herders trespassing on illegal land shoot and injure a police officer near Rumuruti."
    assert coded(code(text)) == [("ASSAULT", "Armed clash")]


@pytest.mark.parametrize(("text", "expected"), [
    # the parser hangs the found body on the place list that opens the note
    ("On 27 April 2020, in Marin, Nuevo Leon, the body of a man who was handcuffed was found. 1 fatality",
     [("ASSAULT", "Attack")]),
    ("On 30 April 2020, the military forces engaged in fire fight with Ambazonian separatists in Bafut town.",
     [("ASSAULT", "Armed clash")]),
    ("On 1 May 2020, anti-Houthi forces reportedly thwarted a pro-Houthi incursion northwest of Hays district.",
     [("ASSAULT", "Armed clash")]),
])
def test_found_bodies_fire_fights_and_incursions(code, text: str, expected: list) -> None:
    assert [e for e in coded(code(text)) if e[0] == "ASSAULT"] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("On 4 May 2020, Israeli forces demolished a Palestinian-owned agricultural structure in Tayasir.",
     [("COERCE", "Looting/property destruction")]),
    ("On 7 May 2020, unidentified actors destroyed the Otamiri water scheme in Owerri, Imo.",
     [("ASSAULT", "Looting/property destruction")]),
])
def test_property_destruction(code, text: str, expected: list) -> None:
    assert coded(code(text)) == expected


def test_a_bandit_shot_by_police_is_a_battle(code) -> None:
    events = code("One bandit was shot by police in Baringo on Monday.")
    assert [(e["acled_sub_event_type"], e["target"]["sector"]) for e in events] == [("Armed clash", "CRM")]
