from __future__ import annotations

import pytest

#: Where the session keeps the suite's table for the terminal summary.
TABLE_KEY = pytest.StashKey[str]()


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Print the pass-rate table whenever the suite ran (pytest captures fixture output)."""
    table = config.stash.get(TABLE_KEY, None)
    if table:
        terminalreporter.write_sep(
            "=", "behavioural suite: pass rates per relation type, form and entity kind"
        )
        terminalreporter.write_line(table)
