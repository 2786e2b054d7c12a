"""Platform exports in, exchange files out: the mapping chosen without options, what it is worth, and the qdpx at scale.

Prints one JSON object:
  * ``decidim``: ``brasil-planoclima-2024`` shaped as a Decidim open-data proposals export (``;``, ``title/pt-BR``,
    ``body/pt-BR`` as HTML, ``category/name/pt-BR`` = the plan, author names): the mapping ``ingest`` chooses
    without options, and the topic NMI against the human category (``plano``) with title + body (the default) and with
    the body only (``--text-column body/pt-BR``, what the tool did before);
  * ``polis``: every ``polis-opendata/*/comments.csv``: rows, rows set aside as ``moderated``, and the vote-derived
    consensus column;
  * ``qdpx``: the REFI-QDA project of the full Chile 2016 corpus (193,630 rows, text ``fundamento``, id ``row_id``):
    its size, the writer's time and peak memory (a child process that only writes), and the schema checks of
    ``tests/report/refi.py``. Topics and themes there are assigned by a hash of the id (60 topics in 8 groups, 0-2 of
    the bundled themes): the analysis itself is not run at 193k here (``bench_scale.py`` measures it); the writer's
    cost depends on the rows, their text and the number of codings, not on how they were chosen.

Run from the repository root:
    python benchmarks/bench_formats.py                 # all three (the Decidim analyses take a few minutes)
    python benchmarks/bench_formats.py --only polis,qdpx
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
from _common import ROOT, shared

from consultnlp import schema
from consultnlp.ingest import ingest


def decidim_file(folder: Path) -> Path:
    """The Brazilian climate-plan proposals in the layout of Decidim's open-data proposals CSV (older serializer)."""
    data = pd.read_csv(shared("brasil-planoclima-2024", "propostas_brasil_participativo.csv"), dtype=str).fillna("")
    plans = {name: i + 1 for i, name in enumerate(sorted(data["plano"].unique()))}
    frame = pd.DataFrame(
        {
            "id": data["id_proposta"],
            "category/id": data["plano"].map(plans).astype(str),
            "category/name/pt-BR": data["plano"],
            "scope/id": "",
            "scope/name/pt-BR": "",
            "participatory_space/url": "https://brasilparticipativo.presidencia.gov.br/processes/" + data["processo_slug"],
            "component/id": "",
            "title/pt-BR": data["titulo"],
            "body/pt-BR": "<p>" + data["descricao"].str.replace("\n", "</p><p>", regex=False) + "</p>",
            "address": "",
            "state": "",
            "reference": "BR-PROP-" + data["id_proposta"],
            "supports": data["votos"],
            "endorsements/total_count": "0",
            "endorsements/user_endorsements": "",
            "comments": "0",
            "published_at": "",
            "url": data["url"],
            "is_amend": "false",
            "author/name": "Pessoa " + data.index.astype(str),
        }
    )
    path = folder / "brasilparticipativo-open-data-proposals.csv"
    frame.to_csv(path, sep=";", index=False, quoting=csv.QUOTE_MINIMAL)
    return path


def nmi(out: Path, truth: pd.Series) -> dict:
    from sklearn.metrics import normalized_mutual_info_score

    comments = pd.read_parquet(out / "comments.parquet").set_index(schema.COMMENT_ID)
    analysed = comments.loc[comments[schema.EXCLUDED] == ""]
    labels = truth.reindex(analysed.index)
    return {
        "analysed": len(analysed),
        "topics": int(analysed[schema.TOPIC_ID].nunique()),
        "nmi": round(float(normalized_mutual_info_score(labels, analysed[schema.TOPIC_ID].astype(int))), 3),
    }


def bench_decidim(folder: Path) -> dict:
    from consultnlp.analysis import analyze
    from consultnlp.config import load_config

    path = decidim_file(folder)
    frame, info = ingest(path)
    truth = frame["category/name/pt-BR"]
    result = {"file": path.name, "rows": len(frame), "mapping": info.mapping}
    for name, extra in (("title_and_body", {}), ("body_only", {"ingest": {"text_column": "body/pt-BR"}})):
        start = time.perf_counter()
        out = folder / name
        analyze(path, out, load_config(extra={"report": {"formats": ["md"]}, **extra}), cache_dir=folder / "cache")
        result[name] = {**nmi(out, truth), "seconds": round(time.perf_counter() - start, 1)}
    return result


def bench_polis() -> dict:
    rows = {}
    for path in sorted(shared("polis-opendata").glob("*/comments.csv")):
        frame, info = ingest(path)
        consensus = (
            frame.loc[frame[schema.EXCLUDED] == "", "polis_consensus"].value_counts().to_dict() if "polis_consensus" in frame else {}
        )
        rows[path.parent.name] = {
            "platform": info.platform,
            "rows": len(frame),
            "moderated": info.set_aside.get("moderated", 0),
            "consensus_of_kept": consensus,
        }
    total = {"rows": sum(r["rows"] for r in rows.values()), "moderated": sum(r["moderated"] for r in rows.values())}
    return {"conversations": rows, "total": total}


def _hash(value: str, mod: int, salt: str = "") -> int:
    return int(hashlib.sha1((salt + value).encode()).hexdigest()[:8], 16) % mod


def bench_qdpx(folder: Path) -> dict:
    """Ingest the 193k corpus, write it in the published comments shape with hashed codes, then write and check the qdpx."""
    from consultnlp.taxonomy import load_taxonomy

    start = time.perf_counter()
    frame, _ = ingest(shared("chile-ela-2016", "ela_fundamentos.csv.gz"), text_column="fundamento", id_column="row_id")
    themes = [th.id for th in load_taxonomy("ogp").themes]
    ids = frame.index.astype(str)
    frame[schema.TEXT_REDACTED] = frame[schema.TEXT]
    frame[schema.EXCLUDED] = ["" if str(t).strip() else "empty" for t in frame[schema.TEXT]]
    frame[schema.TOPIC_ID] = [_hash(i, 61) - 1 for i in ids]
    frame[schema.THEMES] = [
        ";".join(dict.fromkeys(themes[_hash(i, len(themes), s)] for s in ("a", "b")[: _hash(i, 3, "n")])) or "other" for i in ids
    ]
    comments = folder / "comments.parquet"
    frame.reset_index().to_parquet(comments, index=False)
    prepared = round(time.perf_counter() - start, 1)
    script = (
        "import json,sys,time,types; sys.path.insert(0, sys.argv[1]);"
        "import pandas as pd; from pathlib import Path;"
        "from consultnlp.report.qdpx import build_codebook, write_qdpx; from consultnlp.taxonomy import load_taxonomy;"
        "tax = load_taxonomy('ogp');"
        "topics = pd.DataFrame({'topic_id': range(-1, 60), 'label': [f'Tópico {i}' for i in range(-1, 60)], 'keywords': 'a, b',"
        " 'topic_group_id': [-1] + [i % 8 for i in range(60)]});"
        "summary = types.SimpleNamespace(tables={'topics': topics, 'themes': pd.DataFrame()}, facts={'group_labels': {g: f'Asunto {g}' for g in range(8)}});"
        "rss = lambda key: int(next(l for l in open('/proc/self/status') if l.startswith(key)).split()[1]) / 1024;"
        "base = rss('VmRSS:'); t0 = time.perf_counter();"
        "cb = build_codebook(summary, tax, 'es', 'chile');"
        "r = write_qdpx(Path(sys.argv[2]), Path(sys.argv[3]), cb, title='Chile 2016', lang='es', run_key='chile');"
        "print(json.dumps({'seconds': round(time.perf_counter() - t0, 1), 'rss_before_mb': round(base, 1),"
        " 'peak_rss_mb': round(rss('VmHWM:'), 1), 'contributions': r.contributions,"
        " 'codings': r.codings, 'sources': r.sources, 'codes': r.codes}))"
    )
    target = folder / "chile.qdpx"
    done = subprocess.run([sys.executable, "-c", script, str(ROOT), str(comments), str(target)], capture_output=True, text=True, check=True)
    writer = json.loads(done.stdout)
    sys.path.insert(0, str(ROOT))
    from tests.report.refi import check_qdpx

    t0 = time.perf_counter()
    report = check_qdpx(target)
    return {
        "rows": len(frame),
        "analysed": int((frame[schema.EXCLUDED] == "").sum()),
        "prepare_seconds": prepared,
        "writer": writer,
        "qdpx_mb": round(target.stat().st_size / 2**20, 1),
        "comments_parquet_mb": round(comments.stat().st_size / 2**20, 1),
        "check": {
            "valid": report.valid,
            "errors": report.errors[:5],
            "selections": report.selections,
            "codings": report.codings,
            "codes": report.codes,
            "seconds": round(time.perf_counter() - t0, 1),
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", default="decidim,polis,qdpx", help="comma-separated: decidim, polis, qdpx")
    args = parser.parse_args()
    wanted = set(args.only.split(","))
    out: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        if "polis" in wanted:
            out["polis"] = bench_polis()
        if "qdpx" in wanted:
            (tmp_path / "qdpx").mkdir()
            out["qdpx"] = bench_qdpx(tmp_path / "qdpx")
        if "decidim" in wanted:
            (tmp_path / "decidim").mkdir()
            out["decidim"] = bench_decidim(tmp_path / "decidim")
    print(json.dumps(out, ensure_ascii=False, indent=1, default=str))


if __name__ == "__main__":
    main()
