"""The `eventcoder eval` command: run the pipeline on gold files and print how well it scores.

Added to the main app with `register(app)`; the scoring itself lives in `eventcoder.evaluate`.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.table import Table

from eventcoder.evaluate import FIELDS, PRIMARY_FIELDS, DocScore, build_report, load_gold, run_gold, worst_documents

EVAL_FORMATS = ("table", "json")
EXCERPT_CHARS = 300
CONFUSION_TOP = 4


def register(app: typer.Typer) -> None:
    """Add the `eval` command to a Typer app."""
    app.command("eval")(eval_command)


def eval_command(
    paths: Annotated[list[str], typer.Argument(help="Gold JSONL files (shared/gold/dev/*.jsonl).")],
    limit: Annotated[Optional[int], typer.Option("--limit", min=1,
                                                 help="A seeded random sample of this many documents per file.")] = None,
    sample_seed: Annotated[int, typer.Option("--sample-seed", help="Seed of the --limit sample.")] = 0,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    errors: Annotated[int, typer.Option("--errors", min=0,
                                        help="Show the N worst documents, gold beside predicted.")] = 0,
) -> None:
    """Score the extractor against human-coded gold: event P/R/F1, field accuracy, document hits, confusions."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    if fmt not in EVAL_FORMATS:
        raise typer.BadParameter(f"unknown format {fmt!r}; choose one of {', '.join(EVAL_FORMATS)}",
                                 param_hint="--format")
    err = Console(stderr=True)
    try:
        gold = load_gold(paths, limit=limit, seed=sample_seed)
    except (OSError, ValueError) as exc:
        err.print(f"[red]cannot read gold[/]: {exc}")
        raise typer.Exit(2) from exc
    from eventcoder.pipeline import Pipeline
    with Progress(TextColumn("scoring"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=err, transient=True) as progress:
        task = progress.add_task("scoring", total=len(gold))
        scores = run_gold(gold, pipeline=Pipeline(), progress=lambda n: progress.advance(task, n))
    report = build_report(scores)
    report["config"] = {"files": list(paths), "limit": limit, "sample_seed": sample_seed}
    if fmt == "json":
        if errors:
            report["worst_documents"] = [_error_record(s) for s in worst_documents(scores, errors)]
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
        return
    out = Console()
    print_report(report, out)
    for score in worst_documents(scores, errors):
        out.print(_error_table(score))


# ---------------------------------------------------------------------------------------------
# Tables


def _rate(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def print_report(report: dict[str, Any], out: Console) -> None:
    """Summary, document hits, field accuracy and confusions as rich tables."""
    groups = report["datasets"]
    out.print(_summary_table(groups, report.get("sub_datasets", {})))
    out.print(_hits_table(groups))
    out.print(_fields_table(groups))
    out.print("[dim]place_admin1: predicted admin1 may still be a GeoNames code (e.g. IQ.07), which never matches a name.[/]")
    for name, part in groups.items():
        if part["confusion"]:
            out.print(_confusion_table(name, part["confusion"]))


def _summary_table(groups: dict[str, Any], subs: dict[str, Any]) -> Table:
    table = Table(title="Events (one-to-one Hungarian matching on the primary type)")
    for column in ("dataset", "docs", "gold", "pred", "matched", "P", "R", "F1", "P in scope", "hit",
                   "hit on", "failed"):
        table.add_column(column, justify="left" if column in ("dataset", "hit on") else "right")
    for name, part in groups.items():
        rows = [(name, part)] + [(f"  {key.split('/', 1)[1]}", sub) for key, sub in subs.items()
                                 if key.split("/", 1)[0] == name]
        for label, p in rows:
            table.add_row(label, str(p["documents"]), str(p["gold_events"]), str(p["predicted_events"]),
                          str(p["matched"]), _rate(p["precision"]), _rate(p["recall"]), _rate(p["f1"]),
                          _rate(p["precision_in_scope"]), _rate(p["hit_rate"]), p["primary_field"] or "",
                          str(p["failed_documents"]))
    return table


def _per_dataset_table(title: str, first: str, groups: dict[str, Any]) -> Table:
    table = Table(title=title)
    table.add_column(first)
    for name in groups:
        table.add_column(name, justify="right")
    return table


def _hits_table(groups: dict[str, Any]) -> Table:
    table = _per_dataset_table("Document hit rate (a predicted event has a gold event's value), by type field",
                               "type field", groups)
    for type_field in PRIMARY_FIELDS:
        cells = [part["hits"].get(type_field) for part in groups.values()]
        if any(cells):
            table.add_row(type_field, *[f"{c['rate']:.3f} ({c['documents']})" if c else "" for c in cells])
    table.add_row("empty-doc false alarm", *[_rate(p["empty_doc_false_alarm"]) if p["empty_documents"] else ""
                                             for p in groups.values()])
    return table


def _fields_table(groups: dict[str, Any]) -> Table:
    table = _per_dataset_table("Field accuracy over matched pairs (scored where the gold has the field)",
                               "field", groups)
    for field_name in FIELDS:
        cells = [part["fields"].get(field_name) for part in groups.values()]
        if any(cells):
            table.add_row(field_name, *[f"{c['accuracy']:.3f} ({c['scored']})" if c else "" for c in cells])
    return table


def _confusion_table(name: str, confusion: dict[str, dict[str, int]]) -> Table:
    table = Table(title=f"{name}: gold primary type → predicted type of the matched or best event")
    for column in ("gold type", "n", "right", "most frequent predictions"):
        table.add_column(column, justify="right" if column in ("n", "right") else "left")
    for gold_type, preds in sorted(confusion.items(), key=lambda kv: -sum(kv[1].values())):
        others = [(p, c) for p, c in preds.items() if p != gold_type][:CONFUSION_TOP]
        table.add_row(gold_type, str(sum(preds.values())), str(preds.get(gold_type, 0)),
                      ", ".join(f"{p} {c}" for p, c in others))
    return table


def _actor(actor: dict[str, Any] | None) -> str:
    if not actor:
        return ""
    name = actor.get("name") or actor.get("text") or actor.get("code") or ""
    kind = actor.get("acled_type") or actor.get("sector") or actor.get("gtd_type") or ""
    return f"{name} [{actor.get('country') or '?'}{'/' + kind if kind else ''}]"


def _place(place: dict[str, Any] | None) -> str:
    if not place:
        return ""
    where = f"{place.get('name')} [{place.get('admin1') or '?'}, {place.get('country') or '?'}]"
    if place.get("lat") is not None:
        where += f" {place['lat']:.2f},{place['lon']:.2f}"
    return where


def _type(event: dict[str, Any] | None) -> str:
    if not event:
        return ""
    parts = [event.get(k) or (event.get("cameo_code") if k == "cameo_root" else None)
             for k in ("event_type", "mode", "acled_sub_event_type", "cameo_root")]
    return " / ".join(str(p) for p in parts if p)


def _event_rows(event: dict[str, Any] | None) -> list[str]:
    if not event:
        return ["(none)", "", "", "", "", ""]
    counts = f"{event.get('fatalities')} dead, {event.get('injuries')} hurt"
    return [_type(event), _actor(event.get("source")), _actor(event.get("target")), str(event.get("date") or ""),
            _place(event.get("place")), counts]


def _error_record(score: DocScore) -> dict[str, Any]:
    matched = dict(score.pairs)
    gold_events = score.gold.get("events") or []
    return {
        "doc_id": score.doc_id, "dataset": score.dataset, "badness": score.badness,
        "text": (score.gold.get("text") or "")[:EXCERPT_CHARS],
        "gold_vs_predicted": [{"gold": g, "predicted": score.predicted[matched[i]] if i in matched else None,
                               "wrong": dict(score.wrong).get(i, [])} for i, g in enumerate(gold_events)],
        "unmatched_predicted": [p for j, p in enumerate(score.predicted) if j not in set(matched.values())],
    }


def _error_table(score: DocScore) -> Table:
    record = _error_record(score)
    table = Table(title=f"{score.doc_id} ({score.dataset}): {score.badness} missing/wrong",
                  caption=record["text"] + ("…" if len(score.gold.get("text") or "") > EXCERPT_CHARS else ""),
                  caption_justify="left", show_lines=True)
    for column in ("", "type", "source", "target", "date", "place", "counts", "wrong"):
        table.add_column(column, overflow="fold")
    for pair in record["gold_vs_predicted"]:
        table.add_row("gold", *_event_rows(pair["gold"]), ", ".join(pair["wrong"]))
        table.add_row("pred", *_event_rows(pair["predicted"]), "")
    for pred in record["unmatched_predicted"]:
        table.add_row("extra", *_event_rows(pred), "")
    return table
