"""The case timeline tab: every source on one corrected clock (canvas, details, filters)."""
