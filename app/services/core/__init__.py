"""The core feature: cases, parties, records, evidence files, the audit log, the context."""
