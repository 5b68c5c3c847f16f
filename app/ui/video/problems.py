"""Why a media file cannot be reviewed, in the investigator's language.

The media layer describes problems in English with a stable `reason` code; in English that
description is shown as it is (it carries the details), in other languages the code's label.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from app.domain.media import MediaError


def media_problem(exc: MediaError) -> str:
    """The problem of `exc` (without the file name) as the investigator should read it."""
    if QLocale().language() == QLocale.Language.English:
        return exc.problem
    labels = {
        "missing": QCoreApplication.translate(
            "MediaProblems", "file not found (moved, deleted or disconnected)"
        ),
        "unreadable": QCoreApplication.translate("MediaProblems", "the file cannot be read"),
        "empty": QCoreApplication.translate("MediaProblems", "empty file (0 bytes)"),
        "truncated": QCoreApplication.translate(
            "MediaProblems", "moov atom not found (truncated file or recording not finalised)"
        ),
        "not_media": QCoreApplication.translate("MediaProblems", "not a media file"),
        "unknown_codec": QCoreApplication.translate(
            "MediaProblems", "unknown or unsupported video codec; cannot decode"
        ),
        "no_video": QCoreApplication.translate("MediaProblems", "no video stream in the file"),
        "no_timestamps": QCoreApplication.translate(
            "MediaProblems", "the frames carry no timestamps"
        ),
        "no_frames": QCoreApplication.translate(
            "MediaProblems", "no decodable frames in the video stream"
        ),
        "cut_short": QCoreApplication.translate(
            "MediaProblems", "the file ends before the frame asked for (cut short)"
        ),
        "decode_failed": QCoreApplication.translate(
            "MediaProblems", "the video cannot be decoded here"
        ),
    }
    return labels.get(exc.reason, exc.problem)


def named(exc: BaseException, name: str) -> BaseException:
    """`exc` naming the file the investigator knows (the store names it by its hash), with
    the problem in her language; other errors unchanged."""
    if isinstance(exc, MediaError):
        return MediaError(name, media_problem(exc), exc.reason)
    return exc
