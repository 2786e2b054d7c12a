"""Catalogue entries of the themes section: how the themes were given, each theme's count, and the themes too small to
report as raised."""

from __future__ import annotations

from consultnlp.i18n.catalogue import _n, _s

# fmt: off
THEME_STRINGS: dict[str, dict] = {
    "themes_intro_zero_shot": _s(
        "Cada contribución se comparó con los temas de la taxonomía «{taxonomy}» por sus palabras clave y por su parecido con la "
        "descripción de cada tema; recibe hasta {max} temas.",
        "Cada contribuição foi comparada com os temas da taxonomia «{taxonomy}» pelas palavras-chave e pela semelhança com a "
        "descrição de cada tema; recebe até {max} temas.",
        "Each contribution was compared with the themes of the “{taxonomy}” taxonomy by their keywords and by its closeness to each "
        "theme's description; it gets up to {max} themes."),
    "themes_intro_keywords": _s(
        "Cada contribución recibe hasta {max} temas de la taxonomía «{taxonomy}» según las palabras clave que contiene.",
        "Cada contribuição recebe até {max} temas da taxonomia «{taxonomy}» conforme as palavras-chave que contém.",
        "Each contribution gets up to {max} themes of the “{taxonomy}” taxonomy from the keywords it contains."),
    "themes_intro_supervised": _s(
        "Cada contribución recibe hasta {max} temas de «{taxonomy}» de un clasificador entrenado con ejemplos etiquetados.",
        "Cada contribuição recebe até {max} temas de «{taxonomy}» de um classificador treinado com exemplos rotulados.",
        "Each contribution gets up to {max} themes of “{taxonomy}” from a classifier trained on labelled examples."),
    "theme_counts": _n(("1 contribución distinta.", "{unique} contribuciones distintas."), ("1 contribuição distinta.", "{unique} contribuições distintas."),
                       ("1 distinct contribution.", "{unique} distinct contributions.")),
    "themes_more": _s("Los demás temas, con menos contribuciones, figuran en el anexo.", "Os demais temas, com menos contribuições, estão no anexo.",
                      "The remaining, smaller themes are listed in the annex."),
    # Themes given to fewer than three distinct contributions are not reported as raised (claim check 76: «Fiscal openness»,
    # «Political finance» and «Local government», one contribution each, each a word read in another sense).
    "annex_themes_few": _n(
        ("1 de estos temas se asignó a menos de {min} contribuciones distintas: no se cuenta entre los temas mencionados.",
         "{n} de estos temas se asignaron a menos de {min} contribuciones distintas cada uno: no se cuentan entre los temas mencionados."),
        ("1 destes temas foi atribuído a menos de {min} contribuições distintas: não se conta entre os temas mencionados.",
         "{n} destes temas foram atribuídos a menos de {min} contribuições distintas cada um: não se contam entre os temas mencionados."),
        ("1 of these themes was given to fewer than {min} distinct contributions: it is not counted among the themes raised.",
         "{n} of these themes were given to fewer than {min} distinct contributions each: they are not counted among the themes raised."),
    ),
    # A theme listed with its sub-themes whose own count is under the minimum: the first screen does not count it (claim
    # checks 92 and 96: "34 themes raised" beside 38 rows less 3, "29 temas" beside 31).
    "annex_themes_heads": _n(
        ("1 tema que encabeza subtemas se asignó él mismo a menos de {min} contribuciones distintas: se cuenta por sus subtemas, "
         "no como tema mencionado.",
         "{n} temas que encabezan subtemas se asignaron ellos mismos a menos de {min} contribuciones distintas cada uno: se cuentan "
         "por sus subtemas, no como temas mencionados."),
        ("1 tema que encabeça subtemas foi atribuído ele mesmo a menos de {min} contribuições distintas: conta por seus subtemas, "
         "não como tema mencionado.",
         "{n} temas que encabeçam subtemas foram atribuídos eles mesmos a menos de {min} contribuições distintas cada um: contam "
         "por seus subtemas, não como temas mencionados."),
        ("1 theme that heads sub-themes was itself given to fewer than {min} distinct contributions: it counts through its "
         "sub-themes, not as a theme raised.",
         "{n} themes that head sub-themes were themselves given to fewer than {min} distinct contributions each: they count "
         "through their sub-themes, not as themes raised."),
    ),
    "themes_few": _n(
        ("1 tema más se asignó a menos de {min} contribuciones distintas, muy pocas para decir que se planteó: {names}. Figura en el anexo.",
         "{n} temas más se asignaron a menos de {min} contribuciones distintas cada uno, muy pocas para decir que se plantearon: {names}. "
         "Figuran en el anexo."),
        ("1 tema a mais foi atribuído a menos de {min} contribuições distintas, muito poucas para dizer que foi levantado: {names}. Está no anexo.",
         "{n} temas a mais foram atribuídos a menos de {min} contribuições distintas cada um, muito poucas para dizer que foram levantados: "
         "{names}. Estão no anexo."),
        ("1 more theme was given to fewer than {min} distinct contributions, too few to say it was raised: {names}. It is listed in the annex.",
         "{n} more themes were given to fewer than {min} distinct contributions each, too few to say they were raised: {names}. They are "
         "listed in the annex."),
    ),
    # Which self-evident differences were left out (claim check 77: "the biggest difference was removed, unnamed").
    "self_evident_which": _n(("Fue: {items}", "Fueron: {items}"), ("Foi: {items}", "Foram: {items}"), ("It was: {items}", "They were: {items}")),
    "self_evident_item": _s("{theme} en {segment} ({inside}, frente al {overall} del total)",
                            "{theme} em {segment} ({inside}, contra {overall} do total)",
                            "{theme} in {segment} ({inside}, against {overall} overall)"),
}
# fmt: on
