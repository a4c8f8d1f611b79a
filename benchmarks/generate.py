"""Generate a synthetic, schema-valid targets directory for the scale benchmark.

The output has the layout of `targets/`: an `indicators.yaml` catalogue, one
`<document-id>.yaml` per document and copies of the two schemas they use. Every file
starts with the `# yaml-language-server: $schema=<kind>.schema.json` header of its kind,
and every row passes
`policy validate`: the unit fits the indicator's dimension and the measure, the value
appears in the quote, and (indicator, kind, year, scope, measure) is unique within a
document. Documents are Shandong work points with distinct years (and distinct ids), so
`policy --data OUT compare <id-1> <id-2>` compares two of them.

The output depends only on the arguments: the same seed gives the same bytes.

    python benchmarks/generate.py OUT_DIR --targets 100000 [--documents 100]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import shutil
import sys
from pathlib import Path

from policy_targets.comparisons.records import Indicator

HEADER = "# yaml-language-server: $schema={}.schema.json\n"
TARGETS = Path(__file__).resolve().parent.parent / "targets"
SCHEMAS = ("document.schema.json", "catalogue.schema.json")
FIRST_YEAR = 1995  # documents are dated FIRST_YEAR, FIRST_YEAR + 1, …
YEAR_SPAN = 100  # … and wrap after this many (ids stay unique); the schema allows 1990–2100

CITIES = [
    ("shandong", "全省"),
    ("jinan", "济南市"),
    ("qingdao", "青岛市"),
    ("zibo", "淄博市"),
    ("zaozhuang", "枣庄市"),
    ("dongying", "东营市"),
    ("yantai", "烟台市"),
    ("weifang", "潍坊市"),
    ("jining", "济宁市"),
    ("taian", "泰安市"),
    ("weihai", "威海市"),
    ("rizhao", "日照市"),
    ("linyi", "临沂市"),
    ("dezhou", "德州市"),
    ("liaocheng", "聊城市"),
    ("binzhou", "滨州市"),
    ("heze", "菏泽市"),
]
TIERS = [("", ""), ("provincial", "省级"), ("county", "县级"), ("rural", "农村")]

# Things to count, with their slug, Chinese name, category and measure word.
COUNT_THINGS = [
    ("5g-base-stations", "5G基站", "infrastructure", "个"),
    ("smart-communities", "智慧社区", "society", "个"),
    ("data-centres", "数据中心", "infrastructure", "个"),
    ("iot-terminals", "物联网终端", "infrastructure", "万个"),
    ("industrial-internet-platforms", "工业互联网平台", "industry", "个"),
    ("specialised-smes", "专精特新中小企业", "industry", "家"),
    ("software-engineering-centres", "软件工程技术中心", "digital-economy", "家"),
    ("digital-villages", "数字乡村试点", "agriculture", "个"),
    ("smart-farms", "智慧农场", "agriculture", "家"),
    ("smart-hospitals", "智慧医院", "services", "家"),
    ("smart-schools", "智慧教育示范学校", "services", "所"),
    ("government-services", "全程网办政务服务事项", "government", "项"),
    ("e-certificates", "电子证照", "government", "项"),
    ("ai-scenarios", "人工智能应用场景", "ai", "个"),
    ("digital-talents", "数字人才", "talent", "万名"),
    ("security-demonstrations", "网络安全示范项目", "security", "项"),
    ("open-datasets", "开放公共数据集", "data", "个"),
    ("smart-substations", "智能变电站", "energy", "座"),
]
CURRENCY_THINGS = [
    ("digital-economy-output", "数字经济规模", "digital-economy", "万亿元"),
    ("software-revenue", "软件业务收入", "digital-economy", "亿元"),
    ("e-commerce-volume", "电子商务交易额", "digital-economy", "万亿元"),
    ("rural-online-retail", "农产品网络零售额", "agriculture", "亿元"),
    ("ai-industry-output", "人工智能核心产业规模", "ai", "亿元"),
    ("security-industry-output", "网络安全产业规模", "security", "亿元"),
]
SHARE_THINGS = [
    ("digital-economy-gdp-share", "数字经济占地区生产总值比重", "digital-economy"),
    ("online-service-rate", "政务服务事项网上可办率", "government"),
    ("data-sharing-rate", "政务数据共享率", "data"),
    ("cloud-adoption-rate", "企业上云率", "industry"),
    ("gigabit-coverage", "千兆光网覆盖率", "infrastructure"),
    ("rural-broadband-coverage", "行政村宽带通达率", "agriculture"),
    ("digital-literacy-rate", "居民数字素养达标率", "talent"),
    ("renewable-data-centre-power-share", "数据中心绿电使用比例", "energy"),
]
COMPUTE_THINGS = [
    ("total-compute", "算力总规模", "infrastructure"),
    ("intelligent-compute", "智能算力规模", "ai"),
]
POWER_THINGS = [
    ("new-energy-storage", "新型储能规模", "energy"),
    ("distributed-pv", "分布式光伏装机", "energy"),
]
FREQUENCY_THINGS = [
    ("progress-reports", "工作进展调度通报", "government"),
    ("security-drills", "网络安全应急演练", "security"),
    ("data-quality-audits", "公共数据质量评估", "data"),
    ("third-party-evaluations", "第三方评估", "government"),
]
RANK_THINGS = [
    ("digital-economy-national-rank", "数字经济规模全国排名", "digital-economy"),
    ("e-government-national-rank", "省级政府网上政务服务能力全国排名", "government"),
    ("open-data-national-rank", "开放数林指数全国排名", "data"),
]

# dimension → (share of the catalogue, the units a document may write it in)
DIMENSIONS = {
    "count": (0.46, ["个", "万个", "家", "项"]),
    "currency": (0.12, ["亿元", "万亿元"]),
    "share": (0.20, ["%"]),
    "compute": (0.04, ["E"]),
    "power": (0.04, ["万千瓦"]),
    "frequency": (0.08, ["每季度", "每个月"]),
    "rank": (0.06, ["位"]),
}
MEASURES = {
    "count": ["level", "cumulative", "addition"],
    "currency": ["level", "addition"],
    "share": ["share"],
    "compute": ["level", "addition"],
    "power": ["level", "cumulative", "addition"],
    "frequency": ["frequency"],
    "rank": ["level"],
}
# Counts take a verb before the thing: 累计建成智慧社区不少于2000个.
VERBS = {
    "level": ["建成", "打造", "建设"],
    "cumulative": ["累计建成", "累计培育"],
    "addition": ["新建", "新增", "新培育"],
}
# Amounts (yuan, compute, power) put the measure after the thing: 新型储能规模新增200万千瓦.
AFTER = {"level": "", "cumulative": "累计", "addition": "新增"}
COMPARATORS = ["at_least", "at_least", "at_least", "more_than", "about", "exactly"]
PARTS = "一二三四五六七八九十"


# --- YAML writing -------------------------------------------------------------

# Plain scalars only for text that PyYAML reads back as the same string; the rest is
# written as a JSON string, which is a valid YAML double-quoted scalar.
_PLAIN = re.compile(r"[A-Za-z\u3400-\u9fff][\w\u3400-\u9fff\u3000-\u303f“”()、.,，%+ -]*")
_NOT_STR = re.compile(r"(?i:true|false|yes|no|on|off|null|y|n)")


def scalar(text: str) -> str:
    if _PLAIN.fullmatch(text) and not _NOT_STR.fullmatch(text) and not text.endswith(" "):
        return text
    return json.dumps(text, ensure_ascii=False)


def number(value: float) -> str:
    """A value as a document writes it: 2000, 12.5 (never 2000.0)."""
    return str(int(value)) if value == int(value) else repr(value)


# --- the catalogue ---------------------------------------------------------------


def _things() -> list[tuple[str, str, str, str, str, str]]:
    """(dimension, slug, name_zh, name_en, category, display unit) of every base thing."""
    rows = []
    for slug, zh, category, unit in COUNT_THINGS:
        rows.append(("count", slug, zh, slug.replace("-", " "), category, unit))
    for slug, zh, category, unit in CURRENCY_THINGS:
        rows.append(("currency", slug, zh, slug.replace("-", " "), category, unit))
    for dimension, things, unit in (
        ("share", SHARE_THINGS, "%"),
        ("compute", COMPUTE_THINGS, "E"),
        ("power", POWER_THINGS, "万千瓦"),
        ("frequency", FREQUENCY_THINGS, "次/年"),
        ("rank", RANK_THINGS, "位"),
    ):
        for slug, zh, category in things:
            rows.append((dimension, slug, zh, slug.replace("-", " "), category, unit))
    return rows


def make_catalogue(count: int, rng: random.Random) -> list[Indicator]:
    """`count` indicators, each dimension in its share of DIMENSIONS."""
    by_dimension: dict[str, list] = {}
    for row in _things():
        by_dimension.setdefault(row[0], []).append(row)
    indicators: list[Indicator] = []
    dimensions = list(DIMENSIONS)
    quota = {d: max(1, round(count * DIMENSIONS[d][0])) for d in dimensions}
    quota["count"] += count - sum(quota.values())  # the rounding difference
    for dimension in dimensions:
        variants = [
            (thing, city, tier)
            for thing in by_dimension[dimension]
            for city in CITIES
            for tier in TIERS
        ]
        rng.shuffle(variants)
        for n in range(quota[dimension]):
            (_, slug, zh, en, category, unit), (city, city_zh), (tier, tier_zh) = variants[
                n % len(variants)
            ]
            batch = n // len(variants)  # past every combination: a numbered series
            parts = [slug, city] + ([tier] if tier else []) + ([f"s{batch}"] if batch else [])
            suffix = f"(第{batch + 1}批)" if batch else ""
            qualifiers = (
                [city] + ([tier] if tier else []) + ([f"series {batch + 1}"] if batch else [])
            )
            indicators.append(
                Indicator(
                    id="-".join(parts),
                    name_zh=f"{city_zh}{tier_zh}{zh}{suffix}",
                    name_en=f"{en[0].upper()}{en[1:]} ({', '.join(qualifiers)})",
                    category=category,
                    dimension=dimension,
                    unit=unit,
                    higher_is_better=dimension != "rank",
                )
            )
    indicators.sort(key=lambda i: i.id)
    return indicators


def write_catalogue(path: Path, indicators: list[Indicator]) -> None:
    lines = [
        HEADER.format("catalogue"),
        "# A synthetic indicator catalogue written by benchmarks/generate.py.\n",
        "indicators:\n",
    ]
    for i in indicators:
        lines.append(
            f"  - id: {i.id}\n"
            f"    name_zh: {scalar(i.name_zh)}\n"
            f"    name_en: {scalar(i.name_en)}\n"
            f"    category: {i.category}\n"
            f"    dimension: {i.dimension}\n"
            f"    unit: {scalar(i.unit)}\n"
            f"    higher_is_better: {'true' if i.higher_is_better else 'false'}\n"
        )
    path.write_text("".join(lines), encoding="utf-8")


# --- targets ---------------------------------------------------------------------


def _value(dimension: str, unit: str, rng: random.Random) -> float:
    if unit == "家":
        return float(rng.randint(10, 999))
    if dimension == "count" and not unit.startswith("万"):  # 个, 项, 所, 座
        return float(rng.choice([rng.randint(5, 99), rng.randint(10, 500) * 10]))
    if dimension == "count":  # 万个, 万名
        return rng.choice([float(rng.randint(1, 300)), rng.randint(10, 999) / 10])
    if unit == "亿元":
        return float(rng.randint(10, 9999))
    if unit == "万亿元":
        return rng.randint(5, 80) / 10
    if unit == "%":
        return rng.choice([float(rng.randint(10, 100)), rng.randint(100, 999) / 10])
    if unit == "E":
        return rng.choice([float(rng.randint(1, 60)), rng.randint(10, 600) / 10])
    if unit == "万千瓦":
        return float(rng.randint(2, 200) * 10)
    if unit == "每季度":
        return 1.0
    if unit == "每个月":
        return float(rng.randint(1, 6))
    if unit == "位":
        return float(rng.randint(1, 30))
    raise ValueError(unit)


def _quote(
    indicator: Indicator,
    value: float,
    unit: str,
    comparator: str,
    measure: str,
    kind: str,
    year: int,
    aspirational: bool,
    rng: random.Random,
) -> str:
    """A clause that states the figure the way the documents do; it contains the value."""
    name = indicator.name_zh
    v = number(value)
    if measure == "frequency":
        period = unit if value == 1 else f"每{v}{unit[1:]}"
        return f"{period}开展一次{name}"
    if indicator.dimension == "rank":
        if kind == "baseline":
            return f"{year}年{name}居全国第{v}位"
        return f"{name}保持全国前{v}位" if comparator == "at_most" else f"{name}进入全国第{v}位"
    amount = {
        "at_least": rng.choice([f"不少于{v}{unit}", f"{v}{unit}以上", f"达到{v}{unit}"]),
        "more_than": rng.choice([f"超过{v}{unit}", f"突破{v}{unit}"]),
        "about": f"{v}{unit}左右",
        "exactly": f"{v}{unit}",
        "at_most": f"不超过{v}{unit}",
    }[comparator]
    if kind == "baseline":
        lead = f"{year}年" if measure == "addition" else f"截至{year}年底,"
    else:
        lead = "力争" if aspirational else ""
    if indicator.dimension == "count":
        return f"{lead}{rng.choice(VERBS[measure])}{name}{amount}"
    return f"{lead}{name}{AFTER.get(measure, '')}{amount}"


def _comparator(dimension: str, kind: str, rng: random.Random) -> str:
    if kind == "baseline":
        return "exactly"
    if dimension == "rank":
        return rng.choice(["at_most", "exactly"])
    if dimension == "frequency":
        return "exactly"
    return rng.choice(COMPARATORS)


def document_targets(
    year: int, count: int, indicators: list[Indicator], rng: random.Random
) -> list[tuple[str, dict]]:
    """(locator part, row) for `count` targets of one document, unique by key."""
    # Targets for the document's year and the two after it; baselines for the two before.
    slots = [("target", year + k) for k in range(3) if year + k <= 2100]
    slots += [("baseline", year - k) for k in (1, 2) if year - k >= 1990]
    seen: set[tuple] = set()
    rows = []
    # A document draws most figures from a core of indicators that other documents
    # share, so that two documents have indicators in common, as real plans do.
    core = max(1, len(indicators) // 4)
    while len(rows) < count:
        pool = core if rng.random() < 0.7 else len(indicators)
        indicator = indicators[rng.randrange(pool)]
        kind, target_year = rng.choice(slots) if rng.random() < 0.4 else slots[0]
        measure = rng.choice(MEASURES[indicator.dimension])
        scope = "beijing" if kind == "baseline" and rng.random() < 0.02 else None
        key = (indicator.id, kind, target_year, scope, measure)
        if key in seen:
            continue
        seen.add(key)
        units = DIMENSIONS[indicator.dimension][1]
        if indicator.dimension == "count" and indicator.unit not in units:
            units = [*units, indicator.unit]  # 所, 座, 万名: measure words of one thing
        if indicator.unit in units and rng.random() < 0.8:
            unit = indicator.unit
        else:
            unit = rng.choice(units)
        value = _value(indicator.dimension, unit, rng)
        comparator = _comparator(indicator.dimension, kind, rng)
        aspirational = kind == "target" and rng.random() < 0.1
        quote = _quote(
            indicator, value, unit, comparator, measure, kind, target_year, aspirational, rng
        )
        part = rng.randrange(len(PARTS))
        locator = f"{PARTS[part]}、({PARTS[rng.randrange(6)]}) {rng.randint(1, 40)}"
        row = {
            "indicator": indicator.id,
            "value": number(value),
            "unit": scalar(unit),
            "comparator": comparator,
            "measure": measure,
            "kind": kind,
            "year": str(target_year),
        }
        if aspirational:
            row["aspirational"] = "true"
        row["quote"] = scalar(quote)
        row["locator"] = scalar(locator)
        if scope:
            row["scope"] = scope
            row["note"] = scalar("comparison figure quoted about Beijing")
        rows.append((part, row))
    rows.sort(key=lambda item: item[0])  # grouped by part, as the documents are
    return rows


def write_document(path: Path, doc_id: str, year: int, rows: list, rng: random.Random) -> None:
    published = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    lines = [
        HEADER.format("document"),
        "document:\n",
        f"  id: {doc_id}\n",
        f"  year: {year}\n",
        "  scope: shandong\n",
        f"  title_zh: 数字强省建设{year}年工作要点\n",
        f"  title_en: Digital Strong Province {year} Work Points (synthetic)\n",
        "  issuer: General Office of the Shandong Provincial Government\n",
        f'  published: "{published}"\n',
        f"  period: {{start: {year}, end: {min(year + rng.randint(0, 2), 2100)}}}\n",
        "  kind: work-points\n",
        f"  source: {doc_id}.txt\n",
        "targets:\n",
    ]
    current = None
    for part, row in rows:
        if part != current:
            lines.append(f"  # {PARTS[part]}、synthetic section {part + 1}\n")
            current = part
        fields = iter(row.items())
        key, value = next(fields)
        lines.append(f"  - {key}: {value}\n")
        lines.extend(f"    {key}: {value}\n" for key, value in fields)
    path.write_text("".join(lines), encoding="utf-8")


def document_id(position: int) -> tuple[str, int]:
    """(id, year) of the document at `position`: 1995-work-points, 1996-work-points, …"""
    year = FIRST_YEAR + position % YEAR_SPAN
    cycle = position // YEAR_SPAN
    return (f"{year}-work-points" + (f"-{cycle + 1}" if cycle else "")), year


def generate(out: Path, targets: int, documents: int, indicators: int | None, seed: int) -> dict:
    """Write the dataset; returns a summary with the ids of the first and last documents."""
    if targets < documents:
        raise ValueError("need at least one target per document")
    per_document = math.ceil(targets / documents)
    # Room for the keys: every indicator has at least 5 (kind, year) slots, so with at
    # least half as many indicators as a document has targets, unique keys stay easy to draw.
    least = math.ceil(per_document / 2)
    if indicators is not None and indicators < least:
        raise ValueError(f"{per_document} targets per document need at least {least} indicators")
    wanted = indicators or max(50, min(5000, targets // 20), least)
    rng = random.Random(seed)
    catalogue = make_catalogue(wanted, rng)
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob("*.yaml"):
        stale.unlink()
    for schema in SCHEMAS:
        shutil.copyfile(TARGETS / schema, out / schema)
    write_catalogue(out / "indicators.yaml", catalogue)
    ids = []
    for position in range(documents):
        count = targets // documents + (1 if position < targets % documents else 0)
        doc_id, year = document_id(position)
        doc_rng = random.Random(f"{seed}:{doc_id}")
        rows = document_targets(year, count, catalogue, doc_rng)
        write_document(out / f"{doc_id}.yaml", doc_id, year, rows, doc_rng)
        ids.append(doc_id)
    return {
        "directory": str(out),
        "documents": documents,
        "targets": targets,
        "indicators": len(catalogue),
        "first": ids[0],
        "last": ids[-1],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="the targets directory to write (created)")
    parser.add_argument("--targets", type=int, default=100_000, help="total targets (M)")
    parser.add_argument("--documents", type=int, default=100, help="documents (N)")
    parser.add_argument(
        "--indicators",
        type=int,
        default=None,
        help="catalogue size (default: targets/20, between 50 and 5000)",
    )
    parser.add_argument("--seed", type=int, default=6, help="random seed")
    args = parser.parse_args(argv)
    if args.documents < 1 or args.targets < 1:
        parser.error("--targets and --documents must be positive")
    try:
        summary = generate(args.out, args.targets, args.documents, args.indicators, args.seed)
    except ValueError as exc:
        parser.error(str(exc))
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
