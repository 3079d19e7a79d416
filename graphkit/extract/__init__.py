"""Text to entities and relations. spaCy is imported here and nowhere else."""

from __future__ import annotations

from .api import extract_documents, extract_text, resolve_model_name

__all__ = ["extract_documents", "extract_text", "resolve_model_name"]
