"""The case's "Evidence" tab: the evidence files, the review player and its annotations.

Adding a file copies and hashes it (and indexes a video) in a cancellable CPU task; a file that
cannot be reviewed is refused with a message naming it and the problem, and nothing is stored.
Opening a video reads its stored index and clock off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import ValidationError
from app.domain.media import MediaError
from app.domain.progress import Progress
from app.services.core.cases import get_case
from app.services.core.evidence_files import EvidenceInfo, evidence_path, get_evidence
from app.services.video.clock import local_zone
from app.services.video.dto import EvidenceDetails, VideoEvidence, VideoSource
from app.services.video.intake import list_case_evidence, open_video, prepare_evidence
from app.ui.env import UiEnv
from app.ui.errors import show_error
from app.ui.tasks import Task
from app.ui.video.add_dialog import AddEvidenceDialog, EvidenceRequest
from app.ui.video.annotations import AnnotationsPanel
from app.ui.video.evidence_model import EvidenceModel
from app.ui.video.player_widget import PlayerWidget
from app.ui.video.problems import named
from app.ui.video.side_by_side import SideBySide
from app.ui.widgets.action_row import ActionRow

_PICTURE_KINDS = frozenset({"photo", "still"})


def tab_title() -> str:
    return QCoreApplication.translate("VideoTab", "Evidence")


class VideoTab(QWidget):
    def __init__(self, env: UiEnv, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("videoTab")
        self.env = env
        self.case_id = case_id
        self.model = EvidenceModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("evidenceTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setMinimumWidth(160)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(EvidenceModel.NAME, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._open_index)
        self.table.doubleClicked.connect(self._open_index)
        self.action_row = ActionRow(self, "evidenceCount")
        self.count_label = self.action_row.count_label
        # The row sits under the narrow list: the count may take two lines, never more width.
        self.count_label.setWordWrap(True)
        self.add_button = self.action_row.button(
            self.tr("Add file…"),
            "addEvidence",
            self.add_file,
            self.tr("Add a file to the case's evidence: it is copied, hashed and indexed"),
        )
        self.open_button = self.action_row.button(
            self.tr("Open"), "openEvidence", lambda: self._open_index(self.table.currentIndex())
        )
        self.compare_button = self.action_row.button(
            self.tr("Side by side…"),
            "compareEvidence",
            self.compare_selected,
            self.tr("Show the selected video beside the one in the player, in step on the clock"),
        )
        self.message = QLabel(self)
        self.message.setObjectName("evidenceMessage")
        self.message.setWordWrap(True)
        self.player = PlayerWidget(env, self)
        self.annotations = AnnotationsPanel(env, case_id, self.player, self)
        self.annotations.jump_requested.connect(lambda f: self.player.player.seek_frame(f))
        self._layout()
        env.case_changed.connect(self._case_changed)
        self._adding: dict[int, str] = {}  # task id -> name of the file being added
        env.tasks.task_finished.connect(self._task_finished)
        self.player.view.set_notice(self.tr("Open a video from the list to review it."))
        self.refresh()

    def _layout(self) -> None:
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table, 1)
        column.addLayout(self.action_row)
        column.addWidget(self.message)
        # The files above their notes on the left, the player on the right: three columns
        # side by side do not fit a 1366-pixel screen with the case list shown.
        side = QSplitter(Qt.Orientation.Vertical, self)
        side.setObjectName("videoSideSplitter")
        side.addWidget(left)
        side.addWidget(self.annotations)
        side.setStretchFactor(1, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("videoSplitter")
        splitter.addWidget(side)
        splitter.addWidget(self.player)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([320, 1000])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(splitter)

    # --- the list -------------------------------------------------------------------------
    def _case_changed(self, case_id: int) -> None:
        """Another part of the case changed it (e.g. a still was saved): list again."""
        if case_id == self.case_id:
            self.refresh()

    def refresh(self) -> None:
        ctx, case_id = self.env.ctx, self.case_id
        self.env.tasks.run_read(
            lambda _p: list_case_evidence(ctx, case_id), self._listed, self._failed
        )

    def _listed(self, rows: list[VideoEvidence]) -> None:
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("%n file(s)", "", len(rows)))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(
            EvidenceModel.NAME, QHeaderView.ResizeMode.Stretch
        )

    def add_file(self) -> None:
        ctx, case_id = self.env.ctx, self.case_id
        self.env.tasks.run_read(lambda _p: get_case(ctx, case_id).tz, self._ask_file, self._failed)

    def _ask_file(self, case_tz: str) -> None:
        dialog = AddEvidenceDialog(case_tz, self)
        dialog.accepted.connect(lambda: self.add_evidence(dialog.request()))
        dialog.open()

    def add_evidence(self, request: EvidenceRequest) -> None:
        """Store the file in a cancellable task (copy, hash, index) on the CPU pool; its row is
        committed on the database lane, behind whatever the lane is doing (an import)."""
        ctx, case_id = self.env.ctx, self.case_id

        def work(progress: Progress) -> Callable[[], VideoEvidence]:
            return prepare_evidence(
                ctx,
                case_id,
                request.path,
                EvidenceDetails(
                    request.kind,
                    source=request.source,
                    provided_by=request.provided_by,
                    tz=request.tz,
                ),
                progress=progress,
            )

        self.message.setText(self.tr("Adding %1…").replace("%1", request.path.name))
        task = self.env.tasks.run_cpu(
            work,
            title=self.tr("Adding %1").replace("%1", request.path.name),
            on_done=self._added,
            on_error=self._failed,
            commit=lambda register: register(),
        )
        self._adding[task.task_id] = request.path.name

    def _task_finished(self, task: Task) -> None:
        name = self._adding.pop(task.task_id, None)
        if name is not None and task.progress.cancelled():
            self.message.setText(
                self.tr("Adding %1 was cancelled; nothing was stored.").replace("%1", name)
            )

    def _added(self, added: VideoEvidence) -> None:
        self.message.setText(
            self.tr("%1 added to the case.").replace("%1", added.evidence.original_name)
        )
        self.env.case_changed.emit(self.case_id)  # lists the evidence again, here too
        if added.media is not None:
            self.open_evidence(added.evidence.id)

    # --- the window's record actions (Ins, Del) -------------------------------------------
    def add_record(self) -> None:
        self.add_file()

    def delete_current(self) -> None:
        """Delete the annotation selected in the panel (undoable)."""
        self.annotations.delete_selected()

    # --- opening --------------------------------------------------------------------------
    def _open_index(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        item = self.model.evidence_at(index.row())
        if item.evidence.kind in _PICTURE_KINDS:
            self.open_picture(item.evidence)
            return
        if item.media is None:
            self.message.setText(
                self.tr("%1 is not a video; it is kept as evidence.").replace(
                    "%1", item.evidence.original_name
                )
            )
            return
        self.open_evidence(item.evidence.id)

    def open_picture(self, evidence: EvidenceInfo) -> None:
        """Show a photo or a still (read-only) in the picture area."""
        path = evidence_path(self.env.ctx, evidence)

        def work(_progress: object) -> QImage:
            image = QImage(str(path))
            if image.isNull():
                raise ValidationError(
                    self.tr("%1: not a picture that can be shown").replace(
                        "%1", evidence.original_name
                    )
                )
            return image

        def done(image: QImage) -> None:
            self.player.show_picture(image, evidence.original_name)
            self.annotations.reload()

        self.env.tasks.run_read(work, done, self._failed)

    def open_evidence(self, evidence_id: int) -> None:
        self.open_evidence_at(evidence_id, 0)

    def open_evidence_at(self, evidence_id: int, frame: int) -> None:
        """Open a piece of evidence: a video at `frame`, a photo or still as a picture.

        The timeline opens events here (`evidence:<id>#frame=<n>`).
        """
        ctx, case_id = self.env.ctx, self.case_id

        def work(_progress: object) -> tuple[EvidenceInfo, VideoSource | None, str]:
            info = get_evidence(ctx, evidence_id)
            if info.kind in _PICTURE_KINDS:
                return info, None, ""
            return (
                info,
                open_video(ctx, case_id, evidence_id),
                local_zone(ctx, case_id, evidence_id),
            )

        def done(result: tuple[EvidenceInfo, VideoSource | None, str]) -> None:
            info, source, tz = result
            if source is None:
                self.open_picture(info)
            else:
                self._opened(source, tz, frame)

        self.env.tasks.run_read(work, done, self._failed)

    def _opened(self, source: VideoSource, tz: str, frame: int) -> None:
        self.player.view.set_notice("")
        self.player.open_source(source, tz, min(max(frame, 0), source.index.count - 1))
        self.annotations.reload()
        row = self.model.row_of(source.evidence.id)
        if row is not None:
            self.table.selectRow(row)
        self.message.setText("")

    # --- side by side ---------------------------------------------------------------------
    def compare_selected(self) -> None:
        """The video in the player on the left, the selected one on the right."""
        current = self.player.source
        index = self.table.currentIndex()
        chosen = self.model.evidence_at(index.row()) if index.isValid() else None
        if current is None or chosen is None or chosen.media is None:
            self.message.setText(
                self.tr("Open one video, then select another video to show beside it.")
            )
            return
        if chosen.evidence.id == current.evidence.id:
            self.message.setText(self.tr("Select a different video to show beside this one."))
            return
        ctx, case_id, right_id = self.env.ctx, self.case_id, chosen.evidence.id
        left = current

        def work(_progress: object) -> tuple[VideoSource, VideoSource, str]:
            fresh_left = open_video(ctx, case_id, left.evidence.id)
            return fresh_left, open_video(ctx, case_id, right_id), get_case(ctx, case_id).tz

        self.env.tasks.run_read(work, self._show_pair, self._failed)

    def _show_pair(self, result: tuple[VideoSource, VideoSource, str]) -> SideBySide:
        left, right, tz = result
        window = SideBySide(self.env, self)
        window.resize(1500, 650)
        window.open_pair(left, right, left.evidence.tz or tz, self.player.player.position)
        window.show()
        return window

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, MediaError):
            exc = named(exc, Path(exc.path).name)
        self.message.setText(str(getattr(exc, "message", exc)))
        show_error(self, exc)


def create_tab(env: UiEnv, case_id: int, parent: QWidget | None = None) -> QWidget:
    return VideoTab(env, case_id, parent)
