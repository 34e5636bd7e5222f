"""A live ``kluit ui`` and Debian's Chromium, for the browser tests and the screenshot script.

``tests/ui/conftest.py`` and ``scripts/ui_screenshots.py`` both start the server the way a user
starts it (127.0.0.1, a free port, a copy of the scenarios), wait until it answers, drive
Chromium with Playwright (which cannot download browsers here) and stop the server by its
process group. Nothing in the UI itself imports this module.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import IO, Any

#: Debian's Chromium (``make browser`` installs it)
DEFAULT_CHROMIUM = "/usr/bin/chromium"
#: headless, no sandbox (root in a container), and nothing that calls home
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
#: drop a file on the Monitor view's drop zone the way a browser does (Playwright cannot drag a
#: file from the desktop): a drop event whose item gives the file; arguments [name, text]
DROP_ON_MONITOR = """([name, text]) => {
  const zone = document.querySelector('.kluit-view-monitor .solara-file-drop');
  const file = new File([text], name, {type: 'text/csv'});
  const entry = {isFile: true, file: (ok) => ok(file)};
  const ev = new Event('drop', {bubbles: true, cancelable: true});
  Object.defineProperty(ev, 'dataTransfer',
                        {value: {items: [{webkitGetAsEntry: () => entry}]}});
  zone.dispatchEvent(ev);
}"""
#: seconds a starting server has to answer
START_SECONDS = 90


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_ui_server(
    scenarios: Path, port: int, output: IO[bytes] | int = subprocess.DEVNULL
) -> subprocess.Popen:
    """Start ``kluit ui`` on 127.0.0.1:``port`` with ``scenarios`` (in its own process group,
    its output to ``output``); :func:`wait_for_server` tells when it answers."""
    env = {**os.environ, "SOLARA_TELEMETRY_MIXPANEL_ENABLE": "false", "MPLBACKEND": "Agg"}
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kluit.cli",
            "ui",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--scenarios",
            str(scenarios),
        ],
        cwd=scenarios.parent,
        env=env,
        stdout=output,
        stderr=subprocess.DEVNULL if output == subprocess.DEVNULL else subprocess.STDOUT,
        start_new_session=True,
    )


def wait_for_server(url: str, proc: subprocess.Popen, seconds: float = START_SECONDS) -> bool:
    """Whether the server at ``url`` answers 200 within ``seconds``; False (and the server
    killed) when it exits or takes longer."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return True
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            stop_ui_server(proc)
            return False
        time.sleep(0.25)


def stop_ui_server(proc: subprocess.Popen) -> None:
    """Stop the server's process group (TERM, then KILL after ten seconds)."""
    with contextlib.suppress(ProcessLookupError):  # the group is gone already
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def launch_chromium(playwright: Any, executable: str = DEFAULT_CHROMIUM) -> Any:
    """Debian's Chromium, headless, through Playwright's ``sync_playwright()`` object."""
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
