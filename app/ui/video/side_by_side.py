"""Two cameras side by side, in step on the corrected clock (e.g. the dash-cam and the
entrance camera).

The window opens at the frame the player stood on. The left video leads: its scrubber,
transport and keys drive both, and every frame it stands on is turned into a true time and then
into the right video's media time through that camera's own correction, so both show the same
true instant. Each camera has its own nudge (a frame either way) and the right one its own
scrubber, for clocks that still disagree: the shift is shown, never saved.
Without a camera-time origin on both sides the videos are aligned on their starts, and the
window says so.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.services.video.dto import VideoSource
from app.ui.env import UiEnv
from app.ui.video.player import Player
from app.ui.video.player_widget import PlayerWidget
from app.ui.video.scrubber import Scrubber
from app.ui.video.timefmt import format_instant
from app.ui.video.view import FrameView

_ROUNDING_S = 1e-4


def follower_media_time(leader: VideoSource, follower: VideoSource, leader_s: float) -> float:
    """The follower's media time showing the same true instant as `leader_s` in the leader
    (the same media time when either clock has no origin)."""
    true = leader.clock.true_time(leader_s)
    media = follower.clock.media_time(true) if true is not None else None
    return leader_s if media is None else media


def clocks_known(leader: VideoSource, follower: VideoSource) -> bool:
    return leader.clock.camera_origin is not None and follower.clock.camera_origin is not None


class SideBySide(QWidget):
    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sideBySide")
        self.setWindowFlag(Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.leader = PlayerWidget(env, self)
        self.follower = Player(self)
        self.follower_view = FrameView(self)
        self.follower_scrubber = Scrubber(self)
        self.follower_scrubber.setObjectName("followerScrubber")
        self.follower_scrubber.setToolTip(
            self.tr("The right camera alone: drag to shift it against the left one")
        )
        self.follower_source: VideoSource | None = None
        self.tz: str | None = None
        self.nudge_s = 0.0
        self.alignment = QLabel(self)
        self.alignment.setObjectName("alignment")
        self.alignment.setWordWrap(True)
        self.nudge_label = QLabel(self)
        self.nudge_label.setObjectName("nudgeLabel")
        back = self._button(
            "◀", self.tr("Right video one frame earlier"), self.nudge, -1, "nudgeBack"
        )
        ahead = self._button(
            "▶", self.tr("Right video one frame later"), self.nudge, 1, "nudgeAhead"
        )
        left_back = self._button(
            "◀", self.tr("Left video one frame earlier"), self.nudge_leader, -1, "nudgeLeftBack"
        )
        left_ahead = self._button(
            "▶", self.tr("Left video one frame later"), self.nudge_leader, 1, "nudgeLeftAhead"
        )
        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.follower_view, 1)
        column.addWidget(self.follower_scrubber)
        nudges = QHBoxLayout()
        nudges.addWidget(QLabel(self.tr("Nudge left"), self))
        nudges.addWidget(left_back)
        nudges.addWidget(left_ahead)
        nudges.addSpacing(12)
        nudges.addWidget(QLabel(self.tr("right"), self))
        nudges.addWidget(back)
        nudges.addWidget(ahead)
        nudges.addWidget(self.nudge_label)
        nudges.addStretch(1)
        column.addLayout(nudges)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.leader)
        splitter.addWidget(right)
        layout = QVBoxLayout(self)
        layout.addWidget(self.alignment)
        layout.addWidget(splitter, 1)
        self.leader.position_changed.connect(self._follow)
        self.follower.frame_shown.connect(self._follower_frame)
        self.follower_scrubber.seek_requested.connect(self.shift_follower_to)
        self.follower.error.connect(self.follower_view.set_notice)
        self._show_nudge()

    def _button(
        self, text: str, tip: str, action: Callable[[int], None], frames: int, name: str
    ) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(text)
        button.setToolTip(tip)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(lambda: action(frames))
        return button

    def open_pair(self, left: VideoSource, right: VideoSource, tz: str, frame: int = 0) -> None:
        """Show `left` from its frame `frame` (where the player stood) and `right` in step."""
        self.tz = tz
        self.follower_source = right
        self.nudge_s = 0.0
        self.setWindowTitle(
            self.tr("%1 and %2 side by side")
            .replace("%1", left.evidence.original_name)
            .replace("%2", right.evidence.original_name)
        )
        if clocks_known(left, right) and left.clock.points and right.clock.points:
            self.alignment.setText(self.tr("In step on the corrected clocks of both cameras."))
        elif clocks_known(left, right):
            self.alignment.setText(
                self.tr(
                    "In step on the camera clocks; a camera is not calibrated yet, so its own "
                    "clock is taken as true. Set the true time in each video."
                )
            )
        else:
            self.alignment.setText(
                self.tr(
                    "A camera clock has no origin: the videos are aligned on their starts. "
                    "Set the true time in each video to align them on the true clock."
                )
            )
        self.follower_scrubber.reset(right.index.duration_s)
        self.follower_view.set_pixel_stretch(right.media.pixel_stretch)
        self.follower.open(right.path, right.index, 0, right.media.rotation)
        self.leader.open_source(left, tz, frame)
        self._show_nudge()

    def follower_target(self, leader_frame: int) -> tuple[int, bool]:
        """The follower's frame for a leader frame, and whether that instant is recorded."""
        leader, follower = self.leader.source, self.follower_source
        assert leader is not None and follower is not None
        media = follower_media_time(leader, follower, leader.index.pts_of(leader_frame))
        media += self.nudge_s
        inside = 0.0 <= media < follower.index.duration_s
        # Clock arithmetic rounds to microseconds: never let that fall to the frame before.
        return follower.index.frame_at(media + _ROUNDING_S), inside

    def nudge(self, frames: int) -> None:
        """Shift the right video by whole frames against the left one."""
        follower = self.follower_source
        if follower is None or self.leader.source is None:
            return
        current = self.follower.position
        target = min(max(current + frames, 0), follower.index.count - 1)
        self.nudge_s += follower.index.pts_of(target) - follower.index.pts_of(current)
        self._show_nudge()
        self._follow(self.leader.player.position)

    def shift_follower_to(self, media_time_s: float) -> None:
        """Put the right video at `media_time_s` against the left one's current frame: the
        difference becomes the nudge, so both keep that relation as the left one moves."""
        leader, follower = self.leader.source, self.follower_source
        if leader is None or follower is None:
            return
        in_step = follower_media_time(
            leader, follower, leader.index.pts_of(self.leader.player.position)
        )
        self.nudge_s = media_time_s - in_step
        self._show_nudge()
        self._follow(self.leader.player.position)

    def nudge_leader(self, frames: int) -> None:
        """Shift the left video by whole frames while the right one stays where it is."""
        leader = self.leader.source
        if leader is None or self.follower_source is None:
            return
        current = self.leader.player.position
        target = min(max(current + frames, 0), leader.index.count - 1)
        self.nudge_s -= leader.index.pts_of(target) - leader.index.pts_of(current)
        self._show_nudge()
        self.leader.player.step(target - current)

    def _show_nudge(self) -> None:
        self.nudge_label.setText(self.tr("%1 s").replace("%1", f"{self.nudge_s:+.3f}"))

    def _follow(self, leader_frame: int) -> None:
        if self.follower_source is None or self.leader.source is None:
            return
        frame, inside = self.follower_target(leader_frame)
        self.follower_view.set_notice(
            "" if inside else self.tr("The right camera has no recording at this moment.")
        )
        self.follower.seek_frame(frame, preview=not self.leader.player.playing)

    def _follower_frame(self, frame: int, exact: bool, image: QImage) -> None:
        source = self.follower_source
        if source is None:
            return
        self.follower_view.set_image(frame, exact, image)
        self.follower_scrubber.set_position(source.index.pts_of(frame))
        frame_text = self.tr("Frame %1").replace("%1", str(frame))
        lines = [f"{source.evidence.original_name} · {frame_text}"]
        media = source.index.pts_of(frame)
        camera = source.clock.camera_time(media)
        if camera is not None:
            lines.append(self.tr("Camera clock %1").replace("%1", format_instant(camera, self.tz)))
        true = source.clock.true_time(media)
        if true is not None and source.clock.points:
            lines.append(self.tr("True time %1").replace("%1", format_instant(true, self.tz)))
        self.follower_view.set_overlay(lines)

    def closeEvent(self, event: object) -> None:
        self.leader.shutdown()
        self.follower.shutdown()
        super().closeEvent(event)  # type: ignore[arg-type]
