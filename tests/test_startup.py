"""`import netmap` stays light, and the analysis measures on the same graph as networkx's."""

import subprocess
import sys
from pathlib import Path

import networkx as nx

import netmap
from netmap.generate import generate
from netmap.isolation import connected_components

ROOT = Path(__file__).parent.parent
HEAVY = ("numpy", "scipy", "networkx", "rustworkx", "pandas", "openpyxl", "streamlit", "pyvis")


def test_import_netmap_loads_no_heavy_library():
    code = f"import sys, netmap\nprint([m for m in {HEAVY!r} if m in sys.modules])\n"
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"


def test_public_names_load_on_first_use():
    for name in netmap.__all__:
        assert getattr(netmap, name).__name__ == name
    assert set(netmap.__all__) <= set(dir(netmap))


def test_simple_graph_is_to_graph_without_networkx():
    net = generate(300, seed=2)
    for simple, G in ((net.simple_graph(), net.to_graph()), (net.simple_graph(directed=True), net.to_digraph())):
        assert list(simple) == list(G)
        assert list(simple.edges()) == list(G.edges())
        assert all(list(simple[v]) == list(G[v]) for v in G)
    simple, G = net.simple_graph(), net.to_graph()
    assert [simple.degree(v) for v in G] == [G.degree(v) for v in G]
    assert nx.number_connected_components(G) == len(list(connected_components(simple)))


def test_submodules_loaded_before_are_still_attributes():
    code = "import netmap\nprint(netmap.reach.actor_reach.__name__, netmap.i18n.__name__)\n"
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["actor_reach", "netmap.i18n"]
