"""Terminal and machine output of results and stored events: rich tables, JSON, JSONL."""

from __future__ import annotations

import json
from typing import Any, Iterable, TextIO

from rich.console import Console
from rich.table import Table

from eventcoder.records import Result

FORMATS = ("table", "json", "jsonl")
# Evidence is cut to this many characters in tables; JSON keeps it whole.
TABLE_EVIDENCE_CHARS = 70


def _actor(value: dict[str, Any] | None) -> str:
    if not value:
        return ""
    name = value.get("name") or value.get("text") or ""
    return f"{name} [{value.get('country') or '?'}]"


def _place(value: dict[str, Any] | None) -> str:
    if not value:
        return ""
    return f"{value.get('name')} [{value.get('country') or '?'}]"


def events_table(title: str, events: Iterable[dict[str, Any]]) -> Table:
    """One row per event with the fields an analyst scans first."""
    table = Table(title=title, show_lines=False, expand=False)
    for column in ("type", "mode", "ACLED sub-type", "source", "target", "date", "place", "dead", "modality",
                   "evidence"):
        table.add_column(column, overflow="fold")
    for ev in events:
        evidence = (ev.get("evidence") or {}).get("text", "")
        table.add_row(ev["event_type"], ev.get("mode") or "", ev.get("acled_sub_event_type") or "",
                      _actor(ev.get("source")), _actor(ev.get("target")), ev.get("date") or "",
                      _place(ev.get("place")), "" if ev.get("fatalities") is None else str(ev["fatalities"]),
                      ev["modality"] + (" (agg.)" if ev.get("is_aggregate") else ""),
                      evidence[:TABLE_EVIDENCE_CHARS] + ("…" if len(evidence) > TABLE_EVIDENCE_CHARS else ""))
    return table


def write_results(results: Iterable[Result], fmt: str, out: TextIO, console: Console) -> tuple[int, int]:
    """Print results as they come; return (documents, failures)."""
    docs = failures = 0
    collected: list[dict[str, Any]] = []
    for result in results:
        docs += 1
        failures += result.error is not None
        record = result.to_dict()
        if fmt == "jsonl":
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            out.flush()
        elif fmt == "json":
            collected.append(record)
        else:
            _print_result(record, console)
    if fmt == "json":
        out.write(json.dumps(collected, ensure_ascii=False, indent=2) + "\n")
    return docs, failures


def _print_result(record: dict[str, Any], console: Console) -> None:
    if "error" in record:
        console.print(f"[bold red]{record['id']}[/]: {record['error']}")
        return
    date = record["publication_date"] or "unknown date"
    title = f"{record['id']} — published {date} ({record['publication_date_source']}) — {len(record['events'])} events"
    console.print(events_table(title, record["events"]))
