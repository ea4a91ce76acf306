"""Errors raised by netmap: one base class, one subclass for bad input."""

import threading

__all__ = ["NetmapError", "InputError", "Where"]

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


class InputError(NetmapError):
    """Malformed input: names the file, the row and the column or value."""


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
