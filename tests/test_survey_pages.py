"""The survey's pages through streamlit's AppTest (issue 13): the respondent's page (refusal,
resume, language), the coordinator's page (open, links, revoke), the Review page and the meeting
report with a closed round. The real-browser run is tests/test_survey_browser.py."""

import re
from dataclasses import replace

import pytest
from streamlit.testing.v1 import AppTest

from netmap import survey
from netmap.workspace import Workspace
from tests.test_app import APP, plain, texts
from tests.test_survey_browser import NAME, expired_link, partnership


@pytest.fixture
def ws(tmp_path, monkeypatch):
    path = tmp_path / "ws.sqlite"
    monkeypatch.setenv("NETMAP_WORKSPACE", str(path))
    monkeypatch.delenv("NETMAP_LANG", raising=False)
    ws = Workspace(path, seed=False)
    ws.create(NAME, partnership())
    return ws


def respondent(token, lang=None):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["t"] = token
    if lang:
        at.query_params["lang"] = lang
    at.run()
    assert not at.exception, at.exception
    return at


def everything(at):
    """Every text the page shows (titles, headers, text, markdown, captions, widget labels)."""
    found = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "text", "error", "info"):
        found += [plain(e.value) for e in getattr(at, kind)]
    for kind in ("button", "checkbox", "radio", "text_input", "selectbox", "multiselect"):
        found += [getattr(e, "label", "") for e in getattr(at, kind)]
    return found


def test_every_link_that_does_not_work_gets_the_same_page_and_nothing_else(ws):
    rnd, tokens = survey.open_round(ws, NAME, "Runde", respondents=["kommune", "forening", "byggefirma"])
    expired = expired_link(ws, "Gammel")
    survey.revoke(ws, NAME, rnd.id, "forening")
    closed, closed_tokens = survey.open_round(ws, NAME, "Lukket", respondents=["kommune"])
    survey.close_round(ws, NAME, closed.id)
    pages = [
        everything(respondent(token))
        for token in ("x" * 43, "", tokens["forening"], expired, closed_tokens["kommune"], "a'; drop")
    ]
    assert all(p == pages[0] for p in pages)
    assert pages[0][0] == "Dette link virker ikke"
    shown = " ".join(pages[0])
    assert NAME not in shown and "Aarhus" not in shown and "Idræt" not in shown and "Runde" not in shown
    assert "Dette link virker ikke" not in " ".join(everything(respondent(tokens["kommune"])))


def test_the_same_link_resumes_at_the_saved_step_and_speaks_danish_or_english(ws):
    _rnd, tokens = survey.open_round(
        ws, NAME, "Runde", respondents=["kommune", "forening"], controller="Aarhus Kommunes sekretariat"
    )
    at = respondent(tokens["kommune"])
    shown = " ".join(everything(at))
    assert "Aarhus Kommunes sekretariat" in shown and "Før du begynder" in shown
    at.button(key="sv_next").click().run()
    assert texts(at, "header") == ["Hvem samarbejder du med i dette partnerskab?"]
    assert "Hanne Jensen" not in " ".join(everything(at)) and "Borgere" in " ".join(everything(at))
    at.checkbox(key="sv_with_forening").check().run()
    at.button(key="sv_next").click().run()
    assert texts(at, "header") == ["Hvordan samarbejder du med hver af dem?"]
    # Later, the same link in a new browser: the saved step, with the saved partner.
    again = respondent(tokens["kommune"])
    assert texts(again, "header") == ["Hvordan samarbejder du med hver af dem?"]
    assert [plain(s.value) for s in again.subheader] == ["Idrætsforeningen"]
    # The language switch: English on the same screen.
    again.radio(key="lang").set_value("en").run()
    assert texts(again, "header") == ["How do you work with each of them?"]
    # A step cannot go on without the kind and frequency, and says for whom.
    again.button(key="sv_next").click().run()
    assert any("Idrætsforeningen" in e for e in texts(again, "error"))
    assert texts(again, "header") == ["How do you work with each of them?"]


def test_in_shared_mode_a_link_needs_no_login_and_a_wrong_one_shows_no_login_either(ws):
    """Shared mode (issue 12): the app asks everyone else to log in, but a partner's link is the
    permission; the respondent sees their survey, saves, and sees nothing of the login."""
    from tests.test_app_shared import AUTH

    _rnd, tokens = survey.open_round(ws, NAME, "Runde", respondents=["kommune", "forening"])

    def shared(token):
        at = AppTest.from_file(APP, default_timeout=60)
        at.secrets, at.user = {"auth": AUTH}, {}
        at.query_params["t"] = token
        at.run()
        assert not at.exception, at.exception
        return at

    at = shared(tokens["kommune"])
    assert "Før du begynder" in " ".join(everything(at)) and "Log ind" not in everything(at)
    at.button(key="sv_next").click().run()
    at.checkbox(key="sv_with_forening").check().run()
    at.button(key="sv_next").click().run()
    assert texts(at, "header") == ["Hvordan samarbejder du med hver af dem?"]
    assert [t["partner"] for t in survey.answer(ws, survey.resolve(ws, tokens["kommune"]))["ties"]] == ["forening"]
    wrong = everything(shared("x" * 43))
    assert wrong[0] == "Dette link virker ikke" and "Log ind" not in wrong


def start_admin():
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["network"] = NAME
    at.run()
    at.switch_page("netmap/ui/pages/survey_admin.py").run()
    assert not at.exception, at.exception
    return at


def links_shown(at):
    frame = next(d.value for d in at.dataframe if "Personal link (copy now)" in d.value.columns)
    return dict(zip(frame["Respondent"], frame["Personal link (copy now)"], strict=True))


def token_of(link):
    return re.search(r"\?t=([\w-]+)", link).group(1)


def test_the_respondents_follow_the_open_network_and_none_chosen_is_said_so(ws):
    """After a switch to another network the respondents are that network's core (they were
    emptied: the choice kept the other network's actors); a round with none chosen says that
    none were chosen (it said the network had no core)."""
    other = replace(partnership(), actors=[replace(a, partner=a.id == "forening") for a in partnership().actors])
    ws.create("Anden", other)
    at = start_admin()
    assert at.multiselect(key=f"survey_respondents_{NAME}").value == partnership().core
    at.selectbox(key="network").set_value("Anden").run()
    assert at.multiselect(key="survey_respondents_Anden").value == ["forening"]
    at.multiselect(key="survey_respondents_Anden").set_value([])
    at.text_input(key="survey_controller").input("Aarhus Kommune")
    at.button(key="FormSubmitter:survey_open-Open the round").click().run()
    assert texts(at, "error") == ["The round has no respondents: choose at least one actor to answer"]
    assert survey.rounds(ws, "Anden") == []


def test_the_coordinator_opens_a_round_for_the_core_and_gets_links_that_work(ws):
    at = start_admin()
    assert "No survey round yet for this network." in texts(at, "info")
    at.text_input(key="survey_title").input("Samarbejdet 2026")
    at.button(key="FormSubmitter:survey_open-Open the round").click().run()  # no one responsible named
    assert any("who is responsible for the data" in e for e in texts(at, "error"))
    assert survey.rounds(ws, NAME) == []  # the privacy notice must name them: no round without
    at.text_input(key="survey_controller").input("Aarhus Kommune")
    at.button(key="FormSubmitter:survey_open-Open the round").click().run()
    assert not at.exception, at.exception
    [rnd] = survey.rounds(ws, NAME)
    assert (rnd.title, rnd.controller) == ("Samarbejdet 2026", "Aarhus Kommune")
    assert sorted(p.actor for p in survey.respondents(ws, NAME, rnd.id)) == ["byggefirma", "forening", "kommune"]
    links = links_shown(at)
    assert set(links) == {"Aarhus Kommune", "Idrætsforeningen", "Byggefirmaet"}
    assert any(b.label == "Download the links (CSV)" for b in at.get("download_button"))
    access = survey.resolve(ws, token_of(links["Idrætsforeningen"]))
    assert access.actor == "forening" and access.round_id == rnd.id
    assert any("Response rate: 0 of 3 answered (0%)" in m for m in texts(at, "markdown"))

    # A new link for one respondent: the old one stops working; a revoked one stops too.
    old = token_of(links["Idrætsforeningen"])
    at.selectbox(key="survey_person").set_value("forening").run()
    at.button(key="survey_reissue").click().run()
    new = token_of(links_shown(at)["Idrætsforeningen"])
    assert new != old and survey.resolve(ws, old) is None and survey.resolve(ws, new).actor == "forening"
    at.button(key="survey_revoke").click().run()
    assert survey.resolve(ws, new) is None
    assert links_shown(at)["Idrætsforeningen"] == ""


def answered_round(ws):
    """A closed round: two partners rated element 1 as 1 and 3; element 2 as 4 and 4."""
    rnd, tokens = survey.open_round(ws, NAME, "Samarbejdet 2026", respondents=["kommune", "forening"])
    for actor, partner, one in (("kommune", "forening", 3), ("forening", "kommune", 1)):
        access = survey.resolve(ws, tokens[actor])
        tie = {"partner": partner, "kinds": ["collaboration"], "frequency": "weekly"}
        tie |= {
            "value": {"power": 4, "involvement": 4, "resources": 2},
            "trust": {"reliability": 3, "mission": 3, "openness": 3},
        }
        doc = {"ties": [tie], "elements": {"1": {"rating": one, "comment": ""}, "2": {"rating": 4, "comment": ""}}}
        survey.save_answer(ws, access, {**survey.answer(ws, access), **doc, "finished": True, "step": "done"})
    survey.close_round(ws, NAME, rnd.id)
    return rnd


def test_the_review_page_shows_the_partners_ratings_beside_the_evidence_once_a_round_is_closed(ws):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["network"] = NAME
    at.run()
    at.switch_page("netmap/ui/pages/review.py").run()
    assert not any("What the partners say" in m or "The partners:" in m for m in texts(at, "markdown"))
    answered_round(ws)
    at.run()
    assert not at.exception, at.exception
    shown = texts(at, "markdown")
    # Trust: every item 3 -> 3.00, 75% of the maximum 4; value (4+4+2)/3 = 3.33, 83%.
    assert (
        "Trust between the partners: 3.00 (75% of the maximum). Value of the partners to each other: 3.33 (83% of the maximum)."
        in shown
    )
    assert "The partners: median 2 (partly in place), lowest–highest 1–3, 2 rated it." in shown
    assert "The partners: median 4 (fully in place), lowest–highest 4–4, 2 rated it." in shown
    assert shown.count("No partner rated this element.") == 17


def test_the_meeting_report_has_the_partners_own_view(ws):
    from netmap.report import build_report, render
    from netmap.report.document import Heading, Table

    rnd = answered_round(ws)
    found = survey.results(ws, NAME, rnd.id)
    report = build_report(ws.load(NAME), "da", survey=found)
    headings = [b.text for b in report.blocks if isinstance(b, Heading)]
    assert "Parternes eget syn (spørgeskema)" in headings
    table = next(b for b in report.blocks if isinstance(b, Table) and b.caption.startswith("Elementerne i tabel 7.1"))
    assert table.rows[0][0] == "1" and table.rows[0][2] == "2 (delvist på plads)" and table.rows[0][3] == "1–3"
    html = render(report, ".html").decode("utf-8")
    assert "Tillid mellem parterne: 3,00 (75\u00a0% af maksimum)" in html
    assert "Parternes eget syn" not in "".join(
        b.text for b in build_report(ws.load(NAME), "da").blocks if isinstance(b, Heading)
    )


def test_the_merge_takes_the_ties_ticked_one_by_one_and_saves_one_revision(ws):
    rnd, tokens = survey.open_round(ws, NAME, "Runde", respondents=["kommune", "forening", "byggefirma"])
    answers = {
        "kommune": [("forening", ["collaboration"], "weekly"), ("byggefirma", ["personal"], "monthly")],
        "forening": [("kommune", ["formal_agreement"], "daily")],
        "byggefirma": [],  # answered, and named nobody: kommune-byggefirma is one-sided
    }
    for actor, ties in answers.items():
        access = survey.resolve(ws, tokens[actor])
        doc = {"ties": [{"partner": p, "kinds": k, "frequency": f} for p, k, f in ties], "finished": True}
        survey.save_answer(ws, access, {**survey.answer(ws, access), **doc})
    at = start_admin()
    boxes = {c.label: c for c in at.checkbox if "(" in c.label}
    assert {label: box.value for label, box in boxes.items()} == {
        "Idrætsforeningen — Aarhus Kommune (confirmed by both)": True,
        "Byggefirmaet — Aarhus Kommune (one-sided: reported by Aarhus Kommune)": False,
    }
    boxes["Idrætsforeningen — Aarhus Kommune (confirmed by both)"].uncheck()
    boxes["Byggefirmaet — Aarhus Kommune (one-sided: reported by Aarhus Kommune)"].check()
    at.run()
    before = ws.revision(NAME)
    at.button(key="survey_merge_save").click().run()
    assert not at.exception, at.exception
    assert ws.revision(NAME) == before + 1
    merged = {(frozenset((t.source, t.target)), t.kind, t.strength) for t in ws.load(NAME).ties}
    assert merged == {
        (frozenset(("kommune", "forening")), "collaboration", 1),  # left out: as it was
        (frozenset(("forening", "bibliotek")), "collaboration", 2),
        (frozenset(("kommune", "byggefirma")), "personal", 2),  # chosen: monthly is strength 2
    }


def test_a_partner_not_on_the_list_is_added_and_ticked(ws):
    _rnd, tokens = survey.open_round(ws, NAME, "Runde", respondents=["kommune"])
    at = respondent(tokens["kommune"])
    at.button(key="sv_next").click().run()
    at.text_input(key="sv_new_name").input("Frivilligcenter Aarhus")
    at.selectbox(key="sv_new_sector").set_value("civil")
    at.button(key="sv_add").click().run()
    assert not at.exception, at.exception
    doc = survey.answer(ws, survey.resolve(ws, tokens["kommune"]))
    assert doc["new_actors"] == [
        {"id": "new:frivilligcenter_aarhus", "name": "Frivilligcenter Aarhus", "sector": "civil"}
    ]
    assert [t["partner"] for t in doc["ties"]] == ["new:frivilligcenter_aarhus"] and doc["step"] == "partners"
    assert at.checkbox(key="sv_with_new:frivilligcenter_aarhus").value is True
    assert at.text_input(key="sv_new_name").value == ""
    at.button(key="sv_next").click().run()
    assert [plain(s.value) for s in at.subheader] == ["Frivilligcenter Aarhus"]
    # The coordinator's results name the new partner, never by its internal id.
    admin = start_admin()
    assert not admin.exception, admin.exception
    shown = " ".join(str(v) for df in admin.dataframe for v in df.value.to_numpy().ravel())
    assert "Frivilligcenter Aarhus" in shown and "new:" not in shown


def test_back_shows_the_step_as_saved(ws):
    _rnd, tokens = survey.open_round(ws, NAME, "Runde", respondents=["kommune"])
    at = respondent(tokens["kommune"])
    at.button(key="sv_next").click().run()
    at.checkbox(key="sv_with_forening").check().run()
    at.button(key="sv_next").click().run()
    at.multiselect(key="sv_kinds_forening").select("personal").run()
    at.button(key="sv_back").click().run()  # back saves too: the kind chosen is kept
    assert texts(at, "header") == ["Hvem samarbejder du med i dette partnerskab?"]
    assert at.checkbox(key="sv_with_forening").value is True and at.checkbox(key="sv_with_byggefirma").value is False
    at.button(key="sv_next").click().run()
    assert at.multiselect(key="sv_kinds_forening").value == ["personal"]


def test_netmap_report_of_a_workspace_network_has_the_partners_own_view(ws, tmp_path, cli):
    """The command line's report of ``workspace:NAME`` carries the newest closed round, as the
    app's report does; a file's report has no survey to carry."""
    out = tmp_path / "rapport.html"
    before = cli("report", f"workspace:{NAME}", "-o", out, "--workspace", ws.path, "--lang", "da")
    assert before.returncode == 0, before.stderr
    assert "Parternes eget syn" not in out.read_text(encoding="utf-8")
    answered_round(ws)  # two partners, every trust item 3: 3.00, 75 % of the maximum 4
    after = cli("report", f"workspace:{NAME}", "-o", out, "--workspace", ws.path, "--lang", "da")
    assert after.returncode == 0, after.stderr
    html = out.read_text(encoding="utf-8")
    assert "Parternes eget syn (spørgeskema)" in html
    assert "Tillid mellem parterne: 3,00 (75\u00a0% af maksimum)" in html


def test_the_links_file_opens_in_columns_in_a_danish_excel_and_runs_no_formula():
    from netmap.ui.survey_results import links_csv

    data = links_csv(["=Kommune", "Ældrerådet; Syd"], ["http://x/?t=a", "http://x/?t=b"], "da")
    expected = '\ufeffDeltager;Link\n\'=Kommune;http://x/?t=a\n"Ældrerådet; Syd";http://x/?t=b\n'
    assert data == expected.encode("utf-8")
