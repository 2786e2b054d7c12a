"""One analysis of the bundled sample, shared by every test module of a session that needs it.

The run takes 20-40 s, so it is made once (k-means topics, the quicker of the two
clusterings; the report code is the same) and tests that change the folder copy it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from consultnlp.cli import app
from tests.conftest import SAMPLE_XLSX

_RUNS: dict[str, Path] = {}


def sample_analysis(tmp_path_factory) -> Path:  # noqa: ANN001 - pytest's TempPathFactory
    """The --out folder of ``consultnlp analyze`` on the sample (html, md, xlsx, docx; segments region and participant type)."""
    if "sample" not in _RUNS:
        tmp = tmp_path_factory.mktemp("report-sample")
        out = tmp / "out"
        result = CliRunner().invoke(
            app,
            [
                "analyze",
                str(SAMPLE_XLSX),
                "--sheet",
                "Respuestas",
                "--id-column",
                "id",
                "--segment-columns",
                "region,tipo_participante",
                "--format",
                "html,md,xlsx,docx",
                "--out",
                str(out),
                "--quiet",
                "--cache-dir",
                str(tmp / "cache"),
                "--set",
                "topics.clustering=kmeans",
            ],
        )
        assert result.exit_code == 0, result.output
        _RUNS["sample"] = out
    return _RUNS["sample"]


def copy_analysis(source: Path, target: Path) -> Path:
    """A private copy of an analysis folder, for tests that re-render into it."""
    shutil.copytree(source, target)
    return target


def html_headings(html: str) -> list[tuple[int, str]]:
    """(level, text) of every h1, h2 and h3 in ``html``, in order."""
    from html.parser import HTMLParser

    class _Headings(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.found: list[tuple[int, str]] = []
            self.current: list | None = None

        def handle_starttag(self, tag, attrs):  # noqa: ANN001
            if tag in ("h1", "h2", "h3"):
                self.current = [int(tag[1]), ""]

        def handle_endtag(self, tag):  # noqa: ANN001
            if tag in ("h1", "h2", "h3") and self.current is not None:
                self.found.append((self.current[0], self.current[1].strip()))
                self.current = None

        def handle_data(self, data):  # noqa: ANN001
            if self.current is not None:
                self.current[1] += data

    parser = _Headings()
    parser.feed(html)
    return parser.found


def docx_headings(path: Path) -> list[tuple[int, str]]:
    """(level, text) of every Heading 1/2/3 paragraph of a Word file."""
    import docx

    document = docx.Document(str(path))
    return [(int(p.style.name.split()[-1]), p.text.strip()) for p in document.paragraphs if p.style.name.startswith("Heading")]
