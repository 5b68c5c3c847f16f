"""The demo case's dossiers as a police officer and a regional manager read them: police
sees every number in full (finding texts too), management none; complaint, established facts
and the investigator's conclusions are separate sections; the data's time and the generation
time are stated apart; management is addressed to its region's management."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pypdf

from app.services import demo
from app.services.core import cases
from app.services.dossier.assemble import DossierOptions
from app.services.dossier.export import export_dossier

MADE = datetime(2026, 1, 5, 9, 30, tzinfo=UTC)  # 12:30 in Moscow
MASKED = re.compile(r"\+7 \d{3} \*\*\*-\*\*-\d{2}")
FULL = re.compile(r"\+7[\s\u00a0]\d{3}[\s\u00a0]\d{3}-\d{2}-\d{2}")


def pdf_lines(path: Path) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return [line for page in reader.pages for line in page.extract_text().splitlines()]


def export(ctx: Any, case_id: int, profile: str, tmp_path: Path) -> str:
    out = tmp_path / f"{profile}.pdf"
    options = DossierOptions(profile, "ru", generated_at=MADE)  # type: ignore[arg-type]
    export_dossier(ctx, case_id, options, out)
    return "\n".join(pdf_lines(out))


def test_police_unmasked_management_masked_sections_apart(ctx: Any, tmp_path: Path) -> None:
    summary = demo.create_demo_case(ctx)
    detail = cases.get_case(ctx, summary.id)
    cases.update_case(
        ctx, summary.id, detail.version, findings="Вина курьера подтверждена записями."
    )
    police = export(ctx, summary.id, "police", tmp_path)
    management = export(ctx, summary.id, "management", tmp_path)

    assert not MASKED.search(police), MASKED.findall(police)[:5]
    assert FULL.search(police)
    assert MASKED.search(management) and not FULL.search(management)

    for text in (police, management):
        headings = [line for line in text.splitlines() if re.match(r"^\d+\. \S", line)]
        names = [re.sub(r"^\d+\. ", "", h) for h in headings]
        for section in ("Суть обращения", "Установленные обстоятельства", "Выводы проверяющего"):
            assert section in names, names
        assert names.index("Суть обращения") < names.index("Установленные обстоятельства")
        assert "Вина курьера подтверждена записями." in text
        # the conclusions are not run into the complaint
        allegation = text.split("Суть обращения")[-1].split("Установленные обстоятельства")[0]
        assert "Вина курьера" not in allegation
        assert "Документ сформирован: 05.01.2026 12:30:00" in text
        assert "Данные по состоянию на" in text
        assert "Выводы\n" not in text  # the detector results are "Признаки нарушений"
    assert "Руководству региона MSK" in management
    assert "Руководству региона" not in police
