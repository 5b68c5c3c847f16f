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
        delimiter=",",
        has_header=False,
        builtin=True,
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
