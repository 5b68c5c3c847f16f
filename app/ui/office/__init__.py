"""The office in the workstation: live refresh from the server, the two-person decision
dialog, retention and destruction, and the login to an office server."""
