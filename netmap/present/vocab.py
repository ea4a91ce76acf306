"""The one vocabulary of netmap: the names shown for every code the data and the measures use.

Codes stay English in the data (``sector=public``); these tables give the label a user reads,
marked for translation (:func:`netmap.i18n._` translates them when shown). Every page, the CLI,
the map and the report take their labels from here, through :func:`label`.
"""

from __future__ import annotations

from ..i18n import N_, Nn_, _, ngettext, number

__all__ = [
    "SECTORS",
    "LEVELS",
    "SCOPES",
    "ACTOR_KINDS",
    "TIE_KINDS",
    "TIE_STATUSES",
    "OVERLAP_FORMS",
    "COLUMNS",
    "SEVERITIES",
    "MEASURES",
    "MEASURE_FIGURES",
    "ROLES",
    "ROLE_MEANINGS",
    "CHANGES",
    "FLAG_TITLES",
    "FLAG_TEXTS",
    "FLAG_ADVICE",
    "WARNINGS",
    "INDICATORS",
    "COUNTS",
    "label",
    "clipped",
    "count",
    "tie_count",
    "yes_no",
]


#: Sectors (METHODS.md, the groups of brokerage).
SECTORS = {
    "public": N_("public"),
    "civil": N_("civil"),
    "private": N_("private"),
    "citizen": N_("citizen"),
    "unknown": N_("unknown"),
}


#: Levels; management and political count as far.
LEVELS = {
    "operational": N_("operational"),
    "management": N_("management"),
    "political": N_("political"),
}


#: Scopes; regional and national count as far.
SCOPES = {
    "local": N_("local"),
    "municipal": N_("municipal"),
    "regional": N_("regional"),
    "national": N_("national"),
}


#: Suggested kinds of actor.
ACTOR_KINDS = {
    "department": N_("department"),
    "evening_school": N_("evening school"),
    "institution": N_("institution"),
    "residential_home": N_("residential home"),
    "day_service": N_("day service"),
    "association": N_("association"),
    "volunteer": N_("volunteer"),
    "citizen": N_("citizen"),
    "coordinator": N_("coordinator"),
    "steering_group": N_("steering group"),
    "politician": N_("politician"),
    "state_body": N_("state body"),
    "culture_institution": N_("cultural institution"),
    "business": N_("business"),
    "funder": N_("funder"),
    "staff": N_("staff"),
    "community_house": N_("community house"),
    "culture_house": N_("culture house"),
    "volunteer_centre": N_("volunteer centre"),
    "management": N_("management"),
    "top_management": N_("top management"),
    "department_head": N_("head of department"),
}


#: Kinds of tie.
TIE_KINDS = {
    "formal_agreement": N_("formal agreement"),
    "collaboration": N_("collaboration"),
    "personal": N_("personal (informal)"),
    "funding": N_("funding"),
    "referral": N_("referral"),
    "information": N_("information"),
}


#: Status of a tie: only active ties count in the measures.
TIE_STATUSES = {
    "active": N_("active"),
    "planned": N_("planned"),
}


#: The three forms of concrete overlap (section 7.1.1 of the evaluation; METHODS.md).
OVERLAP_FORMS = {
    "staff_in_civil_arena": N_("staff join citizens in civil arenas"),
    "civil_in_municipal_setting": N_("civil offers come into municipal settings"),
    "third_arena": N_("a third shared arena joins the sectors"),
}


#: Column headers of actors and ties, as tables and forms show them.
COLUMNS = {
    "id": N_("Id"),
    "name": N_("Name"),
    "kind": N_("Kind"),
    "sector": N_("Sector"),
    "level": N_("Level"),
    "scope": N_("Scope"),
    "partner": N_("Partner (core)"),
    "organisation": N_("Organisation"),
    "notes": N_("Notes"),
    "source": N_("From"),
    "target": N_("To"),
    "tie_kind": N_("Kind of tie"),
    "strength": N_("Strength"),
    "directed": N_("One-way"),
    "status": N_("Status"),
}


#: Severity of a flag.
SEVERITIES = {
    "info": N_("info"),
    "warning": N_("warning"),
    "high": N_("HIGH"),
}


#: Measures a map can size actors by.
MEASURES = {
    "degree": N_("degree"),
    "betweenness": N_("betweenness"),
    "brokerage": N_("cross-sector brokerage"),
}


#: The kind of figure each measure is (:data:`netmap.i18n.FIGURES`), so it is shown alike everywhere.
MEASURE_FIGURES = {"degree": "count", "betweenness": "centrality", "brokerage": "count"}


#: How an actor or a tie changed between two versions of a network.
CHANGES = {
    "added": N_("added"),
    "removed": N_("removed"),
    "changed": N_("changed"),
    "same": N_("unchanged"),
}


#: Gould-Fernandez brokerage roles.
ROLES = {
    "coordinator": N_("Coordinator within its sector"),  # not the actor kind coordinator
    "itinerant": N_("Itinerant"),
    "representative": N_("Representative"),
    "gatekeeper": N_("Gatekeeper"),
    "liaison": N_("Liaison"),
}


#: What each Gould-Fernandez role means for the actor that holds it (the groups are sectors).
ROLE_MEANINGS = {
    "coordinator": N_("links two actors of its own sector"),
    "itinerant": N_("links two actors of one other sector"),
    "representative": N_("passes on from its own sector to another sector"),
    "gatekeeper": N_("lets another sector in to its own sector"),
    "liaison": N_("links actors of two other, different sectors"),
}


#: Short names of the flags.
FLAG_TITLES = {
    "NO_CORE": N_("No partnership core"),
    "ISOLATED_ACTORS": N_("Isolated actors"),
    "CLOSING_IN": N_("The core closes in on itself"),
    "UNINTEGRATED_COLLABORATIONS": N_("Unintegrated collaborations"),
    "NO_FAR_REACH": N_("No far reach"),
    "WEAK_FAR_REACH": N_("Weak far reach"),
    "NO_NEAR_REACH": N_("No near reach"),
    "NO_POLITICAL_ANCHOR": N_("No political anchoring"),
    "WEAK_PARTICIPATION": N_("Weak participation"),
    "SPANNER_DEPENDENCY": N_("Depends on single actors"),
    "COORDINATORS_ONLY": N_("Only coordinators link the sectors"),
    "CLOSING_TREND": N_("Closing in over time"),
}


#: What each flag says, citing the evaluation (parameters filled by the report).
FLAG_TEXTS = {
    "NO_CORE": N_(
        "No actor is marked as a partner, so the partnership measures are skipped. Mark the core members (partner = yes) to see the core's reach, its E-I index and the flags that depend on it."
    ),
    "ISOLATED_ACTORS": Nn_(
        "{n} actor has no tie, or no path to the partnership core: {names}. The evaluation stresses that relations must be built and kept up: one staff change can cut a link.",
        "{n} actors have no tie, or no path to the partnership core: {names}. The evaluation stresses that relations must be built and kept up: one staff change can cut a link.",
    ),
    "CLOSING_IN": N_(
        "The core has more ties among its members than to others (E-I index {ei}; from group sizes alone {exp}). The evaluation found that both partnerships tend to close in on themselves: other collaborations form but are not brought into the partnership's learning (Fotaki 2011; Andersen & Espersen 2017a)."
    ),
    "UNINTEGRATED_COLLABORATIONS": N_(
        "{n} of the {m} actors tied to the core ({share}) are tied to only one core member: {names}. The evaluation found that such collaborations are not integrated into the partnership's ongoing development and learning, so their potential is not harvested."
    ),
    "NO_FAR_REACH": N_(
        "The core reaches no far actor (management, political, regional or national) within two steps. The evaluation, citing Hulgård (2007): sustainability needs a strong network both in the local environment and among top management and politicians in municipality and state."
    ),
    "WEAK_FAR_REACH": N_(
        "The core reaches far actors (management, politicians, regional or national bodies) only through an intermediary: {f2} within two steps, none directly. In Copenhagen the link to top management was weaker; Fredericia's anchoring in the administration brought it closer to the political level."
    ),
    "NO_NEAR_REACH": N_(
        "The core has no direct tie to a near actor in the local environment. Hulgård (2007), as the evaluation cites him: networks on many levels, near and far, strengthen access to knowledge and resources."
    ),
    "NO_POLITICAL_ANCHOR": N_(
        "No political-level actor is in the core or within two steps of it. The evaluation: Fredericia's anchoring in the municipal administration brought it close to the political level and made the budget negotiations a way to permanence; pool-funded partnerships without formal anchoring often end with the funding."
    ),
    "WEAK_PARTICIPATION": N_(
        "No citizen or volunteer is a member of the core{outside}. The evaluation found weak participation of citizens and volunteers in the organisational frame of both partnerships, a known risk of partnerships (Fotaki 2011; Espersen & Andersen 2017; Bode & Brandsen 2014)."
    ),
    "SPANNER_DEPENDENCY": N_(
        "The partnership hangs on single actors: {details}. The evaluation: personal relations matter as much as formal agreements, and one staff change can cut a link (in Copenhagen, Social Services became less involved after staff turnover)."
    ),
    "COORDINATORS_ONLY": N_(
        '{links} and no third arena (a community house, a culture house or a volunteer centre) joins the two sectors. The evaluation: including citizens who need support and care takes concrete overlaps between the municipal staff around their services and civil actors, "not only coordinators" (section 7.1.1).'
    ),
    "CLOSING_TREND": N_(
        "Between {old} and {new} the core's E-I index fell from {a} to {b}: the partnership is closing in on itself, the tendency the evaluation found in both partnerships (Fotaki 2011; Andersen & Espersen 2017a)."
    ),
}


#: What the partnership can do about a flag, drawn from the evaluation (../shared/seed, chapter 7):
#: shown with the flag on the Diagnosis page, in Snapshots and in the meeting report. The comment
#: above each names the section of the evaluation it rests on.
FLAG_ADVICE = {
    # 7.1 "partnerskabet som aftaleramme"; Table 7.1, element 17 (mandate from one's own organisation).
    "NO_CORE": N_(
        "Agree in the steering group who carries the partnership and mark them as partners (partner = yes). In the evaluation both partnerships rest on an agreement between partners who each have a mandate from their own organisation."
    ),
    # 7.1: relations must be built and kept up continuously; networking outside one's organisation takes time.
    "ISOLATED_ACTORS": N_(
        "Decide for each of them: build a relation (a meeting, a shared activity, a named contact person) or take them off the map. The evaluation stresses that good working relations must be built and kept up continuously, and that this takes time and resources."
    ),
    # 7.1: both partnerships close in on themselves; other collaborations are not brought into their learning.
    "CLOSING_IN": N_(
        "Open the partnership: invite the other collaborations to a workshop or a steering-group meeting and put what they bring on the agenda. In the evaluation both partnerships formed other collaborations but did not bring them into their learning, and so missed new ways for citizens with disabilities to take part."
    ),
    # 7.1: collaborations not integrated in the ongoing development; one staff change can cut a link.
    "UNINTEGRATED_COLLABORATIONS": N_(
        "Give each of them a second link: introduce them to another core member and bring their work into the partnership's meetings. A collaboration that rests on one person is lost when that person leaves."
    ),
    # 7.1 (Hulgård 2007: near and far networks) and 7.1.1 (coordinators anchored in active management).
    "NO_FAR_REACH": N_(
        "Seek anchoring in management: ask a department head (forvaltningschef) to join the steering group, or report to management regularly. In Fredericia two department heads took an active part; the evaluation concludes that strong local involvement together with formal anchoring in municipal management works best."
    ),
    # 7.1.1: the coordinators succeed only when anchored in active management.
    "WEAK_FAR_REACH": N_(
        "Make a direct link to management: a department head in the steering group, a core member in a management forum, or a regular briefing. The evaluation found that the coordinators succeed only when they are anchored in active management."
    ),
    # 7.1: Copenhagen's local, informal model involved staff and volunteers through workshops and meetings.
    "NO_NEAR_REACH": N_(
        "Build ties in the local environment: associations, evening schools, volunteers and citizens are where the activities happen. In Copenhagen volunteers took part in developing the project through workshops, meetings and idea generation."
    ),
    # 7.1: Fredericia's anchoring in the administration opened the budget negotiations; Copenhagen sought SEL section 18 funds.
    "NO_POLITICAL_ANCHOR": N_(
        "Find a way to the political level before the pool funding ends: a briefing for the committee concerned, or a department head who takes the partnership into the budget negotiations, as in Fredericia. Otherwise plan other funding, as Copenhagen did with funds under the Social Services Act section 18 and active local networking."
    ),
    # 7.1: weak participation of citizens and volunteers in the organisational frame of both partnerships.
    "WEAK_PARTICIPATION": N_(
        "Give citizens and volunteers a place where the partnership is run: a seat in the steering group, a user panel, or workshops where volunteers help develop the activities, as in Copenhagen. Both partnerships in the evaluation wanted to work on this."
    ),
    # 7.1: Social Services less involved in Copenhagen after staff turnover; relations matter as much as agreements.
    "SPANNER_DEPENDENCY": N_(
        "Make more than one link to each department and sector: let a second person share the contacts and write the collaboration into an agreement between the organisations. In Copenhagen, Social Services became less involved after one staff change."
    ),
    # 7.1: the tendency to close in; other collaborations not brought into the partnership's learning.
    "CLOSING_TREND": N_(
        "Look at which outside ties were lost since the earlier version and agree who renews them; bring the partnership's other collaborations back into its meetings."
    ),
    # 7.1.1: concrete overlaps, "og ikke alene koordinatorer", in one of three forms.
    "COORDINATORS_ONLY": N_(
        "Create concrete overlaps, not only coordinators: municipal staff can join citizens in civil arenas, civil offers can come into municipal settings (evening classes at a residential home), or the partnership can build a third shared arena in a community house, a culture house or a volunteer centre."
    ),
}


#: Partnership indicators followed over time.
INDICATORS = {
    "core_ei": N_("core E-I index"),
    "near_reach_1": N_("near reach, direct"),
    "near_reach_2": N_("near reach, within 2 steps"),
    "far_reach_1": N_("far reach, direct"),
    "far_reach_2": N_("far reach, within 2 steps"),
    "unintegrated_share": N_("unintegrated share"),
    "boundary_spanners": N_("boundary spanners"),
    "isolated_actors": N_("isolated or detached actors"),
}


#: The kind of figure each indicator is (:data:`netmap.i18n.FIGURES`), so it is shown alike everywhere.
INDICATOR_FIGURES = {"core_ei": "index", "unintegrated_share": "percent"}


#: Warnings about the data or the computation (codes in the analysis result).
WARNINGS = {
    "UNKNOWN_SECTOR": N_('actor "{id}" has no sector; counted as unknown'),
    "BETWEENNESS_ESTIMATED": N_("betweenness estimated from {k} sampled sources (network above {limit} actors)"),
    "UNKNOWN_COLUMN": N_("column `{column}` is not a netmap field; kept as a custom attribute.{hint}"),
}

#: The end of an UNKNOWN_COLUMN warning when a field's header is close (``{hint}`` above).
UNKNOWN_COLUMN_HINT = N_(" Did you mean `{suggestion}` ({field})?")
#: The same when the field's word is the suggestion itself (``niveau`` in Danish).
UNKNOWN_COLUMN_HINT_SAME = N_(" Did you mean `{suggestion}`?")


def label(table: dict, code, lang: str, /, n: int | None = None, **params) -> str:
    """The text of ``code`` in ``table`` in ``lang``; a code the table lacks is shown as it is.

    An entry made with ``Nn_(singular, plural)`` needs ``n``; ``params`` fill placeholders.
    """
    text = table.get(code)
    if not text:
        return str(code)
    if isinstance(text, tuple):
        return ngettext(*text, n, lang, **params)
    if n is not None:
        params.setdefault("n", number(n, lang, "count"))
    return _(text, lang, **params)


#: Counted things, singular and plural.
COUNTS = {
    "actors": Nn_("{n} actor", "{n} actors"),
    "ties": Nn_("{n} tie", "{n} ties"),
    "parts": Nn_("{n} connected part", "{n} connected parts"),
}


def clipped(text: str, limit: int | None) -> str:
    """``text`` cut to ``limit`` characters, its end shown as "…" (whole when ``limit`` is None).

    >>> clipped("Kulturhuset", 6), clipped("Kulturhuset", None)
    ('Kultu…', 'Kulturhuset')
    """
    return text if limit is None or len(text) <= limit else text[: limit - 1] + "\u2026"


def count(what: str, n: int, lang: str) -> str:
    """``n`` things of kind ``what`` (a key of :data:`COUNTS`): ``1 actor``, ``1.234 aktører``."""
    return label(COUNTS, what, lang, n=n)


#: A count of ties with its planned ones (:func:`tie_count`).
PLANNED_OF = Nn_("{ties} ({n} planned)", "{ties} ({n} planned)")


def tie_count(ties, lang: str, planned: int | None = None) -> str:
    """How many ties, and how many of them are planned: ``36 ties (3 planned)``; ``35 ties`` when none is.

    ``ties`` is the list of ties, or their number with ``planned`` the number of planned ones.
    """
    if planned is None:
        planned = sum(1 for t in ties if t.status == "planned")
    text = count("ties", ties if isinstance(ties, int) else len(ties), lang)
    return label({"p": PLANNED_OF}, "p", lang, n=planned, ties=text) if planned else text


def yes_no(value: bool, lang: str) -> str:
    """``yes`` or ``no`` in ``lang``."""
    return _("yes", lang) if value else _("no", lang)


# --- Added for the app (netmap/ui) ------------------------------------------------------------

#: What to fill in, for the fields of actors and ties (the help of the app's tables and forms).
COLUMN_HELP = {
    "id": N_("A short unique code; leave it empty to have one made from the name (a citizen gets a neutral one)."),
    "kind": N_("Pick a suggestion or type your own."),
    "sector": N_("The group for boundary spanning: public, civil, private or citizen."),
    "level": N_("Management and political actors count as far (Hulgård 2007)."),
    "scope": N_("Regional and national actors count as far."),
    "partner": N_("A member of the partnership core."),
    "strength": N_("1 weak, 2 medium, 3 strong."),
    "status": N_("Planned: an idea not yet realised. It is drawn apart and not counted in the measures."),
}


#: Column headers of the list of snapshots.
SNAPSHOT_COLUMNS = {
    "id": N_("id"),
    "network": N_("network"),
    "date": N_("date"),
    "label": N_("label"),
    "saved_at": N_("saved at"),
    "author": N_("saved by"),
}

#: What a person may do with a shared network (netmap.access.ROLES), as the Sharing section says it.
ACCESS_ROLES = {
    "viewer": N_("can view"),
    "editor": N_("can edit"),
    "owner": N_("owner"),
}


#: Measures of one actor that a comparison follows (:func:`netmap.compare.compare`, ``actor_metrics``).
ACTOR_MEASURES = {
    "degree": N_("degree"),
    "brokerage": N_("brokerage (all roles)"),
    "cross_sector_brokerage": N_("cross-sector brokerage"),
    "near_reach_1": INDICATORS["near_reach_1"],
    "near_reach_2": INDICATORS["near_reach_2"],
    "far_reach_1": INDICATORS["far_reach_1"],
    "far_reach_2": INDICATORS["far_reach_2"],
}

__all__ += ["COLUMN_HELP", "SNAPSHOT_COLUMNS", "ACCESS_ROLES", "ACTOR_MEASURES", "field_name", "measure_name"]


def _words(table: dict, lang_labels: dict) -> dict:
    """Every word for a code: the code, its headers in the field tables, and its label in each language."""
    from ..i18n import LANGS

    out = {}
    for code in lang_labels:
        for lang in LANGS:
            out.setdefault(label(lang_labels, code, lang).strip().lower(), code)
    for word, code in table.items():
        out.setdefault(word, code)
    for code in lang_labels:
        out[code] = code
    return out


def field_name(name: str, custom=()) -> str:
    """The actor field a user means by ``name`` (``niveau`` -> ``level``, ``Sektor`` -> ``sector``).

    Accepts the field's code, its headers in either language (as files write them) and its
    label; a name in ``custom`` (the network's custom attributes) and anything else are
    returned unchanged.
    """
    from ..model import ACTOR_FIELDS, header_key

    if name in custom:
        return name
    key = header_key(name)
    groupable = {
        k: v for k, v in ACTOR_FIELDS.items() if v in ("kind", "sector", "level", "scope", "organisation", "partner")
    }
    columns = {k: COLUMNS[k] for k in ("kind", "sector", "level", "scope", "organisation", "partner")}
    return _words(groupable, columns).get(key, name)


#: Danish (and English) words for the measures a map can size actors by, besides their labels.
_MEASURE_WORDS = {
    "grad": "degree",
    "forbindelser": "degree",
    "mellemhed": "betweenness",
    "mellemcentralitet": "betweenness",
    "brobygning": "brokerage",
    "brokerage": "brokerage",
    "mæglerrolle": "brokerage",
    "tværsektoriel brobygning": "brokerage",
}


def measure_name(name: str) -> str | None:
    """The measure a user means by ``name`` (``grad`` -> ``degree``, ``brobygning`` -> ``brokerage``), or None."""
    from ..model import header_key

    return _words(_MEASURE_WORDS, MEASURES).get(header_key(name))


#: The words the command line's options take, as a user of each language is told them.
OPTION_WORDS = {
    "group": {
        "en": {c: c for c in ("sector", "level", "scope", "kind", "organisation", "partner")},
        "da": {
            "sector": "sektor",
            "level": "niveau",
            "scope": "rækkevidde",
            "kind": "type",
            "organisation": "organisation",
            "partner": "partner",
        },
    },
    "measure": {
        "en": {"degree": "degree", "betweenness": "betweenness", "brokerage": "brokerage"},
        "da": {"degree": "grad", "betweenness": "mellemhed", "brokerage": "brobygning"},
    },
}
__all__ += ["OPTION_WORDS", "group_field", "size_measure"]


def _choices(kind: str, lang: str, extra=()) -> str:
    words = OPTION_WORDS[kind]
    return ", ".join([*words.get(lang, words["en"]).values(), *extra])


def group_field(name: str, custom, lang: str) -> str:
    """The field or custom attribute ``name`` means for grouping or colouring (``niveau`` ->
    ``level``); an unknown name is an InputError listing the choices in the user's language."""
    from ..errors import InputError

    field = field_name(name, custom)
    if field in OPTION_WORDS["group"]["en"] or field in custom:
        return field
    raise InputError(
        'cannot group by "{value}"; use one of: {allowed}', value=name, allowed=_choices("group", lang, custom)
    )


def size_measure(name: str, lang: str) -> str:
    """The measure ``name`` means for sizing the map (``grad`` -> ``degree``), or an InputError."""
    from ..errors import InputError

    measure = measure_name(name)
    if measure is None:
        raise InputError(
            'cannot size by "{value}"; use one of: {allowed}', value=name, allowed=_choices("measure", lang)
        )
    return measure


# --- The partnership's review of Table 7.1 (netmap/review.py) -------------------------------------

#: The three groups of Table 7.1.
REVIEW_GROUPS = {
    "relational": N_("Relational elements"),
    "structural": N_("Structural elements"),
    "organisations": N_("Elements in the partner organisations"),
}

#: The 19 decisive elements of successful partnerships (the evaluation's Table 7.1).
REVIEW_ELEMENTS = {
    1: N_("Prior experience of cross-cutting work and an active local network, both near and far"),
    2: N_("Mutual trust, respect and understanding"),
    3: N_("Good personal relations, kept up and developed, formally and informally"),
    4: N_("Ability to negotiate and compromise"),
    5: N_("Flexibility and openness to learning"),
    6: N_("Frequent, open dialogue and communication, formal and informal"),
    7: N_("Shared visions and goals (emphases and motives may differ)"),
    8: N_("Security and transparency about frames and decision processes"),
    9: N_("Enough time, resources and knowledge"),
    10: N_("Progress that matches all partners' expectations"),
    11: N_("Shared commitment and investment in succeeding; continuous dialogue"),
    12: N_("Partners have legitimacy locally and in their own organisations"),
    13: N_("The political climate supports the partnership"),
    14: N_("The partnership involves all relevant partners and stakeholders, locally and beyond"),
    15: N_("Cross-sector leadership (facilitating and mediating)"),
    16: N_("Formal frames around the economy"),
    17: N_("Partners have a mandate (and backing) from their own organisation to decide and act"),
    18: N_("Partners experience that their own organisation benefits (mutual advantage)"),
    19: N_("Investment of time and resources"),
}

#: The one rating scale of the review (None: not assessed).
RATINGS = {
    1: N_("not in place"),
    2: N_("partly in place"),
    3: N_("largely in place"),
    4: N_("fully in place"),
    None: N_("not assessed"),
}

#: Whether a piece of evidence speaks for an element, against it, or is only to be noted.
TONES = {
    "support": N_("For"),
    "concern": N_("Against"),
    "info": N_("To note"),
}


__all__ += ["REVIEW_GROUPS", "REVIEW_ELEMENTS", "RATINGS", "TONES"]
