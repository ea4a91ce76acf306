"""Concrete overlaps, not only coordinators (METHODS.md; the evaluation's section 7.1.1): the three
forms on small hand-made networks read from real CSV files, COORDINATORS_ONLY raised and not
raised, and both samples against what the evaluation says of each partnership."""

from pathlib import Path

import pytest

from netmap import analyze, read_network
from netmap.present.report import document, text_report

SAMPLES = Path(__file__).parent.parent / "sample_networks"
A, B, C = "staff_in_civil_arena", "civil_in_municipal_setting", "third_arena"

# id, name, kind, sector, level (Danish words, as a coordinator types them)
ACTORS = {
    "koord": ("Koordinator", "koordinator", "offentlig", "udfører"),
    "fkoord": ("Foreningens koordinator", "Koordinator", "civil", "udfører"),
    "forv": ("Socialforvaltningen", "forvaltning", "offentlig", "udfører"),
    "chef": ("Forvaltningschef", "forvaltning", "offentlig", "ledelse"),
    "bo": ("Botilbud Søbakken", "Botilbud", "offentlig", "udfører"),
    "bo_leder": ("Botilbuddets ledelse", "botilbud", "offentlig", "ledelse"),
    "dag": ("Dagtilbud Åen", "dagtilbud", "offentlig", "udfører"),
    "med": ("Medarbejdere på Åen", "Medarbejdere", "offentlig", "udfører"),
    "aft": ("Aftenskole Øst", "aftenskole", "civil", "udfører"),
    "frv": ("Frivillige", "frivillige", "civil", "udfører"),
    "hus": ("Medborgerhuset", "Medborgerhus", "privat", "udfører"),
    "kh": ("Kulturhuset", "kulturhus", "offentlig", "udfører"),
    "fc": ("Frivilligcentret", "Frivilligcenter", "civil", "udfører"),
}


def network(tmp_path, ties, actors=None):
    """A network as a coordinator writes it: actors.csv and ties.csv (Danish headers) in a folder.

    ``ties`` are ``(source, target, kind[, "ja" for directed[, status]])``.
    """
    d = tmp_path / "net"
    d.mkdir(exist_ok=True)
    ids = actors or sorted({e for t in ties for e in t[:2]})
    rows = ["id;navn;type;sektor;niveau"] + [";".join((i, *ACTORS[i])) for i in ids]
    (d / "aktører.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    lines = ["fra;til;type;rettet;status"]
    for t in ties:
        directed = t[3] if len(t) > 3 else "nej"
        status = t[4] if len(t) > 4 else "aktiv"
        lines.append(f"{t[0]};{t[1]};{t[2]};{directed};{status}")
    (d / "relationer.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return read_network(d)


def overlaps(net):
    return analyze(net)["overlaps"]


def flag(net, code="COORDINATORS_ONLY"):
    return next((f for f in analyze(net)["flags"] if f["code"] == code), None)


# --- the three forms ------------------------------------------------------------------------


def test_a_staff_join_citizens_in_a_civil_arena(tmp_path):
    """Staff (kind "Medarbejdere") working with an evening school: form (a) only."""
    o = overlaps(network(tmp_path, [("med", "aft", "samarbejde"), ("med", "dag", "formel aftale")]))
    assert o["shown"] == [A] and o["planned_only"] == []
    assert o["forms"][A]["active"] == [
        {
            "source": "med",
            "target": "aft",
            "kind": "collaboration",
            "directed": False,
            "municipal": "med",
            "civil": "aft",
        }
    ]
    assert o["forms"][B] == {"active": [], "planned": []} and o["forms"][C] == {"active": [], "planned": []}


def test_b_a_civil_offer_comes_into_a_municipal_setting(tmp_path):
    """Volunteers at a day service, evening classes at a residential home: form (b)."""
    o = overlaps(network(tmp_path, [("frv", "dag", "samarbejde"), ("aft", "bo", "personlig")]))
    assert o["shown"] == [B]
    assert [(e["municipal"], e["civil"]) for e in o["forms"][B]["active"]] == [("dag", "frv"), ("bo", "aft")]


def test_a_directed_tie_says_who_goes_where(tmp_path):
    """From the home to the school: the home's staff go out (a); from the school to the home: the
    school comes in (b)."""
    out = overlaps(network(tmp_path, [("bo", "aft", "samarbejde", "ja")]))
    assert out["shown"] == [A] and out["forms"][A]["active"][0]["municipal"] == "bo"
    into = overlaps(network(tmp_path, [("aft", "bo", "samarbejde", "ja")]))
    assert into["shown"] == [B]


def test_c_a_third_arena_joins_staff_and_civil_actors(tmp_path):
    """A community house used by a residential home and by volunteers: form (c), whatever the
    arena's own sector; the arena's ties are not forms (a) or (b)."""
    o = overlaps(network(tmp_path, [("hus", "bo", "samarbejde"), ("frv", "hus", "samarbejde")]))
    assert o["shown"] == [C]
    assert o["forms"][C]["active"] == [{"arena": "hus", "municipal": ["bo"], "civil": ["frv"]}]
    # A civil volunteer centre with a day service and an evening school: (c), not (b).
    o = overlaps(network(tmp_path, [("fc", "dag", "samarbejde"), ("fc", "aft", "samarbejde")]))
    assert o["shown"] == [C] and o["forms"][C]["active"][0]["arena"] == "fc"


def test_an_arena_on_one_side_only_is_no_third_arena(tmp_path):
    o = overlaps(network(tmp_path, [("kh", "frv", "samarbejde"), ("kh", "koord", "samarbejde")]))
    assert o["shown"] == [] and o["forms"][C]["active"] == []


@pytest.mark.parametrize(
    "ties",
    [
        [("koord", "aft", "samarbejde")],  # a coordinator is no concrete overlap
        [("dag", "fkoord", "personlig")],  # nor is a civil coordinator
        [("dag", "frv", "information")],  # news passed along
        [("dag", "aft", "henvisning")],  # a referral ("motivere, henvise og bakke op")
        [("bo", "aft", "finansiering", "ja")],  # money
        [("bo_leder", "aft", "samarbejde")],  # management, not the staff around the service
        [("forv", "aft", "samarbejde")],  # a department is no setting and no staff
    ],
)
def test_ties_that_are_no_concrete_overlap(tmp_path, ties):
    o = overlaps(network(tmp_path, ties))
    assert o["shown"] == [] and o["planned_only"] == []


def test_a_planned_tie_shows_a_form_as_planned_only(tmp_path):
    o = overlaps(network(tmp_path, [("aft", "bo", "samarbejde", "nej", "planlagt"), ("med", "aft", "samarbejde")]))
    assert o["shown"] == [A] and o["planned_only"] == [B]
    assert o["forms"][B]["active"] == [] and o["forms"][B]["planned"][0]["municipal"] == "bo"
    arena = overlaps(network(tmp_path, [("hus", "bo", "samarbejde"), ("hus", "frv", "samarbejde", "nej", "planlagt")]))
    assert arena["shown"] == [] and arena["planned_only"] == [C]


def test_the_forms_in_words(tmp_path):
    net = network(tmp_path, [("aft", "bo", "samarbejde", "nej", "planlagt"), ("med", "aft", "samarbejde")])
    text = text_report(document(analyze(net), "da"), "da")
    assert "Konkrete overlap mellem kommunale medarbejdere og civile aktører (afsnit 7.1.1):" in text
    assert (
        "medarbejderne deltager sammen med borgerne i civile arenaer: ja: Medarbejdere på Åen – Aftenskole Øst" in text
    )
    assert "civile tilbud kommer ind i de kommunale tilbud: kun planlagt: Botilbud Søbakken – Aftenskole Øst" in text
    assert "en tredje fælles arena forbinder sektorerne: nej" in text


# --- COORDINATORS_ONLY --------------------------------------------------------------------------


def test_coordinators_only_when_every_public_civil_tie_runs_through_one(tmp_path):
    net = network(
        tmp_path,
        [("forv", "koord", "samarbejde"), ("koord", "aft", "samarbejde"), ("fkoord", "dag", "information")],
        actors=["forv", "koord", "fkoord", "dag", "aft", "frv"],
    )
    f = flag(net)
    assert f["severity"] == "warning" and f["actors"] == ["koord", "fkoord"] and f["params"] == {"ties": 2}
    da = next(x for x in document(analyze(net), "da")["flags"] if x["code"] == "COORDINATORS_ONLY")["message"]
    assert da.startswith("Alle relationer mellem offentlige og civile aktører (2 i alt) har en koordinator")
    assert "Koordinator; Foreningens koordinator" in da and "og ikke alene koordinatorer" in da


def test_coordinators_only_when_no_tie_crosses_at_all(tmp_path):
    net = network(tmp_path, [("forv", "dag", "samarbejde"), ("aft", "frv", "samarbejde")])
    f = flag(net)
    assert f["actors"] == [] and f["params"] == {"ties": 0}
    assert next(x for x in document(analyze(net), "en")["flags"] if x["code"] == "COORDINATORS_ONLY")[
        "message"
    ].startswith("No tie joins a public and a civil actor and no third arena")


@pytest.mark.parametrize(
    "extra",
    [
        ("dag", "frv", "samarbejde"),  # a concrete overlap
        ("forv", "aft", "formel aftale"),  # any other public-civil tie, not only overlaps
        ("forv", "aft", "finansiering", "ja"),  # money too: it is a tie between the sectors
    ],
)
def test_not_coordinators_only_when_another_tie_crosses(tmp_path, extra):
    net = network(tmp_path, [("forv", "koord", "samarbejde"), ("koord", "aft", "samarbejde"), extra])
    assert flag(net) is None


def test_not_coordinators_only_when_a_third_arena_joins_the_sectors(tmp_path):
    """A private community house with the department and the evening school: no public-civil tie
    but the coordinator's, yet the arena joins the two sectors."""
    ties = [("koord", "aft", "samarbejde"), ("hus", "forv", "samarbejde"), ("hus", "aft", "samarbejde")]
    assert flag(network(tmp_path, ties)) is None
    # ... but not when the arena meets only the coordinator on the public side.
    ties = [("koord", "aft", "samarbejde"), ("hus", "koord", "samarbejde"), ("hus", "aft", "samarbejde")]
    assert flag(network(tmp_path, ties))["actors"] == ["koord"]


def test_not_coordinators_only_without_both_sectors(tmp_path):
    assert flag(network(tmp_path, [("forv", "koord", "samarbejde"), ("koord", "dag", "samarbejde")])) is None
    assert flag(network(tmp_path, [("aft", "fkoord", "samarbejde"), ("fkoord", "frv", "samarbejde")])) is None


def test_a_planned_tie_does_not_clear_coordinators_only(tmp_path):
    """The idea of evening classes at the home does not count until it is realised."""
    ties = [("forv", "koord", "samarbejde"), ("koord", "aft", "samarbejde"), ("aft", "bo", "samarbejde")]
    assert flag(network(tmp_path, ties)) is None
    planned = ties[:2] + [("aft", "bo", "samarbejde", "nej", "planlagt")]
    assert flag(network(tmp_path, planned))["actors"] == ["koord"]


# --- the samples against the evaluation -----------------------------------------------------


def sample(name):
    return analyze(read_network(SAMPLES / name))


def test_fredericia_has_ideas_of_a_and_b_and_no_overlap_yet():
    """Section 7.1.1 on Grow your life: staff joining citizens in civil arenas, "Der er ideer om
    dette i Grow your life"; and "Der er fx ideer i Grow your life om, at aftenskolekurser kan
    gennemføres på botilbud". Both are ideas: planned only, nothing shown."""
    r = sample("fredericia")
    o = r["overlaps"]
    assert o["shown"] == [] and o["planned_only"] == [A, B]
    assert [(e["municipal"], e["civil"]) for e in o["forms"][A]["planned"]] == [("botilbud_b", "aftenskole_b")]
    assert [(e["municipal"], e["civil"]) for e in o["forms"][B]["planned"]] == [("botilbud_a", "aftenskole_a")]
    assert o["forms"][C] == {"active": [], "planned": []}
    # The steering group's agreements and the department's contacts with the evening schools are
    # public-civil ties without a coordinator: the flag is not raised.
    assert "COORDINATORS_ONLY" not in {f["code"] for f in r["flags"]}
    assert (o["public_civil_ties"], o["without_coordinator"]) == (9, 6)


def test_copenhagen_shows_a_and_b():
    """Section 7.1.1 on Frivillig kulturformidling: "deltager medarbejderne sammen med borgerne i
    udflugter ud af huset" (a) and "deltager enkelte frivillige på enkelte af dagtilbuddene" (b);
    no third arena in either partnership."""
    r = sample("copenhagen")
    o = r["overlaps"]
    assert o["shown"] == [A, B] and o["planned_only"] == []
    assert [(e["municipal"], e["civil"]) for e in o["forms"][A]["active"]] == [
        ("lavuk_medarbejdere", "forening"),
        ("lavuk_medarbejdere", "frivillige"),
    ]
    assert [(e["municipal"], e["civil"]) for e in o["forms"][B]["active"]] == [("dagtilbud_a", "frivillige")]
    assert o["forms"][C] == {"active": [], "planned": []}
    assert "COORDINATORS_ONLY" not in {f["code"] for f in r["flags"]}
    assert (o["public_civil_ties"], o["without_coordinator"]) == (13, 5)


def test_the_samples_arenas_are_recognised_by_their_kinds():
    kinds = {a.id: a.kind for a in read_network(SAMPLES / "copenhagen").actors}
    assert (kinds["medborgerhus"], kinds["frivilligcenter"]) == ("community_house", "volunteer_centre")
    assert read_network(SAMPLES / "fredericia").actor("kulturhus").kind == "culture_house"


def test_the_diagnosis_page_says_which_forms_the_network_shows(tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from netmap.workspace import Workspace

    monkeypatch.setenv("NETMAP_WORKSPACE", str(tmp_path / "ws.sqlite"))
    monkeypatch.delenv("NETMAP_LANG", raising=False)
    Workspace(tmp_path / "ws.sqlite", seed=True)
    at = AppTest.from_file(str(Path(__file__).parent.parent / "app.py"), default_timeout=60)
    at.run()
    at.switch_page("netmap/ui/pages/diagnosis.py").run()
    assert not at.exception, at.exception
    assert "Concrete overlaps, not only coordinators" in [h.value for h in at.header]
    lines = [t.value for t in at.text]
    assert "civil offers come into municipal settings: yes: Dagtilbud A – Frivillige kulturformidlere" in lines
    assert "a third shared arena joins the sectors: no" in lines
