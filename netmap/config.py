"""netmap's server settings: the ``[netmap]`` table of Streamlit's ``secrets.toml``.

Shared mode (README, "Sharing the app") is configured in ``.streamlit/secrets.toml``: Streamlit's
``[auth]`` table for the login, and netmap's own ``[netmap]`` table::

    [netmap]
    public_url = "https://netmap.example.dk"      # the address people open (behind the proxy)
    admins = ["anna@kommune.dk"]                   # the first administrators (e-mail or subject)

The app passes ``st.secrets["netmap"]`` to these functions; the command line reads the file
itself (``NETMAP_SECRETS``, else ``.streamlit/secrets.toml`` in the current folder, else in the
home folder). ``NETMAP_PUBLIC_URL`` overrides ``public_url`` on both. The core never imports
streamlit: it only ever sees a plain dict.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from urllib.parse import urlsplit

from .errors import NetmapError

__all__ = ["load", "public_url", "admins", "link"]


def _files():
    if os.environ.get("NETMAP_SECRETS"):
        return [Path(os.environ["NETMAP_SECRETS"])]
    return [Path.cwd() / ".streamlit" / "secrets.toml", Path.home() / ".streamlit" / "secrets.toml"]


def load(path=None):
    """The ``[netmap]`` table of the secrets file (``path`` or the default places), ``{}`` when
    there is none. A file that is not TOML raises NetmapError naming the file."""
    for file in [Path(path)] if path else _files():
        if not file.is_file():
            continue
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise NetmapError("{file}: not a valid settings file ({reason})", file=str(file), reason=str(exc)) from None
        table = data.get("netmap", {})
        return dict(table) if isinstance(table, dict) else {}
    return {}


def public_url(cfg=None):
    """The address people open the app at (``https://...``, no trailing slash), or None when it
    is not set. ``NETMAP_PUBLIC_URL`` wins over ``cfg["public_url"]``; ``cfg`` defaults to
    :func:`load`. Anything but an http(s) address raises NetmapError."""
    value = os.environ.get("NETMAP_PUBLIC_URL") or (load() if cfg is None else cfg).get("public_url")
    if not value:
        return None
    value = str(value).strip().rstrip("/")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise NetmapError(
            '"{value}" is not a web address; public_url must start with https:// (or http://)', value=value
        )
    return value


def admins(cfg=None):
    """The administrators named in the settings (``cfg["admins"]``), lower-cased, as a frozenset."""
    value = (load() if cfg is None else cfg).get("admins", [])
    if isinstance(value, str):
        value = [value]
    return frozenset(str(v).strip().lower() for v in value if str(v).strip())


def link(path, cfg=None, fallback=None):
    """The full address of ``path`` (e.g. ``/survey?t=...``) under :func:`public_url`, else under
    ``fallback`` (e.g. the address the browser used); the bare path when neither is known."""
    base = public_url(cfg) or (fallback.rstrip("/") if fallback else "")
    return base + "/" + path.lstrip("/") if base else path
