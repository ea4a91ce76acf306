"""The partners' survey (issue 13, netmap/survey.py) on a real workspace, SQLite and PostgreSQL
(conftest's ``location``): rounds, personal links stored only as hashes, answers, results
checked against a hand calculation, privacy (retention, purge, pseudonyms), rename and backup."""

import json
import sqlite3
from pathlib import Path

import pytest

from netmap import backup as backups
from netmap import survey as S
from netmap.errors import InputError, NetmapError
from netmap.model import Actor, Network, Tie
from netmap.store import is_url
from netmap.workspace import MIGRATIONS, Workspace, _m5_survey

DAY = "2026-03-02"  # the round's date; the links work until 2026-04-01 (30 days) by default
#: Answers kept until then: results() deletes answers past their retention date, on the real day.
KEEP = "2099-12-31"
DURING = "2026-03-05"


def partnership():
    """Three core partners (the respondents by default), one other organisation, two citizens."""
    return Network(
        actors=[
            Actor("k", "Kommunen", sector="public", partner=True),
            Actor("f", "FOF Aftenskole", sector="civil", partner=True),
            Actor("l", "Lavuk Stjernen", sector="public", partner=True),
            Actor("s", "Socialforvaltningen", sector="public"),
            Actor("b", "Jens Hansen", kind="borger", sector="citizen"),
            Actor("p", "Poul Madsen", kind="beboer", sector="public"),  # a citizen by his kind
        ],
        ties=[Tie("k", "f", kind="collaboration", strength=1.0), Tie("k", "b", kind="personal")],
        name="net",
    )


@pytest.fixture
def ws(location):
    ws = Workspace(location)
    ws.create("net", partnership())
    return ws


def tie(partner, kinds, frequency, value, trust):
    return {
        "partner": partner,
        "kinds": kinds,
        "frequency": frequency,
        "value": dict(zip(S.VALUE_ITEMS, value, strict=True)),
        "trust": dict(zip(S.TRUST_ITEMS, trust, strict=True)),
    }


# Kommunen's answer: FOF (weekly; value 3, 4, 2; trust 4, 3, 4) and Lavuk (monthly; value 2, 2, -;
# trust 3, -, 3).
K_ANSWER = {
    "ties": [
        tie("f", ["collaboration", "formal_agreement"], "weekly", (3, 4, 2), (4, 3, 4)),
        tie("l", ["personal"], "monthly", (2, 2, None), (3, None, 3)),
    ],
    "influence": {"f": 4, "l": 2, "s": 5, "group:citizen": 1},
    "elements": {"2": {"rating": 4}, "9": {"rating": 1, "comment": "For lidt tid"}, "14": {"rating": 3}},
    "step": "done",
    "finished": True,
}
# FOF's answer: Kommunen (monthly; value 4, 3, 3; trust 2, 2, 3) and Socialforvaltningen, not a
# respondent (less often; value 1, 2, 1; trust 2, 2, -).
F_ANSWER = {
    "ties": [
        tie("k", ["collaboration"], "monthly", (4, 3, 3), (2, 2, 3)),
        tie("s", ["funding"], "less", (1, 2, 1), (2, 2, None)),
    ],
    "influence": {"k": 3, "l": 4, "s": 3},
    "elements": {
        "2": {"rating": 4},
        "9": {"rating": 4},
        "14": {"rating": 2, "comment": "Socialforvaltningen mangler, og Jens Hansen savner tilbud"},
    },
    "step": "done",
    "finished": True,
}


def answered_round(ws, retain_until=KEEP):
    """The round of the hand calculation: three respondents (the core), two answer by link."""
    round_, tokens = S.open_round(
        ws, "net", "Forår", date=DAY, controller="Kommunen, Kultur og Fritid", retain_until=retain_until
    )
    for actor, doc in (("k", K_ANSWER), ("f", F_ANSWER)):
        S.save_answer(ws, S.resolve(ws, tokens[actor], today=DURING), doc, today=DURING)
    return round_, tokens


def test_results_equal_a_hand_calculation(ws):
    round_, tokens = answered_round(ws)
    assert sorted(tokens) == ["f", "k", "l"]  # the core, by default
    found = S.results(ws, "net", round_.id)
    assert found["response"] == {"invited": 3, "answered": 2, "finished": 2, "rate": pytest.approx(2 / 3)}
    ties = {(t["a"], t["b"]): t for t in found["ties"]}
    assert set(ties) == {("f", "k"), ("k", "l"), ("f", "s")}

    kf = ties[("f", "k")]  # both report it: confirmed
    assert kf["status"] == "confirmed" and kf["reported_by"] == ["f", "k"]
    assert kf["kinds"] == ["formal_agreement", "collaboration"]  # the union
    assert (kf["frequency"], kf["strength"]) == ("monthly", 2)  # the lower of weekly and monthly
    # value: every item given on the tie, both sides: (3 + 4 + 2 + 4 + 3 + 3) / 6 = 19/6 = 3.1667
    assert kf["value"] == pytest.approx(19 / 6)
    assert kf["value_pct"] == pytest.approx(19 / 6 / 4 * 100)  # 79.17 %
    # trust: (4 + 3 + 4 + 2 + 2 + 3) / 6 = 18/6 = 3.0, 75 %
    assert (kf["trust"], kf["trust_pct"]) == (pytest.approx(3.0), pytest.approx(75.0))

    kl = ties[("k", "l")]  # only Kommunen reports it, and Lavuk did not answer
    assert kl["status"] == "non_respondent" and kl["reported_by"] == ["k"]
    assert (kl["kinds"], kl["frequency"], kl["strength"]) == (["personal"], "monthly", 2)
    assert kl["value"] == pytest.approx(2.0) and kl["trust"] == pytest.approx(3.0)  # (2+2)/2, (3+3)/2

    fs = ties[("f", "s")]  # Socialforvaltningen was not asked
    assert fs["status"] == "non_respondent" and fs["reported_by"] == ["f"] and fs["strength"] == 1
    assert fs["value"] == pytest.approx(4 / 3) and fs["trust"] == pytest.approx(2.0)  # (1+2+1)/3, (2+2)/2

    # the network: the mean over the three ties
    # value (19/6 + 2 + 4/3) / 3 = 6.5 / 3 = 2.1667 -> 54.17 %; trust (3 + 3 + 2) / 3 = 2.6667 -> 66.67 %
    net = found["network"]
    assert net["value"] == pytest.approx(6.5 / 3) and net["value_pct"] == pytest.approx(6.5 / 3 / 4 * 100)
    assert net["trust"] == pytest.approx(8 / 3) and net["trust_pct"] == pytest.approx(8 / 3 / 4 * 100)

    # each actor: what the OTHERS report about it
    actors = found["actors"]
    assert actors["f"]["value"] == pytest.approx(3.0) and actors["f"]["trust"] == pytest.approx(11 / 3)  # by k
    assert actors["k"]["value"] == pytest.approx(10 / 3) and actors["k"]["trust"] == pytest.approx(7 / 3)  # by f
    assert actors["k"]["value_pct"] == pytest.approx(83.333, abs=1e-3)  # 3.3333 / 4
    assert actors["k"]["trust_pct"] == pytest.approx(58.333, abs=1e-3)  # 2.3333 / 4
    assert actors["s"]["n_reports"] == 1 and actors["s"]["value"] == pytest.approx(4 / 3)

    # influence (0-5): Lavuk is given 2 and 4: median 3, from 2 to 4
    assert [actors["l"][k] for k in ("influence_median", "influence_min", "influence_max", "influence_n")] == [
        3,
        2,
        4,
        2,
    ]
    assert (actors["s"]["influence_median"], actors["group:citizen"]["influence_median"]) == (4, 1)

    # Table 7.1: element 9 rated 1 and 4 (SD 1.5), 14 rated 3 and 2 (SD 0.5), 2 rated 4 and 4 (0)
    first = found["elements"][:3]
    assert [e["element"] for e in first] == [9, 14, 2]
    assert [e["spread"] for e in first] == [pytest.approx(1.5), pytest.approx(0.5), 0]
    assert [e["median"] for e in first] == [2.5, 2.5, 4]
    assert first[0]["ratings"] == [1, 4] and first[0]["comments"] == ["For lidt tid"]
    assert all(e["n"] == 0 for e in found["elements"][3:]) and len(found["elements"]) == 19
    json.dumps(found)  # JSON-able as it is


def test_one_sided_when_the_other_answered_without_naming_the_tie():
    """The pure computation: Lavuk answers too, naming Kommunen; Kommunen did not name Lavuk."""
    l_answer = {"ties": [tie("k", ["collaboration"], "daily", (4, 4, 4), (1, 1, 1))], "finished": True}
    k_answer = {"ties": [tie("f", ["personal"], "weekly", (2, 2, 2), (2, 2, 2))]}
    found = S.results_from_answers(partnership(), ["k", "f", "l"], {"k": k_answer, "l": l_answer})
    ties = {(t["a"], t["b"]): t for t in found["ties"]}
    assert ties[("k", "l")]["status"] == "one_sided" and ties[("k", "l")]["reported_by"] == ["l"]
    assert ties[("k", "l")]["strength"] == 3  # daily
    assert ties[("f", "k")]["status"] == "non_respondent"  # FOF did not answer
    assert found["response"]["finished"] == 1 and found["response"]["answered"] == 2


def _stored_text(location):
    """Everything the workspace holds, as the database keeps it: the SQLite file and its WAL read
    as bytes; on PostgreSQL every row of every table of the database."""
    if is_url(location):
        import psycopg

        with psycopg.connect(str(location)) as con:
            tables = [
                r[0]
                for r in con.execute(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                ).fetchall()
            ]
            return "".join(repr(con.execute(f"SELECT * FROM {t}").fetchall()) for t in tables).encode()
    return b"".join(p.read_bytes() for p in Path(location).parent.glob(Path(location).name + "*"))


def test_tokens_are_stored_only_as_their_hash(ws, location):
    import hashlib

    _, tokens = answered_round(ws)
    more = S.links(ws, "net", 1, ["l"])
    stored = _stored_text(location)
    for token in [*tokens.values(), *more.values()]:
        assert len(token) >= 43  # 32 random bytes, base64: 256 bits
        assert token.encode() not in stored
    assert hashlib.sha256(more["l"].encode()).hexdigest().encode() in stored


def test_wrong_revoked_expired_or_closed_give_the_same_none(ws):
    _, tokens = S.open_round(
        ws, "net", "Forår", date=DAY, respondents=["k", "f", "l"], expires="2026-03-10", retain_until=KEEP
    )
    assert S.resolve(ws, tokens["k"], today="2026-03-10").actor == "k"  # the last day works
    S.revoke(ws, "net", 1, "f")
    _, other = S.open_round(ws, "net", "Efterår", date=DAY, retain_until=KEEP)
    S.close_round(ws, "net", 2)
    refused = [
        S.resolve(ws, "x" * 43, today=DURING),  # never existed
        S.resolve(ws, tokens["k"][:-1] + ("A" if tokens["k"][-1] != "A" else "B"), today=DURING),  # one letter off
        S.resolve(ws, tokens["f"], today=DURING),  # revoked
        S.resolve(ws, tokens["k"], today="2026-03-11"),  # expired
        S.resolve(ws, other["k"], today=DURING),  # round closed
        S.resolve(ws, "", today=DURING),
        S.resolve(ws, None, today=DURING),
    ]
    assert refused == [None] * 7


def test_a_respondent_reads_and_changes_only_their_own_answer(ws):
    _, tokens = answered_round(ws)
    k = S.resolve(ws, tokens["k"], today=DURING)
    f = S.resolve(ws, tokens["f"], today=DURING)
    assert S.answer(ws, k)["influence"] == K_ANSWER["influence"]
    assert S.answer(ws, f)["influence"] == F_ANSWER["influence"]
    l_ = S.resolve(ws, tokens["l"], today=DURING)
    assert S.answer(ws, l_) == S.empty_answer()  # nothing of the others'
    S.save_answer(ws, k, {"influence": {"f": 0}, "step": "influence"}, today=DURING)
    assert S.answer(ws, k)["influence"] == {"f": 0}
    assert S.answer(ws, f)["influence"] == F_ANSWER["influence"]  # FOF's answer is untouched
    # the roster leaves the respondent out and never names a citizen
    roster = S.roster(ws, k)
    assert [s for s, _ in roster] == ["public", "civil", "citizen"]
    assert roster[0][1] == [("l", "Lavuk Stjernen"), ("s", "Socialforvaltningen")]
    assert roster[2][1] == [("group:citizen", "Citizens"), ("group:beboer", "Beboer")]
    assert "Jens" not in repr(roster) and "Poul" not in repr(roster)
    assert S.roster(ws, k, lang="da")[2][1][0] == ("group:citizen", "Borgere")


def test_revoked_expired_or_closed_links_cannot_save(ws):
    _, tokens = answered_round(ws)
    k = S.resolve(ws, tokens["k"], today=DURING)
    with pytest.raises(NetmapError, match="no longer works"):
        S.save_answer(ws, k, K_ANSWER, today="2026-04-02")  # expired since it was opened
    S.revoke(ws, "net", 1, "k")
    with pytest.raises(NetmapError, match="no longer works"):
        S.save_answer(ws, k, {"step": "x"}, today=DURING)
    f = S.resolve(ws, tokens["f"], today=DURING)
    S.close_round(ws, "net", 1)
    with pytest.raises(NetmapError, match="no longer works"):
        S.save_answer(ws, f, {"step": "x"}, today=DURING)
    with pytest.raises(NetmapError, match="is closed"):
        S.links(ws, "net", 1)
    assert S.answer(ws, k)["step"] == "done" and S.answer(ws, f)["step"] == "done"


def test_links_give_new_tokens_and_the_old_ones_die(ws):
    _, tokens = S.open_round(ws, "net", "Forår", date=DAY, retain_until=KEEP)
    fresh = S.links(ws, "net", 1)
    assert sorted(fresh) == ["f", "k", "l"] and not set(fresh.values()) & set(tokens.values())
    assert all(S.resolve(ws, t, today=DURING) is None for t in tokens.values())
    assert {S.resolve(ws, t, today=DURING).actor for t in fresh.values()} == {"f", "k", "l"}
    S.revoke(ws, "net", 1, "k")
    people = {r.actor: r for r in S.respondents(ws, "net", 1)}
    assert not people["k"].has_link and people["k"].revoked and people["f"].has_link
    again = S.links(ws, "net", 1, ["k"])
    assert S.resolve(ws, again["k"], today=DURING).actor == "k"
    assert S.resolve(ws, fresh["f"], today=DURING).actor == "f"  # the others' links still work
    with pytest.raises(InputError, match='"s" is not a respondent'):
        S.links(ws, "net", 1, ["s"])
    token = S.add_respondent(ws, "net", 1, "s")
    assert S.resolve(ws, token, today=DURING).name == "Socialforvaltningen"
    with pytest.raises(InputError, match="already a respondent"):
        S.add_respondent(ws, "net", 1, "s")


def test_answers_are_deleted_after_the_retention_date(ws):
    answered_round(ws, retain_until=None)
    S.open_round(ws, "net", "Efterår", date="2026-09-01", retain_until="2027-12-31")
    assert S.get_round(ws, "net", 1).retain_until == "2027-03-02"  # a year after, by default
    assert S.purge_expired(ws, today="2027-03-02") == 0  # the last day: kept
    assert S.purge_expired(ws, today="2027-03-03") == 2
    assert S.results_from_answers(None, ["k"], S.round_answers(ws, "net", 1))["response"]["answered"] == 0
    assert [r.answered for r in S.respondents(ws, "net", 1)] == [None] * 3
    assert [r.id for r in S.rounds(ws, "net")] == [2, 1]  # the rounds stay, under their dates


def test_purging_the_network_deletes_its_rounds_and_answers(ws, location):
    answered_round(ws)
    ws.purge("net")
    for table in ("survey_rounds", "survey_respondents", "survey_answers"):
        assert ws._read(f"SELECT count(*) FROM {table}")[0][0] == 0
    if not is_url(location):  # nothing left in the file either
        assert b"For lidt tid" not in _stored_text(location)


def test_rename_carries_the_rounds_and_answers(ws):
    _, tokens = answered_round(ws)
    before = S.results(ws, "net", 1)
    ws.rename("net", "Partnerskabet")
    after = S.results(ws, "Partnerskabet", 1)
    assert after["ties"] == before["ties"] and after["round"]["network"] == "Partnerskabet"
    assert S.resolve(ws, tokens["l"], today=DURING).network == "Partnerskabet"
    assert S.rounds(ws, "net") == []


def test_backup_and_restore_carry_the_survey(ws, location, tmp_path):
    _, tokens = answered_round(ws)
    before = S.results(ws, "net", 1)
    copy = backups.backup(str(location), tmp_path / "backup.sqlite")
    ws.purge("net")
    backups.restore(str(location), copy)
    ws = Workspace(location)
    assert S.results(ws, "net", 1) == before
    assert S.resolve(ws, tokens["l"], today=DURING).actor == "l"  # the links work again
    con = sqlite3.connect(copy)
    assert con.execute("SELECT count(*) FROM survey_answers").fetchone()[0] == 2
    con.close()


BAD = [
    ({"ties": [tie("k", ["collaboration"], "weekly", (5, 1, 1), (1, 1, 1))]}, "ties[0].value.power"),
    ({"ties": [tie("k", ["collaboration"], "weekly", (1, 1, 1), (1, 0, 1))]}, "ties[0].trust.mission"),
    ({"ties": [tie("k", ["collaboration"], "weekly", (1, 1, 1), (1, 2.5, 1))]}, "ties[0].trust.mission"),
    ({"ties": [tie("k", ["collaboration"], "weekly", (1, True, 1), (1, 1, 1))]}, "ties[0].value.involvement"),
    ({"ties": [tie("k", ["friendship"], "weekly", (1, 1, 1), (1, 1, 1))]}, "ties[0].kinds"),
    ({"ties": [tie("k", ["collaboration"], "yearly", (1, 1, 1), (1, 1, 1))]}, "ties[0].frequency"),
    ({"ties": [tie("nobody", ["collaboration"], "weekly", (1, 1, 1), (1, 1, 1))]}, "ties[0].partner"),
    ({"ties": [tie("b", ["collaboration"], "weekly", (1, 1, 1), (1, 1, 1))]}, "ties[0].partner"),  # a citizen by id
    ({"ties": [tie("f", ["collaboration"], "weekly", (1, 1, 1), (1, 1, 1))]}, "ties[0].partner"),  # oneself
    ({"ties": [{"partner": "k"}, {"partner": "k"}]}, "ties[1].partner"),
    ({"ties": [{"partner": "k"}], "finished": True}, "ties[0].kinds"),
    ({"ties": [{"partner": "k", "kinds": ["funding"]}], "finished": True}, "ties[0].frequency"),
    ({"influence": {"k": 6}}, "influence.k"),
    ({"influence": {"b": 3}}, "influence"),
    ({"elements": {"20": {"rating": 2}}}, "elements"),
    ({"elements": {"3": {"rating": 0}}}, "elements.3.rating"),
    ({"elements": {"3": {"comment": 7}}}, "elements.3.comment"),
    ({"new_actors": [{"id": "kulturhuset", "name": "Kulturhuset"}]}, "new_actors[0].id"),
    ({"new_actors": [{"id": "new:x", "name": " "}]}, "new_actors[0].name"),
    ({"new_actors": [{"id": "new:x", "name": "X", "sector": "church"}]}, "new_actors[0].sector"),
    ({"finished": "yes"}, "finished"),
    ({"ties": "k"}, "ties"),
    ({"password": "x"}, "answer"),
    ([], "answer"),
]


@pytest.mark.parametrize(("doc", "field"), BAD, ids=[f for _, f in BAD])
def test_a_bad_answer_is_refused_by_its_field_and_nothing_is_stored(ws, doc, field):
    _, tokens = answered_round(ws)
    f = S.resolve(ws, tokens["f"], today=DURING)
    with pytest.raises(InputError) as err:
        S.save_answer(ws, f, doc, today=DURING)
    assert str(err.value).startswith(field) and "\n" not in str(err.value)
    assert err.value.message("da").startswith(field)
    assert S.answer(ws, f) == S.check_answer(F_ANSWER, {"k", "l", "s", "group:citizen"}, "f")


def test_a_new_actor_and_a_group_of_citizens_may_be_named(ws):
    _, tokens = S.open_round(ws, "net", "Forår", date=DAY, retain_until=KEEP)
    k = S.resolve(ws, tokens["k"], today=DURING)
    doc = {
        "ties": [
            {"partner": "new:kulturhuset", "kinds": ["collaboration"], "frequency": "weekly"},
            {"partner": "group:citizen", "kinds": ["personal"], "frequency": "daily"},
        ],
        "new_actors": [{"id": "new:kulturhuset", "name": "Kulturhuset Ølby", "sector": "civil"}],
        "influence": {"new:kulturhuset": 3},
        "finished": True,
    }
    S.save_answer(ws, k, doc, today=DURING)
    stored = S.answer(ws, k)
    assert stored["ties"][0]["value"] == {"power": None, "involvement": None, "resources": None}
    found = S.results(ws, "net", 1)
    assert found["new_actors"]["new:kulturhuset"]["reported_by"] == ["k"]
    assert {t["status"] for t in found["ties"]} == {"non_respondent"}


def test_the_merge_proposal_adds_confirmed_ties_and_the_chosen_others(ws):
    _, tokens = answered_round(ws)
    net = S.merge_proposal(ws, "net", 1)
    # confirmed k-f: the collaboration tie that was there gets strength 2 (monthly); a formal agreement is added
    kinds = {(t.kind, t.strength) for t in net.ties if {t.source, t.target} == {"k", "f"}}
    assert kinds == {("collaboration", 2.0), ("formal_agreement", 2.0)}
    assert len(net.ties) == 3 and net.actor_ids == ws.load("net").actor_ids
    net = S.merge_proposal(ws, "net", 1, one_sided=[("s", "f")])
    assert [(t.kind, t.strength) for t in net.ties if {t.source, t.target} == {"f", "s"}] == [("funding", 1.0)]
    # a new actor reached by a chosen tie joins the network; a one-citizen group maps to the citizen
    doc = {
        "ties": [
            {"partner": "new:kulturhuset", "kinds": ["collaboration"], "frequency": "weekly"},
            {"partner": "group:citizen", "kinds": ["personal"], "frequency": "daily"},
        ],
        "new_actors": [{"id": "new:kulturhuset", "name": "Kulturhuset Ølby", "sector": "civil"}],
    }
    token = S.links(ws, "net", 1, ["l"])["l"]
    S.save_answer(ws, S.resolve(ws, token, today=DURING), doc, today=DURING)
    net = S.merge_proposal(ws, "net", 1, one_sided=[("l", "new:kulturhuset"), ("group:citizen", "l")])
    assert net.actor("kulturhuset_ølby").sector == "civil"
    assert {(t.source, t.target, t.kind, t.strength) for t in net.ties} >= {
        ("l", "kulturhuset_ølby", "collaboration", 3.0),
        ("b", "l", "personal", 3.0),
    }
    assert ws.revision("net") == 1  # a proposal: nothing saved
    ws.save("net", ws.load("net").without("s"))  # Socialforvaltningen removed from the map since
    net = S.merge_proposal(ws, "net", 1, one_sided=[("f", "s")])
    assert "s" not in net.actor_ids and not [t for t in net.ties if "s" in (t.source, t.target)]


def test_pseudonymised_results_and_answers_name_no_respondent_and_no_citizen(ws):
    answered_round(ws)
    found = S.results(ws, "net", 1)
    out, docs = S.pseudonymised(ws.load("net"), found, S.round_answers(ws, "net", 1), key="test-key")
    text = json.dumps([out, docs], ensure_ascii=False)
    assert "Jens" not in text and "Hansen" not in text and "Poul" not in text
    assert "Socialforvaltningen mangler, og citizen-" in text  # the comment kept, the citizen replaced
    assert sorted(docs) == sorted(out["answered"]) and all(r.startswith("respondent-") for r in docs)
    assert not {"k", "f", "l"} & {*out["respondents"], *(r for t in out["ties"] for r in t["reported_by"])}
    assert out["network"] == found["network"] and out["response"] == found["response"]
    again, _ = S.pseudonymised(ws.load("net"), found, key="test-key")
    assert again["respondents"] == out["respondents"]  # stable under one key


def test_an_older_workspace_gets_the_survey_tables(tmp_path):
    path = tmp_path / "old.sqlite"
    Workspace(path).create("net", partnership())
    con = sqlite3.connect(path)
    for table in ("survey_answers", "survey_respondents", "survey_rounds"):
        con.execute(f"DROP TABLE {table}")
    con.execute(f"PRAGMA user_version = {MIGRATIONS.index(_m5_survey)}")  # the version before the survey
    con.commit()
    con.close()
    ws = Workspace(path)
    assert S.open_round(ws, "net", "Forår", date=DAY, retain_until=KEEP)[0].id == 1


def test_answers_from_paper_are_imported_whole_or_not_at_all(ws):
    """A round held on paper: no links, the answers typed in; one bad document stores none."""
    S.open_round(ws, "net", "Workshop", date=DAY, respondents=["k"], retain_until=KEEP)
    bad = {**F_ANSWER, "influence": {"k": 9}}
    with pytest.raises(InputError) as err:
        S.import_answers(ws, "net", 1, {"k": K_ANSWER, "f": bad})
    assert str(err.value) == 'Actor "FOF Aftenskole": influence.k: must be a whole number from 0 to 5'
    assert err.value.message("da") == 'Aktøren "FOF Aftenskole": influence.k: skal være et helt tal fra 0 til 5'
    assert S.round_answers(ws, "net", 1) == {} and [r.actor for r in S.respondents(ws, "net", 1)] == ["k"]
    with pytest.raises(InputError, match='no actor "nobody"'):
        S.import_answers(ws, "net", 1, {"nobody": K_ANSWER})
    S.import_answers(ws, "net", 1, {"k": K_ANSWER, "f": F_ANSWER})
    people = {r.actor: r for r in S.respondents(ws, "net", 1)}
    assert sorted(people) == ["f", "k"] and not people["f"].has_link and people["f"].answered
    # the same answers give the same results as when they came by link
    by_link = Workspace(ws.path)
    by_link.create("net2", partnership())
    round_, tokens = S.open_round(by_link, "net2", "Forår", date=DAY, respondents=["k", "f"], retain_until=KEEP)
    for actor, doc in (("k", K_ANSWER), ("f", F_ANSWER)):
        S.save_answer(by_link, S.resolve(by_link, tokens[actor], today=DURING), doc, today=DURING)
    assert S.results(ws, "net", 1)["ties"] == S.results(by_link, "net2", round_.id)["ties"]
