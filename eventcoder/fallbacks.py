"""The conventions human coders use for what an event's clause leaves open: place, author, toll, countries."""

from __future__ import annotations

import re
from dataclasses import replace

from eventcoder import places
from eventcoder.actors import community_named, lookup, shared_name_countries
from eventcoder.candidates import Candidate
from eventcoder.casualties import uncounted_bombers
from eventcoder.coding import DRUG_CLASS, OUTCOME_LEMMAS, VICTIM_DEPS, armed_on_duty, weapon_cue
from eventcoder.geoparse import PlaceMention, primary
from eventcoder.lexicon import words
from eventcoder.missions import missions_named
from eventcoder.records import UNIDENTIFIED, Actor
from eventcoder.roles import TWO_SIDED_LEMMAS, actor_at, clause_subject, operation_author
from eventcoder.struck import site_sector, struck_target
from eventcoder.trigger_filters import WHILE_MARKS

# A unit named by its number ("the 25th Mechanized Brigade", "35th Division"): armies number their units, armed
# groups name theirs ("Al-Aqsa Martyrs Brigades", in the actor dictionary).
NUMBERED_UNIT = re.compile(r"(?:the\s+)?\d+(?:st|nd|rd|th)\b.*\b(?:brigade|division|battalion|regiment|corps|army)s?$",
                           re.IGNORECASE)
# The generic actor of "foreign troops", whose country is the article's foreign power.
FOREIGN_FORCES = "foreign forces"
# Sectors whose country is never the event's by default: international bodies.
FOREIGN_SECTORS = frozenset({"IGO", "NGO", "UNO"})
# The owners a seizure of illegal drugs implies.
UNIDENTIFIED_GANG = "unidentified gang"
# Sectors of a crowd that, named by its community and attacking, is that community's militia.
COMMUNITY_CROWD_SECTORS = frozenset({"CVL", "AGR", "UAF", "PRM", None})
# ACLED sub-event types of a blast set off where people were, not fired at a side: its unnamed dead and hurt are
# civilians (shelling and air strikes are aimed at the other side, whom ACLED names or leaves blank).
UNAIMED_BLASTS = frozenset({"Remote explosive/landmine/IED", "Grenade", "Suicide bomb"})
PROPERTY_DESTRUCTION = "Looting/property destruction"
# Sectors of actors that act in their own country: police, civilians, protesters, local officials.
HOME_SECTORS = ("COP", "CVL", "OPP", "LAB", "EDU", "AGR", "BUS", "REL", "JRN", "MED", "PTY")
# Sectors of a state whose coercion (arrests, bans, deportations) happens in its own country.
COERCING_SECTORS = frozenset({"GOV", "COP", "JUD", "LEG"})
# Events whose place, with no one named to receive them, is where they are aimed (PLOVER: "Turkish authorities have
# imposed a curfew in the town of Cizre" -> Cizre), and the modes that restrict the people living there.
PLACED_TARGET_TYPES = frozenset({"AGREE", "SUPPORT", "CONCEDE", "COERCE", "SANCTION", "REJECT", "THREATEN"})
RESTRICTING_MODES = frozenset({"curfew", "martial-law"})
# Dealings between states (and international bodies) aimed at the state of the place abroad they concern.
DEALING_TYPES = frozenset({"AGREE", "SUPPORT", "CONCEDE", "SANCTION", "REJECT"})
DEALING_SECTORS = frozenset({"GOV", "IGO", "UNO", "LEG", "JUD"})
# Sectors of the forces that may meet a demonstration: the target ACLED gives a protest with intervention.
STATE_FORCES = frozenset({"COP", "MIL"})


def _home_country(cand: Candidate) -> str | None:
    """The country of a participant who acts at home (police first, then civilians), named with its country; a
    state that arrests, bans or expels does so at home ("Ghanaian authorities have deported 168 Liberians")."""
    actors = [a for a in (cand.source, cand.target) if a is not None and a.country and len(a.country) == 3
              and a.name != UNIDENTIFIED and a.sector != "REF"  # (refugees have fled their country)
              and not any(w in words("abroad_people") for w in a.text.lower().split())]
    if cand.event_type == "COERCE" and cand.source is not None and cand.source.sector in COERCING_SECTORS \
            and cand.source.country and len(cand.source.country) == 3:
        return cand.source.country
    for sector in HOME_SECTORS:
        found = next((a.country for a in actors if a.sector == sector), None)
        if found is not None:
            return found
    return None


def _from_the_air(cand: Candidate) -> bool:
    """Air and drone strikes: their unnamed author is an air force, not an unidentified armed group."""
    cue = weapon_cue([cand.trigger, *cand.mentions])
    return cue is not None and cue.mode in ("aerial", "drone")


def fill_fallbacks(cand: Candidate, countries: tuple[str, ...], located: list[PlaceMention]) -> None:
    """Fill what the clause left open with the conventions human coders use, and record each guess."""
    if cand.target is not None and _only_a_place(cand.target, located):
        # "Voters rioted at Roysambu Primary School Polling Station": where it happened, not whom it was aimed at
        cand.target = None
    if cand.event_type == "ASSAULT" and cand.source is not None and cand.source.sector in COMMUNITY_CROWD_SECTORS \
            and (community := community_named(cand.source.text)) is not None:
        # "armed Kalenjin youths attacked a village": a community's attackers are its militia (ACLED: identity militia)
        cand.source = replace(cand.source, name=f"{community.name} militia", country=community.country, sector="PRM")
    elif cand.event_type == "ASSAULT" and cand.source is not None and cand.source.sector == "CVL" \
            and any(w in words("tribal_crowd") for w in cand.source.text.lower().split()):
        # "local tribesmen attacked a police post": a communal militia (ACLED), not a crowd
        cand.source = replace(cand.source, sector="PRM")
    if cand.event_type == "ASSAULT" and cand.source is not None and cand.source.sector is None \
            and cand.source.name[:1].isupper() and armed_on_duty(cand.target) \
            and cand.trigger.lemma_.lower() in TWO_SIDED_LEMMAS:
        # "members of Tropa del Infierno clashed with police officers": a group the dictionary does not know that
        # fights the state's forces is armed (ACLED: a political militia), not a crowd
        cand.source = replace(cand.source, sector="UAF")
        cand.fallbacks.append("source.sector")
    if cand.place is None and not cand.is_verbal and cand.modality != "future":
        # a material event with no place in its clause: the main place of its sentence, else of the article
        sent = cand.evidence_sent or cand.sent
        here = [m for m in located if sent.start <= m.start < sent.end]
        chosen = primary(here) or primary(located)
        if chosen is not None:
            cand.place = chosen.place
            cand.fallbacks.append("place")
    if cand.event_type == "ASSAULT" and cand.source is None and cand.target is None \
            and (sides := _sides_of_the_line(cand)) is not None:
        # "the SMM observed 33 explosions near Vodyane": fire across the line the mission watches, between its parties
        cand.source, cand.target = sides
        cand.fallbacks += ["source", "target"]
    if cand.event_type == "ASSAULT" and cand.source is None \
            and (force := _force_of_the_operation(cand)) is not None:
        # "the Military Police carried out an operation ... A shoot-out broke out": the force is a side of the fight
        cand.source = force
        cand.fallbacks.append("source")
    if cand.event_type == "ASSAULT" and cand.source is None:
        # an armed actor named beside the event, else ACLED's "Unidentified Armed Group" of the event's country
        cand.source = _armed_bystander(cand) or (None if _from_the_air(cand) else
                                                  Actor(text="", name=UNIDENTIFIED, sector="UAF"))
        if cand.source is not None:
            cand.fallbacks.append("source")
    if cand.event_type == "ASSAULT" and cand.target is None:
        # the parse lost the victims: armed men named where victims stand ("a state police patrol was shot"), or
        # on duty in the clause the attack interrupted ("police were patrolling when gang members started shooting")
        cand.target = _armed_victim(cand) or _interrupted_force(cand)
        if cand.target is not None:
            cand.fallbacks.append("target")
    if cand.event_type == "ASSAULT":
        _complete_toll(cand)
    if cand.event_type == "COERCE" and cand.entry.mode == "arrest" and cand.source is None:
        # "over 80 traders were arrested": the police, as ACLED codes an arrest that names no one making it
        cand.source = Actor(text="", name="police", sector="COP")
        cand.fallbacks.append("source")
    if cand.event_type == "PROTEST" and cand.source is None:
        # unnamed demonstrators, as ACLED codes them: "Protesters (Kenya)", "Rioters (Kenya)"
        crowd = "rioters" if cand.entry.mode == "riot" else "protesters"
        cand.source = Actor(text=crowd, name=crowd, sector="CVL")
        cand.fallbacks.append("source")
    elif cand.event_type == "PROTEST" and cand.source is not None and cand.source.sector is None:
        # demonstrators named by a people or a body the dictionary does not know ("Palestinians", "INC staged a
        # protest"): a crowd of civilians, as ACLED codes them ("Protesters (India)")
        cand.source = replace(cand.source, sector="CVL")
        cand.fallbacks.append("source.sector")
    if cand.event_type == "PROTEST" and cand.met_by_state and (cand.target is None or cand.target.sector not in
                                                               STATE_FORCES):
        # "Police used tear gas to disperse the crowd": the crowd faced the police, as ACLED codes it ("Protesters
        # (Kenya)" against "Police Forces of Kenya"), whatever authority it protested against
        cand.target = Actor(text="", name="police", sector="COP")
        cand.fallbacks.append("target")
    main = primary(located)
    local = cand.place.country if cand.place and cand.place.country else \
        main.place.country if main is not None else (countries[0] if countries else None)
    for role in ("source", "target"):
        actor = getattr(cand, role)
        if actor is not None and actor.sector is None and NUMBERED_UNIT.match(actor.name):
            actor = replace(actor, sector="MIL")  # "the 25th Mechanized Brigade": an army's unit
            setattr(cand, role, actor)
        if actor is not None and actor.country is None and actor.name == FOREIGN_FORCES:
            # "foreign troops": the foreign country the article names most, not the event's own
            others = [c for c in countries if c not in (local, cand.source.country if cand.source else None)]
            if others:
                setattr(cand, role, replace(actor, country=others[0]))
                cand.fallbacks.append(f"{role}.country")
            continue
        if actor is not None and actor.country is None and (homes := shared_name_countries(actor.name)):
            # "Congress": India's in an Indian story, the US one where the story's country has none
            setattr(cand, role, replace(actor, country=local if local in homes else homes[0]))
            cand.fallbacks.append(f"{role}.country")
            continue
        if actor is not None and actor.country is None and local and actor.sector not in FOREIGN_SECTORS:
            # ACLED codes local actors by the country of the event: "Police Forces of Kenya", "Rioters (Kenya)"
            setattr(cand, role, replace(actor, country=local))
            cand.fallbacks.append(f"{role}.country")
    if cand.target is None and (cand.event_type == "PROTEST" or _visit_abroad(cand)) \
            and (host := _host_government(cand)) is not None:
        # a demonstration with no named target is addressed to the government where it is held (PLOVER,
        # PETRARCH: "activists staged a protest in Beijing" -> CHN GOV); a visit abroad is made to its host
        # ("Saddam Hussein arrived in Amman on a visit" -> JOR GOV, CAMEO 042)
        cand.target = host
        cand.fallbacks.append("target")
    if cand.target is None and cand.event_type in PLACED_TARGET_TYPES and cand.place is not None \
            and "place" not in cand.fallbacks and (placed := _placed_target(cand)) is not None:
        # a measure or a dealing aimed at a place: its people ("imposed a curfew in Cizre"), or a foreign place's
        # state ("opened an embassy in Tehran", "will evacuate all settlements in the Gaza Strip"), as PLOVER codes
        cand.target = placed
        cand.fallbacks.append("target")
    if cand.target is None and cand.event_type == "THREATEN" and cand.source is not None:
        cand.target = _other_named_actor(cand)
        if cand.target is not None:
            cand.fallbacks.append("target")
    if cand.place is None and cand.is_verbal and cand.source is not None and cand.source.country:
        cand.place = places.country_place(cand.source.country)
        if cand.place is not None:
            cand.fallbacks.append("place")
    if cand.place is None and not cand.is_verbal and cand.modality != "future":
        # no place named: the country of its police or of its civilians, who act at home, else the article's
        home = _home_country(cand) or (countries[0] if countries else None)
        cand.place = places.country_place(home) if home is not None else None
        if cand.place is not None:
            cand.fallbacks.append("place")


def _placed_target(cand: Candidate) -> Actor | None:
    """The people of the event's own place under a restriction, else the state of a place abroad."""
    assert cand.place is not None
    country = cand.place.country
    if len(country or "") != 3:
        return None
    if cand.entry.mode in RESTRICTING_MODES:
        return Actor(text="", name="civilians", country=country, sector="CVL")
    if cand.event_type not in DEALING_TYPES or cand.source is None or cand.source.sector not in DEALING_SECTORS \
            or not cand.source.country or cand.source.country == country:
        return None  # (an armed group's takeover of a town is no dealing with the town's state)
    return _host_government(cand)


def _visit_abroad(cand: Candidate) -> bool:
    """A visit whose place lies outside its visitor's country."""
    return cand.event_type == "CONSULT" and cand.entry.mode == "visit" and cand.source is not None \
        and cand.place is not None and cand.source.country != cand.place.country


def _host_government(cand: Candidate) -> Actor | None:
    """The government of the country where the event took place, when its place has a country code."""
    if cand.place is None or len(cand.place.country or "") != 3:
        return None
    host = places.country_place(cand.place.country)  # type: ignore[arg-type]
    return Actor(text="", name=host.name, country=host.country, sector="GOV") if host is not None else None


def _only_a_place(actor: Actor, located: list[PlaceMention]) -> bool:
    """An actor read off a name that is a place the text locates things at, with no sector or country of its own."""
    return actor.sector is None and actor.country is None and bool(actor.text) \
        and any(m.text in actor.text for m in located)


def coded_target(cand: Candidate, acled_event_type: str | None, acled_sub_event_type: str | None) -> Actor | None:
    """The event's target once its ACLED type is known, by ACLED's conventions: the victims of violence against
    civilians and of mob violence are civilians (a person, home or village attacked, a suspected thief lynched); a
    clash has two sides, and one the text does not name is "Unidentified Armed Group (X)"."""
    target = _civilian_victims(cand, acled_event_type, acled_sub_event_type) or cand.target
    if target is not None and target.sector is None and (sector := site_sector(target.text or target.name)):
        target = replace(target, sector=sector)  # "stormed the Intercontinental Hotel": a business
    if target is not None and target.sector is None and cand.event_type == "ASSAULT" and _a_persons_name(cand, target):
        target = replace(target, sector="CVL")  # "a bomb attached to Omar Mohammed's car": a private person
    if target is not None and (acled_event_type == "Violence against civilians" and target.sector is None
                               or acled_sub_event_type == "Mob violence" and target.sector == "CRM"):
        return replace(target, sector="CVL")
    if target is None and acled_sub_event_type == "Armed clash":
        return Actor(text="", name=UNIDENTIFIED, country=_event_country(cand), sector="UAF")
    if target is None and cand.entry.requires == DRUG_CLASS:
        # drugs seized or destroyed are a gang's goods: "Unidentified Gang (X)", as ACLED codes it
        cand.fallbacks.append("target")
        return Actor(text="", name=UNIDENTIFIED_GANG, country=_event_country(cand), sector="CRM")
    if target is None and cand.event_type == "ASSAULT" and (struck := struck_target(cand)) is not None:
        # "a bomb exploded outside a school": whom the site it struck, or the people it hurt, stand for
        cand.fallbacks.append("target")
        country = struck.country or (None if struck.sector in FOREIGN_SECTORS else _event_country(cand))
        return replace(struck, country=country)
    if target is None and cand.event_type == "ASSAULT" and (
            acled_sub_event_type == PROPERTY_DESTRUCTION
            or acled_sub_event_type in UNAIMED_BLASTS and (cand.fatalities or cand.injuries)):
        # "several injured" by a grenade or a bomb, a building set on fire: nobody named, the people hurt and the
        # property harmed are civilians' (ACLED "Civilians (X)"; GTD private citizens and property)
        cand.fallbacks.append("target")
        return Actor(text="", name="civilians", country=_event_country(cand), sector="CVL")
    return target


def _a_persons_name(cand: Candidate, actor: Actor) -> bool:
    """An actor the model reads as a person's name in the event's sentence, with no title or group of its own."""
    name = set(actor.text.split())
    return bool(name) and all(t.ent_type_ == "PERSON" for t in cand.sent if t.text in name)


def _civilian_victims(cand: Candidate, acled_event_type: str | None, acled_sub_event_type: str | None) -> Actor | None:
    """The target of violence against civilians, or of mob violence, that names no victim: civilians, of the country
    where it happened, as ACLED codes "Civilians (X)" (a lynched suspect, a torched shop). A crowd's violence
    addresses no government, so the one `fill_fallbacks` gave a demonstration gives way."""
    addressed = cand.target is not None and cand.target.text == "" and cand.target.sector == "GOV"
    mob = acled_sub_event_type == "Mob violence" and (cand.target is None or addressed)
    if not mob and (cand.target is not None or acled_event_type != "Violence against civilians"):
        return None
    if "target" not in cand.fallbacks:
        cand.fallbacks.append("target")
    return Actor(text="", name="civilians", country=_event_country(cand), sector="CVL")


def _event_country(cand: Candidate) -> str | None:
    """The event's country code, when its place has one."""
    return cand.place.country if cand.place is not None and len(cand.place.country or "") == 3 else None


def _complete_toll(cand: Candidate) -> None:
    """A report that gives a toll gives all of it: deaths without injuries means none injured, and
    'no casualties' means zero of both (the convention of GTD and ACLED coders)."""
    if cand.fatalities:
        cand.fatalities += uncounted_bombers(cand.sentences(evidence=False))
    if cand.no_casualties:
        cand.fatalities = cand.fatalities or 0
        cand.injuries = cand.injuries or 0
    elif cand.fatalities is not None and cand.injuries is None:
        cand.injuries = 0
    elif cand.injuries is not None and cand.fatalities is None:
        cand.fatalities = 0


def _other_named_actor(cand: Candidate) -> Actor | None:
    """The one named actor of the sentence other than the speaker: whom a bare threat is aimed at."""
    found = {}
    for ent in cand.sent.ents:
        actor = actor_at(ent.root) if ent.label_ in ("ORG", "GPE", "NORP") else None
        if actor is not None and actor.country and actor.country != cand.source.country:  # type: ignore[union-attr]
            found[actor.name] = actor
    return next(iter(found.values())) if len(found) == 1 else None


def _sides_of_the_line(cand: Candidate) -> tuple[Actor, Actor] | None:
    """The two parties across the ceasefire line a mission the report names watches (missions.tsv `sides`), the
    host's forces first (ACLED lists either side first; 52 of its 82 SMM clashes in the dev data put Ukraine's
    forces first); None when no such mission is named."""
    for mission in missions_named(cand.sent.doc.text):
        if len(mission.sides) != 2:
            continue
        first, second = (lookup(side) for side in mission.sides)
        if first is not None and second is not None:
            return (Actor(text="", name=first.name, country=first.country, sector=first.sector),
                    Actor(text="", name=second.name, country=second.country, sector=second.sector))
    return None


# Operations of a state force in the course of which a fight breaks out ("during a Police operation").
FORCE_OPERATIONS = frozenset({"operation", "operations", "raid", "patrol", "crackdown"})
# Verbs of a force coming to the place where the fight broke out ("Military Police officers went to the community").
ARRIVING_VERBS = frozenset({"go", "arrive", "enter", "patrol", "respond", "raid"})
# Sectors of the state forces that run them.
OPERATING_SECTORS = frozenset({"COP", "MIL"})


def _force_of_the_operation(cand: Candidate) -> Actor | None:
    """For a fight with no named sides, the state force whose operation or patrol its sentence, or the one before,
    tells, or whose coming to the place ("the Military Police carried out an operation against drug trafficking ... A
    shoot-out broke out", "a shoot-out took place during a Police operation", "Military Police officers went to the
    community ... A shoot-out broke out"): ACLED codes the force as a side of the clash."""
    if cand.trigger.lemma_.lower() not in TWO_SIDED_LEMMAS:
        return None
    sent = cand.sent
    sents = [sent.doc[sent.start - 1].sent, sent] if sent.start > 0 else [sent]
    for tok in (t for s in sents for t in s if t.lemma_.lower() in FORCE_OPERATIONS or t.lower_ in FORCE_OPERATIONS
                or t.dep_ == "ROOT" and t.pos_ == "VERB" and t.lemma_.lower() in ARRIVING_VERBS):
        author = clause_subject(tok) if tok.pos_ == "VERB" else \
            operation_author(tok) or (clause_subject(tok.head) if tok.dep_ == "dobj" else None)
        actor = actor_at(author) if author is not None else None
        if actor is not None and actor.sector in OPERATING_SECTORS and not _same_actor(actor, cand.target):
            return actor
    return None


def _same_actor(actor: Actor, other: Actor | None) -> bool:
    return other is not None and (actor.name, actor.country) == (other.name, other.country)


def _armed_bystander(cand: Candidate) -> Actor | None:
    """For an air or drone strike with no stated agent, a state force named in the same sentence."""
    sent = cand.evidence_sent or cand.sent
    if cand.trigger.lemma_.lower() not in ("strike", "airstrike") and "drone" not in sent.text.lower():
        return None
    for tok in sent:
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("compound", "amod"):
            actor = actor_at(tok)
            if actor is not None and actor.sector == "MIL" and actor.country and \
                    (cand.target is None or actor.country != cand.target.country):
                return actor
    return None


# Links from a word up to the head of the phrase it is part of ("a state police patrol", "2 NDS members").
PHRASE_DEPS = frozenset({"compound", "amod", "nmod", "appos", "conj", "nummod", "poss"})
# Where the people an attack fell on stand: coding.VICTIM_DEPS, a noun the parser hung loose ("killed 1
# policeman - ..."), or after "against", "on", "at".
VICTIM_SLOTS = VICTIM_DEPS | {"npadvmod"}
VICTIM_PREPS = frozenset({"against", "on", "at", "upon"})


def _interrupted_force(cand: Candidate) -> Actor | None:
    """'police officers were patrolling the neighborhood when gang members approached and started shooting': an
    attack told in a when-clause, naming no victim, fell on the armed men on duty the main clause is about."""
    clause = cand.trigger
    while clause.dep_ not in ("advcl", "ROOT") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "advcl" or not any(m.dep_ in ("mark", "advmod") and m.lower_ in WHILE_MARKS
                                         for m in clause.subtree if m.i < cand.trigger.i):
        return None
    subject = clause_subject(clause.head)
    actor = actor_at(subject) if subject is not None else None
    if armed_on_duty(actor) and not _same_actor(actor, cand.source):  # type: ignore[arg-type]
        return actor
    return None


def _armed_victim(cand: Candidate) -> Actor | None:
    """An armed actor on duty named where a victim of the event stands (object or passive subject of the trigger,
    of a mention of it, or of a killing or wounding), other than the attacker: the target the parse lost.
    ACLED codes violence against armed men as a battle."""
    acts = {t.i for t in (cand.trigger, *cand.mentions)} | {t.i for t in cand.trigger.conjuncts}
    for tok in cand.evidence_sent or cand.sent:
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        actor = actor_at(tok)
        if not armed_on_duty(actor) or cand.source is not None and actor.name == cand.source.name:  # type: ignore[union-attr]
            continue
        head = tok
        while head.dep_ in PHRASE_DEPS and head.head.i != head.i:
            head = head.head
        if head.dep_ in VICTIM_SLOTS:
            verb = head.head
        elif head.dep_ == "pobj" and head.head.lower_ in VICTIM_PREPS:
            verb = head.head.head
        else:
            continue
        if verb.i in acts or verb.lemma_.lower() in OUTCOME_LEMMAS:
            return actor
    return None
