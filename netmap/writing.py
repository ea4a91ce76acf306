"""Write a network as JSON, XLSX, a CSV pair, GraphML or GEXF."""

from __future__ import annotations

import csv
import json
import os
import stat
import tempfile
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import InputError
from .i18n import _
from .model import ACTOR_COLUMNS, ACTOR_FIELDS, CUSTOM_PREFIX, TIE_COLUMNS, TIE_FIELDS, custom_header
from .present.vocab import ACTOR_KINDS, TIE_KINDS
from .privacy import pseudonymise as _pseudonymise
from .review import review_to_json

if TYPE_CHECKING:
    from .model import Network

__all__ = [
    "write_network",
    "write_review",
    "to_json",
    "escape_cell",
    "actor_rows",
    "tie_rows",
    "FORMATS",
    "REVIEW_SHEET",
    "write_text",
    "write_bytes",
]

FORMATS = (".json", ".xlsx", ".graphml", ".gexf")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def escape_cell(value):
    """Neutralise text a spreadsheet would run as a formula (OWASP CSV injection).

    A leading ``'`` is added to text starting with ``= + - @``, tab or CR
    (and to text that already starts with quotes before such a character,
    so that :func:`netmap.reading.unescape_cell` gives back the original).
    """
    if isinstance(value, str) and value.lstrip("'")[:1] in _FORMULA_START and value.lstrip("'"):
        return "'" + value
    return value


def _number(x):
    return int(x) if float(x).is_integer() else float(x)


def to_json(net: Network) -> dict[str, Any]:
    """The canonical JSON document (a dict) of a network."""
    actors = []
    for a in net.actors:
        item = {c: getattr(a, c) for c in ACTOR_COLUMNS}
        for axis in ("x", "y"):
            if getattr(a, axis) is not None:
                item[axis] = getattr(a, axis)
        item["attributes"] = dict(a.attributes)
        actors.append(item)
    ties = [
        {
            "source": t.source,
            "target": t.target,
            "kind": t.kind,
            "strength": _number(t.strength),
            "directed": t.directed,
            "status": t.status,
            "notes": t.notes,
            "attributes": dict(t.attributes),
        }
        for t in net.ties
    ]
    doc = {"netmap_version": 1, "name": net.name, "date": net.date, "actors": actors, "ties": ties}
    if net.review:  # optional: a network without a review is written as before
        doc["review"] = review_to_json(net.review)
    return doc


#: Headers and values of CSV and XLSX files written in Danish (``lang="da"``); netmap reads them back.
DANISH_HEADERS = {
    "name": "navn",
    "kind": "type",
    "sector": "sektor",
    "level": "niveau",
    "scope": "rækkevidde",
    "notes": "noter",
    "source": "fra",
    "target": "til",
    "strength": "styrke",
    "directed": "rettet",
}
DANISH_VALUES = {
    "sector": {"public": "offentlig", "civil": "civil", "private": "privat", "citizen": "borger", "unknown": "ukendt"},
    "level": {"operational": "udfører", "management": "ledelse", "political": "politisk"},
    "scope": {"local": "lokal", "municipal": "kommunal", "regional": "regional", "national": "national"},
    "status": {"active": "aktiv", "planned": "planlagt"},
    # The kinds by their names in the Danish catalogue (day_service: "dagtilbud"); a kind of the
    # user's own is written as it is. netmap reads the names back as the kinds (reading.py).
    "kind": {code: _(label, "da") for code, label in ACTOR_KINDS.items()},
    "tie_kind": {code: _(label, "da") for code, label in TIE_KINDS.items()},
}
#: Sheet names (XLSX) and file names (CSV folder) of the two tables, per language.
TABLE_NAMES = {"en": ("actors", "ties"), "da": ("aktører", "relationer")}


def _header(columns, lang):
    return [DANISH_HEADERS.get(c, c) for c in columns] if lang == "da" else list(columns)


def _flag(value, lang):
    """A true/false field: a bool, or ``ja``/``nej`` in Danish files."""
    return ("ja" if value else "nej") if lang == "da" else value


def _enum(field, value, lang):
    return DANISH_VALUES[field].get(value, value) if lang == "da" else value


def actor_rows(net, lang="en"):
    """Header and rows of the actors table (custom attributes as extra columns); ``lang="da"``: Danish words."""
    custom = net.attribute_names()
    positions = any(a.x is not None or a.y is not None for a in net.actors)
    header = (
        _header(ACTOR_COLUMNS, lang)
        + (["x", "y"] if positions else [])
        + [custom_header(k, ACTOR_FIELDS) for k in custom]
    )
    rows = []
    for a in net.actors:
        row = [
            a.id,
            a.name,
            _enum("kind", a.kind, lang),
            _enum("sector", a.sector, lang),
            _enum("level", a.level, lang),
            _enum("scope", a.scope, lang),
            _flag(a.partner, lang),
            a.organisation,
            a.notes,
        ]
        if positions:
            row += [a.x, a.y]
        row += [a.attributes.get(k, "") for k in custom]
        rows.append(row)
    return header, rows


def tie_rows(net, lang="en"):
    """Header and rows of the ties table; ``lang="da"``: Danish headers (``fra``, ``til``) and values."""
    custom = net.tie_attribute_names()
    header = _header(TIE_COLUMNS, lang) + [custom_header(k, TIE_FIELDS) for k in custom]
    rows = [
        [
            t.source,
            t.target,
            _enum("tie_kind", t.kind, lang),
            _number(t.strength),
            _flag(t.directed, lang),
            _enum("status", t.status, lang),
            t.notes,
        ]
        + [t.attributes.get(k, "") for k in custom]
        for t in net.ties
    ]
    return header, rows


def _cell_text(value, decimal="."):
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(_number(value)).replace(".", decimal)
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _write_csv(path, header, rows, delimiter, commit=True):
    """Write one CSV table; returns its :class:`_atomic` (to commit when ``commit`` is False)."""
    # With ";" (Danish Excel) numbers get a decimal comma, as Danish Excel writes and reads them.
    decimal = "," if delimiter == ";" else "."
    writer = _atomic(path, "w", commit=commit, encoding="utf-8-sig", newline="")
    with writer as fh:
        w = csv.writer(fh, delimiter=delimiter, lineterminator="\r\n")
        w.writerow([escape_cell(h) for h in header])
        for row in rows:
            w.writerow([escape_cell(v) if isinstance(v, str) else _cell_text(v, decimal) for v in row])
    return writer


def _write_xlsx(net, path, lang="en"):
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    meta = ["key", "value"], [["netmap_version", 1], ["name", net.name or ""], ["date", net.date or ""]]
    actors, ties = TABLE_NAMES.get(lang, TABLE_NAMES["en"])
    sheets = [(actors, actor_rows(net, lang)), (ties, tie_rows(net, lang)), ("netmap", meta)]
    if net.review:  # optional: the partnership's review of Table 7.1
        sheets.append((REVIEW_SHEET.get(lang, "review"), _review_table(net, lang)))
    for title, (header, rows) in sheets:
        _fill_sheet(wb.create_sheet(title), header, rows)
    with _atomic(path, "wb") as fh:
        wb.save(fh)


def _fill_sheet(ws, header, rows):
    """Write a header and rows to a sheet; text stays text (never a formula)."""
    for c, value in enumerate(header, start=1):
        ws.cell(row=1, column=c, value=value).data_type = "s"
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            if isinstance(value, (dict, list)):
                value = json.dumps(value, ensure_ascii=False)
            cell = ws.cell(row=r, column=c, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever it starts with
    ws.freeze_panes = "A2"


#: The name of the review's sheet in a network's workbook (and of a review file's sheet), per language.
REVIEW_SHEET = {"en": "review", "da": "vurdering"}


def _review_table(net, lang, result=None):
    from .present.review import review_table

    return review_table(net, lang, result)


def write_review(net: Network, path, lang: str = "en", result: dict | None = None) -> Path:
    """Write the review of ``net`` (Table 7.1) as a file of its own: ``.csv`` (UTF-8 with BOM, ``;``)
    or ``.xlsx`` (one sheet, ``review`` or ``vurdering``); one row per element, Danish headers
    with ``lang="da"``. With ``result`` (``analyze(net)``) a last column gives the network's
    evidence in words; netmap reads the file back with :func:`netmap.reading.read_review`.
    """
    import openpyxl

    path = Path(path)
    header, rows = _review_table(net, lang, result)
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            _write_csv(path, header, rows, ";")
        elif suffix == ".xlsx":
            wb = openpyxl.Workbook()
            ws = wb.active
            ws.title = REVIEW_SHEET.get(lang, "review")
            _fill_sheet(ws, header, rows)
            with _atomic(path, "wb") as fh:
                wb.save(fh)
        else:
            raise InputError("a review is written to a .csv or .xlsx file", path.name)
    except OSError as exc:
        raise InputError("cannot write: {detail}", str(path), detail=exc.strerror or str(exc)) from None
    return path


def _graph(net, fmt):
    import networkx as nx

    directed = any(t.directed for t in net.ties)
    G = nx.MultiDiGraph() if directed else nx.MultiGraph()
    G.graph["name"] = net.name or ""
    if net.date:
        G.graph["date"] = net.date
    node_types = _attribute_types([a.attributes for a in net.actors])
    edge_types = _attribute_types([t.attributes for t in net.ties])
    for a in net.actors:
        data = {c: getattr(a, c) for c in ACTOR_COLUMNS[1:]}
        for axis in ("x", "y"):
            if getattr(a, axis) is not None:
                data[axis] = float(getattr(a, axis))
        for k, v in a.attributes.items():
            data[_graph_key(k, ACTOR_FIELDS)] = _attr_value(v, node_types[k])
        if fmt == ".gexf":
            data["label"] = a.name
        G.add_node(a.id, **data)
    for t in net.ties:
        data = {
            "kind": t.kind,
            "strength": float(t.strength),
            "directed": t.directed,
            "status": t.status,
            "notes": t.notes,
            "weight": float(t.strength),
        }
        for k, v in t.attributes.items():
            data[_graph_key(k, TIE_FIELDS)] = _attr_value(v, edge_types[k])
        G.add_edge(t.source, t.target, key=f"{t.kind}", **data)
    return G


_RESERVED = {"label", "weight", "viz", "start", "end", "pid", "id", "key", "netmap_id"}


def _graph_key(name, table):
    """Custom attribute name in GraphML/GEXF: prefixed when a reader would take it for a field or reserved name."""
    return CUSTOM_PREFIX + name if name.strip().lower() in _RESERVED else custom_header(name, table)


def _attribute_types(dicts):
    """One type per custom attribute (GraphML and GEXF declare one): its values' type if all agree, else text."""
    types = {}
    for d in dicts:
        for k, v in d.items():
            kind = type(v) if isinstance(v, (bool, int, float, str)) else str
            types[k] = kind if types.get(k, kind) is kind else str
    return types


def _attr_value(v, kind=str):
    if kind is not str and isinstance(v, kind):
        return v
    return _cell_text(v)


def _new_file_mode():
    """The mode a new file gets under this process's umask (read without changing it)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o600  # unknown umask: readable by the owner only (the file may hold personal data)


class _atomic:
    """Write to a new temporary file beside ``path`` and move it into place when complete.

    The temporary file has an unpredictable name (:func:`tempfile.mkstemp`, created with
    ``O_EXCL``, so no file or symlink planted beside the target is followed); it is flushed and
    fsync'ed, then renamed over ``path`` with :func:`os.replace`. If ``path`` is a symlink, the
    link itself is replaced by the new file and the file it points to is left untouched (a
    rename never follows a link). On any error the temporary file is removed and the previous
    file stays as it was. A replaced regular file keeps its permissions; a new file gets the
    usual ones (the umask). ``commit=False`` leaves the rename to :meth:`commit`, so that
    several files (the CSV pair) are moved into place only when all are written.
    """

    def __init__(self, path, mode, commit=True, **kwargs):
        self.path, self.mode, self.auto, self.kwargs = Path(path), mode, commit, kwargs
        self.tmp = None

    def __enter__(self):
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp")
        self.tmp = Path(tmp)
        try:
            try:
                st = os.lstat(self.path)
                mode = stat.S_IMODE(st.st_mode) if stat.S_ISREG(st.st_mode) else _new_file_mode()
            except FileNotFoundError:
                mode = _new_file_mode()
            os.fchmod(fd, mode)
            self.fh = os.fdopen(fd, self.mode, **self.kwargs)
        except BaseException:
            os.close(fd)
            self.discard()
            raise
        return self.fh

    def __exit__(self, exc_type, exc, tb):
        try:
            if exc_type is None:
                self.fh.flush()
                os.fsync(self.fh.fileno())
            self.fh.close()
        except BaseException:
            self.discard()
            raise
        if exc_type is not None:
            self.discard()
        elif self.auto:
            self.commit()
        return False

    def commit(self):
        """Move the written file into place (and make the rename durable)."""
        try:
            os.replace(self.tmp, self.path)
        except BaseException:
            self.discard()
            raise
        self.tmp = None
        try:
            dir_fd = os.open(self.path.parent, os.O_RDONLY)
        except OSError:
            return
        try:
            os.fsync(dir_fd)
        except OSError:
            pass
        finally:
            os.close(dir_fd)

    def discard(self):
        if self.tmp is not None:
            self.tmp.unlink(missing_ok=True)
            self.tmp = None


def write_network(
    net: Network,
    path: str | os.PathLike[str],
    pseudonymise: bool = False,
    csv_delimiter: str = ";",
    lang: str = "en",
    key: str | bytes | None = None,
) -> Path:
    """Write ``net`` to ``path``; the format comes from the suffix.

    ``.json``, ``.xlsx``, ``.graphml``, ``.gexf``; a path without a suffix
    (or an existing folder) gets ``actors.csv`` and ``ties.csv``, written
    as Danish Excel reads them (UTF-8 with BOM, ``;``). With
    ``pseudonymise`` the citizens are pseudonymised first (:mod:`netmap.privacy`), with
    ``key`` (default: :func:`netmap.privacy.workspace_key`). With ``lang="da"``
    the CSV and XLSX tables are Danish (``aktører.csv``/``relationer.csv``, sheets
    ``aktører``/``relationer``, headers ``navn``, ``sektor``, ``fra``, ``til``, values
    ``offentlig``, ``ja``); JSON, GraphML and GEXF are the same in every language.
    """
    path = Path(path)
    if pseudonymise:
        net = _pseudonymise(net, key)
    suffix = path.suffix.lower()
    try:
        if suffix == ".json":
            with _atomic(path, "w", encoding="utf-8") as fh:
                fh.write(json.dumps(to_json(net), ensure_ascii=False, indent=2) + "\n")
        elif suffix in (".xlsx",):
            _write_xlsx(net, path, lang)
        elif suffix in (".graphml", ".gexf"):
            import networkx as nx

            G = _graph(net, suffix)
            with _atomic(path, "wb") as fh:
                (nx.write_graphml if suffix == ".graphml" else nx.write_gexf)(G, fh)
        elif suffix == "" or path.is_dir():
            actors, ties = TABLE_NAMES.get(lang, TABLE_NAMES["en"])
            _refuse_other_language(path, lang)
            path.mkdir(parents=True, exist_ok=True)
            a_file = _write_csv(path / f"{actors}.csv", *actor_rows(net, lang), csv_delimiter, commit=False)
            try:
                t_file = _write_csv(path / f"{ties}.csv", *tie_rows(net, lang), csv_delimiter, commit=False)
            except BaseException:
                a_file.discard()
                raise
            a_file.commit()  # both written: now both move into place
            t_file.commit()
        else:
            raise InputError(
                "unknown output type; use .json, .xlsx, .graphml, .gexf, .html or a folder for CSV", path.name
            )
    except OSError as exc:
        raise InputError("cannot write: {detail}", str(path), detail=exc.strerror or str(exc)) from None
    return path


def _refuse_other_language(folder, lang):
    """A CSV folder holding the other language's tables would be read as those: refuse to mix them."""
    if not folder.is_dir():
        return
    present = {unicodedata.normalize("NFC", f.name).lower() for f in folder.iterdir()}
    for other, names in TABLE_NAMES.items():
        found = [f"{n}.csv" for n in names if f"{n}.csv" in present]
        if other != lang and found:
            raise InputError(
                "the folder already holds {files} in another language; write to a new folder or remove them first",
                str(folder),
                files=", ".join(found),
            )


def write_text(text: str, path) -> Path:
    """Write ``text`` to ``path`` (UTF-8) atomically: a failed write keeps the previous file."""
    path = Path(path)
    try:
        with _atomic(path, "w", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as exc:
        raise InputError("cannot write: {detail}", str(path), detail=exc.strerror or str(exc)) from None
    return path


def write_bytes(data: bytes, path) -> Path:
    """Write ``data`` to ``path`` atomically, as :func:`write_text` does (a report, a picture)."""
    path = Path(path)
    try:
        with _atomic(path, "wb") as fh:
            fh.write(data)
    except OSError as exc:
        raise InputError("cannot write: {detail}", str(path), detail=exc.strerror or str(exc)) from None
    return path
