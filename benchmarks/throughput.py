"""Throughput and peak memory of the whole pipeline (text in, events out), on 1 and more processes.

Two corpora:
  short  a seeded sample of dev gold texts (acled, gtd2011, case2021 in equal parts; one-paragraph texts)
  news   news-length articles (~600 words) built from the shipped examples: the main text of each file in
         examples/ is extracted once (not timed), and article k joins example k, k+1, ... (cyclically) with a
         blank line between them until it has at least --words words
  pages  real English news pages from ../shared/pages/dev (read at run time, never copied into the repo):
         the main text of each page whose manifest says lang "en" and kind "news" and that has at least
         --page-words words (its HTML is passed to the pipeline, so article extraction is timed too);
         skipped, with a message, when the pages are not there

Each run starts P worker processes with the spawn method; every worker loads the model once (its
"start-up s"), then codes its share (every P-th document) and reports its own peak RSS
(resource.getrusage(RUSAGE_SELF).ru_maxrss). Columns:
  start-up s    slowest worker's model load (Pipeline())
  code s        slowest worker's coding time after start-up
  wall s        whole run, process spawn and model load included
  docs/s        documents / code s (steady state);  docs/s wall: documents / wall s
  RSS/worker    largest worker peak RSS;  RSS total: sum of the workers' peaks

Run:  .venv/bin/python benchmarks/throughput.py [--sample 300] [--articles 60] [--processes 1,2] [--json]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import random
import resource
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT.parent / "shared" / "gold" / "dev"
PAGES_DIR = ROOT.parent / "shared" / "pages" / "dev"
EXAMPLES = ROOT / "examples"
SHORT_FILES = ("acled", "gtd2011", "case2021")

Doc = tuple[str, str, "str | None"]  # id, text (or HTML, when the id ends in .html), publication date


def short_corpus(gold_dir: Path, size: int, seed: int) -> list[Doc]:
    """A seeded sample of `size` gold texts, split evenly over the short-text dev files."""
    docs: list[Doc] = []
    for k, stem in enumerate(SHORT_FILES):
        lines = (gold_dir / f"{stem}.jsonl").read_text(encoding="utf-8").splitlines()
        share = size // len(SHORT_FILES) + (k < size % len(SHORT_FILES))
        for i in sorted(random.Random(seed).sample(range(len(lines)), min(share, len(lines)))):
            row = json.loads(lines[i])
            docs.append((row["doc_id"], row["text"], row.get("publication_date")))
    return docs


def example_texts() -> list[str]:
    """Main text of every file in examples/, in name order, as the pipeline's article stage extracts it."""
    from eventcoder.article import build_article
    from eventcoder.records import Document
    texts = []
    for path in sorted(EXAMPLES.iterdir()):
        raw = path.read_text(encoding="utf-8")
        doc = Document(id=path.name, html=raw) if path.suffix in (".html", ".htm") else Document(id=path.name, text=raw)
        texts.append(build_article(doc).text)
    return texts


def news_corpus(count: int, words: int) -> list[Doc]:
    """`count` articles of at least `words` words, each joining consecutive examples cyclically."""
    texts = example_texts()
    docs: list[Doc] = []
    for k in range(count):
        parts: list[str] = []
        j = k
        while sum(len(p.split()) for p in parts) < words:
            parts.append(texts[j % len(texts)])
            j += 1
        docs.append((f"news-{k}", "\n\n".join(parts), "2024-03-02"))
    return docs


def pages_corpus(pages_dir: Path, min_words: int) -> list[Doc]:
    """English news pages (manifest pages.jsonl) whose extracted main text has at least `min_words` words."""
    from eventcoder.article import build_article
    from eventcoder.errors import EventcoderError
    from eventcoder.records import Document
    docs: list[Doc] = []
    for line in (pages_dir / "pages.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row.get("lang") != "en" or row.get("kind") != "news":
            continue
        html = (pages_dir / row["file"]).read_text(encoding="utf-8", errors="replace")
        try:
            text = build_article(Document(id=row["id"], html=html)).text
        except EventcoderError:
            continue
        if len(text.split()) >= min_words:
            docs.append((row["id"] + ".html", html, None))
    return docs


def _document(doc_id: str, body: str, published: "str | None") -> Any:
    from eventcoder.records import Document
    if doc_id.endswith(".html"):
        return Document(id=doc_id, html=body, published=published)
    return Document(id=doc_id, text=body, published=published)


def _words(doc_id: str, body: str) -> int:
    """Words of a document's main text (a page's HTML is reduced to its article text first)."""
    if not doc_id.endswith(".html"):
        return len(body.split())
    from eventcoder.article import build_article
    return len(build_article(_document(doc_id, body, None)).text.split())


def _worker(share: list[Doc], queue: Any) -> None:
    start = time.perf_counter()
    from eventcoder.pipeline import Pipeline
    pipeline = Pipeline()
    loaded = time.perf_counter()
    events = failed = 0
    for result in pipeline.run(_document(i, t, p) for i, t, p in share):
        events += len(result.events)
        failed += result.error is not None
    done = time.perf_counter()
    queue.put({"startup_s": loaded - start, "code_s": done - loaded, "docs": len(share), "events": events,
               "failed": failed, "rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024})


def measure(docs: list[Doc], processes: int) -> dict[str, Any]:
    """Code `docs` on `processes` spawned workers (every worker takes every P-th document)."""
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    start = time.perf_counter()
    workers = [ctx.Process(target=_worker, args=(docs[i::processes], queue)) for i in range(processes)]
    for w in workers:
        w.start()
    stats = [queue.get() for _ in workers]
    for w in workers:
        w.join()
    wall = time.perf_counter() - start
    code_s = max(s["code_s"] for s in stats)
    return {
        "processes": processes, "docs": len(docs),
        "words_per_doc": round(sum(_words(i, t) for i, t, _ in docs) / max(1, len(docs)), 1),
        "startup_s": round(max(s["startup_s"] for s in stats), 2), "code_s": round(code_s, 2),
        "wall_s": round(wall, 2), "docs_per_s": round(len(docs) / code_s, 1) if code_s else None,
        "docs_per_s_wall": round(len(docs) / wall, 1), "events": sum(s["events"] for s in stats),
        "failed": sum(s["failed"] for s in stats),
        "rss_worker_mib": round(max(s["rss_mib"] for s in stats)), "rss_total_mib": round(sum(s["rss_mib"] for s in stats)),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sample", type=int, default=300, help="short gold texts (default 300)")
    parser.add_argument("--articles", type=int, default=60, help="news-length articles (default 60)")
    parser.add_argument("--words", type=int, default=600, help="minimum words per news-length article")
    parser.add_argument("--pages", type=Path, default=PAGES_DIR, help="folder of real news pages (pages.jsonl)")
    parser.add_argument("--page-words", type=int, default=300, help="minimum words of a page's main text")
    parser.add_argument("--processes", default="1,2", help="comma-separated process counts (default 1,2)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--gold-dir", type=Path, default=GOLD_DIR)
    parser.add_argument("--json", action="store_true", help="print the rows as JSON instead of a table")
    args = parser.parse_args(argv)

    corpora: dict[str, list[Doc]] = {}
    if args.sample and (args.gold_dir / "acled.jsonl").exists():
        corpora["short"] = short_corpus(args.gold_dir, args.sample, args.seed)
    elif args.sample:
        print(f"no gold at {args.gold_dir}: skipping the short-text corpus", file=sys.stderr)
    if args.articles:
        corpora[f"news {args.words}+"] = news_corpus(args.articles, args.words)
    if args.page_words and (args.pages / "pages.jsonl").exists():
        corpora[f"pages {args.page_words}+"] = pages_corpus(args.pages, args.page_words)
    elif args.page_words:
        print(f"no pages at {args.pages}: skipping the real-pages corpus", file=sys.stderr)
    load = os.getloadavg()[0]  # other work on the machine skews every number: record it
    rows = []
    for name, docs in corpora.items():
        for processes in (int(p) for p in args.processes.split(",")):
            rows.append({"corpus": name, **measure(docs, processes)})
            print(f"done: {name} on {processes} process(es)", file=sys.stderr)
    if args.json:
        print(json.dumps({"cpus": mp.cpu_count(), "load_avg_1min_at_start": load, "rows": rows}, indent=2))
        return
    from rich.console import Console
    from rich.table import Table
    table = Table(title=f"eventcoder throughput ({mp.cpu_count()} CPUs, load average {load:.1f} at start)")
    columns = [("corpus", "corpus"), ("processes", "procs"), ("docs", "docs"), ("words_per_doc", "words/doc"),
               ("startup_s", "start-up s"), ("code_s", "code s"), ("wall_s", "wall s"), ("docs_per_s", "docs/s"),
               ("docs_per_s_wall", "docs/s wall"), ("events", "events"), ("rss_worker_mib", "RSS/worker MiB"),
               ("rss_total_mib", "RSS total MiB")]
    for _, title in columns:
        table.add_column(title, justify="left" if title == "corpus" else "right")
    for row in rows:
        table.add_row(*(str(row[key]) for key, _ in columns))
    Console().print(table)


if __name__ == "__main__":
    main()
