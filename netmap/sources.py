"""Where a network comes from on the command line: a file, a CSV folder, two CSV files, a saved
snapshot (``snapshot:NETWORK@ID``) or a network of the workspace (``workspace:NAME``, its current
revision, or ``workspace:NAME@REV``)."""

from __future__ import annotations

from .errors import InputError
from .reading import read_network

__all__ = ["load_input", "SNAPSHOT_PREFIX", "WORKSPACE_PREFIX", "INPUTS_HELP"]

SNAPSHOT_PREFIX = "snapshot:"
WORKSPACE_PREFIX = "workspace:"
INPUTS_HELP = (
    "a .json/.xlsx/.graphml/.gexf file, a folder with actors.csv and ties.csv, two CSV files, "
    "snapshot:NETWORK@ID, or workspace:NAME[@REVISION] (a network of the workspace)"
)


def load_input(*specs, workspace=None):
    """The network that ``specs`` (the command line's INPUT... words) name. A workspace or
    snapshot reference never creates a workspace: a missing one is refused in one line."""
    spec = str(specs[0]) if len(specs) == 1 else ""
    if spec.startswith(SNAPSHOT_PREFIX):
        from .snapshots import SnapshotStore

        network, sid = _split(spec, SNAPSHOT_PREFIX, required=True)
        return SnapshotStore(workspace, create=False).load(sid, network=network)
    if spec.startswith(WORKSPACE_PREFIX):
        from .workspace import Workspace

        network, rev = _split(spec, WORKSPACE_PREFIX, required=False)
        return Workspace(workspace, create=False).load(network, rev)
    return read_network(*specs)


def workspace_name(spec):
    """The network a ``workspace:NAME[@REV]`` input names, or None for any other input."""
    spec = str(spec)
    return _split(spec, WORKSPACE_PREFIX, required=False)[0] if spec.startswith(WORKSPACE_PREFIX) else None


def _split(spec, prefix, required):
    """``(name, number)`` from ``NAME@NUMBER`` after the prefix. For a workspace network the
    number may be left out, and a name may hold "@" (``workspace:a@b`` is the network "a@b")."""
    rest = spec[len(prefix) :]
    name, _, number = rest.rpartition("@")
    if not number.isdigit():
        name, number = ("", "") if required else (rest, "")
    if not name and prefix == SNAPSHOT_PREFIX:
        raise InputError(
            'write a snapshot as snapshot:NETWORK@ID, e.g. snapshot:copenhagen@3 (got "{value}")', value=spec
        )
    if not name:
        raise InputError(
            'write a workspace network as workspace:NAME or workspace:NAME@REVISION, e.g. workspace:copenhagen@3 (got "{value}")',
            value=spec,
        )
    return name, int(number) if number else None
