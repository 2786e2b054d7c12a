"""Theme taxonomies: the bundled OGP policy areas or a user's own (YAML or CSV)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from consultnlp.errors import ConfigError

THEMES_DIR = Path(__file__).resolve().parent.parent / "data" / "themes"


class Theme(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_]*$")
    parent: str | None = None
    name: dict[str, str]
    description: dict[str, str] = Field(default_factory=dict)
    keywords: dict[str, list[str]] = Field(default_factory=dict)


class Taxonomy(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    name: dict[str, str] = Field(default_factory=dict)
    version: str = ""
    source: str = ""
    licence: str = ""
    languages: list[str] = Field(default_factory=lambda: ["es", "pt", "en"])
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


def _from_csv(path: Path) -> dict:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    if "id" not in frame.columns:
        raise ConfigError(f"{path.name}: a theme CSV needs an 'id' column. Found: {', '.join(frame.columns)}.")
    langs = sorted({c.split("_", 1)[1] for c in frame.columns if c.startswith("name_")})
    themes = []
    for _, row in frame.iterrows():
        theme: dict = {"id": row["id"].strip(), "parent": row.get("parent", "").strip() or None}
        for field in ("name", "description"):
            theme[field] = {l: row[f"{field}_{l}"].strip() for l in langs if row.get(f"{field}_{l}", "").strip()}
        theme["keywords"] = {
            l: [k.strip() for k in row[f"keywords_{l}"].split(";") if k.strip()]
            for l in langs if f"keywords_{l}" in frame.columns
        }
        themes.append(theme)
    return {"id": path.stem, "languages": langs, "themes": themes}


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
    try:
        data = _from_csv(path) if path.suffix.lower() == ".csv" else yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path.name} is not valid YAML: {exc}".replace("\n", " ")) from None
    try:
        return Taxonomy.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        loc = ".".join(str(p) for p in first["loc"])
        raise ConfigError(f"{path.name}: invalid taxonomy at '{loc}': {first['msg']}. Check it with: consultnlp themes validate {path}") from None
