"""Writes that never destroy: every output goes to a new, unpredictably named temporary file in
the target folder and is renamed into place only when complete; a symlink at the target is
replaced, never followed."""

import os
from pathlib import Path

import pytest

import netmap.writing as writing
from netmap.errors import InputError
from netmap.model import Actor, Network, Tie
from netmap.writing import write_network, write_text

OUTPUTS = ("n.json", "n.xlsx", "n.graphml", "n.gexf", "csv")


def small():
    return Network(name="small", actors=[Actor("a", sector="public"), Actor("b", sector="civil")], ties=[Tie("a", "b")])


def files(path):
    return [path] if path.is_file() else sorted(path.iterdir())


def snapshot(folder):
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("out", OUTPUTS)
def test_a_write_failing_midway_keeps_the_previous_file(tmp_path, monkeypatch, out):
    target = write_network(small(), tmp_path / out)
    before = snapshot(tmp_path)
    real = os.fsync

    def fail(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writing.os, "fsync", fail)
    bigger = small()
    bigger.actors.append(Actor("c", sector="private"))
    with pytest.raises(InputError, match="No space left"):
        write_network(bigger, target)
    monkeypatch.setattr(writing.os, "fsync", real)
    assert snapshot(tmp_path) == before  # the old file(s) and no temporary file left behind


def test_an_exception_inside_a_writer_keeps_the_previous_file(tmp_path, monkeypatch):
    target = write_network(small(), tmp_path / "n.graphml")
    before = target.read_bytes()
    import networkx as nx

    def boom(G, fh):
        fh.write(b"<half")
        raise RuntimeError("killed midway")

    monkeypatch.setattr(nx, "write_graphml", boom)
    with pytest.raises(RuntimeError):
        write_network(small(), target)
    assert target.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == ["n.graphml"]


def test_the_csv_pair_moves_into_place_together(tmp_path, monkeypatch):
    folder = write_network(small(), tmp_path / "csv")
    before = snapshot(folder)
    real = writing._write_csv

    def second_fails(path, *args, **kwargs):
        if Path(path).name == "ties.csv":
            raise OSError(5, "I/O error")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(writing, "_write_csv", second_fails)
    changed = small()
    changed.actors[0].name = "changed"
    with pytest.raises(InputError):
        write_network(changed, folder)
    assert snapshot(folder) == before


def test_a_read_only_folder_gives_one_line_and_keeps_the_file(tmp_path, monkeypatch):
    target = write_text("old map", tmp_path / "map.html")

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(writing.tempfile, "mkstemp", denied)
    with pytest.raises(InputError, match="Permission denied"):
        write_text("new map", target)
    assert target.read_text() == "old map"


def test_a_symlink_at_the_target_is_replaced_not_followed(tmp_path):
    precious = tmp_path / "precious.txt"
    precious.write_text("do not overwrite")
    link = tmp_path / "map.html"
    link.symlink_to(precious)
    write_text("the map", link)
    assert precious.read_text() == "do not overwrite"
    assert not link.is_symlink() and link.read_text() == "the map"
    out = tmp_path / "n.json"
    out.symlink_to(precious)
    write_network(small(), out)
    assert precious.read_text() == "do not overwrite" and not out.is_symlink()


def test_temporary_names_are_unpredictable_and_modes_kept(tmp_path, monkeypatch):
    seen = []
    real = writing.tempfile.mkstemp

    def spy(*args, **kwargs):
        fd, name = real(*args, **kwargs)
        seen.append(name)
        return fd, name

    monkeypatch.setattr(writing.tempfile, "mkstemp", spy)
    target = tmp_path / "map.html"
    target.write_text("old")
    target.chmod(0o640)
    write_text("a", target)
    write_text("b", target)
    assert len(set(seen)) == 2 and all(Path(n).parent == tmp_path for n in seen)
    assert str(os.getpid()) not in Path(seen[0]).name
    assert (target.stat().st_mode & 0o777) == 0o640 and target.read_text() == "b"


def test_export_cli_keeps_the_previous_map_when_export_fails(tmp_path, cli_inprocess):
    target = tmp_path / "map.html"
    target.write_text("previous map")
    status, _, err = cli_inprocess("export", tmp_path / "missing.json", "-o", target)
    assert status == 2 and target.read_text() == "previous map"
