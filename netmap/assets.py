"""The HTML pages' package files: Jinja2 templates, CSS and JS, and vis-network from pyvis.

Templates live in ``netmap/templates``, the page's own CSS and JS in ``netmap/static``; all are
read with :mod:`importlib.resources`, so they work from an installed package as from the
repository. vis-network is the copy installed with pyvis (read from pyvis's package files, not
imported: pyvis imports IPython, about 1 s). vis-network is dual-licensed under Apache-2.0 and
MIT (its licence header stays in the inlined script, and each page names it). The app's editable
map uses the same copy, through :func:`vis_network`.

Templates are rendered with autoescaping on: every value is escaped (``html.escape``, quotes
included) unless it is :class:`markupsafe.Markup`, which only the inlined scripts, the CSS and
the page's data (JSON with ``<``, ``>`` and ``&`` escaped, :func:`script_json`) are.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import importlib.resources
import importlib.util
import json
import re
from dataclasses import dataclass

__all__ = ["VIS_LICENCE", "VisNetwork", "vis_network", "static_text", "render", "script_json", "sha256"]

#: vis-network's licence (the reader may choose either).
VIS_LICENCE = "Apache-2.0 OR MIT"
_PACKAGE = __name__.rpartition(".")[0]


@dataclass(frozen=True)
class VisNetwork:
    """vis-network as a page inlines it: its version and its script (source-map line removed)."""

    version: str
    script: str


def _pyvis_files():
    """pyvis's package files, found without running pyvis (``files("pyvis")`` would import it)."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None:
        raise RuntimeError("pyvis is not installed; it provides vis-network for the map")
    return importlib.resources.files(importlib.util.module_from_spec(spec))


def _version_key(name: str):
    return tuple(int(p) if p.isdigit() else 0 for p in name.removeprefix("vis-").split("."))


@functools.cache
def vis_network() -> VisNetwork:
    """The newest vis-network that the installed pyvis ships, ready to inline in a ``<script>``."""
    lib = _pyvis_files() / "templates" / "lib"
    folders = [p for p in lib.iterdir() if p.name.startswith("vis-") and (p / "vis-network.min.js").is_file()]
    folder = max(folders, key=lambda p: _version_key(p.name))
    text = (folder / "vis-network.min.js").read_text(encoding="utf-8")
    text = re.sub(r"//# sourceMappingURL=\S*", "", text).replace("</script", "<\\/script")
    found = re.search(r"@version\s+(\S+)", text)
    return VisNetwork(version=found.group(1) if found else folder.name.removeprefix("vis-"), script=text)


@functools.cache
def static_text(name: str) -> str:
    """A file of ``netmap/static`` (the page's CSS or JS) as text."""
    return (importlib.resources.files(_PACKAGE) / "static" / name).read_text(encoding="utf-8")


def _template_source(name: str) -> str:
    return (importlib.resources.files(_PACKAGE) / "templates" / name).read_text(encoding="utf-8")


def _escape(value):
    """Every shown value, escaped as ``html.escape`` does (quotes too), unless already markup."""
    from markupsafe import Markup

    if hasattr(value, "__html__"):
        return value
    return Markup(html.escape("" if value is None else str(value), quote=True))


@functools.cache
def _environment():
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FunctionLoader(_template_source),
        autoescape=True,
        finalize=_escape,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def render(template: str, **context) -> str:
    """A template of ``netmap/templates`` rendered with ``context`` (autoescaped)."""
    return _environment().get_template(template).render(**context)


def script_json(obj) -> str:
    """JSON that can sit inside a ``<script>`` element: no ``<``, ``>`` or ``&`` survives."""
    from markupsafe import Markup

    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return Markup(text)


def sha256(text: str) -> str:
    """The CSP source (``'sha256-…'`` without quotes) that allows one inline script."""
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
