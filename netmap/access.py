"""Who may do what in a shared workspace (issue 12): a role per person and network.

A viewer sees a network, an editor also changes it (save, restore, undo, redo, snapshots), an
owner also renames, purges and shares it. Administrators (``admins`` in the ``[netmap]`` table of
secrets.toml) may do everything; so may the command line on the server and the personal app,
which act without a user. The checks run in the workspace itself (:class:`netmap.workspace.
Workspace` and :class:`netmap.snapshots.SnapshotStore`), so a hidden button is never the only
guard.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import config
from .errors import NetmapError
from .i18n import N_

__all__ = ["ROLES", "User", "PermissionDenied", "user_key", "check_role", "role_of", "at_least"]

#: The roles, weakest first: each may do what the ones before it may.
ROLES = ("viewer", "editor", "owner")

_REFUSALS = {
    "viewer": N_('you ({user}) have no access to the network "{name}": ask its owner to share it with you'),
    "editor": N_('you ({user}) can view the network "{name}" but not change it: ask its owner to let you edit'),
    "owner": N_('only an owner of the network "{name}" may rename, delete or share it; you ({user}) are not one'),
}


def user_key(text):
    """How a person is named in the roles: an e-mail address lower-cased, any other id as given."""
    text = str(text or "").strip()
    return text.lower() if "@" in text else text


@dataclass(frozen=True)
class User:
    """A logged-in person: ``id`` (lower-cased e-mail, else the OpenID Connect subject), the name
    to show, and whether they are an administrator."""

    id: str
    name: str = ""
    is_admin: bool = False

    @classmethod
    def from_claims(cls, claims, cfg=None):
        """The user of an OpenID Connect login (``st.user``, a dict of claims); ``cfg`` is the
        ``[netmap]`` table that names the administrators."""
        uid = user_key(claims.get("email") or claims.get("sub"))
        return cls(uid, str(claims.get("name") or "").strip() or uid, uid.lower() in config.admins(cfg or {}))


class PermissionDenied(NetmapError):
    """The user's role on a network does not allow what they asked for (nothing was changed)."""

    def __init__(self, user, network, need):
        super().__init__(_REFUSALS[need], user=user.id or "?", name=network)


def at_least(role, need):
    """Whether ``role`` (or None: no role) allows what ``need`` needs."""
    return role in ROLES and ROLES.index(role) >= ROLES.index(need)


def role_of(con, user, network):
    """The role of ``user`` on ``network`` read on the connection ``con``: ``owner`` for no user
    (the command line, the personal app) and for administrators; None when they have none."""
    if user is None or user.is_admin:
        return "owner"
    row = con.execute("SELECT role FROM roles WHERE network = ? AND user_id = ?", (network, user.id)).fetchone()
    return row[0] if row else None


def check_role(con, user, network, need):
    """Raise :class:`PermissionDenied` unless ``user`` has at least the role ``need`` on ``network``."""
    if not at_least(role_of(con, user, network), need):
        raise PermissionDenied(user, network, need)
