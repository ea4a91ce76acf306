"""Errors raised by netmap: one base class, one subclass for bad input."""

import threading

from .i18n import N_

__all__ = ["NetmapError", "InputError", "InputErrors", "Where", "Named"]

_TABLES_LOCK = threading.Lock()


class NetmapError(Exception):
    """Base class of every error netmap raises on purpose.

    ``msgid`` is the English text, marked for translation, with ``{placeholders}`` filled from
    ``params``; ``message(lang)`` says it in the user's language (the command line and the app
    catch errors in one place each). ``str(err)`` is the English text.
    """

    def __init__(self, msgid, where="", /, **params):
        columns = getattr(where, "columns", None)
        if columns and params.get("column") in columns:
            params["column"] = columns[params["column"]]  # the header as the file spells it
        self.msgid = msgid
        self.where = where
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang="en"):
        from .i18n import Message

        return Message(self.msgid, self.where, **self.params).text(lang)

    def lines(self, lang="en"):
        """The message as lines to show one under the other (one, but for :class:`InputErrors`);
        a value inside a line may hold a line break of its own, which is not one of these."""
        return [self.message(lang)]


class InputError(NetmapError):
    """Malformed input: names the file, the row and the column or value."""


class InputErrors(InputError):
    """Several rows of one input that are wrong, said together, one a line (at most
    :data:`SHOWN`), so that a file is mended in one go instead of one upload per mistake. Its
    ``msgid``, ``where`` and ``params`` are the first error's; ``errors`` has them all."""

    SHOWN = 10

    def __init__(self, errors):
        self.errors = list(errors)
        first = self.errors[0]
        self.msgid, self.where, self.params = first.msgid, first.where, first.params
        Exception.__init__(self, self.message("en"))

    def message(self, lang="en"):
        return "\n".join(self.lines(lang))

    def lines(self, lang="en"):
        from .i18n import ngettext

        n, shown = len(self.errors), self.errors[: self.SHOWN]
        lines = [ngettext("{n} problem:", "{n} problems:", n, lang, n=n)] + [f"- {e.message(lang)}" for e in shown]
        if n > len(shown):
            lines.append(ngettext("- and {n} more", "- and {n} more", n - len(shown), lang, n=n - len(shown)))
        return lines


class Where(str):
    """A location such as ``"ties.csv row 7"`` that also knows the file's own headers.

    ``columns`` maps field names to the headers as written in the file
    (``{"strength": "styrke"}``), so messages name the column the user sees;
    ``text(lang)`` says it in the user's language (``"relationer.csv række 7"``).

    A file makes one location per row and a network keeps them, so a location is only its text:
    ``label``, ``sheet`` and ``columns`` live on a small subclass shared by the rows of one
    table (made on first use, the last few kept), and ``row`` is read back from the text.
    """

    __slots__ = ()
    _WORDS = {"en": ("sheet", "row"), "da": ("ark", "række")}
    _TABLES: dict = {}  # (label, sheet, id(columns)) -> the shared subclass, newest last
    _KEEP = 64
    label = ""
    sheet = None
    columns: dict = {}

    def __new__(cls, label, row, sheet=None, columns=None):
        columns = columns or {}
        key = (label, sheet, id(columns))
        table = Where._TABLES.get(key)
        if table is None or table.columns is not columns:
            table = type("Where", (Where,), {"__slots__": (), "label": label, "sheet": sheet, "columns": columns})
            with _TABLES_LOCK:
                Where._TABLES[key] = table
                while len(Where._TABLES) > Where._KEEP:
                    del Where._TABLES[next(iter(Where._TABLES))]
        return str.__new__(table, cls._render(label, row, sheet, "en"))

    def __reduce__(self):
        return (Where, (self.label, self.row, self.sheet, self.columns))

    @property
    def row(self):
        return int(self.rsplit(" ", 1)[1])

    @classmethod
    def _render(cls, label, row, sheet, lang):
        sheet_word, row_word = cls._WORDS.get(lang, cls._WORDS["en"])
        place = f"{label} {sheet_word} {sheet}" if sheet else label
        return f"{place} {row_word} {row}"

    def text(self, lang="en"):
        return self._render(self.label, self.row, self.sheet, lang)

    def to_dict(self):
        """The location as JSON: ``{"file", "row", "sheet"}``; :meth:`from_dict` reads it back."""
        return {"file": self.label, "row": self.row, "sheet": self.sheet}

    @classmethod
    def from_dict(cls, d):
        return cls(d["file"], d["row"], d.get("sheet"))


class _FieldLabel(str):
    """A field of an actor or tie said by its label (:data:`netmap.present.vocab.COLUMNS`);
    ``str`` is the English label, ``text(lang)`` the label in ``lang``."""

    __slots__ = ("field",)

    def __new__(cls, field):
        obj = str.__new__(cls, _column_label(field, "en"))
        obj.field = field
        return obj

    def text(self, lang="en"):
        return _column_label(self.field, lang)


def _column_label(field, lang):
    from .present.vocab import COLUMNS, label

    return label(COLUMNS, field, lang)


class _Labels(dict):
    """Every field of an actor or tie (custom attributes too) by its label: the ``columns`` of a
    :class:`Named` location. A tie's ``kind`` is said as "Kind of tie"."""

    def __init__(self, table):
        super().__init__()
        self.table = table

    def __contains__(self, field):
        return isinstance(field, str)

    def __bool__(self):
        return True

    def __missing__(self, field):
        return _FieldLabel("tie_kind" if (self.table, field) == ("ties", "kind") else field)


class Named(str):
    """A location that names an actor or a tie instead of a row: ``Named.actor("Kommunen")``
    says ``actor "Kommunen"`` (``aktøren "Kommunen"``), ``Named.tie("A", "B")`` says
    ``tie "A – B"``; a column in the message is said by its label in the same language
    (``column "Strength"`` / ``kolonne "Styrke"``). A message that starts with it is a sentence
    (:meth:`opening`), in its own words when :attr:`sentences` has them, the field by its label:
    ``Tie "A – B": Strength must be from 1 (weak) to 3 (strong), not 7.``"""

    msgid = ""
    params: dict = {}
    columns: dict = {}
    #: A file's message (its column by header, for the command line) as said of a named actor or
    #: tie in the app, where there is no column but a field with a label.
    sentences = {
        'column "{column}": strength "{value}" is outside 1-3': N_(
            "{column} must be from 1 (weak) to 3 (strong), not {value}."
        ),
        # The file's says ids, a kind's code and a row (the app has none of them to show).
        'the {kind} tie between "{source}" and "{target}" is repeated (first at {first})': N_(
            "The two actors have a tie of this kind already; edit that one instead."
        ),
    }

    def __new__(cls, msgid, table="actors", /, **params):
        from .i18n import _

        obj = str.__new__(cls, _(msgid, "en", **params))
        obj.msgid, obj.params = msgid, params
        obj.columns = _Labels(table)
        return obj

    @classmethod
    def actor(cls, name):
        return cls(N_('actor "{name}"'), "actors", name=name)

    @classmethod
    def new_actor(cls, n):
        return cls(N_("new actor (row {n})"), "actors", n=n)

    @classmethod
    def tie(cls, source, target):
        return cls(N_('tie "{source} \u2013 {target}"'), "ties", source=source, target=target)

    def text(self, lang="en"):
        from .i18n import _

        return _(self.msgid, lang, **self.params)

    def opening(self, lang="en"):
        """The location as the start of a sentence: ``Tie "A – B"`` (``Relationen "A – B"``)."""
        text = self.text(lang)
        return text[:1].upper() + text[1:]
