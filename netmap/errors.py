"""Errors raised by netmap: one base class, one subclass for bad input."""

__all__ = ["NetmapError", "InputError"]


class NetmapError(Exception):
    """Base class of every error netmap raises on purpose.

    The message is built from a key in :mod:`netmap.i18n` so that the
    command line and the app can show it in the user's language.
    ``str(err)`` is the English text.
    """

    def __init__(self, key, where="", **params):
        self.key = key
        self.where = where
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang="en"):
        from .i18n import t

        text = t(self.key, lang, **self.params)
        return f"{self.where}: {text}" if self.where else text


class InputError(NetmapError):
    """Malformed input: names the file, the row and the column or value."""
