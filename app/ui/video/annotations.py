"""Annotations beside the player: the list with jump-to, and add / edit / delete with undo.

Every change is the UI's one `ServiceCommand` (`app.ui.widgets.undo`): the video service runs
in the database lane and, once it succeeded, the change enters the case's undo stack (undo of an
add or a delete is a delete or a restore; undo of an edit writes the previous values back). The
version of each annotation is kept in the case's shared `RecordVersions` inside the lane, so
steps queued quickly one after another never race on optimistic locking.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.media import Region
from app.services.video import annotations as notes
from app.services.video.dto import AnnotationInfo
from app.ui.env import UiEnv
from app.ui.errors import show_error
from app.ui.video.player_widget import PlayerWidget
from app.ui.video.timefmt import format_instant, format_media_time
from app.ui.widgets.undo import ServiceCommand

Step = Callable[[], AnnotationInfo]
ANNOTATION = "annotation"


@dataclass(frozen=True)
class Draft:
    text: str
    rect: Region | None
    tags: list[str]


def parse_tags(text: str) -> list[str]:
    return [tag.strip() for tag in text.split(",") if tag.strip()]


class AnnotationsPanel(QWidget):
    jump_requested = Signal(int)  # frame
    annotations_changed = Signal()
    drawing_toggled = Signal(bool)

    def __init__(
        self, env: UiEnv, case_id: int, player: PlayerWidget, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("annotationsPanel")
        self.env = env
        self.case_id = case_id
        self.player = player
        self.undo_stack: QUndoStack = env.undo_stack_for(case_id)
        self.annotations: list[AnnotationInfo] = []
        self.versions = env.versions_for(case_id)
        self.region: Region | None = None
        self._build()
        player.region_drawn.connect(self.set_region)
        player.position_changed.connect(lambda _frame: self._show_marks())
        self._update_buttons()

    def _build(self) -> None:
        self.list = QListWidget(self)
        self.list.setObjectName("annotationList")
        self.list.itemActivated.connect(self._jump)
        self.list.itemClicked.connect(self._jump)
        self.list.currentItemChanged.connect(self._selected)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("annotationText")
        self.text.setPlaceholderText(self.tr("What this frame shows"))
        self.text.setMaximumHeight(80)
        self.tags = QLineEdit(self)
        self.tags.setObjectName("annotationTags")
        self.tags.setPlaceholderText(self.tr("Tags, separated by commas"))
        self.draw = QPushButton(self.tr("Draw rectangle"), self)
        self.draw.setObjectName("drawRegion")
        self.draw.setCheckable(True)
        self.draw.toggled.connect(self._toggle_drawing)
        self.region_label = QLabel(self)
        self.region_label.setObjectName("regionLabel")
        clear_region = QPushButton(self.tr("No rectangle"), self)
        clear_region.clicked.connect(lambda: self.set_region(None))
        self.still = QCheckBox(self.tr("Save the frame as a still"), self)
        self.still.setObjectName("saveStill")
        self.add_button = QPushButton(self.tr("Add at current frame"), self)
        self.add_button.setObjectName("addAnnotation")
        self.add_button.clicked.connect(self.add_at_current_frame)
        self.save_button = QPushButton(self.tr("Save changes"), self)
        self.save_button.setObjectName("saveAnnotation")
        self.save_button.clicked.connect(self.save_selected)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setObjectName("deleteAnnotation")
        self.delete_button.clicked.connect(self.delete_selected)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Annotations"), self))
        layout.addWidget(self.list, 1)
        layout.addWidget(self.text)
        layout.addWidget(self.tags)
        region_row = QHBoxLayout()
        region_row.addWidget(self.draw)
        region_row.addWidget(clear_region)
        layout.addLayout(region_row)
        layout.addWidget(self.region_label)
        layout.addWidget(self.still)
        layout.addWidget(self.add_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.delete_button)
        layout.addLayout(buttons)
        self.set_region(None)

    # --- loading --------------------------------------------------------------------------
    def reload(self) -> None:
        source = self.player.source
        if source is None:
            self._show([])
            return
        ctx, evidence_id = self.env.ctx, source.evidence.id
        self.env.tasks.run_read(
            lambda _p: notes.list_annotations(ctx, self.case_id, evidence_id),
            self._show,
            self._failed,
        )

    def _show(self, annotations: list[AnnotationInfo]) -> None:
        source = self.player.source
        current = self._selected_id()
        self.annotations = [
            a for a in annotations if source is not None and a.evidence_id == source.evidence.id
        ]
        for item in self.annotations:
            self.versions.keep_record(ANNOTATION, item)
        self.list.blockSignals(True)
        self.list.clear()
        for annotation in self.annotations:
            entry = QListWidgetItem(self._describe(annotation), self.list)
            entry.setData(Qt.ItemDataRole.UserRole, annotation.id)
            entry.setToolTip(self._tooltip(annotation))
            if annotation.id == current:
                self.list.setCurrentItem(entry)
        self.list.blockSignals(False)
        self._update_buttons()
        self._show_marks()
        self.annotations_changed.emit()

    def _describe(self, annotation: AnnotationInfo) -> str:
        head = f"{format_media_time(annotation.media_time_s)}  #{annotation.frame_index}"
        extras = []
        if annotation.rect:
            extras.append("▭")
        if annotation.still_id is not None:
            extras.append(self.tr("still"))
        tags = f"  [{', '.join(annotation.tags)}]" if annotation.tags else ""
        suffix = f" ({', '.join(extras)})" if extras else ""
        return f"{head}{suffix}  {annotation.text}{tags}"

    def _tooltip(self, annotation: AnnotationInfo) -> str:
        lines = [annotation.text]
        tz = self.player.tz
        if annotation.camera_time_utc is not None:
            lines.append(
                self.tr("Camera clock %1").replace(
                    "%1", format_instant(annotation.camera_time_utc, tz)
                )
            )
        source = self.player.source
        if annotation.true_time_utc is not None and source is not None and source.clock.points:
            lines.append(
                self.tr("True time %1").replace("%1", format_instant(annotation.true_time_utc, tz))
            )
        lines.append(f"{annotation.created_by}, {format_instant(annotation.created_at, tz)}")
        return "\n".join(lines)

    def _show_marks(self) -> None:
        frame = self.player.player.position
        self.player.view.set_marks(
            [QRect(*a.rect) for a in self.annotations if a.rect and a.frame_index == frame]
        )
        self.player.scrubber.set_marks([a.media_time_s for a in self.annotations])

    # --- the form -------------------------------------------------------------------------
    def set_region(self, rect: QRect | None) -> None:
        if rect is None:
            self.region = None
            self.region_label.setText(self.tr("No rectangle"))
        else:
            self.region = Region(rect.x(), rect.y(), rect.width(), rect.height())
            self.region_label.setText(
                self.tr("Rectangle %1").replace("%1", ",".join(map(str, self.region.as_list())))
            )
        self.draw.setChecked(False)

    def _toggle_drawing(self, on: bool) -> None:
        self.player.view.drawing_region = on
        self.drawing_toggled.emit(on)

    def draft(self) -> Draft:
        return Draft(self.text.toPlainText().strip(), self.region, parse_tags(self.tags.text()))

    def _selected_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def selected(self) -> AnnotationInfo | None:
        wanted = self._selected_id()
        return next((a for a in self.annotations if a.id == wanted), None)

    def _selected(self, *_args: object) -> None:
        annotation = self.selected()
        if annotation is not None:
            self.text.setPlainText(annotation.text)
            self.tags.setText(", ".join(annotation.tags))
            self.set_region(QRect(*annotation.rect) if annotation.rect else None)
        self._update_buttons()

    def _jump(self, item: QListWidgetItem) -> None:
        wanted = int(item.data(Qt.ItemDataRole.UserRole))
        annotation = next((a for a in self.annotations if a.id == wanted), None)
        if annotation is not None:
            self.jump_requested.emit(annotation.frame_index)

    def _update_buttons(self) -> None:
        has_video = self.player.source is not None
        self.add_button.setEnabled(has_video)
        self.save_button.setEnabled(self.selected() is not None)
        self.delete_button.setEnabled(self.selected() is not None)

    # --- changes --------------------------------------------------------------------------
    def add_at_current_frame(self) -> None:
        source = self.player.source
        draft = self.draft()
        if source is None:
            return
        if not draft.text:
            self.text.setFocus()
            self.text.setPlaceholderText(self.tr("Write what the frame shows first"))
            return
        ctx, evidence_id = self.env.ctx, source.evidence.id
        media_time = self.player.player.media_time()
        still = self.still.isChecked()

        created: list[int] = []

        def first(_progress: object) -> AnnotationInfo:
            info = notes.annotate(
                ctx,
                self.case_id,
                evidence_id,
                media_time,
                draft.text,
                rect=draft.rect,
                tags=draft.tags,
                still=still,
            )
            created.append(info.id)
            return self.versions.keep_record(ANNOTATION, info)

        def done(_info: AnnotationInfo) -> None:
            self.text.clear()
            self.tags.clear()
            self.still.setChecked(False)
            self.set_region(None)

        self._command(
            self.tr("Add annotation"),
            lambda: self._call(notes.restore_annotation, created[0])(),
            lambda: self._call(notes.delete_annotation, created[0])(),
        ).run_first(done, self.tr("Saving annotation"), first=first)

    def save_selected(self) -> None:
        annotation = self.selected()
        if annotation is None:
            return
        draft = self.draft()
        before = Draft(
            annotation.text,
            Region(*annotation.rect) if annotation.rect else None,
            list(annotation.tags),
        )
        self._first_step(
            self.tr("Edit annotation"),
            self._edit(annotation.id, draft),
            self._edit(annotation.id, before),
        )

    def delete_selected(self) -> None:
        annotation = self.selected()
        if annotation is not None:
            self._first_step(
                self.tr("Delete annotation"),
                self._call(notes.delete_annotation, annotation.id),
                self._call(notes.restore_annotation, annotation.id),
            )

    def _call(self, fn: Callable[..., AnnotationInfo], annotation_id: int) -> Step:
        ctx = self.env.ctx

        def step() -> AnnotationInfo:
            info = fn(ctx, annotation_id, self.versions.of(ANNOTATION, annotation_id))
            return self.versions.keep_record(ANNOTATION, info)

        return step

    def _edit(self, annotation_id: int, values: Draft) -> Step:
        ctx = self.env.ctx

        def step() -> AnnotationInfo:
            info = notes.update_annotation(
                ctx,
                annotation_id,
                self.versions.of(ANNOTATION, annotation_id),
                text=values.text,
                rect=values.rect,
                clear_rect=values.rect is None,
                tags=values.tags,
            )
            return self.versions.keep_record(ANNOTATION, info)

        return step

    def _command(self, text: str, apply: Step, revert: Step) -> ServiceCommand:
        return ServiceCommand(
            self.env.tasks,
            self.undo_stack,
            text,
            lambda _p: apply(),
            lambda _p: revert(),
            on_changed=self._changed,
            on_error=self._failed,
        )

    def _first_step(self, text: str, apply: Step, revert: Step) -> None:
        self._command(text, apply, revert).run_first()

    def _changed(self) -> None:
        self.reload()
        self.env.case_changed.emit(self.case_id)

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc)
