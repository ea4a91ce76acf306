"""The partnership's own review of the 19 decisive elements of successful partnerships (Table 7.1).

The evaluation behind netmap (seed text, Table 7.1) names 19 elements in three groups:
relational, structural, and in the partner organisations. A network may carry the
partnership's review of them: for each element a rating on one scale, a note and the date it
was made (METHODS.md, "Table 7.1 review"). The texts of the elements and of the scale are in
:mod:`netmap.present.vocab`; this module holds the language-free model and reads it from
records (a JSON list, or the rows of a review sheet or file).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, replace

from .errors import InputError, Named
from .i18n import N_
from .model import BadNumber, _field, as_text, header_key

__all__ = [
    "GROUPS",
    "ELEMENTS",
    "RATINGS",
    "REVIEW_FIELDS",
    "Entry",
    "group_of",
    "review_from_records",
    "review_from_json",
    "review_to_json",
    "with_entry",
    "review_changes",
]

#: The three groups of Table 7.1, in the table's order.
GROUPS = ("relational", "structural", "organisations")

#: The element numbers of each group (Table 7.1: six relational, ten structural, three in the
#: partner organisations).
ELEMENTS = {
    "relational": tuple(range(1, 7)),
    "structural": tuple(range(7, 17)),
    "organisations": tuple(range(17, 20)),
}
_GROUP_OF = {n: g for g, numbers in ELEMENTS.items() for n in numbers}

#: The one rating scale: 1 not in place, 2 partly, 3 largely, 4 fully (None: not assessed).
RATINGS = (1, 2, 3, 4)

# The words a user may type for a rating instead of its number, English and Danish.
_RATING_WORDS = {
    "not in place": 1,
    "ikke på plads": 1,
    "partly": 2,
    "partly in place": 2,
    "delvist": 2,
    "delvis": 2,
    "delvist på plads": 2,
    "largely": 3,
    "largely in place": 3,
    "i høj grad": 3,
    "i høj grad på plads": 3,
    "fully": 4,
    "fully in place": 4,
    "fuldt": 4,
    "helt": 4,
    "fuldt på plads": 4,
    "helt på plads": 4,
    "not assessed": None,
    "ikke vurderet": None,
}

#: Headers of a review sheet or file, English and Danish (compared as :func:`header_key` spells
#: them). ``group``, ``element`` and ``evidence`` are written for the reader and ignored on reading.
REVIEW_FIELDS = {
    "number": "number",
    "no": "number",
    "no.": "number",
    "nr": "number",
    "nr.": "number",
    "nummer": "number",
    "group": "group",
    "gruppe": "group",
    "element": "element",
    "rating": "rating",
    "vurdering": "rating",
    "note": "note",
    "notes": "note",
    "noter": "note",
    "bemærkning": "note",
    "bemærkninger": "note",
    "date": "date",
    "dato": "date",
    "evidence": "evidence",
    "the network shows": "evidence",
    "netværket viser": "evidence",
}


@dataclass(frozen=True)
class Entry:
    """The review of one element: ``rating`` 1-4 or None (not assessed), a note, an ISO date or None."""

    number: int
    rating: int | None = None
    note: str = ""
    date: str | None = None

    @property
    def group(self):
        return _GROUP_OF[self.number]

    @property
    def empty(self):
        return self.rating is None and not self.note.strip() and self.date is None


def group_of(number: int) -> str:
    """The group of an element: ``group_of(13)`` -> ``"structural"``."""
    return _GROUP_OF[number]


def _number(raw):
    """A whole number from a cell or JSON value, else None (the caller says what was expected)."""
    if isinstance(raw, bool) or isinstance(raw, BadNumber):
        return None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float):
        return int(raw) if raw.is_integer() else None
    text = as_text(raw).strip().replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return None
    return int(value) if value.is_integer() else None


def _element(raw, where):
    number = _number(raw)
    if number not in _GROUP_OF:
        raise InputError(
            'column "{column}": "{value}" is not an element of Table 7.1 (a number from 1 to 19)',
            where,
            column="number",
            value=as_text(raw).strip(),
        )
    return number


def _rating(raw, where):
    text = as_text(raw).strip() if not isinstance(raw, (dict, list)) else "?"
    if not text:
        return None
    words = " ".join(text.split()).lower()
    if words in _RATING_WORDS:
        return _RATING_WORDS[words]
    value = _number(raw)
    if value in RATINGS:
        return value
    raise InputError(
        'column "{column}": the rating "{value}" is outside the scale (1 not in place, 2 partly, 3 largely, '
        "4 fully; empty: not assessed)",
        where,
        column="rating",
        value=text,
    )


def _date(raw, where):
    text = as_text(raw).strip() if not isinstance(raw, (dict, list)) else "?"
    if not text:
        return None
    if text.endswith("T00:00:00"):  # a date cell of a spreadsheet
        text = text[:10]
    try:
        if len(text) == 10:
            return _dt.date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    raise InputError('column "{column}": date "{value}" is not YYYY-MM-DD', where, column="date", value=text)


def review_from_records(rows) -> dict[int, Entry]:
    """The review in ``rows`` (``(where, record)`` with mapped headers, as a file's rows are read).

    Returns ``{number: Entry}`` in element order, without empty entries. Raises InputError naming
    the row and the column for an unknown element number, a rating outside the scale, a bad date
    or an element given twice.

    >>> review_from_records([("r.csv row 2", {"number": "3", "rating": "delvist", "note": "ok"})])
    {3: Entry(number=3, rating=2, note='ok', date=None)}
    """
    out, first = {}, {}
    for where, record in rows:
        if not as_text(record.get("number")).strip() and not any(
            as_text(record.get(k)).strip() for k in ("rating", "note", "date")
        ):
            continue  # a row without an element and without a review (e.g. a heading)
        number = _element(record.get("number"), where)
        if number in first:
            raise InputError(
                'column "{column}": element {value} is given twice (first at {first})',
                where,
                column="number",
                value=number,
                first=first[number],
            )
        first[number] = where
        entry = Entry(
            number,
            _rating(record.get("rating"), where),
            _field(record, "note", where, lines=True),
            _date(record.get("date"), where),
        )
        if not entry.empty:
            out[number] = entry
    return {n: out[n] for n in sorted(out)}


def review_from_json(items, label="JSON") -> dict[int, Entry]:
    """The ``review`` list of a canonical JSON document (``[{"number", "rating", "note", "date"}]``)."""
    if items is None:
        return {}
    if not isinstance(items, list):
        raise InputError('"{field}" must be a list', label, field="review")
    rows = []
    for i, item in enumerate(items):
        where = f"{label} review[{i}]"
        if not isinstance(item, dict):
            raise InputError("each item must be an object", where)
        rows.append((where, {REVIEW_FIELDS.get(header_key(k), k): v for k, v in item.items()}))
    return review_from_records(rows)


def review_to_json(review: dict) -> list[dict]:
    """The ``review`` list of the canonical JSON document: one object per element reviewed."""
    return [{"number": e.number, "rating": e.rating, "note": e.note, "date": e.date} for e in review.values()]


def with_entry(net, number: int, rating=None, note: str = "", date=None):
    """A copy of ``net`` whose review of element ``number`` is replaced (removed when all is empty).

    The values are checked as a file's would be (InputError naming the element).
    """
    where = Named(N_("element {n}"), "review", n=number)
    entry = review_from_records([(where, {"number": number, "rating": rating, "note": note or "", "date": date})])
    review = {n: e for n, e in net.review.items() if n != number}
    review.update(entry)
    return replace(net, review={n: review[n] for n in sorted(review)})


def review_changes(old: dict, new: dict) -> list[dict]:
    """How a review changed: ``[{"number", "before": Entry | None, "after": Entry | None,
    "changed": [fields]}]`` for each element whose rating or note differs, in element order."""
    out = []
    for number in sorted(set(old) | set(new)):
        a, b = old.get(number), new.get(number)
        changed = [
            f for f in ("rating", "note") if (getattr(a, f) if a else _EMPTY[f]) != (getattr(b, f) if b else _EMPTY[f])
        ]
        if changed:
            out.append({"number": number, "before": a, "after": b, "changed": changed})
    return out


_EMPTY = {"rating": None, "note": ""}
