"""The index in the cache directory: per data file, reused, rebuilt on change, never
fatal, and never a way to run someone else's code."""

import os
import pickle
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from policy_targets.comparisons import index, loading
from policy_targets.comparisons.layout import data_files

REPO = Path(__file__).resolve().parent.parent
COMPARE_CSV = ("compare", "2023", "2025", "--only", "changed", "--format", "csv")


def entries() -> list[Path]:
    return sorted(index.cache_dir().glob("entry-*.msgpack"))


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The names of the files that loading.py parses, in order."""
    parsed: list[str] = []
    real_document, real_catalogue = loading.load_document, loading.load_catalogue

    def document(path, catalogue):
        parsed.append(path.name)
        return real_document(path, catalogue)

    def catalogue(data_dir):
        parsed.append("indicators.yaml")
        return real_catalogue(data_dir)

    monkeypatch.setattr(loading, "load_document", document)
    monkeypatch.setattr(loading, "load_catalogue", catalogue)
    return parsed


def entry_paths(data_dir: Path) -> set[Path]:
    """The entries a load of `data_dir` uses, in the current cache directory."""
    tracker = index.Index(index.cache_dir())
    loading.load_dataset(data_dir, tracker)
    return tracker.used


def test_one_entry_per_data_file_and_a_second_load_reads_them(data_copy, reads):
    first = index.load(data_copy)
    files = [p.name for p in data_files(data_copy) if p.name != "coverage-ignore.yaml"]
    assert sorted(reads) == sorted(files)
    assert len(entries()) == len(files)
    reads.clear()
    second = index.load(data_copy)
    assert reads == []
    assert second == first


def test_an_edit_of_one_document_rereads_only_that_document(
    data_copy, reads, raise_smart_communities
):
    index.load(data_copy)
    reads.clear()
    raise_smart_communities()
    edited = index.load(data_copy)
    assert reads == ["2025-work-points.yaml"]
    (target,) = [
        t
        for t in edited.targets_of("2025-work-points")
        if t.indicator == "smart-communities" and t.kind == "target"
    ]
    assert target.value == 6000


def test_an_edit_of_the_catalogue_rereads_every_file(data_copy, reads):
    index.load(data_copy)
    reads.clear()
    path = data_copy / "indicators.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("Smart communities", "Smart neighbourhoods"),
        encoding="utf-8",
    )
    edited = index.load(data_copy)
    assert len(reads) == len(list(data_copy.glob("20*.yaml"))) + 1
    assert edited.indicators["smart-communities"].name_en == "Smart neighbourhoods"


def test_an_edit_shows_in_the_next_command(data_copy, run, raise_smart_communities):
    args = ("--data", str(data_copy), *COMPARE_CSV)
    assert "5000" in run(*args).stdout
    raise_smart_communities()
    result = run(*args)
    assert "6000" in result.stdout and "5000" not in result.stdout


def test_checks_across_files_run_on_a_warm_cache(data_copy, run):
    assert run("--data", str(data_copy), "validate").exit_code == 0
    shutil.copyfile(data_copy / "2023-work-points.yaml", data_copy / "2024-copy.yaml")
    result = run("--data", str(data_copy), "validate")
    assert result.exit_code == 2
    assert "document id '2023-work-points' is also used by" in result.stderr


def test_the_path_in_messages_is_that_of_this_run(data_copy, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    first = index.load(data_copy).documents["2023-work-points"].path
    monkeypatch.chdir(data_copy)
    second = index.load(data_copy).documents["2023-work-points"].path
    assert (first, second) == ("targets/2023-work-points.yaml", "2023-work-points.yaml")


@pytest.mark.parametrize("content", [b"", b"\x93\x01\x02", b"not msgpack", b"\xc1"])
def test_a_corrupt_entry_is_rebuilt(data_copy, content):
    expected = index.load(data_copy)
    for path in entries():
        path.write_bytes(content)
    assert index.load(data_copy) == expected
    assert all(path.read_bytes() != content for path in entries())


def test_an_unwritable_cache_only_costs_speed(data_copy, monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("POLICY_CACHE_DIR", str(blocker / "cache"))  # a directory under a file
    assert len(index.load(data_copy).targets) == 174


def test_no_cache_bypasses_it(run):
    assert run("--no-cache", "compare", "2023", "2025", "--format", "json").exit_code == 0
    assert not index.cache_dir().exists() or entries() == []


def test_the_key_covers_code_libraries_units_and_version(monkeypatch):
    key = index.code_key()
    assert any(v.startswith("pint-") for v in index.library_versions())
    assert any(v.startswith("pyyaml-") for v in index.library_versions())
    for name, value in [
        ("__version__", "9.9.9"),
        ("library_versions", lambda: ["pint-99.0"]),
    ]:
        monkeypatch.setattr(index, "_code_key", None)
        monkeypatch.setattr(index, name, value)
        assert index.code_key() != key, name
        monkeypatch.undo()


def test_the_key_covers_the_unit_definitions(monkeypatch, tmp_path):
    key = index.code_key()
    other_units = tmp_path / "units.txt"
    other_units.write_text("other units")
    monkeypatch.setattr(index, "_code_key", None)
    monkeypatch.setattr(index, "UNIT_DEFINITIONS", other_units)
    assert index.code_key() != key


def test_a_touch_without_an_edit_keeps_the_entries(data_copy, reads):
    index.load(data_copy)
    reads.clear()
    for path in data_copy.iterdir():
        os.utime(path)
    index.load(data_copy)
    assert reads == []


# --- hostile caches (issue 12) ----------------------------------------------------------

PAYLOAD = "import pathlib; pathlib.Path({!r}).write_text('ran')"


class _Payload:
    """Unpickling this runs code: what a planted pickle would do."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (exec, (PAYLOAD.format(str(self.marker)),))


def test_a_planted_payload_in_a_shared_cache_never_runs(data_copy, monkeypatch, tmp_path, run):
    shared = tmp_path / "shared-cache"
    shared.mkdir(mode=0o777)
    monkeypatch.setenv("POLICY_CACHE_DIR", str(shared))
    marker = tmp_path / "pwned"
    # The key can be computed from public data: plant at every name the run will read,
    # and at the names earlier versions read.
    names = [p.name for p in entry_paths(data_copy)] + ["index-0123456789abcdef.pickle"]
    for name in names:
        (shared / name).write_bytes(pickle.dumps(_Payload(marker)))
    result = run("--data", str(data_copy), *COMPARE_CSV)
    assert result.exit_code == 0
    assert "smart-communities" in result.stdout
    assert not marker.exists()


def test_entries_of_another_user_are_ignored(data_copy, monkeypatch):
    expected = index.load(data_copy)
    for path in entries():
        forged = path.read_bytes().replace(b"smart-communities", b"smart-communitiez")
        path.write_bytes(forged)
    # As seen by another user, every entry here belongs to someone else.
    monkeypatch.setattr(index.os, "geteuid", lambda: os.stat(index.cache_dir()).st_uid + 1)
    assert index.load(data_copy) == expected


def test_a_link_in_the_cache_is_not_followed(data_copy, tmp_path):
    expected = index.load(data_copy)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    for path in entries():
        forged = elsewhere / path.name
        forged.write_bytes(path.read_bytes().replace(b"smart-communities", b"smart-communitiez"))
        path.unlink()
        path.symlink_to(forged)
    assert index.load(data_copy) == expected


def test_a_fifo_in_the_cache_does_not_hang(data_copy, tmp_path):
    cache = tmp_path / "cache"
    env = {**os.environ, "POLICY_CACHE_DIR": str(cache)}
    command = [
        sys.executable,
        "-c",
        "from policy_targets.cli.app import main; main()",
        "--data",
        str(data_copy),
        *COMPARE_CSV,
    ]
    subprocess.run(command, env=env, capture_output=True, check=True, timeout=60)
    for path in cache.glob("entry-*"):
        path.unlink()
        os.mkfifo(path)
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stderr) == (0, "")
    assert "smart-communities" in result.stdout


def test_the_cache_directory_is_private(data_copy, monkeypatch, tmp_path):
    cache = tmp_path / "new" / "cache"
    monkeypatch.setenv("POLICY_CACHE_DIR", str(cache))
    index.load(data_copy)
    assert cache.stat().st_mode & 0o777 == 0o700
    assert all(path.stat().st_mode & 0o777 == 0o600 for path in entries())


def test_a_failed_write_leaves_nothing(data_copy, monkeypatch):
    def full(*_):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    assert len(index.load(data_copy).targets) == 174
    assert os.listdir(index.cache_dir()) == []


def test_an_interrupted_write_leaves_nothing(data_copy, monkeypatch):
    def interrupt(*_):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        index.load(data_copy)
    assert os.listdir(index.cache_dir()) == []


def test_leftovers_of_killed_runs_are_pruned(data_copy, tmp_path):
    cache = index.cache_dir()
    cache.mkdir(parents=True, exist_ok=True)
    killed = cache / f"{index.TEMPORARY}killed01"
    running = cache / f"{index.TEMPORARY}running"
    for path in (killed, running):
        path.write_bytes(index.HEADER + b"x")
    an_hour_ago = time.time() - index.STALE - 60
    os.utime(killed, (an_hour_ago, an_hour_ago))
    index.load(data_copy)
    assert not killed.exists()
    assert running.exists()  # perhaps another run writing right now


AN_HOUR_AGO = -index.STALE - 60
FOREIGN_CACHE_FILES = [
    pytest.param(".tmp-abcdefgh", b"someone else's", id="another-programs-temporary-file"),
    pytest.param(f"{index.TEMPORARY}abcdefgh", b"someone else's", id="our-name-no-header"),
    pytest.param(f"{index.TEMPORARY}abcdefgh-x", index.HEADER, id="header-not-our-name"),
    pytest.param("entry-" + "0" * 32 + ".msgpack", b"\x92\x01\x02", id="entry-no-header"),
    pytest.param("entry-0.msgpack", index.HEADER, id="header-not-an-entry-name"),
    pytest.param("index-0123456789abcdef.pickle", b"x", id="a-pickle"),
]


@pytest.mark.parametrize(("name", "content"), FOREIGN_CACHE_FILES)
def test_pruning_a_shared_cache_touches_no_file_it_did_not_write(
    data_copy, monkeypatch, name, content
):
    """Old, and beyond the size limit: removed only if it has our name and our header."""
    cache = index.cache_dir()
    cache.mkdir(parents=True, exist_ok=True)
    foreign = cache / name
    foreign.write_bytes(content)
    os.utime(foreign, (time.time() + AN_HOUR_AGO, time.time() + AN_HOUR_AGO))
    monkeypatch.setattr(index, "LIMIT", 0)
    index.load(data_copy)
    assert foreign.read_bytes() == content


def test_an_entry_without_the_header_is_not_read(data_copy, reads):
    index.load(data_copy)
    for path in entries():
        path.write_bytes(path.read_bytes().removeprefix(index.HEADER))
    reads.clear()
    index.load(data_copy)
    assert len(reads) == len(entries())  # every file read afresh


def test_the_oldest_entries_beyond_the_limit_are_pruned(data_copy, monkeypatch, reads):
    index.load(data_copy)
    sizes = {path: path.stat().st_size for path in entries()}
    monkeypatch.setattr(index, "LIMIT", sum(sizes.values()) + 1)
    path = data_copy / "2025-work-points.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    index.load(data_copy)  # the new entry pushes the old one of the file out
    assert len(entries()) == len(sizes)
    reads.clear()
    index.load(data_copy)
    assert reads == []


# --- the code is part of the key (issue 12) ---------------------------------------------


def test_an_edited_install_never_serves_an_old_result(tmp_path):
    """A unit label changed in a copy of the package shows on the next, warm run."""
    copy = tmp_path / "site" / "policy_targets"
    for folder in ("cli", "comparisons", "targets"):
        shutil.copytree(REPO / folder, copy / folder, ignore=shutil.ignore_patterns("__pycache__"))
    env = {**os.environ, "POLICY_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("POLICY_DATA", None)
    script = (
        "import sys; sys.path.insert(0, {site!r}); sys.meta_path[:] = "
        "[f for f in sys.meta_path if 'Editable' not in type(f).__name__]; "
        "import policy_targets.comparisons as c; assert c.__file__.startswith({site!r}), c.__file__; "
        "from policy_targets.cli.app import main; sys.argv[0] = 'policy'; main()"
    )
    command = [
        sys.executable,
        "-c",
        script.format(site=str(tmp_path / "site")),
        "compare",
        "2023",
        "2025",
        "--format",
        "json",
    ]

    def compute_units() -> set[str]:
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        return {line for line in result.stdout.split('"') if "FLOP" in line}

    assert compute_units() == {"EFLOPS"}
    units = copy / "comparisons" / "units.py"
    text = units.read_text(encoding="utf-8")
    assert text.count('"EFLOPS", "EFLOPS"') == 1
    units.write_text(text.replace('"EFLOPS", "EFLOPS"', '"EFLOPS", "EFLOP/s"'), encoding="utf-8")
    assert compute_units() == {"EFLOP/s"}


def test_a_fifo_in_place_of_the_catalogue_is_left_to_the_loader(tmp_path):
    """The index never opens a special file to hash it; the loader reports it."""
    fifo = tmp_path / "indicators.yaml"
    os.mkfifo(fifo)
    built = ({}, ["the loader's problem"])
    assert index.Index(tmp_path / "cache").catalogue(fifo, lambda: built) == built
