"""The sound in the player: the level strip on the scrubber, the mute and volume controls, and
the sound following the playback clock only at 1x forwards (this test machine has no audio
output, so the sink itself is not started; the controls say so)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.services.video.dto import EvidenceDetails
from app.services.video.intake import add_video_evidence, open_video

BUNNY = Path(__file__).resolve().parents[2] / "data" / "video" / "bigbuckbunny.mp4"


def test_sound_strip_controls_and_the_clock(
    qtbot: Any, player_widget: Any, sqlite_ctx: Any, case_id: int
) -> None:
    added = add_video_evidence(sqlite_ctx, case_id, BUNNY, EvidenceDetails("cctv"))
    assert added.media is not None and added.media.audio is not None
    assert added.media.audio["codec"] == "aac"
    player_widget.open_source(open_video(sqlite_ctx, case_id, added.evidence.id), "UTC")
    qtbot.waitUntil(lambda: player_widget.view.exact, timeout=5000)
    scrubber = player_widget.scrubber
    qtbot.waitUntil(lambda: bool(scrubber.levels) and max(scrubber.levels) > 0, timeout=10_000)

    sound = player_widget.sound
    assert sound.has_sound
    if not sound.available:
        assert not player_widget.mute_button.isEnabled()
        assert player_widget.mute_button.toolTip() == "No audio output on this computer"

    started: list[tuple[float, float]] = []
    player_widget.player.clock_started.connect(lambda t, speed: started.append((t, speed)))
    player_widget.player.seek_frame(50)
    qtbot.waitUntil(lambda: player_widget.player.shown == 50, timeout=5000)
    player_widget.player.play()
    player_widget.player.faster(1)  # 2x: the sound goes quiet
    player_widget.player.pause()
    assert [round(speed, 1) for _, speed in started] == [1.0, 2.0]
    assert abs(started[0][0] - 2.0) < 0.05  # frame 50 at 25 fps
    assert not sound.playing


def test_mute_and_volume_are_the_viewers(player_widget: Any) -> None:
    sound = player_widget.sound
    player_widget.volume.setValue(40)
    assert sound.volume == 0.4
    sound.set_muted(True)
    assert sound.muted and not player_widget.volume.isEnabled()
