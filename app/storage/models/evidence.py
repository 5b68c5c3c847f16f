"""Tables of the evidence feature (filled in by that feature)."""
