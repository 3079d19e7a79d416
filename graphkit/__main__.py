"""``python -m graphkit``."""

from .cli import main

main(prog_name="graphkit")
