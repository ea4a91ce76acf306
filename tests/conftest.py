"""Shared test settings: what an optional outside tool's absence means."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"


def _has_sna():
    if shutil.which("Rscript") is None:
        return False
    return subprocess.run(["Rscript", "-e", "library(sna)"], capture_output=True, timeout=60).returncode == 0


HAS_CHROMIUM = Path(CHROMIUM).exists()
HAS_SNA = _has_sna()


def pytest_collection_modifyitems(config, items):
    """In CI (CI=true) .ci/run installs Chromium and R's sna: a missing one is a failure, not a skip."""
    if os.environ.get("CI", "").lower() != "true":
        return
    missing = [name for name, ok in (("chromium", HAS_CHROMIUM), ("R package sna", HAS_SNA)) if not ok]
    if missing:
        raise pytest.UsageError(f"CI=true but {', '.join(missing)} missing: .ci/run should have installed it")
