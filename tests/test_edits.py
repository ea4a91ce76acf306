"""netmap.ui.edits without streamlit: what a table edit would change, and errors that name the
actor or tie and the field as the user reads them."""

import pytest

from netmap.errors import InputError, Named
from netmap.model import validate
from netmap.reading import read_network
from netmap.ui.edits import actors_frame, actors_from_frame, bulk_changes, is_bulk, ties_frame, ties_from_frame

from .test_samples import SAMPLES


@pytest.fixture
def net():
    return read_network(SAMPLES / "copenhagen")


def test_a_change_that_keeps_the_value_is_no_change(net):
    frame = ties_frame(net)
    names = [f"{t.source} – {t.target}" for t in net.ties]
    same = {"edited_rows": {0: {"strength": int(net.ties[0].strength)}, 1: {"notes": net.ties[1].notes}}}
    assert bulk_changes(frame, same, names, "en", "ties") == ([], [])


def test_blanking_two_actors_is_a_bulk_edit_said_by_name(net):
    frame = actors_frame(net)
    names = [a.label for a in net.actors]
    changed, deleted = bulk_changes(frame, {"edited_rows": {0: {"partner": None}, 2: {"sector": None}}}, names, "da")
    assert changed == [
        ("Lavuk Stjernen (ledelse)", ["Partner (kerne): ja → nej"]),
        ("Medarbejdere på Lavuk Stjernen", ["Sektor: offentlig → -"]),
    ]
    assert is_bulk(changed, deleted) and not is_bulk(changed[:1], [])
    assert is_bulk([], bulk_changes(frame, {"deleted_rows": [3, 4]}, names, "en")[1])


def test_strength_7_is_refused_in_a_sentence_naming_the_tie_and_the_field(net):
    """Said of a tie in the app: its actors' names and the field's label, no "column"."""
    frame = ties_frame(net)
    frame.loc[0, "strength"] = 7.0
    with pytest.raises(InputError) as err:
        ties_from_frame(net, frame)
    a, b = net.actor(net.ties[0].source).label, net.actor(net.ties[0].target).label
    assert err.value.message("en") == f'Tie "{a} – {b}": Strength must be from 1 (weak) to 3 (strong), not 7.'
    assert err.value.message("da") == f'Relationen "{a} – {b}": Styrke skal være fra 1 (svag) til 3 (stærk), ikke 7.'


def test_an_emptied_name_is_refused_naming_the_actor_by_its_old_name(net):
    """An actor always has a name: a blanked name (None, as Delete leaves it, or spaces) is
    refused, not replaced by the id; an emptied id keeps the old one, as before."""
    for blank in (None, "", "   "):
        frame = actors_frame(net)
        frame.loc[3, "name"] = blank
        with pytest.raises(InputError) as err:
            actors_from_frame(net, frame)
        assert err.value.message("en") == f'Actor "{net.actors[3].name}": column "Name": the name cannot be empty'
    frame = actors_frame(net)
    frame.loc[3, "id"] = ""
    assert actors_from_frame(net, frame)[0] == net


def test_validate_names_the_actor_not_its_index(net):
    net.actors[5].id = net.actors[0].id
    with pytest.raises(InputError) as err:
        validate(net)
    text = err.value.message("da")
    assert text.startswith(f'Aktøren "{net.actors[5].label}": kolonne "Id"') and "actors[" not in text
    assert text.endswith(f'(aktøren "{net.actors[0].label}")')  # within a sentence: lowercase
    assert Named.actor("X").text("da") == 'aktøren "X"' and Named.actor("X").opening("da") == 'Aktøren "X"'


def test_a_warning_about_an_actor_named_in_the_app_starts_a_sentence(net):
    from netmap.present.report import warning_text

    net.actors[0].sector = "unknown"
    [warning] = validate(net).warnings
    name = net.actors[0].label
    assert warning_text(warning, "da").startswith(f'Aktøren "{name}": ')  # was "aktøren", lowercase
