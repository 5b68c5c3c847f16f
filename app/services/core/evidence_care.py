"""Care of the evidence store: removing what failed or killed imports left behind (at every
start, and fully by `casebook evidence verify --repair`), audited when anything goes."""

from __future__ import annotations

from app.services.core.context import ServiceContext
from app.services.core.outputs import sweep_partial_outputs
from app.storage.evidence_store import SweepResult
from app.storage.repositories import blobs

# Another process may have stored a blob and not yet committed its row (a long video intake):
# only leftovers older than this are removed.
START_GRACE_S = 600.0


def sweep_store(ctx: ServiceContext, *, full: bool, grace_s: float = START_GRACE_S) -> SweepResult:
    """Remove orphan blobs and partial files; one `repair` audit entry names what went."""

    def referenced(shas: set[str]) -> set[str]:
        with ctx.session() as session:
            return blobs.referenced(session, shas)

    result = ctx.evidence.sweep(referenced, grace_s, full=full)
    result.partials += sweep_partial_outputs(ctx, grace_s)
    if result.orphans or result.partials:
        with ctx.transaction() as session:
            ctx.audit(
                session,
                action="repair",
                entity="evidence_store",
                entity_id=0,
                after={
                    "orphans_removed": result.orphans,
                    "partials_removed": result.partials,
                    "full": full,
                },
            )
    return result
