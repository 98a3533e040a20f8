"""Fatality and injury counts from phrases such as "killing 5", "three soldiers were killed", "the death of a commander"."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from eventcoder.lexicon import number_words, words

# Counts above this are read as something other than a casualty figure (a year, a troop total).
MAX_CASUALTIES = 5000
# Words that turn a number into a bound we cannot state exactly ("more than 20") are still read as the
# number: ACLED and GTD code the stated figure. Words that make it vague drop it.
VAGUE_WORDS = frozenset({"dozens", "scores", "hundreds", "thousands", "several", "many", "some", "numerous"})
# Phrases of a report that says nobody was killed or hurt.
NO_CASUALTY_PHRASES = ("no casualties", "no casualty", "no one was hurt", "no one was injured", "nobody was hurt",
                       "nobody was injured", "no one was killed", "no injuries", "without casualties",
                       "no deaths", "no fatalities", "resulting in no casualties", "no reported casualties")
VICTIM_DEPS = frozenset({"dobj", "nsubjpass", "nsubj", "pobj", "attr", "appos"})


def number_value(token: Token) -> int | None:
    """The integer a token spells, in digits or words."""
    text = token.lower_.replace(",", "")
    if re.fullmatch(r"\d+", text):
        return int(text)
    return number_words().get(text)


def count_of(noun: Token) -> int | None:
    """How many people a victim noun phrase names, coordinated phrases added up
    ("a pregnant woman, her baby and her daughter" = 3)."""
    first = _count_one(noun)
    if first is None:
        return None
    total = first
    for conj in (c for c in noun.children if c.dep_ == "conj"):
        more = count_of(conj)
        if more is None:
            return total
        total += more
    return total if total <= MAX_CASUALTIES else None


def _count_one(noun: Token) -> int | None:
    """How many people one victim noun names: its numeral, 'a'/'an', or one for a singular person."""
    if noun.lower_ in VAGUE_WORDS:
        return None
    value = number_value(noun) if noun.pos_ == "NUM" or noun.like_num else None
    if value is not None:
        return value if value <= MAX_CASUALTIES else None
    for child in noun.children:
        if child.lower_ in VAGUE_WORDS:
            return None
        if child.dep_ == "nummod":
            value = number_value(child)
            if value is not None and value <= MAX_CASUALTIES:
                return value
    if noun.tag_ in ("NN", "NNP") and noun.ent_type_ not in ("GPE", "ORG", "NORP"):
        return 1
    return None


def _victim_noun(cue: Token) -> Token | None:
    """The noun whose count is the casualty figure, by the shape of the phrase around the cue word."""
    if cue.pos_ == "VERB" and cue.lemma_ in ("kill", "wound", "injure", "hurt"):
        deps = ("nsubjpass", "dobj") if cue.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in cue.children) \
            else ("dobj", "nsubjpass", "nsubj") if cue.tag_ == "VBN" else ("dobj", "nsubjpass")
        # a bare participle's subject is its victim: "Six killed and 109 injured", "four wounded"
        for dep in deps:
            found = next((c for c in cue.children if c.dep_ == dep), None)
            if found is not None:
                return found
        if cue.dep_ == "conj":
            # "shot and killed a civil official": the object hangs on the first verb
            shared = next((c for c in cue.head.children if c.dep_ in ("dobj", "nsubjpass")), None)
            if shared is not None:
                return shared
        if cue.dep_ in ("acl", "amod") or cue.tag_ == "VBN":
            return cue.head if cue.head.pos_ in ("NOUN", "PROPN", "NUM") else None
        return None
    if cue.lemma_ == "die":
        return next((c for c in cue.children if c.dep_ == "nsubj"), None)
    if cue.lower_ in ("dead", "wounded", "injured"):
        if cue.dep_ in ("oprd", "acomp", "xcomp") and cue.head.pos_ in ("VERB", "AUX"):
            # "was shot dead", "left three dead"
            victim = next((c for c in cue.head.children if c.dep_ in ("nsubjpass", "dobj")), None)
            if victim is not None:
                return _appositive(victim)
        if cue.head.pos_ in ("NOUN", "NUM", "PROPN") and cue.dep_ in ("amod", "acomp", "npadvmod"):
            return cue.head
        return next((c for c in cue.children if c.dep_ in ("nummod", "npadvmod")), None) or \
            next((c for c in cue.head.children if c.dep_ == "nsubj"), None)
    if cue.lemma_ in ("death", "life", "injury", "fatality"):
        of = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return None


def _appositive(noun: Token) -> Token:
    """'California, a police officer, was shot': the apposition names the person when the head is a place."""
    if noun.ent_type_ in ("GPE", "LOC"):
        appos = next((c for c in noun.children if c.dep_ == "appos"), None)
        if appos is not None:
            return appos
    return noun


def casualty_cues(sent: Span) -> list[tuple[Token, str, int, Token]]:
    """(cue token, 'death' or 'injury', count, victim noun) for every casualty phrase with a countable victim."""
    found = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        kind = "death" if lemma in words("death") or tok.lower_ in words("death") else \
            "injury" if lemma in words("injury") or tok.lower_ in words("injury") else None
        if kind is None:
            continue
        noun = _victim_noun(tok)
        count = count_of(noun) if noun is not None else None
        if count is not None and not _negated(tok):
            found.append((tok, kind, count, noun))  # type: ignore[arg-type]
    return found


def reports_no_casualties(sent: Span) -> bool:
    """'No casualties were reported', 'caused no casualties', 'no one was hurt'."""
    low = sent.text.lower()
    return any(phrase in low for phrase in NO_CASUALTY_PHRASES)


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children) or any(c.lower_ == "no" for c in token.children)
