"""Files dropped onto a case: a call log, a Telegram chat export, a phone video and a scanned
document are told apart, confirmed once in one dialog, and land in their intakes (the calls
imported, the chat's messages read, the video indexed, the document stored with its hash)."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from video_support import encode

from app.services import dropped
from app.services.calls import query as calls_query
from app.services.calls.dto import CallFilter
from app.services.core import cases, evidence_files
from app.services.core.cases import CaseInput

DATA = Path(__file__).resolve().parents[2] / "data" / "calls"


def files(tmp_path: Path) -> list[Path]:
    calls = shutil.copy(DATA / "mts_vpbx.csv", tmp_path / "detalizaciya.csv")
    chat = Path(
        shutil.copy(
            DATA.parent / "messages" / "chatminer_telegram_single.json", tmp_path / "result.json"
        )
    )
    video = encode(tmp_path / "VID_20250914_214000.mp4", frames=30)
    scan = tmp_path / "заявление.pdf"
    scan.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    return [Path(calls), chat, video, scan, tmp_path]  # the folder itself is skipped


def test_kinds_are_told_apart(tmp_path: Path) -> None:
    items = dropped.sort_dropped(files(tmp_path))
    assert [(i.path.suffix, i.intake, i.kind) for i in items] == [
        (".csv", "calls", "calllog"),
        (".json", "messages", "chat"),
        (".mp4", "video", "dashcam"),
        (".pdf", "document", "document"),
    ]


def test_drop_confirm_once_and_each_file_lands(
    window: Any, sqlite_ctx: Any, qtbot: Any, tmp_path: Path
) -> None:
    case = cases.create_case(
        sqlite_ctx,
        CaseInput(
            title="Звонки после доставки",
            region="MSK",
            tz="Europe/Moscow",
            category="repeated_calls",
            received_at=datetime(2025, 10, 9, 8, 0, tzinfo=UTC),
        ),
    )
    view = window.open_case(case.id)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in files(tmp_path)])
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    view.dropEvent(event)  # Qt delivers a drop only during a real drag; the handler is ours
    dialog = view.drop_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.table.rowCount() == 4
    dialog.kinds[2].setCurrentIndex(dialog.kinds[2].findData("cctv"))  # the camera, chosen
    dialog.accept()
    ids = calls_query.call_ids(sqlite_ctx, case.id, CallFilter())
    assert len(ids) > 0
    stored = {e.original_name: e.kind for e in evidence_files.list_evidence(sqlite_ctx, case.id)}
    assert stored == {
        "detalizaciya.csv": "calllog",
        "result.json": "chat",
        "VID_20250914_214000.mp4": "cctv",
        "заявление.pdf": "document",
    }


def test_a_file_refused_partway_is_named_and_can_be_sent_again(
    window: Any, sqlite_ctx: Any, qtbot: Any, tmp_path: Path
) -> None:
    """Each file goes in on its own: a broken call log between two good files leaves those
    added, the message names what went in and what did not (with the reason), and "Try the
    rest again" sends only the refused file once it is fixed."""
    case = cases.create_case(
        sqlite_ctx, CaseInput(title="Сообщения", region="MSK", tz="Europe/Moscow")
    )
    view = window.open_case(case.id)
    good = Path(shutil.copy(DATA / "mts_vpbx.csv", tmp_path / "detalizaciya.csv"))
    broken = tmp_path / "vygruzka.csv"
    broken.write_text("это не выгрузка звонков\n", encoding="utf-8")
    scan = tmp_path / "заявление.pdf"
    scan.write_bytes(b"%PDF-1.4\n%%EOF\n")
    view.add_dropped(dropped.sort_dropped([good, broken, scan]))
    box = view.drop_outcome
    qtbot.waitUntil(box.isVisible)
    assert [n.item.path.name for n in box_outcome(box)] == ["vygruzka.csv"]
    details = box.detailedText()
    assert "vygruzka.csv —" in details and "detalizaciya.csv" in details.split("Added:")[1]
    assert box.defaultButton() is box.retry
    stored = {e.original_name for e in evidence_files.list_evidence(sqlite_ctx, case.id)}
    assert stored == {"detalizaciya.csv", "заявление.pdf"}  # the good ones stay

    shutil.copy(DATA / "ru_vpbx_stats.csv", broken)  # the investigator fixes the file
    box.retry.click()
    stored = {e.original_name for e in evidence_files.list_evidence(sqlite_ctx, case.id)}
    assert "vygruzka.csv" in stored


def test_a_cancel_leaves_the_rest_for_later(sqlite_ctx: Any, tmp_path: Path) -> None:
    case = cases.create_case(sqlite_ctx, CaseInput(title="Отмена", region="MSK", tz="UTC"))
    scans = []
    for name in ("a.pdf", "b.pdf", "c.pdf"):
        path = tmp_path / name
        path.write_bytes(b"%PDF-1.4\n" + name.encode() + b"\n%%EOF\n")
        scans.append(path)

    class CancelDuringSecond:
        """The investigator presses Cancel while the second file is being stored."""

        current = ""

        def report(self, done: int, total: int | None = None, message: str = "") -> None:
            if message.endswith(".pdf"):
                self.current = message

        def cancelled(self) -> bool:
            return self.current == "b.pdf"

    outcome = dropped.add_dropped(
        sqlite_ctx, case.id, dropped.sort_dropped(scans), CancelDuringSecond()
    )
    assert [a.path.name for a in outcome.added] == ["a.pdf"]
    assert [(n.item.path.name, n.reason) for n in outcome.not_added] == [
        ("b.pdf", ""),
        ("c.pdf", ""),
    ]


def box_outcome(box: Any) -> list[Any]:
    return [type("Missing", (), {"item": item})() for item in box.rest]
