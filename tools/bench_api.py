"""Latency of `GET /events` over 10,000 stored events, measured from a separate client process.

    python tools/bench_api.py [--events 10000] [--requests 400]

Builds a synthetic SQLite store (hand-built events over a year and 40 places), starts
`eventcoder serve` in a subprocess on a free loopback port, sends a bounded number of
sequential requests (mixed filters, sorts and cursors) with httpx, and prints p50/p95.
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

TYPES = [("ASSAULT", "aerial"), ("ASSAULT", "firearms"), ("PROTEST", "demo"), ("COERCE", "arrest"), ("THREATEN", None)]


def build(path: Path, n_events: int) -> None:
    """A store of `n_events` synthetic events, 5 per article."""
    from eventcoder.records import Actor, Article, Event, Evidence, Place, Result
    from eventcoder.store import Store
    rnd = random.Random(7)
    places = [Place(name=f"Town {i}", country=rnd.choice(["YEM", "SDN", "UKR", "SOM", "KEN", "IRQ"]),
                    lat=rnd.uniform(-10, 50), lon=rnd.uniform(20, 50), precision="city") for i in range(40)]
    actors = [Actor(text=f"Group {i}", name=f"Group {i}", country="YEM", sector=rnd.choice(["MIL", "REB", "CVL"]))
              for i in range(30)]
    start = date(2024, 1, 1)
    with Store.open(f"sqlite:///{path}") as store:
        for a in range(n_events // 5):
            evs = []
            for k in range(5):
                etype, mode = rnd.choice(TYPES)
                text = f"Event {a}-{k} happened."
                evs.append(Event(
                    id=f"{a:06d}-{k}", event_type=etype, mode=mode, acled_event_type=None, acled_sub_event_type=None,
                    cameo_root="19", source=rnd.choice(actors), target=rnd.choice(actors + [None]),
                    date=(start + timedelta(days=rnd.randrange(365))).isoformat(), date_precision="day",
                    date_text=None, place=rnd.choice(places), fatalities=rnd.choice([None, 0, 1, 3, 10]),
                    injuries=None, claimed_by=None, attributed_to=None, attributed_by=None, modality="asserted",
                    is_aggregate=False, evidence=Evidence(text, 0, len(text)), confidence=round(rnd.random(), 3)))
            store.save(Result(id=str(a), events=evs, article=Article(
                id=str(a), text=" ".join(e.evidence.text for e in evs), url=f"https://bench.example/{a}",
                site="bench.example", publication_date="2024-12-31", content_hash=f"{a:064x}")))
        print(f"stored {store.counts()} -> {store.merged_count()} happenings", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=400)
    args = parser.parse_args()
    import httpx
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        t0 = time.monotonic()
        build(db, args.events)
        print(f"built in {time.monotonic() - t0:.1f} s", file=sys.stderr)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = subprocess.Popen([sys.executable, "-m", "eventcoder.cli_serve", "--db", f"sqlite:///{db}",
                                   "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            with httpx.Client(base_url=base, timeout=10) as client:
                for _ in range(100):
                    try:
                        client.get("/healthz")
                        break
                    except httpx.TransportError:
                        time.sleep(0.1)
                rnd = random.Random(1)
                queries = [{}, {"type": "ASSAULT"}, {"country": "YEM", "sort": "fatalities", "order": "desc"},
                           {"since": "2024-03-01", "until": "2024-04-30"}, {"actor": "group 1"},
                           {"bbox": "30,0,45,30"}, {"min_confidence": 0.5, "sort": "confidence"}]
                times, cursor = [], None
                for i in range(args.requests):
                    params = dict(rnd.choice(queries)) if cursor is None else {"cursor": cursor}
                    t = time.perf_counter()
                    resp = client.get("/events", params=params)
                    times.append((time.perf_counter() - t) * 1000)
                    resp.raise_for_status()
                    cursor = resp.json()["next_cursor"] if i % 3 else None
        finally:
            server.terminate()
            server.wait(10)
    q = statistics.quantiles(times, n=100)
    print(f"GET /events over {args.events} events, {len(times)} requests (limit 100): "
          f"p50 {q[49]:.1f} ms, p95 {q[94]:.1f} ms, max {max(times):.1f} ms")


if __name__ == "__main__":
    main()
