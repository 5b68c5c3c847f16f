"""The installation's Ed25519 key that signs audit checkpoints, kept outside the database.

Where it lives: a key file already made for this installation (owner-only rights), else the
OS key store through `keyring` when it has a usable backend (Windows Credential Manager,
Secret Service, macOS Keychain), else a new key file (mode 0600) beside the data. Whoever holds
the database alone cannot sign a checkpoint; an administrator who also holds this key is caught
by a checkpoint kept elsewhere (a dossier, a checkpoint file, the journal).
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from app.domain.errors import StorageError

KEYRING_SERVICE = "Casebook audit signing key"


@dataclass(frozen=True)
class SigningKey:
    private: Ed25519PrivateKey
    where: str  # "keyring" or the key file's path

    @property
    def public_hex(self) -> str:
        return public_hex(self.private.public_key())

    @property
    def key_id(self) -> str:
        return key_id(self.public_hex)

    def sign(self, message: bytes) -> str:
        return self.private.sign(message).hex()

    def derived_secret(self, label: str) -> bytes:
        """A per-installation secret for `label` (e.g. keyed fingerprints), derived from the
        private key so that there is one secret to keep."""
        raw = self.private.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
        return hashlib.sha256(f"casebook/{label}/1\n".encode() + raw).digest()


def public_hex(key: Ed25519PublicKey) -> str:
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return raw.hex()


def key_id(public: str) -> str:
    """Short name of a public key (16 hex digits of its SHA-256)."""
    return hashlib.sha256(bytes.fromhex(public)).hexdigest()[:16]


def signature_ok(public: str, message: bytes, signature: str) -> bool:
    """True when `signature` (hex) is `public`'s (hex) signature of `message`."""
    try:
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(public))
        key.verify(bytes.fromhex(signature), message)
    except (ValueError, InvalidSignature):
        return False
    return True


def load_or_create(key_file: Path, keyring_user: str) -> SigningKey:
    """The installation's key (see the module docstring for where it is looked for)."""
    if key_file.exists():
        return SigningKey(_read_key_file(key_file), str(key_file))
    store = _usable_keyring()
    if store is not None:
        try:
            stored = store.get_password(KEYRING_SERVICE, keyring_user)
            if stored:
                return SigningKey(_from_pem(stored.encode("ascii"), "the OS key store"), "keyring")
            private = Ed25519PrivateKey.generate()
            store.set_password(KEYRING_SERVICE, keyring_user, _pem(private).decode("ascii"))
            return SigningKey(private, "keyring")
        except Exception:
            pass
    private = Ed25519PrivateKey.generate()
    if not _write_key_file(key_file, private):  # another process made it first: use theirs
        return SigningKey(_read_key_file(key_file), str(key_file))
    return SigningKey(private, str(key_file))


def _usable_keyring() -> Any:
    """The OS key store backend, or None when keyring has no usable one (headless Linux)."""
    try:
        import keyring

        backend = keyring.get_keyring()
        priority = float(getattr(backend, "priority", 0))
    except Exception:
        return None
    return backend if priority > 0 else None


def _pem(private: Ed25519PrivateKey) -> bytes:
    return private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def _from_pem(data: bytes, where: str) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as exc:
        raise StorageError(f"{where}: the audit signing key is not readable") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise StorageError(f"{where}: the audit signing key is not an Ed25519 key")
    return key


def _read_key_file(path: Path) -> Ed25519PrivateKey:
    try:
        mode = path.stat().st_mode
        if os.name == "posix" and mode & (stat.S_IRWXG | stat.S_IRWXO):
            # Others could read it: tighten rather than sign with a key anyone may copy.
            os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
        data = path.read_bytes()
    except OSError as exc:
        raise StorageError(f"{path}: cannot read the audit signing key ({exc.strerror})") from exc
    return _from_pem(data, str(path))


def _write_key_file(path: Path, private: Ed25519PrivateKey) -> bool:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(_pem(private))
            handle.flush()
            os.fsync(handle.fileno())
    except FileExistsError:
        return False
    except OSError as exc:
        raise StorageError(f"{path}: cannot write the audit signing key ({exc.strerror})") from exc
    return True
