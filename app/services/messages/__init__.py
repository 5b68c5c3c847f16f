"""The messages feature's use cases (issue 13): importing chat exports and screenshots,
listing and revealing messages, linking senders to parties, the message detectors, and the
messages' timeline events."""
