"""``kluit ui``: serve the web UI (Solara) on http://127.0.0.1:8765.

Runs ``solara run kluit.ui.app --production --no-open`` in this process (``exec``), so the
server's process id is this command's. Every script, style and font comes from the local
server (``solara-assets``); the page needs no internet. The server listens on loopback unless
``--allow-remote`` is given: the UI can run simulations and write scenario files, so it should
not be reachable from a network without a reason.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import sys
from pathlib import Path

from kluit.cli import UsageError
from kluit.commands.common import parse_number

LOOPBACK_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost")


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and 'localhost'.

    >>> is_loopback("127.0.0.1"), is_loopback("::1"), is_loopback("0.0.0.0")
    (True, True, False)
    """
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def port_number(text: str) -> int:
    return parse_number(text, int, 0, 65535, "0 to 65535")


def add_parser(sub):
    p = sub.add_parser(
        "ui",
        help="start the web UI (compare, explore, a person's story, editor)",
        description="Start the Kluit web UI on http://HOST:PORT. It needs no "
        "internet. Stop it with Ctrl-C.",
    )
    p.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1: this computer only)",
    )
    p.add_argument("--port", type=port_number, default=8765, help="port (default 8765)")
    p.add_argument(
        "--allow-remote",
        action="store_true",
        help="allow a non-loopback --host: anyone who can reach it can run "
        "simulations and save scenario files",
    )
    p.add_argument(
        "--scenarios",
        default=None,
        metavar="DIR",
        help="folder of scenario files to list (default ./scenarios)",
    )
    p.add_argument(
        "--save-dir",
        default=None,
        metavar="DIR",
        help="folder the editor saves into (default: the scenarios folder)",
    )
    p.add_argument(
        "--dry-run", action="store_true", help="print the server command instead of starting it"
    )
    return p


def server_command(host: str, port: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "solara",
        "run",
        "kluit.ui.app",
        "--host",
        host,
        "--port",
        str(port),
        "--production",
        "--no-open",
        "--no-check-version",
        "--log-level",
        "warning",
    ]


def run(args) -> int:
    if not is_loopback(args.host):
        if not args.allow_remote:
            raise UsageError(
                f"--host {args.host} is not this computer only (loopback). Add "
                "--allow-remote to serve it to the network: anyone who can reach "
                "it can run simulations and save scenario files."
            )
        print(
            f"kluit ui: warning: serving on {args.host}, reachable from the network; there "
            "is no login.",
            file=sys.stderr,
        )
    try:
        import solara  # noqa: F401
    except ImportError:
        raise UsageError("the UI needs the 'ui' extra: pip install -e '.[ui]'") from None
    env = dict(os.environ)
    env.setdefault("SOLARA_TELEMETRY_MIXPANEL_ENABLE", "false")
    env.setdefault("MPLBACKEND", "Agg")
    # Solara's "This website runs on Solara" banner sits over the page's bottom-right corner
    # (and over a button there)
    env.setdefault("SOLARA_THEME_SHOW_BANNER", "false")
    for opt, var in ((args.scenarios, "KLUIT_UI_SCENARIOS"), (args.save_dir, "KLUIT_UI_SAVE_ROOT")):
        if opt:
            path = Path(opt)
            if not path.is_dir():
                raise UsageError(f"{opt}: not a folder")
            env[var] = str(path.resolve())
    if args.port:
        with socket.socket(socket.AF_INET6 if ":" in args.host else socket.AF_INET) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does
            try:
                sock.bind((args.host.strip("[]"), args.port))
            except OSError as exc:
                raise UsageError(
                    f"cannot listen on {args.host}:{args.port}: {exc.strerror}; "
                    "choose another --port"
                ) from None
    cmd = server_command(args.host, args.port)
    shown = f"http://{'[' + args.host + ']' if ':' in args.host else args.host}:{args.port}/"
    if args.dry_run:
        print(" ".join(cmd))
        return 0
    print(f"Kluit UI on {shown} (Ctrl-C stops it)", flush=True)
    os.execve(sys.executable, cmd, env)
    return 0  # pragma: no cover
