"""The partners' survey (issue 13) in a real browser: a round of three respondents, two of them
answering on their personal links in their own browsers (one a 390 px phone), the coordinator's
results and merge, and the links that must not work.

The answers and the expected figures (hand calculation, METHODS.md "Partners' survey"):

- Aarhus Kommune (desktop) works with Idrætsforeningen: collaboration, weekly, value 4, 3, 4,
  trust 4, 4, 3; and with Byggefirmaet (who does not answer): personal, monthly, value 2, 2, 1,
  trust 3, 3, 3. Influence of Idrætsforeningen: 4. Element 1: 3, "Godt samarbejde".
- Idrætsforeningen (phone) works with Aarhus Kommune: formal agreement and collaboration, daily,
  value 3, 3, 3, trust 2, 2, 4. Element 1: 1.

So the tie kommune-forening is confirmed: kinds formal agreement + collaboration, frequency the
lower of weekly and daily = weekly, strength 3, value (4+3+4+3+3+3)/6 = 20/6, trust
(4+4+3+2+2+4)/6 = 19/6. The tie kommune-byggefirma is reported by one side only (Byggefirmaet did
not answer): monthly, strength 2, value 5/3, trust 3. The network: value (20/6 + 5/3)/2 = 2.5
(62.5 % of the maximum 4), trust (19/6 + 3)/2 = 37/12 (77.1 %). Response rate 2/3.
"""

import datetime as _dt

import pytest

from netmap import survey
from netmap.model import Actor, Network, Tie
from netmap.workspace import Workspace
from tests import axe
from tests.test_app_browser import CHROMIUM, running_app

pytestmark = pytest.mark.skipif(not __import__("pathlib").Path(CHROMIUM).exists(), reason="needs /usr/bin/chromium")

NAME = "partnerskab"


def partnership():
    actors = [
        Actor("kommune", name="Aarhus Kommune", sector="public", partner=True),
        Actor("forening", name="Idrætsforeningen", sector="civil", partner=True),
        Actor("byggefirma", name="Byggefirmaet", sector="private", partner=True),
        Actor("bibliotek", name="Hovedbiblioteket", sector="public"),
        Actor("borger", name="Hanne Jensen", sector="citizen"),
    ]
    ties = [Tie("kommune", "forening", kind="collaboration", strength=1), Tie("forening", "bibliotek", strength=2)]
    return Network(actors=actors, ties=ties)


def expired_link(ws, title, days_ago=60):
    """The link of ``kommune`` in a round of :data:`NAME` opened ``days_ago`` days ago, whose
    links stopped working 30 days after."""
    today = _dt.date.today()
    _round, tokens = survey.open_round(
        ws,
        NAME,
        title,
        date=(today - _dt.timedelta(days=days_ago)).isoformat(),
        expires=(today - _dt.timedelta(days=days_ago - 30)).isoformat(),
        respondents=["kommune"],
    )
    return tokens["kommune"]


def radio(scope, label, option):
    """Pick ``option`` (its shown text) in the radio group labelled ``label`` within ``scope``."""
    group = scope.locator("[data-testid='stRadio']").filter(has_text=label).first
    group.get_by_text(option, exact=True).click()


def choose(page, scope, label, option):
    box = scope.locator("[data-testid='stMultiSelect']").filter(has_text=label).first
    box.click()
    page.get_by_role("option", name=option, exact=True).click()
    page.keyboard.press("Escape")


def settle(page):
    """Wait until the app has finished its run (Streamlit fades a page while it runs)."""
    page.wait_for_timeout(500)  # a run just asked for may not have begun
    page.locator("[data-testid='stStatusWidget']").wait_for(state="detached", timeout=30000)
    page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')", timeout=30000)
    page.wait_for_timeout(1000)


def no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def answer(page, url, token, partners, ties, influence, element1, phone=False):
    """One respondent answers every step in Danish (the respondent's default); the phone opens
    the link's other form, ``/survey?t=``."""
    from playwright.sync_api import expect

    page.goto(f"{url}/survey?t={token}" if phone else f"{url}/?t={token}")
    expect(page.get_by_text("Før du begynder: dine svar og dine oplysninger")).to_be_visible(timeout=30000)
    expect(page.get_by_text("Aarhus Kommunes sekretariat")).to_be_visible()  # who is responsible
    assert no_sideways_scroll(page)
    if not phone:
        settle(page)
        assert axe.check(page, "the survey's privacy notice") >= 1
    page.get_by_role("button", name="Begynd").click()
    expect(page.get_by_text("Hvem samarbejder du med i dette partnerskab?")).to_be_visible(timeout=15000)
    expect(page.get_by_text("Hanne Jensen")).to_have_count(0)  # citizens only as groups
    expect(page.get_by_text("Borgere", exact=True)).to_be_visible()
    for name in partners:
        page.get_by_text(name, exact=True).click()
    page.wait_for_timeout(300)
    assert no_sideways_scroll(page)
    page.get_by_role("button", name="Næste").click()
    expect(page.get_by_text("Hvordan samarbejder du med hver af dem?")).to_be_visible(timeout=15000)
    for i, (kinds, often, value, trust) in enumerate(ties):
        box = page.locator(f".st-key-sv_tie_{i}")
        for kind in kinds:
            choose(page, box, "Slags samarbejde", kind)
        radio(box, "Hvor tit?", often)
        for label, score in zip(("Magt og indflydelse", "Engagement", "Ressourcer"), value, strict=True):
            radio(box, label, score)
        for label, score in zip(("Pålidelige", "Støtter partnerskabets", "Åbne for dialog"), trust, strict=True):
            radio(box, label, score)
    page.wait_for_timeout(300)
    assert no_sideways_scroll(page)
    if not phone:
        settle(page)
        assert axe.check(page, "the survey's ties step") >= 1
    page.get_by_role("button", name="Næste").click()
    expect(page.get_by_text("Hvor stor indflydelse har hver af dem")).to_be_visible(timeout=15000)
    # The next step starts at its top (it opened where the last one's "Næste" was, at the bottom),
    # its title focused for a screen reader.
    expect(page.locator("h1")).to_be_in_viewport(timeout=5000)
    expect(page.locator("h1")).to_be_focused()
    for name, score in influence.items():
        radio(page, name, score)
    page.get_by_role("button", name="Næste").click()
    expect(page.get_by_text("Hvor godt er hvert element")).to_be_visible(timeout=15000)
    rating, comment = element1
    box = page.locator(".st-key-sv_element_1")
    radio(box, "1.", rating)
    if comment:
        box.get_by_label("Kommentar (frivillig)").fill(comment)
        box.get_by_label("Kommentar (frivillig)").press("Enter")
    page.wait_for_timeout(300)
    assert no_sideways_scroll(page)
    page.get_by_role("button", name="Afslut").click()
    expect(page.get_by_text("Tak!")).to_be_visible(timeout=15000)


def test_a_round_answered_on_personal_links_merged_as_one_revision(tmp_path):
    from playwright.sync_api import expect

    ws = Workspace(tmp_path / "ws.sqlite", seed=False)
    ws.create(NAME, partnership())
    rnd, tokens = survey.open_round(
        ws,
        NAME,
        "Samarbejdet 2026",
        respondents=["kommune", "forening", "byggefirma"],
        controller="Aarhus Kommunes sekretariat",
    )
    expired = expired_link(ws, "Sidste år", days_ago=400)
    with running_app(tmp_path, seed=False) as (page, url, path, errors):
        browser = page.context.browser
        # The links that must not work: one never made, one revoked, one expired: one same page.
        survey.revoke(ws, NAME, rnd.id, "byggefirma")
        for token in ("x" * 43, tokens["byggefirma"], expired):
            page.goto(f"{url}/?t={token}")
            expect(page.get_by_text("Dette link virker ikke")).to_be_visible(timeout=30000)
            body = page.locator("section.main, [data-testid='stMain']").first.inner_text()
            assert NAME not in body and "Aarhus" not in body and "Idræt" not in body
            expect(page.get_by_text("Hvem samarbejder")).to_have_count(0)
        settle(page)
        axe.check(page, "the refusal page")
        survey.links(ws, NAME, rnd.id, ["byggefirma"])  # a working link again, never used

        answer(
            page,
            url,
            tokens["kommune"],
            ["Idrætsforeningen", "Byggefirmaet"],
            [
                (
                    ["samarbejde"],
                    "ugentligt",
                    ["4 – i høj grad", "3 – en del", "4 – i høj grad"],
                    ["4 – i høj grad", "4 – i høj grad", "3 – en del"],
                ),
                (
                    ["personlig (uformel)"],
                    "månedligt",
                    ["2 – lidt", "2 – lidt", "1 – slet ikke"],
                    ["3 – en del", "3 – en del", "3 – en del"],
                ),
            ],
            {"Idrætsforeningen": "4 – meget"},
            ("3 – i høj grad på plads", "Godt samarbejde"),
        )
        phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True).new_page()
        answer(
            phone,
            url,
            tokens["forening"],
            ["Aarhus Kommune"],
            [
                (
                    ["formel aftale", "samarbejde"],
                    "dagligt",
                    ["3 – en del"] * 3,
                    ["2 – lidt", "2 – lidt", "4 – i høj grad"],
                ),
            ],
            {},
            ("1 – ikke på plads", ""),
            phone=True,
        )

        # One link reaches only its own answers: the phone's link shows the phone's answers,
        # whatever else the address says, and the first respondent's stay as they were.
        mine = survey.answer(ws, survey.resolve(ws, tokens["kommune"]))
        phone.goto(f"{url}/?t={tokens['forening']}&actor=kommune&respondent=kommune")
        expect(phone.get_by_text("Du svarer for Idrætsforeningen")).to_be_visible(timeout=30000)
        expect(phone.get_by_text("Byggefirmaet")).to_have_count(0)
        phone.get_by_role("button", name="Ret mine svar").click()
        expect(phone.get_by_role("checkbox", name="Aarhus Kommune")).to_be_checked(timeout=15000)
        expect(phone.get_by_role("checkbox", name="Byggefirmaet")).not_to_be_checked()
        assert survey.answer(ws, survey.resolve(ws, tokens["kommune"])) == mine

        # The results, as computed by hand above.
        res = survey.results(ws, NAME, rnd.id)
        assert res["response"]["invited"] == 3 and res["response"]["answered"] == 2
        ties = {(t["a"], t["b"]): t for t in res["ties"]}
        confirmed = ties[("forening", "kommune")]
        assert confirmed["status"] == "confirmed"
        assert confirmed["kinds"] == ["formal_agreement", "collaboration"] and confirmed["frequency"] == "weekly"
        assert confirmed["value"] == pytest.approx(20 / 6) and confirmed["trust"] == pytest.approx(19 / 6)
        one_sided = ties[("byggefirma", "kommune")]
        assert one_sided["status"] in ("one_sided", "non_respondent") and one_sided["reported_by"] == ["kommune"]
        assert one_sided["value"] == pytest.approx(5 / 3) and one_sided["trust"] == pytest.approx(3)
        assert len(ties) == 2
        assert res["network"]["value"] == pytest.approx(2.5) and res["network"]["value_pct"] == pytest.approx(62.5)
        assert res["network"]["trust"] == pytest.approx(37 / 12)
        assert res["network"]["trust_pct"] == pytest.approx(37 / 12 / 4 * 100)
        element1 = next(e for e in res["elements"] if e["element"] == 1)
        assert element1["ratings"] == [1, 3] and element1["median"] == 2 and element1["comments"] == ["Godt samarbejde"]

        # The coordinator's page shows them, in words and numbers (English: the browser's language).
        page.goto(f"{url}/survey-rounds?network={NAME}")
        expect(page.get_by_text("Response rate: 2 of 3 answered (67%)").first).to_be_visible(timeout=30000)
        expect(page.get_by_text("Disagreement is a finding, not noise", exact=False)).to_be_visible(timeout=30000)
        expect(
            page.get_by_text(
                "Trust between the partners: 3.08 (77% of the maximum). Value of the partners to each other: 2.50 (62% of the maximum)."
            )
        ).to_be_visible(timeout=30000)
        confirmed_box = page.get_by_role("checkbox", name="Idrætsforeningen — Aarhus Kommune (confirmed by both)")
        expect(confirmed_box).to_be_checked(timeout=30000)
        lonely = page.get_by_role(
            "checkbox", name="Byggefirmaet — Aarhus Kommune (one-sided: reported by Aarhus Kommune)"
        )
        expect(lonely).not_to_be_checked(timeout=30000)
        settle(page)
        axe.check(page, "the Survey page with a round's results and the merge's diff")
        before = ws.revision(NAME)
        page.get_by_text("Byggefirmaet — Aarhus Kommune (one-sided: reported by Aarhus Kommune)").click()
        expect(lonely).to_be_checked(timeout=15000)
        expect(page.get_by_text("Ties: 2 added, 0 removed, 1 changed")).to_be_visible(timeout=15000)
        page.get_by_role("button", name="Save the merge as one revision").click()
        expect(page.get_by_text("The survey's answers were added to the network.")).to_be_visible(timeout=15000)
        assert ws.revision(NAME) == before + 1
        merged = {(frozenset((t.source, t.target)), t.kind, t.strength) for t in ws.load(NAME).ties}
        assert merged == {
            (frozenset(("kommune", "forening")), "collaboration", 3),  # strength now from "weekly"
            (frozenset(("kommune", "forening")), "formal_agreement", 3),
            (frozenset(("kommune", "byggefirma")), "personal", 2),  # the one-sided tie, chosen
            (frozenset(("forening", "bibliotek")), "collaboration", 2),
        }
        assert errors == []
