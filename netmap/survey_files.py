"""Read a survey round held on paper or in a workshop from an XLSX or CSV file (issue 13).

One row per respondent and partner: who answered, whom they work with (an actor's id or name, or
a new organisation or person with its sector), the kinds of tie, how often, the three value and
the three trust items (1-4) and the influence they give the partner (0-5). The ratings of the 19
elements of Table 7.1 are one row per respondent and element: a second sheet (``elementer`` or
``elements``) of the workbook, or a second CSV file. Headers are read in Danish or English as
:mod:`netmap.reading` reads a network's. The result is one answer document per respondent, the
same document the survey page saves (``docs/METHODS.md``, "Partner survey"), so a round from a
file gives the same results as one answered through the links.

Any problem stops the reading with one :class:`~netmap.errors.InputError` naming the file, row and
column: an unknown respondent or partner, a value outside its scale, a respondent and partner
given twice. Nothing is stored before the whole file has been read.
"""

from __future__ import annotations

import re
from pathlib import Path

from .errors import InputError
from .i18n import LANGS, N_, Message
from .model import _SECTOR_WORDS, _actor_by_name, _enum, _field, _name_key, _names_index, canonical_tie_kind
from .reading import (
    _records,
    _sheet_named,
    _sheet_rows,
    _spreadsheet_hint,
    _workbook,
    read_csv_records,
)
from .review import ELEMENTS, REVIEW_FIELDS, review_from_records
from .survey import (
    FREQUENCIES,
    SURVEY_KINDS,
    TRUST_ITEMS,
    VALUE_ITEMS,
    _roster,  # the ids a respondent may name, as the survey page offers them
    check_answer,
    citizen_groups,
    close_round,
    get_round,
    import_answers,
    open_round,
)

__all__ = [
    "read_answers",
    "import_round",
    "write_answers",
    "ANSWER_FIELDS",
    "ELEMENT_FIELDS",
    "ANSWER_SHEETS",
    "ELEMENT_SHEETS",
    "TEMPLATE_HEADERS",
]

#: The sheet of the answers and the sheet of the elements in a workbook (else the first sheet is the answers).
ANSWER_SHEETS = ("svar", "answers", "besvarelser")
ELEMENT_SHEETS = ("elementer", "elements")

#: Headers of the answers, English and Danish (compared as :func:`netmap.model.header_key` spells them).
ANSWER_FIELDS = {
    "respondent": "respondent",
    "respondent id": "respondent",
    "besvaret af": "respondent",
    "answered by": "respondent",
    "partner": "partner",
    "samarbejdspartner": "partner",
    "works with": "partner",
    "arbejder sammen med": "partner",
    "sector": "sector",
    "sektor": "sector",
    "new partner's sector": "sector",
    "ny partners sektor": "sector",
    "sektor (ny partner)": "sector",
    "sector (new partner)": "sector",
    "kinds": "kinds",
    "kind": "kinds",
    "kinds of tie": "kinds",
    "type": "kinds",
    "relation": "kinds",
    "relationer": "kinds",
    "slags relation": "kinds",
    "frequency": "frequency",
    "how often": "frequency",
    "hyppighed": "frequency",
    "hvor ofte": "frequency",
    "power": "power",
    "power and influence": "power",
    "magt og indflydelse": "power",
    "involvement": "involvement",
    "level of involvement": "involvement",
    "involvering": "involvement",
    "grad af involvering": "involvement",
    "resources": "resources",
    "resource contribution": "resources",
    "ressourcer": "resources",
    "ressourcebidrag": "resources",
    "reliability": "reliability",
    "pålidelighed": "reliability",
    "mission": "mission",
    "support of the shared mission": "mission",
    "shared mission": "mission",
    "fælles mission": "mission",
    "opbakning til den fælles mission": "mission",
    "openness": "openness",
    "openness to discussion": "openness",
    "åbenhed": "openness",
    "åbenhed for diskussion": "openness",
    "influence": "influence",
    "indflydelse": "influence",
    "influence on the goals": "influence",
    "indflydelse på målene": "influence",
}

#: Headers of the elements (Table 7.1): the review's (number, rating, note), a respondent and a comment.
ELEMENT_FIELDS = {
    **REVIEW_FIELDS,
    "respondent": "respondent",
    "respondent id": "respondent",
    "besvaret af": "respondent",
    "answered by": "respondent",
    "comment": "note",
    "kommentar": "note",
}

#: The headers netmap's template writes, per language (``sample_networks/survey_template*``).
TEMPLATE_HEADERS = {
    "answers": {
        "da": (
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
        ),
        "en": (
            "respondent",
            "partner",
            "new partner's sector",
            "kinds",
            "frequency",
            "power",
            "involvement",
            "resources",
            "reliability",
            "mission",
            "openness",
            "influence",
        ),
    },
    "elements": {
        "da": ("respondent", "nr", "element", "vurdering", "kommentar"),
        "en": ("respondent", "number", "element", "rating", "comment"),
    },
}

#: The words a written file uses for the codes, per language (each read back by :func:`read_answers`).
FILE_WORDS = {
    "da": {
        "formal_agreement": "formel aftale",
        "collaboration": "samarbejde",
        "personal": "personlig kontakt",
        "funding": "finansiering",
        "daily": "dagligt",
        "weekly": "ugentligt",
        "monthly": "månedligt",
        "less": "sjældnere",
        "public": "offentlig",
        "civil": "civil",
        "private": "privat",
        "citizen": "borger",
        "unknown": "ukendt",
    },
    "en": {"personal": "personal contact", "formal_agreement": "formal agreement"},
}
#: The sheets of a written workbook, per language.
SHEET_NAMES = {"da": ("svar", "elementer"), "en": ("answers", "elements")}

_FREQUENCY_WORDS = {
    **{f: f for f in FREQUENCIES},
    "dagligt": "daily",
    "daglig": "daily",
    "ugentligt": "weekly",
    "ugentlig": "weekly",
    "månedligt": "monthly",
    "månedlig": "monthly",
    "less often": "less",
    "sjældnere": "less",
    "sjældent": "less",
    "mindre": "less",
}
_KIND_WORDS = {"personlig kontakt": "personal", "personal contact": "personal", "aftale": "formal_agreement"}
_SEPARATORS = re.compile(r"[,;/+|\n]|\bog\b|\band\b")
_ALLOWED_FREQUENCY = Message(N_("daily, weekly, monthly, less (dagligt, ugentligt, månedligt, sjældnere)"))
_ALLOWED_KINDS = Message(
    N_(
        "formal agreement, collaboration, personal contact, funding (formel aftale, samarbejde, personlig kontakt, finansiering)"
    )
)
_TIE_FIELDS = ("kinds", "frequency") + VALUE_ITEMS + TRUST_ITEMS


def read_answers(net, path, elements=None) -> dict[str, dict]:
    """The answers in ``path`` (an XLSX or CSV file), with the elements in its ``elementer`` sheet or
    in the CSV file ``elements``: ``{respondent's actor id: answer document}``, in the order the
    respondents first appear. Raises InputError naming the file, row and column of the first problem.
    """
    path = Path(path)
    answer_rows, element_rows = _rows(path, Path(elements) if elements else None)
    index = _names_index(net.actors)
    ids = {a.id for a in net.actors}
    groups = _groups(net)
    docs, new, seen = {}, {}, {}
    for where, record in answer_rows:
        who = _actor(record, "respondent", where, ids, index)
        doc = docs.setdefault(who, _document())
        partner = _partner(record, where, ids, index, new, doc, groups)
        if partner == who:
            raise InputError('column "{column}": a respondent cannot name themselves', where, column="partner")
        if (who, partner) in seen:
            raise InputError(
                'column "{column}": this respondent and partner are given twice (first at {first})',
                where,
                column="partner",
                first=seen[(who, partner)],
            )
        seen[(who, partner)] = where
        influence = _scale(record, "influence", where, range(0, 6))
        if influence is not None:
            doc["influence"][partner] = influence
        tie = _tie(record, partner, where)
        if tie is not None:
            doc["ties"].append(tie)
        elif influence is None:
            raise InputError('column "{column}": give at least one kind of tie, or an influence', where, column="kinds")
    by_respondent = {}
    for where, record in element_rows:
        if not any(_field(record, f, where).strip() for f in ("rating", "note")):
            continue  # an element nobody rated (the template lists all 19 for each respondent)
        who = _actor(record, "respondent", where, ids, index)
        by_respondent.setdefault(who, []).append((where, record))
    for who, rows in by_respondent.items():
        doc = docs.setdefault(who, _document())
        for number, entry in review_from_records(rows).items():  # element, rating and duplicates checked
            doc["elements"][str(number)] = {"rating": entry.rating, "comment": entry.note}
    return docs


def import_round(ws, network, title, date, respondents, docs):
    """Store a round held on paper or in a workshop: open it for ``respondents`` (actor ids), store
    the answer documents ``docs`` (:func:`read_answers`) with :func:`netmap.survey.import_answers`,
    and close it; the links :func:`netmap.survey.open_round` makes never leave this function and
    stop working when it closes. Every document is checked as the survey page's are before anything
    is stored. Returns the closed :class:`netmap.survey.Round`."""
    net = ws.load(network)
    for actor, doc in docs.items():
        check_answer(doc, {rid for _, group in _roster(net, actor) for rid, _ in group}, actor)
    rnd, _tokens = open_round(ws, network, title, date=date, respondents=list(respondents))
    try:
        import_answers(ws, network, rnd.id, docs)  # all or nothing
    finally:  # closed whatever happens: a round cut short by a storage error takes no answers later
        close_round(ws, network, rnd.id)
    return get_round(ws, network, rnd.id)


def _document():
    """An empty answer document, finished (a file holds what the respondent said, all of it)."""
    numbers = [n for group in ELEMENTS.values() for n in group]
    return {
        "ties": [],
        "new_actors": [],
        "influence": {},
        "elements": {str(n): {"rating": None, "comment": ""} for n in numbers},
        "step": "done",
        "finished": True,
    }


def _rows(path, elements):
    if not path.exists():
        raise InputError("no such file or folder", str(path))
    _spreadsheet_hint(path)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        if elements is not None:
            raise InputError(
                "a workbook keeps its elements in the sheet \u201celementer\u201d; give one file", path.name
            )
        with _workbook(path) as (wb, lim):
            sheet = _sheet_named(wb, ANSWER_SHEETS) or wb.worksheets[0]
            answers = (sheet.title, _sheet_rows(sheet, path.name, lim))
            sheet = _sheet_named(wb, ELEMENT_SHEETS)
            found = (sheet.title, _sheet_rows(sheet, path.name, lim)) if sheet is not None else None
        rows = _records(path.name, answers[1], ANSWER_FIELDS, ["respondent", "partner"], answers[0], False)
        if found is None or not found[1]:
            return rows, []
        return rows, _records(path.name, found[1], ELEMENT_FIELDS, ["respondent", "number"], found[0], False)
    if suffix not in (".csv", ".txt", ".tsv"):
        raise InputError("the answers are read from a .csv or .xlsx file", path.name)
    rows = read_csv_records(path, ANSWER_FIELDS, ["respondent", "partner"])
    if elements is None:
        return rows, []
    if not elements.exists():
        raise InputError("no such file or folder", str(elements))
    _spreadsheet_hint(elements)
    return rows, read_csv_records(elements, ELEMENT_FIELDS, ["respondent", "number"])


def _actor(record, column, where, ids, index):
    """The id of the network's actor in ``column`` (its id, or its name)."""
    text = _field(record, column, where).strip()
    if not text:
        raise InputError('column "{column}": empty', where, column=column)
    return text if text in ids else _actor_by_name(index, text, where, column)


def _groups(net):
    """Citizens are named only as groups (:func:`netmap.survey.citizen_groups`): ``{citizen's id,
    group id or group label (case folded): group id}``."""
    out = {}
    for lang in LANGS:
        for gid, (label, members) in citizen_groups(net, lang).items():
            out.update({m: gid for m in members})
            out[gid] = out[_name_key(label)] = gid
    return out


def _partner(record, where, ids, index, new, doc, groups):
    """The partner's id: an actor of the network (a citizen as its group), or a new one (a name with
    a sector; ``new:<slug>``)."""
    text = _field(record, "partner", where).strip()
    sector = _field(record, "sector", where).strip()
    if not text:
        raise InputError('column "{column}": empty', where, column="partner")
    if text in groups or _name_key(text) in groups:
        return groups.get(text) or groups[_name_key(text)]
    if text in ids or index.get(_name_key(text)):
        found = text if text in ids else _actor_by_name(index, text, where, "partner")
        return groups.get(found, found)
    actor = new.get(_name_key(text))
    if actor is None and not sector:
        raise InputError(
            'column "{column}": "{value}" is not an actor of the network; for a new partner, give its sector',
            where,
            column="partner",
            value=text,
        )
    if actor is None:
        slug = re.sub(r"[^\w]+", "-", _name_key(text)).strip("-")[:80] or "partner"
        actor = {
            "id": f"new:{slug}",
            "name": text,
            "sector": _enum(sector, _SECTOR_WORDS, _SECTOR_LIST, where, "sector"),
        }
        new[_name_key(text)] = actor
    if actor not in doc["new_actors"]:
        doc["new_actors"].append(dict(actor))
    return actor["id"]


_SECTOR_LIST = Message(N_("public, civil, private, citizen, unknown"))


def _scale(record, column, where, scale):
    """A whole number on ``scale`` (``range``), or None for an empty cell."""
    raw = record.get(column)
    text = _field(record, column, where).strip().replace(",", ".")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        value = None
    if value is None or not value.is_integer() or int(value) not in scale or isinstance(raw, bool):
        raise InputError(
            'column "{column}": "{value}" is outside the scale {low} to {high}',
            where,
            column=column,
            value=text,
            low=scale.start,
            high=scale.stop - 1,
        )
    return int(value)


def _tie(record, partner, where):
    """The tie of one row, or None when the row gives nothing about a tie (only an influence)."""
    if not any(_field(record, f, where).strip() for f in _TIE_FIELDS):
        return None
    kinds = []
    for word in _SEPARATORS.split(_field(record, "kinds", where)):
        word = " ".join(word.split()).lower()
        if not word:
            continue
        kind = _KIND_WORDS.get(word) or canonical_tie_kind(word)
        if kind not in SURVEY_KINDS:
            raise InputError(
                'column "{column}": "{value}" is not allowed; use one of: {allowed}',
                where,
                column="kinds",
                value=word,
                allowed=_ALLOWED_KINDS,
            )
        if kind not in kinds:
            kinds.append(kind)
    if not kinds:
        raise InputError('column "{column}": give at least one kind of tie', where, column="kinds")
    frequency = _field(record, "frequency", where).strip()
    if not frequency:
        raise InputError('column "{column}": empty', where, column="frequency")
    return {
        "partner": partner,
        "kinds": kinds,
        "frequency": _enum(frequency, _FREQUENCY_WORDS, _ALLOWED_FREQUENCY, where, "frequency"),
        "value": {item: _scale(record, item, where, range(1, 5)) for item in VALUE_ITEMS},
        "trust": {item: _scale(record, item, where, range(1, 5)) for item in TRUST_ITEMS},
    }


def answer_rows(answers: dict, lang: str = "en") -> tuple[list, list]:
    """The answer documents ``{respondent: doc}`` as the rows of a file (:data:`TEMPLATE_HEADERS`, in
    ``lang``): one row per respondent and partner (a tie, or only an influence), and one row per
    element a respondent rated or commented on. A new actor is written by its name and sector."""
    from .present.review import element_text

    words = FILE_WORDS.get(lang, {})

    def word(code):
        return words.get(code, code)

    rows, elements = [], []
    for who, doc in answers.items():
        new = {a["id"]: a for a in doc.get("new_actors", [])}
        influence = dict(doc.get("influence", {}))

        for tie in doc.get("ties", []):
            items = [tie["value"].get(k) for k in VALUE_ITEMS] + [tie["trust"].get(k) for k in TRUST_ITEMS]
            kinds = ", ".join(word(k) for k in tie["kinds"])
            often = word(tie["frequency"]) if tie.get("frequency") else ""
            score = influence.pop(tie["partner"], None)
            rows.append([who, *_partner_cells(tie["partner"], new, word), kinds, often, *items, score])
        for actor_id, score in influence.items():
            if score is not None:
                rows.append([who, *_partner_cells(actor_id, new, word), "", "", *[None] * 6, score])
        for number, item in sorted(doc.get("elements", {}).items(), key=lambda kv: int(kv[0])):
            if item.get("rating") is not None or item.get("comment"):
                text = element_text(int(number), lang)
                elements.append([who, int(number), text, item.get("rating"), item.get("comment", "")])
    return rows, elements


def _partner_cells(actor_id, new, word):
    """A partner as a file names it: an actor's id, or a new actor's name and sector."""
    item = new.get(actor_id)
    return [item["name"], word(item["sector"])] if item else [actor_id, ""]


def write_answers(answers: dict, path, lang: str = "en", meta: dict | None = None) -> Path:
    """Write a round's answer documents: ``.xlsx`` (the sheets of the template, headers in ``lang``;
    :func:`read_answers` reads it back) or ``.json`` (``{"round": meta, "answers": {respondent:
    doc}}``). Written whole or not at all (the previous file is kept on an error)."""
    import json

    import openpyxl

    from .writing import _atomic, _fill_sheet, write_text

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".json":
        return write_text(json.dumps({"round": meta or {}, "answers": answers}, ensure_ascii=False, indent=2), path)
    if suffix != ".xlsx":
        raise InputError("the answers are written to a .xlsx or .json file", path.name)
    lang = lang if lang in SHEET_NAMES else "en"
    rows, elements = answer_rows(answers, lang)
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, header, table in zip(
        SHEET_NAMES[lang],
        (TEMPLATE_HEADERS["answers"][lang], TEMPLATE_HEADERS["elements"][lang]),
        (rows, elements),
        strict=True,
    ):
        _fill_sheet(wb.create_sheet(title), header, table)
    try:
        with _atomic(path, "wb") as fh:
            wb.save(fh)
    except OSError as exc:
        raise InputError("cannot write: {detail}", str(path), detail=exc.strerror or str(exc)) from None
    return path
