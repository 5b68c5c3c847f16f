"""The frozen bundle proves itself: version, self-test (also with no system fonts, no zone
database and nothing on PATH), the same subcommands as the source, the database drivers, its
contents, and the GUI's main window (offscreen and on an X server).

Runs only against a built bundle: `CASEBOOK_BUNDLE=dist/casebook` (set by .ci/build-bundle,
which builds it first). Without that variable the module is skipped; with it, a missing or
broken bundle fails."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app import APP_NAME, __version__
from app.storage import db

ROOT = Path(__file__).resolve().parents[2]
BUNDLE_ENV = os.environ.get("CASEBOOK_BUNDLE")
pytestmark = pytest.mark.skipif(
    not BUNDLE_ENV, reason="no bundle: set CASEBOOK_BUNDLE=dist/casebook (.ci/build-bundle)"
)
IS_WIN = sys.platform == "win32"
# Windows: casebook.exe is windowed (no stdout), casebook-cli.exe the console twin (build.spec).
EXE_NAME = "casebook.exe" if IS_WIN else "casebook"
CLI_NAME = "casebook-cli.exe" if IS_WIN else "casebook"
EMPTY_FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig></fontconfig>
"""


@pytest.fixture(scope="module")
def bundle() -> Path:
    path = Path(BUNDLE_ENV or "").resolve()
    for name in (EXE_NAME, CLI_NAME):
        assert (path / name).is_file(), f"{path / name} is missing: build the bundle first"
    return path


def _bare_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """An environment like a fresh office machine: no Python, no venv, nothing on PATH."""
    empty_bin = tmp_path / "empty-bin"
    empty_bin.mkdir(exist_ok=True)
    env = {
        # Windows cannot start a process without SYSTEMROOT (System32 is searched anyway), and
        # every Windows session has USERNAME (the audit actor; Python 3.11's getpass needs it)
        **{
            k: os.environ[k]
            for k in ("SYSTEMROOT", "WINDIR", "USERNAME")
            if IS_WIN and k in os.environ
        },
        "PATH": str(empty_bin),
        "HOME": str(tmp_path / "home"),
        "TMPDIR": str(tmp_path),
        "CASEBOOK_DATA_DIR": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "xdg-config"),
        "XDG_DATA_HOME": str(tmp_path / "xdg-data"),
    }
    env.update(extra)
    return env


def _run(
    bundle: Path, *args: str, env: dict[str, str], timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(bundle / CLI_NAME), *args],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
    )


def _expected_steps() -> list[str]:
    """The self-test steps of this checkout (a static list: the bundle must run every one)."""
    from app.services.selftest import BASE_STEPS, FEATURE_STEPS

    return [name for name, _step in (*BASE_STEPS, *FEATURE_STEPS)]


def test_version(bundle, tmp_path):
    done = _run(bundle, "--version", env=_bare_env(tmp_path))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"{APP_NAME} {__version__}"


def test_selftest_on_a_bare_machine(bundle, tmp_path):
    """No system fonts (empty fontconfig), no system zone database (zoneinfo must use the
    bundled tzdata), no Python or tools on PATH, C locale. LD_BIND_NOW makes the dynamic
    loader resolve every symbol of each library as it loads: OpenCV's FFmpeg is a link to
    PyAV's copy (build.spec `share_ffmpeg`), and a symbol missing there fails here, not at the
    first call months later (the video step loads OpenCV)."""
    fonts_conf = tmp_path / "fonts.conf"
    fonts_conf.write_text(EMPTY_FONTCONFIG, encoding="utf-8")
    env = _bare_env(
        tmp_path,
        FONTCONFIG_FILE=str(fonts_conf),
        PYTHONTZPATH=str(tmp_path / "no-zoneinfo"),
        LANG="C",
        LC_ALL="C",
        LD_BIND_NOW="1",
    )
    done = _run(bundle, "selftest", "--json", env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads(done.stdout)
    assert report["ok"] and report["version"] == __version__
    assert [step["name"] for step in report["steps"]] == _expected_steps()


def test_same_subcommands_as_the_source(bundle, tmp_path):
    from app.cli import build_parser

    source = build_parser()
    expected = set(source._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    done = _run(bundle, "--help", env=_bare_env(tmp_path))
    assert done.returncode == 0, done.stderr
    listed = done.stdout.split("{", 1)[1].split("}", 1)[0].split(",")
    assert set(listed) == expected


def test_cli_round_trip_on_each_database(bundle, tmp_path, db_url):
    """SQLite (embedded) and PostgreSQL through psycopg (when CASEBOOK_TEST_PG_URL is set)."""
    env = _bare_env(tmp_path)
    made = _run(
        bundle,
        *("--json", "--db-url", db_url, "case", "new", "--title", "Проверка установки"),
        *("--region", "MSK", "--tz", "Europe/Moscow"),
        env=env,
    )
    assert made.returncode == 0, made.stderr
    listed = _run(
        bundle, "--json", "--db-url", db_url, "case", "list", "--search", "УСТАНОВКИ", env=env
    )
    assert listed.returncode == 0, listed.stderr
    assert json.loads(made.stdout)["number"] in listed.stdout


def test_postgres_driver_is_inside(bundle, tmp_path):
    """Without a server: the failure must be the connection, not a missing dialect or libpq."""
    url = "postgresql+psycopg://casebook@127.0.0.1:9/casebook?connect_timeout=3"
    done = _run(bundle, "--db-url", url, "case", "list", env=_bare_env(tmp_path), timeout=60)
    assert done.returncode != 0
    assert "connection" in done.stderr and "127.0.0.1" in done.stderr, done.stderr
    for missing in ("Can't load plugin", "no pq wrapper", "ModuleNotFoundError", "libpq"):
        assert missing not in done.stderr


def test_contents(bundle):
    internal = bundle / "_internal"
    # migrations as files, exactly those of the source (Alembic reads them from disk)
    source_versions = sorted(p.name for p in (db.MIGRATIONS_DIR / "versions").glob("*.py"))
    frozen = internal / "app" / "storage" / "migrations"
    assert sorted(p.name for p in (frozen / "versions").glob("*.py")) == source_versions
    assert (frozen / "env.py").is_file() and (frozen / "script.py.mako").is_file()
    # every resource of the checkout
    source = ROOT / "resources"
    wanted = {p.relative_to(source) for p in source.rglob("*") if p.is_file()}
    inside = {p.relative_to(internal / "resources") for p in (internal / "resources").rglob("*")}
    assert wanted <= inside
    assert (internal / "tzdata" / "zoneinfo" / "Europe" / "Moscow").is_file()
    # Qt: Russian catalogue for standard dialogs; nothing of WebEngine, Designer or QML/Quick,
    # and no media backend plugin with Qt's own FFmpeg (sound plays through QAudioSink, which
    # needs neither: test_sound_plays_without_the_media_backend)
    qt = internal / "PySide6" if IS_WIN else internal / "PySide6" / "Qt"  # wheels' layouts
    assert (qt / "translations" / "qtbase_ru.qm").is_file()
    assert not (qt / "plugins" / "multimedia").exists()
    names = {p.name for p in internal.rglob("*")}
    for unwanted in ("WebEngine", "Qt6Designer", "Qt6Quick", "Qt6Qml", "FFmpegStub"):
        assert not [n for n in names if unwanted in n], unwanted
    qt_names = {p.name for p in qt.rglob("*")}
    assert not [n for n in qt_names if n.startswith(("libavcodec", "avcodec"))]
    if not IS_WIN:
        # one FFmpeg: OpenCV's libraries are links to PyAV's (build.spec `share_ffmpeg`)
        opencv_ffmpeg = list((internal / "opencv_python_headless.libs").glob("libavcodec-*"))
        assert opencv_ffmpeg and all(p.is_symlink() for p in opencv_ffmpeg), opencv_ffmpeg
        assert opencv_ffmpeg[0].resolve().parent == (internal / "av.libs").resolve()


def test_management_dossier_masks_addresses(bundle, tmp_path):
    """Natasha's address extractor works from the bundle, which carries none of Natasha's
    data files (models, embeddings, name dictionaries: build.spec)."""
    env = _bare_env(tmp_path)
    made = _run(
        bundle,
        *("--json", "case", "new", "--title", "Адрес", "--region", "MSK"),
        *("--tz", "Europe/Moscow"),
        env=env,
    )
    assert made.returncode == 0, made.stderr
    number = json.loads(made.stdout)["number"]
    text = "Курьер приехал по адресу г. Москва, ул. Профсоюзная, д. 12, кв. 48 и звонил в дверь"
    added = _run(
        bundle,
        *("--json", "event", "add", number, "--at", "2026-03-01T10:00:00+03:00"),
        *("--text", text),
        env=env,
    )
    assert added.returncode == 0, added.stderr
    out = tmp_path / "out" / "management.pdf"
    done = _run(
        bundle,
        *("--json", "export", "dossier", number, "--profile", "management"),
        *("--out", str(out)),
        env=env,
    )
    assert done.returncode == 0, done.stderr
    from pypdf import PdfReader

    pdf_text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Курьер приехал по адресу" in pdf_text
    assert "Профсоюзная" not in pdf_text


def test_russian_collation_with_the_trimmed_locale_data(bundle, tmp_path):
    """build.spec keeps ICU's locale data for Russian, English and root only (Linux): Qt's
    collator must still sort as Russian users expect (ё after е, Cyrillic before Latin)."""
    done = _run(bundle, "--check-collation", env=_bare_env(tmp_path), timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["sorted"] == [
        *("абрикос", "Еж", "ёж", "жук", "яблоко", "apple", "Zebra"),
    ]
    assert "collator" not in done.stderr.lower()  # "Could not create collator: 4"


@pytest.fixture
def sound_server(tmp_path_factory):
    """A private PulseAudio server with a null sink (the output an office desktop has, minus
    the loudspeaker); its socket path stays short (sockets have a ~100-byte limit)."""
    if not shutil.which("pulseaudio") or not shutil.which("pactl"):
        pytest.skip("needs pulseaudio and pactl (Debian: pulseaudio pulseaudio-utils)")
    import tempfile

    home = Path(tempfile.mkdtemp(prefix="pa-"))
    socket = home / "native"
    env = {**os.environ, "HOME": str(home), "XDG_RUNTIME_DIR": str(home)}
    # --daemonize: the command returns once the server is ready (no polling)
    subprocess.run(
        [
            *("pulseaudio", "-n", "--daemonize=yes", "--use-pid-file=no", "--exit-idle-time=-1"),
            *("-L", "module-null-sink sink_name=casebook_check"),
            *("-L", f"module-native-protocol-unix socket={socket} auth-anonymous=1"),
        ],
        env=env,
        check=True,
        capture_output=True,
        timeout=60,
    )
    server = f"unix:{socket}"
    yield server
    subprocess.run(["pactl", "--server", server, "exit"], env=env, capture_output=True)
    shutil.rmtree(home, ignore_errors=True)


@pytest.mark.skipif(IS_WIN, reason="PulseAudio check; Windows plays through WASAPI")
def test_sound_plays_without_the_media_backend(bundle, tmp_path, sound_server):
    """A video's sound goes through QAudioSink (app/ui/video/sound.py). Qt's media backend
    plugin (and with it QtQuick, QtQml and Qt's FFmpeg) is not in the bundle: the audio
    output must still open and play, in the player's own format."""
    done = _run(
        bundle,
        "--check-audio",
        env=_bare_env(tmp_path, PULSE_SERVER=sound_server),
        timeout=60,
    )
    report = json.loads(done.stdout)
    assert done.returncode == 0 and report["ok"], (report, done.stderr)
    assert report["played_ms"] >= 450 and report["device"]
    assert "ffmpeg" not in done.stderr.lower()  # no media backend was loaded


def test_gui_shows_main_window_offscreen(bundle, tmp_path):
    """The GUI starts on the offscreen platform and runs its event loop: once the main window
    is shown, it offers the demo case and records that in the settings file. The investigator
    has said who they are (without that the first start asks for it before the demo offer)."""
    config = tmp_path / "data" / "config"
    config.mkdir(parents=True)
    (config / "settings.json").write_text(
        json.dumps({"investigator_name": "Иванова А. С.", "investigator_position": "СБ"}),
        encoding="utf-8",
    )
    err = tmp_path / "stderr.txt"
    with err.open("wb") as sink:
        gui = subprocess.Popen(
            [str(bundle / EXE_NAME)],
            env=_bare_env(tmp_path, QT_QPA_PLATFORM="offscreen"),
            stdout=subprocess.DEVNULL,
            stderr=sink,
        )
        try:
            code = gui.wait(timeout=15)  # the GUI runs until closed: a return is a crash
        except subprocess.TimeoutExpired:
            code = None
        finally:
            gui.terminate()
            gui.wait(30)
    stderr = err.read_text(encoding="utf-8", errors="replace")
    assert code is None, f"the GUI exited with {code}: {stderr}"
    assert "Traceback" not in stderr
    settings = json.loads((tmp_path / "data" / "config" / "settings.json").read_text("utf-8"))
    assert settings["demo_offered"] is True


@pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("Xvfb", "xev", "xwininfo", "stdbuf")),
    reason="needs Xvfb, xev, xwininfo (Debian: xvfb x11-utils)",
)
def test_gui_maps_main_window_on_x(bundle, tmp_path):
    """On a real X server (Xvfb) through the xcb plugin, as on an office desktop."""
    env = _bare_env(tmp_path)
    probe = subprocess.run(
        [
            *(sys.executable, str(ROOT / "packaging" / "gui_probe.py"), "--timeout", "60", "--"),
            *(str(bundle / EXE_NAME), "--data-dir", str(tmp_path / "data")),
        ],
        env={**os.environ, **{k: v for k, v in env.items() if k != "PATH"}},
        capture_output=True,
        text=True,
        timeout=120,
    )
    result = json.loads(probe.stdout)
    assert result["ok"], result
    print(f"main window mapped {result['seconds']} s after launch")
