"""Headline grammar: "Mob attacks man", "MRC kidnaps official". The small English model reads a present-tense
event verb after a noun as a plural noun ("mob attacks" like "Taliban attacks"), so the sentence loses its verb,
its subject and its object. Such a sentence is parsed again with the verb in the past tense, which the model reads
well, and the new tags and tree are copied onto the original tokens; the text itself is never changed, nor are the
entities, except a one-word entity the model made of the verb itself."""

from __future__ import annotations

import re
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from eventcoder.actors import generic
from eventcoder.lexicon import read_table, triggers
from eventcoder.participants import is_crowd

# Event types whose verbs are worth the second parse: the ones headlines of violence and protest use.
REPAIRED_TYPES = frozenset({"ASSAULT", "PROTEST", "COERCE"})
# Tags after the would-be verb that show it really is a plural noun: "Taliban attacks killed five", "attacks on".
NOUN_READING_NEXT_TAGS = frozenset({"VBD", "VBN", "MD", "IN", "POS"})
# Words that may start the object of a headline verb: "attack villagers", "attack the meeting", "kill 5".
OBJECT_START_POS = frozenset({"NOUN", "PROPN", "DET", "NUM", "ADJ", "PRON"})
# Singular nouns for groups of people that headlines give a plural verb: "Armed group attack villagers".
COLLECTIVE_SUBJECTS = frozenset({"group", "youth", "mob", "gang", "police", "militia", "crowd"})
# Components the second parse does without: its entities would be those of the first parse anyway.
SKIPPED_PIPES = ("ner", "entity_ruler")
PRESENT_MORPH = "Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
# Short verbs that double their last consonant before -ed ("kidnap" -> "kidnapped", "stab" -> "stabbed").
DOUBLED = re.compile(r"(?:^|[^aeiou])[aeiou][bdgmnprt]$")


@cache
def _irregular_past() -> dict[str, str]:
    """Lemma -> an irregular past form ("shoot" -> "shot"), from the irregular forms table."""
    past: dict[str, str] = {}
    for row in read_table("irregular_forms.tsv"):
        form = row["form"]
        if not form.endswith(("ing", "s")) and row["lemma"] not in past:
            past[row["lemma"]] = form
    return past


def past_tense(lemma: str) -> str:
    """A past form of a verb: irregular from the table, else by the regular spelling rules."""
    if lemma in _irregular_past():
        return _irregular_past()[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and lemma[-2:-1] not in ("a", "e", "o", "u"):
        return lemma[:-1] + "ied"
    if len(lemma) <= 6 and DOUBLED.search(lemma):
        return lemma + lemma[-1] + "ed"
    return lemma + "ed"


@cache
def _event_verbs() -> frozenset[str]:
    """Lemmas that are, as verbs and on their own, triggers of violence, protest or coercion."""
    return frozenset(lemma for lemma, entries in triggers().items()
                     if any(e.pos in ("VERB", "ANY") and e.requires is None and e.event_type in REPAIRED_TYPES
                            and e.kind == "act" for e in entries))


def _misread_verb(tok: Token) -> bool:
    """A plural noun spelled like an event verb's -s form, right after a noun, and not followed by a verb or a
    preposition that would make it a noun after all; or a plural subject's bare verb read as a noun."""
    # (a parsed doc marks every sentence's first token: `is_sent_start` says what `tok.i == tok.sent.start` would)
    tag = tok.tag_
    if tag == "NN" and not tok.is_sent_start and (_plural_subject_verb(tok) or _after_people_read_as_verb(tok)):
        return True
    if tag == "VBZ" and tok.dep_ == "compound" and not tok.is_sent_start \
            and tok.lemma_.lower() in _event_verbs() and _actor_word(tok.doc[tok.i - 1]):
        return True  # tagged a verb but hung on the next noun: "Mob lynches murder suspect"
    if tag != "NNS" or not tok.lower_.endswith("s") or tok.is_sent_start:
        return False
    if tok.lemma_.lower() not in _event_verbs():
        return False
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX") and tok.head.i > tok.i:
        return False  # the subject of a verb after it: "election protests occur", "Taliban attacks killed five"
    if tok.dep_ in ("dobj", "pobj", "attr", "appos") and tok.head.pos_ in ("VERB", "AUX", "ADP"):
        return False  # the object of a verb or preposition: "fired artillery shells at", "in rocket attacks"
    before = tok.doc[tok.i - 1]
    after = tok.doc[tok.i + 1] if tok.i + 1 < tok.sent.end else None
    return _actor_word(before) and (after is None or after.tag_ not in NOUN_READING_NEXT_TAGS)


def _plural_subject_verb(tok: Token) -> bool:
    """A bare event verb after people in the plural, before its object: "Armed bandits attack villagers", "Youth
    attack meeting of political party". The model reads it as a noun compound ("bandits attack" like "bandit
    attack")."""
    if not _bare_event_verb(tok):
        return False
    if tok.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass", "attr", "appos"):
        return False
    before = tok.doc[tok.i - 1]
    after = tok.doc[tok.i + 1] if tok.i + 1 < tok.sent.end else None
    if _intransitive(tok):  # "Students riot - demanding the resignation of an official"
        if after is not None and after.tag_ in NOUN_READING_NEXT_TAGS | {"VBZ", "VBP", "NN", "NNS"}:
            return False
    elif after is None or not after.is_alpha or after.pos_ not in OBJECT_START_POS:
        return False
    if before.pos_ != "NOUN":
        return False
    if before.lemma_.lower() in COLLECTIVE_SUBJECTS:
        return True
    return before.tag_ == "NNS" and (generic(before) is not None or is_crowd(before))


def _bare_event_verb(tok: Token) -> bool:
    """The base form of an event verb ("attack", "riot"), whatever the tagger made of it."""
    return tok.lower_ == tok.lemma_.lower() and tok.lemma_.lower() in _event_verbs()


def _intransitive(tok: Token) -> bool:
    """A verb of protest, which takes no object: "riot", "protest", "demonstrate"."""
    return tok.lemma_.lower() in _protest_verbs()


@cache
def _protest_verbs() -> frozenset[str]:
    """Lemmas that are, on their own, triggers of protest."""
    return frozenset(lemma for lemma, entries in triggers().items()
                     if any(e.event_type == "PROTEST" and e.requires is None for e in entries))


def _after_people_read_as_verb(tok: Token) -> bool:
    """A bare event verb after a plural noun for people that the model took for the verb: in "ODM youths riot
    during party nominations" it reads "youths" as the verb and "riot" as its object."""
    if not _bare_event_verb(tok):
        return False
    before = tok.doc[tok.i - 1]
    return before.tag_ == "VBZ" and before.lower_.endswith("s") and (generic(before) is not None or is_crowd(before))


def _actor_word(tok: Token) -> bool:
    """A word that can end the name of who acts: a proper noun, a noun for people ("mob", "group", "police"), or a
    noun after a name ("Mungiki sect")."""
    if tok.pos_ == "PROPN":
        return True
    return tok.pos_ == "NOUN" and (generic(tok) is not None or is_crowd(tok)
                                   or tok.i > 0 and tok.doc[tok.i - 1].pos_ == "PROPN")


def _reparsed(nlp: Language, sent: Span, tok: Token) -> Doc | None:
    """The sentence parsed again with the verb in the past tense; None unless it then reads as a verb with a
    subject and the tokens line up one to one."""
    past = past_tense(tok.lemma_.lower())
    if tok.text[:1].isupper():
        past = past[0].upper() + past[1:]
    offset = tok.idx - sent.start_char
    text = sent.text[:offset] + past + sent.text[offset + len(tok.text):]
    other = nlp(text, disable=[p for p in SKIPPED_PIPES if p in nlp.pipe_names])
    if len(other) != len(sent):
        return None
    verb = other[tok.i - sent.start]
    if verb.pos_ != "VERB" or not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    if sum(t.dep_ == "ROOT" for t in other) != 1:
        return None
    return other


def _copy_parse(sent: Span, other: Doc, verb_index: int) -> None:
    """Tags, lemmas and tree of the second parse onto the sentence's own tokens."""
    offset = sent.start
    doc = sent.doc
    for tok, new in zip(sent, other):
        tok.tag_, tok.pos_, tok.dep_ = new.tag_, new.pos_, new.dep_
        if tok.i != verb_index:
            tok.lemma_ = new.lemma_
            tok.set_morph(str(new.morph))
    for tok, new in zip(sent, other):
        tok.head = doc[offset + new.head.i]
    verb = doc[verb_index]
    verb.tag_, verb.pos_ = "VBZ", "VERB"
    verb.set_morph(PRESENT_MORPH)
    if verb.ent_type_:  # the model's guess for a word it took for a noun ("riot" as a PERSON) goes with that reading
        doc.ents = [e for e in doc.ents if not (e.start == verb_index and e.end == verb_index + 1)]


def _verb_read_as_adjective(tok: Token) -> bool:
    """An 'adjective' the parse gives a subject and an object is a verb ("Police open fire on youth")."""
    return tok.tag_ == "JJ" and any(c.dep_ == "nsubj" for c in tok.children) \
        and any(c.dep_ == "dobj" for c in tok.children)


def repair_headline_verbs(nlp: Language, doc: Doc) -> Doc:
    """Reparse the sentences whose event verb the model took for a plural noun, and retag as verbs the adjectives
    the parse uses as verbs; other sentences are untouched."""
    for tok in doc:
        if _verb_read_as_adjective(tok):
            tok.tag_, tok.pos_ = "VBP", "VERB"
    for sent in list(doc.sents):
        tok = next((t for t in sent if _misread_verb(t)), None)
        if tok is None:
            continue
        other = _reparsed(nlp, sent, tok)
        if other is not None:
            _copy_parse(sent, other, tok.i)
    return doc
