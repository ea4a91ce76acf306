"""The Review page in real Chromium: uploading a review file (which AppTest cannot do)."""

import pytest

from netmap.workspace import Workspace
from tests.conftest import HAS_CHROMIUM
from tests.test_app_browser import running_app

pytestmark = pytest.mark.skipif(not HAS_CHROMIUM, reason="needs /usr/bin/chromium")


def upload(page, path):
    """Choose the file, wait until the uploader shows it (the server has it), then use it."""
    from playwright.sync_api import expect

    page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(str(path))
    uploader = page.locator("[data-testid='stFileUploader']")
    expect(uploader.get_by_text(path.name, exact=True)).to_be_visible(timeout=30000)
    page.wait_for_timeout(1500)  # the rerun the upload started ends before the click
    page.get_by_role("button", name="Brug denne vurdering").click()


def test_upload_a_review_bad_then_good(tmp_path):
    from playwright.sync_api import expect

    bad = tmp_path / "vurdering.csv"
    bad.write_text("nr;vurdering;note\n13;1;Langt til politikerne\n13;2;\n", encoding="utf-8")
    good = tmp_path / "vurdering_rettet.csv"
    good.write_text("nr;vurdering;note\n13;1;Langt til politikerne\n6;i høj grad;\n", encoding="utf-8")
    with running_app(tmp_path) as (page, url, workspace, errors):
        page.goto(f"{url}/review?lang=da")
        expect(page.get_by_role("heading", name="Relationelle elementer")).to_be_visible(timeout=30000)
        upload(page, bad)
        expect(page.get_by_text('vurdering.csv række 3: kolonne "nr": element 13 står der to gange')).to_be_visible(
            timeout=30000
        )
        assert Workspace(workspace).load("copenhagen").review == {}
        upload(page, good)
        expect(
            page.get_by_text("Vurderingen er læst fra vurdering_rettet.csv: 2 af 19 elementer er vurderet.")
        ).to_be_visible(timeout=30000)
        review = Workspace(workspace).load("copenhagen").review
        assert (review[13].rating, review[13].note, review[6].rating) == (1, "Langt til politikerne", 3)
        page.screenshot(path=str(tmp_path / "review.png"), full_page=False)
        assert not errors
