"""Entry script of the frozen bundle (build.spec): the same dispatch as `python -m app`.

It lives outside `app/` so that PyInstaller does not put `app/` itself on the module search
path (which would make `cli`, `paths`, ... importable as top-level modules).

Two checks of what build.spec leaves out, for an office machine and the bundle checks, each
printing JSON: `casebook --check-audio` plays half a second of a quiet tone through Qt
Multimedia's audio output in the format the video player's sound uses (what played, on which
device): the audio output works without Qt's media backend plugin. `casebook --check-collation`
sorts Russian words with Qt's collator (ICU): the locale data kept for Russian and English
still orders ё after е and Cyrillic before Latin as Russian users expect.
"""

import sys

CHECK_AUDIO = "--check-audio"
CHECK_COLLATION = "--check-collation"
COLLATION_WORDS = ("яблоко", "ёж", "Еж", "жук", "абрикос", "Zebra", "apple")


def check_collation() -> int:
    import json

    from PySide6.QtCore import QCollator, QCoreApplication, QLocale

    QCoreApplication(sys.argv[:1])
    collator = QCollator(QLocale("ru_RU"))
    print(json.dumps({"sorted": sorted(COLLATION_WORDS, key=collator.sortKey)}))
    return 0


def check_audio() -> int:
    import json
    import math
    import struct

    from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QTimer
    from PySide6.QtMultimedia import QAudio, QAudioSink, QMediaDevices

    from app.ui.video.sound import playback_format

    app = QCoreApplication(sys.argv[:1])
    device = QMediaDevices.defaultAudioOutput()
    report = {"ok": False, "device": device.description(), "played_ms": 0, "error": ""}
    if device.isNull():
        report["error"] = "no audio output"
        print(json.dumps(report))
        return 1
    fmt = playback_format()
    rate, channels = fmt.sampleRate(), fmt.channelCount()
    samples = (int(2000 * math.sin(2 * math.pi * 440 * i / rate)) for i in range(rate // 2))
    tone = b"".join(struct.pack("<h", value) * channels for value in samples)
    source = QBuffer()
    source.setData(QByteArray(tone))
    source.open(QIODevice.OpenModeFlag.ReadOnly)
    sink = QAudioSink(device, fmt)

    def state_changed(state: QAudio.State) -> None:
        if state in (QAudio.State.IdleState, QAudio.State.StoppedState):
            app.quit()

    sink.stateChanged.connect(state_changed)
    QTimer.singleShot(5000, app.quit)  # a stuck output is a failure, not a hang
    sink.start(source)
    app.exec()
    report["played_ms"] = sink.processedUSecs() // 1000
    report["error"] = sink.error().name
    report["ok"] = report["played_ms"] >= 450 and report["error"] == "NoError"
    sink.stop()
    print(json.dumps(report))
    return 0 if report["ok"] else 1


if __name__ == "__main__":
    if sys.argv[1:] == [CHECK_AUDIO]:
        sys.exit(check_audio())
    if sys.argv[1:] == [CHECK_COLLATION]:
        sys.exit(check_collation())
    from app.__main__ import main

    sys.exit(main())
