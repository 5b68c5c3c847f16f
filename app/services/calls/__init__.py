"""The calls feature: call-log and order imports, browsing, reveal, the misuse detectors."""
