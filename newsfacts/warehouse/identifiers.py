"""The one rule for names spliced into SQL text (schemas, tables, columns, models): values are bound as parameters,
but a name cannot be, so every name that reaches an f-string passes `identifier` first."""

from __future__ import annotations

import re

# Lower-case only: DuckDB folds unquoted names to lower case, so this is the one spelling two names cannot share.
_PLAIN = re.compile(r"^[a-z_][a-z0-9_]*$")


def identifier(name: str) -> str:
    """Return name if it is a plain lower-case SQL identifier; raise ValueError otherwise."""
    if not _PLAIN.match(name):
        raise ValueError(f"not a plain SQL identifier: {name!r}")
    return name
