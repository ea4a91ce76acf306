"""Interactive HTML maps: one self-contained file that opens offline, with every user string escaped.

The page is drawn with vis-network as installed with pyvis (inlined, see :mod:`netmap.assets`)
and netmap's own Jinja2 templates (``netmap/templates``) instead of pyvis's, because pyvis's
template links Bootstrap from a CDN and inserts headings and menus without escaping (STYLE.md).
This module does the analysis, the layout and the drawing's data; every text the page shows
comes from the view model (:mod:`netmap.present.mapview`). User text reaches the page only
through the templates' autoescaping or through JSON whose ``<``, ``>`` and ``&`` are escaped; a
Content-Security-Policy that allows only the page's own two scripts (by hash) and no network
access backs this up.

What a map shows: shape shows the level; the core has a thick border and "★", boundary spanners
a dashed border and "⇄", actors of a high-severity flag "⚠"; each flag has a button that picks
out its actors. Tie width shows strength, personal ties are dashed, planned ties dotted with the
word "planned" on them (the measures leave them out), directed ties have arrows.
Saved positions (``x``, ``y``) are kept, others come from :func:`netmap.layout.layout`, which
keeps names from overlapping; no physics moves them after (the app's map shows the same
places). Long names are shortened on the map (:func:`netmap.present.mapview.map_label`); the
tooltip and the tables show them whole. Betweenness is estimated
above :data:`netmap.betweenness.EXACT_LIMIT` actors, as in :func:`netmap.analysis.analyze`, and
the page then says so.
"""

from __future__ import annotations

from dataclasses import replace

from . import assets
from .analysis import analyze
from .betweenness import EXACT_LIMIT
from .errors import InputError
from .layout import layout
from .model import Network
from .present import mapview
from .present.mapview import PALETTE
from .privacy import Pseudonymiser

__all__ = ["export", "export_compare", "MEASURES", "CURVE_LIMIT", "EXACT_LIMIT", "PALETTE"]

#: Measures that can set the size of an actor: option name -> key in the analysis.
MEASURES = {"degree": "degree", "betweenness": "betweenness", "brokerage": "cross_sector_brokerage"}
#: Up to this many actors ties are drawn curved (several ties of one pair apart); above it
#: straight, and hidden while the map is dragged or zoomed.
CURVE_LIMIT = 300


# --- the drawing's data (vis-network) ------------------------------------------------------


def _group(groups, fill, border="#1a1a1a"):
    """Name of the vis-network group with this fill and border (shared, to keep the file small)."""
    return groups.setdefault((fill, border), f"g{len(groups)}")


def _group_options(groups):
    return {
        name: {
            "color": {
                "background": fill,
                "border": border,
                "highlight": {"background": fill, "border": "#000000"},
                "hover": {"background": fill, "border": "#000000"},
            }
        }
        for (fill, border), name in groups.items()
    }


def _options(n):
    """vis-network options: no physics (the layout placed the actors); straight ties on large maps."""
    big = n > CURVE_LIMIT
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 1},
        "nodes": {
            "font": dict(mapview.NODE_FONT),
            "borderWidthSelected": 5,
        },
        "edges": {
            "smooth": False if big else {"enabled": True, "type": "continuous", "roundness": 0.2},
            "color": dict(mapview.EDGE_COLOURS),
            "selectionWidth": 2,
            "hoverWidth": 1,
            "arrows": {"to": {"scaleFactor": 0.7}},
        },
        "physics": {"enabled": False},
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "multiselect": True,
            "navigationButtons": False,
            "keyboard": False,
        },
    }


def _curve(edges):
    """Spread several ties of one pair apart (curved to either side) on small maps."""
    seen = {}
    for e in edges:
        pair = tuple(sorted((e["from"], e["to"])))
        k = seen.get(pair, 0)
        seen[pair] = k + 1
        if k:
            # Orientation of "CW" flips with the drawing direction: use the sorted pair.
            side = "curvedCW" if (k % 2) == (e["from"] == pair[0]) else "curvedCCW"
            e["smooth"] = {"enabled": True, "type": side, "roundness": 0.15 * ((k + 1) // 2)}


def _node(a, pos, marks, tip, **extra):
    """A vis-network node; ``tip`` holds the parts of its tooltip, which the page assembles."""
    return {
        "id": a.id,
        "name": a.label,
        "sector": a.sector,
        "x": pos[a.id][0],
        "y": pos[a.id][1],
        "shape": mapview.LEVEL_SHAPES.get(a.level, "dot"),
        "label": (marks + " " if marks else "") + mapview.map_label(a.label),
        "tip": tip,
        **extra,
    }


def _tie_edge(tie, lang):
    """A vis-network edge; ``tip`` holds the parts of its tooltip, which the page assembles."""
    return {"from": tie.source, "to": tie.target, "tip": mapview.tie_tip(tie, lang), **mapview.tie_look(tie, lang)}


def _page_data(nodes, edges, groups, sets, lang):
    n = len(nodes)
    if n <= CURVE_LIMIT:
        _curve(edges)
    options = _options(n)
    options["groups"] = _group_options(groups)
    return {"nodes": nodes, "edges": edges, "options": options, "sets": sets, "text": mapview.page_texts(lang)}


def _page(template, *, view, title, data, lang):
    """The page: the template with the view, the data, the CSS and the two scripts (by hash)."""
    from markupsafe import Markup

    vis, app_js = assets.vis_network(), assets.static_text("mapfit.js") + assets.static_text("map.js")
    csp = (
        "default-src 'none'; base-uri 'none'; form-action 'none'; img-src data:; "
        f"style-src 'unsafe-inline'; script-src '{assets.sha256(vis.script)}' '{assets.sha256(app_js)}'"
    )
    return assets.render(
        template,
        lang=lang,
        title=title,
        csp=csp,
        v=view,
        t=mapview.chrome(lang, vis.version),
        data=assets.script_json(data),
        css=Markup(assets.static_text("map.css")),
        vis={"version": vis.version, "script": Markup(vis.script)},
        app_js=Markup(app_js),
    )


# --- the map of one network -------------------------------------------------------


def _network_nodes(net, report, view, *, color_by, size_by, lang, seed):
    measures = {a["id"]: a for a in report["actors"]}
    pos = layout(net, seed=seed)
    sizes = mapview.node_sizes({k: v[MEASURES[size_by]] for k, v in measures.items()})
    groups, nodes = {}, []
    for a in net.actors:
        m = measures[a.id]
        look = mapview.actor_look(a.partner, m["boundary_spanner"], a.id in view["high"])
        tip = mapview.actor_tip(a, m, view, color_by, net.group_of(a, color_by), lang)
        node = _node(
            a,
            pos,
            look["marks"],
            tip,
            size=sizes[a.id],
            group=_group(groups, view["colour_of"][a.id]),
            borderWidth=look["border"],
        )
        if look["dashed"]:
            node["shapeProperties"] = {"borderDashes": [6, 4]}
        nodes.append(node)
    return nodes, groups


def export(
    net: Network,
    *,
    color_by: str = "sector",
    size_by: str = "degree",
    title: str | None = None,
    lang: str = "en",
    pseudonymise: bool = False,
    seed: int = 0,
    key: str | bytes | None = None,
) -> str:
    """The interactive HTML map of a network, as one self-contained page (a str).

    Parameters
    ----------
    net : Network
    color_by : str
        Actor field or custom attribute that sets the colour (default sector), from the
        Okabe-Ito colour-blind-safe palette.
    size_by : {"degree", "betweenness", "brokerage"}
        Measure that sets the size of an actor (brokerage = cross-sector brokerage, METHODS.md).
    title : str, optional
        Heading of the page; default the network's name.
    lang : {"en", "da"}
    pseudonymise : bool
        Replace citizens by pseudonyms first (netmap.privacy), in the network and in ``title``.
    seed : int
        Seed of the layout: the same network and seed give the same picture.
    key : str or bytes, optional
        Pseudonym key (default: :func:`netmap.privacy.workspace_key`).

    Returns
    -------
    str
        The HTML page: it loads nothing from the network and escapes every user string.

    Raises
    ------
    InputError
        For an unknown ``color_by`` or ``size_by``.

    Notes
    -----
    What the map shows: see this module's docstring.

    Examples
    --------
    >>> from netmap.model import Actor, Network, Tie
    >>> page = export(Network(actors=[Actor("a", name="<b>A</b>"), Actor("b")], ties=[Tie("a", "b")]))
    >>> "&lt;b&gt;A&lt;/b&gt;" in page and "<b>A</b>" not in page
    True
    """
    net.check_group_attribute(color_by)
    if size_by not in MEASURES:
        raise InputError('cannot size by "{value}"; use one of: {allowed}', value=size_by, allowed=", ".join(MEASURES))
    if pseudonymise:
        scrub = Pseudonymiser(net, key=key)
        net, title, color_by = scrub.network(net), scrub.text(title), scrub.text(color_by)
    report = analyze(net, seed=seed)
    view = mapview.network_view(net, report, color_by, size_by, MEASURES[size_by], lang, pseudonymise)
    nodes, groups = _network_nodes(net, report, view, color_by=color_by, size_by=size_by, lang=lang, seed=seed)
    edges = [_tie_edge(tie, lang) for tie in net.ties]
    data = _page_data(nodes, edges, groups, view["sets"], lang)
    return _page("network.html.j2", view=view, title=title or net.name or view["default_title"], data=data, lang=lang)


# --- the map of a comparison ------------------------------------------------------


def _union(old, new, removed, tie_status):
    """Both versions in one network: the newer's actors and ties, then the removed ones. An actor
    keeps its older saved position when the newer version has none."""
    before = {a.id: a for a in old.actors}
    actors = list(new.actors) + [a for a in old.actors if a.id in removed]
    actors = [
        replace(a, x=before[a.id].x, y=before[a.id].y)
        if a.x is None and a.id in before and before[a.id].x is not None
        else a
        for a in actors
    ]
    return Network(
        actors=actors,
        name=new.name,
        date=new.date,
        ties=list(new.ties) + [x for x in old.ties if tie_status.get(x.key) == "removed"],
    )


def _statuses(diff, lang):
    """Actor and tie statuses (added / removed / changed) and change lines from a comparison."""
    changes = {c["id"]: mapview.change_lines(c["changes"], lang) for c in diff["actors"]["changed"]}
    tie_changes = {
        mapview.tie_key(c): mapview.change_lines(c["changes"], lang, "ties") for c in diff["ties"]["changed"]
    }
    tie_status = {mapview.tie_key(d): "added" for d in diff["ties"]["added"]}
    tie_status.update({mapview.tie_key(d): "removed" for d in diff["ties"]["removed"]})
    tie_status.update({k: "changed" for k, v in tie_changes.items() if v})
    return changes, tie_changes, tie_status


def _compare_nodes(union, status, changes, lang, seed):
    pos = layout(union, seed=seed)
    groups, nodes = {}, []
    for a in union.actors:
        s = status[a.id]
        tip = {**mapview.node_tip(a, lang), "z": [mapview.status_line(s, lang)] + changes.get(a.id, [])}
        if a.partner:
            tip["p"] = 1
        fill = mapview.SECTOR_COLOURS.get(a.sector, mapview.OTHER_COLOUR)
        node = _node(
            a,
            pos,
            mapview.STATUS_MARKS[s] + (mapview.CORE_MARK if a.partner else ""),
            tip,
            size=16,
            group=_group(groups, fill, mapview.STATUS_COLOURS[s]),
            borderWidth=4 if s != "same" else (3 if a.partner else 1.2),
        )
        if s == "removed":
            node.update(opacity=0.45, shapeProperties={"borderDashes": [5, 4]})
        nodes.append(node)
    return nodes, groups


def _compare_edges(union, tie_status, tie_changes, lang):
    edges, statuses = [], []
    for tie in union.ties:
        s = tie_status.get(tie.key, "same")
        e = _tie_edge(tie, lang)
        e["tip"]["z"] = [mapview.status_line(s, lang)] + tie_changes.get(tie.key, [])
        if s != "same":
            colour = mapview.STATUS_COLOURS[s]
            e.update(
                label=" ".join(filter(None, (mapview.STATUS_MARKS[s], e.get("label")))),
                width=e["width"] + 1.5,
                color={"color": colour, "highlight": "#1a1a1a", "hover": "#1a1a1a"},
                font={"size": 18, "strokeWidth": 4, "color": colour, "align": "top"},
            )
        edges.append(e)
        statuses.append(s)
    return edges, statuses


def export_compare(
    old: Network,
    new: Network,
    *,
    title: str | None = None,
    lang: str = "en",
    pseudonymise: bool = False,
    seed: int = 0,
    key: str | bytes | None = None,
) -> str:
    """The HTML map of two versions of a network: their union, with the changes marked.

    Actors and ties are matched by :func:`netmap.compare.compare` (actors by
    id; ties by kind and pair, ordered only when directed). Added ones are
    marked "+" with a thick green border or line, removed ones "−", faded,
    with a dashed red border or a red line, changed ones "Δ" with a thick
    blue border or line; every mark has its symbol, so none is shown by
    colour alone. A change of position (``x``, ``y``) alone does not count
    (:data:`netmap.compare.IGNORED_FIELDS`). Colour is the sector, shape
    the level, "★" the partnership core (of the newer version; of the older
    for a removed actor). Saved positions are kept (the newer first), so a
    series of comparisons keeps its picture.

    Returns the HTML page as a str; see :func:`export` for what it holds.
    """
    from .compare import compare

    if pseudonymise:  # one key and the citizens of both versions, scrubbed from both
        scrub = Pseudonymiser(old, new, key=key)
        old, new, title = scrub.network(old), scrub.network(new), scrub.text(title)
    diff = compare(old, new)
    changes, tie_changes, tie_status = _statuses(diff, lang)
    union = _union(old, new, set(diff["actors"]["removed"]), tie_status)
    added, removed = set(diff["actors"]["added"]), set(diff["actors"]["removed"])
    status = {
        a.id: "added" if a.id in added else "removed" if a.id in removed else "changed" if changes.get(a.id) else "same"
        for a in union.actors
    }
    nodes, groups = _compare_nodes(union, status, changes, lang, seed)
    edges, tie_words = _compare_edges(union, tie_status, tie_changes, lang)
    view = mapview.compare_view(old, new, union, diff, status, tie_words, changes, lang)
    data = _page_data(nodes, edges, groups, view["sets"], lang)
    return _page("compare.html.j2", view=view, title=title or view["default_title"], data=data, lang=lang)
