"""The app in a real browser: ``streamlit run`` on a free loopback port, driven by Chromium
through Playwright. An actor added in the browser survives a reload and a server restart."""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from netmap.workspace import Workspace

ROOT = Path(__file__).parent.parent
CHROMIUM = "/usr/bin/chromium"
#: Chromium's switches for every browser test and benchmark. ``WebUIOmniboxPopup`` off: Debian's
#: Chromium 156, headless, gives every new page a window with an omnibox popup drawn as a web page
#: (chrome://omnibox-popup.top-chrome) in a renderer process of its own; a trace showed it busy
#: for about 0.5 s of CPU per new page, beside the page under test, on this 2-core machine.
#: That is the browser's own window, not the page: a person's browser has its window open already.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-features=WebUIOmniboxPopup",
]

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs /usr/bin/chromium")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port, workspace, log, address="127.0.0.1", options=(), root=ROOT):
    """``streamlit run app.py`` on ``port``; ``address=None`` keeps the committed
    .streamlit/config.toml's address; ``options`` are more of streamlit's (``--secrets.files``);
    ``root``: another checkout of netmap to run (its own netmap package first on the path)."""
    env = dict(os.environ, NETMAP_WORKSPACE=str(workspace))
    if root != ROOT:
        env["PYTHONPATH"] = str(root)
    where = ["--server.address", address] if address else []
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port), *where, *options],
        cwd=root,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("streamlit exited early")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1):
                return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("streamlit did not answer /_stcore/health")


def stop_server(proc):
    proc.kill()
    proc.wait(timeout=10)


def test_first_screen_and_an_added_actor_survives_reload_and_restart(tmp_path):
    from playwright.sync_api import expect, sync_playwright

    workspace = tmp_path / "ws.sqlite"
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    log = open(tmp_path / "server.log", "w")
    server = start_server(port, workspace, log)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=CHROMIUM,
                args=ARGS,
            )
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            outside = []
            page.on(
                "request",
                lambda r: (
                    outside.append(r.url)
                    if not r.url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:"))
                    else None
                ),
            )
            page.goto(url)
            # The first screen of a new, empty workspace: three ways in. Open a sample as your own copy,
            # named by the sample's title.
            expect(page.get_by_text("Welcome to netmap")).to_be_visible(timeout=30000)
            expect(page.get_by_text("Start a new network")).to_be_visible()
            page.screenshot(path=str(tmp_path / "first_screen.png"))
            assert Workspace(workspace).names() == []
            page.get_by_role("button", name="Open a copy").click()
            expect(page.get_by_text("Copenhagen: 21 actors, 36 ties", exact=True)).to_be_visible(timeout=30000)
            expect(page.locator(".netmap-editor canvas")).to_be_visible(timeout=15000)
            expect(page.get_by_text("Copenhagen: every change is saved.", exact=True)).to_be_visible()

            form = quick_form(page, "Add an actor")
            form.get_by_label("Name").fill("Aftenskole Østerbro")
            form.get_by_role("button", name="Add actor").click()
            expect(page.get_by_text("Copenhagen: 22 actors, 36 ties", exact=True)).to_be_visible(timeout=15000)
            assert "aftenskole_østerbro" in Workspace(workspace).load("Copenhagen").actor_ids

            page.reload()
            expect(page.get_by_text("Copenhagen: 22 actors, 36 ties", exact=True)).to_be_visible(timeout=30000)

            stop_server(server)
            server = start_server(port, workspace, log)
            page.goto(url)
            expect(page.get_by_text("Copenhagen: 22 actors, 36 ties", exact=True)).to_be_visible(timeout=30000)
            page.wait_for_function(
                "() => globalThis.netmapEditor?.body.data.nodes.get('a:aftenskole_østerbro')?.name === 'Aftenskole Østerbro'",
                timeout=15000,
            )
            browser.close()
            assert outside == []
    finally:
        stop_server(server)
        log.close()


def test_the_apps_map_draws_ids_that_are_javascript_property_names(tmp_path):
    from playwright.sync_api import expect

    from tests.test_export_browser import NON_BLANK, PROTO_IDS, proto_network

    Workspace(tmp_path / "ws.sqlite").create("proto", proto_network())
    with running_app(tmp_path, seed=False) as (page, url, _workspace, errors):
        page.goto(f"{url}/")
        expect(page.get_by_text("proto: 7 actors, 7 ties")).to_be_visible(timeout=30000)
        # The editable map draws them (its node ids are "a:" and the actor's id) ...
        page.wait_for_function("() => globalThis.netmapEditor?.body.data.nodes.length === 7", timeout=30000)
        drawn = page.evaluate("globalThis.netmapEditor.body.data.nodes.getIds().map(i => i.slice(2))")
        assert sorted(drawn) == sorted(PROTO_IDS + ["plain"])
        # ... and so does the exported map, shown when editing is switched off.
        page.get_by_text("Edit on the map").click()
        frame = page.frame_locator("iframe").first
        frame.locator("html[data-stable=true]").wait_for(state="attached", timeout=30000)
        page.wait_for_timeout(300)
        inner = next(f for f in page.frames if f != page.main_frame and f.query_selector("#graph"))
        assert inner.evaluate(NON_BLANK) > 1000
        drawn = inner.evaluate("window.netmapActorIds(window.netmapNetwork.body.data.nodes.getIds())")
        assert sorted(drawn) == sorted(PROTO_IDS + ["plain"])
        assert errors == []


# Safety for bulk edits (issue 10), in the real data grid.


@contextlib.contextmanager
def running_app(tmp_path, seed=True, **page_options):
    """The app on a workspace (holding the samples when ``seed``), in Chromium:
    ``(page, url, workspace, page errors)``. ``page_options`` go to Playwright's ``new_page``
    (a 1400x1000 window unless ``viewport`` is given; ``timezone_id``, ...). The one way the
    browser tests and docs/screenshots.py start the app."""
    from playwright.sync_api import sync_playwright

    workspace = tmp_path / "ws.sqlite"
    if seed:
        Workspace(workspace, seed=True)
    port = free_port()
    log = open(tmp_path / "server.log", "w")
    server = start_server(port, workspace, log)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(**{"viewport": {"width": 1400, "height": 1000}, **page_options})
            errors = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            yield page, f"http://127.0.0.1:{port}", workspace, errors
            browser.close()
    finally:
        stop_server(server)
        log.close()


def quick_form(page, title):
    """The Map page's quick form ``title`` ("Add an actor", "Add a tie") in its dialog, opened
    with its button below the map unless it is open."""
    dialog = page.get_by_role("dialog").filter(has_text=title)
    if not dialog.count():
        page.get_by_role("button", name=f"{title} with a form").click()
    form = dialog.locator("[data-testid='stForm']")
    form.wait_for(timeout=15000)
    return form


@pytest.fixture
def app_page(tmp_path):
    """``(page, url, workspace)``: the app on a workspace holding the samples, in Chromium."""
    with running_app(tmp_path) as (page, url, workspace, _errors):
        yield page, url, workspace


def _grid(page, url, path):
    from playwright.sync_api import expect

    page.goto(f"{url}/{path}")
    expect(page.get_by_text("copenhagen: 21 actors, 36 ties")).to_be_visible(timeout=30000)
    grid = page.locator("[data-testid='stDataFrame']").first
    expect(grid).to_be_visible(timeout=15000)
    page.wait_for_timeout(500)  # the grid draws on a canvas after it shows
    return grid.bounding_box()


def test_ctrl_a_and_delete_in_the_actors_table_is_refused_and_saves_nothing(app_page):
    """Ctrl+A then Delete blanks every name: an actor always has a name, so the edit is refused,
    naming the first actor by its old name, and nothing is offered for confirmation (the summary
    and its confirmation with blanked values are tests/test_app.py's)."""
    from playwright.sync_api import expect

    page, url, workspace = app_page
    before = Workspace(workspace, seed=False).load("copenhagen")
    box = _grid(page, url, "actors")
    page.mouse.click(box["x"] + 250, box["y"] + 55)  # a Name cell
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")
    refusal = page.get_by_text('Actor "Lavuk Stjernen (ledelse)": column "Name": the name cannot be empty')
    expect(refusal).to_be_visible(timeout=15000)
    expect(page.get_by_text("Not saved; the last valid version is kept.")).to_be_visible()
    expect(page.get_by_role("button", name="Save these changes")).to_have_count(0)
    page.wait_for_timeout(1000)
    ws = Workspace(workspace, seed=False)
    assert ws.revision("copenhagen") == 1 and ws.load("copenhagen") == before
    page.get_by_role("button", name="Discard my unsaved changes").click()
    expect(refusal).to_have_count(0, timeout=15000)
    assert Workspace(workspace, seed=False).revision("copenhagen") == 1


def test_strength_7_in_the_ties_table_is_refused_not_clamped(tmp_path):
    """As a Danish coordinator's browser (da-DK, 1280x720): strength 7 typed in the Ties table
    reaches the app's check (the column has no maximum that would put the old value back
    silently), and the refusal naming the tie shows below the table, in view; nothing is saved."""
    from playwright.sync_api import expect

    with running_app(tmp_path, viewport={"width": 1280, "height": 720}, locale="da-DK") as (page, url, workspace, _e):
        page.goto(f"{url}/ties")
        expect(page.get_by_text("copenhagen: 21 aktører, 36 relationer")).to_be_visible(timeout=30000)
        grid = page.locator("[data-testid='stDataFrame']").first
        expect(grid).to_be_visible(timeout=15000)
        page.wait_for_timeout(500)  # the grid draws on a canvas after it shows
        box = grid.bounding_box()
        page.mouse.click(box["x"] + 60, box["y"] + 55)  # the first row's From cell
        page.wait_for_timeout(300)
        for _ in range(3):  # From, To, Kind of tie, Strength
            page.keyboard.press("ArrowRight")
        page.wait_for_timeout(300)
        page.keyboard.type("7")  # typing on a cell edits it
        page.wait_for_timeout(300)
        page.keyboard.press("Enter")
        refusal = page.get_by_text(
            'Relationen "Lavuk Stjernen (ledelse) – Koordinator, Lavuk Stjernen": '
            "Styrke skal være fra 1 (svag) til 3 (stærk), ikke 7."
        )
        expect(refusal).to_be_visible(timeout=15000)
        expect(refusal).to_be_in_viewport()
        expect(page.get_by_text("Ikke gemt; den sidste gyldige version bevares.")).to_be_visible()
        page.wait_for_timeout(500)
        ws = Workspace(workspace, seed=False)
        assert ws.revision("copenhagen") == 1 and 7 not in [t.strength for t in ws.load("copenhagen").ties]


def test_a_double_click_on_add_actor_adds_one_actor_and_clears_the_form(app_page):
    from playwright.sync_api import expect

    page, url, workspace = app_page
    page.goto(f"{url}/")
    expect(page.get_by_text("copenhagen: 21 actors, 36 ties")).to_be_visible(timeout=30000)
    form = quick_form(page, "Add an actor")
    form.get_by_label("Name").fill("Dobbeltklik")
    form.get_by_role("button", name="Add actor").dblclick()
    expect(page.get_by_text("copenhagen: 22 actors, 36 ties")).to_be_visible(timeout=15000)
    page.wait_for_timeout(2000)  # time for a second add, if there were one
    expect(page.get_by_text("copenhagen: 22 actors, 36 ties")).to_be_visible()
    ids = Workspace(workspace, seed=False).load("copenhagen").actor_ids
    assert "dobbeltklik" in ids and "dobbeltklik_2" not in ids
    expect(form.get_by_label("Name")).to_have_value("")  # open for the next actor, cleared
    expect(page.get_by_role("dialog").get_by_text("Added Dobbeltklik.")).to_be_visible()
    # Esc closes it, and it stays closed when the page runs again. (Pressed once the run is over:
    # an Esc during a run can be lost while the dialog is drawn again; its Close button is sure.)
    page.locator("[data-testid='stStatusWidget']").wait_for(state="detached", timeout=30000)
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_have_count(0)
    page.get_by_text("Draw a tie", exact=True).first.click()
    expect(page.locator(".netmap-status")).to_contain_text("Click the actor the tie starts from", timeout=15000)
    page.wait_for_timeout(1000)
    expect(page.get_by_role("dialog")).to_have_count(0)


def test_a_language_switch_relabels_the_selects_and_stays_with_its_browser(tmp_path):
    """The Map page's select shows its choice in Danish at once after the switch (the browser
    holds the label it showed, so the app must send the new one); a colleague's new browser on
    the same workspace still opens in English."""
    from playwright.sync_api import expect

    with running_app(tmp_path) as (page, url, _workspace, _errors):
        page.goto(f"{url}/")
        expect(page.get_by_text("copenhagen: 21 actors, 36 ties")).to_be_visible(timeout=30000)
        colour_by = page.locator("[data-testid='stSelectbox']").filter(has_text="Colour by")
        colour_by.click()
        page.get_by_role("option", name="Level", exact=True).click()
        expect(colour_by.locator("input").first).to_have_value("Level")
        page.get_by_text("Dansk").click()
        expect(page.get_by_text("copenhagen: 21 aktører, 36 relationer")).to_be_visible(timeout=30000)
        colour_by = page.locator("[data-testid='stSelectbox']").filter(has_text="Farve efter")
        expect(colour_by.locator("input").first).to_have_value("Niveau", timeout=10000)
        colleague = page.context.browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        colleague.goto(f"{url}/")
        expect(colleague.get_by_text("copenhagen: 21 actors, 36 ties")).to_be_visible(timeout=30000)
        page.reload()  # the first person keeps Danish: it is in their address
        expect(page.get_by_text("copenhagen: 21 aktører, 36 relationer")).to_be_visible(timeout=30000)


def test_an_actor_is_added_with_the_keyboard_alone(app_page):
    """Enter on "Add an actor with a form" opens its dialog with the focus in its Name field; a
    name typed and Enter add the actor, the dialog says so and stays open, and the focus is in
    the cleared Name field again, for the next one. No Tab, no click."""
    from playwright.sync_api import expect

    page, url, workspace = app_page
    page.goto(f"{url}/")
    expect(page.get_by_text("copenhagen: 21 actors, 36 ties")).to_be_visible(timeout=30000)
    page.locator("[data-testid='stStatusWidget']").wait_for(state="detached", timeout=30000)
    page.get_by_role("button", name="Add an actor with a form").focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_label("Name")).to_be_visible(timeout=15000)
    expect(dialog.get_by_label("Name")).to_be_focused(timeout=15000)
    page.keyboard.type("Tastatur Aktør")
    page.keyboard.press("Enter")
    expect(page.get_by_text("copenhagen: 22 actors, 36 ties")).to_be_visible(timeout=15000)
    expect(dialog.get_by_text("Added Tastatur Aktør.")).to_be_visible(timeout=15000)
    expect(dialog.get_by_label("Name")).to_have_value("")
    expect(dialog.get_by_label("Name")).to_be_focused(timeout=15000)  # the new, cleared field
    page.keyboard.type("Tastatur To")
    page.keyboard.press("Enter")
    expect(dialog.get_by_text("Added Tastatur To.")).to_be_visible(timeout=15000)
    saved = Workspace(workspace, seed=False).load("copenhagen")
    assert saved.actor("tastatur_aktør").name == "Tastatur Aktør" and saved.actor("tastatur_to").name == "Tastatur To"


def test_the_add_actor_dialog_fits_an_office_laptops_window(app_page):
    """At 1280x720, in Danish, the quick form's buttons are in the window without scrolling (they
    were below it: sector, level and scope now sit side by side)."""
    from playwright.sync_api import expect

    page, url, _workspace = app_page
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{url}/?lang=da")
    expect(page.get_by_text("copenhagen: 21 aktører, 36 relationer")).to_be_visible(timeout=30000)
    page.get_by_role("button", name="Tilføj en aktør med en formular").click()
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_label("Navn")).to_be_focused(timeout=15000)
    for name in ("Tilføj aktør", "Færdig"):
        box = dialog.get_by_role("button", name=name).bounding_box()
        assert box["y"] + box["height"] <= 720, name
