"""The help window (F1): a short illustrated guide to a first case, and every keyboard shortcut
of the open window, read from its actions and shortcuts (so the list is never out of date).

The guide is HTML in `resources/help/guide_<lang>.html` with its screenshots beside it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.paths import resource_path
from app.ui.i18n import current_language
from app.ui.widgets.screen import resize_within_screen


@dataclass(frozen=True)
class Shortcut:
    keys: str  # as the user's platform writes them
    action: str


def window_shortcuts(window: QWidget) -> list[Shortcut]:
    """Every shortcut the window and its open tabs define: menu actions, tab actions and
    `QShortcut`s (named by their `whatsThis`), once each, in key order."""
    found: dict[tuple[str, str], Shortcut] = {}
    for action in window.findChildren(QAction):
        text = action.text().replace("&", "").rstrip("…").strip()
        for sequence in action.shortcuts():
            keys = sequence.toString(QKeySequence.SequenceFormat.NativeText)
            if keys and text:
                found.setdefault((keys, text), Shortcut(keys, text))
    for shortcut in window.findChildren(QShortcut):
        keys = shortcut.key().toString(QKeySequence.SequenceFormat.NativeText)
        text = shortcut.whatsThis()
        if keys and text:
            found.setdefault((keys, text), Shortcut(keys, text))
    return sorted(found.values(), key=lambda s: (len(s.keys) > 3, s.keys, s.action))


def guide_url(lang: str) -> QUrl:
    return QUrl.fromLocalFile(str(resource_path("help", f"guide_{lang}.html")))


class HelpDialog(QDialog):
    def __init__(self, window: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("helpDialog")
        self.setWindowTitle(self.tr("Casebook help"))
        resize_within_screen(self, 860, 640)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs)

        self.guide = QTextBrowser(self)
        self.guide.setObjectName("helpGuide")
        self.guide.setOpenExternalLinks(False)
        self.guide.setSource(guide_url(current_language()))
        self.tabs.addTab(self.guide, self.tr("First case, step by step"))

        shortcuts = self.shortcuts = window_shortcuts(window)
        self.keys = QTableWidget(len(shortcuts), 2, self)
        self.keys.setObjectName("helpShortcuts")
        self.keys.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        self.keys.verticalHeader().hide()
        self.keys.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, shortcut in enumerate(shortcuts):
            self.keys.setItem(row, 0, QTableWidgetItem(shortcut.keys))
            self.keys.setItem(row, 1, QTableWidgetItem(shortcut.action))
        header = self.keys.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.tabs.addTab(self.keys, self.tr("Keyboard shortcuts"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def shortcut_text(self) -> str:
        """The shortcut list as plain lines (for tests and for copying)."""
        return "\n".join(f"{s.keys}\t{s.action}" for s in self.shortcuts)
