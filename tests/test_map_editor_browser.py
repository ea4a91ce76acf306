"""The editable map in a real browser (Chromium through Playwright): click an actor and rename it
in its panel; drag an actor, reload, and find it where it was dropped."""

import time
from pathlib import Path

import pytest

from netmap.workspace import Workspace
from tests.test_app_browser import CHROMIUM, ROOT, quick_form, running_app

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs /usr/bin/chromium")

#: An actor's place: on the page (for the mouse) and on the map (vis-network's canvas units).
PLACE = """(actor) => {
  const net = globalThis.netmapEditor, id = "a:" + actor;
  const p = net.getPositions([id])[id], d = net.canvasToDOM(p);
  const r = net.body.container.getBoundingClientRect();
  return {x: r.left + d.x, y: r.top + d.y, mapX: p.x, mapY: p.y};
}"""


@pytest.fixture
def app(tmp_path):
    """``(page, workspace path)``: the app on the Copenhagen sample, its editable map drawn."""
    from playwright.sync_api import expect

    with running_app(tmp_path) as (page, url, workspace, errors):
        page.goto(f"{url}/")
        expect(page.get_by_text("copenhagen: 21 actors, 36 ties")).to_be_visible(timeout=30000)
        wait_for_map(page)
        yield page, workspace
        assert errors == []


def wait_for_map(page):
    page.locator(".netmap-editor canvas").wait_for(timeout=30000)
    page.wait_for_function("() => globalThis.netmapEditor && globalThis.netmapEditor.body.data.nodes.length > 0")
    page.wait_for_timeout(200)


def test_click_an_actor_and_rename_it_in_its_panel(app):
    from playwright.sync_api import expect

    page, workspace = app
    panel = page.locator(".st-key-map_panel")
    expect(panel.get_by_text("Click an actor on the map")).to_be_visible()
    place = page.evaluate(PLACE, "bibliotek")
    page.mouse.click(place["x"], place["y"])
    expect(panel.get_by_role("heading", name="Lokalbibliotek")).to_be_visible(timeout=10000)
    expect(panel.get_by_text("Ties (")).to_be_visible()
    scale = page.evaluate("globalThis.netmapEditor.getScale()")

    panel.get_by_label("Name", exact=True).fill("Hovedbiblioteket")
    panel.get_by_role("button", name="Save changes").click()
    page.wait_for_function(
        "() => globalThis.netmapEditor.body.data.nodes.get('a:bibliotek').label === 'Hovedbiblioteket'", timeout=10000
    )
    expect(panel.get_by_role("heading", name="Hovedbiblioteket")).to_be_visible()
    assert Workspace(workspace, seed=False).load("copenhagen").actor("bibliotek").name == "Hovedbiblioteket"
    # Updated in place: the same zoom, the actor still selected.
    assert page.evaluate("globalThis.netmapEditor.getScale()") == scale
    assert page.evaluate("globalThis.netmapEditor.getSelectedNodes()") == ["a:bibliotek"]


def test_drag_an_actor_reload_and_find_it_where_it_was_dropped(app):
    page, workspace = app
    before = drag(page, "museum", 80, 60)
    dropped = page.evaluate(PLACE, "museum")
    assert dropped["mapX"] > before["mapX"] + 50 and dropped["mapY"] > before["mapY"] + 40
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        saved = Workspace(workspace, seed=False).load("copenhagen").actor("museum")
        if abs(saved.x - before["mapX"]) > 1:
            break
        time.sleep(0.1)
    # vis-network's getPositions rounds to whole units.
    assert (saved.x, saved.y) == pytest.approx((dropped["mapX"], dropped["mapY"]), abs=1)

    page.reload()
    wait_for_map(page)
    after = page.evaluate(PLACE, "museum")
    assert (after["mapX"], after["mapY"]) == pytest.approx((dropped["mapX"], dropped["mapY"]), abs=1)


def drag(page, actor, dx, dy):
    """Drag ``actor`` on the map by (``dx``, ``dy``) px in ten steps; its place before."""
    before = page.evaluate(PLACE, actor)
    page.mouse.move(before["x"], before["y"])
    page.mouse.down()
    for i in range(1, 11):
        page.mouse.move(before["x"] + dx * i / 10, before["y"] + dy * i / 10)
        page.wait_for_timeout(30)
    page.mouse.up()
    return before


def test_a_drag_keeps_the_open_actor_selected_and_the_tooltip_goes_with_the_pointer(app):
    """After a drag the map selected the dragged actor while the panel showed another; and
    vis-network's tooltip stayed up, with a name from before, when the pointer left the map
    (both found in a Danish walk-through; hidden by its style only, it came back with the old
    name on the same actor: review)."""
    from playwright.sync_api import expect

    page, workspace = app
    panel = page.locator(".st-key-map_panel")
    place = page.evaluate(PLACE, "bibliotek")
    page.mouse.click(place["x"], place["y"])
    expect(panel.get_by_role("heading", name="Lokalbibliotek")).to_be_visible(timeout=10000)
    before = drag(page, "museum", 60, 40)
    page.wait_for_function("() => globalThis.netmapEditor.getSelectedNodes().join() === 'a:bibliotek'", timeout=5000)
    deadline = time.monotonic() + 10
    while abs(Workspace(workspace, seed=False).load("copenhagen").actor("museum").x - before["mapX"]) < 1:
        assert time.monotonic() < deadline, "the move was not saved"
        time.sleep(0.1)
    expect(panel.get_by_role("heading", name="Lokalbibliotek")).to_be_visible()
    assert page.evaluate("globalThis.netmapEditor.getSelectedNodes()") == ["a:bibliotek"]

    tooltip = page.locator(".netmap-editor .vis-tooltip")
    place = page.evaluate(PLACE, "bibliotek")
    page.mouse.move(place["x"] - 3, place["y"])
    page.mouse.move(place["x"], place["y"])
    expect(tooltip).to_be_visible(timeout=5000)
    expect(tooltip).to_contain_text("Lokalbibliotek")
    page.mouse.move(place["x"], 5)  # off the map, above it (vis-network does not see this move)
    expect(tooltip).to_be_hidden()
    # renamed meanwhile, and the pointer comes back straight onto it: the new name, not the old
    panel.get_by_label("Name", exact=True).fill("Hovedbiblioteket")
    panel.get_by_role("button", name="Save changes").click()
    page.wait_for_function(
        "() => globalThis.netmapEditor.body.data.nodes.get('a:bibliotek').label === 'Hovedbiblioteket'", timeout=10000
    )
    page.locator(".netmap-editor").scroll_into_view_if_needed()  # the save scrolled the page
    place = page.evaluate(PLACE, "bibliotek")
    page.mouse.move(place["x"], place["y"])
    page.mouse.move(place["x"] + 1, place["y"])
    expect(tooltip).to_be_visible(timeout=5000)
    expect(tooltip).to_contain_text("Hovedbiblioteket")


def choose_mode(page, name, hint):
    from playwright.sync_api import expect

    page.get_by_text(name, exact=True).first.click()
    expect(page.locator(".netmap-status")).to_contain_text(hint, timeout=10000)


def test_add_an_actor_at_a_place_on_the_map(app):
    from playwright.sync_api import expect

    page, workspace = app
    choose_mode(page, "Add an actor", "Click an empty place")
    box = page.locator(".netmap-editor").bounding_box()
    page.mouse.click(box["x"] + 60, box["y"] + 60)
    panel = page.locator(".st-key-map_panel")
    expect(panel.get_by_role("heading", name="New actor")).to_be_visible(timeout=10000)
    place = page.evaluate(
        "([x, y]) => globalThis.netmapEditor.DOMtoCanvas({x, y})",
        [60 - 1, 60 - 1],  # the canvas sits inside the 1 px border
    )
    panel.get_by_label("Name", exact=True).fill("Aftenskole Østerbro")
    panel.get_by_role("button", name="Add actor").click()
    page.wait_for_function("() => globalThis.netmapEditor.body.data.nodes.get('a:aftenskole_østerbro')", timeout=10000)
    expect(page.get_by_text("Added Aftenskole Østerbro")).to_be_visible()
    expect(panel.get_by_role("heading", name="New actor")).to_have_count(0)
    saved = Workspace(workspace, seed=False).load("copenhagen").actor("aftenskole_østerbro")
    assert saved.name == "Aftenskole Østerbro"
    assert (saved.x, saved.y) == pytest.approx((place["x"], place["y"]), abs=2)
    expect(page.get_by_text("copenhagen: 22 actors, 36 ties")).to_be_visible()


def test_draw_a_tie_between_two_actors_and_pick_kind_and_strength(app):
    from playwright.sync_api import expect

    page, workspace = app
    before = len(Workspace(workspace, seed=False).load("copenhagen").ties)
    choose_mode(page, "Draw a tie", "Click the actor the tie starts from")
    for actor in ("museum", "frivilligcenter"):
        place = page.evaluate(PLACE, actor)
        page.mouse.click(place["x"], place["y"])
        page.wait_for_timeout(100)
    expect(page.locator(".netmap-status")).not_to_contain_text("From")
    panel = page.locator(".st-key-map_panel")
    expect(panel.get_by_role("heading", name="New tie")).to_be_visible(timeout=10000)
    expect(panel.get_by_text("Museum (kulturformidling) – Frivilligcenter")).to_be_visible()
    panel.get_by_role("combobox", name="Kind of tie").click()
    page.get_by_role("option", name="personal (informal)").click()
    panel.get_by_role("slider").press("ArrowRight")
    top = page.locator(".netmap-editor").bounding_box()["y"]
    panel.get_by_role("button", name="Add tie").click()
    page.wait_for_function(f"() => globalThis.netmapEditor.body.data.edges.length === {before + 1}", timeout=10000)
    # In a toast in the window's corner, in sight wherever the panel was scrolled; not at the page's
    # top, where it pushed the map down under the pointer (a click meant for one actor hit another)
    expect(
        page.get_by_test_id("stToast").get_by_text("Added the tie Museum (kulturformidling) – Frivilligcenter")
    ).to_be_in_viewport()
    expect(page.get_by_test_id("stAlert").filter(has_text="Added the tie")).to_have_count(0)
    assert page.locator(".netmap-editor").bounding_box()["y"] == top
    expect(panel.get_by_role("heading", name="New tie")).to_have_count(0)
    tie = Workspace(workspace, seed=False).load("copenhagen").ties[-1]
    assert (tie.source, tie.target, tie.kind, tie.strength, tie.directed) == (
        "museum",
        "frivilligcenter",
        "personal",
        3.0,
        False,
    )


def test_a_click_that_names_the_maps_own_node_still_starts_the_tie_at_the_actor(app):
    """In the "connect" mode vis-network puts a node of its own under the pointer while the button
    is down; under load the click named that node instead of the actor (seen with four busy cores:
    the click's nodes were ["targetNode2dd7…"]), the first actor was lost and the status asked
    for it again: the draw-a-tie test failed about 1 run in 8 in CI. Here that click is made as
    vis-network made it, at Museum's place."""
    from playwright.sync_api import expect

    page, _workspace = app
    choose_mode(page, "Draw a tie", "Click the actor the tie starts from")
    museum = page.evaluate(PLACE, "museum")
    page.evaluate(
        """(p) => globalThis.netmapEditor.body.emitter.emit("click", {
            nodes: ["targetNode-of-vis-network"], edges: ["connectionEdge-of-vis-network"],
            pointer: {canvas: {x: p.mapX, y: p.mapY}, DOM: {x: 0, y: 0}}})""",
        museum,
    )
    expect(page.locator(".netmap-status")).to_contain_text("From Museum (kulturformidling)")
    place = page.evaluate(PLACE, "frivilligcenter")
    page.mouse.click(place["x"], place["y"])
    panel = page.locator(".st-key-map_panel")
    expect(panel.get_by_role("heading", name="New tie")).to_be_visible(timeout=10000)
    expect(panel.get_by_text("Museum (kulturformidling) – Frivilligcenter")).to_be_visible()


def test_vis_network_is_sent_once_and_again_to_a_page_that_lacks_it(app):
    from playwright.sync_api import expect

    page, _workspace = app
    page.get_by_role("link", name="Actors").click()
    expect(page.locator(".netmap-editor")).to_have_count(0, timeout=10000)  # the map has gone
    page.evaluate("() => { delete globalThis.vis; delete globalThis.netmapEditor; }")
    page.get_by_role("link", name="Map").click()
    wait_for_map(page)  # the map asked for vis-network (need_vis) and got it
    assert page.evaluate("globalThis.netmapEditor.body.data.nodes.length") == 21
    assert page.evaluate("typeof globalThis.vis.Network") == "function"


def test_a_page_behind_the_server_gets_the_whole_map_again(app):
    """A page that missed some of the map's changes asks for all of it (need_full) and draws
    what the server sends. Here the page is made to miss them: it claims generation 1 and lacks
    an actor. The resend was numbered 1 too, and a page at 1 took it for what it had: the map
    kept a deleted actor for good (a flaky CI failure, 1 in 6 runs of the delete test)."""
    from playwright.sync_api import expect

    page, _workspace = app
    panel = page.locator(".st-key-map_panel")
    place = page.evaluate(PLACE, "museum")
    page.mouse.click(place["x"], place["y"])  # a run that sends generation 2
    expect(panel.get_by_role("heading", name="Museum (kulturformidling)")).to_be_visible(timeout=10000)
    state = """() => [...document.querySelectorAll('[data-testid=stBidiComponentIsolated]')]
        .map((h) => h.shadowRoot && h.shadowRoot.__netmap).find(Boolean)"""
    # The panel is drawn before the map: under load its heading shows before the page has taken
    # that run's data. Made to miss changes before it took them, the page took them as the next
    # ones and was not behind at all (a flaky CI failure of this test).
    page.wait_for_function(f"() => ({state})().gen >= 2", timeout=10000)
    page.evaluate(f"""() => {{
      const st = ({state})();
      st.gen = 1; st.nodes.remove('a:museum'); st.seen.delete('a:museum');
    }}""")
    choice = panel.get_by_role("combobox", name="Open an actor")
    choice.fill("Frivilligcenter")
    choice.press("Enter")  # a run whose changes the page cannot take
    page.wait_for_function("() => !!globalThis.netmapEditor.body.data.nodes.get('a:museum')", timeout=15000)
    assert page.evaluate("globalThis.netmapEditor.body.data.nodes.length") == 21


def test_open_an_actor_by_name_without_the_mouse_and_the_map_follows(app):
    from playwright.sync_api import expect

    page, _workspace = app
    panel = page.locator(".st-key-map_panel")
    choice = panel.get_by_role("combobox", name="Open an actor")
    choice.fill("Frivilligcenter")
    choice.press("Enter")
    expect(panel.get_by_role("heading", name="Frivilligcenter")).to_be_visible(timeout=10000)
    page.wait_for_function(
        "() => JSON.stringify(globalThis.netmapEditor.getSelectedNodes()) === '[\"a:frivilligcenter\"]'", timeout=10000
    )
    # A click on the map opens another actor, and the choice follows.
    place = page.evaluate(PLACE, "museum")
    page.mouse.click(place["x"], place["y"])
    expect(panel.get_by_role("heading", name="Museum (kulturformidling)")).to_be_visible(timeout=10000)
    expect(choice).to_have_value("Museum (kulturformidling)")


def test_delete_an_actor_from_its_panel_after_seeing_how_many_ties_go(app):
    from playwright.sync_api import expect

    page, workspace = app
    panel = page.locator(".st-key-map_panel")
    place = page.evaluate(PLACE, "museum")
    page.mouse.click(place["x"], place["y"])
    expect(panel.get_by_role("heading", name="Museum (kulturformidling)")).to_be_visible(timeout=10000)
    panel.get_by_role("button", name="Delete this actor").click()
    expect(panel.get_by_text("Delete Museum (kulturformidling) and its 1 tie (listed above)?")).to_be_visible()
    assert "museum" in Workspace(workspace, seed=False).load("copenhagen").actor_ids  # nothing yet
    panel.get_by_role("button", name="Delete", exact=True).click()
    expect(page.get_by_text("copenhagen: 20 actors, 35 ties")).to_be_visible(timeout=10000)
    page.wait_for_function("() => !globalThis.netmapEditor.body.data.nodes.get('a:museum')", timeout=10000)
    assert "museum" not in Workspace(workspace, seed=False).load("copenhagen").actor_ids


def test_a_planned_tie_is_dotted_and_labelled_on_the_editable_map(tmp_path):
    """A tie of Copenhagen made planned (as the Ties table does): the editable map draws it dotted
    with the word "planned" on it and says so in its tooltip, and the caption explains the lines."""
    from dataclasses import replace

    from playwright.sync_api import expect

    with running_app(tmp_path) as (page, url, workspace, errors):
        ws = Workspace(workspace, seed=False)
        net = ws.load("copenhagen")
        idea = next(
            i for i, t in enumerate(net.ties) if {t.source, t.target} == {"medborgerhus", "forening_koordinator"}
        )
        ws.save(
            "copenhagen",
            replace(net, ties=[replace(t, status="planned") if i == idea else t for i, t in enumerate(net.ties)]),
        )
        page.goto(f"{url}/")
        expect(page.get_by_text("copenhagen: 21 actors, 36 ties (1 planned)")).to_be_visible(timeout=30000)
        wait_for_map(page)
        edges = page.evaluate(
            "() => globalThis.netmapEditor.body.data.edges.get().map(e => [e.from, e.to, e.label, e.dashes, e.title])"
        )
        planned = [e for e in edges if e[2] == "planned"]
        assert [sorted(e[:2]) for e in planned] == [["a:forening_koordinator", "a:medborgerhus"]]
        assert planned[0][3] == [2, 6] and "Planned: an idea not yet realised" in planned[0][4]
        assert all(e[2] == "" and e[3] in (True, False) for e in edges if e not in planned)
        expect(page.get_by_text('dotted, marked "planned": planned', exact=False)).to_be_visible()


# The panel's measures and ties, drawing a tie by dragging, find and the sector filter (issue 10).


def open_actor(page, actor, heading):
    from playwright.sync_api import expect

    place = page.evaluate(PLACE, actor)
    page.mouse.click(place["x"], place["y"])
    panel = page.locator(".st-key-map_panel")
    expect(panel.get_by_role("heading", name=heading)).to_be_visible(timeout=10000)
    return panel


def test_the_panel_shows_the_actors_measures_and_roles_in_words_after_the_map(app):
    """sf_kontakt, by hand from the sample's ties: tied to socialforvaltningen and
    lavuk_koordinator (both public, near), which are not tied to each other: it brokers the two
    two-paths between them inside its own sector (coordinator, 2 times). Within two steps it
    reaches lavuk_koordinator's other 8 neighbours, two of them far (lavuk_ledelse and forening,
    management).
    Betweenness: socialforvaltningen's only tie is to sf_kontakt, so each of its 19 shortest paths
    to the others passes through it: 19 / (20 * 19 / 2) = 0.100; its rank is counted with
    networkx from the same ties."""
    import networkx as nx
    from playwright.sync_api import expect

    page, workspace = app
    net = Workspace(workspace, seed=False).load("copenhagen")
    bc = nx.betweenness_centrality(nx.Graph([(t.source, t.target) for t in net.ties]))
    rank = 1 + sum(1 for v in bc.values() if v > bc["sf_kontakt"] + 1e-12)
    panel = open_actor(page, "sf_kontakt", "Kontaktperson, Socialforvaltningen (ny)")
    measures = panel.locator("[class*='st-key-map_measures_']")
    expect(measures).to_be_visible(timeout=15000)
    for line in (
        "Near reach: 2 directly, 8 within two steps",
        "Far reach: 0 directly, 2 within two steps",
        f"Betweenness 0.100: rank {rank} of 21 actors",
        "Not a boundary spanner: it brokers between no two sectors",
        "Coordinator within its sector, 2 times: links two actors of its own sector",
        "Not isolated: tied to 2 actors",
    ):
        expect(measures.get_by_text(line, exact=True)).to_be_visible()
    expect(measures).to_contain_text("Flags that name this actor (1)")
    expect(measures).to_contain_text("High – Depends on single actors: The partnership hangs on single actors")

    # After a rename the measures follow (their flag names it). That the map never waits for them
    # is shown on a network large enough for the measures to take their time (the next test).
    panel.get_by_label("Name", exact=True).fill("SF-kontakt")
    panel.get_by_role("button", name="Save changes").click()
    expect(measures).to_contain_text("without SF-kontakt", timeout=15000)


def test_after_a_rename_the_map_shows_it_before_the_measures_of_a_large_network(tmp_path):
    """The page sends the map's new data before it computes the measures. On 21 actors both can
    arrive in the same frame, in either order; on 2,000 actors the measures take a good part of a
    second after the map's data were sent, so a map that waited for them would show the new name
    after them."""
    from playwright.sync_api import expect

    from netmap.generate import generate
    from netmap.layout import placed

    with running_app(tmp_path, seed=False) as (page, url, workspace, errors):
        ws = Workspace(workspace, seed=False)
        net = placed(generate(2000, seed=1))
        ws.create("large", net)
        page.goto(f"{url}/?network=large")
        page.wait_for_function(
            "() => globalThis.netmapEditor && globalThis.netmapEditor.body.data.nodes.length === 2000", timeout=60000
        )
        actor = net.actors[0]
        spot = page.evaluate(
            """(id) => { const net = globalThis.netmapEditor;
            net.focus(id, { scale: 1.5, animation: false });
            const d = net.canvasToDOM(net.getPositions([id])[id]), r = net.body.container.getBoundingClientRect();
            return { x: r.left + d.x, y: r.top + d.y }; }""",
            "a:" + actor.id,
        )
        page.mouse.click(spot["x"], spot["y"])
        chosen = page.evaluate("globalThis.netmapEditor.getSelectedNodes()[0]")  # marks can overlap
        panel = page.locator(".st-key-map_panel")
        name = panel.get_by_label("Name", exact=True)
        expect(name).to_have_value(net.actor(chosen[2:]).label, timeout=30000)
        rev = ws.revision("large") + 1
        page.evaluate(
            """([id, key]) => { const net = globalThis.netmapEditor, seen = globalThis.netmapSeen = {};
            const tick = () => {
              const t = performance.now();
              if (!seen.map && net.body.data.nodes.get(id).name === 'Omdøbt') seen.map = t;
              if (!seen.measures && document.querySelector('.' + key)) seen.measures = t;
              if (!(seen.map && seen.measures)) requestAnimationFrame(tick);
            };
            requestAnimationFrame(tick); }""",
            [chosen, f"st-key-map_measures_{rev}"],
        )
        name.fill("Omdøbt")
        panel.get_by_role("button", name="Save changes").click()
        expect(page.locator(f".st-key-map_measures_{rev}")).to_be_visible(timeout=60000)
        seen = page.evaluate("globalThis.netmapSeen")
        assert seen["map"] < seen["measures"]
        assert ws.load("large").actor(chosen[2:]).name == "Omdøbt"
        assert errors == []


def test_a_ties_kind_and_strength_are_edited_in_the_panel_and_strength_7_is_refused(app):
    from playwright.sync_api import expect

    page, workspace = app
    ws = Workspace(workspace, seed=False)
    rev = ws.revision("copenhagen")
    panel = open_actor(page, "museum", "Museum (kulturformidling)")
    tie = panel.locator(".st-key-map_tie_" + str(_index(ws, "museum", "forening_koordinator")))
    expect(tie).to_contain_text("Tie with Koordinator, frivilligforeningen")
    expect(tie).to_contain_text("personal (informal) · strength 2")  # one line a tie; "Edit" opens its form
    tie.get_by_role("button", name="Edit").click()
    expect(tie.get_by_text("Tie with Koordinator, frivilligforeningen", exact=True)).to_be_visible(timeout=10000)
    strength = tie.get_by_label("Strength", exact=True)
    expect(strength).to_have_value("2")
    strength.fill("7")
    tie.get_by_role("button", name="Save").click()
    expect(
        tie.get_by_text(
            'Tie "Museum (kulturformidling) – Koordinator, frivilligforeningen": '
            "Strength must be from 1 (weak) to 3 (strong), not 7."
        )
    ).to_be_visible(timeout=10000)
    assert ws.revision("copenhagen") == rev  # refused, not clamped

    tie.get_by_role("combobox", name="Kind of tie").click()
    page.get_by_role("option", name="information", exact=True).click()
    strength = tie.get_by_label("Strength", exact=True)
    strength.fill("3")
    tie.get_by_role("button", name="Save").click()
    expect(
        page.get_by_test_id("stToast").get_by_text(
            "Saved the tie Museum (kulturformidling) – Koordinator, frivilligforeningen"
        )
    ).to_be_in_viewport(timeout=10000)
    assert ws.revision("copenhagen") == rev + 1  # kind and strength in one revision
    saved = ws.load("copenhagen").ties[_index(ws, "museum", "forening_koordinator")]
    assert (saved.kind, saved.strength, saved.directed) == ("information", 3, False)
    # The map draws it at once: strength 3 is 4 px wide, and no longer dashed (not personal).
    page.wait_for_function(
        """() => globalThis.netmapEditor.body.data.edges.get().some(e =>
            e.from === 'a:museum' && e.to === 'a:forening_koordinator' && e.width === 4 && !e.dashes)""",
        timeout=10000,
    )


def test_a_ties_fields_in_the_panel_have_visible_labels_that_fit_at_1280x720(tmp_path):
    """In Danish, in a 1280x720 window: the form of one of the open actor's ties shows "Type
    relation" and "Styrke" above its two fields (they had no visible label), whole and inside the
    form, and a screen reader names the fields by them."""
    from playwright.sync_api import expect

    with running_app(tmp_path, viewport={"width": 1280, "height": 720}) as (page, url, workspace, errors):
        page.goto(f"{url}/?lang=da")
        expect(page.get_by_text("copenhagen: 21 aktører, 36 relationer")).to_be_visible(timeout=30000)
        wait_for_map(page)
        panel = page.locator(".st-key-map_panel")
        choice = panel.get_by_role("combobox", name="Åbn en aktør")  # the map's museum may be off screen
        choice.fill("Museum")
        choice.press("Enter")
        expect(panel.get_by_role("heading", name="Museum (kulturformidling)")).to_be_visible(timeout=10000)
        tie = panel.locator(
            ".st-key-map_tie_" + str(_index(Workspace(workspace, seed=False), "museum", "forening_koordinator"))
        )
        tie.get_by_role("button", name="Redigér").click()
        expect(tie.get_by_role("combobox", name="Type relation")).to_be_visible(timeout=10000)
        expect(tie.get_by_label("Styrke", exact=True)).to_have_value("2")
        form = tie.locator("[data-testid='stForm']").bounding_box()
        labels = tie.locator("[data-testid='stWidgetLabel']")
        expect(labels).to_have_count(2)
        for n in range(2):
            label = labels.nth(n)
            expect(label).to_be_visible()
            box = label.bounding_box()
            assert form["x"] <= box["x"] and box["x"] + box["width"] <= form["x"] + form["width"]
            assert label.evaluate("e => e.scrollWidth <= e.clientWidth")  # not cut off
        assert [labels.nth(n).inner_text() for n in range(2)] == ["Type relation", "Styrke"]
        assert errors == []


def _index(ws, a, b):
    return next(i for i, t in enumerate(ws.load("copenhagen").ties) if {t.source, t.target} == {a, b})


def test_a_tie_is_deleted_from_the_panel(app):
    from playwright.sync_api import expect

    page, workspace = app
    ws = Workspace(workspace, seed=False)
    before = len(ws.load("copenhagen").ties)
    panel = open_actor(page, "frivilligcenter", "Frivilligcenter")
    tie = panel.locator(".st-key-map_tie_" + str(_index(ws, "frivillige", "frivilligcenter")))
    expect(tie).to_contain_text("Tie with Frivillige kulturformidlere")
    tie.get_by_role("button", name="Edit").click()
    tie.get_by_role("button", name="Delete tie").click()
    expect(
        page.get_by_test_id("stToast").get_by_text("Deleted the tie Frivillige kulturformidlere – Frivilligcenter")
    ).to_be_in_viewport(timeout=10000)
    ties = ws.load("copenhagen").ties
    assert len(ties) == before - 1
    assert not any({t.source, t.target} == {"frivillige", "frivilligcenter"} for t in ties)
    page.wait_for_function(f"() => globalThis.netmapEditor.body.data.edges.length === {before - 1}", timeout=10000)
    expect(panel.get_by_text("Ties (1)")).to_be_visible()


def test_draw_a_tie_by_dragging_from_one_actor_to_another(app):
    from playwright.sync_api import expect

    page, workspace = app
    before = len(Workspace(workspace, seed=False).load("copenhagen").ties)
    choose_mode(page, "Draw a tie", "Click the actor the tie starts from")
    start, end = page.evaluate(PLACE, "museum"), page.evaluate(PLACE, "medborgerhus")
    page.mouse.move(start["x"], start["y"])
    page.mouse.down()
    for i in range(1, 13):
        page.mouse.move(start["x"] + (end["x"] - start["x"]) * i / 12, start["y"] + (end["y"] - start["y"]) * i / 12)
        page.wait_for_timeout(30)
    page.mouse.up()
    panel = page.locator(".st-key-map_panel")
    expect(panel.get_by_role("heading", name="New tie")).to_be_visible(timeout=10000)
    expect(panel.get_by_text("Museum (kulturformidling) – Medborgerhus")).to_be_visible()
    moved = page.evaluate(PLACE, "museum")  # the drag drew a tie: the actor stayed where it was
    assert (moved["mapX"], moved["mapY"]) == (start["mapX"], start["mapY"])
    panel.get_by_role("button", name="Add tie").click()
    page.wait_for_function(f"() => globalThis.netmapEditor.body.data.edges.length === {before + 1}", timeout=10000)
    tie = Workspace(workspace, seed=False).load("copenhagen").ties[-1]
    assert (tie.source, tie.target, tie.kind, tie.strength) == ("museum", "medborgerhus", "collaboration", 2.0)
    # Still in the "Draw a tie" mode: a second drag draws another tie.
    expect(page.locator(".netmap-status")).to_contain_text("Click the actor the tie starts from")


def test_find_an_actor_by_part_of_its_name_with_the_keyboard(app):
    from playwright.sync_api import expect

    page, _workspace = app
    find = page.get_by_role("combobox", name="Find an actor")
    find.focus()
    page.keyboard.type("frivilligc")
    page.keyboard.press("Enter")
    panel = page.locator(".st-key-map_panel")
    expect(panel.get_by_role("heading", name="Frivilligcenter")).to_be_visible(timeout=10000)
    expect(page.get_by_role("status").filter(has_text="Shown: Frivilligcenter")).to_be_visible()
    assert page.evaluate("globalThis.netmapEditor.getSelectedNodes()") == ["a:frivilligcenter"]
    # Focused: the actor is in the middle of the map.
    where = page.evaluate(
        """() => { const n = globalThis.netmapEditor, p = n.getPositions(['a:frivilligcenter'])['a:frivilligcenter'];
        const d = n.canvasToDOM(p), c = n.body.container; return [d.x / c.clientWidth, d.y / c.clientHeight]; }"""
    )
    assert where == pytest.approx([0.5, 0.5], abs=0.02)
    find.fill("nobody by that name")
    find.press("Enter")
    expect(page.get_by_role("status").filter(has_text="No actor has that name.")).to_be_visible()


def test_the_sector_filter_hides_other_sectors_by_keyboard_and_stays_after_an_edit(app):
    from playwright.sync_api import expect

    page, _workspace = app
    hidden = "() => globalThis.netmapEditor.body.data.nodes.get().filter(n => n.hidden).map(n => n.id).sort()"
    citizen = page.get_by_role("checkbox", name="citizen")
    expect(page.get_by_role("group", name="Sectors shown")).to_be_visible()
    citizen.focus()
    page.keyboard.press("Space")
    expect(citizen).not_to_be_checked()
    assert page.evaluate(hidden) == ["a:borgere_dagtilbud", "a:borgere_lavuk"]
    # An edit redraws the map in place: the filter stays.
    panel = open_actor(page, "museum", "Museum (kulturformidling)")
    panel.get_by_label("Name", exact=True).fill("Museet")
    panel.get_by_role("button", name="Save changes").click()
    page.wait_for_function("() => globalThis.netmapEditor.body.data.nodes.get('a:museum').name === 'Museet'")
    assert page.evaluate(hidden) == ["a:borgere_dagtilbud", "a:borgere_lavuk"]
    citizen.focus()
    page.keyboard.press("Space")
    page.wait_for_function(hidden.replace(".sort()", ".length === 0"))


def test_find_and_the_sector_filter_speak_danish(tmp_path):
    from playwright.sync_api import expect

    with running_app(tmp_path) as (page, url, _workspace, errors):
        page.goto(f"{url}/?lang=da")
        expect(page.get_by_text("copenhagen: 21 aktører, 36 relationer")).to_be_visible(timeout=30000)
        wait_for_map(page)
        expect(page.get_by_role("combobox", name="Find en aktør")).to_be_visible()
        expect(page.get_by_role("button", name="Vis", exact=True)).to_be_visible()
        sectors = page.get_by_role("group", name="Viste sektorer")
        for name in ("offentlig", "civil", "borger"):
            expect(sectors.get_by_role("checkbox", name=name)).to_be_checked()
        assert errors == []


def _rename_in_panel(page, panel, actor_id, new):
    panel.get_by_label("Name", exact=True).fill(new)
    panel.get_by_role("button", name="Save changes").click()
    page.wait_for_function(
        "([id, name]) => globalThis.netmapEditor.body.data.nodes.get(id).label === name", arg=["a:" + actor_id, new]
    )


def test_edits_in_the_panel_run_the_map_alone_and_the_sidebar_and_stale_edits_still_follow(app):
    """The map and its panel are one fragment: an edit there does not run the sidebar again.
    What the sidebar says must still follow (Undo after the first edit, Redo gone after an edit),
    edits one after another must each know the revision they were made on, and a colleague's save
    in between must still be caught, not overwritten."""
    from playwright.sync_api import expect

    page, workspace = app
    sidebar, panel = page.locator("[data-testid='stSidebar']"), page.locator(".st-key-map_panel")
    undo, redo = sidebar.get_by_role("button", name="Undo"), sidebar.get_by_role("button", name="Redo")
    expect(undo).to_be_disabled()
    place = page.evaluate(PLACE, "bibliotek")
    page.mouse.click(place["x"], place["y"])
    expect(panel.get_by_role("heading", name="Lokalbibliotek")).to_be_visible(timeout=10000)

    _rename_in_panel(page, panel, "bibliotek", "Bibliotek 1")
    expect(undo).to_be_enabled(timeout=10000)  # the first edit: the sidebar follows
    undo.click()
    page.wait_for_function(
        "() => globalThis.netmapEditor.body.data.nodes.get('a:bibliotek').label === 'Lokalbibliotek'"
    )
    expect(redo).to_be_enabled(timeout=10000)
    expect(panel.get_by_role("heading", name="Lokalbibliotek")).to_be_visible(timeout=10000)
    _rename_in_panel(page, panel, "bibliotek", "Bibliotek 2")
    expect(redo).to_be_disabled(timeout=10000)  # an edit after an undo: nothing left to redo

    # Two more edits in the panel, each a run of the map and its panel alone: each is saved on
    # the revision the one before it made (not reported as someone else's change).
    _rename_in_panel(page, panel, "bibliotek", "Bibliotek 3")
    _rename_in_panel(page, panel, "bibliotek", "Bibliotek 4")
    ws = Workspace(workspace, seed=False)
    assert ws.load("copenhagen").actor("bibliotek").name == "Bibliotek 4"
    expect(page.get_by_text("was changed elsewhere")).to_have_count(0)

    # A colleague saves; the next edit in the panel is refused as stale and the map shows theirs.
    net = ws.load("copenhagen")
    net.actor("museum").name = "Museet (kollega)"
    ws.save("copenhagen", net)
    panel.get_by_label("Name", exact=True).fill("Bibliotek 5")
    panel.get_by_role("button", name="Save changes").click()
    expect(page.get_by_text("was changed elsewhere")).to_be_visible(timeout=10000)
    page.wait_for_function(
        "() => globalThis.netmapEditor.body.data.nodes.get('a:museum').label === 'Museet (kollega)'", timeout=10000
    )
    saved = Workspace(workspace, seed=False).load("copenhagen")
    assert saved.actor("bibliotek").name == "Bibliotek 4" and saved.actor("museum").name == "Museet (kollega)"


def test_a_danish_page_shows_no_english_hint_under_a_field_being_typed_in(tmp_path):
    """Streamlit writes "Press Enter to submit form" under a field in English only: the Danish
    page leaves it out (Enter still saves the rename); the English page keeps it."""
    from playwright.sync_api import expect

    with running_app(tmp_path) as (page, url, workspace, errors):
        page.goto(f"{url}/?lang=da")
        expect(page.get_by_text("copenhagen: 21 aktører, 36 relationer")).to_be_visible(timeout=30000)
        wait_for_map(page)
        place = page.evaluate(PLACE, "bibliotek")
        page.mouse.click(place["x"], place["y"])
        panel = page.locator(".st-key-map_panel")
        name = panel.get_by_label("Navn", exact=True)
        expect(name).to_have_value("Lokalbibliotek", timeout=10000)
        name.fill("Biblioteket")
        hint = page.get_by_text("Press Enter to submit form")
        expect(hint).to_have_count(1)  # Streamlit draws it ...
        expect(hint).to_be_hidden()  # ... and the Danish page does not show it
        name.press("Enter")
        page.wait_for_function(
            "() => globalThis.netmapEditor.body.data.nodes.get('a:bibliotek').label === 'Biblioteket'", timeout=10000
        )
        assert Workspace(workspace, seed=False).load("copenhagen").actor("bibliotek").name == "Biblioteket"
        page.get_by_text("English", exact=True).click()
        name = panel.get_by_label("Name", exact=True)
        expect(name).to_have_value("Biblioteket", timeout=15000)
        name.fill("Biblioteket Nord")
        expect(page.get_by_text("Press Enter to submit form")).to_be_visible()
        assert errors == []


def test_a_message_at_the_top_goes_after_its_time_when_the_map_is_used(app):
    """ "Undone: …" at the top of the page stayed above every later click and edit on the map
    (they run the map and its panel alone, not the top of the page). The next use of the map
    after the message's few seconds takes it away, as any run of the page did before."""
    from playwright.sync_api import expect

    page, _workspace = app
    panel = page.locator(".st-key-map_panel")
    place = page.evaluate(PLACE, "bibliotek")
    page.mouse.click(place["x"], place["y"])
    expect(panel.get_by_role("heading", name="Lokalbibliotek")).to_be_visible(timeout=10000)
    _rename_in_panel(page, panel, "bibliotek", "Biblioteket")
    undo = page.locator("[data-testid='stSidebar']").get_by_role("button", name="Undo")
    expect(undo).to_be_enabled(timeout=10000)
    undo.click()
    message = page.get_by_text("Undone: renamed Lokalbibliotek to Biblioteket.")
    expect(message).to_be_visible(timeout=10000)
    page.wait_for_timeout(4500)  # state.FLASH_SECONDS and a little
    place = page.evaluate(PLACE, "museum")
    page.mouse.click(place["x"], place["y"])
    expect(panel.get_by_role("heading", name="Museum (kulturformidling)")).to_be_visible(timeout=10000)
    expect(message).to_have_count(0, timeout=10000)


def test_esc_in_the_actor_list_keeps_the_open_actor(app):
    """A keyboard user opens an actor from "Open an actor" and presses Esc in the list: the actor
    stays open (Esc cleared the list, which closed the actor and its form: a Danish walk-through)."""
    from playwright.sync_api import expect

    page, _workspace = app
    panel = page.locator(".st-key-map_panel")
    picker = panel.get_by_role("combobox", name="Open an actor")
    picker.click()
    page.keyboard.type("Museum")
    page.keyboard.press("Enter")
    expect(panel.get_by_role("heading", name="Museum (kulturformidling)")).to_be_visible(timeout=10000)
    picker.click()
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_timeout(1500)  # a run the Esc started has ended
    expect(panel.get_by_role("heading", name="Museum (kulturformidling)")).to_be_visible()
    expect(panel.get_by_label("Name", exact=True)).to_have_value("Museum (kulturformidling)")


def test_actors_added_with_the_form_are_in_view(app):
    """Three actors added one after another with the form under the map were placed under the
    network and out of the view, until the user zoomed out (Danish walk-through): the map is
    framed again when an added actor would be outside it."""
    from playwright.sync_api import expect

    page, workspace = app
    box = page.locator(".netmap-editor")
    form = quick_form(page, "Add an actor")  # it stays open, cleared, after each add
    for i, name in enumerate(("Idrætsforening Øst", "Ungdomsskolen", "Boligsocial helhedsplan")):
        expect(form.get_by_label("Name")).to_have_value("", timeout=15000)
        form.get_by_label("Name").fill(name)
        form.get_by_role("button", name="Add actor").click()
        expect(page.get_by_text(f"copenhagen: {22 + i} actors, 36 ties")).to_be_visible(timeout=15000)
    page.get_by_role("dialog").get_by_role("button", name="Close").click()
    ids = Workspace(workspace, seed=False).load("copenhagen").actor_ids[-3:]
    page.wait_for_function("(n) => globalThis.netmapEditor.body.data.nodes.length === n", arg=24, timeout=10000)
    box.scroll_into_view_if_needed()
    frame = box.bounding_box()
    for actor in ids:
        place = page.evaluate(PLACE, actor)
        assert frame["x"] <= place["x"] <= frame["x"] + frame["width"], actor
        assert frame["y"] <= place["y"] <= frame["y"] + frame["height"], actor


def test_the_map_has_a_legend_of_its_colours_shapes_marks_and_ties(app):
    """Walk-through: the Map page drew sectors as colours and levels as shapes with no key to them
    (the exported map has one). The legend under the map says each, with its picture; its counts
    come from the sample's file, its swatch is the colour the map draws."""
    import csv

    from playwright.sync_api import expect

    page, _workspace = app
    rows = list(csv.DictReader((ROOT / "sample_networks" / "copenhagen" / "actors.csv").open(encoding="utf-8")))
    sectors = {s: sum(r["sector"] == s for r in rows) for s in ("public", "civil", "citizen")}
    core = sum(r["partner"] == "true" for r in rows)
    legend = page.get_by_role("region", name="Legend")
    expect(legend).to_contain_text("Colour: sector")
    for sector, n in sectors.items():
        expect(legend.get_by_text(f"{sector} ({n})", exact=True)).to_be_visible()
    swatch = legend.locator("li", has_text=f"public ({sectors['public']})").locator(".sw")
    drawn = page.evaluate("globalThis.netmapEditor.body.data.nodes.get('a:bibliotek').color.background")
    rgb = "rgb({}, {}, {})".format(*(int(drawn[i : i + 2], 16) for i in (1, 3, 5)))
    assert swatch.evaluate("e => getComputedStyle(e).backgroundColor") == rgb  # the library is public
    for level, picture in (("operational", "circle"), ("management", "rect"), ("political", "polygon")):
        expect(legend.locator("li", has_text=level).locator(f"svg {picture}")).to_have_count(1)
    expect(legend.get_by_text(f"★ partnership core: thick border ({core})")).to_be_visible()
    expect(legend.get_by_text("dashed: personal (informal)")).to_be_visible()
    page.get_by_role("combobox", name="Colour by").click()
    page.get_by_role("option", name="level").click()
    expect(legend).to_contain_text("Colour: level")
