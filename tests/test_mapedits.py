"""The editable map's plain functions: the data it draws and the edits it sends back."""

import pytest

from netmap.errors import InputError
from netmap.model import Actor, Network, Tie
from netmap.ui.mapedits import (
    actor_of,
    delete_actor,
    delete_tie,
    edit_actor,
    edit_tie,
    map_data,
    move_actors,
    node_id,
    tie_rows,
)
from netmap.workspace import Workspace


def small():
    return Network(
        actors=[
            Actor("a", name="Alpha", sector="public", level="management", partner=True, x=0.0, y=0.0),
            Actor("b", name="Beta", sector="civil", x=100.0, y=50.0),
            Actor("__proto__", name="Gamma", sector="private", x=-80.0, y=20.0),
        ],
        ties=[
            Tie("a", "b", kind="personal", strength=3),
            Tie("__proto__", "a", directed=True, strength=1),
        ],
        name="small",
    )


def test_node_ids_are_never_javascript_property_names():
    assert node_id("__proto__") == "a:__proto__"
    assert actor_of("a:__proto__") == "__proto__"
    assert actor_of("t0") is None and actor_of(None) is None


def test_map_data_draws_saved_places_colours_and_shapes_of_the_exported_map():
    data = map_data(small(), "en", selected="b")
    nodes = {n["id"]: n for n in data["nodes"]}
    assert (nodes["a:a"]["x"], nodes["a:a"]["y"]) == (0.0, 0.0)
    assert nodes["a:a"]["shape"] == "square" and nodes["a:b"]["shape"] == "dot"
    assert nodes["a:a"]["label"] == "\u2605 Alpha"  # the core's mark, as on the exported map
    assert nodes["a:a"]["color"]["background"] == "#56B4E9"  # public
    assert nodes["a:b"]["color"]["background"] == "#009E73"  # civil
    assert data["selected"] == "a:b"
    assert data["options"]["physics"]["enabled"] is False
    e0, e1 = data["edges"]
    assert (e0["from"], e0["to"], e0["dashes"], e0["width"]) == ("a:a", "a:b", True, 4.0)
    assert (e1["from"], e1["arrows"]["to"]["enabled"], e1["width"]) == ("a:__proto__", True, 1.0)


def test_map_data_places_actors_without_a_saved_place_and_shortens_long_names():
    net = small()
    net.actors.append(Actor("c", name="x" * 2000))
    node = map_data(net)["nodes"][-1]
    assert isinstance(node["x"], float) and isinstance(node["y"], float)
    assert node["label"] == "x" * 27 + "\u2026"  # 28 characters, cut where no word ends
    assert node["title"].startswith("x" * 2000)  # the tooltip keeps the whole name
    net.actors.append(Actor("d", name="Borgere med handicap (brugere af Lavuk Stjernen)"))
    node = map_data(net)["nodes"][-1]
    assert node["label"] == "Borgere med\nhandicap\u2026"  # cut at a word, in lines of up to 16
    assert node["name"] == "Borgere med handicap (brugere af Lavuk Stjernen)"


def test_move_actors_moves_only_known_actors_to_finite_places():
    net = small()
    moves = [
        {"id": "b", "x": 12.34, "y": -5},
        {"id": "nobody", "x": 1, "y": 1},
        {"id": "a", "x": float("nan"), "y": 0},
        {"id": "__proto__", "x": "bad", "y": 0},
        {"x": 1},
    ]
    moved = move_actors(net, moves)
    assert (moved.actor("b").x, moved.actor("b").y) == (12.3, -5.0)
    assert (moved.actor("a").x, moved.actor("a").y) == (0.0, 0.0)
    assert (moved.actor("__proto__").x, moved.actor("__proto__").y) == (-80.0, 20.0)
    assert net.actor("b").x == 100.0  # the original is not changed
    assert move_actors(net, None).actors == net.actors


def test_edit_actor_changes_fields_and_keeps_id_place_attributes_and_ties():
    net = small()
    net.actors[1].attributes["team"] = "north"
    new = edit_actor(net, "b", name="  Beta Two ", sector="private", partner=1, notes="met twice")
    b = new.actor("b")
    assert (b.name, b.sector, b.partner, b.notes) == ("Beta Two", "private", True, "met twice")
    assert (b.x, b.y, b.attributes) == (100.0, 50.0, {"team": "north"})
    assert new.ties == net.ties
    assert net.actor("b").name == "Beta"
    with pytest.raises(ValueError, match="id"):
        edit_actor(net, "b", id="other")
    with pytest.raises(KeyError):
        edit_actor(net, "nobody", name="x")
    with pytest.raises(InputError) as err:  # an actor always has a name; the old one is kept
        edit_actor(net, "b", name="  ", sector="private")
    assert err.value.message("da") == 'Aktøren "Beta": kolonne "Navn": navnet må ikke være tomt'


def test_an_edit_from_the_map_is_saved_as_a_new_revision(tmp_path):
    ws = Workspace(tmp_path / "ws.sqlite", seed=False)
    ws.create("small", small())
    rev = ws.revision("small")
    moved = move_actors(ws.load("small"), [{"id": "a", "x": 5, "y": 6}])
    rev2 = ws.save("small", edit_actor(moved, "a", name="Alfa"), expected_revision=rev)
    assert rev2 == rev + 1
    a = ws.load("small").actor("a")
    assert (a.name, a.x, a.y) == ("Alfa", 5.0, 6.0)


def test_delete_actor_takes_its_ties_and_says_which():
    net, gone = delete_actor(small(), "a")
    assert net.actor_ids == ["b", "__proto__"] and net.ties == []
    assert [(t.source, t.target) for t in gone] == [("a", "b"), ("__proto__", "a")]
    with pytest.raises(KeyError):
        delete_actor(small(), "nobody")


def test_tie_rows_give_each_tie_of_an_actor_its_index_the_other_name_and_direction():
    assert tie_rows(small(), "a") == [(0, "Beta", "\u2013"), (1, "Gamma", "\u2190")]
    assert tie_rows(small(), "__proto__") == [(1, "Alpha", "\u2192")]
    assert tie_rows(small(), "nobody") == []


def test_edit_tie_changes_kind_and_strength_only_and_an_out_of_range_strength_is_refused_when_saved(tmp_path):
    net = small()
    net.ties[0].notes = "since 2019"
    new = edit_tie(net, 0, kind="information", strength=1)
    t = new.ties[0]
    assert (t.source, t.target, t.kind, t.strength, t.directed, t.notes) == (
        "a",
        "b",
        "information",
        1,
        False,
        "since 2019",
    )
    assert net.ties[0].kind == "personal" and new.ties[1] == net.ties[1]
    with pytest.raises(ValueError, match="source"):
        edit_tie(net, 0, source="b")
    with pytest.raises(IndexError):
        edit_tie(net, 2, strength=1)
    # Strength 7 is not clamped: the save refuses it, naming the tie by its actors' names.
    ws = Workspace(tmp_path / "ws.sqlite", seed=False)
    ws.create("small", net)
    with pytest.raises(InputError) as refused:
        ws.save("small", edit_tie(net, 0, strength=7), expected_revision=ws.revision("small"))
    assert (
        refused.value.message("en") == 'Tie "Alpha \u2013 Beta": Strength must be from 1 (weak) to 3 (strong), not 7.'
    )
    assert ws.load("small").ties[0].strength == 3


def test_delete_tie_takes_one_tie_and_says_which():
    net, gone = delete_tie(small(), 0)
    assert (gone.source, gone.target) == ("a", "b")
    assert [(t.source, t.target) for t in net.ties] == [("__proto__", "a")]
    assert len(small().ties) == 2
    with pytest.raises(IndexError):
        delete_tie(small(), -1)


def test_map_data_has_the_finder_of_the_exported_map_and_each_actors_sector():
    data = map_data(small(), "da")
    assert [n["sector"] for n in data["nodes"]] == ["public", "civil", "private"]
    f = data["finder"]
    assert (f["find"], f["find_go"], f["filter"], f["not_found"]) == (
        "Find en aktør",
        "Vis",
        "Viste sektorer",
        "Ingen aktør har det navn.",
    )
    assert f["sectors"] == [("public", "offentlig"), ("civil", "civil"), ("private", "privat")]
