"""The meeting report (``netmap report``): DOCX, PDF and HTML written by the real command line and
read back with outside readers (python-docx, pypdf, pypdfium2, headless Chromium).

Expected figures and flags come from sample_networks/README.md (counted by hand there); the
Danish texts are written out here as a Danish reader expects them; the colours of the printed
map are the Okabe & Ito (2008) palette as published (sky blue 86,180,233; bluish green 0,158,115).
"""

import re
from pathlib import Path

import pytest

from tests.conftest import csv_rows
from tests.test_app_browser import ARGS, CHROMIUM

ROOT = Path(__file__).parent.parent
SAMPLES = ROOT / "sample_networks"
SERIES = SAMPLES / "copenhagen_series"

#: Copenhagen's figures as the report prints them in Danish (sample_networks/README.md, "Flags for
#: Copenhagen" and "Summary of expected flags": core E-I -0.111, expected +0.500, near 10/11, far
#: 2/3, 9 of 12 unintegrated = 75 %; 21 actors and 36 ties as in the CSV files).
FIGURES_DA = ["-0,11 (0,50)", "10 / 11", "2 / 3", "9 (75 %)"]
#: The flags the README expects for Copenhagen, by their Danish titles, each with a piece of its
#: message and of the advice drawn from the evaluation.
FLAGS_DA = {
    "Kernen lukker sig om sig selv": ("har flere relationer indbyrdes end udadtil", "Åbn partnerskabet"),
    "Ikke-integrerede samarbejder": ("har kun relation til ét kernemedlem", "Giv hver af dem en forbindelse mere"),
    "Ingen politisk forankring": (
        "Ingen aktør på politisk niveau er i kernen",
        "forvaltningschef, der tager partnerskabet med ind i budgetforhandlingerne",
    ),
    "Svag deltagelse": ("Ingen borger eller frivillig er medlem af kernen", "en plads i styregruppen"),
    "Afhængig af enkelte aktører": (
        "Partnerskabet hænger på enkelte aktører",
        "Skab mere end én forbindelse til hver forvaltning og sektor",
    ),
}


def flat(text: str) -> str:
    """Text with every run of white space (line breaks, no-break spaces) as one space."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " "))


def write(cli, tmp_path, suffix, *extra, source=SAMPLES / "copenhagen", lang="da"):
    out = tmp_path / f"report{suffix}"
    r = cli("report", source, "-o", out, "--lang", lang, *extra)
    assert r.returncode == 0, r.stderr
    assert out.exists()
    return out


def assert_danish_content(text: str):
    text = flat(text)
    actors, ties = csv_rows(SAMPLES / "copenhagen" / "actors.csv"), csv_rows(SAMPLES / "copenhagen" / "ties.csv")
    assert f"{len(actors)} aktører, {len(ties)} relationer" in text
    for figure in FIGURES_DA:
        assert figure in text
    for title, (message, advice) in FLAGS_DA.items():
        assert title in text and message in text and advice in text, title
    assert "Nøgletal" in text and "Brobyggere" in text and "Koordinator, frivilligforeningen" in text


# --- DOCX ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def docx_file(tmp_path_factory):
    from tests.conftest import run_cli

    return write(run_cli, tmp_path_factory.mktemp("docx"), ".docx")


def docx_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(c.text for c in row.cells))
    return "\n".join(parts)


def test_docx_is_an_editable_danish_report(docx_file):
    import docx
    from docx.oxml.ns import qn

    document = docx.Document(str(docx_file))
    assert_danish_content(docx_text(document))
    headings = {p.text: p.style.name for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))}
    assert headings["Netværksrapport: copenhagen"] == "Title"
    assert headings["Nøgletal"] == "Heading 1" and headings["Advarsel – Svag deltagelse"] == "Heading 2"
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297  # A4
    footer_xml = section.footer._element.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml and "Side" in footer_xml
    # Real tables: the key figures as rows; no row splits across pages; the heading row repeats.
    key = next(t for t in document.tables if t.rows[1].cells[0].text == "Aktører")
    assert key.rows[1].cells[1].text == "21" and key.rows[2].cells[1].text == "36"
    for table in document.tables:
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
    assert len(document.inline_shapes) == 1  # the map
    assert document.inline_shapes[0]._inline.docPr.get("descr").startswith("Kort over netværket")


# --- PDF -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pdf_file(tmp_path_factory):
    from tests.conftest import run_cli

    return write(run_cli, tmp_path_factory.mktemp("pdf"), ".pdf")


def non_white(image) -> int:
    """How many pixels of a PIL image are not (nearly) white."""
    gray = image.convert("L")
    return sum(count for value, count in enumerate(gray.histogram()) if value < 230)


def test_pdf_text_is_danish_with_the_figures(pdf_file):
    import pypdf

    reader = pypdf.PdfReader(str(pdf_file))
    pages = [p.extract_text() for p in reader.pages]
    assert_danish_content("\n".join(pages))
    n = len(pages)
    assert n >= 3
    for i, (page, text) in enumerate(zip(reader.pages, pages, strict=True), 1):
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)  # A4 in points
        assert f"Side {i} af {n}" in text
    fonts = {f["/BaseFont"] for p in reader.pages for f in p["/Resources"]["/Font"].values()}
    assert any("DejaVuSans" in str(f) for f in fonts)


def test_pdf_pages_render_not_blank(pdf_file):
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(pdf_file))
    images = [pdf[i].render(scale=0.5).to_pil() for i in range(len(pdf))]
    counts = [non_white(image) for image in images]
    assert all(c > 1000 for c in counts), counts  # the footer alone is about 200
    # The first page holds the map: coloured pixels (the sectors), which text does not have.
    import numpy as np

    rgb = np.asarray(pdf[0].render(scale=1).to_pil().convert("RGB")).astype(int)
    coloured = int(((rgb.max(axis=2) - rgb.min(axis=2)) > 60).sum())
    assert coloured > 2000, coloured


def test_pdf_table_rows_do_not_split(tmp_path, cli):
    """A 300-actor network: its appendix table runs over pages; every actor's row (name to degree)
    is on one page."""
    from netmap.generate import generate
    from netmap.writing import write_network

    net = generate(300, seed=3)
    src = write_network(net, tmp_path / "big.json")
    out = write(cli, tmp_path, ".pdf", source=src, lang="en")
    import pypdf

    pages = [flat(p.extract_text()) for p in pypdf.PdfReader(str(out)).pages]
    assert len(pages) > 5
    for a in net.actors:
        assert any(re.search(re.escape(a.label) + r" \S+ \S+ (yes|no) (yes|no) \d+ ", p + " ") for p in pages), a.label


# --- HTML ----------------------------------------------------------------------------------


@pytest.fixture
def chromium():
    """Headless Chromium for one test (not shared: the app test starts its own Playwright)."""
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium not installed at /usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def test_html_opens_offline_shows_the_map_and_prints_a4(chromium, tmp_path, cli):
    out = write(cli, tmp_path, ".html")
    page = chromium.new_page()
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(out.as_uri())
    page.wait_for_load_state("load")
    assert requests == [out.as_uri()]  # the file itself, nothing else
    assert errors == []
    img = page.locator("figure img").first
    assert img.get_attribute("src").startswith("data:image/png;base64,")
    assert page.evaluate("(i) => i.complete && i.naturalWidth", img.element_handle()) > 1000
    assert img.bounding_box()["width"] > 300
    assert_danish_content(page.inner_text("body"))
    # Printed: A4 pages numbered by the print CSS.
    pdf = tmp_path / "printed.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    page.close()
    import pypdf

    reader = pypdf.PdfReader(str(pdf))
    n = len(reader.pages)
    assert n >= 3
    assert (round(float(reader.pages[0].mediabox.width)), round(float(reader.pages[0].mediabox.height))) == (595, 842)
    assert f"Side 1 af {n}" in flat(reader.pages[0].extract_text())


def test_hostile_names_stay_text_in_the_html(chromium, tmp_path, cli):
    """Names that are HTML or script arrive as text: nothing runs, nothing loads, each name is
    shown as written (tests/data/export/hostile)."""
    hostile = Path(__file__).parent / "data" / "export" / "hostile"
    out = write(cli, tmp_path, ".html", source=hostile, lang="en")
    page = chromium.new_page()
    requests, dialogs = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(out.as_uri())
    page.wait_for_load_state("load")
    assert requests == [out.as_uri()] and dialogs == []
    assert page.evaluate("typeof window.__pwned") == "undefined"
    body = page.inner_text("body")
    page.close()
    for a in csv_rows(hostile / "actors.csv"):
        assert (a["name"] or a["id"]) in body


# --- one structure, three formats ------------------------------------------------------------


def test_the_three_formats_say_the_same(tmp_path):
    """Every paragraph and table cell of the report's one structure is in each file."""
    import docx
    import pypdf

    from netmap import read_network
    from netmap.report import build_report, write_report
    from netmap.report.document import Para, Table

    report = build_report(read_network(SAMPLES / "fredericia"), "da")
    texts = [b.text for b in report.blocks if isinstance(b, Para)]
    texts += [c for b in report.blocks if isinstance(b, Table) for r in b.rows for c in r if c]
    html = flat(write_report(report, tmp_path / "r.html").read_text(encoding="utf-8"))
    import html as html_lib

    html = html_lib.unescape(html)
    word = flat(docx_text(docx.Document(str(write_report(report, tmp_path / "r.docx")))))
    pdf = flat(" ".join(p.extract_text() for p in pypdf.PdfReader(str(write_report(report, tmp_path / "r.pdf"))).pages))
    for t in texts:
        assert flat(t) in html and flat(t) in word, t
        assert flat(t).replace(" ", "") in pdf.replace(" ", ""), t  # PDF text loses some spaces at line ends


# --- comparison, pseudonyms, bad output ------------------------------------------------------------


def test_compare_to_a_series_charts_the_indicators(tmp_path, cli):
    """The core E-I of the Copenhagen series: -0.500, -0.379, -0.111 (sample_networks/README.md)."""
    import docx

    out = write(
        cli,
        tmp_path,
        ".docx",
        "--compare-to",
        SERIES / "2016-03-01_start.json",
        "--compare-to",
        SERIES / "2017-01-15_turnover.json",
        source=SERIES / "2017-09-01_workshops.json",
    )
    document = docx.Document(str(out))
    text = flat(docx_text(document))
    assert "Hvad er ændret siden 15. januar 2017" in text
    assert "kernens E-I-indeks | -0,38 | -0,11 | *" in text.replace("Kernens", "kernens")
    series = next(t for t in document.tables if t.rows[0].cells[1].text == "1. marts 2016")
    assert [c.text for c in series.rows[0].cells][1:] == ["1. marts 2016", "15. januar 2017", "1. september 2017"]
    assert [c.text for c in series.rows[1].cells][1:] == ["-0,50", "-0,38", "-0,11"]
    assert len(document.inline_shapes) == 2  # the map and the charts


def test_pseudonymise_removes_citizens_names(tmp_path, cli):
    citizens = [a["name"] for a in csv_rows(SAMPLES / "copenhagen" / "actors.csv") if a["sector"] == "citizen"]
    assert citizens
    out = write(cli, tmp_path, ".html", "--pseudonymise")
    text = out.read_text(encoding="utf-8")
    assert all(name not in text for name in citizens)
    assert "borgere pseudonymiseret" in text


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".html"])
def test_an_empty_network_still_makes_a_report(tmp_path, cli, suffix):
    src = tmp_path / "tom.json"
    src.write_text('{"netmap_version": 1, "name": "Tom", "actors": [], "ties": []}', encoding="utf-8")
    out = write(cli, tmp_path, suffix, source=src)
    assert out.stat().st_size > 1000


@pytest.mark.parametrize("name", ["report.txt", "missing/report.pdf", "report.pdf.bak"])
def test_bad_output_path_is_one_line_and_writes_nothing(tmp_path, cli, name):
    r = cli("report", SAMPLES / "copenhagen", "-o", tmp_path / name)
    assert r.returncode == 2
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    assert r.stdout == ""
    assert list(tmp_path.iterdir()) == []


# --- the printed map -----------------------------------------------------------------------------


def _centre(image, rgb):
    """The mean x of the pixels of colour ``rgb`` (within a small tolerance) in a PIL image."""
    img = image.convert("RGB")
    w, h = img.size
    data = img.load()
    xs = [
        x for x in range(0, w, 2) for y in range(0, h // 2, 2) if all(abs(a - b) <= 6 for a, b in zip(data[x, y], rgb))
    ]
    assert xs, rgb
    return sum(xs) / len(xs)


@pytest.mark.parametrize("public_x, civil_x", [(0.0, 900.0), (900.0, 0.0)])
def test_map_picture_keeps_saved_positions_and_sector_colours(public_x, civil_x):
    """Saved positions decide where each actor is drawn; public is Okabe-Ito sky blue, civil
    bluish green (in the map part, the top half: the legend below has both colours too)."""
    import io

    from PIL import Image

    from netmap.model import Actor, Network, Tie
    from netmap.report import map_picture

    net = Network(
        actors=[
            Actor("p", name="Kommunen", sector="public", x=public_x, y=0.0),
            Actor("c", name="Foreningen", sector="civil", x=civil_x, y=0.0),
        ],
        ties=[Tie("p", "c")],
    )
    image = Image.open(io.BytesIO(map_picture(net, "da")))
    blue, green = _centre(image, (86, 180, 233)), _centre(image, (0, 158, 115))
    assert (blue < green) == (public_x < civil_x)


def _printed_map(net):
    from netmap.analysis import analyze
    from netmap.layout import layout
    from netmap.present import mapview, meeting
    from netmap.report import pictures

    report = analyze(net)
    view = mapview.network_view(net, report, "sector", "degree", "degree", "da", False)
    legend = meeting.map_legend(view, "da", len(pictures.labelled(report)), len(net.actors))
    fig = pictures.map_figure(net, report, view, legend, layout(net, seed=0))
    return fig, [t for t in fig.axes[0].texts if t.get_gid() == "name"]


def _clashes(fig, names):
    """Pairs of names whose boxes overlap, and names cut at the map's edge, as drawn."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in names]
    frame = fig.axes[0].get_window_extent(renderer)
    pairs = [(a, b) for i, (a, box) in enumerate(boxes) for b, other in boxes[i + 1 :] if box.overlaps(other)]
    cut = [a for a, box in boxes if box.x0 < frame.x0 or box.x1 > frame.x1 or box.y0 < frame.y0 or box.y1 > frame.y1]
    return pairs, cut


@pytest.mark.parametrize("sample", ["copenhagen", "fredericia"])
def test_the_printed_map_writes_the_samples_names_large_and_apart(sample):
    """The printed map's names were 5.5 pt, the full names, in one line. They are now written as
    on the interactive map (shortened, in lines), as large as they can be without two touching:
    on both samples 7 pt or more (a text to read on paper), none over another, none cut."""
    from netmap.sources import load_input

    net = load_input(str(ROOT / "sample_networks" / sample))
    fig, names = _printed_map(net)
    assert len(names) == len(net.actors)
    assert min(t.get_fontsize() for t in names) >= 7
    assert _clashes(fig, names) == ([], [])
    # The long names are shortened at a word, with "…"; every name is at most 28 characters.
    texts = [t.get_text().replace("\n", " ") for t in names]
    assert any(t.endswith("…") for t in texts) and all(len(t.lstrip("★⇄⚠ ")) <= 28 for t in texts)


@pytest.mark.parametrize("lang", ["en", "da"])
@pytest.mark.parametrize("sample", ["copenhagen", "fredericia", "generated", "large"])
def test_the_printed_legend_is_8_pt_and_its_parts_apart(sample, lang):
    """The printed legend was 6 pt (a walk-through found it too small on paper): its texts are now
    8 pt, as the names, and its five parts (colours, shapes, marks, ties, sizes and names) are
    apart and on the page, in both languages, on both samples and on a network of every sector."""
    from netmap.analysis import analyze
    from netmap.generate import generate
    from netmap.layout import layout
    from netmap.present import mapview, meeting
    from netmap.report import pictures
    from netmap.sources import load_input

    if sample in ("generated", "large"):  # large: names for some actors only, a longer sentence
        net = generate(60 if sample == "generated" else 120, seed=1)
    else:
        net = load_input(str(ROOT / "sample_networks" / sample))
    if sample == "generated":  # every sector, with the longest texts
        for actor, sector in zip(net.actors, ("public", "civil", "private", "citizen", "unknown"), strict=False):
            actor.sector = sector
    report = analyze(net)
    view = mapview.network_view(net, report, "sector", "degree", "degree", lang, False)
    legend = meeting.map_legend(view, lang, len(pictures.labelled(report)), len(net.actors))
    assert sample != "generated" or len(legend["colours"]["items"]) == 5
    fig = pictures.map_figure(net, report, view, legend, layout(net, seed=0))
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    lax = fig.axes[1]
    parts = [box for box in lax.artists] + list(lax.texts)
    assert len(parts) == 5
    texts = [t for box in lax.artists for t in box.get_texts() + [box.get_title()]] + list(lax.texts)
    assert min(t.get_fontsize() for t in texts) >= 8
    boxes = [p.get_window_extent(renderer) for p in parts]
    page = fig.bbox
    assert all(page.x0 <= b.x0 and b.x1 <= page.x1 and page.y0 <= b.y0 for b in boxes)
    # every word is on the page: the text as drawn (wrapped) holds the whole sentence
    drawn = lax.texts[0].get_text()
    assert drawn.split() == (legend["size"] + " " + legend["names"]).split()
    assert not [(i, j) for i, a in enumerate(boxes) for j, b in enumerate(boxes) if i < j and a.overlaps(b)]
    assert all(b.y1 <= fig.axes[0].get_window_extent(renderer).y0 for b in boxes)  # under the map


def test_a_crowded_printed_map_takes_smaller_names_not_overlapping_ones():
    """Sixty actors: the names shrink until they are apart. Forty actors on one spot cannot be
    apart at any size: the smallest size is used, and the map is still drawn."""
    from netmap.generate import generate
    from netmap.model import Actor, Network

    fig, names = _printed_map(generate(60, seed=1))
    size = names[0].get_fontsize()
    assert 4.5 < size < 8 and _clashes(fig, names) == ([], [])
    heap = Network(actors=[Actor(f"a{i}", name=f"Aktør nummer {i}", x=0.0, y=float(i % 2)) for i in range(40)])
    fig, names = _printed_map(heap)
    assert {t.get_fontsize() for t in names} == {4.5}


# --- the app ------------------------------------------------------------------------------------


def test_app_offers_the_report_and_the_map_picture(tmp_path, monkeypatch):
    """The Import/export page lists the downloads (AppTest cannot click them: see the browser test)."""
    from streamlit.testing.v1 import AppTest

    from netmap.workspace import Workspace

    monkeypatch.setenv("NETMAP_WORKSPACE", str(tmp_path / "ws.sqlite"))
    monkeypatch.delenv("NETMAP_LANG", raising=False)
    Workspace(tmp_path / "ws.sqlite", seed=True)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    at.switch_page("netmap/ui/pages/import_export.py").run()
    assert not at.exception
    labels = [b.label for b in at.get("download_button")]
    for fmt in ("Word (DOCX)", "PDF", "HTML"):
        assert f"Download the report as {fmt}" in labels
    assert "Download the map as a picture (PNG)" in labels


def test_app_downloads_the_report_and_the_map_picture(tmp_path):
    """In Chromium: the PDF report and the PNG map of the open network arrive as real files."""
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium not installed at /usr/bin/chromium")
    import io

    import pypdf
    from PIL import Image
    from playwright.sync_api import expect

    from tests.test_app_browser import running_app

    with running_app(tmp_path) as (page, url, _workspace, errors):
        page.goto(f"{url}/import-export")
        button = page.get_by_role("button", name="Download the report as PDF")
        expect(button).to_be_visible(timeout=30000)
        with page.expect_download(timeout=60000) as info:
            button.click()
        pdf = Path(info.value.path()).read_bytes()
        assert info.value.suggested_filename == "copenhagen_report.pdf"
        with page.expect_download(timeout=60000) as info:
            page.get_by_role("button", name="Download the map as a picture (PNG)").click()
        png = Path(info.value.path()).read_bytes()
        assert info.value.suggested_filename == "copenhagen_map.png"
        page.get_by_test_id("stSidebarUserContent").get_by_text("Dansk", exact=True).click()
        button = page.get_by_role("button", name="Hent kortet som billede (PNG)")
        expect(button).to_be_visible(timeout=30000)
        with page.expect_download(timeout=60000) as info:
            button.click()
        assert info.value.suggested_filename == "copenhagen_kort.png"  # the file's name in Danish too
        assert errors == []
    text = flat(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages))
    assert "Network report: copenhagen" in text and "What you can do:" in text
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.width > 1000


# --- the review table (Table 7.1) in the report ------------------------------------------------

#: Table 7.1 as ../shared/DOMAIN.md translates it (the evaluation's 19 decisive elements).
TABLE_7_1 = [
    "Prior experience of cross-cutting work and an active local network, both near and far",
    "Mutual trust, respect and understanding",
    "Good personal relations, kept up and developed, formally and informally",
    "Ability to negotiate and compromise",
    "Flexibility and openness to learning",
    "Frequent, open dialogue and communication, formal and informal",
    "Shared visions and goals (emphases and motives may differ)",
    "Security and transparency about frames and decision processes",
    "Enough time, resources and knowledge",
    "Progress that matches all partners' expectations",
    "Shared commitment and investment in succeeding; continuous dialogue",
    "Partners have legitimacy locally and in their own organisations",
    "The political climate supports the partnership",
    "The partnership involves all relevant partners and stakeholders, locally and beyond",
    "Cross-sector leadership (facilitating and mediating)",
    "Formal frames around the economy",
    "Partners have a mandate (and backing) from their own organisation to decide and act",
    "Partners experience that their own organisation benefits (mutual advantage)",
    "Investment of time and resources",
]


def test_the_review_table_is_in_the_report_with_all_19_elements(tmp_path, cli):
    """A network with its partnership's review (two elements rated, one with a Danish note): the
    DOCX and the PDF hold every element of Table 7.1, the ratings in words and the note."""
    import json

    import docx
    import pypdf

    assert cli("convert", SAMPLES / "copenhagen", "-o", tmp_path / "c.json").returncode == 0
    doc = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    doc["review"] = [
        {
            "number": 3,
            "rating": 2,
            "note": "Kontakten til Socialforvaltningen hænger på én person",
            "date": "2025-03-01",
        },
        {"number": 14, "rating": 1, "note": "", "date": "2025-03-01"},
    ]
    (tmp_path / "c.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    docx_out = write(cli, tmp_path, ".docx", source=tmp_path / "c.json", lang="en")
    cells = [c.text for t in docx.Document(str(docx_out)).tables for row in t.rows for c in row.cells]
    text = flat(" ".join(cells))
    for element in TABLE_7_1:
        assert element in text, element
    assert "Kontakten til Socialforvaltningen hænger på én person" in text
    assert "partly" in text.lower() and "not in place" in text.lower()
    pdf_out = write(cli, tmp_path, ".pdf", source=tmp_path / "c.json", lang="en")
    pdf_text = flat(" ".join(p.extract_text() for p in pypdf.PdfReader(str(pdf_out)).pages))
    assert "hænger på én person" in pdf_text
    assert sum(element[:40] in pdf_text for element in TABLE_7_1) == 19


def test_pdf_table_headings_keep_their_words_whole(tmp_path):
    """Walk-through: narrow columns split Danish headings mid-word ("Brobygnin" / "g på tværs af
    sektorer", "Vurderin" / "g"). Every word of every table's heading now fits its column: each is
    found whole in the PDF's text (the Copenhagen sample, with two elements of the review rated)."""
    import pypdf

    from netmap.reading import read_network
    from netmap.report import build_report
    from netmap.report.document import Table
    from netmap.report.pdf import render
    from netmap.review import with_entry

    net = with_entry(read_network(SAMPLES / "copenhagen"), 1, 2, "Godt på vej", "2026-11-30")
    report = build_report(with_entry(net, 15, 3, "", "2026-11-30"), lang="da")
    (tmp_path / "r.pdf").write_bytes(render(report))
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(str(tmp_path / "r.pdf")).pages)
    headings = {w for b in report.blocks if isinstance(b, Table) for h in b.headers for w in str(h).split()}
    assert {"Brobygning", "Vurdering"} <= headings
    assert headings <= set(text.split()), sorted(headings - set(text.split()))
