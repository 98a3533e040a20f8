"""The REST API over a store of hand-built, deduplicated events: filters, pagination, errors, writes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from eventcoder.api import create_app  # noqa: E402
from eventcoder.records import Article, Evidence, Result  # noqa: E402

from conftest import seeded_db_url  # noqa: E402
from test_dedup import HAND  # noqa: E402

TOKEN = "s3cret-token"


def _results() -> list[Result]:
    """One article per hand-built source, its text holding each event's evidence sentence."""
    arts: dict[str, list] = {}
    for article, event, _ in HAND:
        arts.setdefault(article, []).append(event)
    out = []
    for n, (name, evs) in enumerate(sorted(arts.items())):
        text, placed = f"{name.upper()} - ", []
        for e in evs:
            sentence = f"Report of {e.id}: {e.event_type.lower()} with {e.fatalities or 0} dead."
            placed.append(replace(e, evidence=Evidence(sentence, len(text), len(text) + len(sentence))))
            text += sentence + " "
        out.append(Result(id=name, events=placed, article=Article(
            id=name, text=text, title=f"Story {name}", site=f"{name.split('-')[0]}.example",
            url=f"https://{name}.example/story", publication_date="2024-02-15", content_hash=f"{n:064x}")))
    return out


@pytest.fixture(scope="module")
def db_url(tmp_path_factory) -> str:
    return seeded_db_url(tmp_path_factory, "api")


@pytest.fixture(scope="module")
def client(db_url: str) -> TestClient:
    return TestClient(create_app(db_url, token=TOKEN, max_body=10_000))


def ids(resp) -> list[str]:
    assert resp.status_code == 200, resp.text
    return [e["id"] for e in resp.json()["events"]]


def test_healthz_and_openapi(client: TestClient) -> None:
    health = client.get("/healthz").json()
    assert health["status"] == "ok" and health["events"] == len(HAND) and health["happenings"] == 13
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/events", "/events/{event_id}", "/events.geojson", "/articles/{article_id}", "/stats", "/articles",
            "/healthz"} <= set(paths)


def test_events_are_deduplicated_with_mentions(client: TestClient) -> None:
    listed = client.get("/events", params={"limit": 1000}).json()["events"]
    assert len(listed) == 13
    saada = client.get("/events/a1").json()
    assert saada["n_mentions"] == 4 and saada["fatalities"] == 11 and saada["place"]["name"] == "Al-Raqw market"
    assert sorted(m["event_id"] for m in saada["mentions"]) == ["a1", "a2", "a3", "a4"]
    mention = saada["mentions"][0]
    article = client.get(f"/articles/{mention['article_id']}").json()
    span = mention["evidence"]
    assert article["text"][span["start"]:span["end"]] == span["text"]
    assert any(e["event"] == "a1" for e in article["evidence"])
    assert client.get("/events/a3").json()["id"] == "a1"  # a mention id finds its happening


def test_filters(client: TestClient) -> None:
    assert ids(client.get("/events", params={"type": "protest"})) == ["n1"]
    assert ids(client.get("/events", params={"country": "ken", "sort": "id"})) == ["n1", "n3"]
    assert ids(client.get("/events", params={"actor": "rapid support", "sort": "id"})) == ["f1", "f4"]
    assert ids(client.get("/events", params={"actor_country": "UKR", "sort": "id"})) == ["k3"]
    assert ids(client.get("/events", params={"since": "2024-05-20", "until": "2024-05-31", "sort": "id"})) == ["k3", "k5"]
    assert ids(client.get("/events", params={"bbox": "36,49,37,51", "sort": "id"})) == ["k1", "k3", "k5"]
    assert ids(client.get("/events", params={"modality": "negated"})) == ["f4"]
    assert ids(client.get("/events", params={"mode": "arrest"})) == ["n3"]
    assert ids(client.get("/events", params={"admin1": "SD.55", "sort": "id"})) == ["f1", "f4"]
    assert ids(client.get("/events", params={"min_confidence": 0.9, "sort": "id"})) == ["a1", "f1", "k1", "k3", "n1", "n3", "x2"]
    assert ids(client.get("/events", params={"actor": "100%_"})) == []  # LIKE wildcards are literal


@pytest.mark.parametrize(("sort", "order"), [("date", "asc"), ("date", "desc"), ("fatalities", "desc"),
                                             ("confidence", "asc"), ("mentions", "desc"), ("id", "asc")])
def test_cursor_pages_cover_everything_once_in_order(client: TestClient, sort: str, order: str) -> None:
    whole = ids(client.get("/events", params={"sort": sort, "order": order, "limit": 1000}))
    seen, cursor = [], None
    while True:
        params = {"sort": sort, "order": order, "limit": 3, **({"cursor": cursor} if cursor else {})}
        body = client.get("/events", params=params).json()
        seen += [e["id"] for e in body["events"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == whole and len(seen) == 13


def test_geojson_and_stats(client: TestClient) -> None:
    geo = client.get("/events.geojson").json()
    assert geo["type"] == "FeatureCollection"
    assert all(f["geometry"]["type"] == "Point" for f in geo["features"])
    assert "a1" in {f["id"] for f in geo["features"]}
    stats = client.get("/stats").json()
    assert stats["events"] == 13
    assert sum(d["events"] for d in stats["by_day"]) == 13
    assert {"week", "event_type", "events", "fatalities"} <= set(stats["by_week"][0])
    assert stats["fatalities"] == sum(d["fatalities"] for d in stats["by_type"])


ERROR_KEYS = {"status", "code", "message", "details"}


@pytest.mark.parametrize(("method", "path", "params", "status", "code"), [
    ("get", "/events/nope", {}, 404, "not_found"),
    ("get", "/articles/99999", {}, 404, "not_found"),
    ("get", "/articles/abc", {}, 422, "invalid_request"),
    ("get", "/events", {"limit": 0}, 422, "invalid_request"),
    ("get", "/events", {"since": "last week"}, 422, "invalid_request"),
    ("get", "/events", {"bbox": "1,2,3"}, 422, "invalid_request"),
    ("get", "/events", {"cursor": "garbage!"}, 400, "bad_cursor"),
    ("get", "/nowhere", {}, 404, "not_found"),
    ("delete", "/events", {}, 405, "method_not_allowed"),
])
def test_one_error_shape_everywhere(client: TestClient, method: str, path: str, params: dict, status: int, code: str) -> None:
    resp = client.request(method, path, params=params)
    assert resp.status_code == status
    body = resp.json()
    assert set(body) == {"error"} and set(body["error"]) == ERROR_KEYS
    assert body["error"]["status"] == status and body["error"]["code"] == code and body["error"]["message"]


def test_writes_need_the_token(client: TestClient, db_url: str) -> None:
    assert client.post("/articles", json={"text": "x"}).json()["error"]["code"] == "unauthorized"
    bad = client.post("/articles", json={"text": "x"}, headers={"Authorization": "Bearer wrong"})
    assert bad.status_code == 401
    closed = TestClient(create_app(db_url, token=None))
    resp = closed.post("/articles", json={"text": "x"}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert resp.status_code == 403 and resp.json()["error"]["code"] == "writes_disabled"


def test_oversized_bodies_get_413(client: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    resp = client.post("/articles", content=b"x" * 20_000, headers={**auth, "content-type": "text/plain"})
    assert resp.status_code == 413 and resp.json()["error"]["code"] == "payload_too_large"

    def chunks():
        for _ in range(30):
            yield b"y" * 1000

    streamed = client.post("/articles", content=chunks(), headers={**auth, "content-type": "text/plain"})
    assert streamed.status_code == 413 and set(streamed.json()["error"]) == ERROR_KEYS


def test_bad_bodies(client: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert client.post("/articles", content=b"{nope", headers={**auth, "content-type": "application/json"}).status_code == 400
    assert client.post("/articles", json={"url": "x"}, headers=auth).status_code == 422
    assert client.post("/articles", content=b"x", headers={**auth, "content-type": "image/png"}).status_code == 415


@pytest.mark.slow
def test_post_article_codes_and_stores_it(tmp_path: Path) -> None:
    client = TestClient(create_app(f"sqlite:///{tmp_path / 'post.db'}", token=TOKEN))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    text = (Path(__file__).parent / "dedup_corpus" / "b1-baghdad-drone-wire.txt").read_text(encoding="utf-8")
    body = {"text": text, "url": "https://newswire.example/b1", "published": "2024-02-07"}
    first = client.post("/articles", json=body, headers=auth)
    assert first.status_code == 201 and first.json()["stored"] is True and first.json()["events"]
    again = client.post("/articles", json=body, headers=auth)
    assert again.status_code == 200 and again.json()["stored"] is False
    assert client.get("/healthz").json()["articles"] == 1
