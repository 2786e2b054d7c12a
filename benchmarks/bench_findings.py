"""Findings as a reader meets them, on real consultations: what is set aside, the topic map, labels, key points, report size.

    python benchmarks/bench_findings.py                      # every dataset below that is present
    python benchmarks/bench_findings.py --datasets chile5k,polis --show 50

For each dataset it runs ``consultnlp analyze`` (with the benchmark's own embedding
cache) and prints one JSON object per dataset: rows set aside per reason, the
largest fine topic's share of analysed contributions, the number of topics and
headline groups, duplicate labels, NMI of ``topic_id`` against the human label
where there is one, key points (how many, and the share whose statement is
verbatim in the cited comment), and the report's height in pixels at 1280 px
wide in headless Chromium. ``--show N`` writes N random rows of each exclusion
reason and N key points per dataset to ``benchmarks/out/findings/<name>.read.md``
to be read by hand.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pandas as pd
from _common import ROOT, SHARED

OUT = ROOT / "benchmarks" / "out" / "findings"
CLI = [sys.executable, "-m", "consultnlp"]
DATASETS: dict[str, dict[str, Any]] = {
    "chile5k": {
        "path": SHARED / "chile-ela-2016" / "ela_fundamentos_sample5k.csv",
        "label": "concepto",
        "args": ["--text-column", "fundamento", "--id-column", "row_id", "--segment-columns", "tema_nombre,acuerdo"],
    },
    "chile": {
        "path": SHARED / "chile-ela-2016" / "ela_fundamentos.csv.gz",
        "label": "concepto_norm",
        "args": ["--text-column", "fundamento", "--id-column", "row_id", "--segment-columns", "tema_nombre,acuerdo"],
    },
    "planoclima": {
        "path": SHARED / "brasil-planoclima-2024" / "propostas_brasil_participativo.csv",
        "label": "plano",
        "args": ["--text-column", "descricao", "--id-column", "id_proposta", "--segment-columns", "plano"],
    },
    "pndbio": {
        "path": SHARED / "brasil-pndbio-2025" / "pndbio_contribuicoes.csv",
        "label": "capitulo",
        "args": ["--text-column", "contribuicao", "--segment-columns", "capitulo"],
    },
    "polis": {
        "path": SHARED / "polis-opendata" / "american-assembly.bowling-green" / "comments.csv",
        "label": None,
        "args": ["--text-column", "comment-body", "--id-column", "comment-id"],
    },
}
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def report_height(html: Path, until: str | None = None) -> int | None:
    """Height in CSS pixels of ``html`` laid out 1280 px wide (or of the part above the section ``until``),
    or None without Chromium."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None or not html.is_file():
        return None
    page = html.read_text(encoding="utf-8")
    # The report forbids scripts (its Content-Security-Policy); a measuring copy drops that rule.
    page = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page)
    measure = f"document.getElementById('{until}').offsetTop" if until else "document.documentElement.scrollHeight"
    page = page.replace("</body>", f"<script>document.body.setAttribute('data-height', {measure})</script></body>")
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "report.html"
        copy.write_text(page, encoding="utf-8")
        done = subprocess.run(
            [browser, *CHROMIUM_FLAGS, f"--user-data-dir={tmp}/profile", "--window-size=1280,900", "--dump-dom", copy.as_uri()],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    found = re.search(r'data-height="(\d+)"', done.stdout)
    return int(found.group(1)) if found else None


def measure(name: str, spec: dict[str, Any], cache: Path, show: int) -> dict[str, Any]:
    out = OUT / name
    started = time.perf_counter()
    done = subprocess.run(
        [
            *CLI,
            "analyze",
            str(spec["path"]),
            "--out",
            str(out),
            "--quiet",
            "--cache-dir",
            str(cache),
            "--format",
            "html,md,xlsx,docx",
            *spec["args"],
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    if done.returncode != 0:
        return {"dataset": name, "error": done.stderr.strip().splitlines()[-1:]}
    seconds = round(time.perf_counter() - started, 1)
    comments = pd.read_parquet(out / "comments.parquet")
    analysed = comments[comments["excluded"] == ""]
    topics = pd.read_csv(out / "tables" / "topics.csv")
    fine = topics[topics["topic_id"] >= 0]
    result: dict[str, Any] = {
        "dataset": name,
        "seconds": seconds,
        "rows": len(comments),
        "analysed": len(analysed),
        "excluded_share": {k: round(v / len(comments), 4) for k, v in comments["excluded"].value_counts().items() if k},
        "topics": int(len(fine)),
        "largest_topic_share": round(float(analysed["topic_id"].value_counts(normalize=True).drop(-1, errors="ignore").max()), 4),
        "duplicate_topic_labels": int(fine["label"].str.casefold().duplicated().sum()),
    }
    if "topic_group_id" in comments:
        groups = comments.loc[comments["excluded"] == "", ["topic_group_id", "topic_group_label"]].drop_duplicates()
        groups = groups[groups["topic_group_id"] >= 0]
        result["groups"] = int(len(groups))
        result["duplicate_group_labels"] = int(groups["topic_group_label"].str.casefold().duplicated().sum())
    label = spec.get("label")
    if label and label in analysed:
        from sklearn.metrics import normalized_mutual_info_score

        result[f"nmi_{label}"] = round(
            float(normalized_mutual_info_score(analysed[label].astype(str), analysed["topic_id"].astype(int))), 4
        )
    result["campaigns"] = int(comments.loc[comments["campaign_id"] != "", "campaign_id"].nunique()) if "campaign_id" in comments else 0
    points_path = out / "tables" / "key_points.parquet"  # the CSV neutralises cells starting with "-", "=" ...
    if points_path.is_file():
        points = pd.read_parquet(points_path)
        text = comments.set_index("comment_id")["text_redacted"].astype(str)
        verbatim = [str(s) in text.get(str(c), "") for s, c in zip(points["statement"], points["comment_id"])]
        result["key_points"] = int(len(points))
        result["key_points_verbatim_share"] = round(sum(verbatim) / len(points), 4) if len(points) else None
    result["report_height_px"] = report_height(out / "report.html")
    result["findings_height_px"] = report_height(out / "report.html", until="method")  # summary to campaigns
    if show:
        write_reading_sheet(OUT / f"{name}.read.md", comments, points_path, show)  # beside the run: a run folder holds only its own files
    return result


def write_reading_sheet(path: Path, comments: pd.DataFrame, points_path: Path, n: int) -> None:
    """Random rows of each exclusion reason and random key points, to be judged by hand."""
    lines = [f"# Reading sheet: {path.parent.name}", ""]
    for reason in ("non_answer", "no_argument", "junk"):
        part = comments[comments["excluded"] == reason]
        if part.empty:
            continue
        lines += [f"## {reason} ({len(part)} rows; {min(n, len(part))} random)", ""]
        for _, row in part.sample(min(n, len(part)), random_state=1).iterrows():
            lines.append(f"- `{row['comment_id']}` {str(row['text'])[:200]!r}")
        lines.append("")
    if points_path.is_file():
        points = pd.read_parquet(points_path)
        lines += [f"## key points ({len(points)}; {min(n, len(points))} random)", ""]
        for _, row in points.sample(min(n, len(points)), random_state=1).iterrows():
            lines.append(
                f"- [{row.get('scope', '')} {row.get('group_name', '')}] {row['contributions']} contributions: «{row['statement']}»"
            )
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", default="chile5k,planoclima,pndbio,polis,chile")
    parser.add_argument("--cache-dir", type=Path, default=ROOT / "benchmarks" / "out" / "cache")
    parser.add_argument("--show", type=int, default=0, help="write a reading sheet with this many rows per reason")
    args = parser.parse_args()
    for name in args.datasets.split(","):
        spec = DATASETS[name]
        if not spec["path"].exists():
            print(json.dumps({"dataset": name, "skipped": f"{spec['path']} is absent"}), flush=True)
            continue
        print(json.dumps(measure(name, spec, args.cache_dir, args.show), ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
