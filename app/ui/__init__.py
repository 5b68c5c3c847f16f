"""The only PySide6 code: main window, task runner, shared widgets and the feature folders."""
