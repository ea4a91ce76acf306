"""Translation and number formatting for every text netmap shows.

English source strings live in the code, marked for translation: ``_(msg, lang, **params)``
translates and fills ``{placeholders}``, ``ngettext(singular, plural, n, lang, **params)`` picks
the plural form, and ``N_(msg)`` only marks a string whose translation happens later (a table of
labels, an error raised in the core). The catalogues are gettext files managed with Babel
(``netmap/locale/<lang>/LC_MESSAGES/netmap.po``, compiled to ``.mo``; see the README).

The language is always passed to the lookup, never installed globally, so one process serves
people in Danish and in English at the same time. Numbers, percentages and dates go through
Babel's formatters with the language's locale (``da`` gives ``-0,11`` and ``1.234``); how many
decimals each kind of figure shows is decided once, in :data:`FIGURES`.
"""

from __future__ import annotations

import datetime as _dt
import functools
import gettext as _gettext
import math
import os
from pathlib import Path

__all__ = [
    "LANGS",
    "LOCALES",
    "FIGURES",
    "N_",
    "Nn_",
    "_",
    "ngettext",
    "number",
    "percent",
    "date",
    "moment",
    "default_lang",
    "Message",
    "translations",
]

LANGS = ("en", "da")
LOCALES = {"en": "en_GB", "da": "da_DK"}
LOCALE_DIR = Path(__file__).with_name("locale")
DOMAIN = "netmap"

#: Decimals shown for each kind of figure, everywhere (CLI, map, app, report, diff).
#: ``count``: whole numbers (actors, ties, brokerage counts); ``index``: E-I indices and other
#: values in [-1, 1]; ``centrality``: normalised betweenness, usually small.
FIGURES = {"count": 0, "index": 2, "centrality": 3}


def N_(message: str) -> str:
    """Mark ``message`` for translation without translating it (it is translated when shown)."""
    return message


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular and plural pair for translation; shown later with :func:`ngettext`."""
    return singular, plural


def _lang(lang: str | None) -> str:
    return lang if lang in LANGS else "en"


@functools.cache
def translations(lang: str) -> _gettext.NullTranslations:
    """The compiled catalogue of ``lang`` (English, the source language, needs none)."""
    if _lang(lang) == "en":
        return _gettext.NullTranslations()
    return _gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang])


def _(message: str, lang: str = "en", /, **params) -> str:
    """``message`` in ``lang`` with its ``{placeholders}`` filled from ``params``.

    >>> _("Flags", "da"), _("{n} ties", "en", n=3)
    ('Advarsler', '3 ties')
    """
    text = translations(_lang(lang)).gettext(message)
    return text.format(**params) if params else text


def ngettext(singular: str, plural: str, n: int, lang: str = "en", /, **params) -> str:
    """The singular or plural form for ``n`` in ``lang``; ``{n}`` is ``n`` as a count.

    >>> ngettext("{n} actor", "{n} actors", 1, "da"), ngettext("{n} actor", "{n} actors", 1234, "da")
    ('1 aktør', '1.234 aktører')
    """
    params.setdefault("n", number(n, lang, "count"))
    return translations(_lang(lang)).ngettext(singular, plural, n).format(**params)


@functools.lru_cache(maxsize=4096)  # a map formats the same few figures thousands of times
def number(x, lang: str = "en", kind: str = "index") -> str:
    """A figure as the user reads it: ``-0.11`` / ``-0,11``; ``1,234`` / ``1.234``.

    ``kind`` is a key of :data:`FIGURES`, or ``percent`` for a share (:func:`percent`). None and
    NaN are "undefined".

    >>> number(-0.111, "da"), number(1234, "da", "count"), number(None, "en"), number(1, "en")
    ('-0,11', '1.234', 'undefined', '1.00')
    """
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return _("undefined", lang)
    if kind == "percent":
        return percent(x, lang)
    from babel.numbers import format_decimal

    digits = FIGURES[kind]
    x = round(x, digits) + 0  # + 0 turns -0.0 into 0.0
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(x, format=pattern, locale=LOCALES[_lang(lang)])


def percent(share, lang: str = "en") -> str:
    """A share in [0, 1] as a whole percentage: ``75%`` / ``75 %``."""
    if share is None:
        return _("undefined", lang)
    from babel.numbers import format_percent

    return format_percent(share, locale=LOCALES[_lang(lang)])


def date(value, lang: str = "en") -> str:
    """An ISO date (``2017-01-15``) as the user reads it; other text is returned unchanged."""
    try:
        day = value if isinstance(value, _dt.date) else _dt.date.fromisoformat(str(value))
    except ValueError:
        return str(value)
    from babel.dates import format_date

    return format_date(day, format="long", locale=LOCALES[_lang(lang)])


def moment(value, lang: str = "en", tz: str | None = None) -> str:
    """A moment (an ISO date and time, such as a revision's ``2026-12-01T17:50:17+00:00``) as the
    user reads it, in the time zone ``tz`` (an IANA name such as ``Europe/Copenhagen``; UTC when
    None or unknown): ``1 Dec 2026, 18:50`` / ``1. dec. 2026 18.50``. Other text is returned unchanged."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        when = value if isinstance(value, _dt.datetime) else _dt.datetime.fromisoformat(str(value))
    except ValueError:
        return str(value)
    if when.tzinfo is None:
        when = when.replace(tzinfo=_dt.UTC)
    try:
        zone = ZoneInfo(tz) if tz else _dt.UTC
    except (ZoneInfoNotFoundError, ValueError):
        zone = _dt.UTC
    from babel.dates import format_datetime

    text = format_datetime(when.astimezone(zone), format="medium", locale=LOCALES[_lang(lang)])
    return text if zone is not _dt.UTC else f"{text} UTC"


def default_lang() -> str:
    """The language from ``NETMAP_LANG`` (``en`` or ``da``), else English."""
    lang = os.environ.get("NETMAP_LANG", "en").strip().lower()[:2]
    return lang if lang in LANGS else "en"


class Message:
    """A text to show later, in either language: ``Message(N_("..."), where, **params).text(lang)``.

    ``where`` (a file, row and column; see :class:`netmap.errors.Where`) is said in the same
    language. Parameters that know how to say themselves (``.text(lang)``) are rendered too.
    """

    def __init__(self, msgid: str, where="", /, **params):
        self.msgid, self.where, self.params = msgid, where, params

    def text(self, lang: str = "en") -> str:
        def place(value):
            return value.text(lang) if hasattr(value, "text") else value

        msgid, where = self.msgid, place(self.where)
        if hasattr(self.where, "opening"):  # an actor or a tie named in the app (netmap.errors.Named)
            msgid, where = self.where.sentences.get(msgid, msgid), self.where.opening(lang)
        body = _(msgid, lang, **{k: place(v) for k, v in self.params.items()})
        return f"{where}: {body}" if where else body

    def __str__(self):
        return self.text("en")

    def __repr__(self):
        return f"Message({self.msgid!r}, {self.where!r})"
