"""The benchmark: hyperfine times each step of `policy` at 1k, 10k and 100k targets, and
the start-up of `policy compare 2023 2025` against importing its framework libraries.

    .venv/bin/python benchmarks/run.py [--sizes 1000,10000,100000] [--work DIR]
    .venv/bin/python benchmarks/run.py --sizes ""      # the startup and page tables only
    .venv/bin/python benchmarks/run.py --sizes "" --hostile 1000,4000   # and hostile data

Needs hyperfine (`apt-get install hyperfine`). Prints a Markdown table; hyperfine's JSON
for every step is kept in the work directory. Peak memory is one more run of each step,
its maximum resident set size from os.wait4. Children cache bytecode in the work
directory (PYTHONPYCACHEPREFIX), never in the checkout, and each step runs once before it
is timed, so that no timed run compiles bytecode.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from generate import generate

BASELINE = "import typer, rich.table, yaml"
FIRST, LAST = "1995-work-points", "2094-work-points"  # the generator's first and last


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--work", type=Path, help="work directory (default: a new temporary one)")
    parser.add_argument("--startup-runs", type=int, default=100)
    parser.add_argument(
        "--hostile",
        default="",
        help="sizes of the hostile data (unknown ids, repeated quotes), e.g. 1000,4000",
    )
    parser.add_argument("--page-runs", type=int, default=20)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="policy-benchmark-"))
    work.mkdir(parents=True, exist_ok=True)
    bench = Bench(work)
    sizes = [int(size) for size in args.sizes.split(",") if size]  # --sizes "": startup only
    if sizes:
        print(scale_table({size: bench.scale(size) for size in sizes}))
    hostile = [int(size) for size in args.hostile.split(",") if size]
    if hostile:
        print(scale_table({size: bench.hostile(size) for size in hostile}))
    print(bench.startup(args.startup_runs))
    print(bench.page(args.page_runs))


class Bench:
    def __init__(self, work: Path):
        self.work = work
        self.python = sys.executable
        self.policy = str(Path(sys.executable).with_name("policy"))
        self.env = {**os.environ, "PYTHONPYCACHEPREFIX": str(work / "bytecode")}
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)
        self.env.pop("POLICY_DATA", None)

    def hyperfine(self, name: str, commands: list[str], runs: int, **options: str) -> list[dict]:
        """hyperfine's results for `commands`; options are hyperfine's long options."""
        out = self.work / f"{name}.json"
        flags = [f"--{key.replace('_', '-')}={value}" for key, value in options.items()]
        subprocess.run(
            ["hyperfine", "--style=basic", f"--runs={runs}", "--warmup=1", *flags]
            + ["--export-json", str(out), *commands],
            env=self.env,
            check=True,
            stdout=sys.stderr,
        )
        return json.loads(out.read_text())["results"]

    def peak_mb(self, command: str, prepare: str | None) -> float:
        if prepare:
            subprocess.run(prepare, shell=True, env=self.env, check=True)
        process = subprocess.Popen(
            command, shell=True, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        _, status, usage = os.wait4(process.pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0, command
        return usage.ru_maxrss / 1024

    def scale(self, size: int) -> dict[str, tuple[float, float, float]]:
        """{step: (median seconds, CPU seconds, peak MB)} for a dataset of `size` targets."""
        data = self.work / f"data-{size}"
        cache = self.work / f"cache-{size}"
        if not data.is_dir():
            generate(data, targets=size, documents=100, indicators=None, seed=6)
        self.env["POLICY_CACHE_DIR"] = str(cache)
        policy = f"{self.policy} --data {data}"
        compare = f"{policy} compare {FIRST} {LAST}"
        edit = f'echo "# $(date +%s%N)" >> {data / "2050-work-points.yaml"}'
        empty = f"rm -rf {cache}"
        steps = {
            "`validate`, no cache": (f"{self.policy} --no-cache --data {data} validate", None),
            "index build (`validate`, empty cache)": (f"{policy} validate", empty),
            "`validate`, warm": (f"{policy} validate", None),
            "`validate` after editing one document": (f"{policy} validate", edit),
            "`compare`, warm, JSON": (f"{compare} --format json", None),
            "`compare` after editing one document": (f"{compare} --format json", edit),
            "`compare`, warm, table to a pipe": (compare, None),
            "`compare`, warm, HTML page": (
                f"{compare} -o {self.work / 'compare.html'} --force",
                None,
            ),
            "`export` JSON, warm": (
                f"{policy} export -o {self.work / 'export.json'} --force",
                None,
            ),
        }
        results = {}
        for number, (step, (command, prepare)) in enumerate(steps.items()):
            runs = 3 if size >= 100_000 and prepare == empty else 5
            extra = {"prepare": prepare} if prepare else {}
            (result,) = self.hyperfine(f"{size}-{number}", [command], runs, output="pipe", **extra)
            results[step] = (result["median"], cpu(result), self.peak_mb(command, prepare))
        return results

    def hostile(self, size: int) -> dict[str, tuple[float, float, float]]:
        """{step: (median seconds, CPU seconds, peak MB)} for data built to be slow: a
        document with `size` unknown indicator ids (each a "did you mean"), and one whose
        source repeats its quote `size` times (as many quote spans and numerals for the
        coverage scan). Both must grow near-linearly with `size`."""
        root = self.work / f"hostile-{size}"
        if not root.is_dir():
            _hostile_data(root, size)
        self.env["POLICY_CACHE_DIR"] = str(root / "cache")
        validate = f"{self.policy} --no-cache --data {root}"
        steps = {
            "`validate`, N unknown ids (status 2)": f"{validate}/unknown validate || true",
            "`validate --coverage`, a quote repeated N times": (
                f"{validate}/repeated validate --sources {root / 'sources'} --coverage"
            ),
        }
        results = {}
        for number, (step, command) in enumerate(steps.items()):
            (result,) = self.hyperfine(f"hostile-{size}-{number}", [command], 3, output="pipe")
            results[step] = (result["median"], cpu(result), self.peak_mb(command, None))
        return results

    def startup(self, runs: int, rounds: int = 10) -> str:
        """`policy compare 2023 2025` on the bundled data, warm cache found the way a
        user's run finds it (platformdirs, XDG_CACHE_HOME), to a pipe and in a
        pseudo-terminal, against the imports of its framework libraries. hyperfine runs
        one command's runs, then the other's; `rounds` rounds, in alternating order,
        keep a change in the machine's load from falling on one side only."""
        self.env.pop("POLICY_CACHE_DIR", None)
        self.env["XDG_CACHE_HOME"] = str(self.work / "xdg")
        baseline = f"{self.python} -c {shlex.quote(BASELINE)}"
        command = f"{self.policy} compare 2023 2025"
        lines = ["| command | ms | CPU ms | ratio | CPU ratio |", "|---|--:|--:|--:|--:|"]
        for where, wrap in [("to a pipe", str), ("in a pseudo-terminal", _in_script)]:
            pair = [wrap(command), wrap(baseline)]
            times: dict[str, list[float]] = {c: [] for c in pair}
            cpus: dict[str, list[float]] = {c: [] for c in pair}
            for number in range(rounds):
                order = pair if number % 2 == 0 else pair[::-1]
                name = f"startup-{where.split()[-1]}-{number}"
                for result in self.hyperfine(name, order, runs // rounds, output="pipe"):
                    times[result["command"]] += result["times"]
                    cpus[result["command"]].append(cpu(result))
            (policy, policy_cpu), (base, base_cpu) = [
                (statistics.median(times[c]), statistics.mean(cpus[c])) for c in pair
            ]
            lines.append(
                f"| `policy compare 2023 2025` {where} | {policy * 1000:.0f} | "
                f"{policy_cpu * 1000:.0f} | **{policy / base:.2f}** | {policy_cpu / base_cpu:.2f} |"
            )
            lines.append(
                f'| `python -c "{BASELINE}"` {where} | {base * 1000:.0f} | '
                f"{base_cpu * 1000:.0f} | 1.00 | 1.00 |"
            )
        return "\n".join(lines)

    def page(self, runs: int) -> str:
        """Writing the HTML page of `policy compare 2023 2025` on the bundled data, warm
        (its cache found as `startup` finds it; hyperfine's warm-up run fills it), against
        the same comparison as JSON."""
        self.env.pop("POLICY_CACHE_DIR", None)
        self.env["XDG_CACHE_HOME"] = str(self.work / "xdg")
        html = f"{self.policy} compare 2023 2025 -o {self.work / 'compare-page.html'} --force"
        json_ = f"{self.policy} compare 2023 2025 -o {self.work / 'compare-page.json'} --force"
        results = self.hyperfine("html-page", [html, json_], runs, output="pipe")
        lines = ["| command | median s | CPU s |", "|---|--:|--:|"]
        for name, result in zip(("HTML page", "JSON"), results, strict=True):
            lines.append(
                f"| `policy compare 2023 2025 -o r.{name.split()[0].lower()}` "
                f"| {result['median']:.3f} | {cpu(result):.3f} |"
            )
        return "\n".join(lines)


def _hostile_data(root: Path, size: int) -> None:
    """Two data directories with the bundled catalogue: `unknown`, a document with `size`
    targets of unknown ids; `repeated`, a document whose source holds its quote `size`
    times (in `sources`)."""
    import shutil

    from policy_targets.comparisons.layout import CATALOGUE, bundled_data_dir

    head = (
        "document:\n  id: {id}\n  year: 2024\n  scope: shandong\n  title_zh: 测试\n"
        "  title_en: Test\n  issuer: benchmark\n  published: '2024-01-01'\n"
        "  period: {{start: 2024, end: 2024}}\n  kind: work-points\n  source: {id}.txt\n"
        "targets:\n"
    )
    target = (
        "  - indicator: {indicator}\n    value: 20\n    unit: 个\n    comparator: at_least\n"
        "    measure: addition\n    kind: target\n    year: 2024\n"
        "    quote: 新建智慧社区20个\n    locator: 一、1\n"
    )
    ids = [f"smart-comunities-{n}" for n in range(size)]
    for name, indicators in (("unknown", ids), ("repeated", ["smart-communities"])):
        (root / name).mkdir(parents=True)
        shutil.copyfile(bundled_data_dir() / CATALOGUE, root / name / CATALOGUE)
        text = head.format(id=f"2024-{name}") + "".join(
            target.format(indicator=indicator) for indicator in indicators
        )
        (root / name / f"2024-{name}.yaml").write_text(text, encoding="utf-8")
    (root / "sources").mkdir()
    text = "新建智慧社区20个。" * size
    (root / "sources" / "2024-repeated.txt").write_text(text, encoding="utf-8")


def cpu(result: dict) -> float:
    """Mean user + system seconds of a hyperfine result: on a shared machine, less
    disturbed by other people's work than wall-clock time."""
    return result["user"] + result["system"]


def _in_script(command: str) -> str:
    return f"script -qec {shlex.quote(command)} /dev/null"


def scale_table(rows: dict[int, dict[str, tuple[float, float, float]]]) -> str:
    sizes = list(rows)
    head = "| step | " + " | ".join(
        f"{s // 1000}k s | {s // 1000}k CPU s | {s // 1000}k MB" for s in sizes
    )
    ratio = len(sizes) >= 2
    lines = [head + (" | last/previous, s | CPU |" if ratio else " |")]
    lines.append("|---|" + "--:|--:|--:|" * len(sizes) + ("--:|--:|" if ratio else ""))
    for step in rows[sizes[0]]:
        cells = [
            f"{rows[s][step][0]:.2f} | {rows[s][step][1]:.2f} | {rows[s][step][2]:.0f}"
            for s in sizes
        ]
        last, previous = rows[sizes[-1]][step], rows[sizes[-2]][step] if ratio else None
        growth = f" | {last[0] / previous[0]:.1f}× | {last[1] / previous[1]:.1f}×" if ratio else ""
        lines.append(f"| {step} | " + " | ".join(cells) + growth + " |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
