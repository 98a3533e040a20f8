"""The dashboard for real: headless Chromium opens the page over a live server, clicks a marker, reads the evidence.

Needs Debian's `chromium` (Playwright's own browser download does not work offline); skipped
with the reason when it or Playwright is missing. Saves a screenshot under tmp and, when
EVENTCODER_SCREENSHOT is set, to that path too (docs/dashboard.png is made that way).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
CHROMIUM = os.environ.get("EVENTCODER_CHROMIUM", "/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A live server over the examples and the dedup corpus, coded by the real pipeline."""
    pytest.importorskip("fastapi")
    uvicorn = pytest.importorskip("uvicorn")
    from eventcoder.api import create_app
    from eventcoder.inputs import read_documents
    from eventcoder.pipeline import Pipeline
    from eventcoder.records import Document
    from eventcoder.store import Store

    url = f"sqlite:///{tmp_path_factory.mktemp('dash') / 'dash.db'}"
    corpus = ROOT / "tests" / "dedup_corpus"
    gold = json.loads((corpus / "gold.json").read_text(encoding="utf-8"))
    docs = list(read_documents([str(ROOT / "examples")]))
    docs += [Document(id=a["file"], text=(corpus / a["file"]).read_text(encoding="utf-8"), url=a["url"],
                      published=a["published"]) for a in gold["articles"]]
    with Store.open(url) as store:
        for result in Pipeline().run(docs):
            store.save(result)
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(url), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} missing: apt-get install -y chromium chromium-driver")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                               args=["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"])
        yield b
        b.close()


def test_dashboard_shows_markers_and_evidence(server: str, browser, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(server + "/")
    page.wait_for_selector("body.ready", timeout=20_000)
    page.wait_for_selector("path.leaflet-interactive.event-marker", timeout=10_000)
    markers = page.locator("path.event-marker")
    assert markers.count() >= 5
    assert page.locator("#map path").count() > markers.count()  # the country shapes are drawn too
    assert page.locator("#timeline rect").count() > 0
    assert page.locator("#events tbody tr").count() >= markers.count()

    # click the marker of the most-reported event: its article opens with the evidence highlighted
    target = page.evaluate("""() => {
        const rows = [...document.querySelectorAll('#events tbody tr')].filter(r => r.cells[2].textContent !== '—');
        rows.sort((a, b) => Number(b.cells[6].textContent) - Number(a.cells[6].textContent));
        return rows.length ? rows[0].dataset.id : null; }""")
    marker = page.locator(f"path.event-{target}") if target else markers.first
    marker.first.dispatch_event("click")
    page.wait_for_selector("#detail mark.evidence", timeout=10_000)
    evidence = page.locator("#detail mark.evidence").inner_text()
    assert len(evidence) > 20
    assert page.locator("#detail .mentions li").count() >= 1

    # filtering by type narrows the map; brushing the timeline narrows it again
    before = markers.count()
    page.select_option("#filters select[name=type]", "ASSAULT")
    page.wait_for_function("() => [...document.querySelectorAll('#events tbody .chip')].every(c => c.textContent === 'assault')")
    assert 0 < page.locator("path.event-marker").count() <= before
    page.select_option("#filters select[name=type]", "")
    page.wait_for_timeout(500)
    box = page.locator("#timeline").bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.02, box["y"] + 40)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.3, box["y"] + 40, steps=5)
    page.mouse.up()
    assert "→" in page.locator("#brush-label").inner_text(), page.locator("#brush-label").inner_text()
    assert page.locator("path.event-marker").count() < before
    page.dblclick("#timeline")
    marker.first.dispatch_event("click")
    page.wait_for_selector("#detail mark.evidence", timeout=10_000)
    assert page.locator("#detail .mentions li").count() >= 2  # reported by several outlets
    page.mouse.move(5, 5)  # no tooltip over the screenshot
    page.wait_for_timeout(300)

    shot = tmp_path / "dashboard.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 20_000
    if os.environ.get("EVENTCODER_SCREENSHOT"):
        shutil.copy(shot, os.environ["EVENTCODER_SCREENSHOT"])
    print(f"\nscreenshot: {shot}")
    assert errors == []
