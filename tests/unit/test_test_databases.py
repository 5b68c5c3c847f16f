"""The test databases: copies of a template migrated once per session, empty on request."""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa

from app.services.core import cases
from app.storage import db


def test_each_test_gets_a_migrated_database_of_its_own(ctx: Any) -> None:
    db.check_schema(ctx.engine)  # at head: a newer or older schema raises
    assert cases.search_cases(ctx).total == 0
    cases.create_case(ctx, cases.CaseInput(title="Первое", region="MSK", tz="Europe/Moscow"))
    assert cases.search_cases(ctx).total == 1


def test_a_second_test_does_not_see_the_first_ones_case(ctx: Any) -> None:
    assert cases.search_cases(ctx).total == 0


@pytest.mark.fresh_database
def test_fresh_database_mark_gives_an_empty_database(db_url: str) -> None:
    engine = sa.create_engine(db_url)
    try:
        assert sa.inspect(engine).get_table_names() == []
    finally:
        engine.dispose()
