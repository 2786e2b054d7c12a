"""``consultnlp check OUT``: the privacy gate a run passes before it is kept, over a folder (one edited by hand, say)."""

from __future__ import annotations

from pathlib import Path

import typer

from consultnlp.cli.common import errors


def check(
    folder: Path = typer.Argument(..., metavar="OUT", help="A results folder (the --out of `consultnlp analyze`)."),
    fix: bool = typer.Option(True, "--fix/--no-fix", help="Redact what is found in place (default), or only list it."),
) -> None:
    """Scan every file of OUT outside private/ for personal data and for values of personal columns; redact them or fail."""
    from consultnlp.output import check_folder

    with errors():
        result = check_folder(folder, redact=fix)
    for finding in result.findings:
        typer.echo(f"{finding.file}: {finding.count} {finding.kind}" + (" redacted" if fix else ""))
    verb = "found and redacted" if fix else "found"
    typer.echo(f"Checked {result.files} publishable files in {result.seconds:.1f}s: {verb} {result.found} value(s) of personal data.")
    if result.found and not fix:
        raise typer.Exit(1)
