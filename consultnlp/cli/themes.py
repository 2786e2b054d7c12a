"""``consultnlp themes ...``: taxonomy validation, classifier training and evaluation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from consultnlp.cli.common import cache_folder, errors, fail, progress_display

themes_app = typer.Typer(
    help="Commitment themes: validate taxonomies, learn from corrections, train and evaluate classifiers.", no_args_is_help=True
)

TEXT_COLUMN = typer.Option(..., "--text-column", help="Column with the comment text.")
LABEL_COLUMN = typer.Option(..., "--label-column", help="Column with the theme label(s).")
MULTI_LABEL = typer.Option(None, "--multi-label", help="Labels are lists separated by this string (e.g. ';'); default: one label per row.")
GROUP_COLUMN = typer.Option(
    None, "--group-column", help="Column with the question each answer responds to; only labels seen with that question are proposed."
)
CACHE_DIR = typer.Option(None, "--cache-dir", help="Embedding cache folder (default: ~/.cache/consultnlp).")
NO_CACHE = typer.Option(False, "--no-cache", help="Do not read or write the embedding cache.")
QUIET = typer.Option(False, "--quiet", "-q", help="No progress bars or notes.")


@themes_app.command()
def validate(
    path: Path = typer.Argument(..., metavar="FILE", help="A taxonomy file (.yaml or .csv)."),
) -> None:
    """Check a theme taxonomy; list every problem with its line number (exit 1 when invalid)."""
    from consultnlp.themes.validate import validate_taxonomy

    report = validate_taxonomy(path)
    if not report.ok:
        for line in report.lines():
            typer.echo(line, err=True)
        typer.echo(f"{len(report.problems)} problem(s) in {path.name}. See data/themes/README.md for the schema.", err=True)
        raise typer.Exit(code=1)
    typer.echo(report.summary())
    from consultnlp.taxonomy import Taxonomy
    from consultnlp.themes.zeroshot import matched_on

    with errors():
        taxonomy = Taxonomy.model_validate(report.data)
    typer.echo("Zero-shot matches each theme on:")
    for line in matched_on(taxonomy):
        typer.echo(line)


@themes_app.command()
def learn(
    run: Path = typer.Argument(..., metavar="RUN", help="A run folder written by 'consultnlp analyze'."),
    out: Path = typer.Option(..., "--out", "-o", help="The codebook to write (.yaml); use it next time with --set themes.taxonomy=FILE."),
    review: Optional[Path] = typer.Option(
        None, "--review", help="Corrections: per comment id, its right themes (default: RUN/themes_review.yaml)."
    ),
    taxonomy: Optional[str] = typer.Option(None, "--taxonomy", help="The codebook to add examples to (default: the run's)."),
) -> None:
    """Turn an analyst's theme corrections into examples of the codebook, for the next run's zero-shot tagging.

    The written codebook holds the corrected comments' redacted text: keep it with the run's private files."""
    from consultnlp.themes.fewshot import learn_from_run

    with errors():
        path, added, missing = learn_from_run(run, out, review=review, taxonomy=taxonomy)
    shown = ", ".join(f"{tid} {n}" for tid, n in sorted(added.items())) or "none"
    typer.echo(f"Examples added per theme: {shown}.")
    if missing:
        typer.echo(f"{len(missing)} reviewed id(s) are not comments of this run, skipped: {', '.join(missing[:5])}.", err=True)
    typer.echo(f"Codebook: {path}. Next run: --set themes.taxonomy={path}")


@themes_app.command()
def train(
    data: Path = typer.Argument(..., metavar="DATA", help="Labelled comments: .csv .tsv .xlsx .json .jsonl .parquet."),
    out: Path = typer.Option(..., "--out", "-o", help="Folder for the model and its card, e.g. models/my_codebook."),
    text_column: str = TEXT_COLUMN,
    label_column: str = LABEL_COLUMN,
    multi_label: Optional[str] = MULTI_LABEL,
    group_column: Optional[str] = GROUP_COLUMN,
    sheet: Optional[str] = typer.Option(None, "--sheet", help="XLSX sheet to read (default: the first)."),
    features: Optional[str] = typer.Option(
        None, "--features", help="tfidf, embeddings or tfidf+embeddings (default: classifier.features)."
    ),
    holdout: float = typer.Option(0.1, "--holdout", help="Share of rows held out to measure the model for its card (0 = none)."),
    random_state: Optional[int] = typer.Option(
        None, "--random-state", help="Seed for the held-out split and the training (default: classifier.random_state)."
    ),
    config: Optional[Path] = typer.Option(None, "--config", "-c", help="Pipeline YAML whose classifier: section holds the settings."),
    set_: list[str] = typer.Option([], "--set", help="Override one setting, e.g. --set classifier.epochs=8 (repeatable)."),
    cache_dir: Optional[Path] = CACHE_DIR,
    no_cache: bool = NO_CACHE,
    quiet: bool = QUIET,
) -> None:
    """Train a theme classifier from labelled comments and save it with a model card."""
    from consultnlp.config import load_config
    from consultnlp.themes.data import read_labelled
    from consultnlp.themes.training import train_and_save

    chosen = {k: v for k, v in (("features", features), ("random_state", random_state)) if v is not None}
    with errors():
        settings = load_config(config, set_, extra={"classifier": chosen} if chosen else None).classifier
        labelled = read_labelled(
            data,
            text_column=text_column,
            label_column=label_column,
            multi_label=multi_label,
            group_column=group_column,
            sheet=sheet,
        )
        with progress_display(quiet) as progress:
            card = train_and_save(
                labelled,
                out,
                settings=settings,
                holdout=holdout,
                random_state=settings.random_state,
                progress=progress,
                cache_dir=cache_folder(cache_dir, no_cache),
            )
    metrics = card.get("metrics") or {}
    shown = "  ".join(
        f"{k} {metrics[k]:.4f}" for k in ("top1_accuracy", "top5_accuracy", "macro_f1", "micro_f1", "samples_f1") if k in metrics
    )
    typer.echo(
        f"Trained on {card['data']['rows_train']} rows, {len(card['classes'])} classes in {card['training_seconds']:.0f} s. {shown}".rstrip()
    )
    typer.echo(f"Model: {out} (card: {out / 'model_card.md'})")


@themes_app.command()
def evaluate(
    model: Path = typer.Argument(..., metavar="MODEL", help="A trained model folder (models/NAME)."),
    data: Path = typer.Argument(..., metavar="DATA", help="Labelled comments to evaluate on."),
    text_column: str = TEXT_COLUMN,
    label_column: str = LABEL_COLUMN,
    multi_label: Optional[str] = MULTI_LABEL,
    group_column: Optional[str] = GROUP_COLUMN,
    sheet: Optional[str] = typer.Option(None, "--sheet", help="XLSX sheet to read (default: the first)."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write the metrics as JSON to this file."),
    baseline: Optional[str] = typer.Option(None, "--baseline", help="With a codebook as MODEL: another codebook to compare with."),
    cache_dir: Optional[Path] = CACHE_DIR,
    no_cache: bool = NO_CACHE,
    quiet: bool = QUIET,
) -> None:
    """Measure a trained classifier on labelled comments: accuracy at 1 and 5, F1, per class, confusions.

    MODEL may also be a codebook (a .yaml/.csv file or a bundled name): its zero-shot tags are measured, and with
    --baseline another codebook's too (e.g. before 'themes learn'), to show how much the examples helped."""
    if _is_codebook(model):
        _evaluate_codebook(model, data, text_column, label_column, multi_label, sheet, baseline, out, cache_dir, no_cache, quiet)
        return
    from consultnlp.files import check_writable_folder
    from consultnlp.themes.data import read_labelled
    from consultnlp.themes.evaluate import format_metrics
    from consultnlp.themes.training import evaluate_model

    with errors():
        labelled = read_labelled(
            data,
            text_column=text_column,
            label_column=label_column,
            multi_label=multi_label,
            group_column=group_column,
            sheet=sheet,
        )
        if out is not None:
            check_writable_folder(out.parent, option=None)  # before the work, not after it
        with progress_display(quiet) as progress:
            metrics = evaluate_model(
                model,
                labelled,
                progress=progress,
                cache_dir=cache_folder(cache_dir, no_cache),
            )
    typer.echo(format_metrics(metrics))
    if out is not None:
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(json.dumps(metrics, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        except OSError as exc:
            fail(f"cannot write {out}: {exc.strerror}. Choose another --out path.")
        typer.echo(f"Metrics: {out}")


def _is_codebook(path: Path) -> bool:
    """A codebook file (.yaml/.yml/.csv) or a bundled taxonomy's name, rather than a model folder."""
    from consultnlp.taxonomy import bundled_taxonomies

    return path.suffix.lower() in (".yaml", ".yml", ".csv") or (not path.exists() and str(path) in bundled_taxonomies())


def _evaluate_codebook(
    codebook: Path,
    data: Path,
    text_column: str,
    label_column: str,
    multi_label: Optional[str],
    sheet: Optional[str],
    baseline: Optional[str],
    out: Optional[Path],
    cache_dir: Optional[Path],
    no_cache: bool,
    quiet: bool,
) -> None:
    """``themes evaluate CODEBOOK DATA``: zero-shot tags against labelled comments, optionally next to a baseline."""
    from consultnlp.themes.data import read_labelled
    from consultnlp.themes.fewshot import evaluate_codebook
    from consultnlp.themes.training import model_encoder

    with errors():
        labelled = read_labelled(data, text_column=text_column, label_column=label_column, multi_label=multi_label, sheet=sheet)
        with progress_display(quiet) as progress:
            encoder = model_encoder(progress, cache_folder(cache_dir, no_cache))
            results = {str(codebook): evaluate_codebook(str(codebook), labelled.texts, labelled.labels, encoder)}
            if baseline:
                results[baseline] = evaluate_codebook(baseline, labelled.texts, labelled.labels, encoder)
    keys = ("top1_accuracy", "top5_accuracy", "tagged_share", "precision", "recall")
    typer.echo("codebook  " + "  ".join(keys))
    for name, metrics in results.items():
        typer.echo(f"{name}  " + "  ".join(f"{metrics[k]:.3f}" for k in keys))
    if baseline:
        first, second = results[str(codebook)], results[baseline]
        typer.echo("difference  " + "  ".join(f"{first[k] - second[k]:+.3f}" for k in keys))
    if out is not None:
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        except OSError as exc:
            fail(f"cannot write {out}: {exc.strerror}. Choose another --out path.")
