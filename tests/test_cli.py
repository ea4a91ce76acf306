"""The command line end to end on the samples: text, JSON as METHODS.md defines it, conversion."""

import json
from pathlib import Path

from netmap import read_network
from tests.conftest import run_cli as run

ROOT = Path(__file__).parent.parent
SAMPLES = ROOT / "sample_networks"


def test_analyze_json_has_the_documented_shape():
    r = run("analyze", SAMPLES / "copenhagen", "--json")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["network"]["actors"] == 21 and doc["network"]["group_by"] == "sector"
    assert {"actors", "ties", "group_by"} <= set(doc["network"])
    actor = doc["actors"][0]
    assert {
        "id",
        "name",
        "sector",
        "level",
        "scope",
        "partner",
        "degree",
        "betweenness",
        "brokerage",
        "cross_sector_brokerage",
        "boundary_spanner",
        "near_reach",
        "far_reach",
        "isolated",
        "detached",
        "peripheral",
    } <= set(actor)
    assert set(actor["brokerage"]) == {"coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total"}
    assert set(actor["near_reach"]) == {"1", "2"} and set(actor["far_reach"]) == {"1", "2"}
    for g in doc["groups"].values():
        assert set(g) == {"size", "internal", "external", "ei_index", "expected_ei"}
        if g["ei_index"] is not None:
            assert (g["external"] - g["internal"]) / (g["external"] + g["internal"]) == g["ei_index"]
    p = doc["partnership"]
    assert {
        "members",
        "internal",
        "external",
        "ei_index",
        "expected_ei",
        "unintegrated",
        "unintegrated_share",
        "near_reach",
        "far_reach",
    } <= set(p)
    assert doc["betweenness_approximate"] is False
    for f in doc["flags"]:
        assert set(f) >= {"code", "severity", "actors", "message"}
    assert "ei_index" in doc and "expected_ei" in doc and isinstance(doc["warnings"], list)


def test_analyze_text_in_both_languages():
    en = run("analyze", SAMPLES / "fredericia")
    assert en.returncode == 0
    assert "Top boundary spanners" in en.stdout and "CLOSING_IN" in en.stdout
    da = run("analyze", SAMPLES / "fredericia", "--lang", "da")
    assert "Vigtigste brobyggere" in da.stdout and "lukke sig om sig selv" in da.stdout
    env_da = run("analyze", SAMPLES / "fredericia", env={"NETMAP_LANG": "da"})
    assert env_da.stdout == da.stdout


def test_group_by_custom_attribute():
    r = run("analyze", SAMPLES / "copenhagen", "--group-by", "organisation", "--json")
    assert r.returncode == 0 and json.loads(r.stdout)["network"]["group_by"] == "organisation"


def test_convert_every_format_and_back(tmp_path):
    net = read_network(SAMPLES / "copenhagen")
    for out in ("c.json", "c.xlsx", "c.graphml", "c.gexf", "csvdir"):
        r = run("convert", SAMPLES / "copenhagen", "-o", tmp_path / out)
        assert r.returncode == 0, r.stderr
        back = read_network(tmp_path / out)
        assert [a.id for a in back.actors] == [a.id for a in net.actors]
        assert len(back.ties) == len(net.ties)
        r = run("analyze", tmp_path / out, "--json")
        assert r.returncode == 0


def test_convert_pseudonymised(tmp_path):
    r = run("convert", SAMPLES / "fredericia", "-o", tmp_path / "p.json", "--pseudonymise")
    assert r.returncode == 0
    doc = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))
    citizens = [a for a in doc["actors"] if a["sector"] == "citizen"]
    assert citizens and all(a["name"].startswith("citizen-") and a["notes"] == "" for a in citizens)


def test_actors_without_ids_get_ids_made_from_their_names(tmp_path):
    """Issue 10: a Danish CSV pair and a workbook with names and no id column; the ties name the actors."""
    import openpyxl

    folder = tmp_path / "kort"
    folder.mkdir()
    (folder / "aktører.csv").write_text(
        "navn;sektor\nKommunen;offentlig\nBorger 1;borger\nAftenskole Ølby;civil\n", "utf-8"
    )
    (folder / "relationer.csv").write_text("fra;til;styrke\nKommunen;aftenskole ølby;3\nBorger 1;Kommunen;1\n", "utf-8")
    wb = openpyxl.Workbook()
    wb.active.title = "aktører"
    for row in [["navn", "sektor"], ["Kommunen", "offentlig"], ["Borger 1", "borger"], ["Aftenskole Ølby", "civil"]]:
        wb.active.append(row)
    ties = wb.create_sheet("relationer")
    for row in [["fra", "til", "styrke"], ["Kommunen", "aftenskole ølby", 3], ["Borger 1", "Kommunen", 1]]:
        ties.append(row)
    wb.save(tmp_path / "kort.xlsx")
    for source in (folder, tmp_path / "kort.xlsx"):
        r = run("convert", source, "-o", tmp_path / "out.json")
        assert r.returncode == 0, r.stderr
        doc = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
        ids = [a["id"] for a in doc["actors"]]
        assert ids[0] == "kommunen" and ids[2] == "aftenskole_ølby"
        assert ids[1].startswith("borger-") and len(ids[1]) == len("borger-") + 8  # a citizen's id is neutral
        assert [a["name"] for a in doc["actors"]] == ["Kommunen", "Borger 1", "Aftenskole Ølby"]
        assert [(t["source"], t["target"], t["strength"]) for t in doc["ties"]] == [
            ("kommunen", "aftenskole_ølby", 3),
            (ids[1], "kommunen", 1),
        ]
    (folder / "aktører.csv").write_text("navn;sektor\nKommunen;offentlig\n;civil\n", "utf-8")
    r = run("validate", folder, "--lang", "da")
    assert r.returncode == 2
    # The ties still name two actors the file no longer has: every problem is said at once.
    assert r.stderr.strip().splitlines() == [
        "3 problemer:",
        '- aktører.csv række 3: kolonne "navn": navnet er tomt (en aktør uden id skal have et navn)',
        '- relationer.csv række 2: kolonne "til": "aftenskole ølby" er ikke et aktør-id eller et aktørnavn',
        '- relationer.csv række 3: kolonne "fra": "Borger 1" er ikke et aktør-id eller et aktørnavn',
    ]


def test_validate_prints_warnings_and_one_summary_line():
    r = run("validate", SAMPLES / "copenhagen")
    assert r.returncode == 0 and r.stdout == "copenhagen: 21 actors, 36 ties, no problems\n" and r.stderr == ""


def test_generate_is_seeded(tmp_path):
    for name in ("a.json", "b.json"):
        assert run("generate", "120", "--seed", "7", "-o", tmp_path / name).returncode == 0
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    net = read_network(tmp_path / "a.json")
    assert len(net.actors) == 120 and net.core
