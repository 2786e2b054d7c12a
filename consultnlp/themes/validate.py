"""Line-aware checks of a theme taxonomy file (YAML or CSV), as run by ``consultnlp themes validate``.

The rules are those of ``data/themes/README.md``. Every problem carries the line of the
file it comes from (YAML: the node's line, read with ``yaml.compose`` marks; CSV: the
line where the row starts), so a person can jump to it.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

TOP_KEYS = ("id", "name", "version", "source", "licence", "languages", "themes")
TOP_REQUIRED = ("id", "name", "version", "languages", "themes")
THEME_KEYS = ("id", "parent", "name", "description", "keywords", "examples", "traps", "needs_keyword")
# A theme needs an id and a name; a description, keywords (in any of its languages), examples and traps each add evidence.
THEME_REQUIRED = ("id", "name")
LIST_FIELDS = ("keywords", "examples", "traps")  # language -> list of texts
OPTIONAL_COLUMNS = ("description", *LIST_FIELDS)
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
LANG_PATTERN = re.compile(r"^[a-z]{2}$")
RESERVED_ID = "other"
# Characters that separate themes and keywords in the theme_evidence column.
SEPARATORS = (";", "|")

Path_ = tuple[Any, ...]


@dataclass(frozen=True)
class Problem:
    """One rule a taxonomy breaks, at a 1-based line of its file (None when the file has no lines)."""

    line: int | None
    message: str


@dataclass
class ValidationReport:
    """Problems found in one taxonomy file, and what it holds when it is valid."""

    path: Path
    problems: list[Problem] = field(default_factory=list)
    data: dict[str, Any] | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    def lines(self) -> list[str]:
        """One ``file:line: message`` per problem, in file order."""
        ordered = sorted(self.problems, key=lambda p: (p.line or 0))
        return [f"{self.path.name}:{p.line}: {p.message}" if p.line else f"{self.path.name}: {p.message}" for p in ordered]

    def summary(self) -> str:
        """A one-paragraph description of a valid taxonomy."""
        data = self.data or {}
        themes = data.get("themes", [])
        langs = data.get("languages", [])
        top = sum(1 for t in themes if not t.get("parent"))
        per_lang = {l: sum(len(t.get("keywords", {}).get(l, [])) for t in themes) for l in langs}
        owners: Counter = Counter()
        for theme in themes:
            for lang in langs:
                for kw in {k.strip().lower() for k in theme.get("keywords", {}).get(lang, [])}:
                    owners[(lang, kw)] += 1
        shared = sum(1 for n in owners.values() if n > 1)
        kw_text = ", ".join(f"{l} {n}" for l, n in per_lang.items())
        text = (
            f"{self.path.name}: valid taxonomy '{data.get('id')}': {len(themes)} themes ({top} top-level, "
            f"{len(themes) - top} sub-themes), languages {', '.join(langs)}; keywords per language: {kw_text}."
        )
        if shared:
            text += f" {shared} keyword(s) appear in more than one theme (allowed; they count for each)."
        return text


def validate_taxonomy(path: str | Path) -> ValidationReport:
    """Check a ``.yaml``/``.yml`` or ``.csv`` taxonomy; the report lists every problem with its line."""
    path = Path(path)
    report = ValidationReport(path)
    if not path.is_file():
        report.problems.append(Problem(None, f"file {path} does not exist"))
        return report
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        report.problems.append(Problem(None, f"not UTF-8 text (byte {exc.start}); save it as UTF-8"))
        return report
    if path.suffix.lower() == ".csv":
        data, lines, problems = _read_csv(text, path.stem)
        csv_form = True
    elif path.suffix.lower() in (".yaml", ".yml"):
        data, lines, problems = _read_yaml(text)
        csv_form = False
    else:
        report.problems.append(Problem(None, f"unsupported extension '{path.suffix}'; use .yaml, .yml or .csv"))
        return report
    report.problems.extend(problems)
    if data is not None:
        report.problems.extend(_Checker(lines, csv_form=csv_form).check(data))
    if report.ok:
        report.data = data
    return report


# ---------------------------------------------------------------------------- reading


def _read_yaml(text: str) -> tuple[Any, dict[Path_, int], list[Problem]]:
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        detail = " ".join(str(x) for x in (exc.context, exc.problem) if x)
        return None, {}, [Problem(mark.line + 1 if mark else None, f"not valid YAML: {detail}")]
    except yaml.YAMLError as exc:
        return None, {}, [Problem(None, f"not valid YAML: {exc}".replace("\n", " "))]
    if node is None:
        loader.dispose()
        return None, {}, [Problem(1, "the file is empty; a taxonomy needs id, name, version, languages and themes")]
    lines: dict[Path_, int] = {}
    problems: list[Problem] = []
    try:
        data = _convert(node, (), loader, lines, problems)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        return None, {}, [Problem(mark.line + 1 if mark else None, f"not valid YAML: {exc.problem}")]
    finally:
        loader.dispose()
    return data, lines, problems


def _convert(node: yaml.Node, path: Path_, loader: yaml.SafeLoader, lines: dict[Path_, int], problems: list[Problem]) -> Any:
    """Python value of ``node``, recording the line of every path (key or index) on the way."""
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                problems.append(Problem(key_node.start_mark.line + 1, "a mapping key must be a plain word"))
                continue
            if key in out:
                problems.append(Problem(key_node.start_mark.line + 1, f"key '{key}' appears twice in the same mapping; keep one"))
            out[key] = _convert(value_node, (*path, key), loader, lines, problems)
            lines[(*path, key)] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, (*path, i), loader, lines, problems) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def _read_csv(text: str, stem: str) -> tuple[Any, dict[Path_, int], list[Problem]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    problems: list[Problem] = []
    try:
        header = next(reader)
    except StopIteration:
        return None, {}, [Problem(1, "the file is empty; it needs a header row (id,parent,name_es,...) and one row per theme")]
    except csv.Error as exc:
        return None, {}, [Problem(1, f"not valid CSV: {exc}")]
    header = [h.strip() for h in header]
    langs = [h[len("name_") :] for h in header if h.startswith("name_")]
    for required in ("id", "parent"):
        if required not in header:
            problems.append(Problem(1, f"the header has no '{required}' column. Found: {', '.join(header)}"))
    if not langs:
        problems.append(Problem(1, "the header has no name_<lang> column (e.g. name_es); these define the languages"))
    known = {"id", "parent"} | {f"{p}_{l}" for p in ("name", *OPTIONAL_COLUMNS) for l in langs}
    for col in header:
        if col not in known:
            prefix = col.split("_", 1)[0]
            hint = f" (no name_{col.split('_', 1)[1]} column defines that language)" if prefix in OPTIONAL_COLUMNS and "_" in col else ""
            problems.append(
                Problem(
                    1,
                    f"unknown column '{col}'{hint}. Valid: id, parent, name_<lang>, and optional "
                    "description_<lang>, keywords_<lang>, examples_<lang>, traps_<lang>",
                )
            )
    dupes = sorted({h for h in header if header.count(h) > 1})
    for col in dupes:
        problems.append(Problem(1, f"column '{col}' appears twice in the header"))
    if problems:
        return None, {}, problems
    themes: list[dict[str, Any]] = []
    lines: dict[Path_, int] = {("themes",): 1, (): 1, ("languages",): 1}
    position = 1
    try:
        for row in reader:
            start, position = position + 1, reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                problems.append(
                    Problem(start, f"row has {len(row)} fields but the header has {len(header)}; quote fields that contain commas")
                )
                continue
            cells = {h: c.strip() for h, c in zip(header, row)}
            i = len(themes)
            theme = {
                "id": cells["id"],
                "parent": cells["parent"] or None,
                "name": {l: cells[f"name_{l}"] for l in langs if cells[f"name_{l}"]},
                "description": {l: cells[f"description_{l}"] for l in langs if cells.get(f"description_{l}")},
            }
            for key in LIST_FIELDS:  # lists separated by ";"
                theme[key] = {
                    l: [k.strip() for k in cells[f"{key}_{l}"].split(";") if k.strip()]
                    for l in langs
                    if cells.get(f"{key}_{l}", "").strip()
                }
            themes.append(theme)
            _mark_all(theme, ("themes", i), start, lines)
    except csv.Error as exc:
        problems.append(Problem(reader.line_num, f"not valid CSV: {exc}"))
    return {"id": stem, "languages": langs, "themes": themes}, lines, problems


def _mark_all(value: Any, path: Path_, line: int, lines: dict[Path_, int]) -> None:
    lines[path] = line
    if isinstance(value, dict):
        for key, item in value.items():
            _mark_all(item, (*path, key), line, lines)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _mark_all(item, (*path, i), line, lines)


# ---------------------------------------------------------------------------- rules


class _Checker:
    """Applies the taxonomy rules to plain data, placing each problem on the nearest known line."""

    def __init__(self, lines: dict[Path_, int], *, csv_form: bool) -> None:
        self.lines = lines
        self.csv_form = csv_form
        self.problems: list[Problem] = []

    def line(self, path: Path_) -> int | None:
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path)

    def add(self, path: Path_, message: str) -> None:
        self.problems.append(Problem(self.line(path), message))

    def where(self, field_name: str, lang: str) -> str:
        return f"column {field_name}_{lang}" if self.csv_form else f"{field_name}.{lang}"

    def check(self, data: Any) -> list[Problem]:
        if not isinstance(data, dict):
            self.add((), f"the top level must be a mapping (id:, name:, languages:, themes: ...), not a {type(data).__name__}")
            return self.problems
        langs = self._check_top(data)
        themes = data.get("themes")
        if not isinstance(themes, list):
            if "themes" in data:
                self.add(("themes",), "themes must be a list of themes (each starting with '- id: ...')")
            return self.problems
        if not themes:
            self.add(("themes",), "themes is empty; a taxonomy needs at least one theme")
        ids = [t.get("id") if isinstance(t, dict) else None for t in themes]
        seen: dict[Any, int] = {}
        all_ids = {tid for tid in ids if isinstance(tid, str)}
        for i, theme in enumerate(themes):
            self._check_theme(theme, i, langs, all_ids)
            tid = ids[i]
            if isinstance(tid, str) and tid:
                if tid in seen:
                    self.add(
                        ("themes", i, "id"),
                        f"theme id '{tid}' is used twice (first on line {self.line(('themes', seen[tid], 'id'))}); ids must be unique",
                    )
                else:
                    seen[tid] = i
        self._check_cycles(themes)
        return self.problems

    def _check_top(self, data: dict[str, Any]) -> list[str]:
        if not self.csv_form:
            for key in data:
                if key not in TOP_KEYS:
                    self.add((key,), f"unknown top-level key '{key}'. Valid keys: {', '.join(TOP_KEYS)}")
            for key in TOP_REQUIRED:
                if key not in data:
                    self.add((), f"missing required top-level key '{key}'")
            tid = data.get("id")
            if "id" in data and not (isinstance(tid, str) and ID_PATTERN.match(tid)):
                self.add(("id",), f"taxonomy id {tid!r} must be snake_case ([a-z][a-z0-9_]*)")
            if "version" in data and not isinstance(data["version"], str):
                self.add(("version",), f'version must be a string; quote it (version: "{data["version"]}")')
            for key in ("source", "licence"):
                if key in data and not isinstance(data[key], str):
                    self.add((key,), f"{key} must be a string")
        raw_langs = data.get("languages")
        langs: list[str] = []
        if "languages" in data:
            if not isinstance(raw_langs, list) or not raw_langs:
                self.add(("languages",), "languages must be a non-empty list of ISO 639-1 codes, e.g. [es, pt, en]")
            else:
                for i, lang in enumerate(raw_langs):
                    if not (isinstance(lang, str) and LANG_PATTERN.match(lang)):
                        self.add(("languages", i), f"language {lang!r} is not a two-letter ISO 639-1 code (es, pt, en ...)")
                    elif lang in langs:
                        self.add(("languages", i), f"language '{lang}' is listed twice")
                    else:
                        langs.append(lang)
        if not self.csv_form and "name" in data:
            self._check_texts(data["name"], ("name",), "name", langs, "the taxonomy")
        return langs

    def _check_theme(self, theme: Any, i: int, langs: list[str], all_ids: set[str]) -> None:
        path: Path_ = ("themes", i)
        if not isinstance(theme, dict):
            self.add(path, f"theme #{i + 1} must be a mapping with at least id and name")
            return
        tid = theme.get("id")
        label = f"theme '{tid}'" if isinstance(tid, str) and tid else f"theme #{i + 1}"
        for key in theme:
            if key not in THEME_KEYS:
                self.add((*path, key), f"{label}: unknown key '{key}'. Valid keys: {', '.join(THEME_KEYS)}")
        for key in THEME_REQUIRED:
            if key not in theme or (key == "id" and theme[key] in (None, "")):
                self.add(path, f"{label}: missing required field '{key}'")
        if "id" in theme and tid not in (None, ""):
            if not isinstance(tid, str) or not ID_PATTERN.match(tid):
                self.add((*path, "id"), f"{label}: id must be snake_case ([a-z][a-z0-9_]*), e.g. '{_snake(str(tid))}'")
            elif tid == RESERVED_ID:
                self.add((*path, "id"), f"{label}: '{RESERVED_ID}' is reserved for comments that match no theme; rename it")
        parent = theme.get("parent")
        if parent is not None:
            if not isinstance(parent, str) or parent not in all_ids:
                self.add((*path, "parent"), f"{label}: parent '{parent}' is not the id of a theme in this file")
            elif parent == tid:
                self.add((*path, "parent"), f"{label}: a theme cannot be its own parent")
        if "name" in theme:
            self._check_texts(theme["name"], (*path, "name"), "name", langs, label)
        if "description" in theme:
            self._check_texts(theme["description"], (*path, "description"), "description", langs, label, every_language=False)
        for key in LIST_FIELDS:
            if key in theme:
                self._check_keywords(theme[key], (*path, key), langs, label, key=key)
        if "needs_keyword" in theme:
            if not isinstance(theme["needs_keyword"], bool):
                self.add((*path, "needs_keyword"), f"{label}: needs_keyword must be true or false")
            elif theme["needs_keyword"] and not any(theme.get("keywords") or {}):
                self.add((*path, "needs_keyword"), f"{label}: needs_keyword is true but the theme has no keywords, so it is never given")

    def _check_texts(self, value: Any, path: Path_, key: str, langs: list[str], label: str, *, every_language: bool = True) -> None:
        if not isinstance(value, dict):
            self.add(path, f'{label}: {key} must map each language to a text, e.g. {{es: "...", pt: "..."}}')
            return
        for lang in langs if every_language else [l for l in langs if l in value]:
            text = value.get(lang)
            if not isinstance(text, str) or not text.strip():
                self.add((*path, lang) if lang in value else path, f"{label}: {self.where(key, lang)} is missing or empty")
        for lang in value:
            if lang not in langs:
                self.add((*path, lang), f"{label}: {key} has language '{lang}', which is not in languages ({', '.join(langs)})")

    def _check_keywords(self, value: Any, path: Path_, langs: list[str], label: str, *, key: str = "keywords") -> None:
        """Keywords, examples or traps: language -> list; a language may be left out (its comments get none)."""
        if not isinstance(value, dict):
            self.add(path, f"{label}: {key} must map each language to a list, e.g. {{es: [a, b], pt: [c, d]}}")
            return
        for lang in value:
            if lang not in langs:
                self.add((*path, lang), f"{label}: {key} has language '{lang}', which is not in languages ({', '.join(langs)})")
        for lang in [l for l in langs if l in value]:
            words = value.get(lang)
            if not isinstance(words, list) or not words:
                self.add((*path, lang), f"{label}: {self.where(key, lang)} must be a list with at least one entry, or left out")
                continue
            if key != "keywords":
                for j, text in enumerate(words):
                    if not isinstance(text, str) or not text.strip():
                        self.add((*path, lang, j), f"{label}: {key} entry {text!r} in {lang} must be a non-empty text")
                continue
            seen: set[str] = set()
            for j, word in enumerate(words):
                if not isinstance(word, str) or not word.strip():
                    self.add((*path, lang, j), f"{label}: keyword {word!r} in {lang} must be a non-empty text")
                    continue
                norm = word.strip().lower()
                if norm in seen:
                    self.add((*path, lang, j), f"{label}: keyword '{word}' appears twice in {lang}")
                seen.add(norm)
                bad = [s for s in SEPARATORS if s in word]
                if bad:
                    self.add((*path, lang, j), f"{label}: keyword '{word}' contains '{bad[0]}', which separates evidence; split it")
                elif not any(ch.isalnum() for ch in word):
                    self.add((*path, lang, j), f"{label}: keyword '{word}' has no letters or digits, so it can never match; remove it")

    def _check_cycles(self, themes: list[Any]) -> None:
        parents = {t["id"]: t.get("parent") for t in themes if isinstance(t, dict) and isinstance(t.get("id"), str)}
        index = {t["id"]: i for i, t in enumerate(themes) if isinstance(t, dict) and isinstance(t.get("id"), str)}
        reported: set[str] = set()
        for start in parents:
            chain, node = [], start
            while isinstance(node, str) and node in parents and node not in chain:
                chain.append(node)
                node = parents[node]
            if node in chain:
                cycle = chain[chain.index(node) :]
                if not reported & set(cycle):
                    reported |= set(cycle)
                    loop = " -> ".join([*cycle, node])
                    self.add(("themes", index[node], "parent"), f"theme parents form a cycle: {loop}")


def _snake(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "theme"
