"""Read a network from the files users have: JSON, XLSX, CSV (Danish Excel too), GraphML, GEXF."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
import zipfile
from pathlib import Path

import networkx as nx

from .errors import InputError, Where
from .model import ACTOR_FIELDS, TIE_FIELDS, map_headers, network_from_records

__all__ = ["read_network", "network_from_json", "read_csv_records", "unescape_cell",
           "ACTOR_SHEETS", "TIE_SHEETS"]

ACTOR_SHEETS = ("actors", "aktører", "aktorer")
TIE_SHEETS = ("ties", "relationer", "relations")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def unescape_cell(value):
    """Undo the spreadsheet neutralisation of :func:`netmap.writing.escape_cell`."""
    if isinstance(value, str) and value.startswith("'") and value.lstrip("'")[:1] in _FORMULA_START \
            and value.lstrip("'"):
        return value[1:]
    return value


def _nfc(text):
    return unicodedata.normalize("NFC", text).lower()


def read_network(*paths):
    """Read one network from ``paths``.

    One path: a ``.json``, ``.xlsx``, ``.graphml`` or ``.gexf`` file, or a
    folder with ``actors.csv`` and ``ties.csv`` (or ``aktører.csv`` and
    ``relationer.csv``). Two paths: the actors CSV, then the ties CSV.
    Raises InputError naming the file, row and column of the first problem.
    """
    paths = [Path(p) for p in paths]
    for p in paths:
        if not p.exists():
            raise InputError("no_such_path", str(p))
    if len(paths) == 2 and all(p.is_file() for p in paths):
        return _read_csv_pair(*paths)
    if len(paths) != 1:
        raise InputError("input_count")
    p = paths[0]
    if p.is_dir():
        files = {_nfc(f.name): f for f in p.iterdir() if f.is_file()}
        actors = next((files[n] for n in ("actors.csv", "aktører.csv", "aktorer.csv") if n in files), None)
        ties = next((files[n] for n in ("ties.csv", "relationer.csv") if n in files), None)
        if not actors or not ties:
            raise InputError("folder_files", str(p))
        return _read_csv_pair(actors, ties, name=p.name)
    suffix = p.suffix.lower()
    if suffix == ".json":
        return _read_json(p)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(p)
    if suffix in (".graphml", ".gexf"):
        return _read_graph_file(p, suffix)
    if suffix in (".csv", ".txt", ".tsv"):
        raise InputError("input_count", p.name)
    raise InputError("unknown_format", p.name)


# --- text and CSV ------------------------------------------------------------

def _decode(path):
    data = path.read_bytes()
    if not data.strip(b" \t\r\n\xef\xbb\xbf"):
        raise InputError("empty_file", path.name)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise InputError("binary_file", path.name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise InputError("binary_file", path.name) from None
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\t\r\n")
    if controls:
        raise InputError("binary_file", path.name)
    return text


def _delimiter(text):
    first = text.split("\n", 1)[0]
    counts = {d: 0 for d in ";,\t"}
    quoted = False
    for ch in first:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def read_csv_records(path, fields, required):
    """Rows of a CSV file as ``(where, record)`` with mapped headers.

    Accepts ``;``, ``,`` or tab, UTF-8 with or without BOM, UTF-16 or
    Windows-1252, CRLF and quoted newlines. ``where`` is the spreadsheet row
    (header = row 1).
    """
    path = Path(path)
    text = _decode(path)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text)))
    return _records(path.name, rows, fields, required)


def _records(label, rows, fields, required, sheet=None, csv_cells=True):
    if not rows or not any(str(c).strip() for c in rows[0] if c is not None):
        raise InputError("empty_file", label)
    raw_headers = [("" if h is None else str(h)) for h in rows[0]]
    headers = map_headers(raw_headers, fields)
    for i, h in enumerate(headers):
        if not h:
            headers[i] = f"column_{i + 1}"
    for column in required:
        if column not in headers:
            found = ", ".join(h for h in raw_headers if h.strip()) or "-"
            raise InputError("missing_column", label, column=column, found=found)
    spelled = {h: raw.strip() for h, raw in zip(headers, raw_headers) if raw.strip()}
    out = []
    for number, row in enumerate(rows[1:], start=2):
        cells = ["" if c is None else c for c in row]
        if not any(str(c).strip() for c in cells):
            continue
        where = Where(label, number, sheet, spelled)
        if len(cells) > len(headers) and any(str(c).strip() for c in cells[len(headers):]):
            raise InputError("extra_cells", where, cells=len(cells), headers=len(headers))
        record = {}
        for h, value in zip(headers, cells):
            if isinstance(value, str) and csv_cells:
                value = unescape_cell(value.replace("\r\n", "\n"))  # a cell's line break is LF, as in Excel
            if h in record and not str(value).strip():
                continue
            record[h] = value
        for h in headers[len(cells):]:
            record.setdefault(h, "")
        # Blank custom cells are kept as "" so the column round-trips.
        out.append((where, record))
    return out


def _read_csv_pair(actors_path, ties_path, name=None):
    actors = read_csv_records(actors_path, ACTOR_FIELDS, ["id"])
    ties = read_csv_records(ties_path, TIE_FIELDS, ["source", "target"])
    return network_from_records(actors, ties, name=name or Path(actors_path).parent.name)


# --- XLSX --------------------------------------------------------------------

def _read_xlsx(path):
    import openpyxl

    if not path.read_bytes()[:1]:
        raise InputError("empty_file", path.name)
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise InputError("bad_xlsx", path.name, detail=type(exc).__name__) from None
    except Exception as exc:  # openpyxl raises its own InvalidFileException and others
        raise InputError("bad_xlsx", path.name, detail=type(exc).__name__) from None
    try:
        sheets = {_nfc(ws.title.strip()): ws for ws in wb.worksheets}
        actors_ws = next((sheets[n] for n in ACTOR_SHEETS if n in sheets), None)
        ties_ws = next((sheets[n] for n in TIE_SHEETS if n in sheets), None)
        if actors_ws is None or ties_ws is None:
            raise InputError("xlsx_sheets", path.name, found=", ".join(ws.title for ws in wb.worksheets))
        actors = _records(path.name, _sheet_rows(actors_ws), ACTOR_FIELDS, ["id"], actors_ws.title, False)
        ties = _records(path.name, _sheet_rows(ties_ws), TIE_FIELDS, ["source", "target"], ties_ws.title, False)
    finally:
        wb.close()
    return network_from_records(actors, ties, name=path.stem)


def _sheet_rows(ws):
    rows = []
    for row in ws.iter_rows(values_only=True):
        cells = []
        for v in row:
            if v is None:
                cells.append("")
            elif isinstance(v, (bool, int, float)):
                cells.append(v)
            elif hasattr(v, "isoformat"):
                cells.append(v.isoformat())
            else:
                cells.append(str(v))
        rows.append(cells)
    while rows and not any(str(c).strip() for c in rows[-1]):
        rows.pop()
    return rows


# --- JSON --------------------------------------------------------------------

def _read_json(path):
    text = _decode(path)
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError("bad_json", path.name, line=exc.lineno, col=exc.colno) from None
    return network_from_json(doc, path.name)


def network_from_json(doc, label="JSON"):
    """Validate a canonical JSON document (already parsed) into a Network."""
    if not isinstance(doc, dict):
        raise InputError("json_top", label)
    if "netmap_version" not in doc:
        raise InputError("json_no_version", label)
    if doc["netmap_version"] != 1:
        raise InputError("json_version", label, value=json.dumps(doc["netmap_version"]))
    lists = {}
    for key in ("actors", "ties"):
        items = doc.get(key, [])
        if not isinstance(items, list):
            raise InputError("json_list", label, key=key)
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                raise InputError("json_item", f"{label} {key}[{i}]")
            attrs = item.get("attributes", {})
            if not isinstance(attrs, dict):
                raise InputError("json_attributes", f"{label} {key}[{i}]")
        lists[key] = items
    for key in ("name", "date"):
        if doc.get(key) is not None and not isinstance(doc[key], str):
            raise InputError("json_text", label, key=key)
    actors = [(f"{label} actors[{i}]", _json_record(item, ACTOR_FIELDS)) for i, item in enumerate(lists["actors"])]
    ties = [(f"{label} ties[{i}]", _json_record(item, TIE_FIELDS)) for i, item in enumerate(lists["ties"])]
    for where, rec in actors:
        if "id" not in rec:
            raise InputError("missing_column", where, column="id", found=", ".join(rec) or "-")
    for where, rec in ties:
        for col in ("source", "target"):
            if col not in rec:
                raise InputError("missing_column", where, column=col, found=", ".join(rec) or "-")
    return network_from_records(actors, ties, name=doc.get("name") or "", date=doc.get("date"))


def _json_record(item, fields):
    rec = {}
    for key, value in item.items():
        if key == "attributes":
            continue
        rec[fields.get(str(key).strip().lower(), key)] = value
    rec["attributes"] = dict(item.get("attributes") or {})
    return rec


# --- GraphML and GEXF ---------------------------------------------------------

def _read_graph_file(path, suffix):
    fmt = "GraphML" if suffix == ".graphml" else "GEXF"
    _decode(path)  # empty or binary files get the usual message
    try:
        G = nx.read_graphml(path) if suffix == ".graphml" else nx.read_gexf(path)
    except Exception as exc:  # malformed XML raises many types
        raise InputError("bad_graph_file", path.name, fmt=fmt, detail=str(exc)[:120]) from None
    meta = G.graph
    actors = []
    for i, (node, data) in enumerate(G.nodes(data=True)):
        rec = {k: v for k, v in data.items() if k not in ("label", "netmap_id")}
        rec["id"] = data.get("netmap_id", node)
        if "name" not in rec and "label" in data:
            rec["name"] = data["label"]
        actors.append((f"{path.name} node {i + 1}", _json_record(rec, ACTOR_FIELDS)))
    node_ids = {node: data.get("netmap_id", node) for node, data in G.nodes(data=True)}
    ties = []
    edges = G.edges(data=True, keys=True) if G.is_multigraph() else ((u, v, None, d) for u, v, d in G.edges(data=True))
    for i, (u, v, _key, data) in enumerate(edges):
        rec = {k: val for k, val in data.items() if k not in ("id", "label", "key", "weight")}
        rec["source"], rec["target"] = node_ids[u], node_ids[v]
        if "directed" not in rec:
            rec["directed"] = G.is_directed()
        ties.append((f"{path.name} edge {i + 1}", _json_record(rec, TIE_FIELDS)))
    return network_from_records(actors, ties, name=str(meta.get("name", path.stem)),
                                date=meta.get("date") or None)
