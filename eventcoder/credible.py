"""Keep only violence, protest and coercion that a conflict coder would code, not 'beat the butter'."""

from __future__ import annotations

from spacy.tokens import Token

from eventcoder.actors import generic, known_actor
from eventcoder.candidates import Candidate
from eventcoder.casualties import count_of
from eventcoder.coding import ARMED_SECTORS, BLAST_MODES, DRUG_CLASS, PROTEST_LEMMAS, STATE_SECTORS, weapon_cue
from eventcoder.lexicon import WeaponCue, required_words, weapon_cues, word_classes
from eventcoder.lexicon import words as cue_class  # (cue_words.tsv)
from eventcoder.participants import is_crowd, participants
from eventcoder.struck import sites
from eventcoder.triggers import misread_verb

# Event types whose triggers have everyday senses and so need corroboration.
CHECKED_TYPES = frozenset({"ASSAULT", "PROTEST", "COERCE"})
# Sectors of the people an arrest targets when it is an ordinary criminal case, not a political event.
CRIMINAL_SECTORS = frozenset({"CRM"})
# Sectors of people whose arrest ACLED records: opposition, parties, journalists, activists, armed groups.
DETAINEE_SECTORS = frozenset({"OPP", "PTY", "JRN", "SOC", "REB", "PRM"})
# People arrested at once in these numbers or more are a mass arrest, an event whoever they are.
MASS_ARREST = 20
# Particles a trigger may require ("go off", "blow up"): unlike a weapon object, they vouch for nothing.
PARTICLES = frozenset({"up", "off", "out", "down"})
# Weapons no sport, weather or business story uses: an attack with one is real whatever words surround it.
WAR_ONLY_MODES = frozenset({"unconventional", "suicide-attack"})
# Sectors of the sites one of which, burned, is an attack: worship, learning, care and the state's.
BODY_SITE_SECTORS = frozenset({"REL", "EDU", "MED", "GOV", "JUD", "LEG"})
# Verbs of owning up to an attack, or of nobody doing so.
CLAIMING_VERBS = frozenset({"claim", "accept", "admit", "deny", "take"})
# Entity labels of the names of bodies and places, whose words tell nothing of a sentence's topic.
NAME_LABELS = frozenset({"ORG", "FAC", "GPE", "LOC"})
# Entity labels of a place a crowd may be hung on by the parser.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _words() -> dict[str, frozenset[str]]:
    return word_classes("credibility.tsv")


# Triggers of an explosion, which a hazard word may show to be an accident.
EXPLOSION_LEMMAS = frozenset({"explode", "explosion", "blast"})


def _accident(cand: Candidate) -> bool:
    """'a gas explosion', 'a cooking gas container exploded' with nobody said to have set it off: an accident."""
    trigger = cand.trigger
    if trigger.lemma_.lower() not in EXPLOSION_LEMMAS or known_actor(cand.source):
        return False
    hazard = _words()["hazard"]
    named = [m for m in trigger.children if m.dep_ in ("compound", "amod", "nmod")]  # "a gas explosion"
    named += [m for s in trigger.children if s.dep_ == "nsubj" for m in s.subtree if m.i <= s.i]  # "a gas container"
    return any(m.lower_ in hazard for m in named)


def _human_participants(cand: Candidate) -> bool:
    subject = next((c for c in cand.trigger.children if c.dep_ == "nsubj"), None)
    # "Muslims protest ...", "Kurds rallied ...": a people named as the crowd
    return subject is not None and (subject.lower_ in _words()["human"] or subject.ent_type_ == "NORP")


# Sectors of the civilians who hold demonstrations.
CROWD_SECTORS = frozenset({"CVL", "LAB", "EDU", "OPP", "MED", "BUS", "AGR", "REL", "SOC", "JRN", "REF", "PTY"})
# Nouns that name a protest and little else ("a protest", "a sit-in"), unlike "demonstration of".
PROTEST_NOUNS = frozenset({"protest", "protests", "sit-in", "demo", "demos", "demonstration", "demonstrations"})


def _crowd_in_sentence(cand: Candidate) -> bool:
    """Civilians named anywhere in the sentence: the parser often hangs them off the place
    ("On 28 April, in Culiacan, Sinaloa, workers ... demonstrated")."""
    for tok in cand.sent:
        if tok.lower_ in _words()["human"]:
            return True
        entry = generic(tok)
        if entry is not None and entry.sector in CROWD_SECTORS:
            return True
    return False


def _plain_protest_noun(cand: Candidate) -> bool:
    tok = cand.trigger
    return tok.pos_ in ("NOUN", "PROPN") and tok.lower_ in PROTEST_NOUNS and \
        not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)


def _corroborated(cand: Candidate, cue: WeaponCue | None) -> bool:
    """A recognised actor, people taking part, a casualty count or a weapon (`cue`, besides the trigger) makes a
    weak trigger credible."""
    if cand.event_type == "COERCE":
        return known_actor(cand.source) and not (cand.target and cand.target.sector in CRIMINAL_SECTORS) \
            or _political_detainees(cand)
    if known_actor(cand.source) or known_actor(cand.target):
        return True
    if cand.event_type == "PROTEST":
        return _human_participants(cand) or _crowd_in_sentence(cand) or _plain_protest_noun(cand) \
            or _plural_subject(cand)
    return cand.fatalities is not None or cand.injuries is not None or _people_involved(cand) or _property_hit(cand) \
        or _armed_in_sentence(cand) or cue is not None \
        or _counted(cand) or _deadly(cand) or _headline_count(cand) \
        or cand.sent.start == 0 and _responsibility_told(cand) and not _claimed_deed(cand.trigger)


def _weapon_required(cand: Candidate) -> bool:
    """A trigger that counts only with a weapon as its object ("seize ... weapons", "throw ... cocktail"); not one
    with a particle ("the smell goes off")."""
    needed = required_words(cand.entry)
    if cand.entry.requires is None or needed & PARTICLES:
        return False
    # (an incendiary thrown is a weapon too: "threw Molotov cocktails at a store")
    return cand.entry.mode == "disrupt" or cand.entry.mode in BLAST_MODES \
        or cand.entry.mode == "destroy" and bool(needed & weapon_cues().keys())


def _property_hit(cand: Candidate) -> bool:
    """'Several foreign-owned shops have been looted': homes, shops or vehicles looted or burned in numbers."""
    if cand.entry.mode != "destroy" or cand.trigger.lemma_.lower() not in _words()["plunder"]:
        return False  # (not "destroyed", which as often is a demolition: "houses were destroyed to make way")
    return any(tok.lemma_.lower() in _words()["property"] and tok.tag_ == "NNS" or _site_of_a_body(tok)
               for tok in participants(cand.trigger))


def _claimed_deed(trigger: Token) -> bool:
    """'claimed responsibility for the attack': the deed named in the claim, which may be a defused bomb's."""
    return trigger.dep_ == "pobj" and trigger.head.lower_ == "for" and trigger.head.head.lemma_.lower() in (
        "responsibility", "claim")


def _site_of_a_body(tok: Token) -> bool:
    """'a Jewish synagogue was set on fire', 'torched a police station': a place of worship, learning, care or the
    state burned, one is enough (not a house, which catches fire by accident as often)."""
    site = sites().get(tok.lemma_.lower()) or sites().get(tok.lower_)
    return site is not None and site.sector in BODY_SITE_SECTORS


def _responsibility_told(cand: Candidate) -> bool:
    """'Revolutionary Perspective claimed responsibility for the attack', 'no group claimed responsibility': violence
    someone could claim is an attack (the report's lead tells it; later sentences may only tell more of it)."""
    return any(t.lemma_.lower() == "responsibility" and (t.head.lemma_.lower() in CLAIMING_VERBS or t.head.lower_ == "of"
                                                         and t.head.head.lemma_.lower() in CLAIMING_VERBS)
               for t in cand.sent.doc)  # ("no claim of responsibility was reported")


def _political_detainees(cand: Candidate) -> bool:
    """'Over 110 people, mostly opposition leaders and activists, were arrested': ACLED codes arrests of
    political people whoever made them, and the police go unnamed."""
    trigger = cand.trigger
    if cand.entry.mode != "arrest" or any(t.lemma_.lower() in PROTEST_LEMMAS for t in trigger.doc):
        return False  # (arrests at a demonstration are the state's response to it, coded with it)
    if trigger.lemma_.lower() != "arrest" and any(c.dep_ == "auxpass" and c.tag_ in ("VBP", "VBZ")
                                                  for c in trigger.children):
        return False  # "leaders are detained in that prison": a state, not an arrest
    if cand.target is not None and cand.target.sector in DETAINEE_SECTORS:
        return True  # "an al Shabaab facilitator is arrested"
    held = [h for h in participants(trigger) if h.dep_ in ("dobj", "nsubjpass")]
    if any((count := count_of(h)) is not None and count >= MASS_ARREST for h in held):
        return True  # "over 80 traders were arrested in an operation": a mass arrest is political by its size
    return any((entry := generic(tok)) is not None and entry.sector in DETAINEE_SECTORS
               or tok.lower_ in cue_class("prominent")  # "the Deputy Chief Justice was arrested"
               for h in held for tok in h.subtree)


def _deadly(cand: Candidate) -> bool:
    """Violence by its own words: "shot dead", "hacked to death", "ethnic clashes", "deadly attack"."""
    trigger = cand.trigger
    if trigger.dep_ in ("xcomp", "oprd", "ccomp") and trigger.head.lemma_.lower() == "find" \
            and trigger.lemma_.lower() in COUNTED_VICTIM_LEMMAS:
        return True  # "Three men found killed inside refugee camp"
    for child in trigger.children:
        if child.dep_ in ("acomp", "oprd", "advmod", "xcomp") and child.lower_ == "dead":
            return True
        if child.dep_ == "prep" and child.lower_ == "to" and any(c.lower_ == "death" for c in child.children):
            return True
        if child.dep_ in ("amod", "compound") and child.lower_ in _words()["violent_mod"]:
            return True
        if child.dep_ == "amod" and any(g.dep_ in ("npadvmod", "compound", "amod") and g.lower_ in _words()["violent_mod"]
                                        for g in child.children):
            return True  # "clan-based clashes"
    return False


def _counted(cand: Candidate) -> bool:
    """Blasts an observer counted; not "one of two linked attacks", which points at other events."""
    trigger = cand.trigger
    one_of = trigger.head.lower_ == "of" and trigger.head.head.lower_ != "total"  # "a total of 15 bursts" counts
    return (cand.entry.mode in BLAST_MODES or weapon_cue([trigger]) is not None) and trigger.tag_ == "NNS" \
        and not one_of and any(c.dep_ == "nummod" and c.like_num for c in trigger.children)


# Victim verbs a headline count goes with: "1 killed - linked to electoral violence", "5 shot dead in Mandera".
COUNTED_VICTIM_LEMMAS = frozenset({"kill", "shoot", "wound", "injure", "murder", "behead", "hack", "stab"})


def _headline_count(cand: Candidate) -> bool:
    """A number of people opening a headline before a victim verb: "1 killed", "Two killed as police disperse
    rioters" (the small model reads the number as anything but the subject)."""
    trigger = cand.trigger
    if trigger.lemma_.lower() not in COUNTED_VICTIM_LEMMAS or trigger.i == trigger.sent.start:
        return False
    count = trigger.doc[trigger.i - 1]
    return count.like_num and count.i == trigger.sent.start


def _crowd_subject(trigger: Token) -> bool:
    """The protest's subject is a crowd, whoever it supports: "supporters of Malawi's opposition forces took to
    the streets"."""
    return any(c.dep_ == "nsubj" and is_crowd(c) for c in trigger.children)


# Takeover verbs that are a conflict event only when an armed group does the taking.
ARMED_ONLY_TAKEOVERS = frozenset({"take", "overtake"})
# Words no armed group uses but for a protest of its own: "police officers protested in front of the court",
# "soldiers staged a demonstration" (the small model lemmatises "staged" as "stag").
OWN_PROTEST_LEMMAS = frozenset({"protest", "demonstrate", "demonstration", "sit-in", "picket", "stage", "stag", "riot"})


# Named groups: a nationality, a clan or an organisation taking part makes a clash a clash.
GROUP_LABELS = frozenset({"NORP", "ORG"})


def _is_person(tok: Token) -> bool:
    """People named by a common noun or a group's name; not pronouns or personal names, which are as often
    the subject of a figure of speech ("it is killing her", "Batum hit an early three")."""
    words = _words()
    return tok.ent_type_ in GROUP_LABELS or generic(tok) is not None or tok.lower_ in words["person"] \
        or tok.lemma_.lower() in words["person"] or tok.lower_ in words["human"]


def _people_involved(cand: Candidate) -> bool:
    """People or groups as the trigger's own participants: "a man was shot", "clashes between two clans"."""
    trigger = cand.trigger
    if trigger.lemma_.lower() in _words()["vague"] or trigger.lower_ in _words()["vague"]:
        return False
    return any(_is_person(tok) for tok in participants(trigger))


def _armed_in_sentence(cand: Candidate) -> bool:
    """An armed actor named in the sentence ("police officers engaged in a shoot-out")."""
    return any((entry := generic(tok)) is not None and entry.sector in ARMED_SECTORS for tok in cand.sent)


def _plural_subject(cand: Candidate) -> bool:
    """A plural common noun as the protest's subject ("entrepreneurs protested", "surfers held a demonstration")."""
    if cand.trigger.pos_ != "VERB" and cand.trigger.lower_ not in PROTEST_NOUNS | {"demonstration"}:
        return False
    verb = cand.trigger if cand.trigger.pos_ == "VERB" else cand.trigger.head
    if verb.dep_ in ("xcomp", "advcl") and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head  # "street vendors gather to protest ..."
    if any(c.dep_ == "nsubj" for c in verb.children):
        return any(c.dep_ == "nsubj" and c.tag_ == "NNS" for c in verb.children)
    # "On 1 May, in Ixtapa, Guerrero, around 30 waiters protested": the parser hung the crowd on the place
    return any(t.dep_ == "appos" and t.tag_ == "NNS" and t.head.ent_type_ in PLACE_LABELS and t.i < verb.i
               for t in verb.sent)


def _benign_context(cand: Candidate) -> bool:
    """Sport, weather, business or technology words in the sentence, unless the word is the head of a
    compound naming something else ("check points", "watering points"), or, where the event has a known actor, the
    modifier of a head that is no such word ("protesters clashed with police ... into the Masai Mara game reserve";
    not "forwards fired in shot after shot ... from the penalty spot")."""
    benign, nouns = _words()["benign"], _words()["benign_noun"]
    actors_known = known_actor(cand.source) or known_actor(cand.target)

    def is_benign(t: Token) -> bool:
        # (a word of a body's name is no context: "the Irrigation and Flood Control Department")
        return (t.lower_ in benign or t.lower_ in nouns and _as_noun(t)) and t.ent_type_ not in NAME_LABELS

    return any(is_benign(t) and not any(c.dep_ == "compound" for c in t.children) and not _of_actor(t)
               and not (actors_known and t.dep_ == "compound" and not is_benign(t.head)) for t in cand.sent)


def _as_noun(tok: Token) -> bool:
    """A noun, or a gerund after a preposition ("arrested for driving under the influence"); not a verb the
    tagger misread ("Gunmen storm village") nor a participle ("armed men driving a motorcycle")."""
    return tok.pos_ == "NOUN" and not misread_verb(tok) or tok.tag_ == "VBG" and tok.dep_ == "pcomp"


def _of_actor(tok: Token) -> bool:
    """'a joint team of police and army': a benign word that names a body of known actors is no sport."""
    # ("a team of Civilian JTF and police"; "a team of Rastriya Jana Morcha (RJM) activists", the parser's appositive)
    return any(p.dep_ == "prep" and p.lower_ == "of" and any(
        generic(t) is not None for o in p.children if o.dep_ == "pobj"
        for t in (o, *o.conjuncts, *(a for a in o.children if a.dep_ == "appos"))) for p in tok.children)


def _labour_strike(cand: Candidate) -> bool:
    """'The teachers had been striking': a strike with nothing struck and no armed striker is a work stoppage."""
    trigger = cand.trigger
    if cand.event_type != "ASSAULT" or trigger.lemma_.lower() != "strike":
        return False
    if trigger.pos_ == "NOUN":
        return trigger.dep_ == "pobj" and trigger.head.lower_ == "on"  # "teachers went on strike"
    if trigger.pos_ != "VERB":
        return False
    aimed = any(c.dep_ in ("dobj", "nsubjpass") or c.dep_ == "prep" and c.lower_ in ("at", "on", "against", "in")
                for c in trigger.children)
    return not aimed and not (cand.source is not None and cand.source.sector in ARMED_SECTORS)


def _benign_argument(cand: Candidate) -> bool:
    """A health word as the trigger's own participant: "fight the virus", "the virus attacks cells"
    (a protest against a disease or corruption is still a protest)."""
    if cand.event_type == "PROTEST":
        return False
    words = _words()["benign_arg"]
    return any(tok.lower_ in words or tok.lemma_.lower() in words for tok in participants(cand.trigger))


def credible(cand: Candidate) -> bool:
    """Whether a candidate of violence, protest or coercion is a real political event."""
    if cand.event_type not in CHECKED_TYPES:
        return True
    if cand.entry.mode == "occupy" and cand.trigger.lemma_.lower() in ARMED_ONLY_TAKEOVERS and not (
            cand.source is not None and cand.source.sector in ARMED_SECTORS):
        return False  # "the company took over the market", "Hamilton overtook Vettel": only armed groups take places
    if cand.event_type == "PROTEST" and cand.source is not None and cand.source.sector in ARMED_SECTORS \
            and cand.trigger.lemma_.lower() not in OWN_PROTEST_LEMMAS and not _crowd_subject(cand.trigger):
        return False  # "the gunmen marched the pupils into the bush" is no demonstration
    if cand.entry.requires == DRUG_CLASS:
        # drugs seized by the police, the army or the authorities; "cocaine was found hidden in a cell" is a crime
        # story, not a political event
        return cand.source is not None and cand.source.sector in STATE_SECTORS
    words = _words()
    modifiers = {c.lower_ for c in cand.trigger.children if c.dep_ in ("compound", "amod", "nmod")}
    if modifiers & words["benign_mod"] or _accident(cand):
        return False
    if cand.trigger.lemma_.lower() not in words["weak"] and cand.trigger.lower_ not in words["weak"]:
        return True
    if _weapon_required(cand):
        return True  # "weapons were seized", "threw Molotov cocktails at a store": the weapon required makes it
    if _labour_strike(cand):
        return False
    # a crowd that protests about the economy or a penalty fee is still a crowd protesting
    crowd = cand.event_type == "PROTEST" and (_human_participants(cand) or _plural_subject(cand))
    cue = weapon_cue([cand.trigger], besides_trigger=True)
    unmistakable = cue is not None and cue.mode in WAR_ONLY_MODES
    return _corroborated(cand, cue) and not (_benign_context(cand) and not crowd and not unmistakable) \
        and not _benign_argument(cand)
