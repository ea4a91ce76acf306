"""No ids to invent, a way in, safety for bulk edits (issue 10) in a real browser: a new network
with its language, a pasted list of names, two actors merged, the add-tie form's double click,
and undo said in words. ``streamlit run`` on a loopback port, driven by Chromium."""

from pathlib import Path

import pytest

from netmap.workspace import Workspace
from tests.test_app_browser import CHROMIUM, quick_form, running_app
from tests.test_map_editor_browser import wait_for_map

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs /usr/bin/chromium")


def choose(page, select, option):
    """Pick ``option`` (its text as shown) in the select labelled ``select``."""
    box = page.locator("[data-testid='stSelectbox']").filter(has_text=select).last
    page.wait_for_timeout(800)  # an expander just opened, or a rerun, may still be moving things
    box.locator("input").first.click()
    page.keyboard.type(option[:6])  # a select finds its options as one types
    page.get_by_role("option", name=option, exact=True).click()


def test_start_a_new_network_in_danish_from_the_first_screen(tmp_path):
    from playwright.sync_api import expect

    with running_app(tmp_path, seed=False) as (page, url, workspace, errors):
        page.goto(f"{url}/")
        expect(page.get_by_text("Welcome to netmap")).to_be_visible(timeout=30000)
        form = page.locator("[data-testid='stForm']").filter(has_text="Start a new network")
        form.get_by_label("Name").fill("Kultur for alle")
        form.get_by_role("spinbutton", name="year, Date the map describes").click()
        page.keyboard.type("20250301")  # year, month, day: each part moves on to the next
        page.keyboard.press("Escape")  # the calendar closes
        form.get_by_text("Dansk").click()
        form.get_by_role("button", name="Start").click()
        expect(page.get_by_text("Kultur for alle: 0 aktører, 0 relationer")).to_be_visible(timeout=30000)
        expect(page.get_by_text("Netværket Kultur for alle er oprettet.")).to_be_visible()
        ws = Workspace(workspace, seed=False)
        assert ws.language("Kultur for alle") == "da"
        assert ws.load("Kultur for alle").date == "2025-03-01"
        assert errors == []


def test_paste_names_merge_two_actors_and_undo_in_words(tmp_path):
    from playwright.sync_api import expect

    with running_app(tmp_path) as (page, url, workspace, errors):
        ws = Workspace(workspace, seed=False)
        page.goto(f"{url}/actors")
        expect(page.get_by_text("copenhagen: 21 actors, 36 ties")).to_be_visible(timeout=30000)
        # Paste a list: the preview says what is added and what is not, before anything is saved.
        page.get_by_text("Add many actors at once: paste a list of names").click()
        names = page.get_by_label("Names, one per line")
        names.fill("Aftenskole Ølby\n\nBiblioteket\nFrivilligcenter\nbiblioteket\n")
        page.get_by_role("button", name="Check the list").click()  # no Ctrl+Enter to know of
        expect(page.get_by_text("2 actors will be added:")).to_be_visible(timeout=15000)
        expect(
            page.get_by_text("1 name is in the network already and is not added again: Frivilligcenter")
        ).to_be_visible()
        expect(page.get_by_text("1 name is listed more than once and is added once: biblioteket")).to_be_visible()
        expect(page.get_by_text("1 blank line is skipped.")).to_be_visible()
        choose(page, "Sector", "civil")
        assert ws.revision("copenhagen") == 1
        page.get_by_role("button", name="Add 2 actors").click()
        # in a toast, in sight after a list added far down the page
        expect(
            page.get_by_test_id("stToast").get_by_text("Added 2 actors: Aftenskole Ølby; Biblioteket.")
        ).to_be_in_viewport(timeout=15000)
        expect(page.get_by_text("copenhagen: 23 actors, 36 ties")).to_be_visible()
        added = ws.load("copenhagen").actors[-2:]
        assert [(a.id, a.name, a.sector) for a in added] == [
            ("aftenskole_ølby", "Aftenskole Ølby", "civil"),
            ("biblioteket", "Biblioteket", "civil"),
        ]
        assert ws.revision("copenhagen") == 2
        # Merge two actors chosen by name: the cascade is shown, then saved as one revision.
        page.get_by_text("Merge two actors that are the same").click()
        choose(page, "Keep", "Lavuk Stjernen (ledelse)")
        choose(page, "Merge into it, then remove", "Koordinator, Lavuk Stjernen")
        expect(
            page.get_by_text("Koordinator, Lavuk Stjernen is removed; from now on it is Lavuk Stjernen (ledelse).")
        ).to_be_visible(timeout=15000)
        expect(page.get_by_text("1 tie becomes a duplicate and is joined:")).to_be_visible()
        assert ws.revision("copenhagen") == 2
        page.get_by_role("button", name="Merge Koordinator, Lavuk Stjernen into Lavuk Stjernen (ledelse)").click()
        expect(
            page.get_by_test_id("stToast").get_by_text(
                "Merged Koordinator, Lavuk Stjernen into Lavuk Stjernen (ledelse)."
            )
        ).to_be_visible(timeout=15000)
        assert ws.revision("copenhagen") == 3 and "lavuk_koordinator" not in ws.load("copenhagen").actor_ids
        # Undo says what it undid, in words: the merge, with the ties of the merged actor that moved
        # (all but those with the kept one, counted from the revision before).
        n = sum(
            1
            for t in ws.load("copenhagen", 2).ties
            if "lavuk_koordinator" in (t.source, t.target) and "lavuk_ledelse" not in (t.source, t.target)
        )
        page.get_by_role("button", name="Undo").click()
        undone = f"Undone: merged Koordinator, Lavuk Stjernen into Lavuk Stjernen (ledelse) ({n} ties moved);"
        expect(page.get_by_text(undone).first).to_be_visible(timeout=15000)
        assert "lavuk_koordinator" in ws.load("copenhagen").actor_ids
        assert errors == []


def choose_ends(page, form, source, target):
    """Choose the two actors of the quick tie form by their names, as a user does."""
    for label, name in (("From", source), ("To", target)):
        form.locator("[data-testid='stSelectbox']").filter(has=page.get_by_text(label, exact=True)).click()
        page.get_by_role("option", name=name, exact=True).click()


def test_a_double_click_on_add_tie_adds_one_tie_and_clears_the_form(tmp_path):
    from playwright.sync_api import expect

    with running_app(tmp_path) as (page, url, workspace, errors):
        page.goto(f"{url}/")
        expect(page.get_by_text("copenhagen: 21 actors, 36 ties")).to_be_visible(timeout=30000)
        wait_for_map(page)  # the map's first runs (its data, then the measures) are over
        expect(page.locator("[data-testid='stStatusWidget']")).to_have_count(0, timeout=15000)
        form = quick_form(page, "Add a tie")
        choose_ends(page, form, "Lavuk Stjernen (ledelse)", "Koordinator, Lavuk Stjernen")
        kind = form.locator("[data-testid='stSelectbox']").filter(has_text="Kind of tie")
        kind.click()
        page.get_by_role("option", name="funding", exact=True).click()
        form.get_by_role("button", name="Add tie").dblclick()
        expect(page.get_by_text("copenhagen: 21 actors, 37 ties")).to_be_visible(timeout=15000)
        page.wait_for_timeout(2000)  # time for a second add, if there were one
        expect(page.get_by_text("copenhagen: 21 actors, 37 ties")).to_be_visible()
        expect(kind.locator("input").first).to_have_value("collaboration")  # the form is cleared
        ws = Workspace(workspace, seed=False)
        assert ws.revision("copenhagen") == 2
        assert [t.kind for t in ws.load("copenhagen").ties].count("funding") == [
            t.kind for t in ws.load("copenhagen", 1).ties
        ].count("funding") + 1
        # Cleared: no actors chosen, so "Add tie" again adds nothing (it once tied the first two
        # actors of the lists, unasked) ...
        form.get_by_role("button", name="Add tie").click()
        expect(page.get_by_role("dialog").get_by_text("Choose two different actors.")).to_be_visible(timeout=15000)
        assert ws.revision("copenhagen") == 2
        # ... and on the server too, not only on the page: the next tie added is a collaboration
        # (these two actors have a formal agreement only).
        choose_ends(page, form, "Lavuk Stjernen (ledelse)", "Koordinator, Lavuk Stjernen")
        form.get_by_role("button", name="Add tie").click()
        expect(page.get_by_text("copenhagen: 21 actors, 38 ties")).to_be_visible(timeout=15000)
        tie = ws.load("copenhagen").ties[-1]
        assert (tie.source, tie.target, tie.kind) == ("lavuk_ledelse", "lavuk_koordinator", "collaboration")
        assert errors == []
