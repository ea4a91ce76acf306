"""Read a network from the files users have: JSON, XLSX, CSV (Danish Excel too), GraphML, GEXF."""

from __future__ import annotations

import contextlib
import csv
import datetime
import gc
import io
import json
import math
import os
import re
import stat
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import limits
from .errors import InputError, Where
from .i18n import N_
from .model import (
    ACTOR_FIELDS,
    KIND_WORDS,
    TIE_FIELDS,
    BadNumber,
    LongNumber,
    as_text,
    header_key,
    map_headers,
    network_from_records,
)
from .review import REVIEW_FIELDS, review_from_json, review_from_records
from .writing import DANISH_VALUES

if TYPE_CHECKING:
    from os import PathLike

    from .model import Network

__all__ = [
    "read_network",
    "network_from_json",
    "network_from_tables",
    "read_csv_records",
    "read_table_records",
    "read_review",
    "unescape_cell",
    "ACTOR_SHEETS",
    "TIE_SHEETS",
    "MISSING_COLUMN",
    "MISSING_NAME",
    "NEAR_MISS",
]

ACTOR_SHEETS = ("actors", "aktører", "aktorer")
#: Spreadsheet formats netmap does not read, and how to save them as one it does.
SPREADSHEET_HINTS = {
    ".xls": N_(
        "this is an old Excel workbook (.xls): open it in Excel, choose File > Save As and save it as Excel Workbook (.xlsx) or as CSV UTF-8"
    ),
    ".ods": N_(
        "this is a LibreOffice/OpenDocument spreadsheet (.ods): open it in LibreOffice Calc, choose File > Save As and save it as Excel 2007-365 (.xlsx) or as Text CSV"
    ),
    ".numbers": N_(
        "this is a Numbers spreadsheet (.numbers): in Numbers, choose File > Export To and export it as Excel (.xlsx) or as CSV"
    ),
}
TIE_SHEETS = ("ties", "relationer", "relations")
#: The optional sheet of the partnership's review (Table 7.1), in a network's workbook or on its own.
REVIEW_SHEETS = ("review", "vurdering")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def unescape_cell(value):
    """Undo the spreadsheet neutralisation of :func:`netmap.writing.escape_cell`."""
    if (
        isinstance(value, str)
        and value.startswith("'")
        and value.lstrip("'")[:1] in _FORMULA_START
        and value.lstrip("'")
    ):
        return value[1:]
    return value


def _nfc(text):
    return unicodedata.normalize("NFC", text).lower()


def read_network(*paths: str | PathLike[str]) -> Network:
    """Read one network from ``paths``.

    One path: a ``.json``, ``.xlsx``, ``.graphml`` or ``.gexf`` file, or a
    folder with ``actors.csv`` and ``ties.csv`` (or ``aktører.csv`` and
    ``relationer.csv``). Two paths: the actors CSV, then the ties CSV.
    Raises InputError naming the file, row and column of the first problem.
    """
    paths = [Path(p) for p in paths]
    # Reading builds millions of objects and no cycles: the cyclic collector would only walk them
    # again and again (a third of the time of a 2,000,000-tie CSV); it is back on when reading ends.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _read_paths(paths)
    finally:
        if collecting:
            gc.enable()


def _read_paths(paths):
    for p in paths:
        if not p.exists():
            raise InputError("no such file or folder", str(p))
        _spreadsheet_hint(p)
        mode = os.stat(p).st_mode  # symlinks followed: a link to /dev/zero is a device
        if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
            raise InputError(_NOT_REGULAR, str(p))
    if len(paths) == 2 and all(p.is_file() for p in paths):
        return _read_csv_pair(*paths)
    if len(paths) != 1:
        raise InputError("give one file, one folder, or two CSV files (actors first, then ties)")
    p = paths[0]
    if p.is_dir():
        try:
            files = {_nfc(f.name): f for f in p.iterdir() if f.is_file()}
        except OSError as exc:
            raise InputError(
                "cannot open the file ({detail})", str(p), detail=exc.strerror or type(exc).__name__
            ) from None
        actors = next((files[n] for n in ("actors.csv", "aktører.csv", "aktorer.csv") if n in files), None)
        ties = next((files[n] for n in ("ties.csv", "relationer.csv") if n in files), None)
        if not actors or not ties:
            raise InputError("the folder needs actors.csv and ties.csv (or aktører.csv and relationer.csv)", str(p))
        return _read_csv_pair(actors, ties, name=p.name)
    suffix = p.suffix.lower()
    if suffix == ".json":
        return _read_json(p)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(p)
    if suffix in (".graphml", ".gexf"):
        return _read_graph_file(p, suffix)
    if suffix in (".csv", ".txt", ".tsv"):
        raise InputError("give one file, one folder, or two CSV files (actors first, then ties)", p.name)
    raise InputError("unknown file type; use .json, .xlsx, .csv, .graphml, .gexf or a folder", p.name)


def _spreadsheet_hint(path):
    """Refuse a spreadsheet format netmap does not read, saying how to save it as .xlsx or CSV."""
    hint = SPREADSHEET_HINTS.get(path.suffix.lower())
    if hint:
        raise InputError(hint, path.name)


# --- opening: regular files only, of bounded size ------------------------------

_NOT_REGULAR = N_("not a regular file (a pipe, device or socket); netmap reads only ordinary files")


def _over(msgid, where, lim, field, **params):
    """The error of a limit: ``msgid`` with the limit's value and the setting that raises it."""
    return InputError(msgid, where, limit=getattr(lim, field), setting=limits.setting(field), **params)


def _too_large(label, lim):
    return _over(N_("the file is larger than {limit} MB (set {setting} to raise the limit)"), label, lim, "max_file_mb")


def _read_bytes(path):
    """The bytes of a regular file of at most ``max_file_mb``, read once.

    Opened without blocking (a FIFO does not wait for a writer) and checked on the open file, so a
    path swapped for a pipe or device after :func:`read_network` looked at it is refused too.
    """
    lim = limits.current()
    cap = lim.max_file_mb * 10**6
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise InputError(
            "cannot open the file ({detail})", path.name, detail=exc.strerror or type(exc).__name__
        ) from None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(_NOT_REGULAR, path.name)
        if info.st_size > cap:
            raise _too_large(path.name, lim)
        data = fh.read(cap + 1)
    if len(data) > cap:  # grew while being read
        raise _too_large(path.name, lim)
    return data


# --- text and CSV ------------------------------------------------------------

#: A valid UTF-8 sequence of two to four bytes (a letter such as æ, ø, å written as UTF-8).
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)


def _refuse_mixed_utf8(data, label):
    """Refuse a file that is UTF-8 except for some bytes, naming the line and column of the first bad byte.

    The rule: a file that is not valid UTF-8 is read as Windows-1252 (Danish Excel's "CSV
    (semikolonsepareret)") unless it starts with a UTF-8 BOM or holds at least one valid UTF-8
    sequence of two or more bytes; then it is a UTF-8 file with a few foreign bytes (typically
    a line pasted from another program), and guessing would garble every æ, ø and å in it.
    """
    if not (data.startswith(b"\xef\xbb\xbf") or _UTF8_MULTIBYTE.search(data)):
        return
    try:
        data.decode("utf-8")
        return
    except UnicodeDecodeError as exc:
        bad = exc.start
    line_start = data.rfind(b"\n", 0, bad) + 1
    column = len(data[line_start:bad].decode("utf-8", errors="replace").lstrip("\ufeff")) + 1
    raise InputError(
        "line {line}, column {col}: the byte 0x{byte} is not UTF-8, but the rest of the file is; fix that character, or save the file again as CSV UTF-8",
        label,
        line=data.count(b"\n", 0, bad) + 1,
        col=column,
        byte=f"{data[bad]:02X}",
    )


def _decode(path, data=None):
    data = _read_bytes(path) if data is None else data
    if not data.strip(b" \t\r\n\xef\xbb\xbf"):
        raise InputError("the file is empty", path.name)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise InputError("not a text file (is it a spreadsheet saved in another format?)", path.name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        _refuse_mixed_utf8(data, path.name)
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise InputError("not a text file (is it a spreadsheet saved in another format?)", path.name) from None
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\t\r\n")
    if controls:
        raise InputError("not a text file (is it a spreadsheet saved in another format?)", path.name)
    return text


def _delimiter(text):
    first = next((line for line in _lines(text) if line.strip()), "")
    counts = {d: 0 for d in ";,\t"}
    quoted = False
    for ch in first:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def read_csv_records(path, fields, required, warnings=None):
    """Rows of a CSV file as ``(where, record)`` with mapped headers.

    Accepts ``;``, ``,`` or tab, UTF-8 with or without BOM, UTF-16 or
    Windows-1252, CRLF and quoted newlines. ``where`` is the spreadsheet row
    (header = the first non-blank row).
    """
    path = Path(path)
    text = _decode(path)
    lim = limits.current()
    reader = csv.reader(_lines(text), delimiter=_delimiter(text), strict=True)
    rows = []
    cells = 0
    try:
        for row in reader:
            if len(row) > lim.max_columns:
                raise _too_many("columns", Where(path.name, len(rows) + 1), lim)
            rows.append(row)
            if len(rows) > lim.max_rows:
                raise _too_many("rows", Where(path.name, len(rows)), lim)
            cells += len(row)
            if cells > lim.max_cells:
                raise _too_many_cells(Where(path.name, len(rows)), lim)
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise InputError(
                'a cell longer than {limit} characters, or a quote (") that is never closed',
                Where(path.name, len(rows) + 1),
                limit=csv.field_size_limit(),
            ) from None
        raise InputError(
            'a quoted cell is never closed (a missing " from here on)', Where(path.name, len(rows) + 1)
        ) from None
    return _records(path.name, rows, fields, required, warnings=warnings)


#: How close a header must be to a field's header to be suggested (:func:`difflib.get_close_matches`).
SUGGEST_CUTOFF = 0.7


def suggest_header(header, fields):
    """The known header (English or Danish) closest to an unknown ``header``, or None."""
    from difflib import get_close_matches

    found = get_close_matches(header_key(header), list(fields), n=1, cutoff=SUGGEST_CUTOFF)
    return found[0] if found else None


def _unknown_columns(raw_headers, fields, place):
    """One UNKNOWN_COLUMN warning per header that is no field's header (``attr:`` columns are custom on purpose)."""
    out = []
    for raw in raw_headers:
        key = header_key(raw)
        if not key or key in fields or key.startswith("attr:"):
            continue
        suggestion = suggest_header(raw, fields)
        params = {"column": raw, "suggestion": suggestion or "", "field": fields[suggestion] if suggestion else ""}
        out.append({"code": "UNKNOWN_COLUMN", "where": place, "params": params})
    return out


#: The messages of a required column not found (a column-mapping step can follow each).
MISSING_COLUMN = 'missing column "{column}" (found: {found})'
MISSING_NAME = 'missing column "name" or "id" (found: {found})'
NEAR_MISS = 'column "{found}" is not a netmap field; did you mean "{suggestion}"? The column "{column}" is required'


def _missing_column(raw_headers, headers, fields, column, place):
    """The error for a missing required ``column``: a hint when the file looks swapped or a header is a near miss."""
    if column == "id" and {"source", "target"} <= set(map_headers(raw_headers, TIE_FIELDS)):
        return InputError("these look like ties; give the actors file first", place)
    for raw, h in zip(raw_headers, headers, strict=False):
        suggestion = suggest_header(raw, fields) if raw and h == raw and header_key(raw) not in fields else None
        if suggestion and fields[suggestion] == column:
            return InputError(
                'column "{found}" is not a netmap field; did you mean "{suggestion}"? The column "{column}" is required',
                place,
                found=raw,
                suggestion=suggestion,
                column=column,
            )
    found = ", ".join(h for h in raw_headers if h) or "-"
    if column == "id":  # made from the name when there is a name column (network_from_records)
        return InputError('missing column "name" or "id" (found: {found})', place, found=found)
    return InputError('missing column "{column}" (found: {found})', place, column=column, found=found)


def _records(label, rows, fields, required, sheet=None, csv_cells=True, warnings=None):
    """Validate the header row and turn the other rows into ``(where, record)``.

    Headers that are no field's (English or Danish) become custom attributes, each with an
    UNKNOWN_COLUMN warning appended to ``warnings`` (when given) that suggests the nearest field.
    """
    start = next((i for i, row in enumerate(rows) if any(str(c).strip() for c in row if c is not None)), None)
    if start is None:
        raise InputError("the file is empty", f"{label} {sheet}" if sheet else label)
    raw_headers = [("" if h is None else str(h)).strip() for h in rows[start]]
    if csv_cells:
        raw_headers = [unescape_cell(h) for h in raw_headers]
    # Columns without a header: dropped when they hold nothing (trailing delimiters), else named.
    used = [
        bool(h) or any(i < len(r) and str(r[i] if r[i] is not None else "").strip() for r in rows[start + 1 :])
        for i, h in enumerate(raw_headers)
    ]
    headers = map_headers(raw_headers, fields)
    for i, h in enumerate(headers):
        if not h:
            headers[i] = f"column_{i + 1}"
    seen = {}
    for h, raw, keep in zip(headers, raw_headers, used, strict=False):
        if keep and h in seen:
            raise InputError(
                'the columns "{first}" and "{second}" mean the same field',
                f"{label} {sheet}" if sheet else label,
                first=seen[h],
                second=raw or h,
            )
        seen[h] = raw or h
    place = f"{label} {sheet}" if sheet else label
    for column in required:
        if column not in headers:
            error = _missing_column(raw_headers, headers, fields, column, place)
            if not (error.msgid == MISSING_NAME and "name" in headers):  # ids are made from names (issue 10)
                raise error
    if warnings is not None and fields:
        warnings.extend(_unknown_columns(raw_headers, fields, place))
    spelled = {h: raw for h, raw in zip(headers, raw_headers, strict=False) if raw}
    out = []
    for number, row in enumerate(rows[start + 1 :], start=start + 2):
        cells = ["" if c is None else c for c in row]
        if not any(str(c).strip() for c in cells):
            continue
        where = Where(label, number, sheet, spelled)
        if len(cells) > len(headers) and any(str(c).strip() for c in cells[len(headers) :]):
            raise InputError(
                "{cells} cells but only {headers} column headers", where, cells=len(cells), headers=len(headers)
            )
        record = {}
        for h, value, keep in zip(headers, cells, used, strict=False):
            if not keep:
                continue
            if csv_cells and isinstance(value, str):
                if "\r" in value:
                    value = value.replace("\r\n", "\n")  # a cell's line break is LF, as in Excel
                if value[:1] == "'":
                    value = unescape_cell(value)
            record[h] = value
        for h, keep in zip(headers[len(cells) :], used[len(cells) :], strict=False):
            if keep:
                record[h] = ""  # blank custom cells are kept as "" so the column round-trips
        out.append((where, record))
    return out


_LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+\Z")


def _lines(text):
    """The lines of ``text`` with their ends (LF, CRLF or CR), as ``io.StringIO(text, newline="")``
    gives them to :mod:`csv`, without StringIO's copy of the whole text (four bytes a character)."""
    return (m.group() for m in _LINE.finditer(text))


def _too_many(what, where, lim):
    if what == "rows":
        return _over(N_("more than {limit} rows (set {setting} to raise the limit)"), where, lim, "max_rows")
    return _over(N_("more than {limit} columns (set {setting} to raise the limit)"), where, lim, "max_columns")


def _too_many_cells(where, lim):
    return _over(N_("more than {limit} cells (set {setting} to raise the limit)"), where, lim, "max_cells")


def _read_csv_pair(actors_path, ties_path, name=None):
    warnings = []
    actors = read_csv_records(actors_path, ACTOR_FIELDS, ["id"], warnings)
    ties = read_csv_records(ties_path, TIE_FIELDS, ["source", "target"], warnings)
    return _network(warnings, _drain(actors), _drain(ties), tables=True, name=name or Path(actors_path).parent.name)


def _with_warnings(net, warnings):
    """``net`` with the warnings about its columns first (they explain the warnings about its rows)."""
    net.warnings[:0] = warnings
    return net


def _word(text):
    """A kind as it is looked up: runs of spaces as one, case folded."""
    return " ".join(text.split()).casefold()


def _codes(names, words):
    """Code by word: ``words`` (:data:`netmap.model.KIND_WORDS`: ``frivillige``) and the Danish ``names``."""
    codes = {word: code for word, code in words.items() if word != code}
    codes.update((_word(name), code) for code, name in names.items() if name != code)
    return codes


#: The kinds' Danish names, as netmap writes them in a Danish table (``dagtilbud``), and the words
#: the measures know them by (``frivillige``, ``personlig``), by their codes.
_KIND_CODES = {
    "actors": _codes(DANISH_VALUES["kind"], KIND_WORDS["actors"]),
    "ties": _codes(DANISH_VALUES["tie_kind"], KIND_WORDS["ties"]),
}


def _kinds_as_codes(rows, table):
    """The ``(where, record)`` of a table's ``rows`` with a kind given by a word netmap knows for
    it read as its code (``Dagtilbud``, ``frivillige``: ``day_service``, ``volunteer``), as a
    sector's Danish name is: a table netmap wrote in Danish reads back as the network it was, and
    the app names the kind in either language. A kind of the user's own stays as it is written,
    and so does every kind in JSON (netmap's own)."""
    codes = _KIND_CODES[table]
    for where, record in rows:
        kind = record.get("kind")
        if isinstance(kind, str):
            record["kind"] = codes.get(_word(kind), kind)
        yield where, record


def network_from_tables(actors, ties, **meta):
    """:func:`network_from_records` of the ``(where, record)`` rows of an actors table and a ties
    table (CSV, XLSX; :func:`read_table_records`), as :func:`read_network` reads them: a kind
    written as a word netmap knows is its code (:func:`_kinds_as_codes`)."""
    return network_from_records(_kinds_as_codes(actors, "actors"), _kinds_as_codes(ties, "ties"), **meta)


def _network(warnings, actors, ties, tables=False, **meta):
    """:func:`network_from_records` (:func:`network_from_tables` for ``tables``) with the column
    ``warnings`` first; an error it raises carries them as ``notes``, since a misread header often
    explains it (``nanv`` for ``navn`` makes the names ids, and then a tie naming an actor fails)."""
    try:
        net = (network_from_tables if tables else network_from_records)(actors, ties, **meta, every_row=True)
    except InputError as exc:
        exc.notes = [w for w in warnings if w["code"] == "UNKNOWN_COLUMN"]
        raise
    return _with_warnings(net, warnings)


def _drain(rows):
    """The items of the list ``rows``, each let go once it is taken: a row's record is freed when
    it has become an actor or a tie, so a large file does not hold both at once."""
    rows.reverse()
    while rows:
        yield rows.pop()


# --- XLSX --------------------------------------------------------------------


@contextlib.contextmanager
def _workbook(path):
    """The checked workbook at ``path`` (read only) and the limits it was checked against.

    The workbook's zip directory, declarations and sheet sizes are checked
    (:func:`_check_workbook`) before openpyxl reads any of it; openpyxl reads the same bytes.
    """
    import openpyxl

    data = _read_bytes(path)
    if not data[:1]:
        raise InputError("the file is empty", path.name)
    lim = limits.current()
    _check_workbook(data, path.name, lim)
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # zipfile, KeyError, openpyxl's InvalidFileException, XML errors and others
        raise InputError("not a readable XLSX workbook ({detail})", path.name, detail=type(exc).__name__) from None
    try:
        yield wb, lim
    finally:
        wb.close()


def _sheet_named(wb, names):
    sheets = {_nfc(ws.title.strip()): ws for ws in wb.worksheets}
    return next((sheets[n] for n in names if n in sheets), None)


def _workbook_rows(path):
    """The rows of an XLSX's actors and ties sheets (and of netmap's own ``netmap`` and ``review`` sheets, if any).

    Returns ``{"actors": (title, rows), "ties": (title, rows), "netmap": rows, "review": (title, rows) or None}``.
    """
    with _workbook(path) as (wb, lim):
        found = {}
        for table, names in (("actors", ACTOR_SHEETS), ("ties", TIE_SHEETS)):
            ws = _sheet_named(wb, names)
            if ws is None:
                raise InputError(
                    'no sheets "actors" and "ties" (or "aktører" and "relationer"); found: {found}',
                    path.name,
                    found=", ".join(w.title for w in wb.worksheets),
                )
            found[table] = (ws.title, _sheet_rows(ws, path.name, lim))
        ws = _sheet_named(wb, ("netmap",))
        found["netmap"] = _sheet_rows(ws, path.name, lim) if ws is not None else []
        ws = _sheet_named(wb, REVIEW_SHEETS)
        found["review"] = (ws.title, _sheet_rows(ws, path.name, lim)) if ws is not None else None
        return found


def read_review(path) -> dict:
    """The review (Table 7.1) in a file of its own: a CSV, or an XLSX with a ``review`` or
    ``vurdering`` sheet (or a single sheet); one row per element, as netmap writes it.

    Returns ``{number: Entry}``; raises InputError naming the file, row and column of the first
    problem (an unknown element, a rating outside the scale, an element given twice).
    """
    path = Path(path)
    if not path.exists():
        raise InputError("no such file or folder", str(path))
    _spreadsheet_hint(path)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        with _workbook(path) as (wb, lim):
            ws = _sheet_named(wb, REVIEW_SHEETS) or (wb.worksheets[0] if len(wb.worksheets) == 1 else None)
            if ws is None:
                raise InputError(
                    'no sheet "review" (or "vurdering"); found: {found}',
                    path.name,
                    found=", ".join(w.title for w in wb.worksheets),
                )
            sheet = (ws.title, _sheet_rows(ws, path.name, lim))
        return review_from_records(_records(path.name, sheet[1], REVIEW_FIELDS, ["number"], sheet[0], False))
    if suffix in (".csv", ".txt", ".tsv"):
        return review_from_records(read_csv_records(path, REVIEW_FIELDS, ["number"]))
    raise InputError("a review is read from a .csv or .xlsx file", path.name)


_DIMENSION = re.compile(rb"<(?:[\w.-]+:)?dimension\s+ref\s*=\s*[\"']([A-Za-z]{0,3})(\d{0,7}):?([A-Za-z]{0,3})(\d{0,7})")
#: A DOCTYPE or ENTITY declaration, as UTF-8 (or ASCII) or as UTF-16 in either byte order (an XML
#: part may declare UTF-16, and a byte search for the UTF-8 form alone would miss it).
_DECLARATION = re.compile(
    b"|".join(
        re.escape(word.encode(codec))
        for word in ("<!DOCTYPE", "<!ENTITY")
        for codec in ("utf-8", "utf-16-le", "utf-16-be")
    )
)
_CHUNK = 1 << 20


def _check_workbook(data, label, lim):
    """Refuse a workbook whose zip directory or XML asks for more than ``lim`` allows, reading no cell.

    Checked: the number of parts (from the end record, before :mod:`zipfile` builds its
    directory), their declared uncompressed sizes (which :mod:`zipfile` enforces when it
    unpacks) and compression ratios, DOCTYPE or ENTITY declarations in any XML part (unpacked
    in chunks), and each sheet's declared ``<dimension>`` against the rows, columns and cells.
    """
    import zipfile

    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if end >= 0 and len(data) >= end + 22 and int.from_bytes(data[end + 10 : end + 12], "little") > lim.max_xlsx_parts:
        raise _workbook_parts(label, lim)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except Exception as exc:
        raise InputError("not a readable XLSX workbook ({detail})", label, detail=type(exc).__name__) from None
    with zf:
        infos = zf.infolist()
        if len(infos) > lim.max_xlsx_parts:
            raise _workbook_parts(label, lim)
        if sum(i.file_size for i in infos) > lim.max_xlsx_uncompressed_mb * 10**6:
            raise _over(
                N_("the workbook unpacks to more than {limit} MB (set {setting} to raise the limit)"),
                label,
                lim,
                "max_xlsx_uncompressed_mb",
            )
        for info in infos:
            if info.file_size > 10**6 and info.file_size > lim.max_xlsx_ratio * max(info.compress_size, 1):
                raise _over(
                    N_(
                        "the workbook part {part} is compressed {ratio} to 1, more than {limit} to 1 "
                        "(a zip bomb?); set {setting} to raise the limit"
                    ),
                    label,
                    lim,
                    "max_xlsx_ratio",
                    part=info.filename,
                    ratio=info.file_size // max(info.compress_size, 1),
                )
        try:
            for info in infos:
                if info.filename.lower().endswith((".xml", ".rels", ".vml")):
                    _check_part(zf, info, label, lim)
        except InputError:
            raise
        except Exception as exc:  # a corrupt part (bad CRC, bad compressed data)
            raise InputError("not a readable XLSX workbook ({detail})", label, detail=type(exc).__name__) from None


def _workbook_parts(label, lim):
    return _over(
        N_("the workbook has more than {limit} parts (set {setting} to raise the limit)"), label, lim, "max_xlsx_parts"
    )


def _check_part(zf, info, label, lim):
    """One XML part, unpacked in chunks: no DOCTYPE or ENTITY; a sheet's declared size within limits."""
    sheet = info.filename.lower().startswith("xl/worksheets/")
    tail = b""
    with zf.open(info) as fh:
        while chunk := fh.read(_CHUNK):
            window = tail + chunk
            if _DECLARATION.search(window):
                raise InputError(
                    "the workbook part {part} holds a DOCTYPE or ENTITY declaration, which netmap does not read",
                    label,
                    part=info.filename,
                )
            if sheet:
                _check_dimension(window, info.filename, label, lim)
                sheet = False  # the dimension comes before the cells
            tail = window[-32:]


def _column_number(letters):
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def _check_dimension(head, part, label, lim):
    m = _DIMENSION.search(head)
    if not m:
        return
    c1, r1, c2, r2 = (g.decode("ascii") for g in m.groups())
    c2, r2 = c2 or c1, r2 or r1
    rows = abs(int(r2 or 1) - int(r1 or 1)) + 1
    columns = abs(_column_number(c2 or "A") - _column_number(c1 or "A")) + 1
    ref = f"{c1}{r1}:{c2}{r2}"
    for value, name, msg in (
        (
            rows,
            "max_rows",
            N_("the sheet {part} declares the range {ref}: more than {limit} rows (set {setting} to raise the limit)"),
        ),
        (
            columns,
            "max_columns",
            N_(
                "the sheet {part} declares the range {ref}: more than {limit} columns (set {setting} to raise the limit)"
            ),
        ),
        (
            rows * columns,
            "max_cells",
            N_("the sheet {part} declares the range {ref}: more than {limit} cells (set {setting} to raise the limit)"),
        ),
    ):
        if value > getattr(lim, name):
            raise _over(msg, label, lim, name, part=part, ref=ref)


def _read_xlsx(path):
    book = _workbook_rows(path)
    warnings = []
    actors = _records(path.name, book["actors"][1], ACTOR_FIELDS, ["id"], book["actors"][0], False, warnings)
    ties = _records(path.name, book["ties"][1], TIE_FIELDS, ["source", "target"], book["ties"][0], False, warnings)
    # netmap writes the network's name and date in a sheet of its own
    meta = {str(r[0]).strip(): r[1] for r in book["netmap"] if len(r) > 1}
    return _network(
        warnings,
        actors,
        ties,
        tables=True,
        name=meta.get("name") or path.stem,
        date=_date(meta.get("date"), f"{path.name} netmap"),
        review=_review_sheet(path.name, book["review"]),
    )


def _review_sheet(label, sheet):
    """The review in a workbook's review sheet (``(title, rows)``, or None when it has none)."""
    if sheet is None or not sheet[1]:
        return {}
    return review_from_records(_records(label, sheet[1], REVIEW_FIELDS, ["number"], sheet[0], False))


def read_table_records(path, fields, required, table="actors", warnings=None):
    """Rows of one table as ``(where, record)``: a CSV file, or the actors or ties sheet of an XLSX.

    With ``fields={}`` every header is kept as written (for a column-mapping step). Warnings
    about unknown columns are appended to ``warnings`` when given.
    """
    path = Path(path)
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return read_csv_records(path, fields, required, warnings)
    title, rows = _workbook_rows(path)[table]
    return _records(path.name, rows, fields, required, title, False, warnings)


def _cell_text(v):
    """An XLSX cell as text, as it reads in the sheet: 7 -> "7", 1.5 -> "1.5", TRUE -> "true"."""
    if hasattr(v, "isoformat"):
        text = v.isoformat()
        return text[:10] if text.endswith("T00:00:00") else text
    if type(v) is float and not math.isfinite(v):
        return BadNumber(as_text(v))  # refused with its row and column when the record is read
    return as_text(v)


def _sheet_rows(ws, label="", lim=None):
    """A sheet's rows as text, within ``lim``'s rows and columns; an XML error in the sheet is an InputError."""
    lim = lim or limits.current()
    rows = []
    cells = 0  # as read, whatever the sheet declared
    try:
        for row in ws.iter_rows(values_only=True):
            if len(row) > lim.max_columns:
                raise _too_many("columns", Where(label, len(rows) + 1, ws.title), lim)
            rows.append([_cell_text(v) for v in row])
            if len(rows) > lim.max_rows:
                raise _too_many("rows", Where(label, len(rows), ws.title), lim)
            cells += len(row)
            if cells > lim.max_cells:
                raise _too_many_cells(Where(label, len(rows), ws.title), lim)
    except InputError:
        raise
    except Exception as exc:  # XML errors (a truncated sheet, a DOCTYPE), bad values, bad zip data
        raise InputError(
            'the sheet "{sheet}" cannot be read ({detail})', label, sheet=ws.title, detail=_detail(exc)
        ) from None
    while rows and not any(str(c).strip() for c in rows[-1]):
        rows.pop()
    return rows


def _detail(exc):
    """An exception's type and the start of its text, on one line, for a message."""
    text = " ".join(str(exc).split())[:100]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


# --- JSON --------------------------------------------------------------------


def _read_json(path):
    text = _decode(path)
    lim = limits.current()
    longest = lim.max_number_chars

    def integer(literal):
        return int(literal) if len(literal) <= longest else LongNumber.of(literal)

    def decimal(literal):
        if len(literal) > longest:
            return LongNumber.of(literal)
        value = float(literal)
        return value if math.isfinite(value) else BadNumber(literal)  # 1e400 is not "inf"

    try:
        doc = json.loads(text, parse_constant=BadNumber, parse_int=integer, parse_float=decimal)
    except json.JSONDecodeError as exc:
        raise InputError(
            "not valid JSON, or cut off (line {line}, column {col})", path.name, line=exc.lineno, col=exc.colno
        ) from None
    except RecursionError:
        raise _too_deep(path.name, lim) from None
    except (ValueError, MemoryError) as exc:  # anything else the decoder refuses
        raise InputError("not valid JSON ({detail})", path.name, detail=_detail(exc)) from None
    return network_from_json(doc, path.name)


def _too_deep(label, lim):
    return _over(
        N_("objects and lists nested more than {limit} deep (set {setting} to raise the limit)"),
        label,
        lim,
        "max_json_depth",
    )


def network_from_json(doc: Any, label: str = "JSON") -> Network:
    """Validate a canonical JSON document (already parsed) into a Network."""
    if not isinstance(doc, dict):
        raise InputError('the top level must be an object with "actors" and "ties"', label)
    if "netmap_version" not in doc:
        raise InputError('missing "netmap_version": 1', label)
    if doc["netmap_version"] != 1 or isinstance(doc["netmap_version"], bool):
        raise InputError(
            "unknown netmap_version {value} (this netmap reads version 1)",
            label,
            value=json.dumps(doc["netmap_version"]),
        )
    lists = {}
    for key in ("actors", "ties"):
        items = doc.get(key)
        if not isinstance(items, list):
            raise InputError('"{field}" must be a list', label, field=key)
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                raise InputError("each item must be an object", f"{label} {key}[{i}]")
            attrs = item.get("attributes")
            if attrs is not None and not isinstance(attrs, dict):
                raise InputError('"attributes" must be an object', f"{label} {key}[{i}]")
        lists[key] = items
    for key in ("name", "date"):
        if doc.get(key) is not None and (not isinstance(doc[key], str) or isinstance(doc[key], BadNumber)):
            raise InputError('"{field}" must be text', label, field=key)
    actors = [(f"{label} actors[{i}]", _json_record(item, ACTOR_FIELDS)) for i, item in enumerate(lists["actors"])]
    ties = [(f"{label} ties[{i}]", _json_record(item, TIE_FIELDS)) for i, item in enumerate(lists["ties"])]
    for where, rec in actors:
        if "id" not in rec:
            raise InputError(
                'missing column "{column}" (found: {found})', where, column="id", found=", ".join(rec) or "-"
            )
    for where, rec in ties:
        for col in ("source", "target"):
            if col not in rec:
                raise InputError(
                    'missing column "{column}" (found: {found})', where, column=col, found=", ".join(rec) or "-"
                )
    review = review_from_json(doc.get("review"), label)
    return _network(
        _unknown_keys(lists, label),
        actors,
        ties,
        name=doc.get("name") or "",
        date=_date(doc.get("date"), label),
        review=review,
    )


def _unknown_keys(lists, label):
    """UNKNOWN_COLUMN warnings for the keys of JSON items that are no field's (custom ones belong in "attributes")."""
    out = []
    for key, fields in (("actors", ACTOR_FIELDS), ("ties", TIE_FIELDS)):
        seen = set()
        for i, item in enumerate(lists[key]):
            names = [k for k in item if k != "attributes" and k not in seen]
            for w in _unknown_columns(names, fields, f"{label} {key}[{i}]"):
                out.append(w)
            seen.update(names)
    return out


def _date(value, label):
    """A network's date: None or YYYY-MM-DD."""
    if value in (None, ""):
        return None
    text = str(value).strip()[:10] if hasattr(value, "isoformat") else str(value).strip()
    try:
        return datetime.date.fromisoformat(text).isoformat() if len(text) == 10 else _bad_date(text, label)
    except ValueError:
        return _bad_date(text, label)


def _bad_date(text, label):
    raise InputError('date "{value}" is not YYYY-MM-DD', label, value=text)


def _json_record(item, fields):
    rec = {}
    for key, value in item.items():
        if key == "attributes":
            continue
        field = fields.get(key)  # a key already written as the field's name (the usual case)
        rec[field if field is not None else fields.get(header_key(key), key)] = value
    rec["attributes"] = dict(item.get("attributes") or {})
    return rec


# --- GraphML and GEXF ---------------------------------------------------------


def _read_graph_file(path, suffix):
    import networkx as nx

    fmt = "GraphML" if suffix == ".graphml" else "GEXF"
    data = _read_bytes(path)
    text = _decode(path, data)  # empty or binary files get the usual message
    if re.search(r"<!(?:DOCTYPE|ENTITY)", text):
        raise InputError("the file holds a DOCTYPE or ENTITY declaration, which netmap does not read", path.name)
    try:
        source = io.BytesIO(data)
        G = nx.read_graphml(source) if suffix == ".graphml" else nx.read_gexf(source)
    except RecursionError:
        raise _too_deep(path.name, limits.current()) from None
    except Exception as exc:  # malformed XML raises many types
        raise InputError("not a readable {fmt} file ({detail})", path.name, fmt=fmt, detail=str(exc)[:120]) from None
    meta = G.graph
    actors = []
    for i, (node, data) in enumerate(G.nodes(data=True)):
        rec = {k: v for k, v in data.items() if k not in ("label", "netmap_id", "viz")}
        rec["id"] = data.get("netmap_id", node)
        if "label" in data:
            if "name" not in rec:
                rec["name"] = data["label"]
            elif data["label"] != rec["name"]:
                rec["attr:label"] = data["label"]
        position = (data.get("viz") or {}).get("position") if isinstance(data.get("viz"), dict) else None
        if position and "x" not in rec and "y" not in rec:  # Gephi keeps its layout here
            rec["x"], rec["y"] = position.get("x"), position.get("y")
        actors.append((f"{path.name} node {i + 1}", _json_record(rec, ACTOR_FIELDS)))
    node_ids = {node: data.get("netmap_id", node) for node, data in G.nodes(data=True)}
    ties = []
    edges = G.edges(data=True, keys=True) if G.is_multigraph() else ((u, v, None, d) for u, v, d in G.edges(data=True))
    for i, (u, v, _key, data) in enumerate(edges):
        rec = {k: val for k, val in data.items() if k not in ("id", "label", "key", "weight")}
        weight = data.get("weight")
        if weight is not None and "strength" not in rec and isinstance(weight, (int, float)) and 1 <= weight <= 3:
            rec["strength"] = weight  # another tool's weight on netmap's scale
        elif weight is not None and weight != data.get("strength"):
            rec["attr:weight"] = weight  # netmap writes weight = strength for Gephi; anything else is kept
        if "label" in data and data["label"] != data.get("kind"):
            rec["attr:label"] = data["label"]
        rec["source"], rec["target"] = node_ids[u], node_ids[v]
        if "directed" not in rec:
            rec["directed"] = G.is_directed()
        ties.append((f"{path.name} edge {i + 1}", _json_record(rec, TIE_FIELDS)))
    return network_from_records(
        actors, ties, name=str(meta.get("name") or path.stem), date=_date(meta.get("date"), path.name), every_row=True
    )
