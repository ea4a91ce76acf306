"""The HTML map's view model: every label, legend entry, flag text, table row and page text.

:func:`network_view` and :func:`compare_view` turn a network with its analysis (or two versions
with their comparison) into translated, formatted texts; the templates in ``netmap/templates``
only lay them out and :mod:`netmap.export` only adds the drawing's data. The visual encodings
(colours, shapes, marks) are here too, so that the legend and the drawing cannot disagree.
"""

from __future__ import annotations

import datetime

from ..i18n import _, date, number
from ..model import Tie, canonical_tie_kind
from . import vocab
from .diff import change_texts, indicator_value, value_text
from .report import flag_message, severity_word
from .vocab import label, yes_no

__all__ = [
    "PALETTE",
    "OTHER_COLOUR",
    "SECTOR_COLOURS",
    "LEVEL_SHAPES",
    "CORE_MARK",
    "SPANNER_MARK",
    "FLAG_MARK",
    "STATUS_MARKS",
    "STATUS_COLOURS",
    "EDGE_GREY",
    "BORDER_WIDTHS",
    "actor_look",
    "tie_look",
    "node_sizes",
    "NODE_FONT",
    "EDGE_COLOURS",
    "LABEL_CHARS",
    "LINE_CHARS",
    "map_label",
    "chrome",
    "page_texts",
    "finder",
    "network_view",
    "compare_view",
    "node_tip",
    "tie_tip",
    "tie_key",
    "PLANNED_DASHES",
    "tie_look",
    "editor_legend",
]

#: Okabe & Ito (2008) colour-blind-safe palette, black left out (it hides the borders).
PALETTE = ("#56B4E9", "#009E73", "#E69F00", "#CC79A7", "#0072B2", "#D55E00", "#F0E442")
OTHER_COLOUR = "#BBBBBB"
SECTOR_COLOURS = {
    "public": "#56B4E9",
    "civil": "#009E73",
    "private": "#E69F00",
    "citizen": "#CC79A7",
    "unknown": OTHER_COLOUR,
}
LEVEL_SHAPES = {"operational": "dot", "management": "square", "political": "triangle"}
CORE_MARK, SPANNER_MARK, FLAG_MARK = "\u2605", "\u21c4", "\u26a0"
#: How a comparison marks an actor or a tie: a symbol (never colour alone) and a colour.
STATUS_MARKS = {"added": "+", "removed": "\u2212", "changed": "\u0394", "same": ""}
STATUS_COLOURS = {"added": "#009E73", "removed": "#D55E00", "changed": "#0072B2", "same": "#1a1a1a"}
EDGE_GREY = "#7f7f7f"
#: How actors' names and ties look on every map (the exported page and the app's editable map).
NODE_FONT = {
    "size": 16,
    "face": "DejaVu Sans, Verdana, Arial, sans-serif",
    "strokeWidth": 4,
    "strokeColor": "#ffffff",
    "color": "#1a1a1a",
}
EDGE_COLOURS = {"color": EDGE_GREY, "highlight": "#1a1a1a", "hover": "#1a1a1a"}
#: A planned tie is dotted (a personal tie is dashed) and carries the word "planned" on the line.
PLANNED_DASHES = [2, 6]


#: Border width of an actor on the map of one network: the core thick, boundary spanners (dashed) medium.
BORDER_WIDTHS = {"core": 4, "spanner": 2.5, "other": 1.2}


def actor_look(partner: bool, spanner: bool, high: bool) -> dict:
    """How an actor is marked on the map of one network: the marks before its name, its border
    width and whether the border is dashed (every drawing of the map uses this)."""
    marks = (CORE_MARK if partner else "") + (SPANNER_MARK if spanner else "") + (FLAG_MARK if high else "")
    kind = "core" if partner else ("spanner" if spanner else "other")
    return {"marks": marks, "border": BORDER_WIDTHS[kind], "dashed": spanner}


def node_sizes(values: dict) -> dict:
    """An actor's mark radius on the map from the measure that sets it: 7 to
    :data:`netmap.layout.MARK` by its square root (the layout leaves room for that, so names
    do not run into each other)."""
    import math

    from ..layout import MARK

    top = max(values.values(), default=0) or 0
    if top <= 0:
        return dict.fromkeys(values, 12)
    return {k: round(7 + (MARK - 7) * math.sqrt(max(v, 0) / top), 1) for k, v in values.items()}


#: A longer name is shortened on the maps, at a word where it can (the tooltip, the panel and
#: the tables show all of it); a name is drawn in lines of about LINE_CHARS characters.
LABEL_CHARS, LINE_CHARS = 28, 16


def map_label(name: str) -> str:
    """How a name is drawn on a map: at most :data:`LABEL_CHARS` characters (cut at a word, with
    "…"), in lines of up to :data:`LINE_CHARS` (a longer word keeps its own line).

    >>> map_label("Borgere med handicap (brugere af Lavuk Stjernen)")
    'Borgere med\\nhandicap\u2026'
    >>> map_label("Lokalbibliotek")
    'Lokalbibliotek'
    """
    text = " ".join(name.split())
    if len(text) > LABEL_CHARS:
        cut = text[: LABEL_CHARS - 1]
        space = cut.rfind(" ")
        if space >= LABEL_CHARS // 2:  # a word boundary that keeps most of the name
            cut = cut[:space]
        text = cut.rstrip(" ,;:-") + "\u2026"
    lines = []
    for word in text.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= LINE_CHARS:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


#: The vocabulary table that names the values of an actor field (others are shown as they are).
_VALUE_TABLES = {"sector": vocab.SECTORS, "level": vocab.LEVELS, "scope": vocab.SCOPES, "kind": vocab.ACTOR_KINDS}
#: The order of the values of a field in a colour legend (others: most frequent first).
_VALUE_ORDER = {
    "sector": tuple(vocab.SECTORS),
    "level": tuple(vocab.LEVELS),
    "scope": tuple(vocab.SCOPES),
    "partner": ("true", "false"),
}


# --- texts every map shows ---------------------------------------------------------------


def chrome(lang: str, vis_version: str) -> dict:
    """The fixed texts of a map page: toolbar, headings, legend of ties, credits."""
    return {
        "skip": _("Skip to the tables of actors and ties", lang),
        "find": _("Find an actor", lang),
        "find_go": _("Focus", lang),
        "filter": _("Sectors shown", lang),
        "labels": _("Show names", lang),
        "fit": _("Show everything", lang),
        "graph": _("Network map (drawing). The same actors and ties are listed in the tables below.", lang),
        "legend": _("Legend", lang),
        "how": _(
            "Each mark is an actor, each line a tie. Drag to move, scroll to zoom, point at an "
            "actor or a tie for details.",
            lang,
        ),
        "shape_by": _("Shape: level", lang),
        "marks": _("Marks", lang),
        "select": _("Select", lang),
        "ties": _("Ties", lang),
        "tie_width": _("width: strength 1, 2, 3", lang),
        "tie_personal": _("dashed: personal (informal)", lang),
        "tie_planned": _(
            'dotted, marked "planned": planned, an idea not yet realised (not counted in the measures)', lang
        ),
        "tie_directed": _("arrow: directed (one-way)", lang),
        "planned_dashes": " ".join(map(str, PLANNED_DASHES)),
        "tables": _("Actors and ties as tables", lang),
        "credit": _(
            "Drawn with vis-network {version} (licensed under Apache-2.0 or MIT), which this file includes.",
            lang,
            version=vis_version,
        ),
    }


def page_texts(lang: str) -> dict:
    """Texts the page's script fills in (``{placeholders}`` left for it)."""
    return {
        "found": _("Shown:", lang),
        "not_found": _("No actor has that name.", lang),
        "selected": _("Selected on the map:", lang),
        "tip_kind": _("Kind: {v}", lang),
        "tip_place": _("Sector: {s} \u00b7 level: {l} \u00b7 scope: {c}", lang),
        "tip_measures": _("Degree {d} \u00b7 betweenness {b} \u00b7 cross-sector brokerage {c}", lang),
        "tip_core": _("\u2605 member of the partnership core", lang),
        "tip_spanner": _("\u21c4 boundary spanner", lang),
        "tip_flags": _("\u26a0 flags: {v}", lang),
        "tip_strength": _("strength {v}", lang),
        "tip_directed": _("directed", lang),
        "tip_notes": _("Notes: {v}", lang),
    }


def _meta(net, lang: str, extra=()) -> str:
    parts = [
        _(
            "{actors}, {ties}",
            lang,
            actors=vocab.count("actors", len(net.actors), lang),
            ties=vocab.tie_count(net.ties, lang),
        )
    ]
    if net.date:
        parts.append(_("Network date: {date}", lang, date=date(net.date, lang)))
    parts.append(_("Map made: {date}", lang, date=date(datetime.date.today(), lang)))
    return " \u00b7 ".join([*parts, *extra])


def _sectors(net, lang: str) -> list:
    """``(code, label)`` of the sectors the network's actors are in, in the vocabulary's order."""
    present = {a.sector for a in net.actors}
    return [(s, label(vocab.SECTORS, s, lang)) for s in vocab.SECTORS if s in present]


def finder(net, lang: str) -> dict:
    """What the app's editable map offers above it, as the exported map does: find an actor
    (``find``, ``find_go``, ``found``, ``not_found``) and the sectors shown (``filter``,
    ``sectors``: ``(code, label)``)."""
    texts = {**chrome(lang, ""), **page_texts(lang)}
    return {k: texts[k] for k in ("find", "find_go", "filter", "found", "not_found")} | {"sectors": _sectors(net, lang)}


def _common(net, lang: str) -> dict:
    """What both kinds of map show: sectors to filter, names to find, shapes of the levels."""
    return {
        "sectors": _sectors(net, lang),
        "names": sorted({a.label for a in net.actors}),
        "shapes": [(shape, label(vocab.LEVELS, level, lang)) for level, shape in LEVEL_SHAPES.items()],
    }


# --- values, colours and tooltips ------------------------------------------------------------


def value_label(attr: str, value: str, lang: str) -> str:
    """How a value of an actor field or custom attribute (:meth:`Network.group_of`) is shown."""
    if value == "":
        return _("(none)", lang)
    if attr == "partner":
        return yes_no(value == "true", lang)
    return label(_VALUE_TABLES[attr], value, lang) if attr in _VALUE_TABLES else value


def _strength(x, lang: str) -> str:
    return value_text("strength", x, lang, "ties")


def colours(net, attr: str, lang: str):
    """``(actor id -> colour, legend)`` for colouring by ``attr``; the legend has a heading and
    ``(colour, label, count)`` items (beyond the palette, one "other" item)."""
    values = {a.id: net.group_of(a, attr) for a in net.actors}
    counts = {}
    for v in values.values():
        counts[v] = counts.get(v, 0) + 1
    known = _VALUE_ORDER.get(attr)
    order = [v for v in known if v in counts] if known else sorted(counts, key=lambda v: (-counts[v], v))
    if attr == "sector":
        colour = {v: SECTOR_COLOURS.get(v, OTHER_COLOUR) for v in order}
    else:
        colour = {v: (PALETTE[i] if i < len(PALETTE) else OTHER_COLOUR) for i, v in enumerate(order)}
    items = [(colour[v], value_label(attr, v, lang), counts[v]) for v in order[: len(PALETTE)]]
    if attr != "sector" and len(order) > len(PALETTE):
        items.append((OTHER_COLOUR, _("other", lang), sum(counts[v] for v in order[len(PALETTE) :])))
    name = label(vocab.COLUMNS, attr, lang).lower() if attr in vocab.COLUMNS else attr
    legend = {"heading": _("Colour: {attr}", lang, attr=name), "items": items}
    return {a: colour[v] for a, v in values.items()}, legend


def node_tip(actor, lang: str) -> dict:
    """The parts of an actor's tooltip that every map shows (the page's script joins them)."""
    kinds = vocab.ACTOR_KINDS
    kind = label(kinds, actor.kind, lang) if actor.kind in kinds else actor.kind.replace("_", " ")
    return {
        "k": kind,
        "s": label(vocab.SECTORS, actor.sector, lang),
        "l": label(vocab.LEVELS, actor.level, lang),
        "c": label(vocab.SCOPES, actor.scope, lang),
    }


def _measures_tip(m: dict, lang: str) -> dict:
    # Degree and brokerage stay numbers (whole numbers, shown as they are).
    return {"d": m["degree"], "b": number(m["betweenness"], lang, "centrality"), "x": m["cross_sector_brokerage"]}


def tie_tip(tie, lang: str) -> dict:
    """The parts of a tie's tooltip: its kind, its strength, whether it is planned, and its notes."""
    tip = {"k": label(vocab.TIE_KINDS, canonical_tie_kind(tie.kind), lang), "s": _strength(tie.strength, lang)}
    if tie.status == "planned":
        tip["st"] = _("Planned: an idea not yet realised, not counted in the measures", lang)
    if tie.notes:
        tip["n"] = tie.notes
    return tip


def tie_look(tie, lang: str) -> dict:
    """How a tie is drawn on every map (vis-network edge options): its width shows strength, a
    personal tie is dashed, a planned one dotted with the word "planned" on it (never colour alone)."""
    look = {"width": round(1 + 1.5 * (tie.strength - 1), 2)}
    if tie.status == "planned":
        look.update(
            dashes=PLANNED_DASHES,
            label=label(vocab.TIE_STATUSES, "planned", lang),
            font={"size": 12, "strokeWidth": 3, "color": "#1a1a1a", "align": "top"},
        )
    elif canonical_tie_kind(tie.kind) == "personal":
        look["dashes"] = True
    if tie.directed:
        look["arrows"] = "to"
    return look


def editor_legend(net, color_by: str, lang: str) -> dict:
    """The legend of the app's editable map, as the exported map has it beside the drawing: the
    colours (by ``color_by``), the levels' shapes, the core's mark (the only mark that map draws:
    it shows no measures) and the ties (``templates/legend.html.j2`` with :func:`chrome`)."""
    core = number(sum(1 for a in net.actors if a.partner), lang, "count")
    return {
        "colours": colours(net, color_by, lang)[1],
        "shapes": [(shape, label(vocab.LEVELS, level, lang)) for level, shape in LEVEL_SHAPES.items()],
        "marks": [
            {"width": 3.5, "text": _("{mark} partnership core: thick border ({n})", lang, mark=CORE_MARK, n=core)}
        ],
    }


# --- tables ------------------------------------------------------------------------------


def _table(table_id: str, caption: str, headers: list, rows: list, numeric=()) -> dict:
    """A table for the template: the first cell of a row names it; ``numeric`` columns (1-based)
    align right."""
    return {
        "id": table_id,
        "caption": caption,
        "headers": headers,
        "rows": rows,
        "numeric": list(numeric),
        "height": 60 + 24 * len(rows),
    }


def _actor_cells(a, lang: str) -> list:
    return [
        a.label,
        label(vocab.ACTOR_KINDS, a.kind, lang),
        label(vocab.SECTORS, a.sector, lang),
        label(vocab.LEVELS, a.level, lang),
        label(vocab.SCOPES, a.scope, lang),
        yes_no(a.partner, lang),
    ]


def _actor_headers(lang: str) -> list:
    return [label(vocab.COLUMNS, c, lang) for c in ("name", "kind", "sector", "level", "scope")] + [_("Core", lang)]


def _actors_table(net, measures: dict, titles: dict, color_by: str, lang: str) -> dict:
    extra = color_by not in ("sector", "level", "scope", "kind", "partner")
    headers = (
        _actor_headers(lang)
        + [_("Boundary spanner", lang)]
        + [label(vocab.MEASURES, k, lang).capitalize() for k in ("degree", "betweenness", "brokerage")]
        + [_("Flags", lang), label(vocab.COLUMNS, "notes", lang)]
    )
    rows = []
    for a in net.actors:
        m = measures[a.id]
        row = _actor_cells(a, lang) + [
            yes_no(m["boundary_spanner"], lang),
            number(m["degree"], lang, "count"),
            number(m["betweenness"], lang, "centrality"),
            number(m["cross_sector_brokerage"], lang, "count"),
            "; ".join(titles.get(a.id, [])),
            a.notes,
        ]
        if extra:
            row.insert(5, value_label(color_by, net.group_of(a, color_by), lang))
        rows.append(row)
    if extra:
        headers.insert(5, color_by)
    k = 8 if extra else 7
    return _table(
        "actors-table",
        _("Actors ({n})", lang, n=number(len(rows), lang, "count")),
        headers,
        rows,
        numeric=(k + 1, k + 2, k + 3),
    )


def _ties_table(net, lang: str, status=None) -> dict:
    names = {a.id: a.label for a in net.actors}
    headers = [
        label(vocab.COLUMNS, c, lang) for c in ("source", "target", "kind", "strength", "directed", "status", "notes")
    ]
    rows = [
        [
            names[t.source],
            names[t.target],
            label(vocab.TIE_KINDS, canonical_tie_kind(t.kind), lang),
            _strength(t.strength, lang),
            yes_no(t.directed, lang),
            label(vocab.TIE_STATUSES, t.status, lang),
            t.notes,
        ]
        for t in net.ties
    ]
    if status is not None:
        headers.append(_("Change", lang))
        for row, s in zip(rows, status, strict=True):
            row.append(label(vocab.CHANGES, s, lang))
    return _table("ties-table", _("Ties ({n})", lang, n=number(len(rows), lang, "count")), headers, rows, numeric=(4,))


# --- the map of one network ----------------------------------------------------------------


def _flag_titles(flags: list, lang: str):
    """``(actor id -> [titles of its flags], ids of actors in a high-severity flag)``."""
    titles, high = {}, set()
    for f in flags:
        for v in f["actors"]:
            titles.setdefault(v, []).append(label(vocab.FLAG_TITLES, f["code"], lang))
            if f["severity"] == "high":
                high.add(v)
    return titles, high


def _flag_items(flags: list, label_of: dict, lang: str) -> list:
    return [
        {
            "severity": f["severity"],
            "severity_label": severity_word(f["severity"], lang),
            "title": label(vocab.FLAG_TITLES, f["code"], lang),
            "code": f["code"],
            "message": flag_message(f, lang, label_of),
            "set": f"flag{i}",
            "button": _("Show its actors ({n})", lang, n=number(len(f["actors"]), lang, "count"))
            if f["actors"]
            else "",
        }
        for i, f in enumerate(flags)
    ]


def _key_figures(p: dict | None, lang: str) -> list:
    if not p:
        return []
    count = lambda x: number(x, lang, "count")  # noqa: E731
    return [
        _(
            "E-I index of the core: {ei} (expected from group sizes: {exp})",
            lang,
            ei=number(p["ei_index"], lang, "index"),
            exp=number(p["expected_ei"], lang, "index"),
        ),
        _(
            "Reach of the core: near {n1} / {n2}, far {f1} / {f2} (direct / within 2 steps)",
            lang,
            n1=count(p["near_reach"]["1"]),
            n2=count(p["near_reach"]["2"]),
            f1=count(p["far_reach"]["1"]),
            f2=count(p["far_reach"]["2"]),
        ),
    ]


def _network_marks(sets: dict, lang: str) -> list:
    n = {k: number(len(v), lang, "count") for k, v in sets.items() if k in ("core", "spanners")}
    return [
        {
            "width": 3.5,
            "dashed": False,
            "set": "core",
            "text": _("{mark} partnership core: thick border ({n})", lang, mark=CORE_MARK, n=n["core"]),
        },
        {
            "width": 2.5,
            "dashed": True,
            "set": "spanners",
            "text": _("{mark} boundary spanner: dashed border ({n})", lang, mark=SPANNER_MARK, n=n["spanners"]),
        },
        {
            "text": _(
                "{mark} concerned by a high-severity flag; the buttons under Flags show the actors of each flag",
                lang,
                mark=FLAG_MARK,
            )
        },
    ]


def _size_line(size_by: str, values: list, lang: str) -> str:
    kind = vocab.MEASURE_FIGURES[size_by]
    return _(
        "Size: {measure} (from {lo} to {hi})",
        lang,
        measure=label(vocab.MEASURES, size_by, lang),
        lo=number(min(values, default=0), lang, kind),
        hi=number(max(values, default=0), lang, kind),
    )


def network_view(
    net, report: dict, color_by: str, size_by: str, size_key: str, lang: str, pseudonymised: bool = False
) -> dict:
    """Everything the map of one network says, from its analysis (:func:`netmap.analysis.analyze`).

    ``size_key`` is the analysis's name of the measure ``size_by`` (the actors' size).
    """
    measures = {a["id"]: a for a in report["actors"]}
    label_of = {a.id: a.label for a in net.actors}
    colour_of, legend = colours(net, color_by, lang)
    titles, high = _flag_titles(report["flags"], lang)
    sets = {
        "core": [a.id for a in net.actors if a.partner],
        "spanners": [a.id for a in net.actors if measures[a.id]["boundary_spanner"]],
    }
    sets.update({f"flag{i}": list(f["actors"]) for i, f in enumerate(report["flags"])})
    extra = [_("betweenness estimated from a sample", lang)] if report["betweenness_approximate"] else []
    if pseudonymised:
        extra.append(_("citizens pseudonymised", lang))
    return {
        **_common(net, lang),
        "meta": _meta(net, lang, extra),
        "colours": legend,
        "colour_of": colour_of,
        "flag_titles": titles,
        "high": high,
        "sets": sets,
        "marks": _network_marks(sets, lang),
        "size": _size_line(size_by, [m[size_key] for m in measures.values()], lang),
        "flags_heading": _("Flags", lang),
        "no_flags": _("No flags raised.", lang),
        "key_figures_heading": _("Key figures", lang),
        "key_figures": _key_figures(report["partnership"], lang),
        "flags": _flag_items(report["flags"], label_of, lang),
        "tables": [_actors_table(net, measures, titles, color_by, lang), _ties_table(net, lang)],
        "default_title": _("Network map", lang),
    }


def actor_tip(actor, m: dict, view: dict, color_by: str, group: str, lang: str) -> dict:
    """An actor's whole tooltip on the map of one network (``group``: its value of ``color_by``)."""
    tip = {**node_tip(actor, lang), **_measures_tip(m, lang)}
    if color_by not in ("sector", "level", "scope"):
        tip["a"] = f"{color_by}: {value_label(color_by, group, lang)}"
    if actor.partner:
        tip["p"] = 1
    if m["boundary_spanner"]:
        tip["bs"] = 1
    if actor.id in view["flag_titles"]:
        tip["f"] = "; ".join(view["flag_titles"][actor.id])
    return tip


# --- the map of a comparison --------------------------------------------------------------------


def tie_key(record: dict) -> tuple:
    """The identity (:attr:`netmap.model.Tie.key`) of a tie record of :func:`netmap.compare.compare`."""
    return Tie(record["source"], record["target"], kind=record["kind"], directed=bool(record["directed"])).key


def change_lines(changes: dict, lang: str, table: str = "actors") -> list:
    """``field: old → new`` for each change that counts, as every view says it (:mod:`.diff`)."""
    return change_texts(changes, lang, table, limit=80)


def status_line(status: str, lang: str) -> str:
    """``Change: added`` and the like, the first line of a tooltip on the map of a comparison."""
    return _("Change: {status}", lang, status=label(vocab.CHANGES, status, lang))


def _change_items(counts: dict, tie_counts: dict, lang: str) -> list:
    n = {s: f"{number(counts[s], lang, 'count')} / {number(tie_counts[s], lang, 'count')}" for s in counts}
    texts = {
        "added": _("+ added: thick green border or line ({n})", lang, n=n["added"]),
        "removed": _("\u2212 removed: faded, red border or line ({n})", lang, n=n["removed"]),
        "changed": _("\u0394 changed: thick blue border or line ({n})", lang, n=n["changed"]),
    }
    return [
        {"set": s, "text": text, "colour": STATUS_COLOURS[s], "dashed": s == "removed"} for s, text in texts.items()
    ]


def _flag_changes(flags: dict, lang: str) -> list:
    def titles(codes):
        return ", ".join(label(vocab.FLAG_TITLES, c, lang) for c in codes)

    lines = []
    if flags.get("raised"):
        lines.append(_("Flags raised: {v}", lang, v=titles(flags["raised"])))
    if flags.get("cleared"):
        lines.append(_("Flags cleared: {v}", lang, v=titles(flags["cleared"])))
    return lines


def _compare_actors_table(union, status: dict, changes: dict, lang: str) -> dict:
    headers = _actor_headers(lang) + [_("Change", lang), _("Changes", lang), label(vocab.COLUMNS, "notes", lang)]
    rows = [
        _actor_cells(a, lang) + [label(vocab.CHANGES, status[a.id], lang), "; ".join(changes.get(a.id, [])), a.notes]
        for a in union.actors
    ]
    return _table("actors-table", _("Actors ({n})", lang, n=number(len(rows), lang, "count")), headers, rows)


def compare_view(old, new, union, diff: dict, status: dict, tie_status: list, changes: dict, lang: str) -> dict:
    """Everything the map of a comparison says. ``union`` holds both versions' actors and ties;
    ``status`` maps actor ids, ``tie_status`` lists the union's ties in order, to
    added / removed / changed / same; ``changes`` maps actor ids to :func:`change_lines`."""
    counts = {s: sum(1 for v in status.values() if v == s) for s in ("added", "removed", "changed")}
    tie_counts = {s: tie_status.count(s) for s in counts}
    sets = {s: [v for v, st in status.items() if st == s] for s in counts}
    sets["core"] = [a.id for a in union.actors if a.partner]
    colour_items = [
        (SECTOR_COLOURS[s], label(vocab.SECTORS, s, lang), sum(1 for a in union.actors if a.sector == s))
        for s in vocab.SECTORS
        if any(a.sector == s for a in union.actors)
    ]
    core_mark = _(
        "{mark} partnership core: thick border ({n})", lang, mark=CORE_MARK, n=number(len(sets["core"]), lang, "count")
    )
    return {
        **_common(union, lang),
        "meta": _meta(union, lang),
        "sets": sets,
        "colours": {
            "heading": _("Colour: {attr}", lang, attr=label(vocab.COLUMNS, "sector", lang).lower()),
            "items": colour_items,
        },
        "changes_heading": _("Changes", lang),
        "changes_counts": _("Counts: actors / ties.", lang),
        "changes": _change_items(counts, tie_counts, lang),
        "marks": [{"width": 3.5, "dashed": False, "set": "core", "text": core_mark}],
        "key_figures_heading": _("Key figures", lang),
        "key_figures": [
            f"{label(vocab.INDICATORS, k, lang)}: {indicator_value(k, a, lang)} \u2192 {indicator_value(k, b, lang)}"
            for k, (a, b) in diff["partnership"].items()
        ],
        "flag_changes": _flag_changes(diff["flags"], lang),
        "tables": [_compare_actors_table(union, status, changes, lang), _ties_table(union, lang, status=tie_status)],
        "default_title": _(  # each version by its date in the user's format, else its name
            "Changes: {old} \u2192 {new}",
            lang,
            old=date(old.date, lang) if old.date else old.name or "1",
            new=date(new.date, lang) if new.date else new.name or "2",
        ),
    }
