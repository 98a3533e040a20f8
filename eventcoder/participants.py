"""Who took part in an event, read off the trigger's dependents: the checks of credibility and of ACLED's
rioters (a crowd's violence) both need them."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from eventcoder.actors import generic
from eventcoder.lexicon import credibility_words
from eventcoder.roles import headline_passive

# Prepositions whose object takes part in the event ("clashed with police", "clashes between clans").
PARTICIPANT_PREPS = frozenset({"by", "with", "between", "against", "on", "among"})
# Quantity and group nouns whose 'of' object is the real participant ("a group of men", "a band of vigilantes").
GROUP_NOUNS = frozenset({"group", "band", "gang", "crowd", "number", "mob", "dozens", "hundreds", "scores"})
# Sectors of the civilians, supporters and parties whose violence ACLED codes as rioting.
CROWD_SECTORS = frozenset({"CVL", "OPP", "LAB", "EDU", "AGR", "BUS", "REL", "PTY"})
# Sectors of armed bodies, gangs included: their members are the body's men, no crowd ("members of the border guard
# police"); fought or attacked, they make a battle (coding).
ARMED_BODY_SECTORS = frozenset({"MIL", "COP", "SPY", "REB", "PRM", "UAF", "CRM"})
# Common nouns of people who, acting together, are a crowd.
CROWD_WORDS = frozenset({"supporters", "parties", "mob", "crowd", "hawkers", "inmates", "voters", "residents",
                         "locals"})
# Words of communal fighting, which ACLED codes as identity militias, not rioters ("Pokot and Turkana clash").
COMMUNAL_WORDS = frozenset({"tribe", "tribes", "tribal", "clan", "clans", "community", "communities", "ethnic",
                            "herders", "pastoralists", "militia", "militias", "raid", "raiders", "cattle", "armed"})


# Verbs that only say an event happened: its parties hang on them ("clashes took place between ...").
HAPPENING_VERBS = frozenset({"take", "erupt", "break", "occur", "happen", "flare", "continue", "resume", "ensue"})


def participants(trigger: Token) -> list[Token]:
    """The words that say who took part: subject, object, agent and 'with/between/against X', with conjuncts."""
    found: list[Token] = []
    for child in trigger.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj"):
            found.append(child)
        elif child.dep_ in ("prep", "agent") and child.lower_ in PARTICIPANT_PREPS:
            found.extend(c for c in child.children if c.dep_ == "pobj")
    if trigger.dep_ == "pobj" and trigger.head.dep_ == "prep":
        found.append(trigger.head.head)  # "X died in a clash": the one the clash happened to
    if trigger.dep_ == "relcl":
        found.append(trigger.head)  # "the pandemic that has killed 1.4 million people"
    if trigger.dep_ in ("nsubj", "nsubjpass") and trigger.head.lemma_.lower() in HAPPENING_VERBS:
        # "clashes took place between X and Y", "fighting erupted with Y": the verb holds the parties
        found.extend(c for prep in trigger.head.children if prep.dep_ == "prep" and prep.lower_ in PARTICIPANT_PREPS
                     for c in prep.children if c.dep_ == "pobj")
    return _members(found + [c for tok in found for c in tok.conjuncts])


def agents(trigger: Token) -> list[Token]:
    """Those who did it: the active subject, the passive 'by' agent, a noun's 'by' phrase or possessor."""
    found: list[Token] = []
    passive = headline_passive(trigger)  # "21 Mungiki members killed during a search": the subject is the victim
    for child in trigger.children:
        if child.dep_ == "nsubj" and not passive or (child.dep_ == "poss" and trigger.pos_ in ("NOUN", "PROPN")):
            found.append(child)
        elif child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            found.extend(c for c in child.children if c.dep_ == "pobj")
    return _members(found + [c for tok in found for c in tok.conjuncts])


def _members(tokens: list[Token]) -> list[Token]:
    """'a group of men' stands for the men: group nouns bring their 'of' object along."""
    out = list(tokens)
    for tok in tokens:
        if tok.lemma_.lower() in GROUP_NOUNS or tok.lower_ in GROUP_NOUNS:
            out += [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                    for o in p.children if o.dep_ == "pobj"]
    return out


@cache
def _people_words() -> frozenset[str]:
    return credibility_words("human") | CROWD_WORDS


def is_crowd(tok: Token) -> bool:
    """Civilians, supporters or a party acting together, not an armed or state actor, nor a community in a
    communal fight (a named people, a clan, armed youths)."""
    if tok.ent_type_ == "NORP" or any(t.lower_ in COMMUNAL_WORDS for t in tok.sent):
        return False
    entry = generic(tok)
    if entry is not None:
        return entry.sector in CROWD_SECTORS
    if _members_of_a_force(tok):
        return False
    return tok.lower_ in _people_words() or tok.lemma_.lower() in _people_words()


def _members_of_a_force(tok: Token) -> bool:
    """'three members of Myanmar border guard police': people of an armed body, who are its men ("a group of
    journalists" stays a crowd)."""
    return any(p.dep_ == "prep" and p.lower_ == "of" and any(
        o.dep_ == "pobj" and (entry := generic(o)) is not None and entry.sector in ARMED_BODY_SECTORS
        for o in p.children) for p in tok.children)
