"""The benchmark's generator writes datasets that `policy validate` accepts, the same
bytes for the same arguments."""

import subprocess
import sys
from pathlib import Path

GENERATE = Path(__file__).resolve().parent.parent / "benchmarks" / "generate.py"


def generate(out: Path) -> None:
    command = [sys.executable, str(GENERATE), str(out), "--targets", "300", "--documents", "6"]
    subprocess.run(command, check=True, capture_output=True)


def test_a_small_generated_dataset_validates(run, tmp_path):
    generate(tmp_path / "data")
    result = run("--no-cache", "--data", str(tmp_path / "data"), "validate")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == "ok: 6 documents, 300 targets, 50 indicators\n"
    compare = run(
        "--data", str(tmp_path / "data"), "compare", "1995-work-points", "2000-work-points"
    )
    assert compare.exit_code == 0


def test_the_same_arguments_give_the_same_bytes(tmp_path):
    generate(tmp_path / "a")
    generate(tmp_path / "b")
    files = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert files == sorted(p.name for p in (tmp_path / "b").iterdir())
    for name in files:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
