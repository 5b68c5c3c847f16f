"""The timeline feature: every source of a case on one corrected clock."""
