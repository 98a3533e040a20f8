"""Code an event in each ontology: PLOVER mode, ACLED event and sub-event type, CAMEO root."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from eventcoder.actors import community_of, entries
from eventcoder.nlp import WHOLE_DOC_TOKENS
from eventcoder.lexicon import WeaponCue, acled_event_types, acled_sub_types_by_plover, in_class, weapon_cues, words
from eventcoder.lexicon import triggers as all_triggers  # (this module's arguments are named triggers)
from eventcoder.participants import ARMED_BODY_SECTORS, CROWD_SECTORS, agents, is_crowd, participants
from eventcoder.records import Actor
from eventcoder.roles import TWO_SIDED_LEMMAS, actor_at, holder_of_the_site, named_between, sides_between

# PLOVER sectors of organised armed actors: violence between two of them is a battle, not an attack on civilians.
ARMED_SECTORS = frozenset({"MIL", "REB", "PRM", "COP", "UAF", "SPY"})
# Triggers that report an outcome rather than a tactic.
OUTCOME_LEMMAS = frozenset({"kill", "killing", "wound", "injure", "die", "murder", "destroy", "damage", "target"})
# Two-sided fighting that, once someone is killed, ACLED codes as a battle between communal sides; unless the
# sides are named as crowds (CROWD_SIDES), which stay rioters.
DEADLY_CLASH_LEMMAS = frozenset({"clash", "fight", "fighting", "battle", "skirmish", "confrontation"})
CROWD_SIDES = frozenset({"mob", "group", "supporter", "member", "youth", "crowd", "gang"})
# Words of talks that make them peace talks, which ACLED codes as an agreement.
PEACE_WORDS = frozenset({"peace", "ceasefire", "truce"})
# Crowds whose treatment by the police ACLED codes under demonstrations, not as an attack on civilians.
CROWD_TARGETS = frozenset({"protesters", "demonstrators", "rioters", "mob"})
# ACLED sub-event types of a demonstration the state acted on.
POLICE_RESPONSES = {"intervention": "Protest with intervention", "excessive-force": "Excessive force against protesters"}
# Modes of ordnance: shells and explosives, what an attack fires or sets off and what monitors count in blasts.
BLAST_MODES = frozenset({"heavy-weapons", "explosives"})
# Modes of violence a crowd commits with what it has to hand: ACLED codes them as riots.
CROWD_MODES = frozenset({None, "beat", "primitive", "destroy"})
# Words of a demonstration: a crowd's violence during one is a violent demonstration, not mob violence.
PROTEST_LEMMAS = frozenset({"protest", "protester", "demonstrate", "demonstration", "demonstrator", "rally", "march"})
# Words of a crowd, of breaking one up, or of a demonstration, beside which tear gas and smoke grenades are crowd
# control.
CROWD_WORDS = frozenset({"crowd", "disperse", "riot", "rioter", "mob"}) | PROTEST_LEMMAS
# Verbs of a crowd breaking up a rally or meeting: the rally is what they act on, and their act is a riot.
DISRUPTING_VERBS = frozenset({"disrupt", "invade", "storm", "break", "attack"})
# Verbs of rushing in that, with "out" or "off", tell people leaving ("stormed out of the hospital").
RUSHING_VERBS = frozenset({"storm"})
LEAVING_PARTICLES = frozenset({"out", "off"})
# Riot words that, beside the state's response to a demonstration, as often describe the police ("violently dispersed").
AMBIGUOUS_RIOT = frozenset({"violent", "violently", "violence", "unrest"})
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY"})
# A trigger's requirement of illegal drugs ("seized ... cocaine"): a seizure of a gang's goods when the state makes it.
DRUG_CLASS = "@drug"
# Nouns of a community as a fighting side ("two Maasai clans clashed"): ACLED's identity militias.
COMMUNITY_NOUNS = frozenset({"clan", "community", "tribe"})
# Modifiers that make violence a fight between communities ("ethnic violence", "clashes between rival tribal groups").
COMMUNAL_MODIFIERS = frozenset({"ethnic", "tribal", "communal", "inter-communal", "intercommunal", "inter-ethnic",
                                "interethnic", "inter-clan", "clan"})
# Modifiers of one plural noun that holds both sides of a fight ("between rival groups", "between two clans").
RIVAL_WORDS = frozenset({"rival", "two", "opposing", "warring", "feuding"})
# Armed actors outside the state: with one of them on a side, a fight is a battle, not a riot.
NON_STATE_ARMED = frozenset({"REB", "PRM", "UAF", "CRM"})
# Words that introduce what someone is accused of: a weapon word below them is the accusation, not the tactic.
ACCUSING_LEMMAS = frozenset({"suspect", "accuse", "charge", "convict", "allege"})
# The weapon word of a suicide attack: in the subject of the verb, it names the tactic ("a suicide bomber ... blew up").
SUICIDE_WORD = "suicide"
# How far (in tokens) around an attack trigger a weapon word still describes it.
WEAPON_WINDOW = 6


@dataclass(frozen=True)
class Coding:
    """The event's category in each ontology."""

    mode: str | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    cameo_root: str | None


# ACLED's sub-event type of a chemical agent, named anywhere in the sentence of the attack that used it.
CHEMICAL = "Chemical weapon"
# Words that put a weapon in the support of an operation, not in the operation: "backed by airstrikes".
SUPPORT_WORDS = frozenset({"support", "back", "assist", "cover"})


def weapon_cue(triggers: list[Token], *, besides_trigger: bool = False) -> WeaponCue | None:
    """The highest-ranking weapon word on any mention of the event, among its modifiers or near it
    (`besides_trigger`: only words other than the trigger itself, to corroborate an ambiguous trigger)."""
    found = [cue for trigger in triggers if (cue := _weapon_near(trigger, besides_trigger)) is not None]
    return min(found, key=lambda c: c.rank) if found else None


def _weapon_near(trigger: Token, besides_trigger: bool) -> WeaponCue | None:
    cues = weapon_cues()
    sent = trigger.sent
    if trigger.lemma_.lower() in OUTCOME_LEMMAS:
        # "a suicide bomber blew himself up ..., killing four": the tactic is named anywhere in the sentence
        near = list(sent)
    else:
        near = list(trigger.subtree) if trigger.pos_ == "NOUN" else [trigger] + list(trigger.children) \
            + _object_list(trigger) + _suicide_subject(trigger) + _by_what(trigger)
    doc = trigger.doc
    window = doc[max(sent.start, trigger.i - WEAPON_WINDOW): min(sent.end, trigger.i + WEAPON_WINDOW)]
    # to corroborate, a weapon word must name a weapon, not modify another noun ("a bullet train")
    # "grenade launchers": the pair names the weapon, so its first word does not count alone
    # a chemical agent anywhere in the sentence says what the weapon carried ("mortars filled with chlorine gas")
    chemical, chemical_ends = words("chemical_agent"), _chemical_cue_ends()
    agents_ = [tok for tok in sent if tok.lower_ in chemical
               or (tok.lower_ in chemical_ends or tok.lemma_.lower() in chemical_ends)
               and (key := _longest_key(doc, tok, cues)) is not None
               and cues[key].acled_sub_event_type == CHEMICAL]
    # each word once, in the order first met (the lowest rank met first wins, as it would with repeats)
    tokens = list({tok.i: tok for tok in (*near, *window, *agents_)}.values())
    skip = {tok.i for tok in tokens if tok.i + 1 < len(doc) and f"{tok.lower_} {doc[tok.i + 1].lower_}" in cues}
    found = [(tok, cues[key]) for tok in tokens if tok.i not in skip
             and not (besides_trigger and tok.i == trigger.i)
             and not (besides_trigger and tok.dep_ == "compound" and tok.head.i != trigger.i
                      and tok.head.lemma_.lower() not in cues)
             for key in [_longest_key(doc, tok, cues)] if key is not None]
    found = [cue for tok, cue in found if not _accused_of(tok, trigger) and not _into_the_air(tok)
             and not _in_support(tok, trigger) and not _names_a_site(tok) and not _in_a_victims_name(tok)
             and not (_countering(tok) and not cue.cue.startswith("anti"))]
    return min(found, key=lambda c: c.rank) if found else None


def names_a_weapon(tok: Token) -> bool:
    """Whether a word, as written or by its lemma, is a weapon cue ("bomb", "grenades")."""
    cues = weapon_cues()
    return tok.lower_ in cues or tok.lemma_.lower() in cues


def _suicide_subject(trigger: Token) -> list[Token]:
    """The words of the verb's subject when they name a suicide attacker ("a suicide bomber, identified as X, riding
    an explosive-laden vehicle, blew up"): the tactic, however far the subject's words stand from the verb."""
    subjects = [c for c in trigger.children if c.dep_ == "nsubj"]
    return [t for subject in subjects for t in subject.subtree if t.lower_ == SUICIDE_WORD]


def _by_what(trigger: Token) -> list[Token]:
    """The object of a passive's "by" and its modifiers: what hit the victims may be the weapon ("hit by a
    Taliban-planted IED", "killed by a roadside bomb")."""
    return [t for agent in trigger.children if agent.dep_ == "agent"
            for obj in agent.children if obj.dep_ == "pobj"
            for t in (obj, *(c for c in obj.children if c.dep_ in ("compound", "amod")))]


def _object_list(trigger: Token) -> list[Token]:
    """The items of a verb's object list and their modifiers ("fired 23mm, 14.5mm and 7.62mm machine guns"), which
    the parser chains as appositions and conjuncts beyond the verb's reach."""
    items = [c for c in trigger.children if c.dep_ == "dobj"]
    for item in items:
        items.extend(c for c in item.children if c.dep_ in ("conj", "appos") and c not in items)
    return [t for item in items
            for t in (item, *(c for c in item.children if c.dep_ in ("compound", "amod", "nummod")))]


def _longest_key(doc: Doc, tok: Token, cues: dict[str, WeaponCue]) -> str | None:
    """The longest weapon cue ending at a token: the phrase names the weapon ("smoke grenades" are no grenades,
    "heavy machine guns" no small arms)."""
    for key in reversed(_longer_keys(doc, tok)):
        if key in cues:
            return key
    lower = tok.lower_
    if lower in cues:
        return lower
    lemma = tok.lemma_.lower()
    return lemma if lemma in cues else None


def _longer_keys(doc: Doc, tok: Token) -> tuple[str, ...]:
    """The two- and three-token phrases ending at a token ("machine guns", "heavy machine guns"), when some weapon
    cue longer than the token ends with it: only then can they name one."""
    if not tok.i or not _ends_a_longer_cue(tok.lower_):
        return ()
    three = doc[tok.i - 2: tok.i + 1].text.lower() if tok.i > 1 else ""
    return f"{doc[tok.i - 1].lower_} {tok.lower_}", three


@cache
def _chemical_cue_ends() -> frozenset[str]:
    """Last words of the chemical-weapon cues ("gas" of "poison gas"): only these tokens can end one."""
    return frozenset(key.split()[-1] for key, cue in weapon_cues().items() if cue.acled_sub_event_type == CHEMICAL)


@cache
def _ends_a_longer_cue(word: str) -> bool:
    return any(len(key) > len(word) and key.endswith(word) for key in weapon_cues())


def _in_support(tok: Token, trigger: Token) -> bool:
    """'an operation by police special units supported by the air force', 'backed by airstrikes': the weapon of the
    support, not of the fighting itself, which ACLED codes as the ground battle."""
    for anc in tok.ancestors:
        if anc.i == trigger.i:
            return False
        if anc.lemma_.lower() in SUPPORT_WORDS and (anc.tag_ == "VBN" or anc.pos_ == "NOUN"):
            return True
    return False


# Buildings named by what they make or sell ("a chemical plant", "a gun shop"): the word is no weapon used.
MAKING_SITES = frozenset({"plant", "factory", "shop", "store", "warehouse", "depot", "facility", "industry", "company",
                          "firm", "laboratory", "lab", "market"})


def _names_a_site(tok: Token) -> bool:
    """'a chemical plant', 'a gun shop': a weapon word naming what a building makes or sells, not the weapon used; 'a
    gold mine', 'mine employees', 'ambushed a mine': a mine dug for ore; 'from the roadside', 'a roadside forest': a
    roadside that holds no bomb."""
    if tok.dep_ in ("amod", "compound") and tok.head.lemma_.lower() in MAKING_SITES:
        return True
    if tok.lemma_.lower() == "mine":
        return any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in ORES for c in tok.children) \
            or tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() not in BLAST_NOUNS \
            or tok.dep_ == "dobj" and tok.head.lemma_.lower() in RAIDING_VERBS
    if tok.lower_ == "roadside":
        return tok.dep_ not in ("amod", "compound", "nmod") or tok.head.lemma_.lower() not in BLAST_NOUNS
    return False


# What a mine is dug for ("a gold mine"), and the nouns of a blast a roadside or a mine may name ("a roadside
# bomb", "a mine blast"); verbs whose object is a place, never a weapon ("attacked a mine").
ORES = frozenset({"gold", "coal", "copper", "diamond", "tin", "salt", "iron", "phosphate", "uranium", "cobalt", "coltan",
                  "silver", "emerald", "jade", "ruby", "lithium", "zinc", "bauxite", "manganese", "nickel"})
BLAST_NOUNS = frozenset({"bomb", "bombing", "device", "ied", "explosive", "explosion", "blast", "mine", "landmine",
                         "charge", "attack", "explosives"})
RAIDING_VERBS = frozenset({"attack", "ambush", "raid", "storm", "seize", "capture", "overrun"})


def _countering(tok: Token) -> bool:
    """'anti-aircraft guns', 'anti-tank missiles': the weapon is made against the word's thing, which is not used."""
    doc = tok.doc
    return tok.lower_.startswith("anti-") or \
        tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ == "anti"


def _in_a_victims_name(tok: Token) -> bool:
    """'members of the regime's Air Force Intelligence were killed': a weapon word in the name of those attacked is
    who they are, not how they were attacked (the air force bombing is its subject: "the Air Force struck")."""
    if tok.pos_ != "PROPN" or tok.ent_type_ not in ("ORG", "NORP"):
        return False
    for anc in tok.ancestors:
        if anc.dep_ in ("compound", "pobj", "prep", "poss", "appos"):
            continue
        return anc.dep_ in ("nsubjpass", "dobj")
    return False


def _into_the_air(tok: Token) -> bool:
    """'fired shots in the air': warning shots, not an air strike."""
    return tok.lower_ == "air" and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "into")


def _accused_of(tok: Token, trigger: Token) -> bool:
    """'a man suspected of kidnapping a child was beaten': what the victim is accused of is not the weapon."""
    above_trigger = {a.i for a in trigger.ancestors} | {trigger.i}
    return any(a.lemma_.lower() in ACCUSING_LEMMAS and a.dep_ in ("acl", "relcl") and a.i not in above_trigger
               for a in tok.ancestors)


def _prominent(target: Actor | None) -> bool:
    """An official by title: attacks on them are targeted killings (a person named without one is not: GTD codes
    "gunmen shot and killed Ahmed Ali" as an armed assault)."""
    if target is None:
        return False
    return bool(set(target.text.lower().replace(",", " ").split()) & words("prominent"))


def _violent_demonstration(triggers: list[Token], source: Actor | None,
                           ignore: frozenset[str] = frozenset()) -> bool:
    """Rioters, or a demonstration with burning tyres, barricades, stones or clashes (`ignore`: cue words
    that count only on the protest itself, "violently protest")."""
    if source is not None and source.name in ("rioters", "mob"):
        return True
    if any(t.dep_ == "dobj" and t.head.lemma_.lower() in DISRUPTING_VERBS and any(is_crowd(a) for a in agents(t.head))
           for t in triggers):
        return True  # "youths disrupted the rally": the crowd that broke up a meeting rioted
    return any(riot_cue(tok) and (tok.lower_ not in ignore or tok.head in triggers)
               for sent in _incident_sentences(triggers[0]) for tok in sent)


def _incident_sentences(trigger: Token) -> list[Span]:
    """The trigger's sentence; in a short note, every sentence from it on ("Students demonstrated against ...
    During the protest students vandalised and looted shops")."""
    if len(trigger.doc) > WHOLE_DOC_TOKENS:
        return [trigger.sent]
    return [s for s in trigger.doc.sents if s.end > trigger.sent.start]


# Prepositions and verbs that introduce what a protest is about: a riot word there is the grievance
# ("protested against violence", "denouncing the burning of dormitories"), not the protesters' act.
GRIEVANCE_PREPS = frozenset({"against", "over", "about"})
# Prepositions of what went before: "after the riots in the country's prisons" is the background, not this crowd.
BACKGROUND_PREPS = frozenset({"after", "following"})
GRIEVANCE_VERBS = frozenset({"denounce", "condemn", "oppose", "decry", "fear", "protest", "demonstrate",
                             "demand", "mark", "follow", "advocate", "call", "urge", "shun", "end", "stop",
                             "commemorate", "honour", "honor", "mourn", "remember"})
# Reflexive objects: "barricaded themselves into an office" is an occupation, not a barricade in the street.
REFLEXIVES = frozenset({"themselves", "himself", "herself", "ourselves"})


def stormed_out(token: Token) -> bool:
    """'patients stormed out of the hospital', 'the delegates stormed off': a walk-out, not an assault nor a riot."""
    return token.lemma_.lower() in RUSHING_VERBS and any(
        c.dep_ in ("prt", "prep", "advmod") and c.lower_ in LEAVING_PARTICLES for c in token.children)


def riot_cue(tok: Token, cues: frozenset[str] | None = None) -> bool:
    """A word of a violent demonstration, not a modifier ('riot police') nor part of the grievance."""
    cues = words("riot_cue") if cues is None else cues
    active = tok.lower_ in words("riot_active") and tok.tag_ == "VBD"  # "destroyed kiosks", not "stalls destroyed"
    if tok.lemma_.lower() == "light":  # "lit tyres", "lit fires" (even read as "lit fires"), not "lit candles"
        lit = [c for c in tok.children if c.dep_ == "dobj"] + ([tok.head] if tok.dep_ == "amod" else []) \
            + ([tok.doc[tok.i + 1]] if tok.i + 1 < len(tok.doc) else [])  # (the word after, however it is hung)
        if not any(in_class(c, "blaze") or c.lemma_.lower() == "fire" for c in lit):
            return False
    elif tok.dep_ == "amod" and tok.tag_ in ("VBN", "VBD"):
        return False  # "a burnt transformer" (not "violent protests", "burning objects")
    if not (tok.lower_ in cues or tok.lemma_.lower() in cues or active) or tok.dep_ == "compound" or _denied(tok):
        return False  # ("riot police")
    if tok.i > 1 and tok.doc[tok.i - 2].lower_ == "anti" and tok.doc[tok.i - 1].text == "-":
        return False  # "anti-riot police", however the parser hangs it
    if any(c.dep_ == "dobj" and c.lemma_.lower() == "street" for c in tok.children):
        return False  # "stormed the streets" is marching, not storming a building
    if any(c.dep_ == "dobj" and c.lower_ in REFLEXIVES for c in tok.children) or stormed_out(tok):
        return False
    if any(_clause_told_before(node) for node in (tok, *tok.ancestors)):
        return False  # "a protest after a residential hall is burned": what went before
    for anc in tok.ancestors:
        background = anc.lower_ in BACKGROUND_PREPS and tok.pos_ == "NOUN"  # "after the riots in the prisons"
        if (anc.dep_ == "prep" or background and anc.dep_ in ("acl", "advcl")) \
                and (anc.lower_ in GRIEVANCE_PREPS or background) or anc.pos_ == "VERB" and \
                anc.lemma_.lower() in GRIEVANCE_VERBS and anc.i < tok.i and anc.i != tok.head.head.i:
            return False
        if anc.dep_ == "prep" and anc.lower_ == "of" and anc.head.dep_ in ("nsubj", "nsubjpass"):
            return False  # "survivors of the 2008 election violence gathered": who the crowd is
    return True


def _clause_told_before(node: Token) -> bool:
    """A verb in a clause introduced by "after"/"following" whose subject is not the crowd's pronoun: what went
    before the protest ("after a residential hall is burned"; not "after they lit fires")."""
    return node.pos_ in ("VERB", "AUX") and any(c.dep_ == "mark" and c.lower_ in BACKGROUND_PREPS
                                               for c in node.children) \
        and not any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in node.children)


def _denied(tok: Token) -> bool:
    """A word in a denial: "no report of violence", "without violence", "no stones were thrown", "devoid of police
    presence and running battles"."""
    node = tok
    while True:
        if node.lower_ in ("without", "devoid") or any(c.dep_ in ("det", "neg") and c.lower_ in words("negation")
                                           for c in node.children):
            return True
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return False
        node = node.head


def _is_armed(actor: Actor | None) -> bool:
    """An organised armed actor; ACLED counts gangs and bandits among them when they are the ones attacked."""
    return actor is not None and actor.sector in ARMED_BODY_SECTORS


# Verbs of taking a place over that tell no fight of their own ("took over the village", "overtakes Bula Golol").
PRESENCE_TAKEOVERS = frozenset({"take", "overtake"})


def _territory_type(triggers: list[Token], source: Actor | None) -> str:
    """Who took a place, and how: without a fight, back to the government, or to a non-state actor."""
    sent = {t.lower_ for t in triggers[0].sent}
    if sent & words("peaceful_takeover"):
        return "Non-violent transfer of territory"
    if triggers[0].lemma_.lower() in PRESENCE_TAKEOVERS and not any(
            entry.event_type == "ASSAULT" and entry.requires is None
            for t in triggers[0].sent if t.i != triggers[0].i for entry in all_triggers().get(t.lemma_.lower(), ())):
        return "Non-violent transfer of territory"  # "al Shabaab briefly took over Basuba", with no fight told
    if source is not None and source.sector in STATE_SECTORS:
        return "Government regains territory"
    return "Non-state actor overtakes territory"


def _by_crowd(triggers: list[Token], source: Actor | None) -> bool:
    """Done by civilians acting together: a crowd source, or crowd nouns as the agents of an unattributed act."""
    if source is not None:
        return source.sector in CROWD_SECTORS
    return any(is_crowd(tok) for t in triggers for tok in agents(t))


def _crowd_fight(triggers: list[Token], source: Actor | None, firefight: bool) -> bool:
    """A fight with a crowd on one side and no rebels, militias or gangs on either ("supporters clash with police");
    `firefight`: whether the fight is an exchange of fire (`_firefight`, computed once by the caller)."""
    sides = [tok for t in triggers for tok in participants(t)]
    if source is not None and source.sector in NON_STATE_ARMED:
        return False
    if firefight:
        return False  # a shoot-out or an exchange of fire is between armed sides, whoever they are
    # a clash with no sides named, told beside a crowd, is the crowd's ("police fire tear gas to disperse student
    # protesters during a clash")
    unnamed_sides = source is None and not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in sides)
    crowd = any(is_crowd(tok) for tok in sides) or (source is not None and source.sector in CROWD_SECTORS) \
        or unnamed_sides and any(is_crowd(tok) for tok in triggers[0].sent)
    # communities or peoples fighting ("Pokot and Turkana clashed", "Somalis", "the Kisii and Kipsigis groups")
    # are identity militias, and sides the text calls armed ("two armed families") are armed: a battle
    return crowd and not any((a := actor_at(tok)) is not None and a.sector in NON_STATE_ARMED
                             or community_of(tok.ent_id_) or tok.tag_ == "NNPS" and tok.ent_type_ == "NORP"
                             or tok.lemma_.lower() in COMMUNITY_NOUNS or _named_people(tok)
                             or any(c.dep_ == "amod" and c.lower_ == "armed" for c in tok.children)
                             for tok in sides)


def _deaths(sent: Span) -> bool:
    """A death is told in the sentence ("were beaten and killed")."""
    return any(in_class(t, "death") for t in sent)


def _brawl(triggers: list[Token]) -> bool:
    """A fight told with street weapons ("pelted stones", "with sticks and axes", "beaten up") and no gun, bomb,
    blade or arrow anywhere in its sentence."""
    sent = triggers[0].sent
    cues = weapon_cues()
    if any(in_class(t, "armed_weapon")
           or (cue := cues.get(t.lemma_.lower()) or cues.get(t.lower_)) is not None and cue.mode != "primitive"
           for t in sent):
        return False
    return any(in_class(t, "brawl") for t in sent)


def _named_people(tok: Token) -> bool:
    """'the Kisii and Kipsigis groups': a group named by peoples."""
    return tok.lemma_.lower() == "group" and any(c.ent_type_ == "NORP" for c in tok.subtree if c.i < tok.i)


def _armed_sides(triggers: list[Token]) -> bool:
    """An armed actor, or a people (an identity militia), among the sides of a fight ("fighting between the army
    and the rebels killed three", "killed in violence between Kalenjin and Maasai", "between rival ethnic groups");
    or violence named communal ("post-election ethnic violence")."""
    sides = [tok for t in triggers if t.lemma_.lower() in TWO_SIDED_LEMMAS for tok in participants(t)]
    sides += [tok for t in triggers for tok in sides_between(t) + _rivals_between(t)]
    return any(_is_armed(actor_at(tok)) or tok.ent_type_ == "NORP" or tok.lemma_.lower() in COMMUNITY_NOUNS
               or _communal(tok) for tok in sides) or any(_communal_violence(t) for t in triggers)


def _communal(tok: Token) -> bool:
    return any(c.dep_ in ("amod", "compound") and c.lower_ in COMMUNAL_MODIFIERS for c in tok.children)


def _communal_violence(trigger: Token) -> bool:
    """'post-election ethnic violence', 'inter-clan fighting': violence between communities, aimed at nobody named."""
    return trigger.pos_ == "NOUN" and _communal(trigger) and not any(
        p.dep_ == "prep" and p.lower_ in ("against", "on") for p in trigger.children)


def _rivals_between(trigger: Token) -> list[Token]:
    """'violence between rival ethnic groups', 'clashes between two clans': both sides, communities or armed
    groups, in one plural noun (not "a dispute between two factions of a family")."""
    return [o for o in named_between(trigger) if not o.conjuncts and o.tag_ == "NNS"
            and (o.lemma_.lower() in COMMUNITY_NOUNS or any(c.lower_ in RIVAL_WORDS for c in o.children)
                 and (_communal(o) or _is_armed(actor_at(o))))]


def _attack_told(triggers: list[Token]) -> bool:
    """A mention of the event that is violence against people, not only against property ("an arson attack
    targeting a hotel building" is against property)."""
    return any(entry.event_type == "ASSAULT" and entry.mode != "destroy" and t.lemma_.lower() not in OUTCOME_LEMMAS
               and not _on_property(t)
               for t in triggers for entry in all_triggers().get(t.lemma_.lower(), ()))


def _on_property(trigger: Token) -> bool:
    """An attack whose objects are all buildings or goods: "attacked and burned a school", "an arson attack
    targeting a factory"."""
    holders = [trigger] + [c for c in trigger.children if c.dep_ in ("acl", "advcl") and c.lemma_ == "target"
                           or c.dep_ == "conj" and c.pos_ == "VERB"]  # "attacked and burned a school"
    objects = [o for h in holders for o in h.children if o.dep_ == "dobj" and o.lemma_.lower() not in weapon_cues()] \
        + [o for p in trigger.children if p.dep_ == "prep" and p.lower_ in ("on", "at") and p.i > trigger.i
           for o in p.children if o.dep_ == "pobj" and not o.ent_type_]
    return bool(objects) and all(in_class(o, "property_target") for o in objects)


def _firefight(triggers: list[Token]) -> bool:
    """Fire from both sides: 'a shoot-out', 'exchanged fire', 'a gun battle', 'caught in crossfire'."""
    for t in triggers:
        lemma = t.lemma_.lower()
        modifiers = {c.lower_ for c in t.children if c.dep_ in ("compound", "amod", "dobj", "nmod")}
        exchanged = lemma == "fire" and (t.head.lemma_.lower() == "exchange" or "exchange" in
                                         {c.lemma_.lower() for c in t.children})  # "exchange fire" on "fire"
        if lemma in words("firefight") or _returned_fire(t) or exchanged \
                or lemma == "exchange" and "fire" in modifiers \
                or lemma in ("battle", "fight") and modifiers & {"gun", "fire"}:
            return True
    return False


def _returned_fire(trigger: Token) -> bool:
    """'a shoot-out broke out', 'the police shot back': fire from both sides (on 'shoot', or on the 'out' of a
    shoot-out that is the trigger)."""
    doc = trigger.doc
    if trigger.lemma_.lower() == "out":
        return any(doc[j].lower_ == "shoot" for j in range(max(trigger.i - 2, 0), trigger.i))
    after = [t.lower_ for t in doc[trigger.i + 1: trigger.i + 3]]
    return trigger.lemma_.lower() == "shoot" and (after[:2] == ["-", "out"] or after[:1] in (["back"], ["out"]))


# Verbs of answering fire: "responded to pro-Houthi shelling" is an exchange, a battle.
ANSWERING_VERBS = frozenset({"respond", "reply", "retaliate"})


def _responded_to(trigger: Token) -> bool:
    """'forces responded to the shelling', 'responded to their fire': fire answered, from both sides."""
    if trigger.lemma_.lower() in ANSWERING_VERBS:
        return True
    # (the parser may read "to X shelling" as an infinitive: "shelling" under "rebel" under "responded")
    # (not "responded to the attack by assaulting civilians": the response told is another act)
    return any(verb.lemma_.lower() in ANSWERING_VERBS and verb.i < trigger.i
               and any(t.lower_ == "to" for t in trigger.doc[verb.i + 1: trigger.i])
               and not any(c.lower_ == "by" for c in verb.children)
               for verb in list(trigger.ancestors)[:2])


# Close-range attacks the attacked forces can fire back at (not shelling or air strikes from afar).
ANSWERABLE_MODES = frozenset({"explosives"})
# Words of a reply to an attack: "opened fire in response", "reacted with gunfire", "fired back".
RESPONSE_WORDS = frozenset({"response", "responded", "reacted", "back", "returned", "retaliated"})


def _answered_fire(mentions: list[Token]) -> bool:
    """A later mention of the event that is the attacked side's gunfire in reply."""
    return any(t.lemma_.lower() in ("gunfire", "fire", "shoot", "shot") and
               any(w.lower_ in RESPONSE_WORDS for w in t.sent) for t in mentions)


# Particles that make "push" and "drive" a force fighting attackers off ("pushed back", "were driven out").
REPELLING_PARTICLES = frozenset({"back", "out", "off", "away"})


def fights_off(token: Token) -> bool:
    """'repulsed the raiders', 'pushed back the attackers', 'were driven out': a verb of fighting attackers off."""
    lemma = token.lemma_.lower()
    if lemma in ("push", "drive"):
        return any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ in REPELLING_PARTICLES for c in token.children)
    return token.pos_ == "VERB" and lemma in words("repel")


def _out_of_held_ground(trigger: Token) -> bool:
    """'pushed back from their strongholds', 'drove the militants out of the town': attackers forced off ground
    they held, which ACLED codes as territory changing hands (not "repelled from the base" they attacked)."""
    if trigger.lemma_.lower() not in ("push", "drive") or not fights_off(trigger):
        return False
    holders = [trigger, *(c for c in trigger.children if c.lower_ in REPELLING_PARTICLES)]  # ("back from")
    places = [o for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ in ("from", "of")
              for o in p.children if o.dep_ == "pobj"]
    return any(o.lemma_.lower() in words("held_area") or o.lower_ in words("held_area")
               or o.ent_type_ in ("GPE", "LOC") for o in places)


# Verbs of making a weapon harmless ("destroyed 23 IEDs"); detonating one is that only when the state does it ("police
# detonated a bomb planted by a man"), not when armed men set one off.
DISARMING_VERBS = frozenset({"destroy", "detonate"})
FIRING_LEMMAS = frozenset({"shoot", "fire", "shot", "gunshot", "shooting"})


def _disarmed(triggers: list[Token], source: Actor | None) -> bool:
    """Found weapons made harmless (ACLED: disrupted weapons use): destroyed, or detonated by state forces, told by
    no other mention of the event."""
    if any(t.lemma_.lower() not in DISARMING_VERBS for t in triggers):
        return False  # "airstrikes killed fighters, destroying heavy weapons": the strike is the event
    by_state = source is not None and source.sector in STATE_SECTORS
    for trigger in triggers:
        if trigger.lemma_.lower() == "detonate" and not by_state:
            continue
        objects = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
        objects += [o for c in objects for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                    for o in p.children if o.dep_ == "pobj"]  # "large caches of weapons"
        if objects and all(in_class(o, "found_weapon") for o in objects):
            return True
    return False


def _warning_shots(triggers: list[Token], source: Actor | None) -> bool:
    """State forces firing into the air or warning shots, with no crowd to disperse and nobody hurt: a show of force
    (ACLED: strategic development, other), not an attack."""
    if source is None or source.sector not in STATE_SECTORS or \
            any(t.lemma_.lower() not in FIRING_LEMMAS for t in triggers):
        return False
    sent = triggers[0].sent
    warned = any(_into_the_air(t) or t.lower_ == "warning" and t.head.lemma_.lower() in FIRING_LEMMAS for t in sent)
    return warned and not any(in_class(t, "death") or in_class(t, "injury") or in_class(t, "crowd_control")
                              or in_class(t, "gathering") or t.lemma_.lower() in PROTEST_LEMMAS for t in sent)


def _war_remnant(triggers: list[Token]) -> bool:
    """'an unexploded mortar round went off', 'a landmine, laid during the Iran-Iraq War': a past war's ordnance."""
    sent = triggers[0].sent
    return any(in_class(t, "war_remnant") for t in sent) or any(
        t.lemma_.lower() == "war" and t.head.lower_ == "during" and t.head.head.tag_ == "VBN" for t in sent)


def _left_ground(trigger: Token, source: Actor | None) -> bool:
    """Armed forces that withdrew from a named place or a town, base or crossing (not troops withdrawn from a
    country, which ACLED codes as a change of activity)."""
    if source is None or source.sector not in ARMED_SECTORS:
        return False
    # the "from" may hang lower ("withdrew today [Sunday] from the Walid crossing")
    places = [o for p in trigger.subtree if p.lower_ == "from" and p.i > trigger.i
              for o in p.children if o.dep_ == "pobj"]
    return any(in_class(o, "territory") or o.pos_ == "PROPN" and o.ent_type_ not in ("ORG", "NORP")
               and not _country_name(o) for o in places)


def _country_name(tok: Token) -> bool:
    """'withdrew from Saudi Arabia': a country, not a place taken."""
    name = next((ent.text for ent in tok.doc.ents if ent.start <= tok.i < ent.end), tok.text)
    entry = entries().get(re.sub(r"^the ", "", name))
    return entry is not None and entry.kind == "country"


def _repelled(trigger: Token) -> bool:
    """'forces repelled an IS attack', 'thwarted a Houthi attack': the attacked side fought back."""
    return trigger.dep_ in ("dobj", "nsubjpass") and trigger.head.lemma_.lower() in words("repel")


def _at_a_crowd(triggers: list[Token], target: Actor | None) -> bool:
    """A crowd is the target, or a demonstration is told beside: where crowd-control weapons make a police response."""
    return target is not None and crowd_noun(target) in CROWD_TARGETS \
        or any(t.lemma_.lower() in CROWD_WORDS for trigger in triggers for t in trigger.sent)


def _an_exchange_of(trigger: Token) -> bool:
    """'a shelling exchange between regime forces and Turkish forces': both sides fire (the parser may read the
    noun compound as a verb and its object)."""
    return trigger.dep_ == "compound" and trigger.head.lemma_.lower() == "exchange" \
        or any(c.dep_ == "dobj" and c.lemma_.lower() == "exchange" and c.i == trigger.i + 1 for c in trigger.children)


def _engagement(triggers: list[Token], target: Actor | None) -> bool:
    """Small arms or fighting positions named in any sentence of the event, and no civilian target."""
    if target is not None and target.sector is not None and not _is_armed(target):
        return False
    sents = {t.sent.start: t.sent for t in triggers}.values()  # ("... The monitors observed small-arms fire")
    text = " " + " ".join(t.lower_ for sent in sents for t in sent) + " "
    return any(f" {cue} " in text for cue in words("engagement"))


def crowd_noun(actor: Actor) -> str | None:
    """The crowd an actor is, by its last word: "protesters", and a group's crowd ("CORD protesters"), else None."""
    words_ = actor.name.split()
    return words_[-1] if words_ and (len(words_) == 1 or actor.sector == "CVL") else None


def _state_on_crowd(source: Actor | None, target: Actor | None) -> bool:
    return source is not None and source.sector in STATE_SECTORS and target is not None \
        and crowd_noun(target) in CROWD_TARGETS


def _crowd_response_type(target: Actor, triggers: list[Token]) -> str:
    """Police force on protesters is excessive force against them; on rioters or a mob, part of the riot."""
    fight = any(t.lemma_.lower() in TWO_SIDED_LEMMAS for t in triggers)
    if crowd_noun(target) in ("protesters", "demonstrators") and not fight:
        return "Excessive force against protesters"
    if fight:
        return "Violent demonstration"  # "police clashed with protesters": the protesters fought too
    protesting = any(t.lemma_.lower() in PROTEST_LEMMAS for t in triggers[0].sent)
    return "Violent demonstration" if protesting else "Mob violence"


def armed_on_duty(actor: Actor | None) -> bool:
    """An armed actor, unless the text says it was off duty or retired (ACLED then codes a civilian)."""
    return _is_armed(actor) and not set(actor.text.lower().replace("-", " ").split()) & OFF_DUTY  # type: ignore[union-attr]


# Two-sided words of a quarrel, which an armed man may have with a civilian: no battle by themselves.
QUARREL_LEMMAS = frozenset({"altercation", "brawl", "scuffle"})
# Dependencies of the people an act of violence fell on: "killed 3 IS militants", "2 soldiers were shot".
VICTIM_DEPS = frozenset({"dobj", "nsubjpass"})
# Words beside a victim that name the armed group it belongs to ("2 NDS members", "3 IS militants").
VICTIM_NAME_DEPS = frozenset({"compound", "attr", "appos"})
# Modifiers that make a soldier or police officer a civilian for ACLED ("an off-duty officer").
OFF_DUTY = frozenset({"off-duty", "former", "retired", "ex", "off", "unarmed"})


def _told_off_duty(sent: Span) -> bool:
    """The sentence says the victim was off duty ("off-duty", "off duty"), however the parser attached it."""
    return any(t.lower_ == "off-duty" or t.lower_ == "off" and t.i + 2 < len(t.doc) and "duty" in
               (t.doc[t.i + 1].lower_, t.doc[t.i + 2].lower_) for t in sent)


def _armed_victims(triggers: list[Token]) -> bool:
    """Armed people among those the violence fell on, on any mention: ACLED codes that as a battle."""
    # (the holder of a site attacked, where one is named: "a camp for Congolese refugees", not "a convoy of vehicles")
    victims = [h if (h := holder_of_the_site(c)) is not c and actor_at(h) is not None else c
               for t in triggers for c in t.children if c.dep_ in VICTIM_DEPS]
    victims += [c for v in victims for c in v.conjuncts]
    heads = victims + [c for v in victims for c in v.children if c.dep_ in VICTIM_NAME_DEPS]
    # "the director of the traffic police": the force the victim belongs to
    owners = [o for v in victims for p in v.children if p.dep_ == "prep" and p.lower_ == "of"
              for o in p.children if o.dep_ == "pobj"]
    heads += owners + [c for o in owners for c in o.children if c.dep_ == "compound"]
    # ("a retired police officer": the modifier of the noun "police" names holds for "police" too)
    return any(_is_armed(actor_at(tok)) and not any(
        m.lower_ in OFF_DUTY for m in (*tok.children, *(tok.head.children if tok.dep_ == "compound" else ())))
        for tok in heads if tok.pos_ in ("NOUN", "PROPN")) or _trafficker_victim(triggers[0])


def _trafficker_victim(trigger: Token) -> bool:
    """'The victim had charges against him for drug trafficking': ACLED codes a drug gang's member as an armed
    actor, so his killing is a battle between gangs (told in the sentence after the killing)."""
    doc, sent = trigger.doc, trigger.sent
    after = doc[sent.end:sent.end + 1].sent if sent.end < len(doc) else None
    for s in (sent, after):
        if s is None:
            continue
        lemmas = [t.lemma_.lower() for t in s]
        if "victim" in lemmas and "drug" in lemmas and ("trafficking" in lemmas or "traffic" in lemmas):
            return True
    return False


def _prisoners_freed(trigger: Token) -> bool:
    """'released 67 Taliban prisoners', '52 soldiers were released from Taliban prisons': a counted group set free
    from captivity, which ACLED codes as a strategic development (one person released on bail is not)."""
    freed = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    counted = any(c.dep_ == "nummod" or c.like_num for f in freed for c in f.children)
    return counted and any(t.lemma_.lower() in words("captivity") for t in trigger.sent)


def code(event_type: str, default_mode: str | None, default_cameo: str, triggers: list[Token],
         source: Actor | None, target: Actor | None, *, police_response: str | None = None,
         fatalities: int | None = None) -> Coding:
    """Mode, ACLED type and sub-type and CAMEO root for one event (`police_response`: how the state met a
    demonstration, "intervention" or "excessive-force")."""
    coding = _code(event_type, default_mode, default_cameo, triggers, source, target, police_response)
    if coding.acled_sub_event_type == "Mob violence" and fatalities and not _brawl(triggers) and \
            any(t.lemma_.lower() in DEADLY_CLASH_LEMMAS for t in triggers) and \
            not any(t.lemma_.lower() in CROWD_SIDES for t in triggers[0].sent):
        # groups that fight until people die are armed sides, as ACLED codes communal clashes: a battle (not
        # villagers who fought with sticks and rods, nor mobs, groups or supporters, which stay rioters)
        return Coding(coding.mode, "Battles", "Armed clash", "19")
    if coding.acled_sub_event_type == "Looting/property destruction" and fatalities:
        # "killed during the rustling of 800 goats", "torched a house, killing two": people died, so an attack;
        # a fight when the dead were armed ("destroyed five IS hideouts and killed 7 militants")
        if _is_armed(target) or _armed_victims(triggers):
            return Coding(coding.mode, "Battles", "Armed clash", "19")
        return Coding(coding.mode, "Violence against civilians", "Attack", "18")
    if coding.acled_sub_event_type == "Abduction/forced disappearance" and fatalities:
        # ACLED: people kidnapped and killed were attacked, or fought when the dead were armed ("1 soldier was
        # killed after being abducted"); the abduction is how. (GTD's attack types keep the kidnapping.)
        if armed_on_duty(target) or _armed_victims(triggers):
            return Coding(coding.mode, "Battles", "Armed clash", "19")
        return replace(coding, acled_sub_event_type="Attack")
    return coding


def _code(event_type: str, default_mode: str | None, default_cameo: str, triggers: list[Token],
          source: Actor | None, target: Actor | None, police_response: str | None) -> Coding:
    if event_type == "PROTEST" and _violent_demonstration(
            triggers, source, AMBIGUOUS_RIOT if police_response is not None else frozenset()):
        default_mode = "riot"
    if event_type == "PROTEST" and default_mode != "riot" and police_response is not None:
        sub = POLICE_RESPONSES[police_response]
        return Coding(default_mode, acled_event_types()[sub], sub, "14")
    if event_type == "COERCE" and default_mode == "occupy":
        sub = _territory_type(triggers, source)
        return Coding(default_mode, acled_event_types()[sub], sub, "19")
    if event_type == "COERCE" and (default_mode == "disperse" or
                                   target is not None and crowd_noun(target) in ("protesters", "demonstrators")):
        sub = "Protest with intervention"  # "police detained protesters": ACLED codes the protest
        return Coding(default_mode, acled_event_types()[sub], sub, default_cameo)
    if event_type == "CONSULT" and any(c.lemma_.lower() in PEACE_WORDS for t in triggers for c in t.children):
        return Coding(default_mode, "Strategic developments", "Agreement", default_cameo)  # peace talks
    if event_type == "RETREAT" and default_mode == "release" and _prisoners_freed(triggers[0]):
        return Coding(default_mode, "Strategic developments", "Other", default_cameo)  # a prisoner release
    if event_type == "RETREAT" and default_mode == "withdraw" and _left_ground(triggers[0], source):
        sub = "Non-violent transfer of territory"  # "regime forces withdrew from Al-Mastumah": the place changes hands
        return Coding(default_mode, acled_event_types()[sub], sub, default_cameo)
    if event_type == "COERCE" and default_mode == "arrest" and source is not None \
            and source.sector in NON_STATE_ARMED - {"CRM"}:
        # ACLED: only the state arrests; rebels and militias that detain people abduct them ("QSD arrested a number
        # of young men")
        sub = "Abduction/forced disappearance"
        return Coding(default_mode, acled_event_types()[sub], sub, default_cameo)
    if event_type != "ASSAULT":
        sub = acled_sub_types_by_plover().get((event_type, default_mode or "")) or \
            acled_sub_types_by_plover().get((event_type, "*"))
        return Coding(default_mode, acled_event_types().get(sub) if sub else None, sub,
                      "14" if event_type == "PROTEST" else default_cameo)
    if _disarmed(triggers, source):
        return Coding("disrupt", "Strategic developments", "Disrupted weapons use", "17")
    if _warning_shots(triggers, source) or _war_remnant(triggers):
        return Coding(default_mode, "Strategic developments", "Other", default_cameo)
    if any(_out_of_held_ground(t) for t in triggers):
        # the side that pushed the other off its ground took it: the state (named, or unnamed in a passive), or not
        sub = "Non-state actor overtakes territory" if source is not None and source.sector in NON_STATE_ARMED \
            else "Government regains territory"
        return Coding(default_mode, acled_event_types()[sub], sub, "19")
    if police_response is None and _state_on_crowd(source, target):
        sub = _crowd_response_type(target, triggers)  # type: ignore[arg-type]
        return Coding(default_mode, acled_event_types()[sub], sub, default_cameo)
    if any(t.lemma_.lower() in words("mob_trigger") for t in triggers) and \
            not (source is not None and source.sector in STATE_SECTORS | {"REB"}):
        return Coding("beat", "Riots", "Mob violence", "14")  # "vigilantes lynch a suspected robber"
    cue = weapon_cue(triggers)
    if cue is not None and cue.of_attackers and default_mode is not None:
        cue = None  # "armed men torched five trucks": the trigger's own tactic, not the attackers' arms
    if cue is not None and cue.cue.startswith("projectile") and source is not None \
            and crowd_noun(source) in CROWD_TARGETS:
        cue = None  # "demonstrators threw rocks and other projectiles": what a crowd throws is no shell
    if cue is not None and cue.mode == "crowd-control" and not _at_a_crowd(triggers, target):
        cue = None  # "gunmen threw smoke grenades at a wedding": tear gas and smoke make no protest
    exchanged = triggers[0].lemma_.lower() in TWO_SIDED_LEMMAS | {"exchange"} or _responded_to(triggers[0]) \
        or _an_exchange_of(triggers[0])
    if cue is not None and cue.mode == "heavy-weapons" and exchanged:
        # "a clash between GNA and LNA forces, involving heavy artillery fire": two armed sides fighting
        return Coding("heavy-weapons", "Battles", "Armed clash", "19")
    if cue is not None and (cue.mode in BLAST_MODES or cue.mode == "firearms" and target is None) \
            and _engagement(triggers, target):
        # mortars and grenade launchers fired at positions, with small arms: a firefight, not shelling
        return Coding("firearms", "Battles", "Armed clash", "19")
    if cue is not None and cue.mode in ANSWERABLE_MODES and _is_armed(target) and _answered_fire(triggers[1:]):
        # "threw a hand grenade at Govt forces. Government forces opened gunfire in response": an armed clash
        return Coding("firearms", "Battles", "Armed clash", "19")
    if cue is not None and cue.mode == "crowd-control" and source is not None and _by_crowd(triggers, source):
        # "Rioters pelted motorists with stones ... Police fire shots and tear gas": the crowd's violence, answered
        return Coding("beat", "Riots", "Violent demonstration", "14")
    if cue is not None and cue.acled_sub_event_type is not None:
        return Coding(cue.mode, acled_event_types()[cue.acled_sub_event_type], cue.acled_sub_event_type,
                      cue.cameo or default_cameo)
    if cue is not None:
        default_mode = cue.mode
    attack_told = _attack_told(triggers)
    if default_mode is None and not attack_told and any(
            entry.event_type == "ASSAULT" and entry.mode == "destroy"
            for t in triggers for entry in all_triggers().get(t.lemma_.lower(), ())):
        default_mode = "destroy"  # "militants attacked and burned a school": an attack on property
    firefight = _firefight(triggers)
    two_sided = any(t.lemma_.lower() in TWO_SIDED_LEMMAS or _returned_fire(t) or _responded_to(t) or _repelled(t)
                    or bool(sides_between(t))
                    or bool(_rivals_between(t)) or _communal_violence(t) or fights_off(t) for t in triggers) or firefight
    if source is None and (two_sided or armed_on_duty(target) and not _deaths(triggers[0].sent)) and _brawl(triggers):
        # unnamed people fighting each other, or hurting the police, with stones, sticks or fists: ACLED's mob violence
        return Coding("primitive", "Riots", "Mob violence", "14")
    armed_opponent = two_sided and _is_armed(target)  # "vigilantes clashed with bandits": a battle, not a mob
    crowd_act = default_mode in CROWD_MODES and _by_crowd(triggers, source) and not armed_opponent
    if crowd_act or two_sided and _crowd_fight(triggers, source, firefight):
        # stones, fire or fists of a crowd of civilians, or a crowd fighting the police or another crowd:
        # a riot, a violent demonstration when protesters act
        protesting = any(t.lemma_.lower() in PROTEST_LEMMAS for t in triggers[0].sent)
        sub = "Violent demonstration" if source is not None and crowd_noun(source) in ("protesters", "rioters") \
            or protesting else "Mob violence"
        return Coding(default_mode or "beat", "Riots", sub, "14")
    if default_mode in (None, "firearms") and _prominent(target):
        default_mode = "targeted"  # a named person or an official shot: a targeted killing (assassination)
    sub = acled_sub_types_by_plover().get(("ASSAULT", default_mode or ""))
    if default_mode == "destroy" and attack_told:
        sub = None  # "men attacked Nyakach ... Several houses were torched": an attack that burned houses
    if sub is None and source is not None and source.sector in CROWD_SECTORS and not armed_opponent \
            and not (default_mode == "firearms" and armed_on_duty(target)):
        # violence by a crowd of civilians outside a demonstration: ACLED's mob violence (herders who shoot a
        # police officer are armed men in a battle)
        return Coding("beat" if default_mode is None else default_mode, "Riots", "Mob violence", "14")
    if sub is None:
        civilian_target = target is not None and target.sector is not None and not _is_armed(target) \
            and target.sector not in STATE_SECTORS
        # ACLED: violence against an organised armed actor is a battle, whoever started it
        # a fight between armed sides stays a battle when bystanders die in it
        # an exchange of fire ("a shoot-out broke out, two suspects were shot") has guns on both sides
        # a quarrel (an altercation, a brawl) in which an armed man shoots a civilian is his attack, not a battle
        sides_words = [t.lemma_.lower() for t in triggers if t.lemma_.lower() in TWO_SIDED_LEMMAS]
        quarrel = bool(sides_words) and all(w in QUARREL_LEMMAS for w in sides_words) and not firefight \
            and (target is None or civilian_target) and not _armed_sides(triggers)
        armed_fight = firefight or two_sided and not quarrel and (
            source is not None and source.sector in ARMED_SECTORS or not civilian_target or _armed_sides(triggers))
        off_duty = _told_off_duty(triggers[0].sent)  # "a Govt soldier (assumed off-duty)"
        if armed_fight or not off_duty and (armed_on_duty(target) or _armed_victims(triggers)):
            sub = "Armed clash"
        else:
            sub = "Attack"
    return Coding(default_mode, acled_event_types()[sub], sub, "19" if sub == "Armed clash" else default_cameo)
