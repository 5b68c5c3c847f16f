"""The first view of the timeline shows the incident, also when the tab was filled before it
was first shown and when the case was opened in the system long after the events."""

from __future__ import annotations

from typing import Any

from app.ui.timeline.canvas import TimelineCanvas


def test_first_view_fits_the_incident_after_the_tab_is_shown(env: Any, tcase: Any, qtbot: Any):
    from app.ui.timeline.tab import create_tab

    widget = create_tab(env, tcase.id, None)  # filled while hidden, at its minimum size
    qtbot.addWidget(widget)
    canvas = widget.findChild(TimelineCanvas)
    widget.resize(1500, 700)
    widget.show()
    qtbot.waitExposed(widget)
    scene = canvas.scene
    incident = [e for e in scene.events if e.kind != "milestone"]
    view_start, view_end = scene.t0, scene.t0 + scene.plot_w() * scene.spp
    first, last = incident[0].start_s, max(e.end_s for e in incident)
    assert view_start <= first and last <= view_end
    # The case was opened today, long after the incident: it does not stretch the first view.
    assert (view_end - view_start) < 3 * (last - first) + 3600
