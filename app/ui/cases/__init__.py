"""The case workstation: case list, case view and its built-in tabs, edit dialogs."""
