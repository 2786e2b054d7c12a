"""Progress that moves: the topic fit reports its phases, and the command line shows each label once."""

from __future__ import annotations

import io
from contextlib import contextmanager

import numpy as np

from consultnlp.config import TopicsConfig


class Recorder:
    def __init__(self) -> None:
        self.events: list[tuple[str, str, int | None]] = []
        self.notes: list[str] = []

    @contextmanager
    def task(self, description, total):  # noqa: ANN001
        self.events.append(("start", description, total))
        recorder = self

        class _Task:
            def advance(self, n: int = 1) -> None:
                recorder.events.append(("advance", description, n))

        yield _Task()
        self.events.append(("end", description, None))

    def note(self, message: str) -> None:
        self.notes.append(message)


def _clusters(n_per: int = 60, k: int = 4, dim: int = 24) -> np.ndarray:
    rng = np.random.default_rng(0)
    centres = rng.normal(size=(k, dim)) * 3
    points = np.vstack([c + rng.normal(size=(n_per, dim)) for c in centres]).astype(np.float32)
    return points / np.linalg.norm(points, axis=1, keepdims=True)


def test_progress_topic_fit_reports_its_phases():
    from consultnlp.topics.model import fit_topic_model

    embeddings = _clusters()
    docs = [f"palabra{i % 4} tema{i % 4} otra{i % 7}" for i in range(len(embeddings))]
    recorder = Recorder()
    cfg = TopicsConfig(min_topic_size=10, umap_epochs=30)
    fit_topic_model(docs, embeddings, cfg, 42, encode=lambda words: _clusters(1, len(words), 24)[: len(words)], progress=recorder)
    started = [d for kind, d, _ in recorder.events if kind == "start"]
    assert started[:3] == ["Topics: keyword vectors", "Topics: nearest neighbours", "Topics: UMAP layout (epochs)"]
    assert {
        "Topics: HDBSCAN",
        "Topics: refining borders (k-means)",
        "Topics: outliers, merges and splits",
        "Topics: keywords (c-TF-IDF)",
    } <= set(started)
    epochs = [n for kind, d, n in recorder.events if kind == "advance" and d == "Topics: UMAP layout (epochs)"]
    assert len(epochs) == 30  # the layout moves one step per epoch
    assert len(started) == len(set(started))  # each phase once


def test_progress_rich_shows_each_label_once_without_blank_lines():
    from rich.console import Console

    from consultnlp.cli.common import RichProgress

    progress = RichProgress()
    progress.console = Console(file=io.StringIO(), width=100, force_terminal=False)
    with progress.task("Fitting topics", total=None):
        for _ in range(3):  # the same step again (keywords embedded in several calls): one row
            with progress.task("Embedding keywords", total=5) as task:
                task.advance(5)
        with progress.task("Topics: HDBSCAN", total=None):
            pass
    progress.note("a note")
    with progress.task("Embedding", total=0):  # nothing to compute: finished, not spinning
        pass
    progress.close()
    lines = progress.console.file.getvalue().splitlines()
    assert [line for line in lines if not line.strip()] == []
    labels = [line.split("━")[0].strip(" ✓⠋") for line in lines if "━" in line]
    assert labels == ["Fitting topics", "Embedding keywords", "Topics: HDBSCAN", "Embedding"]
    assert any("15/15" in line for line in lines if "Embedding keywords" in line)
    assert all(line.lstrip().startswith("✓") for line in lines if "━" in line)
