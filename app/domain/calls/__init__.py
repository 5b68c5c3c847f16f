"""Calls domain: the call record, orders as the detectors see them, and the misuse detectors."""
