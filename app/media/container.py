"""Opening media files with PyAV and turning its errors into messages an investigator can act on.

`open_media` is the one place where container errors become "moov atom not found", "not a
media file", "unknown codec", ...; the probe, frame index, reader, thumbnails and activity scan
all open files through it.
"""

from __future__ import annotations

import struct
from pathlib import Path

import av

from app.domain.media import MediaError

# Formats that carry no usable timestamps: an intake remux gives them a container.
RAW_FORMATS = frozenset({"h264", "hevc", "m4v", "mjpeg", "rawvideo"})
_MP4_FORMAT = "mov,mp4,m4a,3gp,3g2,mj2"


def open_media(path: str | Path) -> av.container.InputContainer:
    """Open `path` for demuxing, or raise `MediaError` saying why it cannot be."""
    file = Path(path)
    try:
        size = file.stat().st_size
    except FileNotFoundError as exc:
        raise MediaError(
            file, "file not found (moved, deleted or disconnected)", "missing"
        ) from exc
    except OSError as exc:
        raise MediaError(file, f"cannot be read ({exc.strerror})", "unreadable") from exc
    if size == 0:
        raise MediaError(file, "empty file (0 bytes)", "empty")
    try:
        return av.open(str(file), mode="r")
    except FileNotFoundError as exc:
        raise MediaError(
            file, "file not found (moved, deleted or disconnected)", "missing"
        ) from exc
    except av.error.FFmpegError as exc:
        raise MediaError(file, *_diagnose(file, exc)) from exc
    except OSError as exc:
        raise MediaError(file, f"cannot be read ({exc.strerror})", "unreadable") from exc


def video_stream(container: av.container.InputContainer, path: str | Path) -> av.VideoStream:
    """The first video stream whose codec can be decoded, or `MediaError`."""
    if not container.streams.video:
        raise MediaError(path, "no video stream in the file", "no_video")
    stream = container.streams.video[0]
    ctx = stream.codec_context
    if ctx is None or not ctx.name or ctx.name == "none":
        raise MediaError(path, "unknown video codec; cannot decode", "unknown_codec")
    return stream


def _diagnose(path: Path, exc: av.error.FFmpegError) -> tuple[str, str]:
    """Turn FFmpeg's generic 'Invalid data' into the cause an investigator understands."""
    with path.open("rb") as fh:
        head = fh.read(4096)
    boxes = _mp4_top_level_boxes(path) if head[4:8] == b"ftyp" else None
    if boxes is not None and b"moov" not in boxes:
        return "moov atom not found (truncated file or recording not finalised)", "truncated"
    if head and _looks_like_text(head):
        return "not a media file (it contains text)", "not_media"
    if head[:4] == b"RIFF" and b"strf" in head:
        return "unknown or unsupported codec in the AVI file; cannot decode", "unknown_codec"
    reason = exc.strerror or str(exc)
    return f"not a recognised media file ({reason})", "not_media"


def _mp4_top_level_boxes(path: Path) -> list[bytes]:
    """Types of the top-level ISO-BMFF boxes, stopping at the first one cut short."""
    types: list[bytes] = []
    size_total = path.stat().st_size
    with path.open("rb") as fh:
        pos = 0
        while pos + 8 <= size_total:
            fh.seek(pos)
            header = fh.read(16)
            size, kind = struct.unpack(">I4s", header[:8])
            if size == 1 and len(header) == 16:
                size = struct.unpack(">Q", header[8:16])[0]
            elif size == 0:
                size = size_total - pos
            if size < 8 or pos + size > size_total:
                break
            types.append(kind)
            pos += size
    return types


def _looks_like_text(head: bytes) -> bool:
    # The 4 KiB read may cut a multi-byte character at the end.
    for cut in range(4):
        try:
            text = head[: len(head) - cut].decode("utf-8")
        except UnicodeDecodeError:
            continue
        printable = sum(ch.isprintable() or ch in "\r\n\t" for ch in text)
        return printable >= 0.95 * max(1, len(text))
    return False
