"""Plain-Python domain: entities, enums, rules, detectors, clock correction. Stdlib only."""
