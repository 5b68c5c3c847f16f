"""Import presets: the built-in vendor layouts and the user's own, saved as JSON.

A preset fixes the mapping (and, where the vendor fixes them, delimiter, header, zone and
constant values such as the direction of a DIDWW inbound export). User presets live in one
JSON file in the config directory, so they follow the investigator, not a case.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from app.domain.errors import NotFound, ValidationError
from app.ingest.mapping import CALL_FIELDS, ORDER_FIELDS

PRESETS_FILE = "import_presets.json"


@dataclass(frozen=True)
class Preset:
    name: str
    target: str = "calls"  # "calls" | "orders"
    mapping: dict[str, str] = field(default_factory=dict)
    has_header: bool | None = None
    delimiter: str | None = None
    encoding: str | None = None
    tz: str | None = None  # zone the vendor writes times in, when it is fixed
    constants: dict[str, str] = field(default_factory=dict)  # field → value for every row
    builtin: bool = False
    # field → column read when the mapped cell is empty (Asterisk's channel when `src` is
    # empty, Mango's extension when the number is)
    fallbacks: dict[str, str] = field(default_factory=dict)
    # field → {cell → value}: a vendor's codes (Android's call type 1/2/3)
    codes: dict[str, dict[str, str]] = field(default_factory=dict)
    # the number columns are (other party, own line): an outbound row is the other way round
    swap_outbound: bool = False
    title: str = ""  # what the dialog shows beside the name


BUILTIN_PRESETS: tuple[Preset, ...] = (
    Preset(
        "ru-vpbx",
        mapping={
            "start": "Дата и время|Дата звонка|Начало",
            "caller": "Кто звонил|Номер звонящего|С номера",
            "callee": "Кому звонили|Куда|На номер",
            "virtual": "Виртуальный номер|Подменный номер",
            "duration": "Длительность разговора|Длительность|Продолжительность",
            "direction": "Направление|Тип звонка",
            "status": "Статус|Результат",
            "order": "Номер заказа|Заказ",
            "call_id": "ID звонка|Идентификатор звонка",
        },
        delimiter=";",
        has_header=True,
        builtin=True,
    ),
    Preset(
        "didww-cdr-in",
        mapping={
            "start": "Date/Time Start (UTC)|Date/Time (UTC)",
            "end": "Date/Time End (UTC)",
            "caller": "Source Number|Source",
            "callee": "Destination DID|DID",
            "virtual": "Destination DID|DID",
            "duration": "Duration (sec)|Duration (secs)",
            "status": "Status|Response",
        },
        delimiter=",",
        has_header=True,
        tz="UTC",
        constants={"direction": "in"},
        builtin=True,
    ),
    Preset(
        "didww-cdr-out",
        mapping={
            "start": "Date/Time Start (UTC)|Date/Time (UTC)",
            "end": "Date/Time End (UTC)",
            "caller": "Source|Source Number",
            "virtual": "Source|Source Number",
            "callee": "Destination|Destination Number",
            "duration": "Duration (sec)|Duration (secs)",
            "status": "Status|Response",
        },
        delimiter=",",
        has_header=True,
        tz="UTC",
        constants={"direction": "out"},
        builtin=True,
    ),
    # cdr_csv Master.csv: accountcode, src, dst, dcontext, clid, channel, dstchannel, lastapp,
    # lastdata, start, answer, end, duration, billsec, disposition, amaflags, uniqueid, userfield
    # (times in the server's local time). A console or internal call may have no `src`: the
    # channel names the caller then.
    Preset(
        "asterisk-master",
        mapping={
            "caller": "2",
            "callee": "3",
            "start": "10",
            "end": "12",
            "duration": "14",
            "status": "15",
            "call_id": "17",
        },
        fallbacks={"caller": "6", "callee": "7"},
        delimiter=",",
        has_header=False,
        builtin=True,
        title="Asterisk Master.csv (cdr_csv)",
    ),
    # mod_cdr_csv default template: caller_id_name, caller_id_number, destination_number,
    # context, start_stamp, answer_stamp, end_stamp, duration, billsec, hangup_cause, uuid, ...
    Preset(
        "freeswitch-csv",
        mapping={
            "caller": "2",
            "callee": "3",
            "start": "5",
            "end": "7",
            "duration": "9",
            "status": "10",
            "call_id": "11",
        },
        delimiter=",",
        has_header=False,
        builtin=True,
        title="FreeSWITCH cdr-csv",
    ),
    # Cisco Unified CM CDR flat file (CDR Analysis and Reporting guide): line 1 field names,
    # line 2 field types, then records; times are UTC epoch seconds. Also without the two
    # header lines (1-based positions of the same fields).
    Preset(
        "cisco-cucm",
        mapping={
            "start": "dateTimeOrigination|5",
            "end": "dateTimeDisconnect|49",
            "caller": "callingPartyNumber|9",
            "callee": "finalCalledPartyNumber|31",
            "duration": "duration|56",
            "call_id": "globalCallID_callId|3",
        },
        fallbacks={"callee": "originalCalledPartyNumber|30"},
        delimiter=",",
        tz="UTC",
        builtin=True,
        title="Cisco CUCM CDR",
    ),
    # 3CX CDR service, all fields in the documented order: historyid, callid, duration,
    # time-start, time-answered, time-end, reason-terminated, from-no, to-no, from-dn, to-dn,
    # dial-no, reason-changed, final-number, final-dn, ... (no header; `YYYY/MM/DD` times)
    Preset(
        "3cx",
        mapping={
            "call_id": "2",
            "duration": "3",
            "start": "4",
            "end": "6",
            "status": "7",
            "caller": "8",
            "callee": "9",
        },
        fallbacks={"caller": "10", "callee": "12"},
        delimiter=",",
        has_header=False,
        builtin=True,
        title="3CX CDR",
    ),
    # Sipuni statistics export: Тип;Статус;Время;Схема;Откуда;Куда;Кто ответил;Длительность
    # звонка;Длительность разговора;Время ответа;Оценка;ID записи;... (Moscow time)
    Preset(
        "sipuni",
        mapping={
            "direction": "Тип",
            "status": "Статус",
            "start": "Время",
            "caller": "Откуда",
            "callee": "Куда",
            "duration": "Длительность разговора, сек|Длительность разговора"
            "|Продолжительность разговора|Продолжительность звонка|Длительность звонка, сек",
            "call_id": "ID записи",
        },
        delimiter=";",
        has_header=True,
        tz="Europe/Moscow",
        builtin=True,
        title="Sipuni",
    ),
    # MANGO OFFICE VPBX statistics (`stats/request`, default fields): records; start; finish;
    # answer; from_extension; from_number; to_extension; to_number; disconnect_reason;
    # line_number; location — `;`, no header, Unix times.
    Preset(
        "mango-office",
        mapping={
            "start": "2",
            "end": "3",
            "caller": "6",
            "callee": "8",
            "status": "4",
            "virtual": "10",
        },
        fallbacks={"caller": "5", "callee": "7"},
        # `answer` is 0 when nobody picked up; there is no talk time, the duration is the
        # whole call (finish − start)
        codes={"status": {"0": "missed"}},
        delimiter=";",
        has_header=False,
        builtin=True,
        title="MANGO OFFICE",
    ),
    # Zadarma PBX statistics (API `statistics/pbx`): call_id, sip, callstart, clid,
    # destination, disposition, seconds, is_recorded, pbx_call_id; also its cabinet export.
    Preset(
        "zadarma",
        mapping={
            "start": "callstart|Дата|Дата и время",
            "caller": "clid|sip|Откуда|Кто звонил",
            "callee": "destination|Куда|Кому",
            "duration": "seconds|billseconds|Длительность",
            "status": "disposition|Статус",
            "call_id": "pbx_call_id|call_id",
        },
        has_header=True,
        builtin=True,
        title="Zadarma",
    ),
    # UIS / CoMagic calls report (Data API `get.calls_report`): id, start_time, finish_time,
    # direction, contact_phone_number, virtual_phone_number, talk_duration, total_duration,
    # finish_reason, is_lost; the cabinet export has the Russian names.
    Preset(
        "uis-comagic",
        mapping={
            "start": "start_time|Дата и время|Время начала",
            "end": "finish_time|Время окончания",
            "direction": "direction|Направление|Тип",
            "caller": "contact_phone_number|Номер абонента|Номер клиента",
            "callee": "virtual_phone_number|Виртуальный номер",
            "virtual": "virtual_phone_number|Виртуальный номер",
            "duration": "talk_duration|Длительность разговора|total_duration",
            "status": "finish_reason|Причина завершения|Статус",
            "call_id": "id|communication_id|ID звонка",
        },
        has_header=True,
        swap_outbound=True,
        builtin=True,
        title="UIS / CoMagic",
    ),
    # Beeline cloud PBX call history (statistics): date, direction INBOUND/OUTBOUND, phone
    # (the client), abonent (the employee's line), duration, status.
    Preset(
        "beeline-cloudpbx",
        mapping={
            "start": "date|Дата|Дата и время|Дата звонка",
            "direction": "direction|Направление|Тип",
            "caller": "phone|Номер клиента|Телефон|Внешний номер",
            "callee": "abonent|Абонент|Сотрудник|Номер абонента",
            "duration": "duration|Длительность|Длительность разговора",
            "status": "status|Статус",
            "call_id": "id|externalId|ID",
        },
        has_header=True,
        swap_outbound=True,
        builtin=True,
        title="Билайн Облачная АТС",
    ),
    # MTS virtual PBX (Виртуальная АТС МТС) call history export: date and time, call type,
    # the external number, the employee's number, talk duration, result.
    Preset(
        "mts-vpbx",
        mapping={
            "start": "Дата и время|Дата звонка|Время звонка|startTime",
            "direction": "Тип вызова|Направление|Тип звонка|direction",
            "caller": "Внешний номер|Номер клиента|Номер абонента|callingNumber",
            "callee": "Внутренний номер|Сотрудник|Номер сотрудника|calledNumber",
            "duration": "Длительность разговора|Длительность|duration",
            "status": "Результат|Статус|status",
        },
        has_header=True,
        swap_outbound=True,
        builtin=True,
        title="МТС Виртуальная АТС",
    ),
    # Yandex Telephony (Телефония Яндекс Бизнеса) call history export: date, direction,
    # client number, employee, duration, status.
    Preset(
        "yandex-telephony",
        mapping={
            "start": "Дата и время|Дата|Время начала",
            "direction": "Направление|Тип звонка|Тип",
            "caller": "Номер клиента|Клиент|Абонент",
            "callee": "Номер сотрудника|Сотрудник|Номер линии|Линия",
            "duration": "Длительность разговора|Длительность",
            "status": "Статус|Результат",
        },
        has_header=True,
        swap_outbound=True,
        builtin=True,
        title="Яндекс Телефония",
    ),
    # Twilio call log export / `Calls` resource: Call Sid, Start Time, End Time, Duration,
    # From, To, Direction (inbound, outbound-api, outbound-dial), Status; times UTC.
    Preset(
        "twilio",
        mapping={
            "call_id": "Call Sid|Sid|sid",
            "start": "Start Time|start_time|Date Created",
            "end": "End Time|end_time",
            "duration": "Duration|duration",
            "caller": "From|from",
            "callee": "To|to",
            "direction": "Direction|direction",
            "status": "Status|status",
        },
        has_header=True,
        tz="UTC",
        builtin=True,
        title="Twilio",
    ),
    # Android call log exported from `CallLog.Calls`: number, date (Unix ms), duration (s),
    # type (1 incoming, 2 outgoing, 3 missed, 4 voicemail, 5 rejected, 6 blocked). It lists
    # the other party only: the phone's own number goes in `--subscriber`.
    Preset(
        "android-calllog",
        mapping={
            "caller": "number|Number|Номер",
            "start": "date|Date|Дата",
            "duration": "duration|Duration|Длительность",
            "direction": "type|Type|Тип",
            "status": "type|Type|Тип",
        },
        codes={
            "direction": {"1": "in", "2": "out", "3": "in", "4": "in", "5": "in", "6": "in"},
            "status": {
                "1": "answered",
                "2": "answered",
                "3": "missed",
                "4": "missed",
                "5": "missed",
                "6": "missed",
            },
        },
        has_header=True,
        builtin=True,
        title="Android call log",
    ),
)


def _store_path(config_dir: Path) -> Path:
    return Path(config_dir) / PRESETS_FILE


def user_presets(config_dir: Path) -> list[Preset]:
    """The user's presets; a damaged file reads as none (it is kept aside, not overwritten)."""
    path = _store_path(config_dir)
    if not path.exists():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [Preset(**{**item, "builtin": False}) for item in data.get("presets", [])]
    except (OSError, ValueError, TypeError):
        path.replace(path.with_suffix(".broken.json"))
        return []


def all_presets(config_dir: Path | None, target: str = "calls") -> list[Preset]:
    """Built-in presets first, then the user's, for one target."""
    mine = user_presets(config_dir) if config_dir is not None else []
    return [p for p in (*BUILTIN_PRESETS, *mine) if p.target == target]


def find_preset(name: str, config_dir: Path | None, target: str = "calls") -> Preset:
    for preset in all_presets(config_dir, target):
        if preset.name == name:
            return preset
    known = ", ".join(p.name for p in all_presets(config_dir, target))
    raise NotFound(f"no {target} preset named {name!r} (known: {known})")


def save_preset(config_dir: Path, preset: Preset) -> Preset:
    """Add or replace a user preset; built-in names are refused. Written atomically."""
    name = preset.name.strip()
    if not name:
        raise ValidationError("a preset needs a name", field="name")
    if any(p.name == name for p in BUILTIN_PRESETS):
        raise ValidationError(f"{name!r} is a built-in preset", field="name")
    fields = CALL_FIELDS if preset.target == "calls" else ORDER_FIELDS
    unknown = sorted(set(preset.mapping) - set(fields))
    if unknown:
        raise ValidationError(f"unknown fields: {', '.join(unknown)}", field="map")
    saved = Preset(**{**asdict(preset), "name": name, "builtin": False})
    others = [p for p in user_presets(config_dir) if p.name != name]
    _write(config_dir, [*others, saved])
    return saved


def delete_preset(config_dir: Path, name: str) -> None:
    presets = user_presets(config_dir)
    if not any(p.name == name for p in presets):
        raise NotFound(f"no user preset named {name!r}")
    _write(config_dir, [p for p in presets if p.name != name])


def _write(config_dir: Path, presets: list[Preset]) -> None:
    path = _store_path(config_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    items: list[dict[str, Any]] = []
    for preset in presets:
        item = asdict(preset)
        item.pop("builtin")
        items.append(item)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(
        json.dumps({"version": 1, "presets": items}, ensure_ascii=False, indent=2),
        encoding="utf-8",
    )
    os.replace(tmp, path)
