"""Queries that are more than a get-by-id: search, paging, denormalised search text."""
