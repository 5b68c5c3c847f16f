"""Russian and English texts of the dossier and the evidence package note.

Both tables hold the same keys (a unit test checks); codes that come from the data (roles,
measures, finding kinds, evidence kinds) are named by `label()` from `app.domain.vocabulary`,
the table the screen reads too.
"""

from __future__ import annotations

from app.domain import vocabulary
from app.domain.calls.findings import plural_ru
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
    "addressee_management": "Руководству региона {region}",
    "cover_prepared": "Подготовлено",
    "cover_investigator": "Проверку проводил",
    "cover_category": "Категория",
    "cover_region": "Регион",
    "cover_received": "Обращение поступило",
    "cover_status": "Статус",
    "cover_zone": "Время указано в часовом поясе",
    "cover_audit": "Журнал аудита на момент выгрузки",
    "toc": "Содержание",
    "sec_allegation": vocabulary.name("term", "allegation", "ru"),
    "sec_facts": vocabulary.name("term", "facts", "ru"),
    "sec_conclusions": vocabulary.name("term", "conclusions", "ru"),
    "sec_measure": "Предлагаемая мера",
    "sec_parties": "Участники",
    "sec_timeline": "Хронология событий",
    "sec_findings": vocabulary.name("term", "findings", "ru"),
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
    "finding_calls": "Звонки, на которых основан признак ({count})",
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
    "stat_total": "Всего звонков в журнале",
    "stat_answered": "Отвечено",
    "stat_distinct": "Разных номеров",
    "stat_duration": "Общая длительность",
    "stat_period": "Период",
    "stat_by_finding": "Звонков по признаку",
    "stat_top": "Номера с наибольшим числом звонков",
    "stat_listed": "Из них приведено в приложении (звонки участников и признаков нарушений)",
    "stat_by_day": "Звонки по дням",
    "stat_by_week": "Звонки по неделям",
    "col_day": "День",
    "col_week": "Неделя с",
    "col_log": "В журнале",
    "col_listed": "В приложении",
    "calls_omitted": (
        "Ещё {count} участников и признаков нарушений здесь не приведены: они есть в "
        "исходном файле журнала звонков (см. перечень материалов и его SHA-256)."
    ),
    "evidence_intro": (
        "Каждый файл можно проверить без Casebook: его SHA-256 (например, командой "
        "sha256sum в Linux или certutil -hashfile ФАЙЛ SHA256 в Windows) должен совпасть "
        "с приведённым здесь значением."
    ),
    "calls_intro": (
        "Звонки с номеров участников и на них, а также звонки, на которых основаны признаки "
        "нарушений, по времени начала. Записей: {count}."
    ),
    "about_generated": "Документ сформирован: {time}",
    "about_data_as_of": "Данные по состоянию на {time} (последнее изменение материалов дела)",
    "cover_data_as_of": "Данные по состоянию на",
    "facts_intro": (
        "Обстоятельства, установленные по материалам дела; подробности — в разделах ниже."
    ),
    "facts_calls": "Журнал звонков: {count} за период {period}.",
    "facts_signs": "Признаки нарушений по журналу звонков:",
    "facts_stills": "Кадров из видеозаписей: {count}.",
    "facts_statements": "Объяснений участников: {count}.",
    "facts_none": "Признаков нарушений по журналу звонков не выявлено.",
    "conclusions_none": "Проверяющий не записал выводов.",
    "about_profile": "Профиль выгрузки: {profile}",
    "about_audit": (
        "Контрольная точка журнала аудита, снятая после записи об этой выгрузке "
        "(запись № {count}, хеш цепочки): {head}"
    ),
    "about_signature": "Подпись контрольной точки ключом рабочего места (алгоритм, ключ, подпись):",
    "about_verify": ("Проверка журнала по этой точке: casebook audit verify --anchor {seq}:{head}"),
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
    "hours": "{h} ч {m} мин",
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
    "addressee_management": "Management of region {region}",
    "cover_prepared": "Prepared",
    "cover_investigator": "Investigator",
    "cover_category": "Category",
    "cover_region": "Region",
    "cover_received": "Complaint received",
    "cover_status": "Status",
    "cover_zone": "Times are given in the time zone",
    "cover_audit": "Audit log at export",
    "toc": "Contents",
    "sec_allegation": vocabulary.name("term", "allegation", "en"),
    "sec_facts": vocabulary.name("term", "facts", "en"),
    "sec_conclusions": vocabulary.name("term", "conclusions", "en"),
    "sec_measure": "Measure proposed",
    "sec_parties": "Parties",
    "sec_timeline": "Timeline of events",
    "sec_findings": vocabulary.name("term", "findings", "en"),
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
    "stat_total": "Calls in the log",
    "stat_answered": "Answered",
    "stat_distinct": "Distinct numbers",
    "stat_duration": "Total duration",
    "stat_period": "Period",
    "stat_by_finding": "Calls per finding",
    "stat_top": "Numbers with the most calls",
    "stat_listed": "Of them listed in the annex (the parties' calls and the findings')",
    "stat_by_day": "Calls per day",
    "stat_by_week": "Calls per week",
    "col_day": "Day",
    "col_week": "Week from",
    "col_log": "In the log",
    "col_listed": "In the annex",
    "calls_omitted": (
        "Another {count} of the parties and the findings are not listed here: they are in "
        "the original call log file (see the list of materials and its SHA-256)."
    ),
    "evidence_intro": (
        "Each file can be checked without Casebook: its SHA-256 (for example sha256sum on "
        "Linux or certutil -hashfile FILE SHA256 on Windows) must equal the value given here."
    ),
    "calls_intro": (
        "Calls from and to the parties' numbers, and the calls the findings rest on: "
        "{count} records, by start time."
    ),
    "about_generated": "Document generated: {time}",
    "about_data_as_of": "Data as of {time} (the last change of the case materials)",
    "cover_data_as_of": "Data as of",
    "facts_intro": "Facts established from the case materials; details in the sections below.",
    "facts_calls": "Call log: {count} in the period {period}.",
    "facts_signs": "Signs of a violation in the call log:",
    "facts_stills": "Video stills: {count}.",
    "facts_statements": "Statements of the parties: {count}.",
    "facts_none": "The call log shows no signs of a violation.",
    "conclusions_none": "The investigator has recorded no conclusions.",
    "about_profile": "Export profile: {profile}",
    "about_audit": (
        "Audit log checkpoint taken after this export was recorded "
        "(entry no. {count}, chain hash): {head}"
    ),
    "about_signature": "Checkpoint signed with the workstation's key (algorithm, key, signature):",
    "about_verify": "To check the log against it: casebook audit verify --anchor {seq}:{head}",
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
    "hours": "{h} h {m} min",
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

TABLES: dict[str, dict[str, str]] = {"ru": RU, "en": EN}


def clock_offset(lang: Lang, offset_s: float) -> str:
    """How far a camera's clock was off, in words: "Часы камеры спешили на 2 мин 31 с."."""
    how, hours, minutes, seconds = offset_parts(offset_s)
    if how == "right":
        return text(lang, "clock_right")
    units = text(lang, "clock_units", h=hours, m=minutes, s=seconds).split("|")
    amount = " ".join(u for u, n in zip(units, (hours, minutes, seconds), strict=True) if n)
    return text(lang, f"clock_{how}", amount=amount)


def calls_count(lang: Lang, count: int) -> str:
    """`12 звонков`, `1 call`: the number and its noun in the right form."""
    shown = f"{count:,}".replace(",", "\u00a0")  # 1 000 000 звонков
    if lang == "ru":
        return f"{shown}\u00a0{plural_ru(count, 'звонок', 'звонка', 'звонков')}"
    return f"{shown}\u00a0call" + ("" if count == 1 else "s")


def text(lang: Lang, key: str, **values: object) -> str:
    """The text `key` in `lang`, formatted with `values`."""
    template = TABLES[lang][key]
    return template.format(**values) if values else template


def label(lang: Lang, group: str, code: str | None) -> str:
    """Name of a data code (`label("ru", "role", "subject")`) from the app's one vocabulary,
    the same name the screen shows; unknown codes print as is."""
    return vocabulary.name(group, code, lang)
