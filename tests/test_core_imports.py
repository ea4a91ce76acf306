"""The core works without the UI: importing every core module never imports streamlit."""

import doctest
import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import netmap

ROOT = Path(__file__).parent.parent
CORE = [
    m.name[len("netmap.") :]
    for m in pkgutil.walk_packages(netmap.__path__, "netmap.")
    if not m.name.startswith("netmap.ui") and m.name != "netmap.__main__"
]


def test_core_never_imports_streamlit():
    code = (
        "import sys\n"
        + "".join(f"import netmap.{m}\n" for m in CORE)
        + "assert 'streamlit' not in sys.modules, 'streamlit imported'\n"
    )
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr


def test_docstring_examples_run():
    failures = 0
    for name in CORE:
        failures += doctest.testmod(importlib.import_module(f"netmap.{name}"), optionflags=doctest.ELLIPSIS).failed
    assert failures == 0
