"""Pick the sentences worth parsing: those with an event trigger. The statistical tagger, parser and NER
cost ~95% of the time, so an article is cut to its event sentences before they run.

A `Focus` holds the condensed text and maps its character offsets back to the article.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from eventcoder.lexicon import read_table, triggers, words

# Separator between kept sentences in the condensed text: a blank line, which is always a sentence break.
SEPARATOR = "\n\n"
# Consonants after which a short verb doubles its last letter before -ed/-ing ("stab" -> "stabbed").
DOUBLING = frozenset("bdgmnprt")


@dataclass(frozen=True)
class Focus:
    """The event sentences of an article joined into one text, with the way back to article offsets."""

    text: str
    pieces: tuple[tuple[int, int], ...]  # (start in condensed text, start in article text), ascending

    def to_article(self, offset: int) -> int:
        """The article offset of a condensed-text offset."""
        index = bisect_right([p[0] for p in self.pieces], offset) - 1
        start, article_start = self.pieces[max(index, 0)]
        return article_start + offset - start


def _inflections(lemma: str) -> set[str]:
    """Regular English inflections of a verb or noun, generously: extra forms only cost a parse."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        forms |= {lemma[:-1] + "ing", lemma[:-1] + "ed"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if lemma[-1] in DOUBLING and lemma[-2] in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


@cache
def trigger_forms() -> frozenset[str]:
    """Every surface form (lower case) of every trigger lemma, irregular forms from a data file."""
    forms: set[str] = set()
    for lemma in triggers():
        forms |= _inflections(lemma)
    for row in read_table("irregular_forms.tsv"):
        forms.add(row["form"])
    # casualty sentences ("Three soldiers were killed.", "No casualties were reported.") complete an event
    for word in words("death") | words("injury"):
        forms |= _inflections(word)
    forms |= {"casualties", "casualty", "died", "dead", "hurt"}
    return frozenset(forms)


@cache
def _sentencizer() -> Sentencizer:
    return Sentencizer()


def split(nlp: Language, text: str) -> Doc:
    """Tokens and sentences only, from the rule-based splitter (no statistical model runs)."""
    doc = nlp.make_doc(text)
    doc = nlp.get_pipe("paragraph_breaks")(doc)
    return _sentencizer()(doc)


def focus(doc: Doc) -> Focus:
    """The sentences of a split doc that contain a trigger form, joined by blank lines."""
    forms = trigger_forms()
    parts: list[str] = []
    pieces: list[tuple[int, int]] = []
    cursor = 0
    for sent in doc.sents:
        if not any(tok.lower_ in forms for tok in sent):
            continue
        text = sent.text.strip()
        if not text:
            continue
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        if parts:
            cursor += len(SEPARATOR)
        pieces.append((cursor, start))
        parts.append(text)
        cursor += len(text)
    return Focus(SEPARATOR.join(parts), tuple(pieces))
