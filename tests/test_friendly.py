"""Files as people have them: unknown columns said, the words people use, hints for the usual mistakes.

Every case goes through the command line's entry point (in-process); errors are exit 2 and one line.
"""

import json
import shutil
from pathlib import Path

import openpyxl
import pytest

from netmap import read_network, to_json, write_network
from netmap.present.report import warning_text

ROOT = Path(__file__).parent.parent
DATA = Path(__file__).parent / "data" / "friendly"
TEMPLATE = ROOT / "sample_networks" / "skabelon"
SAMPLES = ROOT / "sample_networks"


def one_line_error(result):
    status, out, err = result
    assert status == 2 and out == "", result
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    return err.strip()


def csv_pair(folder, actors, ties):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "aktører.csv").write_text(actors, encoding="utf-8-sig")
    (folder / "relationer.csv").write_text(ties, encoding="utf-8-sig")
    return folder


def same(a, b):
    """The same network, names of the networks aside; ties in any order (GraphML and GEXF group them by actor)."""
    a, b = to_json(a), to_json(b)
    for doc in (a, b):
        doc["name"] = ""
        doc["ties"] = sorted(json.dumps(t, sort_keys=True, ensure_ascii=False) for t in doc["ties"])
    return json.dumps(a, sort_keys=True, ensure_ascii=False) == json.dumps(b, sort_keys=True, ensure_ascii=False)


# --- Say what was not understood ---------------------------------------------------------------


def test_a_header_typo_is_said_once_with_the_nearest_field(cli_inprocess):
    status, out, err = cli_inprocess("validate", DATA / "header_typo")
    assert status == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == (
        "aktører.csv: column `nanv` is not a netmap field; kept as a custom attribute. Did you mean `navn` (name)?"
    )
    assert lines[1].startswith("aktører.csv: column `secktor` is not a netmap field") and "`sektor` (sector)" in out
    assert sum("`nanv`" in line for line in lines) == 1
    assert lines[-1] == "header_typo: 2 actors, 1 tie, 4 warnings"


def test_unknown_columns_reach_analyze_and_the_returned_network(cli_inprocess):
    net = read_network(DATA / "header_typo")
    assert [w["code"] for w in net.warnings][:2] == ["UNKNOWN_COLUMN", "UNKNOWN_COLUMN"]
    assert net.actor("anne").attributes == {"nanv": "Anne Ærø", "secktor": "offentlig"}
    status, out, _ = cli_inprocess("analyze", DATA / "header_typo", "--json")
    assert status == 0
    warnings = json.loads(out)["warnings"]
    assert sum("`nanv`" in w for w in warnings) == 1
    status, out, _ = cli_inprocess("analyze", DATA / "header_typo", "--lang", "da")
    assert "kolonnen `nanv` er ikke et netmap-felt; gemt som en egen egenskab. Mente du `navn`?" in out


def test_a_custom_column_without_a_near_field_is_said_without_a_guess(tmp_path, cli_inprocess):
    folder = csv_pair(tmp_path / "n", "id;navn;sektor;kommune\na;A;civil;Vejle\n", "fra;til\n")
    status, out, _ = cli_inprocess("validate", folder)
    assert status == 0
    assert out.splitlines() == [
        "aktører.csv: column `kommune` is not a netmap field; kept as a custom attribute.",
        "n: 1 actor, 0 ties, 1 warning",
    ]


def test_unknown_columns_in_xlsx_and_json(tmp_path, cli_inprocess):
    wb = openpyxl.Workbook()
    wb.active.title = "aktører"
    wb.active.append(["id", "navn", "nivaeu"])
    wb.active.append(["a", "A", "ledelse"])
    ws = wb.create_sheet("relationer")
    ws.append(["fra", "til", "styrk"])
    wb.save(tmp_path / "n.xlsx")
    status, out, _ = cli_inprocess("validate", tmp_path / "n.xlsx")
    assert status == 0
    assert "n.xlsx aktører: column `nivaeu` is not a netmap field; kept as a custom attribute." in out
    assert "Did you mean `niveau` (level)?" in out and "Did you mean `styrke` (strength)?" in out
    doc = {"netmap_version": 1, "actors": [{"id": "a", "nmae": "A"}, {"id": "b", "nmae": "B"}], "ties": []}
    (tmp_path / "n.json").write_text(json.dumps(doc), encoding="utf-8")
    status, out, _ = cli_inprocess("validate", tmp_path / "n.json")
    assert out.count("`nmae`") == 1 and "Did you mean `name`?" in out
    assert out.endswith("n: 2 actors, 0 ties, 3 warnings\n")


def test_netmaps_own_files_and_explicit_custom_columns_say_nothing(tmp_path, cli_inprocess):
    net = read_network(TEMPLATE)
    net.actors[0].attributes["attr_x"] = "1"
    for out in ("n.json", "n.xlsx", "csv"):
        write_network(net, tmp_path / out, lang="da")
    assert read_network(tmp_path / "n.json").warnings == []
    folder = csv_pair(tmp_path / "x", "id;attr:kommune\na;Vejle\n", "fra;til\n")
    assert [w["code"] for w in read_network(folder).warnings] == ["UNKNOWN_SECTOR"]


@pytest.mark.parametrize(
    "case, message",
    [
        (
            "required_typo",
            'aktører.csv: column "idd" is not a netmap field; did you mean "id"? The column "id" is required',
        ),
        ("tie_end_typo", 'relationer.csv: column "måll" is not a netmap field; did you mean "mål"?'),
    ],
)
def test_a_near_miss_of_a_required_column_is_an_error(case, message, cli_inprocess):
    assert one_line_error(cli_inprocess("validate", DATA / case)).startswith(message)
    err = one_line_error(cli_inprocess("validate", DATA / case, "--lang", "da"))
    assert "er ikke et netmap-felt; mente du" in err


@pytest.mark.parametrize("lang, expected", [("en", "no problems"), ("da", "ingen problemer")])
def test_validate_ends_with_a_summary_line(lang, expected, cli_inprocess):
    status, out, _ = cli_inprocess("validate", SAMPLES / "fredericia", "--lang", lang)
    actors, ties = (
        ("18 actors", "36 ties (3 planned)") if lang == "en" else ("18 aktører", "36 relationer (3 planlagte)")
    )
    assert status == 0 and out == f"fredericia: {actors}, {ties}, {expected}\n"


def test_validate_summary_counts_warnings_in_both_languages(tmp_path, cli_inprocess):
    one = csv_pair(tmp_path / "one", "id;navn\na;A\n", "fra;til\n")
    assert cli_inprocess("validate", one)[1].splitlines()[-1] == "one: 1 actor, 0 ties, 1 warning"
    assert (
        cli_inprocess("validate", one, "--lang", "da")[1].splitlines()[-1] == "one: 1 aktør, 0 relationer, 1 advarsel"
    )
    two = csv_pair(tmp_path / "two", "id;navn\na;A\nb;B\n", "fra;til\na;b\n")
    assert cli_inprocess("validate", two, "--lang", "da")[1].splitlines()[-1] == (
        "two: 2 aktører, 1 relation, 2 advarsler"
    )


# --- The words people use ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "source, target",
    [
        ("source", "target"),
        ("from", "to"),
        ("fra", "til"),
        ("Kilde", "Mål"),
        ("KILDE", "MÅL"),
        ("afsender", "modtager"),
        (" Fra ", " Til "),
        ("kilde", "ma\u030al"),  # "mål" with a combining ring, as some Macs save it
    ],
)
def test_tie_ends_accept_the_words_people_use(tmp_path, source, target, cli_inprocess):
    folder = csv_pair(tmp_path / "n", "id;navn;sektor\na;A;civil\nb;B;offentlig\n", f"{source};{target}\na;b\n")
    status, out, err = cli_inprocess("validate", folder)
    assert (status, err) == (0, "") and out == "n: 2 actors, 1 tie, no problems\n"
    assert [(t.source, t.target) for t in read_network(folder).ties] == [("a", "b")]


def test_tie_ends_may_name_actors_and_an_id_wins(cli_inprocess):
    net = read_network(DATA / "names_as_ends")
    assert [(t.source, t.target) for t in net.ties] == [("laer", "kff"), ("kff", "bot"), ("Anne", "laer")]
    status, out, _ = cli_inprocess("validate", DATA / "names_as_ends")
    assert status == 0 and out == "names_as_ends: 5 actors, 3 ties, no problems\n"


def test_an_ambiguous_name_lists_the_candidates(cli_inprocess):
    err = one_line_error(cli_inprocess("validate", DATA / "ambiguous_name"))
    assert err == (
        'relationer.csv row 2: column "fra": several actors are named "Borgerne" (ids: b1, b2); write the id instead'
    )
    err = one_line_error(cli_inprocess("validate", DATA / "ambiguous_name", "--lang", "da"))
    assert "flere aktører hedder" in err and "b1, b2" in err


def test_an_end_that_is_no_id_and_no_name(tmp_path, cli_inprocess):
    folder = csv_pair(tmp_path / "n", "id;navn\na;A\nb;B\n", "kilde;mål\na;Bente\n")
    err = one_line_error(cli_inprocess("validate", folder))
    assert err == 'relationer.csv row 2: column "mål": "Bente" is not an actor id or name'


def test_group_colour_and_size_by_take_danish_names(tmp_path, cli_inprocess):
    status, out, _ = cli_inprocess("analyze", SAMPLES / "fredericia", "--group-by", "niveau", "--json")
    assert status == 0 and json.loads(out)["network"]["group_by"] == "level"
    for word, field in (
        ("Sektor", "sector"),
        ("rækkevidde", "scope"),
        ("type", "kind"),
        ("organisation", "organisation"),
    ):
        status, out, _ = cli_inprocess("analyze", SAMPLES / "fredericia", "--group-by", word, "--json")
        assert status == 0 and json.loads(out)["network"]["group_by"] == field
    status, out, _ = cli_inprocess("diff", SAMPLES / "fredericia", SAMPLES / "fredericia", "--group-by", "niveau")
    assert status == 0
    for size in ("grad", "brobygning", "mellemhed", "degree"):
        status, _, err = cli_inprocess(
            "export", SAMPLES / "fredericia", "-o", tmp_path / "m.html", "--color-by", "sektor", "--size-by", size
        )
        assert status == 0, err
    err = one_line_error(
        cli_inprocess("export", SAMPLES / "fredericia", "-o", tmp_path / "m.html", "--size-by", "fame")
    )
    assert '"fame"' in err and "degree" in err


def test_convert_lang_da_writes_danish_headers_and_values(tmp_path, cli_inprocess):
    assert cli_inprocess("convert", SAMPLES / "fredericia", "-o", tmp_path / "da", "--lang", "da")[0] == 0
    actors = (tmp_path / "da" / "aktører.csv").read_bytes()
    assert actors.startswith("\ufeffid;navn;type;sektor;niveau;rækkevidde;partner;organisation;noter\r\n".encode())
    text = actors.decode("utf-8-sig")
    assert ";offentlig;ledelse;kommunal;ja;" in text and ";nej;" in text and "public" not in text
    ties = (tmp_path / "da" / "relationer.csv").read_bytes().decode("utf-8-sig")
    assert ties.startswith("fra;til;type;styrke;rettet;status;noter\r\n") and ";nej;aktiv;" in ties
    assert ";ja;planlagt;" in ties  # a planned tie, in Danish
    assert cli_inprocess("convert", SAMPLES / "fredericia", "-o", tmp_path / "da.xlsx", "--lang", "da")[0] == 0
    wb = openpyxl.load_workbook(tmp_path / "da.xlsx")
    assert wb.sheetnames[:2] == ["aktører", "relationer"]
    assert [c.value for c in wb["aktører"][1]][:3] == ["id", "navn", "type"]
    assert [c.value for c in wb["aktører"][2]][3:7] == ["offentlig", "ledelse", "kommunal", "ja"]
    assert [c.value for c in wb["relationer"][1]][:2] == ["fra", "til"]
    original = read_network(SAMPLES / "fredericia")
    for out in ("da", "da.xlsx"):
        back = read_network(tmp_path / out)
        assert same(back, original) and back.warnings == original.warnings


def test_a_csv_folder_in_the_other_language_is_not_mixed(tmp_path, cli_inprocess):
    """A folder holding both actors.csv and aktører.csv would be read as one of them: refused."""
    assert cli_inprocess("convert", TEMPLATE, "-o", tmp_path / "en", "--lang", "en")[0] == 0
    assert cli_inprocess("convert", TEMPLATE, "-o", tmp_path / "en", "--lang", "en")[0] == 0  # same language: fine
    err = one_line_error(cli_inprocess("convert", TEMPLATE, "-o", tmp_path / "en", "--lang", "da"))
    assert "actors.csv, ties.csv" in err and "på et andet sprog" in err
    assert cli_inprocess("convert", TEMPLATE, "-o", tmp_path / "da", "--lang", "da")[0] == 0
    err = one_line_error(cli_inprocess("convert", TEMPLATE, "-o", tmp_path / "da", "--lang", "en"))
    assert "aktører.csv, relationer.csv" in err and "another language" in err
    assert sorted(p.name for p in (tmp_path / "da").iterdir()) == ["aktører.csv", "relationer.csv"]


# --- The Danish template -----------------------------------------------------------------------


def test_the_template_is_as_danish_excel_saves_it():
    for name in ("aktører.csv", "relationer.csv"):
        data = (TEMPLATE / name).read_bytes()
        assert data.startswith(b"\xef\xbb\xbf") and data.endswith(b"\r\n")
        lines = data[3:].split(b"\r\n")[:-1]
        assert all(b"\n" not in line and b";" in line for line in lines)
        data.decode("utf-8")
    header = (TEMPLATE / "relationer.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith("fra;til;")
    net = read_network(TEMPLATE)
    assert net.warnings == [] and net.name == "skabelon" and net.core
    assert same(read_network(TEMPLATE / "skabelon.xlsx"), net)


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("out", ["n.json", "n.xlsx", "csv", "n.graphml", "n.gexf"])
def test_the_template_round_trips_through_every_format(tmp_path, out, lang, cli_inprocess):
    net = read_network(TEMPLATE)
    status, _, err = cli_inprocess("convert", TEMPLATE, "-o", tmp_path / out, "--lang", lang)
    assert status == 0, err
    back = read_network(tmp_path / out)
    assert [a.__dict__ for a in back.actors] == [a.__dict__ for a in net.actors]
    ties, back_ties = ([t.__dict__ for t in n.ties] for n in (net, back))
    if out.endswith((".graphml", ".gexf")):  # graph files keep each actor's ties together
        ties, back_ties = (sorted(x, key=lambda d: json.dumps(d, sort_keys=True)) for x in (ties, back_ties))
    assert back_ties == ties
    assert back.warnings == []
    # and again: what netmap wrote, written again, is the same network
    status, _, err = cli_inprocess("convert", tmp_path / out, "-o", tmp_path / "again.json", "--lang", lang)
    assert status == 0 and same(read_network(tmp_path / "again.json"), net)
    status, out_text, _ = cli_inprocess("validate", tmp_path / out, "--lang", lang)
    assert status == 0 and out_text.endswith(("no problems\n", "ingen problemer\n"))


def test_the_template_xlsx_round_trips_in_danish(tmp_path, cli_inprocess):
    assert cli_inprocess("convert", TEMPLATE / "skabelon.xlsx", "-o", tmp_path / "n.xlsx", "--lang", "da")[0] == 0
    assert same(read_network(tmp_path / "n.xlsx"), read_network(TEMPLATE / "skabelon.xlsx"))
    shutil.copytree(TEMPLATE, tmp_path / "kopi")
    assert cli_inprocess("convert", tmp_path / "kopi", "-o", tmp_path / "kopi", "--lang", "da")[0] == 0
    assert same(read_network(tmp_path / "kopi"), read_network(TEMPLATE))


# --- diff in names -----------------------------------------------------------------------------


def test_diff_prints_names_and_lists_changed_actors(tmp_path, cli_inprocess):
    old = read_network(SAMPLES / "copenhagen")
    new = read_network(SAMPLES / "copenhagen")
    hub = new.actors[0]
    new.ties = [t for t in new.ties if hub.id not in (t.source, t.target)]
    new.actors[1].name = "Ny koordinator"
    write_network(old, tmp_path / "old.json")
    write_network(new, tmp_path / "new.json")
    status, out, _ = cli_inprocess("diff", tmp_path / "old.json", tmp_path / "new.json")
    assert status == 0
    removed = [x for x in out.splitlines() if x.startswith("  - ")]
    assert removed and all(hub.name in x and hub.id not in x.replace(hub.name, "") for x in removed)
    assert f"  ~ Ny koordinator: Name: {old.actors[1].name} \u2192 Ny koordinator" in out
    line = next(x for x in out.splitlines() if x.startswith("Actors whose degree"))
    assert hub.name in line and "(+" in line and hub.id + ";" not in line
    status, out, _ = cli_inprocess("diff", tmp_path / "old.json", tmp_path / "new.json", "--lang", "da")
    assert "Aktører, hvis grad, brobygning eller rækkevidde ændrede sig" in out
    assert f"  ~ Ny koordinator: Navn: {old.actors[1].name} \u2192 Ny koordinator" in out
    status, out, _ = cli_inprocess("diff", tmp_path / "old.json", tmp_path / "old.json")
    assert "Actors whose degree, brokerage or reach changed (0): none" in out


# --- Hints for the usual mistakes --------------------------------------------------------------


def test_swapped_files(cli_inprocess):
    err = one_line_error(
        cli_inprocess("validate", DATA / "swapped" / "relationer.csv", DATA / "swapped" / "aktører.csv")
    )
    assert err == "relationer.csv: these look like ties; give the actors file first"
    err = one_line_error(
        cli_inprocess("validate", DATA / "swapped" / "relationer.csv", DATA / "swapped" / "aktører.csv", "--lang", "da")
    )
    assert err == "relationer.csv: det her ligner relationer; angiv aktørfilen først"


@pytest.mark.parametrize(
    "name, words",
    [("old_excel.xls", "Excel Workbook (.xlsx)"), ("calc.ods", "LibreOffice Calc"), ("apple.numbers", "Export To")],
)
def test_spreadsheets_netmap_does_not_read_say_how_to_save_them(name, words, cli_inprocess):
    err = one_line_error(cli_inprocess("validate", DATA / name))
    assert err.startswith(f"{name}: this is ") and words in err and "CSV" in err
    err = one_line_error(cli_inprocess("validate", DATA / name, DATA / "swapped" / "relationer.csv"))
    assert err.startswith(f"{name}: this is ")


def test_utf8_with_a_foreign_byte_names_line_and_column(cli_inprocess):
    err = one_line_error(cli_inprocess("validate", DATA / "mixed_utf8"))
    assert err == (
        "aktører.csv: line 3, column 8: the byte 0xF8 is not UTF-8, but the rest of the file is; "
        "fix that character, or save the file again as CSV UTF-8"
    )
    err = one_line_error(cli_inprocess("validate", DATA / "mixed_utf8", "--lang", "da"))
    assert err.startswith("aktører.csv: linje 3, kolonne 8: byten 0xF8 er ikke UTF-8")


def test_a_bom_and_a_foreign_byte_is_mixed_too(tmp_path, cli_inprocess):
    folder = tmp_path / "n"
    folder.mkdir()
    (folder / "actors.csv").write_bytes(b"\xef\xbb\xbfid;name\r\na;B\xf8rge\r\n")
    (folder / "ties.csv").write_bytes(b"source;target\r\n")
    assert "line 2, column 4: the byte 0xF8" in one_line_error(cli_inprocess("validate", folder))


def test_windows_1252_as_danish_excel_saves_it_still_reads(cli_inprocess):
    net = read_network(DATA / "ansi")
    assert net.actor("soren").name == "Søren Ærø" and net.actor("borge").name == "Børge Åby"
    assert cli_inprocess("validate", DATA / "ansi")[0] == 0


def test_warning_text_of_an_unknown_column_without_a_where():
    w = {"code": "UNKNOWN_COLUMN", "where": None, "params": {"column": "x1", "suggestion": "", "field": ""}}
    assert warning_text(w, "da") == "kolonnen `x1` er ikke et netmap-felt; gemt som en egen egenskab."


def test_a_custom_attribute_named_like_a_field_word_is_still_the_attribute(tmp_path, cli_inprocess):
    net = read_network(TEMPLATE)
    for i, a in enumerate(net.actors):
        a.attributes["Grad"] = str(i % 2)
    write_network(net, tmp_path / "n.json")
    status, out, _ = cli_inprocess("analyze", tmp_path / "n.json", "--group-by", "Grad", "--json")
    assert status == 0 and json.loads(out)["network"]["group_by"] == "Grad"
    status, out, _ = cli_inprocess("analyze", tmp_path / "n.json", "--group-by", "SEKTOR", "--json")
    assert json.loads(out)["network"]["group_by"] == "sector"


def test_a_name_typed_on_a_mac_matches(tmp_path, cli_inprocess):
    folder = csv_pair(tmp_path / "n", "id;navn\na;Åby Skole\nb;B\n", "fra;til\nA\u030aby skole;b\n")
    assert cli_inprocess("validate", folder)[0] == 0
    assert read_network(folder).ties[0].source == "a"


def test_a_header_typo_is_named_with_the_error_it_causes(tmp_path, cli_inprocess):
    """Found by review: with `nanv` for `navn`, a tie naming an actor failed and the hint was lost."""
    import shutil

    folder = tmp_path / "nanv"
    shutil.copytree(SAMPLES / "skabelon", folder)
    path = folder / "aktører.csv"
    path.write_bytes(path.read_bytes().replace(b"navn", b"nanv", 1))
    status, out, err = cli_inprocess("validate", folder, "--lang", "da")
    lines = err.strip().splitlines()
    assert status == 2 and len(lines) == 2
    assert "er ikke et aktør-id eller et aktørnavn" in lines[0] and "Mente du `navn`?" in lines[1]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["analyze", "--group-by", "nivaeu"], "brug en af: sektor, niveau, rækkevidde, type, organisation, partner"),
        (["export", "-o", "x.html", "--size-by", "foo"], "brug en af: grad, mellemhed, brobygning"),
        (["export", "-o", "x.html", "--color-by", "farve"], "brug en af: sektor, niveau"),
    ],
)
def test_option_choices_are_listed_in_the_users_language(tmp_path, cli_inprocess, args, words, monkeypatch):
    """The choices a Danish user is told are the words the option takes in Danish (found by review)."""
    monkeypatch.chdir(tmp_path)
    command, *rest = args
    status, out, err = cli_inprocess(command, SAMPLES / "fredericia", *rest, "--lang", "da")
    assert status == 2 and words in err and len(err.strip().splitlines()) == 1
