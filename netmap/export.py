"""Interactive HTML maps: one self-contained file that opens offline, with every user string escaped.

The page is built on vis-network as bundled with pyvis (its JavaScript is
read from pyvis's package folder and inlined), with netmap's own small
template instead of pyvis's, because pyvis's template links Bootstrap from
a CDN and inserts headings and menus without escaping (STYLE.md). User
text reaches the page only through ``html.escape`` or through JSON whose
``<``, ``>`` and ``&`` are escaped; a Content-Security-Policy that allows
only the page's own two scripts (by hash) and no network access backs
this up.
"""

from __future__ import annotations

import base64
import datetime
import functools
import hashlib
import html
import importlib.util
import json
import math
import os
import re

from .analysis import analyze
from .errors import InputError, NetmapError
from .i18n import LANGS, _
from .present.vocab import yes_no
from .layout import layout
from .model import LEVELS, SECTORS, Network, canonical_tie_kind
from .privacy import pseudonymise as _pseudonymise

__all__ = ["export", "export_compare", "add_cli", "MEASURES", "PHYSICS_LIMIT", "EXACT_BETWEENNESS_LIMIT",
           "PALETTE"]

#: Measures that can set the size of an actor: option name -> key in the analysis.
MEASURES = {"degree": "degree", "betweenness": "betweenness", "brokerage": "cross_sector_brokerage"}
#: Up to this many actors the map settles with a short, bounded physics simulation (unless
#: positions were saved); above it physics is off and the precomputed layout is drawn at once.
PHYSICS_LIMIT = 300
#: Okabe & Ito (2008) colour-blind-safe palette, black left out (it hides the borders).
PALETTE = ("#56B4E9", "#009E73", "#E69F00", "#CC79A7", "#0072B2", "#D55E00", "#F0E442")
OTHER_COLOUR = "#BBBBBB"
SECTOR_COLOURS = {"public": "#56B4E9", "civil": "#009E73", "private": "#E69F00",
                  "citizen": "#CC79A7", "unknown": OTHER_COLOUR}
LEVEL_SHAPES = {"operational": "dot", "management": "square", "political": "triangle"}
CORE_MARK, SPANNER_MARK, FLAG_MARK = "\u2605", "\u21c4", "\u26a0"
ADDED_COLOUR, REMOVED_COLOUR, CHANGED_COLOUR = "#009E73", "#D55E00", "#0072B2"
_EDGE_GREY = "#7f7f7f"



# --- small helpers -------------------------------------------------------------

def _e(text):
    """HTML-escape any value (quotes included), for text and attribute values."""
    return html.escape("" if text is None else str(text), quote=True)


def _json(obj):
    """JSON that can sit inside a <script> element: no ``<``, ``>`` or ``&`` survives."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                    ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def _num(x, lang, digits=3):
    if x is None:
        return "-"
    if isinstance(x, int) or float(x).is_integer():
        return str(int(x))
    text = f"{x:.{digits}f}"
    return text.replace(".", ",") if lang == "da" else text


def _word(prefix, value, lang):
    """Translated name of a known code (``sector_public``), else the value itself."""
    key = f"{prefix}_{value}"
    try:
        return t(key, lang)
    except KeyError:
        return str(value)


@functools.lru_cache(maxsize=1)
def _vis_js():
    """vis-network 9.1.2 as shipped inside pyvis, without its source-map comment."""
    spec = importlib.util.find_spec("pyvis")  # not imported: pyvis imports IPython (~1 s)
    path = os.path.join(spec.submodule_search_locations[0], "templates", "lib", "vis-9.1.2",
                        "vis-network.min.js")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r"//# sourceMappingURL=\S*", "", text)
    return text.replace("</script", "<\\/script")


def _sha256(text):
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def _colours(net, attr, lang):
    """``(actor id -> colour, [(colour, label, count)])`` for colouring by ``attr``."""
    values = {a.id: net.group_of(a, attr) for a in net.actors}
    counts = {}
    for v in values.values():
        counts[v] = counts.get(v, 0) + 1
    if attr == "sector":
        order = [s for s in SECTORS + ("unknown",) if s in counts]
        colour = {v: SECTOR_COLOURS[v] for v in order}
    else:
        known = {"level": LEVELS, "scope": ("local", "municipal", "regional", "national"),
                 "partner": ("true", "false")}.get(attr)
        order = [v for v in known if v in counts] if known else sorted(counts, key=lambda v: (-counts[v], v))
        colour = {v: (PALETTE[i] if i < len(PALETTE) else OTHER_COLOUR) for i, v in enumerate(order)}
    legend = []
    for i, v in enumerate(order):
        if i == len(PALETTE) and attr != "sector":
            rest = sum(counts[w] for w in order[i:])
            legend.append((OTHER_COLOUR, _("other", lang), rest))
            break
        legend.append((colour[v], _value_label(attr, v, lang), counts[v]))
    return {a: colour[v] for a, v in values.items()}, legend


def _value_label(attr, value, lang):
    if value == "":
        return _("(none)", lang)
    if attr in ("sector", "level", "scope"):
        return _word(attr, value, lang)
    if attr == "partner":
        return yes_no(value == "true", lang)
    return value


def _group(groups, fill, border="#1a1a1a"):
    """Name of the vis-network group with this fill and border (shared, to keep the file small)."""
    key = (fill, border)
    if key not in groups:
        groups[key] = f"g{len(groups)}"
    return groups[key]


def _group_options(groups):
    return {name: {"color": {"background": fill, "border": border,
                             "highlight": {"background": fill, "border": "#000000"},
                             "hover": {"background": fill, "border": "#000000"}}}
            for (fill, border), name in groups.items()}


def _sizes(values):
    top = max(values.values(), default=0) or 0
    if top <= 0:
        return {k: 16 for k in values}
    return {k: round(10 + 26 * math.sqrt(max(v, 0) / top), 1) for k, v in values.items()}


def _options(n, physics):
    """vis-network options: bounded physics for small maps, none (and straight ties) for large."""
    big = n > PHYSICS_LIMIT
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 1},
        "nodes": {"font": {"size": 16, "face": "DejaVu Sans, Verdana, Arial, sans-serif",
                           "strokeWidth": 4, "strokeColor": "#ffffff", "color": "#1a1a1a"},
                  "borderWidthSelected": 5},
        "edges": {"smooth": False if big else {"enabled": True, "type": "continuous", "roundness": 0.2},
                  "color": {"color": _EDGE_GREY, "highlight": "#1a1a1a", "hover": "#1a1a1a"},
                  "selectionWidth": 2, "hoverWidth": 1,
                  "arrows": {"to": {"scaleFactor": 0.7}}},
        "physics": {"enabled": physics, "solver": "barnesHut",
                    "barnesHut": {"gravitationalConstant": -6000, "centralGravity": 0.2,
                                  "springLength": 150, "springConstant": 0.02,
                                  "avoidOverlap": 0.8, "damping": 0.3},
                    "stabilization": {"enabled": True, "iterations": 150, "fit": True}},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": big,
                        "hideEdgesOnZoom": big, "multiselect": True, "navigationButtons": False,
                        "keyboard": False},
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


def _tie_edge(tie, lang):
    """A vis-network edge; ``tip`` holds the parts of its tooltip, which the page assembles."""
    kind = canonical_tie_kind(tie.kind)
    tip = {"k": _word("tiekind", kind, lang), "s": _num(tie.strength, lang)}
    if tie.notes:
        tip["n"] = tie.notes
    e = {"from": tie.source, "to": tie.target, "width": round(1 + 1.5 * (tie.strength - 1), 2), "tip": tip}
    if kind == "personal":
        e["dashes"] = True
    if tie.directed:
        e["arrows"] = "to"
    return e


# --- the page ---------------------------------------------------------------

_CSS = """
*{box-sizing:border-box}
body{margin:0;font-family:"DejaVu Sans",Verdana,Arial,sans-serif;color:#1a1a1a;background:#fff;font-size:15px;line-height:1.4}
.skip{position:absolute;left:-9999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px;z-index:10}
header{padding:10px 16px 4px;border-bottom:1px solid #ddd}
h1{font-size:22px;margin:0 0 2px}h2{font-size:17px;margin:14px 0 6px}h3{font-size:15px;margin:10px 0 4px}
.meta{margin:0;color:#444;font-size:13px}
.toolbar{display:flex;flex-wrap:wrap;gap:8px 18px;align-items:center;padding:8px 16px;border-bottom:1px solid #ddd;background:#f7f7f7}
.toolbar fieldset{border:0;margin:0;padding:0;display:flex;gap:10px;flex-wrap:wrap;align-items:center}
.toolbar legend{float:left;margin-right:6px;font-weight:bold}
.toolbar input[type=search]{width:14em;padding:3px 5px}
button{font:inherit;font-size:13px;padding:2px 8px;cursor:pointer;background:#fff;border:1px solid #888;border-radius:3px}
button:hover,button:focus{background:#eef}
#status{color:#333;font-style:italic;min-width:10em}
.main{display:flex;align-items:stretch;min-height:420px}
#graph{flex:1 1 auto;height:calc(100vh - 100px);min-height:420px;min-width:300px;position:relative;border-right:1px solid #ddd}
aside{flex:0 0 340px;max-height:calc(100vh - 100px);min-height:420px;overflow:auto;padding:0 14px 12px;font-size:13.5px}
aside ul{list-style:none;margin:0;padding:0}aside li{margin:3px 0;display:flex;align-items:center;gap:6px}
aside p{margin:4px 0}
.sw{display:inline-block;width:14px;height:14px;border:1px solid #333;border-radius:50%;flex:none}
svg{flex:none}
.flags li{display:block;border-left:5px solid #999;padding:4px 8px;margin:8px 0;background:#fafafa}
.flags .sev-high{border-left:5px double #1a1a1a}.flags .sev-warning{border-left:5px solid #555}.flags .sev-info{border-left:5px dotted #888}
.sev{font-weight:bold;text-transform:uppercase;font-size:12px}
/* The tables render only when scrolled to: that spares a 5,000-actor map seconds. */
.tables{padding:4px 16px 24px;content-visibility:auto;contain-intrinsic-size:auto 3000px}
.tw{overflow-x:auto;content-visibility:auto}
table{border-collapse:collapse;margin:6px 0 18px;font-size:13px;width:100%}
td:last-child{min-width:16em}
caption{text-align:left;font-weight:bold;padding:4px 0}
th,td{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}
thead th{background:#eee}tbody th{font-weight:normal}
div.vis-tooltip{position:absolute;visibility:hidden;padding:6px 8px;white-space:pre-line;max-width:420px;
font-family:"DejaVu Sans",Verdana,Arial,sans-serif;font-size:13px;color:#000;background:#fffff4;
border:1px solid #777;border-radius:3px;box-shadow:2px 2px 6px rgba(0,0,0,.2);pointer-events:none;z-index:5}
@media print{.toolbar,.skip{display:none}.tables,.tw{content-visibility:visible}#graph{height:640px}aside{max-height:none}}
@media (max-width:800px){.main{display:block}aside{max-height:none}#graph{height:70vh}}
"""

_APP_JS = r"""(function(){"use strict";
var data=JSON.parse(document.getElementById("netmap-data").textContent);
var T=data.text,labels={},names={};
function fmt(tpl,vals){return tpl.replace(/\{(\w+)\}/g,function(m,k){
return Object.prototype.hasOwnProperty.call(vals,k)?String(vals[k]):m;});}
function nodeTip(n){var p=n.tip,L=[n.name];
if(p.k){L.push(fmt(T.tip_kind,{v:p.k}));}
L.push(fmt(T.tip_place,{s:p.s,l:p.l,c:p.c}));
if(p.a){L.push(p.a);}
if("d" in p){L.push(fmt(T.tip_measures,{d:p.d,b:p.b,c:p.x}));}
if(p.p){L.push(T.tip_core);}
if(p.bs){L.push(T.tip_spanner);}
if(p.f){L.push(fmt(T.tip_flags,{v:p.f}));}
return L.concat(p.z||[]).join("\n");}
function edgeTip(e){var p=e.tip,L=[names[e.from]+(e.arrows?" \u2192 ":" \u2014 ")+names[e.to],
p.k+" \u00b7 "+fmt(T.tip_strength,{v:p.s})+(e.arrows?" \u00b7 "+T.tip_directed:"")];
if(p.n){L.push(fmt(T.tip_notes,{v:p.n}));}
return L.concat(p.z||[]).join("\n");}
data.nodes.forEach(function(n){labels[n.id]=n.label;names[n.id]=n.name;n.title=nodeTip(n);delete n.tip;});
data.edges.forEach(function(e){e.title=edgeTip(e);delete e.tip;});
var nodes=new vis.DataSet(data.nodes),edges=new vis.DataSet(data.edges);
var network=new vis.Network(document.getElementById("graph"),{nodes:nodes,edges:edges},data.options);
window.netmapNetwork=network;
network.once("afterDrawing",function(){var h=document.documentElement;
h.setAttribute("data-drawn-ms",String(Math.round(performance.now())));h.setAttribute("data-drawn","true");});
function frame(){network.fit({animation:false});network.moveTo({scale:network.getScale()*0.85});}
if(data.options.physics.enabled){network.once("stabilizationIterationsDone",function(){
network.setOptions({physics:{enabled:false}});frame();document.documentElement.setAttribute("data-stable","true");});}
else{frame();document.documentElement.setAttribute("data-stable","true");}
function say(text){document.getElementById("status").textContent=text;}
function dim(ids){var on={};ids.forEach(function(id){on[id]=true;});
nodes.update(data.nodes.map(function(n){return {id:n.id,opacity:(!ids.length||on[n.id])?(n.opacity||1):0.2};}));}
function show(ids,text){network.unselectAll();dim(ids);network.selectNodes(ids);
if(ids.length===1){network.focus(ids[0],{scale:1.4,animation:false});}
else if(ids.length){network.fit({nodes:ids,animation:false});}
say(text);}
document.getElementById("find-form").addEventListener("submit",function(ev){ev.preventDefault();
var q=document.getElementById("find").value.trim().toLowerCase(),hit=null,j;
if(!q){return;}
for(j=0;j<data.nodes.length&&!hit;j++){if(data.nodes[j].name.toLowerCase()===q){hit=data.nodes[j];}}
for(j=0;j<data.nodes.length&&!hit;j++){if(data.nodes[j].name.toLowerCase().indexOf(q)>=0){hit=data.nodes[j];}}
if(!hit){say(T.not_found);return;}
show([hit.id],T.found+" "+hit.name);});
var boxes=document.querySelectorAll("input[data-sector]");
function filter(){var on={};boxes.forEach(function(b){on[b.getAttribute("data-sector")]=b.checked;});
nodes.update(data.nodes.map(function(n){return {id:n.id,hidden:!on[n.sector]};}));}
boxes.forEach(function(b){b.addEventListener("change",filter);});
var lab=document.getElementById("show-labels");
lab.addEventListener("change",function(){var on=lab.checked;
nodes.update(data.nodes.map(function(n){return {id:n.id,label:on?labels[n.id]:""};}));});
document.querySelectorAll("button[data-set]").forEach(function(b){b.addEventListener("click",function(){
var ids=data.sets[b.getAttribute("data-set")]||[];
show(ids,T.selected+" "+ids.map(function(id){return names[id];}).join(", "));});});
document.getElementById("fit").addEventListener("click",function(){network.unselectAll();dim([]);frame();say("");});
})();"""


def _svg_shape(shape, fill="#ffffff", dashed=False, width=1.5, stroke="#1a1a1a"):
    dash = ' stroke-dasharray="4 3"' if dashed else ""
    common = f'fill="{fill}" stroke="{stroke}" stroke-width="{width}"{dash}'
    if shape == "square":
        body = f'<rect x="3" y="3" width="12" height="12" {common}/>'
    elif shape == "triangle":
        body = f'<polygon points="9,2 16,15 2,15" {common}/>'
    else:
        body = f'<circle cx="9" cy="9" r="6.5" {common}/>'
    return f'<svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">{body}</svg>'


def _svg_line(width=2, dashed=False, arrow=False, colour=_EDGE_GREY):
    dash = ' stroke-dasharray="6 4"' if dashed else ""
    head = (f'<polygon points="30,6 23,2 23,10" fill="{colour}"/>' if arrow else "")
    return (f'<svg width="34" height="12" viewBox="0 0 34 12" aria-hidden="true">'
            f'<line x1="1" y1="6" x2="{24 if arrow else 33}" y2="6" stroke="{colour}" '
            f'stroke-width="{width}"{dash}/>{head}</svg>')


def _page(*, lang, title, meta, toolbar, aside, tables, data):
    data_json = _json(data)
    vis_js = _vis_js()
    csp = ("default-src 'none'; base-uri 'none'; form-action 'none'; img-src data:; "
           f"style-src 'unsafe-inline'; script-src '{_sha256(vis_js)}' '{_sha256(_APP_JS)}'")
    return "".join([
        f'<!DOCTYPE html>\n<html lang="{_e(lang)}">\n<head>\n<meta charset="utf-8">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        '<meta name="generator" content="netmap">\n',
        f"<title>{_e(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n",
        f'<a class="skip" href="#tables">{_e(t("export_skip", lang))}</a>\n',
        f'<header><h1>{_e(title)}</h1><p class="meta">{meta}</p></header>\n',
        toolbar,
        '<div class="main">\n',
        f'<div id="graph" role="img" aria-label="{_e(t("export_graph_label", lang))}"></div>\n',
        f"<aside>{aside}</aside>\n</div>\n",
        # The scripts come before the tables, so that the map draws while the tables load.
        f'<script type="application/json" id="netmap-data">{data_json}</script>\n',
        f"<script>{vis_js}</script>\n<script>{_APP_JS}</script>\n",
        f'<section class="tables" id="tables" aria-labelledby="tables-h">'
        f'<h2 id="tables-h">{_e(t("export_tables", lang))}</h2>\n{tables}</section>\n',
        "</body>\n</html>\n",
    ])


def _toolbar(lang, sectors):
    boxes = "".join(
        f'<label><input type="checkbox" checked data-sector="{_e(s)}"> {_e(_word("sector", s, lang))}</label>'
        for s in sectors)
    return (
        '<div class="toolbar">'
        f'<form id="find-form" role="search"><label for="find">{_e(t("export_find", lang))}</label> '
        f'<input type="search" id="find" list="actor-names" autocomplete="off"> '
        f'<button type="submit">{_e(t("export_find_go", lang))}</button></form>'
        f'<fieldset><legend>{_e(t("export_filter", lang))}</legend>{boxes}</fieldset>'
        f'<label><input type="checkbox" id="show-labels" checked> {_e(t("export_labels", lang))}</label>'
        f'<button type="button" id="fit">{_e(t("export_fit", lang))}</button>'
        '<span id="status" role="status" aria-live="polite"></span>'
        "</div>\n")


def _datalist(net):
    names = sorted({a.label for a in net.actors})
    return '<datalist id="actor-names">' + "".join(f'<option value="{_e(n)}">' for n in names) + "</datalist>"


def _meta_line(net, lang, extra=()):
    parts = [_("{actors} actors, {ties} ties", lang, actors=len(net.actors), ties=len(net.ties))]
    if net.date:
        parts.append(_("Network date: {date}", lang, date=net.date))
    parts.append(_("Map made: {date}", lang, date=datetime.date.today().isoformat()))
    parts.extend(extra)
    return " \u00b7 ".join(_e(p) for p in parts)


def _legend_colours(attr, legend, lang):
    name = _word("export_col", attr, lang) if attr in ("sector", "level", "scope", "kind") else attr
    items = "".join(f'<li><span class="sw" style="background:{c}"></span>{_e(label)} ({n})</li>'
                    for c, label, n in legend)
    return f"<h3>{_e(t('export_colour_by', lang, attr=name.lower()))}</h3><ul>{items}</ul>"


def _legend_shapes(lang):
    items = "".join(f"<li>{_svg_shape(shape)}{_e(_word('level', level, lang))}</li>"
                    for level, shape in LEVEL_SHAPES.items())
    return f"<h3>{_e(t('export_shape_by', lang))}</h3><ul>{items}</ul>"


def _legend_ties(lang):
    return (f"<h3>{_e(t('export_ties', lang))}</h3><ul>"
            f"<li>{_svg_line(1)}{_svg_line(2.5)}{_svg_line(4)}</li>"
            f"<li>{_e(t('export_tie_width', lang))}</li>"
            f"<li>{_svg_line(2, dashed=True)}{_e(t('export_tie_personal', lang))}</li>"
            f"<li>{_svg_line(2, arrow=True)}{_e(t('export_tie_directed', lang))}</li></ul>")


def _table(table_id, caption, headers, rows, numeric=()):
    """An HTML table; the name (first column) heads each row. Numeric columns (1-based) align right.

    End tags of cells and rows are left out (valid HTML), which keeps a
    5,000-actor file small.
    """
    align = ",".join(f"#{table_id} td:nth-child({i})" for i in numeric)
    style = f"<style>{align}{{text-align:right}}</style>" if numeric else ""
    head = "".join(f'<th scope="col">{_e(h)}' for h in headers)
    body = "".join('<tr><th scope="row">' + _e(row[0]) + "".join("<td>" + _e(v) for v in row[1:])
                   for row in rows)
    height = 60 + 24 * len(rows)
    return (f'{style}<div class="tw" style="contain-intrinsic-size:auto {height}px">'
            f'<table id="{table_id}"><caption>{_e(caption)}</caption><thead><tr>{head}</thead>'
            f"<tbody>{body}</tbody></table></div>\n")


def _ties_table(net, names, lang, status=None):
    headers = [_("From", lang), _("To", lang), _("Kind", lang),
               _("Strength", lang), _("Directed", lang), _("Notes", lang)]
    rows = []
    for i, tie in enumerate(net.ties):
        row = [names[tie.source], names[tie.target], _word("tiekind", canonical_tie_kind(tie.kind), lang),
               _num(tie.strength, lang), yes_no(tie.directed, lang), tie.notes]
        if status is not None:
            row.append(status[i])
        rows.append(row)
    if status is not None:
        headers.append(_("Change", lang))
    return _table("ties-table", _("Ties ({n})", lang, n=len(net.ties)), headers, rows, numeric=(4,))


# --- the map of one network -------------------------------------------------------

#: Above this many actors the map shows betweenness estimated from a seeded sample of
#: sources (and says so), which keeps a 5,000-actor export within seconds.
EXACT_BETWEENNESS_LIMIT = 2000
_PAGE_TEXTS = ("found", "not_found", "selected", "tip_kind", "tip_place", "tip_measures", "tip_core",
               "tip_spanner", "tip_flags", "tip_strength", "tip_directed", "tip_notes")


def _place(a, lang):
    return {"s": _word("sector", a.sector, lang), "l": _word("level", a.level, lang),
            "c": _word("scope", a.scope, lang)}


def _node(a, pos, lang, **extra):
    node = {"id": a.id, "name": a.label, "sector": a.sector, "x": pos[a.id][0], "y": pos[a.id][1],
            "shape": LEVEL_SHAPES.get(a.level, "dot"),
            "tip": {"k": a.kind.replace("_", " "), **_place(a, lang)}}
    node.update(extra)
    return node


def _page_data(nodes, edges, groups, n, saved, sets, lang):
    if n <= PHYSICS_LIMIT:
        _curve(edges)
    options = _options(n, physics=n <= PHYSICS_LIMIT and not saved and n > 1)
    options["groups"] = _group_options(groups)
    return {"nodes": nodes, "edges": edges, "options": options, "sets": sets,
            "text": {k: _template("export_" + k, lang) for k in _PAGE_TEXTS}}


def _template(key, lang):
    """A text with its ``{placeholders}`` left in, for the page's script to fill."""
    return STRINGS[key][lang if lang in LANGS else "en"]


def export(net, *, color_by="sector", size_by="degree", title=None, lang="en",
           pseudonymise=False, seed=0):
    """The interactive HTML map of a network, as one self-contained page (a str).

    Parameters
    ----------
    net : Network
    color_by : str
        Actor field or custom attribute that sets the colour (default sector),
        from the Okabe-Ito colour-blind-safe palette.
    size_by : {"degree", "betweenness", "brokerage"}
        Measure that sets the size of an actor (brokerage = cross-sector
        brokerage, METHODS.md).
    title : str, optional
        Heading of the page; default the network's name.
    lang : {"en", "da"}
    pseudonymise : bool
        Replace citizens by pseudonyms first (netmap.privacy).
    seed : int
        Seed of the layout: the same network and seed give the same picture.

    Returns
    -------
    str
        The HTML page. It loads nothing from the network, writes nothing
        beside itself, and escapes every user string.

    Raises
    ------
    InputError
        For an unknown ``color_by`` or ``size_by``.

    Notes
    -----
    Shape shows the level; the partnership core has a thick border and
    "★", boundary spanners a dashed border and "⇄", actors of a
    high-severity flag "⚠"; every flag beside the map has a button that
    picks out its actors. Tie width shows strength, personal ties are
    dashed, directed ties have arrows. Saved positions (``x``, ``y``) are
    kept; the others come from :func:`netmap.layout.layout`. Physics runs
    (bounded) only for maps up to PHYSICS_LIMIT actors without saved
    positions. Above EXACT_BETWEENNESS_LIMIT actors betweenness is
    estimated, and the page says so.

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
        net = _pseudonymise(net)
    report = analyze(net, lang=lang, seed=seed, exact_limit=EXACT_BETWEENNESS_LIMIT)
    measures = {a["id"]: a for a in report["actors"]}
    pos = layout(net, seed=seed)
    colour, colour_legend = _colours(net, color_by, lang)
    sizes = _sizes({k: v[MEASURES[size_by]] for k, v in measures.items()})
    flag_titles, high = {}, set()
    for f in report["flags"]:
        for v in f["actors"]:
            flag_titles.setdefault(v, []).append(_word("flagtitle", f["code"], lang))
            if f["severity"] == "high":
                high.add(v)
    names = {a.id: a.label for a in net.actors}
    core = [a.id for a in net.actors if a.partner]
    spanners = [a.id for a in net.actors if measures[a.id]["boundary_spanner"]]
    custom_colour = color_by not in ("sector", "level", "scope")

    groups, nodes = {}, []
    for a in net.actors:
        m = measures[a.id]
        spanner = m["boundary_spanner"]
        marks = ((CORE_MARK if a.partner else "") + (SPANNER_MARK if spanner else "")
                 + (FLAG_MARK if a.id in high else ""))
        node = _node(a, pos, lang, label=(marks + " " if marks else "") + a.label, size=sizes[a.id],
                     group=_group(groups, colour[a.id]),
                     borderWidth=4 if a.partner else (2.5 if spanner else 1.2))
        tip = node["tip"]
        tip.update(d=m["degree"], b=_num(m["betweenness"], lang), x=m["cross_sector_brokerage"])
        if custom_colour:
            tip["a"] = f"{color_by}: {_value_label(color_by, net.group_of(a, color_by), lang)}"
        if a.partner:
            tip["p"] = 1
        if spanner:
            tip["bs"] = 1
            node["shapeProperties"] = {"borderDashes": [6, 4]}
        if a.id in flag_titles:
            tip["f"] = "; ".join(flag_titles[a.id])
        nodes.append(node)
    edges = [_tie_edge(tie, lang) for tie in net.ties]

    sets = {"core": core, "spanners": spanners}
    flag_items = []
    for i, f in enumerate(report["flags"]):
        sets[f"flag{i}"] = list(f["actors"])
        button = (f'<button type="button" data-set="flag{i}">'
                  f'{_e(t("export_show_actors", lang, n=len(f["actors"])))}</button>' if f["actors"] else "")
        flag_items.append(
            f'<li class="sev-{_e(f["severity"])}"><span class="sev">{_e(t("severity_" + f["severity"], lang))}</span> '
            f'<strong>{_e(_word("flagtitle", f["code"], lang))}</strong> <code>{_e(f["code"])}</code>'
            f'<p>{_e(f["message"])}</p>{button}</li>')
    flag_html = (f'<ol class="flags">{"".join(flag_items)}</ol>' if flag_items
                 else f"<p>{_e(t('export_no_flags', lang))}</p>")
    p = report["partnership"]
    figures = ""
    if p:
        ei = _("E-I index of the core: {ei} (expected from group sizes: {exp})", lang, ei=_num(p["ei_index"], lang, 2), exp=_num(p["expected_ei"], lang, 2))
        reach = _("Reach of the core: near {n1} / {n2}, far {f1} / {f2} (direct / within 2 steps)", lang, n1=p["near_reach"]["1"], n2=p["near_reach"]["2"],
                  f1=p["far_reach"]["1"], f2=p["far_reach"]["2"])
        figures = f"<h3>{_e(t('export_key_figures', lang))}</h3><p>{_e(ei)}</p><p>{_e(reach)}</p>"
    values = [m[MEASURES[size_by]] for m in measures.values()]
    lo, hi = min(values, default=0), max(values, default=0)
    select = _e(_("Select", lang))
    aside = (
        f'<h2>{_e(t("export_legend", lang))}</h2><p>{_e(t("export_how", lang))}</p>'
        + _legend_colours(color_by, colour_legend, lang) + _legend_shapes(lang)
        + f"<p>{_e(t('export_size_by', lang, measure=t('measure_' + size_by, lang), lo=_num(lo, lang), hi=_num(hi, lang)))}</p>"
        + f"<h3>{_e(t('export_marks', lang))}</h3><ul>"
        + f'<li>{_svg_shape("dot", width=3.5)}{_e(t("export_core", lang, mark=CORE_MARK, n=len(core)))} '
          f'<button type="button" data-set="core">{select}</button></li>'
        + f'<li>{_svg_shape("dot", dashed=True, width=2.5)}{_e(t("export_spanner", lang, mark=SPANNER_MARK, n=len(spanners)))} '
          f'<button type="button" data-set="spanners">{select}</button></li>'
        + f'<li>{_e(t("export_flagged", lang, mark=FLAG_MARK))}</li></ul>'
        + _legend_ties(lang)
        + f'<h2>{_e(t("export_flags", lang))}</h2>{figures}{flag_html}')

    extra_col = color_by not in ("sector", "level", "scope", "kind", "partner")
    headers = [_("Name", lang), _("Kind", lang), _("Sector", lang),
               _("Level", lang), _("Scope", lang), _("Core", lang),
               _("Boundary spanner", lang), _("degree", lang).capitalize(),
               _("betweenness", lang).capitalize(), _("cross-sector brokerage", lang).capitalize(),
               _("Flags", lang), _("Notes", lang)]
    if extra_col:
        headers.insert(5, color_by)
    rows = []
    for a in net.actors:
        m = measures[a.id]
        row = [a.label, a.kind, _word("sector", a.sector, lang), _word("level", a.level, lang),
               _word("scope", a.scope, lang), yes_no(a.partner, lang),
               yes_no(m["boundary_spanner"], lang), m["degree"],
               _num(m["betweenness"], lang), m["cross_sector_brokerage"],
               "; ".join(flag_titles.get(a.id, [])), a.notes]
        if extra_col:
            row.insert(5, _value_label(color_by, net.group_of(a, color_by), lang))
        rows.append(row)
    k = 8 if extra_col else 7
    tables = (_table("actors-table", _("Actors ({n})", lang, n=len(rows)), headers, rows,
                     numeric=(k + 1, k + 2, k + 3))
              + _ties_table(net, names, lang))

    extra = []
    if report["betweenness_approximate"]:
        extra.append(_("betweenness estimated from a sample", lang))
    if pseudonymise:
        extra.append(_("citizens pseudonymised", lang))
    saved = any(a.x is not None and a.y is not None for a in net.actors)
    data = _page_data(nodes, edges, groups, len(net.actors), saved, sets, lang)
    return _page(lang=lang, title=title or net.name or _("Network map", lang),
                 meta=_meta_line(net, lang, extra), toolbar=_toolbar(lang, _sectors(net)) + _datalist(net),
                 aside=aside, tables=tables, data=data)


def _sectors(net):
    return [s for s in SECTORS + ("unknown",) if any(a.sector == s for a in net.actors)]


# --- the map of a comparison ------------------------------------------------------

_IGNORED_CHANGES = ("x", "y")  # a moved actor is not a changed one


def _change_lines(changes):
    return [f"{field}: {_short(old)} \u2192 {_short(new)}" for field, (old, new) in changes.items()
            if field not in _IGNORED_CHANGES]


def _short(value, limit=80):
    text = "-" if value is None or value == "" else str(value)
    return text if len(text) <= limit else text[:limit - 1] + "\u2026"


def _tie_key(d):
    """Identity of a tie record of netmap.compare (METHODS.md), as :attr:`Tie.key` gives it."""
    ends = (d["source"], d["target"]) if d["directed"] else tuple(sorted((d["source"], d["target"])))
    return (canonical_tie_kind(d["kind"]), bool(d["directed"])) + ends


def export_compare(old, new, *, title=None, lang="en", pseudonymise=False, seed=0):
    """The HTML map of two versions of a network: their union, with the changes marked.

    Actors and ties are matched by :func:`netmap.compare.compare` (actors by
    id; ties by kind and pair, ordered only when directed). Added ones are
    marked "+" with a thick green border or line, removed ones "−", faded,
    with a dashed red border or a red line, changed ones "Δ" with a thick
    blue border or line; every mark has its symbol, so none is shown by
    colour alone. A change of position (``x``, ``y``) alone does not count.
    Colour is the sector, shape the level, "★" the partnership core (of the
    newer version; of the older for a removed actor). Saved positions are
    kept (the newer first), so a series of comparisons keeps its picture.

    Returns the HTML page as a str; see :func:`export` for what it holds.
    """
    from dataclasses import replace

    from .compare import compare

    if pseudonymise:
        old, new = _pseudonymise(old), _pseudonymise(new)
    diff = compare(old, new, lang=lang)
    added, removed = set(diff["actors"]["added"]), set(diff["actors"]["removed"])
    changes = {c["id"]: _change_lines(c["changes"]) for c in diff["actors"]["changed"]}
    tie_changes = {_tie_key(c): _change_lines(c["changes"]) for c in diff["ties"]["changed"]}
    tie_status = {_tie_key(d): "added" for d in diff["ties"]["added"]}
    tie_status.update({_tie_key(d): "removed" for d in diff["ties"]["removed"]})
    tie_status.update({k: "changed" for k, v in tie_changes.items() if v})

    before = {a.id: a for a in old.actors}
    actors = list(new.actors) + [a for a in old.actors if a.id in removed]
    # An actor keeps its older saved position when the newer version has none.
    actors = [replace(a, x=before[a.id].x, y=before[a.id].y)
              if a.x is None and a.id in before and before[a.id].x is not None else a for a in actors]
    union = Network(actors=actors, name=new.name, date=new.date,
                    ties=list(new.ties) + [x for x in old.ties if tie_status.get(x.key) == "removed"])
    pos = layout(union, seed=seed)
    names = {a.id: a.label for a in union.actors}
    status = {a.id: "added" if a.id in added else "removed" if a.id in removed
              else "changed" if changes.get(a.id) else "same" for a in union.actors}
    mark = {"added": "+", "removed": "\u2212", "changed": "\u0394", "same": ""}
    border = {"added": ADDED_COLOUR, "removed": REMOVED_COLOUR, "changed": CHANGED_COLOUR, "same": "#1a1a1a"}
    word = {s: t("export_status_" + s, lang) for s in mark}
    status_line = _("Change", lang) + ": {}"

    groups, nodes = {}, []
    for a in union.actors:
        s = status[a.id]
        marks = mark[s] + (CORE_MARK if a.partner else "")
        node = _node(a, pos, lang, label=(marks + " " if marks else "") + a.label, size=16,
                     group=_group(groups, SECTOR_COLOURS.get(a.sector, OTHER_COLOUR), border[s]),
                     borderWidth=4 if s != "same" else (3 if a.partner else 1.2))
        node["tip"]["z"] = [status_line.format(word[s])] + changes.get(a.id, [])
        if a.partner:
            node["tip"]["p"] = 1
        if s == "removed":
            node["opacity"] = 0.45
            node["shapeProperties"] = {"borderDashes": [5, 4]}
        nodes.append(node)

    edges, tie_words = [], []
    for tie in union.ties:
        s = tie_status.get(tie.key, "same")
        e = _tie_edge(tie, lang)
        e["tip"]["z"] = [status_line.format(word[s])] + tie_changes.get(tie.key, [])
        if s != "same":
            e.update(label=mark[s], width=e["width"] + 1.5,
                     color={"color": border[s], "highlight": "#1a1a1a", "hover": "#1a1a1a"},
                     font={"size": 18, "strokeWidth": 4, "color": border[s], "align": "top"})
        edges.append(e)
        tie_words.append(word[s])

    counts = {s: sum(1 for v in status.values() if v == s) for s in mark}
    tie_counts = {s: sum(1 for v in tie_status.values() if v == s) for s in mark}
    sets = {s: [v for v, st in status.items() if st == s] for s in ("added", "removed", "changed")}
    sets["core"] = [a.id for a in union.actors if a.partner]
    select = _e(_("Select", lang))
    change_items = "".join(
        f'<li>{_svg_shape("dot", width=3.5, stroke=border[s], dashed=s == "removed")}'
        f'{_e(t("export_" + s, lang, n=f"{counts[s]} / {tie_counts[s]}"))} '
        f'<button type="button" data-set="{s}">{select}</button></li>'
        for s in ("added", "removed", "changed"))
    figures = "".join(
        f"<li>{_e(_word('ind', k, lang))}: {_e(_num(a, lang, 2))} \u2192 {_e(_num(b, lang, 2))}</li>"
        for k, (a, b) in diff["partnership"].items())
    flag_lines = [t("export_flags_" + k, lang, v=", ".join(_word("flagtitle", c, lang) for c in codes))
                  for k, codes in diff["flags"].items() if codes and k in ("raised", "cleared")]
    colour_legend = [(SECTOR_COLOURS[s], _word("sector", s, lang), sum(1 for a in union.actors if a.sector == s))
                     for s in _sectors(union)]
    aside = (
        f'<h2>{_e(t("export_legend", lang))}</h2><p>{_e(t("export_how", lang))}</p>'
        f'<h3>{_e(t("export_changes", lang))}</h3><p>{_e(t("export_changes_counts", lang))}</p>'
        f"<ul>{change_items}</ul>"
        + _legend_colours("sector", colour_legend, lang) + _legend_shapes(lang)
        + f"<h3>{_e(t('export_marks', lang))}</h3><ul>"
        + f'<li>{_svg_shape("dot", width=3.5)}{_e(t("export_core", lang, mark=CORE_MARK, n=len(sets["core"])))} '
          f'<button type="button" data-set="core">{select}</button></li></ul>'
        + _legend_ties(lang)
        + f"<h2>{_e(t('export_key_figures', lang))}</h2><ul>{figures}</ul>"
        + "".join(f"<p>{_e(line)}</p>" for line in flag_lines))

    headers = [_("Name", lang), _("Kind", lang), _("Sector", lang),
               _("Level", lang), _("Scope", lang), _("Core", lang),
               _("Change", lang), _("Changes", lang), _("Notes", lang)]
    rows = [[a.label, a.kind, _word("sector", a.sector, lang), _word("level", a.level, lang),
             _word("scope", a.scope, lang), yes_no(a.partner, lang),
             word[status[a.id]], "; ".join(changes.get(a.id, [])), a.notes] for a in union.actors]
    tables = (_table("actors-table", _("Actors ({n})", lang, n=len(rows)), headers, rows)
              + _ties_table(union, names, lang, status=tie_words))
    title = title or _("Changes: {old} → {new}", lang, old=old.date or old.name or "1",
                       new=new.date or new.name or "2")
    saved = any(a.x is not None and a.y is not None for a in union.actors)
    data = _page_data(nodes, edges, groups, len(union.actors), saved, sets, lang)
    return _page(lang=lang, title=title, meta=_meta_line(union, lang),
                 toolbar=_toolbar(lang, _sectors(union)) + _datalist(union),
                 aside=aside, tables=tables, data=data)



