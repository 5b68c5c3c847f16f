"""Case use cases on SQLite and PostgreSQL: numbering, workflow, validation, search, locking."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.domain.errors import Conflict, Duplicate, NotFound, ValidationError
from app.services.core import audit, cases, parties, records
from app.services.core.cases import CaseInput
from app.services.core.parties import PartyInput

RECEIVED = datetime(2025, 10, 1, 7, 0, tzinfo=UTC)


def new_case(ctx, title="Курьер звонил с разных номеров", region="MSK", tz="Europe/Moscow"):
    return cases.create_case(
        ctx, CaseInput(title=title, region=region, tz=tz, received_at=RECEIVED)
    )


def test_numbers_are_sequential_per_region_and_year(ctx):
    a = new_case(ctx)
    b = new_case(ctx)
    c = new_case(ctx, region="NSK", tz="Asia/Novosibirsk")
    assert (a.number, b.number, c.number) == ("MSK-2025-0001", "MSK-2025-0002", "NSK-2025-0001")


def test_year_of_the_number_follows_the_case_zone(ctx):
    # 31 Dec 2025 20:00 UTC is already 2026 in Vladivostok (UTC+10).
    late = datetime(2025, 12, 31, 20, 0, tzinfo=UTC)
    case = cases.create_case(
        ctx, CaseInput(title="t", region="VVO", tz="Asia/Vladivostok", received_at=late)
    )
    assert case.number == "VVO-2026-0001"


def test_explicit_duplicate_number_is_refused(ctx):
    new_case(ctx)
    with pytest.raises(Duplicate):
        cases.create_case(
            ctx, CaseInput(title="x", region="MSK", tz="Europe/Moscow", number="MSK-2025-0001")
        )


@pytest.mark.parametrize(
    "field,value",
    [("tz", "Mars/Olympus"), ("category", "gossip"), ("title", "  "), ("region", "two words")],
)
def test_bad_case_input_is_refused(ctx, field, value):
    data = {"title": "t", "region": "MSK", "tz": "Europe/Moscow", field: value}
    with pytest.raises(ValidationError):
        cases.create_case(ctx, CaseInput(**data))
    assert cases.search_cases(ctx).total == 0


def test_phones_normalise_to_one_number(ctx):
    case = new_case(ctx)
    result = parties.add_party(
        ctx, case.id, PartyInput(role="complainant", name="Иванова", phones=("8 (916) 123-45-67",))
    )
    assert result.party.phones_masked == ("+7 916 ***-**-67",)
    for form in ("+7 916 1234567", "79161234567", "916-123"):
        assert cases.search_cases(ctx, text=form).total == 1, form
    with pytest.raises(ValidationError):
        parties.add_party(
            ctx,
            case.id,
            PartyInput(role="witness", name="x", phones=("+7 916 1234567", "79161234567")),
        )


def test_invalid_phone_saves_nothing(ctx):
    case = new_case(ctx)
    before = audit.chain_head(ctx)
    with pytest.raises(ValidationError):
        parties.add_party(ctx, case.id, PartyInput(role="witness", name="x", phones=("12",)))
    assert cases.get_case(ctx, case.id).parties == []
    assert audit.chain_head(ctx) == before


def test_cyrillic_search_is_case_insensitive(ctx):
    case = new_case(ctx, title="ЖАЛОБА на курьера")
    parties.add_party(ctx, case.id, PartyInput(role="complainant", name="ИВАНОВА Алёна"))
    assert cases.search_cases(ctx, text="жалоба").total == 1
    assert cases.search_cases(ctx, text="иванова").total == 1
    assert cases.search_cases(ctx, text="алена").total == 1  # ё typed as е
    assert cases.search_cases(ctx, text="петров").total == 0


def test_search_finds_order_numbers_and_courier_ids(ctx):
    case = new_case(ctx)
    parties.add_party(
        ctx, case.id, PartyInput(role="subject", name="Петров", courier_id="CR-55017")
    )
    records.add_order(ctx, case.id, records.OrderInput(number="87612345-0042"))
    assert cases.search_cases(ctx, text="87612345").total == 1
    assert cases.search_cases(ctx, text="cr-55017").total == 1


def test_subject_needs_courier_id(ctx):
    case = new_case(ctx)
    with pytest.raises(ValidationError):
        parties.add_party(ctx, case.id, PartyInput(role="subject", name="Петров"))


def test_workflow_and_measure(ctx):
    case = new_case(ctx)
    with pytest.raises(ValidationError):
        cases.set_status(ctx, case.id, "closed", case.version)
    detail = cases.set_status(ctx, case.id, "in_progress", case.version)
    detail = cases.set_status(ctx, case.id, "awaiting_decision", detail.version)
    with pytest.raises(ValidationError):
        cases.set_status(ctx, case.id, "closed", detail.version)  # no measure
    detail = cases.set_status(ctx, case.id, "closed", detail.version, measure="blacklist")
    assert detail.status == "closed" and detail.measure == "blacklist" and detail.decided_at


def test_optimistic_locking(ctx):
    case = new_case(ctx)
    first = cases.update_case(ctx, case.id, case.version, title="Новое название")
    with pytest.raises(Conflict):
        cases.update_case(ctx, case.id, case.version, title="Старое окно")
    assert cases.get_case(ctx, case.id).title == "Новое название"
    assert first.version == case.version + 1


def test_statement_before_received_is_refused(ctx):
    case = new_case(ctx)
    with pytest.raises(ValidationError):
        records.add_statement(
            ctx,
            case.id,
            records.StatementInput(None, RECEIVED - timedelta(days=1), "Сидоров", "текст"),
        )


def test_soft_delete_and_restore(ctx):
    case = new_case(ctx)
    event = records.add_event(
        ctx,
        case.id,
        records.EventInput(
            at=RECEIVED - timedelta(days=2), text="Курьер у двери", uncertainty_s=900
        ),
    )
    version = records.set_deleted(ctx, "event", event.id, event.version, True)
    assert cases.get_case(ctx, case.id).events == []
    records.set_deleted(ctx, "event", event.id, version, False)
    assert [e.text for e in cases.get_case(ctx, case.id).events] == ["Курьер у двери"]


def test_blacklisted_courier_warns(ctx):
    first = new_case(ctx)
    parties.blacklist_add(ctx, "CR-1", "угрозы клиентке", first.id)
    second = new_case(ctx)
    result = parties.add_party(
        ctx, second.id, PartyInput(role="subject", name="Петров", courier_id="CR-1")
    )
    assert result.warnings == ["blacklisted"] and result.party.blacklisted


def test_reveal_needs_reason_and_is_audited(ctx):
    case = new_case(ctx)
    party = parties.add_party(
        ctx,
        case.id,
        PartyInput(
            role="complainant",
            name="И",
            phones=("+79161234567",),
            address="г. Москва, ул. Ленина, д. 5, кв. 12",
        ),
    ).party
    assert party.address_masked == "г. Москва, ***"
    with pytest.raises(ValidationError):
        parties.reveal(ctx, "party", party.id, "phones", "")
    assert parties.reveal(ctx, "party", party.id, "phones", "запрос полиции") == "+7 916 123-45-67"
    newest = audit.list_entries(ctx, case_id=case.id, limit=1)[0]
    assert newest.action == "reveal" and newest.after == {
        "field": "phones",
        "reason": "запрос полиции",
    }
    assert "9161234567" not in str(audit.list_entries(ctx))


def test_unknown_case(ctx):
    with pytest.raises(NotFound):
        cases.resolve_case(ctx, "MSK-2099-0001")
    with pytest.raises(NotFound):
        cases.get_case(ctx, 999_999)


def test_search_pages_carry_the_total(ctx):
    for i in range(3):
        new_case(ctx, title=f"Жалоба {i}")
    new_case(ctx, title="Другое")
    first = cases.search_cases(ctx, text="жалоба", limit=2)
    assert (first.total, len(first.rows)) == (3, 2)
    last = cases.search_cases(ctx, text="жалоба", offset=2, limit=2)
    assert (last.total, [r.title for r in last.rows]) == (3, ["Жалоба 0"])
    beyond = cases.search_cases(ctx, text="жалоба", offset=5, limit=2)
    assert (beyond.total, beyond.rows) == (3, [])
    assert cases.search_cases(ctx, offset=1, limit=2).total == 4
    assert cases.search_cases(ctx, text="нет такого").total == 0


def test_search_pages_by_key(ctx):
    """Keyset paging: each page continues after the last case of the previous one, in the
    list's order (newest received first, the id breaking ties), whatever the page size."""
    base = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
    made = [
        cases.create_case(
            ctx,
            CaseInput(
                title=f"Жалоба {i}",
                region="MSK",
                tz="Europe/Moscow",
                received_at=base + timedelta(hours=i // 2),  # pairs share a time: ids break ties
            ),
        )
        for i in range(7)
    ]
    new_case(ctx, title="Другое")
    expected = [c.id for c in sorted(made, key=lambda c: (c.received_at, c.id), reverse=True)]
    seen, after = [], None
    while True:
        page = cases.search_cases(ctx, text="ЖАЛОБА", limit=3, after=after)
        assert page.total == 7
        if not page.rows:
            break
        seen += [r.id for r in page.rows]
        after = page.rows[-1].id
    assert seen == expected
    by_title = cases.search_cases(
        ctx, text="жалоба", order_by="title", descending=False, limit=2, after=made[1].id
    )
    assert [r.title for r in by_title.rows] == ["Жалоба 2", "Жалоба 3"]
    with pytest.raises(NotFound):
        cases.search_cases(ctx, after=999_999)


def test_a_short_first_page_is_its_own_total(ctx):
    for i in range(2):
        new_case(ctx, title=f"Жалоба {i}")
    assert cases.search_cases(ctx, text="жалоба", limit=5).total == 2
    assert [s.title for s in cases.first_case_page(ctx, text="ЖАЛОБА", limit=1)] == ["Жалоба 1"]


def test_all_matching_ids_in_list_order(ctx):
    """The list model's read (through the driver's cursor): filters, Cyrillic case folding,
    LIKE wildcards taken literally, sort order, on SQLite and PostgreSQL."""
    made = [new_case(ctx, title=t) for t in ("Жалоба А", "жалоба 100%", "Другое", "ЖАЛОБА_Б")]
    ids = cases.search_case_ids(ctx, text="ЖАЛОБА")
    assert ids == [made[3].id, made[1].id, made[0].id]  # newest first (same received time)
    assert cases.search_case_ids(ctx, text="100%") == [made[1].id]
    assert cases.search_case_ids(ctx, text="а_б") == [made[3].id]
    by_title = cases.search_case_ids(ctx, order_by="title", descending=False, status="new")
    assert len(by_title) == 4 and by_title[0] == made[2].id
    assert cases.search_case_ids(ctx, status="closed") == []


def test_every_matching_id_in_the_order_of_the_pages(ctx):
    """The list's read of every id (one text from the database, a text search sorted after
    the scan) gives the ids in exactly the order the pages show them: received time with ids
    breaking ties, both directions, other columns, with and without text, on SQLite and
    PostgreSQL."""
    base = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
    for i in range(24):
        cases.create_case(
            ctx,
            CaseInput(
                title=f"{'Жалоба' if i % 3 else 'Другое'} {i % 5}",
                region="MSK" if i % 2 else "SPB",
                tz="Europe/Moscow",
                received_at=base + timedelta(hours=(i * 7) % 5),  # times shared: ids decide
            ),
        )
    for text in ("", "ЖАЛОБА", "другое 3", "нет такого"):
        for order_by in ("received_at", "title", "region", "number"):
            for descending in (True, False):
                paged = cases.search_cases(
                    ctx, text=text, order_by=order_by, descending=descending, limit=100
                )
                ids = cases.search_case_ids(
                    ctx, text=text, order_by=order_by, descending=descending
                )
                assert ids == [r.id for r in paged.rows], (text, order_by, descending)
                assert all(isinstance(i, int) for i in ids)


def test_the_first_screen_looks_through_the_newest_cases_only(ctx, monkeypatch):
    """The list's first screen is the exact start of the full result, found among the first
    cases of the sort order (a window, so a rare match never makes it scan every case):
    what it shows is what every id begins with; a match beyond the window waits for them."""
    from app.storage.repositories.core import cases as repo

    monkeypatch.setattr(repo, "FIRST_WINDOW", 6)
    base = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
    for i in range(12):
        title = "Редкое" if i == 0 else f"Жалоба {i}"  # the oldest: last in the list
        cases.create_case(
            ctx,
            CaseInput(
                title=title, region="MSK", tz="Europe/Moscow", received_at=base + timedelta(hours=i)
            ),
        )
    every = cases.search_case_ids(ctx, text="жалоба")
    first = [c.id for c in cases.first_case_page(ctx, text="жалоба", limit=4)]
    assert first == every[:4]
    first = [c.id for c in cases.first_case_page(ctx, text="жалоба", limit=100)]
    assert first == every[:6]  # the window's matches, in order
    assert cases.first_case_page(ctx, text="редкое") == []
    assert len(cases.search_case_ids(ctx, text="редкое")) == 1
    oldest_first = cases.first_case_page(ctx, descending=False, limit=2)
    assert [c.title for c in oldest_first] == ["Редкое", "Жалоба 1"]
