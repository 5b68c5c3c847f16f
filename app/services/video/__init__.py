"""The video feature: intake, exact frames, clock calibration, annotations, activity."""
