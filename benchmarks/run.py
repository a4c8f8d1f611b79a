"""The scale benchmark: time and peak memory of `policy` at 1k, 10k and 100k targets.

For each size it generates a synthetic targets directory (benchmarks/generate.py) in a
temporary directory and runs, each as a fresh subprocess:

  validate  policy --data DIR validate
  build     policy --data DIR compare A B --format json   (an empty POLICY_CACHE_DIR)
  warm      the same command again                      (the index the build wrote)
  table     policy --data DIR compare A B   (a table; warm index, no cached table)
  export    policy --data DIR export --format json --output FILE --force   (warm index)

Time is wall clock, the median of several runs: --repeat runs of a step whose first
run took under --quick seconds, --repeat-slow runs under --cheap seconds, else that one
run. Peak memory is the largest maximum resident set size of the runs, from os.wait4 (the
rusage of exactly that child). Then the startup ratio: `policy compare 2023 2025` on the
bundled data, run before (warm index, stored table) and stdout to /dev/null, against
`python -c "import typer, rich.table, yaml"` with the same virtual environment's Python,
alternating, the median of --startup-runs runs each; beside it the same command with
no stored table and as JSON. The startup runs use the user's cache directory as
platformdirs finds it (XDG_CACHE_HOME in the work directory), not POLICY_CACHE_DIR.

Before measuring, every command runs once on a tiny dataset, so that no measured run
compiles bytecode or reads cold files. The children cache their bytecode in the work
directory (PYTHONPYCACHEPREFIX), not in the checkout, whatever PYTHONDONTWRITEBYTECODE
says; --bytecode-env keeps the environment as it is.

    .venv/bin/python benchmarks/run.py [--venv .venv] [--sizes 1000,10000,100000]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from generate import generate

REPO = Path(__file__).resolve().parent.parent
STEPS = ("validate", "build", "warm", "table", "export")
STEP_NAMES = {
    "validate": "`validate`",
    "build": "index build (`compare`, empty cache)",
    "warm": "`compare`, warm index",
    "table": "`compare` as a table, warm index, table not cached",
    "export": "`export --format json`",
}
# The targets the project set (benchmarks/README.md).
WARM_SECONDS = 2.0
WARM_MB = 500.0
MAX_RATIO = 12.0
MAX_STARTUP_RATIO = 1.3


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds of the child
    peak_mb: float  # maximum resident set size, MiB


@dataclass
class Measurement:
    runs: list[Run] = field(default_factory=list)

    @property
    def time(self) -> float:
        return statistics.median(r.wall for r in self.runs)

    @property
    def cpu(self) -> float:
        return statistics.median(r.cpu for r in self.runs)

    @property
    def memory(self) -> float:
        return max(r.peak_mb for r in self.runs)


class StepFailed(RuntimeError):
    pass


def run_once(command: list[str], env: dict, stdout_path: Path | None = None) -> Run:
    """Run `command` to completion; StepFailed with the end of its stderr if it fails."""
    sink = open(stdout_path, "wb") if stdout_path else nullcontext(subprocess.DEVNULL)
    with tempfile.TemporaryFile() as stderr, sink as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdout=out, stderr=stderr)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            stderr.seek(0)
            tail = stderr.read().decode(errors="replace").strip().splitlines()[-5:]
            raise StepFailed(
                f"{' '.join(command)} exited with {process.returncode}:\n  " + "\n  ".join(tail)
            )
    # ru_maxrss is in KiB on Linux
    return Run(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


@dataclass(frozen=True)
class Repeats:
    quick: float = 5.0  # a step faster than this runs `many` times
    many: int = 7
    cheap: float = 60.0  # a step faster than this runs `some` times; slower ones once
    some: int = 3

    def runs_after(self, first: float) -> int:
        if first < self.quick:
            return self.many
        return self.some if first < self.cheap else 1


def measure(
    command: list[str],
    env_for_run: Callable[[int], dict],
    repeats: Repeats,
    stdout_path: Path | None = None,
) -> Measurement:
    """Run `command` as often as its first run's time allows (see Repeats).

    `env_for_run(i)` gives the environment of run i (the build step wants a fresh cache
    for every run).
    """
    result = Measurement([run_once(command, env_for_run(0), stdout_path)])
    for i in range(1, repeats.runs_after(result.runs[0].wall)):
        result.runs.append(run_once(command, env_for_run(i), stdout_path))
    return result


BYTECODE: Path | None = None  # set by main(): where the children keep their .pyc files


def base_env(cache: Path) -> dict:
    env = dict(os.environ)
    env.pop("POLICY_DATA", None)
    env["POLICY_CACHE_DIR"] = str(cache)
    if BYTECODE is not None:
        # Steady state of an installation: compiled once, then read from the .pyc files
        # (kept in the work directory, so that nothing is written into the checkout).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(BYTECODE)
    return env


def label(size: int) -> str:
    return f"{size // 1000}k" if size % 1000 == 0 and size >= 1000 else str(size)


def warm_up(policy: str, python: str, work: Path) -> None:
    """Run every command once on a tiny dataset, unmeasured: compiles the bytecode and
    fills the operating system's file cache, so that no measured run pays for either."""
    data = work / "targets-warm-up"
    summary = generate(data, 20, 2, None, 0)
    env = base_env(work / "cache-warm-up")
    run_once([policy, "--data", str(data), "validate"], env)
    run_once([policy, "--data", str(data), "compare", summary["first"], summary["last"]], env)
    run_once(
        [policy, "--data", str(data), "export", "--format", "json", "--output"]
        + [str(work / "export-warm-up.json"), "--force"],
        env,
    )
    run_once([python, "-c", "import typer, rich.table, yaml"], env)


def bench_size(
    policy: str, size: int, documents: int, seed: int, work: Path, repeats: Repeats
) -> dict[str, Measurement]:
    data = work / f"targets-{label(size)}"
    start = time.perf_counter()
    summary = generate(data, size, documents, None, seed)
    print(
        f"# {label(size)}: generated {summary['targets']} targets in {summary['documents']} "
        f"documents, {summary['indicators']} indicators, {time.perf_counter() - start:.1f} s",
        file=sys.stderr,
    )
    results: dict[str, Measurement] = {}
    unused = work / f"cache-{label(size)}-validate"  # validate reads no index
    results["validate"] = measure(
        [policy, "--data", str(data), "validate"], lambda i: base_env(unused), repeats
    )
    compare = [policy, "--data", str(data), "compare", summary["first"], summary["last"]]
    compare += ["--format", "json"]
    caches: list[Path] = []

    def fresh_cache(i: int) -> dict:
        caches.append(Path(tempfile.mkdtemp(prefix=f"cache-{label(size)}-build-", dir=work)))
        return base_env(caches[-1])

    output = work / f"compare-{label(size)}.json"
    results["build"] = measure(compare, fresh_cache, repeats, output)
    warm = caches[-1]
    if not any(warm.glob("index-*")):
        raise StepFailed(f"the build step wrote no index into {warm}")
    results["warm"] = measure(compare, lambda i: base_env(warm), repeats, output)

    def without_tables(i: int) -> dict:
        shutil.rmtree(warm / "tables", ignore_errors=True)  # Rich lays the table out anew
        return base_env(warm)

    results["table"] = measure(
        compare[:-2], without_tables, repeats, work / f"compare-{label(size)}.txt"
    )
    exported = work / f"export-{label(size)}.json"
    results["export"] = measure(
        [policy, "--data", str(data), "export", "--format", "json", "--output", str(exported)]
        + ["--force"],
        lambda i: base_env(warm),
        repeats,
    )
    for step in STEPS:
        m = results[step]
        walls = ", ".join(f"{r.wall:.2f}" for r in m.runs)
        print(
            f"#   {step}: {m.time:.2f} s (runs: {walls}; median CPU {m.cpu:.2f} s), "
            f"peak {m.memory:.0f} MB",
            file=sys.stderr,
        )
    return results


STARTUP = {
    "repeated": "`policy compare 2023 2025`, run before (the issue's measure)",
    "new table": "`policy compare 2023 2025`, table not cached (first run of a command)",
    "json": "`policy compare 2023 2025 --format json`",
    "import": '`python -c "import typer, rich.table, yaml"`',
}


def startup(policy: str, python: str, runs: int, work: Path) -> dict[str, float]:
    """Medians of `policy compare 2023 2025` with warm caches, with the table not cached
    and as JSON, and of importing typer, rich and yaml; the four alternate, so that a
    change in the machine's load hits all of them."""
    cache_home = work / "xdg-cache"  # the user's cache directory, found by platformdirs
    env = base_env(work / "unused")
    del env["POLICY_CACHE_DIR"]
    env["XDG_CACHE_HOME"] = str(cache_home)
    compare = [policy, "compare", "2023", "2025"]
    commands = {
        "repeated": compare,
        "new table": compare,
        "json": compare + ["--format", "json"],
        "import": [python, "-c", "import typer, rich.table, yaml"],
    }
    run_once(compare, env)  # builds the index and stores the table
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            if name == "new table":
                shutil.rmtree(cache_home / "policy-targets" / "tables")
            times[name].append(run_once(command, env).wall)
    for name, walls in times.items():
        runs_ms = " ".join(f"{t * 1000:.0f}" for t in walls)
        print(f"# startup runs (ms), {name}: {runs_ms}", file=sys.stderr)
    return {name: statistics.median(walls) for name, walls in times.items()}


def code_digest(root: Path = REPO) -> str:
    """A short hash of the code measured (cli/, comparisons/), to tie results to it."""
    digest = hashlib.sha256()
    for path in sorted([*root.glob("cli/*.py"), *root.glob("comparisons/*")]):
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


SNAPSHOT_SCRIPT = """#!{python}
import re
import sys
sys.path.insert(0, {path!r})
from policy_targets.cli.app import main
if __name__ == "__main__":
    sys.argv[0] = re.sub(r"(-script\\.pyw|\\.exe)?$", "", sys.argv[0])
    sys.exit(main())
"""


def snapshot(python: str, work: Path) -> tuple[str, Path]:
    """Copy this checkout's package to the work directory; (a `policy` script that runs
    the copy with `python` and its dependencies, the copy's root)."""
    root = work / "snapshot"
    package = root / "policy_targets"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    for name in ("cli", "comparisons", "targets"):
        shutil.copytree(REPO / name, package / name, ignore=shutil.ignore_patterns("__pycache__"))
    script = root / "policy"
    script.write_text(SNAPSHOT_SCRIPT.format(python=python, path=str(root)))
    script.chmod(0o755)
    probe = "import policy_targets.cli.app as app; print(app.__file__)"
    where = subprocess.run(
        [python, "-c", f"import sys; sys.path.insert(0, {str(root)!r}); {probe}"],
        capture_output=True,
        text=True,
        env=base_env(work / "cache-probe"),
    ).stdout.strip()
    if not where.startswith(str(package)):
        raise StepFailed(f"the snapshot is not what runs: policy_targets.cli.app is {where!r}")
    return str(script), package


def machine() -> list[str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024**2:.1f} GiB"
    except OSError:
        pass
    return [
        f"CPU: {cpu}, {os.cpu_count()} logical CPUs; memory {memory}",
        f"Python {platform.python_version()} ({sys.executable}); {platform.platform()}",
    ]


def load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def ratio_sizes(results: dict) -> tuple[int, int] | None:
    return (10_000, 100_000) if 10_000 in results and 100_000 in results else None


def table(sizes: list[int], results: dict[int, dict[str, Measurement]]) -> str:
    headers = ["step"]
    for size in sizes:
        headers += [f"{label(size)} s", f"{label(size)} MB"]
    pair = ratio_sizes(results)
    if pair:
        headers += ["100k/10k time", "100k/10k CPU"]
    lines = [
        "| " + " | ".join(headers) + " |",
        "|" + "|".join(["---"] + ["--:"] * (len(headers) - 1)) + "|",
    ]
    for step in STEPS:
        cells = [STEP_NAMES[step]]
        for size in sizes:
            m = results[size][step]
            cells += [f"{m.time:.2f}", f"{m.memory:.0f}"]
        if pair:
            big, small = results[pair[1]][step], results[pair[0]][step]
            cells += [f"{big.time / small.time:.1f}×", f"{big.cpu / small.cpu:.1f}×"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def verdicts(results: dict[int, dict[str, Measurement]], startup_ratio: float | None) -> list[str]:
    def verdict(ok: bool) -> str:
        return "met" if ok else "NOT met"

    lines = []
    if 100_000 in results:
        warm = results[100_000]["warm"]
        lines.append(
            f"- `compare` with a warm index at 100k under {WARM_SECONDS:g} s: "
            f"{verdict(warm.time < WARM_SECONDS)} ({warm.time:.2f} s)"
        )
        lines.append(
            f"- `compare` with a warm index at 100k under {WARM_MB:g} MB peak: "
            f"{verdict(warm.memory < WARM_MB)} ({warm.memory:.0f} MB)"
        )
    pair = ratio_sizes(results)
    if pair:
        for step in STEPS:
            big, small = results[pair[1]][step], results[pair[0]][step]
            r = big.time / small.time
            lines.append(
                f"- {STEP_NAMES[step]}: 100k time at most {MAX_RATIO:g}× 10k: "
                f"{verdict(r <= MAX_RATIO)} ({r:.1f}×; CPU time {big.cpu / small.cpu:.1f}×)"
            )
    if startup_ratio is not None:
        lines.append(
            f"- startup ratio at most {MAX_STARTUP_RATIO:g}: "
            f"{verdict(startup_ratio <= MAX_STARTUP_RATIO)} ({startup_ratio:.2f})"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    global BYTECODE
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--policy",
        default=str(Path(sys.executable).parent / "policy"),
        help="the policy executable (default: the one next to this Python)",
    )
    parser.add_argument(
        "--venv", type=Path, help="a virtual environment: use its bin/policy and bin/python"
    )
    parser.add_argument(
        "--python",
        help="the Python of the import baseline (default: the one beside the policy executable)",
    )
    parser.add_argument("--sizes", default="1000,10000,100000", help="target counts, by commas")
    parser.add_argument("--documents", type=int, default=100, help="documents per dataset")
    parser.add_argument("--seed", type=int, default=6, help="the generator's seed")
    parser.add_argument("--repeat", type=int, default=7, help="runs of a step under --quick s")
    parser.add_argument("--quick", type=float, default=5.0)
    parser.add_argument("--repeat-slow", type=int, default=3, help="runs of a step under --cheap s")
    parser.add_argument("--cheap", type=float, default=60.0, help="slower steps run once")
    parser.add_argument("--startup-runs", type=int, default=15, help="runs of each startup command")
    parser.add_argument("--no-startup", action="store_true", help="skip the startup ratio")
    parser.add_argument("--keep", type=Path, help="work in this directory and keep it")
    parser.add_argument(
        "--snapshot",
        action="store_true",
        help="measure a copy of this checkout's cli/, comparisons/ and targets/ taken at the "
        "start (run with the --python and its packages), so that edits made during the run "
        "do not mix versions",
    )
    parser.add_argument(
        "--bytecode-env",
        action="store_true",
        help="leave PYTHONDONTWRITEBYTECODE and PYTHONPYCACHEPREFIX as they are",
    )
    args = parser.parse_args(argv)

    policy = str(args.venv / "bin" / "policy") if args.venv else args.policy
    python = args.python or str(Path(policy).parent / "python")
    for executable in (policy, python):
        if not os.access(executable, os.X_OK):
            parser.error(f"{executable} is not executable; pass --policy and --python, or --venv")
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    repeats = Repeats(args.quick, args.repeat, args.cheap, args.repeat_slow)

    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        context, work = None, args.keep.resolve()
    else:
        context = tempfile.TemporaryDirectory(prefix="policy-bench-")
        work = Path(context.name)
    BYTECODE = None if args.bytecode_env else work / "pycache"
    started = time.perf_counter()
    load_before = load_average()
    code_root = REPO
    try:
        if args.snapshot:
            policy, code_root = snapshot(python, work)
        code_before = code_digest(code_root)
        warm_up(policy, python, work)
        results = {
            size: bench_size(policy, size, args.documents, args.seed, work, repeats)
            for size in sizes
        }
        startup_ratio = None
        if not args.no_startup:
            medians = startup(policy, python, args.startup_runs, work)
            startup_ratio = medians["repeated"] / medians["import"]
    except StepFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        code = code_digest(code_root)
        if context:
            context.cleanup()

    what = "a snapshot of this checkout" if args.snapshot else policy
    print(f"policy: {what}; code {code}; {args.documents} documents per dataset")
    if code != code_before:
        print(
            f"WARNING: the code changed during the run (was {code_before}); the results mix versions"
        )
    for line in machine():
        print(line)
    print(f"load average before {load_before}, after {load_average()}")
    print()
    print(table(sizes, results))
    print()
    print(
        "Seconds: wall clock, median of the runs; MB: peak resident set size (MiB); "
        "CPU: the ratio of the median user + system time."
    )
    if startup_ratio is not None:
        print()
        print(f"Startup, median of {args.startup_runs} runs each, alternating:")
        print()
        print("| command | ms | ratio to the imports |")
        print("|---|--:|--:|")
        for name, what in STARTUP.items():
            ratio = medians[name] / medians["import"]
            print(f"| {what} | {medians[name] * 1000:.0f} | {ratio:.2f} |")
    print()
    print("Targets:")
    for line in verdicts(results, startup_ratio):
        print(line)
    print(f"\n(the benchmark took {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
