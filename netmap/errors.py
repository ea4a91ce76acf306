"""Errors raised by netmap: one base class, one subclass for bad input."""

__all__ = ["NetmapError", "InputError", "Where"]


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
    """

    _WORDS = {"en": ("sheet", "row"), "da": ("ark", "række")}

    def __new__(cls, label, row, sheet=None, columns=None):
        obj = super().__new__(cls, cls._render(label, row, sheet, "en"))
        obj.label, obj.row, obj.sheet, obj.columns = label, row, sheet, columns or {}
        return obj

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
