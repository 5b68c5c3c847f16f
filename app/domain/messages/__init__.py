"""Messages (issue 13): chat and SMS records, abuse and threat detection, message detectors."""
