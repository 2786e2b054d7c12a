"""The workbook for people: sheet names, column headers and the "read me" sheet in es, pt and en.

``tables/*.csv`` and ``*.parquet`` keep stable snake_case names for machines; ``summary.xlsx``
shows the same tables under these names. Input column names (segments) are shown as written.
"""

from __future__ import annotations


def _s(es: str, pt: str, en: str) -> dict[str, str]:
    return {"es": es, "pt": pt, "en": en}


# Table -> (sheet name, what the sheet holds).
SHEETS: dict[str, tuple[dict[str, str], dict[str, str]]] = {
    "overview": (
        _s("Resumen", "Resumo", "Overview"),
        _s(
            "Cifras generales: contribuciones recibidas, analizadas, distintas, apartadas por motivo, campañas, asuntos y tópicos.",
            "Números gerais: contribuições recebidas, analisadas, distintas, separadas por motivo, campanhas, assuntos e tópicos.",
            "Headline numbers: contributions received, analysed, distinct, set aside by reason, campaigns, subjects and topics.",
        ),
    ),
    "languages": (
        _s("Idiomas", "Idiomas", "Languages"),
        _s("Contribuciones por idioma detectado.", "Contribuições por idioma detectado.", "Contributions by detected language."),
    ),
    "topic_groups": (
        _s("Asuntos", "Assuntos", "Subjects"),
        _s(
            "Los asuntos principales: cada uno reúne tópicos parecidos.",
            "Os assuntos principais: cada um reúne tópicos parecidos.",
            "The main subjects: each gathers similar topics.",
        ),
    ),
    "topics": (
        _s("Tópicos", "Tópicos", "Topics"),
        _s(
            "Cada tópico encontrado, con su asunto, tamaño, idiomas y palabras clave.",
            "Cada tópico encontrado, com seu assunto, tamanho, idiomas e palavras-chave.",
            "Every topic found, with its subject, size, languages and keywords.",
        ),
    ),
    "themes": (
        _s("Temas", "Temas", "Themes"),
        _s(
            "Cada tema de la taxonomía con las contribuciones que lo tratan.",
            "Cada tema da taxonomia com as contribuições que o tratam.",
            "Every theme of the taxonomy with the contributions that raise it.",
        ),
    ),
    "topic_theme": (
        _s("Tópicos y temas", "Tópicos e temas", "Topics and themes"),
        _s("Contribuciones de cada tópico por tema.", "Contribuições de cada tópico por tema.", "Contributions of each topic by theme."),
    ),
    "theme_segment": (
        _s("Diferencias", "Diferenças", "Differences"),
        _s(
            "Cada valor de segmento frente a cada tema: proporciones, prueba estadística, y si la diferencia es significativa y relevante.",
            "Cada valor de segmento diante de cada tema: proporções, teste estatístico, e se a diferença é significativa e relevante.",
            "Every segment value against every theme: shares, statistical test, and whether the difference is significant and material.",
        ),
    ),
    "key_points": (
        _s("Puntos clave", "Pontos-chave", "Key points"),
        _s(
            "Lo que dijeron las personas: frases textuales con el número mínimo de contribuciones que dicen lo mismo y sus identificadores.",
            "O que as pessoas disseram: frases literais com o número mínimo de contribuições que dizem o mesmo e seus identificadores.",
            "What people said: verbatim sentences with the least number of contributions that make the same point, and their ids.",
        ),
    ),
    "positions": (
        _s("Posturas", "Posições", "Positions"),
        _s(
            "Contribuciones a favor, de acuerdo en parte, en contra o sin postura expresa (las apartadas por expresar solo una postura cuentan).",
            "Contribuições a favor, de acordo em parte, contra ou sem posição expressa (as separadas por expressarem só uma posição contam).",
            "Contributions that support, agree in part, oppose or state no position (those set aside for stating only a position count).",
        ),
    ),
    "topic_positions": (
        _s("Posturas por asunto", "Posições por assunto", "Positions by subject"),
        _s(
            "Posturas de las contribuciones distintas analizadas de cada asunto y tópico.",
            "Posições das contribuições distintas analisadas de cada assunto e tópico.",
            "Positions of the distinct contributions analysed in each subject and topic.",
        ),
    ),
    "theme_positions": (
        _s("Posturas por tema", "Posições por tema", "Positions by theme"),
        _s(
            "Posturas de las contribuciones distintas analizadas de cada tema.",
            "Posições das contribuições distintas analisadas de cada tema.",
            "Positions of the distinct contributions analysed under each theme.",
        ),
    ),
    "position_segment": (
        _s("Posturas por segmento", "Posições por segmento", "Positions by segment"),
        _s(
            "Cada valor de segmento frente a cada postura, entre quienes expresan una: proporciones, prueba, y si la diferencia es significativa y relevante.",
            "Cada valor de segmento diante de cada posição, entre quem expressa uma: proporções, teste, e se a diferença é significativa e relevante.",
            "Every segment value against every position, among those stating one: shares, test, and whether the difference is significant and material.",
        ),
    ),
    "topic_votes": (
        _s("Votos", "Votos", "Votes"),
        _s(
            "Votos de otros participantes (de acuerdo / en desacuerdo) por asunto y tópico: proporción de acuerdo y división.",
            "Votos de outros participantes (concordo / discordo) por assunto e tópico: proporção de acordo e divisão.",
            "Other participants' votes (agree / disagree) by subject and topic: agreement share and division.",
        ),
    ),
    "quotes": (
        _s("Citas", "Citações", "Quotes"),
        _s(
            "Citas representativas de cada tópico y tema.",
            "Citações representativas de cada tópico e tema.",
            "Representative quotes of every topic and theme.",
        ),
    ),
    "campaigns": (
        _s("Campañas", "Campanhas", "Campaigns"),
        _s(
            "Textos enviados muchas veces, con su procedencia.",
            "Textos enviados muitas vezes, com sua origem.",
            "Texts sent many times, with where they came from.",
        ),
    ),
    "exclusions": (
        _s("Apartadas", "Separadas", "Set aside"),
        _s(
            "Contribuciones no analizadas, por motivo, con ejemplos.",
            "Contribuições não analisadas, por motivo, com exemplos.",
            "Contributions not analysed, by reason, with examples.",
        ),
    ),
    "privacy": (
        _s("Datos personales", "Dados pessoais", "Personal data"),
        _s(
            "Datos personales ocultados, por tipo (nunca los valores).",
            "Dados pessoais ocultados, por tipo (nunca os valores).",
            "Personal data redacted, by kind (never the values).",
        ),
    ),
}
SEGMENT_SHEET = (
    _s("Por {column}", "Por {column}", "By {column}"),
    _s("Contribuciones por valor de «{column}».", "Contribuições por valor de «{column}».", "Contributions by value of “{column}”."),
)
README = _s("Léame", "Leia-me", "Read me")
README_INTRO = _s(
    "Este libro reúne las tablas del análisis «{title}». Las mismas tablas están en tables/*.csv con nombres de columna estables para programas.",
    "Esta pasta reúne as tabelas da análise «{title}». As mesmas tabelas estão em tables/*.csv com nomes de coluna estáveis para programas.",
    "This workbook holds the tables of the analysis “{title}”. The same tables are in tables/*.csv with stable column names for programs.",
)
README_HEADERS = (_s("Hoja", "Planilha", "Sheet"), _s("Contenido", "Conteúdo", "What it holds"), _s("Archivo", "Arquivo", "File"))

COLUMNS: dict[str, dict[str, str]] = {
    "metric": _s("Indicador", "Indicador", "Measure"),
    "value": _s("Valor", "Valor", "Value"),
    "lang": _s("Idioma", "Idioma", "Language"),
    "contributions": _s("Contribuciones", "Contribuições", "Contributions"),
    "analysed": _s("Analizadas", "Analisadas", "Analysed"),
    "unique_contributions": _s("Distintas", "Distintas", "Distinct"),
    "excluded": _s("Apartadas", "Separadas", "Set aside"),
    "share": _s("Proporción", "Proporção", "Share"),
    "share_unique": _s("Proporción de distintas", "Proporção de distintas", "Share of distinct"),
    "share_of_analysed": _s("Proporción de analizadas", "Proporção de analisadas", "Share of analysed"),
    "share_of_unique": _s("Proporción de distintas", "Proporção de distintas", "Share of distinct"),
    "topic_group_id": _s("Asunto (id)", "Assunto (id)", "Subject (id)"),
    "topic_group_label": _s("Asunto", "Assunto", "Subject"),
    "label": _s("Nombre", "Nome", "Name"),
    "topics": _s("Tópicos", "Tópicos", "Topics"),
    "topic_ids": _s("Tópicos (ids)", "Tópicos (ids)", "Topics (ids)"),
    "topic_labels": _s("Tópicos (nombres)", "Tópicos (nomes)", "Topics (names)"),
    "naming_words": _s("Palabras del nombre que lo distinguen", "Palavras do nome que o distinguem", "Words of the name that set it apart"),
    "most_by_one": _s("Escritas por quien más escribió", "Escritas por quem mais escreveu", "Written by the one who wrote most"),
    "most_by_organiser": _s("Esa cuenta es la del organizador", "Essa conta é a do organizador", "That account is the organiser's"),
    "contributions_naming_it": _s("Las mencionan", "As mencionam", "Mention them"),
    "naming_rarest_word": _s("Su palabra menos usada", "A palavra menos usada", "Its least used word"),
    "contributions_naming_rarest": _s("La mencionan", "A mencionam", "Mention it"),
    "contributions_using_name": _s("Usan alguna palabra del nombre", "Usam alguma palavra do nome", "Use a word of the name"),
    "title_words": _s("Palabras del título de la consulta", "Palavras do título da consulta", "Words of the consultation's title"),
    "title_users": _s("Las usan (distintas)", "As usam (distintas)", "Use them (distinct)"),
    "title_named": _s("El título de la consulta lo nombra", "O título da consulta o nomeia", "The consultation's title names it"),
    "contributions_in_name_language": _s(
        "Escritas en el idioma del nombre (si no todas)",
        "Escritas no idioma do nome (se não todas)",
        "Written in the name's language (if not all)",
    ),
    "topic_id": _s("Tópico (id)", "Tópico (id)", "Topic (id)"),
    "topic_label": _s("Tópico", "Tópico", "Topic"),
    "languages": _s("Idiomas", "Idiomas", "Languages"),
    "lang_share_es": _s("Proporción en español", "Proporção em espanhol", "Share in Spanish"),
    "lang_share_pt": _s("Proporción en portugués", "Proporção em português", "Share in Portuguese"),
    "lang_share_en": _s("Proporción en inglés", "Proporção em inglês", "Share in English"),
    "keywords": _s("Palabras clave", "Palavras-chave", "Keywords"),
    "keywords_es": _s("Palabras clave (español)", "Palavras-chave (espanhol)", "Keywords (Spanish)"),
    "keywords_pt": _s("Palabras clave (portugués)", "Palavras-chave (português)", "Keywords (Portuguese)"),
    "keywords_en": _s("Palabras clave (inglés)", "Palavras-chave (inglês)", "Keywords (English)"),
    "top_themes": _s("Temas principales (ids)", "Temas principais (ids)", "Main themes (ids)"),
    "top_theme_names": _s("Temas principales", "Temas principais", "Main themes"),
    "theme_id": _s("Tema (id)", "Tema (id)", "Theme (id)"),
    "theme_name": _s("Tema", "Tema", "Theme"),
    "name": _s("Nombre", "Nome", "Name"),
    "parent": _s("Tema padre (id)", "Tema pai (id)", "Parent theme (id)"),
    "parent_name": _s("Tema padre", "Tema pai", "Parent theme"),
    "unique_with_subthemes": _s("Distintas con subtemas", "Distintas com subtemas", "Distinct with sub-themes"),
    "share_of_unique_with_subthemes": _s("Proporción con subtemas", "Proporção com subtemas", "Share with sub-themes"),
    "share_of_topic": _s("Proporción del tópico", "Proporção do tópico", "Share of the topic"),
    "share_of_theme": _s("Proporción del tema", "Proporção do tema", "Share of the theme"),
    "segment_column": _s("Segmento", "Segmento", "Segment"),
    "segment": _s("Valor", "Valor", "Value"),
    "level": _s("Nivel", "Nível", "Level"),
    "segment_size": _s("Contribuciones del valor", "Contribuições do valor", "Contributions of the value"),
    "segment_unique": _s("Distintas del valor", "Distintas do valor", "Distinct of the value"),
    "share_in_segment": _s("Proporción en el valor", "Proporção no valor", "Share in the value"),
    "share_overall": _s("Proporción total", "Proporção total", "Share overall"),
    "share_in_segment_with_duplicates": _s(
        "Proporción en el valor (con copias)", "Proporção no valor (com cópias)", "Share in the value (with copies)"
    ),
    "share_overall_with_duplicates": _s("Proporción total (con copias)", "Proporção total (com cópias)", "Share overall (with copies)"),
    "lift": _s("Veces el total", "Vezes o total", "Times overall"),
    "expected": _s("Esperadas", "Esperadas", "Expected"),
    "test": _s("Prueba", "Teste", "Test"),
    "p_value": _s("Valor p", "Valor p", "p-value"),
    "p_adjusted": _s("Valor p ajustado (Holm)", "Valor p ajustado (Holm)", "p-value adjusted (Holm)"),
    "significant": _s("Significativa", "Significativa", "Significant"),
    "material": _s("Relevante", "Relevante", "Material"),
    "scope": _s("Tipo", "Tipo", "Kind"),
    "group_id": _s("Grupo (id)", "Grupo (id)", "Group (id)"),
    "group_name": _s("Grupo", "Grupo", "Group"),
    "rank": _s("Orden", "Ordem", "Rank"),
    "comment_id": _s("Contribución (id)", "Contribuição (id)", "Contribution (id)"),
    "dup_count": _s("Copias", "Cópias", "Copies"),
    "quote": _s("Cita", "Citação", "Quote"),
    "statement": _s("Frase", "Frase", "Statement"),
    "comment_ids": _s("Contribuciones distintas (ids)", "Contribuições distintas (ids)", "Distinct contributions (ids)"),
    "campaign_id": _s("Campaña", "Campanha", "Campaign"),
    "distinct_variants": _s("Variantes", "Variantes", "Variants"),
    "themes": _s("Temas (ids)", "Temas (ids)", "Themes (ids)"),
    "representative_id": _s("Texto representativo (id)", "Texto representativo (id)", "Representative text (id)"),
    "representative_text": _s("Texto representativo", "Texto representativo", "Representative text"),
    "variant_examples": _s("Ejemplos de variantes", "Exemplos de variantes", "Variant examples"),
    "reason": _s("Motivo", "Motivo", "Reason"),
    "stage": _s("Etapa", "Etapa", "Stage"),
    "rows": _s("Contribuciones", "Contribuições", "Contributions"),
    "share_of_input": _s("Proporción de recibidas", "Proporção de recebidas", "Share of received"),
    "example_comment_ids": _s("Ejemplos (ids)", "Exemplos (ids)", "Examples (ids)"),
    "kind": _s("Tipo de dato", "Tipo de dado", "Kind of data"),
    "checked": _s("Buscado", "Procurado", "Looked for"),
    "public_id": _s("Identificador publicado", "Identificador publicado", "Published id"),
    "occurrences": _s("Apariciones", "Ocorrências", "Occurrences"),
    "comments": _s("Contribuciones", "Contribuições", "Contributions"),
    "topic": _s("Tópico", "Tópico", "Topic"),
    "position": _s("Postura", "Posição", "Position"),
    "set_aside": _s("Apartadas (solo postura)", "Separadas (só posição)", "Set aside (position only)"),
    "share_of_stated": _s("Proporción de quienes expresan postura", "Proporção de quem expressa posição", "Share of those stating one"),
    "on_a_target": _s("Sobre una medida o asunto concreto", "Sobre uma medida ou assunto concreto", "About a particular measure or matter"),
    "on_the_whole": _s("Sobre la propuesta en su conjunto", "Sobre a proposta como um todo", "About the proposal as a whole"),
    "share_of_whole": _s(
        "Proporción de las posturas sobre la propuesta en su conjunto",
        "Proporção das posições sobre a proposta como um todo",
        "Share of positions on the proposal as a whole",
    ),
    "id": _s("Id", "Id", "Id"),
    "support": _s("A favor", "A favor", "Support"),
    "partial": _s("De acuerdo en parte", "De acordo em parte", "Agree in part"),
    "oppose": _s("En contra", "Contra", "Oppose"),
    "none": _s("Sin postura expresa", "Sem posição expressa", "No stated position"),
    "stated": _s("Con postura", "Com posição", "Stating one"),
    "share_stated": _s("Proporción con postura", "Proporção com posição", "Share stating one"),
    "share_support": _s("A favor (de quienes expresan postura)", "A favor (de quem expressa posição)", "Support (of those stating one)"),
    "share_partial": _s("En parte (de quienes expresan postura)", "Em parte (de quem expressa posição)", "In part (of those stating one)"),
    "share_oppose": _s("En contra (de quienes expresan postura)", "Contra (de quem expressa posição)", "Oppose (of those stating one)"),
    "comments_with_votes": _s("Contribuciones con votos", "Contribuições com votos", "Contributions with votes"),
    "votes": _s("Votos", "Votos", "Votes"),
    "agrees": _s("Votos de acuerdo", "Votos de acordo", "Agree votes"),
    "disagrees": _s("Votos en desacuerdo", "Votos em desacordo", "Disagree votes"),
    "agreement": _s("Proporción de acuerdo", "Proporção de acordo", "Agreement share"),
    "division": _s("División (0-1)", "Divisão (0-1)", "Division (0-1)"),
    # reasons (issue 26: every exclusion reason told as it is): the expression that set rows aside.
    "rule": _s("Regla", "Regra", "Rule"),
    # prompts (issue 26, item 1): what a key point's contributions answer (a concept, a proposal, a question).
    "prompt": _s("En respuesta a", "Em resposta a", "In reply to"),
}
TOP_VALUE = _s("Valor más frecuente de {column}", "Valor mais frequente de {column}", "Most frequent {column}")
TOP_SHARE = _s(
    "Proporción del valor más frecuente de {column}", "Proporção do valor mais frequente de {column}", "Share of the most frequent {column}"
)


def sheet_title(table: str, lang: str, segment_column: str | None = None) -> str:
    """The sheet name of ``table`` in ``lang`` (a segment table: "Por <column>")."""
    if segment_column is not None:
        return SEGMENT_SHEET[0][lang].format(column=segment_column)
    names = SHEETS.get(table)
    return names[0][lang] if names else table


def sheet_description(table: str, lang: str, segment_column: str | None = None) -> str:
    if segment_column is not None:
        return SEGMENT_SHEET[1][lang].format(column=segment_column)
    names = SHEETS.get(table)
    return names[1][lang] if names else ""


def column_header(column: str, lang: str, segment_columns: list[str]) -> str:
    """A column as people read it in ``lang``; input columns (and values of them) as written."""
    if column in COLUMNS:
        return COLUMNS[column][lang]
    for segment in segment_columns:
        if column == f"top_{segment}":
            return TOP_VALUE[lang].format(column=segment)
        if column == f"top_{segment}_share":
            return TOP_SHARE[lang].format(column=segment)
    return column


METRICS: dict[str, dict[str, str]] = {
    "contributions": _s("Contribuciones recibidas", "Contribuições recebidas", "Contributions received"),
    "analysed": _s("Analizadas", "Analisadas", "Analysed"),
    "unique_contributions": _s("Distintas analizadas", "Distintas analisadas", "Distinct analysed"),
    "duplicate_copies": _s("Copias de otra contribución", "Cópias de outra contribuição", "Copies of another contribution"),
    "excluded": _s("Apartadas", "Separadas", "Set aside"),
    "campaigns": _s("Campañas", "Campanhas", "Campaigns"),
    "campaign_contributions": _s("Contribuciones de campañas", "Contribuições de campanhas", "Campaign contributions"),
    "campaign_unique_contributions": _s(
        "Contribuciones distintas de campañas", "Contribuições distintas de campanhas", "Distinct campaign contributions"
    ),
    "topics": _s("Tópicos", "Tópicos", "Topics"),
    "topic_groups": _s("Asuntos", "Assuntos", "Subjects"),
    "outlier_share": _s("Proporción sin tópico claro", "Proporção sem tópico claro", "Share with no clear topic"),
    "share_with_theme": _s("Proporción con algún tema", "Proporção com algum tema", "Share with a theme"),
    "comments_with_personal_data": _s(
        "Contribuciones con datos personales", "Contribuições com dados pessoais", "Contributions with personal data"
    ),
}
EXCLUDED_METRIC = _s("Apartadas: {reason}", "Separadas: {reason}", "Set aside: {reason}")

# Votes (Pol.is): opinion groups, consensus and division (``consultnlp.summary.votes``).
SHEETS.update(
    {
        "opinion_groups": (
            _s("Grupos de opinión", "Grupos de opinião", "Opinion groups"),
            _s(
                "Grupos de opinión formados por los votos: participantes y las afirmaciones que distinguen a cada grupo.",
                "Grupos de opinião formados pelos votos: participantes e as afirmações que distinguem cada grupo.",
                "Opinion groups formed from the votes: participants and the statements that set each group apart.",
            ),
        ),
        "participant_groups": (
            _s("Participantes por grupo", "Participantes por grupo", "Participants by group"),
            _s(
                "El grupo de opinión de cada participante con votos suficientes.",
                "O grupo de opinião de cada participante com votos suficientes.",
                "The opinion group of each participant who voted enough.",
            ),
        ),
        "statement_votes": (
            _s("Votos por afirmación", "Votos por afirmação", "Votes by statement"),
            _s(
                "Votos de cada afirmación, en total y por grupo: de acuerdo, en desacuerdo, pasar; si hay consenso o división.",
                "Votos de cada afirmação, no total e por grupo: concordo, discordo, passo; se há consenso ou divisão.",
                "Votes on each statement, overall and per group: agree, disagree, pass; whether it is consensus or divisive.",
            ),
        ),
        "group_statements": (
            _s("Lo que distingue a cada grupo", "O que distingue cada grupo", "What sets each group apart"),
            _s(
                "Afirmaciones con las que un grupo está de acuerdo (o en desacuerdo) más que los demás.",
                "Afirmações com as quais um grupo concorda (ou discorda) mais que os demais.",
                "Statements a group agrees (or disagrees) with more than the others.",
            ),
        ),
    }
)
COLUMNS.update(
    {
        "group": _s("Grupo", "Grupo", "Group"),
        "participants": _s("Participantes", "Participantes", "Participants"),
        "sets_apart": _s("Lo distinguen", "O distinguem", "Sets it apart"),
        "silhouette": _s("Silueta", "Silhueta", "Silhouette"),
        "participant": _s("Participante", "Participante", "Participant"),
        "text": _s("Texto", "Texto", "Text"),
        "by_organiser": _s("Escrita por el organizador", "Escrita pelo organizador", "Written by the organiser"),
        "reworded_from": _s(
            "Reformulada por el organizador, a partir de", "Reformulada pelo organizador, a partir de", "Reworded by the organiser, from"
        ),
        "profile": _s("Pregunta sobre quién participa", "Pergunta sobre quem participa", "Question about who took part"),
        "seen": _s("Votos (sin el del autor)", "Votos (sem o do autor)", "Votes (not the author's)"),
        "author_voted": _s(
            "El autor votó su afirmación (no contado)",
            "O autor votou a sua afirmação (não contado)",
            "The author voted on it (not counted)",
        ),
        "agree": _s("De acuerdo", "Concordam", "Agree"),
        "disagree": _s("En desacuerdo", "Discordam", "Disagree"),
        "pass": _s("Pasan", "Passam", "Pass"),
        "agree_share": _s("Proporción de acuerdo", "Proporção que concorda", "Agree share"),
        "disagree_share": _s("Proporción en desacuerdo", "Proporção que discorda", "Disagree share"),
        "pass_share": _s("Proporción que pasa", "Proporção que passa", "Pass share"),
        "consensus": _s("Consenso", "Consenso", "Consensus"),
        "divisive": _s("Divide", "Divide", "Divisive"),
        "direction": _s("Sentido", "Sentido", "Direction"),
        "share_in_group": _s("En el grupo", "No grupo", "In the group"),
        "share_outside": _s("Fuera del grupo", "Fora do grupo", "Outside the group"),
        "z": _s("z", "z", "z"),
    }
)

# Targets of stated positions (issue 25, stance): ``consultnlp.summary.positions.position_targets_table``.
SHEETS.update(
    {
        "position_targets": (
            _s("Objeto de las posturas", "Objeto das posições", "What positions are about"),
            _s(
                "Para cada postura, la medida o parte de la propuesta a la que se refiere («cerrar los consultorios», «el peaje»): contribuciones "
                "distintas y el asunto donde está la mayoría de ellas.",
                "Para cada posição, a medida ou parte da proposta a que se refere («o corte de verbas», «o pedágio»): contribuições distintas e o "
                "assunto onde está a maioria delas.",
                "For each position, the measure or part of the proposal it is about (“the toll”, “closing the clinics”): distinct contributions "
                "and the subject most of them fall in.",
            ),
        ),
    }
)
COLUMNS.update(
    {
        "target": _s("Objeto", "Objeto", "Target"),
        "group_label": _s("Asunto", "Assunto", "Subject"),
        "group_contributions": _s("Contribuciones en el asunto", "Contribuições no assunto", "Contributions in the subject"),
    }
)

# The most supported contributions (issue 25, item 4): ``consultnlp.summary.supports.most_supported_table``.
SHEETS.update(
    {
        "most_supported": (
            _s("Más apoyadas", "Mais apoiadas", "Most supported"),
            _s(
                "Las contribuciones distintas con más apoyos en la plataforma (votos, apoyos o adhesiones; los de sus copias sumados), con su "
                "asunto y el comienzo del texto. Un apoyo no es una postura sobre el texto de la consulta.",
                "As contribuições distintas mais apoiadas na plataforma (votos, apoios ou endossos; os de suas cópias somados), com seu assunto "
                "e o início do texto. Um apoio não é uma posição sobre o texto da consulta.",
                "The distinct contributions with the most supports on the platform (votes, supports or endorsements; their copies' added), with "
                "their subject and the start of the text. A support is not a position on the consultation's text.",
            ),
        ),
    }
)
COLUMNS.update(
    {
        "supports": _s("Apoyos", "Apoios", "Supports"),
        "excerpt": _s("Comienzo del texto", "Início do texto", "Start of the text"),
        "opening": _s("Comienzo compartido", "Início compartilhado", "Shared opening"),
        "opening_count": _s(
            "Contribuciones largas con ese comienzo", "Contribuições longas com esse início", "Long contributions with that opening"
        ),
    }
)
