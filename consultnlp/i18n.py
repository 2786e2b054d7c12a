"""Fixed strings and number formats of the report in es, pt and en."""

from __future__ import annotations

from babel.numbers import format_decimal, format_percent

from consultnlp import schema

LOCALES = {"es": "es", "pt": "pt_BR", "en": "en"}
REPORT_LANGS = schema.LANGUAGES


def _s(es: str, pt: str, en: str) -> dict[str, str]:
    return {"es": es, "pt": pt, "en": en}


STRINGS: dict[str, dict[str, str]] = {
    "title": _s("Lo que escuchamos", "O que ouvimos", "What we heard"),
    "subtitle": _s("Análisis de {n} contribuciones a la consulta «{source}»", "Análise de {n} contribuições à consulta «{source}»",
                   "Analysis of {n} contributions to the consultation “{source}”"),
    "contents": _s("Contenido", "Conteúdo", "Contents"),
    # Section headings.
    "summary": _s("Resumen", "Resumo", "Summary"),
    "themes": _s("Temas", "Temas", "Themes"),
    "topics": _s("Tópicos encontrados", "Tópicos encontrados", "Topics found"),
    "findings": _s("Diferencias por segmento", "Diferenças por segmento", "Differences between groups"),
    "participation": _s("Quién participó", "Quem participou", "Who took part"),
    "campaigns": _s("Campañas organizadas", "Campanhas organizadas", "Organised campaigns"),
    "method": _s("Cómo se elaboró este informe", "Como este relatório foi produzido", "How this report was produced"),
    "annex": _s("Anexo: todos los temas", "Anexo: todos os temas", "Annex: all themes"),
    # Key figures.
    "fig_received": _s("contribuciones recibidas", "contribuições recebidas", "contributions received"),
    "fig_analysed": _s("analizadas", "analisadas", "analysed"),
    "fig_unique": _s("distintas (sin copias)", "distintas (sem cópias)", "distinct (without copies)"),
    "fig_themes": _s("temas mencionados", "temas mencionados", "themes raised"),
    "fig_topics": _s("tópicos", "tópicos", "topics"),
    # Column headers and labels.
    "contributions": _s("Contribuciones", "Contribuições", "Contributions"),
    "unique_contributions": _s("Distintas", "Distintas", "Distinct"),
    "share": _s("Proporción", "Proporção", "Share"),
    "topic": _s("Tópico", "Tópico", "Topic"),
    "theme": _s("Tema", "Tema", "Theme"),
    "language": _s("Idioma", "Idioma", "Language"),
    "languages": _s("Idiomas", "Idiomas", "Languages"),
    "keywords": _s("Palabras clave", "Palavras-chave", "Keywords"),
    "main_themes": _s("Temas principales", "Temas principais", "Main themes"),
    "related_topics": _s("Tópicos relacionados", "Tópicos relacionados", "Related topics"),
    "analysed": _s("Analizadas", "Analisadas", "Analysed"),
    "excluded": _s("Excluidas", "Excluídas", "Excluded"),
    "reason": _s("Concepto", "Item", "Item"),
    "rows": _s("Contribuciones", "Contribuições", "Contributions"),
    "with_subthemes": _s("(con sus subtemas)", "(com seus subtemas)", "(with its sub-themes)"),
    "group": _s("Grupo", "Grupo", "Group"),
    "in_segment": _s("En el grupo", "No grupo", "In the group"),
    "overall": _s("En total", "No total", "Overall"),
    "times": _s("Veces el promedio", "Vezes a média", "Times the average"),
    "setting": _s("Parámetro", "Parâmetro", "Setting"),
    "value": _s("Valor", "Valor", "Value"),
    "kind": _s("Tipo de dato", "Tipo de dado", "Kind of data"),
    "occurrences": _s("Apariciones", "Ocorrências", "Occurrences"),
    "blank": _s("(sin dato)", "(sem dado)", "(not given)"),
    "outliers": _s("Sin tópico claro", "Sem tópico claro", "No clear topic"),
    "other_theme": _s("Otros (ningún tema)", "Outros (nenhum tema)", "Other (no theme)"),
    "copies": _s("copias", "cópias", "copies"),
    "id": _s("id", "id", "id"),
    "input_rows": _s("Contribuciones recibidas", "Contribuições recebidas", "Contributions received"),
    "duplicate_copies": _s("Copias de otra contribución", "Cópias de outra contribuição", "Copies of another contribution"),
    # Chart titles.
    "chart_themes": _s("Proporción de contribuciones analizadas por tema", "Proporção de contribuições analisadas por tema",
                       "Share of analysed contributions by theme"),
    "chart_topics": _s("Proporción de contribuciones analizadas por tópico", "Proporção de contribuições analisadas por tópico",
                       "Share of analysed contributions by topic"),
    "chart_languages": _s("Contribuciones analizadas por idioma", "Contribuições analisadas por idioma", "Analysed contributions by language"),
    "chart_segment": _s("Contribuciones analizadas por {column}", "Contribuições analisadas por {column}", "Analysed contributions by {column}"),
    # Paragraphs.
    "themes_intro": _s(
        "Cada contribución se asignó a hasta {max} temas de la taxonomía «{taxonomy}» según las palabras clave que contiene. "
        "Los porcentajes se calculan sobre las {analysed} contribuciones analizadas; como una contribución puede tratar varios temas, no suman 100%.",
        "Cada contribuição foi associada a até {max} temas da taxonomia «{taxonomy}» conforme as palavras-chave que contém. "
        "As porcentagens são calculadas sobre as {analysed} contribuições analisadas; como uma contribuição pode tratar de vários temas, não somam 100%.",
        "Each contribution was assigned up to {max} themes of the “{taxonomy}” taxonomy from the keywords it contains. "
        "Shares are of the {analysed} analysed contributions; a contribution can raise several themes, so they do not add up to 100%."),
    "theme_counts": _s("{n} contribuciones ({unique} distintas), en {topics} tópicos.", "{n} contribuições ({unique} distintas), em {topics} tópicos.",
                       "{n} contributions ({unique} distinct), across {topics} topics."),
    "quotes_note": _s(
        "Las citas se muestran como se escribieron, en su idioma original y con los datos personales ocultados; su identificador permite encontrarlas en comments.csv.",
        "As citações aparecem como foram escritas, no idioma original e com os dados pessoais ocultados; o identificador permite encontrá-las em comments.csv.",
        "Quotes are shown as written, in their original language, with personal data redacted; their id finds them in comments.csv."),
    "themes_more": _s("Los demás temas, con menos contribuciones, figuran en el anexo.", "Os demais temas, com menos contribuições, estão no anexo.",
                      "The remaining, smaller themes are listed in the annex."),
    "topics_intro": _s(
        "Los tópicos se descubrieron automáticamente, agrupando contribuciones de significado parecido en cualquiera de los tres idiomas. "
        "Cada tópico se nombra con sus palabras más características, que conviene revisar antes de publicar.",
        "Os tópicos foram descobertos automaticamente, agrupando contribuições de sentido parecido em qualquer um dos três idiomas. "
        "Cada tópico é nomeado pelas suas palavras mais características, que convém revisar antes de publicar.",
        "Topics were discovered automatically by grouping contributions with similar meaning, in any of the three languages. "
        "Each topic is named after its most characteristic words, which should be reviewed before publishing."),
    "topic_counts": _s("{n} contribuciones ({unique} distintas). Idiomas: {langs}.", "{n} contribuições ({unique} distintas). Idiomas: {langs}.",
                       "{n} contributions ({unique} distinct). Languages: {langs}."),
    "findings_intro": _s(
        "Para cada {columns} y cada tema se comparó la proporción de contribuciones distintas del grupo con la del total "
        "(prueba χ² o exacta de Fisher con corrección de Holm, nivel {alpha}; las copias de una campaña cuentan una sola vez). "
        "Solo se informan diferencias estadísticamente significativas con al menos {min} contribuciones.",
        "Para cada {columns} e cada tema comparou-se a proporção de contribuições distintas do grupo com a do total "
        "(teste χ² ou exato de Fisher com correção de Holm, nível {alpha}; as cópias de uma campanha contam uma só vez). "
        "Só são relatadas diferenças estatisticamente significativas com pelo menos {min} contribuições.",
        "For each {columns} and each theme, the group's share of distinct contributions was compared with the overall share "
        "(χ² or Fisher's exact test with Holm's correction at level {alpha}; campaign copies count once). "
        "Only statistically significant differences with at least {min} contributions are reported."),
    "findings_none": _s("No se encontraron diferencias estadísticamente significativas entre grupos.",
                        "Não foram encontradas diferenças estatisticamente significativas entre grupos.",
                        "No statistically significant differences between groups were found."),
    "campaigns_intro": _s(
        "Una campaña es un grupo de {min} o más contribuciones con el mismo texto o casi el mismo. Cada copia se cuenta como contribución, "
        "pero el texto se analiza una sola vez, para que una campaña no pese más que su contenido en los temas y tópicos.",
        "Uma campanha é um grupo de {min} ou mais contribuições com o mesmo texto ou quase o mesmo. Cada cópia é contada como contribuição, "
        "mas o texto é analisado uma única vez, para que uma campanha não pese mais que seu conteúdo nos temas e tópicos.",
        "A campaign is a group of {min} or more contributions with the same or nearly the same text. Every copy counts as a contribution, "
        "but the text is analysed once, so that a campaign does not weigh more than its content in themes and topics."),
    "campaign_heading": _s("Campaña {id}: {n} contribuciones", "Campanha {id}: {n} contribuições", "Campaign {id}: {n} contributions"),
    "campaign_detail": _s("{variants} variantes del texto · {langs} · tópico: {topic} · temas: {themes}",
                          "{variants} variantes do texto · {langs} · tópico: {topic} · temas: {themes}",
                          "{variants} text variants · {langs} · topic: {topic} · themes: {themes}"),
    "campaign_origin": _s("Procedencia más frecuente", "Origem mais frequente", "Mostly from"),
    "accounting_intro": _s(
        "Todas las contribuciones recibidas están en comments.csv, en el orden original. Las que no se pudieron analizar se conservan con su motivo:",
        "Todas as contribuições recebidas estão em comments.csv, na ordem original. As que não puderam ser analisadas são mantidas com o motivo:",
        "Every contribution received is in comments.csv, in the original order. Those that could not be analysed are kept with the reason:"),
    "dedupe_text": _s(
        "Las contribuciones idénticas o casi idénticas se agrupan: todas se cuentan, y cada grupo se analiza una vez.",
        "Contribuições idênticas ou quase idênticas são agrupadas: todas são contadas, e cada grupo é analisado uma vez.",
        "Identical or nearly identical contributions are grouped: all are counted, and each group is analysed once."),
    "privacy_text": _s(
        "Los datos personales se reemplazaron por marcadores como [EMAIL] antes de cualquier análisis; las citas muestran solo el texto ocultado. "
        "Contribuciones con datos personales: {n}.",
        "Os dados pessoais foram substituídos por marcadores como [EMAIL] antes de qualquer análise; as citações mostram só o texto ocultado. "
        "Contribuições com dados pessoais: {n}.",
        "Personal data was replaced by placeholders such as [EMAIL] before any analysis; quotes show only the redacted text. "
        "Contributions with personal data: {n}."),
    "settings": _s("Configuración", "Configuração", "Settings"),
    "review": _s("Revisión de tópicos", "Revisão de tópicos", "Topic review"),
    "review_text": _s("Se aplicaron {n} cambios de la revisión de tópicos ({file}):", "Foram aplicadas {n} alterações da revisão de tópicos ({file}):",
                      "{n} changes from the topic review ({file}) were applied:"),
    "warnings": _s("Notas técnicas del análisis (en inglés)", "Notas técnicas da análise (em inglês)", "Technical notes from the analysis"),
    "limitations": _s("Limitaciones", "Limitações", "Limitations"),
    "limitation_auto": _s(
        "Tópicos y temas se asignan automáticamente y pueden contener errores: revise las citas y los nombres de los tópicos antes de publicar.",
        "Tópicos e temas são atribuídos automaticamente e podem conter erros: revise as citações e os nomes dos tópicos antes de publicar.",
        "Topics and themes are assigned automatically and can be wrong: check the quotes and the topic names before publishing."),
    "limitation_sample": _s(
        "Quienes participan en una consulta no son una muestra representativa de la población: las proporciones describen las contribuciones, no la opinión pública.",
        "Quem participa de uma consulta não é uma amostra representativa da população: as proporções descrevem as contribuições, não a opinião pública.",
        "People who take part in a consultation are not a representative sample of the population: shares describe the contributions, not public opinion."),
    "limitation_privacy": _s(
        "Los datos personales se ocultan con reglas y algunos casos pueden escaparse.",
        "Os dados pessoais são ocultados por regras e alguns casos podem escapar.",
        "Personal data is redacted by rules, and some cases may slip through."),
    "limitation_themes": _s(
        "Los temas se detectan por palabras clave: una contribución que trata un tema con otras palabras puede quedar en «Otros».",
        "Os temas são detectados por palavras-chave: uma contribuição que trata de um tema com outras palavras pode ficar em «Outros».",
        "Themes are detected by keywords: a contribution that raises a theme in other words may end up under “Other”."),
    "generated": _s("Generado el {date} con consultnlp {version}", "Gerado em {date} com consultnlp {version}", "Generated on {date} with consultnlp {version}"),
    # Sentences of the plain-language summary.
    "s_rows": _s(
        "Se recibieron {input} contribuciones; se analizaron {analysed} ({unique} distintas, sin contar copias) y se excluyeron {excluded} vacías, ilegibles o en otros idiomas.",
        "Foram recebidas {input} contribuições; {analysed} foram analisadas ({unique} distintas, sem contar cópias) e {excluded} vazias, ilegíveis ou em outros idiomas foram excluídas.",
        "{input} contributions were received; {analysed} were analysed ({unique} distinct, not counting copies) and {excluded} empty, unreadable or other-language ones were excluded."),
    "s_top_theme": _s(
        "El tema más frecuente fue «{name}» ({share} de las contribuciones analizadas), seguido de «{name2}» ({share2}) y «{name3}» ({share3}).",
        "O tema mais frequente foi «{name}» ({share} das contribuições analisadas), seguido de «{name2}» ({share2}) e «{name3}» ({share3}).",
        "The most frequent theme was “{name}” ({share} of analysed contributions), followed by “{name2}” ({share2}) and “{name3}” ({share3})."),
    "s_other": _s("El {share} de las contribuciones no coincidió con ningún tema de la taxonomía.",
                  "{share} das contribuições não corresponderam a nenhum tema da taxonomia.",
                  "{share} of contributions matched no theme of the taxonomy."),
    "s_topics": _s("El análisis encontró {n} tópicos; el mayor trata de «{label}» ({share}).",
                   "A análise encontrou {n} tópicos; o maior trata de «{label}» ({share}).",
                   "The analysis found {n} topics; the largest is about “{label}” ({share})."),
    "s_campaigns": _s(
        "Se detectaron {n} campañas organizadas que suman {rows} contribuciones ({share}); cada copia se cuenta, pero su texto se analiza una sola vez.",
        "Foram detectadas {n} campanhas organizadas que somam {rows} contribuições ({share}); cada cópia é contada, mas o texto é analisado uma única vez.",
        "{n} organised campaigns were detected, totalling {rows} contributions ({share}); each copy is counted, but the text is analysed once."),
    "s_languages": _s("Idiomas de las contribuciones analizadas: {langs}.", "Idiomas das contribuições analisadas: {langs}.",
                      "Languages of the analysed contributions: {langs}."),
    "s_finding": _s(
        "En «{segment}» ({column}), «{theme}» aparece {lift} veces más que en el total ({share} de sus contribuciones distintas frente a {overall}).",
        "Em «{segment}» ({column}), «{theme}» aparece {lift} vezes mais que no total ({share} das suas contribuições distintas contra {overall}).",
        "In “{segment}” ({column}), “{theme}” comes up {lift} times as often as overall ({share} of its distinct contributions vs {overall})."),
}

SETTINGS = {
    "embedder": _s("Representación del texto", "Representação do texto", "Text embedding"),
    "clustering": _s("Agrupamiento de tópicos", "Agrupamento de tópicos", "Topic clustering"),
    "min_topic_size": _s("Tamaño mínimo de un tópico", "Tamanho mínimo de um tópico", "Minimum topic size"),
    "taxonomy": _s("Taxonomía de temas", "Taxonomia de temas", "Theme taxonomy"),
    "languages": _s("Idiomas analizados", "Idiomas analisados", "Languages analysed"),
    "dedupe_threshold": _s("Similitud para casi duplicados", "Similaridade para quase duplicatas", "Near-duplicate similarity"),
    "campaign_min_size": _s("Tamaño mínimo de una campaña", "Tamanho mínimo de uma campanha", "Minimum campaign size"),
    "max_themes": _s("Máximo de temas por contribución", "Máximo de temas por contribuição", "Most themes per contribution"),
    "alpha": _s("Nivel de significación", "Nível de significância", "Significance level"),
    "random_state": _s("Semilla aleatoria", "Semente aleatória", "Random seed"),
}

PII_KINDS = {
    "EMAIL": _s("correo electrónico", "e-mail", "email address"),
    "PHONE": _s("teléfono", "telefone", "phone number"),
    "ADDRESS": _s("dirección", "endereço", "street address"),
    "NAME": _s("nombre de persona", "nome de pessoa", "person's name"),
}

LANGUAGE_NAMES = {
    "es": {"es": "español", "pt": "portugués", "en": "inglés", "other": "otros", "und": "indeterminado"},
    "pt": {"es": "espanhol", "pt": "português", "en": "inglês", "other": "outros", "und": "indeterminado"},
    "en": {"es": "Spanish", "pt": "Portuguese", "en": "English", "other": "other", "und": "undetermined"},
}

REASONS = {
    "empty": _s("vacía", "vazia", "empty"),
    "junk": _s("sin contenido legible", "sem conteúdo legível", "no readable content"),
    "too_short": _s("demasiado corta", "curta demais", "too short"),
    "language": _s("idioma no analizado", "idioma não analisado", "language not analysed"),
}


def t(key: str, lang: str, **values: object) -> str:
    """The string ``key`` in ``lang`` with ``values`` filled in."""
    text = STRINGS[key].get(lang) or STRINGS[key]["en"]
    return text.format(**values) if values else text


def number(value: float | int, lang: str, digits: int = 0) -> str:
    """1.234,5 (es/pt) or 1,234.5 (en)."""
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=LOCALES[lang])


def percent(value: float, lang: str, digits: int | None = None) -> str:
    """18,6% (es/pt) or 18.6% (en); without ``digits``, one decimal below 10% and none above."""
    if digits is None:
        digits = 1 if abs(value) < 0.1 and value != 0 else 0
    pattern = "#,##0" + ("." + "0" * digits if digits else "") + "%"
    return format_percent(value, format=pattern, locale=LOCALES[lang])


QUOTES = {"es": ("«", "»"), "pt": ("«", "»"), "en": ("“", "”")}


def quoted(text: str, lang: str) -> str:
    """``text`` in the quotation marks of ``lang``: «…» (es, pt) or “…” (en)."""
    left, right = QUOTES.get(lang, QUOTES["en"])
    return f"{left}{text}{right}"


def language_name(code: str, lang: str) -> str:
    return LANGUAGE_NAMES[lang].get(code, code)


def reason_name(code: str, lang: str) -> str:
    return REASONS.get(code, {}).get(lang, code)


def setting_name(key: str, lang: str) -> str:
    return SETTINGS.get(key, {}).get(lang, key)


def pii_name(kind: str, lang: str) -> str:
    return PII_KINDS.get(kind, {}).get(lang, kind)


def column_name(column: str) -> str:
    """A metadata column name as people read it: ``tipo_participante`` -> ``Tipo participante``."""
    text = str(column).replace("_", " ").strip()
    return text[:1].upper() + text[1:] if text else str(column)
