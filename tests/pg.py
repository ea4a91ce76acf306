"""A real PostgreSQL server for the tests, started once per test session (Debian's `postgresql`).

Debian's server refuses to run as root, so as root it runs as the user ``postgres``, with its data
folder under /tmp (root's home is closed to others); it listens on 127.0.0.1 only, with trust
authentication (but for :data:`PASSWORD_ROLE`), and is stopped at the end of the session.
"""

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def bin_dir():
    """The folder of Debian's PostgreSQL programs (the newest version), or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return Path(found[-1]).parent if found else None


HAS_POSTGRES = bin_dir() is not None and shutil.which("runuser") is not None


#: Who may log in: everyone without a password, except the role the tests give a password to
#: (to see what a wrong one does).
PASSWORD_ROLE = "netmap_password"
HBA = f"""host all {PASSWORD_ROLE} 127.0.0.1/32 scram-sha-256
host all all 127.0.0.1/32 trust
local all all trust
"""


class Server:
    def __init__(self):
        self.bin = bin_dir()
        self.dir = Path(tempfile.mkdtemp(prefix="netmap-pg-", dir="/tmp"))
        self.data = self.dir / "data"
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self._names = itertools.count(1)
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        self._run("initdb", "-D", self.data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync")
        (self.data / "pg_hba.conf").write_text(HBA)
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.dir} -c fsync=off"
        self._run("pg_ctl", "-D", self.data, "-o", options, "-l", self.dir / "log", "-w", "start")

    def _run(self, program, *args):
        command = [str(self.bin / program), *map(str, args)]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def url(self, database="postgres"):
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def new_database(self):
        """The URL of a new, empty database."""
        import psycopg

        name = f"netmap_test_{next(self._names)}"
        with psycopg.connect(self.url(), autocommit=True) as con:
            con.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def stop(self):
        self._run("pg_ctl", "-D", self.data, "-m", "immediate", "stop")
        shutil.rmtree(self.dir, ignore_errors=True)
