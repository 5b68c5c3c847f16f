"""The dossiers quote the chosen and flagged messages verbatim (police: the sender's number;
management: masked), list the message findings, and the police package holds the export."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pypdf

COURIER, CUSTOMER = "+79161234567", "+79037654321"
SMS = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count=\"3\">\n"
    f'<sms protocol="0" address="{COURIER}" date="1757701805000" type="1" '
    'body="Ты пожалеешь, сука" contact_name="Иван" />\n'
    f'<sms protocol="0" address="{COURIER}" date="1757701900000" type="1" '
    'body="Я знаю, где ты живёшь" contact_name="Иван" />\n'
    f'<sms protocol="0" address="{COURIER}" date="1757702000000" type="1" '
    'body="Привезу заказ завтра" contact_name="Иван" />\n'
    "</smses>\n"
)


def pdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


def test_dossiers_quote_messages_and_package_holds_the_export(run_cli, db_url, tmp_path) -> None:
    def cli(*args: str):
        return run_cli(*args, db_url=db_url)

    number = cli("case", "new", "--title", "SMS", "--region", "MSK", "--tz", "Europe/Moscow")
    number = number.json()["number"]
    cli("party", "add", number, "--role", "complainant", "--name", "Мария", "--phone", CUSTOMER)
    backup = tmp_path / "sms-backup.xml"
    backup.write_text(SMS, encoding="utf-8")
    assert cli("import", "messages", number, str(backup), "--owner", CUSTOMER).code == 0
    plain = cli("messages", "list", number, "--search", "завтра").json()["messages"][0]
    assert cli("messages", "dossier", number, str(plain["id"])).json() == {"changed": 1}

    texts = {}
    for profile in ("police", "management"):
        target = tmp_path / f"{profile}.pdf"
        done = cli("export", "dossier", number, "--profile", profile, "--lang", "ru",
                   "--out", str(target))  # fmt: skip
        assert done.code == 0, done.err
        texts[profile] = pdf_text(target)
    police, management = texts["police"], texts["management"]
    for text in (police, management):
        assert "Переписка" in text
        assert "«Ты пожалеешь, сука»" in text and "«Привезу заказ завтра»" in text
        assert "«Я знаю, где ты живёшь»" in text
        assert "угрозы" in text and "Брань, оскорбления, угрозы в сообщениях" in text
        assert "21:30" in text  # 18:30 UTC in the case's zone
    assert "8 (916) 123-45-67" in police or "+7 916 123-45-67" in police
    assert "123-45-67" not in management and "+7 916 ***-**-67" in management

    package = tmp_path / "package.zip"
    done = cli("export", "package", number, "--profile", "police", "--out", str(package))
    assert done.code == 0, done.err
    with zipfile.ZipFile(package) as archive:
        names = archive.namelist()
        inside = next(n for n in names if n.endswith("sms-backup.xml"))
        assert archive.read(inside).decode("utf-8") == SMS
