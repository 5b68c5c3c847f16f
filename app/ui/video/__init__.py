"""The video tab of a case: evidence list, frame-exact player, annotations, clock correction."""
