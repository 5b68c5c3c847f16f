"""Video benchmarks (run with `pytest tests/bench -m bench -s`): figures and ratios to bare
PyAV measured in the same run. Clips are generated once into a cache directory
($CASEBOOK_BENCH_CACHE, default the user cache dir) and reused.

Figures printed (goals from issue 4, on a 2-core machine):
- exact random seek median/p95 (goal: p95 <= 1.2x bare PyAV seek+decode), keyframe picture
  latency (goal: < 60 ms), step forward (< 15 ms) and back (< 30 ms) within the cache;
- 100 thumbnails of a 10-minute 1080p clip: first ones (< 1 s) and total (< 4 s);
- activity scan of 720p30 as a multiple of real time (goal >= 20x), wall and CPU, alternated
  with a bare keyframe + MOG2 pass; the MPEG-TS remux gives the same segments.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import av
import cv2
import numpy as np
import platformdirs
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from video_support import encode_yuv, read_number

from app.media.activity import scan_activity
from app.media.frame_index import FrameIndex, build_index
from app.media.frames import FrameReader
from app.media.thumbnails import thumbnails

pytestmark = pytest.mark.bench

SEEKS = 40


@pytest.fixture(autouse=True)
def _only_when_asked(request: pytest.FixtureRequest) -> None:
    if "bench" not in (request.config.option.markexpr or ""):
        pytest.skip("benchmarks run with `pytest tests/bench -m bench`")


@pytest.fixture(scope="module")
def cache() -> Path:
    root = Path(
        os.environ.get("CASEBOOK_BENCH_CACHE") or platformdirs.user_cache_dir("casebook-bench")
    )
    root.mkdir(parents=True, exist_ok=True)
    return root


def _cached(path: Path, make: Callable[[Path], Path]) -> tuple[Path, FrameIndex]:
    if not path.exists():
        started = time.perf_counter()
        partial = path.with_suffix(".part.mp4")
        make(partial)
        partial.rename(path)
        print(f"\n  generated {path.name} in {time.perf_counter() - started:.1f} s")
    return path, build_index(path)


def _ms(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"median {statistics.median(ordered) * 1000:6.1f} ms  p95 {p95 * 1000:6.1f} ms"


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _bare_pyav_exact(
    container: av.container.InputContainer, index: FrameIndex, i: int
) -> np.ndarray:
    """The baseline: seek to the keyframe, decode forward to the pts, convert to RGB."""
    stream = container.streams.video[0]
    target = index.raw_pts(i)
    container.seek(index.raw_pts(index.keyframe_at_or_before(i)), stream=stream)
    for frame in container.decode(stream):
        if frame.pts == target:
            return frame.to_ndarray(format="rgb24")
    raise AssertionError(f"frame {i} not reached")


def test_exact_seek_and_steps_1080p(cache: Path) -> None:
    path, index = _cached(
        cache / "bench_1080p30_gop60_30s_medium_v5.mp4",  # shared with the player benchmark
        lambda p: encode_yuv(p, frames=900, width=1920, height=1080, gop=60, texture_noise=4.0),
    )
    targets = random.Random(11).sample(range(index.count), SEEKS)

    bare: list[float] = []
    with av.open(str(path)) as container:
        container.streams.video[0].thread_type = "AUTO"
        for i in targets:
            started = time.perf_counter()
            image = _bare_pyav_exact(container, index, i)
            bare.append(time.perf_counter() - started)
            assert read_number(image) == i

    exact: list[float] = []
    with FrameReader(path, index) as reader:  # long-lived, as in the player's worker
        for i in targets:
            started = time.perf_counter()
            image = reader.frame(i)
            exact.append(time.perf_counter() - started)
            assert read_number(image) == i

    first_picture: list[float] = []
    click: list[float] = []
    with FrameReader(path, index) as reader:
        for i in reversed(targets):
            started = time.perf_counter()
            reader.keyframe_image(i)
            first_picture.append(time.perf_counter() - started)
            assert read_number(reader.frame(i)) == i
            click.append(time.perf_counter() - started)

    forward: list[float] = []
    back: list[float] = []
    with FrameReader(path, index) as reader:
        reader.frame(450)
        for i in range(451, 481):
            started = time.perf_counter()
            image = reader.frame(i)
            forward.append(time.perf_counter() - started)
            assert read_number(image) == i
        for i in range(479, 449, -1):
            started = time.perf_counter()
            image = reader.frame(i)
            back.append(time.perf_counter() - started)
            assert read_number(image) == i

    ratio = _p95(exact) / _p95(bare)
    print(f"\n1080p30 H.264 B-frames GOP 60, {SEEKS} random exact seeks")
    print(f"  bare PyAV seek+decode      {_ms(bare)}")
    print(f"  FrameReader.frame          {_ms(exact)}  p95 ratio {ratio:.2f}x")
    print(f"  click: keyframe picture    {_ms(first_picture)}")
    print(f"  click: then exact frame    {_ms(click)}")
    print(f"  step forward (RGB incl.)   {_ms(forward)}")
    print(f"  step back (cache)          {_ms(back)}")


def test_thumbnail_strip_10_minutes(cache: Path) -> None:
    path, index = _cached(
        cache / "bench_1080p30_gop60_10min_lowmotion.mp4",
        lambda p: encode_yuv(
            p, frames=18000, width=1920, height=1080, gop=60, moving=False, texture_noise=4.0
        ),
    )
    started = time.perf_counter()
    index = build_index(path)
    indexing = time.perf_counter() - started
    started = time.perf_counter()
    first_five = 0.0
    made = 0
    for made, _thumb in enumerate(thumbnails(path, index, count=100, width=160), start=1):
        if made == 5:
            first_five = time.perf_counter() - started
    total = time.perf_counter() - started

    started = time.perf_counter()
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        stream.codec_context.skip_frame = "NONKEY"
        keyframes = sum(1 for _ in container.decode(stream))
    all_keys = time.perf_counter() - started

    print(f"\n10-minute 1080p clip ({index.count} frames, {len(index.keyframes())} keyframes)")
    print(f"  pts index by demuxing: {indexing:.2f} s, {len(index.to_bytes()) // 1024} KiB stored")
    print(f"  {made} thumbnails: first 5 in {first_five * 1000:.0f} ms, all in {total:.2f} s")
    print(
        f"  baseline: PyAV decoding all {keyframes} keyframes: {all_keys:.2f} s "
        f"(ratio {total / all_keys:.2f}x)"
    )


def _bare_keyframes_mog2(path: Path) -> None:
    """The baseline: every keyframe decoded and put through MOG2 at 320 px, nothing else."""
    subtractor = cv2.createBackgroundSubtractorMOG2(
        history=300, varThreshold=25, detectShadows=False
    )
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        stream.thread_type = "AUTO"
        stream.codec_context.skip_frame = "NONKEY"
        for frame in container.decode(stream):
            subtractor.apply(frame.reformat(width=320, height=180, format="gray").to_ndarray())


def _timed(work: Callable[[], object]) -> tuple[float, float, object]:
    """Wall and CPU seconds (all threads of this process) of `work()`, and its result."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def test_activity_scan_720p(cache: Path) -> None:
    """x264 medium 720p30 CCTV, 2 minutes, three passers-by; the app's scan alternated with
    a bare keyframe + MOG2 pass (A B A B A B), then the MPEG-TS remux scanned as well."""
    seconds = 120
    events = [(600, 780), (2100, 2160), (3000, 3300)]
    path, index = _cached(
        cache / "bench_720p30_cctv_2min_v5.mp4",
        lambda p: encode_yuv(
            p,
            frames=seconds * 30,
            width=1280,
            height=720,
            gop=60,
            moving=False,
            sensor_noise=True,
            events=events,
            numbered=False,
        ),
    )
    ts = path.with_suffix(".ts")
    if not ts.exists():
        remux = ["ffmpeg", "-v", "error", "-i", str(path), "-c", "copy", "-f", "mpegts"]
        subprocess.run([*remux, str(ts)], check=True)
    ts_index = build_index(ts)

    ours: list[tuple[float, float]] = []
    bare: list[tuple[float, float]] = []
    segments: object = None
    for _round in range(3):
        wall, cpu, segments = _timed(lambda: scan_activity(path, index))
        ours.append((wall, cpu))
        wall, cpu, _ = _timed(lambda: _bare_keyframes_mog2(path))
        bare.append((wall, cpu))
    ts_wall, ts_cpu, ts_segments = _timed(lambda: scan_activity(ts, ts_index))
    assert isinstance(segments, list)

    wall = statistics.median(w for w, _ in ours)
    cpu = statistics.median(c for _, c in ours)
    bare_wall = statistics.median(w for w, _ in bare)
    print(f"\nactivity scan, 720p30 x264 medium CCTV, {seconds} s, events at frames {events}")
    print(f"  load average {os.getloadavg()[0]:.2f}")
    print(
        f"  app scan (median of 3)  wall {wall:.2f} s = {seconds / wall:.1f}x real time, "
        f"CPU {cpu:.2f} s = {seconds / cpu:.1f}x  (goal >= 20x)"
    )
    print(
        f"  bare keyframes + MOG2   wall {bare_wall:.2f} s = {seconds / bare_wall:.1f}x "
        f"(the app scan takes {wall / bare_wall:.2f}x as long)"
    )
    print(f"  MPEG-TS remux scan      wall {ts_wall:.2f} s, CPU {ts_cpu:.2f} s")
    print(f"  segments {[(s.start_s, s.end_s) for s in segments]}")
    assert [(s.start_s, s.end_s) for s in segments] == [(s.start_s, s.end_s) for s in ts_segments]
    found = [any(s.start_s <= a / 30 and b / 30 <= s.end_s for s in segments) for a, b in events]
    assert all(found)


# The child's own peak: VmHWM belongs to its address space (rusage's maxrss outlives exec and
# counts the pages of the parent it was forked from).
_PEAK = (
    "\nimport re\n"
    "status = open('/proc/self/status').read()\n"
    "print('peak_kib=' + re.search(r'VmHWM:\\s+(\\d+)', status).group(1), file=sys.stderr)\n"
)
_APP_FRAME = "import sys\nfrom app.__main__ import main\ncode = main()\n"
_APP_FRAME += _PEAK + "sys.exit(code)\n"
_BARE_FRAME = (
    """
import sys, av
path, target, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with av.open(path) as container:
    stream = container.streams.video[0]
    stream.thread_type = "AUTO"
    container.seek(int(sys.argv[4]), stream=stream)
    for frame in container.decode(stream):
        if frame.pts == target:
            break
    encoder = av.CodecContext.create("png", "w")
    encoder.width, encoder.height, encoder.pix_fmt = frame.width, frame.height, "rgb24"
    picture = frame.reformat(format="rgb24")
    with open(out, "wb") as fh:
        for packet in [*encoder.encode(picture), *encoder.encode(None)]:
            fh.write(bytes(packet))
"""
    + _PEAK
)


def _child(argv: list[str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and peak resident KiB of one child process (its own peak, as
    it reports it before exiting)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    started = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    assert child.stderr is not None
    err = child.stderr.read().decode()
    _pid, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    assert os.waitstatus_to_exitcode(status) == 0, err
    peak = int(err.rsplit("peak_kib=", 1)[1].split()[0])
    return wall, usage.ru_utime + usage.ru_stime, peak


def test_evidence_frame_1080p_start_up_included(cache: Path, tmp_path: Path) -> None:
    """`casebook evidence frame` on a 1080p x264-medium clip as a user runs it (a new process,
    start-up included, installed bytecode), alternated with a bare PyAV script doing the same
    seek, decode and PNG (A B A B A B)."""
    from app.cli import main as cli

    path, index = _cached(
        cache / "bench_1080p30_gop60_30s_medium_v5.mp4",
        lambda p: encode_yuv(p, frames=900, width=1920, height=1080, gop=60, texture_noise=4.0),
    )
    data = tmp_path / "data"
    base = ["--json", "--data-dir", str(data)]
    new_case = ["case", "new", "--title", "b", "--region", "MSK", "--tz", "Europe/Moscow"]
    assert cli([*base, *new_case, "--number", "B-1"]) == 0
    assert cli([*base, "evidence", "add", "B-1", str(path), "--kind", "cctv"]) == 0
    frames = [519, 150, 779]  # mid-GOP B-frames: 39, 30 and 59 frames after their keyframe
    app: list[tuple[float, float, int]] = []
    bare: list[tuple[float, float, int]] = []
    for frame in [frames[0], *frames]:  # the first run writes the bytecode caches
        out = tmp_path / f"{frame}.png"
        media_time = f"{index.pts_of(frame) + 0.001:.3f}"
        export = ["evidence", "frame", "B-1", "1", "--media-time", media_time, "--out", str(out)]
        ours = _child([sys.executable, "-c", _APP_FRAME, *base, *export])
        key = str(index.raw_pts(index.keyframe_at_or_before(frame)))
        bare_args = [str(path), str(index.raw_pts(frame)), str(tmp_path / "bare.png"), key]
        theirs = _child([sys.executable, "-c", _BARE_FRAME, *bare_args])
        app.append(ours)
        bare.append(theirs)
        with av.open(str(out)) as png:
            assert read_number(next(png.decode(video=0)).to_ndarray(format="rgb24")) == frame
    app, bare = app[1:], bare[1:]

    def median(rows: list[tuple[float, float, int]], n: int) -> float:
        return statistics.median(row[n] for row in rows)

    print(f"\nevidence frame, 1080p30 x264 medium GOP 60, load {os.getloadavg()[0]:.2f}")
    print(
        f"  casebook evidence frame  wall {median(app, 0):.2f} s  CPU {median(app, 1):.2f} s  "
        f"peak {median(app, 2) / 1024:.0f} MiB  (goal < 1 s wall)"
    )
    print(
        f"  bare PyAV script         wall {median(bare, 0):.2f} s  CPU {median(bare, 1):.2f} s  "
        f"peak {median(bare, 2) / 1024:.0f} MiB  (ratio {median(app, 0) / median(bare, 0):.2f}x)"
    )
