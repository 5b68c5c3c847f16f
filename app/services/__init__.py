"""Use cases shared by the UI and the CLI. They take a ServiceContext (and a progress object for
long work) and return plain dataclasses, never live ORM rows. No Qt here.

Units of work use the ORM session from the context; queries of any weight live in
`app.storage.repositories`."""
