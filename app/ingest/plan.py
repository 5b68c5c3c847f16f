"""From the user's options to a readable plan for one file: preset, sniffed format, mapping,
zone. Shared by call-log and order imports; the preview and the import use the same plan."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.ingest.mapping import CALL_FIELDS, concrete_mapping, guess_mapping, looks_like_header
from app.ingest.presets import Preset, find_preset
from app.ingest.recognize import Guess, guess_columns
from app.ingest.tabular import SourceFormat, sniff_source


@dataclass(frozen=True)
class ImportPlan:
    fmt: SourceFormat
    mapping: dict[str, str]
    tz: str | None
    constants: dict[str, str]
    preset: Preset | None
    guess: Guess  # what the mapping rests on and how sure it is (a preset: certain)


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
    fmt = _sniff(path, chosen, encoding, delimiter, has_header, fields)
    if chosen is None and target == "calls" and not _covers(mapping):
        guess = guess_columns(fmt.columns, fmt.sample, fmt.has_header, fields)
        if guess.preset is not None:  # a vendor layout recognised by its shape or header
            chosen = find_preset(guess.preset, config_dir, target)
            fmt = _sniff(path, chosen, encoding, delimiter, has_header, fields)
    elif chosen is None and target == "calls":
        guess = Guess({}, "mapping", 1.0)
    elif chosen is None:
        guess = Guess(guess_mapping(fmt.columns, fields) if fmt.has_header else {}, "header", 1.0)
    else:
        guess = Guess({}, "preset", 1.0, preset=chosen.name)
    if chosen is not None:
        base = concrete_mapping(chosen.mapping, fmt.columns)
        basis = guess.basis if guess.basis in ("shape", "header") else "preset"
        guess = Guess(base, basis, guess.confidence, preset=chosen.name)
    else:
        base = dict(guess.mapping)
    base.update(mapping or {})
    zone = tz or (chosen.tz if chosen else None) or default_tz
    constants = dict(chosen.constants) if chosen else {}
    return ImportPlan(fmt, base, zone, constants, chosen, guess)


def _sniff(
    path: Path,
    chosen: Preset | None,
    encoding: str | None,
    delimiter: str | None,
    has_header: bool | None,
    fields: Sequence[str],
) -> SourceFormat:
    if has_header is None and chosen is not None:
        has_header = chosen.has_header
    return sniff_source(
        path,
        encoding=encoding or (chosen.encoding if chosen else None),
        delimiter=delimiter or (chosen.delimiter if chosen else None),
        has_header=has_header,
        looks_like_header=lambda cells: looks_like_header(cells, fields),
    )


def _covers(mapping: Mapping[str, str] | None) -> bool:
    """The user mapped every field a call needs: nothing to guess."""
    return mapping is not None and all(f in mapping for f in ("start", "caller", "callee"))
