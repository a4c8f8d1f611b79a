"""Start-up stays light: the CLI module imports no heavy module, and nothing imports the
bare folder names."""

import re
import subprocess
import sys
from pathlib import Path

# pydantic is no dependency any more, but Typer 0.29 and later would import it at start-up
# (hence the pin below 0.29 in pyproject.toml), and other tools install it.
HEAVY = ("pint", "pydantic", "opencc", "matplotlib", "openpyxl", "cn2an", "jinja2", "markupsafe")
REPO = Path(__file__).resolve().parent.parent


def imported_after(code: str) -> set[str]:
    script = f"import sys\n{code}\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_cli_import_loads_no_heavy_module():
    modules = imported_after("import policy_targets.cli.app")
    assert sorted(m for m in modules if m.split(".")[0] in HEAVY) == []


def test_warm_compare_loads_no_heavy_module(tmp_path):
    run_compare = (
        "import os\n"
        f"os.environ['POLICY_CACHE_DIR'] = {str(tmp_path)!r}\n"
        "from policy_targets.cli.app import app\n"
        "try:\n"
        "    app(['compare', '2023', '2025', '--format', 'json', '--force', '--output',\n"
        f"         {str(tmp_path / 'out.json')!r}], standalone_mode=False)\n"
        "except SystemExit:\n"
        "    pass\n"
    )
    cold = imported_after(run_compare)  # builds the index in tmp_path
    assert "pint" in cold and "yaml" in cold  # read and normalized, without pydantic
    assert sorted(m for m in cold if m.split(".")[0] == "pydantic") == []
    warm = imported_after(run_compare)  # a new process that reads it
    assert sorted(m for m in warm if m.split(".")[0] in HEAVY) == []


def test_no_code_imports_the_bare_folder_names():
    pattern = re.compile(r"^\s*(from|import)\s+(cli|comparisons|targets)\b", re.MULTILINE)
    offenders = [
        str(p.relative_to(REPO))
        for folder in ("cli", "comparisons", "tests", "benchmarks")
        for p in (REPO / folder).rglob("*.py")
        if pattern.search(p.read_text("utf-8"))
    ]
    assert offenders == []
