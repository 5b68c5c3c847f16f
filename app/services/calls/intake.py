"""Call-log use cases for the UI and the CLI (issue 3). Everything returns plain dataclasses
from `app.services.calls.dto`; numbers are masked unless revealed through `reveal_calls`.

API (all take `ctx: ServiceContext` first and the case as `case_id: int`; the fronts resolve a
reference once with `app.services.core.cases.resolve_case`):

Import (dialog: choose file → `preview_calls` → let the user fix options → `import_calls`)
- here: `list_presets(ctx, target="calls") -> list[Preset]`; `save_preset(ctx, Preset)`;
  `delete_preset(ctx, name)`. `Preset(name, target, mapping, has_header, delimiter, encoding,
  tz, constants, builtin)` from `app.ingest.presets`. Built-ins: `ru-vpbx`, `didww-cdr-in`,
  `didww-cdr-out`, `asterisk-master`, `freeswitch-csv`.
- here: `CALL_FIELDS` (the mapping keys: start end duration caller callee virtual direction
  status order call_id); `REASONS` (rejection codes: bad_date no_start empty_caller
  empty_callee bad_duration short_row no_direction) — map both to labels in the UI.
- here: `preview_calls(ctx, path, ImportOptions, case_tz=None, limit=20) -> ImportPreview`:
  never raises for a bad option; `error`/`error_field` say what to fix (`tz` → ask for the
  zone). `ImportOptions(preset, mapping, tz, encoding, delimiter, has_header, region,
  subscriber)`; a mapping value is a header name or a 1-based column number as text;
  `subscriber` is the own number of a mobile operator's detail (rows: other party +
  direction).
- `importing.import_calls(ctx, case_id, path, ImportOptions, progress) -> ImportResult(
  batch_id, evidence_id, sha256, imported, duplicates, rejected[Rejection(line, reason,
  detail)], tz)`: one transaction; `Cancelled` → nothing stays; the same file twice →
  `Duplicate`. Naive times without `tz` are read in the case's zone.
- `importing.write_rejections(result.rejected, path)`: the rejected-rows report (CSV).
- `orders.import_orders(ctx, case_id, path, ImportOptions, progress) -> OrderImportResult`.
- `query.list_batches(ctx, case_id) -> list[BatchInfo]` (imported files).

Browse (`query`; 1M rows: keep ids, fetch rows for the visible window)
- `call_ids(ctx, case_id, CallFilter) -> list[int]` ordered by start time;
  `CallFilter(number, start_from, start_to, direction, status, order, party_id, batch_id)`,
  `number` is any run of digits.
- `calls_by_ids(ctx, ids) -> list[CallView]` (masked, in the order of `ids`).
- `reveal_calls(ctx, case_id, ids, reason) -> list[CallView]` unmasked, audited.
- `number_summary(ctx, case_id) -> list[NumberSummary]`;
  `link_number(ctx, case_id, number_id, party_id)`, `unlink_number(...)` (audited; a link
  is a `party_phones` row, so the party's phones and the detectors see it).

Findings (`analysis`)
- `get_thresholds(ctx, case_id) -> Thresholds`; `set_thresholds(ctx, case_id, Thresholds)`
  (`app.domain.calls.findings.Thresholds`: grace_min, multi_min_numbers, multi_window_h,
  night_start_h, night_end_h, burst_min_calls, burst_window_min, company_lines).
- `analyze(ctx, case_id, progress=None) -> list[FindingView]` (kind, severity, call_ids,
  start/end, params, explanation_ru/en).
"""

from __future__ import annotations

from pathlib import Path

from app.domain.errors import CasebookError, ValidationError
from app.domain.phones import digits_of, mask
from app.ingest.calls import REASONS, CallImportSpec, ParsedCall
from app.ingest.calls import preview_calls as _preview
from app.ingest.mapping import CALL_FIELDS, parse_map_option
from app.ingest.plan import ImportPlan, plan_import
from app.ingest.presets import Preset, all_presets
from app.ingest.presets import delete_preset as _delete_preset
from app.ingest.presets import save_preset as _save_preset
from app.ingest.recognize import CONFIDENT
from app.ingest.values import detect_date_format
from app.services.calls.dto import ImportOptions, ImportPreview, PreviewRow, Recognition
from app.services.core.context import ServiceContext

__all__ = [
    "CALL_FIELDS",
    "REASONS",
    "Preset",
    "delete_preset",
    "list_presets",
    "parse_map_option",
    "plan_calls",
    "preview_calls",
    "save_preset",
]


def list_presets(ctx: ServiceContext, target: str = "calls") -> list[Preset]:
    return all_presets(ctx.config_dir, target)


def save_preset(ctx: ServiceContext, preset: Preset) -> Preset:
    return _save_preset(ctx.config_dir, preset)


def delete_preset(ctx: ServiceContext, name: str) -> None:
    _delete_preset(ctx.config_dir, name)


def plan_calls(
    ctx: ServiceContext, path: Path, options: ImportOptions, default_tz: str | None
) -> tuple[ImportPlan, CallImportSpec]:
    """The sniffed format and the reading spec for `path` under `options`."""
    plan = plan_import(
        Path(path),
        target="calls",
        fields=CALL_FIELDS,
        preset=options.preset,
        mapping=options.mapping,
        tz=options.tz,
        default_tz=default_tz,
        encoding=options.encoding,
        delimiter=options.delimiter,
        has_header=options.has_header,
        config_dir=ctx.config_dir,
    )
    preset = plan.preset
    spec = CallImportSpec(
        mapping=plan.mapping,
        tz=plan.tz,
        region=options.region or ctx.settings.phone_region,
        constants=plan.constants,
        subscriber=options.subscriber,
        fallbacks=preset.fallbacks if preset else {},
        codes=preset.codes if preset else {},
        swap_outbound=preset.swap_outbound if preset else False,
        date_order=options.date_order,
    )
    return plan, spec


def preview_calls(
    ctx: ServiceContext,
    path: Path,
    options: ImportOptions,
    case_tz: str | None = None,
    limit: int = 20,
) -> ImportPreview:
    """The file as it would import: format, mapping, first rows parsed (numbers masked).

    `case_tz` is the zone used when neither the options, the preset nor the file give one.
    Raises `ValidationError` only when the file is no table at all; option problems come
    back in `error`/`error_field` with the format still filled in."""
    plan, spec = plan_calls(ctx, path, options, case_tz)
    fmt = plan.fmt
    rows: list[PreviewRow] = []
    error: CasebookError | None = None
    try:
        items = _preview(Path(path), fmt, spec, limit)
    except CasebookError as exc:
        error, items = exc, []
    for item in items:
        if isinstance(item, ParsedCall):
            rec = item.record
            rows.append(
                PreviewRow(
                    line=item.line,
                    reason=None,
                    detail="",
                    start_utc=rec.start_utc,
                    duration_s=rec.duration_s,
                    caller=mask(rec.caller),
                    callee=mask(rec.callee),
                    virtual_number=mask(rec.virtual),
                    direction=rec.direction,
                    status=rec.status,
                    order_number=rec.order_number,
                )
            )
        else:
            rows.append(PreviewRow(line=item.line, reason=item.reason, detail=item.detail))
    return ImportPreview(
        kind=fmt.kind,
        encoding=fmt.encoding,
        delimiter=fmt.delimiter,
        has_header=fmt.has_header,
        columns=fmt.columns,
        sample=tuple(tuple(mask_cell(c) for c in row) for row in fmt.sample),
        mapping=dict(spec.mapping),
        tz=spec.tz,
        preset=plan.preset.name if plan.preset else None,
        rows=rows,
        error=error.message if error else None,
        error_field=getattr(error, "field", None) if error else None,
        basis=plan.guess.basis,
        confidence=plan.guess.confidence,
        unplaced=plan.guess.unplaced,
    )


def check_recognition(plan: ImportPlan, options: ImportOptions, name: str) -> None:
    """Refuse a guess that is not sure enough unless the user looked at it (the dialog's
    `accept_guess`) or mapped the columns; the message names what could not be placed."""
    guess = plan.guess
    described = options.accept_guess or options.mapping or options.subscriber
    if guess.confidence >= CONFIDENT or described:
        return
    columns = ", ".join(plan.fmt.columns[:12])
    if guess.unplaced:
        what = f"could not place the columns for {', '.join(guess.unplaced)}"
    else:
        what = "placed the columns only by a guess"
    raise ValidationError(
        f"{name}: {what} (from the {guess.basis}, {guess.confidence:.0%} sure; columns: "
        f"{columns}); map them with --map FIELD=COLUMN or choose a preset",
        field="map",
        file=name,
    )


def recognition(plan: ImportPlan, spec: CallImportSpec) -> Recognition:
    guess = plan.guess
    return Recognition(guess.basis, guess.preset, guess.confidence, dict(spec.mapping))


def mask_cell(cell: str) -> str:
    """A raw cell for the screen: anything holding a phone-length run of digits is masked
    unless it reads as a date or a time (those are not personal data)."""
    if len(digits_of(cell)) < 7 or detect_date_format([cell]) not in (None, "unix", "unix_ms"):
        return cell
    return mask(cell)
