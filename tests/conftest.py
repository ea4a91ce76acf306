"""Shared test settings: what an optional outside tool's absence means."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"

# Commands and functions that pseudonymise keep their key in the workspace (netmap.privacy.
# workspace_key): the tests' workspace is a temporary file, never the user's own; a test that
# needs another sets NETMAP_WORKSPACE itself.
if not os.environ.get("NETMAP_WORKSPACE"):
    import tempfile

    os.environ["NETMAP_WORKSPACE"] = str(Path(tempfile.mkdtemp(prefix="netmap-tests-")) / "workspace.sqlite")


def _has_sna():
    if shutil.which("Rscript") is None:
        return False
    return subprocess.run(["Rscript", "-e", "library(sna)"], capture_output=True, timeout=60).returncode == 0


HAS_CHROMIUM = Path(CHROMIUM).exists()
HAS_SNA = _has_sna()
from tests.pg import HAS_POSTGRES, Server  # noqa: E402


def pytest_collection_modifyitems(config, items):
    """In CI (CI=true) .ci/run installs Chromium and R's sna: a missing one is a failure, not a skip."""
    if os.environ.get("CI", "").lower() != "true":
        return
    tools = (("chromium", HAS_CHROMIUM), ("R package sna", HAS_SNA), ("PostgreSQL", HAS_POSTGRES))
    missing = [name for name, ok in tools if not ok]
    if missing:
        raise pytest.UsageError(f"CI=true but {', '.join(missing)} missing: .ci/run should have installed it")


ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="session")
def postgres():
    """A PostgreSQL server for the session (see tests/pg.py)."""
    if not HAS_POSTGRES:
        pytest.skip("needs Debian's postgresql (apt-get install postgresql)")
    server = Server()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def location(request, tmp_path):
    """Where a test's workspace lives, once for each backend: a new SQLite file, or a new
    database on the session's PostgreSQL server."""
    if request.param == "sqlite":
        return tmp_path / "ws.sqlite"
    return request.getfixturevalue("postgres").new_database()


def run_cli(*args, env=None, cwd=ROOT, timeout=120):
    """The real command line in a real process, as a user runs it: ``python -m netmap ARGS``."""
    import sys

    return subprocess.run(
        [sys.executable, "-m", "netmap", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=timeout,
    )


@pytest.fixture
def cli():
    """The shared CLI runner (a real subprocess); use it where a test checks what a process does."""
    return run_cli


@pytest.fixture
def cli_inprocess(capsys):
    """The same entry point in this process: ``(exit status, stdout, stderr)``; fast, for many cases."""
    from netmap.cli import main

    def run(*args):
        status = main([str(a) for a in args])
        out = capsys.readouterr()
        return status, out.out, out.err

    return run


@pytest.fixture
def ws_path(tmp_path, monkeypatch):
    """A workspace with the two samples (as "Open a sample as your own copy" makes them), the
    app's (``NETMAP_WORKSPACE``), in English unless the test says otherwise."""
    from netmap.workspace import Workspace

    path = tmp_path / "ws.sqlite"
    monkeypatch.setenv("NETMAP_WORKSPACE", str(path))
    monkeypatch.delenv("NETMAP_LANG", raising=False)
    Workspace(path, seed=True)
    return path


def csv_rows(path):
    """The rows of a CSV file as dicts, read with the standard library (not with netmap)."""
    import csv

    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))
