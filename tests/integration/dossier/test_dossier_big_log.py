"""The dossier of a case whose call log is bigger than its annex: the whole log told in figures
counted in SQL (totals, calls per day beside those listed, the numbers that called most), the
parties' and findings' calls listed up to the annex's limit and the rest pointed to in the
original file; numbers of no listed call stay masked even for police. SQLite and PostgreSQL."""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path

import pypdf
import pytest

from app.domain.phones import display
from app.domain.timeutil import in_zone
from app.services.dossier import calls as dossier_calls
from app.services.dossier.assemble import DossierOptions, assemble_dossier
from app.services.dossier.export import export_dossier
from app.services.timeline import build as timeline
from tests.timeline_support import COURIER_PHONE, make_case

CALLS = 60
LIMIT = 10


def _pdf_text(path: Path) -> str:
    return "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages)


@pytest.fixture
def small_annex(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dossier_calls, "ANNEX_CALLS", LIMIT)


def test_whole_log_in_figures_and_annex_within_its_limit(ctx, tmp_path, small_annex):
    case = make_case(ctx, tmp_path, calls=CALLS)
    full = [e for e in timeline.build_timeline(ctx, case.id).events if e.kind == "call"]
    data = assemble_dossier(ctx, case.id, DossierOptions("police", "en"), tmp_path).data
    stats = data.statistics
    assert stats is not None
    assert stats.total == CALLS and len(data.calls) == LIMIT
    assert data.calls_omitted == CALLS - LIMIT  # every call touches the customer
    assert stats.answered == sum(1 for e in full if e.title.endswith("(answered)"))
    assert stats.first_at == full[0].start_utc and stats.last_at == full[-1].start_utc
    assert stats.listed == LIMIT and stats.day_step == 1
    per_day = Counter(in_zone(e.start_utc, "Europe/Moscow").date() for e in full)
    days = {in_zone(day, "Europe/Moscow").date(): (n, listed) for day, n, listed in stats.by_day}
    assert {d: n for d, (n, _listed) in days.items()} == dict(per_day)
    assert sum(listed for _n, listed in days.values()) == LIMIT
    assert stats.top_numbers[0][1] == max(Counter(e.title.split(" → ")[0] for e in full).values())
    # the findings' calls come first in the annex
    named = {c.start for f in data.findings for c in f.calls}
    assert named and named <= {c.start for c in data.calls}

    export_dossier(ctx, case.id, DossierOptions("police", "en"), tmp_path / "p.pdf")
    text = _pdf_text(tmp_path / "p.pdf")
    assert "Calls in the log" in text and "Calls per day" in text
    assert f"Another {CALLS - LIMIT} calls of the parties" in text
    assert f"{LIMIT} records" in text
    # a caller of no listed call is masked in the top numbers, a listed one is shown
    listed_numbers = {n for c in data.calls for n in (c.caller, c.callee)}
    for number, _count in stats.top_numbers:
        assert ("*" in number) != (number in listed_numbers)
    assert display(COURIER_PHONE) in text


def test_management_dossier_counts_without_listing(ctx, tmp_path, small_annex):
    case = make_case(ctx, tmp_path, calls=CALLS)
    export_dossier(ctx, case.id, DossierOptions("management", "ru"), tmp_path / "m.pdf")
    text = _pdf_text(tmp_path / "m.pdf")
    assert "Всего звонков в журнале" in text and "Звонки по дням" in text
    assert "Приложение" not in text
    dialled = re.sub(r"[\s\-()]", "", text)
    assert COURIER_PHONE not in dialled and COURIER_PHONE[-7:] not in dialled
