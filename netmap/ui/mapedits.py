"""The editable map's data and edits, as plain functions (no streamlit): network in, data or Network out.

:func:`map_data` is what the map component (:mod:`netmap.ui.mapeditor`) draws; the edit functions
turn what the user did on it (moved actors, a changed actor, a changed or deleted tie) into the
next network, which the page saves as a new revision. A vis-network node's id is ``"a:"`` and the
actor's id, so that an id such as ``__proto__`` or ``constructor`` is never a JavaScript property name on the page.
"""

from __future__ import annotations

import math
from dataclasses import replace

from netmap import assets
from netmap.layout import layout
from netmap.model import canonical_tie_kind
from netmap.present import mapview

from .edits import check_name

__all__ = [
    "ACTOR_FIELDS",
    "node_id",
    "actor_of",
    "map_data",
    "legend_html",
    "move_actors",
    "edit_actor",
    "delete_actor",
    "tie_rows",
    "edit_tie",
    "delete_tie",
]

#: The actor fields the map's panel edits (the id stays: it names the actor in every revision).
ACTOR_FIELDS = ("name", "kind", "sector", "level", "scope", "organisation", "partner", "notes")


def node_id(actor_id: str) -> str:
    """The vis-network id of an actor."""
    return "a:" + actor_id


def actor_of(node: str) -> str | None:
    """The actor id of a vis-network node id (None when it is not one)."""
    return node[2:] if isinstance(node, str) and node.startswith("a:") else None


def _tip(actor, lang: str) -> str:
    parts = mapview.node_tip(actor, lang)
    return "\n".join([actor.label, parts["k"], f"{parts['s']} \u00b7 {parts['l']} \u00b7 {parts['c']}"])


def legend_html(net, lang: str = "en", color_by: str = "sector") -> str:
    """The map's legend (colours, shapes, the core's mark, ties) as HTML: meaning never by colour
    alone, and the same legend as beside the exported map. On one line: Markdown
    (``st.markdown(..., unsafe_allow_html=True)``, which keeps its pictures; ``st.html`` drops
    them) then takes all of it as HTML, user text included (escaped by the template)."""
    html = assets.render("legend.html.j2", v=mapview.editor_legend(net, color_by, lang), t=mapview.chrome(lang, ""))
    return html.replace("\n", " ")


def map_data(net, lang: str = "en", color_by: str = "sector", selected: str | None = None, height: int = 640) -> dict:
    """What the map component draws: nodes at their saved places (others laid out), ties,
    vis-network options and the selected actor. Colours and shapes are those of the exported
    map (:mod:`netmap.present.mapview`); no measure is needed, so the map never waits for an
    analysis."""
    colour_of, _legend = mapview.colours(net, color_by, lang)
    pos = layout(net) if any(a.x is None or a.y is None for a in net.actors) else {}
    nodes = []
    for a in net.actors:
        x, y = (a.x, a.y) if a.x is not None and a.y is not None else pos[a.id]
        fill = colour_of[a.id]
        nodes.append(
            {
                "id": node_id(a.id),
                "name": a.label,
                "sector": a.sector,
                "label": (mapview.CORE_MARK + " " if a.partner else "") + mapview.map_label(a.label),
                "title": _tip(a, lang),
                "x": x,
                "y": y,
                "shape": mapview.LEVEL_SHAPES.get(a.level, "dot"),
                "borderWidth": 4 if a.partner else 1.2,
                "color": {
                    "background": fill,
                    "border": "#1a1a1a",
                    "highlight": {"background": fill, "border": "#000000"},
                    "hover": {"background": fill, "border": "#000000"},
                },
            }
        )
    edges = []
    for i, t in enumerate(net.ties):
        tip = mapview.tie_tip(t, lang)
        look = mapview.tie_look(t, lang)
        e = {
            "id": f"t{i}",
            "from": node_id(t.source),
            "to": node_id(t.target),
            "title": "\n".join([f"{tip['k']} \u00b7 {tip['s']}"] + ([tip["st"]] if "st" in tip else [])),
            "dashes": False,
            "label": "",
            **look,
            "arrows": {"to": {"enabled": t.directed}},
        }
        edges.append(e)
    return {
        "nodes": nodes,
        "edges": edges,
        "selected": node_id(selected) if selected else None,
        "finder": mapview.finder(net, lang),
        "height": height,
        "options": {
            "autoResize": True,
            "physics": {"enabled": False},
            "layout": {"improvedLayout": False},
            "nodes": {
                "size": 16,
                "font": dict(mapview.NODE_FONT),
                "borderWidthSelected": 5,
            },
            "edges": {
                "smooth": False,
                "color": dict(mapview.EDGE_COLOURS),
                "selectionWidth": 2,
                "arrows": {"to": {"scaleFactor": 0.7}},
            },
            "interaction": {"hover": True, "tooltipDelay": 120, "multiselect": False, "keyboard": False},
        },
    }


def move_actors(net, moves):
    """``net`` with the actors of ``moves`` (``[{"id", "x", "y"}]``, as the map sends them) at
    their new places. Unknown actors and places that are not finite numbers are left out."""
    where = {}
    for m in moves or []:
        try:
            x, y = float(m["x"]), float(m["y"])
        except (KeyError, TypeError, ValueError):
            continue
        if math.isfinite(x) and math.isfinite(y):
            where[str(m.get("id"))] = (round(x, 1), round(y, 1))
    actors = [replace(a, x=where[a.id][0], y=where[a.id][1]) if a.id in where else a for a in net.actors]
    return replace(net, actors=actors, ties=list(net.ties))


def edit_actor(net, actor_id, **fields):
    """``net`` with the fields (of :data:`ACTOR_FIELDS`) of one actor changed; its id, place,
    custom attributes and ties stay. Text is stripped; validated when saved, but an empty name is
    refused at once (InputError naming the actor): the model would make it the id."""
    unknown = set(fields) - set(ACTOR_FIELDS)
    if unknown:
        raise ValueError(f"not an actor field: {sorted(unknown)}")
    clean = {k: (v.strip() if isinstance(v, str) else v) for k, v in fields.items()}
    if "partner" in clean:
        clean["partner"] = bool(clean["partner"])
    actor = net.actor(actor_id)  # KeyError for an unknown actor
    if "name" in clean:
        check_name(actor, clean["name"])
    actors = [replace(a, **clean) if a.id == actor_id else a for a in net.actors]
    return replace(net, actors=actors, ties=list(net.ties))


def delete_actor(net, actor_id):
    """``(net without the actor, the ties that went with it)``; KeyError for an unknown actor."""
    net.actor(actor_id)
    gone = [t for t in net.ties if actor_id in (t.source, t.target)]
    return net.without(actor_id), gone


def tie_rows(net, actor_id):
    """The ties of one actor as the panel lists them: ``(index in net.ties, other actor's name,
    arrow)``, ordered by name and kind; the arrow is ``→`` (to the other), ``←`` (from it) or ``–``
    (undirected)."""
    names = {a.id: a.label for a in net.actors}
    rows = []
    for i, t in enumerate(net.ties):
        if actor_id not in (t.source, t.target):
            continue
        other = t.target if t.source == actor_id else t.source
        arrow = ("\u2192" if t.source == actor_id else "\u2190") if t.directed else "\u2013"
        rows.append((i, names.get(other, other), arrow))
    return sorted(rows, key=lambda r: (r[1].casefold(), canonical_tie_kind(net.ties[r[0]].kind), r[0]))


def edit_tie(net, index, **fields):
    """``net`` with the kind and strength of tie ``index`` (of ``net.ties``) changed; its ends,
    direction, notes and custom attributes stay. Not checked here: a strength outside 1-3 is
    refused when saved, naming the tie by its actors' names."""
    unknown = set(fields) - {"kind", "strength"}
    if unknown:
        raise ValueError(f"not a tie field the panel edits: {sorted(unknown)}")
    if not 0 <= index < len(net.ties):
        raise IndexError(f"no tie {index}")
    ties = list(net.ties)
    ties[index] = replace(ties[index], **fields)
    return replace(net, actors=list(net.actors), ties=ties)


def delete_tie(net, index):
    """``(net without tie index, the tie)``; IndexError for a tie that is not there."""
    if not 0 <= index < len(net.ties):
        raise IndexError(f"no tie {index}")
    ties = list(net.ties)
    gone = ties.pop(index)
    return replace(net, actors=list(net.actors), ties=ties), gone
