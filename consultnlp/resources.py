"""Where the project's own files are: pipelines, taxonomies, stopwords.

In a source checkout (and an editable install) they sit beside the package;
a wheel installs them under ``<prefix>/share/consultnlp`` (see pyproject's
data-files), so both layouts are looked up.
"""

from __future__ import annotations

import sys
from pathlib import Path

SOURCE_ROOT = Path(__file__).resolve().parent.parent
INSTALLED_ROOT = Path(sys.prefix) / "share" / "consultnlp"


def project_path(*parts: str) -> Path:
    """The path of a bundled file or folder, e.g. ``project_path("data", "themes")``."""
    source = SOURCE_ROOT.joinpath(*parts)
    if source.exists():
        return source
    installed = INSTALLED_ROOT.joinpath(*parts)
    return installed if installed.exists() else source
