"""The app's one vocabulary: the English and Russian name of every code the data carries.

One table per enum (case status, measure, role, category, finding, evidence kind, audit action,
...). The screen (`app.ui.labels`), the CLI's human output and the PDF (`app.reports.strings`)
all look names up here, so a thing has one name everywhere: the category the case list shows is
the category the dossier prints, and a detector's result is a "признак нарушения" in Calls, on
the timeline and in the dossier alike — never confused with the investigator's "выводы".
Plain data, no I/O (the domain's rule); a unit test checks every enum member has both names.
"""

from __future__ import annotations

from typing import Literal

Language = Literal["en", "ru"]

# group → code → (English, Russian)
VOCABULARY: dict[str, dict[str, tuple[str, str]]] = {
    "status": {
        "new": ("New", "Новое"),
        "in_progress": ("In progress", "В работе"),
        "awaiting_decision": ("Awaiting decision", "Ожидает решения"),
        "closed": ("Closed", "Закрыто"),
    },
    "measure": {
        "no_violation": ("No violation established", "Нарушение не установлено"),
        "warning": ("Warning", "Предупреждение"),
        "suspension": ("Suspension from delivery", "Отстранение от доставки"),
        "blacklist": ("Blacklist (all services)", "Чёрный список (все сервисы)"),
        "termination": ("Termination of cooperation", "Прекращение сотрудничества"),
        "police_referral": ("Referral to law enforcement", "Передача в правоохранительные органы"),
    },
    "role": {
        "complainant": ("Complainant (customer)", "Заявитель (клиент)"),
        "subject": ("Courier (subject)", "Курьер (проверяемый)"),
        "supervisor": ("Supervisor", "Супервайзер"),
        "witness": ("Witness", "Свидетель"),
        "other": ("Other person", "Иное лицо"),
    },
    "category": {
        "harassment": ("Private messages, insults", "Личные сообщения, оскорбления"),
        "door_visit": ("Aggression at the customer's door", "Агрессия у двери клиента"),
        "repeated_calls": ("Calls from different numbers", "Звонки с разных номеров"),
        "data_misuse": ("Other misuse of order data", "Иное использование данных заказа"),
        "other": ("Other", "Иное"),
    },
    "complaint_source": {
        "support_ticket": ("Support ticket", "Обращение в поддержку"),
        "official_inquiry": ("Official inquiry", "Официальный запрос"),
        "police_request": ("Police request", "Запрос полиции"),
        "other": ("Other source", "Другой источник"),
    },
    "order_event": {
        "assigned": ("Assigned to the courier", "Назначен курьеру"),
        "picked_up": ("Picked up by the courier", "Получен курьером"),
        "delivered": ("Delivered", "Доставлен"),
        "cancelled": ("Cancelled", "Отменён"),
        "slot": ("Delivery slot", "Интервал доставки"),
    },
    "finding": {
        "after_delivery_contact": (
            "Contact after the order was closed",
            "Контакт после закрытия заказа",
        ),
        "masking_bypass": (
            "Direct calls bypassing the number masking",
            "Прямые звонки в обход подменного номера",
        ),
        "multiple_numbers": ("Calls from different numbers", "Звонки с разных номеров"),
        "night_contact": ("Calls at night", "Звонки в ночное время"),
        "call_burst": ("Bursts of calls", "Серии звонков"),
        "message_private_contact": (
            "Courier's private messages after delivery",
            "Личная переписка курьера после доставки",
        ),
        "message_new_numbers": ("Messages from new numbers", "Сообщения с новых номеров"),
        "message_night": ("Messages at night", "Сообщения в ночное время"),
        "message_abuse": (
            "Obscenities, insults, threats in messages",
            "Брань, оскорбления, угрозы в сообщениях",
        ),
    },
    "abuse": {
        "obscene": ("Obscenities", "Нецензурная брань"),
        "insult": ("Insults", "Оскорбления"),
        "threat": ("Threats", "Угрозы"),
    },
    "severity": {
        "high": ("High", "Высокая"),
        "medium": ("Medium", "Средняя"),
        "low": ("Low", "Низкая"),
    },
    "call_status": {
        "answered": ("Answered", "Принят"),
        "missed": ("Missed", "Пропущен"),
    },
    "direction": {
        "in": ("Inbound", "Входящий"),
        "out": ("Outbound", "Исходящий"),
        "internal": ("Internal", "Внутренний"),
    },
    "evidence": {
        "dashcam": ("Dash-cam", "Видеорегистратор"),
        "cctv": ("Territory CCTV", "Камера на территории"),
        "photo": ("Photo", "Фото"),
        "document": ("Document", "Документ"),
        "statement": ("Statement scan", "Скан объяснения"),
        "audio": ("Audio", "Аудио"),
        "calllog": ("Call log", "Журнал звонков"),
        "chat": ("Chat export", "Выгрузка переписки"),
        "still": ("Still", "Кадр"),
        "dossier": ("Dossier", "Досье"),
        "other": ("Other", "Иное"),
    },
    "event": {
        "order": ("Order", "Заказ"),
        "call": ("Call", "Звонок"),
        "message": ("Message", "Сообщение"),
        "annotation": ("Video note", "Отметка на видео"),
        "still": ("Still", "Кадр"),
        "statement": ("Statement", "Объяснение"),
        "statement_claim": ("Time claimed in a statement", "Время из объяснения"),
        "manual": ("Investigator's event", "Событие от проверяющего"),
        "finding": ("Finding", "Признак нарушения"),
        "milestone": ("Case milestone", "Этап дела"),
    },
    "events": {  # the same kinds as lanes and legend entries
        "order": ("Orders", "Заказы"),
        "call": ("Calls", "Звонки"),
        "message": ("Messages", "Сообщения"),
        "annotation": ("Video notes", "Отметки на видео"),
        "still": ("Stills", "Кадры"),
        "statement": ("Statements", "Объяснения"),
        "statement_claim": ("Times from statements", "Время из объяснений"),
        "manual": ("Investigator's events", "События от проверяющего"),
        "finding": ("Findings", "Признаки нарушений"),
        "milestone": ("Case milestones", "Этапы дела"),
    },
    "source": {  # where a timeline event comes from
        "case": ("Case", "Дело"),
        "calls": ("Call log", "Журнал звонков"),
        "orders": ("Order system", "Система заказов"),
        "messages": ("Messages", "Переписка"),
        "statements": ("Statements", "Объяснения"),
        "manual": ("Investigator", "Проверяющий"),
        "analysis": ("Call analysis", "Анализ звонков"),
        "video": ("Video", "Видео"),
    },
    "milestone": {
        "received": ("Complaint received", "Поступило обращение"),
        "opened": ("Case opened", "Открыто дело"),
        "decided": ("Decision taken", "Принято решение"),
    },
    "audit_action": {
        "create": ("Created", "Создание"),
        "update": ("Changed", "Изменение"),
        "delete": ("Deleted", "Удаление"),
        "restore": ("Restored", "Восстановление"),
        "reveal": ("Personal data revealed", "Раскрытие персональных данных"),
        "export": ("Exported", "Выгрузка"),
        "import": ("Imported", "Импорт"),
        "calibrate": ("Camera clock calibrated", "Калибровка часов камеры"),
        "scan": ("Video scanned for activity", "Поиск движения на видео"),
        "confirm": ("Confirmed", "Подтверждение"),
        "destroy": ("Personal data destroyed", "Уничтожение персональных данных"),
        "execute": ("Carried out", "Исполнение"),
        "init": ("Set up", "Настройка"),
        "plan": ("Planned", "Планирование"),
        "propose": ("Measure proposed", "Предложение меры"),
        "approve": ("Measure approved", "Утверждение меры"),
        "return": ("Returned for more work", "Возврат на доработку"),
        "repair": ("Stored file repaired", "Восстановление файла хранилища"),
        "search": ("Searched by phone digits", "Поиск по цифрам телефона"),
    },
    "audit_entity": {
        "case": ("Case", "Дело"),
        "party": ("Party", "Участник"),
        "order": ("Order", "Заказ"),
        "orders": ("Orders", "Заказы"),
        "statement": ("Statement", "Объяснение"),
        "event": ("Event", "Событие"),
        "blacklist": ("Blacklist entry", "Запись чёрного списка"),
        "evidence": ("Evidence", "Доказательство"),
        "calls": ("Calls", "Звонки"),
        "call_batch": ("Call log import", "Загрузка журнала звонков"),
        "call_settings": ("Call analysis settings", "Настройки анализа звонков"),
        "annotation": ("Video note", "Отметка на видео"),
        "video_media": ("Video file", "Видеофайл"),
        "video_clock": ("Camera clock", "Часы камеры"),
        "video_activity": ("Video activity", "Движение на видео"),
        "timeline": ("Timeline", "Хронология"),
        "timeline_dossier": ("Timeline events in the dossier", "События хронологии в досье"),
        "dossier": ("Dossier", "Досье"),
        "dossier_preview": ("Dossier preview", "Просмотр досье"),
        "package": ("Evidence package", "Пакет доказательств"),
        "messages": ("Messages", "Переписка"),
        "account": ("Account", "Учётная запись"),
        "decision": ("Decision", "Решение"),
        "destruction_task": ("Destruction of personal data", "Уничтожение персональных данных"),
        "office": ("Office", "Офис"),
        "office_setting": ("Office setting", "Настройка офиса"),
        "cases": ("Cases", "Дела"),
        "evidence_blob": ("Stored file", "Файл хранилища"),
        "evidence_store": ("Evidence store", "Хранилище доказательств"),
        "dossier_file": ("Dossier file", "Файл досье"),
        "package_file": ("Evidence package file", "Файл пакета доказательств"),
        "message_batch": ("Chat export import", "Загрузка переписки"),
        "message_sender": ("Chat sender", "Отправитель в переписке"),
    },
    "step": {  # the steps of a decision (the investigator proposes, the manager approves)
        "propose": ("Proposed", "Предложено"),
        "approve": ("Approved", "Утверждено"),
        "return": ("Returned for more work", "Возвращено на доработку"),
    },
    "term": {  # words that name a whole kind of result, used as headings everywhere
        "findings": ("Findings", "Признаки нарушений"),
        "conclusions": ("Investigator's conclusions", "Выводы проверяющего"),
        "allegation": ("The complaint", "Суть обращения"),
        "facts": ("Facts established", "Установленные обстоятельства"),
        "undecided": ("Not decided", "Не решено"),
    },
}


def name(group: str, code: str | None, lang: Language) -> str:
    """The name of `code` in `group` in `lang`; a code this table does not know prints as is
    (a feature that adds codes adds its names here)."""
    if not code:
        return ""
    names = VOCABULARY.get(group, {}).get(code)
    if names is None:
        return code
    return names[0] if lang == "en" else names[1]


def codes(group: str) -> tuple[str, ...]:
    """The codes a group names, in table order (for combo boxes and legends)."""
    return tuple(VOCABULARY[group])


def inline(text: str) -> str:
    """A name as it reads inside a sentence: "Order 7: delivered", "заказ 7: доставлен"."""
    return text[:1].lower() + text[1:]


def call_title(title: str, lang: Language) -> str:
    """A timeline call title `A → B (missed)` with its status code named in `lang` (the
    timeline service writes the code: a million calls are not titled twice)."""
    head, sep, code = title.removesuffix(")").rpartition(" (")
    if not sep or not title.endswith(")"):
        return title
    return f"{head} ({inline(name('call_status', code, lang))})"
