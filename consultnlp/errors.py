"""Errors a person can act on.

Library code raises these; only the command line (``consultnlp.cli.common.errors``) turns them into a one-line message
and exit code 1. Anything else is a bug and keeps its traceback.
"""

from __future__ import annotations


class ConsultNLPError(Exception):
    """Base class: the message says what is wrong, where, and how to fix it.

    A message about options is written once, naming each as ``{keyword}`` (:meth:`about`): the library's message names
    the keywords (``text_column=``), and :meth:`naming` lets the command line name its flags (``--text-column``). A
    value after a colon is shown beside the name: ``{theme_model:models/NAME}`` reads ``theme_model=models/NAME`` in
    Python and ``--theme-model models/NAME`` from the command line; a value from the data is passed by keyword and
    named in braces (``{text_column:{column}}``, ``column="Comentario"``)."""

    template: str = ""
    options: tuple[str, ...] = ()
    values: dict[str, str] = {}

    @classmethod
    def about(cls, template: str, *options: str, **values: object) -> ConsultNLPError:
        shown = {k: str(v) for k, v in values.items()}
        error = cls(_fill(template, options, None, shown))
        error.template, error.options, error.values = template, options, shown
        return error

    def naming(self, names: dict[str, str] | None = None) -> str:
        """The message with the options named as ``names`` gives them (keywords where it gives none)."""
        return _fill(self.template, self.options, names, self.values) if self.options else str(self)


def _fill(template: str, options: tuple[str, ...], names: dict[str, str] | None, values: dict[str, str] | None = None) -> str:
    named = {o: _Named(names[o], True) if names and o in names else _Named(f"{o}=", False) for o in options}
    return template.format(**(values or {}), **named)


def literal(text: object) -> str:
    """``text`` (a file or column name, a value) as it must appear in an :meth:`ConsultNLPError.about` template."""
    return str(text).replace("{", "{{").replace("}", "}}")


class InputError(ConsultNLPError):
    """The input file cannot be read as a consultation (missing, empty, no text column ...)."""


class ConfigError(ConsultNLPError):
    """The pipeline configuration is invalid (unknown key, stage or implementation, bad value)."""


class OptionError(ConfigError):
    """Options that cannot go together, or a setting an option gives: ``OptionError(template, *options)`` is
    ``ConfigError.about(template, *options)``."""

    def __init__(self, template: str, *options: str) -> None:
        super().__init__(_fill(template, options, None))
        self.template, self.options = template, options


class _Named:
    """An option's name as a message shows it, with the value its format spec gives (see :class:`ConsultNLPError`)."""

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
