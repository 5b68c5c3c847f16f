"""Clips of the kinds real footage brings (issue 12), generated with ffmpeg and PyAV: a phone
clip (x264 preset medium with B-pyramid, variable frame rate, rotation, AAC), the same clip with
P slices relabelled as IDR and flagged as sync samples (the decoder rejects them: "non-intra
slice in an IDR NAL unit"), a street clip in MPEG-TS with a pts offset, an MPEG-4 Part 2 AVI
with B-frames, H.264 with B-frames in AVI (a cheap DVR's export: the container has no
presentation times, its stamps follow decode order), a Cinepak AVI and MS-MPEG4v3 CCTV."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import av

_LAVFI = ["-f", "lavfi", "-i"]


def _ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-v", "error", "-y", *args], check=True)


def phone(path: Path) -> Path:
    plain = path.with_name("phone_plain.mp4")
    _ffmpeg(
        *_LAVFI, "testsrc2=size=320x240:rate=30",
        *_LAVFI, "sine=frequency=440:sample_rate=48000",
        "-t", "6",
        "-vf", "setpts='N/30/TB+if(gt(N,60),0.4/TB,0)+if(gt(N,100),(N-100)*0.005/TB,0)'",
        "-fps_mode", "vfr", "-c:v", "libx264", "-preset", "medium", "-bf", "3", "-g", "45",
        "-c:a", "aac", str(plain),
    )  # fmt: skip
    with av.open(str(plain)) as src, av.open(str(path), "w") as out:
        video = out.add_stream_from_template(src.streams.video[0])
        audio = out.add_stream_from_template(src.streams.audio[0])
        video.set_display_rotation(90)  # as a phone held upright writes it
        for packet in src.demux():
            if packet.size:
                packet.stream = video if packet.stream.type == "video" else audio
                out.mux(packet)
    return path


def broken_idr(source: Path, path: Path) -> Path:
    """Every 40th P-frame's slices relabelled as IDR and flagged as a sync sample."""
    with av.open(str(source)) as src, av.open(str(path), "w") as out:
        stream = src.streams.video[0]
        video = out.add_stream_from_template(stream)
        predicted = 0
        for packet in src.demux(stream):
            if not packet.size:
                continue
            data, key = bytes(packet), bool(packet.is_keyframe)
            if not key:
                predicted += 1
                if predicted % 40 == 20:
                    data, key = _as_idr(data), True
            copy = av.Packet(data)
            copy.pts, copy.dts, copy.duration = packet.pts, packet.dts, packet.duration
            copy.is_keyframe, copy.stream, copy.time_base = key, video, packet.time_base
            out.mux(copy)
    return path


def _as_idr(data: bytes) -> bytes:
    out, pos = bytearray(data), 0
    while pos + 4 < len(out):
        size = int.from_bytes(out[pos : pos + 4], "big")
        if out[pos + 4] & 0x1F == 1 and out[pos + 4] & 0x60:
            out[pos + 4] = (out[pos + 4] & 0xE0) | 5
        pos += 4 + size
    return bytes(out)


def street_ts(path: Path) -> Path:
    _ffmpeg(
        *_LAVFI, "testsrc2=size=320x240:rate=25", "-t", "5", "-c:v", "libx264",
        "-preset", "medium", "-bf", "3", "-g", "50", "-output_ts_offset", "7.3",
        "-f", "mpegts", str(path),
    )  # fmt: skip
    return path


def mpeg4_avi(path: Path) -> Path:
    _ffmpeg(*_LAVFI, "testsrc2=size=320x240:rate=25", "-t", "5", "-c:v", "mpeg4", "-bf", "2",
            "-g", "25", str(path))  # fmt: skip
    return path


def h264_avi(path: Path) -> Path:
    _ffmpeg(*_LAVFI, "testsrc2=size=320x240:rate=25", "-t", "6", "-c:v", "libx264",
            "-preset", "medium", "-bf", "3", "-g", "50", str(path))  # fmt: skip
    return path


def cinepak_avi(path: Path) -> Path:
    _ffmpeg(*_LAVFI, "testsrc2=size=160x120:rate=15", "-t", "4", "-c:v", "cinepak", str(path))
    return path


def msmpeg4v3_avi(path: Path) -> Path:
    _ffmpeg(*_LAVFI, "testsrc2=size=352x288:rate=25", "-t", "4", "-c:v", "msmpeg4", "-g", "50",
            str(path))  # fmt: skip
    return path


def sequential_pictures(path: Path) -> dict[int, str]:
    """pts -> MD5 of every picture a straight decode shows (rejected packets skipped, as
    `ffmpeg` and players do)."""
    shown: dict[int, str] = {}
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        for packet in container.demux(stream):
            try:
                frames = packet.decode()
            except av.error.InvalidDataError:
                continue
            for frame in frames:
                stamp = frame.pts if frame.pts is not None else frame.dts
                picture = frame.to_ndarray(format="rgb24").tobytes()
                shown[stamp] = hashlib.md5(picture).hexdigest()
    return shown


def pictures_in_output_order(path: Path) -> list[str]:
    """MD5 of every picture of a straight decode, in the order the decoder gives them out
    (presentation order, whatever the pictures' stamps say)."""
    with av.open(str(path)) as container:
        return [
            hashlib.md5(frame.to_ndarray(format="rgb24").tobytes()).hexdigest()
            for frame in container.decode(video=0)
        ]
