"""The extraction stage on short sentences: one behaviour per test, exact expected values."""

from __future__ import annotations

import pytest


def only(events: list[dict], event_type: str) -> dict:
    """The single event of one type."""
    found = [e for e in events if e["event_type"] == event_type]
    assert len(found) == 1, [(e["event_type"], e["evidence"]["text"]) for e in events]
    return found[0]


def test_an_attack_with_actors_place_date_and_toll(code) -> None:
    ev = only(code("Al-Shabaab fighters attacked a police station in Mogadishu on Tuesday, killing five officers."),
              "ASSAULT")
    assert (ev["source"]["name"], ev["source"]["country"], ev["source"]["sector"]) == ("al-Shabaab", "SOM", "REB")
    assert ev["date"] == "2024-02-27"
    assert (ev["place"]["name"], ev["place"]["country"], ev["place"]["precision"]) == ("Mogadishu", "SOM", "city")
    assert ev["fatalities"] == 5
    assert ev["modality"] == "asserted"


@pytest.mark.parametrize(("text", "fatalities", "injuries"), [
    ("A car bomb blast killed five people in Kabul on Monday.", 5, 0),
    ("Three soldiers were killed when a roadside bomb exploded near Kandahar on Monday.", 3, 0),
    ("An explosion at a market in Mogadishu on Monday wounded 12 people.", 0, 12),
    ("The strike on Monday resulted in the death of a senior commander.", 1, 0),
    ("The drone strike on January 28 claimed the lives of three US military personnel in Jordan.", 3, 0),
    ("Gunmen shot and killed a judge and his driver in Peshawar on Monday.", 2, 0),
    ("A bomb exploded at a bus station in Kaduna on Monday. No casualties were reported.", 0, 0),
    ("Militants stormed a checkpoint near Ramadi on Monday. Two soldiers were killed and four wounded.", 2, 4),
    ("Gunmen stormed the house of a judge in Baghdad on Monday, killing him.", 1, 0),
    ("Gunmen shot and killed a married couple in Yala on Monday.", 2, 0),
    ("A bomb exploded near a police station in Mosul on Monday. No damages or casualties were reported.", 0, 0),
    # a report that names no victim at all: GTD and ACLED code zero dead and zero hurt
    ("Gunmen kidnapped two engineers in Zamfara on Monday.", 0, 0),
    # GTD counts the attacker killed by his own bomb, once
    ("A suicide bomber blew himself up at a checkpoint in Mogadishu on Monday, killing four soldiers.", 5, 0),
    ("Two suicide bombers detonated their vests at a shrine in Dera Ghazi Khan on Sunday, killing 50 people.", 52, 0),
    ("A suicide bomber attacked a checkpoint in Kabul on Monday. The blast killed the bomber and wounded three "
     "soldiers.", 1, 3),
    # a toll told in a sentence of its own belongs to the attack told before it
    ("Gunmen opened fire on a bus near Quetta on Monday. The driver died.", 1, 0),
    # a stated total replaces the counts told before it, lower or higher
    ("Gunmen attacked a market in Jos on Monday. Five people were killed. The death toll later rose to 12.", 12, 0),
    ("On 7 March 2020, 2 Afghan soldiers were killed by a Taliban sniper in Shindand district, Herat. Fatalities "
     "coded as 0 (VoJ reported 2 fatalities).", 0, 0),
    ("On 3 May 2020, in Manaus, two men were shot to death by gang members. 2 fatalities.", 2, 0),
])
def test_casualty_counts(code, text: str, fatalities: int | None, injuries: int | None) -> None:
    """A report that gives a toll gives all of it: the count it does not mention is zero."""
    ev = only(code(text), "ASSAULT")
    assert (ev["fatalities"], ev["injuries"]) == (fatalities, injuries)


@pytest.mark.parametrize(("text", "sub_type", "mode"), [
    ("Israeli warplanes carried out an airstrike on a house in Rafah on Monday.", "Air/drone strike", "aerial"),
    ("A drone strike hit a car in Baghdad on Monday.", "Air/drone strike", "drone"),
    ("Russian forces shelled Kharkiv with artillery on Monday.", "Shelling/artillery/missile attack", "heavy-weapons"),
    ("A suicide bomber blew himself up at a checkpoint in Mogadishu on Monday, killing four soldiers.",
     "Suicide bomb", "suicide-attack"),
    ("Gunmen kidnapped two engineers in Zamfara on Monday.", "Abduction/forced disappearance", "abduct"),
    # an official shot is a targeted killing; a person named without a title is shot in an armed assault
    ("Unknown gunmen shot and killed the mayor of Baquba on Monday.", "Attack", "targeted"),
    ("Unknown gunmen shot and killed Ahmed Hassan Ali in Baquba on Monday.", "Attack", "firearms"),
    # fire aimed at someone is gunfire; attackers called armed, with no weapon named, made an armed assault
    ("Militants fired upon a crowd of civilians in Maiduguri on Monday.", "Attack", "firearms"),
    ("Unidentified armed assailants attacked a village in Zamfara on Monday.", "Attack", "firearms"),
    # a bombing is a remote explosive whatever it struck; armed men who torch trucks destroy property
    ("Militants blew up a gas pipeline in Sui on Monday.", "Remote explosive/landmine/IED", "explosives"),
    ("Unknown armed men torched five trucks in Josefina on Monday.", "Looting/property destruction", "destroy"),
    # an attack told with its arson is an attack (ACLED) that destroyed property (its mode, GTD's infrastructure attack)
    ("On Thursday, in Craigavon, two armed masked militants attacked a truck and then set it on fire.", "Attack",
     "destroy"),
    # a mine dug for gold, or a roadside that holds no bomb, is no landmine
    ("On Thursday, in Kutum, Sudan, militants fired upon a group of gold mine employees, killing three.", "Attack",
     "firearms"),
    ("On Friday, in Papua, Indonesia, unknown gunmen ambushed a mine, killing three civilians.", "Attack", "firearms"),
    ("On Wednesday, in Betong, Thailand, two unidentified gunmen ambushed Muslim civilians from the roadside, "
     "killing one.", "Attack", "firearms"),
    ("A roadside bomb killed two civilians in Kandahar on Monday.", "Remote explosive/landmine/IED", "explosives"),
])
def test_acled_sub_event_types_from_weapons(code, text: str, sub_type: str, mode: str) -> None:
    ev = only(code(text), "ASSAULT")
    assert (ev["acled_sub_event_type"], ev["mode"]) == (sub_type, mode)


def test_an_attack_on_civilians_and_a_clash(code) -> None:
    attack = only(code("Gunmen attacked villagers in Maiduguri on Monday."), "ASSAULT")
    assert (attack["acled_event_type"], attack["acled_sub_event_type"]) == ("Violence against civilians", "Attack")
    assert attack["target"]["country"] == "NGA"
    clash = only(code("Taliban fighters clashed with Afghan soldiers in Kunduz on Monday."), "ASSAULT")
    assert (clash["acled_event_type"], clash["acled_sub_event_type"]) == ("Battles", "Armed clash")


@pytest.mark.parametrize(("text", "event_type", "modality"), [
    ("Iraq and the United States will hold talks in Baghdad on Sunday.", "CONSULT", "future"),
    ("The army did not attack the rebels in Kidal on Monday.", "ASSAULT", "negated"),
    ("Hezbollah could attack Israel on Monday, officials said.", "ASSAULT", "hypothetical"),
])
def test_modality(code, text: str, event_type: str, modality: str) -> None:
    assert only(code(text), event_type)["modality"] == modality




@pytest.mark.parametrize("text", [
    "Since 2014, the United States has maintained approximately 2,500 troops in Iraq, initially deployed to combat "
    "the Islamic State group at the request of the Iraqi government.",
    "Ralston Valley beat that same team by two touchdowns on Friday.",
    "Beat the butter for five minutes with an electric mixer.",
    "He died of a heart attack in Boston on Monday.",
    "The UK was hit by a storm on Monday, and 22 people died.",
    "A 26-year-old man was arrested on suspicion of drunk driving, police said.",
])
def test_no_violent_event(code, text: str) -> None:
    assert [e["event_type"] for e in code(text) if e["event_type"] in ("ASSAULT", "PROTEST", "COERCE", "MOBILIZE")] == []


def test_a_count_of_many_attacks_is_an_aggregate(code) -> None:
    ev = only(code("Militants have carried out over 165 attacks on US troops in Iraq and Syria since mid-October."),
              "ASSAULT")
    assert (ev["is_aggregate"], ev["date"], ev["date_precision"]) == (True, "2023-10-15/2024-03-02", "range")


def test_evidence_offsets_cut_out_the_sentence(pipeline) -> None:
    text = "Officials met on Monday.\n\nRebels attacked a convoy near Goma on Tuesday, killing two soldiers."
    result = pipeline.code_text(text, published="2024-03-02")
    ev = only([e.to_dict() for e in result.events], "ASSAULT")
    start, end = ev["evidence"]["start"], ev["evidence"]["end"]
    assert result.article.text[start:end] == ev["evidence"]["text"]
    assert ev["evidence"]["text"] == "Rebels attacked a convoy near Goma on Tuesday, killing two soldiers."
    assert ev["place"]["precision"] == "near"


def test_the_group_refers_to_the_last_named_group(code) -> None:
    events = code("Hamas condemned the raid on Friday. The group vowed revenge against Israel.")
    threat = only(events, "THREATEN")
    assert (threat["source"]["name"], threat["source"]["country"]) == ("Hamas", "PSE")
    assert threat["target"]["country"] == "ISR"


def test_foreign_troops_asked_to_leave_are_the_articles_foreign_power(code) -> None:
    events = code("US troops have been deployed in Iraq since 2014. Washington said on Friday it would keep them there. "
                  "Iraq's government has been vocal in its calls for the departure of foreign troops in recent weeks.")
    ev = only(events, "REQUEST")
    assert (ev["source"]["country"], ev["target"]["name"], ev["target"]["country"]) == ("IRQ", "foreign forces", "USA")


def test_an_unplaced_event_takes_the_country_of_its_police(code) -> None:
    ev = only(code("Kenyan police shot dead two robbery suspects on Monday."), "ASSAULT")
    assert (ev["place"]["country"], ev["place"]["precision"]) == ("KEN", "country")


def test_the_same_attackers_in_the_next_sentence_tell_more_of_the_same_attack(code) -> None:
    events = code("Unknown gunmen attacked the house of a former policeman in Mosul on Saturday. "
                  "The gunmen shot and wounded the policeman in the attack.")
    assert [(e["event_type"], e["fatalities"], e["injuries"]) for e in events] == [("ASSAULT", 0, 1)]


def test_the_same_victims_told_again_with_the_tell_more_of_the_same_attack(code) -> None:
    events = code("A gunman shot and injured a police officer in Kilifi on Friday. "
                  "The officer was shot in the chest five times.")
    assert [(e["target"]["name"], e["place"]["name"], e["injuries"]) for e in events] == [("police officer", "Kilifi", 1)]


def test_other_victims_of_the_same_kind_are_another_attack(code) -> None:
    events = code("Gunmen shot dead a police officer in Kilifi on Friday. Another police officer was shot in Malindi.")
    assert [e["place"]["name"] for e in events] == ["Kilifi", "Malindi"]


@pytest.mark.parametrize("text", [
    "Gunmen shot and killed a traffic policeman in Baghdad on Friday, and wounded another policeman in the attack.",
    "Militants planted a roadside bomb in Konduz on Saturday which killed five civilians when their vehicle "
    "triggered the blast.",
    "Militants attacked troops with gunfire in Azan on Wednesday.",
    # a killing told by its outcome happened in the attack it names
    "On 8 May 2020, in Port-au-Prince, a government employee was shot dead in a drive-by shooting.",
    "2 people shot dead during raid in Nairobi.",
])
def test_the_attack_told_again_or_its_weapon_in_its_own_sentence_is_the_same_attack(code, text: str) -> None:
    assert [e["event_type"] for e in code(text)] == ["ASSAULT"]


def test_an_attack_told_as_the_time_of_another_stays_apart(code) -> None:
    events = code("Militiamen torched a pickup truck in Matalam on Thursday that their victims were in during the "
                  "ambush.")
    assert [e["acled_sub_event_type"] for e in events if e["event_type"] == "ASSAULT"][0] == \
        "Looting/property destruction"


def test_the_attackers_after_an_opening_place_list_are_the_source(code) -> None:
    ev = only(code("On Saturday, in Mosul, Ninawa, Iraq, unknown gunmen attacked the house of a former policeman."),
              "ASSAULT")
    assert (ev["source"]["name"], ev["source"]["sector"]) == ("unknown gunmen", "UAF")


@pytest.mark.parametrize(("text", "role", "name"), [
    # the parser makes the country and the attackers two subjects of one verb
    ("On Friday, in Kirkuk, At Ta'mim, Iraq, unknown assailants detonated a car bomb outside a mosque.", "source",
     "unknown assailants"),
    # ... of a verb the event's verb is joined to
    ("On Tuesday, in Chhattisgarh province, India, militants stopped a bus and kidnapped a civilian.", "source",
     "militants"),
    # the victim hung on the country, with the passive's auxiliary between it and the verb
    ("On Saturday, in Kohat, Khyber Pakhtunkhwa (formerly NWFP), Pakistan, a former military officer was abducted "
     "by unidentified militants from his vehicle.", "target", "military officer"),
])
def test_the_country_closing_an_opening_place_list_is_no_party(code, text: str, role: str, name: str) -> None:
    ev = only(code(text, published="2011-08-28"), "ASSAULT")
    assert ev[role]["name"] == name


def test_one_of_a_series_frames_the_event_its_clause_tells(code) -> None:
    events = code("On Sunday evening, in Bauchi, Nigeria, in one of three linked attacks, 14 people were killed and "
                  "40 others were injured when unidentified militants detonated three improvised explosive devices "
                  "in a market.", published="2011-05-30")
    assert [(e["acled_sub_event_type"], e["fatalities"], e["injuries"]) for e in events] == \
        [("Remote explosive/landmine/IED", 14, 40)]


@pytest.mark.parametrize(("text", "target", "sector"), [
    ("On Thursday night, in Maiduguri, Borno, Nigeria, two armed militants fired upon a prison guard at his home.",
     "prison guard", "COP"),
    ("Gunmen killed Colonel Ali Hussein in Mosul on Monday.", "Ali Hussein", "MIL"),  # the title inside the name
])
def test_guards_and_titled_officers_are_state_forces(code, text: str, target: str, sector: str) -> None:
    events = code(text, "2011-06-03")
    assert [((e["target"] or {}).get("name"), (e["target"] or {}).get("sector")) for e in events] == [(target, sector)]


@pytest.mark.parametrize(("text", "target"), [
    # victims told first lead those of the outcome joined after them ...
    ("Four police officers were killed and a civilian was injured in an armed assault near Pul Rangan, Punjab, "
     "Pakistan.", ("police officers", "COP")),
    # ... unless they are armed men of a group, more often the attackers killed
    ("An unidentified gunman is killed and a police officer is wounded after the gunmen launched an attack in "
     "Nairobi.", ("police officer", "COP")),
])
def test_the_victims_told_first_are_the_target(code, text: str, target: tuple) -> None:
    events = code(text, "2011-12-02")
    assert [((e["target"] or {}).get("name"), (e["target"] or {}).get("sector")) for e in events] == [target]


def test_an_armed_groups_attack_with_no_weapon_named_is_an_armed_assault(code) -> None:
    # GTD codes an attack "by unknown means" as an armed assault
    [event] = code("On Tuesday, in Aden, Yemen, unidentified militants attacked the facilities of the port "
                   "corporation by unknown means.", published="2011-03-02")
    assert (event["event_type"], event["mode"]) == ("ASSAULT", "firearms")


def test_a_suicide_attacker_as_subject_names_the_tactic(code) -> None:
    # the subject's words stand far from the verb: "suicide" still names how the attack was made
    [event] = code("A suicide bomber, identified by police as a local man aged 24, detonated his device near a police "
                   "post in Makhachkala on Tuesday.", published="2011-05-02")
    assert (event["mode"], event["acled_sub_event_type"]) == ("suicide-attack", "Suicide bomb")
