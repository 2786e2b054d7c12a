"""Time and findings of the privacy gate (``consultnlp check``) on analysis folders. Prints JSON.

    python benchmarks/bench_gate.py OUT [OUT ...]          # folders written by `consultnlp analyze`

For each folder: rows, publishable files and bytes, what the gate found (it only lists: --no-fix),
the gate's seconds, and the gate's share of the analysis (its ``timings_s``). The seconds of a
193,630-row run are estimated from a smaller one by scaling with the rows (the gate reads every
published row once; the detectors' cache makes repeated texts free, so this is an upper bound).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from _common import ROOT  # noqa: F401 - puts the project on sys.path

from consultnlp.output import check_folder
from consultnlp.privacy.gate import publishable_files

FULL_ROWS = 193_630


def measure(folder: Path) -> dict:
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    files = publishable_files(folder)
    started = time.perf_counter()
    result = check_folder(folder, redact=False)
    seconds = time.perf_counter() - started
    rows = int(manifest["rows"]["input"])
    run = sum(v for k, v in manifest.get("timings_s", {}).items() if k not in ("privacy_gate",))
    return {
        "folder": str(folder),
        "rows": rows,
        "files": len(files),
        "bytes": sum(p.stat().st_size for p in files),
        "known_values": result.known_values,
        "found": result.found,
        "findings": [f.__dict__ for f in result.findings],
        "gate_s": round(seconds, 2),
        "gate_in_run_s": manifest.get("timings_s", {}).get("privacy_gate"),
        "run_s": round(run, 1),
        "gate_share_of_run": round(seconds / run, 3) if run else None,
        "estimate_s_at_193630_rows": round(seconds * FULL_ROWS / rows, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folders", nargs="+", type=Path)
    args = parser.parse_args()
    json.dump([measure(f) for f in args.folders], sys.stdout, indent=1, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
