"""The login dialog: the person's own login, the password kept in memory only (or in the OS key
store when asked), and which errors mean "ask for a password"."""

from __future__ import annotations

from app.domain.errors import StorageError
from app.services.office import login
from app.ui.office.login_dialog import LoginDialog


def test_login_dialog_builds_the_url_for_that_person(qtbot):
    dialog = LoginDialog(
        "postgresql+psycopg://ivanova@db.office/casebook", "password authentication failed"
    )
    qtbot.addWidget(dialog)
    assert dialog.login.text() == "ivanova"
    dialog.login.setText("petrov")
    dialog.password.setText("s3cret:@/")
    url = dialog.result_url()
    assert url.startswith("postgresql+psycopg://petrov:") and url.endswith("@db.office/casebook")
    assert login.url_user(url) == "petrov"


def test_which_errors_ask_for_a_password():
    asked = StorageError('db: FATAL:  password authentication failed for user "ivanova"')
    assert login.needs_password(asked)
    assert login.needs_password(StorageError("db: fe_sendauth: no password supplied"))
    assert not login.needs_password(StorageError("db: cannot connect to the database server"))
