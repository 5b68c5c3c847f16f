"""Where the audit signing key lives: the OS key store when `keyring` has a usable backend
(here an in-memory backend registered through keyring's own API), else an owner-only key file;
a broken key file is a clear error."""

from __future__ import annotations

import keyring
import keyring.backend
import pytest

from app.domain.errors import StorageError
from app.storage import audit_key


class MemoryKeyring(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.values.get((service, username))

    def set_password(self, service, username, password):
        self.values[(service, username)] = password

    def delete_password(self, service, username):
        self.values.pop((service, username), None)


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    store = MemoryKeyring()
    keyring.set_keyring(store)
    try:
        yield store
    finally:
        keyring.set_keyring(previous)


def test_the_os_key_store_is_used_when_it_has_a_backend(memory_keyring, tmp_path):
    key_file = tmp_path / "audit-signing.key"
    first = audit_key.load_or_create(key_file, "/data")
    again = audit_key.load_or_create(key_file, "/data")
    assert first.where == "keyring" and again.key_id == first.key_id
    assert not key_file.exists()
    assert (audit_key.KEYRING_SERVICE, "/data") in memory_keyring.values


def test_without_a_key_store_a_key_file_is_made_owner_only(tmp_path):
    key_file = tmp_path / "audit-signing.key"
    first = audit_key.load_or_create(key_file, "/data")
    assert first.where == str(key_file) and key_file.stat().st_mode & 0o777 == 0o600
    assert audit_key.load_or_create(key_file, "/data").key_id == first.key_id


def test_signatures_verify_and_forgeries_do_not(tmp_path):
    key = audit_key.load_or_create(tmp_path / "k", "/data")
    signature = key.sign(b"entry 5")
    assert audit_key.signature_ok(key.public_hex, b"entry 5", signature)
    assert not audit_key.signature_ok(key.public_hex, b"entry 6", signature)
    assert not audit_key.signature_ok(key.public_hex, b"entry 5", "00" * 64)


def test_a_damaged_key_file_is_a_clear_error(tmp_path):
    key_file = tmp_path / "audit-signing.key"
    key_file.write_text("not a key")
    with pytest.raises(StorageError, match="not readable"):
        audit_key.load_or_create(key_file, "/data")
