"""The regional office: shared evidence store, accounts and roles, two-person decisions,
retention and destruction, live refresh between workstations."""
