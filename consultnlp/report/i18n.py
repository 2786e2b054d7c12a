"""Fixed strings and number formats of the report in es, pt and en."""

from __future__ import annotations

from babel.numbers import format_decimal, format_percent

LOCALES = {"es": "es", "pt": "pt_BR", "en": "en"}

STRINGS: dict[str, dict[str, str]] = {
    "title": {"es": "Lo que escuchamos", "pt": "O que ouvimos", "en": "What we heard"},
    "subtitle": {
        "es": "Análisis de {n} contribuciones a la consulta «{source}»",
        "pt": "Análise de {n} contribuições à consulta «{source}»",
        "en": "Analysis of {n} contributions to the consultation “{source}”",
    },
    "summary": {"es": "Resumen", "pt": "Resumo", "en": "Summary"},
    "themes": {"es": "Temas de compromiso", "pt": "Temas de compromisso", "en": "Commitment themes"},
    "topics": {"es": "Tópicos encontrados", "pt": "Tópicos encontrados", "en": "Topics found"},
    "languages": {"es": "Idiomas", "pt": "Idiomas", "en": "Languages"},
    "participation": {"es": "Participación", "pt": "Participação", "en": "Participation"},
    "campaigns": {"es": "Campañas organizadas", "pt": "Campanhas organizadas", "en": "Organised campaigns"},
    "method": {"es": "Cómo se elaboró este informe", "pt": "Como este relatório foi produzido", "en": "How this report was produced"},
    "quotes": {"es": "Citas representativas", "pt": "Citações representativas", "en": "Representative quotes"},
    "keywords": {"es": "Palabras clave", "pt": "Palavras-chave", "en": "Keywords"},
    "contributions": {"es": "Contribuciones", "pt": "Contribuições", "en": "Contributions"},
    "unique_contributions": {"es": "Contribuciones únicas", "pt": "Contribuições únicas", "en": "Unique contributions"},
    "share": {"es": "Proporción", "pt": "Proporção", "en": "Share"},
    "topic": {"es": "Tópico", "pt": "Tópico", "en": "Topic"},
    "theme": {"es": "Tema", "pt": "Tema", "en": "Theme"},
    "language": {"es": "Idioma", "pt": "Idioma", "en": "Language"},
    "segment": {"es": "Segmento", "pt": "Segmento", "en": "Segment"},
    "reason": {"es": "Motivo", "pt": "Motivo", "en": "Reason"},
    "rows": {"es": "Filas", "pt": "Linhas", "en": "Rows"},
    "no_quotes": {"es": "Sin citas.", "pt": "Sem citações.", "en": "No quotes."},
    "outliers": {"es": "Sin tópico claro", "pt": "Sem tópico claro", "en": "No clear topic"},
    "other_theme": {"es": "Otros (ningún tema)", "pt": "Outros (nenhum tema)", "en": "Other (no theme)"},
    "copies": {"es": "copias", "pt": "cópias", "en": "copies"},
    "comment_id": {"es": "id", "pt": "id", "en": "id"},
    "findings": {"es": "Diferencias por segmento", "pt": "Diferenças por segmento", "en": "Differences by segment"},
    "accounting": {"es": "Contabilidad de filas", "pt": "Contabilidade de linhas", "en": "Row accounting"},
    "settings": {"es": "Configuración", "pt": "Configuração", "en": "Settings"},
    "limitations": {"es": "Limitaciones", "pt": "Limitações", "en": "Limitations"},
    "warnings": {"es": "Avisos", "pt": "Avisos", "en": "Warnings"},
    "excluded": {"es": "Excluidas", "pt": "Excluídas", "en": "Excluded"},
    "analysed": {"es": "Analizadas", "pt": "Analisadas", "en": "Analysed"},
    "input_rows": {"es": "Filas de entrada", "pt": "Linhas de entrada", "en": "Input rows"},
    "privacy": {"es": "Datos personales ocultados", "pt": "Dados pessoais ocultados", "en": "Personal data redacted"},
    "generated": {"es": "Generado el {date} con consultnlp {version}", "pt": "Gerado em {date} com consultnlp {version}", "en": "Generated on {date} with consultnlp {version}"},
    # Sentences of the plain-language summary.
    "s_rows": {
        "es": "Se recibieron {input} contribuciones; se analizaron {analysed} ({unique} distintas) y se excluyeron {excluded}.",
        "pt": "Foram recebidas {input} contribuições; {analysed} foram analisadas ({unique} distintas) e {excluded} foram excluídas.",
        "en": "{input} contributions were received; {analysed} were analysed ({unique} distinct) and {excluded} were excluded.",
    },
    "s_top_theme": {
        "es": "El tema más frecuente fue «{name}» ({share} de las contribuciones analizadas), seguido de «{name2}» ({share2}).",
        "pt": "O tema mais frequente foi «{name}» ({share} das contribuições analisadas), seguido de «{name2}» ({share2}).",
        "en": "The most frequent theme was “{name}” ({share} of analysed contributions), followed by “{name2}” ({share2}).",
    },
    "s_other": {
        "es": "El {share} de las contribuciones no coincidió con ningún tema de la taxonomía.",
        "pt": "{share} das contribuições não corresponderam a nenhum tema da taxonomia.",
        "en": "{share} of contributions matched no theme of the taxonomy.",
    },
    "s_topics": {
        "es": "El análisis encontró {n} tópicos; el mayor trata de «{label}» ({share}).",
        "pt": "A análise encontrou {n} tópicos; o maior trata de «{label}» ({share}).",
        "en": "The analysis found {n} topics; the largest is about “{label}” ({share}).",
    },
    "s_campaigns": {
        "es": "Se detectaron {n} campañas organizadas que suman {rows} contribuciones ({share}); cada campaña se cuenta, pero su texto se analiza una sola vez.",
        "pt": "Foram detectadas {n} campanhas organizadas que somam {rows} contribuições ({share}); cada campanha é contada, mas seu texto é analisado uma única vez.",
        "en": "{n} organised campaigns were detected, totalling {rows} contributions ({share}); each copy is counted, but the text is analysed once.",
    },
    "s_languages": {
        "es": "Idiomas: {langs}.",
        "pt": "Idiomas: {langs}.",
        "en": "Languages: {langs}.",
    },
    "s_finding": {
        "es": "En «{segment}» ({column}) se habla de «{theme}» {lift} veces más que el promedio ({share} frente a {overall}).",
        "pt": "Em «{segment}» ({column}) fala-se de «{theme}» {lift} vezes mais que a média ({share} contra {overall}).",
        "en": "In “{segment}” ({column}), “{theme}” comes up {lift} times more often than average ({share} vs {overall}).",
    },
    "limitation_text": {
        "es": "Los tópicos y temas se asignan automáticamente y pueden contener errores; revise las citas antes de publicar. Las contribuciones duplicadas se cuentan, pero se analizan una sola vez. Los datos personales se ocultan con reglas y pueden escaparse algunos casos.",
        "pt": "Tópicos e temas são atribuídos automaticamente e podem conter erros; revise as citações antes de publicar. Contribuições duplicadas são contadas, mas analisadas uma única vez. Dados pessoais são ocultados por regras e alguns casos podem escapar.",
        "en": "Topics and themes are assigned automatically and can be wrong; check the quotes before publishing. Duplicate contributions are counted but analysed once. Personal data is redacted by rules, and some cases may slip through.",
    },
}

LANGUAGE_NAMES = {
    "es": {"es": "español", "pt": "portugués", "en": "inglés", "other": "otros", "und": "indeterminado"},
    "pt": {"es": "espanhol", "pt": "português", "en": "inglês", "other": "outros", "und": "indeterminado"},
    "en": {"es": "Spanish", "pt": "Portuguese", "en": "English", "other": "other", "und": "undetermined"},
}

REASONS = {
    "empty": {"es": "vacía", "pt": "vazia", "en": "empty"},
    "junk": {"es": "sin contenido (basura)", "pt": "sem conteúdo (lixo)", "en": "no content (junk)"},
    "too_short": {"es": "demasiado corta", "pt": "curta demais", "en": "too short"},
    "language": {"es": "idioma no analizado", "pt": "idioma não analisado", "en": "language not analysed"},
}


def t(key: str, lang: str, **values: object) -> str:
    """The string ``key`` in ``lang`` with ``values`` filled in."""
    text = STRINGS[key].get(lang) or STRINGS[key]["en"]
    return text.format(**values) if values else text


def number(value: float | int, lang: str, digits: int = 0) -> str:
    """1.234,5 (es/pt) or 1,234.5 (en)."""
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=LOCALES[lang])


def percent(value: float, lang: str, digits: int = 0) -> str:
    pattern = "#,##0" + ("." + "0" * digits if digits else "") + "%"
    return format_percent(value, format=pattern, locale=LOCALES[lang])


def language_name(code: str, lang: str) -> str:
    return LANGUAGE_NAMES[lang].get(code, code)


def reason_name(code: str, lang: str) -> str:
    return REASONS.get(code, {}).get(lang, code)
