"""`casebook export dossier|package CASE --profile police|management [--lang ru|en] --out FILE`
and `casebook verify-package FILE.zip [--extract DIR]` (exit 1 naming the first bad member)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.common import CheckFailed
from app.domain.dossier import LANGS, PROFILES

if TYPE_CHECKING:
    from app.services.core.context import ServiceContext
    from app.services.dossier.assemble import DossierOptions


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("export", help="dossier PDF and evidence package", parents=[common])
    export_sub = parser.add_subparsers(dest="export_command", required=True)
    for name, handler, help_text in (
        ("dossier", _dossier, "the PDF dossier of a case"),
        ("package", _package, "a ZIP with the dossier, evidence files and manifests"),
    ):
        cmd = export_sub.add_parser(name, help=help_text, parents=[common])
        cmd.add_argument("case", help="case id or number")
        cmd.add_argument("--profile", required=True, choices=PROFILES)
        cmd.add_argument("--lang", default="ru", choices=LANGS)
        cmd.add_argument("--addressee", default="", help="police: to whom the dossier goes")
        cmd.add_argument("--out", required=True, type=Path)
        cmd.set_defaults(handler=handler)
    verify = sub.add_parser("verify-package", help="check an evidence package", parents=[common])
    verify.add_argument("file", type=Path)
    verify.add_argument(
        "--extract",
        type=Path,
        metavar="DIR",
        help="after a successful check, unpack into DIR (never outside it)",
    )
    verify.set_defaults(handler=_verify, needs_context=False)


def _options(args: argparse.Namespace) -> DossierOptions:
    from app.services.dossier.assemble import DossierOptions

    return DossierOptions(profile=args.profile, lang=args.lang, addressee=args.addressee)


def _dossier(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.services.core.cases import resolve_case
    from app.services.dossier.export import export_dossier

    result = export_dossier(ctx, resolve_case(ctx, args.case), _options(args), args.out)
    return {
        "path": str(result.path),
        "sha256": result.sha256,
        "pages": result.pages,
        "profile": result.profile,
        "warnings": list(result.warnings),
        "audit_checkpoint": result.checkpoint.anchor,
    }


def _package(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.services.core.cases import resolve_case
    from app.services.dossier.export import export_package

    result = export_package(ctx, resolve_case(ctx, args.case), _options(args), args.out)
    return {
        "path": str(result.path),
        "sha256": result.sha256,
        "files": list(result.files),
        "audit_checkpoint": result.checkpoint.anchor,
    }


def _verify(args: argparse.Namespace, ctx: ServiceContext | None) -> dict[str, Any]:
    from app.services.dossier.export import check_package, unpack_package

    if not args.file.is_file():
        raise FileNotFoundError(2, "No such file", str(args.file))
    check = check_package(args.file)
    payload = {
        "path": str(args.file),
        "ok": check.ok,
        "files": check.files,
        "bad_member": check.bad_member,
        "problem": check.problem,
    }
    if not check.ok:
        where = f"{check.bad_member}: " if check.bad_member else ""
        raise CheckFailed(payload, f"{args.file}: {where}{check.problem}")
    if args.extract is not None:
        payload["extracted"] = [str(p) for p in unpack_package(args.file, args.extract)]
    return payload
