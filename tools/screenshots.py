"""Screenshots of the workstation on the demo case, for the README and the F1 guide.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py OUT_DIR \
        [--lang ru|en] [--size 1366x768] [--prefix step-]

Builds the demo case in a throwaway data folder, opens it in the main window at the given size
with the case list shown, and saves one PNG per step: the case (parties), the calls with their
findings, the timeline and the decision (overview). Run it under Xvfb instead of offscreen to see
the system's own style.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

STEPS = (("case", "parties"), ("calls", "calls"), ("timeline", "timeline"), ("dossier", "overview"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", default="en", choices=("en", "ru"))
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--prefix", default="step-")
    parser.add_argument("--width", type=int, default=0, help="scale the PNGs to this width")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.split("x"))

    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from app.main import use_bundled_fonts
    from app.services import demo
    from app.services.core.bootstrap import open_context
    from app.ui.env import UiEnv
    from app.ui.i18n import install_translators
    from app.ui.main_window import MainWindow
    from app.ui.tasks import SyncTaskRunner

    app = QApplication.instance() or QApplication([sys.argv[0]])
    use_bundled_fonts()
    install_translators(app, args.lang)
    with tempfile.TemporaryDirectory(prefix="casebook-shots-") as tmp:
        ctx = open_context(data_dir=Path(tmp))
        ctx.settings.demo_offered = True
        ctx.settings.investigator_name = "Петрова А. С." if args.lang == "ru" else "A. S. Petrova"
        case_id = demo.create_demo_case(ctx).id
        env = UiEnv(ctx, SyncTaskRunner())
        window = MainWindow(
            env, QSettings(str(Path(tmp) / "state.ini"), QSettings.Format.IniFormat)
        )
        window.resize(width, height)
        window.show()
        view = window.open_case(case_id)
        args.out.mkdir(parents=True, exist_ok=True)
        for name, tab in STEPS:
            page = view.feature_tabs.get(tab) or getattr(view, tab)
            index = next(
                i
                for i in range(view.tabs.count())
                if page in (view.tabs.widget(i), _inner(view.tabs.widget(i)))
            )
            view.tabs.setCurrentIndex(index)
            for _ in range(5):
                app.processEvents()
            shot = window.grab()
            if args.width:
                shot = shot.scaledToWidth(args.width, Qt.TransformationMode.SmoothTransformation)
            path = args.out / f"{args.prefix}{name}_{args.lang}.png"
            shot.save(str(path))
            print(path)
        window.close()
    return 0


def _inner(widget: object) -> object:
    inner = getattr(widget, "widget", None)
    return inner() if callable(inner) else None


if __name__ == "__main__":
    sys.exit(main())
