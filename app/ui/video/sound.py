"""The sound of the video on screen, played in step with the picture at 1x.

What was said at the door is evidence, so a video with an audio track plays it while the player
runs forwards at normal speed; at any other speed, backwards or paused it is silent (a review
tool, not a media player: pitch-shifted sound would mislead). PCM comes from the video service
(PyAV decodes, 16-bit 48 kHz stereo) and is pushed into a `QAudioSink` from a timer; every
start of the player's clock (play, a seek while playing) restarts the sound at that media time.
Mute and volume belong to the viewer and never touch the evidence.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QIODevice, QObject, QTimer, Signal, Slot
from PySide6.QtMultimedia import QAudioDevice, QAudioFormat, QAudioSink, QMediaDevices

from app.domain.errors import CasebookError
from app.services.video.dto import VideoSource
from app.services.video.pictures import PLAYBACK_CHANNELS, PLAYBACK_RATE, Sound

_FEED_MS = 20
_BUFFER_S = 0.25


def playback_format() -> QAudioFormat:
    fmt = QAudioFormat()
    fmt.setSampleRate(PLAYBACK_RATE)
    fmt.setChannelCount(PLAYBACK_CHANNELS)
    fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
    return fmt


class SoundOutput(QObject):
    """Plays a video's sound from a media time on; `follow` is called at every start of the
    player's clock with the signed speed."""

    state_changed = Signal()
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None, device: QAudioDevice | None = None) -> None:
        super().__init__(parent)
        self._device = device if device is not None else QMediaDevices.defaultAudioOutput()
        self._source: VideoSource | None = None
        self._sound: Sound | None = None
        self._chunks: Iterator[bytes] | None = None
        self._pending = b""
        self._sink: QAudioSink | None = None
        self._io: QIODevice | None = None
        self.muted = False
        self.volume = 1.0
        self._timer = QTimer(self)
        self._timer.setInterval(_FEED_MS)
        self._timer.timeout.connect(self._feed)

    # --- state ----------------------------------------------------------------------------
    @property
    def available(self) -> bool:
        """Whether this machine has an audio output at all."""
        return not self._device.isNull()

    @property
    def has_sound(self) -> bool:
        return self._source is not None and self._source.media.audio is not None

    @property
    def playing(self) -> bool:
        return self._sink is not None

    def open(self, source: VideoSource | None) -> None:
        self.stop()
        self._source = source
        self.state_changed.emit()

    def set_muted(self, muted: bool) -> None:
        self.muted = muted
        if self._sink is not None:
            self._sink.setVolume(0.0 if muted else self.volume)
        self.state_changed.emit()

    def set_volume(self, volume: float) -> None:
        self.volume = min(max(volume, 0.0), 1.0)
        if self._sink is not None and not self.muted:
            self._sink.setVolume(self.volume)
        self.state_changed.emit()

    # --- following the player -------------------------------------------------------------
    @Slot(float, float)
    def follow(self, media_time_s: float, speed: float) -> None:
        """The player's clock (re)started at `media_time_s` with `speed` (negative: back)."""
        if speed == 1.0 and self.has_sound and self.available:
            self.start(media_time_s)
        else:
            self.stop()

    def start(self, media_time_s: float) -> None:
        self.stop()
        source = self._source
        if source is None:
            return
        try:
            self._sound = Sound(source.path, source.index)
        except CasebookError as exc:
            self.failed.emit(exc.message)
            return
        self._chunks = self._sound.pcm(media_time_s)
        self._sink = QAudioSink(self._device, playback_format(), self)
        self._sink.setBufferSize(int(PLAYBACK_RATE * PLAYBACK_CHANNELS * 2 * _BUFFER_S))
        self._sink.setVolume(0.0 if self.muted else self.volume)
        self._io = self._sink.start()
        self._feed()
        self._timer.start()
        self.state_changed.emit()

    @Slot()
    def stop(self) -> None:
        self._timer.stop()
        if self._sink is not None:
            self._sink.stop()
            self._sink.deleteLater()
        self._sink, self._io, self._chunks, self._pending = None, None, None, b""
        if self._sound is not None:
            self._sound.close()
            self._sound = None
        self.state_changed.emit()

    @Slot()
    def _feed(self) -> None:
        """Top the sink's buffer up with the next PCM (the sound card's clock paces it)."""
        if self._sink is None or self._io is None or self._chunks is None:
            return
        free = self._sink.bytesFree()
        while free > 0:
            if not self._pending:
                try:
                    self._pending = next(self._chunks)
                except StopIteration:
                    self._timer.stop()
                    return
                except CasebookError as exc:
                    self.stop()
                    self.failed.emit(exc.message)
                    return
            written = self._io.write(self._pending[:free])
            if written <= 0:
                return
            self._pending = self._pending[written:]
            free -= written
