"""Start a GUI program on a private Xvfb display and report when its main window is mapped.

    python packaging/gui_probe.py [--title Casebook] [--timeout 60] [--cold DIR] -- COMMAND...

Prints one JSON object: {"ok": bool, "seconds": time from launch to the window being mapped,
"title": ..., "exit_code": the program's code if it died first, "stderr": its tail}. Exit code 0
when the window appeared. Waits on X events (`xev` watching the root window's children), not
by polling. Needs `Xvfb`, `xev` and `xwininfo` (Debian: xvfb, x11-utils). Used by
tests/integration/test_packaging_bundle.py and .ci/build-bundle for the cold-start figure."""

from __future__ import annotations

import argparse
import json
import os
import re
import selectors
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# xev prints "MapNotify event, ..., window <root>," then "    event <root>, window <child>, ..."
# and ends that second line only when the next event comes: read raw bytes, not lines.
MAPPED_CHILD = re.compile(r"MapNotify event[^\n]*\n\s+event 0x[0-9a-f]+, window (0x[0-9a-f]+),")


def _start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()  # written once the server accepts connections
    if not number:
        server.kill()
        raise RuntimeError("Xvfb did not start")
    return server, f":{number}"


def _window_name(display: str, window: str) -> str:
    out = subprocess.run(
        ["xwininfo", "-display", display, "-id", window], capture_output=True, text=True
    ).stdout
    found = re.search(r'Window id: 0x[0-9a-f]+ "(.*)"', out)
    return found.group(1) if found else ""


def evict(folder: str) -> int:
    """Drop the files under `folder` from the page cache (posix_fadvise DONTNEED), so the next
    start reads them from disk: a cold start without dropping the whole machine's caches."""
    count = 0
    for path in Path(folder).rglob("*"):
        if path.is_file() and not path.is_symlink():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
                count += 1
            finally:
                os.close(fd)
    return count


def probe(command: list[str], title: str, timeout: float) -> dict[str, object]:
    server, display = _start_xvfb()
    watcher = subprocess.Popen(
        # stdbuf: xev's stdout is block-buffered when it is a pipe
        ["stdbuf", "-oL", "xev", "-display", display, "-root", "-event", "substructure"],
        stdout=subprocess.PIPE,
    )
    err = tempfile.TemporaryFile()  # noqa: SIM115 - closed in the finally below
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    env.pop("WAYLAND_DISPLAY", None)
    started = time.monotonic()
    app = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=err)
    result: dict[str, object] = {"ok": False, "seconds": None, "title": title, "exit_code": None}
    selector = selectors.DefaultSelector()
    assert watcher.stdout is not None
    selector.register(watcher.stdout, selectors.EVENT_READ)
    buffer, seen = "", 0
    try:
        deadline = started + timeout
        while (left := deadline - time.monotonic()) > 0:
            if not selector.select(min(left, 1.0)):
                if app.poll() is not None:
                    result["exit_code"] = app.returncode
                    break
                continue
            chunk = os.read(watcher.stdout.fileno(), 65536)
            if not chunk:
                break
            mapped = time.monotonic()
            buffer += chunk.decode(errors="replace")
            windows = [m.group(1) for m in MAPPED_CHILD.finditer(buffer, seen)]
            seen = max(seen, buffer.rfind("MapNotify event"))
            if any(title in _window_name(display, window) for window in windows):
                result.update(ok=True, seconds=round(mapped - started, 2))
                break
    finally:
        for proc in (app, watcher, server):
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
        err.seek(0)
        result["stderr"] = err.read().decode(errors="replace")[-2000:]
        err.close()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--title", default="Casebook")
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--cold", metavar="DIR", help="evict DIR's files from the page cache first")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no command given")
    if args.cold:
        evict(args.cold)
    result = probe(command, args.title, args.timeout)
    result["cold"] = bool(args.cold)
    print(json.dumps(result, ensure_ascii=False))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
