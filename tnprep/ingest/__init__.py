"""tnprep.ingest."""
