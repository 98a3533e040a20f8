"""The `eventcoder` command: extract events from pages, store them, list what is stored."""

from __future__ import annotations

import json
import re
import sys
from typing import Annotated, Optional

import typer
from rich.console import Console

from eventcoder.inputs import read_documents
from eventcoder.render import FORMATS, events_table, write_results

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="News articles in, coded and geocoded conflict and political events out.")
DEFAULT_DB = "sqlite:///eventcoder.db"
PathsArg = Annotated[list[str], typer.Argument(help="Files (.html .htm .txt .jsonl), directories, or - for stdin.")]
FormatOpt = Annotated[str, typer.Option("--format", "-f", help="table, json or jsonl.")]
PublishedOpt = Annotated[Optional[str], typer.Option("--published", help="Publication date YYYY-MM-DD for every input.")]
DbOpt = Annotated[str, typer.Option("--db", help="SQLAlchemy database URL.")]
WorkersOpt = Annotated[int, typer.Option("--workers", "-w", min=1, help="Processes to code with (each loads the model once).")]


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise typer.BadParameter(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}", param_hint="--format")


def _check_date(value: str | None, option: str) -> None:
    if value is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form", param_hint=option)


def _coded(paths: list[str], published: str | None, workers: int, skip=None):  # type: ignore[no-untyped-def]
    """Results for the inputs, coded in-process or on worker processes (imported here so `--help` stays fast)."""
    from eventcoder.parallel import run
    return run(read_documents(paths, published=published), workers=workers, skip=skip)


@app.command()
def extract(paths: PathsArg, fmt: FormatOpt = "table", published: PublishedOpt = None, workers: WorkersOpt = 1) -> None:
    """Code the events of each document and print them."""
    _check_format(fmt)
    _check_date(published, "--published")
    err = Console(stderr=True)
    results = _coded(paths, published, workers)
    docs, failures = write_results(results, fmt, sys.stdout, Console())
    err.print(f"{docs} documents, {failures} failed")


@app.command()
def ingest(paths: PathsArg, db: DbOpt = DEFAULT_DB, published: PublishedOpt = None, workers: WorkersOpt = 1) -> None:
    """Code the documents and store articles, events and evidence; an article already stored is skipped."""
    from rich.progress import Progress

    from eventcoder.store import Store
    _check_date(published, "--published")
    err = Console(stderr=True)
    stored = skipped = failed = 0
    with Store.open(db) as store, Progress(console=err, transient=True) as progress:
        task = progress.add_task("ingesting", total=None)
        # articles already stored are recognised before parsing, so a re-run or an interrupted ingest
        # resumes quickly where it stopped (with one worker; on several the store still refuses duplicates)
        for result in _coded(paths, published, workers, skip=store.has_article):
            progress.advance(task)
            if result.skipped:
                skipped += 1
            elif result.error is not None:
                failed += 1
                err.print(f"[red]{result.id}[/]: {result.error}")
            elif store.save(result):
                stored += 1
            else:
                skipped += 1
        counts = store.counts()
    err.print(f"stored {stored} new articles, skipped {skipped} already stored, {failed} failed; "
              f"the database holds {counts['articles']} articles and {counts['events']} events")


@app.command()
def events(db: DbOpt = DEFAULT_DB, fmt: FormatOpt = "table",
           event_type: Annotated[Optional[str], typer.Option("--type", help="PLOVER event type.")] = None,
           country: Annotated[Optional[str], typer.Option("--country", help="ISO alpha-3 of place or actor.")] = None,
           since: Annotated[Optional[str], typer.Option("--since", help="Earliest date YYYY-MM-DD.")] = None,
           until: Annotated[Optional[str], typer.Option("--until", help="Latest date YYYY-MM-DD.")] = None,
           limit: Annotated[Optional[int], typer.Option("--limit", help="At most this many events.")] = None) -> None:
    """List stored events, filtered."""
    from eventcoder.store import Store
    _check_format(fmt)
    _check_date(since, "--since")
    _check_date(until, "--until")
    with Store.open(db) as store:
        rows = store.events(event_type=event_type.upper() if event_type else None,
                            country=country.upper() if country else None, since=since, until=until, limit=limit)
    if fmt == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    else:
        Console().print(events_table(f"{len(rows)} stored events", rows))


def _register_extensions() -> None:
    """Commands defined in their own modules: eval (quality yardstick), serve and export."""
    from eventcoder.cli_eval import register as register_eval
    from eventcoder.cli_serve import register as register_serve
    register_eval(app)
    register_serve(app)


_register_extensions()

if __name__ == "__main__":
    app()
