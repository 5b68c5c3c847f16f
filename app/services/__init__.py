"""Use cases shared by the UI and the CLI, one package per feature (core, calls, messages, video,
timeline, dossier, office). They take a ServiceContext, the case as `case_id: int` (the fronts
resolve a case reference once with `core.cases.resolve_case`) and a progress object for long
work, and return plain dataclasses, never ORM rows. No Qt and no SQLAlchemy here: a use case
opens a unit of work (`ctx.session()` / `ctx.transaction()`) and hands its session to the
queries of `app.storage.repositories`."""
