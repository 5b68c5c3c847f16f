"""Self-test step of the messages feature: a WhatsApp export is read in its zone, stored,
refused the second time, and its obscenities and threats are found with the bundled Russian
dictionary; Tesseract (screenshots) is reported, not required."""

from __future__ import annotations

from pathlib import Path

from app.domain.errors import Duplicate, ValidationError
from app.ingest.messages.screenshot import tesseract_path
from app.services.core import cases
from app.services.core.context import ServiceContext
from app.services.messages.dto import ImportRequest, MessageFilter
from app.services.messages.importing import import_messages
from app.services.messages.query import message_ids

_CHAT = (
    "12.09.2025, 21:31 - Иван: Добрый вечер, это курьер\n"
    "13.09.2025, 00:05 - Иван: Ты пожалеешь, с у к а\n"
    "13.09.2025, 00:06 - Иван: Я знаю, где ты живёшь\n"
    "13.09.2025, 00:07 - Мария: Купите хлеба и не пишите мне\n"
)


def selftest_step(ctx: ServiceContext, workdir: Path) -> str:
    path = workdir / "selftest_chat.txt"
    path.write_text(_CHAT, encoding="utf-8")
    case = cases.create_case(
        ctx, cases.CaseInput(title="Самопроверка переписки", region="TEST", tz="Europe/Moscow")
    )
    result = import_messages(ctx, case.id, path, ImportRequest(tz="Europe/Moscow", owner="Мария"))
    if (result.imported, result.flagged) != (4, 2):
        raise RuntimeError(f"imported {result.imported}, flagged {result.flagged}")
    try:
        import_messages(ctx, case.id, path, ImportRequest(tz="Europe/Moscow"))
    except Duplicate:
        pass
    else:
        raise RuntimeError("the same export was imported twice")
    if len(message_ids(ctx, case.id, MessageFilter(search="ХЛЕБА"))) != 1:
        raise RuntimeError("case-insensitive Cyrillic search did not find the message")
    try:
        ocr = f"Tesseract at {tesseract_path()}"
    except ValidationError:
        ocr = "Tesseract not installed (screenshots cannot be read)"
    return f"WhatsApp export imported, re-import refused, abuse found, search works; {ocr}"
