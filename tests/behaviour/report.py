"""Print the behavioural suite's pass rates per relation type, form and entity kind, and P/R/F1.

python -m tests.behaviour.report [--failures] [--group GROUP] [--model NAME]
"""

from __future__ import annotations

import argparse
import time

from .cases import build_cases
from .suite import format_failures, format_table, run, summarize


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Pass rates of the behavioural suite on the current code.")
    parser.add_argument("--failures", action="store_true", help="also list every failing case")
    parser.add_argument(
        "--group", help="list failures of one group only (employer, negative, entity:lab, ...)"
    )
    parser.add_argument("--model", help="spaCy pipeline to extract with (default as graphkit extract)")
    parser.add_argument("--no-forms", action="store_true", help="leave out the per-form rows")
    args = parser.parse_args(argv)
    cases = build_cases()
    start = time.perf_counter()
    summary = summarize(run(cases, model=args.model))
    print(format_table(summary, forms=not args.no_forms))
    print(f"\n{len(cases)} texts in {time.perf_counter() - start:.1f} s")
    if args.failures or args.group:
        print()
        print(format_failures(summary, args.group))


if __name__ == "__main__":
    main()
