"""Taxonomy files: every rule of data/themes/README.md, each problem on its line."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from consultnlp.cli import app
from consultnlp.errors import ConfigError
from consultnlp.taxonomy import THEMES_DIR, load_taxonomy
from consultnlp.themes.validate import validate_taxonomy

runner = CliRunner()

GOOD_YAML = """\
id: mini
name: {es: Mini, en: Mini}
version: "1"
languages: [es, en]
themes:
  - id: water
    name: {es: Agua, en: Water}
    description: {es: Agua potable., en: Drinking water.}
    keywords: {es: [agua, pozo], en: [water, well]}
  - id: rivers
    parent: water
    name: {es: Ríos, en: Rivers}
    description: {es: Ríos limpios., en: Clean rivers.}
    keywords: {es: [río], en: [river]}
"""

BAD_YAML = """\
id: mini
name: {es: Mini, en: Mini}
version: 2026.11
languages: [es, en]
colour: blue
themes:
  - id: water
    name: {es: Agua, en: Water}
    description: {es: Agua potable.}
    keywords: {es: [agua, Agua], en: [water]}
  - id: Rivers
    parent: lakes
    name: {es: Ríos, en: Rivers}
    description: {es: Ríos., en: Rivers.}
    keywords: {es: [río], en: []}
  - id: water
    name: {es: Otra, en: Other, fr: Autre}
    description: {es: x, en: y}
    keywords: {es: [a;b], en: [c]}
"""


def test_themes_validate_bundled_ogp_is_valid():
    report = validate_taxonomy(THEMES_DIR / "ogp.yaml")
    assert report.ok, report.lines()
    assert "43 themes (20 top-level, 23 sub-themes)" in report.summary()


def test_themes_validate_yaml_problems_carry_line_numbers(write_file):
    report = validate_taxonomy(write_file("bad.yaml", BAD_YAML))
    assert report.lines() == [
        'bad.yaml:3: version must be a string; quote it (version: "2026.11")',
        "bad.yaml:5: unknown top-level key 'colour'. Valid keys: id, name, version, source, licence, languages, themes",
        "bad.yaml:10: theme 'water': keyword 'Agua' appears twice in es",
        "bad.yaml:11: theme 'Rivers': id must be snake_case ([a-z][a-z0-9_]*), e.g. 'rivers'",
        "bad.yaml:12: theme 'Rivers': parent 'lakes' is not the id of a theme in this file",
        "bad.yaml:15: theme 'Rivers': keywords.en must be a list with at least one entry, or left out",
        "bad.yaml:16: theme id 'water' is used twice (first on line 7); ids must be unique",
        "bad.yaml:17: theme 'water': name has language 'fr', which is not in languages (es, en)",
        "bad.yaml:19: theme 'water': keyword 'a;b' contains ';', which separates evidence; split it",
    ]


def test_themes_validate_yaml_syntax_error_and_cycle(write_file):
    broken = validate_taxonomy(write_file("broken.yaml", "id: x\nthemes:\n  - id: a\n    name: {es: [unclosed\n"))
    assert len(broken.problems) == 1 and broken.problems[0].line == 5
    assert broken.lines()[0].startswith("broken.yaml:5: not valid YAML")
    cyclic = GOOD_YAML.replace("  - id: water\n", "  - id: water\n    parent: rivers\n")
    report = validate_taxonomy(write_file("cycle.yaml", cyclic))
    assert report.lines() == ["cycle.yaml:7: theme parents form a cycle: water -> rivers -> water"]


CSV_HEADER = "id,parent,name_es,name_en,description_es,description_en,keywords_es,keywords_en\n"


def test_themes_validate_csv_problems_carry_row_lines(write_file):
    text = (
        CSV_HEADER
        + 'water,,Agua,Water,"Agua\npotable, de pozo.",Drinking water.,agua;pozo,water;well\n'  # lines 2-3
        + "rivers,lakes,Ríos,,Ríos.,Rivers.,río,river\n"  # line 4
        + "Bad Id,,X,Y,x,y,,z\n"  # line 5
        + "short,,only,three\n"  # line 6
    )
    report = validate_taxonomy(write_file("t.csv", text))
    assert report.lines() == [
        "t.csv:4: theme 'rivers': parent 'lakes' is not the id of a theme in this file",
        "t.csv:4: theme 'rivers': column name_en is missing or empty",
        "t.csv:5: theme 'Bad Id': id must be snake_case ([a-z][a-z0-9_]*), e.g. 'bad_id'",
        "t.csv:6: row has 4 fields but the header has 8; quote fields that contain commas",
    ]
    header = validate_taxonomy(write_file("h.csv", "id,name_es,keywords_es,colour\n"))
    assert header.lines() == [
        "h.csv:1: the header has no 'parent' column. Found: id, name_es, keywords_es, colour",
        "h.csv:1: unknown column 'colour'. Valid: id, parent, name_<lang>, and optional description_<lang>, keywords_<lang>, "
        "examples_<lang>, traps_<lang>",
    ]


def test_themes_validate_keyword_that_can_never_match(write_file):
    text = CSV_HEADER + "water,,Agua,Water,Agua.,Water.,agua;!!,water\n"
    report = validate_taxonomy(write_file("p.csv", text))
    assert report.lines() == ["p.csv:2: theme 'water': keyword '!!' has no letters or digits, so it can never match; remove it"]
    yaml_text = GOOD_YAML.replace("keywords: {es: [río], en: [river]}", "keywords: {es: [río, '...'], en: [river]}")
    assert validate_taxonomy(write_file("p.yaml", yaml_text)).lines() == [
        "p.yaml:14: theme 'rivers': keyword '...' has no letters or digits, so it can never match; remove it"
    ]


def test_themes_csv_taxonomy_loads(write_file):
    text = CSV_HEADER + "water,,Agua,Water,Agua.,Water.,agua; pozo ;,water\nrivers,water,Ríos,Rivers,Ríos.,Rivers.,río,river\n"
    taxonomy = load_taxonomy(str(write_file("mine.csv", text)))
    assert [t.id for t in taxonomy.themes] == ["water", "rivers"]
    assert taxonomy.id == "mine" and taxonomy.languages == ["es", "en"]
    assert taxonomy.get("water").keywords["es"] == ["agua", "pozo"]
    assert taxonomy.get("rivers").parent == "water"


def test_themes_load_invalid_taxonomy_names_line_and_fix(write_file):
    path = write_file("bad.yaml", BAD_YAML)
    with pytest.raises(ConfigError) as err:
        load_taxonomy(str(path))
    assert str(err.value) == (
        'bad.yaml:3: version must be a string; quote it (version: "2026.11") (and 8 more problem(s)). '
        f"Check it with: consultnlp themes validate {path}"
    )


def test_themes_validate_cli_exit_codes(write_file):
    good = runner.invoke(app, ["themes", "validate", str(write_file("good.yaml", GOOD_YAML))])
    assert good.exit_code == 0, good.output
    assert good.output.strip() == (
        "good.yaml: valid taxonomy 'mini': 2 themes (1 top-level, 1 sub-themes), languages es, en; keywords per language: es 3, en 3.\n"
        "Zero-shot matches each theme on:\n"
        "  water: name (es, en); description (es, en); keywords es 2, en 2 (each only in comments of its language)\n"
        "  rivers: name (es, en); description (es, en); keywords es 1, en 1 (each only in comments of its language)"
    )
    bad = runner.invoke(app, ["themes", "validate", str(write_file("bad.yaml", BAD_YAML))])
    assert bad.exit_code == 1
    lines = bad.output.strip().splitlines()
    assert len(lines) == 10 and all(l.startswith("bad.yaml:") for l in lines[:9])
    assert lines[-1] == "9 problem(s) in bad.yaml. See data/themes/README.md for the schema."
    missing = runner.invoke(app, ["themes", "validate", str(Path(write_file("x.txt", "")).with_name("nope.yaml"))])
    assert missing.exit_code == 1 and "does not exist" in missing.output


# issue 22: codebooks as analysts write them, in one language, names only or with examples and traps.
NAME_ONLY_YAML = """\
id: codebook
name: {es: Mi codebook}
version: "1"
languages: [es]
themes:
  - id: transporte
    name: {es: Transporte público}
  - id: agua
    name: {es: Agua potable}
    examples: {es: ["Llevamos dos días sin agua en la población"]}
  - id: salud
    name: {es: Salud}
    keywords: {es: [consultorio]}
    traps: {es: ["Una consulta con el abogado"]}
"""


def test_themes_validate_codebook_without_keywords(write_file):
    path = write_file("codebook.yaml", NAME_ONLY_YAML)
    report = validate_taxonomy(path)
    assert report.ok, report.lines()
    taxonomy = load_taxonomy(str(path))
    assert taxonomy.get("transporte").keywords == {} and taxonomy.get("agua").examples["es"] == [
        "Llevamos dos días sin agua en la población"
    ]
    result = runner.invoke(app, ["themes", "validate", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[1:] == [
        "Zero-shot matches each theme on:",
        "  transporte: name (es); no keywords (text match only)",
        "  agua: name (es); 1 example(s) (es); no keywords (text match only)",
        "  salud: name (es); keywords es 1 (each only in comments of its language); 1 trap sense(s) that keep its keywords from counting",
    ]
    csv_text = "id,parent,name_es\ntransporte,,Transporte público\nagua,,Agua potable\n"
    assert [t.name["es"] for t in load_taxonomy(str(write_file("names.csv", csv_text))).themes] == ["Transporte público", "Agua potable"]
    # An empty list is a mistake (left out is fine), and examples must be texts.
    broken = NAME_ONLY_YAML.replace("keywords: {es: [consultorio]}", "keywords: {es: []}").replace(
        '["Llevamos dos días sin agua en la población"]', "['']"
    )
    assert validate_taxonomy(write_file("broken.yaml", broken)).lines() == [
        "broken.yaml:10: theme 'agua': examples entry '' in es must be a non-empty text",
        "broken.yaml:13: theme 'salud': keywords.es must be a list with at least one entry, or left out",
    ]


def test_themes_validate_needs_keyword(write_file):
    # A narrow theme given only with one of its keywords (bundled: beneficial ownership, automated decision-making ...).
    good = GOOD_YAML.replace("  - id: rivers\n", "  - id: rivers\n    needs_keyword: true\n")
    report = validate_taxonomy(write_file("k.yaml", good))
    assert report.lines() == [] and load_taxonomy(str(write_file("k2.yaml", good))).themes[1].needs_keyword
    bad = GOOD_YAML.replace("    keywords: {es: [río], en: [river]}\n", "").replace(
        "  - id: rivers\n", "  - id: rivers\n    needs_keyword: yes please\n"
    )
    assert validate_taxonomy(write_file("b.yaml", bad)).lines() == ["b.yaml:11: theme 'rivers': needs_keyword must be true or false"]
    none = GOOD_YAML.replace("    keywords: {es: [río], en: [river]}\n", "").replace(
        "  - id: rivers\n", "  - id: rivers\n    needs_keyword: true\n"
    )
    assert validate_taxonomy(write_file("n.yaml", none)).lines() == [
        "n.yaml:11: theme 'rivers': needs_keyword is true but the theme has no keywords, so it is never given"
    ]
