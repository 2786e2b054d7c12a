"""The layers run one way: cli -> api (``consultnlp.analyze``, ``load_run``) -> runs (analysis, rerender, tuning)
-> pipeline -> stages -> services.

Checked on the source with ``ast`` (imports inside functions included), so a shortcut
that reaches up a layer fails here rather than in a review.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "consultnlp"
RUNS = ("consultnlp.analysis", "consultnlp.rerender", "consultnlp.tuning", "consultnlp.output", "consultnlp.pipeline")
STAGES = ("consultnlp.stages",)
CLI = ("consultnlp.cli",)
API = ("consultnlp.api",)  # and the package itself, which exports it


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("consultnlp")}


MODULES = {_module_name(p): _imports(p) for p in sorted(PACKAGE.rglob("*.py"))}


def _reaches(imports: set[str], targets: tuple[str, ...]) -> list[str]:
    return sorted(i for i in imports if any(i == t or i.startswith(t + ".") for t in targets))


def _in(module: str, layer: tuple[str, ...]) -> bool:
    return any(module == m or module.startswith(m + ".") for m in layer)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_layers_imports_only_point_down(module):
    imports = MODULES[module]
    if _in(module, CLI) or module == "consultnlp.__main__":
        return
    assert not _reaches(imports, CLI), f"{module} imports the command line"
    if _in(module, API) or module == "consultnlp":
        return
    assert not _reaches(imports, API), f"{module} reaches up into the Python API"
    if _in(module, RUNS):
        return
    assert not _reaches(imports, RUNS), f"{module} reaches up into a run module"
    if _in(module, STAGES):
        assert not _reaches(imports, ("consultnlp.report",)), f"{module}: stages do not render"
        return
    assert not _reaches(imports, STAGES), f"{module} is a service and imports a stage"
    if module.startswith("consultnlp.summary"):
        assert not _reaches(imports, ("consultnlp.report",)), f"{module}: analysis does not depend on rendering"


def test_layers_stages_are_thin():
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in (PACKAGE / "stages").glob("*.py")}
    assert sum(sizes.values()) < 1600 and max(sizes.values()) < 250, sizes


def test_layers_modules_under_500_lines():
    long = {str(p.relative_to(PACKAGE)): n for p in PACKAGE.rglob("*.py") if (n := len(p.read_text(encoding="utf-8").splitlines())) >= 500}
    assert not long
