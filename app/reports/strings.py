"""Russian and English texts of the dossier and the evidence package note.

Both tables hold the same keys (a unit test checks); codes that come from the data (roles,
measures, finding kinds, evidence kinds) are looked up with `label()`, which falls back to the
code itself for a value this table does not know yet.
"""

from __future__ import annotations

from app.domain.clock import offset_parts
from app.reports.model import Lang

RU: dict[str, str] = {
    "doc_title": "Материалы служебной проверки",
    "doc_subject_police": "Материалы для правоохранительных органов",
    "doc_subject_management": "Материалы для регионального руководства",
    "case_no": "Дело № {number}",
    "confidential_police": "Конфиденциально. Содержит персональные данные",
    "confidential_management": "Для служебного пользования. Персональные данные скрыты",
    "page_of": "Страница {page} из ",
    "addressee": "Адресат",
    "addressee_management": "Региональному руководству",
    "cover_prepared": "Подготовлено",
    "cover_investigator": "Проверку проводил",
    "cover_category": "Категория",
    "cover_region": "Регион",
    "cover_received": "Обращение поступило",
    "cover_status": "Статус",
    "cover_zone": "Время указано в часовом поясе",
    "cover_audit": "Журнал аудита на момент выгрузки",
    "toc": "Содержание",
    "sec_facts": "Установленные обстоятельства",
    "sec_summary": "Краткое изложение",
    "sec_measure": "Предлагаемая мера",
    "sec_parties": "Участники",
    "sec_timeline": "Хронология событий",
    "sec_findings": "Выводы",
    "sec_statistics": "Статистика звонков",
    "sec_stills": "Кадры из видеозаписей",
    "sec_statements": "Объяснения",
    "sec_messages": "Переписка",
    "messages_intro": (
        "Сообщения, отобранные следователем или отмеченные как содержащие нецензурную брань, "
        "оскорбления или угрозы, приведены дословно, с отправителем и временем ({tz})."
    ),
    "messages_intro_masked": (
        "Сообщения, отобранные следователем или отмеченные как содержащие нецензурную брань, "
        "оскорбления или угрозы, приведены дословно; номера телефонов скрыты ({tz})."
    ),
    "col_sender": "Отправитель",
    "col_message": "Текст сообщения",
    "quote_screenshot": "распознано со скриншота",
    "sec_corrections": "Поправки часов камер",
    "sec_evidence": "Перечень доказательств",
    "sec_calls": "Приложение. Журнал звонков",
    "sec_about": "О документе",
    "sec_signature": "Подпись",
    "none": "Нет данных.",
    "none_selected": "Не выбрано ни одного элемента.",
    "col_no": "№",
    "col_time": "Время",
    "col_kind": "Вид",
    "col_source": "Источник",
    "col_description": "Описание",
    "col_role": "Роль",
    "col_name": "ФИО",
    "col_phones": "Телефоны",
    "col_address": "Адрес",
    "col_details": "Сведения",
    "col_caller": "Кто звонил",
    "col_callee": "Кому",
    "col_via": "Через номер",
    "col_duration": "Длит.",
    "col_answered": "Ответ",
    "col_order": "Заказ",
    "col_file": "Файл",
    "col_size": "Размер",
    "col_sha256": "SHA-256",
    "col_acquired": "Получен",
    "col_offset": "Смещение, с",
    "col_drift": "Дрейф, ppm",
    "col_method": "Как установлено",
    "col_count": "Кол-во",
    "col_number": "Номер",
    "col_figure": "Показатель",
    "col_value": "Значение",
    "col_step": "Решение",
    "col_who": "Кто",
    "col_comment": "Комментарий",
    "decision_steps": "Ход решения (предлагает проверяющий, утверждает руководитель региона):",
    "yes": "да",
    "no": "нет",
    "direct": "напрямую",
    "courier_id": "ID курьера",
    "supervisor": "Супервайзер",
    "corrected_mark": "* время исправлено поправкой часов камеры",
    "finding_calls": "Звонки, на которых основан вывод ({count})",
    "finding_calls_more": "... и ещё {count}; полный список в приложении.",
    "finding_calls_more_short": "... и ещё {count}.",
    "severity": "Значимость",
    "correction_point": "Кадр {frame}: часы камеры {camera} = точное время {true}. {note}",
    "correction_shared": "Поправка той же камеры, установленная по файлу {source}",
    "clock_fast": "Часы камеры спешили на {amount}.",
    "clock_slow": "Часы камеры отставали на {amount}.",
    "clock_right": "Часы камеры шли верно.",
    "clock_units": "{h} ч|{m} мин|{s} с",
    "origin_manual": "Время начала записи по часам камеры введено следователем.",
    "origin_container": "Время начала записи по часам камеры взято из метаданных файла.",
    "origin_filename": "Время начала записи по часам камеры взято из имени файла регистратора.",
    "origin_overlay": "Показания часов камеры прочитаны с кадра.",
    "origin_calibration": (
        "Показания часов камеры неизвестны: смещение принято равным нулю в точке калибровки."
    ),
    "still_caption": "Кадр {index}. {caption}",
    "still_source": "Источник: {source}",
    "still_frame": "кадр видео № {frame}",
    "still_time": "время: {time}",
    "still_camera_time": "по часам камеры: {time}",
    "still_true_time": "точное время: {time}",
    "still_no_time": "время не установлено (часы камеры не откалиброваны)",
    "warn_still_time": "Время кадра «{name}» не установлено: часы камеры не откалиброваны.",
    "still_faces": "Лица людей, не являющихся участниками, размыты.",
    "still_regions": "Отмеченные области размыты.",
    "still_no_detector": (
        "Автоматическое размытие лиц недоступно в этой установке: размыты только отмеченные "
        "области. Проверьте кадр перед передачей."
    ),
    "still_hash": "SHA-256 исходного кадра: {sha}",
    "statement_taken": "Принято: {who}, {time}",
    "statement_scan": "Подписанная копия, SHA-256: {sha}",
    "stat_total": "Всего звонков",
    "stat_answered": "Отвечено",
    "stat_distinct": "Разных номеров",
    "stat_duration": "Общая длительность",
    "stat_period": "Период",
    "stat_by_finding": "Звонков по выводам",
    "stat_top": "Номера с наибольшим числом звонков",
    "evidence_intro": (
        "Каждый файл можно проверить без Casebook: его SHA-256 (например, командой "
        "sha256sum в Linux или certutil -hashfile ФАЙЛ SHA256 в Windows) должен совпасть "
        "с приведённым здесь значением."
    ),
    "calls_intro": (
        "Звонки с номеров участников и на них, а также звонки, на которых основаны выводы: "
        "{count} записей, по времени начала."
    ),
    "about_generated": "Документ сформирован: {time}",
    "about_profile": "Профиль выгрузки: {profile}",
    "about_audit": (
        "Последняя запись журнала аудита (вершина цепочки хешей, записей: {count}): {head}"
    ),
    "about_audit_note": (
        "Журнал аудита Casebook связан цепочкой хешей: любое изменение прошлой записи меняет "
        "вершину цепочки. Выгрузка этого документа также записана в журнал."
    ),
    "profile_police": "для правоохранительных органов",
    "profile_management": "для регионального руководства",
    "sign_text": "Материалы подготовил",
    "sign_position": "(должность)",
    "sign_signature": "(подпись)",
    "sign_name": "(фамилия, инициалы)",
    "sign_date": "Дата",
    "minutes": "{m} мин {s} с",
    "seconds": "{s} с",
    "bytes": "{n} Б",
    "kib": "{n} КБ",
    "mib": "{n} МБ",
    "package_note": (
        "Пакет доказательств по делу {number}\n"
        "Сформирован: {time}\n\n"
        "Файл manifest.txt содержит SHA-256 каждого файла пакета в формате sha256sum.\n"
        "Проверка без Casebook:\n"
        "  Linux:   распакуйте архив, перейдите в папку и выполните\n"
        "           sha256sum -c manifest.txt\n"
        "           каждая строка должна заканчиваться на OK.\n"
        "  Windows: certutil -hashfile ИМЯ_ФАЙЛА SHA256 для каждого файла и сравнение\n"
        "           с manifest.txt.\n"
        "Проверка в Casebook: casebook verify-package ИМЯ_ПАКЕТА.zip\n"
        "SHA-256 самого досье также указан в журнале аудита Casebook.\n"
    ),
}

EN: dict[str, str] = {
    "doc_title": "Internal investigation dossier",
    "doc_subject_police": "Materials for law enforcement",
    "doc_subject_management": "Materials for regional management",
    "case_no": "Case No. {number}",
    "confidential_police": "Confidential. Contains personal data",
    "confidential_management": "For internal use. Personal data masked",
    "page_of": "Page {page} of ",
    "addressee": "To",
    "addressee_management": "Regional management",
    "cover_prepared": "Prepared",
    "cover_investigator": "Investigator",
    "cover_category": "Category",
    "cover_region": "Region",
    "cover_received": "Complaint received",
    "cover_status": "Status",
    "cover_zone": "Times are given in the time zone",
    "cover_audit": "Audit log at export",
    "toc": "Contents",
    "sec_facts": "Facts established",
    "sec_summary": "Summary",
    "sec_measure": "Measure proposed",
    "sec_parties": "Parties",
    "sec_timeline": "Timeline of events",
    "sec_findings": "Findings",
    "sec_statistics": "Call statistics",
    "sec_stills": "Video stills",
    "sec_statements": "Statements",
    "sec_messages": "Messages",
    "messages_intro": (
        "Messages chosen by the investigator or flagged for obscenities, insults or threats, "
        "quoted verbatim with their sender and time ({tz})."
    ),
    "messages_intro_masked": (
        "Messages chosen by the investigator or flagged for obscenities, insults or threats, "
        "quoted verbatim; phone numbers masked ({tz})."
    ),
    "col_sender": "Sender",
    "col_message": "Message",
    "quote_screenshot": "read from a screenshot",
    "sec_corrections": "Camera clock corrections",
    "sec_evidence": "List of evidence",
    "sec_calls": "Annex. Call log",
    "sec_about": "About this document",
    "sec_signature": "Signature",
    "none": "No data.",
    "none_selected": "Nothing was selected.",
    "col_no": "No.",
    "col_time": "Time",
    "col_kind": "Kind",
    "col_source": "Source",
    "col_description": "Description",
    "col_role": "Role",
    "col_name": "Name",
    "col_phones": "Phones",
    "col_address": "Address",
    "col_details": "Details",
    "col_caller": "Caller",
    "col_callee": "Callee",
    "col_via": "Via number",
    "col_duration": "Dur.",
    "col_answered": "Answered",
    "col_order": "Order",
    "col_file": "File",
    "col_size": "Size",
    "col_sha256": "SHA-256",
    "col_acquired": "Acquired",
    "col_offset": "Offset, s",
    "col_drift": "Drift, ppm",
    "col_method": "How established",
    "col_count": "Count",
    "col_number": "Number",
    "col_figure": "Figure",
    "col_value": "Value",
    "col_step": "Step",
    "col_who": "By",
    "col_comment": "Comment",
    "decision_steps": "Decision steps (the investigator proposes, the regional manager approves):",
    "yes": "yes",
    "no": "no",
    "direct": "direct",
    "courier_id": "Courier ID",
    "supervisor": "Supervisor",
    "corrected_mark": "* time corrected for the camera clock",
    "finding_calls": "Calls this finding rests on ({count})",
    "finding_calls_more": "... and {count} more; the full list is in the annex.",
    "finding_calls_more_short": "... and {count} more.",
    "severity": "Severity",
    "correction_point": "Frame {frame}: camera clock {camera} = true time {true}. {note}",
    "correction_shared": "The same camera's correction, established on file {source}",
    "clock_fast": "The camera's clock was {amount} fast.",
    "clock_slow": "The camera's clock was {amount} slow.",
    "clock_right": "The camera's clock was right.",
    "clock_units": "{h} h|{m} min|{s} s",
    "origin_manual": (
        "The camera's clock at the start of the recording was entered by the investigator."
    ),
    "origin_container": (
        "The camera's clock at the start of the recording is the file's creation time."
    ),
    "origin_filename": (
        "The camera's clock at the start of the recording is taken from the dash-cam's file name."
    ),
    "origin_overlay": "The camera's clock was read off the frame.",
    "origin_calibration": (
        "The camera's clock reading is unknown: the offset "
        "is taken as zero at the calibration point."
    ),
    "still_caption": "Still {index}. {caption}",
    "still_source": "Source: {source}",
    "still_frame": "video frame {frame}",
    "still_time": "time: {time}",
    "still_camera_time": "camera clock: {time}",
    "still_true_time": "true time: {time}",
    "still_no_time": "time not established (the camera's clock is not calibrated)",
    "warn_still_time": 'The time of still "{name}" is not established: '
    "the camera's clock is not calibrated.",
    "still_faces": "Faces of people who are not parties are blurred.",
    "still_regions": "Marked regions are blurred.",
    "still_no_detector": (
        "Automatic face blurring is not available in this installation: only marked regions "
        "are blurred. Check the still before passing it on."
    ),
    "still_hash": "SHA-256 of the original still: {sha}",
    "statement_taken": "Taken by {who}, {time}",
    "statement_scan": "Signed copy, SHA-256: {sha}",
    "stat_total": "Calls in total",
    "stat_answered": "Answered",
    "stat_distinct": "Distinct numbers",
    "stat_duration": "Total duration",
    "stat_period": "Period",
    "stat_by_finding": "Calls per finding",
    "stat_top": "Numbers with the most calls",
    "evidence_intro": (
        "Each file can be checked without Casebook: its SHA-256 (for example sha256sum on "
        "Linux or certutil -hashfile FILE SHA256 on Windows) must equal the value given here."
    ),
    "calls_intro": (
        "Calls from and to the parties' numbers, and the calls the findings rest on: "
        "{count} records, by start time."
    ),
    "about_generated": "Document generated: {time}",
    "about_profile": "Export profile: {profile}",
    "about_audit": "Last audit log entry (head of the hash chain, {count} entries): {head}",
    "about_audit_note": (
        "Casebook's audit log is a hash chain: changing any past entry changes the head of "
        "the chain. The export of this document is recorded in the log as well."
    ),
    "profile_police": "for law enforcement",
    "profile_management": "for regional management",
    "sign_text": "Prepared by",
    "sign_position": "(position)",
    "sign_signature": "(signature)",
    "sign_name": "(name)",
    "sign_date": "Date",
    "minutes": "{m} min {s} s",
    "seconds": "{s} s",
    "bytes": "{n} B",
    "kib": "{n} KiB",
    "mib": "{n} MiB",
    "package_note": (
        "Evidence package of case {number}\n"
        "Generated: {time}\n\n"
        "manifest.txt holds the SHA-256 of every file of the package in sha256sum format.\n"
        "To verify without Casebook:\n"
        "  Linux:   unpack the archive, change into its folder and run\n"
        "           sha256sum -c manifest.txt\n"
        "           every line must end in OK.\n"
        "  Windows: certutil -hashfile FILE SHA256 for each file, compared with\n"
        "           manifest.txt.\n"
        "To verify with Casebook: casebook verify-package PACKAGE.zip\n"
        "The dossier's own SHA-256 is also recorded in Casebook's audit log.\n"
    ),
}

# Labels of codes coming from the data; an unknown code prints as itself.
LABELS: dict[str, dict[str, str]] = {
    "ru": {
        "role.complainant": "Заявитель (клиент)",
        "role.subject": "Курьер",
        "role.witness": "Свидетель",
        "role.supervisor": "Супервайзер",
        "role.other": "Иное лицо",
        "measure.no_violation": "Нарушение не установлено",
        "measure.warning": "Предупреждение",
        "measure.suspension": "Отстранение от доставки",
        "measure.blacklist": "Чёрный список (все сервисы)",
        "measure.termination": "Прекращение сотрудничества",
        "measure.police_referral": "Передача материалов в правоохранительные органы",
        "step.propose": "Предложено",
        "step.approve": "Утверждено",
        "step.return": "Возвращено на доработку",
        "finding.after_delivery_contact": "Контакт после доставки заказа",
        "finding.masking_bypass": "Прямые звонки в обход подменного номера",
        "finding.multiple_numbers": "Звонки с многих номеров",
        "finding.night_contact": "Звонки в ночное время",
        "finding.call_burst": "Серии звонков",
        "finding.message_private_contact": "Личная переписка курьера после доставки",
        "finding.message_new_numbers": "Сообщения с новых номеров",
        "finding.message_night": "Сообщения в ночное время",
        "finding.message_abuse": "Брань, оскорбления, угрозы в сообщениях",
        "abuse.obscene": "нецензурная брань",
        "abuse.insult": "оскорбления",
        "abuse.threat": "угрозы",
        "severity.high": "высокая",
        "severity.medium": "средняя",
        "severity.low": "низкая",
        "evidence.dashcam": "видеорегистратор",
        "evidence.cctv": "камера на территории",
        "evidence.photo": "фото",
        "evidence.document": "документ",
        "evidence.statement": "объяснение",
        "evidence.audio": "аудио",
        "evidence.calllog": "журнал звонков",
        "evidence.chat": "выгрузка переписки",
        "evidence.still": "кадр",
        "evidence.dossier": "досье",
        "evidence.other": "иное",
        "status.new": "новое",
        "status.in_progress": "в работе",
        "status.awaiting_decision": "ожидает решения",
        "status.closed": "закрыто",
        "category.harassment": "Личные сообщения, оскорбления",
        "category.door_visit": "Агрессия у двери клиента",
        "category.repeated_calls": "Звонки с разных номеров",
        "category.data_misuse": "Иное использование персональных данных",
        "category.other": "Иное",
        "order.assigned": "заказ назначен курьеру",
        "order.picked_up": "заказ получен курьером",
        "order.delivered": "заказ доставлен",
        "order.cancelled": "заказ отменён",
        "order.slot": "интервал доставки",
        "milestone.received": "Поступило обращение",
        "milestone.opened": "Открыто дело",
        "milestone.decided": "Принято решение",
        "source.case": "дело",
        "source.calls": "журнал звонков",
        "source.messages": "переписка",
        "source.orders": "система заказов",
        "source.statements": "объяснения",
        "source.manual": "отметка следователя",
        "event.annotation": "отметка на видео",
        "event.still": "кадр",
        "event.statement_claim": "из объяснения",
        "event.finding": "вывод",
        "event.milestone": "дело",
        "event.call": "звонок",
        "event.message": "сообщение",
        "event.order": "заказ",
        "event.video": "видео",
        "event.statement": "объяснение",
        "event.manual": "отметка",
    },
    "en": {
        "role.complainant": "Complainant (customer)",
        "role.subject": "Courier",
        "role.witness": "Witness",
        "role.supervisor": "Supervisor",
        "role.other": "Other person",
        "measure.no_violation": "No violation established",
        "measure.warning": "Warning",
        "measure.suspension": "Suspension from delivery",
        "measure.blacklist": "Blacklist (all services)",
        "measure.termination": "Termination of cooperation",
        "measure.police_referral": "Referral to law enforcement",
        "step.propose": "Proposed",
        "step.approve": "Approved",
        "step.return": "Returned for more work",
        "finding.after_delivery_contact": "Contact after the order was delivered",
        "finding.masking_bypass": "Direct calls bypassing the number masking",
        "finding.multiple_numbers": "Calls from many numbers",
        "finding.night_contact": "Calls at night",
        "finding.call_burst": "Bursts of calls",
        "finding.message_private_contact": "Courier's private messages after delivery",
        "finding.message_new_numbers": "Messages from new numbers",
        "finding.message_night": "Messages at night",
        "finding.message_abuse": "Obscenities, insults, threats in messages",
        "abuse.obscene": "obscenities",
        "abuse.insult": "insults",
        "abuse.threat": "threats",
        "severity.high": "high",
        "severity.medium": "medium",
        "severity.low": "low",
        "evidence.dashcam": "dash-cam",
        "evidence.cctv": "territory CCTV",
        "evidence.photo": "photo",
        "evidence.document": "document",
        "evidence.statement": "statement",
        "evidence.audio": "audio",
        "evidence.calllog": "call log",
        "evidence.chat": "chat export",
        "evidence.still": "still",
        "evidence.dossier": "dossier",
        "evidence.other": "other",
        "status.new": "new",
        "status.in_progress": "in progress",
        "status.awaiting_decision": "awaiting decision",
        "status.closed": "closed",
        "category.harassment": "Private messages, insults",
        "category.door_visit": "Aggression at the customer's door",
        "category.repeated_calls": "Calls from many numbers",
        "category.data_misuse": "Other misuse of personal data",
        "category.other": "Other",
        "order.assigned": "order assigned to the courier",
        "order.picked_up": "order picked up by the courier",
        "order.delivered": "order delivered",
        "order.cancelled": "order cancelled",
        "order.slot": "delivery slot",
        "milestone.received": "Complaint received",
        "milestone.opened": "Case opened",
        "milestone.decided": "Decision taken",
        "source.case": "case",
        "source.calls": "call log",
        "source.messages": "messages",
        "source.orders": "order system",
        "source.statements": "statements",
        "source.manual": "investigator's note",
        "event.annotation": "video mark",
        "event.still": "still",
        "event.statement_claim": "from a statement",
        "event.finding": "finding",
        "event.milestone": "case",
        "event.call": "call",
        "event.message": "message",
        "event.order": "order",
        "event.video": "video",
        "event.statement": "statement",
        "event.manual": "note",
    },
}

TABLES: dict[str, dict[str, str]] = {"ru": RU, "en": EN}


def clock_offset(lang: Lang, offset_s: float) -> str:
    """How far a camera's clock was off, in words: "Часы камеры спешили на 2 мин 31 с."."""
    how, hours, minutes, seconds = offset_parts(offset_s)
    if how == "right":
        return text(lang, "clock_right")
    units = text(lang, "clock_units", h=hours, m=minutes, s=seconds).split("|")
    amount = " ".join(u for u, n in zip(units, (hours, minutes, seconds), strict=True) if n)
    return text(lang, f"clock_{how}", amount=amount)


def text(lang: Lang, key: str, **values: object) -> str:
    """The text `key` in `lang`, formatted with `values`."""
    template = TABLES[lang][key]
    return template.format(**values) if values else template


def label(lang: Lang, group: str, code: str | None) -> str:
    """Label of a data code (`label("ru", "role", "subject")`); unknown codes print as is."""
    if not code:
        return ""
    return LABELS[lang].get(f"{group}.{code}", code)
