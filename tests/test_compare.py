"""netmap.compare: the diff of two networks, its mirror, and the CLI ``diff``.

Expected values are hand calculations written out in each test, or the hand counts of the
Copenhagen series in sample_networks/README.md (section 3).
"""

import copy
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netmap.compare import INDICATORS, apply_diff, compare, series
from netmap.model import Actor, Network, Tie
from netmap.present.report import flag_message
from netmap.reading import read_network
from netmap.workspace import Workspace
from tests.conftest import run_cli as shared_run_cli

ROOT = Path(__file__).resolve().parent.parent
SERIES = ROOT / "sample_networks" / "copenhagen_series"
START, TURNOVER, WORKSHOPS = (
    SERIES / f for f in ("2016-03-01_start.json", "2017-01-15_turnover.json", "2017-09-01_workshops.json")
)


def run_cli(*args, env=None):
    return shared_run_cli(*args, env=env)


def mirror(d):
    """What compare(B, A) must be, given d = compare(A, B)."""
    a, t = d["actors"], d["ties"]
    return {
        "network": {k: v[::-1] for k, v in d["network"].items()},
        "actors": {
            "added": a["removed"],
            "removed": a["added"],
            "changed": [
                {"id": c["id"], "changes": {f: v[::-1] for f, v in c["changes"].items()}} for c in a["changed"]
            ],
            "added_records": a["removed_records"],
            "removed_records": a["added_records"],
        },
        "ties": {
            "added": t["removed"],
            "removed": t["added"],
            "changed": [dict(c, changes={f: v[::-1] for f, v in c["changes"].items()}) for c in t["changed"]],
        },
        "partnership": {k: v[::-1] for k, v in d["partnership"].items()},
        "flags": {"raised": d["flags"]["cleared"], "cleared": d["flags"]["raised"]},
        "actor_metrics": {i: {m: v[::-1] for m, v in ms.items()} for i, ms in d["actor_metrics"].items()},
        "review": [{"number": r["number"], "rating": r["rating"][::-1], "note": r["note"][::-1]} for r in d["review"]],
    }


def canon(d):
    """Order-free form of a diff (lists of records sorted)."""
    d = copy.deepcopy(d)
    key = lambda x: json.dumps(x, sort_keys=True)  # noqa: E731
    for part in ("actors", "ties"):
        for k, v in d[part].items():
            d[part][k] = sorted(v, key=key)
    d["flags"] = {k: sorted(v) for k, v in d["flags"].items()}
    return d


def net_state(net):
    """A network as sets, independent of order and of the written direction of undirected ties.

    Map positions are left out: the comparison does not report them (a moved actor is no change),
    so applying a diff keeps the positions the actors had, and new actors get theirs."""
    actors = sorted(
        json.dumps(
            {
                "id": a.id,
                "name": a.name,
                "kind": a.kind,
                "sector": a.sector,
                "level": a.level,
                "scope": a.scope,
                "partner": a.partner,
                "organisation": a.organisation,
                "notes": a.notes,
                "attributes": a.attributes,
            },
            sort_keys=True,
        )
        for a in net.actors
    )
    ties = sorted(
        json.dumps(
            {
                "ends": [t.source, t.target] if t.directed else sorted([t.source, t.target]),
                "kind": t.kind,
                "strength": float(t.strength),
                "directed": t.directed,
                "notes": t.notes,
                "attributes": t.attributes,
            },
            sort_keys=True,
        )
        for t in net.ties
    )
    return net.name, net.date, actors, ties


# --- hand-made cases ----------------------------------------------------------


def small_pair():
    """Old: core a (public), b (civil); c public; d citizen at management level (far); e civil, isolated.
    Ties a-b, a-c, b-c, c-d. New: a renamed, a-b written b-a with strength 3, c-d gone, e-b and d-e added."""

    def actors():
        return [
            Actor("a", name="Alpha", sector="public", partner=True),
            Actor("b", name="Beta", sector="civil", partner=True),
            Actor("c", name="Gamma", sector="public"),
            Actor("d", name="Delta", sector="citizen", level="management"),
            Actor("e", name="Eps", sector="civil"),
        ]

    old = Network(
        actors=actors(),
        ties=[Tie("a", "b"), Tie("a", "c"), Tie("b", "c", kind="personal"), Tie("c", "d")],
        name="x",
        date="2020-01-01",
    )
    new_actors = actors()
    new_actors[0].name = "Alpha (new coordinator)"
    new = Network(
        actors=new_actors,
        ties=[
            Tie("b", "a", strength=3.0),
            Tie("a", "c"),
            Tie("b", "c", kind="personal"),
            Tie("e", "b"),
            Tie("d", "e", kind="information"),
        ],
        name="x",
        date="2021-01-01",
    )
    return old, new


def test_self_compare_shows_no_change():
    for net in (small_pair()[0], read_network(WORKSHOPS), read_network(ROOT / "sample_networks" / "fredericia")):
        d = compare(net, net)
        assert d["actors"] == {"added": [], "removed": [], "changed": [], "added_records": [], "removed_records": []}
        assert d["ties"] == {"added": [], "removed": [], "changed": []}
        assert d["flags"] == {"raised": [], "cleared": []}
        assert d["actor_metrics"] == {}
        assert set(d["partnership"]) == set(INDICATORS)
        assert all(old == new for old, new in d["partnership"].values())


def test_small_pair_by_hand():
    old, new = small_pair()
    d = compare(old, new)
    assert d["network"]["date"] == ["2020-01-01", "2021-01-01"]
    assert d["actors"]["added"] == [] and d["actors"]["removed"] == []
    # A rename is a changed name under the same id.
    assert d["actors"]["changed"] == [{"id": "a", "changes": {"name": ["Alpha", "Alpha (new coordinator)"]}}]
    # b-a is the undirected tie a-b: a strength change, not a removal and an addition.
    assert d["ties"]["changed"] == [
        {"source": "a", "target": "b", "kind": "collaboration", "directed": False, "changes": {"strength": [2, 3]}}
    ]
    assert [(x["source"], x["target"], x["kind"]) for x in d["ties"]["removed"]] == [("c", "d", "collaboration")]
    assert [(x["source"], x["target"], x["kind"]) for x in d["ties"]["added"]] == [
        ("b", "e", "collaboration"),
        ("d", "e", "information"),
    ]  # ends sorted
    assert d["ties"]["added"][0] == {
        "source": "b",
        "target": "e",
        "kind": "collaboration",
        "strength": 2,
        "directed": False,
        "status": "active",
        "notes": "",
        "attributes": {},
    }
    p = d["partnership"]
    # Old: I = 2 (a-b from both ends), E = 2 (a-c, b-c): E-I 0. New: E = 3 (+ b-e): (3-2)/5 = 0.2.
    assert p["core_ei"] == [pytest.approx(0.0), pytest.approx(0.2)]
    # Old R1 = {c}, R2 = {c, d(far)}; new R1 = {c, e}, R2 = {c, e, d(far)}.
    assert p["near_reach_1"] == [1, 2] and p["near_reach_2"] == [1, 2]
    assert p["far_reach_1"] == [0, 0] and p["far_reach_2"] == [1, 1]
    # Old: c has 2 core ties, none unintegrated: 0/1. New: e has 1 core tie: 1/2.
    assert p["unintegrated_share"] == [0.0, 0.5]
    # Old: only c brokers across sectors (a->c->d, d->c->a, b->c->d, d->c->b);
    # new: b (a->b->e, e->b->a, c->b->e, e->b->c) and e (b->e->d, d->e->b).
    assert p["boundary_spanners"] == [1, 2]
    assert p["isolated_actors"] == [1, 0]  # e had no tie
    assert d["flags"] == {"raised": [], "cleared": ["ISOLATED_ACTORS"]}
    m = d["actor_metrics"]
    assert {i: m[i]["degree"] for i in m if "degree" in m[i]} == {"b": [2, 3], "c": [3, 2], "e": [0, 2]}
    # a: R2 gains e (near) through b and loses d (far; now 3 steps away).
    assert m["a"] == {"near_reach_2": [2, 3], "far_reach_2": [1, 0]}
    assert m["c"]["cross_sector_brokerage"] == [4, 0]


def test_kind_and_direction_are_identity():
    """A new kind or a new direction is a removal and an addition; a Danish synonym of the same kind is
    the same tie, with its written kind changed."""
    actors = [Actor("a", sector="public"), Actor("b", sector="civil")]
    old = Network(actors=actors, ties=[Tie("a", "b", kind="funding", directed=True), Tie("a", "b")])
    new = Network(
        actors=copy.deepcopy(actors),
        ties=[
            Tie("b", "a", kind="funding", directed=True),
            Tie("b", "a", kind="samarbejde", notes="hver uge", attributes={"since": "2017"}),
            Tie("a", "b", kind="personal"),
        ],
    )
    d = compare(old, new)
    assert [(x["source"], x["target"], x["kind"], x["directed"]) for x in d["ties"]["removed"]] == [
        ("a", "b", "funding", True)
    ]
    assert [(x["source"], x["target"], x["kind"], x["directed"]) for x in d["ties"]["added"]] == [
        ("b", "a", "funding", True),
        ("a", "b", "personal", False),
    ]
    assert d["ties"]["changed"] == [
        {
            "source": "a",
            "target": "b",
            "kind": "collaboration",
            "directed": False,
            "changes": {
                "kind": ["collaboration", "samarbejde"],
                "notes": ["", "hver uge"],
                "attributes.since": [None, "2017"],
            },
        }
    ]


def test_actor_fields_and_attributes():
    old = Network(actors=[Actor("a", name="Socialforvaltningen", partner=True, attributes={"kontakt": "Ole"})])
    new = Network(
        actors=[
            Actor(
                "a",
                name="Socialforvaltningen",
                partner=False,
                level="management",
                attributes={"kontakt": "Åse", "tlf": "1234"},
            )
        ]
    )
    assert compare(old, new)["actors"]["changed"] == [
        {
            "id": "a",
            "changes": {
                "level": ["operational", "management"],
                "partner": [True, False],
                "attributes.kontakt": ["Ole", "Åse"],
                "attributes.tlf": [None, "1234"],
            },
        }
    ]


def test_copenhagen_series_matches_the_hand_counts():
    """sample_networks/README.md, section 3: the turnover and the workshops."""
    start, turnover, workshops = (read_network(p) for p in (START, TURNOVER, WORKSHOPS))
    d = compare(start, turnover)
    assert sorted(d["actors"]["added"]) == ["bibliotek", "museum", "sf_kontakt"]
    assert d["actors"]["removed"] == ["sf_kontakt_tidl"]
    # sf_kontakt_tidl's 3 ties and the department's two direct ties into the core are gone.
    assert len(d["ties"]["removed"]) == 5
    p = d["partnership"]
    assert p["core_ei"] == [pytest.approx(-0.5), pytest.approx((9 - 20) / 29)]
    assert p["near_reach_1"] == [4, 6] and p["near_reach_2"] == [5, 7]
    assert p["far_reach_1"] == [2, 2] and p["far_reach_2"] == [3, 3]
    assert p["unintegrated_share"] == [pytest.approx(5 / 6), pytest.approx(7 / 8)]
    assert d["flags"]["raised"] == ["SPANNER_DEPENDENCY"] and d["flags"]["cleared"] == []
    d = compare(turnover, workshops)
    assert d["partnership"]["core_ei"][1] == pytest.approx((16 - 20) / 36)
    assert d["partnership"]["unintegrated_share"][1] == pytest.approx(9 / 12)


def test_mirror_on_the_series():
    nets = [read_network(p) for p in (START, TURNOVER, WORKSHOPS)]
    for a in nets:
        for b in nets:
            assert canon(compare(b, a)) == canon(mirror(compare(a, b)))


def test_series_closing_trend():
    """Forward, the core E-I rises (-0.5, -0.379, -0.111): no CLOSING_TREND (README section 3).
    Backward it falls by 0.268 and then 0.121: one flag, for the first step only (>= 0.2)."""
    nets = [read_network(p) for p in (START, TURNOVER, WORKSHOPS)]
    forward = series([("1", nets[0]), ("2", nets[1]), ("3", nets[2])])
    assert forward["flags"] == []
    assert forward["indicators"]["near_reach_1"] == [4, 6, 10]
    backward = series([("3", nets[2]), ("2", nets[1]), ("1", nets[0])])
    assert [(f["params"]["old"], f["params"]["new"]) for f in backward["flags"]] == [("3", "2")]
    assert "faldt" in flag_message(backward["flags"][0], "da", {})


# --- property tests -------------------------------------------------------------

IDS = ["a", "b", "c", "d", "e", "f"]
texts = st.sampled_from(["", "x", "Ø", "y"])
attrs = st.dictionaries(st.sampled_from(["k1", "k2"]), st.sampled_from(["", "1", "v"]), max_size=2)


@st.composite
def actor(draw, aid):
    return Actor(
        aid,
        name=draw(st.sampled_from([aid, aid.upper(), "Åse"])),
        kind=draw(st.sampled_from(["", "volunteer", "department"])),
        sector=draw(st.sampled_from(["public", "civil", "citizen", "private"])),
        level=draw(st.sampled_from(["operational", "management", "political"])),
        scope=draw(st.sampled_from(["local", "regional"])),
        partner=draw(st.booleans()),
        organisation=draw(texts),
        notes=draw(texts),
        x=draw(st.sampled_from([None, 1.5])),
        y=draw(st.sampled_from([None, -2.0])),
        attributes=draw(attrs),
    )


@st.composite
def network(draw):
    ids = draw(st.lists(st.sampled_from(IDS), unique=True, max_size=len(IDS)))
    actors = [draw(actor(i)) for i in ids]
    ties = {}
    if len(ids) >= 2:
        for _ in range(draw(st.integers(0, 10))):
            s, t = draw(st.lists(st.sampled_from(ids), min_size=2, max_size=2, unique=True))
            tie = Tie(
                s,
                t,
                kind=draw(st.sampled_from(["collaboration", "samarbejde", "personal", "funding"])),
                strength=draw(st.sampled_from([1.0, 2.0, 2.5, 3.0])),
                directed=draw(st.booleans()),
                notes=draw(texts),
                attributes=draw(attrs),
            )
            ties.setdefault(tie.key, tie)
    return Network(
        actors=actors,
        ties=list(ties.values()),
        name=draw(texts),
        date=draw(st.sampled_from([None, "2020-01-01", "2021-06-30"])),
    )


@st.composite
def edited(draw, net):
    """A random edit of ``net``: drop, add and change actors and ties."""
    new = copy.deepcopy(net)
    keep = {a.id for a in new.actors if draw(st.booleans()) or draw(st.booleans())}
    new.actors = [a for a in new.actors if a.id in keep]
    for a in new.actors:
        if draw(st.booleans()):
            a.name = draw(st.sampled_from(["renamed", a.name + "2"]))
        if draw(st.booleans()):
            a.partner = not a.partner
        if draw(st.booleans()):
            a.attributes = draw(attrs)
    for i in IDS:
        if i not in {a.id for a in new.actors} and i not in {a.id for a in net.actors} and draw(st.booleans()):
            new.actors.append(draw(actor(i)))
    ids = [a.id for a in new.actors]
    ties = {}
    for t in new.ties:
        if t.source in keep and t.target in keep and (draw(st.booleans()) or draw(st.booleans())):
            if draw(st.booleans()):
                t.strength = draw(st.sampled_from([1.0, 3.0]))
            if draw(st.booleans()):
                t.notes = draw(texts)
            if not t.directed and draw(st.booleans()):
                t.source, t.target = t.target, t.source  # the same undirected tie, written the other way
            ties.setdefault(t.key, t)
    if len(ids) >= 2:
        for _ in range(draw(st.integers(0, 4))):
            s, t = draw(st.lists(st.sampled_from(ids), min_size=2, max_size=2, unique=True))
            tie = Tie(s, t, kind=draw(st.sampled_from(["collaboration", "personal"])), directed=draw(st.booleans()))
            ties.setdefault(tie.key, tie)
    new.ties = list(ties.values())
    new.date = draw(st.sampled_from([None, "2022-02-02"]))
    return new


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_diff_applied_to_a_gives_b(data):
    a = data.draw(network())
    b = data.draw(edited(a))
    d = compare(a, b)
    assert net_state(apply_diff(a, d)) == net_state(b)
    assert net_state(a) == net_state(apply_diff(a, compare(a, a)))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(network(), network())
def test_mirror_and_apply_on_unrelated_networks(a, b):
    d = compare(a, b)
    assert canon(compare(b, a)) == canon(mirror(d))
    assert net_state(apply_diff(a, d)) == net_state(b)


# --- the command line -------------------------------------------------------------


def test_cli_diff_json_shape():
    r = run_cli("diff", START, ROOT / "sample_networks" / "copenhagen", "--json")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert set(d) >= {"actors", "ties", "partnership", "flags", "actor_metrics"}
    assert set(d["actors"]) >= {"added", "removed", "changed"}
    for tie in d["ties"]["added"] + d["ties"]["removed"]:
        assert set(tie) == {"source", "target", "kind", "strength", "directed", "status", "notes", "attributes"}
        assert tie["directed"] or tie["source"] <= tie["target"]
    assert d["partnership"]["core_ei"] == [-0.5, pytest.approx(-4 / 36)]


def test_cli_diff_text_in_danish():
    r = run_cli("diff", START, TURNOVER, "--lang", "da")
    assert r.returncode == 0, r.stderr
    assert "Aktører: 3 tilføjet, 1 fjernet, 0 ændret" in r.stdout
    assert "kernens E-I-indeks: -0,50 -> -0,38" in r.stdout
    # codes are named in Danish and ties are shown by their ends' names (present.diff, as the map)
    assert "  + Kontaktperson, Socialforvaltningen (ny) \u2014 Socialforvaltningen (formel aftale)" in r.stdout
    assert "Noter: Foreningens egne frivillige; endnu ingen workshops \u2192" in r.stdout
    assert "formal_agreement" not in r.stdout and "Afhængig af enkelte aktører" in r.stdout


def test_compared_values_are_said_as_every_view_says_them():
    """present.diff: one wording of a change for the CLI, the compare map and the app (hand-written)."""
    from netmap.present.diff import change_texts, value_text

    assert value_text("sector", "public", "da") == "offentlig" and value_text("partner", True, "da") == "ja"
    assert value_text("strength", 1.5, "da") == "1,50" and value_text("strength", 3, "da") == "3"
    assert value_text("kind", "formal_agreement", "da", "ties") == "formel aftale"
    assert change_texts({"sector": ["public", "civil"], "x": [1, 2], "attributes.farve": [None, "blå"]}, "da") == [
        "Sektor: offentlig \u2192 civil",
        "attribut farve: - \u2192 blå",
    ]


@pytest.mark.parametrize("content", ['{"netmap_version": 1, "actors": [', "", None])
def test_cli_unreadable_input_same_error_as_analyze(tmp_path, content):
    bad = tmp_path / "bad.json"
    if content is not None:
        bad.write_text(content, encoding="utf-8")
    analyze = run_cli("analyze", bad)
    for args in ((START, bad), (bad, START)):
        r = run_cli("diff", *args)
        assert r.returncode == analyze.returncode == 2
        assert r.stderr == analyze.stderr
        assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr


def test_cli_bad_snapshot_reference(tmp_path):
    r = run_cli("diff", "snapshot:copenhagen", START, "--workspace", tmp_path / "ws.sqlite")
    assert r.returncode == 2
    assert r.stderr.strip() == (
        'write a snapshot as snapshot:NETWORK@ID, e.g. snapshot:copenhagen@3 (got "snapshot:copenhagen")'
    )
    r = run_cli("diff", "snapshot:copenhagen@7", START, "--workspace", tmp_path / "ws.sqlite")
    assert r.returncode == 2
    assert r.stderr.strip() == f"no workspace at {tmp_path / 'ws.sqlite'} (check --workspace or NETMAP_WORKSPACE)"
    Workspace(tmp_path / "ws.sqlite")
    r = run_cli("diff", "snapshot:copenhagen@7", START, "--workspace", tmp_path / "ws.sqlite")
    assert r.returncode == 2
    assert r.stderr.strip() == "no snapshot 7 of network copenhagen (see: snapshot list copenhagen)"


def test_moved_actors_are_not_changed_actors():
    """A map position is where an actor was drawn: moving it (or the app saving the layout) is no change."""
    old = read_network(ROOT / "sample_networks" / "copenhagen")
    new = copy.deepcopy(old)
    for i, a in enumerate(new.actors):
        a.x, a.y = float(i), -float(i)
    d = compare(old, new)
    assert d["actors"] == {**d["actors"], "added": [], "removed": [], "changed": []}
