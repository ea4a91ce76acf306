"""netmap's server settings (netmap/config.py): the [netmap] table of a real secrets.toml file."""

import pytest

from netmap import config
from netmap.errors import NetmapError


def test_settings_from_a_secrets_file(tmp_path, monkeypatch):
    monkeypatch.delenv("NETMAP_PUBLIC_URL", raising=False)
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(
        '[auth]\ncookie_secret = "x"\n\n[netmap]\npublic_url = "https://netmap.kommune.dk/"\n'
        'admins = ["Anna@Kommune.dk", " bo "]\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("NETMAP_SECRETS", str(secrets))
    cfg = config.load()
    assert config.public_url(cfg) == "https://netmap.kommune.dk"
    assert config.admins(cfg) == {"anna@kommune.dk", "bo"}
    assert config.link("/survey?t=abc", cfg) == "https://netmap.kommune.dk/survey?t=abc"
    monkeypatch.setenv("NETMAP_PUBLIC_URL", "http://127.0.0.1:8501")
    assert config.public_url(cfg) == "http://127.0.0.1:8501"


def test_no_settings(tmp_path, monkeypatch):
    monkeypatch.delenv("NETMAP_PUBLIC_URL", raising=False)
    monkeypatch.setenv("NETMAP_SECRETS", str(tmp_path / "missing.toml"))
    assert config.load() == {}
    assert config.public_url() is None and config.admins() == frozenset()
    assert config.link("survey?t=1") == "survey?t=1"
    assert config.link("survey?t=1", {}, fallback="http://127.0.0.1:8501/") == "http://127.0.0.1:8501/survey?t=1"


def test_bad_settings_are_one_clear_message(tmp_path):
    bad = tmp_path / "secrets.toml"
    bad.write_text("[netmap\npublic_url = 1", encoding="utf-8")
    with pytest.raises(NetmapError) as err:
        config.load(bad)
    assert str(bad) in err.value.message("en")
    with pytest.raises(NetmapError, match="web address"):
        config.public_url({"public_url": "ftp://x"})
