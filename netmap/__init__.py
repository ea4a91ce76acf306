"""netmap: stakeholder network mapping for local cross-sector partnerships.

>>> import netmap
>>> net = netmap.read_network("sample_networks/copenhagen")        # doctest: +SKIP
>>> report = netmap.analyze(net, lang="da")                         # doctest: +SKIP
"""

from .analysis import analyze
from .errors import InputError, NetmapError
from .model import Actor, Network, Tie, validate
from .privacy import pseudonymise
from .reading import network_from_json, read_network
from .writing import to_json, write_network

__all__ = ["Actor", "Tie", "Network", "validate", "read_network", "network_from_json",
           "write_network", "to_json", "analyze", "pseudonymise", "NetmapError", "InputError"]
__version__ = "0.1.0"
