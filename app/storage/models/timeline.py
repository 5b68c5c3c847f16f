"""Tables of the timeline feature (filled in by that feature)."""
