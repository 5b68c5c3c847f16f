"""Logging in to an office server: the person's own PostgreSQL role. Casebook stores no
password; libpq finds it in PGPASSWORD or ~/.pgpass, the server may use Kerberos/SSPI/peer,
the login dialog asks for it, and on request the OS key store (keyring) remembers it."""

from __future__ import annotations

from app.domain.errors import CasebookError
from app.storage.db import url_user, url_with_password, url_with_user, url_without_password

SERVICE = "Casebook office server"

__all__ = [
    "needs_password",
    "remember",
    "remembered",
    "url_user",
    "url_with_user",
    "with_password",
]


def needs_password(exc: CasebookError) -> bool:
    """The server asked for a password (or refused the one given)."""
    text = exc.message.lower()
    return "password" in text and ("authentication failed" in text or "no password" in text)


def _key(url: str) -> str:
    return url_without_password(url)


def remembered(url: str) -> str | None:
    """The password the OS key store keeps for this server and login, if any."""
    try:
        import keyring

        return keyring.get_password(SERVICE, _key(url))
    except Exception:  # no key store on this machine (or locked): ask instead
        return None


def remember(url: str, password: str) -> bool:
    """Keep the password in the OS key store; False when there is none."""
    try:
        import keyring

        keyring.set_password(SERVICE, _key(url), password)
        return True
    except Exception:
        return False


def with_password(url: str, password: str | None) -> str:
    return url_with_password(url, password) if password else url
