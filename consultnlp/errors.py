"""Errors a person can act on.

Library code raises these; only the command line (``consultnlp.cli.common.errors``) turns them into a one-line message
and exit code 1. Anything else is a bug and keeps its traceback.
"""

from __future__ import annotations


class ConsultNLPError(Exception):
    """Base class: the message says what is wrong, where, and how to fix it."""


class InputError(ConsultNLPError):
    """The input file cannot be read as a consultation (missing, empty, no text column ...)."""


class ConfigError(ConsultNLPError):
    """The pipeline configuration is invalid (unknown key, stage or implementation, bad value)."""


class MissingDependency(ConsultNLPError):
    """An optional library is needed for what was asked; the message names the install command."""


class PipelineError(ConsultNLPError):
    """The stages do not fit together (a stage needs a column that no earlier stage provides)."""


class ModelError(ConsultNLPError):
    """A saved model (topics or themes) cannot be loaded or does not fit this input."""


def missing_dependency(package: str, extra: str | None, purpose: str) -> MissingDependency:
    """Build the error raised when an optional import fails."""
    fix = f'pip install "consultnlp[{extra}]"' if extra else f"pip install {package}"
    return MissingDependency(f"{purpose} needs the package '{package}', which is not installed. Install it with: {fix}")


class OutputError(ConsultNLPError):
    """The output folder cannot take a run (a file, not writable, holds someone else's files ...)."""
