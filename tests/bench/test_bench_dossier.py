"""Benchmark (issue 6): the dossier of a large case — 2,000 timeline events, 5,000 calls in the
annex, 100 stills at 1280x720 — against a bare reportlab build of the same content (same fonts,
the same JPEG files, tables in the same chunks; no header, contents, outline or styling) in the
same run. Goal: under 5 s and under 1 GB of memory. Figures are printed (`-s`)."""

from __future__ import annotations

import hashlib
import io
import json
import os
import resource
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import cv2
import numpy as np
import pypdf
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Image, PageBreak, Paragraph, SimpleDocTemplate, Table

from app.reports.dossier import build_dossier
from app.reports.fonts import register_fonts
from app.reports.model import (
    CallEntry,
    CallStatistics,
    CaseInfo,
    DossierData,
    EventEntry,
    EvidenceEntry,
    FindingEntry,
    PartyEntry,
    StillEntry,
)

N_EVENTS, N_CALLS, N_STILLS = 2_000, 5_000, 100
START = datetime(2025, 9, 1, 8, 0, tzinfo=UTC)


def _stills(folder: Path) -> list[Path]:
    rng = np.random.default_rng(3)
    base = rng.integers(0, 255, (720, 1280, 3), dtype=np.uint8)
    base = cv2.GaussianBlur(base, (0, 0), 6)  # camera-like detail, not pure noise
    paths = []
    for i in range(N_STILLS):
        frame = base.copy()
        cv2.putText(
            frame, f"CCTV {i:03d}", (60, 650), cv2.FONT_HERSHEY_SIMPLEX, 3, (255, 255, 255), 6
        )
        path = folder / f"still{i:03d}.jpg"
        path.write_bytes(cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, 85])[1].tobytes())
        paths.append(path)
    return paths


def _data(stills: list[Path]) -> DossierData:
    calls = tuple(
        CallEntry(
            START + timedelta(minutes=3 * i),
            (i * 37) % 600,
            f"+7 916 {i % 900:03d}-45-67",
            "+7 903 765-43-21",
            "" if i % 4 == 0 else "+7 495 111-22-33",
            i % 3 != 0,
            f"ORD-{i // 20}",
        )
        for i in range(N_CALLS)
    )
    return DossierData(
        profile="police",
        lang="ru",
        case=CaseInfo(
            "MSK-2025-0999",
            "repeated_calls",
            "MSK",
            "Europe/Moscow",
            START,
            "in_progress",
            "Курьер звонил клиентке с разных номеров.\n\n" * 5,
            "blacklist",
            "Орлова Е. А.",
            "Начальнику ОМВД",
        ),
        generated_at=START + timedelta(days=30),
        audit_head="ab" * 32,
        audit_entries=50_000,
        parties=tuple(
            PartyEntry(
                "witness", f"Свидетель {i}", ("+7 903 765-43-21",), "г. Москва, ул. Лесная, д. 7"
            )
            for i in range(10)
        ),
        events=tuple(
            EventEntry(
                START + timedelta(minutes=10 * i),
                "manual",
                "отметка",
                f"Событие {i}: курьер у подъезда, камера зафиксировала звонок в домофон",
                corrected=i % 7 == 0,
            )
            for i in range(N_EVENTS)
        ),
        findings=tuple(
            FindingEntry(
                "call_burst", "", "Серия звонков ночью.", "high", calls[i * 50 : i * 50 + 50]
            )
            for i in range(10)
        ),
        calls=calls,
        statistics=CallStatistics(N_CALLS, 3000, 900, 1_000_000),
        stills=tuple(
            StillEntry(
                p,
                f"Кадр {i}",
                "CCTV подъезд",
                taken_at=START,
                frame_index=i * 30,
                camera_time=START - timedelta(seconds=151),
                sha256=hashlib.sha256(p.name.encode()).hexdigest(),
                note="Курьер у двери",
            )
            for i, p in enumerate(stills)
        ),
        evidence=tuple(
            EvidenceEntry(
                f"файл_{i}.mp4", "cctv", hashlib.sha256(str(i).encode()).hexdigest(), 10**8
            )
            for i in range(120)
        ),
    )


def _bare(data: DossierData) -> bytes:
    """The same content through reportlab with nothing of ours: plain strings, default look."""
    fonts = register_fonts()
    style = ParagraphStyle("p", fontName=fonts.serif, fontSize=10, leading=13)
    head = ParagraphStyle("h", fontName=fonts.sans_bold, fontSize=14, leading=18)
    story: list = [Paragraph(data.case.number, head), Paragraph(data.case.summary, style)]

    def table(rows: list[list[str]]) -> list:
        return [
            Table(
                rows[i : i + 200], repeatRows=0, style=[("FONT", (0, 0), (-1, -1), fonts.sans, 7.5)]
            )
            for i in range(0, len(rows), 200)
        ]

    story += table(
        [
            [str(i), e.at.isoformat(), e.kind, e.source, e.text[:60]]
            for i, e in enumerate(data.events)
        ]
    )
    for finding in data.findings:
        story.append(Paragraph(finding.kind, head))
        story += table([[c.start.isoformat(), c.caller, c.callee] for c in finding.calls])
    for still in data.stills:
        story += [Image(str(still.image), width=480, height=270), Paragraph(still.caption, style)]
    story += table([[e.name, e.sha256] for e in data.evidence])
    story.append(PageBreak())
    story += table(
        [
            [str(i), c.start.isoformat(), c.caller, c.callee, c.via, str(c.duration_s)]
            for i, c in enumerate(data.calls)
        ]
    )
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, invariant=1).build(story)
    return buffer.getvalue()


def measure(folder: Path) -> dict[str, float]:
    """Run in a fresh process, so that the peak memory is the dossier's own."""
    started = time.perf_counter()
    data = _data(_stills(folder))
    prepared = time.perf_counter() - started
    t0 = time.perf_counter()
    bare = _bare(data)
    bare_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    built = build_dossier(data)
    dossier_s = time.perf_counter() - t0
    return {
        "pages": built.pages,
        "mb": len(built.pdf) / 1e6,
        "images": built.pdf.count(b"/Subtype /Image"),
        "dossier_s": dossier_s,
        "bare_s": bare_s,
        "bare_pages": len(pypdf.PdfReader(io.BytesIO(bare)).pages),
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "prepared_s": prepared,
    }


def test_bench_large_dossier(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    run = subprocess.run(
        [sys.executable, __file__, str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    f = json.loads(run.stdout.strip().splitlines()[-1])
    print(
        f"\ndossier: {f['pages']} pages, {f['mb']:.1f} MB in {f['dossier_s']:.2f} s"
        f" (goal < 5 s); bare reportlab: {f['bare_pages']} pages in {f['bare_s']:.2f} s;"
        f" ratio {f['dossier_s'] / f['bare_s']:.2f}x; peak RSS of the process"
        f" {f['peak_mb']:.0f} MB (goal < 1024); test data {f['prepared_s']:.1f} s"
    )
    assert f["pages"] > 200
    assert f["images"] == N_STILLS
    assert f["peak_mb"] < 1024


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]))))


# ---- issue 11: the dossier of a 1,000,000-call case ------------------------------------------

MILLION_APP = r"""
import json, pickle, sys, time
from pathlib import Path
from app.services.core.bootstrap import open_context
from app.services.dossier.assemble import DossierOptions, assemble_dossier
from app.services.dossier.export import export_dossier

data, out = Path(sys.argv[1]), Path(sys.argv[2])
ctx = open_context(data, None, actor="bench")
runs = []
for n in range(2):  # a fresh process (the command line), then the same one again (the GUI)
    wall, cpu = time.perf_counter(), time.process_time()
    done = export_dossier(ctx, 1, DossierOptions("police", "ru"), out / f"dossier{n}.pdf")
    runs.append([time.perf_counter() - wall, time.process_time() - cpu, done.pages])
assembled = assemble_dossier(ctx, 1, DossierOptions("police", "ru"), out).data
(out / "data.pickle").write_bytes(pickle.dumps(assembled))
print(json.dumps({
    "runs": runs,
    "calls": len(assembled.calls), "total": assembled.statistics.total,
    "peak_mb": [int(line.split()[1]) / 1024 for line in open("/proc/self/status")
                if line.startswith("VmHWM")][0],
}))
"""

MILLION_BARE = r"""
import json, pickle, sqlite3, sys, time
from pathlib import Path
sys.path.insert(0, str(Path(sys.argv[3])))
from test_bench_dossier import _bare

data, out = Path(sys.argv[1]), Path(sys.argv[2])
assembled = pickle.loads((out / "data.pickle").read_bytes())
wall, cpu = time.perf_counter(), time.process_time()
con = sqlite3.connect(str(data / "casebook.sqlite3"))
phones = [r[0] for r in con.execute("SELECT value FROM party_phones")]
marks = ",".join("?" * len(phones))
con.execute(f"SELECT * FROM calls WHERE case_id = 1 AND caller IN ({marks}) UNION ALL "
            f"SELECT * FROM calls WHERE case_id = 1 AND callee IN ({marks})",
            phones + phones).fetchall()
con.execute("SELECT count(*), sum(status = 'answered'), sum(duration_s) FROM calls "
            "WHERE case_id = 1 AND start_utc >= '1900'").fetchall()
con.execute("SELECT caller, count(*) n FROM calls WHERE case_id = 1 GROUP BY caller "
            "ORDER BY n DESC LIMIT 10").fetchall()
pdf = _bare(assembled)
print(json.dumps({
    "runs": [[time.perf_counter() - wall, time.process_time() - cpu, 0]],
    "peak_mb": [int(line.split()[1]) / 1024 for line in open("/proc/self/status")
                if line.startswith("VmHWM")][0],
}))
"""


def test_bench_dossier_of_a_million_calls(tmp_path: Path) -> None:
    """The police dossier of the cached 1M-call case (`calltl_case`) exported in a fresh child
    process (analysis not yet cached: the command line) and again in the same process (cached:
    the GUI), alternating with a bare child: the same reads through bare `sqlite3` and reportlab
    laying out the same content from plain lists (A B A B A B). Goal: < 10 s and < 1 GB."""
    import statistics

    from calltl_case import fresh_copy

    root = Path(__file__).resolve().parents[2]
    data = fresh_copy(tmp_path / "data")
    env = {**os.environ, "PYTHONPATH": str(root)}

    def child(code: str) -> dict:
        done = subprocess.run(
            [sys.executable, "-c", code, str(data), str(tmp_path), str(Path(__file__).parent)],
            capture_output=True, text=True, check=True, cwd=root, env=env,
        )  # fmt: skip
        return json.loads(done.stdout.strip().splitlines()[-1])

    apps, bares = [], []
    for _ in range(3):
        apps.append(child(MILLION_APP))
        bares.append(child(MILLION_BARE))
    cold = statistics.median(r["runs"][0][0] for r in apps)
    cold_cpu = statistics.median(r["runs"][0][1] for r in apps)
    warm = statistics.median(r["runs"][1][0] for r in apps)
    warm_cpu = statistics.median(r["runs"][1][1] for r in apps)
    bare = statistics.median(r["runs"][0][0] for r in bares)
    bare_cpu = statistics.median(r["runs"][0][1] for r in bares)
    first = apps[0]
    peak = max(r["peak_mb"] for r in apps)
    print(
        f"\ndossier of {first['total']:,} calls ({first['calls']} in the annex, "
        f"{first['runs'][0][2]} pages), load average {os.getloadavg()}\n"
        f"  fresh process : {cold:6.2f} s wall, {cold_cpu:6.2f} s CPU (goal < 10 s)\n"
        f"  analysis kept : {warm:6.2f} s wall, {warm_cpu:6.2f} s CPU\n"
        f"  bare sqlite3 + reportlab of the same content: {bare:6.2f} s wall, "
        f"{bare_cpu:6.2f} s CPU; ratio {warm_cpu / bare_cpu:.2f}x (kept), "
        f"{cold_cpu / bare_cpu:.2f}x (fresh) in CPU\n"
        f"  peak memory of the app child {peak:.0f} MB (goal < 1024), bare "
        f"{max(r['peak_mb'] for r in bares):.0f} MB"
    )
    assert first["total"] >= 990_000 and peak < 1024
