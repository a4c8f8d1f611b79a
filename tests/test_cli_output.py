"""The shared --format/--output implementation."""

import os
import subprocess
import sys

import pytest

from policy_targets.cli.output import write_atomically
from policy_targets.comparisons.errors import UsageError


def test_existing_file_is_kept_without_force(tmp_path, run):
    target = tmp_path / "out.json"
    target.write_text("keep me")
    result = run("export", "--output", str(target))
    assert result.exit_code == 2
    assert result.stderr == f"error: {target} exists; pass --force to overwrite it\n"
    assert target.read_text() == "keep me"
    assert run("export", "--output", str(target), "--force").exit_code == 0
    assert target.read_text().startswith("[")


@pytest.mark.parametrize("force", [False, True])
def test_a_failed_write_leaves_no_file(tmp_path, monkeypatch, force):
    """The last step fails: a hard link for a new file, a rename with --force."""
    target = tmp_path / "out.bin"

    def broken(*_):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", broken)
    monkeypatch.setattr("os.link", broken)
    with pytest.raises(UsageError, match="cannot write .*out.bin: No space left on device"):
        write_atomically(target, b"data", force=force)
    assert list(tmp_path.iterdir()) == []


def test_a_failure_halfway_through_leaves_no_file(tmp_path):
    def pieces():
        yield b"[\n"
        raise RuntimeError("the data ran out")

    with pytest.raises(RuntimeError, match="the data ran out"):
        write_atomically(tmp_path / "out.json", pieces(), force=False)
    assert list(tmp_path.iterdir()) == []


def test_a_new_file_gets_the_umask_mode_and_a_replaced_file_keeps_its_own(tmp_path, run):
    target = tmp_path / "out.json"
    old_umask = os.umask(0o027)
    try:
        assert run("export", "--output", str(target)).exit_code == 0
        assert target.stat().st_mode & 0o777 == 0o640
        target.chmod(0o604)
        assert run("export", "--output", str(target), "--force").exit_code == 0
        assert target.stat().st_mode & 0o777 == 0o604
    finally:
        os.umask(old_umask)


def test_missing_directory(tmp_path):
    with pytest.raises(UsageError) as caught:
        write_atomically(tmp_path / "no" / "such" / "out.csv", b"x", force=False)
    assert (
        str(caught.value) == f"directory {tmp_path / 'no' / 'such'} does not exist; create it first"
    )


@pytest.mark.parametrize(
    "args",
    [
        ["compare", "2023", "2025"],
        ["export", "--format", "markdown"],
        ["export", "--format", "json"],
    ],
)
def test_a_closed_pipe_ends_quietly(args):
    script = "from policy_targets.cli.app import main; main()"
    process = subprocess.Popen(
        [sys.executable, "-c", script, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    process.stdout.readline()
    process.stdout.close()  # like `| head -1`
    stderr = process.stderr.read().decode()
    assert process.wait() == 0
    assert stderr == ""


def test_a_table_for_an_ascii_terminal_is_one_line_of_error():
    script = "from policy_targets.cli.app import main; main()"
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    result = subprocess.run(
        [sys.executable, "-c", script, "compare", "2023", "2025"], capture_output=True, env=env
    )
    assert result.returncode == 2
    assert result.stdout == b""
    assert result.stderr.decode("ascii") == (
        "error: standard output uses the ascii encoding, which cannot show this output; "
        "set PYTHONIOENCODING=utf-8, or write a file with --output\n"
    )
