"""The network's evidence for the elements of Table 7.1 (METHODS.md, "Evidence for the review").

Small hand-made networks with the expected evidence counted by hand, then both samples checked
element by element against what the evaluation (seed text, chapter 7) says of each partnership.
"""

from pathlib import Path

import pytest

from netmap.analysis import analyze
from netmap.evidence import EVIDENCE_ELEMENTS, evidence
from netmap.model import Actor, Network, Tie
from netmap.present.review import evidence_text, review_rows
from netmap.reading import read_network

ROOT = Path(__file__).resolve().parent.parent


def codes(items):
    return [i["code"] if i["code"] != "FLAG" else "FLAG:" + i["params"]["flag"]["code"] for i in items]


def item(items, code):
    found = [i for i in items if code in (i["code"], "FLAG:" + i["params"].get("flag", {}).get("code", ""))]
    assert len(found) == 1, codes(items)
    return found[0]


def small():
    """The hand-made network of these tests.

    Core a, b, c, d. a (public, operational, organisation Kommune); b (civil, operational,
    organisation "Foreningen", which names the management actor fl); c (public, management);
    d (civil, operational, no organisation). Outside: m (public, management, Kommune), p
    (public, political), fl ("Foreningen", civil, management), v (a volunteer), i (a citizen
    with no tie).
    Ties: a-b personal, a-c formal agreement, b-d collaboration, a-m collaboration,
    m-p information, fl-v collaboration, v-d personal.
    """
    actors = [
        Actor("a", name="A", sector="public", partner=True, organisation="Kommune"),
        Actor("b", name="B", sector="civil", partner=True, organisation="Foreningen"),
        Actor("c", name="C", sector="public", level="management", partner=True),
        Actor("d", name="D", sector="civil", partner=True),
        Actor("m", name="M", sector="public", level="management", organisation=" kommune "),
        Actor("p", name="P", sector="public", level="political"),
        Actor("fl", name="Foreningen", sector="civil", level="management"),
        Actor("v", name="V", sector="civil", kind="frivillig"),
        Actor("i", name="I", sector="citizen"),
    ]
    ties = [
        Tie("a", "b", kind="personlig"),
        Tie("a", "c", kind="formal_agreement"),
        Tie("b", "d"),
        Tie("a", "m"),
        Tie("m", "p", kind="information"),
        Tie("fl", "v"),
        Tie("v", "d", kind="personal"),
    ]
    return Network(actors=actors, ties=ties, name="small")


def found(net):
    return evidence(net, analyze(net))


def test_small_network_element_1_reach():
    """R_1(core) = {m, v}: far m, near v. R_2 adds p and fl (both far): near 1/1, far 1/3."""
    e = found(small())[1]
    assert codes(e) == ["REACH"]
    assert e[0]["params"] == {"n1": 1, "n2": 1, "f1": 1, "f2": 3}
    assert e[0]["actors"] == ["m", "p", "fl"] and e[0]["tone"] == "support"


def test_small_network_element_3_personal_ties_and_single_points():
    """Core pairs tied: a-b, a-c, b-d (3), one personal (a-b). Pairs core-other: a-m, d-v (2), one
    personal (d-v). Removing a cuts c off the core, removing b cuts d off: both single points."""
    e = found(small())[3]
    personal = item(e, "PERSONAL_TIES")
    assert personal["params"] == {
        "core_personal": 1,
        "core_pairs": 3,
        "around_personal": 1,
        "around_pairs": 2,
        "core_share": pytest.approx(1 / 3),
        "around_share": 0.5,
    }
    assert personal["actors"] == ["a", "b", "d", "v"] and personal["tone"] == "support"
    assert item(e, "FLAG:SPANNER_DEPENDENCY")["actors"] == ["a", "b"]


def test_small_network_element_6_dialogue():
    """6 pairs among 4 members, 3 tied: density 0.5, not below the 0.5 threshold; untied a-d, b-c, c-d."""
    e = found(small())[6]
    assert codes(e) == ["CORE_DENSITY", "CORE_UNTIED_PAIRS"]
    assert e[0]["params"] == {"tied": 3, "pairs": 6, "density": 0.5} and e[0]["tone"] == "support"
    assert e[1]["params"] == {"pairs": [["a", "d"], ["b", "c"], ["c", "d"]], "untied": 3}


def test_small_network_elements_12_and_17_own_management():
    """a is tied to m (same organisation, compared without case and spaces); b's organisation names
    fl, with no tie; c is management itself; d has no organisation."""
    e = found(small())
    assert e[12] == e[17]
    assert codes(e[12]) == [
        "OWN_MANAGEMENT_SELF",
        "OWN_MANAGEMENT_TIED",
        "OWN_MANAGEMENT_UNTIED",
        "OWN_MANAGEMENT_UNKNOWN",
    ]
    assert item(e[12], "OWN_MANAGEMENT_SELF")["actors"] == ["c"]
    assert item(e[12], "OWN_MANAGEMENT_TIED")["params"]["links"] == [["a", ["m"]]]
    untied = item(e[12], "OWN_MANAGEMENT_UNTIED")
    assert untied["params"]["links"] == [["b", ["fl"]]] and untied["tone"] == "concern"
    assert item(e[12], "OWN_MANAGEMENT_UNKNOWN")["actors"] == ["d"]


def test_small_network_element_13_political_level():
    """p is two steps from the core (a - m - p): within the flag's two steps, no NO_POLITICAL_ANCHOR."""
    e = found(small())[13]
    assert codes(e) == ["POLITICAL_DISTANCE"]
    assert e[0]["params"] == {"distance": 2, "steps": 2} and e[0]["actors"] == ["p"] and e[0]["tone"] == "support"


def test_small_network_element_14_all_partners():
    """Citizens (i) are on the map and not in the core; i is isolated; m and v are each tied to one
    core member (2 of 2, share 1.0: the flag is raised); no citizen or volunteer in the core."""
    e = found(small())[14]
    assert codes(e) == ["SECTORS_ABSENT", "FLAG:ISOLATED_ACTORS", "UNINTEGRATED", "FLAG:WEAK_PARTICIPATION"]
    assert e[0]["params"] == {"sectors": ["citizen"]} and e[0]["actors"] == ["i"]
    assert e[2]["params"] == {"n": 2, "m": 2, "share": 1.0} and e[2]["tone"] == "concern"
    assert e[3]["actors"] == ["v", "i"]


def test_small_network_element_15_boundary_spanners():
    """Brokerage by sector, by hand: a brokers b-c and b-m (gatekeeper 2, representative 2) and c-m
    (coordinator 2): cross-sector 4. b brokers a-d (gatekeeper 1, representative 1): 2. d, v and m
    broker within their own sector only. Both spanners are single points of failure."""
    e = found(small())[15]
    assert codes(e) == ["SPANNERS", "SPANNER_IS_SINGLE_POINT"]
    assert e[0]["params"]["spanners"] == [
        {"id": "a", "cross": 4, "roles": {"representative": 2, "gatekeeper": 2}},
        {"id": "b", "cross": 2, "roles": {"representative": 1, "gatekeeper": 1}},
    ]
    assert e[1]["actors"] == ["a", "b"]


def test_a_spanner_with_one_cross_sector_brokerage_is_said_in_the_singular():
    """Walk-through: "1 brobygninger på tværs". Hand-made: a spanner that brokers one pair."""
    item = {
        "code": "SPANNERS",
        "params": {"total": 2, "spanners": [{"id": "a", "cross": 1, "roles": {"gatekeeper": 1}}]},
        "actors": ["a"],
    }
    for lang, one in (
        ("en", "A (public): 1 cross-sector brokerage (gatekeeper 1)"),
        ("da", "A (offentlig): 1 brobygning på tværs"),
    ):
        assert one in evidence_text(item, lang, {"a": "A"}, {"a": "public"})
    item["params"]["spanners"][0]["cross"] = 2
    assert "A (offentlig): 2 brobygninger på tværs" in evidence_text(item, "da", {"a": "A"}, {"a": "public"})


def test_thresholds_and_the_other_cases():
    """Core x, y, z with one tie x-y: density 1/3 < 0.5; z alone; no personal tie; the only
    political actor q has no tie; one sector only, so no boundary spanner."""
    net = Network(
        actors=[Actor(v, sector="public", partner=True) for v in "xyz"] + [Actor("q", level="political")],
        ties=[Tie("x", "y")],
    )
    e = found(net)
    assert item(e[6], "CORE_DENSITY")["tone"] == "concern"
    assert item(e[6], "CORE_ALONE")["actors"] == ["z"]
    assert codes(e[3]) == ["NO_PERSONAL_TIES", "NO_SINGLE_POINT"]
    assert codes(e[13]) == ["FLAG:NO_POLITICAL_ANCHOR", "POLITICAL_UNREACHED"]
    assert codes(e[15]) == ["NO_SPANNERS"]
    assert codes(e[14])[0] == "SECTORS_IN_CORE"
    # a politician in the core: distance 0
    net.actors[3].partner = True
    assert item(found(net)[13], "POLITICAL_DISTANCE")["params"]["distance"] == 0
    assert "A political-level actor is in the core: q." == evidence_text(
        item(found(net)[13], "POLITICAL_DISTANCE"), "en", {}
    )
    # no political actor on the map at all
    net.actors[3].level = "management"
    assert "NO_POLITICAL_ACTOR" in codes(found(net)[13])


def test_without_a_core_the_network_cannot_speak():
    net = Network(actors=[Actor("x"), Actor("y")], ties=[])
    e = found(net)
    assert set(e) == set(EVIDENCE_ELEMENTS)
    assert all(codes(items)[0] == "NO_CORE" for items in e.values())


def test_review_rows_in_danish_by_hand():
    rows = review_rows(small(), None, "da")
    assert len(rows) == 19 and [r["number"] for r in rows] == list(range(1, 20))
    assert [r["group"] for r in rows[::6]] == [
        "Relationelle elementer",
        "Strukturelle elementer",
        "Strukturelle elementer",
        "Elementer i partnerorganisationerne",
    ]
    six = rows[5]["evidence"].splitlines()
    assert six[0] == "For: 3 af de 6 par af kernemedlemmer har en direkte relation (tæthed 50\xa0%)."
    assert six[1] == "Til orientering: Par af kernemedlemmer uden relation til hinanden: A – D; B – C; C – D."
    assert rows[12]["evidence"] == "For: De nærmeste aktører på politisk niveau er 2 skridt fra kernen: P."
    assert rows[1]["evidence"] == "" and rows[1]["rating"] == "ikke vurderet"


# --- the two samples against the evaluation ------------------------------------------------------


@pytest.fixture(scope="module")
def samples():
    out = {}
    for name in ("fredericia", "copenhagen"):
        net = read_network(ROOT / "sample_networks" / name)
        out[name] = evidence(net, analyze(net))
    return out


def test_samples_element_1_fredericia_reaches_further(samples):
    """ "Fredericia har en stærkere forankring ind i kommunens ledelse ..." and "I København arbejdes
    mere lokalt forankret, og forbindelsen til det øverste ledelsesniveau i" [kommunen er svagere]."""
    f, c = item(samples["fredericia"][1], "REACH"), item(samples["copenhagen"][1], "REACH")
    # The budget negotiations (byraad -> styregruppe) are a planned tie: the city council is two
    # steps from the core (via kfu or direktion), not one, so 3 far actors direct and 4 within 2.
    assert (f["params"]["f1"], f["params"]["f2"]) == (3, 4) and (c["params"]["f1"], c["params"]["f2"]) == (2, 3)
    assert {"direktion", "kfu", "byraad"} <= set(f["actors"])
    assert "fagudvalg" not in c["actors"] and c["params"]["n1"] > f["params"]["n1"]  # more local


def test_samples_element_3_copenhagen_hangs_on_single_links(samples):
    """ "I København er involveringen af Socialforvaltningen mindre end forventet med baggrund i
    personudskiftning"; "i Fredericia har personlige kontakter mellem en af aftenskolerne og Kultur- og
    Fritidsforvaltningen været afgørende"; and Copenhagen's "uformelle styring"."""
    c, f = samples["copenhagen"][3], samples["fredericia"][3]
    assert item(c, "FLAG:SPANNER_DEPENDENCY")["actors"] == ["lavuk_koordinator", "sf_kontakt"]
    assert "NO_SINGLE_POINT" in codes(f)
    assert {"kff", "aftenskole_b"} <= set(item(f, "PERSONAL_TIES")["actors"])
    cs, fs = item(c, "PERSONAL_TIES")["params"]["core_share"], item(f, "PERSONAL_TIES")["params"]["core_share"]
    assert cs == pytest.approx(3 / 10) and fs == pytest.approx(1 / 15) and cs > fs


def test_samples_element_6_social_services_outside_the_dialogue(samples):
    """Socialforvaltningen "mindre involveret end forventet": no tie to another core member."""
    assert item(samples["copenhagen"][6], "CORE_ALONE")["actors"] == ["socialforvaltningen"]
    assert "CORE_ALONE" not in codes(samples["fredericia"][6])


def test_samples_elements_12_and_17_anchoring_in_own_management(samples):
    """ "I Fredericia er to forvaltningschefer en aktiv del af partnerskabet, i København er
    koordinatorerne tæt forankret i de respektive ledelser"; Social Services the weak link."""
    f, c = samples["fredericia"], samples["copenhagen"]
    for e in (f, c):
        assert e[12] == e[17]
    assert {"chef_kultur", "chef_social"} <= set(item(f[12], "OWN_MANAGEMENT_SELF")["actors"])
    assert ["koordinator", ["styregruppe", "chef_kultur", "chef_social"]] in item(f[12], "OWN_MANAGEMENT_TIED")[
        "params"
    ]["links"]
    assert "OWN_MANAGEMENT_UNTIED" not in codes(f[12])
    tied = dict((m, v) for m, v in item(c[12], "OWN_MANAGEMENT_TIED")["params"]["links"])
    assert tied["lavuk_koordinator"] == ["lavuk_ledelse"] and tied["forening_koordinator"] == ["forening"]
    untied = item(c[12], "OWN_MANAGEMENT_UNTIED")
    assert untied["params"]["links"] == [["socialforvaltningen", ["forvaltningsledelse", "direktion"]]]


def test_samples_element_13_fredericia_closer_to_the_political_level(samples):
    """ "Grow your life er forankret i kommunens forvaltning og er derfor tættere på det politiske niveau"."""
    f, c = item(samples["fredericia"][13], "POLITICAL_DISTANCE"), item(samples["copenhagen"][13], "POLITICAL_DISTANCE")
    # kfu is tied to chef_kultur (core); byraad's only tie to the core is the planned budget tie
    assert f["params"]["distance"] == 1 and f["tone"] == "support" and f["actors"] == ["kfu"]
    assert c["params"]["distance"] == 3 and c["tone"] == "concern" and c["actors"] == ["fagudvalg"]
    assert "FLAG:NO_POLITICAL_ANCHOR" in codes(samples["copenhagen"][13])
    assert "FLAG:NO_POLITICAL_ANCHOR" not in codes(samples["fredericia"][13])


def test_samples_element_14_weak_participation_and_unintegrated_in_both(samples):
    """ "Begge partnerskaber rummer svag deltagelse af borgere og frivillige i den organisatoriske
    ramme" and "Der etableres andre samarbejder i begge partnerskaber, men disse integreres ikke"."""
    # Fredericia: 5 of the 9 actors tied to the core by an active tie are tied to one core member
    # only (byraad, tied to the core only by the planned budget tie, is no longer among them).
    for name, share in (("fredericia", 5 / 9), ("copenhagen", 0.75)):
        e = samples[name][14]
        assert "FLAG:WEAK_PARTICIPATION" in codes(e)
        assert item(e, "SECTORS_ABSENT")["params"]["sectors"] == ["citizen"]
        un = item(e, "UNINTEGRATED")
        assert un["tone"] == "concern" and un["params"]["share"] == pytest.approx(share)
    assert "frivillige" in item(samples["copenhagen"][14], "FLAG:WEAK_PARTICIPATION")["actors"]


def test_samples_element_15_coordinators_cross_borders_copenhagen_depends_on_one(samples):
    """ "lønnede koordinatorer, der kan 'krydse grænser' og skabe sammenhænge"; in Copenhagen the link to
    Social Services rests on the Lavuk coordinator."""
    f, c = samples["fredericia"][15], samples["copenhagen"][15]
    assert item(f, "SPANNERS")["params"]["spanners"][0]["id"] == "koordinator"
    assert item(c, "SPANNERS")["params"]["spanners"][0]["id"] == "forening_koordinator"
    assert item(c, "SPANNER_IS_SINGLE_POINT")["actors"] == ["lavuk_koordinator"]
    assert "NO_SPANNER_SINGLE_POINT" in codes(f)
