"""Publishing and fetching releases: the deterministic archive, the ``releases.json`` index, and
``unres download`` (HTTP with the standard library, verified, unpacked atomically).

``dist/`` is what a web server or a release page serves::

    dist/releases.json           index: every version with its date, schema version, row counts,
                                 archive name, size and SHA-256 (sorted by version, newest last)
    dist/unres-<version>.zip     the release directory under ``unres-<version>/``; sorted entries,
                                 timestamps from the version's date, fixed permissions

Both are functions of the release directory only, so rebuilding a version gives the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from datetime import date
from pathlib import Path, PurePosixPath
from typing import IO

INDEX = "releases.json"
# Where the project publishes dist/ (the releases.json index and archives). Override with --from or
# UNRES_RELEASE_URL, e.g. a mirror, a local `python -m http.server` or a file:// URL.
DEFAULT_RELEASE_URL = "https://unres-data.github.io/releases"
RELEASE_URL_ENV = "UNRES_RELEASE_URL"
# Files a release directory may hold beyond SHA256SUMS: rebuilt locally from the verified files
# (DuckDB database files are not byte-reproducible), never archived or checksummed.
DERIVED_FILES = frozenset({"unres.duckdb", "unres.duckdb.wal"})
_CHUNK = 1 << 16


class PublishError(RuntimeError):
    """dist/ already holds a different archive or index entry for this version."""


class DownloadError(RuntimeError):
    """A download was refused; the message names the file and the reason. Nothing was written."""


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


# --- publishing ---------------------------------------------------------------------------


def write_archive(release_dir: Path, dist_dir: Path) -> Path:
    """``dist/unres-<version>.zip``: sorted entries, timestamps from the version, mode 0644."""
    version = release_dir.name
    dist_dir.mkdir(parents=True, exist_ok=True)
    final = dist_dir / archive_name(version)
    staging = dist_dir / f".{final.name}.staging-{os.getpid()}"
    stamp = version_date(version) or date(1980, 1, 1)
    stamp = max(stamp, date(1980, 1, 1))  # the zip format starts in 1980
    files = sorted(p for p in release_dir.rglob("*")
                   if p.is_file() and p.relative_to(release_dir).as_posix() not in DERIVED_FILES)
    try:
        with zipfile.ZipFile(staging, "w") as archive:
            for path in files:
                info = zipfile.ZipInfo(f"unres-{version}/{path.relative_to(release_dir).as_posix()}",
                                       date_time=(stamp.year, stamp.month, stamp.day, 0, 0, 0))
                info.create_system = 3  # unix, so the mode below is honoured
                info.external_attr = 0o100644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, path.read_bytes(), compresslevel=6)  # 9: 3x the time for 3% less
        if final.exists():
            if sha256_file(final) != sha256_file(staging):
                raise PublishError(f"{final}: a different archive of {version} is already published; "
                                   "releases are immutable: build under a new version")
            staging.unlink()
        else:
            staging.rename(final)
    finally:
        if staging.exists():
            staging.unlink()
    return final


def read_index(dist_dir: Path) -> dict:
    path = dist_dir / INDEX
    if not path.exists():
        return {"name": "unres", "latest": None, "releases": []}
    return json.loads(path.read_text(encoding="utf-8"))


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
    """Write the archive of ``release_dir`` into ``dist_dir`` and add it to ``releases.json``."""
    archive = write_archive(release_dir, dist_dir)
    entry = index_entry(release_dir, archive)
    index = read_index(dist_dir)
    releases = {item["version"]: item for item in index["releases"]}
    if entry["version"] in releases and releases[entry["version"]]["sha256"] != entry["sha256"]:
        raise PublishError(f"{dist_dir / INDEX}: {entry['version']} is already listed with another archive "
                           f"(sha256 {releases[entry['version']]['sha256'][:12]}…); releases are immutable")
    releases[entry["version"]] = entry
    ordered = sorted(releases.values(), key=lambda item: version_key(item["version"]))
    index = {"name": "unres", "latest": ordered[-1]["version"], "releases": ordered}
    staging = dist_dir / f".{INDEX}.staging-{os.getpid()}"
    staging.write_text(json.dumps(index, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(staging, dist_dir / INDEX)
    return entry


# --- downloading --------------------------------------------------------------------------


def release_url() -> str:
    return os.environ.get(RELEASE_URL_ENV) or DEFAULT_RELEASE_URL


def _url(base: str, name: str) -> str:
    return base.rstrip("/") + "/" + urllib.parse.quote(name)


def fetch_index(base_url: str, timeout: float = 30) -> dict:
    url = _url(base_url, INDEX)
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            index = json.loads(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError) as error:
        raise DownloadError(f"{url}: cannot fetch the release index ({error})") from error
    except ValueError as error:
        raise DownloadError(f"{url}: not a valid release index ({error})") from error
    if not isinstance(index, dict) or not isinstance(index.get("releases"), list):
        raise DownloadError(f"{url}: not a release index (no 'releases' list)")
    return index


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


def checksum_problems(root: Path) -> list[str]:
    """Every file of a release directory against its SHA256SUMS (and nothing unlisted)."""
    sums = root / "SHA256SUMS"
    if not sums.is_file():
        return [f"{root.name}/SHA256SUMS: missing; not a release directory"]
    problems, listed = [], set()
    for line in sums.read_text(encoding="utf-8").splitlines():
        digest, _, name = line.partition("  ")
        listed.add(name)
        path = root / name
        if not path.is_file():
            problems.append(f"{name}: listed in SHA256SUMS but missing")
        elif sha256_file(path) != digest:
            problems.append(f"{name}: SHA-256 does not match SHA256SUMS (file changed or corrupt)")
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).as_posix()
        if path.is_file() and relative != "SHA256SUMS" and relative not in listed and relative not in DERIVED_FILES:
            problems.append(f"{relative}: not listed in SHA256SUMS")
    return problems


def download(version: str, to: Path, base_url: str | None = None, progress: IO[str] | None = sys.stderr,
             timeout: float = 60) -> Path:
    """Fetch, verify and unpack one release into ``to/<version>``; return that directory.

    The archive is checked against the index (size, SHA-256), its entries against path escapes,
    the unpacked files against SHA256SUMS; only then is the directory renamed into place. On any
    refusal nothing under ``to`` is changed.
    """
    base_url = base_url or release_url()
    index = fetch_index(base_url, timeout)
    entry = resolve(index, version, _url(base_url, INDEX))
    version = entry["version"]
    final = to / version
    if final.exists():
        problems = checksum_problems(final)
        if problems:
            raise DownloadError(f"{final}: already present but does not verify ({problems[0]}); "
                                "remove it to download again")
        _say(progress, f"unres {version}: already present and verified at {final}\n")
        return final
    created = not to.exists()
    to.mkdir(parents=True, exist_ok=True)
    part = to / f".{entry['archive']}.part-{os.getpid()}"
    staging = to / f".{version}.unpack-{os.getpid()}"
    try:
        _fetch(_url(base_url, entry["archive"]), part, entry, progress, timeout)
        _unpack(part, staging, version, entry["archive"])
        problems = checksum_problems(staging)
        if problems:
            raise DownloadError(f"{entry['archive']}: refused: " + "; ".join(problems[:5]))
        ensure_duckdb(staging)
        staging.rename(final)
    finally:
        if part.exists():
            part.unlink()
        if staging.exists():
            shutil.rmtree(staging)
        if created and not final.exists() and not any(to.iterdir()):
            to.rmdir()  # a refused download leaves no trace, not even the directory it created
    _say(progress, f"unres {version}: verified {entry['archive']} and every file against SHA256SUMS; unpacked to {final}\n")
    return final


def _fetch(url: str, part: Path, entry: dict, progress: IO[str] | None, timeout: float) -> None:
    name, expected = entry["archive"], int(entry["bytes"])
    digest, received, shown = hashlib.sha256(), 0, -1
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response, part.open("wb") as out:
            for chunk in iter(lambda: response.read(_CHUNK), b""):
                received += len(chunk)
                if received > expected:
                    raise DownloadError(f"{name}: refused: larger than the {expected} bytes listed in {INDEX}")
                digest.update(chunk)
                out.write(chunk)
                percent = received * 100 // expected if expected else 100
                if progress and percent // 10 != shown:
                    shown = percent // 10
                    _say(progress, f"\rdownloading {name}: {percent:3d}% ({received:,} of {expected:,} bytes)")
    except (urllib.error.URLError, OSError) as error:
        raise DownloadError(f"{name}: download failed after {received:,} bytes ({error})") from error
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


# --- DuckDB -------------------------------------------------------------------------------


def ensure_duckdb(release_dir: Path) -> Path | None:
    """Build ``unres.duckdb`` from the release's ``unres.sql`` (run inside the release directory,
    reading its Parquet files). Returns None when the release has no ``unres.sql``."""
    script = release_dir / "unres.sql"
    if not script.is_file():
        return None
    import duckdb

    target = release_dir / "unres.duckdb"
    scratch = release_dir / ".unres.duckdb.tmp"
    for leftover in (scratch, Path(f"{scratch}.wal")):
        leftover.unlink(missing_ok=True)
    sql = script.read_text(encoding="utf-8").replace("'parquet/", "'" + (release_dir / "parquet").as_posix().replace("'", "''") + "/")
    connection = duckdb.connect(str(scratch))
    try:
        connection.execute(sql)
        connection.execute("checkpoint")
    finally:
        connection.close()
    os.replace(scratch, target)
    return target
