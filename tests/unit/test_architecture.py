"""The layer contracts of DESIGN.md hold for the whole tree, and nothing hides from them.

`lint-imports` checks the contracts of `pyproject.toml` (layers, fronts, SQL only in storage, Qt
only in the UI, a plain domain, the feature order inside services, no cycles). The tests below
close the holes a contract cannot see: a folder without `__init__.py` is invisible to the import
graph, a module loaded by name hides its import, and a denylist cannot say "only the standard
library"."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app"
BIN = Path(sys.executable).parent

# Pure computation libraries the domain may use (DESIGN.md: no I/O, no other layer).
DOMAIN_LIBRARIES = {"phonenumbers", "pymorphy3"}


def _tool(name: str) -> str:
    found = BIN / name
    if found.exists():
        return str(found)
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is not installed: install the dev extra")
    return path


def _modules(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)


def _imported_names(path: Path) -> list[tuple[int, str]]:
    """Every module named by an import statement of `path` (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                found.append((node.lineno, f"{base}.{node.module}" if node.module else base))
            elif node.module:
                found.append((node.lineno, node.module))
    return found


def test_import_contracts_hold():
    result = subprocess.run([_tool("lint-imports")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def test_ruff_is_clean():
    result = subprocess.run(
        [_tool("ruff"), "check", "app", "tests"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout[-4000:]


def test_every_folder_of_the_app_is_a_package():
    """A folder without `__init__.py` is a namespace package that import-linter never sees:
    `ui/video` and `ui/calls` imported media and ingest unchecked that way."""
    missing = [
        str(folder.relative_to(ROOT))
        for folder in sorted({p.parent for p in _modules(APP)})
        if not (folder / "__init__.py").is_file()
    ]
    assert not missing, f"folders without __init__.py (invisible to the contracts): {missing}"


def test_domain_imports_only_the_standard_library_and_pure_libraries():
    allowed = set(sys.stdlib_module_names) | DOMAIN_LIBRARIES | {"__future__"}
    wrong = []
    for path in _modules(APP / "domain"):
        for line, name in _imported_names(path):
            top = name.split(".")[0]
            inside_domain = name == "app.domain" or name.startswith("app.domain.")
            if (top == "app" and not inside_domain) or (top != "app" and top not in allowed):
                wrong.append(f"{path.relative_to(ROOT)}:{line}: {name}")
    assert not wrong, "domain must stay plain Python:\n" + "\n".join(wrong)


def test_no_module_is_loaded_by_name():
    """Registries are static import lists: a missing feature module is an ImportError in the
    tests and in the bundle, never a silently missing tab, step or command."""
    loaders = {"importlib.import_module", "__import__", "importlib.util.find_spec"}
    wrong = []
    for path in _modules(APP):
        text = path.read_text(encoding="utf-8")
        for loader in loaders:
            if loader in text:
                wrong.append(f"{path.relative_to(ROOT)}: {loader}")
    assert not wrong, "\n".join(wrong)


def test_services_and_the_cli_parser_do_not_load_the_gui():
    """The napari check: the library half imports without Qt."""
    code = (
        "import sys, app.services.demo, app.services.selftest, app.cli; "
        "app.cli.build_parser(); "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')]; "
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["case", "--help"]])
def test_version_and_help_start_without_heavy_libraries(argv: list[str]) -> None:
    """`casebook --version`/`--help` answer at once: no Qt, SQLAlchemy, PyAV or OpenCV."""
    code = (
        "import sys, contextlib, io\n"
        "from app.__main__ import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):\n"
        "    try:\n"
        f"        main({argv!r})\n"
        "    except SystemExit as exc:\n"
        "        assert exc.code in (0, None), exc.code\n"
        "assert out.getvalue().strip(), 'nothing printed'\n"
        "heavy = ('PySide6', 'shiboken6', 'sqlalchemy', 'alembic', 'av', 'cv2', 'numpy',\n"
        "         'reportlab', 'psycopg')\n"
        "loaded = sorted({m.split('.')[0] for m in sys.modules} & set(heavy))\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
