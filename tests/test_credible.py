"""Which weak triggers become events: people or groups taking part corroborate them, figures of speech do not."""

from __future__ import annotations

import pytest

from conftest import coded




@pytest.mark.parametrize(("text", "expected"), [
    ("Clashes between Kalenjin and Kikuyu tribes on Monday.", [("ASSAULT", "Armed clash")]),
    ("Police exchanged fire with raiders in Mandera on Monday.", [("ASSAULT", "Armed clash")]),
    ("There were intense firefights between Pokot militias and government forces near Olmaiso.",
     [("ASSAULT", "Armed clash")]),
    ("A man was shot dead in Salamanca on Monday.", [("ASSAULT", "Attack")]),
    ("On Monday, a mob pelted stones at the police in Dariyal town.", [("ASSAULT", "Mob violence")]),
    ("On Monday, entrepreneurs protested in Chernivtsi against the coronavirus lockdown.",
     [("PROTEST", "Peaceful protest")]),
    # a sport word that only names the kind of a place is no sport ("game reserve")
    ("Hundreds of protesters clashed with police to block the main road into the Masai Mara game reserve.",
     [("PROTEST", "Violent demonstration")]),
])
def test_people_taking_part_corroborate_a_weak_trigger(code, text: str, expected: list) -> None:
    assert coded(code(text)) == expected


@pytest.mark.parametrize("text", [
    "The drug fights the virus in the body.",
    "The pandemic has killed almost 1.4 million people.",
    "But loneliness can hit you like a bullet train.",
    "A few people would hack on Python 3 at weekends.",
    "Looking for a back-and-forth shootout on Saturday?",
    # a program's shell is launched in software, not at anyone
    "This will launch a Python shell in our command line, running inside the container.",
    # a natural disaster named in the plural is no attack
    "The death toll climbed to 66 after torrential rains and heavy floods hit parts of Japan.",
])
def test_figures_of_speech_stay_silent(code, text: str) -> None:
    assert [e for e in code(text) if e["event_type"] in ("ASSAULT", "PROTEST", "COERCE")] == []


@pytest.mark.parametrize(("text", "expected"), [
    # a blast someone claimed, or nobody did, is an attack
    ("On Thursday morning, in Davos, Switzerland, an explosion rocked a hotel. No casualties were reported and a group "
     "calling itself Revolutionary Perspective claimed responsibility for the attack.",
     [("ASSAULT", "Remote explosive/landmine/IED")]),
    # one burned synagogue, school or police station is an attack on it
    ("On Tuesday night, in Corfu, Greece, a Jewish synagogue was set on fire after an unknown number of individuals "
     "broke in.", [("ASSAULT", "Looting/property destruction")]),
    # a word of a body's name, or a team of known people, is no sport, weather or business
    ("On Sunday evening, in Imphal West district, Manipur, India, a hand grenade exploded at the residence of the "
     "Superintendent Engineer of the Irrigation and Flood Control Department.", [("ASSAULT", "Grenade")]),
    ("On Thursday, in Parsa, Nepal, unidentified militants assaulted a team of Rastriya Jana Morcha (RJM) activists.",
     [("ASSAULT", "Attack")]),
    ("A natural gas pipeline was bombed outside of Rastan within Homs, Syria.  No group claimed responsibility and no "
     "motive was stated.", [("ASSAULT", "Remote explosive/landmine/IED")]),
    # the subject and its verb the parser hung on the opening place list
    ("On Sunday, in the Zalingei area of Gharb Darfur, Sudan, armed militants fired upon a crowded market.",
     [("ASSAULT", "Attack")]),
    # clashes a community's name qualifies are fighting
    ("Around 2 May 2020, clan-based clashes erruped in and around Salahad (Salaxaad, Somali region), leaving dozens "
     "dead and more injured.", [("ASSAULT", "Armed clash")]),
    # verbs the parser hung as modifiers, and grenades launched
    ("On Friday, in Karachi, Pakistan, two armed men riding a motorcycle opened indiscriminate fire on an activist, "
     "who died on the spot.", [("ASSAULT", "Attack")]),
    ("On Thursday night, in Neiva, Colombia, members of the FARC launched a low intensity grenade at the Hotel Mar "
     "Azul.", [("ASSAULT", "Grenade")]),
    ("On Wednesday, in Darra Adam Khel, Pakistan, unknown militants launched mortar shells into a residential area.",
     [("ASSAULT", "Shelling/artillery/missile attack")]),
])
def test_attacks_the_context_hid(code, text: str, expected: list) -> None:
    assert coded(code(text, "2011-04-20")) == expected


def test_a_shooting_incident_is_an_event(code) -> None:
    events = code("A shooting incident in Kisumu left two people dead on Monday.", "2020-03-24")
    assert [(e["acled_sub_event_type"], e["fatalities"]) for e in events] == [("Attack", 2)]


def test_a_bomb_made_of_gas_canisters_is_no_accident(code) -> None:
    events = code("An explosive device made of gas canisters exploded outside of the office of Greek Justice Minister "
                  "Miltiadis Papaioannou in Athens, Attica, Greece.", "2011-12-14")
    assert coded(events) == [("ASSAULT", "Remote explosive/landmine/IED")]


def test_a_device_that_detonated_is_the_attack_that_planted_it(code) -> None:
    events = code("On Thursday, in Mosul, militants planted a roadside bomb, which detonated near a hospital, "
                  "wounding four security guards.")
    assert [(e["event_type"], e["injuries"]) for e in events] == [("ASSAULT", 4)]


def test_a_consequence_is_the_same_event(code) -> None:
    events = code("On Thursday, Maoists ambushed a security patrol, resulting in an exchange of fire.")
    assert [e["event_type"] for e in events] == ["ASSAULT"]


@pytest.mark.parametrize(("text", "expected"), [
    ("On Monday, students protested in Nairobi. They threw stones at the police.",
     [("PROTEST", "Violent demonstration")]),
    ("On Monday, traders protested in Kisumu. Police shot and injured two demonstrators.",
     [("PROTEST", "Excessive force against protesters")]),
    ("On Monday, teachers protested in Nairobi. The teachers had been striking for two weeks.",
     [("PROTEST", "Peaceful protest")]),
    ("On Monday, residents blocked a road in protest against the closure of a clinic in Nakuru.",
     [("PROTEST", "Peaceful protest")]),
])
def test_a_demonstration_and_the_violence_around_it_are_one_event(code, text: str, expected: list) -> None:
    assert coded(code(text)) == expected


def test_soldiers_killed_make_a_battle(code) -> None:
    assert coded(code("On Monday, Iraqi soldiers killed three Islamic State militants in Kirkuk.")) == [("ASSAULT", "Armed clash")]
    assert coded(code("On Monday, gunmen shot dead an off-duty soldier in Baidoa.")) == [("ASSAULT", "Attack")]


@pytest.mark.parametrize("text", [
    "On 4 May 2020, dozens of lecturers protested in Diwaniya city demanding solutions to their contract problems.",
    "Muslim clerics protest alleged corruption at courts in Mombasa.",
    "Street vendors gather to protest the killing of their donkeys in Nakuru.",
    "On 30 April 2020, a demonstration was held in Basmane quarter of Izmir.",
])
def test_protests_the_parser_or_the_topic_words_hid(code, text: str) -> None:
    assert [e["event_type"] for e in code(text)] == ["PROTEST"]


@pytest.mark.parametrize(("text", "expected"), [
    ("On 3 May 2020, rebel forces fired 82mm mortars, heavy machine guns and small arms at the governmental "
     "positions near Bohdanivka.", [("ASSAULT", "Armed clash")]),
    ("On 5 May 2020, rebel forces fired 82mm mortars and grenade launchers at the governmental positions near "
     "Pivdenne.", [("ASSAULT", "Shelling/artillery/missile attack")]),
    ("Vigilantes lynch a suspected robber in the Mukuru area.", [("ASSAULT", "Mob violence")]),
    ("Gunmen killed a policeman and abducted two traders in Beni on Monday.", [("ASSAULT", "Armed clash")]),
    ("On Monday, police shot dead two protesters in Kisumu.", [("ASSAULT", "Excessive force against protesters")]),
])
def test_acled_conventions_for_firefights_mobs_and_crowds(code, text: str, expected: list) -> None:
    assert coded(code(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Yemeni government forces captured on Monday the port of Mokha.", [("COERCE", "Government regains territory")]),
    ("Taliban militants captured a district in Kunduz province.", [("COERCE", "Non-state actor overtakes territory")]),
    ("Turkish forces have set up a new observation post in Idlib.", [("MOBILIZE", "Headquarters or base established")]),
    ("The police seized seven illegal firearms and over 200 rounds of ammunition.",
     [("COERCE", "Disrupted weapons use")]),
    ("A helicopter dropped containers of toxic gas on a town.", [("ASSAULT", "Chemical weapon")]),
    ("A cache of rifles and ammunition was found in a culvert near Garissa.", [("COERCE", "Disrupted weapons use")]),
    ("Forty pistols and 9,000 bullets were captured at a checkpoint in Gedo.", [("COERCE", "Disrupted weapons use")]),
    ("Police said a lot of weapons had been seized from the house.", [("COERCE", "Disrupted weapons use")]),
    ("Dozens of opposition activists were arrested in Dhaka on Sunday.", [("COERCE", "Arrests")]),
    ("Government troops captured three rebel camps in Abra province on Sunday.",
     [("COERCE", "Government regains territory")]),
    ("Rebel fighters surrendered to the army in Beni on Friday.", [("RETREAT", "Agreement")]),
    ("The former governor of Kisumu was arrested in Nairobi on Monday.", [("COERCE", "Arrests")]),
    ("Twelve soldiers joined the rebels in Rutshuru on Monday.", [("MOBILIZE", "Change to group/activity")]),
    ("Police clashed with gunmen in Garissa on Monday. Two suspects were arrested and a rifle was seized.",
     [("ASSAULT", "Armed clash")]),
    ("A panel of experts said the army carried out a chemical attack on the town in May.",
     [("ASSAULT", "Chemical weapon")]),
    ("Rebels shelled the town with mortars filled with chlorine gas on Monday.", [("ASSAULT", "Chemical weapon")]),
    ("Dozens of shops were looted in Durban on Monday.", [("ASSAULT", "Looting/property destruction")]),
    ("Gunmen attacked the village of Kamuny on Monday. Several houses were torched.", [("ASSAULT", "Attack")]),
    ("Russian police detained thousands of protesters on Sunday.", [("COERCE", "Protest with intervention")]),
    ("Police dispersed a crowd of demonstrators in Nairobi on Monday.",
     [("COERCE", "Protest with intervention")]),
    ("The guerrillas started peace talks with the government.", [("CONSULT", "Agreement")]),
])
def test_strategic_developments_and_their_acled_types(code, text: str, expected: list) -> None:
    assert coded(code(text)) == expected


@pytest.mark.parametrize("text", [
    "Two men were arrested in Mombasa on Sunday.",  # an ordinary arrest, by nobody named: not ACLED's
    "The team's attack was strong in the second half.",
    "Old houses were destroyed to make way for the new road.",  # a demolition, not an attack on property
    # a broadcaster ordered to go off air sets nothing off
    "On 5 May 2020, the National Telecommunications Commission in Quezon City ordered ABS CBN, the Philippines' "
    "largest broadcaster, to go off air.",
    # a household or industrial hazard that exploded, nobody said to have set it off, is an accident
    "Gas explosion at Bolivia Carnival kills 8, forty others are injured after a street vendor's cooking gas "
    "container exploded.",
    "A gas cylinder exploded in a restaurant in Lahore on Monday, killing three.",
    # workers on strike are who the workers are; a violent participle on a thing names a kind of the thing
    "But in the meantime, striking Stellantis workers, like those at Ford, will return to work.",
    "Firms specialize in various dimensions of the corporate raiding process, which includes armed guys.",
    # a hit squad or a hit list is a kind of squad or list
    "Three suspected members of the New People's Army who belonged to the Sparrow Unit hit squad approached Furio.",
])
def test_weak_triggers_without_corroboration_are_dropped(code, text: str) -> None:
    assert coded(code(text)) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("On 29 April 2020, in Zacatecas, a man was found dead.", [("ASSAULT", "Attack")]),
    ("A herder from Kabati sub location is discovered murdered by suspected rival-neighbours.",
     [("ASSAULT", "Attack")]),
    ("Police gunned down two suspected gang members in Nairobi on Monday.", [("ASSAULT", "Armed clash")]),
    ("At least 12 Afghan security personnel were killed following attacks by Taliban militants on 2 check points "
     "in Gardez city.", [("ASSAULT", "Armed clash")]),
    ("On 1 May 2020, the OSCE SMM observed a total of 15 shots involving small arms near Sentianivka.",
     [("ASSAULT", "Armed clash")]),
])
def test_killings_found_and_named_in_passing(code, text: str, expected: list) -> None:
    assert coded(code(text)) == expected


def test_an_unnamed_perpetrator_is_an_unidentified_armed_group_of_the_place(code) -> None:
    (ev,) = code("On Monday, two men were shot dead in Kisumu.")
    assert (ev["source"]["name"], ev["source"]["country"], ev["source"]["sector"]) == \
        ("unidentified armed group", "KEN", "UAF")


@pytest.mark.parametrize(("text", "expected"), [
    ("On 29 April 2020, in Teresina, a gang member was killed by two rival gang members.", [("ASSAULT", "Armed clash")]),
    ("On 12 March 2020, Taliban ambushed and killed the director of the traffic police department of Ghor.",
     [("ASSAULT", "Armed clash")]),
    ("On 5 May 2020, an intense shoot-out broke out in Niteroi and a suspect was shot and injured.",
     [("ASSAULT", "Armed clash")]),
])
def test_fights_with_gangs_police_and_shoot_outs_are_clashes(code, text: str, expected: list) -> None:
    assert coded(code(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Rival Labour Party and ODM supporters clash in Kisumu.", [("ASSAULT", "Mob violence")]),
    ("On 2 May 2020, a man was attacked and beaten to death by a group of men in Amethi.",
     [("ASSAULT", "Mob violence")]),
    ("Samburu and Borana herders clash over a water source.", [("ASSAULT", "Armed clash")]),
])
def test_crowds_riot_communities_fight(code, text: str, expected: list) -> None:
    assert coded(code(text)) == expected


def test_a_predicate_lost_after_a_long_place_prefix_still_counts(code) -> None:
    events = code("On Thursday morning around 0900, under the Koc overpass in Etiler neighborhood, the Levent sub "
                  "district of Istanbul, Turkey, a bicycle bomb detonated near a bus stop wounding eight people.")
    assert [(e["event_type"], e["injuries"]) for e in events] == [("ASSAULT", 8)]


@pytest.mark.parametrize("text", [
    "On Sunday morning, in Kalaboni, India, unidentified militants set a truck carrying sponge iron on fire.",
    "On Wednesday, in Nalchik, Russia, unidentified militants planted a one and a half kilogram roadside "
    "improvised explosive device.",
    "On Thursday, in Bara, Pakistan, unidentified militants used explosive devices to destroy a power pylon.",
])
def test_property_attacks_of_terrorism_reports(code, text: str) -> None:
    assert [e["event_type"] for e in code(text)] == ["ASSAULT"]


@pytest.mark.parametrize(("text", "expected"), [
    ("On 29 April 2020, a group demonstrated by throwing stones in Ankaraobato.", [("PROTEST", "Violent demonstration")]),
    ("Taxi drivers violently protest the advent of Uber in Nairobi.", [("PROTEST", "Violent demonstration")]),
    ("Cooperative farmers in Naivasha burn several houses in protest over land division.",
     [("PROTEST", "Violent demonstration")]),
    ("Police clash with electoral commission protesters in Kakamega.", [("ASSAULT", "Violent demonstration")]),
])
def test_violent_demonstrations(code, text: str, expected: list) -> None:
    assert coded(code(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Muslims protest alleged police harassment in Mombasa.", [("PROTEST", "Peaceful protest")]),
    ("A police officer was on Wednesday night shot dead by thugs in Kahawa West.", [("ASSAULT", "Attack")]),
])
def test_headline_grammar(code, text: str, expected: list) -> None:
    assert coded(code(text)) == expected


@pytest.mark.parametrize("text", [
    "MUHURI stages demonstration against ongoing violence in Tana River delta.",
    "Maungu residents in Voi protested against the extraction of stones from Marasi Hill.",
])
def test_a_riot_word_in_the_grievance_does_not_make_a_riot(code, text: str) -> None:
    assert coded(code(text)) == [("PROTEST", "Peaceful protest")]


@pytest.mark.parametrize("text", [
    "On 30 April 2020, Islah-affiliated military forces forcibly disappeared a street vendor in Taizz.",
    "Al Shabaab continues to hold hostages for the third day in the Westgate Mall.",
])
def test_forced_disappearances_and_hostages(code, text: str) -> None:
    assert coded(code(text)) == [("ASSAULT", "Abduction/forced disappearance")]


@pytest.mark.parametrize(("text", "expected"), [
    ("11 killed by raiders in Turkana on Monday.", [("ASSAULT", "Attack")]),
    # vigilantes killing a suspect are a mob to ACLED ("Rioters", mob violence), and the theft is no event
    ("A man is killed by a band of vigilantes over suspected theft.", [("ASSAULT", "Mob violence")]),
    ("Rioting after the controversial announcement of the election results.", [("PROTEST", "Violent demonstration")]),
])
def test_headline_counts_theft_and_rioting(code, text: str, expected: list) -> None:
    assert coded(code(text)) == expected


@pytest.mark.parametrize("text", [
    "Protesters from West Pokot demonstrate over land issues",  # the tagger reads the verb as a noun
    "Clinical officers in Narok County staged demonstrations demanding promotions.",  # health workers, not police
    "On 29 April 2020, around 30 people protested in Chisinau against the high penalty fees, demanding the "
    "authorities restart the economy.",  # a crowd protesting about the economy is still a crowd
    "On 30 April 2020, in Porto Alegre, residents banged pots against President Jair Bolsonaro.",
    "On 28 April 2020, local villagers staged a road blockade at Srimantapur.",
])
def test_protests_the_filters_hid(code, text: str) -> None:
    assert coded(code(text)) == [("PROTEST", "Peaceful protest")]


@pytest.mark.parametrize("text", [
    "I am ecstatic the community is finally rallying around Python 3!",
    "What it demonstrates is the dynamism of a free economy, free people.",
    "Israel maintains a naval blockade of Gaza.",
    "On Monday, in Baghdad, unidentified gunmen opened fire on the motorcade of a ministry's director-general.",
])
def test_figurative_rallies_stay_silent(code, text: str) -> None:
    assert [e for e in coded(code(text)) if e[0] == "PROTEST"] == []


def test_a_team_of_police_is_no_sports_team(code) -> None:
    text = ("On 7 May 2020, a joint team of police and army arrested seven militants of Kamatapur Liberation "
            "Organization (KLO) during an operation in Kokrajhar.")
    assert ("COERCE", "Arrests") in coded(code(text))


@pytest.mark.parametrize("text", [
    "A boy stepped on a landmine in Kandahar on Monday.",
    "A police truck ran over an IED planted in the road near Mandera on Monday.",
])
def test_explosives_set_off_by_a_foot_or_a_vehicle(code, text: str) -> None:
    assert coded(code(text)) == [("ASSAULT", "Remote explosive/landmine/IED")]


@pytest.mark.parametrize("text", ["He ran over the numbers again.", "She drove over to the mine office."])
def test_running_over_is_not_always_a_blast(code, text: str) -> None:
    assert code(text) == []


def test_a_killing_told_with_its_killer_is_an_event_though_it_describes_a_noun(code) -> None:
    # "shot dead by police" hangs on the subject of another verb, yet says who killed whom
    events = code("A trader shot dead by police in Eldoret on Monday was buried on Friday.", published="2008-01-10")
    assert coded(events) == [("ASSAULT", "Attack")]
    assert (events[0]["source"]["sector"], events[0]["fatalities"]) == ("COP", 1)


def test_an_attempt_told_as_what_happened_is_an_event(code) -> None:
    # the attack was tried: an event (GTD and PLOVER code failed attacks); a purpose is not
    events = code("An attempt to assassinate the deputy governor of the Tyumen region was thwarted in "
                  "Khanty-Mansiysk on Monday.")
    assert coded(events) == [("ASSAULT", "Attack")] and events[0]["mode"] == "targeted"
    assert code("Police used tear gas in an attempt to disperse the crowd of rioters.") == []


def test_weapons_seized_and_land_taken_are_exported_with_the_plover_mode_seize(code) -> None:
    seized = [(e["event_type"], e["mode"], e["acled_sub_event_type"])
              for e in code("A cache of rifles and ammunition was found in a culvert near Garissa.")]
    assert seized == [("COERCE", "seize", "Disrupted weapons use")]
