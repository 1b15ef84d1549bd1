"""A throwaway PostgreSQL cluster for the tests: initdb in a temp dir, unix socket only, removed after.

PostgreSQL refuses to run as root; when the tests run as root (CI, this machine) the cluster is
created and run as the ``postgres`` system user if it exists, else as ``nobody``. Anything that
prevents a cluster (no binaries, initdb fails) is reported as a reason string, so the tests skip
with it instead of failing.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "drafter_test"


@dataclass
class Cluster:
    root: Path
    socket_dir: Path
    bin_dir: Path
    run_as: str | None

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://{SUPERUSER}@/{dbname}?host={self.socket_dir}"

    def create_database(self) -> str:
        """A fresh empty database; returns its URL."""
        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def _pg_ctl(self, *args: str) -> subprocess.CompletedProcess:
        return _run(self.run_as, [str(self.bin_dir / "pg_ctl"), "-D", str(self.root / "data"), *args])

    def stop(self) -> None:
        self._pg_ctl("stop", "-m", "immediate", "-w")

    def start(self) -> subprocess.CompletedProcess:
        opts = f"-k {self.socket_dir} -c listen_addresses='' -F -c max_connections=50"
        return self._pg_ctl("start", "-w", "-t", "30", "-l", str(self.root / "log"), "-o", opts)

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)


def _run(user: str | None, cmd: list[str]) -> subprocess.CompletedProcess:
    if user:
        cmd = ["runuser", "-u", user, "--", *cmd]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


def find_bin_dir() -> Path | None:
    override = os.environ.get("DRAFTER_PG_BINDIR")  # a folder with initdb and pg_ctl
    if override:
        return Path(override)
    on_path = shutil.which("pg_ctl")
    if on_path:
        return Path(on_path).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), reverse=True)
    return Path(candidates[0]).parent if candidates else None


def _run_as() -> str | None:
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    return None


def start_cluster() -> tuple[Cluster | None, str]:
    """A running cluster, or (None, the reason it could not be started)."""
    bin_dir = find_bin_dir()
    if bin_dir is None or not (bin_dir / "initdb").exists():
        return None, "PostgreSQL is not installed (no pg_ctl/initdb; run make test as root to install it)"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return None, "psycopg is not installed (pip install 'psycopg[binary]')"
    user = _run_as()
    if os.geteuid() == 0 and user is None:
        return None, "running as root and no unprivileged user (postgres/nobody) to run PostgreSQL"
    root = Path(tempfile.mkdtemp(prefix="drafter-pg-"))
    root.chmod(0o755)
    if user:
        entry = pwd.getpwnam(user)
        os.chown(root, entry.pw_uid, entry.pw_gid)
    cluster = Cluster(root, root, bin_dir, user)
    init = _run(user, [str(bin_dir / "initdb"), "-D", str(root / "data"), "-U", SUPERUSER,
                       "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"])
    if init.returncode != 0:
        shutil.rmtree(root, ignore_errors=True)
        return None, f"initdb failed: {init.stderr.strip()[-300:]}"
    started = cluster.start()
    if started.returncode != 0:
        log = (root / "log").read_text(errors="replace")[-300:] if (root / "log").exists() else ""
        shutil.rmtree(root, ignore_errors=True)
        return None, f"PostgreSQL did not start: {started.stderr.strip()[-200:]} {log}"
    for _ in range(50):
        if (root / ".s.PGSQL.5432").exists():
            break
        time.sleep(0.1)
    return cluster, ""
