"""From the user's options to a readable plan for one file: preset, sniffed format, mapping,
zone. Shared by call-log and order imports; the preview and the import use the same plan."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.ingest.mapping import CALL_FIELDS, guess_mapping, looks_like_header, present_mapping
from app.ingest.presets import Preset, find_preset
from app.ingest.tabular import SourceFormat, sniff_source


@dataclass(frozen=True)
class ImportPlan:
    fmt: SourceFormat
    mapping: dict[str, str]
    tz: str | None
    constants: dict[str, str]
    preset: Preset | None


def plan_import(
    path: Path,
    *,
    target: str = "calls",
    fields: Sequence[str] = CALL_FIELDS,
    preset: str | None = None,
    mapping: Mapping[str, str] | None = None,
    tz: str | None = None,
    default_tz: str | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    has_header: bool | None = None,
    config_dir: Path | None = None,
) -> ImportPlan:
    """Given options win over the preset, the preset over detection and guessing.

    `tz` is what the user said; the preset's zone (e.g. UTC for DIDWW) comes next, then
    `default_tz` (the case's zone). Raises `ValidationError`/`NotFound` for bad options.
    """
    chosen = find_preset(preset, config_dir, target) if preset else None
    if has_header is None and chosen is not None:
        has_header = chosen.has_header
    fmt = sniff_source(
        path,
        encoding=encoding or (chosen.encoding if chosen else None),
        delimiter=delimiter or (chosen.delimiter if chosen else None),
        has_header=has_header
        if has_header is not None
        else (chosen.has_header if chosen else None),
        looks_like_header=lambda cells: looks_like_header(cells, fields),
    )
    if chosen is not None:
        base = present_mapping(chosen.mapping, fmt.columns)
    elif fmt.has_header:
        base = guess_mapping(fmt.columns, fields)
    else:
        base = {}
    base.update(mapping or {})
    zone = tz or (chosen.tz if chosen else None) or default_tz
    constants = dict(chosen.constants) if chosen else {}
    return ImportPlan(fmt, base, zone, constants, chosen)
