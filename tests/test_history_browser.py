"""History in a real browser (Chromium through Playwright): two edits made in the app are listed in
words, in English and Danish; restoring the earlier one saves its content as a new revision,
read back from the SQLite file."""

import json
import sqlite3
from pathlib import Path

import pytest

from tests.test_app_browser import CHROMIUM, quick_form, running_app

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs /usr/bin/chromium")


def revisions(workspace):
    """``{rev: actor names}`` of copenhagen, and its head, straight from the file."""
    con = sqlite3.connect(workspace)
    try:
        rows = con.execute("SELECT rev, doc FROM revisions WHERE network = 'copenhagen' ORDER BY rev").fetchall()
        head = con.execute("SELECT head FROM networks WHERE name = 'copenhagen'").fetchone()[0]
    finally:
        con.close()
    return {rev: [a["name"] for a in json.loads(doc)["actors"]] for rev, doc in rows}, head


def add_actor(page, name, counts):
    from playwright.sync_api import expect

    form = quick_form(page, "Add an actor")
    form.get_by_label("Name").fill(name)
    form.get_by_role("button", name="Add actor").click()
    expect(page.get_by_text(f"copenhagen: {counts}")).to_be_visible(timeout=15000)
    page.get_by_role("dialog").get_by_role("button", name="Done").click()  # open for the next one
    expect(page.get_by_role("dialog")).to_have_count(0)


def test_two_edits_in_words_in_both_languages_and_restore_the_earlier_one(tmp_path):
    from playwright.sync_api import expect

    with running_app(tmp_path) as (page, url, workspace, errors):
        page.goto(f"{url}/")
        expect(page.get_by_text("copenhagen: 21 actors, 36 ties")).to_be_visible(timeout=30000)
        add_actor(page, "Aftenskole Østerbro", "22 actors, 36 ties")  # revision 2
        page.wait_for_timeout(6000)  # past the double-submit guard
        add_actor(page, "Frivilligcenter Nord", "23 actors, 36 ties")  # revision 3

        page.get_by_role("link", name="History").click()
        expect(page.get_by_role("heading", name="History")).to_be_visible(timeout=30000)
        third, second = page.locator(".st-key-history_rev_3"), page.locator(".st-key-history_rev_2")
        expect(third.get_by_text("Actor added: Frivilligcenter Nord")).to_be_visible(timeout=15000)
        expect(third.get_by_text("current")).to_be_visible()
        expect(second.get_by_text("Actor added: Aftenskole Østerbro")).to_be_visible()
        expect(page.locator(".st-key-history_rev_1").get_by_text("Network started: 21 actors, 36 ties")).to_be_visible()

        page.get_by_text("Dansk").click()
        expect(page.get_by_role("heading", name="Historik")).to_be_visible(timeout=30000)
        expect(third.get_by_text("Aktør tilføjet: Frivilligcenter Nord")).to_be_visible(timeout=15000)
        expect(second.get_by_text("Aktør tilføjet: Aftenskole Østerbro")).to_be_visible()

        second.get_by_role("button", name="Vis").click()
        shown = second  # the network as it was, shown under its revision
        expect(shown.get_by_text("copenhagen: 22 aktører, 36 relationer")).to_be_visible(timeout=15000)
        expect(shown.locator("[data-testid='stDataFrame']")).to_have_count(3)  # key figures, actors, ties

        second.get_by_role("button", name="Gendan som ny version").click()
        expect(second.get_by_text("Gendan version 2?")).to_be_visible(timeout=15000)
        assert revisions(workspace)[1] == 3  # asked, nothing saved yet
        second.get_by_role("button", name="Gendan", exact=True).click()
        expect(page.get_by_text("Version 2 er gendannet som version 4: ")).to_be_visible(timeout=15000)
        expect(page.locator(".st-key-history_rev_4").get_by_text("Aktør fjernet: Frivilligcenter Nord")).to_be_visible()

        docs, head = revisions(workspace)
        assert head == 4 and sorted(docs) == [1, 2, 3, 4]
        assert docs[4] == docs[2] and "Frivilligcenter Nord" not in docs[4] and "Aftenskole Østerbro" in docs[4]
        assert "Frivilligcenter Nord" in docs[3]  # nothing lost
        assert errors == []
