"""The shape every service follows (issue 10): public functions return plain data, never ORM
rows, and take the case as `case_id: int` (the fronts resolve what the user typed once)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections.abc import Iterator
from pathlib import Path
from types import FunctionType

import app.services
from app.storage.models.base import Base


def _service_functions() -> Iterator[tuple[str, FunctionType]]:
    for info in pkgutil.walk_packages(app.services.__path__, "app.services."):
        module = importlib.import_module(info.name)
        for name, obj in vars(module).items():
            if (
                not name.startswith("_")
                and isinstance(obj, FunctionType)
                and obj.__module__ == module.__name__
            ):
                yield f"{module.__name__}.{name}", obj


def _orm_names() -> set[str]:
    return {mapper.class_.__name__ for mapper in Base.registry.mappers}


def _words(annotation: object) -> set[str]:
    text = annotation if isinstance(annotation, str) else repr(annotation)
    return set(re.findall(r"[A-Za-z_]\w*", text))


def test_the_walk_sees_the_services():
    names = {name for name, _ in _service_functions()}
    # one use case of each feature package: the walk is not silently empty
    for expected in (
        "app.services.core.cases.get_case",
        "app.services.calls.query.call_ids",
        "app.services.video.intake.add_video_evidence",
        "app.services.timeline.build.build_timeline",
        "app.services.dossier.export.export_dossier",
    ):
        assert expected in names


def test_no_public_service_returns_an_orm_row():
    rows = _orm_names()
    assert {"CaseRow", "PartyRow", "CallRow", "EvidenceRow"} <= rows
    offenders = [
        name
        for name, fn in _service_functions()
        if _words(inspect.signature(fn).return_annotation) & rows
    ]
    assert offenders == []


def test_services_take_a_case_id_not_a_reference():
    offenders = []
    for name, fn in _service_functions():
        for param in inspect.signature(fn).parameters.values():
            if param.name in ("case_ref", "case", "case_number"):
                offenders.append(f"{name}({param.name})")
            if param.name == "case_id" and "str" in _words(param.annotation):
                offenders.append(f"{name}(case_id: {param.annotation})")
    assert offenders == []


def test_the_fronts_open_no_unit_of_work():
    """The CLI and the UI call services; only services open sessions and transactions."""
    root = Path(app.services.__file__).parents[1]
    pattern = re.compile(r"\.(session|transaction|sessions)\(\)")
    offenders = [
        f"{path.relative_to(root)}:{n}"
        for front in ("cli", "ui")
        for path in sorted((root / front).rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if pattern.search(line)
    ]
    assert offenders == []
