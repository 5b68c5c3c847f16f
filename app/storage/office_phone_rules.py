"""The national numbers of `+` numbers as phonenumbers reads them, for the office server's mask.

`app.domain.phones.mask` masks a number from phonenumbers' reading of it: the calling code, then
the national number, from which phonenumbers strips a national prefix written after the code
(`+7 8 916 …` reads as `+7 916 …`) when the result is still a possible number. The server
masks the same way with the same rules: each calling code's prefix pattern, transform rule,
national number pattern and possible lengths, taken from phonenumbers' metadata and written
into one IMMUTABLE plpgsql function (`casebook_private.national`), a port of phonenumbers'
`_maybe_strip_national_prefix_carrier_code` and `_test_number_length`. A new phonenumbers
changes the function's text, and so the fingerprint that makes `admin init` recompute the
stored masked forms."""

from __future__ import annotations

from dataclasses import dataclass

import phonenumbers
from phonenumbers import PhoneMetadata


@dataclass(frozen=True)
class _Rule:
    code: str
    prefix: str | None
    transform: str | None
    general: str | None
    lengths: tuple[int, ...]
    local_lengths: tuple[int, ...]


def _rules() -> list[_Rule]:
    """The main region's rules of every calling code phonenumbers knows."""
    rules = []
    for code in sorted(phonenumbers.COUNTRY_CODE_TO_REGION_CODE):
        region = phonenumbers.region_code_for_country_code(code)
        meta = PhoneMetadata.metadata_for_region_or_calling_code(code, region)
        if meta is None or not meta.national_prefix_for_parsing:
            continue  # nothing is ever stripped
        desc = meta.general_desc
        rules.append(
            _Rule(
                str(code),
                meta.national_prefix_for_parsing,
                meta.national_prefix_transform_rule or None,
                desc.national_number_pattern if desc is not None else None,
                tuple(desc.possible_length or ()) if desc is not None else (),
                tuple(desc.possible_length_local_only or ()) if desc is not None else (),
            )
        )
    return rules


def _literal(value: str | None) -> str:
    if value is None:
        return "NULL"
    if "'" in value:
        raise ValueError(f"unexpected quote in a phonenumbers pattern: {value!r}")
    return f"'{value}'"


def _array(values: tuple[int, ...]) -> str:
    return "ARRAY[" + ",".join(str(v) for v in values) + "]::integer[]"


def national_sql() -> str:
    """`casebook_private.national(code, digits)`: the national number phonenumbers reads from
    the digits after the calling code `code`."""
    branches = "\n".join(
        f"    WHEN {_literal(r.code)} THEN prefix := {_literal(r.prefix)}; "
        f"transform := {_literal(r.transform)}; general := {_literal(r.general)}; "
        f"lengths := {_array(r.lengths)}; local_lengths := {_array(r.local_lengths)};"
        for r in _rules()
    )
    return f"""
CREATE OR REPLACE FUNCTION casebook_private.national(code text, n text) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $fn$
DECLARE
  prefix text;
  transform text;
  general text;
  lengths integer[];
  local_lengths integer[];
  found text[];
  stripped text;
  size integer;
BEGIN
  CASE code
{branches}
    ELSE RETURN n;
  END CASE;
  found := regexp_match(n, '^(' || prefix || ')');
  IF found IS NULL THEN
    RETURN n;
  END IF;
  IF transform IS NULL OR found[array_length(found, 1)] IS NULL THEN
    stripped := substr(n, length(found[1]) + 1);
  ELSE
    stripped := regexp_replace(n, '^(?:' || prefix || ')', transform);
  END IF;
  -- a possible number is kept when stripping would make it impossible
  IF general IS NOT NULL AND n ~ ('^(?:' || general || ')$')
     AND stripped !~ ('^(?:' || general || ')$') THEN
    RETURN n;
  END IF;
  -- phonenumbers' length test: kept unless too short, local only or of no possible length
  size := length(stripped);
  IF lengths[1] = -1 OR size = ANY (local_lengths) OR size < lengths[1] THEN
    RETURN n;
  END IF;
  IF size = lengths[1] OR size > lengths[array_length(lengths, 1)]
     OR size = ANY (lengths[2:]) THEN
    RETURN stripped;
  END IF;
  RETURN n;
END $fn$;
"""
