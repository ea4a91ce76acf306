"""Static pictures for print, drawn with matplotlib: the network map with its legend, and the
partnership indicators over a series of versions.

The map looks like the interactive one (:mod:`netmap.export`): the same positions
(:func:`netmap.layout.layout`, saved positions kept), colours, shapes, marks, borders and ties,
all taken from :mod:`netmap.present.mapview`; the texts of the legend come in from
:func:`netmap.present.meeting.map_legend`. Pictures are PNG bytes; matplotlib's object interface
(no pyplot) keeps them free of global state, so two reports can be drawn at once.
"""

from __future__ import annotations

import io
import textwrap

from ..present import mapview

__all__ = ["map_png", "map_figure", "series_png", "DPI", "LABEL_ALL_UP_TO", "LABELS_AT_MOST"]

#: Print quality: dots per inch of the PNG pictures.
DPI = 200
#: Up to this many actors every name is written on the map; above it, the core and the strongest
#: boundary spanners (up to LABELS_AT_MOST names), so that the names stay readable.
LABEL_ALL_UP_TO = 80
LABELS_AT_MOST = 30
#: The printed legend's text size in points (8, as the names: it was 6, too small on paper) and
#: the height of its band under the map, in inches (more when the sentence on sizes and names is
#: long: :func:`_legend_text`).
LEGEND_SIZE, LEGEND_HEIGHT = 8, 2.05
#: Where the sentence on sizes and names starts, in inches under the band's top, and its lines' height.
_TEXT_TOP, _LINE = 1.44, 0.135
#: vis-network shape -> matplotlib marker.
_MARKERS = {"dot": "o", "square": "s", "triangle": "^"}
_FONT = "DejaVu Sans"  # matplotlib's own font: it has æ, ø, å and the marks ★ ⇄ ⚠


def _figure(width_in, height_in):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width_in, height_in), dpi=DPI)
    FigureCanvasAgg(fig)
    return fig


def _png(fig) -> bytes:
    import warnings

    out = io.BytesIO()
    with warnings.catch_warnings():  # a glyph DejaVu Sans lacks (Chinese, emoji) is left out, quietly
        warnings.filterwarnings("ignore", message="Glyph .* missing from font", category=UserWarning)
        fig.savefig(out, format="png", dpi=DPI, facecolor="white")
    return out.getvalue()


def labelled(report: dict) -> set:
    """The actors whose names are written on the printed map (see :data:`LABEL_ALL_UP_TO`)."""
    actors = report["actors"]
    if len(actors) <= LABEL_ALL_UP_TO:
        return {a["id"] for a in actors}
    ranked = sorted(actors, key=lambda a: (not a["partner"], -a["cross_sector_brokerage"], a["id"]))
    return {a["id"] for a in ranked[:LABELS_AT_MOST] if a["partner"] or a["boundary_spanner"]}


def _dashes(look):
    """A matplotlib line style for vis-network's ``dashes`` (True: dashed; a list: that pattern)."""
    dashes = look.get("dashes")
    if not dashes:
        return "solid"
    return (0, (4, 3)) if dashes is True else (0, tuple(0.6 * d for d in dashes))


def _ties(ax, net, pos, lang):
    from matplotlib.collections import LineCollection
    from matplotlib.patches import FancyArrowPatch

    looks = [mapview.tie_look(t, lang) for t in net.ties]
    segments = [(pos[t.source], pos[t.target]) for t in net.ties]
    if segments:
        ax.add_collection(
            LineCollection(
                segments,
                colors=mapview.EDGE_GREY,
                linewidths=[0.5 * lk["width"] for lk in looks],
                linestyles=[_dashes(lk) for lk in looks],
                zorder=1,
            )
        )
    for t, lk in zip(net.ties, looks, strict=True):
        if lk.get("arrows"):
            ax.add_patch(
                FancyArrowPatch(
                    pos[t.source],
                    pos[t.target],
                    arrowstyle="-|>",
                    mutation_scale=7,
                    color=mapview.EDGE_GREY,
                    linewidth=0,
                    shrinkB=7,
                    zorder=1,
                )
            )
        if lk.get("label"):  # a word on the line, as the interactive map writes it
            (x1, y1), (x2, y2) = pos[t.source], pos[t.target]
            ax.text((x1 + x2) / 2, (y1 + y2) / 2, lk["label"], fontsize=4.5, ha="center", va="center", zorder=1)


def _actors(ax, net, report, view, pos, scale, sizes):
    measures = {a["id"]: a for a in report["actors"]}
    groups = {}
    for a in net.actors:
        look = mapview.actor_look(a.partner, measures[a.id]["boundary_spanner"], a.id in view["high"])
        marker = _MARKERS[mapview.LEVEL_SHAPES.get(a.level, "dot")]
        groups.setdefault((marker, look["border"], look["dashed"]), []).append(a)
    for (marker, border, dashed), actors in groups.items():
        ax.scatter(
            [pos[a.id][0] for a in actors],
            [pos[a.id][1] for a in actors],
            s=[(sizes[a.id] * scale) ** 2 for a in actors],
            c=[view["colour_of"][a.id] for a in actors],
            marker=marker,
            edgecolors="#1a1a1a",
            linewidths=0.45 * border,
            linestyles=(0, (2, 1.5)) if dashed else "solid",
            zorder=2,
        )


def _names(ax, net, report, view, pos, scale, sizes, shown):
    """Write the names of the actors in ``shown`` under their marks, as the interactive map does
    (:func:`netmap.present.mapview.map_label`: shortened, in lines; the report's tables hold the
    full names); the texts, for :func:`_fit_names`."""
    measures = {a["id"]: a for a in report["actors"]}
    font = mapview.NODE_FONT
    # The interactive map strokes names in white; a white box does the same here, faster.
    halo = {"boxstyle": "square,pad=0.05", "facecolor": font["strokeColor"], "edgecolor": "none", "alpha": 0.75}
    texts = []
    for a in net.actors:
        if a.id not in shown:
            continue
        look = mapview.actor_look(a.partner, measures[a.id]["boundary_spanner"], a.id in view["high"])
        texts.append(
            ax.annotate(
                (look["marks"] + " " if look["marks"] else "") + mapview.map_label(a.label),
                pos[a.id],
                xytext=(0, -(sizes[a.id] * scale) / 2 - 1.5),
                textcoords="offset points",
                ha="center",
                va="top",
                multialignment="center",
                linespacing=1.05,
                fontsize=NAME_SIZES[0],
                family=_FONT,
                color=font["color"],
                bbox=halo,
                zorder=3,
                gid="name",
            )
        )
    return texts


#: Sizes (points) tried for the names on a printed map, largest first. The first at which no name
#: covers another name or another actor's mark, and every name is inside the map, is used; the
#: last one in any case (a crowded map of many actors).
NAME_SIZES = (8, 7.5, 7, 6.5, 6, 5.5, 5, 4.5)


def _fit_names(ax, texts, marks):
    """Give ``texts`` the largest of :data:`NAME_SIZES` at which they are all readable: no two
    overlap, none covers one of ``marks`` (``(x, y, diameter in points)`` of each actor, its own
    excepted) and none is cut at the map's edge. Measured with matplotlib's own text extents;
    boxes that touch overlap (as matplotlib's ``Bbox.overlaps`` says)."""
    import numpy as np

    if not texts:
        return NAME_SIZES[0]
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    centres = ax.transData.transform(np.array([(x, y) for x, y, _d in marks], dtype=float).reshape(-1, 2))
    radii = np.array([d for _x, _y, d in marks], dtype=float)[:, None] * fig.dpi / 72 / 2
    dots = np.hstack([centres - radii, centres + radii])  # x0, y0, x1, y1 in pixels

    def overlap(a, b):
        """``[i, j]``: box ``a[i]`` overlaps box ``b[j]`` (rows x0, y0, x1, y1)."""
        return (
            (a[:, None, 0] <= b[None, :, 2])
            & (b[None, :, 0] <= a[:, None, 2])
            & (a[:, None, 1] <= b[None, :, 3])
            & (b[None, :, 1] <= a[:, None, 3])
        )

    owners = ax.transData.transform(np.array([t.xy for t in texts], dtype=float))
    own = overlap(np.hstack([owners, owners]), dots)  # the mark a name belongs to

    def readable(size):
        for t in texts:
            t.set_fontsize(size)
        boxes = np.array([t.get_window_extent(renderer).extents for t in texts])
        pairs = overlap(boxes, boxes)
        np.fill_diagonal(pairs, False)
        cut = (boxes[:, 0] < frame.x0) | (boxes[:, 2] > frame.x1) | (boxes[:, 1] < frame.y0) | (boxes[:, 3] > frame.y1)
        return not (pairs.any() or (overlap(boxes, dots) & ~own).any() or cut.any())

    # Larger names only take more room: the sizes that are readable are the smaller ones, from
    # one size down; a binary search finds it in 3-4 measurements instead of 8.
    lo, hi = 0, len(NAME_SIZES) - 1  # the answer is in NAME_SIZES[lo:hi + 1]; hi: the floor
    while lo < hi:
        mid = (lo + hi) // 2
        if readable(NAME_SIZES[mid]):
            hi = mid
        else:
            lo = mid + 1
    for t in texts:
        t.set_fontsize(NAME_SIZES[lo])
    return NAME_SIZES[lo]


def _name_room(net, pos, shown, width_pt):
    """How far (map units) to widen the map on each side so that no name centred under an actor
    is cut at the edge at the largest of :data:`NAME_SIZES` (a character is about 0.6 em; a name
    is drawn in lines, the longest of which counts); found by a few fixed-point steps."""
    xs = [p[0] for p in pos.values()] or [0.0]
    lo, hi = min(xs), max(xs)
    longest = {a.id: max(map(len, mapview.map_label(a.label).split("\n"))) for a in net.actors if a.id in shown}
    halves = [(pos[i][0], 0.3 * NAME_SIZES[0] * n) for i, n in longest.items()]
    pad = 20.0
    for _ in range(6):
        per_pt = (hi - lo + 2 * pad) / width_pt  # map units per point at this padding
        need = max([h * per_pt - (x - lo) for x, h in halves] + [h * per_pt - (hi - x) for x, h in halves] + [20.0])
        pad = need
    return pad


def _legend_text(legend):
    """The sentence on sizes and names, in lines as wide as the room left of the page at 8 pt,
    and the height of the legend's band that holds it."""
    text = _wrap(legend["size"], 50) + "\n" + _wrap(legend["names"], 50)
    return text, max(LEGEND_HEIGHT, _TEXT_TOP + _LINE * (text.count("\n") + 1) + 0.12)


def _legend(ax, legend, text, height):
    from matplotlib.lines import Line2D

    def dot(marker="o", fill="#ffffff", width=0.8, dashed=False):
        return Line2D(
            [],
            [],
            linestyle="none",
            marker=marker,
            markersize=7,
            markerfacecolor=fill,
            markeredgecolor="#1a1a1a",
            markeredgewidth=width,
        )

    colours = legend["colours"]
    parts = [
        (
            colours["heading"],
            [dot(fill=c) for c, _t, _n in colours["items"]],
            [f"{t} ({n})" for _c, t, n in colours["items"]],
        ),
        (
            legend["shape_heading"],
            [dot(_MARKERS[shape]) for shape, _t in legend["shapes"]],
            [t for _s, t in legend["shapes"]],
        ),
        (
            legend["marks_heading"],
            [dot(width=1.8), dot(width=1.1), Line2D([], [], linestyle="none")],
            legend["marks"],
        ),
        (
            legend["ties_heading"],
            [_tie_handle(key) for key, _t in legend["ties"]],
            [text for _k, text in legend["ties"]],
        ),
    ]
    spots = [(0.0, 1.02), (0.26, 1.02), (0.0, 1 - 1.19 / height), (0.5, 1.02)]
    for (title, handles, texts), (x, y) in zip(parts, spots, strict=True):
        box = ax.legend(
            handles,
            [_wrap(t, 44) for t in texts],
            title=title,
            loc="upper left",
            bbox_to_anchor=(x, y),
            frameon=False,
            title_fontsize=LEGEND_SIZE,
            alignment="left",
            prop={"family": _FONT, "size": LEGEND_SIZE},
        )
        box.get_title().set_fontweight("bold")
        ax.add_artist(box)
    ax.text(0.5, 1 - _TEXT_TOP / height, text, fontsize=LEGEND_SIZE, family=_FONT, va="top")


def _tie_handle(key):
    """The legend's line for an entry of the interactive map's legend of ties (``chrome``)."""
    from matplotlib.lines import Line2D

    grey = {"color": mapview.EDGE_GREY, "linewidth": 1}
    if key == "tie_width":
        return Line2D([], [], color=mapview.EDGE_GREY, linewidth=1.5)
    if key == "tie_personal":
        return Line2D([], [], linestyle=_dashes({"dashes": True}), **grey)
    if key == "tie_planned":  # planned ties (issue 11 part 2): dotted as mapview.PLANNED_DASHES
        return Line2D([], [], linestyle=_dashes({"dashes": mapview.PLANNED_DASHES}), **grey)
    return Line2D([], [], marker=">", markevery=[1], **grey)


def _wrap(text, width):
    return "\n".join(textwrap.wrap(text, width)) or text


def map_png(net, report: dict, view: dict, legend: dict, pos: dict, width_mm: float = 170) -> bytes:
    """The network map with its legend below, as a PNG ``width_mm`` wide at :data:`DPI`
    (:func:`map_figure`)."""
    return _png(map_figure(net, report, view, legend, pos, width_mm))


def map_figure(net, report: dict, view: dict, legend: dict, pos: dict, width_mm: float = 170):
    """The network map with its legend below, as a matplotlib Figure ``width_mm`` wide; its
    first axes hold the map, whose texts with ``gid="name"`` are the actors' names.

    ``report`` is the analysis, ``view`` the map's view model (:func:`netmap.present.mapview.
    network_view`, for colours and high-severity flags), ``legend`` its texts
    (:func:`netmap.present.meeting.map_legend`) and ``pos`` the positions
    (:func:`netmap.layout.layout`).
    """
    width = width_mm / 25.4
    xs = [p[0] for p in pos.values()] or [0.0]
    ys = [p[1] for p in pos.values()] or [0.0]
    span_x, span_y = max(max(xs) - min(xs), 1.0), max(max(ys) - min(ys), 1.0)
    shown = labelled(report)
    pad_x = _name_room(net, pos, shown, width * 72 * 0.98) + span_x * 0.02
    pad_y = span_y * 0.05 + 30
    ratio = (span_y + 2 * pad_y) / (span_x + 2 * pad_x)  # the map's height to its width
    # Map and legend at most 0.93 of the width and 1.7 in: they fit under the report's heading on its first page.
    text, legend_height = _legend_text(legend)
    map_height = min(max(width * ratio, width * 0.45), width * 0.93 + 1.7 - legend_height)
    fig = _figure(width, map_height + legend_height)
    top = legend_height / (map_height + legend_height)
    ax = fig.add_axes((0.01, top, 0.98, 1 - top - 0.01))
    n = max(len(net.actors), 1)
    scale = 1.0 if n <= 40 else (0.72 if n <= 150 else 0.54)  # points per unit of mapview.node_sizes (7-18)
    _ties(ax, net, pos, legend["lang"])
    # Each actor's mark: its size (points, before ``scale``) by degree, as on the interactive map.
    sizes = mapview.node_sizes({a["id"]: a["degree"] for a in report["actors"]})
    _actors(ax, net, report, view, pos, scale, sizes)
    texts = _names(ax, net, report, view, pos, scale, sizes, shown)
    ax.set_xlim(min(xs) - pad_x, max(xs) + pad_x)
    ax.set_ylim(max(ys) + pad_y, min(ys) - pad_y)  # the map's y grows downwards, as on screen
    ax.set_aspect("equal", adjustable="box")
    ax.set_axis_off()
    ax.apply_aspect()  # the names are measured where they will be
    _fit_names(ax, texts, [(*pos[a.id], sizes[a.id] * scale) for a in net.actors])
    lax = fig.add_axes((0.02, 0.0, 0.96, top - 0.01))
    lax.set_axis_off()
    _legend(lax, legend, text, legend_height)
    return fig


def series_png(texts: dict, values: dict, width_mm: float = 170) -> bytes:
    """Small charts, one per indicator, of its value in each version: ``values`` maps an indicator
    to its values (None where undefined); ``texts`` holds the versions' ``labels`` and each
    indicator's ``(title, [value texts])`` (:func:`netmap.present.meeting.series_texts`)."""
    keys = list(values)
    labels = texts["labels"]
    cols = 4
    rows = (len(keys) + cols - 1) // cols
    width = width_mm / 25.4
    fig = _figure(width, 1.55 * rows + 0.2)
    axes = fig.subplots(rows, cols, squeeze=False)
    xs = list(range(len(labels)))
    for i, ax in enumerate(axes.flat):
        if i >= len(keys):
            ax.set_axis_off()
            continue
        k = keys[i]
        title, shown = texts["indicators"][k]
        points = [(x, v) for x, v in zip(xs, values[k], strict=True) if v is not None]
        if points:
            ax.plot(
                [p[0] for p in points], [p[1] for p in points], marker="o", markersize=4, color="#0072B2", linewidth=1.2
            )
        for x, v in points:
            ax.annotate(shown[x], (x, v), xytext=(0, 4), textcoords="offset points", ha="center", fontsize=5.5)
        ax.set_title(_wrap(title, 26), fontsize=6.5, family=_FONT)
        ax.set_xticks(xs, [_wrap(str(lb), 10) for lb in labels], fontsize=5)
        ax.set_yticks([])  # each point carries its value, written as the language writes numbers
        ax.margins(x=0.2, y=0.35)
        for side in ("top", "right", "left"):
            ax.spines[side].set_visible(False)
    fig.tight_layout(pad=0.4)
    return _png(fig)
