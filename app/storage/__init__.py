"""The only SQLAlchemy code: models, engine, migrations, repositories, evidence store, audit."""
