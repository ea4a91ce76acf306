"""One actor's measures and roles in words (netmap.present.report.actor_words), for the map's panel.

Expected values are hand calculations on a five-actor network:

    a (public, partner) – b (civil) – c (public, management: far)
                          b – e (private)          d (private): no tie

b brokers the six ordered two-paths between a, c and e (no two of them are tied): a→b→c and
c→b→a join two public actors through a civil one (itinerant, 2); the four between e and a or c
join three sectors (liaison, 4). Betweenness of b: the 3 pairs among a, c, e all pass through it,
3 / ((5-1)(5-2)/2) = 0.5; without b, e (the only private actor) has no path to the core. Reach of a: b directly (near); b, e (near) and c (far) within two steps.
"""

from netmap.analysis import analyze
from netmap.model import Actor, Network, Tie
from netmap.present.report import actor_words


def network():
    return Network(
        actors=[
            Actor("a", name="Alpha", sector="public", partner=True),
            Actor("b", name="Beta", sector="civil"),
            Actor("c", name="Gamma", sector="public", level="management"),
            Actor("d", name="Delta", sector="private"),
            Actor("e", name="Epsilon", sector="private"),
        ],
        ties=[Tie("a", "b"), Tie("b", "c"), Tie("b", "e")],
    )


def test_a_broker_between_sectors_in_words():
    words = actor_words(analyze(network()), "b", "en")
    assert words["reach"] == ["Near reach: 2 directly, 2 within two steps", "Far reach: 1 directly, 1 within two steps"]
    assert words["betweenness"] == "Betweenness 0.500: rank 1 of 5 actors"
    assert words["brokerage"] == [
        "Boundary spanner: brokers across sectors 6 times",
        "Itinerant, 2 times: links two actors of one other sector",
        "Liaison, 4 times: links actors of two other, different sectors",
    ]
    assert words["isolation"] == "Not isolated: tied to 3 actors"
    # Without b, e (the only private actor) has no path to the core (a).
    assert [(f["severity_label"], f["title"]) for f in words["flags"]] == [("High", "Depends on single actors")]
    assert "without Beta no private actor reaches the core" in words["flags"][0]["message"]


def test_an_actor_that_brokers_nothing_and_reaches_far_through_another():
    words = actor_words(analyze(network()), "a", "en")
    assert words["reach"] == ["Near reach: 1 directly, 2 within two steps", "Far reach: 0 directly, 1 within two steps"]
    assert words["betweenness"] == "Betweenness 0: it lies on no shortest path between two other actors"
    assert words["brokerage"] == [
        "Not a boundary spanner: it brokers between no two sectors",
        "No brokerage role: it links no two actors that have no tie of their own",
    ]
    assert actor_words(analyze(network()), "c", "en")["isolation"] == "Not isolated: tied to 1 actor"


def test_an_isolated_actor_and_the_flag_that_names_it():
    words = actor_words(analyze(network()), "d", "en")
    assert words["isolation"] == "Isolated: it has no tie"
    assert [(f["severity_label"], f["title"]) for f in words["flags"]] == [("Warning", "Isolated actors")]
    assert words["flags"][0]["message"].startswith("1 actor has no tie, or no path to the partnership core: Delta.")
    # The line the app shows: the severity as a word, then the title; no bracketed tag.
    assert words["flags"][0]["line"].startswith(
        "Warning \u2013 Isolated actors: 1 actor has no tie, or no path to the partnership core: Delta."
    )


def test_in_danish():
    words = actor_words(analyze(network()), "b", "da")
    assert words["reach"][0] == "Nær rækkevidde: 2 direkte, 2 inden for to skridt"
    assert words["betweenness"] == "Mellemhed (betweenness) 0,500: nr. 1 af 5 aktører"
    assert (
        words["brokerage"][2]
        == "Forbindelsesled, 4 gange: forbinder aktører fra to andre, indbyrdes forskellige sektorer"
    )
    assert actor_words(analyze(network()), "d", "da")["isolation"] == "Isoleret: den har ingen relationer"
    assert words["flags"][0]["line"].startswith("Høj \u2013 Afhængig af enkelte aktører: Partnerskabet hænger på")
    [isolated] = actor_words(analyze(network()), "d", "da")["flags"]
    assert isolated["line"].startswith("Advarsel \u2013 Isolerede aktører: 1 aktør har ingen relationer")


def test_a_network_without_betweenness_says_nothing_of_it():
    assert actor_words(analyze(network(), betweenness=False), "b", "en")["betweenness"] is None
