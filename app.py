"""netmap's front door: ``streamlit run app.py``. Only routes; the pages live in netmap/ui/."""

import streamlit as st

if "t" in st.query_params:  # a partner's survey link: before the sidebar and any login
    from netmap.ui import state, survey_page

    st.set_page_config(page_title="netmap", layout="centered", initial_sidebar_state="collapsed")
    try:
        survey_page.run()
    finally:
        state.freeze_loaded()
    st.stop()

from netmap.ui import sharing, state, views  # noqa: E402
from netmap.ui.state import tr  # noqa: E402

st.set_page_config(page_title="netmap", layout="wide")
sharing.require_login()  # shared mode: nothing below until the person has logged in
views.sidebar()

pages = [
    st.Page("netmap/ui/pages/map.py", title=tr("Map"), url_path="map", default=True),
    st.Page("netmap/ui/pages/actors.py", title=tr("Actors"), url_path="actors"),
    st.Page("netmap/ui/pages/ties.py", title=tr("Ties"), url_path="ties"),
    st.Page("netmap/ui/pages/diagnosis.py", title=tr("Diagnosis"), url_path="diagnosis"),
    st.Page("netmap/ui/pages/review.py", title=tr("Review"), url_path="review"),
    st.Page("netmap/ui/pages/whatif.py", title=tr("What if"), url_path="whatif"),
    st.Page("netmap/ui/pages/survey_admin.py", title=tr("Survey"), url_path="survey-rounds"),
    st.Page("netmap/ui/pages/import_export.py", title=tr("Import / export"), url_path="import-export"),
    st.Page("netmap/ui/pages/snapshots.py", title=tr("Snapshots"), url_path="snapshots"),
    st.Page("netmap/ui/pages/history.py", title=tr("History"), url_path="history"),
]

try:
    page = st.navigation(pages)
    views.new_network_dialog()  # opened in the sidebar; it links to a page, so after the pages
    page.run()
finally:
    state.freeze_loaded()  # once the run's modules are loaded: see netmap/ui/state.py
