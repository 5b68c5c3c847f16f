"""Password login to an office server whose pg_hba.conf asks for scram-sha-256 on TCP: a
cluster of its own (as .ci/pg.sh starts one), a person added with `admin user add`, and the
password coming from PGPASSWORD, from ~/.pgpass and from the login dialog; a wrong password is
a one-line error (exit 2). Kerberos/SSPI need a KDC or a domain: documented, not tested here."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

from app.main import _connect, parse_gui_args
from app.services.core.bootstrap import close_context, open_context
from app.services.office import accounts

ROOT = Path(__file__).resolve().parents[3]
PASSWORD = "Осень-2026!"


def _pg_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    return str(candidates[-1]) if candidates else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def scram_server() -> Iterator[dict[str, str]]:
    """A throwaway cluster: the superuser over the Unix socket (trust), everyone over TCP with
    scram-sha-256; a Casebook database set up by `admin init` with one investigator."""
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if not initdb or not pg_ctl:
        pytest.skip("no PostgreSQL binaries (initdb, pg_ctl)")
    as_pg = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    folder = Path(tempfile.mkdtemp(prefix="casebook-scram-"))
    if as_pg:
        shutil.chown(folder, "postgres")
    data, port = folder / "data", _free_port()
    subprocess.run(
        [*as_pg, initdb, "-D", str(data), "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8",
         "--auth-local=trust", "--auth-host=scram-sha-256"],
        check=True, capture_output=True,
    )  # fmt: skip
    hba = (data / "pg_hba.conf").read_text()
    assert "scram-sha-256" in hba
    subprocess.run(
        [*as_pg, pg_ctl, "-D", str(data), "-l", str(folder / "log"), "-w", "-o",
         f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start"],
        check=True, capture_output=True,
    )  # fmt: skip
    try:
        owner = f"postgresql+psycopg://postgres@/postgres?host={folder}&port={port}"
        import psycopg

        with psycopg.connect(f"host={folder} port={port} user=postgres", autocommit=True) as c:
            c.execute("CREATE DATABASE casebook")
        owner = owner.replace("/postgres?", "/casebook?")
        ctx = open_context(folder / "owner-data", owner, evidence_dir=None)
        try:
            accounts.init_office(ctx)
            accounts.add_user(ctx, "ivanova", ["investigator"], ["MSK"], [], password=PASSWORD)
        finally:
            close_context(ctx)
        yield {
            "url": f"postgresql+psycopg://ivanova@127.0.0.1:{port}/casebook",
            "folder": str(folder),
        }
    finally:
        subprocess.run([*as_pg, pg_ctl, "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True)  # fmt: skip
        shutil.rmtree(folder, ignore_errors=True)


def _cli(url: str, home: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    clean.update(HOME=str(home), PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring", **env)
    return subprocess.run(
        [sys.executable, "-m", "app", "--json", "--data-dir", str(home / "data"),
         "--db-url", url, "case", "list"],
        cwd=ROOT, env=clean, text=True, capture_output=True, timeout=120,
    )  # fmt: skip


def test_password_from_pgpassword_and_from_pgpass_and_a_wrong_one(scram_server, tmp_path):
    url = scram_server["url"]
    done = _cli(url, tmp_path, PGPASSWORD=PASSWORD)
    assert done.returncode == 0, done.stderr
    assert '"total": 0' in done.stdout
    # no password anywhere: refused, one line
    refused = _cli(url, tmp_path)
    assert refused.returncode == 2
    assert len(refused.stderr.strip().splitlines()) == 1
    assert "password" in refused.stderr
    # ~/.pgpass (libpq ignores it unless only its owner may read it)
    pgpass = tmp_path / ".pgpass"
    port = url.rsplit(":", 1)[1].split("/")[0]
    pgpass.write_text(f"127.0.0.1:{port}:casebook:ivanova:{PASSWORD}\n", encoding="utf-8")
    pgpass.chmod(0o600)
    done = _cli(url, tmp_path)
    assert done.returncode == 0, done.stderr
    # a wrong password: exit 2, one line naming the failure, never the password
    wrong = _cli(url, tmp_path, PGPASSWORD="не-тот")
    assert wrong.returncode == 2
    line = wrong.stderr.strip()
    assert len(line.splitlines()) == 1, line
    assert 'password authentication failed for user "ivanova"' in line
    assert "не-тот" not in line


def test_the_login_dialog_asks_and_connects(scram_server, qtbot, tmp_path, monkeypatch):
    for name in [k for k in os.environ if k.startswith("PG")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    asked: list[str] = []
    answers = ["не-тот", PASSWORD]  # first a wrong password, then the right one
    seen: list[object] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog in seen:  # the next dialog is not up yet
            QTimer.singleShot(20, answer)
            return
        seen.append(dialog)
        problem = dialog.findChild(QLabel, "loginProblem")
        asked.append(problem.text() if problem is not None else "")
        dialog.findChild(QLineEdit, "loginPassword").setText(answers.pop(0))
        dialog.accept()
        if answers:
            QTimer.singleShot(20, answer)

    QTimer.singleShot(0, answer)
    options = parse_gui_args(["--db-url", scram_server["url"]])
    ctx = _connect(options, tmp_path / "data")
    assert ctx is not None
    try:
        assert ctx.actor == "ivanova"
        assert ctx.identity is not None and ctx.identity.login == "ivanova"
    finally:
        close_context(ctx)
    assert len(asked) == 2
    assert "password" in asked[0].lower()
    assert "password authentication failed" in asked[1]
