"""Code documents on several processes: each worker loads the model once and codes whole chunks.

`run(items, workers=N)` is the batch entry point: in-process for one worker, a process pool otherwise.
Results come back in input order.
"""

from __future__ import annotations

import multiprocessing as mp
from itertools import islice
from typing import Callable, Iterable, Iterator

from eventcoder.inputs import InputFailure
from eventcoder.records import Article, Document, Result

# Documents sent to a worker at a time: large enough to keep spaCy's batches full, small enough to
# keep memory flat and results flowing.
WORKER_CHUNK = 64

_worker_pipeline = None


def _init_worker() -> None:
    """Load the model once per worker process."""
    global _worker_pipeline
    from eventcoder.pipeline import Pipeline
    _worker_pipeline = Pipeline()


def _code_chunk(chunk: list[Document | InputFailure]) -> list[Result]:
    return list(_worker_pipeline.run(chunk))  # type: ignore[union-attr]


def _chunks(items: Iterable[Document | InputFailure], size: int) -> Iterator[list[Document | InputFailure]]:
    stream = iter(items)
    while chunk := list(islice(stream, size)):
        yield chunk


def run(items: Iterable[Document | InputFailure], *, workers: int = 1,
        skip: Callable[[Article], bool] | None = None) -> Iterator[Result]:
    """Code every document with `workers` processes, yielding results in input order.
    `skip` (in-process only) leaves articles uncoded, e.g. those a database already holds."""
    if workers <= 1:
        from eventcoder.pipeline import Pipeline
        yield from Pipeline().run(items, skip=skip)
        return
    context = mp.get_context("spawn")
    with context.Pool(workers, initializer=_init_worker) as pool:
        for results in pool.imap(_code_chunk, _chunks(items, WORKER_CHUNK)):
            yield from results
