"""File parsers: call-log and order exports (CSV, XLSX) → domain records. No SQL here.

`sniff` finds encoding, delimiter and header; `tabular` streams rows; `values` reads dates,
durations and codes; `mapping` guesses which column holds which field and holds the presets;
`calls` and `orders` turn rows into records or line-numbered rejections, lazily.
"""
