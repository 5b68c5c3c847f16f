"""Self-test step of the dossier feature: a police dossier of a small Cyrillic case is built
with the bundled fonts, read back as text, packed and the package verified."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf

from app.services.core import cases, parties
from app.services.core.context import ServiceContext
from app.services.dossier.assemble import DossierOptions
from app.services.dossier.export import check_package, export_dossier, export_package

NAME = "Щукина Эльвира Ёжевна"


def selftest_step(ctx: ServiceContext, workdir: Path) -> str:
    case = cases.create_case(
        ctx, cases.CaseInput(title="Проверка досье", region="TEST", tz="Asia/Vladivostok")
    )
    parties.add_party(ctx, case.id, parties.PartyInput(role="complainant", name=NAME))
    options = DossierOptions("police", "ru")
    dossier = export_dossier(ctx, case.id, options, workdir / "selftest.pdf")
    reader = pypdf.PdfReader(io.BytesIO(dossier.path.read_bytes()))
    text = "".join(page.extract_text() for page in reader.pages).replace("\n", " ")
    if NAME not in text:
        raise RuntimeError("Cyrillic text did not come back from the PDF (fonts missing?)")
    package = export_package(ctx, case.id, options, workdir / "selftest.zip")
    check = check_package(package.path)
    if not check.ok:
        raise RuntimeError(f"package check failed at {check.bad_member}: {check.problem}")
    return f"{dossier.pages} pages, Cyrillic read back, package of {check.files} files verified"
