"""Ingest: bytes → typed records and issues (diaries, treatments, questionnaires)."""
