"""Files dropped onto a case: which intake each one belongs to, and sending them there.

`intake_of(path)` looks at the name and the first bytes: a call log (CSV/XLSX/TSV), a chat
export (Telegram JSON/HTML, WhatsApp text, SMS backup XML), a video, or any other document.
`add_dropped(ctx, case_id, items)` sends each file to its feature's service after the one
confirmation the window asks for: call logs to the calls import, chat exports to the messages
import (`app.services.messages`), videos to the video intake, anything else stored as evidence.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.errors import CasebookError
from app.domain.progress import Cancelled, NullProgress, Progress, check_cancel

if TYPE_CHECKING:
    from app.services.core.context import ServiceContext

log = logging.getLogger(__name__)

INTAKES = ("calls", "messages", "video", "document")
VIDEO_SUFFIXES = frozenset(
    [
        ".mp4",
        ".mov",
        ".avi",
        ".mkv",
        ".m4v",
        ".3gp",
        ".ts",
        ".mts",
        ".m2ts",
        ".h264",
        ".264",
        ".h265",
        ".hevc",
        ".webm",
        ".wmv",
        ".flv",
    ]
)
TABLE_SUFFIXES = frozenset([".csv", ".tsv", ".xlsx", ".xls"])
PICTURE_SUFFIXES = frozenset([".jpg", ".jpeg", ".png", ".heic", ".webp", ".bmp", ".tif", ".tiff"])
_WHATSAPP = re.compile(rb"^\[?\d{1,2}[./]\d{1,2}[./]\d{2,4},? \d{1,2}:\d{2}")


@dataclass(frozen=True)
class DroppedFile:
    path: Path
    intake: str  # one of INTAKES
    kind: str  # the evidence kind it is stored as (a video: dashcam, cctv or other)


@dataclass(frozen=True)
class Added:
    path: Path
    intake: str
    stored_as: str  # what it became: "calls", "video", "document", "photo"
    detail: str = ""  # e.g. the number of calls imported


def _head(path: Path, size: int = 4096) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(size)
    except OSError:
        return b""


def intake_of(path: Path) -> str:
    """The intake a file belongs to, from its name and its first bytes."""
    suffix = path.suffix.lower()
    if suffix in VIDEO_SUFFIXES:
        return "video"
    head = _head(path)
    text = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if suffix == ".json" and b'"messages"' in head:
        return "messages"  # Telegram Desktop's result.json
    if suffix in (".html", ".htm") and (b"page_wrap" in head or b'class="history"' in head):
        return "messages"  # Telegram Desktop's messages.html
    if suffix == ".xml" and (b"<smses" in head or b"<sms " in head):
        return "messages"  # SMS Backup & Restore
    if suffix == ".txt" and _WHATSAPP.match(text):
        return "messages"  # WhatsApp "Export chat"
    if suffix in TABLE_SUFFIXES:
        return "calls"
    return "document"


def default_kind(path: Path, intake: str) -> str:
    if intake == "calls":
        return "calllog"
    if intake == "messages":
        return "chat"
    if intake == "video":
        return "dashcam"  # the investigator picks CCTV or another camera in the confirmation
    return "photo" if path.suffix.lower() in PICTURE_SUFFIXES else "document"


def sort_dropped(paths: list[Path]) -> list[DroppedFile]:
    """Each dropped file (folders are skipped) with its intake, in the order dropped."""
    out = []
    for path in paths:
        if path.is_file():
            intake = intake_of(path)
            out.append(DroppedFile(path, intake, default_kind(path, intake)))
    return out


@dataclass(frozen=True)
class NotAdded:
    item: DroppedFile
    reason: str  # the intake's one-line refusal, or "" when the work was cancelled before it


@dataclass(frozen=True)
class DropOutcome:
    """What became of the files dropped together: each intake commits on its own, so a file
    that fails leaves the others added; `not_added` can be sent again."""

    added: list[Added]
    not_added: list[NotAdded]


def add_dropped(
    ctx: ServiceContext,
    case_id: int,
    items: list[DroppedFile],
    progress: Progress | None = None,
) -> DropOutcome:
    """Send each file to its intake: call logs and chat exports are imported (format detected
    as the CLI does), videos stored and indexed, anything else stored as evidence. A file its
    intake refuses is reported and the next one goes on; a cancel stops before the next file
    (each file is all or nothing)."""
    progress = progress or NullProgress()
    added: list[Added] = []
    not_added: list[NotAdded] = []
    for done, item in enumerate(items):
        try:
            check_cancel(progress)
            progress.report(done, len(items), item.path.name)
            added.append(_add_one(ctx, case_id, item, progress))
        except Cancelled:
            not_added.extend(NotAdded(rest, "") for rest in items[done:])
            break
        except (CasebookError, OSError) as exc:
            not_added.append(NotAdded(item, str(exc).splitlines()[0] if str(exc) else ""))
        except Exception as exc:  # a fault of ours: the other files still go in
            log.exception("dropped file %s", item.path)
            not_added.append(NotAdded(item, f"{type(exc).__name__}: {exc}".splitlines()[0]))
    progress.report(len(items), len(items))
    return DropOutcome(added, not_added)


def _add_one(ctx: ServiceContext, case_id: int, item: DroppedFile, progress: Progress) -> Added:
    # The intakes are imported here: their libraries (PyAV, OpenCV, the chat parsers) are
    # not needed to open the window or sort the files.
    if item.intake == "calls":
        from app.services.calls.importing import import_calls

        result = import_calls(ctx, case_id, item.path, progress=progress)
        return Added(item.path, "calls", "calls", str(result.imported))
    if item.intake == "messages":
        from app.services.messages.importing import import_messages

        chat = import_messages(ctx, case_id, item.path, progress=progress)
        return Added(item.path, "messages", "chat", str(chat.imported))
    if item.intake == "video":
        from app.services.video.dto import EvidenceDetails
        from app.services.video.intake import add_video_evidence

        add_video_evidence(ctx, case_id, item.path, EvidenceDetails(item.kind), progress=progress)
        return Added(item.path, "video", item.kind)
    from app.services.core.evidence_files import add_evidence

    add_evidence(ctx, case_id, item.path, kind=item.kind, progress=progress)
    return Added(item.path, item.intake, item.kind)
