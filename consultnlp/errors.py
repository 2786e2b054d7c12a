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


class OptionError(ConfigError):
    """An error about options, named as ``{keyword}`` in ``template``: :meth:`naming` fills in the library's keywords
    (``theme_model=``) or, given a mapping, the command line's flags (``--theme-model``). A value after a colon is shown
    beside the name: ``{theme_model:models/NAME}`` reads ``theme_model=models/NAME`` or ``--theme-model models/NAME``."""

    def __init__(self, template: str, *options: str) -> None:
        self.template, self.options = template, options
        super().__init__(self.naming())

    def naming(self, names: dict[str, str] | None = None) -> str:
        return self.template.format(**{o: _Named(names[o], True) if names and o in names else _Named(f"{o}=", False) for o in self.options})


class _Named:
    """An option's name as a message shows it, with the value its format spec gives (see :class:`OptionError`)."""

    def __init__(self, text: str, flag: bool) -> None:
        self.text, self.flag = text, flag

    def __format__(self, value: str) -> str:
        if not value:
            return self.text
        return f"{self.text} {value}" if self.flag else f"{self.text}{value}"


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
