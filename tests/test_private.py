"""Private by default (issue 12): ``streamlit run app.py`` with the committed configuration
answers on this computer only, not on the office network."""

import socket
import tomllib
import urllib.request
from pathlib import Path

import pytest

from tests.test_app_browser import free_port, start_server, stop_server

ROOT = Path(__file__).resolve().parents[1]


def outward_address():
    """This machine's address on its network (no packet is sent: a UDP connect only picks the
    route), or None when it has no interface but loopback."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed on the internet
        except OSError:
            return None
        address = s.getsockname()[0]
    return None if address.startswith("127.") else address


def answers(host, port):
    try:
        with urllib.request.urlopen(f"http://{host}:{port}/_stcore/health", timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


def test_the_committed_configuration_listens_on_loopback_only():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["address"] == "127.0.0.1"


def test_the_app_cannot_be_opened_from_the_office_network(tmp_path):
    outward = outward_address()
    if outward is None:
        pytest.skip("this machine has no network interface but loopback")
    port = free_port()
    with open(tmp_path / "server.log", "w") as log:
        server = start_server(port, tmp_path / "ws.sqlite", log, address=None)
        try:
            assert answers("127.0.0.1", port)
            assert not answers(outward, port), f"the app answers on {outward}:{port}"
        finally:
            stop_server(server)
