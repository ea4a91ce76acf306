"""The meeting report in words: every heading, sentence and table of ``netmap report``.

:func:`report_document` turns a network's analysis (and, with earlier versions, their comparison
and series) into a :class:`netmap.report.document.Report`; the pictures come in ready-made and
the renderers in :mod:`netmap.report` only lay the blocks out. The map's legend texts are here too
(:func:`map_legend`), from the same view model as the interactive map (:mod:`.mapview`).
"""

from __future__ import annotations

import datetime

from ..brokerage import CROSS_SECTOR_ROLES
from ..i18n import _, date, number
from ..report.document import Bullets, Heading, Para, Picture, Report, Table
from . import vocab
from .diff import change_texts, indicator_value, tie_text
from .mapview import FLAG_MARK, chrome
from .partners import partners_section
from .report import flag_message, severity_word
from .vocab import label, yes_no

__all__ = ["report_document", "map_legend", "series_texts", "review_section", "SPANNERS_SHOWN", "PAGE_WIDTH_MM"]

#: How many boundary spanners the report lists (the strongest first).
SPANNERS_SHOWN = 15
#: The width of the text on an A4 page with 2 cm margins: pictures are this wide.
PAGE_WIDTH_MM = 170


def map_legend(view: dict, lang: str, shown: int, total: int) -> dict:
    """The legend of the printed map: the interactive map's colour, shape, mark and tie entries
    (:func:`.mapview.network_view`, :func:`.mapview.chrome`) and a line on which names are shown."""
    t = chrome(lang, "")
    names = (
        _("Names shown for all actors.", lang)
        if shown == total
        else _(
            "Names shown for {shown} of {total} actors: the core and the strongest boundary spanners.",
            lang,
            shown=number(shown, lang, "count"),
            total=number(total, lang, "count"),
        )
    )
    names += " " + _("Long names are shortened (…); the tables of the report and of the app give them in full.", lang)
    return {
        "colours": view["colours"],
        "shape_heading": t["shape_by"],
        "shapes": view["shapes"],
        "marks_heading": t["marks"],
        # The core's and the spanners' marks as on the interactive map; the flag mark without its buttons.
        "marks": [m["text"] for m in view["marks"] if m.get("set")]
        + [_("{mark} concerned by a high-severity flag", lang, mark=FLAG_MARK)],
        "ties_heading": t["ties"],
        # Every entry the interactive map's legend of ties has (width, personal, planned, directed).
        "ties": [(k, t[k]) for k in ("tie_width", "tie_personal", "tie_planned", "tie_directed") if k in t],
        "lang": lang,
        "size": view["size"],
        "names": names,
    }


def series_texts(series: dict, lang: str) -> dict:
    """The words of the indicator charts and their table: ``{"labels": [version, ...],
    "indicators": {indicator: (title, [value texts])}}`` (a version's date in the language's form)."""
    return {
        "labels": [date(v, lang) for v in series["labels"]],
        "indicators": {
            k: (
                label(vocab.INDICATORS, k, lang),
                [indicator_value(k, v, lang) if v is not None else "" for v in values],
            )
            for k, values in series["indicators"].items()
        },
    }


def _subtitle(net, report: dict, lang: str, today, pseudonymised: bool) -> tuple:
    nw = report["network"]
    lines = [
        _(
            "{actors}, {ties}",
            lang,
            actors=vocab.count("actors", nw["actors"], lang),
            ties=vocab.count("ties", nw["ties"], lang),
        )
    ]
    if net.date:
        lines.append(_("Network date: {date}", lang, date=date(net.date, lang)))
    lines.append(_("Report made: {date}", lang, date=date(today, lang)))
    if pseudonymised:
        lines.append(_("citizens pseudonymised", lang))
    return tuple(lines)


def _key_figures(report: dict, lang: str) -> Table:
    count = lambda x: number(x, lang, "count")  # noqa: E731
    nw, p, actors = report["network"], report["partnership"], report["actors"]
    group = label(vocab.COLUMNS, nw["group_by"], lang).lower() if nw["group_by"] in vocab.COLUMNS else nw["group_by"]
    rows = [
        (_("Actors", lang), count(nw["actors"])),
        (_("Ties", lang), count(nw["ties"])),
        (_("Connected parts", lang), count(nw["components"])),
        (
            _("E-I index of the network by {group} (expected)", lang, group=group),
            f"{number(report['ei_index'], lang)} ({number(report['expected_ei'], lang)})",
        ),
    ]
    if p:
        rows += [
            (_("Members of the partnership core", lang), count(len(p["members"]))),
            (
                _("E-I index of the core (expected from group sizes)", lang),
                f"{number(p['ei_index'], lang)} ({number(p['expected_ei'], lang)})",
            ),
            (
                _("Near reach of the core: direct / within 2 steps", lang),
                f"{count(p['near_reach']['1'])} / {count(p['near_reach']['2'])}",
            ),
            (
                _("Far reach of the core: direct / within 2 steps", lang),
                f"{count(p['far_reach']['1'])} / {count(p['far_reach']['2'])}",
            ),
            (
                _("Actors tied to only one core member (unintegrated share)", lang),
                f"{count(len(p['unintegrated']))} ({indicator_value('unintegrated_share', p['unintegrated_share'], lang)})",
            ),
        ]
    rows += [
        (_("Boundary spanners", lang), count(sum(1 for a in actors if a["boundary_spanner"]))),
        (_("Isolated or detached actors", lang), count(sum(1 for a in actors if a["isolated"] or a["detached"]))),
    ]
    return Table(
        _("Key figures", lang), (_("Figure", lang), _("Value", lang)), tuple(rows), numeric=(1,), widths=(3, 1)
    )


def _flags(flags: list, lang: str) -> list:
    blocks = [Heading(_("Flags and what the partnership can do", lang))]
    if not flags:
        return blocks + [Para(_("No flags raised.", lang))]
    for f in flags:
        severity = severity_word(f["severity"], lang)
        blocks.append(
            Heading(
                _(
                    "{severity} \u2013 {title}",
                    lang,
                    severity=severity,
                    title=label(vocab.FLAG_TITLES, f["code"], lang),
                ),
                2,
            )
        )
        blocks.append(Para(f["message"]))
        if f["code"] in vocab.FLAG_ADVICE:
            blocks.append(
                Para(label(vocab.FLAG_ADVICE, f["code"], lang), lead=_("What you can do:", lang), style="advice")
            )
    return blocks


def _roles(brokerage: dict, lang: str) -> str:
    """The cross-sector roles an actor holds, as the app's Boundary spanners table lists them: their
    counts add up to its cross-sector brokerage (the coordinator role, within a sector, is not one)."""
    return ", ".join(
        f"{label(vocab.ROLES, r, lang)} {number(brokerage[r], lang, 'count')}"
        for r in CROSS_SECTOR_ROLES
        if brokerage[r]
    )


def _sector(a: dict, lang: str) -> str:
    return label(vocab.SECTORS, a["sector"], lang)


def _spanners(report: dict, lang: str) -> list:
    spanners = sorted(
        (a for a in report["actors"] if a["boundary_spanner"]),
        key=lambda a: (-a["cross_sector_brokerage"], a["name"] or a["id"]),
    )
    blocks = [Heading(_("Boundary spanners", lang))]
    if not spanners:
        return blocks + [Para(_("No boundary spanners.", lang))]
    blocks.append(
        Para(
            _(
                "Actors who broker between sectors (Gould & Fernandez 1989), the strongest first: {shown} of {n}. The roles say how often an actor stands between others of different groups.",
                lang,
                shown=number(min(len(spanners), SPANNERS_SHOWN), lang, "count"),
                n=number(len(spanners), lang, "count"),
            )
        )
    )
    rows = tuple(
        (
            a["name"] or a["id"],
            _sector(a, lang),
            a["organisation"],
            number(a["cross_sector_brokerage"], lang, "count"),
            _roles(a["brokerage"], lang),
        )
        for a in spanners[:SPANNERS_SHOWN]
    )
    headers = (
        label(vocab.COLUMNS, "name", lang),
        label(vocab.COLUMNS, "sector", lang),
        label(vocab.COLUMNS, "organisation", lang),
        label(vocab.MEASURES, "brokerage", lang).capitalize(),
        _("Roles", lang),
    )
    return blocks + [Table(_("Boundary spanners", lang), headers, rows, numeric=(3,), widths=(3, 1.4, 2.4, 1.4, 3.4))]


def _isolated(report: dict, lang: str) -> list:
    off = [a for a in report["actors"] if a["isolated"] or a["detached"]]
    blocks = [Heading(_("Isolated and detached actors", lang))]
    if not off:
        return blocks + [Para(_("No isolated or detached actors.", lang))]
    rows = tuple(
        (
            a["name"] or a["id"],
            _sector(a, lang),
            _("no tie", lang) if a["isolated"] else _("no path to the core", lang),
        )
        for a in off
    )
    headers = (label(vocab.COLUMNS, "name", lang), label(vocab.COLUMNS, "sector", lang), _("Why", lang))
    return blocks + [Table(_("Isolated and detached actors", lang), headers, rows, widths=(3, 1.5, 2))]


def review_section(net, report: dict, lang: str) -> list:
    """THE PLACE OF THE REVIEW TABLE (Table 7.1, issue 11 part 1): the partnership's own rating of
    the 19 elements with netmap's evidence, one table per group of Table 7.1, when the network has
    a review (``net.review``); nothing otherwise.

    Written against :func:`netmap.present.review.review_rows` and ``REVIEW_HEADERS`` as part 1
    defines them (rows of ``{"group", "number", "element", "rating", "note", "date", "evidence"}``).
    """
    if not getattr(net, "review", None):
        return []
    from .review import REVIEW_HEADERS, review_rows  # issue 11 part 1

    words = REVIEW_HEADERS.get(lang, REVIEW_HEADERS["en"])  # number, group, element, rating, note, date, evidence
    headers = tuple(w.capitalize() for i, w in enumerate(words) if i != 1)
    rows = review_rows(net, report, lang)
    blocks = [Heading(_("The partnership's review (Table 7.1)", lang))]
    for group in dict.fromkeys(r["group"] for r in rows):
        part = tuple(
            (str(r["number"]), r["element"], r["rating"], r["note"], r["date"] or "", r["evidence"])
            for r in rows
            if r["group"] == group
        )
        blocks.append(Table(group, headers, part, numeric=(0,), widths=(0.5, 3, 1.2, 2, 1.2, 3.6)))
    return blocks


def _changes(diff: dict, names: dict, lang: str) -> list:
    a, t = diff["actors"], diff["ties"]
    (old_name, _new), (old_date, _d) = diff["network"]["name"], diff["network"]["date"]
    blocks = [
        Heading(_("What changed since {old}", lang, old=date(old_date, lang) if old_date else old_name or "-")),
        Para(
            _(
                "Actors: {a} added, {r} removed, {c} changed",
                lang,
                a=len(a["added"]),
                r=len(a["removed"]),
                c=len(a["changed"]),
            )
            + ". "
            + _(
                "Ties: {a} added, {r} removed, {c} changed",
                lang,
                a=len(t["added"]),
                r=len(t["removed"]),
                c=len(t["changed"]),
            )
            + "."
        ),
    ]
    items = [f"+ {names.get(i, i)}" for i in a["added"]] + [f"\u2212 {names.get(i, i)}" for i in a["removed"]]
    items += [
        f"\u0394 {names.get(c['id'], c['id'])}: {'; '.join(change_texts(c['changes'], lang))}" for c in a["changed"]
    ]
    items += [f"+ {tie_text(d, lang, names)}" for d in t["added"]]
    items += [f"\u2212 {tie_text(d, lang, names)}" for d in t["removed"]]
    items += [
        f"\u0394 {tie_text(c, lang, names)}: {'; '.join(change_texts(c['changes'], lang, 'ties'))}"
        for c in t["changed"]
    ]
    if items:
        blocks.append(Bullets(tuple(items)))
    rows = tuple(
        (
            label(vocab.INDICATORS, k, lang),
            indicator_value(k, o, lang),
            indicator_value(k, n, lang),
            "" if o == n else "*",
        )
        for k, (o, n) in diff["partnership"].items()
    )
    headers = (_("Indicator", lang), _("Before", lang), _("Now", lang), _("Changed", lang))
    blocks.append(Table(_("Partnership indicators", lang), headers, rows, numeric=(1, 2), widths=(3, 1, 1, 0.8)))
    none = _("none", lang)
    blocks.append(
        Para(
            _(
                "Flags raised: {raised}; cleared: {cleared}",
                lang,
                raised="; ".join(label(vocab.FLAG_TITLES, c, lang) for c in diff["flags"]["raised"]) or none,
                cleared="; ".join(label(vocab.FLAG_TITLES, c, lang) for c in diff["flags"]["cleared"]) or none,
            )
        )
    )
    return blocks


def _series(series: dict, chart: bytes, lang: str) -> list:
    heading = _("The indicators over time", lang)
    texts = series_texts(series, lang)
    rows = tuple((title, *values) for title, values in texts["indicators"].values())
    return [
        Heading(heading, 2),
        Picture(
            chart,
            PAGE_WIDTH_MM,
            _("Charts of the partnership indicators over the versions; the table below gives the same values.", lang),
            _("The partnership indicators in each version (the table below holds the same values).", lang),
        ),
        Table(heading, (_("Indicator", lang), *texts["labels"]), rows, numeric=tuple(range(1, len(rows[0])))),
        *[Para(flag_message(f, lang, {})) for f in series["flags"]],
    ]


def _actors_table(net, report: dict, lang: str) -> list:
    """Every actor, the table alternative to the map."""
    m = {a["id"]: a for a in report["actors"]}
    headers = (
        label(vocab.COLUMNS, "name", lang),
        label(vocab.COLUMNS, "sector", lang),
        label(vocab.COLUMNS, "level", lang),
        _("Core", lang),
        _("Boundary spanner", lang),
        label(vocab.MEASURES, "degree", lang).capitalize(),
    )
    rows = tuple(
        (
            a.label,
            label(vocab.SECTORS, a.sector, lang),
            label(vocab.LEVELS, a.level, lang),
            yes_no(a.partner, lang),
            yes_no(m[a.id]["boundary_spanner"], lang),
            number(m[a.id]["degree"], lang, "count"),
        )
        for a in net.actors
    )
    heading = _("Appendix: all actors", lang)
    return [
        Heading(heading),
        Para(_("The actors of the map as a table.", lang), style="note"),
        Table(heading, headers, rows, numeric=(5,), widths=(3.2, 1.3, 1.5, 0.8, 1.3, 0.9)),
    ]


def report_document(
    net,
    report: dict,
    flags: list,
    map_png: bytes,
    lang: str,
    *,
    diff: dict | None = None,
    series: dict | None = None,
    chart_png: bytes | None = None,
    today: datetime.date | None = None,
    title: str | None = None,
    pseudonymised: bool = False,
    survey: dict | None = None,
) -> Report:
    """The meeting report of ``net`` in ``lang``.

    ``report`` is its analysis (:func:`netmap.analysis.analyze`), ``flags`` the flags with their
    ``message`` (:func:`.report.document`), ``map_png`` the printed map; with an earlier version,
    ``diff`` is :func:`netmap.compare.compare` of the last earlier one and this, and ``series``
    (:func:`netmap.compare.series`) with ``chart_png`` the indicators over all of them;
    ``survey`` the results of the newest closed survey round (:func:`netmap.survey.results`),
    shown after the review as the partners' own view.
    """
    today = today or datetime.date.today()
    name = net.name or _("Network map", lang)
    doc = Report(
        lang=lang,
        title=title or _("Network report: {name}", lang, name=name),
        subtitle=_subtitle(net, report, lang, today, pseudonymised),
        page_word=_("Page {n} of {total}", lang),
    )
    b = doc.blocks
    b.append(Heading(_("The map", lang)))
    n, m = len(net.actors), len(net.ties)
    b.append(
        Picture(
            map_png,
            PAGE_WIDTH_MM,
            _(
                "Map of the network: {actors} and {ties}; colour shows the sector, shape the level. The appendix lists every actor.",
                lang,
                actors=vocab.count("actors", n, lang),
                ties=vocab.count("ties", m, lang),
            ),
            _("The network map, as the interactive map draws it. The appendix lists every actor as a table.", lang),
        )
    )
    b.append(Heading(_("Key figures", lang)))
    b.append(_key_figures(report, lang))
    b += _flags(flags, lang)
    b += _spanners(report, lang)
    b += _isolated(report, lang)
    b += review_section(net, report, lang)
    b += partners_section(survey, lang)
    if diff is not None:
        names = {r["id"]: r.get("name") or r["id"] for r in diff["actors"]["removed_records"]}
        names.update((a.id, a.label) for a in net.actors)
        b += _changes(diff, names, lang)
    if series is not None and chart_png is not None:
        b += _series(series, chart_png, lang)
    b += _actors_table(net, report, lang)
    return doc
