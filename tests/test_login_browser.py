"""Shared mode in a real browser (issue 12): Streamlit's ``st.login`` against a real OpenID Connect
provider (the ``oidc-provider-mock`` package, its own process on loopback), two people in two
Chromium contexts: alice owns the network and edits it, bob only views it."""

import contextlib
import json
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from netmap.workspace import Workspace
from tests import axe
from tests.test_accessibility_browser import settle
from tests.test_app_browser import ARGS, CHROMIUM, free_port, quick_form, start_server, stop_server

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs /usr/bin/chromium")

USERS = [
    {"sub": "alice", "email": "alice@example.org", "name": "Alice Andersen"},
    {"sub": "bob", "email": "bob@example.org", "name": "Bob Berg"},
]


@contextlib.contextmanager
def oidc_provider(log):
    """``oidc-provider-mock`` on a free loopback port, knowing alice and bob; its address."""
    port = free_port()
    claims = [arg for user in USERS for arg in ("--user-claims", json.dumps(user))]
    command = [sys.executable, "-m", "oidc_provider_mock", "--host", "127.0.0.1", "--port", str(port), *claims]
    proc = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{url}/.well-known/openid-configuration", timeout=1):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("oidc-provider-mock did not start") from None
                time.sleep(0.2)
        yield url
    finally:
        proc.kill()
        proc.wait(timeout=10)


def secrets_file(path, app_port, provider):
    path.write_text(
        f"""[auth]
redirect_uri = "http://127.0.0.1:{app_port}/oauth2callback"
cookie_secret = "a secret for this test only, long enough"
client_id = "netmap-test"
client_secret = "netmap-test-secret"
server_metadata_url = "{provider}/.well-known/openid-configuration"

[netmap]
admins = []
""",
        encoding="utf-8",
    )
    return path


def log_in(browser, url, sub):
    """A new browser context (its own cookies) logged in as ``sub``; its page."""
    from playwright.sync_api import expect

    page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    page.goto(f"{url}/?lang=en")
    page.get_by_role("button", name="Log in").click(timeout=30000)
    page.locator("input[name=sub]").fill(sub, timeout=30000)
    page.get_by_role("button", name="Authorize").click()
    expect(page.get_by_text("Logged in as")).to_be_visible(timeout=30000)
    return page


def test_an_owner_edits_and_a_viewer_only_sees_after_a_real_login(tmp_path):
    from playwright.sync_api import expect, sync_playwright

    axe.require()
    workspace = tmp_path / "ws.sqlite"
    ws = Workspace(workspace)  # the command line on the server: an administrator
    ws.add_sample("copenhagen")
    ws.add_sample("fredericia")
    ws.grant("copenhagen", "alice@example.org", "owner")
    ws.grant("copenhagen", "bob@example.org", "viewer")
    log = open(tmp_path / "server.log", "w")
    port = free_port()
    with oidc_provider(log) as provider:
        secrets = secrets_file(tmp_path / "secrets.toml", port, provider)
        server = start_server(port, workspace, log, options=["--secrets.files", str(secrets)])
        url = f"http://127.0.0.1:{port}"
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                # Before the login: the login screen only, and it passes axe.
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                page.goto(f"{url}/actors")
                expect(page.get_by_role("button", name="Log in")).to_be_visible(timeout=30000)
                settle(page)
                assert page.get_by_text("copenhagen").count() == 0
                axe.check(page, "the login screen")
                page.close()

                alice = log_in(browser, url, "alice")
                expect(alice.get_by_text("Logged in as Alice Andersen (alice@example.org)")).to_be_visible()
                expect(alice.get_by_text("copenhagen: 21 actors, 36 ties")).to_be_visible(timeout=30000)
                form = quick_form(alice, "Add an actor")
                form.get_by_label("Name").fill("Aftenskole Østerbro")
                form.get_by_role("button", name="Add actor").click()
                expect(alice.get_by_text("copenhagen: 22 actors, 36 ties")).to_be_visible(timeout=15000)
                rev, _saved, author = Workspace(workspace).revisions("copenhagen", limit=1)[0]
                assert (rev, author) == (2, "alice@example.org")
                alice.goto(f"{url}/history")
                expect(alice.get_by_text("by alice@example.org").first).to_be_visible(timeout=30000)
                settle(alice)
                axe.check(alice, "the history with its authors")

                bob = log_in(browser, url, "bob")
                expect(bob.get_by_text("Logged in as Bob Berg (bob@example.org)")).to_be_visible()
                expect(bob.get_by_text("copenhagen: 22 actors, 36 ties")).to_be_visible(timeout=30000)
                expect(bob.get_by_text("You can view this network; ask its owner to let you edit.")).to_be_visible()
                bob.frame_locator("iframe").first.locator("html[data-stable=true]").wait_for(
                    state="attached", timeout=30000
                )  # the map, as a picture to look at
                settle(bob)
                for control in ("Add actor", "Add tie", "Undo", "Redo", "Add an actor with a form"):
                    assert bob.get_by_role("button", name=control).count() == 0, control
                assert bob.get_by_text("Edit on the map").count() == 0
                assert bob.get_by_text("fredericia").count() == 0  # not shared with bob
                axe.check(bob, "a viewer's map")
                bob.goto(f"{url}/actors")
                expect(bob.get_by_text("You can view this network; ask its owner to let you edit.")).to_be_visible(
                    timeout=30000
                )
                settle(bob)
                axe.check(bob, "a viewer's actors")
                bob.get_by_role("button", name="Log out").click()
                bob.get_by_role("button", name="End session").click(timeout=30000)  # the provider's page
                expect(bob.get_by_role("button", name="Log in")).to_be_visible(timeout=30000)
                expect(bob.get_by_text("copenhagen")).to_have_count(0)
                browser.close()
        finally:
            stop_server(server)
            log.close()
    assert Workspace(workspace).revision("copenhagen") == 2  # bob changed nothing
