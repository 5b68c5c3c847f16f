"""One vocabulary on screen and on paper: the demo case's dossier, in Russian and in English,
prints the names the interface shows for the case's category, status, roles, findings and
evidence kinds; and neither the Russian dossier nor the Russian screen holds an English word
or a raw code."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdf
import pytest
from PySide6.QtCore import QLocale

from app.domain import vocabulary
from app.services import demo
from app.services.calls.analysis import analyze
from app.services.core import cases, evidence_files
from app.services.dossier.assemble import DossierOptions
from app.services.dossier.export import export_dossier
from app.ui.calls.labels import kind_label
from app.ui.i18n import install_translators
from app.ui.labels import category_label, role_label, status_label, vocab
from app.ui.video.evidence_model import kind_label as evidence_kind_label

CODES = re.compile(
    r"\b(?:after_delivery_contact|masking_bypass|multiple_numbers|night_contact|call_burst|"
    r"in_progress|awaiting_decision|support_ticket|door_visit|repeated_calls|data_misuse|"
    r"complainant|subject|dashcam|cctv|calllog|order system|missed|answered)\b"
)


def pdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))


@pytest.fixture
def language(qapp: Any, request: Any) -> Iterator[str]:
    installed = install_translators(qapp, request.param)
    yield request.param
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English))


def _screen_names(ctx: Any, case_id: int) -> list[str]:
    detail = cases.get_case(ctx, case_id)
    names = [category_label(detail.category), status_label(detail.status)]
    names += [role_label(p.role) for p in detail.parties]
    names += [kind_label(f.kind) for f in analyze(ctx, case_id)]
    names += [evidence_kind_label(e.kind) for e in evidence_files.list_evidence(ctx, case_id)]
    names += [vocab("term", "findings"), vocab("term", "allegation"), vocab("term", "facts")]
    return names


@pytest.mark.parametrize("language", ["ru", "en"], indirect=True)
def test_dossier_prints_the_screen_s_names(language: str, sqlite_ctx: Any, tmp_path: Path) -> None:
    summary = demo.create_demo_case(sqlite_ctx)
    out = tmp_path / "dossier.pdf"
    export_dossier(sqlite_ctx, summary.id, DossierOptions("police", language), out)
    text = pdf_text(out)
    screen = _screen_names(sqlite_ctx, summary.id)
    missing = [name for name in screen if name not in text]
    assert missing == [], missing
    codes = [c for c in CODES.findall(text) if language == "ru" or "_" in c]
    assert codes == [], codes[:10]
    if language == "ru":
        # no English name of the vocabulary in the Russian dossier
        english = {
            pair[0]
            for table in vocabulary.VOCABULARY.values()
            for pair in table.values()
            if len(pair[0]) > 4 and pair[0] != pair[1]
        }
        leaked = sorted(e for e in english if re.search(rf"\b{re.escape(e)}\b", text))
        assert leaked == [], leaked
