"""Theme taxonomies: the bundled OGP policy areas or a user's own (YAML or CSV).

Files are checked by ``consultnlp.themes.validate`` (line-aware, every rule of
``data/themes/README.md``) before they become a ``Taxonomy``.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from consultnlp.errors import ConfigError
from consultnlp.resources import project_path
from consultnlp.schema import LANGUAGES

THEMES_DIR = project_path("data", "themes")


class Theme(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    parent: str | None = None
    name: dict[str, str]
    description: dict[str, str] = Field(default_factory=dict)
    keywords: dict[str, list[str]] = Field(default_factory=dict)
    examples: dict[str, list[str]] = Field(default_factory=dict)  # comments that make the theme, matched like the description
    traps: dict[str, list[str]] = Field(default_factory=dict)  # senses of its keywords that are not the theme
    # Given only where one of its keywords is found (in a sense that fits): a narrow theme whose text is near broad ones
    # ("Beneficial ownership" near taxes and companies, "Automated decision-making" near any "tomar decisiones").
    needs_keyword: bool = False

    def named_by(self, title_stems: set[str] | frozenset[str]) -> bool:
        """Whether a title of these word stems (``text.word_stems(title, 3)``) names this theme: every word of its name in
        one language, its words of four letters or more ("Housing" in "ScoopNZ Hivemind on affordable housing"; "and" in
        "Land and territory" aside). Its keywords in the title are then evidence of it; another theme's are not ("county" in
        "Improving Bowling Green / Warren County" is no local government)."""
        from consultnlp.text import word_stems

        return any((stems := word_stems(name, 4)) and stems <= title_stems for name in self.name.values())


class Taxonomy(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    name: dict[str, str] = Field(default_factory=dict)
    version: str = ""
    source: str = ""
    licence: str = ""
    languages: list[str] = Field(default_factory=lambda: list(LANGUAGES))
    themes: list[Theme]

    @model_validator(mode="after")
    def _consistent(self) -> "Taxonomy":
        ids = [t.id for t in self.themes]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"theme ids must be unique; repeated: {', '.join(dupes)}")
        if "other" in ids:
            raise ValueError("'other' is reserved for comments that match no theme; rename that theme")
        for theme in self.themes:
            if theme.parent is not None and theme.parent not in ids:
                raise ValueError(f"theme '{theme.id}' has parent '{theme.parent}', which is not a theme id")
            for lang in self.languages:
                if not theme.name.get(lang):
                    raise ValueError(f"theme '{theme.id}' has no name in '{lang}'")
        parents = {t.id: t.parent for t in self.themes}
        for start in parents:
            seen, node = set(), start
            while node is not None:
                if node in seen:
                    raise ValueError(f"theme parents form a cycle through '{start}'")
                seen.add(node)
                node = parents[node]
        return self

    def get(self, theme_id: str) -> Theme:
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        raise KeyError(theme_id)

    def name_of(self, theme_id: str, lang: str) -> str:
        theme = self.get(theme_id)
        return theme.name.get(lang) or theme.name.get("en") or next(iter(theme.name.values()))


def bundled_taxonomies() -> list[str]:
    return sorted(p.stem for p in THEMES_DIR.glob("*.yaml"))


def load_taxonomy(name_or_path: str) -> Taxonomy:
    """Load a bundled taxonomy by name (``ogp``) or a YAML/CSV file."""
    path = Path(name_or_path)
    if not path.suffix:
        path = THEMES_DIR / f"{name_or_path}.yaml"
        if not path.exists():
            raise ConfigError(
                f"themes.taxonomy: no bundled taxonomy named {name_or_path!r}. "
                f"Bundled: {', '.join(bundled_taxonomies())}; or give the path of a .yaml or .csv file."
            )
    if not path.exists():
        raise ConfigError(f"themes.taxonomy: file {path} does not exist.")
    from consultnlp.themes.validate import validate_taxonomy

    report = validate_taxonomy(path)
    if not report.ok:
        more = f" (and {len(report.problems) - 1} more problem(s))" if len(report.problems) > 1 else ""
        raise ConfigError(f"{report.lines()[0]}{more}. Check it with: consultnlp themes validate {path}")
    try:
        return Taxonomy.model_validate(report.data)
    except ValidationError as err:  # the validator should have caught it first; keep the message actionable anyway
        first = err.errors()[0]
        loc = ".".join(str(p) for p in first["loc"])
        raise ConfigError(
            f"{path.name}: invalid taxonomy at '{loc}': {first['msg']}. Check it with: consultnlp themes validate {path}"
        ) from None


class LabelTheme(BaseModel):
    """One label of a trained classifier, shaped like a ``Theme`` (no parent, its name is the label)."""

    id: str
    parent: str | None = None


class LabelTaxonomy(BaseModel):
    """The labels of a trained theme classifier, with the lookups the summary and report use."""

    id: str
    themes: list[LabelTheme]

    @classmethod
    def from_labels(cls, name: str, labels: list[str]) -> "LabelTaxonomy":
        return cls(id=name, themes=[LabelTheme(id=str(label)) for label in labels])

    def get(self, theme_id: str) -> LabelTheme:
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        raise KeyError(theme_id)

    def name_of(self, theme_id: str, lang: str) -> str:
        return self.get(theme_id).id
