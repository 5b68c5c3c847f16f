-- Casebook office server: helper functions for the row-level security policies, triggers that
-- keep the two-person rule and the audit actor, and the change notifications.
-- Applied by `casebook admin init`; every statement can run again (CREATE OR REPLACE).
-- The SECURITY DEFINER helpers read the account tables as their owner (no policy recursion);
-- they take the user as an argument so a policy passes `current_user`, the querying role.
-- They are plpgsql, whose plans a session keeps: a SQL function is planned again in every
-- statement that calls it (about a millisecond per statement of a row-by-row import).

CREATE OR REPLACE FUNCTION casebook_has_role(u text, r text) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  RETURN (
    SELECT EXISTS (
      SELECT 1 FROM office_accounts a JOIN office_account_scopes s ON s.login = a.login
      WHERE a.login = u AND a.active AND s.kind = 'role' AND s.value = r)
  );
END $$;

-- Regions whose cases `u` reads (investigator or manager of the region).
CREATE OR REPLACE FUNCTION casebook_read_regions(u text) RETURNS text[]
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  RETURN (
    SELECT coalesce(array_agg(s.value), '{}') FROM office_account_scopes s
    WHERE s.login = u AND s.kind = 'region'
      AND (casebook_has_role(u, 'investigator') OR casebook_has_role(u, 'manager'))
  );
END $$;

-- Regions whose cases `u` works (investigator).
CREATE OR REPLACE FUNCTION casebook_work_regions(u text) RETURNS text[]
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  RETURN (
    SELECT coalesce(array_agg(s.value), '{}') FROM office_account_scopes s
    WHERE s.login = u AND s.kind = 'region' AND casebook_has_role(u, 'investigator')
  );
END $$;

-- Regions whose measures `u` decides (regional manager).
CREATE OR REPLACE FUNCTION casebook_decide_regions(u text) RETURNS text[]
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  RETURN (
    SELECT coalesce(array_agg(s.value), '{}') FROM office_account_scopes s
    WHERE s.login = u AND s.kind = 'region' AND casebook_has_role(u, 'manager')
  );
END $$;

-- Cases of the couriers a supervisor looks after (a subject party with one of their ids).
CREATE OR REPLACE FUNCTION casebook_supervised_cases(u text) RETURNS integer[]
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  RETURN (
    SELECT coalesce(array_agg(DISTINCT p.case_id), '{}') FROM parties p
    JOIN office_account_scopes s ON s.login = u AND s.kind = 'courier' AND s.value = p.courier_id
    WHERE p.role = 'subject' AND NOT p.deleted AND casebook_has_role(u, 'supervisor')
  );
END $$;

CREATE OR REPLACE FUNCTION casebook_case_readable(u text, cid integer) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  RETURN (
    SELECT EXISTS (
      SELECT 1 FROM cases c WHERE c.id = cid AND (
        casebook_has_role(u, 'auditor')
        OR c.region = ANY (casebook_read_regions(u))
        OR c.id = ANY (casebook_supervised_cases(u))))
  );
END $$;

CREATE OR REPLACE FUNCTION casebook_case_writable(u text, cid integer) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  RETURN (
    SELECT EXISTS (SELECT 1 FROM cases c WHERE c.id = cid AND c.region = ANY (casebook_work_regions(u)))
  );
END $$;

-- Statements: the investigators of the region and the courier's supervisor add them.
CREATE OR REPLACE FUNCTION casebook_statement_writable(u text, cid integer) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  RETURN (
    SELECT casebook_case_writable(u, cid) OR cid = ANY (casebook_supervised_cases(u))
  );
END $$;

CREATE OR REPLACE FUNCTION casebook_case_decidable(u text, cid integer) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  RETURN (
    SELECT EXISTS (SELECT 1 FROM cases c WHERE c.id = cid AND c.region = ANY (casebook_decide_regions(u)))
  );
END $$;

-- A case may be deleted by an administrator only through a confirmed destruction task that
-- lists it, planned and confirmed by two different people.
CREATE OR REPLACE FUNCTION casebook_destruction_allowed(u text, cid integer) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  RETURN (
    SELECT casebook_has_role(u, 'admin') AND EXISTS (
      SELECT 1 FROM destruction_tasks t
      WHERE t.status = 'confirmed' AND t.confirmed_by IS NOT NULL AND t.confirmed_by <> t.planned_by
        AND t.case_ids::jsonb @> to_jsonb(cid))
  );
END $$;

-- (session_user: inside a SECURITY DEFINER function current_user is the owner.)
-- What the retention rules need of every case, without its personal data: the administrator
-- plans destruction from this and sees no names, phones or texts.
CREATE OR REPLACE FUNCTION casebook_retention_facts()
RETURNS TABLE (id integer, number text, region text, status text, measure text,
               decided_at timestamptz, updated_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT c.id, c.number, c.region, c.status, c.measure, c.decided_at, c.updated_at FROM cases c
  WHERE casebook_has_role(session_user::text, 'admin')
$$;

-- Evidence blobs of a case (originals, stills, and the working copies made of videos without
-- timestamps) with the number of other cases that hold the same bytes (for the destruction
-- task, which erases only blobs no other case uses).
CREATE OR REPLACE FUNCTION casebook_case_blobs(cid integer)
RETURNS TABLE (sha256 text, kind text, other_cases bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH refs AS (
    SELECT e.case_id, e.sha256::text AS sha, e.kind::text AS kind FROM evidence e
    UNION ALL
    SELECT e.case_id, v.working_sha256::text, 'working_copy' FROM video_media v
      JOIN evidence e ON e.id = v.evidence_id WHERE v.working_sha256 IS NOT NULL)
  SELECT r.sha, min(r.kind),
         (SELECT count(DISTINCT o.case_id) FROM refs o WHERE o.sha = r.sha AND o.case_id <> cid)
  FROM refs r WHERE r.case_id = cid
    AND casebook_destruction_allowed(session_user::text, cid)
  GROUP BY r.sha
$$;

-- Only a measure approved by a regional manager closes a case.
CREATE OR REPLACE FUNCTION casebook_close_rule() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = 'closed' AND OLD.status IS DISTINCT FROM 'closed' AND NOT EXISTS (
      SELECT 1 FROM case_decisions d
      WHERE d.case_id = NEW.id AND d.step = 'approve' AND d.measure = NEW.measure
        AND d.id = (SELECT max(x.id) FROM case_decisions x WHERE x.case_id = NEW.id)) THEN
    RAISE EXCEPTION 'not allowed: case % closes only with a measure approved by a regional manager', NEW.number
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;

-- The manager who approves or returns is not the person who proposed.
CREATE OR REPLACE FUNCTION casebook_decision_rule() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.step <> 'propose' AND EXISTS (
      SELECT 1 FROM case_decisions p WHERE p.id = NEW.proposal_id AND p.actor = NEW.actor) THEN
    RAISE EXCEPTION 'not allowed: % cannot decide on their own proposal', NEW.actor
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;

-- The audit actor is the database role, not a name the client chose. Entries are inserted by
-- the SECURITY DEFINER `casebook_audit_append` (current_user is its owner there), so the check
-- names the logged-in role: session_user.
CREATE OR REPLACE FUNCTION casebook_audit_actor_rule() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.actor IS DISTINCT FROM session_user::text THEN
    RAISE EXCEPTION 'not allowed: audit entries are written as %, not as %', session_user, NEW.actor
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;

-- Change notifications carry nothing but a number. A statement that changes case data adds one
-- row per case to `office_changes` (who, which table; row-level security shows a row only to
-- those who read its case) and notifies the first new `seq`; each listener then reads the rows
-- from there as itself. TG_ARGV[0] selects the case ids from the transition table `r`.
CREATE OR REPLACE FUNCTION casebook_record_changes() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  first_seq bigint;
  ids integer[];
  fresh integer[];
  -- (table, case) pairs this transaction recorded already: a row-by-row import (through the
  -- masked views' triggers, one statement per row) records each case once, not once per row
  seen text := coalesce(current_setting('casebook.changes', true), '');
BEGIN
  IF TG_ARGV[0] = 'r.case_id' THEN  -- planned once per table (no dynamic SQL per row)
    SELECT array_agg(DISTINCT r.case_id) INTO ids FROM changed_rows r;
  ELSE
    EXECUTE format('SELECT array_agg(DISTINCT c) FROM (SELECT %s AS c FROM changed_rows r) s '
                   'WHERE c IS NOT NULL', TG_ARGV[0]) INTO ids;
  END IF;
  SELECT array_agg(c) INTO fresh FROM unnest(ids) c
    WHERE position(',' || TG_TABLE_NAME || ':' || c || ',' IN seen) = 0;
  IF fresh IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('casebook.changes', seen || ',' ||
    (SELECT string_agg(TG_TABLE_NAME || ':' || c, ',') FROM unnest(fresh) c) || ',', true);
  WITH added AS (
    INSERT INTO office_changes (case_id, table_name, actor, at)
    SELECT c, TG_TABLE_NAME, session_user, now() FROM unnest(fresh) c RETURNING seq)
  SELECT min(seq) INTO first_seq FROM added;
  -- the log is only for listeners catching up: keep its last 10,000 changes
  DELETE FROM office_changes WHERE seq < first_seq - 10000;
  PERFORM pg_notify('casebook', first_seq::text);
  RETURN NULL;
END $$;

-- The audit viewer needs only to know that the log grew: its length is no secret.
CREATE OR REPLACE FUNCTION casebook_notify_audit() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('casebook_audit', NEW.seq::text);
  RETURN NULL;
END $$;

DROP FUNCTION IF EXISTS casebook_notify_change() CASCADE;

-- Reveal masked personal data: checks that the logged-in role may read the record, writes the
-- `reveal` audit entry through the audit's own append function (actor = session_user, the
-- payload in the canonical form app.storage.audit.record writes) and only then returns the
-- value. Phones come back as E.164 values, one per array element.
CREATE OR REPLACE FUNCTION casebook_reveal(p_entity text, p_id integer, p_field text, p_reason text)
RETURNS text[]
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  cid integer;
  found text[];
  h_seq bigint;
  h_hash text;
  at_text text;
  payload text;
BEGIN
  IF p_entity = 'party' AND p_field IN ('phones', 'address') THEN
    SELECT p.case_id INTO cid FROM parties p WHERE p.id = p_id;
  ELSIF p_entity = 'order' AND p_field = 'address' THEN
    SELECT o.case_id INTO cid FROM orders o WHERE o.id = p_id;
  ELSE
    RAISE EXCEPTION '%.% cannot be revealed', p_entity, p_field USING ERRCODE = 'check_violation';
  END IF;
  BEGIN  -- the one guard of every reveal: a reason, and a case the person reads
    PERFORM casebook_reveal_allowed(cid, p_reason);
  EXCEPTION WHEN no_data_found THEN  -- named by the record asked for, not by its case
    RAISE EXCEPTION 'no % with id %', p_entity, p_id USING ERRCODE = 'no_data_found';
  END;
  IF p_entity = 'party' AND p_field = 'phones' THEN
    SELECT coalesce(array_agg(ph.value ORDER BY ph.id), '{}') INTO found
      FROM party_phones ph WHERE ph.party_id = p_id;
  ELSIF p_entity = 'party' THEN
    SELECT ARRAY[p.address] INTO found FROM parties p WHERE p.id = p_id;
  ELSE
    SELECT ARRAY[o.address] INTO found FROM orders o WHERE o.id = p_id;
  END IF;
  SELECT head_seq, head_hash INTO h_seq, h_hash FROM casebook_audit_head();
  at_text := to_char(date_trunc('second', clock_timestamp()) AT TIME ZONE 'UTC',
                     'YYYY-MM-DD"T"HH24:MI:SS"Z"');
  payload := '{"action":"reveal","actor":' || to_json(session_user::text)::text
    || ',"after":{"field":' || to_json(p_field)::text || ',"reason":'
    || to_json(btrim(p_reason))::text || '},"at":' || to_json(at_text)::text
    || ',"before":null,"case_id":' || cid || ',"entity":' || to_json(p_entity)::text
    || ',"entity_id":' || to_json(p_id::text)::text || ',"prev_hash":'
    || to_json(h_hash)::text || ',"seq":' || (h_seq + 1) || '}';
  PERFORM casebook_audit_append(payload,
    encode(sha256(convert_to(h_hash || payload, 'UTF8')), 'hex'));
  RETURN found;
END $$;

-- A reveal's audit entry, written as the logged-in role (the payload in the canonical form
-- app.storage.audit.record writes: keys sorted, no spaces).
CREATE OR REPLACE FUNCTION casebook_audit_reveal(p_case integer, p_entity text, p_entity_id text,
                                                 p_after text)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  h_seq bigint;
  h_hash text;
  payload text;
BEGIN
  SELECT head_seq, head_hash INTO h_seq, h_hash FROM casebook_audit_head();
  payload := '{"action":"reveal","actor":' || to_json(session_user::text)::text
    || ',"after":' || p_after || ',"at":'
    || to_json(to_char(date_trunc('second', clock_timestamp()) AT TIME ZONE 'UTC',
                       'YYYY-MM-DD"T"HH24:MI:SS"Z"'))::text
    || ',"before":null,"case_id":' || p_case || ',"entity":' || to_json(p_entity)::text
    || ',"entity_id":' || to_json(p_entity_id)::text || ',"prev_hash":'
    || to_json(h_hash)::text || ',"seq":' || (h_seq + 1) || '}';
  PERFORM casebook_audit_append(payload,
    encode(sha256(convert_to(h_hash || payload, 'UTF8')), 'hex'));
END $$;
REVOKE ALL ON FUNCTION casebook_audit_reveal(integer, text, text, text) FROM PUBLIC;

-- What every batch reveal asks first: a reason, and a case the person may read.
CREATE OR REPLACE FUNCTION casebook_reveal_allowed(p_case integer, p_reason text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF length(btrim(coalesce(p_reason, ''))) < 3 THEN
    RAISE EXCEPTION 'say why the personal data is revealed' USING ERRCODE = 'check_violation';
  END IF;
  IF p_case IS NULL OR NOT casebook_case_readable(session_user::text, p_case) THEN
    RAISE EXCEPTION 'no case with id %', p_case USING ERRCODE = 'no_data_found';
  END IF;
END $$;
REVOKE ALL ON FUNCTION casebook_reveal_allowed(integer, text) FROM PUBLIC;

-- The real numbers of some calls of a case (at most 1,000 ids are named in the entry), after
-- the audit entry that says who revealed which calls and why.
CREATE OR REPLACE FUNCTION casebook_reveal_calls(p_case integer, p_ids integer[], p_reason text)
RETURNS TABLE (id integer, caller text, callee text, virtual text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  ids integer[];
BEGIN
  PERFORM casebook_reveal_allowed(p_case, p_reason);
  IF EXISTS (SELECT 1 FROM calls c WHERE c.id = ANY (p_ids) AND c.case_id <> p_case) THEN
    RAISE EXCEPTION 'some calls belong to another case' USING ERRCODE = 'check_violation';
  END IF;
  SELECT coalesce(array_agg(c.id ORDER BY array_position(p_ids, c.id)), '{}') INTO ids
    FROM calls c WHERE c.id = ANY (p_ids) AND c.case_id = p_case;
  PERFORM casebook_audit_reveal(p_case, 'calls', p_case::text,
    '{"call_ids":' || to_json(ids[1:1000])::text || ',"count":' || cardinality(ids)
    || ',"field":"numbers","reason":' || to_json(btrim(p_reason))::text || '}');
  RETURN QUERY SELECT c.id, c.caller::text, c.callee::text, c.virtual::text
    FROM calls c WHERE c.id = ANY (ids) ORDER BY array_position(ids, c.id);
END $$;

-- A number of a case's calls becomes a party's phone: copied on the server, so the user
-- (who reads it masked) never handles the real value.
CREATE OR REPLACE FUNCTION casebook_link_number(p_number integer, p_party integer) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  cid integer;
BEGIN
  SELECT n.case_id INTO cid FROM call_numbers n JOIN parties p ON p.case_id = n.case_id
    WHERE n.id = p_number AND p.id = p_party;
  IF cid IS NULL OR NOT casebook_case_writable(session_user::text, cid) THEN
    RAISE EXCEPTION 'not allowed: % cannot link numbers in this case', session_user
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  INSERT INTO party_phones (party_id, raw, value, digits)
    SELECT p_party, n.value, n.value, n.digits FROM call_numbers n WHERE n.id = p_number;
END $$;

-- The real senders and sender numbers of some messages of a case, after the audit entry.
CREATE OR REPLACE FUNCTION casebook_reveal_messages(p_case integer, p_ids integer[], p_reason text)
RETURNS TABLE (id integer, sender text, sender_number text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  ids integer[];
BEGIN
  PERFORM casebook_reveal_allowed(p_case, p_reason);
  IF EXISTS (SELECT 1 FROM messages m WHERE m.id = ANY (p_ids) AND m.case_id <> p_case) THEN
    RAISE EXCEPTION 'some messages belong to another case' USING ERRCODE = 'check_violation';
  END IF;
  SELECT coalesce(array_agg(m.id ORDER BY array_position(p_ids, m.id)), '{}') INTO ids
    FROM messages m WHERE m.id = ANY (p_ids) AND m.case_id = p_case;
  PERFORM casebook_audit_reveal(p_case, 'messages', p_case::text,
    '{"count":' || cardinality(ids) || ',"field":"sender_number","message_ids":'
    || to_json(ids[1:1000])::text || ',"reason":' || to_json(btrim(p_reason))::text || '}');
  RETURN QUERY SELECT m.id, m.sender::text, m.sender_number::text
    FROM messages m WHERE m.id = ANY (ids) ORDER BY array_position(ids, m.id);
END $$;
