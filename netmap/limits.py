"""How much work one input file may cause: the limits that make a hostile file end in one line.

Every limit has a named default here, in one place, and a setting to raise (or lower) it: the
environment variable ``NETMAP_`` + the field's name in capitals (``NETMAP_MAX_FILE_MB=1024``).
The defaults admit a CSV of 2,000,000 ties; a file beyond a limit is refused with one line that
names the limit and its setting, before the work that the limit guards is done.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace

from .errors import InputError

__all__ = ["Limits", "DEFAULT", "current", "setting"]


@dataclass(frozen=True)
class Limits:
    """The limits on one input file (see the module's docstring for the settings)."""

    #: Size of any one input file (CSV, JSON, XLSX, GraphML, GEXF), in MB (10**6 bytes).
    max_file_mb: int = 256
    #: Sum of the uncompressed sizes of an XLSX's parts, as its zip directory declares them, in MB.
    max_xlsx_uncompressed_mb: int = 512
    #: Uncompressed size over compressed size of any part of an XLSX above 1 MB (a zip bomb's is ~1000).
    max_xlsx_ratio: int = 100
    #: Number of parts (zip members) of an XLSX.
    max_xlsx_parts: int = 10_000
    #: Cells of one table (CSV file or sheet) as read, and of a sheet as its ``<dimension>`` declares them.
    max_cells: int = 25_000_000
    #: Rows of one table (CSV file or sheet), the header included.
    max_rows: int = 5_000_000
    #: Columns of one table (CSV file or sheet).
    max_columns: int = 1_000
    #: Nesting of JSON objects and lists (netmap's own files nest 4 deep).
    max_json_depth: int = 32
    #: Characters of one number in a JSON file (digits, sign, point and exponent).
    max_number_chars: int = 100


#: The limits when no setting is given.
DEFAULT = Limits()


def setting(name: str) -> str:
    """The environment variable of the limit ``name``: ``max_file_mb`` -> ``NETMAP_MAX_FILE_MB``."""
    return "NETMAP_" + name.upper()


def current() -> Limits:
    """The limits in force: :data:`DEFAULT`, with any ``NETMAP_MAX_...`` environment variable applied."""
    changes = {}
    for f in fields(Limits):
        raw = os.environ.get(setting(f.name))
        if raw is None or not raw.strip():
            continue
        try:
            value = int(raw.strip().replace("_", ""))
        except ValueError:
            value = 0
        if value <= 0:
            raise InputError("the setting {name} must be a whole number above 0", name=setting(f.name))
        changes[f.name] = value
    return replace(DEFAULT, **changes) if changes else DEFAULT
