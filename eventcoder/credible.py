"""Keep only violence, protest and coercion that a conflict coder would code, not 'beat the butter'."""

from __future__ import annotations

from functools import cache

from eventcoder.actors import generic
from eventcoder.candidates import Candidate
from eventcoder.coding import weapon_cue
from eventcoder.lexicon import read_table

# Event types whose triggers have everyday senses and so need corroboration.
CHECKED_TYPES = frozenset({"ASSAULT", "PROTEST", "COERCE"})
# Sectors of armed actors, who do not hold protests.
ARMED_SECTORS = frozenset({"MIL", "COP", "REB", "PRM", "UAF", "SPY"})
# Sectors of the people an arrest targets when it is an ordinary criminal case, not a political event.
CRIMINAL_SECTORS = frozenset({"CRM"})


@cache
def _words() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for row in read_table("credibility.tsv"):
        table.setdefault(row["cls"], set()).add(row["word"])
    return {cls: frozenset(words) for cls, words in table.items()}


def _known(actor) -> bool:
    """An actor the dictionary recognised: it has a country or a sector."""
    return actor is not None and (actor.country is not None or actor.sector is not None)


def _human_participants(cand: Candidate) -> bool:
    subject = next((c for c in cand.trigger.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.lower_ in _words()["human"]


# Sectors of the civilians who hold demonstrations.
CROWD_SECTORS = frozenset({"CVL", "LAB", "EDU", "OPP", "MED", "BUS", "AGR", "REL", "SOC", "JRN", "REF", "PTY"})
# Nouns that name a protest and little else ("a protest", "a sit-in"), unlike "demonstration of".
PROTEST_NOUNS = frozenset({"protest", "protests", "sit-in", "demo", "demos"})


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


def _corroborated(cand: Candidate) -> bool:
    """A recognised actor, a casualty count or a weapon makes a weak trigger credible."""
    if cand.event_type == "COERCE":
        return _known(cand.source) and not (cand.target and cand.target.sector in CRIMINAL_SECTORS)
    if _known(cand.source) or _known(cand.target):
        return True
    if cand.event_type == "PROTEST":
        return _human_participants(cand) or _crowd_in_sentence(cand) or _plain_protest_noun(cand)
    return cand.fatalities is not None or cand.injuries is not None or weapon_cue([cand.trigger], besides_trigger=True) is not None


def credible(cand: Candidate) -> bool:
    """Whether a candidate of violence, protest or coercion is a real political event."""
    if cand.event_type not in CHECKED_TYPES:
        return True
    if cand.event_type == "PROTEST" and cand.source is not None and cand.source.sector in ARMED_SECTORS:
        return False  # "the gunmen marched the pupils into the bush" is no demonstration
    words = _words()
    modifiers = {c.lower_ for c in cand.trigger.children if c.dep_ in ("compound", "amod", "nmod")}
    if modifiers & words["benign_mod"]:
        return False
    if cand.trigger.lemma_.lower() not in words["weak"] and cand.trigger.lower_ not in words["weak"]:
        return True
    sentence = {t.lower_ for t in cand.sent}
    return _corroborated(cand) and not sentence & words["benign"]
