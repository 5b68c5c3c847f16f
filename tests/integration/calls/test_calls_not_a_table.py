"""A file that is no table (a PDF, text copied out of a PDF, HTML, a picture, an archive) is
refused with exit 2 and "not a CSV/XLSX table"; nothing is stored (issue 11)."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import cv2
import numpy as np
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

OPERATOR_TEXT = """ПАО «МегаФон»   Детализация оказанных услуг связи
Абонент: +7 926 000-00-00   Период: 01.10.2025 - 31.10.2025

Дата и время звонка, номер абонента, услуга, продолжительность и стоимость
указаны ниже, в соответствии с договором, без НДС.
09.10.2025 14:03  Исходящий вызов на номер 79031234567  1:05  0,00
09.10.2025 19:40  Входящий вызов, номер 79161234567, длительность 2:00
Итого: 2 вызова. Справку выдал оператор, дата выдачи 01.11.2025.
"""


def _pdf(path: Path) -> None:
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.drawString(72, 760, "Call detail 09.10.2025 14:03 79031234567 65")
    pdf.save()


def _png(path: Path) -> None:
    ok, data = cv2.imencode(".png", np.zeros((8, 8, 3), np.uint8))
    assert ok
    path.write_bytes(data.tobytes())


def _zip(path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("calls.csv", "start,caller,callee\n")
    path.write_bytes(buffer.getvalue())


def _html(path: Path) -> None:
    path.write_text(
        "<!DOCTYPE html><html><body><table><tr><td>09.10.2025</td><td>7903</td></tr>"
        "</table></body></html>",
        encoding="utf-8",
    )


def _pdf_text(path: Path) -> None:
    path.write_text(OPERATOR_TEXT, encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "make", "what"),
    [
        ("detail.pdf", _pdf, "PDF"),
        ("detail.txt", _pdf_text, "text without columns"),
        ("detail.html", _html, "HTML"),
        ("photo.png", _png, "PNG"),
        ("export.zip", _zip, "ZIP"),
    ],
)
def test_no_table_is_refused_and_nothing_stored(run_cli, tmp_path: Path, name, make, what):
    case = run_cli("case", "new", "--title", "T", "--region", "MSK", "--tz", "Europe/Moscow")
    number = case.json()["number"]
    path = tmp_path / name
    make(path)
    result = run_cli("import", "calls", number, str(path))
    assert result.code == 2, result.err
    error = json.loads(result.out)["error"]
    assert "not a CSV/XLSX table" in error["message"] and what in error["message"]
    assert error["file"] == str(path)
    assert "not a CSV/XLSX table" in result.err
    assert run_cli("evidence", "list", number).json()["evidence"] == []
    assert run_cli("calls", "list", number).json()["calls"] == []
