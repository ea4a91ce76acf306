"""The app in a real browser: ``streamlit run`` on a free loopback port, driven by Chromium
through Playwright. An actor added in the browser survives a reload and a server restart."""

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

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs /usr/bin/chromium")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port, workspace, log):
    env = dict(os.environ, NETMAP_WORKSPACE=str(workspace))
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=ROOT,
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
                args=[
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--no-first-run",
                ],
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
            # The first screen: the Copenhagen sample partnership on the (editable) map.
            expect(page.get_by_text("copenhagen: 21 actors, 36 ties")).to_be_visible(timeout=30000)
            expect(page.locator(".netmap-editor canvas")).to_be_visible(timeout=15000)
            page.screenshot(path=str(tmp_path / "first_screen.png"))

            form = page.locator("[data-testid='stForm']").first
            form.get_by_label("Name").fill("Aftenskole Østerbro")
            form.get_by_role("button", name="Add actor").click()
            expect(page.get_by_text("copenhagen: 22 actors, 36 ties")).to_be_visible(timeout=15000)
            assert "aftenskole_østerbro" in Workspace(workspace, seed=False).load("copenhagen").actor_ids

            page.reload()
            expect(page.get_by_text("copenhagen: 22 actors, 36 ties")).to_be_visible(timeout=30000)

            stop_server(server)
            server = start_server(port, workspace, log)
            page.goto(url)
            expect(page.get_by_text("copenhagen: 22 actors, 36 ties")).to_be_visible(timeout=30000)
            page.wait_for_function(
                "() => globalThis.netmapEditor?.body.data.nodes.get('a:aftenskole_østerbro')?.label === 'Aftenskole Østerbro'",
                timeout=15000,
            )
            browser.close()
            assert outside == []
    finally:
        stop_server(server)
        log.close()


def test_the_apps_map_draws_ids_that_are_javascript_property_names(tmp_path):
    from playwright.sync_api import expect, sync_playwright

    from tests.test_export_browser import NON_BLANK, PROTO_IDS, proto_network

    workspace = tmp_path / "ws.sqlite"
    ws = Workspace(workspace, seed=False)
    ws.create("proto", proto_network())
    ws.set_setting("seeded", "1")
    port = free_port()
    log = open(tmp_path / "server.log", "w")
    server = start_server(port, workspace, log)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            errors = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(f"http://127.0.0.1:{port}/")
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
            browser.close()
    finally:
        stop_server(server)
        log.close()
