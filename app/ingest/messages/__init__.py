"""Chat exports and screenshots → message records (issue 13); no SQL, no Qt."""
