"""Fixtures of the UI tests: a live ``kluit ui`` server and Debian's Chromium via Playwright.

Playwright drives ``/usr/bin/chromium`` (it cannot
download browsers here) against a server started the way a user starts it, on 127.0.0.1 and a
free port, with a copy of the scenarios so the editor's saves stay in a temporary folder. Every
page records failed requests, responses with status >= 400 and requests to any other host;
a test fails if there is one (the UI must work with no internet).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from kluit.ui.harness import (
    DEFAULT_CHROMIUM,
    free_port,
    launch_chromium,
    start_ui_server,
    stop_ui_server,
    wait_for_server,
)

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("KLUIT_CHROMIUM", DEFAULT_CHROMIUM)
SCREENSHOTS = Path(os.environ.get("KLUIT_UI_SCREENSHOTS", "/tmp"))

os.environ.setdefault("SOLARA_TELEMETRY_MIXPANEL_ENABLE", "false")
os.environ.setdefault("MPLBACKEND", "Agg")


@pytest.fixture(scope="session")
def ui_scenarios(tmp_path_factory) -> Path:
    """A copy of the shipped scenarios (the browser tests save into it)."""
    dest = tmp_path_factory.mktemp("ui") / "scenarios"
    shutil.copytree(ROOT / "scenarios", dest, ignore=shutil.ignore_patterns("*.md"))
    return dest


@pytest.fixture(scope="session")
def ui_server(ui_scenarios, tmp_path_factory):
    """``kluit ui`` on 127.0.0.1 and a free port; yields its base URL; stopped by its PID."""
    port = free_port()
    log = tmp_path_factory.mktemp("ui-log") / "server.log"
    with open(log, "wb") as out:
        proc = start_ui_server(ui_scenarios, port, out)
    url = f"http://127.0.0.1:{port}/"
    if not wait_for_server(url, proc):
        pytest.fail(f"kluit ui did not start:\n{log.read_text(errors='replace')}")
    yield url
    stop_ui_server(proc)


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium, headless, driven by Playwright (one per test session)."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}: apt-get install -y chromium (make test does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = launch_chromium(pw, CHROMIUM)
        yield browser
        browser.close()


class RequestLog:
    """Failed requests, error responses and requests that leave the local server."""

    def __init__(self, base_url: str):
        self.host = urlsplit(base_url).netloc
        self.problems: list[str] = []

    def attach(self, page) -> None:
        page.on("requestfailed", self._failed)
        page.on("response", self._response)
        page.on("request", self._request)

    def _failed(self, request) -> None:
        self.problems.append(f"request failed: {request.url} ({request.failure})")

    def _response(self, response) -> None:
        if response.status >= 400:
            self.problems.append(f"status {response.status}: {response.url}")

    def _request(self, request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != self.host:
            self.problems.append(f"request to another host: {request.url}")


@pytest.fixture
def ui_page(chromium, ui_server):
    """A fresh browser context and page (its own session); fails the test on any failed,
    >= 400 or off-server request."""
    context = chromium.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(60_000)
    log = RequestLog(ui_server)
    log.attach(page)
    page.request_log = log
    yield page
    context.close()
    assert not log.problems, "requests that failed or left the server:\n" + "\n".join(log.problems)


@pytest.fixture
def shot():
    """``shot(page, name)``: a full-page screenshot to $KLUIT_UI_SCREENSHOTS (default /tmp)
    as kluit_ui_<name>.png."""

    def take(page, name: str, height: int = 2200) -> Path:
        # Solara scrolls inside its own container, so a "full page" screenshot stops at the
        # window: make the window tall enough instead
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"kluit_ui_{name}.png"
        size = page.viewport_size
        page.set_viewport_size({"width": size["width"], "height": height})
        page.wait_for_timeout(300)
        page.screenshot(path=str(path), full_page=True)
        page.set_viewport_size(size)
        return path

    return take
