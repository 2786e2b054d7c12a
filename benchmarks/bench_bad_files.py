"""The bad-file table: what ``consultnlp analyze`` answers for each input file people send.

Builds every file of ``tests/ingest/files.py`` (``CASES``: archives, documents,
binary data, odd encodings, workbooks with instructions or titles, broken JSON,
and the files that must be read: a 2 MB comment, HTML, emojis ...) in a
temporary folder and runs

    consultnlp analyze FILE --out DIR --quiet --no-cache --set stages=[clean] [options]

on each (the clean stage only: what is measured is the reading). Prints a
Markdown table: the exit code and the ``Error:`` line, or for a file that was
read, the rows read and the warnings the run recorded in ``manifest.json``
(``input.warnings``), plus the time ``consultnlp.ingest.ingest`` took to read it.

Run from the repository root:
    python benchmarks/bench_bad_files.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from consultnlp.errors import InputError  # noqa: E402
from consultnlp.ingest import ingest  # noqa: E402
from tests.ingest.files import CASES, Case  # noqa: E402


def run_case(case: Case, folder: Path) -> dict:
    folder.mkdir()
    path = case.build(folder)
    t0 = time.perf_counter()
    try:
        frame, info = ingest(path, **case.options)
        library = {"rows": len(frame), "warnings": info.warnings}
    except InputError as exc:
        library = {"error": str(exc)}
    read_ms = (time.perf_counter() - t0) * 1000
    out = folder / "out"
    cmd = [
        sys.executable,
        "-m",
        "consultnlp",
        "analyze",
        str(path),
        "--out",
        str(out),
        "--quiet",
        "--no-cache",
        "--set",
        "stages=[clean]",
        *case.cli_args(),
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    errors = [line for line in proc.stderr.splitlines() if line.startswith("Error: ")]
    result = {"case": case, "rc": proc.returncode, "read_ms": read_ms, "library": library, "file": path.name}
    if proc.returncode == 0:
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        result["answer"] = {"rows": manifest["rows"]["input"], "warnings": manifest["input"].get("warnings", [])}
    else:
        result["answer"] = {"error": errors[0][len("Error: ") :] if errors else proc.stderr.strip().splitlines()[-1]}
    return result


def _cell(answer: dict) -> str:
    if "error" in answer:
        text = f"`Error:` {answer['error']}"
    else:
        warned = " ".join(f"⚠ {w}" for w in answer["warnings"]) or "no warning"
        text = f"read {answer['rows']} rows; {warned}"
    return text.replace("|", "\\|").replace("\n", " ")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp, ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda ic: run_case(ic[1], Path(tmp) / f"{ic[0]:02d}-{ic[1].id}"), enumerate(CASES)))
    print("| # | file | what it is | options | exit | what consultnlp says | read ms |")
    print("|---|---|---|---|---|---|---|")
    for i, r in enumerate(results, start=1):
        case: Case = r["case"]
        options = " ".join(case.cli_args()) or ""
        answer = _cell(r["answer"])
        if _cell(r["library"]) != answer:  # analyze passes every ingest key on: the two must agree
            answer = f"{answer} — ingest() itself: {_cell(r['library'])} (differs)"
        print(f"| {i} | `{r['file']}` | {case.what} | {options} | {r['rc']} | {answer} | {r['read_ms']:.0f} |")


if __name__ == "__main__":
    main()
