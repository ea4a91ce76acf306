"""Gould-Fernandez brokerage against R's sna::brokerage and a brute-force reference."""

import csv
import itertools
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netmap import analyze, read_network
from netmap.brokerage import ROLES, brokerage
from tests.conftest import HAS_SNA

DATA = Path(__file__).parent / "data" / "sna"
SNA_COLUMNS = dict(zip(("w_I", "w_O", "b_IO", "b_OI", "b_O"), ROLES))


def _rows(path):
    with open(path, encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _sna_counts(path):
    return {r["id"]: {SNA_COLUMNS[k]: int(r[k]) for k in SNA_COLUMNS} | {"total": int(r["t"])} for r in _rows(path)}


def _as_netmap_files(tmp_path, name, directed, data=DATA):
    """The sna fixture as netmap CSV input: groups as a custom column, arcs as ties."""
    groups = _rows(data / f"{name}_groups.csv")
    arcs = _rows(data / f"{name}_arcs.csv")
    with open(tmp_path / "actors.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "sector", "sponsorship"])
        for r in groups:
            w.writerow([r["id"], "public", r["group"]])
    with open(tmp_path / "ties.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["source", "target", "directed"])
        seen = set()
        for r in arcs:
            pair = (r["source"], r["target"])
            if not directed:
                if tuple(sorted(pair)) in seen:
                    continue
                seen.add(tuple(sorted(pair)))
            w.writerow([*pair, "true" if directed else "false"])
    return read_network(tmp_path)


@pytest.mark.parametrize("name,directed", [("emon_wichita_undirected", False), ("emon_cheyenne_directed", True)])
def test_raw_counts_equal_recorded_sna(tmp_path, name, directed):
    """Recorded output of sna::brokerage (R 4.2.2, sna 2.7-1) on Drabek et al.'s EMON data."""
    net = _as_netmap_files(tmp_path, name, directed)
    report = analyze(net, group_by="sponsorship")
    expected = _sna_counts(DATA / f"{name}_brokerage_sna.csv")
    got = {a["id"]: a["brokerage"] for a in report["actors"]}
    assert got == expected


def test_directed_case_separates_representative_and_gatekeeper(tmp_path):
    """On the directed Cheyenne EMON, netmap's representative and gatekeeper counts differ, as sna's do."""
    net = _as_netmap_files(tmp_path, "emon_cheyenne_directed", True)
    got = {a["id"]: a["brokerage"] for a in analyze(net, group_by="sponsorship")["actors"]}
    differ = [v for v, c in got.items() if c["representative"] != c["gatekeeper"]]
    assert len(differ) == 10  # tests/data/sna/README.md: 10 of the 14 actors


@pytest.mark.skipif(not HAS_SNA, reason="R with the sna package (Debian r-cran-sna) not installed")
def test_live_sna_reproduces_recorded_output(tmp_path):
    """Run the kept R script now: sna recomputes the fixture and netmap still agrees."""
    script = tmp_path / "brokerage.R"
    shutil.copy(DATA / "brokerage.R", script)
    subprocess.run(["Rscript", str(script)], check=True, capture_output=True, timeout=120)
    for name, directed in (("emon_wichita_undirected", False), ("emon_cheyenne_directed", True)):
        fresh = _sna_counts(tmp_path / f"{name}_brokerage_sna.csv")
        assert fresh == _sna_counts(DATA / f"{name}_brokerage_sna.csv")
        folder = tmp_path / name
        folder.mkdir()
        for f in tmp_path.glob(f"{name}_*.csv"):
            shutil.copy(f, folder / f.name.replace(name + "_", ""))
        net = _as_netmap_files(folder, name, directed, data=tmp_path)
        assert {a["id"]: a["brokerage"] for a in analyze(net, group_by="sponsorship")["actors"]} == fresh


@pytest.mark.skipif(not HAS_SNA, reason="R with the sna package (Debian r-cran-sna) not installed")
def test_live_sna_on_random_directed_graphs(tmp_path):
    """sna::brokerage on seeded random digraphs (with reciprocated arcs) equals netmap."""
    cases = []
    for seed in range(6):
        D = nx.gnp_random_graph(14, 0.25, seed=seed, directed=True)
        groups = {v: v % (2 + seed % 3) for v in D}
        cases.append((D, groups))
        with open(tmp_path / f"g{seed}.csv", "w") as fh:
            fh.write("from,to\n" + "".join(f"{u + 1},{v + 1}\n" for u, v in D.edges()))
        with open(tmp_path / f"cl{seed}.csv", "w") as fh:
            fh.write("cl\n" + "".join(f"{groups[v]}\n" for v in sorted(D)))
    r = f"""
    suppressPackageStartupMessages(library(sna))
    for (s in 0:5) {{
      e <- read.csv(file.path("{tmp_path}", paste0("g", s, ".csv")))
      cl <- read.csv(file.path("{tmp_path}", paste0("cl", s, ".csv")))$cl
      A <- matrix(0, 14, 14); A[cbind(e$from, e$to)] <- 1
      b <- brokerage(A, cl)$raw.nli
      write.csv(b, file.path("{tmp_path}", paste0("out", s, ".csv")), row.names = FALSE)
    }}"""
    subprocess.run(["Rscript", "-e", r], check=True, capture_output=True, timeout=120)
    for seed, (D, groups) in enumerate(cases):
        got = brokerage(D, groups)
        for v, row in zip(sorted(D), _rows(tmp_path / f"out{seed}.csv")):
            assert got[v] == {SNA_COLUMNS[k]: int(float(row[k])) for k in SNA_COLUMNS} | {"total": int(float(row["t"]))}


def brute_force(D, groups):
    """METHODS.md's definition, literally: every ordered triple of distinct nodes."""
    out = {v: dict.fromkeys(ROLES + ("total",), 0) for v in D}
    for a, b, c in itertools.permutations(D, 3):
        if D.has_edge(a, b) and D.has_edge(b, c) and not D.has_edge(a, c):
            ga, gb, gc = groups[a], groups[b], groups[c]
            if ga == gb == gc:
                role = "coordinator"
            elif ga == gc:
                role = "itinerant"
            elif ga == gb:
                role = "representative"
            elif gb == gc:
                role = "gatekeeper"
            else:
                role = "liaison"
            out[b][role] += 1
            out[b]["total"] += 1
    return out


@settings(max_examples=150, deadline=None)
@given(
    st.integers(1, 9).flatmap(
        lambda n: st.tuples(
            st.just(n),
            st.sets(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=n * n),
            st.lists(st.integers(0, 3), min_size=n, max_size=n),
        )
    )
)
def test_brokerage_equals_brute_force(case):
    n, arcs, group_list = case
    D = nx.DiGraph()
    D.add_nodes_from(range(n))
    D.add_edges_from((u, v) for u, v in arcs if u != v)
    groups = dict(enumerate(group_list))
    assert brokerage(D, groups) == brute_force(D, groups)


def test_hand_example_undirected_star():
    """Hand count: a civil volunteer v tied to two public actors and one citizen.

    Undirected ties = two arcs; the leaves are not tied to each other, so every
    ordered pair of distinct leaves is one two-path through v: 3 * 2 = 6.
    (p1, p2) and (p2, p1): itinerant (same outer group, v differs) -> 2;
    the 4 pairs with the citizen: all three groups differ -> liaison 4.
    """
    D = nx.DiGraph()
    for leaf in ("p1", "p2", "c"):
        D.add_edge("v", leaf)
        D.add_edge(leaf, "v")
    got = brokerage(D, {"v": "civil", "p1": "public", "p2": "public", "c": "citizen"})["v"]
    assert got == {"coordinator": 0, "itinerant": 2, "representative": 0, "gatekeeper": 0, "liaison": 4, "total": 6}
