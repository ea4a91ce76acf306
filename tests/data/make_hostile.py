"""Write the attack files of issue 9 ("tried as an attacker would") into a folder.

Used by tests/test_hostile.py (into a temporary folder) and benchmarks/bench_hostile.py; none of
these files is committed, since some are large or are pipes and links. By hand:

    python tests/data/make_hostile.py OUT_FOLDER [--bomb-mb 1000]

Each function writes one case and returns its path (the input to give netmap).
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
import zipfile
from pathlib import Path

ACTORS = [["id", "name", "sector"], ["a", "Alpha", "public"], ["b", "Beta", "civil"]]
TIES = [["source", "target"], ["a", "b"]]


def _workbook():
    """A small valid workbook (sheets actors and ties) as bytes, made by openpyxl."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "actors"
    for row in ACTORS:
        ws.append(row)
    ws = wb.create_sheet("ties")
    for row in TIES:
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _rezip(data, change, out, level=9):
    """Copy the workbook ``data`` to ``out``, passing each part's bytes through ``change(name, bytes)``.

    ``change`` may return bytes or an iterator of byte chunks (written as they come).
    """
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as dst,
    ):
        for info in src.infolist():
            body = change(info.filename, src.read(info))
            if isinstance(body, bytes):
                dst.writestr(info.filename, body)
            else:
                with dst.open(info.filename, "w", force_zip64=True) as fh:
                    for chunk in body:
                        fh.write(chunk)
    return out


def _actors_sheet(name):
    return name == "xl/worksheets/sheet1.xml"


def dimension_xlsx(folder):
    """A few-KB workbook whose actors sheet declares A1:XFD1048576 (17 billion cells)."""
    return _rezip(
        _workbook(),
        lambda n, b: (
            re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', b) if _actors_sheet(n) else b
        ),
        Path(folder) / "dimension.xlsx",
    )


def bomb_xlsx(folder, megabytes=200):
    """A zip bomb: the actors sheet unpacks to ``megabytes`` MB of identical rows (about 1000 to 1)."""
    row = b'<row><c t="inlineStr"><is><t>x</t></is></c><c t="inlineStr"><is><t>y</t></is></c></row>'
    block = row * ((1 << 20) // len(row))

    def change(name, body):
        if not _actors_sheet(name):
            return body
        head, _sep, rows = body.partition(b"<sheetData>")
        rows = rows.partition(b"</sheetData>")[0]

        def chunks():  # the real rows first, then the padding, no <dimension> to give it away
            yield re.sub(rb"<dimension[^>]*/>", b"", head) + b"<sheetData>" + rows
            for _ in range(megabytes):
                yield block
            yield b"</sheetData></worksheet>"

        return chunks()

    return _rezip(_workbook(), change, Path(folder) / "bomb.xlsx")


def doctype_xlsx(folder):
    """A workbook whose actors sheet starts with a DOCTYPE declaring entities (billion laughs style)."""
    decl = b'<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'

    def change(name, body):
        if not _actors_sheet(name):
            return body
        body = body.replace(b"<worksheet", decl + b"<worksheet", 1)
        return body.replace(b"<t>Alpha</t>", b"<t>&b;</t>").replace(b">Alpha<", b">&b;<")

    return _rezip(_workbook(), change, Path(folder) / "doctype.xlsx")


def truncated_sheet_xlsx(folder):
    """A workbook whose actors sheet XML is cut off in the middle."""
    return _rezip(
        _workbook(), lambda n, b: b[: len(b) * 2 // 3] if _actors_sheet(n) else b, Path(folder) / "truncated.xlsx"
    )


def fifo_json(folder):
    """A named pipe called ``net.json`` (reading it would wait for a writer for ever)."""
    path = Path(folder) / "fifo.json"
    os.mkfifo(path)
    return path


def dev_zero_json(folder):
    """A symbolic link called ``zero.json`` to /dev/zero (endless bytes)."""
    path = Path(folder) / "zero.json"
    path.symlink_to("/dev/zero")
    return path


def _json(folder, name, text):
    path = Path(folder) / name
    path.write_text(text, encoding="utf-8")
    return path


def _doc(actor_json):
    return '{"netmap_version": 1, "actors": [' + actor_json + ', {"id": "b"}], "ties": []}'


def deep_json(folder, depth=100_000):
    """JSON nested ``depth`` deep inside a custom attribute."""
    return _json(folder, "deep.json", _doc('{"id": "a", "attributes": {"x": ' + "[" * depth + "]" * depth + "}}"))


def long_int_json(folder, digits=5000):
    """An id written as an integer of ``digits`` digits (Python refuses to convert over 4,300)."""
    return _json(folder, "long_int.json", _doc('{"id": ' + "7" * digits + "}"))


def nan_attribute_json(folder):
    """NaN (not standard JSON) in a custom attribute."""
    return _json(folder, "nan.json", _doc('{"id": "a", "attributes": {"score": NaN}}'))


def huge_id_json(folder):
    """``{"id": 1e400}``: out of a float's range (it would become "inf")."""
    return _json(folder, "huge_id.json", _doc('{"id": 1e400}'))


def control_name_json(folder):
    """An actor name that sets the terminal's title and clears the screen."""
    return _json(folder, "control_name.json", _doc(json.dumps({"id": "a", "name": "Jens\x1b]0;owned\x07\x1b[2J"})))


def control_name_csv(folder, rows=200):
    """A CSV pair whose actor name on the last row (well after the first 4 KB) holds an escape sequence."""
    d = Path(folder) / "control_csv"
    d.mkdir()
    lines = ["id;name;sector"] + [f"a{i};Aktør nummer {i} i Fredericia;offentlig" for i in range(rows)]
    lines.append('evil;"Jens\x1b]0;owned\x07 Hansen\x1b[2J";civil')
    (d / "actors.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (d / "ties.csv").write_text("source;target\na0;a1\n", encoding="utf-8")
    return d


CASES = {
    "dimension.xlsx": dimension_xlsx,
    "bomb.xlsx": bomb_xlsx,
    "doctype.xlsx": doctype_xlsx,
    "truncated.xlsx": truncated_sheet_xlsx,
    "fifo.json": fifo_json,
    "zero.json": dev_zero_json,
    "deep.json": deep_json,
    "long_int.json": long_int_json,
    "nan.json": nan_attribute_json,
    "huge_id.json": huge_id_json,
    "control_name.json": control_name_json,
    "control_csv": control_name_csv,
}


def main(argv):
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    bomb_mb = int(argv[argv.index("--bomb-mb") + 1]) if "--bomb-mb" in argv else 200
    for make in CASES.values():
        path = make(out, bomb_mb) if make is bomb_xlsx else make(out)
        size = path.lstat().st_size if path.is_symlink() or not path.is_file() else path.stat().st_size
        print(f"{path}  {size:,} bytes")


if __name__ == "__main__":
    main(sys.argv[1:])
