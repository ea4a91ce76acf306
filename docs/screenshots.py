"""The README's screenshots of the app, in English and Danish, at 1280x800:
``python docs/screenshots.py [first_screen] [map_panel] [history]`` (all when none is named).

Each screen is taken in real Chromium (Playwright, /usr/bin/chromium) of the app started on a
throw-away workspace the way the browser tests start it (``running_app`` in
tests/test_app_browser.py):

- ``first_screen_LANG.png``: the first screen of a new, empty workspace;
- ``map_panel_LANG.png``: the Map page of the Copenhagen sample with an actor's panel open
  (the actor clicked on the editable map);
- ``history_LANG.png``: the History page after a few edits.

The PNGs are written to docs/ with at most 256 colours, so that they stay small.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from netmap.ui.edits import add_actor, add_tie, with_positions  # noqa: E402
from netmap.workspace import Workspace  # noqa: E402
from tests.test_app_browser import running_app  # noqa: E402
from tests.test_map_editor_browser import PLACE, wait_for_map  # noqa: E402

DOCS = ROOT / "docs"
SIZE = {"width": 1280, "height": 800}
LANGS = {"en": "en-GB", "da": "da-DK"}
#: What each language calls the open network on the page: the text to wait for.
COUNTS = {"en": "copenhagen: {a} actors, {t} ties", "da": "copenhagen: {a} aktører, {t} relationer"}


def save(page, name):
    """A screenshot of the window as ``docs/NAME`` with at most 256 colours."""
    from PIL import Image

    path = DOCS / name
    page.screenshot(path=str(path))
    Image.open(path).convert("RGB").quantize(256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)
    print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KB")


def settle(page, *shown):
    """Wait until the app has finished its run, the locators ``shown`` are visible, no widget is
    still a placeholder (its code loading) and the page has stopped moving."""
    for locator in shown:
        locator.first.wait_for(state="visible", timeout=60000)
    page.wait_for_load_state("networkidle")
    page.locator("[data-testid='stStatusWidget']").wait_for(state="hidden", timeout=60000)
    page.wait_for_function("() => !document.querySelector(\"[data-testid='stSkeleton']\")", timeout=60000)
    page.wait_for_timeout(2000)


def open_app(lang, folder, seed):
    """The app on a new workspace in ``folder`` (the samples when ``seed``), in a 1280x800
    window in ``lang``, in Copenhagen's time zone."""
    return running_app(folder, seed=seed, viewport=SIZE, locale=LANGS[lang], timezone_id="Europe/Copenhagen")


def first_screen(lang):
    from playwright.sync_api import expect

    with tempfile.TemporaryDirectory() as folder, open_app(lang, Path(folder), False) as (page, url, _ws, _errors):
        page.goto(f"{url}/?lang={lang}")
        expect(page.locator("[data-testid='stForm']").first).to_be_visible(timeout=30000)
        settle(
            page, page.locator("[data-testid='stTextInput'] input"), page.locator("[data-testid='stDownloadButton']")
        )
        save(page, f"first_screen_{lang}.png")


def map_panel(lang):
    from playwright.sync_api import expect

    with tempfile.TemporaryDirectory() as folder, open_app(lang, Path(folder), True) as (page, url, _ws, _errors):
        page.goto(f"{url}/?lang={lang}&network=copenhagen")
        expect(page.get_by_text(COUNTS[lang].format(a=21, t=36))).to_be_visible(timeout=30000)
        wait_for_map(page)
        place = page.evaluate(PLACE, "bibliotek")
        page.mouse.click(place["x"], place["y"])
        box = page.locator(".netmap-editor canvas").bounding_box()
        page.mouse.move(box["x"] + 15, box["y"] + 15)  # on an empty corner of the map: no tooltip
        page.wait_for_timeout(500)
        expect(page.locator(".st-key-map_panel").get_by_role("heading", name="Lokalbibliotek")).to_be_visible(
            timeout=15000
        )
        settle(page, page.locator("[data-testid='stSelectbox']"), page.locator(".st-key-map_panel input"))
        save(page, f"map_panel_{lang}.png")


def edited(workspace):
    """The Copenhagen sample after four edits, as a coordinator might make them in a meeting."""
    ws = Workspace(workspace, seed=True)
    net = ws.load("copenhagen")
    net = add_actor(net, id="aftenskole", name="Aftenskole Østerbro", sector="civil", kind="evening_school")
    net = with_positions(net)  # placed as the app places a new actor
    ws.save("copenhagen", net)
    net = add_tie(net, source="aftenskole", target="bibliotek", kind="collaboration", strength=2.0)
    ws.save("copenhagen", net)
    net.actor("bibliotek").name = "Østerbro Bibliotek"
    ws.save("copenhagen", net)
    net.ties[-1].strength = 3.0
    ws.save("copenhagen", net)
    return len(net.actors), len(net.ties)


def history(lang):
    from playwright.sync_api import expect

    with tempfile.TemporaryDirectory() as folder:
        actors, ties = edited(Path(folder) / "ws.sqlite")
        with open_app(lang, Path(folder), False) as (page, url, _ws, _errors):
            page.goto(f"{url}/history?lang={lang}&network=copenhagen")
            expect(page.get_by_text(COUNTS[lang].format(a=actors, t=ties))).to_be_visible(timeout=30000)
            expect(page.locator(".st-key-history_rev_1")).to_be_visible(timeout=15000)
            settle(page, page.locator(".st-key-history_rev_4 [data-testid='stButton']"))
            save(page, f"history_{lang}.png")


SCREENS = {"first_screen": first_screen, "map_panel": map_panel, "history": history}


def main(names):
    """Make the screens ``names`` (all when empty) in every language."""
    for name in names or SCREENS:
        for lang in LANGS:
            SCREENS[name](lang)


if __name__ == "__main__":
    main(sys.argv[1:])
