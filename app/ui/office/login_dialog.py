"""Log in to the office server as yourself: login and password of your PostgreSQL role, with
an option to let the OS key store remember the password (Casebook itself stores none)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.office import login


class LoginDialog(QDialog):
    def __init__(self, url: str, problem: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.url = url
        self.setWindowTitle(self.tr("Log in to the office server"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Casebook connects to the office server as your own account; the server "
                "decides which cases you see."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if problem:
            error = QLabel(problem, self)
            error.setObjectName("loginProblem")
            error.setWordWrap(True)
            error.setStyleSheet("color: #b00020")
            layout.addWidget(error)
        form = QFormLayout()
        self.login = QLineEdit(login.url_user(url), self)
        self.login.setObjectName("loginName")
        self.password = QLineEdit(self)
        self.password.setObjectName("loginPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember the password in the system key store"), self)
        form.addRow(self.tr("Login:"), self.login)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow("", self.remember)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.password if self.login.text() else self.login).setFocus()

    def result_url(self) -> str:
        """The server URL with this login and password (kept in memory only)."""
        url = login.url_with_user(self.url, self.login.text().strip())
        password = self.password.text()
        if self.remember.isChecked() and password:
            login.remember(url, password)
        return login.with_password(url, password)


def ask_login(url: str, problem: str, parent: QWidget | None = None) -> str | None:
    """The URL to try next, or None when the user cancelled."""
    dialog = LoginDialog(url, problem, parent)
    return dialog.result_url() if dialog.exec() == QDialog.DialogCode.Accepted else None
