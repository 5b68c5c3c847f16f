"""Undoable timeline edits: manual events (add, edit, delete) and "in the dossier" marks.

Each edit is the UI's one `ServiceCommand` (`app.ui.widgets.undo`): its service call runs in the
database lane and only a first execution that succeeded is pushed on the case's undo stack.
Services write the audit entries. Event versions live in the case's shared `RecordVersions`
(the Events tab of the case view reads the same memory), so undo and redo never trip the
optimistic lock on their own writes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from app.services.core import records
from app.services.core.dto import ManualEventInfo
from app.services.timeline import build as timeline
from app.ui.widgets.undo import RecordVersions, ServiceCommand, Work

EVENT = "event"


def add_event(panel: Any, data: records.EventInput) -> ServiceCommand:
    ctx, case_id = panel.env.ctx, panel.case_id
    versions = _versions(panel)
    created: list[int] = []

    def apply(_p: object) -> Any:
        if created:  # redo after undo: restore the same record
            return _set_deleted(ctx, versions, created[0], False)
        info = records.add_event(ctx, case_id, data)
        created.append(info.id)
        return versions.keep_record(EVENT, info)

    return _command(
        panel,
        QCoreApplication.translate("TimelineCommands", "Add event"),
        apply,
        lambda _p: _set_deleted(ctx, versions, created[0], True),
    )


def edit_event(panel: Any, before: ManualEventInfo, after: records.EventInput) -> ServiceCommand:
    ctx = panel.env.ctx
    versions = _versions(panel)
    versions.keep_record(EVENT, before)
    old = records.EventInput(
        at=before.at,
        text=before.text,
        uncertainty_s=before.uncertainty_s,
        source=before.source,
        party_id=before.party_id,
    )

    def write(values: records.EventInput) -> Work:
        return lambda _p: versions.keep_record(
            EVENT, records.update_event(ctx, before.id, versions.of(EVENT, before.id), values)
        )

    return _command(
        panel,
        QCoreApplication.translate("TimelineCommands", "Edit event"),
        write(after),
        write(old),
    )


def delete_event(panel: Any, before: ManualEventInfo) -> ServiceCommand:
    ctx = panel.env.ctx
    versions = _versions(panel)
    versions.keep_record(EVENT, before)
    return _command(
        panel,
        QCoreApplication.translate("TimelineCommands", "Delete event"),
        lambda _p: _set_deleted(ctx, versions, before.id, True),
        lambda _p: _set_deleted(ctx, versions, before.id, False),
    )


def mark_in_dossier(panel: Any, event_ids: list[str], marked: bool) -> ServiceCommand:
    ctx, case_id = panel.env.ctx, panel.case_id
    text = (
        QCoreApplication.translate("TimelineCommands", "Add to the dossier")
        if marked
        else QCoreApplication.translate("TimelineCommands", "Remove from the dossier")
    )
    return _command(
        panel,
        text,
        lambda _p: timeline.set_in_dossier(ctx, case_id, event_ids, marked),
        lambda _p: timeline.set_in_dossier(ctx, case_id, event_ids, not marked),
    )


def _versions(panel: Any) -> RecordVersions:
    versions: RecordVersions = panel.env.versions_for(panel.case_id)
    return versions


def _set_deleted(ctx: Any, versions: RecordVersions, event_id: int, deleted: bool) -> int:
    version = records.set_deleted(ctx, EVENT, event_id, versions.of(EVENT, event_id), deleted)
    versions.keep(EVENT, event_id, version)
    return version


def _command(panel: Any, text: str, apply: Work, revert: Work) -> ServiceCommand:
    env, case_id = panel.env, panel.case_id
    return ServiceCommand(
        env.tasks,
        env.undo_stack_for(case_id),
        text,
        apply,
        revert,
        # every view of the case reloads on this, the timeline included
        on_changed=lambda: env.case_changed.emit(case_id),
        on_error=panel.show_error,
    )
