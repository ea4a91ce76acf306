"""The history of a network (netmap.history, Workspace.restore): every revision in words, newest
first, paged; restoring a revision as a new one; who saved it. Real SQLite files in tmp_path;
the expected words are written out by hand."""

import sqlite3

import pytest

from netmap.editing import noted_merge
from netmap.history import page, pages
from netmap.i18n import moment
from netmap.model import Actor, Network, Tie
from netmap.present.diff import revision_lines
from netmap.workspace import SCHEMA_VERSION, StaleEditError, Workspace
from tests.test_workspace import _old_workspace


def two_actors():
    return Network(
        name="p",
        actors=[Actor(id="a", name="Alpha", sector="public"), Actor(id="b", name="Beta", sector="civil")],
        ties=[Tie(source="a", target="b")],
    )


@pytest.fixture
def ws3(tmp_path):
    """Three revisions: 1 two actors and a tie; 2 Alpha renamed Alfa and Gamma added; 3 the tie
    removed and Beta moved."""
    ws = Workspace(tmp_path / "ws.sqlite")
    net = two_actors()
    ws.create("p", net, author="Mette")
    net.actors[0].name = "Alfa"
    net.actors.append(Actor(id="c", name="Gamma"))
    ws.save("p", net)
    net.ties = []
    net.actors[1].x, net.actors[1].y = 10.0, 20.0
    ws.save("p", net, author="Jonas")
    return ws


def words(ws, lang="en", number=0, **kw):
    return [(r.rev, revision_lines(r, lang)) for r in page(ws, "p", number, **kw)]


def test_each_revision_in_words_newest_first(ws3):
    assert words(ws3) == [
        (3, ["Tie removed: Alfa \u2014 Beta (collaboration)", "1 actor moved on the map"]),
        (2, ["Actor added: Gamma", "Alfa: Name: Alpha \u2192 Alfa"]),
        (1, ["Network started: 2 actors, 1 tie"]),
    ]
    assert words(ws3, "da") == [
        (3, ["Relation fjernet: Alfa \u2014 Beta (samarbejde)", "1 aktør flyttet på kortet"]),
        (2, ["Aktør tilføjet: Gamma", "Alfa: Navn: Alpha \u2192 Alfa"]),
        (1, ["Netværket oprettet: 2 aktører, 1 relation"]),
    ]


def test_who_saved_each_revision_and_which_is_current(ws3):
    items = page(ws3, "p")
    assert [(r.rev, r.author, r.state) for r in items] == [(3, "Jonas", "current"), (2, None, ""), (1, "Mette", "")]
    ws3.undo("p")
    assert [r.state for r in page(ws3, "p")] == ["undone", "current", ""]
    con = sqlite3.connect(ws3.path)  # in the file itself
    assert con.execute("SELECT rev, author FROM revisions ORDER BY rev").fetchall() == [
        (1, "Mette"),
        (2, None),
        (3, "Jonas"),
    ]
    con.close()


def test_a_long_list_of_changes_is_shortened(tmp_path):
    ws = Workspace(tmp_path / "ws.sqlite")
    net = Network(name="p", actors=[Actor(id="a", name="A")])
    ws.create("p", net)
    net.actors += [Actor(id=f"n{i:02d}", name=f"New {i:02d}") for i in range(17)]
    ws.save("p", net)
    newest = page(ws, "p")[0]
    assert revision_lines(newest, "en") == [
        "Actor added: New 00",
        "Actor added: New 01",
        "Actor added: New 02",
        "Actor added: New 03",
        "Actor added: New 04",
        "and 12 more changes",
    ]
    assert revision_lines(newest, "da")[-1] == "og 12 ændringer mere"
    assert len(revision_lines(newest, "en", limit=None)) == 17


def test_a_long_history_comes_in_pages_of_20(tmp_path):
    ws = Workspace(tmp_path / "ws.sqlite")
    net = Network(name="p", actors=[Actor(id="a", name="A")])
    ws.create("p", net)
    for i in range(2, 46):  # revisions 2..45: each renames A
        net.actors[0].name = f"A{i}"
        ws.save("p", net)
    assert pages(ws, "p") == 3  # 45 revisions: 20 + 20 + 5
    first, last = page(ws, "p", 0), page(ws, "p", 2)
    assert [r.rev for r in first] == list(range(45, 25, -1))
    assert [r.rev for r in last] == [5, 4, 3, 2, 1]
    # The last of a page is compared with the first of the next page.
    assert revision_lines(first[-1], "en") == ["A26: Name: A25 \u2192 A26"]
    assert page(ws, "p", 3) == []


def test_restore_makes_a_new_revision_with_the_old_content_and_keeps_the_rest(ws3):
    old_doc = ws3.document("p", 1)
    assert ws3.restore("p", 1, expected_revision=3, author="Mette") == 4
    assert ws3.revision("p") == 4 and ws3.document("p", 4) == old_doc
    assert [rev for rev, _saved, _author in ws3.revisions("p")] == [4, 3, 2, 1]  # nothing lost
    assert revision_lines(page(ws3, "p")[0], "en") == [
        "Actor removed: Gamma",
        "Alpha: Name: Alfa \u2192 Alpha",
        "Tie added: Alpha \u2014 Beta (collaboration)",
        "1 actor moved on the map",
    ]
    # Restoring what is already current adds nothing.
    assert ws3.restore("p", 1) == 4 and ws3.count_revisions("p") == 4


def test_a_stale_restore_saves_nothing(ws3):
    with pytest.raises(StaleEditError):
        ws3.restore("p", 1, expected_revision=2)
    assert ws3.revision("p") == 3 and ws3.count_revisions("p") == 3


def test_a_note_that_this_netmap_cannot_read_is_no_note(tmp_path):
    """A revision's note is read as a dict or not at all: another version's or a damaged note
    never stops the history (the merge is then told by what it did)."""
    ws = Workspace(tmp_path / "ws.sqlite")
    ws.create("p", nord())
    ws.save("p", nord().without("f"), note={"merge": "not a pair"})
    con = sqlite3.connect(tmp_path / "ws.sqlite")
    con.execute("UPDATE revisions SET note = '{broken' WHERE rev = 1")
    con.commit()
    con.close()
    assert ws.note("p", 1) is None and ws.note("p", 2) == {"merge": "not a pair"}
    assert noted_merge(ws.note("p", 2)) is None
    assert words(ws)[0] == (2, ["Actor removed: Frivilligcenter Nord"])


def test_an_older_workspace_gets_the_author_column_and_keeps_its_revisions(tmp_path):
    path = tmp_path / "old.sqlite"
    _old_workspace(path)
    ws = Workspace(path)
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 2
    assert con.execute("SELECT rev, author FROM revisions").fetchall() == [(1, None)]
    con.close()
    assert [(r.rev, r.author, revision_lines(r, "en")) for r in page(ws, "old")] == [
        (1, None, ["Network started: 1 actor, 0 ties"])
    ]


def test_a_moment_in_the_users_language_and_time_zone():
    # 17:50 UTC on 1 December is 18:50 in Copenhagen (winter time, UTC+1).
    assert moment("2026-12-01T17:50:17+00:00", "da", "Europe/Copenhagen") == "1. dec. 2026 18.50.17"
    assert moment("2026-12-01T17:50:17+00:00", "en", "Europe/Copenhagen") == "1 Dec 2026, 18:50:17"
    assert moment("2026-12-01T17:50:17+00:00", "en", "No/Such_Zone") == "1 Dec 2026, 17:50:17 UTC"
    assert moment("not a time", "da") == "not a time"


def test_each_revision_says_what_the_comparison_of_the_whole_networks_says(tmp_path):
    """Brute force: a page reads only the records that differ; what it finds must be
    netmap.compare.changes of the two whole networks, over random edits of every kind."""
    import copy
    import random

    from netmap.compare import changes
    from netmap.generate import generate

    rnd = random.Random(7)
    ws = Workspace(tmp_path / "ws.sqlite")
    net = generate(150, seed=3)
    ws.create("g", net)
    moved = {}
    for step in range(8):
        net = copy.deepcopy(net)
        gone = {a.id for a in rnd.sample(net.actors, 2)}
        net.actors = [a for a in net.actors if a.id not in gone]
        net.ties = [t for t in net.ties if t.source not in gone and t.target not in gone]
        for a in rnd.sample(net.actors, 3):
            a.name += " (ny)"
        rnd.choice(net.actors).sector = "private"
        shifted = rnd.sample(net.actors, 2)
        for a in shifted:
            a.x, a.y = rnd.uniform(-500, 500), rnd.uniform(-500, 500)
        net.ties = [t for t in net.ties if rnd.random() > 0.02]
        for t in rnd.sample(net.ties, 3):
            t.strength = float(rnd.choice([1, 2, 3]))
        flip = rnd.choice(net.ties)
        flip.directed = not flip.directed
        net.actors += [Actor(id=f"s{step}_{i}", name=f"Step {step} actor {i}") for i in range(2)]
        keys, ids = {t.key for t in net.ties}, net.actor_ids
        for _ in range(3):
            tie = Tie(*rnd.sample(ids, 2), kind="information")
            if tie.key not in keys and tie.key != flip.key:
                keys.add(tie.key)
                net.ties.append(tie)
        moved[ws.save("g", net)] = len(shifted)
    items = page(ws, "g")
    assert [r.rev for r in items] == list(range(9, 0, -1))
    for item in items[:-1]:
        assert item.edits == changes(ws.load("g", item.rev - 1), ws.load("g", item.rev))
        assert item.edits["actors"]["added"] and item.edits["ties"]["changed"]  # the test edits something
        assert item.moved == moved[item.rev]


def merge_pair():
    """Beta (b) is Alfa (a) again: b's ties go to a. Worked out by hand: b has 3 ties; the one
    with a is dropped, b–c joins a–c (same kind), d→b becomes d→a: 2 ties moved. Alfa has
    nothing empty that Beta could fill (its sector stays public), so Alfa itself is unchanged."""
    return Network(
        name="p",
        actors=[
            Actor(id="a", name="Alfa", sector="public"),
            Actor(id="b", name="Beta", sector="civil"),
            Actor(id="c", name="Gamma"),
            Actor(id="d", name="Delta"),
        ],
        ties=[
            Tie(source="a", target="b"),
            Tie(source="a", target="c"),
            Tie(source="b", target="c"),
            Tie(source="d", target="b", kind="information", directed=True),
        ],
    )


def test_a_merge_is_told_as_a_merge_in_the_history_and_undo(tmp_path):
    from netmap.editing import merge_actors
    from netmap.present.diff import edit_text

    ws = Workspace(tmp_path / "ws.sqlite")
    before = merge_pair()
    ws.create("p", before)
    after, _plan = merge_actors(before, "a", "b")
    ws.save("p", after)
    assert words(ws) == [(2, ["Merged Beta into Alfa (2 ties moved)"]), (1, ["Network started: 4 actors, 4 ties"])]
    assert words(ws, "da")[0] == (2, ["Beta slået sammen med Alfa (2 relationer flyttet)"])
    # What the sidebar's undo and redo say of it (netmap.ui.views._undone): the two stored revisions
    old, new = ws.load("p", 1), ws.load("p", 2)
    assert edit_text(old, new, "en") == "merged Beta into Alfa (2 ties moved)"
    assert edit_text(old, new, "da") == "slog Beta sammen med Alfa (2 relationer flyttet)"


def test_an_actor_that_becomes_a_citizen_is_told_as_changed_not_deleted_and_added(tmp_path):
    """Walk-through: Beta's sector set to citizen gives it a neutral id (its ties follow, no name in
    an id), and the history said "Actor added: Beta / Actor removed: Beta" and the tie removed and
    added again, as if data were lost. It is one actor, changed."""
    from dataclasses import replace

    from netmap.editing import CITIZEN_ID_PREFIX, neutral_ids
    from netmap.present.diff import edit_text

    ws = Workspace(tmp_path / "ws.sqlite")
    before = two_actors()
    before.ties = [Tie(source="a", target="b")]
    ws.create("p", before)
    changed = replace(before, actors=[before.actors[0], replace(before.actors[1], sector="citizen")])
    after, moved = neutral_ids(before, changed)
    assert moved["b"].startswith(CITIZEN_ID_PREFIX) and after.ties[0].target == moved["b"]
    ws.save("p", after)
    assert words(ws)[0] == (2, ["Beta: Sector: civil → citizen"])
    assert words(ws, "da")[0] == (2, ["Beta: Sektor: civil → borger"])
    assert edit_text(ws.load("p", 1), ws.load("p", 2), "en") == "changed Beta: Sector: civil → citizen"


def test_a_merge_that_fills_the_kept_actor_says_what_it_took(tmp_path):
    """Delta has one tie, to Gamma, and a note that Gamma lacks: one tie moved, and the note."""
    from netmap.editing import merge_actors

    ws = Workspace(tmp_path / "ws.sqlite")
    net = merge_pair()
    net.actors[3].notes = "Kontakt: Mette"
    ws.create("p", net)
    ws.save("p", merge_actors(net, "c", "d")[0])
    assert words(ws)[0] == (2, ["Merged Delta into Gamma (1 tie moved)", "Gamma: Notes: - \u2192 Kontakt: Mette"])
    assert words(ws, "da")[0] == (
        2,
        ["Delta slået sammen med Gamma (1 relation flyttet)", "Gamma: Noter: - \u2192 Kontakt: Mette"],
    )


def test_deleting_an_actor_whose_ties_another_one_has_too_is_no_merge(tmp_path):
    """Beta's one tie, to Gamma, is one Alfa has too; deleting Beta (and its tie) leaves Alfa as
    it was: a deletion, not a merge into Alfa. Nor is a merge with another edit in the same
    revision (here Delta renamed)."""
    ws = Workspace(tmp_path / "ws.sqlite")
    net = merge_pair()
    net.ties = net.ties[1:3]  # a–c, b–c
    ws.create("p", net)
    ws.save("p", net.without("b"))
    assert words(ws)[0] == (2, ["Actor removed: Beta", "Tie removed: Beta \u2014 Gamma (collaboration)"])
    from netmap.editing import merge_actors

    both = merge_actors(merge_pair(), "a", "b")[0]
    both.actors[-1].name = "Delta 2"
    ws.save("p", merge_pair())
    ws.save("p", both)
    assert not any(line.startswith("Merged") for line in words(ws)[0][1])


def test_a_change_of_the_review_is_told_and_so_is_what_restoring_undoes(tmp_path):
    """The review (Table 7.1) is stored with the network: a revision that only rated element 1
    says so, and going back to revision 1 (what a restore does) says the rating goes back. The
    element's wording and the rating's are those of the review page (vocab.REVIEW_ELEMENTS,
    RATINGS), written out here."""
    from netmap.present.diff import edit_text, network_edit_lines
    from netmap.review import with_entry

    ws = Workspace(tmp_path / "ws.sqlite")
    net = two_actors()
    ws.create("p", net)
    ws.save("p", with_entry(net, 5, 2, "", "2026-12-02"))
    ws.save("p", with_entry(ws.load("p"), 5, 2, "Møder hver måned", "2026-12-02"))
    element_en, element_da = "Flexibility and openness to learning", "Fleksibilitet og åbenhed over for at lære"
    assert words(ws)[:2] == [
        (3, [f"Review: 5. {element_en}: Note: - \u2192 Møder hver måned"]),
        (2, [f"Review: 5. {element_en}: not assessed \u2192 2 \u2013 partly in place"]),
    ]
    assert words(ws, "da")[1] == (2, [f"Vurdering: 5. {element_da}: ikke vurderet \u2192 2 \u2013 delvist på plads"])
    now, first = ws.load("p"), ws.load("p", 1)
    assert network_edit_lines(now, first, "da") == [
        f"Vurdering: 5. {element_da}: 2 \u2013 delvist på plads \u2192 ikke vurderet; Note: Møder hver måned \u2192 -"
    ]
    assert edit_text(first, ws.load("p", 2), "en") == (
        f"changed the review: 5. {element_en}: not assessed \u2192 2 \u2013 partly in place"
    )
    ws.save("p", with_entry(first, 1, 4, "", "2026-12-02"))
    ws.restore("p", 2)  # element 1 goes back to not assessed, element 5 to partly in place
    assert words(ws)[0][1] == [
        "Review: 1. Prior experience of cross-cutting work and an active local network, both near and far: "
        "4 \u2013 fully in place \u2192 not assessed",
        f"Review: 5. {element_en}: not assessed \u2192 2 \u2013 partly in place",
    ]
    assert edit_text(ws.load("p", 4), ws.load("p", 5), "da") == "ændrede vurderingen af 2 elementer (nr. 1, 5)"


def test_deleted_added_and_changed_ties_are_named_as_actors_are(tmp_path):
    """Three ties deleted in one edit: each by its ends and kind, the first three, then how many
    more (as deleted actors are listed)."""
    from netmap.present.diff import edit_text

    net = merge_pair()
    fewer = Network(name="p", actors=net.actors, ties=net.ties[:1])
    assert edit_text(net, fewer, "en") == (
        "deleted 3 ties: Alfa \u2014 Gamma (collaboration); Beta \u2014 Gamma (collaboration); "
        "Delta \u2192 Beta (information)"
    )
    assert edit_text(fewer, net, "da") == (
        "tilføjede 3 relationer: Alfa \u2014 Gamma (samarbejde); Beta \u2014 Gamma (samarbejde); "
        "Delta \u2192 Beta (information)"
    )
    one = Network(name="p", actors=net.actors, ties=[])
    assert edit_text(net, one, "en").endswith("Beta \u2014 Gamma (collaboration) (+1)")


def nord():
    """The walk-through's Ældrenetværk Nord, cut down: Hjemmeplejen Nord (public sector, a note)
    is Sundhedshuset (sector not known) again; neither has a tie to a third actor."""
    return Network(
        name="p",
        actors=[
            Actor(id="h", name="Hjemmeplejen Nord", sector="public", notes="Kontakt: Mette"),
            Actor(id="s", name="Sundhedshuset"),
            Actor(id="f", name="Frivilligcenter Nord"),
        ],
        ties=[Tie(source="h", target="s")],
    )


def test_a_merge_of_an_actor_without_other_ties_is_told_as_a_merge_when_the_kept_one_took_something(tmp_path):
    """No tie moves (the one between the two is dropped), but Sundhedshuset takes the sector and
    the note of Hjemmeplejen Nord: a merge, with what it took. Deleting Hjemmeplejen Nord and
    setting Sundhedshuset's sector to another one in the same revision is not; and a merge
    that gives the kept actor nothing (the walk-through: no ties, no fields) looks exactly like
    a deletion: made elsewhere (a file edited by hand), it is told as one; saved with the note
    the app writes for its merges, it is told as a merge."""
    import copy

    from netmap.editing import merge_actors
    from netmap.present.diff import edit_text

    ws = Workspace(tmp_path / "ws.sqlite")
    net = nord()
    ws.create("p", net)
    ws.save("p", merge_actors(net, "s", "h")[0])
    assert words(ws)[0] == (
        2,
        [
            "Merged Hjemmeplejen Nord into Sundhedshuset",
            "Sundhedshuset: Sector: unknown \u2192 public; Notes: - \u2192 Kontakt: Mette",
        ],
    )
    assert words(ws, "da")[0][1][0] == "Hjemmeplejen Nord slået sammen med Sundhedshuset"
    assert edit_text(ws.load("p", 1), ws.load("p", 2), "da").startswith(
        "slog Hjemmeplejen Nord sammen med Sundhedshuset;"
    )
    other = copy.deepcopy(net).without("h")
    other.actors[0].sector = "private"
    assert edit_text(net, other, "en") == (
        "deleted Hjemmeplejen Nord; changed Sundhedshuset: Sector: unknown \u2192 private; "
        "deleted the tie Hjemmeplejen Nord \u2014 Sundhedshuset (collaboration)"
    )
    bare = Network(name="p", actors=[Actor(id="h", name="Hjemmeplejen Nord"), *net.actors[1:]])
    assert edit_text(bare, merge_actors(bare, "s", "h")[0], "en") == "deleted Hjemmeplejen Nord"
    noted = noted_merge({"merge": ["s", "h"]})
    assert edit_text(bare, merge_actors(bare, "s", "h")[0], "en", noted) == (
        "merged Hjemmeplejen Nord into Sundhedshuset"
    )
    ws.create("bare", bare)
    ws.save("bare", merge_actors(bare, "s", "h")[0], note={"merge": ["s", "h"]})
    assert ws.note("bare", 2) == {"merge": ["s", "h"]} and ws.note("bare", 1) is None
    assert [(r.rev, revision_lines(r, "da")) for r in page(ws, "bare")][0] == (
        2,
        ["Hjemmeplejen Nord slået sammen med Sundhedshuset"],
    )
    ws.save("bare", bare)  # Hjemmeplejen Nord back, by hand: no note
    assert page(ws, "bare")[0].merged is None


def test_a_tie_whose_kind_changed_is_told_as_one_change_with_its_strength(tmp_path):
    """Found in a walk-through: a tie changed in the panel from collaboration (2) to funding (3)
    was told as "Tie added: … (funding)" and "Tie removed: … (collaboration)", and its strength's
    change was not told at all. The two actors' one tie removed and one added are one change."""
    ws = Workspace(tmp_path / "ws.sqlite")
    net = nord()
    ws.create("p", net)
    edited = nord()
    edited.ties[0].kind, edited.ties[0].strength = "funding", 3
    ws.save("p", edited)
    assert words(ws)[0] == (
        2,
        [
            "Hjemmeplejen Nord \u2014 Sundhedshuset (funding): Kind of tie: collaboration \u2192 funding; Strength: 2 \u2192 3"
        ],
    )
    # Another tie added between two other actors beside it is still an addition.
    edited.ties.append(Tie(source="s", target="f", kind="referral"))
    ws.save("p", edited)
    assert words(ws)[0] == (3, ["Tie added: Frivilligcenter Nord \u2014 Sundhedshuset (referral)"])
