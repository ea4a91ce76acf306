"""Translations: every message in the code has a Danish translation with the same placeholders,
the compiled catalogue is up to date, numbers follow the locale, and analyses are free of language."""

import json
import string
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from netmap import analyze, read_network
from netmap.i18n import _, ngettext, number, percent
from netmap.present.report import document

ROOT = Path(__file__).parent.parent
LOCALE = ROOT / "netmap" / "locale" / "da" / "LC_MESSAGES"
# The keywords of the README's `pybabel extract` command.
KEYWORDS = {
    "_": None,
    "ngettext": (1, 2),
    "N_": None,
    "Nn_": (1, 2),
    "tr": None,
    "InputError": None,
    "NetmapError": None,
    "StaleEditError": None,
    "Message": None,
}


def _messages_in_code():
    found = {}
    method_map = [("netmap/**.py", "python"), ("app.py", "python")]
    for filename, _lineno, message, _comments, _context in extract_from_dir(
        ROOT, method_map, keywords=KEYWORDS, comment_tags=()
    ):
        found.setdefault(message, filename)
    return found


def _fields(text):
    return sorted(f for _, f, _, _ in string.Formatter().parse(text) if f is not None)


@pytest.fixture(scope="module")
def catalogue():
    with open(LOCALE / "netmap.po", "rb") as fh:
        return read_po(fh, locale="da")


def test_every_message_in_the_code_has_a_danish_translation(catalogue):
    missing = []
    for message, filename in _messages_in_code().items():
        entry = catalogue.get(message)
        strings = entry.string if entry is not None else None
        if not strings or (isinstance(strings, tuple) and not all(strings)):
            missing.append(f"{filename}: {message!r}")
    assert not missing, "no Danish translation:\n" + "\n".join(missing)


def test_no_message_is_written_inside_an_f_string():
    """pybabel does not look inside f-strings: ``f"{name}-{tr('review')}.csv"`` never reached
    the catalogue and the Danish file was called "…-review.csv". Messages go outside them."""
    import ast

    keywords = set(KEYWORDS)
    found = []
    for path in [*sorted((ROOT / "netmap").rglob("*.py")), ROOT / "app.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                for call in ast.walk(node):
                    if isinstance(call, ast.Call) and getattr(call.func, "id", None) in keywords:
                        found.append(f"{path.relative_to(ROOT)}:{call.lineno}")
    assert not found, found


def test_placeholders_are_the_same_in_both_languages(catalogue):
    wrong = []
    for entry in catalogue:
        if not entry.id:
            continue
        ids = entry.id if isinstance(entry.id, tuple) else (entry.id,)
        texts = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        for text in texts:
            if text and set(_fields(text)) != set(_fields(ids[-1])) | set(_fields(ids[0])):
                wrong.append((ids[0], text))
    assert not wrong


def test_danish_says_betweenness_in_one_danish_word(catalogue):
    """Betweenness is "mellemhed" in Danish, the word the command line takes (vocab.OPTION_WORDS);
    the English term shows only in brackets after it, for those who know it from the literature."""
    said = {e.id: e.string for e in catalogue if isinstance(e.id, str) and "betweenness" in e.id.lower()}
    assert len(said) >= 5
    for msgid, text in said.items():
        assert "mellemhed" in text.lower(), msgid
        assert "betweenness" not in text.lower().replace("mellemhed (betweenness)", ""), text


def test_compiled_catalogue_matches_the_po_file(catalogue):
    """`pybabel compile` was run after the last change of the .po file."""
    with open(LOCALE / "netmap.mo", "rb") as fh:
        compiled = read_mo(fh)

    def entries(cat):
        norm = lambda x: tuple(x) if isinstance(x, (list, tuple)) else x  # noqa: E731
        return {norm(m.id): norm(m.string) for m in cat if m.id and m.string}

    assert entries(compiled) == entries(catalogue)


def test_no_string_tables_remain():
    """The old `register()` tables and `t(key)` lookups are gone; text lives in the code, in English."""
    for path in (ROOT / "netmap").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "register(" not in text and "STRINGS" not in text, path


def test_danish_numbers_and_plurals_follow_the_locale():
    """Danish conventions (decimal comma, thousands dot, space before %) from Babel's CLDR data."""
    assert number(-0.111, "da") == "-0,11" and number(-0.111, "en") == "-0.11"
    assert number(1234, "da", "count") == "1.234" and number(1234, "en", "count") == "1,234"
    assert number(1, "en") == "1.00" and number(-0.0001, "da") == "0,00"
    assert number(None, "da") == "udefineret"
    assert percent(0.75, "da") == "75\xa0%" and percent(0.75, "en") == "75%"
    assert ngettext("{n} actor", "{n} actors", 1, "da") == "1 aktør"
    assert ngettext("{n} actor", "{n} actors", 2, "da") == "2 aktører"
    assert _("Flags", "da") == "Advarsler" and _("Flags", "en") == "Flags"


def test_one_process_serves_both_languages_at_once():
    """Nothing is installed globally: alternating languages in one process gives each its own text."""
    assert [_("Flags", lang) for lang in ("da", "en", "da", "xx")] == ["Advarsler", "Flags", "Advarsler", "Flags"]


def _without_texts(doc):
    doc = json.loads(json.dumps(doc))
    for f in doc["flags"]:
        f.pop("message")
    doc.pop("warnings")
    return doc


@pytest.mark.parametrize("sample", ["copenhagen", "fredericia"])
def test_analysis_documents_differ_only_in_texts(sample, cli):
    """`analyze --json --lang da` and `--lang en`: identical apart from the rendered messages."""
    docs = {}
    for lang in ("en", "da"):
        r = cli("analyze", ROOT / "sample_networks" / sample, "--json", "--lang", lang)
        assert r.returncode == 0, r.stderr
        docs[lang] = json.loads(r.stdout)
    assert _without_texts(docs["en"]) == _without_texts(docs["da"])
    assert [f["message"] for f in docs["en"]["flags"]] != [f["message"] for f in docs["da"]["flags"]]
    assert len(docs["en"]["warnings"]) == len(docs["da"]["warnings"])


def test_warnings_differ_only_in_texts(tmp_path, cli):
    """A network with warnings: the same warnings, said in each language."""
    (tmp_path / "actors.csv").write_text("id,name,partner\na,A,ja\nb,B,\n", encoding="utf-8")
    (tmp_path / "ties.csv").write_text("source,target\na,b\n", encoding="utf-8")
    docs = {lang: json.loads(cli("analyze", tmp_path, "--json", "--lang", lang).stdout) for lang in ("en", "da")}
    assert _without_texts(docs["en"]) == _without_texts(docs["da"])
    assert docs["en"]["warnings"][0] == 'actors.csv row 2: actor "a" has no sector; counted as unknown'
    assert docs["da"]["warnings"][0] == 'actors.csv række 2: aktøren "a" har ingen sektor; regnes som ukendt'


def test_the_analysis_itself_has_no_language():
    """`analyze()` keeps codes and parameters; the same result renders in either language."""
    result = analyze(read_network(ROOT / "sample_networks" / "copenhagen"))
    assert all("message" not in f and "params" in f for f in result["flags"])
    assert json.loads(json.dumps(result)) == result  # plain JSON, so it caches and compares as data
    closing = {f["code"]: f for f in document(result, "da")["flags"]}["CLOSING_IN"]
    assert "E-I-indeks -0,11" in closing["message"]
