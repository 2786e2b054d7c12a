"""``consultnlp positions ...``: find stated positions in texts, train and evaluate position classifiers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from consultnlp.cli.common import cache_folder, errors, fail, make_progress

positions_app = typer.Typer(
    help="Positions (support, partial, oppose): check the cues, train and evaluate classifiers.", no_args_is_help=True
)

TEXT_COLUMN = typer.Option(..., "--text-column", help="Column with the comment text.")
LABEL_COLUMN = typer.Option(..., "--label-column", help="Column with the position: A/P/D, a Likert answer, yes/no, or alignment 1/0/-1.")
MAPPING = typer.Option(None, "--mapping", help='Extra label values as JSON, e.g. \'{"quizás": "none"}\' (see positions.mapping).')
SHEET = typer.Option(None, "--sheet", help="XLSX sheet to read (default: the first).")
CACHE_DIR = typer.Option(None, "--cache-dir", help="Embedding cache folder (default: ~/.cache/consultnlp).")
NO_CACHE = typer.Option(False, "--no-cache", help="Do not read or write the embedding cache.")
QUIET = typer.Option(False, "--quiet", "-q", help="No progress bars or notes.")
GROUP_COLUMN = typer.Option(
    None,
    "--group-column",
    help="Column with what each text answers (a concept, a question), e.g. concepto_norm: its share of each "
    "position shifts the decision where it helps on the validation rows; analyze reads the same column.",
)


def _mapping(value: Optional[str]) -> dict[str, str] | None:
    if not value:
        return None
    try:
        mapping = json.loads(value)
    except json.JSONDecodeError as exc:
        fail(f'--mapping is not valid JSON ({exc.msg}). Write it like \'{{"quizás": "none", "5": "support"}}\'.')
    if not isinstance(mapping, dict):
        fail('--mapping must be a JSON object of value -> position, e.g. \'{"quizás": "none"}\'.')
    return {str(k): str(v) for k, v in mapping.items()}


@positions_app.command()
def detect(
    texts: list[str] = typer.Argument(..., metavar="TEXT...", help="Texts to read, e.g. 'No estoy de acuerdo con la propuesta.'"),
    lang: Optional[str] = typer.Option(None, "--lang", help="es, pt or en (default: the word lists of every language)."),
) -> None:
    """Show the position each text states and the cue that states it (or why a cue did not count)."""
    from consultnlp.positions.cues import CueDetector

    detector = CueDetector()
    for text in texts:
        found = detector.detect(text, lang)
        dropped = "; ".join(f"{' '.join(h.cue.words)}: {h.reason}" for h in found.hits if h.reason)
        typer.echo(
            f"{found.position}\t{found.evidence or '-'}\t{text}"
            + (f"\t(target: {found.target})" if found.target else "")
            + (f"\t(dropped: {dropped})" if dropped else "")
        )


@positions_app.command()
def train(
    data: Path = typer.Argument(..., metavar="DATA", help="Labelled comments: .csv .tsv .xlsx .json .jsonl .parquet."),
    out: Path = typer.Option(..., "--out", "-o", help="Folder for the model and its card, e.g. models/my_positions."),
    text_column: str = TEXT_COLUMN,
    label_column: str = LABEL_COLUMN,
    mapping: Optional[str] = MAPPING,
    sheet: Optional[str] = SHEET,
    features: str = typer.Option(
        "tfidf", "--features", help="tfidf (default: best on Chile 2016, no embedding), embeddings or tfidf+embeddings."
    ),
    group_column: Optional[str] = GROUP_COLUMN,
    holdout: float = typer.Option(0.1, "--holdout", help="Share of rows held out to measure the model for its card (0 = none)."),
    random_state: int = typer.Option(42, "--random-state", help="Seed for the splits and the training."),
    cache_dir: Optional[Path] = CACHE_DIR,
    no_cache: bool = NO_CACHE,
    quiet: bool = QUIET,
) -> None:
    """Train a position classifier (balanced across positions) from labelled comments and save it with a model card."""
    from consultnlp.positions.model import format_position_metrics, train_position_model
    from consultnlp.themes.data import read_labelled

    with errors():
        labelled = read_labelled(data, text_column=text_column, label_column=label_column, group_column=group_column, sheet=sheet)
        card = train_position_model(
            labelled,
            out,
            mapping=_mapping(mapping),
            features=features,
            holdout=holdout,
            random_state=random_state,
            progress=make_progress(quiet),
            cache_dir=cache_folder(cache_dir, no_cache),
        )
    groups = f"; group weight {card['group_weight']} ({card['group_column']})" if card.get("group_column") else ""
    typer.echo(
        f"Trained on {card['data']['rows_train']} rows in {card['training_seconds']:.0f} s; prior adjustment {card['prior_adjustment']}{groups}."
    )
    if card.get("metrics"):
        typer.echo(format_position_metrics(card["metrics"]))
    typer.echo(f"Model: {out} (card: {out / 'model_card.md'}). Use it with: consultnlp analyze FILE --position-model {out}")


@positions_app.command()
def evaluate(
    model: Path = typer.Argument(..., metavar="MODEL", help="A trained position model folder (models/NAME)."),
    data: Path = typer.Argument(..., metavar="DATA", help="Labelled comments to evaluate on."),
    text_column: str = TEXT_COLUMN,
    label_column: str = LABEL_COLUMN,
    mapping: Optional[str] = MAPPING,
    sheet: Optional[str] = SHEET,
    group_column: Optional[str] = GROUP_COLUMN,
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write the metrics as JSON to this file."),
    cache_dir: Optional[Path] = CACHE_DIR,
    no_cache: bool = NO_CACHE,
    quiet: bool = QUIET,
) -> None:
    """Measure a trained position classifier on labelled comments: macro-F1, per-position precision, recall and F1."""
    from consultnlp.positions.model import (
        evaluate_position_model,
        format_position_metrics,
    )
    from consultnlp.themes.data import read_labelled

    with errors():
        labelled = read_labelled(data, text_column=text_column, label_column=label_column, group_column=group_column, sheet=sheet)
        metrics = evaluate_position_model(
            model,
            labelled,
            mapping=_mapping(mapping),
            progress=make_progress(quiet),
            cache_dir=cache_folder(cache_dir, no_cache),
        )
    typer.echo(format_position_metrics(metrics))
    if out is not None:
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(json.dumps(metrics, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        except OSError as exc:
            fail(f"cannot write {out}: {exc.strerror}. Choose another --out path.")
        typer.echo(f"Metrics: {out}")
