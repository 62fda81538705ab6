"""Publishing and fetching releases: the deterministic archive, the ``releases.json`` index, and
``unres download`` (HTTP with the standard library, verified, unpacked atomically).

``dist/`` is what a web server or a release page serves::

    dist/releases.json           index: every version with its date, schema version, row counts,
                                 archive name, size and SHA-256 (sorted by version, newest last)
    dist/unres-<version>.zip     the files listed in the release's SHA256SUMS, under ``unres-<version>/``;
                                 sorted entries, timestamps from the version's date, fixed permissions

Both are functions of the release directory only, so rebuilding a version gives the same bytes.
Nothing fetched is trusted beyond data: versions and archive names are checked before they become
paths, and ``unres.duckdb`` is built by the project's own statements, never by SQL from the archive.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import re
import shutil
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path, PurePosixPath
from typing import IO

from pipeline.database import DatabaseError, ensure_duckdb
from pipeline.durable import (
    atomic_write,
    fsync_dir,
    fsync_file,
    fsync_tree,
    locked,
    remove_stale,
    staging_pid,
)

INDEX = "releases.json"
MAX_INDEX_BYTES = 10_000_000  # an index lists each release in ~1 kB; anything this large is not one
# Where the project publishes dist/ (the releases.json index and archives). Override with --from or
# UNRES_RELEASE_URL, e.g. a mirror, a local `python -m http.server` or a file:// URL.
DEFAULT_RELEASE_URL = "https://unres-data.github.io/releases"
RELEASE_URL_ENV = "UNRES_RELEASE_URL"
# The whole of one download (index and archive), in seconds: the socket timeout alone lets a server
# that sends a byte now and then hold a download forever.
DOWNLOAD_SECONDS_ENV = "UNRES_DOWNLOAD_TIMEOUT"
DEFAULT_DOWNLOAD_SECONDS = 3600.0
# Files a release directory may hold beyond SHA256SUMS: rebuilt locally from the verified files
# (DuckDB database files are not byte-reproducible), never archived or checksummed.
DERIVED_FILES = frozenset({"unres.duckdb", "unres.duckdb.wal"})
_VERSION = re.compile(r"(\d{4})\.([1-9]\d?)\.([1-9]\d?)(?:\.(?:0|[1-9]\d*))?")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_CHUNK = 1 << 16


class PublishError(RuntimeError):
    """Publishing was refused (a different archive or index entry for this version is already in dist/,
    or dist/ holds something that is not a release index); the message names the file."""


class DownloadError(RuntimeError):
    """A download was refused; the message names the file and the reason. Nothing was written."""


class InvalidVersion(ValueError):
    """A version that is not CalVer: it would become a path, so it is refused before anything starts."""


def check_version(version: str) -> str:
    """``version`` if it is CalVer ``YYYY.M.D`` or ``YYYY.M.D.N`` naming a real date, else InvalidVersion."""
    if not isinstance(version, str) or not _VERSION.fullmatch(version) or version_date(version) is None:
        raise InvalidVersion(f"version {version!r} is not a CalVer version YYYY.M.D or YYYY.M.D.N (e.g. 2026.11.28)")
    return version


def version_key(version: str) -> tuple:
    """Order versions numerically part by part (CalVer 2026.1.10 after 2026.1.9)."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in version.split("."))


def version_date(version: str) -> date | None:
    parts = version.split(".")
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2]))
    except (ValueError, IndexError):
        return None


def release_date(version: str) -> str:
    """The ISO date a CalVer version names (1970-01-01 for a version that names none)."""
    day = version_date(version)
    return day.isoformat() if day else "1970-01-01"


def archive_name(version: str) -> str:
    return f"unres-{version}.zip"


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def is_derived(relative: str) -> bool:
    """A local file that is not part of the release: the DuckDB database or its scratch files."""
    return relative in DERIVED_FILES or staging_pid(relative) is not None


# --- SHA256SUMS ---------------------------------------------------------------------------


def read_sums(root: Path) -> tuple[list[tuple[str, str]], list[str]]:
    """(digest, relative path) of every line of ``root/SHA256SUMS``, and what is wrong with it: a
    path that is absolute or climbs out with ``..`` is refused, never opened."""
    sums = root / "SHA256SUMS"
    if not sums.is_file():
        return [], [f"{root.name}/SHA256SUMS: missing; not a release directory"]
    entries, problems, seen = [], [], set()
    try:
        lines = sums.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        return [], [f"SHA256SUMS: unreadable ({error})"]
    for number, line in enumerate(lines, start=1):
        digest, _, name = line.partition("  ")
        path = PurePosixPath(name)
        if not _SHA256.fullmatch(digest) or not name:
            problems.append(f"SHA256SUMS, line {number}: not '<sha256>  <path>'")
        elif path.is_absolute() or ".." in path.parts or "\\" in name or "\x00" in name or name == "SHA256SUMS":
            problems.append(f"SHA256SUMS, line {number}: path {name!r} is absolute or outside the release; refused")
        elif name in seen:
            problems.append(f"SHA256SUMS, line {number}: {name} is listed twice")
        else:
            seen.add(name)
            entries.append((digest, name))
    return entries, problems


def checksum_problems(root: Path) -> list[str]:
    """Every file of a release directory against its SHA256SUMS (and nothing unlisted)."""
    entries, problems = read_sums(root)
    if not (root / "SHA256SUMS").is_file():
        return problems
    for digest, name in entries:
        path = root / name
        if path.is_symlink() or not path.is_file():
            problems.append(f"{name}: listed in SHA256SUMS but missing (or not a regular file)")
        elif sha256_file(path) != digest:
            problems.append(f"{name}: SHA-256 does not match SHA256SUMS (file changed or corrupt)")
    listed = {name for _, name in entries}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).as_posix()
        if path.is_file() and relative != "SHA256SUMS" and relative not in listed and not is_derived(relative):
            problems.append(f"{relative}: not listed in SHA256SUMS")
    return problems


# --- publishing ---------------------------------------------------------------------------


def write_archive(release_dir: Path, dist_dir: Path) -> Path:
    """``dist/unres-<version>.zip`` of exactly SHA256SUMS and the files it lists (each checked against
    its digest as it is read): sorted entries, timestamps from the version, mode 0644. Call it with
    the index lock held (``publish``)."""
    version = check_version(release_dir.name)
    entries, problems = read_sums(release_dir)
    if problems:
        raise PublishError(f"{release_dir}: {problems[0]}; not archived")
    final = dist_dir / archive_name(version)
    staging = dist_dir / f".{final.name}.staging-{os.getpid()}"
    stamp = max(version_date(version), date(1980, 1, 1))  # the zip format starts in 1980
    members = sorted([("SHA256SUMS", None), *((name, digest) for digest, name in entries)],
                     key=lambda item: PurePosixPath(item[0]))
    try:
        with zipfile.ZipFile(staging, "w") as archive:
            for name, digest in members:
                try:
                    data = (release_dir / name).read_bytes()
                except OSError as error:
                    raise PublishError(f"{release_dir / name}: listed in SHA256SUMS but unreadable ({error})") from error
                if digest is not None and hashlib.sha256(data).hexdigest() != digest:
                    raise PublishError(f"{release_dir / name}: does not match SHA256SUMS; not archived")
                info = zipfile.ZipInfo(f"unres-{version}/{name}", date_time=(stamp.year, stamp.month, stamp.day, 0, 0, 0))
                info.create_system = 3  # unix, so the mode below is honoured
                info.external_attr = 0o100644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, data, compresslevel=6)  # 9: 3x the time for 3% less
        if final.exists():
            if sha256_file(final) != sha256_file(staging):
                raise PublishError(f"{final}: a different archive of {version} is already published; "
                                   "releases are immutable: build under a new version")
        else:
            fsync_file(staging)
            staging.rename(final)
            fsync_dir(dist_dir)
    finally:
        staging.unlink(missing_ok=True)
    return final


def read_index(dist_dir: Path) -> dict:
    """The local ``releases.json`` (an empty index when there is none), checked like a fetched one."""
    path = dist_dir / INDEX
    if not path.exists():
        return {"name": "unres", "latest": None, "releases": []}
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_INDEX_BYTES + 1)
        return parse_index(data, str(path))
    except (OSError, ValueError) as error:
        raise PublishError(f"{error}; repair or remove it (each archive beside it lists its own files)") from error


def parse_index(data: bytes, source: str) -> dict:
    """The index in ``data``, or ValueError naming ``source`` and the first thing wrong with it."""
    if len(data) > MAX_INDEX_BYTES:
        raise ValueError(f"{source}: larger than the {MAX_INDEX_BYTES:,}-byte limit for a release index")
    try:
        index = json.loads(data.decode("utf-8"))
    except ValueError as error:
        raise ValueError(f"{source}: not a valid release index ({error})") from error
    if not isinstance(index, dict) or not isinstance(index.get("releases"), list):
        raise ValueError(f"{source}: not a release index (no 'releases' list)")
    versions = set()
    for number, item in enumerate(index["releases"], start=1):
        problem = _entry_problem(item)
        if problem is None and item["version"] in versions:
            problem = f"version {item['version']} is listed twice"
        if problem:
            raise ValueError(f"{source}: release entry {number}: {problem}")
        versions.add(item["version"])
    return index


def _entry_problem(item: object) -> str | None:
    """What makes an index entry unusable, or None: its fields become paths, sizes and digests."""
    if not isinstance(item, dict):
        return "not an object"
    try:
        check_version(item.get("version"))
    except InvalidVersion as error:
        return str(error)
    if item.get("archive") != archive_name(item["version"]):
        return f"archive {item.get('archive')!r} is not {archive_name(item['version'])!r}"
    size = item.get("bytes")
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        return f"'bytes' {size!r} is not a size"
    if not isinstance(item.get("sha256"), str) or not _SHA256.fullmatch(item["sha256"]):
        return f"'sha256' {item.get('sha256')!r} is not a SHA-256 digest"
    return None


def index_entry(release_dir: Path, archive: Path) -> dict:
    package = json.loads((release_dir / "datapackage.json").read_text(encoding="utf-8"))
    version = release_dir.name
    day = version_date(version)
    return {
        "version": version,
        "date": day.isoformat() if day else None,
        "schema_version": package.get("schema_version"),
        "archive": archive.name,
        "bytes": archive.stat().st_size,
        "sha256": sha256_file(archive),
        "rows": {resource["name"]: resource["rows"] for resource in package["resources"]},
    }


def publish(release_dir: Path, dist_dir: Path) -> dict:
    """Write the archive of ``release_dir`` into ``dist_dir`` and add it to ``releases.json``: under
    the index's lock, so that releases published at once are all listed."""
    check_version(release_dir.name)
    dist_dir.mkdir(parents=True, exist_ok=True)
    with locked(dist_dir / f".{INDEX}.lock"):
        remove_stale(dist_dir)
        index = read_index(dist_dir)  # first: a broken index stops the publication before anything is written
        archive = write_archive(release_dir, dist_dir)
        entry = index_entry(release_dir, archive)
        releases = {item["version"]: item for item in index["releases"]}
        if entry["version"] in releases and releases[entry["version"]]["sha256"] != entry["sha256"]:
            raise PublishError(f"{dist_dir / INDEX}: {entry['version']} is already listed with another archive "
                               f"(sha256 {releases[entry['version']]['sha256'][:12]}…); releases are immutable")
        releases[entry["version"]] = entry
        ordered = sorted(releases.values(), key=lambda item: version_key(item["version"]))
        index = {"name": "unres", "latest": ordered[-1]["version"], "releases": ordered}
        atomic_write(dist_dir / INDEX, (json.dumps(index, indent=2, ensure_ascii=False) + "\n").encode())
    return entry


# --- downloading --------------------------------------------------------------------------


def release_url() -> str:
    return os.environ.get(RELEASE_URL_ENV) or DEFAULT_RELEASE_URL


def download_seconds() -> float:
    """The overall download time limit: ``$UNRES_DOWNLOAD_TIMEOUT`` seconds, or one hour."""
    value = os.environ.get(DOWNLOAD_SECONDS_ENV)
    if not value:
        return DEFAULT_DOWNLOAD_SECONDS
    try:
        seconds = float(value)
    except ValueError:
        seconds = 0.0
    if not seconds > 0:
        raise DownloadError(f"{DOWNLOAD_SECONDS_ENV}={value!r}: expected a positive number of seconds")
    return seconds


def _url(base: str, name: str) -> str:
    return base.rstrip("/") + "/" + urllib.parse.quote(name)


def _chunks(response: http.client.HTTPResponse, name: str, deadline: float, limit: float) -> Iterator[bytes]:
    """The body as it arrives (``read1``: a slow server cannot hold one read for long), until the deadline."""
    while chunk := response.read1(_CHUNK):
        yield chunk
        if time.monotonic() > deadline:
            raise DownloadError(f"{name}: refused: not complete within the {limit:g}-second download time limit "
                                f"(set {DOWNLOAD_SECONDS_ENV} to allow longer)")


def fetch_index(base_url: str, timeout: float = 30, deadline: float | None = None) -> dict:
    url = _url(base_url, INDEX)
    limit = download_seconds()
    deadline = deadline if deadline is not None else time.monotonic() + limit
    data = bytearray()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            for chunk in _chunks(response, INDEX, deadline, limit):
                data += chunk
                if len(data) > MAX_INDEX_BYTES:
                    break
    except (urllib.error.URLError, OSError, http.client.HTTPException) as error:
        raise DownloadError(f"{url}: cannot fetch the release index ({error!r})") from error
    try:
        return parse_index(bytes(data), url)
    except ValueError as error:
        raise DownloadError(str(error)) from error


def resolve(index: dict, version: str, source: str) -> dict:
    releases = index["releases"]
    if not releases:
        raise DownloadError(f"{source}: the index lists no releases")
    if version == "latest":
        return max(releases, key=lambda item: version_key(item["version"]))
    for item in releases:
        if item["version"] == version:
            return item
    known = ", ".join(item["version"] for item in releases)
    raise DownloadError(f"{source}: unknown version {version!r}; published versions: {known}")


def download(version: str, to: Path, base_url: str | None = None, progress: IO[str] | None = sys.stderr,
             timeout: float = 60) -> Path:
    """Fetch, verify and unpack one release into ``to/<version>``; return that directory.

    The archive is checked against the index (size, SHA-256), its entries against path escapes,
    the unpacked files against SHA256SUMS; only then is the directory renamed into place. On any
    refusal nothing under ``to`` is changed. ``timeout`` bounds each network read, and
    ``$UNRES_DOWNLOAD_TIMEOUT`` the whole download.
    """
    if version != "latest":
        try:
            check_version(version)
        except InvalidVersion as error:
            raise DownloadError(f"{error}; give a published version or 'latest'") from error
    if to.exists() and not to.is_dir():
        raise DownloadError(f"{to}: not a directory; give --to the directory to unpack releases into")
    base_url = base_url or release_url()
    limit = download_seconds()
    deadline = time.monotonic() + limit
    index = fetch_index(base_url, timeout, deadline)
    entry = resolve(index, version, _url(base_url, INDEX))
    version = entry["version"]
    final = to / version
    created = not to.exists()
    try:
        to.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DownloadError(f"{to}: cannot create the directory ({error})") from error
    part = to / f".{entry['archive']}.part-{os.getpid()}"
    staging = to / f".{version}.unpack-{os.getpid()}"
    try:
        with locked(to):  # one download or build into a directory at a time
            remove_stale(to)
            if final.exists():
                problems = checksum_problems(final)
                if problems:
                    raise DownloadError(f"{final}: already present but does not verify ({problems[0]}); "
                                        "remove it to download again")
                _say(progress, f"unres {version}: already present and verified at {final}\n")
                return final
            _fetch(_url(base_url, entry["archive"]), part, entry, progress, timeout, deadline, limit)
            _unpack(part, staging, version, entry["archive"])
            problems = checksum_problems(staging)
            if problems:
                raise DownloadError(f"{entry['archive']}: refused: " + "; ".join(problems[:5]))
            ensure_duckdb(staging)
            fsync_tree(staging)
            staging.rename(final)
            fsync_dir(to)
    except DatabaseError as error:
        raise DownloadError(f"{entry['archive']}: refused: {error}") from error
    except OSError as error:
        raise DownloadError(f"{entry['archive']}: cannot be unpacked into {to} ({error})") from error
    finally:
        part.unlink(missing_ok=True)
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
        if created and not final.exists() and to.is_dir() and not any(to.iterdir()):
            to.rmdir()  # a refused download leaves no trace, not even the directory it created
    _say(progress, f"unres {version}: verified {entry['archive']} and every file against SHA256SUMS; unpacked to {final}\n")
    return final


def _fetch(url: str, part: Path, entry: dict, progress: IO[str] | None, timeout: float, deadline: float,
           limit: float) -> None:
    name, expected = entry["archive"], entry["bytes"]
    digest, received, shown = hashlib.sha256(), 0, -1
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response, part.open("wb") as out:
            for chunk in _chunks(response, name, deadline, limit):
                received += len(chunk)
                if received > expected:
                    raise DownloadError(f"{name}: refused: larger than the {expected} bytes listed in {INDEX}")
                digest.update(chunk)
                out.write(chunk)
                percent = received * 100 // expected if expected else 100
                if progress and percent // 10 != shown:
                    shown = percent // 10
                    _say(progress, f"\rdownloading {name}: {percent:3d}% ({received:,} of {expected:,} bytes)")
    except (urllib.error.URLError, OSError, http.client.HTTPException) as error:
        raise DownloadError(f"{name}: download failed after {received:,} bytes ({error!r})") from error
    if progress:
        _say(progress, "\n")
    if received < expected:
        raise DownloadError(f"{name}: refused: truncated download, got {received:,} of {expected:,} bytes")
    if digest.hexdigest() != entry["sha256"]:
        raise DownloadError(f"{name}: refused: SHA-256 {digest.hexdigest()} does not match {entry['sha256']} "
                            f"listed in {INDEX} (tampered or corrupt archive)")
def _unpack(archive_path: Path, staging: Path, version: str, name: str) -> None:
    prefix = f"unres-{version}"
    try:
        archive = zipfile.ZipFile(archive_path)
    except zipfile.BadZipFile as error:
        raise DownloadError(f"{name}: refused: not a readable zip archive ({error})") from error
    with archive:
        members = archive.infolist()
        seen: set[str] = set()
        for member in members:
            reason = _unsafe(member, prefix)
            if reason:
                raise DownloadError(f"{name}: refused: entry {member.filename!r} {reason}")
            if member.filename in seen:
                raise DownloadError(f"{name}: refused: entry {member.filename!r} appears twice")
            seen.add(member.filename)
        staging.mkdir()
        for member in members:
            if member.is_dir():
                continue
            target = staging.joinpath(*PurePosixPath(member.filename).parts[1:])
            target.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(member) as source, target.open("wb") as out:
                shutil.copyfileobj(source, out, _CHUNK)


def _unsafe(member: zipfile.ZipInfo, prefix: str) -> str | None:
    """Why an archive entry may not be unpacked (zip-slip and friends), or None."""
    filename = member.filename
    if "\\" in filename or "\x00" in filename:
        return "has a backslash or NUL in its path"
    path = PurePosixPath(filename)
    if path.is_absolute() or (filename[1:2] == ":"):
        return "is an absolute path"
    if ".." in path.parts:
        return "would escape the target directory ('..')"
    if not path.parts or path.parts[0] != prefix:
        return f"is outside the release folder {prefix}/"
    if (member.external_attr >> 16) & 0o170000 == 0o120000:
        return "is a symbolic link"
    return None


def _say(stream: IO[str] | None, text: str) -> None:
    if stream:
        stream.write(text)
        stream.flush()
