"""Write the input fixtures of tests/test_reading.py and tests/test_bad_input.py.

Run from the repository root: python tests/data/make_fixtures.py
The files are committed; this script says exactly how each was made.
"""

import json
import shutil
from pathlib import Path

HERE = Path(__file__).parent
GOOD, BAD = HERE / "good", HERE / "bad"

ACTORS = "id,name,sector,level,partner\na,Alpha,public,management,true\nb,Beta,civil,operational,false\nc,Gamma,citizen,operational,false\n"
TIES = "source,target,kind,strength\na,b,collaboration,2\nb,c,personal,3\n"


GEPHI = """<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <meta lastmodifieddate="2024-05-01"><creator>Gephi 0.10.1</creator></meta>
  <graph defaultedgetype="undirected" mode="static">
    <attributes class="node" mode="static"><attribute id="sektor" title="sektor" type="string"/></attributes>
    <nodes>
      <node id="0" label="Kultur- og Fritidsforvaltningen">
        <attvalues><attvalue for="sektor" value="offentlig"/></attvalues>
        <viz:size value="10.0"/><viz:position x="-120.5" y="44.25"/><viz:color r="153" g="0" b="0"/>
      </node>
      <node id="1" label="Aftenskole Øst">
        <attvalues><attvalue for="sektor" value="civil"/></attvalues>
        <viz:size value="10.0"/><viz:position x="80.0" y="-12.0"/><viz:color r="0" g="153" b="0"/>
      </node>
    </nodes>
    <edges><edge id="0" source="0" target="1" weight="3.0"/></edges>
  </graph>
</gexf>
"""


def folder(root, name, actors, ties, encoding="utf-8", actors_name="actors.csv", ties_name="ties.csv"):
    d = root / name
    d.mkdir(parents=True, exist_ok=True)
    for fname, text in ((actors_name, actors), (ties_name, ties)):
        data = text if isinstance(text, bytes) else text.encode(encoding)
        (d / fname).write_bytes(data)
    return d


def main():
    for root in (GOOD, BAD):
        shutil.rmtree(root, ignore_errors=True)
        root.mkdir()
    # --- good -----------------------------------------------------------------
    # Danish Excel "CSV (semikolonsepareret)": Windows-1252, ';', CRLF, Danish headers and
    # values, decimal comma, SAND/FALSK, a quoted field with a newline and a semicolon.
    actors = (
        "id;navn;type;sektor;niveau;rækkevidde;partner;organisation;noter;kommune\r\n"
        'kff;Kultur- og Fritidsforvaltningen;forvaltning;offentlig;ledelse;kommunal;SAND;Fredericia Kommune;"Første linje\r\nanden linje; med semikolon";Fredericia\r\n'
        "aft;Aftenskolen Æblehaven;aftenskole;civilsamfund;udfører;lokal;ja;;;Fredericia\r\n"
        "bot;Botilbud Søbakken;botilbud;offentlig;drift;lokal;FALSK;;;Fredericia\r\n"
        "frv;Frivillige på Søbakken;frivillige;civil;udfører;lokal;nej;;;\r\n"
        "byr;Byrådet;byråd;offentlig;politisk;kommunal;0;;;Fredericia\r\n"
    )
    ties = (
        "fra;til;type;styrke;rettet;noter\r\n"
        "kff;aft;personlig;2,5;FALSK;Personlig kontakt\r\n"
        "kff;bot;samarbejde;2;nej;\r\n"
        "aft;bot;formel aftale;3;nej;Aftenskole på botilbuddet\r\n"
        "frv;bot;samarbejde;1;nej;\r\n"
        "byr;kff;finansiering;3;SAND;Budgetforhandlinger\r\n"
    )
    folder(
        GOOD,
        "danish_excel_cp1252",
        actors,
        ties,
        encoding="cp1252",
        actors_name="aktører.csv",
        ties_name="relationer.csv",
    )
    folder(
        GOOD,
        "danish_excel_utf8_bom",
        actors,
        ties,
        encoding="utf-8-sig",
        actors_name="aktører.csv",
        ties_name="relationer.csv",
    )
    # Unusual but valid text, kept exactly.
    unusual = [
        ("007", "Ældre Sagen – Øst & Å", "citizen"),
        ("NA", "NA", "civil"),
        ("None", "None", "civil"),
        ("emoji", "Frivillig 🎨🎭 café", "civil"),
        ("rtl", "مركز ثقافي עברית", "civil"),
        ("quotes", "He said \"hej\"; 'ok'", "public"),
        ("newline", "Line one\nline two", "public"),
        ("eq", "=SUM(A1:A2)", "public"),
        ("plus", "+45 12 34 56 78", "private"),
        ("minus", "-frivillig-", "civil"),
        ("at", "@kommune", "public"),
        ("quote_eq", "''=already quoted", "public"),  # a spreadsheet reads this as '=already quoted
    ]
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(["id", "name", "sector", "level", "notes", "farve"])
    for i, (aid, name, sector) in enumerate(unusual):
        w.writerow([aid, name, sector, "operational", f"note {i}: {name}", "=1+1" if i == 0 else ""])
    tbuf = io.StringIO()
    w = csv.writer(tbuf, lineterminator="\r\n")
    w.writerow(["source", "target", "kind", "strength", "notes"])
    ids = [u[0] for u in unusual]
    for a, b in zip(ids, ids[1:]):
        w.writerow([a, b, "collaboration", "2", f'{a}->{b}; "quoted"\nnext line'])
    folder(GOOD, "unusual_text", buf.getvalue(), tbuf.getvalue())
    # --- bad: (folder or file) and the words the message must contain ----------------
    folder(BAD, "missing_column", "betegnelse,sektor\nAlpha,public\n", TIES)
    folder(BAD, "empty_id", ACTORS + " ,Nobody,civil,operational,false\n", TIES)
    folder(BAD, "duplicate_id", ACTORS + "b,Beta again,civil,operational,false\n", TIES)
    folder(
        BAD,
        "unknown_actor",
        ACTORS,
        TIES + "a,c,collaboration,2\na,b,personal,2\nb,a,information,1\nc,a,referral,1\nlavuk2,a,collaboration,2\n",
        actors_name="aktører.csv",
        ties_name="relationer.csv",
    )
    folder(BAD, "self_tie", ACTORS, TIES + "a,a,collaboration,2\n")
    folder(BAD, "strength_text", ACTORS, TIES + "a,c,collaboration,stærk\n")
    folder(BAD, "strength_range", ACTORS, TIES + "a,c,collaboration,5\n")
    # A tie status that is neither active nor planned (aktiv / planlagt).
    folder(
        BAD,
        "bad_status",
        ACTORS,
        "source,target,kind,strength,status\na,b,collaboration,2,planlagt\nb,c,personal,3,måske\n",
    )
    folder(BAD, "unknown_sector", ACTORS + "d,Delta,kommune,operational,false\n", TIES)
    folder(BAD, "unknown_level", ACTORS + "d,Delta,public,chef,false\n", TIES)
    folder(BAD, "bad_partner", ACTORS + "d,Delta,public,operational,måske\n", TIES)
    folder(BAD, "duplicate_tie", ACTORS, TIES + "b,a,samarbejde,1\n")
    folder(BAD, "empty_file", "", TIES)
    folder(BAD, "binary_file", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", TIES)
    (BAD / "wrong_shape.json").write_text(json.dumps([{"id": "a"}]), encoding="utf-8")
    (BAD / "unknown_version.json").write_text(
        json.dumps({"netmap_version": 2, "actors": [], "ties": []}), encoding="utf-8"
    )
    good_json = {
        "netmap_version": 1,
        "name": "t",
        "date": None,
        "actors": [{"id": "a"}, {"id": "b"}],
        "ties": [{"source": "a", "target": "b"}],
    }
    (BAD / "truncated.json").write_text(json.dumps(good_json)[:-25], encoding="utf-8")
    bad_tie = dict(good_json, ties=[{"source": "a", "target": "b"}] * 1 + [{"source": "a", "target": "zz"}])
    (BAD / "json_unknown_actor.json").write_text(json.dumps(bad_tie), encoding="utf-8")
    (BAD / "not_a_workbook.xlsx").write_bytes(b"this is not a zip file")
    import openpyxl

    folder(
        BAD,
        "unknown_scope",
        ACTORS.replace("partner\n", "partner,scope\n", 1).replace("true\n", "true,lokal\n", 1)
        + "d,Delta,public,operational,false,verden\n",
        TIES,
    )
    folder(BAD, "duplicate_header", "id,name,navn\na,Alpha,Alfa\n", TIES)
    folder(BAD, "unclosed_quote", 'id,name\na,"Alpha\nb,Beta\n', TIES)
    folder(BAD, "directed_and_undirected", ACTORS, TIES + "a,b,collaboration,2\n".replace("2\n", "2\n"))
    (BAD / "directed_and_undirected" / "ties.csv").write_text(
        "source,target,kind,directed\na,b,collaboration,false\na,b,collaboration,true\n", encoding="utf-8"
    )
    (BAD / "actors_not_list.json").write_text(
        json.dumps({"netmap_version": 1, "actors": None, "ties": []}), encoding="utf-8"
    )
    (BAD / "bad_date.json").write_text(json.dumps(dict(good_json, date="last tuesday")), encoding="utf-8")
    (BAD / "object_id.json").write_text(
        json.dumps(dict(good_json, actors=[{"id": {"k": 1}}, {"id": "b"}])), encoding="utf-8"
    )
    wb = openpyxl.Workbook()
    wb.active.title = "aktører"
    wb.active.append(["id", "navn"])
    wb.active.append(["a", "A"])
    wb.save(BAD / "one_sheet.xlsx")
    # Good: every field and custom attribute kind a round trip must keep (hand-written).
    rich = {
        "netmap_version": 1,
        "name": "Rig prøve",
        "date": "2024-05-01",
        "actors": [
            {
                "id": "a",
                "name": "Ålborg Aftenskole",
                "kind": "aftenskole",
                "sector": "civil",
                "level": "management",
                "scope": "municipal",
                "partner": True,
                "organisation": "FOF",
                "notes": "linje 1\nlinje 2",
                "x": 1.25,
                "y": -3.5,
                "attributes": {
                    "postnr": "0800",
                    "Type": "custom type",
                    "sector": "shadow",
                    "=1+1": "formula header",
                    "medlem": True,
                    "antal": 7,
                },
            },
            {
                "id": "b",
                "name": "b",
                "kind": "",
                "sector": "public",
                "level": "operational",
                "scope": "local",
                "partner": False,
                "organisation": "",
                "notes": "",
                "x": 10.0,
                "y": 0.5,
                "attributes": {"postnr": "", "Type": "", "sector": "", "=1+1": "", "medlem": False, "antal": 0},
            },
        ],
        "ties": [
            {
                "source": "a",
                "target": "b",
                "kind": "personal",
                "strength": 1.5,
                "directed": False,
                "status": "active",
                "notes": "",
                "attributes": {"siden": "2019", "label": "tie label"},
            },
            {
                "source": "b",
                "target": "a",
                "kind": "funding",
                "strength": 3,
                "directed": True,
                "status": "planned",
                "notes": "kr.",
                "attributes": {"siden": "", "label": ""},
            },
        ],
    }
    (GOOD / "rich.json").write_text(json.dumps(rich, ensure_ascii=False, indent=1), encoding="utf-8")
    # A GEXF as Gephi saves it: positions in viz:position, a weight, labels, no netmap fields.
    (GOOD / "gephi.gexf").write_text(GEPHI, encoding="utf-8")
    wb = openpyxl.Workbook()
    wb.active.title = "Ark1"
    wb.active.append(["id", "name"])
    wb.save(BAD / "no_sheets.xlsx")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "aktører"
    for row in [["id", "navn", "sektor"], ["a", "A", "offentlig"], ["b", "B", "civil"]]:
        ws.append(row)
    ws = wb.create_sheet("relationer")
    for row in [["fra", "til", "styrke"], ["a", "b", 2], ["a", "b", 9]]:
        ws.append(row)
    wb.save(BAD / "xlsx_strength.xlsx")


if __name__ == "__main__":
    main()
