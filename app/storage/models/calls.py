"""Tables of the calls feature (filled in by that feature)."""
