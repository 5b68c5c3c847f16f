"""Entry script of the frozen bundle (build.spec): the same dispatch as `python -m app`.

It lives outside `app/` so that PyInstaller does not put `app/` itself on the module search
path (which would make `cli`, `paths`, ... importable as top-level modules)."""

import sys

from app.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
