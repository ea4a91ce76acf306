"""netmap: stakeholder network mapping for local cross-sector partnerships.

>>> import netmap
>>> net = netmap.read_network("sample_networks/copenhagen")        # doctest: +SKIP
>>> report = netmap.analyze(net, lang="da")                         # doctest: +SKIP

The names below are loaded on first use (PEP 562), so ``import netmap`` stays
fast: numpy, scipy, networkx and openpyxl are imported only by the functions
that need them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # for type checkers and editors; at run time see __getattr__
    from .analysis import analyze
    from .errors import InputError, NetmapError
    from .model import Actor, Network, Tie, validate
    from .privacy import pseudonymise
    from .reading import network_from_json, read_network
    from .writing import to_json, write_network

__all__ = [
    "Actor",
    "Tie",
    "Network",
    "validate",
    "read_network",
    "network_from_json",
    "write_network",
    "to_json",
    "analyze",
    "pseudonymise",
    "NetmapError",
    "InputError",
]
__version__ = "0.1.0"

# Public name -> the submodule that defines it.
_LAZY = {
    "analyze": "analysis",
    "InputError": "errors",
    "NetmapError": "errors",
    "Actor": "model",
    "Network": "model",
    "Tie": "model",
    "validate": "model",
    "pseudonymise": "privacy",
    "network_from_json": "reading",
    "read_network": "reading",
    "to_json": "writing",
    "write_network": "writing",
}


# Submodules that ``import netmap`` used to load eagerly, so that ``netmap.reach`` (say) still works
# without its own import.
_SUBMODULES = {
    "analysis",
    "betweenness",
    "brokerage",
    "dependency",
    "ei",
    "errors",
    "flags",
    "i18n",
    "isolation",
    "model",
    "privacy",
    "reach",
    "reading",
    "writing",
}


def __getattr__(name):
    module = _LAZY.get(name)
    if module is not None:
        value = getattr(importlib.import_module(f".{module}", __name__), name)
        globals()[name] = value  # later look-ups skip this function
        return value
    if name in _SUBMODULES:
        return importlib.import_module(f".{name}", __name__)  # (which sets it as an attribute)
    raise AttributeError(f"module 'netmap' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(__all__))
