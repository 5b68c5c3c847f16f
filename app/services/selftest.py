"""Installation self-test: a fresh database migrated in a temporary folder, the audit chain,
bundled fonts and translations, then each feature's own step (call import, video frame, PDF).

Each step returns a short description or raises; the report lists every step. The steps are a
static list: a feature adds its `selftest_step(ctx, workdir) -> str` with one import and one
entry in `FEATURE_STEPS`, and a missing module is an ImportError, never a skipped step."""

from __future__ import annotations

import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.domain.errors import IntegrityFailure
from app.paths import resource_path
from app.services.calls import selftest as calls_selftest
from app.services.core.bootstrap import close_context, open_context
from app.services.core.context import ServiceContext
from app.services.dossier import selftest as dossier_selftest
from app.services.messages import selftest as messages_selftest
from app.services.timeline import selftest as timeline_selftest
from app.services.video import selftest as video_selftest

Step = Callable[[ServiceContext, Path], str]
QM_MAGIC = bytes.fromhex("3CB86418CAEF9C95CD211CBF60A1BDDD")


@dataclass(frozen=True)
class StepResult:
    name: str
    ok: bool
    detail: str


def _database(ctx: ServiceContext, workdir: Path) -> str:
    from app.services.core import cases, parties

    case = cases.create_case(
        ctx, cases.CaseInput(title="Самопроверка", region="TEST", tz="Asia/Vladivostok")
    )
    parties.add_party(
        ctx,
        case.id,
        parties.PartyInput(role="complainant", name="Иванова", phones=("89161234567",)),
    )
    found = cases.search_cases(ctx, text="ИВАНОВА")
    if found.total != 1:
        raise RuntimeError("Cyrillic search did not find the test case")
    return f"migrated to head, case {case.number} created and found"


def _audit(ctx: ServiceContext, workdir: Path) -> str:
    from app.services.core.audit import verify_chain

    status = verify_chain(ctx)
    if not status.ok:
        raise IntegrityFailure(status.problem)
    return f"{status.entries} entries, chain intact"


def _fonts(ctx: ServiceContext, workdir: Path) -> str:
    fonts = sorted(resource_path("fonts").glob("*.ttf"))
    if not fonts:
        raise RuntimeError(f"no TTF fonts in {resource_path('fonts')}")
    return f"{len(fonts)} fonts"


def _translations(ctx: ServiceContext, workdir: Path) -> str:
    folder = resource_path("translations")
    ts_files = sorted(folder.glob("*.ts"))
    if not ts_files:
        raise RuntimeError(f"no translations in {folder}")
    for ts in ts_files:
        qm = ts.with_suffix(".qm")
        if not qm.is_file() or not qm.read_bytes().startswith(QM_MAGIC):
            raise RuntimeError(f"{qm.name} is missing or not a compiled translation")
    return f"{len(ts_files)} translation files"


BASE_STEPS: tuple[tuple[str, Step], ...] = (
    ("database", _database),
    ("audit", _audit),
    ("fonts", _fonts),
    ("translations", _translations),
)
# Feature order (core <- calls | messages | video <- timeline <- dossier).
FEATURE_STEPS: tuple[tuple[str, Step], ...] = (
    ("calls", calls_selftest.selftest_step),
    ("messages", messages_selftest.selftest_step),
    ("video", video_selftest.selftest_step),
    ("timeline", timeline_selftest.selftest_step),
    ("dossier", dossier_selftest.selftest_step),
)


def run_selftest() -> list[StepResult]:
    results: list[StepResult] = []
    with tempfile.TemporaryDirectory(prefix="casebook-selftest-") as tmp:
        workdir = Path(tmp)
        try:
            ctx = open_context(workdir / "data", actor="selftest")
        except Exception as exc:
            return [StepResult("open", False, f"{type(exc).__name__}: {exc}")]
        try:
            for name, step in (*BASE_STEPS, *FEATURE_STEPS):
                try:
                    results.append(StepResult(name, True, step(ctx, workdir)))
                except Exception as exc:
                    detail = f"{type(exc).__name__}: {exc}"
                    last = traceback.extract_tb(exc.__traceback__)[-1:]
                    if last:
                        detail += f" ({Path(last[0].filename).name}:{last[0].lineno})"
                    results.append(StepResult(name, False, detail))
        finally:
            close_context(ctx)
    return results
