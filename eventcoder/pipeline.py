"""The whole job in one place: documents in, one Result per document out, in input order.

read -> article (main text, date) -> parse (spaCy, batched) -> extract events -> Result.
A document that fails at any stage becomes a Result with its error; the batch goes on.
"""

from __future__ import annotations

from itertools import islice
from typing import Iterable, Iterator

from spacy.language import Language

from eventcoder.article import build_article
from eventcoder.errors import EventcoderError
from eventcoder.extract import extract_events
from eventcoder.inputs import InputFailure
from eventcoder.nlp import BATCH_SIZE, load_nlp
from eventcoder.records import Article, Document, Result

# Documents are read and cleaned this many at a time before the parser sees them as one batch.
CHUNK_SIZE = BATCH_SIZE * 4


class Pipeline:
    """Holds the loaded language model; `run` codes any number of documents with it."""

    def __init__(self, nlp: Language | None = None) -> None:
        self.nlp = nlp or load_nlp()

    def run(self, items: Iterable[Document | InputFailure]) -> Iterator[Result]:
        """Code every document, yielding results in input order."""
        stream = iter(items)
        while chunk := list(islice(stream, CHUNK_SIZE)):
            yield from self._run_chunk(chunk)

    def _run_chunk(self, chunk: list[Document | InputFailure]) -> Iterator[Result]:
        results = [_to_article(item) for item in chunk]
        ready = [r for r in results if r.article is not None]
        docs = self.nlp.pipe((r.article.text for r in ready), batch_size=BATCH_SIZE)  # type: ignore[union-attr]
        for result, doc in zip(ready, docs):
            article: Article = result.article  # type: ignore[assignment]
            try:
                result.events = extract_events(doc, article_id=article.content_hash or article.id,
                                               publication_date=article.publication_date)
            except EventcoderError as err:
                result.error = str(err)
        yield from results

    def code_text(self, text: str, *, published: str | None = None, doc_id: str = "text") -> Result:
        """Code one plain text (convenience for the Python API and tests)."""
        return next(self.run([Document(id=doc_id, text=text, published=published)]))


def _to_article(item: Document | InputFailure) -> Result:
    if isinstance(item, InputFailure):
        return Result(id=item.id, error=item.error)
    try:
        return Result(id=item.id, article=build_article(item))
    except EventcoderError as err:
        return Result(id=item.id, error=str(err))
