"""The whole job in one place: documents in, one Result per document out, in input order.

read -> article (main text, date) -> split (rule-based sentences) -> focus (keep sentences with a
trigger) -> parse (spaCy, batched, on the kept sentences only) -> reparse headline verbs -> extract events ->
offsets back to the article -> Result. A document that fails at any stage becomes a Result with its error; the
batch goes on.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from itertools import islice
from typing import Callable, Iterable, Iterator

from spacy.language import Language

from eventcoder import gazetteer, lexicon, places
from eventcoder.article import build_article
from eventcoder.dates import leading_date
from eventcoder.errors import EventcoderError
from eventcoder.extract import article_countries, extract_events
from eventcoder.focus import Focus, focus, split, trigger_forms
from eventcoder.headlines import repair_headline_verbs
from eventcoder.ledes import rehang_lede_subjects
from eventcoder.matmul import one_blas_thread
from eventcoder.raising import lower_raised_subjects
from eventcoder.inputs import InputFailure
from eventcoder.nlp import BATCH_SIZE, load_nlp
from eventcoder.records import Article, Document, Event, Result

# Documents are read and cleaned this many at a time before the parser sees them as one batch.
CHUNK_SIZE = BATCH_SIZE * 4


class Pipeline:
    """Holds the loaded language model; `run` codes any number of documents with it."""

    def __init__(self, nlp: Language | None = None) -> None:
        self.nlp = nlp or load_nlp()
        load_tables()

    def run(self, items: Iterable[Document | InputFailure], *,
            skip: Callable[[Article], bool] | None = None) -> Iterator[Result]:
        """Code every document, yielding results in input order. `skip(article)` true leaves an
        article uncoded (its Result has `skipped` set): a resumed ingest need not parse what it stored."""
        stream = iter(items)
        while chunk := list(islice(stream, CHUNK_SIZE)):
            yield from self._run_chunk(chunk, skip)

    def _run_chunk(self, chunk: list[Document | InputFailure],
                   skip: Callable[[Article], bool] | None = None) -> Iterator[Result]:
        results = [_to_article(item) for item in chunk]
        for result in results:
            if skip is not None and result.article is not None and skip(result.article):
                result.skipped = True
        with one_blas_thread():
            self._code_articles([r for r in results if r.article is not None and not r.skipped])
        yield from results

    def _code_articles(self, ready: list[Result]) -> None:
        """Split, focus, parse and extract the events of each result's article, in place."""
        ruler = self.nlp.get_pipe("entity_ruler")
        split_docs = [ruler(split(self.nlp, r.article.text)) for r in ready]  # type: ignore[union-attr]
        focuses = [focus(doc) for doc in split_docs]
        docs = self.nlp.pipe((f.text for f in focuses), batch_size=BATCH_SIZE)
        for result, whole, focused, doc in zip(ready, split_docs, focuses, docs):
            article: Article = result.article  # type: ignore[assignment]
            try:
                doc = rehang_lede_subjects(lower_raised_subjects(repair_headline_verbs(self.nlp, doc)))
                anchor = date.fromisoformat(article.publication_date) if article.publication_date else None
                events = extract_events(doc, article_id=article.content_hash or article.id,
                                        publication_date=article.publication_date,
                                        countries=article_countries(whole),
                                        lead_date=leading_date(article.text, anchor))
                result.events = [_in_article(event, focused) for event in events]
            except EventcoderError as err:
                result.error = str(err)

    def code_text(self, text: str, *, published: str | None = None, doc_id: str = "text") -> Result:
        """Code one plain text (convenience for the Python API and tests)."""
        return next(self.run([Document(id=doc_id, text=text, published=published)]))


def load_tables() -> None:
    """Read the gazetteer (~0.3 s) and the word tables now, at start-up, so the first document pays nothing."""
    gazetteer.load()
    places.neighbours("")
    lexicon.triggers()
    lexicon.weapon_cues()
    lexicon.cue_words()
    trigger_forms()


def _in_article(event: Event, focused: Focus) -> Event:
    """The event with its evidence offsets moved from the condensed text to the article text."""
    evidence = replace(event.evidence, start=focused.to_article(event.evidence.start),
                       end=focused.to_article(event.evidence.end))
    return replace(event, evidence=evidence)


def _to_article(item: Document | InputFailure) -> Result:
    if isinstance(item, InputFailure):
        return Result(id=item.id, error=item.error)
    try:
        return Result(id=item.id, article=build_article(item))
    except EventcoderError as err:
        return Result(id=item.id, error=str(err))
