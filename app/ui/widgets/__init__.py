"""Widgets shared by every feature: task status, masked personal data, inline errors."""
