"""``netmap survey``: a round from a file (paper, workshop) and through the links, the results in
words, the merge as one revision, bad input refused in one line (issue 13).

Every test runs the real command line in a real process on a real SQLite workspace, with real
XLSX and CSV files written here with openpyxl and the csv module. Expected values are worked out
by hand in the tests.
"""

import csv
import json

import openpyxl
import pytest

from netmap import survey
from netmap.model import Actor, Network, Tie
from netmap.workspace import Workspace

HEADERS = [
    "respondent",
    "samarbejdspartner",
    "ny partners sektor",
    "relation",
    "hyppighed",
    "magt og indflydelse",
    "involvering",
    "ressourcer",
    "pålidelighed",
    "fælles mission",
    "åbenhed",
    "indflydelse",
]
ELEMENT_HEADERS = ["respondent", "nr", "vurdering", "kommentar"]

#: The answers, as a paper form gives them: one row per respondent and partner (Danish words, names or ids).
ROWS = [
    ["kom", "Foreningen", "", "samarbejde, personlig kontakt", "ugentligt", 4, 3, "", 4, 4, 3, 4],
    ["Kommunen", "aft", "", "formel aftale", "månedligt", 2, 2, 2, 3, 3, 3, 3],
    ["kom", "Frivilligcentret", "civil", "samarbejde", "sjældnere", 1, 2, 3, 2, 2, 2, ""],
    ["kom", "bib", "", "", "", "", "", "", "", "", "", 2],
    ["for", "kom", "", "samarbejde", "dagligt", 3, 3, 3, 4, 3, 4, 5],
    ["for", "Aftenskolen", "", "", "", "", "", "", "", "", "", 1],
    ["aft", "Biblioteket", "", "finansiering", "månedligt", 2, "", "", "", "", "", ""],
    ["aft", "Jens Hansen", "", "", "", "", "", "", "", "", "", 2],
]
ELEMENT_ROWS = [
    ["kom", 1, 4, "Godt samarbejde"],
    ["kom", 2, 2, ""],
    ["for", 1, 1, ""],
    ["for", 2, 2, "Jens Hansen kom ikke til mødet"],
    ["aft", 1, "i høj grad", ""],
]


#: The same answers as the survey page saves them (netmap/survey.py, the answer document).
DOCS = {
    "kom": {
        "ties": [
            {
                "partner": "for",
                "kinds": ["collaboration", "personal"],
                "frequency": "weekly",
                "value": {"power": 4, "involvement": 3, "resources": None},
                "trust": {"reliability": 4, "mission": 4, "openness": 3},
            },
            {
                "partner": "aft",
                "kinds": ["formal_agreement"],
                "frequency": "monthly",
                "value": {"power": 2, "involvement": 2, "resources": 2},
                "trust": {"reliability": 3, "mission": 3, "openness": 3},
            },
            {
                "partner": "new:frivilligcentret",
                "kinds": ["collaboration"],
                "frequency": "less",
                "value": {"power": 1, "involvement": 2, "resources": 3},
                "trust": {"reliability": 2, "mission": 2, "openness": 2},
            },
        ],
        "new_actors": [{"id": "new:frivilligcentret", "name": "Frivilligcentret", "sector": "civil"}],
        "influence": {"for": 4, "aft": 3, "bib": 2},
        "elements": {"1": {"rating": 4, "comment": "Godt samarbejde"}, "2": {"rating": 2, "comment": ""}},
        "step": "done",
        "finished": True,
    },
    "for": {
        "ties": [
            {
                "partner": "kom",
                "kinds": ["collaboration"],
                "frequency": "daily",
                "value": {"power": 3, "involvement": 3, "resources": 3},
                "trust": {"reliability": 4, "mission": 3, "openness": 4},
            }
        ],
        "new_actors": [],
        "influence": {"kom": 5, "aft": 1},
        "elements": {
            "1": {"rating": 1, "comment": ""},
            "2": {"rating": 2, "comment": "Jens Hansen kom ikke til mødet"},
        },
        "step": "done",
        "finished": True,
    },
    "aft": {
        "ties": [
            {
                "partner": "bib",
                "kinds": ["funding"],
                "frequency": "monthly",
                "value": {"power": 2, "involvement": None, "resources": None},
                "trust": {"reliability": None, "mission": None, "openness": None},
            }
        ],
        "new_actors": [],
        "influence": {"group:citizen": 2},
        "elements": {"1": {"rating": 3, "comment": ""}},
        "step": "done",
        "finished": True,
    },
}


def _network():
    """Three partners, a library and a citizen; one tie the round will strengthen."""
    return Network(
        actors=[
            Actor("kom", "Kommunen", sector="public", partner=True),
            Actor("for", "Foreningen", sector="civil", partner=True),
            Actor("aft", "Aftenskolen", sector="civil", partner=True),
            Actor("bib", "Biblioteket", sector="public"),
            Actor("jens", "Jens Hansen", kind="borger", sector="citizen"),
        ],
        ties=[Tie("kom", "for", "collaboration", 1.0), Tie("kom", "bib", "information", 2.0)],
        name="lokal",
    )


@pytest.fixture
def ws(tmp_path, monkeypatch):
    path = tmp_path / "ws.sqlite"
    monkeypatch.setenv("NETMAP_WORKSPACE", str(path))
    monkeypatch.delenv("NETMAP_LANG", raising=False)
    monkeypatch.delenv("NETMAP_PUBLIC_URL", raising=False)
    monkeypatch.setenv("NETMAP_SECRETS", str(tmp_path / "none.toml"))
    w = Workspace(path)
    w.create("lokal", _network())
    return w


def _xlsx(path, rows=ROWS, elements=ELEMENT_ROWS, headers=HEADERS, element_headers=ELEMENT_HEADERS):
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.title = "svar"
    for row in [headers, *rows]:
        sheet.append(row)
    sheet = wb.create_sheet("elementer")
    for row in [element_headers, *elements]:
        sheet.append(row)
    wb.save(path)
    return path


def _csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, delimiter=";")  # as Danish Excel saves it
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _results(cli, *args):
    done = cli("survey", "results", "lokal", *args, "--json")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    out.pop("round")
    return out


def _api_round(ws):
    """The round answered through the links: open, resolve each respondent's token, save."""
    rnd, tokens = survey.open_round(
        ws, "lokal", "Web", date="2026-11-01", respondents=["kom", "for", "aft", "bib"], retain_until="2099-12-31"
    )
    during = "2026-11-02"  # the links work until 2026-12-01: answered then, whenever the test runs
    for actor, doc in DOCS.items():
        survey.save_answer(ws, survey.resolve(ws, tokens[actor], today=during), doc, today=during)
    return rnd.id


def test_a_round_from_a_file_gives_the_same_results_as_through_the_links(ws, cli, tmp_path):
    web = _api_round(ws)
    expected = json.loads(json.dumps(survey.results(ws, "lokal", web)))
    expected.pop("round")

    done = cli("survey", "import", "lokal", _xlsx(tmp_path / "svar.xlsx"), "--title", "Workshop", "--respondent", "bib")
    assert done.returncode == 0, done.stderr
    assert "3 of 4 answered" in done.stdout
    assert _results(cli, "2") == expected

    answers = _csv(tmp_path / "svar.csv", HEADERS, ROWS)
    elements = _csv(tmp_path / "elementer.csv", ELEMENT_HEADERS, ELEMENT_ROWS)
    assert cli("survey", "import", "lokal", answers, elements, "--respondent", "Biblioteket").returncode == 0
    assert _results(cli, "3") == expected

    # by hand: 3 of the 4 invited answered; Kommunen and Foreningen name each other (confirmed), its
    # kinds are the union and its frequency the lower (weekly, daily -> weekly, strength 3); value
    # is the mean of every item both gave: (4 + 3 + 3 + 3 + 3) / 5 = 3.2, 80% of the maximum 4;
    # trust (4 + 4 + 3 + 4 + 3 + 4) / 6. Kommunen - Aftenskolen: both answered, one named it.
    assert expected["response"]["rate"] == 0.75
    ties = {(t["a"], t["b"]): t for t in expected["ties"]}
    confirmed = ties[("for", "kom")]
    assert confirmed["status"] == "confirmed" and confirmed["reported_by"] == ["for", "kom"]
    assert confirmed["kinds"] == ["collaboration", "personal"] and confirmed["strength"] == 3
    assert confirmed["value"] == pytest.approx(3.2) and confirmed["value_pct"] == pytest.approx(80)
    assert confirmed["trust"] == pytest.approx(22 / 6)
    assert ties[("aft", "kom")]["status"] == "one_sided" and ties[("aft", "kom")]["reported_by"] == ["kom"]
    assert ties[("aft", "bib")]["status"] == "non_respondent"
    assert ties[("kom", "new:frivilligcentret")]["status"] == "non_respondent"
    assert expected["actors"]["group:citizen"]["influence_median"] == 2  # the citizen only as a group
    assert survey.get_round(ws, "lokal", 2).closed  # a paper round's links never worked


@pytest.mark.parametrize(
    "case, rows, elements, where",
    [
        (
            "unknown respondent",
            [ROWS[0], ["Ukendt", "kom", "", "samarbejde", "dagligt", 1, 1, 1, 1, 1, 1, 1]],
            ELEMENT_ROWS,
            'svar.csv row 3: column "respondent": "Ukendt"',
        ),
        (
            "unknown partner",
            [ROWS[0], ROWS[1], ["for", "Borgerforeningen", "", "samarbejde", "dagligt", 1, 1, 1, 1, 1, 1, 1]],
            ELEMENT_ROWS,
            'svar.csv row 4: column "samarbejdspartner": "Borgerforeningen"',
        ),
        (
            "trust outside its scale",
            [ROWS[0], ["for", "kom", "", "samarbejde", "dagligt", 1, 1, 1, 5, 1, 1, 1]],
            ELEMENT_ROWS,
            'svar.csv row 3: column "pålidelighed": "5" is outside the scale 1 to 4',
        ),
        (
            "influence outside its scale",
            [["for", "kom", "", "samarbejde", "dagligt", 1, 1, 1, 1, 1, 1, 6]],
            ELEMENT_ROWS,
            'svar.csv row 2: column "indflydelse": "6" is outside the scale 0 to 5',
        ),
        (
            "duplicate row",
            [ROWS[0], ROWS[1], ["Kommunen", "for", "", "samarbejde", "dagligt", 1, 1, 1, 1, 1, 1, 1]],
            ELEMENT_ROWS,
            'svar.csv row 4: column "samarbejdspartner": this respondent and partner are given twice '
            "(first at svar.csv row 2)",
        ),
        (
            "element rating outside its scale",
            ROWS,
            [ELEMENT_ROWS[0], ["for", 3, 7, ""]],
            'elementer.csv row 3: column "vurdering": the rating "7" is outside the scale',
        ),
        (
            "duplicate element",
            ROWS,
            [ELEMENT_ROWS[0], ["kom", 1, 2, ""]],
            'elementer.csv row 3: column "nr": element 1 is given twice',
        ),
        (
            "unknown respondent of an element",
            ROWS,
            [ELEMENT_ROWS[0], ["nogen", 1, 2, ""]],
            'elementer.csv row 3: column "respondent": "nogen"',
        ),
    ],
)
def test_bad_input_is_one_line_naming_file_row_and_column_and_nothing_is_stored(
    ws, cli, tmp_path, case, rows, elements, where
):
    answers = _csv(tmp_path / "svar.csv", HEADERS, rows)
    element_file = _csv(tmp_path / "elementer.csv", ELEMENT_HEADERS, elements)
    done = cli("survey", "import", "lokal", answers, element_file)
    assert done.returncode == 2, case
    assert done.stdout == "" and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert done.stderr.startswith(where), done.stderr
    assert survey.rounds(ws, "lokal") == [] and ws.revision("lokal") == 1


def test_bad_input_in_a_workbook_names_the_sheet_in_danish(ws, cli, tmp_path):
    book = _xlsx(tmp_path / "svar.xlsx", elements=[["aft", 30, 2, ""]])
    done = cli("survey", "import", "lokal", book, "--lang", "da")
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1
    assert done.stderr.startswith('svar.xlsx ark elementer række 2: kolonne "nr": "30"'), done.stderr
    assert survey.rounds(ws, "lokal") == []


def _ties(net):
    return {(t.kind, *sorted((t.source, t.target)), t.strength) for t in net.ties}


def test_merge_shows_the_diff_and_saves_one_revision_with_the_chosen_ties(ws, cli, tmp_path):
    assert cli("survey", "import", "lokal", _xlsx(tmp_path / "svar.xlsx"), "--respondent", "bib").returncode == 0
    before = _ties(ws.load("lokal"))

    shown = cli("survey", "merge", "lokal", "1", "--one-sided", "Kommunen,Aftenskolen")
    assert shown.returncode == 0, shown.stderr
    assert "Aftenskolen \u2014 Kommunen (formal agreement)" in shown.stdout  # the diff, as `netmap diff` draws it
    assert "--yes" in shown.stdout and ws.revision("lokal") == 1  # shown, not saved

    done = cli("survey", "merge", "lokal", "1", "--one-sided", "kom,aft", "--yes")
    assert done.returncode == 0, done.stderr
    assert ws.count_revisions("lokal") == 2
    # by hand: the confirmed tie Kommunen - Foreningen (collaboration and personal, weekly: strength
    # 3; the collaboration was 1), and the one-sided Kommunen - Aftenskolen chosen (monthly: 2). Not
    # merged: Aftenskolen - Biblioteket and Kommunen - Frivilligcentret (their other side did not answer).
    assert _ties(ws.load("lokal")) - before == {
        ("collaboration", "for", "kom", 3.0),
        ("personal", "for", "kom", 3.0),
        ("formal_agreement", "aft", "kom", 2.0),
    }
    assert before - _ties(ws.load("lokal")) == {("collaboration", "for", "kom", 1.0)}
    assert [a.id for a in ws.load("lokal").actors] == ["kom", "for", "aft", "bib", "jens"]

    again = cli("survey", "merge", "lokal", "1", "--one-sided", "kom,aft", "--yes")
    assert again.returncode == 0 and ws.count_revisions("lokal") == 2  # the same merge twice: still one


def test_merge_refuses_a_tie_the_round_did_not_report_as_one_sided(ws, cli, tmp_path):
    assert cli("survey", "import", "lokal", _xlsx(tmp_path / "svar.xlsx")).returncode == 0
    done = cli("survey", "merge", "lokal", "1", "--one-sided", "kom,for", "--yes")
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1
    assert "Foreningen \u2013 Kommunen is not a one-sided tie" in done.stderr
    assert ws.count_revisions("lokal") == 1


def test_results_in_danish(ws, cli, tmp_path):
    assert cli("survey", "import", "lokal", _xlsx(tmp_path / "svar.xlsx"), "--respondent", "bib").returncode == 0
    done = cli("survey", "results", "lokal", "1", "--lang", "da")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "3 af 4 svarpersoner har svaret (75\xa0%)" in out
    assert "Uenighed er et fund, ikke støj" in out
    assert "værdi 3,20 (80\xa0%)" in out  # Kommunen - Foreningen, by hand as above, with a decimal comma
    assert "bekræftet" in out and "ensidig" in out
    # most disagreement first: element 1 (ratings 1, 3, 4) before element 2 (2, 2)
    assert out.index("1. Erfaringer med tværgående") < out.index("2. Gensidig")


def test_open_links_status_and_close(ws, cli):
    bad = cli("survey", "open", "lokal", "--title", "x", env={"NETMAP_PUBLIC_URL": "netmap.kommune.dk"})
    assert bad.returncode == 2 and "public_url" in bad.stderr and len(bad.stderr.splitlines()) == 1
    assert survey.rounds(ws, "lokal") == []  # refused before a round was opened
    done = cli("survey", "open", "lokal", "--title", "Efterår", "--date", "2026-11-01", "--expires", "2026-12-31")
    assert done.returncode == 0, done.stderr
    links = [line for line in done.stdout.splitlines() if "/?t=" in line]
    assert len(links) == 3  # the core: Kommunen, Foreningen, Aftenskolen
    assert "public_url" in done.stdout  # no address set: says how to set it
    token = links[0].rsplit("t=", 1)[1]
    assert survey.resolve(ws, token, today="2026-11-02") is not None

    with_url = cli(
        "survey",
        "links",
        "lokal",
        "1",
        "--respondent",
        "Kommunen",
        env={"NETMAP_PUBLIC_URL": "https://netmap.kommune.dk"},
    )
    assert with_url.returncode == 0, with_url.stderr
    assert "Kommunen (kom): https://netmap.kommune.dk/?t=" in with_url.stdout
    assert "public_url" not in with_url.stdout

    status = cli("survey", "status", "lokal", "1")
    assert status.returncode == 0 and "0 of 3 answered" in status.stdout
    assert cli("survey", "close", "lokal", "1").returncode == 0
    assert survey.get_round(ws, "lokal", 1).closed
    refused = cli("survey", "links", "lokal", "1")
    assert refused.returncode == 2 and "closed" in refused.stderr and len(refused.stderr.splitlines()) == 1
    missing = cli("survey", "status", "lokal", "9")
    assert missing.returncode == 2 and len(missing.stderr.splitlines()) == 1


def test_pseudonymised_results_hide_citizens_and_respondents(ws, cli, tmp_path):
    assert cli("survey", "import", "lokal", _xlsx(tmp_path / "svar.xlsx"), "--respondent", "bib").returncode == 0
    done = cli("survey", "results", "lokal", "1", "--json", "--pseudonymise")
    assert done.returncode == 0, done.stderr
    res = json.loads(done.stdout)
    assert "Jens" not in done.stdout and "Hansen" not in done.stdout  # the comment that named him too
    assert all(r.startswith("respondent-") for t in res["ties"] for r in t["reported_by"])
    assert all(r.startswith("respondent-") for r in res["respondents"])
    plain = _results(cli, "1")
    assert res["network"] == plain["network"] and res["response"] == plain["response"]


def test_the_filled_fredericia_example_gives_the_figures_its_readme_counts_by_hand(tmp_path, monkeypatch, cli):
    """sample_networks/README.md, section 5: the workbook and the two CSV files are one round."""
    from netmap.reading import read_network
    from tests.conftest import ROOT

    samples = ROOT / "sample_networks"
    monkeypatch.setenv("NETMAP_WORKSPACE", str(tmp_path / "ws.sqlite"))
    Workspace(tmp_path / "ws.sqlite").create("fredericia", read_network(samples / "fredericia"))
    book = cli("survey", "import", "fredericia", samples / "fredericia_survey.xlsx", "--respondent", "styregruppe")
    assert book.returncode == 0, book.stderr
    pair = cli(
        "survey",
        "import",
        "fredericia",
        samples / "fredericia_survey.csv",
        samples / "fredericia_survey_elementer.csv",
        "--respondent",
        "styregruppe",
    )
    assert pair.returncode == 0, pair.stderr
    results = [json.loads(cli("survey", "results", "fredericia", n, "--json").stdout) for n in (1, 2)]
    for r in results:
        r.pop("round")
    assert results[0] == results[1]
    res = results[0]
    assert (res["response"]["answered"], res["response"]["invited"]) == (4, 5)
    status = [t["status"] for t in res["ties"]]
    assert (status.count("confirmed"), status.count("one_sided"), status.count("non_respondent")) == (4, 1, 5)
    tie = next(t for t in res["ties"] if {t["a"], t["b"]} == {"koordinator", "kff"})
    assert tie["value"] == pytest.approx(3.5) and tie["trust"] == pytest.approx(4.0)
    assert [e["element"] for e in res["elements"][:5]] == [2, 9, 13, 16, 17]
    assert res["elements"][0]["spread"] == pytest.approx(0.7071, abs=1e-4)
    # the template itself reads as no answers: importing it says so in one line
    empty = cli("survey", "import", "fredericia", samples / "survey_template.xlsx")
    assert empty.returncode == 2 and "holds no answers" in empty.stderr


def test_export_writes_the_answers_as_the_template_and_they_read_back_as_the_same_round(ws, cli, tmp_path):
    web = _api_round(ws)
    out = tmp_path / "runde.xlsx"
    done = cli("survey", "export", "lokal", web, "-o", out, "--lang", "da")
    assert done.returncode == 0, done.stderr
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["svar", "elementer"]
    assert [c.value for c in book["svar"][1]] == HEADERS
    # Kommunen's tie to the new actor is written by name and sector, in Danish words
    assert ["kom", "Frivilligcentret", "civil", "samarbejde", "sjældnere"] in [
        [c.value for c in row[:5]] for row in book["svar"].iter_rows(min_row=2)
    ]
    again = cli("survey", "import", "lokal", out, "--respondent", "bib")
    assert again.returncode == 0, again.stderr
    expected = json.loads(json.dumps(survey.results(ws, "lokal", web)))
    expected.pop("round")
    assert _results(cli, "2") == expected


def test_pseudonymised_export_of_the_answers(ws, cli, tmp_path):
    web = _api_round(ws)
    out = tmp_path / "svar.json"
    done = cli("survey", "export", "lokal", web, "-o", out, "--pseudonymise")
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    doc = json.loads(text)
    assert "Jens" not in text and "Hansen" not in text
    assert len(doc["answers"]) == 3 and all(k.startswith("respondent-") for k in doc["answers"])
    assert doc["round"] == {"id": web, "date": "2026-11-01"}  # no title, no network name
    wrong = cli("survey", "export", "lokal", web, "-o", tmp_path / "svar.csv")
    assert wrong.returncode == 2 and "svar.csv" in wrong.stderr and len(wrong.stderr.splitlines()) == 1
