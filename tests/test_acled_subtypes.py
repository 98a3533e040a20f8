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
    # no air strike, and no attack either: a show of force with nobody hit (ACLED: strategic development, other)
    subtypes = {sub for _, sub in coded(code("Border guards fired warning shots in the air near Apkan village."))}
    assert subtypes == {"Other"}


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


@pytest.mark.parametrize("text", [
    "Sex workers in Mombasa staged a protest after a colleague was murdered by a client.",
    "Hundreds of mourners in Tetu protested the murder of a mentally ill man.",
    "More than 5,000 victims of Molo ethnic clashes held a demonstration in Elburgon Town.",
])
def test_the_killing_a_protest_is_about_is_no_riot(code, text: str) -> None:
    assert coded(code(text)) == [("PROTEST", "Peaceful protest")]


@pytest.mark.parametrize("text", [
    "On 3 May 2020, hundreds of protesters in Kut city demanded new fair elections.",
    "On 4 May 2020, police officers protested in front of the Court of First Instance in Gabes.",
    "On 5 May 2020, members of civil organizations staged a dharna in front of the office of the Deputy "
    "Commissioner at Haflong.",
])
def test_protests_told_in_other_words(code, text: str) -> None:
    assert [e for e in coded(code(text)) if e[0] == "PROTEST"] == [("PROTEST", "Peaceful protest")]


@pytest.mark.parametrize(("text", "expected"), [
    ("ODM youths riot during party nominations in Kisumu", [("PROTEST", "Violent demonstration")]),
    ("Mob lynches murder suspect in Kisii", [("ASSAULT", "Mob violence")]),
    ("1 killed in Kisumu - linked to electoral violence", [("ASSAULT", "Attack")]),
])
def test_headlines(code, text: str, expected: list) -> None:
    assert coded(code(text)) == expected


def test_air_support_of_a_ground_operation_is_a_battle(code) -> None:
    events = code("On 4 May 2020, an operation by Afghan special forces, backed by airstrikes, killed 18 Taliban "
                  "militants in Qalat district, Zabul.")
    assert coded(events) == [("ASSAULT", "Armed clash")]


@pytest.mark.parametrize(("text", "expected"), [
    ("At least eight people were killed in inter-communal clashes in Isiolo County on Monday.",
     [("ASSAULT", "Armed clash")]),
    ("A man was killed yesterday as villagers clashed using bamboo sticks and iron rods in Dimla upazila.",
     [("ASSAULT", "Mob violence")]),
])
def test_a_deadly_communal_clash_is_a_battle_unless_a_brawl(code, text: str, expected: list) -> None:
    assert coded(code(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("On 4 May 2020, militants attacked and burned a school in Logobou.",
     [("ASSAULT", "Looting/property destruction")]),
    ("On 1 May 2020, the group carried out an arson attack targeting a geothermal energy plant in Aydin.",
     [("ASSAULT", "Looting/property destruction")]),
    ("On 1 May 2020, gunmen attacked a school in Maiduguri and killed two teachers.",
     [("ASSAULT", "Attack")]),
])
def test_an_attack_on_buildings_alone_is_property_destruction(code, text: str, expected: list) -> None:
    assert coded(code(text))[:1] == expected


@pytest.mark.parametrize("text", [
    "On 30 April 2020, residents held a protest demonstration in Tando Jam town for the replacement of a burnt "
    "transformer.",
    "On 29 April 2020, protesters gathered at the al Alam square in Tyr. They also lit candles to honour the victims.",
    "On 4 May 2020, a demonstration was staged in central Tunceli to commemorate the massacres of 1937-38, during "
    "which army campaigns killed thousands.",
])
def test_riot_words_that_tell_no_riot(code, text: str) -> None:
    assert [e for e in coded(code(text)) if e[0] == "PROTEST"] == [("PROTEST", "Peaceful protest")]


def test_dead_people_found_are_bodies(code) -> None:
    events = code("Around 3 May 2020, in Sain Alto, Zacatecas, three handcuffed dead women were found on the highway.")
    assert coded(events) == [("ASSAULT", "Attack")]


@pytest.mark.parametrize("text", [
    "On 2 May 2020, in Teresina, police went to the area. An intense shoot-out broke out and two suspects were shot "
    "and injured.",
    "On 1 May 2020, in Governador Valadares, Minas Gerais, a man was shot to death. The victim had charges against "
    "him for several crimes, including drug trafficking.",
])
def test_gunfire_between_armed_sides_is_a_battle(code, text: str) -> None:
    assert ("ASSAULT", "Armed clash") in coded(code(text))


def test_police_who_intervene_in_a_protest(code) -> None:
    events = code("Traders protested in Kisii on Monday against new levies. Police intervened.")
    assert coded(events) == [("PROTEST", "Protest with intervention")]


@pytest.mark.parametrize(("text", "expected"), [
    ("On 7 May 2020, pro-Houthi forces reportedly fired caliber 12.7mm machine guns at the east of Madinat al Salah.",
     ("ASSAULT", "Shelling/artillery/missile attack")),
    ("On 30 April 2020, Security Belt Forces ambushed, assumedly with heavy weapons, a military vehicle in Abyan.",
     ("ASSAULT", "Shelling/artillery/missile attack")),
    ("On 6 May 2020, Al Shabaab militants threw a hand grenade at government forces in Hodan district. Government "
     "forces opened gunfire in response.", ("ASSAULT", "Armed clash")),
    # a list of calibres the parser chains beyond the verb; a coder's "assumedly heavy"
    ("On 5 June 2021, rebel forces fired 23mm, 14.5mm, 12.7mm and 7.62mm machine guns at farms near Hays.",
     ("ASSAULT", "Shelling/artillery/missile attack")),
    ("On 5 June 2021, government forces fired machine guns, assumedly heavy, at farms near Hays.",
     ("ASSAULT", "Shelling/artillery/missile attack")),
])
def test_front_line_weapons(code, text: str, expected: tuple) -> None:
    assert coded(code(text))[0] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Al Shabaab overtakes Bula Golol in Garissa County without resistance.",
     [("COERCE", "Non-violent transfer of territory")]),
    ("Al Shabaab forces briefly take over Basuba in Lamu County.", [("COERCE", "Non-violent transfer of territory")]),
    ("Hamilton overtook Vettel on the last lap in Monza.", []),
    ("The company took over the market in Nairobi last year.", []),
])
def test_armed_groups_taking_a_place_over(code, text: str, expected: list) -> None:
    assert coded(code(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Government troops withdrew from Tal Abyad on Monday, leaving the town to the rebels.",
     [("RETREAT", "Non-violent transfer of territory")]),
    ("Rebel fighters have withdrawn from the border crossing near Qaim.",
     [("RETREAT", "Non-violent transfer of territory")]),
    # troops leaving a country, or a party leaving talks, hand over no ground
    ("The United States withdrew 300 troops from Saudi Arabia on Monday.", [("RETREAT", None)]),
    ("The opposition withdrew from the talks in Geneva on Monday.", [("RETREAT", None)]),
])
def test_forces_withdrawing_from_a_place_hand_it_over(code, text: str, expected: list) -> None:
    assert [e for e in coded(code(text)) if e[0] == "RETREAT"] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("On 3 May 2020, Al shabaab militants shot and killed a Govt soldier (off-duty) in Baidoa town.",
     [("ASSAULT", "Attack")]),
    ("On 3 May 2020, Al shabaab militants shot and killed a Govt soldier in Baidoa town.",
     [("ASSAULT", "Armed clash")]),
    # the modifier of "police" in "a retired police officer" holds for the officer
    ("Gunmen shot dead a retired police officer in Peshawar, Pakistan.", [("ASSAULT", "Attack")]),
])
def test_an_off_duty_soldier_is_a_civilian(code, text: str, expected: list) -> None:
    assert coded(code(text)) == expected


def test_a_militia_riots(code) -> None:
    events = code("Mungiki members continue to riot against the treatment of their members by police in Nairobi.")
    assert coded(events) == [("PROTEST", "Violent demonstration")]


@pytest.mark.parametrize("text", [
    "On 16 October in Vihiga, residents stormed streets carrying twigs and placards, demanding IEBC reforms.",
    "In solidarity, the residents of Kibera thronged the streets asking the Government to free him.",
])
def test_crowds_in_the_streets_protest(code, text: str) -> None:
    assert [e for e in coded(code(text)) if e[0] == "PROTEST"] == [("PROTEST", "Peaceful protest")]


def test_a_protest_verb_the_parser_hung_on_a_noun(code) -> None:
    events = code("Around 4 May 2020, in Motozinga, Chiapas, around 250 people who were called by social networks "
                  "protested in front of the Rural Solidarity Hospital.")
    assert coded(events) == [("PROTEST", "Peaceful protest")]


@pytest.mark.parametrize("text", [
    "On 8 May 2020, supporters of Malawi's opposition forces took to the streets chanting songs in Lilongwe.",
    "On 7 May 2020, about two hundred residents gathered in front of the delegation headquarters in Bouficha to "
    "support the local delegate.",
])
def test_crowds_that_gather_for_someone_protest(code, text: str) -> None:
    assert [e for e in coded(code(text)) if e[0] == "PROTEST"] == [("PROTEST", "Peaceful protest")]


def test_demonstrated_as_shown_is_no_protest(code) -> None:
    assert code("As demonstrated by the template examples just cited, the maps are easier to generate.") == []


def test_a_crowds_violence_answered_with_tear_gas_is_a_violent_demonstration(code) -> None:
    events = code("Rioters pelted motorists with stones in Makongeni. Police fire shots and tear gas.",
                  published="2010-01-01")
    assert coded(events) == [("ASSAULT", "Violent demonstration")]


@pytest.mark.parametrize(("text", "expected"), [
    # the crowd told again, on no other day and in no other place: one demonstration, a riot when it turned violent
    ("Jubilee supporters protested against the remarks of an MP on Monday. The protesters burnt tyres in Kiambu.",
     [("PROTEST", "Violent demonstration")]),
    ("Baringo county residents protested against attacks by bandits. The protesters marched through the county, "
     "ending in Kabarnet.", [("PROTEST", "Peaceful protest")]),
    # other crowds in other towns demonstrate on their own
    ("Students protested in Nairobi on Monday. Teachers protested in Kisumu.",
     [("PROTEST", "Peaceful protest"), ("PROTEST", "Peaceful protest")]),
])
def test_a_protest_told_again_is_one_event(code, text: str, expected: list) -> None:
    assert [e for e in coded(code(text, published="2017-09-26")) if e[0] in ("PROTEST", "ASSAULT")] == expected


def test_a_protests_grievance_told_again_is_neither_its_violence_nor_an_event(code) -> None:
    events = code("Mourners staged a protest outside the Naivasha mortuary over the killing of their relative. A "
                  "relative said the victim was killed after a business deal went sour.", published="2016-05-05")
    assert coded(events) == [("PROTEST", "Peaceful protest")]


def test_the_month_may_is_no_modal(code) -> None:
    events = code("Around 1 May 2020 (as reported), in Jundiai, Sao Paulo, motorcycle delivery workers protested. "
                  "Police fired tear gas to disperse them.", published="2020-05-04")
    assert [(e["acled_sub_event_type"], e["modality"]) for e in events] == [("Protest with intervention", "asserted")]


@pytest.mark.parametrize("text", [
    "Security measures: On 1 May 2020, the Turkish Government imposed a 3-day curfew in 31 provinces to curb "
    "the spread of the coronavirus.",
    "On 6 May 2020, Houthi authorities declared a 24-hour lockdown in 10 neighbourhoods of Sanaa.",
])
def test_curfews_and_lockdowns_are_security_measures(code, text: str) -> None:
    assert coded(code(text, published="2020-05-09")) == [("COERCE", "Change to group/activity")]


def test_smoke_grenades_are_no_grenade_attack(code) -> None:
    events = code("Police threw smoke grenades at protesters in Beirut on Friday.", published="2020-05-09")
    assert "Grenade" not in [e["acled_sub_event_type"] for e in events]


@pytest.mark.parametrize("text", [
    "On 7 May 2020, hundreds of locals held a protest in Kota city against the district administration over the "
    "inadequate distribution of ration after the administration extended curfew in the localities.",
    "On 7 May 2020, tour operators held a protest in Vlore against new regulations proposed by the Ministry of "
    "Tourism, which would prolong social distancing and impose a curfew.",
])
def test_a_curfew_a_protest_is_about_is_no_event_of_its_own(code, text: str) -> None:
    assert coded(code(text, published="2020-05-09")) == [("PROTEST", "Peaceful protest")]


@pytest.mark.parametrize("text", [
    # a clash whose sides go unnamed, beside protesters and tear gas: the protesters' riot, not a battle
    "Indonesian riot police fire tear gas to disperse student protesters during a clash outside parliament in "
    "Jakarta, Indonesia, Tuesday.",
    # what a crowd throws is no shell
    "Demonstrators threw rocks and other projectiles at the police in Santiago, Chile, on Tuesday.",
])
def test_crowds_clashing_and_throwing_riot(code, text: str) -> None:
    events = code(text, published="2019-11-20")
    assert [e["acled_sub_event_type"] for e in events if e["event_type"] == "ASSAULT"] == ["Violent demonstration"]


def test_an_arrest_by_rebels_is_an_abduction(code) -> None:
    # only the state arrests, in ACLED's terms; the PLOVER event stays a coercive arrest
    assert coded(code("On 5 May 2020, QSD arrested a number of young men in Mansura city in Ar-Raqqa countryside.",
                      published="2020-05-09")) == [("COERCE", "Abduction/forced disappearance")]
    assert coded(code("Police arrested 20 traders in Nairobi on Monday.", published="2020-05-09")) == \
        [("COERCE", "Arrests")]


@pytest.mark.parametrize(("text", "expected"), [
    # violence in who the crowd is, or in what went before, makes no riot
    ("200 survivors of the 2008 election violence in Kiambaa gathered to call on politicians to avoid hate "
     "speech.", "Peaceful protest"),
    # the crowd's own acts told in an "after" clause do
    ("Youth paralysed business on the Nairobi-Mombasa highway after they barricaded the road and lit fires in Voi "
     "to protest against discrimination in employment.", "Violent demonstration"),
])
def test_riot_words_of_the_crowds_past_or_its_name(code, text: str, expected: str) -> None:
    assert [e["acled_sub_event_type"] for e in code(text, published="2017-05-05")] == [expected]


def test_a_poison_gas_named_anywhere_in_the_sentence_is_a_chemical_weapon(code) -> None:
    events = code("On 2 February 2015, a Syrian government forces helicopter dropped two barrel bombs loaded with "
                  "cylinders containing a poison gas on farmland in the north of the country.", published="2015-02-05")
    assert [e["acled_sub_event_type"] for e in events if e["event_type"] == "ASSAULT"] == ["Chemical weapon"]



def test_a_mass_arrest_counts_without_its_agent(code) -> None:
    # eighty people arrested at once are an event though the text names no police; two suspects are not
    [event] = code("On 2 Aug 2018, over 80 traders were arrested in Kawangware, Nairobi, in an operation against "
                   "illegal structures.", published="2018-08-03")
    # the police, as ACLED codes an arrest whose maker goes unnamed
    assert (event["acled_sub_event_type"], event["source"]["name"], event["source"]["country"]) == \
        ("Arrests", "police", "KEN")
    assert coded(code("Two suspects were arrested in Nairobi for theft.", published="2018-08-03")) == []


def test_a_patrol_that_took_place_is_a_movement_of_forces(code) -> None:
    events = code("On 5 May 2020, a joint patrol by Turkish and Russian forces took place on the M4 highway near "
                  "Ariha in Idleb countryside.", published="2020-05-06")
    assert [(e["event_type"], e["acled_sub_event_type"]) for e in events] == [("MOBILIZE", "Change to group/activity")]
    assert code("The meeting took place in Ankara on Monday.") == []


def test_storming_out_of_a_building_is_a_walk_out(code) -> None:
    # "stormed out of the hospital ... and protested": a peaceful protest, not a riot
    events = code("On 1 May 2020, about 30 infected patients stormed out of the hospital in Uralsk city and protested "
                  "on the premises.", published="2020-05-02")
    assert coded(events) == [("PROTEST", "Peaceful protest")]


@pytest.mark.parametrize("text", [
    "On 6 May 2020, activists held a solidarity stand at the Ilya square in Sidon.",
    "On 6 May 2020, retired teachers held a protest stand in front of the Ministry of Finance in Beirut.",
])
def test_a_protest_stand_is_a_demonstration(code, text: str) -> None:
    assert coded(code(text, published="2020-05-07")) == [("PROTEST", "Peaceful protest")]


@pytest.mark.parametrize("text", [
    "Residents lit bonfires on the road in Kisumu on Monday.",
    "Protesters light fires amidst clouds of tear gas fired by police outside the university in Athens on Thursday.",
])
def test_a_crowd_lighting_fires_riots(code, text: str) -> None:
    assert [e[1] for e in coded(code(text, published="2020-11-20"))] == ["Violent demonstration"]


def test_a_truck_that_caught_fire_is_no_riot(code) -> None:
    events = code("Suspected rebels shot at a truck in Cagwait town, Philippines. The truck lit on fire.",
                  published="2011-11-04")
    assert coded(events) == [("ASSAULT", "Attack")]


def test_police_opening_fire_in_a_headline_read_as_an_adjective(code) -> None:
    # the model tags "open" as an adjective with a subject and an object: a verb
    events = code("Police open fire on youth assembling for a meeting in Limuru", published="2012-04-19")
    assert [(e["acled_sub_event_type"], e["source"]["name"]) for e in events if e["event_type"] == "ASSAULT"] == \
        [("Attack", "police")]


@pytest.mark.parametrize(("text", "source"), [
    ("Police seized 300 kilograms of cocaine hidden in a truck in Santos on Friday.", ("BRA", "COP")),
    ("On 3 May 2020, in Dourados, Mato Grosso do Sul, federal police forces seized two tons of marijuana.",
     ("BRA", "COP")),
    ("Soldiers destroyed a field of opium poppies in Helmand on Tuesday.", ("AFG", "MIL")),
])
def test_drugs_seized_by_the_state_are_a_strategic_seizure(code, text: str, source: tuple) -> None:
    # the drugs are a gang's goods: its unnamed owners are the target, "Unidentified Gang (X)" as ACLED codes them
    found = [e for e in code(text) if e["event_type"] == "COERCE"]
    assert [(e["mode"], e["acled_sub_event_type"], (e["source"]["country"], e["source"]["sector"]),
             (e["target"]["name"], e["target"]["country"], e["target"]["sector"])) for e in found] == \
        [("seize", "Looting/property destruction", source, ("unidentified gang", source[0], "CRM"))]


def test_a_clash_reporters_were_covering_is_no_side_of_the_assault_on_them(code) -> None:
    """'Police assault journalists covering a political clash': the clash is what they covered; the police attacked
    civilians (ACLED Attack), they fought nobody."""
    assert coded(code("Police assault journalists covering a political clash in Kibera")) == [("ASSAULT", "Attack")]


@pytest.mark.parametrize(("text", "expected"), [
    # an armed man who shoots a civilian in a quarrel attacks him; two armed sides still clash
    ("On 1 May 2020, a security guard fatally shot a man who was not wearing a face mask in Kimberley, Northern Cape, "
     "during an altercation over entry into a shop.", [("ASSAULT", "Attack")]),
    ("On 1 May 2020, a security guard fatally shot a robber in Kimberley, Northern Cape, during a shootout.",
     [("ASSAULT", "Armed clash")]),
])
def test_a_quarrel_with_a_civilian_is_no_battle(code, text: str, expected: list) -> None:
    assert coded(code(text)) == expected
