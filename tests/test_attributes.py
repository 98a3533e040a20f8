"""word_attributes: the model's attribute rules looked up by word and tag give exactly the ruler's output."""

from __future__ import annotations

import pytest
import spacy

from eventcoder.attributes import compile_rules, use_word_attributes
from eventcoder.nlp import MODEL_PACKAGE

pytestmark = pytest.mark.slow

TEXTS = [
    "I ain't gonna do it, and you can't make me.",
    "There is a man who says that he'd rather not go; let's see what they've done.",
    "Y'all got ta come on, c'mon, 'em folks are doin' nothin' for ol' Jim.",
    "On Saturday, in Mosul, Ninawa, Iraq, unknown gunmen attacked the house of a former policeman.",
    "The  police, who were  deployed there, said it was not clear whether anyone had been hurt.\n\nNobody was.",
    "Been there? Being here is what matters; this and those and these, once and well.",
]


def _attributes(doc) -> list[tuple[str, ...]]:
    return [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def test_word_attributes_give_the_rulers_output() -> None:
    ruler = spacy.load(MODEL_PACKAGE)
    looked_up = spacy.load(MODEL_PACKAGE)
    assert use_word_attributes(looked_up)
    assert "attribute_ruler" not in looked_up.pipe_names and "word_attributes" in looked_up.pipe_names
    for a, b in zip(ruler.pipe(TEXTS), looked_up.pipe(TEXTS)):
        assert _attributes(a) == _attributes(b)


def test_a_rule_shape_it_cannot_index_keeps_the_ruler() -> None:
    vocab = spacy.blank("en").vocab
    assert compile_rules([{"patterns": [[{"POS": "NOUN"}]], "attrs": {"LEMMA": "x"}}], vocab) is None
    assert compile_rules([{"patterns": [[{"LOWER": {">=": 3}}]], "attrs": {"LEMMA": "x"}}], vocab) is None
    rules = compile_rules([{"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": 1}],
                          vocab)
    assert rules is not None and [r.index for r in rules.by_key[("LOWER", "gon")]] == [1]


def test_remembered_words_give_the_rulers_output_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """The second reading of the same words comes from the memory of what they matched; a full memory starts afresh."""
    from eventcoder import attributes

    ruler = spacy.load(MODEL_PACKAGE)
    looked_up = spacy.load(MODEL_PACKAGE)
    assert use_word_attributes(looked_up)
    rules = looked_up.get_pipe("word_attributes").rules
    expected = [_attributes(doc) for doc in ruler.pipe(TEXTS)]
    assert [_attributes(doc) for doc in looked_up.pipe(TEXTS)] == expected
    remembered = len(rules.seen)
    assert remembered > 50
    assert [_attributes(doc) for doc in looked_up.pipe(TEXTS)] == expected
    assert len(rules.seen) == remembered
    monkeypatch.setattr(attributes, "MAX_SEEN_WORDS", 10)
    rules.seen.clear()
    assert [_attributes(doc) for doc in looked_up.pipe(TEXTS)] == expected
    assert len(rules.seen) <= 10
