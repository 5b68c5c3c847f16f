"""The act of destruction of personal data (акт об уничтожении персональных данных) as PDF,
with the content Roskomnadzor order No. 179 of 28.10.2022 asks of it: the operator, the
subjects (here by case and role: their names are what was destroyed), who destroyed the data
and who confirmed it, the categories of data, the information system, the method, the ground
and the date; with signature lines. Russian and English."""

from __future__ import annotations

import io
import os
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from app.reports.fonts import register_fonts
from app.reports.layout import esc, fmt_time, make_styles, styled_table
from app.reports.model import Lang

RU: dict[str, str] = {
    "title": "АКТ № {number}",
    "subtitle": "об уничтожении персональных данных",
    "operator": "Оператор",
    "system": "Информационная система",
    "system_value": "Casebook — учёт служебных проверок (база данных и хранилище доказательств)",
    "ground": "Основание (причина) уничтожения",
    "method": "Способ уничтожения",
    "method_value": (
        "удаление записей из базы данных без возможности восстановления средствами системы; "
        "удаление файлов доказательств из хранилища (файлы, используемые другими делами, "
        "сохранены)"
    ),
    "planned": "Уничтожение подготовил",
    "confirmed": "Уничтожение подтвердил",
    "executed": "Уничтожение выполнил",
    "date": "Дата уничтожения",
    "cases": "Уничтоженные персональные данные",
    "col_case": "Дело",
    "col_subjects": "Субъекты (по ролям в деле)",
    "col_categories": "Категории персональных данных",
    "col_files": "Файлы",
    "col_retention": "Мера; решение; срок хранения истёк",
    "files": "удалено {erased}, сохранено {kept}",
    "audit": (
        "Записи журнала аудита сохранены: они содержат только маскированные значения и ссылки, "
        "цепочка журнала проверяема."
    ),
    "signatures": "Подписи",
    "sign_line": "________________ / {name} /",
    "none": "—",
    "ground_retention_ended": (
        "достигнута цель обработки, истёк срок хранения после решения по делу "
        "(ч. 7 ст. 21 Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных»)"
    ),
    "m_no_violation": "нарушение не подтвердилось",
    "m_warning": "предупреждение",
    "m_suspension": "отстранение",
    "m_blacklist": "чёрный список",
    "m_termination": "прекращение сотрудничества",
    "m_police_referral": "передано в правоохранительные органы",
}

EN: dict[str, str] = {
    "title": "ACT No. {number}",
    "subtitle": "of destruction of personal data",
    "operator": "Operator",
    "system": "Information system",
    "system_value": "Casebook — investigation case records (database and evidence store)",
    "ground": "Ground (reason) for destruction",
    "method": "Method of destruction",
    "method_value": (
        "deletion of the database records beyond recovery by the system; deletion of the "
        "evidence files from the store (files used by other cases are kept)"
    ),
    "planned": "Prepared by",
    "confirmed": "Confirmed by",
    "executed": "Carried out by",
    "date": "Date of destruction",
    "cases": "Personal data destroyed",
    "col_case": "Case",
    "col_subjects": "Subjects (by role in the case)",
    "col_categories": "Categories of personal data",
    "col_files": "Files",
    "col_retention": "Measure; decision; retention ended",
    "files": "{erased} erased, {kept} kept",
    "audit": (
        "The audit log entries are kept: they hold masked values and references only, and the "
        "chain remains verifiable."
    ),
    "signatures": "Signatures",
    "sign_line": "________________ / {name} /",
    "none": "—",
    "ground_retention_ended": (
        "the purpose of processing is achieved and the retention period after the decision "
        "has ended (Federal Law No. 152-FZ of 27.07.2006 on personal data, art. 21 part 7)"
    ),
    "m_no_violation": "no violation",
    "m_warning": "warning",
    "m_suspension": "suspension",
    "m_blacklist": "blacklist",
    "m_termination": "termination",
    "m_police_referral": "police referral",
}

ROLES = {
    "ru": {
        "complainant": "заявитель",
        "subject": "курьер",
        "supervisor": "супервайзер",
        "witness": "свидетель",
    },
    "en": {},
}

# Tables of a case -> the category of personal data they held.
CATEGORIES = {
    "ru": {
        "parties": "фамилия, имя, отчество; роль; адрес",
        "party_phones": "номера телефонов",
        "orders": "заказы и адреса доставки",
        "calls": "детализация звонков (номера, время, длительность)",
        "call_numbers": "номера телефонов из детализации",
        "statements": "объяснения",
        "evidence": "видеозаписи, фото, документы",
        "manual_events": "записи хронологии",
        "video_annotations": "отметки на видеозаписях",
    },
    "en": {
        "parties": "full name; role; address",
        "party_phones": "phone numbers",
        "orders": "orders and delivery addresses",
        "calls": "call records (numbers, times, durations)",
        "call_numbers": "phone numbers from call records",
        "statements": "statements",
        "evidence": "video, photos, documents",
        "manual_events": "timeline entries",
        "video_annotations": "video annotations",
    },
}


@dataclass(frozen=True)
class ActData:
    number: str
    ground: str
    planned_by: str
    planned_at: datetime
    confirmed_by: str
    confirmed_at: datetime | None
    done_at: datetime | None
    executed_by: str
    cases: list[dict[str, Any]]
    retention: dict[str, Any] = field(default_factory=dict)
    operator: str = ""
    lang: Lang = "ru"
    tz: str = "Europe/Moscow"


def _categories(records: dict[str, int], lang: Lang) -> str:
    names = CATEGORIES[lang]
    found = []
    for table in sorted(records):
        label = names.get(table)
        if label is None and (table.startswith("message") or table.startswith("chat")):
            label = "переписка" if lang == "ru" else "messages"
        if label and label not in found:
            found.append(label)
    return "; ".join(found)


def _retention(kept: dict[str, Any], strings: dict[str, str], data: ActData) -> str:
    measure = str(kept.get("measure") or "")
    parts = [strings.get(f"m_{measure}", measure)]
    for key in ("decided_at", "ends_at"):
        if kept.get(key):
            moment = datetime.fromisoformat(str(kept[key]).replace("Z", "+00:00"))
            parts.append(fmt_time(moment, data.tz, data.lang, seconds=False)[:10])
    return "; ".join(p for p in parts if p)


def build_act(data: ActData) -> bytes:
    strings = RU if data.lang == "ru" else EN
    styles = make_styles(register_fonts())
    lang = data.lang
    story: list[Any] = [
        Paragraph(esc(strings["title"].format(number=data.number)), styles.title),
        Paragraph(esc(strings["subtitle"]), styles.subtitle),
        Spacer(1, 6 * mm),
    ]
    facts = [
        (strings["operator"], data.operator or strings["none"]),
        (strings["system"], strings["system_value"]),
        (strings["ground"], strings.get(f"ground_{data.ground}", data.ground)),
        (strings["method"], strings["method_value"]),
        (strings["planned"], f"{data.planned_by}, {fmt_time(data.planned_at, data.tz, lang)}"),
        (
            strings["confirmed"],
            f"{data.confirmed_by}, {fmt_time(data.confirmed_at, data.tz, lang)}",
        ),
        (strings["executed"], data.executed_by),
        (strings["date"], fmt_time(data.done_at, data.tz, lang)),
    ]
    rows = [[Paragraph(esc(k), styles.cell), Paragraph(esc(v), styles.cell)] for k, v in facts]
    story += [
        styled_table(rows, [55 * mm, 115 * mm], styles.fonts, header=False),
        Spacer(1, 5 * mm),
    ]
    story.append(Paragraph(esc(strings["cases"]), styles.h2))
    roles = ROLES.get(lang, {})
    header = [
        strings["col_case"],
        strings["col_subjects"],
        strings["col_categories"],
        strings["col_retention"],
        strings["col_files"],
    ]
    table_rows: list[list[Any]] = [[Paragraph(esc(h), styles.cell) for h in header]]
    for case in data.cases:
        subjects = ", ".join(
            f"{roles.get(role, role)} ({count})"
            for role, count in sorted(dict(case.get("parties", {})).items())
        )
        retention = _retention(data.retention.get(case["number"], {}), strings, data)
        files = strings["files"].format(
            erased=len(case.get("blobs_erased", [])), kept=len(case.get("blobs_kept", []))
        )
        cells = [
            case["number"],
            subjects or strings["none"],
            _categories(dict(case.get("records", {})), lang) or strings["none"],
            retention or strings["none"],
            files,
        ]
        table_rows.append([Paragraph(esc(c), styles.cell) for c in cells])
    story += [
        styled_table(table_rows, [28 * mm, 32 * mm, 55 * mm, 32 * mm, 23 * mm], styles.fonts),
        Spacer(1, 4 * mm),
        Paragraph(esc(strings["audit"]), styles.small),
        Spacer(1, 8 * mm),
        Paragraph(esc(strings["signatures"]), styles.h2),
    ]
    for role_key, name in (
        ("planned", data.planned_by),
        ("confirmed", data.confirmed_by),
        ("executed", data.executed_by),
    ):
        line = f"{strings[role_key]}: {strings['sign_line'].format(name=name)}"
        story.append(Paragraph(esc(line), styles.body))
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=strings["title"].format(number=data.number),
        author=data.executed_by,
    )
    doc.build(story)
    return buffer.getvalue()


def write_act_pdf(data: ActData, out: Path) -> Path:
    """Build and write atomically (a half-written act never takes the file's place)."""
    pdf = build_act(data)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".act-", suffix=".pdf", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(pdf)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out
