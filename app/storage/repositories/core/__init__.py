"""Every query of the core feature: cases (lookup, search, paging), parties, their phones and the
courier blacklist, orders, statements and manual events, evidence files and audit reads; with
`convert`, the mapping of their rows to the plain records of `app.domain.case_records`.

Functions take the session of the service's unit of work (`ServiceContext.session()` or
`.transaction()`) and never commit; rows they return for editing stay inside that unit."""
