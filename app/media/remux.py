"""Working copies for files without usable timestamps: raw `.h264`/`.hevc`, broken AVI.

Such files cannot be indexed or seeked. The remux copies the compressed packets unchanged into
an MP4 and gives them timestamps: a first pass decodes the stream to learn each packet's display
position (B-frames are stored out of display order), a second pass writes the packets with
pts = display position and dts = decode position, at a constant frame rate. The original is
never touched; the copy is what the player reads.
"""

from __future__ import annotations

import struct
from fractions import Fraction
from pathlib import Path

import av

from app.domain.media import MediaError
from app.domain.progress import NullProgress, Progress, check_cancel
from app.media.container import RAW_FORMATS, open_media, video_stream

DEFAULT_FPS = Fraction(25)
_TICKS_PER_S = 90_000
_CHECK_PACKETS = 300


def needs_remux(path: str | Path) -> bool:
    """True when `path` must get a remuxed working copy before it can be reviewed."""
    with open_media(path) as container:
        if container.format.name in RAW_FORMATS:
            return True
        if container.format.name == "avi" and not _avi_has_index(Path(path)):
            return True
        stream = video_stream(container, path)
        for seen, packet in enumerate(container.demux(stream)):
            if packet.size and packet.pts is None and packet.dts is None:
                return True
            if seen >= _CHECK_PACKETS:
                break
    return False


def remux_to_mp4(
    source: str | Path,
    target: str | Path,
    fps: Fraction | None = None,
    progress: Progress | None = None,
) -> Path:
    """Write an MP4 copy of `source`'s video with timestamps; returns `target`."""
    progress = progress or NullProgress()
    display_of = _display_positions(source, progress)
    if not display_of:
        raise MediaError(source, "no decodable video frames to remux", "no_frames")
    delay = max(0, *(decode - shown for decode, shown in display_of.items()))
    target = Path(target)
    with open_media(source) as container:
        stream = video_stream(container, source)
        rate = fps or _frame_rate(stream)
        tick = round(_TICKS_PER_S / rate)
        with av.open(str(target), mode="w", format="mp4") as out:
            out_stream = out.add_stream_from_template(stream)
            out_stream.time_base = Fraction(1, _TICKS_PER_S)
            decode_pos = 0
            for packet in container.demux(stream):
                if not packet.size:
                    continue
                shown = display_of.get(decode_pos)
                decode_pos += 1
                if shown is None:
                    continue  # the decoder dropped it: a corrupt packet has no picture
                packet.stream = out_stream
                packet.time_base = out_stream.time_base
                packet.dts = (decode_pos - 1) * tick
                packet.pts = (shown + delay) * tick
                packet.duration = tick
                out.mux(packet)
    return target


def _display_positions(source: str | Path, progress: Progress) -> dict[int, int]:
    """Decode position -> display position of every packet that yields a picture."""
    order: list[int] = []
    with open_media(source) as container:
        stream = video_stream(container, source)
        stream.thread_type = "AUTO"
        ctx = stream.codec_context
        decode_pos = 0
        try:
            for packet in container.demux(stream):
                if packet.size:
                    # Tag each packet with its decode position; the decoder hands the tag
                    # to the picture it produces, in display order.
                    packet.pts = packet.dts = decode_pos
                    decode_pos += 1
                    if decode_pos % 500 == 0:
                        check_cancel(progress)
                        progress.report(decode_pos, None, "remux: reading frame order")
                    frames = ctx.decode(packet)
                else:
                    frames = ctx.decode(None)
                order.extend(f.pts for f in frames if f.pts is not None)
        except av.error.FFmpegError as exc:
            raise MediaError(source, f"cannot be remuxed ({exc})") from exc
    return {decode: shown for shown, decode in enumerate(order)}


def _frame_rate(stream: av.VideoStream) -> Fraction:
    rate = stream.average_rate or stream.guessed_rate or stream.base_rate
    if rate is None or rate <= 0 or rate > 240:
        return DEFAULT_FPS
    return Fraction(rate.numerator, rate.denominator)


def _avi_has_index(path: Path) -> bool:
    """True when the AVI has its `idx1` chunk (without it seeking is unreliable)."""
    with path.open("rb") as fh:
        header = fh.read(12)
        if header[:4] != b"RIFF" or header[8:12] != b"AVI ":
            return False
        while chunk := fh.read(8):
            if len(chunk) < 8:
                return False
            kind, size = chunk[:4], struct.unpack("<I", chunk[4:])[0]
            if kind == b"idx1":
                return True
            fh.seek(size + (size & 1), 1)
    return False
