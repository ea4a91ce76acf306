"""User-facing text in English and Danish; ``t(key, lang, **params)`` picks one."""

from __future__ import annotations

import os

__all__ = ["LANGS", "t", "number", "default_lang", "Message", "STRINGS", "register"]

LANGS = ("en", "da")

_ALLOWED = {
    "sectors": {"en": "public, civil, private, citizen",
                "da": "offentlig, civil (civilsamfund), privat, borger"},
    "levels": {"en": "operational, management, political",
               "da": "udfører (drift), ledelse, politisk"},
    "scopes": {"en": "local, municipal, regional, national",
               "da": "lokal, kommunal, regional, national"},
}

STRINGS = {
    # --- input errors ------------------------------------------------------
    "no_such_path": {"en": "no such file or folder", "da": "filen eller mappen findes ikke"},
    "empty_file": {"en": "the file is empty", "da": "filen er tom"},
    "binary_file": {"en": "not a text file (is it a spreadsheet saved in another format?)",
                    "da": "ikke en tekstfil (er det et regneark gemt i et andet format?)"},
    "bad_encoding": {"en": "cannot read the text encoding", "da": "tegnsættet kan ikke læses"},
    "missing_column": {"en": 'missing column "{column}" (found: {found})',
                       "da": 'kolonnen "{column}" mangler (fundet: {found})'},
    "empty_id": {"en": 'column "{column}": the id is empty',
                 "da": 'kolonne "{column}": id er tomt'},
    "empty_end": {"en": 'column "{column}": no actor id given',
                  "da": 'kolonne "{column}": intet aktør-id angivet'},
    "duplicate_id": {"en": 'column "{column}": duplicate id "{value}" (first at {first})',
                     "da": 'kolonne "{column}": id "{value}" findes allerede ({first})'},
    "unknown_actor": {"en": 'column "{column}": "{value}" is not an actor id',
                      "da": 'kolonne "{column}": "{value}" er ikke et aktør-id'},
    "self_tie": {"en": 'a tie from "{value}" to itself', "da": 'en relation fra "{value}" til sig selv'},
    "duplicate_tie": {"en": 'the {kind} tie between "{source}" and "{target}" is repeated (first at {first})',
                      "da": 'relationen ({kind}) mellem "{source}" og "{target}" er gentaget (første gang {first})'},
    "bad_number": {"en": 'column "{column}": "{value}" is not a number',
                   "da": 'kolonne "{column}": "{value}" er ikke et tal'},
    "bad_strength": {"en": 'column "{column}": strength "{value}" is outside 1-3',
                     "da": 'kolonne "{column}": styrken "{value}" er ikke mellem 1 og 3'},
    "bad_bool": {"en": 'column "{column}": "{value}" is not true/false (ja/nej, 1/0)',
                 "da": 'kolonne "{column}": "{value}" er ikke ja/nej (sand/falsk, 1/0)'},
    "bad_enum": {"en": 'column "{column}": "{value}" is not allowed; use one of: {allowed}',
                 "da": 'kolonne "{column}": "{value}" er ikke tilladt; brug en af: {allowed}'},
    "bad_json": {"en": "not valid JSON, or cut off (line {line}, column {col})",
                 "da": "ikke gyldig JSON, eller afbrudt (linje {line}, kolonne {col})"},
    "json_top": {"en": "the top level must be an object with \"actors\" and \"ties\"",
                 "da": "øverste niveau skal være et objekt med \"actors\" og \"ties\""},
    "json_no_version": {"en": 'missing "netmap_version": 1', "da": '"netmap_version": 1 mangler'},
    "json_list": {"en": '"{field}" must be a list', "da": '"{field}" skal være en liste'},
    "json_item": {"en": "each item must be an object", "da": "hvert element skal være et objekt"},
    "json_attributes": {"en": '"attributes" must be an object', "da": '"attributes" skal være et objekt'},
    "json_text": {"en": '"{field}" must be text', "da": '"{field}" skal være tekst'},
    "bad_quote": {"en": "a quoted cell is never closed (a missing \" from here on)",
                  "da": "en celle i anførselstegn lukkes aldrig (der mangler et \" herfra)"},
    "duplicate_column": {"en": 'the columns "{first}" and "{second}" mean the same field',
                         "da": 'kolonnerne "{first}" og "{second}" betyder det samme felt'},
    "bad_date": {"en": 'date "{value}" is not YYYY-MM-DD', "da": 'datoen "{value}" er ikke ÅÅÅÅ-MM-DD'},
    "bad_text": {"en": 'column "{column}": expected text, found {found}',
                 "da": 'kolonne "{column}": forventede tekst, fandt {found}'},
    "xy_pair": {"en": "give both x and y, or neither", "da": "angiv både x og y, eller ingen af dem"},
    "extra_cells": {"en": "{cells} cells but only {headers} column headers",
                    "da": "{cells} celler, men kun {headers} kolonneoverskrifter"},
    "json_version": {"en": 'unknown netmap_version {value} (this netmap reads version 1)',
                     "da": 'ukendt netmap_version {value} (denne netmap læser version 1)'},
    "xlsx_sheets": {"en": 'no sheets "actors" and "ties" (or "aktører" and "relationer"); found: {found}',
                    "da": 'ingen ark "aktører" og "relationer" (eller "actors" og "ties"); fundet: {found}'},
    "bad_xlsx": {"en": "not a readable XLSX workbook ({detail})",
                 "da": "ikke en læsbar XLSX-projektmappe ({detail})"},
    "bad_graph_file": {"en": "not a readable {fmt} file ({detail})",
                       "da": "ikke en læsbar {fmt}-fil ({detail})"},
    "unknown_format": {"en": "unknown file type; use .json, .xlsx, .csv, .graphml, .gexf or a folder",
                       "da": "ukendt filtype; brug .json, .xlsx, .csv, .graphml, .gexf eller en mappe"},
    "folder_files": {"en": "the folder needs actors.csv and ties.csv (or aktører.csv and relationer.csv)",
                     "da": "mappen skal indeholde aktører.csv og relationer.csv (eller actors.csv og ties.csv)"},
    "input_count": {"en": "give one file, one folder, or two CSV files (actors first, then ties)",
                    "da": "angiv én fil, én mappe eller to CSV-filer (aktører først, så relationer)"},
    "bad_group_by": {"en": 'cannot group by "{value}"; use one of: {allowed}',
                     "da": 'kan ikke gruppere efter "{value}"; brug en af: {allowed}'},
    "out_format": {"en": "unknown output type; use .json, .xlsx, .graphml, .gexf, .html or a folder for CSV",
                   "da": "ukendt outputtype; brug .json, .xlsx, .graphml, .gexf, .html eller en mappe til CSV"},
    "write_failed": {"en": "cannot write: {detail}", "da": "kan ikke skrive: {detail}"},
    # --- warnings ------------------------------------------------------------
    "warn_unknown_sector": {"en": 'actor "{id}" has no sector; counted as unknown',
                            "da": 'aktøren "{id}" har ingen sektor; regnes som ukendt'},
    "warn_betweenness_approx": {
        "en": "betweenness estimated from {k} sampled sources (network above {limit} actors)",
        "da": "betweenness anslået ud fra {k} tilfældigt valgte kilder (netværk over {limit} aktører)"},
    # --- CLI -----------------------------------------------------------------
    "cli_summary": {"en": "{name}: {actors} actors, {ties} ties, {components} connected part(s)",
                    "da": "{name}: {actors} aktører, {ties} relationer, {components} sammenhængende del(e)"},
    "cli_core": {"en": "Partnership core ({n}): {members}", "da": "Partnerskabets kerne ({n}): {members}"},
    "cli_ei": {"en": "E-I index of the core: {ei} (expected from group sizes alone: {exp})",
               "da": "E-I-indeks for kernen: {ei} (forventet ud fra gruppestørrelser alene: {exp})"},
    "cli_ei_net": {"en": "E-I index of the network by {group}: {ei} (expected: {exp})",
                   "da": "E-I-indeks for netværket efter {group}: {ei} (forventet: {exp})"},
    "cli_reach": {"en": "Reach of the core: near {n1} direct / {n2} within 2 steps; far {f1} direct / {f2} within 2 steps",
                  "da": "Kernens rækkevidde: nære {n1} direkte / {n2} inden for 2 skridt; fjerne {f1} direkte / {f2} inden for 2 skridt"},
    "cli_flags": {"en": "Flags", "da": "Advarsler"},
    "cli_no_flags": {"en": "No flags raised.", "da": "Ingen advarsler."},
    "cli_spanners": {"en": "Top boundary spanners (cross-sector brokerage)",
                     "da": "Vigtigste brobyggere (brobygning på tværs af sektorer)"},
    "cli_no_spanners": {"en": "No boundary spanners.", "da": "Ingen brobyggere."},
    "cli_isolated": {"en": "Isolated or detached actors", "da": "Isolerede eller afkoblede aktører"},
    "cli_no_isolated": {"en": "No isolated or detached actors.", "da": "Ingen isolerede eller afkoblede aktører."},
    "cli_warnings": {"en": "Warnings", "da": "Advarsler om data"},
    "cli_written": {"en": "written: {path}", "da": "skrevet: {path}"},
    "cli_approx": {"en": "Note: betweenness is estimated from a sample of {k} sources.",
                   "da": "Bemærk: betweenness er anslået ud fra {k} kilder."},
    "severity_info": {"en": "info", "da": "info"},
    "severity_warning": {"en": "warning", "da": "advarsel"},
    "severity_high": {"en": "HIGH", "da": "HØJ"},
    "none": {"en": "none", "da": "ingen"},
    "undefined": {"en": "undefined", "da": "udefineret"},
    # --- flags (METHODS.md); each cites the evaluation's finding ---------------
    "flag_NO_CORE": {
        "en": "No actor is marked as a partner, so the partnership measures are skipped. Mark the core members (partner = yes) to see the core's reach, its E-I index and the flags that depend on it.",
        "da": "Ingen aktør er markeret som partner, så partnerskabsmålene springes over. Markér kernens medlemmer (partner = ja) for at se kernens rækkevidde, dens E-I-indeks og de advarsler, der bygger på den."},
    "flag_ISOLATED_ACTORS": {
        "en": "{n} actor(s) have no tie, or no path to the partnership core: {names}. The evaluation stresses that relations must be built and kept up: one staff change can cut a link.",
        "da": "{n} aktør(er) har ingen relationer eller ingen vej til partnerskabets kerne: {names}. Evalueringen understreger, at relationer skal opbygges og vedligeholdes: én personudskiftning kan klippe en forbindelse."},
    "flag_CLOSING_IN": {
        "en": "The core has more ties among its members than to others (E-I index {ei}; from group sizes alone {exp}). The evaluation found that both partnerships tend to close in on themselves: other collaborations form but are not brought into the partnership's learning (Fotaki 2011; Andersen & Espersen 2017a).",
        "da": "Kernen har flere relationer indbyrdes end udadtil (E-I-indeks {ei}; ud fra gruppestørrelser alene {exp}). Evalueringen fandt, at begge partnerskaber har en tendens til at lukke sig om sig selv: andre samarbejder etableres, men integreres ikke i partnerskabets læring (Fotaki 2011; Andersen & Espersen 2017a)."},
    "flag_UNINTEGRATED_COLLABORATIONS": {
        "en": "{n} of the {m} actors tied to the core ({share}) are tied to only one core member: {names}. The evaluation found that such collaborations are not integrated into the partnership's ongoing development and learning, so their potential is not harvested.",
        "da": "{n} af de {m} aktører med relation til kernen ({share}) har kun relation til ét kernemedlem: {names}. Evalueringen fandt, at sådanne samarbejder ikke integreres i partnerskabets løbende udvikling og læring, så det potentielle udbytte ikke høstes."},
    "flag_NO_FAR_REACH": {
        "en": "The core reaches no far actor (management, political, regional or national) within two steps. The evaluation, citing Hulgård (2007): sustainability needs a strong network both in the local environment and among top management and politicians in municipality and state.",
        "da": "Kernen når ingen fjerne aktører (ledelse, politisk niveau, regionalt eller nationalt) inden for to skridt. Evalueringen (Hulgård 2007): bæredygtighed kræver et stærkt netværk både i det nære lokalmiljø og blandt topledelser og politikere i kommuner og stat."},
    "flag_WEAK_FAR_REACH": {
        "en": "The core reaches far actors (management, politicians, regional or national bodies) only through an intermediary: {f2} within two steps, none directly. In Copenhagen the link to top management was weaker; Fredericia's anchoring in the administration brought it closer to the political level.",
        "da": "Kernen når kun fjerne aktører (ledelse, politikere, regionale eller nationale aktører) gennem et mellemled: {f2} inden for to skridt, ingen direkte. I København var forbindelsen til det øverste ledelsesniveau svagere; Fredericias forankring i forvaltningen bragte partnerskabet tættere på det politiske niveau."},
    "flag_NO_NEAR_REACH": {
        "en": "The core has no direct tie to a near actor in the local environment. Hulgård (2007), as the evaluation cites him: networks on many levels, near and far, strengthen access to knowledge and resources.",
        "da": "Kernen har ingen direkte relation til nære aktører i lokalmiljøet. Hulgård (2007), som evalueringen citerer: netværk på mange niveauer, nære og fjerne, styrker adgangen til viden og ressourcer."},
    "flag_NO_POLITICAL_ANCHOR": {
        "en": "No political-level actor is in the core or within two steps of it. The evaluation: Fredericia's anchoring in the municipal administration brought it close to the political level and made the budget negotiations a way to permanence; pool-funded partnerships without formal anchoring often end with the funding.",
        "da": "Ingen aktør på politisk niveau er i kernen eller inden for to skridt af den. Evalueringen: Fredericias forankring i forvaltningen bragte partnerskabet tæt på det politiske niveau og gjorde budgetforhandlingerne til en vej til varig drift; puljefinansierede partnerskaber uden formel forankring ophører ofte med puljen."},
    "flag_WEAK_PARTICIPATION": {
        "en": "No citizen or volunteer is a member of the core{outside}. The evaluation found weak participation of citizens and volunteers in the organisational frame of both partnerships, a known risk of partnerships (Fotaki 2011; Espersen & Andersen 2017; Bode & Brandsen 2014).",
        "da": "Ingen borger eller frivillig er medlem af kernen{outside}. Evalueringen fandt svag deltagelse af borgere og frivillige i den organisatoriske ramme i begge partnerskaber, en kendt risiko ved partnerskaber (Fotaki 2011; Espersen & Andersen 2017; Bode & Brandsen 2014)."},
    "flag_WEAK_PARTICIPATION_outside": {"en": " (outside the core: {names})", "da": " (uden for kernen: {names})"},
    "flag_SPANNER_DEPENDENCY": {
        "en": "The partnership hangs on single actors: {details}. The evaluation: personal relations matter as much as formal agreements, and one staff change can cut a link (in Copenhagen, Social Services became less involved after staff turnover).",
        "da": "Partnerskabet hænger på enkelte aktører: {details}. Evalueringen: personlige relationer er lige så afgørende som formelle aftaler, og én personudskiftning kan klippe en forbindelse (i København blev Socialforvaltningen mindre involveret efter personudskiftning)."},
    "dep_splits": {"en": "without {name} the core falls apart", "da": "uden {name} falder kernen fra hinanden"},
    "dep_sectors": {"en": "without {name} no {sectors} actor reaches the core", "da": "uden {name} når ingen aktør fra sektoren {sectors} kernen"},
    "flag_CLOSING_TREND": {
        "en": "Between {old} and {new} the core's E-I index fell from {a} to {b}: the partnership is closing in on itself, the tendency the evaluation found in both partnerships (Fotaki 2011; Andersen & Espersen 2017a).",
        "da": "Mellem {old} og {new} faldt kernens E-I-indeks fra {a} til {b}: partnerskabet lukker sig om sig selv, den tendens evalueringen fandt i begge partnerskaber (Fotaki 2011; Andersen & Espersen 2017a)."},
    "field_sector": {"en": "sector", "da": "sektor"},
    "field_level": {"en": "level", "da": "niveau"},
    "field_scope": {"en": "scope", "da": "rækkevidde"},
    "field_kind": {"en": "kind", "da": "type"},
    "field_organisation": {"en": "organisation", "da": "organisation"},
    "field_partner": {"en": "partner", "da": "partner"},
    "sector_public": {"en": "public", "da": "offentlig"},
    "sector_civil": {"en": "civil", "da": "civil"},
    "sector_private": {"en": "private", "da": "privat"},
    "sector_citizen": {"en": "citizen", "da": "borger"},
    "sector_unknown": {"en": "unknown", "da": "ukendt"},
    "level_operational": {"en": "operational", "da": "udfører"},
    "level_management": {"en": "management", "da": "ledelse"},
    "level_political": {"en": "political", "da": "politisk"},
    "scope_local": {"en": "local", "da": "lokal"},
    "scope_municipal": {"en": "municipal", "da": "kommunal"},
    "scope_regional": {"en": "regional", "da": "regional"},
    "scope_national": {"en": "national", "da": "national"},
}


def register(strings):
    """Add a module's own texts: ``{key: {"en": ..., "da": ...}}``; both languages required."""
    for key, texts in strings.items():
        missing = [lang for lang in LANGS if not texts.get(lang)]
        if missing:
            raise ValueError(f"text {key!r} lacks {', '.join(missing)}")
        if key in STRINGS and STRINGS[key] != texts:
            raise ValueError(f"text {key!r} is defined twice")
        STRINGS[key] = texts


def default_lang():
    """The language from ``NETMAP_LANG`` (``en`` or ``da``), else English."""
    lang = os.environ.get("NETMAP_LANG", "en").strip().lower()[:2]
    return lang if lang in LANGS else "en"


def t(key, lang="en", /, **params):
    """Return the text for ``key`` in ``lang`` with ``params`` filled in."""
    lang = lang if lang in LANGS else "en"
    if params.get("allowed") in _ALLOWED:
        params["allowed"] = _ALLOWED[params["allowed"]][lang]
    return STRINGS[key][lang].format(**params)


def number(x, lang="en", digits=2):
    """A measure as the user reads it: ``-0.11`` in English, ``-0,11`` in Danish; None is "undefined".

    >>> number(-0.111, "da"), number(None, "en")
    ('-0,11', 'undefined')
    """
    if x is None:
        return t("undefined", lang)
    text = f"{x:.{digits}f}"
    return text.replace(".", ",") if lang == "da" else text


class Message:
    """A warning that can be shown in either language: ``msg.text(lang)``."""

    def __init__(self, key, where="", /, **params):
        self.key, self.where, self.params = key, where, params

    def text(self, lang="en"):
        """The message in ``lang``; locations (``Where``) are said in that language too."""
        def place(value):
            return value.text(lang) if isinstance(value, str) and hasattr(value, "text") else value

        body = t(self.key, lang, **{k: place(v) for k, v in self.params.items()})
        where = place(self.where)
        return f"{where}: {body}" if where else body

    def __str__(self):
        return self.text("en")

    def __repr__(self):
        return f"Message({self.key!r}, {self.where!r})"
