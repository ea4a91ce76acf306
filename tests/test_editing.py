"""Ids made for new actors, actors picked by name, a pasted list of names and two actors merged
(netmap.editing), with what they say (netmap.present.diff): expectations worked out by hand."""

import re

import pytest

from netmap.editing import add_names, choice_labels, merge_actors, neutral_ids, new_id, read_names
from netmap.model import Actor, Network, Tie, validate
from netmap.present.diff import edit_text, merge_texts

# --- ids ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "sector"),
    [("borger", "unknown"), ("Borgere", "civil"), ("", "citizen"), ("", "borger"), ("beboer med demens", "")],
)
def test_a_citizen_gets_a_neutral_id_never_made_from_the_name(kind, sector):
    ids = {new_id(set(), "Anna Hansen", kind, sector) for _ in range(50)}
    assert len(ids) == 50  # random, so two citizens of one name get two ids
    for i in ids:
        assert re.fullmatch(r"borger-[0-9a-f]{8}", i), i
        assert "anna" not in i and "hansen" not in i


def test_other_actors_get_ids_made_from_their_names_unique_in_the_network():
    net = Network([Actor("aftenskole_ølby"), Actor("aftenskole_ølby_2")])
    assert new_id(net, "Aftenskole Ølby", "evening_school", "civil") == "aftenskole_ølby_3"
    assert new_id(set(), "  Lavuk Stjernen (ledelse) ") == "lavuk_stjernen_ledelse"
    assert new_id(set(), "!!!") == "actor"


def test_a_citizen_id_is_never_one_already_taken(monkeypatch):
    import netmap.editing as editing

    draws = iter(["0000aaaa", "0000aaaa", "0000bbbb"])
    monkeypatch.setattr(editing.secrets, "token_hex", lambda n: next(draws))
    assert new_id({"borger-0000aaaa"}, "x", "citizen") == "borger-0000bbbb"


def test_an_actor_that_becomes_a_citizen_gets_a_neutral_id_and_its_ties_follow():
    before = Network(
        [Actor("anna_hansen", "Anna Hansen"), Actor("skolen", "Skolen"), Actor("ole", "Ole", kind="beboer")],
        [Tie("anna_hansen", "skolen"), Tie("ole", "anna_hansen", kind="personal")],
    )
    after = Network(
        [
            Actor("anna_hansen", "Anna Hansen", kind="borger med handicap"),  # became a citizen
            Actor("skolen", "Skolen", sector="civil"),  # not a citizen
            Actor("ole", "Ole Jensen", kind="beboer"),  # a citizen before: its id stays
            Actor("bo", "Bo", sector="citizen"),  # new here: new_id gave it its id
        ],
        list(before.ties),
    )
    net, moved = neutral_ids(before, after)
    (new,) = moved.values()
    assert list(moved) == ["anna_hansen"] and re.fullmatch(r"borger-[0-9a-f]{8}", new)
    assert net.actor_ids == [new, "skolen", "ole", "bo"]
    assert [(t.source, t.target, t.kind) for t in net.ties] == [
        (new, "skolen", "collaboration"),
        ("ole", new, "personal"),
    ]
    assert net.actor(new).name == "Anna Hansen"
    validate(net)
    # Nothing becomes a citizen: the same network back.
    assert neutral_ids(after, net) == (net, {})


# --- picking an actor by name ---------------------------------------------------------------


def test_choice_labels_show_names_and_tell_apart_only_those_that_share_one():
    actors = [
        Actor("a", "Anna", organisation="Skolen"),
        Actor("b", "ANNA ", organisation="Klubben"),
        Actor("c", "Bo", organisation="Skolen"),
        Actor("d", "Bo", organisation="Skolen"),
        Actor("e", "Café"),
        Actor("f", "Dorte", organisation="Skolen"),
        Actor("g", "Dorte"),
    ]
    assert choice_labels(actors) == {
        "a": "Anna (Skolen)",
        "b": "ANNA  (Klubben)",
        "c": "Bo (c)",  # the same organisation tells them nothing: the id does
        "d": "Bo (d)",
        "e": "Café",
        "f": "Dorte (Skolen)",
        "g": "Dorte (g)",
    }


# --- a pasted list of names -----------------------------------------------------------------


def test_a_pasted_list_reports_blank_lines_names_already_there_and_names_listed_twice():
    net = Network([Actor("lavuk", "Lavuk Stjernen"), Actor("ks", "Kulturskolen")])
    text = "Aftenskole Ølby\n\n  • Biblioteket  \nlavuk  stjernen\n\t\nBIBLIOTEKET\nFrivilligcenter\tKasper\tx\n\n"
    p = read_names(text, net)
    assert p.names == ["Aftenskole Ølby", "Biblioteket", "Frivilligcenter"]
    assert p.blank == 2  # the empty line and the line of only a tab; the trailing line breaks are no lines
    assert p.existing == ["lavuk stjernen"]
    assert p.repeated == ["BIBLIOTEKET"]
    assert p.cut == ["Frivilligcenter"]  # a row copied from a spreadsheet: its first cell


def test_names_added_at_once_get_the_chosen_kind_sector_and_ids_of_their_own():
    base = Network([Actor("biblioteket", "Biblioteket (gammel)")])
    net, ids = add_names(base, ["Biblioteket", "Biblioteket!", "Kulturhuset"], kind="association", sector="civil")
    assert ids == ["biblioteket_2", "biblioteket_3", "kulturhuset"]
    assert [(a.name, a.kind, a.sector) for a in net.actors[1:]] == [
        ("Biblioteket", "association", "civil"),
        ("Biblioteket!", "association", "civil"),
        ("Kulturhuset", "association", "civil"),
    ]
    assert base.actor_ids == ["biblioteket"]  # the network given is not changed
    validate(net)


def test_pasted_citizens_get_neutral_ids():
    net, ids = add_names(Network(), ["Anna", "Anna Hansen", "Bo"], kind="beboer")
    assert all(re.fullmatch(r"borger-[0-9a-f]{8}", i) for i in ids) and len(set(ids)) == 3
    assert [a.name for a in net.actors] == ["Anna", "Anna Hansen", "Bo"]


# --- merging two actors ---------------------------------------------------------------------


def merge_example():
    """Kulturhuset (k) and Kulturhus Ølby (o) are the same house; a, b, c are others."""
    actors = [
        Actor("k", "Kulturhuset", notes="Åbent alle dage", attributes={"tlf": ""}, x=1.0, y=2.0),
        Actor(
            "o",
            "Kulturhus Ølby",
            kind="evening_school",
            sector="civil",
            level="management",
            scope="municipal",
            organisation="Ølby Kommune",
            partner=True,
            notes="Kontakt: Mette",
            attributes={"tlf": "1234", "web": "x.dk"},
            x=5.0,
            y=5.0,
        ),
        Actor("a", "Anna", sector="citizen"),
        Actor("b", "Bo", sector="civil"),
        Actor("c", "Café", sector="private"),
    ]
    ties = [
        Tie("k", "a", "collaboration", 2.0, notes="k-a"),  # 0
        Tie("o", "a", "samarbejde", 3.0, notes="o-a"),  # 1: the same kind to a: joined with 0
        Tie("o", "b", "funding", 1.0, directed=True),  # 2: moves (k -> b)
        Tie("k", "o", "personal", 2.0),  # 3: between the two: dropped
        Tie("b", "k", "referral", 2.0, directed=True),  # 4
        Tie("b", "o", "referral", 3.0, directed=True),  # 5: b -> k again: joined with 4
        Tie("k", "c", "information", 1.0, directed=True),  # 6
        Tie("c", "o", "information", 2.0, directed=True),  # 7: c -> k, the other way round: moves
        Tie("a", "b", "collaboration", 2.0),  # 8: not touched
    ]
    return Network(actors, ties, name="hus")


def test_merge_moves_joins_and_drops_ties_as_worked_out_by_hand():
    net = merge_example()
    merged, plan = merge_actors(net, "k", "o")
    assert merged.actor_ids == ["k", "a", "b", "c"]
    assert [(t.source, t.target, t.kind, t.strength, t.directed, t.notes) for t in merged.ties] == [
        ("k", "a", "collaboration", 3.0, False, "k-a\no-a"),  # 0 + 1: the stronger, both notes
        ("k", "b", "funding", 1.0, True, ""),  # 2 moved
        ("b", "k", "referral", 3.0, True, ""),  # 4 + 5: the stronger, still directed
        ("k", "c", "information", 1.0, True, ""),  # 6
        ("c", "k", "information", 2.0, True, ""),  # 7 moved: the other direction is another tie
        ("a", "b", "collaboration", 2.0, False, ""),  # 8
    ]
    assert [(t.source, t.target) for t, _new in plan.moved] == [("o", "b"), ("c", "o")]
    assert [[(t.source, t.target) for t in group] for group, _joined in plan.joined] == [
        [("k", "a"), ("o", "a")],
        [("b", "k"), ("b", "o")],
    ]
    assert [(t.source, t.target, t.kind) for t in plan.dropped] == [("k", "o", "personal")]
    validate(merged)  # a valid network: no tie repeated, none to itself


def test_merge_fills_the_kept_actors_empty_fields_and_keeps_its_own_values():
    merged, plan = merge_actors(merge_example(), "k", "o")
    kept = merged.actor("k")
    assert (kept.name, kept.kind, kept.sector, kept.level, kept.scope) == (
        "Kulturhuset",
        "evening_school",
        "civil",
        "operational",
        "local",
    )
    assert (kept.organisation, kept.partner, kept.notes) == ("Ølby Kommune", True, "Åbent alle dage\nKontakt: Mette")
    assert kept.attributes == {"tlf": "1234", "web": "x.dk"} and (kept.x, kept.y) == (1.0, 2.0)
    assert plan.filled == {
        "kind": ("", "evening_school"),
        "sector": ("unknown", "civil"),
        "organisation": ("", "Ølby Kommune"),
        "partner": (False, True),
        "notes": ("Åbent alle dage", "Åbent alle dage\nKontakt: Mette"),
        "attributes.tlf": ("", "1234"),
        "attributes.web": (None, "x.dk"),
    }
    assert plan.kept == {
        "name": ("Kulturhuset", "Kulturhus Ølby"),
        "level": ("operational", "management"),
        "scope": ("local", "municipal"),
    }


def test_an_undirected_tie_joins_both_directed_ties_of_its_kind():
    net = Network(
        [Actor("k", "K"), Actor("o", "O"), Actor("c", "C")],
        [
            Tie("k", "c", "information", 1.0, directed=True),
            Tie("c", "k", "information", 2.0, directed=True),
            Tie("o", "c", "information", 1.5),
        ],
    )
    merged, plan = merge_actors(net, "k", "o")
    assert [(t.source, t.target, t.strength, t.directed) for t in merged.ties] == [("k", "c", 2.0, False)]
    assert len(plan.joined) == 1 and len(plan.joined[0][0]) == 3 and plan.moved == []
    validate(merged)


def test_merge_refuses_one_actor_twice_and_unknown_actors():
    with pytest.raises(ValueError):
        merge_actors(merge_example(), "k", "k")
    with pytest.raises(KeyError):
        merge_actors(merge_example(), "k", "nobody")


def test_the_merge_says_what_it_does_before_it_is_saved():
    net = merge_example()
    names = {a.id: a.label for a in net.actors}
    texts = merge_texts(merge_actors(net, "k", "o")[1], names, "en")
    assert texts[0] == (
        "Kulturhuset takes from Kulturhus Ølby:",
        [
            "Kind: - \u2192 evening school",
            "Sector: unknown \u2192 civil",
            "Organisation: - \u2192 Ølby Kommune",
            "Partner (core): no \u2192 yes",
            "Notes: Åbent alle dage \u2192 Åbent alle dage\nKontakt: Mette",
            "attribute tlf: - \u2192 1234",
            "attribute web: - \u2192 x.dk",
        ],
    )
    assert texts[1][1] == [
        "Name: Kulturhuset (not Kulturhus Ølby)",
        "Level: operational (not management)",
        "Scope: local (not municipal)",
    ]
    assert texts[2] == (
        "2 ties of Kulturhus Ølby move to Kulturhuset:",
        [
            "Kulturhus Ølby \u2192 Bo (funding) becomes Kulturhuset \u2192 Bo (funding)",
            "Café \u2192 Kulturhus Ølby (information) becomes Café \u2192 Kulturhuset (information)",
        ],
    )
    head, lines = texts[3]
    assert head == "2 ties become duplicates and are joined:"
    assert "takes the stronger strength, is undirected if either was" in lines[0]
    assert lines[1:] == [
        "Kulturhuset \u2014 Anna (collaboration), 2 + Kulturhus Ølby \u2014 Anna (collaboration), 3 become "
        "Kulturhuset \u2014 Anna (collaboration), strength 3",
        "Bo \u2192 Kulturhuset (referral), 2 + Bo \u2192 Kulturhus Ølby (referral), 3 become "
        "Bo \u2192 Kulturhuset (referral), strength 3",
    ]
    assert texts[4] == (
        "1 tie between the two is removed (an actor is not tied to itself):",
        ["Kulturhuset \u2014 Kulturhus Ølby (personal, informal)"],  # not nested brackets
    )
    assert texts[5] == ("Kulturhus Ølby is removed; from now on it is Kulturhuset.", [])
    danish = merge_texts(merge_actors(net, "k", "o")[1], names, "da")
    assert danish[0][0] == "Kulturhuset får fra Kulturhus Ølby:"


# --- one edit in words ----------------------------------------------------------------------


def small():
    return Network(
        [Actor("a", "Anna", sector="civil"), Actor("b", "Bo", sector="public"), Actor("c", "Café")],
        [Tie("a", "b", "collaboration", 2.0), Tie("b", "c", "funding", 1.0)],
    )


def with_actor(net, actor_id, **fields):
    from dataclasses import replace

    return replace(net, actors=[replace(a, **fields) if a.id == actor_id else a for a in net.actors])


def test_one_edit_in_words():
    net = small()
    assert edit_text(net, with_actor(net, "a", name="Ann")) == "renamed Anna to Ann"
    assert edit_text(net, with_actor(net, "a", sector="public")) == "changed Anna: Sector: civil \u2192 public"
    assert edit_text(net, net.without("c")) == "deleted Café; deleted the tie Bo \u2014 Café (funding)"
    assert edit_text(net.without("c"), net) == "added Café; added the tie Bo \u2014 Café (funding)"
    assert edit_text(net, with_actor(net, "b", x=3.0, y=4.0)) == "moved Bo"
    assert edit_text(net, net) == "no change"
    stronger = Network(net.actors, [Tie("a", "b", "collaboration", 3.0), net.ties[1]])
    assert edit_text(net, stronger) == "changed the tie Anna \u2014 Bo (collaboration): Strength: 2 \u2192 3"
    four = Network(net.actors + [Actor(f"n{i}", f"N{i}") for i in range(4)], net.ties)
    assert edit_text(net, four) == "added 4 actors: N0; N1; N2 (+1)"
    assert edit_text(net, with_actor(net, "a", name="Ann"), "da") == "omdøbte Anna til Ann"


def test_a_joined_tie_keeps_the_note_of_the_merged_actors_tie_when_the_kept_one_has_none():
    """Kulturhuset–Biblioteket has no note, Kulturhus Ølby–Biblioteket says "Fast møde"; after
    the merge the one tie says it (the preview promises the notes of both)."""
    net = Network(
        actors=[Actor("k", "Kulturhuset"), Actor("o", "Kulturhus Ølby"), Actor("b", "Biblioteket")],
        ties=[Tie("k", "b", strength=2.0), Tie("o", "b", strength=1.0, notes="Fast møde")],
    )
    merged, _plan = merge_actors(net, "k", "o")
    assert [(t.source, t.target, t.strength, t.notes) for t in merged.ties] == [("k", "b", 2.0, "Fast møde")]
