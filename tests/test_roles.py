"""Who did what to whom: the source and target the extractor reads around a trigger, one construction per case."""

from __future__ import annotations

import pytest


def actor(ev: dict, role: str) -> tuple[str | None, str | None] | None:
    """(country, sector) of an event's source or target."""
    found = ev[role]
    return None if found is None else (found["country"], found["sector"])


def only(events: list[dict], event_type: str) -> dict:
    found = [e for e in events if e["event_type"] == event_type]
    assert len(found) == 1, [(e["event_type"], e["source"], e["target"]) for e in events]
    return found[0]


@pytest.mark.parametrize(("text", "event_type", "source", "target"), [
    # the parser makes a trailing weekday the head of the name before it
    ("Egypt's foreign minister met with Jordanian Prime Minister Bisher Khasawneh Monday in Amman.",
     "CONSULT", ("EGY", "GOV"), ("JOR", "GOV")),
    # an event noun in a circumstance phrase takes the verb's subject and object
    ("Somali troops engaged Kenyan police in a gunfight near the border on Friday.",
     "ASSAULT", ("SOM", "MIL"), ("KEN", "COP")),
    # receiving from someone is their act towards the receiver
    ("Ukrainian farmers received assurances from the Polish government.", "AGREE", ("POL", "GOV"), ("UKR", "AGR")),
    # an allegation is aimed at the subject of what it alleges
    ("The report alleged that Sudan had armed the militias.", "ACCUSE", None, ("SDN", "GOV")),
    # arrest warrants are for someone, even when the parser hangs 'for' on the light verb
    ("A judge in Peru has issued arrest warrants for three Chilean men.", "COERCE", ("PER", "JUD"), ("CHL", "CVL")),
    # a headline's passive without its auxiliary: the subject is the victim, the unnamed shooter a local group
    ("Police reservist shot dead while patrolling market in Isiolo", "ASSAULT", ("KEN", "UAF"), ("KEN", "COP")),
    # who engaged in a fight is its side
    ("On 30 April 2020, the Cameroonian military engaged in a fire fight with Ambazonian separatists in Bafut.",
     "ASSAULT", ("CMR", "MIL"), ("CMR", "REB")),
    # ... and with a verb whose object is always its victim, told with its circumstance
    ("Two herders killed in banditry attack in Isiolo", "ASSAULT", ("KEN", "UAF"), ("KEN", "AGR")),
    # a victim verb joined to a headline's passive shares its subject, the victim
    ("1 priest dragged from his car and killed in Eldoret.", "ASSAULT", ("KEN", "UAF"), ("KEN", "REL")),
    # a headline's passive whose joined participle names the agent: the subject is the victim
    ("Two traders ambushed and killed by robbers in Eldoret.", "ASSAULT", ("KEN", "CRM"), ("KEN", "BUS")),
    # a past participle on a noun: the noun is what it was done to
    ("Suspected Mungiki members killed after carjacking.", "ASSAULT", ("KEN", "UAF"), ("KEN", "PRM")),
    # a singular common noun is the actor its plural names
    ("A trader was shot dead by police in Eldoret.", "ASSAULT", ("KEN", "COP"), ("KEN", "BUS")),
    # a document issued in a country speaks for it
    ("A report published on Monday in the Kenyan capital accused Somalia of hosting the militants.",
     "ACCUSE", ("KEN", None), ("SOM", "GOV")),
    # a promise is made to whom what is promised goes to or is done with
    ("Finland will give Tanzania a grant of 580 million shillings over the next three years.",
     "AGREE", ("FIN", "GOV"), ("TZA", "GOV")),
    ("European Union ministers agreed in principle on Friday to provide about 40 million dollars of aid for Moldova.",
     "AGREE", ("EUR", "IGO"), ("MDA", "GOV")),
    ("On September 29, Putin offered to negotiate with the president of Armenia.", "AGREE", ("RUS", "GOV"),
     ("ARM", "GOV")),
    # a refusal or concession concerns whom what is refused or given up names
    ("The Kenyan president refused to meet Uganda's visiting President Museveni in Mombasa.", "REJECT",
     ("KEN", "GOV"), ("UGA", "GOV")),
    ("Palestinian Prime Minister Ismail Haniyeh has refused to respond to a demand from the US President.", "REJECT",
     ("PSE", "GOV"), ("USA", "GOV")),
    # an inquiry is aimed at the doer of the deed it looks into
    ("Serbian military police have launched an investigation into alleged crimes committed by Croat forces.",
     "ACCUSE", ("SRB", "COP"), ("HRV", "MIL")),
    ("Police opened an investigation into the killing of a journalist by soldiers in Lagos.", "ACCUSE",
     ("NGA", "COP"), ("NGA", "MIL")),
    ("The Israeli government is refusing to lift the curfew on Palestinians in Hebron.", "REJECT", ("ISR", "GOV"),
     ("PSE", None)),
    ("The Angolan president conceded on Monday to demands from UNITA to overhaul the judiciary.", "CONCEDE",
     ("AGO", "GOV"), ("AGO", "REB")),
    # a threat is aimed at whom the threatened act names
    ("Angry youths threatened to attack the election officials, calling them traitors.", "THREATEN",
     (None, "CVL"), (None, "GOV")),
    ("Al-Qaeda has threatened to deliver devastating blows to the United States and Israel.", "THREATEN",
     ("IMG", "REB"), ("USA", "GOV")),
    # a measure halted or cancelled applies to whom its object names
    ("A French minister has cancelled a planned visit to Haiti after a state of siege was declared.", "SANCTION",
     ("FRA", "GOV"), ("HTI", "GOV")),
    # an administrator is the government's, whatever place they run
    ("Gunmen shot and killed the chief administrator of Dur Baba in Nangarhar on Friday.", "ASSAULT",
     ("AFG", "UAF"), ("AFG", "GOV")),
    # ... but a denial is of a deed, whose receivers are no party to it
    ("The Iranian government denied sending parts for drones to the rebels.", "REJECT", ("IRN", "GOV"), None),
    # a finite verb the parser hung on the noun before it is that noun's predicate
    ("On 3 June 2021, Indian nationals clashed with Nepal police in Jhapa.", "ASSAULT", ("IND", "CVL"),
     ("NPL", "COP")),
    # attacks waged are the waging side's ("waged" is not the verb "wag")
    ("On 3 June 2021, pro-government forces waged two attacks against Houthi fighters in Hays, Al Hudaydah.",
     "ASSAULT", ("YEM", "MIL"), ("YEM", "REB")),
    # what is offered goes to whom "to" names
    ("Iran offered talks to the United States on Tuesday.", "AGREE", ("IRN", "GOV"), ("USA", "GOV")),
    # the doers named before the act a headline tells
    ("A vigilante mob attack and kill a robbery suspect in Embu.", "ASSAULT", ("KEN", "CVL"), ("KEN", "CVL")),
    ("A bandit attack left two herders dead in Baringo.", "ASSAULT", ("KEN", "CRM"), ("KEN", "AGR")),
    # a curfew is aimed at the people of its place; a state's dealing at a place abroad, at that place's state
    ("Turkish authorities imposed a curfew in the town of Cizre on Tuesday.", "COERCE", ("TUR", "GOV"),
     ("TUR", "CVL")),
    ("Sri Lanka has established diplomatic ties with and opened an embassy in Tehran, the ministry said on Monday.",
     "SUPPORT", ("LKA", "GOV"), ("IRN", "GOV")),
    # ... but an armed group's takeover of a town is no dealing with the town's state
    ("Al Shabaab forces briefly took over Basuba in Lamu County.", "COERCE", ("SOM", "REB"), None),
    # the subject of the light verb after an opening place list: the noun hung on the list's last place
    ("On 1 May 2020, in Trujillo, La Libertad, health workers from Belen de Trujillo hospital staged a demonstration "
     "outside the hospital.", "PROTEST", ("PER", "MED"), ("PER", "GOV")),
    # demonstrators named by a body the dictionary does not know are a crowd of civilians
    ("On 1 May 2020, INC staged a roof top protest in Amritsar against the central government.", "PROTEST",
     ("IND", "CVL"), ("IND", "GOV")),
    # a person's title written at another mention of the name holds at this one
    ("On Wednesday night, in Batikot district of Nangarhar, Afghanistan, Taliban militants broke into the home of "
     "Sayed Hakim, a senior police officer. The militants fired on and killed Sayed Hakim.", "ASSAULT",
     ("AFG", "UAF"), ("AFG", "COP")),
    # ... and the surname alone names them again
    ("Unidentified gunmen shot and killed Khwaja Mohammad Ibrahim in Kabul city, Afghanistan. Ibrahim, a prosecutor "
     "for the Criminal Justice Task Force, was shot twice in the head.", "ASSAULT", ("AFG", "UAF"), ("AFG", "JUD")),
    # a name the model did not read as a person, with a title after it: the title's
    ("Kenzo Oshima, the United Nations Emergency Relief Coordinator, demanded parties to the conflict in Iraq to "
     "allow humanitarian workers the freedom of movement.", "REQUEST", ("UNO", "IGO"), ("IRQ", "PTY")),
    # who issued a statement or a declaration says what it says
    ("The rebel Kurdistan Workers' Party issued a declaration demanding that the Turkish government provide "
     "information on its leader.", "REQUEST", ("TUR", "REB"), ("TUR", "GOV")),
    # staff of a state body the dictionary knows are that body; a vehicle full of people is theirs
    ("An unidentified gunman shot at a vehicle full of employees of the National Directorate of Security (NDS) in "
     "Chaparhar District, Nangarhar province, Afghanistan.", "ASSAULT", ("AFG", "UAF"), ("AFG", "SPY")),
    ("Approximately 50 militants ambushed members of the Frontier Corps in Orakzai agency, Pakistan.", "ASSAULT",
     ("PAK", "UAF"), ("PAK", "MIL")),
    # a former soldier or policeman is a civilian
    ("Gunmen killed a former policeman in Mosul on Monday.", "ASSAULT", ("IRQ", "UAF"), ("IRQ", "CVL")),
    # men named by their tribe are civilians when attacked, a communal militia when they attack
    ("In Mohmand, Pakistan, unidentified militants planted a roadside landmine, killing two tribesmen.", "ASSAULT",
     ("PAK", "UAF"), ("PAK", "CVL")),
    ("Suspected local tribesmen attack a police post in Kapedo. Five dead, including three police officers.",
     "ASSAULT", ("KEN", "PRM"), ("KEN", "COP")),
    # a passive joined to an active verb shares none of its roles: the police detained, they did not block
    ("On 6 May 2020, the group was blocking a street in Rosario and were detained by the police.", "PROTEST",
     ("ARG", "CVL"), ("ARG", "COP")),
])
def test_roles(code, text: str, event_type: str, source: tuple | None, target: tuple | None) -> None:
    ev = only(code(text), event_type)
    assert (actor(ev, "source"), actor(ev, "target")) == (source, target)


def test_passive_subject_of_a_control_verb_acts(code) -> None:
    """'X is scheduled to attend': X attends (no agent can be meant)."""
    ev = only(code("Germany is scheduled to attend a summit in Brussels."), "CONSULT")
    assert actor(ev, "source") == ("DEU", "GOV")


def test_passive_subject_acts_in_an_active_conjunct(code) -> None:
    """'was indicted by the court and will resign': the indicted resigns, not the court."""
    ev = only(code("Serbia's defence minister was indicted by the United Nations tribunal and will resign."),
              "RETREAT")
    assert actor(ev, "source") == ("SRB", "GOV")


def test_the_victim_of_a_passive_does_not_do_what_is_done_to_him(code) -> None:
    """'X was killed ... when men approached X and shot him': the men shoot, not X (one attack, on X)."""
    events = code("On Wednesday night, in Poblacion village, Barcelona, Sorsogon, Philippines, an off-duty police "
                  "officer, Antonio Furio, was killed in a small-arms attack while attending his high school reunion "
                  "when three suspected members of the New People's Army (NPA) who belonged to the Sparrow Unit hit "
                  "squad approached Furio and shot him several times.", published="2011-05-19")
    assert [(e["event_type"], e["target"]["name"], e["fatalities"]) for e in events] == \
        [("ASSAULT", "police officer", 1)]


@pytest.mark.parametrize(("text", "event_type", "source", "target"), [
    # two coordinated subjects of a joint event: the second is the first's counterpart
    ("Chile and Argentina held talks on Monday.", "CONSULT", ("CHL", "GOV"), ("ARG", "GOV")),
    # a thing that belongs to a country: the act is aimed at the country (a village: its people, civilians), and
    # the unplaced rebels are of the country where it happened, as ACLED codes local actors
    ("Rebels shelled a Libyan village on Monday.", "ASSAULT", ("LBY", "REB"), ("LBY", "CVL")),
    # claiming someone else's attack is an allegation against them
    ("Iran claimed that Israel had attacked its embassy.", "ACCUSE", ("IRN", "GOV"), ("ISR", "GOV")),
    # help given, with an object and no purpose clause, is aid
    ("Norway helped the refugees from Sudan.", "AID", ("NOR", "GOV"), ("SDN", "REF")),
    # evidence against someone accuses them
    ("Evidence against Syria was presented to the council.", "ACCUSE", None, ("SYR", "GOV")),
    # pressure someone faces from another is that other's demand
    ("Kenya faces pressure from Uganda to reopen the border.", "REQUEST", ("UGA", "GOV"), ("KEN", "GOV")),
    # people of a demonym living in another country belong to that country
    ("The Serbs of northern Kosovo demanded autonomy.", "REQUEST", ("XKX", None), None),
])
def test_roles_of_verbal_events(code, text: str, event_type: str, source: tuple | None, target: tuple | None) -> None:
    ev = only(code(text), event_type)
    assert (actor(ev, "source"), actor(ev, "target")) == (source, target)


@pytest.mark.parametrize(("text", "source"), [
    # the aircraft or drone that strikes is its country's forces
    ("A US aircraft conducted an air strike on Al Shabaab militants near Jilib on Monday.", ("USA", "MIL")),
    ("A Turkish drone attacked a military post in Ain al Arab on Monday.", ("TUR", "MIL")),
    ("Afghan military helicopters struck a Taliban compound in Kunduz on Monday.", ("AFG", "MIL")),
])
def test_a_countrys_aircraft_are_its_forces(code, text: str, source: tuple) -> None:
    assert actor(only(code(text), "ASSAULT"), "source") == source


def test_a_passenger_aircraft_is_no_force(code) -> None:
    ev = only(code("Militants shot down a passenger aircraft near Kabul on Monday."), "ASSAULT")
    assert actor(ev, "target") == ("AFG", "CVL")


def test_a_label_opening_a_note_is_no_subject(code) -> None:
    # "Movement of forces:" must not become the subject of the sentence it heads
    ev = only(code("Movement of forces: On 2 May 2020, Russian military police brought reinforcements to the town "
                   "of Maadan in Ar-Raqqa."), "MOBILIZE")
    assert actor(ev, "source") == ("RUS", "MIL")


@pytest.mark.parametrize(("text", "source"), [
    # youths are civilians, as ACLED codes a crowd of them; armed youths are an armed group
    ("Youths destroy ballot boxes at the polling centre in Kisumu.", (None, "CVL")),
    ("Armed youths attacked journalists in Kakamega on Monday.", (None, "UAF")),
])
def test_youths_are_a_crowd_unless_armed(code, text: str, source: tuple) -> None:
    ev = only(code(text), "ASSAULT")
    assert (None, ev["source"]["sector"]) == source


def test_a_passive_subject_hung_on_the_opening_place_list_is_the_target(code) -> None:
    # the parser makes "a police officer" an apposition of "Guerrero", leaving "was attacked" with no subject
    ev = only(code("On 2 May 2020, on the road that connects Iguala to Huitzuco, Guerrero, a police officer from "
                   "Huitzuco was attacked."), "ASSAULT")
    assert (actor(ev, "target"), ev["acled_sub_event_type"]) == (("MEX", "COP"), "Armed clash")


def test_a_predicate_read_as_a_modifier_of_the_root_noun_has_that_noun_for_subject(code) -> None:
    # the parser makes "forces" the root and "brought" its modifier; a modifier takes no object, so it is the predicate
    ev = only(code("On 9 May 2020, regime forces brought in military reinforcements to southern Syria."), "MOBILIZE")
    assert actor(ev, "source") == ("SYR", "MIL")


@pytest.mark.parametrize(("text", "event_type", "target"), [
    # whom a statement is made to, or whose demand it answers, hangs on its object
    ("Serbia lodged an official protest with Albania today.", "ACCUSE", ("ALB", "GOV")),
    ("The Albanians of southern Serbia are demanding autonomy from Serbian authorities.", "REQUEST",
     ("SRB", "GOV")),
    ("The Mozambique government on Thursday accepted demands from Shona rebels.", "CONCEDE", ("MOZ", "REB")),
    # a visit abroad is made to its host country
    ("Iraqi President Saddam Hussein arrived in Amman on a previously unannounced visit on Wednesday.", "CONSULT",
     ("JOR", "GOV")),
    # the one asked to act; the receiver of aid
    ("The PRC on Tuesday demanded that the US cancel plans to sell weapons to Taiwan.", "REQUEST", ("USA", "GOV")),
    ("The European Community on Monday gave the Ivory Coast 5.1 million dollars of aid.", "AID", ("CIV", "GOV")),
    ("Peru has granted diplomatic asylum to five Panamanian army officers.", "AID", ("PAN", "MIL")),
    # whose act or word a statement answers
    ("Russia condemned North Korea's test of a hydrogen bomb on Sunday.", "ACCUSE", ("PRK", "GOV")),
    ("Berlin rejected Iran's offer of talks on Monday.", "REJECT", ("IRN", "GOV")),
    ("Berlin rejected recent calls by Belarus's rulers for immediate economic aid.", "REJECT", ("BLR", "GOV")),
    ("The German government today welcomed President Reagan's latest policy statement.", "SUPPORT", ("USA", "GOV")),
    # whom the links, talks or aid cut were with or for, named by a noun or a verb
    ("Italy announced a suspension of air links with Serbia on Wednesday.", "SANCTION", ("SRB", "GOV")),
    ("The European Union froze talks with Turkey on Monday.", "SANCTION", ("TUR", "GOV")),
    # a measure lifted where the clause applies it
    ("Serbia lifted a night curfew in Montenegro on Sunday.", "CONCEDE", ("MNE", "GOV")),
])
def test_the_addressee_of_a_verbal_event(code, text: str, event_type: str, target: tuple) -> None:
    assert actor(only(code(text, published="1999-01-01"), event_type), "target") == target


@pytest.mark.parametrize(("text", "target"), [
    ("A member of the Syrian parliament started a hunger strike yesterday to protest President Assad's failure to "
     "usher in reforms.", ("Bashar al-Assad", "SYR", "GOV")),
    ("Hundreds of thousands of people blocked streets in Hong Kong in defiance of Chinese authorities.",
     ("authorities (CHN)", "CHN", "GOV")),
    ("Egyptian demonstrators rioted following a demonstration calling for the immediate removal of President Hosni "
     "Mubarak from office.", ("Hosni Mubarak", "EGY", "GOV")),
    ("Demonstrators in Baghdad blocked a road to show their disapproval for the United States' military policies.",
     ("United States", "USA", "GOV")),
])
def test_a_protest_is_aimed_at_the_authority_named_in_its_aim(code, text: str, target: tuple) -> None:
    ev = only(code(text, published="1999-01-01"), "PROTEST")
    assert (ev["target"]["name"], ev["target"]["country"], ev["target"]["sector"]) == target


def test_a_protest_met_by_the_police_faces_the_police_whatever_it_protested(code) -> None:
    # ACLED's protest with intervention: the protesters against the police that intervened, not against the president
    ev = only(code("On 5 May 2020, tens of people protested in Mogilev, demanding the resignation of president "
                   "Lukashenka. The police dispersed the protesters."), "PROTEST")
    assert (ev["acled_sub_event_type"], ev["target"]["name"], actor(ev, "target")) == \
        ("Protest with intervention", "police", ("BLR", "COP"))


def test_a_demand_about_a_thing_names_no_addressee(code) -> None:
    events = code("Veterans protested in Kyiv, demanding that the Ukrainian language is obligatory in all schools.",
                  published="2020-05-01")
    assert [e["target"]["name"] for e in events if e["event_type"] == "PROTEST"] == ["Ukraine"]


@pytest.mark.parametrize(("text", "source"), [
    ("Quatar's emir launched a mediation effort on Saturday between the Emirates and Saudi Arabia.", "GOV"),
    ("Arab League Secretary General Chadli Klibi undertook a mediation mission between Syria and the PLO.", "IGO"),
])
def test_an_effort_named_by_its_kind_of_talks_is_talks(code, text: str, source: str) -> None:
    # the talks word modifies the effort, which bears the roles: the one who launched it mediates
    [event] = code(text, published="1999-01-01")
    assert (event["event_type"], event["mode"], event["source"]["sector"]) == ("CONSULT", "third-party", source)


def test_a_name_before_a_comma_in_the_opening_place_list_is_no_subject(code) -> None:
    # the parser makes "Sul" (untyped by the model) a second subject of "seized"
    ev = only(code("On 3 May 2020, in Dourados, Mato Grosso do Sul, federal police forces seized two tons of "
                   "marijuana."), "COERCE")
    assert (ev["source"]["name"], actor(ev, "source")) == ("police forces", ("BRA", "COP"))


@pytest.mark.parametrize(("text", "name"), [
    ("Boda boda riders beat to death a man in Embu on Monday.", "boda boda riders"),
    ("Taxi drivers blocked the main road in Arica on Thursday to protest the lockdown.", "taxi drivers"),
])
def test_transport_workers_are_labour(code, text: str, name: str) -> None:
    ev = code(text)[0]
    assert (ev["source"]["name"], ev["source"]["sector"]) == (name, "LAB")


def test_a_traditional_ruler_is_a_civilian_as_acled_codes_one(code) -> None:
    ev = only(code("On 30 April 2020, unidentified gunmen abducted a second-class traditional ruler of Ugah community "
                   "from his home in Ugah, near Lafia (Nasarawa)."), "ASSAULT")
    assert (ev["target"]["name"], actor(ev, "target")) == ("traditional ruler", ("NGA", "CVL"))


@pytest.mark.parametrize(("text", "target"), [
    ("Gunmen shot dead a commander of the Taliban in Kunduz on Monday.", ("Taliban", "AFG", "REB")),
    ("Gunmen shot dead the leader of Hamas in Gaza on Monday.", ("Hamas", "PSE", "REB")),
    # a group with no sector leaves the person's own noun
    ("Gunmen shot dead an official of the village in Kunduz on Monday.", ("official", "AFG", "GOV")),
])
def test_a_place_in_a_group_is_that_groups(code, text: str, target: tuple) -> None:
    ev = only(code(text), "ASSAULT")
    assert (ev["target"]["name"], ev["target"]["country"], ev["target"]["sector"]) == target


@pytest.mark.parametrize(("text", "source"), [
    ("On 4 May 2020, members of the Rehabilitation Employees' Union protested in Ludhiana demanding their salaries.",
     ("Rehabilitation Employees' Union", "LAB")),
    ("On 7 May 2020, employees of the Briga Petroleum Marketing Company protested in Tobruk over unpaid salaries.",
     ("Briga Petroleum Marketing Company", "BUS")),
])
def test_an_unknown_organisation_takes_the_sector_of_the_body_its_name_ends_in(code, text: str, source) -> None:
    ev = only(code(text), "PROTEST")
    assert (ev["source"]["name"].removeprefix("the "), ev["source"]["sector"]) == source


@pytest.mark.parametrize(("text", "source", "target"), [
    # the driver of a car bomb is its attacker, and what it was driven into is the target
    ("On Monday, in Karachi, Pakistan, a Tehrik-e-Taliban Pakistan (TTP) militant drove a suicide vehicle-borne "
     "improvised explosive device (SVBIED) into the residence of a senior police officer.",
     ("Tehreek-e-Taliban Pakistan", "PAK", "REB"), ("police officer", "PAK", "COP")),
    # a patrol that drives over a mine is its victim
    ("A police patrol drove over a landmine near Kandahar, Afghanistan, on Monday.",
     None, ("police", "AFG", "COP")),
])
def test_who_carries_a_bomb_attacks_and_who_drives_over_one_is_hit(code, text: str, source, target) -> None:
    ev = only(code(text), "ASSAULT")
    named = [None if ev[role] is None or ev[role]["sector"] == "UAF" else
             (ev[role]["name"], ev[role]["country"], ev[role]["sector"]) for role in ("source", "target")]
    assert named == [source, target]


def test_a_passive_after_after_was_done_to_the_main_clauses_subject(code) -> None:
    ev = only(code("Around 7 May 2020, ANDSF forces suffered casualties after being hit by a Taliban-planted IED in "
                   "Charkh district, Logar."), "ASSAULT")
    assert (ev["source"]["name"], ev["target"]["name"], ev["target"]["sector"], ev["acled_sub_event_type"]) == \
        ("Taliban", "forces", "MIL", "Remote explosive/landmine/IED")


def test_an_outcome_told_from_the_ambushed_side_gives_the_ambush_its_attackers(code) -> None:
    ev = only(code("Kenyan forces claim to kill three al Shabaab after being ambushed in Lamu on Monday."), "ASSAULT")
    assert (ev["source"]["name"], ev["target"]["name"]) == ("al-Shabaab", "Kenya Defence Forces")


@pytest.mark.parametrize(("text", "event_type", "source", "target"), [
    # whom a site is for is whom it holds: an attack on refugees (ACLED: violence against civilians)
    ("Burundian militiamen attacked a camp for Congolese refugees, killing at least 156 people.",
     "ASSAULT", ("BDI", "PRM"), ("COD", "REF")),
    # what is taken is taken from someone
    ("Palestinian police in Jericho confiscated weapons and explosives from Palestinian armed groups on Friday.",
     "COERCE", ("PSE", "COP"), ("PSE", "UAF")),
    # a date the parser made a subject is no actor
    ("Around 1 May 2020, during a one week raid, the military forces allegedly killed 22 Ambazonian separatists in "
     "Bafut town (Mezam, Nord-Ouest).", "ASSAULT", ("CMR", "MIL"), ("CMR", "REB")),
])
def test_sites_seizures_and_dates_before_the_subject(code, text: str, event_type: str, source, target) -> None:
    events = [e for e in code(text) if e["event_type"] == event_type]
    assert [(actor(e, "source"), actor(e, "target")) for e in events][:1] == [(source, target)]


@pytest.mark.parametrize(("text", "source", "target"), [
    # two sides named by their modifiers of one noun
    ("On 9 May 2020, a clash between GNA and LNA forces, involving heavy artillery fire, was reported in Salah "
     "Aldeen (Tripoli).", ("Government of National Accord", "LBY", "MIL"), ("Libyan National Army", "LBY", "MIL")),
    ("On 8 May 2020, clashes took place between QSD and Turkish forces near Darbasiyah in al-Hasakeh.",
     ("Syrian Democratic Forces", "SYR", "REB"), ("Turkish Armed Forces", "TUR", "MIL")),
    # the subject the parser chained onto the opening place list, with its partner
    ("On 7 May 2020, in Paletwa Township, Mindat District, Chin State, the Myanmar military and the Arakan Army "
     "clashed.", ("Tatmadaw", "MMR", "MIL"), ("Arakan Army", "MMR", "REB")),
    # the fire exchanged is the object; "with" names the other side
    ("On 8 May 2020, in Manaus, Amazonas, eight armed men exchanged fire with military police forces during a patrol.",
     ("armed men", "BRA", "UAF"), ("police forces", "BRA", "COP")),
    # a fight with no named sides in a state force's operation, told in its sentence or the one before: the force
    ("On 30 April 2020, in Rio de Janeiro, it was reported that a shoot-out took place in Cidade de Deus neighborhood "
     "during a Police operation.", ("police", "BRA", "COP"), ("unidentified armed group", "BRA", "UAF")),
    ("On 27 April 2020, in Niteroi, Rio de Janeiro, the Military Police carried out an operation against drug "
     "trafficking in Morro do Palacio. A shoot-out broke out and a suspect of drug trafficking was shot and died.",
     ("police", "BRA", "COP"), ("suspects", "BRA", "CVL")),
])
def test_the_sides_of_a_clash(code, text: str, source: tuple, target: tuple) -> None:
    ev = only(code(text), "ASSAULT")
    assert [(ev[r]["name"], ev[r]["country"], ev[r]["sector"]) for r in ("source", "target")] == [source, target]



@pytest.mark.parametrize(("text", "source"), [
    ("An operation by the police killed two suspects in Nairobi on Monday.", ("police", "KEN", "COP")),
    ("A police raid killed two suspects in Nairobi on Monday.", ("police", "KEN", "COP")),
    ("On 16 March 2020, operations by Afghan military forces killed 10 Taliban militants in Sangin district, Helmand.",
     ("forces (AFG)", "AFG", "MIL")),
])
def test_the_authors_of_an_operation_are_its_source(code, text: str, source: tuple) -> None:
    ev = only(code(text), "ASSAULT")
    assert (ev["source"]["name"], ev["source"]["country"], ev["source"]["sector"]) == source


@pytest.mark.parametrize(("text", "source"), [
    # shells "by" a force were fired by it
    ("On 9 May 2020, indiscriminate shells by alleged LNA forces killed two civilians in Qaser Bin Ghashir (Tripoli).",
     ("Libyan National Army", "LBY", "MIL")),
    # "a gendarme shot and killed": the parser read "gendarme shot" as a noun, the root of the sentence
    ("On 9 May 2020, a gendarme shot and killed a taxi bike driver in Bafoussam town (Mifi, Ouest) after a dispute.",
     ("gendarmes", "CMR", "COP")),
    ("On 28 April 2020, police and NSS personnel were reported to have beaten IDPs attempting to leave the "
     "Protection of Civilians site in Malakal (Upper Nile state).", ("police", "SSD", "COP")),
    ("On 9 May 2020, members of the regime's air force intelligence manning a checkpoint in Eastern Ghariyeh in Dar'a "
     "opened fire at a man.", ("Air Force Intelligence Directorate", "SYR", "SPY")),
    ("On 5 May 2020, Al shabaab militants shot and killed a police officer in Mogadishu.", ("al-Shabaab", "SOM", "REB")),
])
def test_sources_the_parse_hides(code, text: str, source: tuple) -> None:
    ev = only(code(text, "2020-05-10"), "ASSAULT")
    assert (ev["source"]["name"], ev["source"]["country"], ev["source"]["sector"]) == source


def test_an_attack_interrupting_a_patrol_falls_on_the_patrol(code) -> None:
    events = code("On 4 May 2020, in Teotepeque, police officers were patrolling at the El Angel neighborhood when "
                  "alleged gang members approached and started shooting.", "2020-05-05")
    assert [(e["source"]["name"], e["target"]["name"], e["acled_sub_event_type"]) for e in events] == \
        [("gang members", "police officers", "Armed clash")]


def test_of_two_subjects_the_nearest_is_the_verbs_own(code) -> None:
    events = code("9 cattle rustlers shot dead by police a week after Kibaki visited the area and warned raiders to "
                  "surrender their arms", "2007-12-27")
    assert [(e["event_type"], e["source"]["name"]) for e in events] == \
        [("ASSAULT", "police"), ("CONSULT", "Mwai Kibaki"), ("THREATEN", "Mwai Kibaki")]


@pytest.mark.parametrize("text", [
    "Supporters of the ODM protested in Kisumu on Monday.",
    "ODM supporters protested in Kisumu on Monday.",
])
def test_followers_of_a_party_are_its_crowd_either_way_round(code, text: str) -> None:
    [event] = code(text, "2008-01-10")
    assert (event["source"]["name"], event["source"]["sector"]) == ("Orange Democratic Movement supporters", "CVL")


def test_a_weapons_model_is_not_its_operator(code) -> None:
    ev = only(code("On Sunday morning, in Ashkelon, Southern District, Israel, unknown militants in the Gaza Strip "
                   "fired a Grad rocket into Israel.", "2011-04-11"), "ASSAULT")
    assert ev["target"] is None


def test_what_is_used_to_act_is_the_means_not_the_actor(code) -> None:
    ev = only(code("On 09 October, police used tear gas to disperse NASA protesters in Machakos."), "COERCE")
    assert (ev["source"]["name"], ev["source"]["sector"]) == ("police", "COP")


@pytest.mark.parametrize(("text", "target"), [
    ("On 29 April 2020, a former town councilor and his wife were shot dead by unidentified assailants in Sirawai, "
     "Zamboanga del Norte.", ("councilor", "ELI")),
    ("An Argentine judge has ordered former president Carlos Menem to appear October 16 for questioning.",
     ("Carlos Menem", "ELI")),
    # a sitting one is the state
    ("On 29 April 2020, a town councilor was shot dead by unidentified assailants in Sirawai, Zamboanga del Norte.",
     ("councilor", "GOV")),
])
def test_a_former_official_is_an_elite_not_the_state(code, text: str, target: tuple) -> None:
    [ev] = [e for e in code(text) if e["target"] is not None]
    assert (ev["target"]["name"], ev["target"]["sector"]) == target


@pytest.mark.parametrize(("text", "source", "target"), [
    # who set off a mine or bomb is its victim, who planted it the attacker
    ("On 18 March 2020, 1 civilian was killed and 10 were wounded when their vehicle hit a Taliban-planted roadside "
     "bomb outside of Chaghcharan city, Ghor.", ("Taliban", "REB"), ("civilian", "CVL")),
    ("A patrol drove over a Taliban-planted IED near Kandahar, killing two soldiers.", ("Taliban", "REB"),
     ("soldiers", "MIL")),
])
def test_the_planter_of_a_mine_attacks_whoever_sets_it_off(code, text: str, source: tuple, target: tuple) -> None:
    ev = only(code(text, published="2020-03-19"), "ASSAULT")
    assert [(ev[r]["name"], ev[r]["sector"]) for r in ("source", "target")] == [source, target]


def test_a_near_miss_sets_nothing_off(code) -> None:
    events = code("On 10 October, more than 10 police officers exchanged fire with suspected al-Shabab militants after "
                  "nearly hitting an IED at Mambore-Mkokoni area.", published="2017-10-11")
    assert [e["acled_sub_event_type"] for e in events] == ["Armed clash"]


def test_whom_an_attack_is_blamed_on_is_not_its_target(code) -> None:
    events = code("Unidentified assailants threw a grenade at a house at the edge of a Pentecostal church compound in "
                  "Garissa, North Eastern province, Kenya.  Two people were killed in the explosion.  Kenya officials "
                  "have blamed the attack on Al-Shabaab.", published="2011-11-06")
    attack = only(events, "ASSAULT")
    assert actor(attack, "target") == ("KEN", "CVL")


def test_a_weapon_named_by_its_makers_country_is_no_target(code) -> None:
    events = code("On Monday, in the Adezai area of Mohmand Agency, Pakistan, unidentified militants blew up a basic "
                  "health unit by planting a low-intensity Russian-made bomb on the outer wall of the facility.",
                  published="2011-01-18")
    assert [e["target"] for e in events if e["event_type"] == "ASSAULT"] == [None]


def test_the_maoists_named_with_a_dash_are_the_cpi_maoist(code) -> None:
    [event] = code("On Monday, in Gaya, Bihar, India, suspected Communist Party of India - Maoist (CPI-M) militants blew "
                   "up a school building.", published="2011-06-21")
    assert actor(event, "source") == ("IND", "REB")
