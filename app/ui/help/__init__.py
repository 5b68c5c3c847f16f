"""F1 help: the keyboard shortcuts of the window as it is, and a short illustrated guide."""
