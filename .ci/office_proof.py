"""The regional office, proven end to end on one PostgreSQL cluster and one shared folder.

Two app instances (separate data directories) work as different people: investigators of
regions A (MSK) and B (SPB), a regional manager of A, an auditor, and the administrator who set
the server up. Everything goes through the `casebook` CLI as subprocesses, plus one GUI instance
offscreen that must see another person's change within 2 s. Checked: visibility per role (CLI
and plain SQL), a video added by one instance opened by the other, a conflicting edit refused,
actions outside a role refused with exit 2 naming the role, the two-person decision, a kill -9
of a writer in mid-import leaving nothing half-written, and the audit chain intact.

Usage: python .ci/office_proof.py   (needs CASEBOOK_TEST_PG_URL naming a superuser, ffmpeg)
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime
from pathlib import Path

import psycopg
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
FAILURES: list[str] = []


def say(text: str) -> None:
    print(f"office-proof: {text}", flush=True)


def check(ok: bool, what: str) -> None:
    say(("ok   " if ok else "FAIL ") + what)
    if not ok:
        FAILURES.append(what)


class Person:
    def __init__(self, url: str, data_dir: Path, share: Path) -> None:
        self.url, self.data_dir, self.share = url, data_dir, share

    def cli(self, *args: str, stdin: str | None = None) -> tuple[int, dict, str]:
        argv = [PY, "-m", "app", "--json", "--data-dir", str(self.data_dir)]
        argv += ["--db-url", self.url, "--evidence-dir", str(self.share), *args]
        done = subprocess.run(argv, input=stdin, capture_output=True, text=True, cwd=ROOT)
        try:
            payload = json.loads(done.stdout) if done.stdout.strip() else {}
        except ValueError:
            payload = {}
        return done.returncode, payload, done.stderr.strip()

    def popen(self, *args: str) -> subprocess.Popen[str]:
        argv = [PY, "-m", "app", "--json", "--data-dir", str(self.data_dir)]
        argv += ["--db-url", self.url, "--evidence-dir", str(self.share), *args]
        return subprocess.Popen(
            argv, cwd=ROOT, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )


def sql(url: str, statement: str) -> list[tuple]:
    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn, autocommit=True) as conn:
        cur = conn.execute(statement)
        return cur.fetchall() if cur.description else []


def make_clip(path: Path) -> None:
    """Three seconds of x264 (preset medium, B-frames) written with PyAV: no ffmpeg tool needed."""
    import av
    import numpy as np

    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=25)
        stream.width, stream.height, stream.pix_fmt = 320, 240, "yuv420p"
        stream.options = {"preset": "medium", "bf": "2"}
        for i in range(75):
            image = np.full((240, 320, 3), (i * 3) % 255, dtype=np.uint8)
            image[:, (i * 4) % 320 :] = 40
            for packet in stream.encode(av.VideoFrame.from_ndarray(image, format="rgb24")):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)


def make_calls(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write("Дата;Время;Кто звонил;Кому звонил;Длительность\n")
        for i in range(rows):
            out.write(
                f"{1 + i % 28:02d}.09.2025;{i % 24:02d}:{i % 60:02d}:{(i * 7) % 60:02d};"
                f"+7916{1000000 + i:07d};+79031112233;{i % 300}\n"
            )


GUI_WATCHER = r"""
import sys, time, os
from datetime import datetime, timezone
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
from app.services.core.bootstrap import open_context
from app.ui.env import UiEnv
from app.ui.main_window import MainWindow
from app.ui.tasks import TaskRunner
data, url, share, title, state = sys.argv[1:6]
app = QApplication([sys.argv[0]])
ctx = open_context(data, url, evidence_dir=share)
env = UiEnv(ctx, TaskRunner())
window = MainWindow(env, QSettings(state, QSettings.Format.IniFormat))
window.show()
print("ready", flush=True)
def poll():
    model = window.cases.model
    for row in range(model.rowCount()):
        summary = model.summary_at(row) if hasattr(model, "summary_at") else None
        text = summary.title if summary else model.index(row, 1).data()
        if text == title:
            print("seen", datetime.now(timezone.utc).isoformat(), flush=True)
            env.live.stop(); app.quit(); return
    QTimer.singleShot(20, poll)
QTimer.singleShot(0, poll)
QTimer.singleShot(30000, app.quit)
app.exec()
"""


def main() -> int:
    base = os.environ.get("CASEBOOK_TEST_PG_URL")
    if not base:
        say("CASEBOOK_TEST_PG_URL is not set: no server to prove the office on")
        return 1
    name = f"office_proof_{uuid.uuid4().hex[:8]}"
    sql(base, f'CREATE DATABASE "{name}"')
    owner = make_url(base).set(database=name).render_as_string(hide_password=False)
    suffix = uuid.uuid4().hex[:4]
    logins = {who: f"{who}_{suffix}" for who in ("inv_a", "inv_b", "mgr_a", "aud", "adm")}
    work = Path(tempfile.mkdtemp(prefix="office-proof-"))
    share = work / "share"
    share.mkdir()
    instance_1, instance_2 = work / "instance-1", work / "instance-2"

    def person(who: str, instance: Path) -> Person:
        url = make_url(owner).set(username=logins[who]).render_as_string(hide_password=False)
        return Person(url, instance, share)

    try:
        root = Person(owner, work / "server-admin", share)
        code, init, err = root.cli("admin", "init")
        check(code == 0 and "cases" in init.get("protected_tables", []), f"admin init ({err})")
        people = {
            "inv_a": ["--role", "investigator", "--region", "MSK"],
            "inv_b": ["--role", "investigator", "--region", "SPB"],
            "mgr_a": ["--role", "manager", "--region", "MSK"],
            "aud": ["--role", "auditor"],
            "adm": ["--role", "admin"],
        }
        for who, options in people.items():
            code, _, err = root.cli(
                "admin", "user", "add", logins[who], *options, "--password-stdin", stdin="pw\n"
            )
            check(code == 0, f"admin user add {who} ({err})")
        code, listed, _ = root.cli("admin", "user", "list")
        check(len(listed.get("users", [])) == 5, "admin user list shows the five people")

        inv_a, inv_b = person("inv_a", instance_1), person("inv_b", instance_2)
        mgr_a, aud = person("mgr_a", instance_2), person("aud", instance_2)
        code, msk, err = inv_a.cli(
            "case",
            "new",
            "--title",
            "Звонки после доставки",
            "--region",
            "MSK",
            "--tz",
            "Europe/Moscow",
        )
        check(code == 0, f"investigator A opens a Moscow case ({err})")
        msk_no = msk.get("case", msk).get("number", "")
        inv_a.cli(
            "party",
            "add",
            msk_no,
            "--role",
            "subject",
            "--name",
            "Курьер Петров",
            "--courier-id",
            "C-7781",
            "--phone",
            "+79161234567",
            "--address",
            "г. Москва, ул. Лесная, д. 5",
        )
        code, _, err = inv_b.cli(
            "case",
            "new",
            "--title",
            "Грубость у двери",
            "--region",
            "SPB",
            "--tz",
            "Europe/Moscow",
        )
        check(code == 0, f"investigator B opens a St Petersburg case ({err})")

        # Visibility per role, through the CLI and with plain SQL as each login.
        for who, who_person, expected in (
            ("inv_a", inv_a, 1),
            ("inv_b", inv_b, 1),
            ("mgr_a", mgr_a, 1),
            ("aud", aud, 2),
        ):
            _, page, _ = who_person.cli("case", "list")
            rows = sql(who_person.url, "SELECT count(*) FROM cases")[0][0]
            check(
                page.get("total") == expected and rows == expected,
                f"{who} sees {expected} case(s) (CLI {page.get('total')}, SQL {rows})",
            )
        adm_url = person("adm", instance_2).url
        check(
            sql(adm_url, "SELECT count(*) FROM parties")[0][0] == 0,
            "the administrator sees no personal data",
        )
        # Columns: RLS gives an investigator their own cases' rows; the raw personal columns
        # stay closed to every role, and the views show what the app shows.
        for who in ("inv_a", "mgr_a", "aud", "adm"):
            try:
                sql(person(who, instance_1).url, "SELECT value FROM public.party_phones")
                refused = False
            except psycopg.errors.InsufficientPrivilege:
                refused = True
            check(refused, f"{who} cannot select raw phone numbers with plain SQL")
        shown = sql(
            inv_a.url,
            "SELECT p.address, ph.value FROM parties p JOIN party_phones ph ON ph.party_id = p.id",
        )
        check(
            shown[0][0] == "г. Москва, ***" and shown[0][1].startswith("+7 916 ***-**-67 #"),
            f"psql shows investigator A the masked address and phone ({shown[0]})",
        )
        _, found, _ = inv_a.cli("case", "list", "--search", "916 123")
        check(found.get("total") == 1, "a digit search still finds the case")

        # A video added on instance 1 is opened on instance 2 (evidence on the share).
        clip = work / "dashcam.mp4"
        make_clip(clip)
        code, added, err = inv_a.cli("evidence", "add", msk_no, str(clip), "--kind", "dashcam")
        check(code == 0, f"investigator A adds a dash-cam video ({err})")
        evidence_id = added.get("evidence", added).get("id")
        frame = work / "frame.png"
        code, _, err = mgr_a.cli(
            "evidence",
            "frame",
            msk_no,
            str(evidence_id),
            "--media-time",
            "1.0",
            "--out",
            str(frame),
        )
        check(
            code == 0 and frame.exists() and frame.stat().st_size > 1000,
            f"the manager on instance 2 opens that video's frame ({err})",
        )
        sha = str(added.get("evidence", added).get("sha256", ""))
        local = list((instance_2 / "evidence").rglob(sha)) if sha else []
        check(
            bool(sha) and (share / sha[:2] / sha[2:4] / sha).is_file() and not local,
            "the blob lives on the share; instance 2 keeps no copy of its own",
        )

        # Refusals: exit 2 with one line naming the role.
        code, _, err = aud.cli(
            "case", "new", "--title", "x", "--region", "MSK", "--tz", "Europe/Moscow"
        )
        check(
            code == 2 and "(auditor)" in err and "\n" not in err,
            f"auditor cannot open a case: {err}",
        )
        code, _, err = inv_b.cli("case", "show", msk_no)
        check(code == 2, f"investigator B cannot see the Moscow case: {err}")

        # A conflicting edit: two proposals made on the same version, the second refused.
        _, shown, _ = inv_a.cli("case", "show", msk_no)
        version = str(shown.get("case", shown).get("version"))
        code, _, err = inv_a.cli(
            "decision",
            "propose",
            msk_no,
            "--measure",
            "warning",
            "--findings",
            "Звонил после доставки",
            "--expected-version",
            version,
        )
        check(code == 0, f"investigator A proposes a warning ({err})")
        code, _, err = inv_a.cli(
            "decision",
            "propose",
            msk_no,
            "--measure",
            "blacklist",
            "--findings",
            "Другое",
            "--expected-version",
            version,
        )
        check(code == 2 and "changed by someone else" in err, f"the stale edit is refused: {err}")
        code, _, err = inv_a.cli("decision", "approve", msk_no)
        check(code == 2 and "(investigator)" in err, f"the investigator cannot approve: {err}")

        # A change made on instance 1 appears in the manager's GUI within 2 s.
        watcher = subprocess.Popen(
            [
                PY,
                "-c",
                GUI_WATCHER,
                str(instance_2),
                mgr_a.url,
                str(share),
                "Видео у подъезда",
                str(work / "state.ini"),
            ],
            cwd=ROOT,
            text=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        assert watcher.stdout is not None
        check(watcher.stdout.readline().strip() == "ready", "the manager's GUI is up (offscreen)")
        time.sleep(1.0)  # the listener connects (a proof script, not a test)
        code, _, _ = inv_a.cli(
            "case", "new", "--title", "Видео у подъезда", "--region", "MSK", "--tz", "Europe/Moscow"
        )
        line = watcher.stdout.readline().split()
        watcher.wait(30)
        rows = sql(owner, "SELECT created_at FROM cases WHERE title = 'Видео у подъезда'")
        if len(line) == 2 and rows:
            lag = (datetime.fromisoformat(line[1]) - rows[0][0]).total_seconds()
            check(
                lag < 2.0,
                f"the manager's case list showed the new case {lag:.2f} s after it was "
                f"written (load {os.getloadavg()[0]:.1f})",
            )
        else:
            check(
                False,
                f"the manager's GUI saw the new case ({line}; {watcher.stderr.read()[-300:]})",
            )

        code, _, err = mgr_a.cli("decision", "approve", msk_no, "--comment", "Согласовано")
        check(code == 0, f"the manager approves; the case closes ({err})")

        # kill -9 of a writer in the middle of an import: nothing half-written.
        calls = work / "calls.csv"
        make_calls(calls, 400_000)
        before = sql(owner, "SELECT count(*) FROM calls")[0][0]
        writer = inv_a.popen("import", "calls", msk_no, str(calls))
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            inserting = sql(
                owner,
                "SELECT count(*) FROM pg_stat_activity WHERE usename = "
                f"'{logins['inv_a']}' AND query ILIKE 'INSERT INTO %calls%'",
            )[0][0]
            if inserting:  # the import's transaction is writing call rows right now
                break
            time.sleep(0.02)
        check(bool(inserting), "the import was caught writing its rows")
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        time.sleep(1.0)  # the server notices the dead backend and rolls back
        after = sql(owner, "SELECT count(*) FROM calls")[0][0]
        batches = sql(owner, "SELECT count(*) FROM call_batches")[0][0]
        check(
            after == before and batches == 0,
            f"kill -9 mid-import left no calls ({after}) and no batch ({batches})",
        )
        code, _, err = aud.cli("audit", "verify")
        check(code == 0, f"the auditor verifies the audit chain ({err})")
        actors = {r[0] for r in sql(owner, "SELECT DISTINCT actor FROM audit_entries")}
        check(
            logins["inv_a"] in actors and logins["mgr_a"] in actors,
            "audit entries name the database roles",
        )
    finally:
        sql(
            base, f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"
        )
        sql(base, f'DROP DATABASE IF EXISTS "{name}"')
        for login in logins.values():
            sql(base, f'DROP ROLE IF EXISTS "{login}"')
    if FAILURES:
        say(f"{len(FAILURES)} check(s) failed")
        return 1
    say("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
