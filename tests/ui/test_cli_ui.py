"""``kluit ui``: loopback by default, clear refusals, and the docstring examples of the UI."""

from __future__ import annotations

import doctest
import importlib
import socket

import pytest

from kluit.cli import main


def test_non_loopback_host_is_refused_without_allow_remote(capsys):
    assert main(["ui", "--host", "0.0.0.0", "--dry-run"]) == 2
    err = capsys.readouterr().err
    assert "--allow-remote" in err and "0.0.0.0" in err


def test_allow_remote_warns_and_serves_the_page(capsys):
    assert main(["ui", "--host", "0.0.0.0", "--port", "0", "--allow-remote", "--dry-run"]) == 0
    out = capsys.readouterr()
    assert "warning" in out.err and "network" in out.err
    cmd = out.out.split()
    assert cmd[1:4] == ["-m", "solara", "run"] and "kluit.ui.app" in cmd
    for flag in ("--production", "--no-open"):
        assert flag in cmd
    assert cmd[cmd.index("--host") + 1] == "0.0.0.0"


def test_default_is_loopback_8765(capsys):
    assert main(["ui", "--dry-run", "--port", "0"]) == 0
    cmd = capsys.readouterr().out.split()
    assert cmd[cmd.index("--host") + 1] == "127.0.0.1"
    from kluit.cli import build_parser

    args = build_parser().parse_args(["ui"])
    assert (args.host, args.port) == ("127.0.0.1", 8765)


def test_port_in_use_is_a_clear_error(capsys):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        assert main(["ui", "--port", str(port), "--dry-run"]) == 2
    assert "choose another --port" in capsys.readouterr().err


def test_scenarios_folder_must_exist(tmp_path, capsys):
    assert main(["ui", "--port", "0", "--scenarios", str(tmp_path / "nope"), "--dry-run"]) == 2
    assert "not a folder" in capsys.readouterr().err


@pytest.mark.parametrize("module", ["kluit.ui.state", "kluit.ui.explore_view", "kluit.commands.ui"])
def test_docstring_examples(module):
    result = doctest.testmod(importlib.import_module(module))
    assert result.failed == 0 and result.attempted > 0
