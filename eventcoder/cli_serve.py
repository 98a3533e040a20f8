"""The `serve` and `export` commands, added to the main CLI by `register(app)`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

DEFAULT_DB = "sqlite:///eventcoder.db"
DbOpt = Annotated[str, typer.Option("--db", help="SQLAlchemy database URL.")]


def serve(db: DbOpt = DEFAULT_DB,
          host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
          port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000) -> None:
    """Serve the REST API (OpenAPI at /docs) and the dashboard (at /) for a database."""
    try:
        import uvicorn

        from eventcoder.api import create_app
    except ImportError as exc:  # the server extra is optional
        raise typer.BadParameter(f"{exc.name} is missing: pip install 'eventcoder[server]'") from exc
    uvicorn.run(create_app(db), host=host, port=port, log_level="info")


def export(db: DbOpt = DEFAULT_DB,
           fmt: Annotated[str, typer.Option("--format", "-f", help="acled, polecat, plover, cameo, geojson, csv or parquet.")] = "acled",
           output: Annotated[Optional[Path], typer.Option("--output", "-o", help="File to write (default: stdout; required for parquet).")] = None,
           event_type: Annotated[Optional[str], typer.Option("--type", help="PLOVER event type.")] = None,
           acled: Annotated[Optional[str], typer.Option("--acled-type", help="ACLED event type.")] = None,
           country: Annotated[Optional[str], typer.Option("--country", help="ISO alpha-3 of the place.")] = None,
           actor: Annotated[Optional[str], typer.Option("--actor", help="Part of an actor's name.")] = None,
           since: Annotated[Optional[str], typer.Option("--since", help="Earliest date YYYY-MM-DD.")] = None,
           until: Annotated[Optional[str], typer.Option("--until", help="Latest date YYYY-MM-DD.")] = None,
           min_confidence: Annotated[Optional[float], typer.Option("--min-confidence")] = None) -> None:
    """Export deduplicated events (one row per happening) in a standard format."""
    from eventcoder import export as ex
    from eventcoder.store import Store
    from eventcoder.store_query import EventFilter, with_mentions

    if fmt not in ex.FORMATS:
        raise typer.BadParameter(f"unknown format {fmt!r}; choose one of {', '.join(ex.FORMATS)}", param_hint="--format")
    if fmt == "parquet" and output is None:
        raise typer.BadParameter("parquet is binary: give a file with -o", param_hint="--output")
    try:
        flt = EventFilter(event_type=event_type.upper() if event_type else None, acled_event_type=acled,
                          country=country.upper() if country else None, actor=actor, since=since, until=until,
                          min_confidence=min_confidence)
        flt.clauses()
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc
    with Store.open(db) as store, store.engine.connect() as conn:
        items = with_mentions(conn, flt)
        if output is None:
            count = ex.write(fmt, items, sys.stdout)
        else:
            with output.open("wb" if fmt == "parquet" else "w", encoding=None if fmt == "parquet" else "utf-8",
                             newline=None if fmt == "parquet" else "") as handle:
                count = ex.write(fmt, items, handle)
    typer.echo(f"{count} events written", err=True)


def register(app: typer.Typer) -> None:
    """Add `serve` and `export` to the `eventcoder` command."""
    app.command("serve")(serve)
    app.command("export")(export)


if __name__ == "__main__":  # `python -m eventcoder.cli_serve --db URL` serves without the main CLI
    import typer as _typer
    _typer.run(serve)
