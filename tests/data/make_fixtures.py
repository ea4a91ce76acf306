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
    actors = ("id;navn;type;sektor;niveau;rækkevidde;partner;organisation;noter;kommune\r\n"
              "kff;Kultur- og Fritidsforvaltningen;forvaltning;offentlig;ledelse;kommunal;SAND;Fredericia Kommune;\"Første linje\r\nanden linje; med semikolon\";Fredericia\r\n"
              "aft;Aftenskolen Æblehaven;aftenskole;civilsamfund;udfører;lokal;ja;;;Fredericia\r\n"
              "bot;Botilbud Søbakken;botilbud;offentlig;drift;lokal;FALSK;;;Fredericia\r\n"
              "frv;Frivillige på Søbakken;frivillige;civil;udfører;lokal;nej;;;\r\n"
              "byr;Byrådet;byråd;offentlig;politisk;kommunal;0;;;Fredericia\r\n")
    ties = ("fra;til;type;styrke;rettet;noter\r\n"
            "kff;aft;personlig;2,5;FALSK;Personlig kontakt\r\n"
            "kff;bot;samarbejde;2;nej;\r\n"
            "aft;bot;formel aftale;3;nej;Aftenskole på botilbuddet\r\n"
            "frv;bot;samarbejde;1;nej;\r\n"
            "byr;kff;finansiering;3;SAND;Budgetforhandlinger\r\n")
    folder(GOOD, "danish_excel_cp1252", actors, ties, encoding="cp1252",
           actors_name="aktører.csv", ties_name="relationer.csv")
    folder(GOOD, "danish_excel_utf8_bom", actors, ties, encoding="utf-8-sig",
           actors_name="aktører.csv", ties_name="relationer.csv")
    # Unusual but valid text, kept exactly.
    unusual = [
        ("007", "Ældre Sagen – Øst & Å", "citizen"),
        ("NA", "NA", "civil"),
        ("None", "None", "civil"),
        ("emoji", "Frivillig 🎨🎭 café", "civil"),
        ("rtl", "مركز ثقافي עברית", "civil"),
        ("quotes", 'He said "hej"; \'ok\'', "public"),
        ("newline", "Line one\nline two", "public"),
        ("eq", "=SUM(A1:A2)", "public"),
        ("plus", "+45 12 34 56 78", "private"),
        ("minus", "-frivillig-", "civil"),
        ("at", "@kommune", "public"),
        ("quote_eq", "''=already quoted", "public"),  # a spreadsheet reads this as '=already quoted
    ]
    import csv, io
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
        w.writerow([a, b, "collaboration", "2", f"{a}->{b}; \"quoted\"\nnext line"])
    folder(GOOD, "unusual_text", buf.getvalue(), tbuf.getvalue())
    # --- bad: (folder or file) and the words the message must contain ----------------
    folder(BAD, "missing_column", "navn,sektor\nAlpha,public\n", TIES)
    folder(BAD, "empty_id", ACTORS + " ,Nobody,civil,operational,false\n", TIES)
    folder(BAD, "duplicate_id", ACTORS + "b,Beta again,civil,operational,false\n", TIES)
    folder(BAD, "unknown_actor", ACTORS, TIES + "a,c,collaboration,2\na,b,personal,2\nb,a,information,1\nc,a,referral,1\nlavuk2,a,collaboration,2\n",
           actors_name="aktører.csv", ties_name="relationer.csv")
    folder(BAD, "self_tie", ACTORS, TIES + "a,a,collaboration,2\n")
    folder(BAD, "strength_text", ACTORS, TIES + "a,c,collaboration,stærk\n")
    folder(BAD, "strength_range", ACTORS, TIES + "a,c,collaboration,5\n")
    folder(BAD, "unknown_sector", ACTORS + "d,Delta,kommune,operational,false\n", TIES)
    folder(BAD, "unknown_level", ACTORS + "d,Delta,public,chef,false\n", TIES)
    folder(BAD, "bad_partner", ACTORS + "d,Delta,public,operational,måske\n", TIES)
    folder(BAD, "duplicate_tie", ACTORS, TIES + "b,a,samarbejde,1\n")
    folder(BAD, "empty_file", "", TIES)
    folder(BAD, "binary_file", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", TIES)
    (BAD / "wrong_shape.json").write_text(json.dumps([{"id": "a"}]), encoding="utf-8")
    (BAD / "unknown_version.json").write_text(json.dumps({"netmap_version": 2, "actors": [], "ties": []}), encoding="utf-8")
    good_json = {"netmap_version": 1, "name": "t", "date": None,
                 "actors": [{"id": "a"}, {"id": "b"}], "ties": [{"source": "a", "target": "b"}]}
    (BAD / "truncated.json").write_text(json.dumps(good_json)[:-25], encoding="utf-8")
    bad_tie = dict(good_json, ties=[{"source": "a", "target": "b"}] * 1 + [{"source": "a", "target": "zz"}])
    (BAD / "json_unknown_actor.json").write_text(json.dumps(bad_tie), encoding="utf-8")
    (BAD / "not_a_workbook.xlsx").write_bytes(b"this is not a zip file")
    import openpyxl
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
