"""The two sample partnerships load, and their flags differ as the evaluation describes them."""

from pathlib import Path

from netmap import analyze, read_network

SAMPLES = Path(__file__).parent.parent / "sample_networks"


def flags(name):
    return {f["code"] for f in analyze(read_network(SAMPLES / name))["flags"]}


def test_both_close_in_on_themselves_and_leave_collaborations_unintegrated():
    """Seed text: "Begge partnerskaber har en tendens til at lukke sig om sig selv ... andre
    samarbejder ... integreres ikke"; and weak participation of citizens and volunteers in both."""
    for name in ("fredericia", "copenhagen"):
        assert {"CLOSING_IN", "UNINTEGRATED_COLLABORATIONS", "WEAK_PARTICIPATION"} <= flags(name)


def test_fredericia_is_anchored_towards_management_and_politics():
    """Fredericia is anchored in the administration, "tættere på det politiske niveau"."""
    f = flags("fredericia")
    assert not f & {"NO_FAR_REACH", "WEAK_FAR_REACH", "NO_POLITICAL_ANCHOR"}
    p = analyze(read_network(SAMPLES / "fredericia"))["partnership"]
    assert p["far_reach"]["1"] >= 3


def test_copenhagen_is_local_and_hangs_on_single_links():
    """Copenhagen works "mere lokalt", with a weaker link to top management, and Social Services'
    involvement fell after staff turnover (one person carrying the link)."""
    f = flags("copenhagen")
    assert "NO_POLITICAL_ANCHOR" in f and "SPANNER_DEPENDENCY" in f
    cph = analyze(read_network(SAMPLES / "copenhagen"))["partnership"]
    fre = analyze(read_network(SAMPLES / "fredericia"))["partnership"]
    assert cph["near_reach"]["1"] > fre["near_reach"]["1"]
    assert cph["far_reach"]["1"] < fre["far_reach"]["1"]


def test_every_kind_of_actor_in_the_samples_has_a_name_in_both_languages():
    """Found in a walk-through: Direktion's kind showed as "top_management" in the Danish app
    (the samples used kinds the vocabulary lacked)."""
    import csv
    import glob
    import json

    from netmap.i18n import _
    from netmap.present import vocab

    kinds = set()
    for path in glob.glob(str(SAMPLES / "**" / "*"), recursive=True):
        if path.endswith("actors.csv"):
            kinds |= {row["kind"] for row in csv.DictReader(open(path, encoding="utf-8-sig")) if row["kind"]}
        elif path.endswith(".json"):
            kinds |= {a.get("kind") for a in json.load(open(path, encoding="utf-8")).get("actors", []) if a.get("kind")}
    assert {"top_management", "management", "department_head"} <= kinds
    assert kinds <= set(vocab.ACTOR_KINDS), kinds - set(vocab.ACTOR_KINDS)
    assert _(vocab.ACTOR_KINDS["top_management"], "da") == "topledelse"
