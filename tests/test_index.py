"""The normalized index in the cache directory: reused, rebuilt on change, never fatal."""

import os

from policy_targets.comparisons import index


def cached_files():
    return sorted(index.cache_dir().glob("index-*.pickle"))


def test_second_load_reads_the_cache(data_copy, monkeypatch):
    first = index.load(data_copy)
    (path,) = cached_files()
    monkeypatch.setattr(
        "policy_targets.comparisons.loading.load_dataset",
        lambda _: (_ for _ in ()).throw(AssertionError("rebuilt")),
    )
    second = index.load(data_copy)
    assert second.targets == first.targets
    assert cached_files() == [path]


def test_an_edit_rebuilds_the_index(data_copy, run, raise_smart_communities):
    args = (
        "--data",
        str(data_copy),
        "compare",
        "2023",
        "2025",
        "--only",
        "changed",
        "--format",
        "csv",
    )
    assert "5000" in run(*args).stdout
    raise_smart_communities()
    result = run(*args)
    assert "6000" in result.stdout and "5000" not in result.stdout
    assert len(cached_files()) == 2


def test_a_corrupt_cache_is_rebuilt(data_copy):
    expected = index.load(data_copy).targets
    (path,) = cached_files()
    path.write_bytes(b"not a pickle")
    assert index.load(data_copy).targets == expected
    assert path.read_bytes() != b"not a pickle"


def test_an_unwritable_cache_only_costs_speed(data_copy, monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("POLICY_CACHE_DIR", str(blocker / "cache"))  # a directory under a file
    assert len(index.load(data_copy).targets) == 161


def test_no_cache_bypasses_it(run):
    assert run("--no-cache", "compare", "2023", "2025", "--format", "json").exit_code == 0
    assert cached_files() == []


def test_the_key_covers_units_and_version(data_copy, monkeypatch, tmp_path):
    key = index.dataset_key(data_copy)
    monkeypatch.setattr(index, "__version__", "9.9.9")
    assert index.dataset_key(data_copy) != key
    monkeypatch.undo()
    os.utime(data_copy / "indicators.yaml")  # a touch without an edit keeps the key
    assert index.dataset_key(data_copy) == key
    other_units = tmp_path / "units.txt"
    other_units.write_text("other units")
    monkeypatch.setattr(index, "UNIT_DEFINITIONS", other_units)
    assert index.dataset_key(data_copy) != key
