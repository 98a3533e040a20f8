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

from eventcoder.nlp import DATELINE_DASHES, MAX_DATELINE_TOKENS, WHOLE_DOC_TOKENS

from eventcoder.lexicon import read_table, required_words, triggers, words
from eventcoder.verbal import may_hold_construction

# Separator between kept sentences in the condensed text: a blank line, which is always a sentence break.
SEPARATOR = "\n\n"
# Capitalised words that look like trigger forms but are months ("March").
CAPITALISED_NON_TRIGGERS = frozenset({"March"})
# Consonants after which a short verb doubles its last letter before -ed/-ing ("stab" -> "stabbed").
DOUBLING = frozenset("bdglmnprt")


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
def _irregular() -> dict[str, set[str]]:
    """Irregular forms of each lemma, from a data file."""
    table: dict[str, set[str]] = {}
    for row in read_table("irregular_forms.tsv"):
        table.setdefault(row["lemma"], set()).add(row["form"])
    return table


def _forms(lemma: str) -> set[str]:
    return _inflections(lemma) | _irregular().get(lemma, set())


@cache
def trigger_forms() -> frozenset[str]:
    """Surface forms (lower case) of the trigger lemmas that signal an event on their own."""
    forms: set[str] = set()
    for lemma, entries in triggers().items():
        if any(entry.requires is None for entry in entries):
            forms |= _forms(lemma)
    # casualty sentences ("Three soldiers were killed.", "No casualties were reported.") complete an event
    for word in words("death") | words("injury") | words("no_casualty"):
        forms |= _inflections(word)
    forms |= {"casualties", "casualty", "died", "dead", "hurt"}
    return frozenset(forms)


@cache
def paired_forms() -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """(forms of a trigger, forms of the word it requires) for triggers that need a modifier:
    "open ... fire", "take ... hostage", "go ... off" count only when both are in the sentence."""
    pairs = []
    for lemma, entries in triggers().items():
        needs = set().union(*(required_words(entry) for entry in entries))
        if needs and all(entry.requires is not None for entry in entries):
            required = set().union(*(_forms(word) for word in needs))
            pairs.append((frozenset(_forms(lemma)), frozenset(required)))
    return tuple(pairs)


def has_trigger(words_: set[str]) -> bool:
    """Whether a sentence's lower-cased words may hold an event trigger."""
    if words_ & trigger_forms():
        return True
    return any(words_ & heads and words_ & needs for heads, needs in paired_forms()) or may_hold_construction(words_)


@cache
def _sentencizer() -> Sentencizer:
    return Sentencizer()


def split(nlp: Language, text: str) -> Doc:
    """Tokens and sentences only, from the rule-based splitter (no statistical model runs)."""
    doc = nlp.make_doc(text)
    doc = nlp.get_pipe("paragraph_breaks")(doc)
    return _sentencizer()(doc)


def _is_dateline(sent) -> bool:  # type: ignore[no-untyped-def]
    """'MOGADISHU (Reuters) -': kept, because where a story was filed is the fallback place of its events."""
    words_ = [t for t in sent if not t.is_space]
    return 1 < len(words_) <= MAX_DATELINE_TOKENS and words_[-1].text in DATELINE_DASHES | {"-"} \
        and words_[0].text.isupper()


def focus(doc: Doc) -> Focus:
    """The sentences of a split doc that contain a trigger form, joined by blank lines; a short doc whole."""
    parts: list[str] = []
    pieces: list[tuple[int, int]] = []
    cursor = 0
    whole = len(doc) <= WHOLE_DOC_TOKENS
    for sent in doc.sents:
        if not whole and not has_trigger({tok.lower_ for tok in sent if tok.text not in CAPITALISED_NON_TRIGGERS}) \
                and not _is_dateline(sent):
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
