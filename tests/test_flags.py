"""Every flag of METHODS.md on a hand-made network where it is raised, and one where it is not."""

import pytest

from netmap import analyze
from netmap.flags import closing_trend
from netmap.model import Actor, Network, Tie
from netmap.present.report import document, flag_message


def mk(actors, ties):
    """actors: 'id:sector:level:scope:partner:kind' (empty parts -> defaults); ties: 'a-b'."""
    out = []
    for spec in actors.split():
        parts = (spec.split(":") + [""] * 6)[:6]
        aid, sector, level, scope, partner, kind = parts
        out.append(
            Actor(
                id=aid,
                sector=sector or "public",
                level=level or "operational",
                scope=scope or "local",
                partner=partner == "p",
                kind=kind,
            )
        )
    return Network(actors=out, ties=[Tie(*t.split("-")) for t in ties.split()])


def codes(net, **kw):
    return {f["code"]: f for f in analyze(net, **kw)["flags"]}


def test_no_core():
    assert "NO_CORE" in codes(mk("a b", "a-b"))
    flags = codes(mk("a::::p b", "a-b"))
    assert "NO_CORE" not in flags
    assert codes(mk("a b", "a-b"))["NO_CORE"]["severity"] == "info"


def test_isolated_and_detached():
    f = codes(mk("a::::p b c d", "a-b c-d"))
    assert f["ISOLATED_ACTORS"]["actors"] == ["c", "d"]  # detached: no path to the core
    f = codes(mk("a b c", "a-b"))  # no core: only c, which has no tie
    assert f["ISOLATED_ACTORS"]["actors"] == ["c"]
    assert "ISOLATED_ACTORS" not in codes(mk("a::::p b c", "a-b b-c"))


def test_closing_in_and_severity():
    """Core {a, b, c} all tied (I = 6), one outside tie c-d (E = 1): (1 - 6) / 7 = -0.714 -> high."""
    f = codes(mk("a::::p b::::p c::::p d", "a-b b-c a-c c-d"))
    assert f["CLOSING_IN"]["severity"] == "high"
    assert f["CLOSING_IN"]["actors"] == ["a", "b", "c"]
    # core {a, b}: I = 2, E = 3 (a-c, a-d, b-e) -> (3 - 2) / 5 = 0.2: not raised
    assert "CLOSING_IN" not in codes(mk("a::::p b::::p c d e", "a-b a-c a-d b-e"))
    # core {a, b}: I = 2, E = 1 -> -1/3: warning
    assert codes(mk("a::::p b::::p c", "a-b b-c"))["CLOSING_IN"]["severity"] == "warning"
    # E + I = 0: undefined, no flag
    assert "CLOSING_IN" not in codes(mk("a::::p b", ""))


def test_closing_in_at_exactly_minus_half_is_high():
    """Core {a, b}: I = 2 (a-b both ends), E = 2/3... choose E = 1, I = 3? I is even, so use
    core {a, b, c} path a-b-c: I = 4, E = 4/3? Take I = 6 (triangle), E = 2: (2 - 6) / 8 = -0.5."""
    f = codes(mk("a::::p b::::p c::::p d e", "a-b b-c a-c a-d b-e"))
    assert f["CLOSING_IN"]["severity"] == "high"


def test_unintegrated_collaborations():
    """Core {a, b}; c, d tied only to a; e tied to a and b: 2 of 3 -> share 0.667 >= 0.5."""
    net = mk("a::::p b::::p c d e", "a-b a-c a-d a-e b-e")
    report = analyze(net)
    assert report["partnership"]["unintegrated"] == ["c", "d"]
    assert report["partnership"]["unintegrated_share"] == pytest.approx(2 / 3)
    assert codes(net)["UNINTEGRATED_COLLABORATIONS"]["actors"] == ["c", "d"]
    # only one unintegrated actor: not raised
    assert "UNINTEGRATED_COLLABORATIONS" not in codes(mk("a::::p b::::p c e", "a-b a-c a-e b-e"))
    # 2 unintegrated of 5 tied (share 0.4): not raised
    assert "UNINTEGRATED_COLLABORATIONS" not in codes(
        mk("a::::p b::::p c d e f g", "a-b a-c a-d a-e b-e a-f b-f a-g b-g")
    )
    # nobody tied to the core: share null, no flag
    assert analyze(mk("a::::p b::::p", "a-b"))["partnership"]["unintegrated_share"] is None


def test_far_reach_flags():
    # far actor f (management) two steps from the core a: WEAK_FAR_REACH
    f = codes(mk("a::::p b f::management", "a-b b-f"))
    assert "WEAK_FAR_REACH" in f and "NO_FAR_REACH" not in f
    # far actor three steps away: NO_FAR_REACH (high)
    f = codes(mk("a::::p b c f:::national", "a-b b-c c-f"))
    assert f["NO_FAR_REACH"]["severity"] == "high" and "WEAK_FAR_REACH" not in f
    # far actor directly tied: neither
    f = codes(mk("a::::p f::political", "a-f"))
    assert "NO_FAR_REACH" not in f and "WEAK_FAR_REACH" not in f


def test_near_reach_flag():
    f = codes(mk("a::::p f::management b", "a-f f-b"))
    assert "NO_NEAR_REACH" in f
    assert "NO_NEAR_REACH" not in codes(mk("a::::p b", "a-b"))


def test_political_anchor():
    # political actor three steps away: flag
    assert "NO_POLITICAL_ANCHOR" in codes(mk("a::::p b c p::political", "a-b b-c c-p"))
    # two steps away: no flag
    assert "NO_POLITICAL_ANCHOR" not in codes(mk("a::::p b p::political", "a-b b-p"))
    # management is not political
    assert "NO_POLITICAL_ANCHOR" in codes(mk("a::::p m::management", "a-m"))


def test_weak_participation():
    f = codes(mk("a::::p b:citizen c:civil::::frivillige", "a-b a-c"))
    assert f["WEAK_PARTICIPATION"]["actors"] == ["b", "c"]  # Danish plural kind counts
    assert "WEAK_PARTICIPATION" not in codes(mk("a::::p v:civil:::p:Volunteer", "a-v"))
    assert "WEAK_PARTICIPATION" not in codes(mk("a::::p v:citizen:::p", "a-v"))


def test_spanner_dependency():
    # core a - x - b: x's removal disconnects two core members
    f = codes(mk("a::::p x b::::p", "a-x x-b"))
    assert f["SPANNER_DEPENDENCY"]["actors"] == ["x"] and f["SPANNER_DEPENDENCY"]["severity"] == "high"
    # cycle: no single point of failure
    assert "SPANNER_DEPENDENCY" not in codes(mk("a::::p x b::::p y", "a-x x-b b-y y-a"))
    # the only civil actors (c1, c2) reach the core through s alone
    f = codes(mk("a::::p b::::p s c1:civil c2:civil", "a-b b-s s-c1 c1-c2"))
    assert "s" in f["SPANNER_DEPENDENCY"]["actors"]
    assert f["SPANNER_DEPENDENCY"]["details"]["s"] == {"splits_core": False, "sectors": ["civil"]}
    # ...unless another civil actor is tied to the core directly
    f = codes(mk("a::::p b::::p s c1:civil c2:civil c3:civil", "a-b b-s s-c1 c1-c2 a-c3"))
    assert "s" not in f.get("SPANNER_DEPENDENCY", {"actors": []})["actors"]
    # unknown sector does not count
    f = codes(mk("a::::p b::::p s u:unknown", "a-b b-s s-u"))
    assert "SPANNER_DEPENDENCY" not in f


def test_closing_trend():
    """-0.1 -> -0.3 is a fall of 0.2 (within 1e-9): raised; -0.1 -> -0.29: not."""
    flags = closing_trend([("2016", -0.1), ("2017", -0.3), ("2018", -0.49)])
    assert [(f["params"]["old"], f["params"]["new"]) for f in flags] == [("2016", "2017")]
    assert closing_trend([("a", -0.1), ("b", -0.29)]) == []
    assert closing_trend([("a", None), ("b", -0.9)]) == []
    text = flag_message(flags[0], "da", {})
    assert "2016" in text and "-0,10" in text and "-0,30" in text


@pytest.mark.parametrize("lang", ["en", "da"])
def test_every_flag_message_in_both_languages(lang):
    """Messages render in both languages and cite the evaluation's finding."""
    nets = [mk("a b", "a-b"), mk("a::::p b c p::political f::management", "a-b b-c c-p")]
    for net in nets:
        for f in document(analyze(net), lang)["flags"]:
            assert f["message"] and "{" not in f["message"]
    text = {f["code"]: f for f in document(analyze(mk("a::::p b::::p c", "a-b b-c")), "da")["flags"]}["CLOSING_IN"][
        "message"
    ]
    assert "lukke sig om sig selv" in text and "Fotaki 2011" in text
