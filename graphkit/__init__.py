"""graphkit: a knowledge graph of people, organizations and institutions from articles.

Read -> parse -> extract -> resolve -> graph -> render/query. The functions
here are the library the ``graphkit`` command is a thin layer over. Importing
graphkit does not import spaCy; only extraction does.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .errors import (
    AmbiguousEntity,
    EntityNotFound,
    GraphFileError,
    GraphkitError,
    InputError,
    ModelNotFound,
)
from .model import DocumentResult, Entity, EntityType, Evidence, Mention, Relation, RelationType


def extract_text(
    text: str,
    *,
    doc_id: str = "text",
    model: str | None = None,
    model_path: str | None = None,
    rules_only: bool = False,
) -> DocumentResult:
    """Extract the entities and relations of one text (see ``graphkit.extract``).

    ``model_path`` names a relation model written by ``graphkit train`` (default: the
    shipped one); ``rules_only`` decides relations by the rule patterns alone.
    """
    from .extract import extract_text as _extract_text

    return _extract_text(text, doc_id=doc_id, model=model, model_path=model_path, rules_only=rules_only)


def __getattr__(name: str):
    # Lazy re-exports keep ``import graphkit`` light (no spaCy, no pyvis).
    if name in ("extract_paths", "build_graph", "build_graph_from_results"):
        from . import build

        return getattr(build, name)
    if name in ("load_graph", "save_graph", "graph_to_json"):
        from . import graph

        return getattr(graph, name)
    if name in ("connections", "find_entity"):
        from . import query

        return getattr(query, name)
    if name in ("render_html", "ego_graph"):
        from . import render

        return getattr(render, name)
    if name in ("shortest_paths",):
        from . import paths

        return paths.shortest_paths
    if name in ("graph_stats",):
        from . import stats

        return stats.graph_stats
    if name in ("export_graph", "node_rows", "edge_rows"):
        from . import export

        return getattr(export, name)
    if name in ("evaluate",):
        from . import evaluate

        return evaluate.evaluate
    raise AttributeError(f"module 'graphkit' has no attribute {name!r}")


__all__ = [
    "AmbiguousEntity",
    "DocumentResult",
    "Entity",
    "EntityNotFound",
    "EntityType",
    "Evidence",
    "GraphFileError",
    "GraphkitError",
    "InputError",
    "Mention",
    "ModelNotFound",
    "Relation",
    "RelationType",
    "__version__",
    "build_graph",
    "build_graph_from_results",
    "connections",
    "edge_rows",
    "ego_graph",
    "evaluate",
    "export_graph",
    "extract_paths",
    "extract_text",
    "find_entity",
    "graph_stats",
    "load_graph",
    "node_rows",
    "render_html",
    "save_graph",
    "shortest_paths",
]
