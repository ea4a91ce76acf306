"""Every page of the app and the exported maps pass axe-core's WCAG 2.1 A and AA rules, in
English and Danish, in a real headless Chromium (Playwright). axe-core is the npm package pinned
in package-lock.json (``npm ci``); without it these tests fail, since CI installs it."""

import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests import axe
from tests.test_app_browser import ARGS, CHROMIUM, running_app
from tests.test_export_browser import SAMPLES
from tests.test_map_editor_browser import PLACE, wait_for_map

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs /usr/bin/chromium")

ROOT = Path(__file__).parent.parent
#: The addresses of the app's pages (the Map is the first, at /).
PAGES = ["", "actors", "ties", "diagnosis", "whatif", "import-export", "snapshots"]
EDIT = {"en": "Edit on the map", "da": "Redigér på kortet"}
WELCOME = {"en": "Welcome to netmap", "da": "Velkommen til netmap"}
NEW_NETWORK = {"en": "New network", "da": "Nyt netværk"}
QUICK_TIE = {"en": "Add a tie with a form", "da": "Tilføj en relation med en formular"}


def settle(page):
    """Wait until Streamlit has finished its run and the page has stopped changing."""
    page.locator("[data-testid='stStatusWidget']").wait_for(state="detached", timeout=30000)
    page.wait_for_timeout(1000)


def check_all(page, where, problems):
    """Run axe on ``page`` and its frames, keep what it finds; the number of documents checked."""
    try:
        return axe.check(page, where)
    except AssertionError as exc:
        problems.append(str(exc))
        return None


@pytest.mark.parametrize("lang", ["en", "da"])
def test_every_page_of_the_app_passes_axe(tmp_path, lang):
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
    from playwright.sync_api import expect

    axe.require()  # before the minutes of starting a browser
    problems = []
    with running_app(tmp_path) as (page, url, _workspace, errors):
        # Every page the sidebar links to (a page added later is checked too), at least these.
        page.goto(f"{url}/?lang={lang}&network=copenhagen")
        nav = page.get_by_role("navigation").get_by_role("link")
        expect(nav.first).to_be_visible(timeout=30000)
        paths = [urlsplit(a).path.strip("/") for a in nav.evaluate_all("links => links.map(a => a.href)")]
        assert set(PAGES) <= set(paths), paths
        for path in paths:
            page.goto(f"{url}/{path}?lang={lang}&network=copenhagen")
            expect(page.get_by_role("main").get_by_role("heading", level=1)).to_be_visible(timeout=30000)
            if path == "":
                wait_for_map(page)
            settle(page)
            check_all(page, f"{lang} {path or 'map'}", problems)
        # Snapshots with the sample series: comparison tables, the compare map, the charts.
        page.goto(f"{url}/snapshots?lang={lang}&network=copenhagen")
        page.locator(".st-key-snap_sample_btn button").click(timeout=30000)
        page.frame_locator("iframe").first.locator("html[data-stable=true]").wait_for(state="attached", timeout=30000)
        page.locator("[data-testid='stVegaLiteChart']").first.wait_for(timeout=30000)
        settle(page)
        assert check_all(page, f"{lang} snapshots, a series", problems) != 1, "the compare map was not checked"
        # The map editor with an actor's panel open (clicked on the map; a click that lands
        # while Streamlit is still busy with the page's first runs is clicked again).
        page.goto(f"{url}/?lang={lang}&network=copenhagen")
        wait_for_map(page)
        settle(page)
        heading = page.locator(".st-key-map_panel").get_by_role("heading", name="Lokalbibliotek")
        for _ in range(3):
            place = page.evaluate(PLACE, "bibliotek")
            page.mouse.click(place["x"], place["y"])
            try:
                heading.wait_for(timeout=5000)
                break
            except PlaywrightTimeoutError:
                continue
        expect(heading).to_be_visible()
        settle(page)
        check_all(page, f"{lang} map, panel of Lokalbibliotek", problems)
        # The quick form to add a tie, and the sidebar's "New network" (the first screen's three
        # ways in), each in its dialog.
        for button, where in (
            (QUICK_TIE, "map, the dialog to add a tie"),
            (NEW_NETWORK, "the dialog for a new network"),
        ):
            page.get_by_role("button", name=button[lang]).click()
            page.get_by_role("dialog").locator("[data-testid='stForm']").wait_for(timeout=15000)
            settle(page)
            check_all(page, f"{lang} {where}", problems)
            page.keyboard.press("Escape")
            expect(page.get_by_role("dialog")).to_have_count(0)
        # Editing switched off: the exported map, in Streamlit's iframe (axe runs in it too).
        page.get_by_text(EDIT[lang]).click()
        page.frame_locator("iframe").first.locator("html[data-stable=true]").wait_for(state="attached", timeout=30000)
        settle(page)
        assert check_all(page, f"{lang} map, editing off", problems) != 1, "the map's iframe was not checked"
        assert errors == []
    assert not problems, "\n".join(problems)


def test_the_first_screen_of_an_empty_workspace_passes_axe(tmp_path):
    from playwright.sync_api import expect

    axe.require()  # before the minutes of starting a browser
    problems = []
    with running_app(tmp_path, seed=False) as (page, url, _workspace, errors):
        for lang in ("en", "da"):
            page.goto(f"{url}/?lang={lang}")
            expect(page.get_by_text(WELCOME[lang])).to_be_visible(timeout=30000)
            settle(page)
            check_all(page, f"{lang} first screen", problems)
        assert errors == []
    assert not problems, "\n".join(problems)


def test_the_exported_maps_pass_axe(tmp_path):
    from playwright.sync_api import sync_playwright

    axe.require()  # before the minutes of starting a browser
    problems = []
    series = SAMPLES / "copenhagen_series"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for lang in ("en", "da"):
            for kind, extra in (("map", []), ("compare", ["--compare-to", str(series / "2016-03-01_start.json")])):
                out = tmp_path / f"{kind}_{lang}.html"
                cmd = [
                    sys.executable,
                    "-m",
                    "netmap",
                    "export",
                    str(series / "2017-09-01_workshops.json"),
                    "-o",
                    str(out),
                ]
                r = subprocess.run(cmd + ["--lang", lang] + extra, capture_output=True, text=True, cwd=ROOT)
                assert r.returncode == 0, r.stderr
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                page.goto(out.as_uri())
                page.locator("html[data-stable=true]").wait_for(state="attached", timeout=30000)
                check_all(page, f"{lang} exported {kind}", problems)
                page.close()
        browser.close()
    assert not problems, "\n".join(problems)
