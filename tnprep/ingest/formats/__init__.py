"""Readers for known foreign exports, recognised by structure."""
