"""The national numbers of `+` numbers as phonenumbers reads them, for the office server's mask.

`app.domain.phones.mask` masks a number from phonenumbers' reading of it: the calling code, then
the national number, from which phonenumbers strips a national prefix written after the code
(`+7 8 916 …` reads as `+7 916 …`) when the result is still a possible number. The server
masks the same way with the same rules: each calling code's prefix pattern, transform rule,
national number pattern and possible lengths, taken from phonenumbers' metadata as one jsonb
constant, read by an IMMUTABLE plpgsql function (`casebook_private.national`), a port of
phonenumbers' `_maybe_strip_national_prefix_carrier_code` and `_test_number_length`. The same
constant names every calling code (`calling_code`). A new phonenumbers changes the functions'
text, and so the fingerprint that makes `admin init` recompute the stored masked forms."""

from __future__ import annotations

import json
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
    """The main region's rules of every calling code phonenumbers knows (codes whose numbers
    have no national prefix to strip have none)."""
    rules = []
    for code in sorted(phonenumbers.COUNTRY_CODE_TO_REGION_CODE):
        region = phonenumbers.region_code_for_country_code(code)
        meta = PhoneMetadata.metadata_for_region_or_calling_code(code, region)
        if meta is None or not meta.national_prefix_for_parsing:
            rules.append(_Rule(str(code), None, None, None, (), ()))  # nothing is stripped
            continue
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


def _rules_json() -> str:
    """{code: {"p": prefix, "t": transform, "g": number pattern, "l": lengths, "o": local
    lengths}} as a SQL literal (no quote occurs in phonenumbers' patterns)."""
    rules = {
        r.code: {
            "p": r.prefix,
            "t": r.transform,
            "g": r.general,
            "l": "{" + ",".join(map(str, r.lengths)) + "}",
            "o": "{" + ",".join(map(str, r.local_lengths)) + "}",
        }
        if r.prefix
        else {}
        for r in _rules()
    }
    text = json.dumps(rules, ensure_ascii=True, sort_keys=True)
    if "'" in text:
        raise ValueError("unexpected quote in phonenumbers' patterns")
    return f"'{text}'::jsonb"


def national_sql() -> str:
    """`casebook_private.national(code, digits)`: the national number phonenumbers reads from
    the digits after the calling code `code`. The rules are one constant (`phone_rules()`,
    folded into the function's cached plan), looked up by code."""
    return f"""
CREATE OR REPLACE FUNCTION casebook_private.phone_rules() RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$ SELECT {_rules_json()} $fn$;

-- The calling code the digits start with (codes are prefix-free: at most one matches).
CREATE OR REPLACE FUNCTION casebook_private.calling_code(d text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT CASE WHEN casebook_private.phone_rules() ? left(d, 1) THEN left(d, 1)
              WHEN casebook_private.phone_rules() ? left(d, 2) THEN left(d, 2)
              WHEN casebook_private.phone_rules() ? left(d, 3) THEN left(d, 3) END
$fn$;

CREATE OR REPLACE FUNCTION casebook_private.national(code text, n text) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $fn$
DECLARE
  rule jsonb := casebook_private.phone_rules() -> code;
  prefix text := rule ->> 'p';
  transform text := rule ->> 't';
  general text := rule ->> 'g';
  lengths integer[];
  local_lengths integer[];
  found text[];
  stripped text;
  size integer;
BEGIN
  IF prefix IS NULL THEN
    RETURN n;
  END IF;
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
  lengths := (rule ->> 'l')::integer[];
  local_lengths := (rule ->> 'o')::integer[];
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
