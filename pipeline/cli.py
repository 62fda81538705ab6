"""The ``unres`` command: build, validate, evaluate, info."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="unres", description="United Nations resolutions as versioned tables.")
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="build a release from the raw texts (headless Dagster run, in process)")
    build.add_argument("--raw", default="data/raw", help="directory of input texts (default: data/raw)")
    build.add_argument("--out", default="data/releases", help="releases directory (default: data/releases)")
    build.add_argument("--version", default="", help="release version (default: today's date, CalVer YYYY.M.D)")
    validate = commands.add_parser("validate", help="verify a release directory: checksums, schemas, foreign keys")
    validate.add_argument("path", type=Path)
    evaluate = commands.add_parser("evaluate", help="score the pipeline against gold annotations")
    evaluate.add_argument("gold", nargs="*", type=Path, help="gold folders (default: every folder under tests/gold)")
    commands.add_parser("info", help="list the tables and their columns")
    args = parser.parse_args(argv)

    if args.command == "build":
        from pipeline.build import build_release

        return build_release(Path(args.raw), Path(args.out), args.version)
    if args.command == "validate":
        from pipeline.verify import verify_release

        problems = verify_release(args.path)
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{args.path}: {'OK' if not problems else f'{len(problems)} problems'}")
        return 1 if problems else 0
    if args.command == "evaluate":
        from pipeline.evaluate import main as evaluate_main

        return evaluate_main(args.gold)
    if args.command == "info":
        from schemas import TABLES

        for name, spec in TABLES.items():
            columns = spec.model.to_schema().columns
            print(f"{name} ({', '.join(spec.primary_key)}): {spec.description}")
            for column_name, column in columns.items():
                print(f"  {column_name:<22} {column.dtype!s:<14} {column.description}")
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
