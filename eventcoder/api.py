"""The REST API and dashboard: `create_app(db_url)` returns a FastAPI app (OpenAPI at /docs).

Reads serve deduplicated events (one per happening, with their mentions). The one write route,
`POST /articles`, needs `Authorization: Bearer <EVENTCODER_TOKEN>` and is disabled when no
token is configured. Every error has one JSON shape: `{"error": {"status", "code", "message",
"details"}}`. Bodies over `max_body` bytes get 413 before they are read.
"""

from __future__ import annotations

import hmac
import json
import os
import threading
from importlib.resources import files
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from eventcoder import store_query as q
from eventcoder.export import geojson_feature
from eventcoder.store import Store

MAX_BODY = 2_000_000
MAX_LIMIT = 1000
MAX_GEOJSON = 20_000
Str = Annotated[str | None, Query(max_length=200)]


class ApiError(HTTPException):
    """An HTTP error with a machine-readable code."""

    def __init__(self, status: int, code: str, message: str, details: Any = None) -> None:
        super().__init__(status_code=status, detail=message)
        self.code, self.details = code, details


def error_body(status: int, code: str, message: str, details: Any = None) -> dict[str, Any]:
    """The one error shape every route answers with."""
    return {"error": {"status": status, "code": code, "message": message, "details": details}}


_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
          405: "method_not_allowed", 413: "payload_too_large", 415: "unsupported_media_type",
          422: "invalid_request", 500: "internal_error"}


class BodyLimit:
    """ASGI middleware: 413 for a body over the limit, by Content-Length or while streaming."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app, self.max_body = app, max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await self._reject(send)
            return
        seen = 0
        started = False

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_body:
                raise _TooLarge
            return message

        async def tracking(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, tracking)
        except _TooLarge:
            if not started:
                await self._reject(send)

    async def _reject(self, send: Send) -> None:
        body = json.dumps(error_body(413, "payload_too_large", f"request body over {self.max_body} bytes")).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


class _TooLarge(Exception):
    """Raised inside the app when a streamed body passes the limit."""


def _filters(type: Str = None, mode: Str = None, acled_type: Str = None, actor: Str = None,  # noqa: A002
             actor_country: Str = None, country: Str = None, admin1: Str = None,
             bbox: Annotated[str | None, Query(max_length=100, description="min_lon,min_lat,max_lon,max_lat")] = None,
             since: Annotated[str | None, Query(max_length=10)] = None,
             until: Annotated[str | None, Query(max_length=10)] = None,
             modality: Annotated[Literal["asserted", "negated", "future", "hypothetical", "claimed"] | None, Query()] = None,
             min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None) -> q.EventFilter:
    """The event filters shared by /events, /events.geojson and /stats."""
    box = None
    if bbox is not None:
        try:
            box = tuple(float(x) for x in bbox.split(","))
        except ValueError:
            box = ()
        if len(box) != 4 or not (-180 <= box[0] <= box[2] <= 180 and -90 <= box[1] <= box[3] <= 90):
            raise ApiError(422, "invalid_request", "bbox must be min_lon,min_lat,max_lon,max_lat in degrees")
    flt = q.EventFilter(event_type=type.upper() if type else None, mode=mode, acled_event_type=acled_type,
                        actor=actor, actor_country=actor_country.upper() if actor_country else None,
                        country=country.upper() if country else None, admin1=admin1, bbox=box,  # type: ignore[arg-type]
                        since=since, until=until, modality=modality, min_confidence=min_confidence)
    try:
        flt.clauses()
    except ValueError as exc:
        raise ApiError(422, "invalid_request", str(exc)) from exc
    return flt


def event_summary(row: dict[str, Any]) -> dict[str, Any]:
    """A merged event as the API shows it in lists: its record plus how often it was reported."""
    return {**row["record"], "id": row["id"], "n_mentions": row["n_mentions"], "n_articles": row["n_articles"],
            "first_reported": row["first_reported"]}


def create_app(db_url: str, *, token: str | None = None, max_body: int = MAX_BODY) -> FastAPI:
    """The API and dashboard over the database at `db_url`; `token` defaults to $EVENTCODER_TOKEN."""
    store = Store.open(db_url)
    token = token if token is not None else os.environ.get("EVENTCODER_TOKEN") or None
    app = FastAPI(title="eventcoder", version="0.1.0",
                  description="Deduplicated, geocoded political and conflict events coded from news articles.")
    app.state.store = store
    _errors(app)
    static = files("eventcoder").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(str(static.joinpath("index.html")))

    @app.get("/healthz", summary="Liveness and database check")
    def healthz() -> dict[str, Any]:
        return {"status": "ok", **store.counts(), "happenings": store.merged_count()}

    @app.get("/events", summary="Deduplicated events, filtered, sorted, cursor-paginated")
    def list_events(flt: Annotated[q.EventFilter, Depends(_filters)],
                    sort: Literal["date", "fatalities", "confidence", "mentions", "id"] = "date",
                    order: Literal["asc", "desc"] = "asc",
                    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
                    cursor: Annotated[str | None, Query(max_length=500)] = None) -> dict[str, Any]:
        with store.engine.connect() as conn:
            try:
                rows, nxt = q.page(conn, flt, sort=sort, descending=order == "desc", limit=limit, cursor=cursor)
            except ValueError as exc:
                raise ApiError(400, "bad_cursor", str(exc)) from exc
        return {"events": [event_summary(r) for r in rows], "next_cursor": nxt}

    @app.get("/events.geojson", summary="Deduplicated events with coordinates as GeoJSON")
    def events_geojson(flt: Annotated[q.EventFilter, Depends(_filters)],
                       limit: Annotated[int, Query(ge=1, le=MAX_GEOJSON)] = 5000) -> JSONResponse:
        with store.engine.connect() as conn:
            rows, _ = q.page(conn, flt, limit=limit)
            found = q.mentions(conn, [r["id"] for r in rows])
        feats = [geojson_feature(r, found.get(r["id"], [])) for r in rows if r["lat"] is not None]
        return JSONResponse({"type": "FeatureCollection", "features": feats}, media_type="application/geo+json")

    @app.get("/events/{event_id}", summary="One event with every mention and its evidence")
    def get_event(event_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
        with store.engine.connect() as conn:
            row = q.merged_by_id(conn, event_id)
            if row is None:
                raise ApiError(404, "not_found", f"no event {event_id!r}")
            found = q.mentions(conn, [row["id"]])
        return {**event_summary(row), "mentions": found.get(row["id"], [])}

    @app.get("/articles/{article_id}", summary="An article's text with its evidence spans")
    def get_article(article_id: int) -> dict[str, Any]:
        with store.engine.connect() as conn:
            found = q.article(conn, article_id)
        if found is None:
            raise ApiError(404, "not_found", f"no article {article_id}")
        return found

    @app.get("/stats", summary="Event and fatality counts by day, week and type")
    def get_stats(flt: Annotated[q.EventFilter, Depends(_filters)]) -> dict[str, Any]:
        with store.engine.connect() as conn:
            return q.stats(conn, flt)

    @app.post("/articles", status_code=201, summary="Code and store an article (needs the bearer token)")
    async def post_article(request: Request) -> JSONResponse:
        _authorise(request, token)
        doc = _document(await request.body(), request.headers.get("content-type", ""))
        return JSONResponse(*_ingest(app, store, doc))

    app.add_middleware(BodyLimit, max_body=max_body)
    return app


def _authorise(request: Request, token: str | None) -> None:
    """Refuse writes without the configured bearer token (and all writes when none is configured)."""
    if token is None:
        raise ApiError(403, "writes_disabled", "write routes are disabled: set EVENTCODER_TOKEN to enable them")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.encode(), token.encode()):
        raise ApiError(401, "unauthorized", "a valid 'Authorization: Bearer <token>' header is required")


def _document(body: bytes, content_type: str) -> Any:
    """A pipeline Document from a JSON, HTML or plain-text body."""
    from eventcoder.records import Document
    kind = content_type.split(";")[0].strip().lower()
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError(400, "bad_request", "the body must be UTF-8") from exc
    if kind == "application/json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ApiError(400, "bad_request", f"invalid JSON: {exc.msg}") from exc
        if not isinstance(data, dict) or not any(isinstance(data.get(k), str) and data[k].strip() for k in ("text", "html")):
            raise ApiError(422, "invalid_request", "JSON body needs a non-empty 'text' or 'html' string")
        fields = {k: data.get(k) if isinstance(data.get(k), str) else None for k in ("text", "html", "url", "published")}
        return Document(id=str(data.get("id") or fields["url"] or "api"), **fields)
    if kind in ("text/html", "application/xhtml+xml"):
        return Document(id="api", html=text)
    if kind in ("text/plain", ""):
        return Document(id="api", text=text)
    raise ApiError(415, "unsupported_media_type", f"send application/json, text/html or text/plain, not {kind!r}")


_PIPELINE_LOCK = threading.Lock()


def _ingest(app: FastAPI, store: Store, doc: Any) -> tuple[dict[str, Any], int]:
    """Run the pipeline (loaded once per app) and store the result."""
    with _PIPELINE_LOCK:
        if getattr(app.state, "pipeline", None) is None:
            from eventcoder.pipeline import Pipeline
            app.state.pipeline = Pipeline()
        result = next(app.state.pipeline.run([doc]))
    if result.error is not None:
        raise ApiError(422, "extraction_failed", result.error)
    stored = store.save(result)
    return {"stored": stored, "events": [e.id for e in result.events],
            "message": "stored" if stored else "already stored (same URL or content)"}, 201 if stored else 200


def _errors(app: FastAPI) -> None:
    """Answer every error, ours or the framework's, in the one shape."""

    @app.exception_handler(HTTPException)
    async def http_error(_request: Request, exc: HTTPException) -> JSONResponse:
        code = getattr(exc, "code", None) or _CODES.get(exc.status_code, "error")
        body = error_body(exc.status_code, code, str(exc.detail), getattr(exc, "details", None))
        return JSONResponse(body, status_code=exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        details = [{"loc": list(e.get("loc", ())), "msg": e.get("msg")} for e in exc.errors()]
        return JSONResponse(error_body(422, "invalid_request", "the request's parameters are invalid", details),
                            status_code=422)

    @app.exception_handler(Exception)
    async def crashed(_request: Request, _exc: Exception) -> JSONResponse:
        return JSONResponse(error_body(500, "internal_error", "internal server error"), status_code=500)
