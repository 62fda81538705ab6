"""The ``unres`` command: build, release, download, validate, evaluate, info."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_CODES = """exit status: 0 done; 1 the work failed or found a problem (a build step or check failed, a download was
refused, a release does not verify); 2 wrong usage, reported before any work starts (a missing or wrong file,
directory, version or option)."""


class _Parser(argparse.ArgumentParser):
    """argparse, but wrong usage is one line naming the argument and where to look, not the usage block."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: {message}; see {self.prog} --help\n")


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(prog="unres", description="United Nations resolutions as versioned tables.", epilog=EXIT_CODES)
    parser.add_argument("--version", action="version", version=f"unres {_package_version()}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    build = commands.add_parser("build", help="build a release from the raw texts (headless Dagster run, in process)")
    build.add_argument("--raw", default="data/raw",
                       help="directory of a user's own inputs: text, PDF or Akoma Ntoso XML files (default: data/raw)")
    build.add_argument("--sources", default="data/sources",
                       help="directory of the source archives and their SOURCES.csv manifest (default: data/sources; "
                            "'' for none)")
    build.add_argument("--prefer", default=None,
                       help="form precedence when a resolution comes in several forms, best first (default: "
                            "akn_xml,pdf,pdf_text,compilation_text,text)")
    build.add_argument("--out", default="data/releases", help="releases directory (default: data/releases)")
    build.add_argument("--version", default="", help="release version (default: today's date, CalVer YYYY.M.D)")
    build.add_argument("--dist", default=None,
                       help="publish the archive and releases.json index here, and compare with the previous "
                            "release listed there (default: dist, or <out>/../dist when --out is given, so that "
                            "scratch builds never publish into the project's dist/; '' to skip)")
    build.add_argument("--gold", type=Path, default=None, help="gold annotations for accuracy.json (default: tests/gold)")
    build.add_argument("--cache", default=None,
                       help="document cache: rows of texts already built, by content hash, so that a rebuild parses "
                            "only what changed (default: data/cache, or <out>/../cache when --out is given; '' for none)")
    build.add_argument("--workers", type=int, default=0,
                       help="worker processes per build step (default: every core in process, 1 otherwise)")
    build.add_argument("--step-documents", type=int, default=1000,
                       help="documents per mapped build step (default: 1000)")
    build.add_argument("--dagster-home", type=Path, default=None,
                       help="record the run in this Dagster instance, as `make release` does with .dagster_home "
                            "so that `make ui` shows its history (default: a throw-away instance)")
    build.add_argument("--executor", default="in_process", choices=["in_process", "multiprocess"],
                       help="Dagster executor: in_process (default; steps share a worker pool) or multiprocess "
                            "(each step, and so each batch of documents, in its own process)")
    release = commands.add_parser("release", help="archive an existing release directory into dist/ and update releases.json")
    release.add_argument("path", type=Path, help="release directory, e.g. data/releases/2026.11.28")
    release.add_argument("--dist", type=Path, default=Path("dist"), help="distribution directory (default: dist)")
    download = commands.add_parser("download", help="download, verify and unpack a published release")
    download.add_argument("version", nargs="?", default="latest", help="version to fetch, or 'latest' (default)")
    download.add_argument("--to", type=Path, default=Path("data/releases"),
                          help="directory to unpack into, as <to>/<version> (default: data/releases)")
    download.add_argument("--from", dest="source", default=None,
                          help="base URL serving releases.json and the archives (default: $UNRES_RELEASE_URL or "
                               "the project's published location)")
    download.add_argument("--quiet", action="store_true", help="no progress output")
    validate = commands.add_parser("validate", help="verify a release directory: checksums, schemas, foreign keys")
    validate.add_argument("path", type=Path)
    evaluate = commands.add_parser("evaluate", help="score the pipeline against gold annotations")
    evaluate.add_argument("gold", nargs="*", type=Path, help="gold folders (default: every folder under tests/gold)")
    evaluate.add_argument("--release", type=Path, default=None,
                          help="also print the corpus health of this release (default: the newest under data/releases)")
    info = commands.add_parser("info", help="list the tables and their columns")
    info.add_argument("table", nargs="?", help="one table (default: every table)")
    args = parser.parse_args(argv)

    if args.command == "build":
        scratch = args.out != "data/releases"
        dist = args.dist if args.dist is not None else (str(Path(args.out).parent / "dist") if scratch else "dist")
        cache = args.cache if args.cache is not None else (
            str(Path(args.out).parent / "cache") if scratch else "data/cache")
        problem = _build_usage_problem(args, dist, cache)
        if problem:
            print(f"unres build: {problem}", file=sys.stderr)
            return 2
        from pipeline.build import build_release

        return build_release(Path(args.raw), Path(args.out), args.version, dist_dir=Path(dist) if dist else None,
                             sources_dir=Path(args.sources) if args.sources else None, precedence=args.prefer,
                             dagster_home=args.dagster_home,
                             gold_dir=args.gold, cache_dir=Path(cache) if cache else None, workers=args.workers,
                             step_documents=args.step_documents, executor=args.executor)
    if args.command == "release":
        if _refused_version("release", args.path.name):
            return 2
        if not args.path.is_dir():
            print(f"unres release: {args.path} is not a directory; give a release directory such as "
                  "data/releases/<version>", file=sys.stderr)
            return 2
        from pipeline.distribute import PublishError, publish
        from pipeline.verify import verify_release

        if args.dist.exists() and not args.dist.is_dir():
            print(f"unres release: --dist {args.dist} is not a directory", file=sys.stderr)
            return 2
        problems = verify_release(args.path)
        if problems:
            print(f"unres release: {args.path} does not verify; not published:", file=sys.stderr)
            for problem in problems[:10]:
                print(f"  {problem}", file=sys.stderr)
            return 1
        try:
            entry = publish(args.path, args.dist)
        except PublishError as error:
            print(f"unres release: {error}", file=sys.stderr)
            return 1
        print(f"archive: {args.dist / entry['archive']} ({entry['bytes']:,} bytes, sha256 {entry['sha256']})")
        return 0
    if args.command == "download":
        from pipeline.distribute import DownloadError, download

        if args.version != "latest" and _refused_version("download", args.version):
            return 2
        if args.to.exists() and not args.to.is_dir():
            print(f"unres download: --to {args.to} is a file; give the directory to unpack releases into "
                  "(created if missing)", file=sys.stderr)
            return 2
        try:
            path = download(args.version, args.to, args.source, progress=None if args.quiet else sys.stderr)
        except DownloadError as error:
            print(f"unres download: {error}", file=sys.stderr)
            return 1
        print(path)
        return 0
    if args.command == "validate":
        if not args.path.is_dir():
            print(f"unres validate: {args.path} is not a directory; give a release directory such as "
                  "data/releases/<version>", file=sys.stderr)
            return 2
        from pipeline.verify import verify_release

        problems = verify_release(args.path)
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{args.path}: {'OK' if not problems else f'{len(problems)} problem' + ('s' if len(problems) > 1 else '')}")
        return 1 if problems else 0
    if args.command == "evaluate":
        from pipeline.evaluate import main as evaluate_main
        from pipeline.evaluate import newest_release

        if args.release is not None and not (args.release / "SHA256SUMS").is_file():
            print(f"unres evaluate: --release {args.release} is not a release directory (no SHA256SUMS); give one "
                  "such as data/releases/<version>, or leave it out for the newest", file=sys.stderr)
            return 2
        return evaluate_main(args.gold, release=args.release or newest_release(Path("data/releases")))
    if args.command == "info":
        from schemas import TABLES

        if args.table is not None and args.table not in TABLES:
            print(f"unres info: no table {args.table!r}; the tables are {', '.join(TABLES)}", file=sys.stderr)
            return 2
        for name, spec in TABLES.items():
            if args.table is not None and name != args.table:
                continue
            columns = spec.model.to_schema().columns
            print(f"{name} ({', '.join(spec.primary_key)}): {spec.description}")
            for column_name, column in columns.items():
                print(f"  {column_name:<22} {column.dtype!s:<14} {column.description}")
        return 0
    return 2


def _build_usage_problem(args: argparse.Namespace, dist: str, cache: str) -> str | None:
    """What is wrong with the arguments of ``unres build``, found in well under a second, before the build."""
    from pipeline.distribute import InvalidVersion, check_version
    from pipeline.sources import FORMS, SourceError, load_manifest

    if args.version:
        try:
            check_version(args.version)
        except InvalidVersion as error:
            return str(error)
    for option, value in (("--out", args.out), ("--dist", dist), ("--cache", cache)):
        if value and Path(value).exists() and not Path(value).is_dir():
            return f"{option} {value} is a file; give a directory (it is created if missing)"
    if args.gold is not None and not args.gold.is_dir():
        return f"--gold {args.gold} is not a directory; give a folder of gold annotations such as tests/gold"
    if args.prefer is not None:
        forms = [form.strip() for form in args.prefer.split(",") if form.strip()]
        unknown = [form for form in forms if form not in FORMS]
        if unknown or not forms:
            return f"--prefer {args.prefer!r}: {', '.join(unknown) or 'no form'}; give forms among {','.join(FORMS)}"
    if args.workers < 0 or args.step_documents < 1:
        return "--workers must be 0 (every core) or more, and --step-documents 1 or more"
    raw = Path(args.raw)
    if not raw.is_dir():
        return f"--raw {raw} is not a directory; give the folder of your resolution files, e.g. data/raw"
    sources = []
    if args.sources:
        try:
            sources = load_manifest(Path(args.sources))
        except SourceError as error:
            return str(error)
        except (OSError, UnicodeDecodeError) as error:
            return f"{Path(args.sources) / 'SOURCES.csv'}: cannot be read ({error}); check the file and its permissions"
        missing = [source.archive for source in sources if not (Path(args.sources) / source.archive).is_file()]
        if missing:
            return (f"{Path(args.sources) / missing[0]}: listed in SOURCES.csv but missing ({len(missing)} of "
                    f"{len(sources)} archives); put the archives there or remove their rows")
    if not sources and not any(not path.name.startswith(".") for path in raw.iterdir()):
        where = f"{args.sources}/SOURCES.csv lists no archives" if args.sources else "--sources '' names no archives"
        return (f"nothing to build: --raw {raw} holds no files and {where}; add resolution files to {raw} "
                "or give --sources data/sources")
    return None


def _refused_version(command: str, version: str) -> bool:
    """Print why ``version`` is refused (it becomes a path under --out, --dist and --to), if it is."""
    from pipeline.distribute import InvalidVersion, check_version

    try:
        check_version(version)
    except InvalidVersion as error:
        print(f"unres {command}: {error}", file=sys.stderr)
        return True
    return False


def _package_version() -> str:
    from importlib import metadata

    try:
        return metadata.version("unres")
    except metadata.PackageNotFoundError:
        return "(not installed)"


if __name__ == "__main__":
    sys.exit(main())
