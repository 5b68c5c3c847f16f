"""Opening a timeline event where it lives: the call in the call log, the video at the frame,
the order, statement or manual event in the case's own tabs, the case overview.

The timeline tab emits `open_requested(kind, ref)`; `route_open` asks the tab's `CaseHost`
(`app.ui.case_host`) to show it. Refs are `call:<id>`, `message:<id>`, `evidence:<id>#frame=<n>`,
`order:<id>`, `statement:<id>`, `event:<id>` and `case:<id>`.
"""

from __future__ import annotations

from app.ui.case_host import CaseHost

_RECORDS = {"order", "statement", "event", "case"}


def route_open(host: CaseHost, kind: str, ref: str) -> bool:
    """Show the event's record in `host`'s tabs; False when no tab can show it."""
    prefix, _, rest = ref.partition(":")
    if prefix == "call":
        calls = host.show_feature("calls")
        if calls is None:
            return False
        calls.select_call(int(rest))  # type: ignore[attr-defined]
        return True
    if prefix == "message":
        messages = host.show_feature("messages")
        if messages is None:
            return False
        messages.select_message(int(rest))  # type: ignore[attr-defined]
        return True
    if prefix == "evidence":
        video = host.show_feature("video")
        if video is None:
            return False
        evidence, _, frame = rest.partition("#frame=")
        open_at = getattr(video, "open_evidence_at", None)  # the exact frame, when offered
        if open_at is not None and frame:
            open_at(int(evidence), int(frame))
        else:
            video.open_evidence(int(evidence))  # type: ignore[attr-defined]
        return True
    if prefix in _RECORDS:
        return host.show_record(prefix, int(rest.partition("#")[0] or 0))
    return False
