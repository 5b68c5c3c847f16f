"""The only SQLAlchemy code: models, engine and migrations (`db`), units of work (`session`),
every query (`repositories/<feature>`, with the timeline's read model across features), the
content-addressed evidence store and the hash-chained audit log."""
