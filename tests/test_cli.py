"""The `eventcoder` command end to end: extract, ingest, events, and bad input in a batch."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES
from eventcoder.cli import app

runner = CliRunner()
SEED = EXAMPLES / "kataeb-hezbollah-rebuke.txt"


def jsonl(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_extract_jsonl_on_the_seed_article(pipeline) -> None:
    result = runner.invoke(app, ["extract", str(SEED), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    [doc] = jsonl(result.stdout)
    assert (doc["id"], doc["publication_date"], doc["publication_date_source"]) == \
        ("kataeb-hezbollah-rebuke", "2024-03-02", "header")
    keys = {"id", "event_type", "mode", "acled_event_type", "acled_sub_event_type", "cameo_root", "source", "target",
            "date", "date_precision", "date_text", "place", "fatalities", "injuries", "claimed_by", "attributed_to",
            "attributed_by", "modality", "is_aggregate", "evidence", "confidence"}
    assert all(set(e) == keys for e in doc["events"])
    assert "ASSAULT" in {e["event_type"] for e in doc["events"]}


def test_published_flag_overrides_the_page_date(pipeline) -> None:
    result = runner.invoke(app, ["extract", str(SEED), "--format", "jsonl", "--published", "2024-03-09"])
    [doc] = jsonl(result.stdout)
    assert (doc["publication_date"], doc["publication_date_source"]) == ("2024-03-09", "given")


def test_a_bad_published_flag_is_refused() -> None:
    result = runner.invoke(app, ["extract", str(SEED), "--published", "March 9"])
    assert result.exit_code == 2
    assert "is not a date in YYYY-MM-DD form" in result.output


def test_bad_documents_fail_one_by_one_and_the_batch_goes_on(pipeline, tmp_path: Path) -> None:
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "c_arabic.txt").write_text("قتل ثلاثة جنود في هجوم بطائرة مسيرة على قاعدة في الأردن يوم الأحد، "
                                           "وقالت الحكومة إن الهجوم نفذته جماعة مسلحة. " * 3, encoding="utf-8")
    (tmp_path / "d_latin1.txt").write_bytes("Gunmen attacked a café in Bamako on Monday, killing two civilians."
                                            .encode("latin-1"))
    (tmp_path / "e_lines.jsonl").write_text(
        '{"id": "ok", "text": "Rebels attacked a convoy near Goma on Tuesday.", "published": "2024-03-02"}\n'
        '{"id": "broken", "text": \n'
        '{"id": "no-text"}\n', encoding="utf-8")
    (tmp_path / "f_huge.html").write_text("<html><body><article>" + "<p>Rebels attacked a convoy near Goma "
                                          "on Tuesday, officials said.</p>\n" * 300_000 + "</article></body></html>",
                                          encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    docs = {d["id"]: d for d in jsonl(result.stdout)}
    assert list(docs) == ["a_empty", "b_binary", "c_arabic", "d_latin1", "ok", "e_lines.jsonl:2",
                          "e_lines.jsonl:3", "f_huge"]
    assert "empty" in docs["a_empty"]["error"]
    assert "binary" in docs["b_binary"]["error"]
    assert "'ar'" in docs["c_arabic"]["error"]
    assert "error" not in docs["d_latin1"] and docs["d_latin1"]["events"][0]["event_type"] == "ASSAULT"
    assert docs["ok"]["events"][0]["place"]["name"] == "Goma"
    assert "invalid JSON" in docs["e_lines.jsonl:2"]["error"]
    assert "'text' or 'html'" in docs["e_lines.jsonl:3"]["error"]
    assert "error" not in docs["f_huge"]
    assert "8 documents, 5 failed" in result.stderr


def test_ingest_twice_stores_nothing_new_and_events_lists_them(pipeline, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'events.db'}"
    first = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", db])
    assert first.exit_code == 0, first.output
    assert "stored 5 new articles, skipped 0 already stored, 0 failed" in first.stderr
    second = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", db])
    assert "stored 0 new articles, skipped 5 already stored, 0 failed" in second.stderr
    listed = runner.invoke(app, ["events", "--db", db, "--format", "jsonl", "--type", "assault",
                                 "--country", "YEM", "--since", "2024-02-01", "--until", "2024-02-29"])
    assert listed.exit_code == 0, listed.output
    [event] = jsonl(listed.stdout)
    assert (event["place"]["name"], event["fatalities"], event["date"]) == ("Saada", 9, "2024-02-13")


def test_the_installed_command_runs_from_stdin(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("eventcoder")
    if not exe.exists():
        pytest.skip("eventcoder console script not installed in this environment")
    text = "Houthi forces fired missiles at a ship in the Red Sea on Monday, officials said.\n"
    run = subprocess.run([str(exe), "extract", "-", "--format", "jsonl", "--published", "2024-03-02"],
                         input=text.encode(), capture_output=True, timeout=120, check=True)
    [doc] = jsonl(run.stdout.decode())
    assert (doc["id"], doc["publication_date_source"]) == ("stdin", "given")
    assert doc["events"][0]["event_type"] == "ASSAULT"


def test_two_workers_give_the_same_results_in_the_same_order(pipeline) -> None:
    one = runner.invoke(app, ["extract", str(EXAMPLES), "--format", "jsonl"])
    two = runner.invoke(app, ["extract", str(EXAMPLES), "--format", "jsonl", "--workers", "2"])
    assert two.exit_code == 0, two.output
    assert jsonl(two.stdout) == jsonl(one.stdout)


def test_an_interrupted_ingest_resumes_without_recoding_what_it_stored(pipeline, tmp_path: Path,
                                                                      monkeypatch) -> None:
    import eventcoder.pipeline as pipeline_module
    pages = tmp_path / "pages"
    pages.mkdir()
    for name in ("gedo-aid-workers-kidnapped.html", "saada-market-airstrike.html"):
        (pages / name).write_bytes((EXAMPLES / name).read_bytes())
    db = f"sqlite:///{tmp_path / 'resume.db'}"
    first = runner.invoke(app, ["ingest", str(pages), "--db", db])
    assert "stored 2 new articles, skipped 0 already stored, 0 failed" in first.stderr
    (pages / "nairobi-protest-arrests.html").write_bytes((EXAMPLES / "nairobi-protest-arrests.html").read_bytes())
    coded = []
    real = pipeline_module.extract_events
    monkeypatch.setattr(pipeline_module, "extract_events", lambda doc, **kw: coded.append(1) or real(doc, **kw))
    second = runner.invoke(app, ["ingest", str(pages), "--db", db])
    assert "stored 1 new articles, skipped 2 already stored, 0 failed" in second.stderr
    assert len(coded) == 1
