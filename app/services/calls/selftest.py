"""Self-test step of the calls feature: a Windows-1251 `;` export with Russian headers is
sniffed, imported, refused the second time, searched by digits and analysed."""

from __future__ import annotations

from pathlib import Path

from app.domain.errors import Duplicate
from app.services.calls.analysis import analyze
from app.services.calls.dto import CallFilter
from app.services.calls.importing import import_calls
from app.services.calls.query import call_ids
from app.services.core import cases, parties
from app.services.core.context import ServiceContext

_EXPORT = (
    "Дата и время;Кто звонил;Кому звонили;Виртуальный номер;Длительность;Статус\r\n"
    "09.10.2025 14:03:11;+7 916 123-45-67;8 903 765-43-21;+74951112233;00:01:05;Отвечен\r\n"
    "09.10.2025 19:40:00;79161234567;+79037654321;;00:02:00;Отвечен\r\n"
    "31.02.2025 10:00:00;79161234567;+79037654321;;00:00:10;Отвечен\r\n"
)


def selftest_step(ctx: ServiceContext, workdir: Path) -> str:
    path = workdir / "selftest_calls.csv"
    path.write_bytes(_EXPORT.encode("cp1251"))
    case = cases.create_case(
        ctx, cases.CaseInput(title="Самопроверка звонков", region="TEST", tz="Europe/Moscow")
    )
    parties.add_party(
        ctx, case.id, parties.PartyInput("complainant", "Заявитель", phones=("+79037654321",))
    )
    parties.add_party(
        ctx,
        case.id,
        parties.PartyInput("subject", "Курьер", phones=("+79161234567",), courier_id="C-1"),
    )
    result = import_calls(ctx, case.id, path)
    if (result.imported, [r.reason for r in result.rejected]) != (2, ["bad_date"]):
        raise RuntimeError(f"imported {result.imported}, rejected {result.rejected}")
    try:
        import_calls(ctx, case.id, path)
    except Duplicate:
        pass
    else:
        raise RuntimeError("the same file was imported twice")
    if len(call_ids(ctx, case.id, CallFilter(number="4567"))) != 2:
        raise RuntimeError("digit search did not find the calls")
    kinds = {f.kind for f in analyze(ctx, case.id)}
    if "masking_bypass" not in kinds:
        raise RuntimeError(f"the direct call was not found: {sorted(kinds)}")
    return "cp1251 export imported, re-import refused, digit search and detectors work"
