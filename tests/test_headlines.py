"""Headline grammar: a present-tense event verb the model reads as a plural noun is parsed again."""

from __future__ import annotations

import pytest

from eventcoder.headlines import past_tense, repair_headline_verbs
from eventcoder.nlp import load_nlp


@pytest.mark.parametrize(("lemma", "past"), [
    ("attack", "attacked"), ("kidnap", "kidnapped"), ("kill", "killed"), ("raid", "raided"),
    ("torch", "torched"), ("stab", "stabbed"), ("storm", "stormed"), ("loot", "looted"), ("shoot", "shot"),
])
def test_past_tense(lemma: str, past: str) -> None:
    assert past_tense(lemma) == past


def _tree(text: str) -> list[tuple[str, str, str, int]]:
    nlp = load_nlp()
    doc = repair_headline_verbs(nlp, nlp(text))
    return [(t.text, t.pos_, t.dep_, t.head.i) for t in doc]


@pytest.mark.slow
def test_headline_verb_gets_its_subject_and_object() -> None:
    assert _tree("MRC kidnaps IEBC official") == [
        ("MRC", "PROPN", "nsubj", 1), ("kidnaps", "VERB", "ROOT", 1), ("IEBC", "NOUN", "dobj", 1),
        ("official", "ADJ", "oprd", 1)]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "verb"), [
    ("Armed bandits attack villagers, torch homes and steal cattle", 2),
    ("Armed group attack villagers for political revenge.", 2),
])
def test_bare_verb_after_a_plural_subject(text: str, verb: int) -> None:
    tree = _tree(text)
    assert tree[verb][1:3] == ("VERB", "ROOT")
    assert tree[verb - 1][2:] == ("nsubj", verb)
    assert tree[verb + 1][2:] == ("dobj", verb)


@pytest.mark.slow
@pytest.mark.parametrize("text", ["Bandit attack leaves 3 dead in Baringo", "Police attack on protesters condemned"])
def test_noun_compound_attack_stays_a_noun(text: str) -> None:
    assert _tree(text)[1][1] == "NOUN"


@pytest.mark.slow
def test_plural_noun_before_a_verb_stays_a_noun() -> None:
    tree = _tree("Taliban attacks killed five soldiers.")
    assert tree[1] == ("attacks", "NOUN", "nsubj", 2)


@pytest.mark.slow
def test_text_sentences_and_entities_are_kept() -> None:
    nlp = load_nlp()
    text = "Police arrived. A mob attacks and nearly kills a man in Muthithini. The man died."
    doc = nlp(text)
    before = ([s.text for s in doc.sents], [(e.text, e.label_) for e in doc.ents])
    repair_headline_verbs(nlp, doc)
    assert doc.text == text
    assert ([s.text for s in doc.sents], [(e.text, e.label_) for e in doc.ents]) == before


@pytest.mark.slow
def test_headline_is_coded_with_its_actors(code) -> None:
    events = code("A vigilante mob attacks and kills a robbery suspect in Embu.")
    assert [(e["acled_sub_event_type"], e["source"]["name"], e["fatalities"]) for e in events] == \
        [("Mob violence", "mob", 1)]


@pytest.mark.parametrize("text", [
    # a headline's first word the model took for a one-word name
    "Riot breaks out among supporters and opponents of new constitution",
    # a clause before a semicolon is not the content of the verb after it
    "A riot breaks out when results of parliamentary elections announced; losing candidates supporters demand recount",
])
def test_headline_riots(code, text: str) -> None:
    assert [e["acled_sub_event_type"] for e in code(text, published="2010-01-01")
            if e["event_type"] == "PROTEST"] == ["Violent demonstration"]
