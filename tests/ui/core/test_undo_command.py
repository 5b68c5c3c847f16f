"""The UI's one undo command and the shared record versions (app.ui.widgets.undo)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QUndoStack

from app.domain.errors import Conflict
from app.ui.tasks import SyncTaskRunner
from app.ui.widgets.undo import RecordVersions, ServiceCommand


class Journal:
    def __init__(self) -> None:
        self.calls: list[str] = []
        self.errors: list[BaseException] = []
        self.changed = 0
        self.fail_on: str | None = None

    def work(self, name: str) -> Any:
        def run(_progress: object) -> str:
            self.calls.append(name)
            if name == self.fail_on:
                raise Conflict("changed by someone else")
            return name

        return run

    def command(self, runner: Any, stack: QUndoStack) -> ServiceCommand:
        return ServiceCommand(
            runner,
            stack,
            "Edit",
            self.work("apply"),
            self.work("revert"),
            on_changed=self._changed,
            on_error=self.errors.append,
        )

    def _changed(self) -> None:
        self.changed += 1


@pytest.fixture
def runner(qapp: Any) -> Any:
    tasks = SyncTaskRunner()
    yield tasks
    tasks.deleteLater()


def test_only_a_change_that_succeeded_enters_the_stack(runner: Any) -> None:
    stack, journal = QUndoStack(), Journal()
    journal.fail_on = "apply"
    journal.command(runner, stack).run_first()
    assert stack.count() == 0 and len(journal.errors) == 1 and journal.changed == 0
    journal.fail_on = None
    done: list[Any] = []
    journal.command(runner, stack).run_first(done.append)
    assert stack.count() == 1 and done == ["apply"] and journal.changed == 1
    assert journal.calls == ["apply", "apply"]  # push() did not run the change twice


def test_undo_and_redo_call_the_services_again(runner: Any) -> None:
    stack, journal = QUndoStack(), Journal()
    journal.command(runner, stack).run_first()
    stack.undo()
    stack.redo()
    assert journal.calls == ["apply", "revert", "apply"] and journal.changed == 3


def test_first_run_may_differ_from_redo(runner: Any) -> None:
    stack, journal = QUndoStack(), Journal()
    journal.command(runner, stack).run_first(first=journal.work("create"))
    stack.undo()
    stack.redo()
    assert journal.calls == ["create", "revert", "apply"]


def test_a_failed_step_clears_the_history(runner: Any, qtbot: Any) -> None:
    stack, journal = QUndoStack(), Journal()
    journal.command(runner, stack).run_first()
    journal.command(runner, stack).run_first()
    journal.fail_on = "revert"
    stack.undo()
    assert [type(e) for e in journal.errors] == [Conflict]
    qtbot.waitUntil(lambda: stack.count() == 0)  # cleared once the stack left undo()


def test_record_versions_keep_the_newest() -> None:
    versions = RecordVersions()
    versions.keep("event", 7, 3)
    versions.keep("event", 7, 2)  # a late result never moves the version back
    assert versions.of("event", 7) == 3
    with pytest.raises(KeyError):
        versions.of("event", 8)


def test_tabs_of_one_case_share_its_versions(env: Any) -> None:
    assert env.versions_for(1) is env.versions_for(1)
    assert env.versions_for(1) is not env.versions_for(2)
    env.release_case(1)
    with pytest.raises(KeyError):
        env.versions_for(1).of("case", 1)
