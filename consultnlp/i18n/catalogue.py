"""The localisation catalogue: each entry in Spanish, Portuguese and English.

An entry is a format string, or a dict with ``one`` and ``other`` forms for a count.
"""

from __future__ import annotations


def _s(es: str, pt: str, en: str) -> dict[str, str]:
    return {"es": es, "pt": pt, "en": en}


def _n(es: tuple[str, str], pt: tuple[str, str], en: tuple[str, str]) -> dict[str, dict[str, str]]:
    """An entry with a singular and a plural form in each language."""
    return {lang: {"one": one, "other": other} for lang, (one, other) in (("es", es), ("pt", pt), ("en", en))}


STRINGS: dict[str, dict] = {
    "title": _s("Lo que escuchamos", "O que ouvimos", "What we heard"),
    "contents": _s("Contenido", "Conteúdo", "Contents"),
    "generated": _s("Generado el {date} con consultnlp {version}", "Gerado em {date} com consultnlp {version}", "Generated on {date} with consultnlp {version}"),
    "and": _s("y", "e", "and"),
    "yes": _s("sí", "sim", "yes"),
    "no": _s("no", "não", "no"),
    # Section headings.
    "summary": _s("Resumen", "Resumo", "Summary"),
    "groups": _s("Lo que dijeron las personas", "O que as pessoas disseram", "What people said"),
    "themes": _s("Temas de gobierno abierto", "Temas de governo aberto", "Open government themes"),
    "findings": _s("Diferencias entre grupos de participantes", "Diferenças entre grupos de participantes", "Differences between groups of participants"),
    "findings_contributions": _s(
        "Diferencias entre grupos de contribuciones", "Diferenças entre grupos de contribuições", "Differences between groups of contributions"
    ),
    "participation": _s("Quién participó", "Quem participou", "Who took part"),
    "campaigns": _s("Campañas organizadas", "Campanhas organizadas", "Organised campaigns"),
    "method": _s("Cómo se elaboró este informe", "Como este relatório foi produzido", "How this report was produced"),
    "annex": _s("Anexo", "Anexo", "Annex"),
    "annex_topics": _s("Todos los tópicos, por asunto", "Todos os tópicos, por assunto", "Every topic, by subject"),
    "annex_themes": _s("Todos los temas", "Todos os temas", "Every theme"),
    # Key figures.
    "fig_received": _n(
        ("contribución recibida", "contribuciones recibidas"), ("contribuição recebida", "contribuições recebidas"),
        ("contribution received", "contributions received"),
    ),
    "fig_groups": _n(("asunto principal", "asuntos principales"), ("assunto principal", "assuntos principais"), ("main subject", "main subjects")),
    "fig_themes": _n(("tema mencionado", "temas mencionados"), ("tema mencionado", "temas mencionados"), ("theme raised", "themes raised")),
    # Column headers and labels.
    "contributions": _s("Contribuciones", "Contribuições", "Contributions"),
    "unique_contributions": _s("Distintas", "Distintas", "Distinct"),
    "unique_contributions_long": _s("Contribuciones distintas analizadas", "Contribuições distintas analisadas", "Distinct contributions analysed"),
    "share": _s("Proporción", "Proporção", "Share"),
    "topic": _s("Tópico", "Tópico", "Topic"),
    "topics_heading": _s("Tópicos", "Tópicos", "Topics"),
    "group_heading": _s("Asunto", "Assunto", "Subject"),
    # Beside one contribution: the subject it was grouped in, which need not be what it is about (claim check 81: a proposal
    # on the agroecologist's profession shown under «Incêndios florestais e licenciamento ambiental»).
    "grouped_in_heading": _s("Asunto en que se agrupó", "Assunto em que foi agrupada", "Subject it was grouped in"),
    "theme": _s("Tema", "Tema", "Theme"),
    "language": _s("Idioma", "Idioma", "Language"),
    "languages": _s("Idiomas", "Idiomas", "Languages"),
    "analysed": _s("Analizadas", "Analisadas", "Analysed"),
    "excluded": _s("Apartadas", "Separadas", "Set aside"),
    "reason": _s("Concepto", "Item", "Item"),
    "rows": _s("Contribuciones", "Contribuições", "Contributions"),
    "with_subthemes": _s("(con sus subtemas)", "(com seus subtemas)", "(with its sub-themes)"),
    "setting": _s("Parámetro", "Parâmetro", "Setting"),
    "value": _s("Valor", "Valor", "Value"),
    "kind": _s("Tipo de dato", "Tipo de dado", "Kind of data"),
    "occurrences": _s("Apariciones", "Ocorrências", "Occurrences"),
    "blank": _s("(sin dato)", "(sem dado)", "(not given)"),
    "outliers": _s("Sin tópico claro", "Sem tópico claro", "No clear topic"),
    "other_theme": _s("Otros (ningún tema)", "Outros (nenhum tema)", "Other (no theme)"),
    "input_rows": _s("Contribuciones recibidas", "Contribuições recebidas", "Contributions received"),
    "duplicate_copies": _s("Copias de otra contribución", "Cópias de outra contribuição", "Copies of another contribution"),
    "campaign": _s("Campaña", "Campanha", "Campaign"),
    "variants": _s("Variantes", "Variantes", "Variants"),
    "text": _s("Texto", "Texto", "Text"),
    # Chart titles.
    "chart_groups": _s("Proporción de contribuciones distintas por asunto", "Proporção de contribuições distintas por assunto",
                       "Share of distinct contributions by subject"),
    "chart_groups_largest": _s("Proporción de contribuciones distintas, los {n} asuntos más grandes",
                               "Proporção de contribuições distintas, os {n} maiores assuntos",
                               "Share of distinct contributions, the {n} largest subjects"),
    "chart_themes": _s("Proporción de contribuciones distintas por tema", "Proporção de contribuições distintas por tema",
                       "Share of distinct contributions by theme"),
    "chart_segment": _s("Contribuciones distintas por {column}", "Contribuições distintas por {column}", "Distinct contributions by {column}"),
    # Groups of topics.
    "groups_intro": _s(
        "Las {unique} contribuciones distintas se agruparon automáticamente en {topics} tópicos de significado parecido, reunidos en "
        "{groups} asuntos. Cada nombre es una frase tomada de las propias contribuciones: conviene revisarlos antes de publicar.",
        "As {unique} contribuições distintas foram agrupadas automaticamente em {topics} tópicos de sentido parecido, reunidos em "
        "{groups} assuntos. Cada nome é uma frase tirada das próprias contribuições: convém revisá-los antes de publicar.",
        "The {unique} distinct contributions were grouped automatically into {topics} topics of similar meaning, gathered into "
        "{groups} subjects. Each name is a phrase taken from the contributions themselves: check them before publishing."),
    "group_counts": _n(("1 contribución (1 distinta).", "{n} contribuciones ({unique} distintas)."),
                       ("1 contribuição (1 distinta).", "{n} contribuições ({unique} distintas)."),
                       ("1 contribution (1 distinct).", "{n} contributions ({unique} distinct).")),
    "group_campaigns": _n(("Incluye 1 campaña organizada ({list}).", "Incluye {n} campañas organizadas ({list})."),
                          ("Inclui 1 campanha organizada ({list}).", "Inclui {n} campanhas organizadas ({list})."),
                          ("Includes 1 organised campaign ({list}).", "Includes {n} organised campaigns ({list}).")),
    "group_campaign_item": _n(("{id}, 1 contribución", "{id}, {n} contribuciones"), ("{id}, 1 contribuição", "{id}, {n} contribuições"),
                              ("{id}, 1 contribution", "{id}, {n} contributions")),
    "subtopics": _s("Tópicos: {list}.", "Tópicos: {list}.", "Topics: {list}."),
    "and_more": _n(("y 1 más", "y {n} más"), ("e mais 1", "e mais {n}"), ("and 1 more", "and {n} more")),
    "groups_more": _n(("El asunto restante", "Los {n} asuntos restantes"), ("O assunto restante", "Os {n} assuntos restantes"),
                      ("The remaining subject", "The remaining {n} subjects")),
    "share_base": _s(
        "Todas las proporciones de contribuciones de este informe se calculan sobre las {unique} contribuciones distintas analizadas (las copias de "
        "una misma contribución cuentan una vez); como una contribución puede tratar varios temas, no suman 100%.",
        "Todas as proporções de contribuições deste relatório são calculadas sobre as {unique} contribuições distintas analisadas (as cópias de uma "
        "mesma contribuição contam uma vez); como uma contribuição pode tratar de vários temas, não somam 100%.",
        "Every share of contributions in this report is of the {unique} distinct contributions analysed (copies of one contribution count once); "
        "a contribution can raise several themes, so shares do not add up to 100%."),
    # Differences between groups.
    "findings_intro": _s(
        "Para cada valor de {columns} y cada tema se comparó la proporción de contribuciones distintas con la del total (prueba χ² o "
        "exacta de Fisher con corrección de Holm, nivel {alpha}). Una diferencia se informa solo si además es relevante: al menos {min} "
        "contribuciones distintas y {points} puntos porcentuales por encima del total, en un valor informado. Se muestran las {max} mayores como máximo.",
        "Para cada valor de {columns} e cada tema comparou-se a proporção de contribuições distintas com a do total (teste χ² ou "
        "exato de Fisher com correção de Holm, nível {alpha}). Uma diferença só é relatada se também for relevante: pelo menos {min} "
        "contribuições distintas e {points} pontos percentuais acima do total, num valor informado. Mostram-se no máximo as {max} maiores.",
        "For each value of {columns} and each theme, the share of distinct contributions was compared with the overall share (χ² or "
        "Fisher's exact test with Holm's correction at level {alpha}). A difference is reported only if it also matters: at least {min} "
        "distinct contributions and {points} percentage points above the overall share, for a value that was given. At most the {max} largest are shown."),
    "findings_none": _s("Ninguna diferencia entre grupos fue a la vez estadísticamente significativa y de tamaño relevante.",
                        "Nenhuma diferença entre grupos foi ao mesmo tempo estatisticamente significativa e de tamanho relevante.",
                        "No difference between groups was both statistically significant and large enough to report."),
    # Who took part and campaigns.
    "values_more": _n(("Un valor más figura en {table}.", "{n} valores más figuran en {table}."), ("Mais um valor está em {table}.", "Mais {n} valores estão em {table}."),
                      ("One more value is in {table}.", "{n} more values are in {table}.")),
    "campaigns_more": _n(("Una campaña más, más pequeña, figura en {table}.", "{n} campañas más, más pequeñas, figuran en {table}."),
                         ("Mais uma campanha, menor, está em {table}.", "Mais {n} campanhas, menores, estão em {table}."),
                         ("One more, smaller campaign is in {table}.", "{n} more, smaller campaigns are in {table}.")),
    "campaigns_intro": _s(
        "Una campaña es un texto de al menos {words} palabras enviado {min} o más veces, idéntico o casi. Cada copia se cuenta como "
        "contribución, pero el texto se analiza una sola vez, para que una campaña no pese más que su contenido.",
        "Uma campanha é um texto de pelo menos {words} palavras enviado {min} ou mais vezes, idêntico ou quase. Cada cópia é contada como "
        "contribuição, mas o texto é analisado uma única vez, para que uma campanha não pese mais que seu conteúdo.",
        "A campaign is a text of at least {words} words sent {min} or more times, the same or nearly so. Every copy counts as a "
        "contribution, but the text is analysed once, so that a campaign does not weigh more than its content."),
    "campaign_heading": _n(("Campaña {id}: 1 contribución", "Campaña {id}: {n} contribuciones"), ("Campanha {id}: 1 contribuição", "Campanha {id}: {n} contribuições"),
                           ("Campaign {id}: 1 contribution", "Campaign {id}: {n} contributions")),
    "campaign_origin": _s("Procedencia más frecuente", "Origem mais frequente", "Mostly from"),
    # How the report was produced.
    "accounting_intro": _s(
        "Todas las contribuciones recibidas están en comments.csv, en el orden original. Las que no se analizaron se conservan con su motivo:",
        "Todas as contribuições recebidas estão em comments.csv, na ordem original. As que não foram analisadas são mantidas com o motivo:",
        "Every contribution received is in comments.csv, in the original order. Those not analysed are kept with the reason:"),
    # Nothing set aside: no reason to announce (the Plano Clima claim check of stop 40 read the sentence above over a table
    # without one).
    "accounting_intro_all": _s(
        "Todas las contribuciones recibidas están en comments.csv, en el orden original, y todas se analizaron:",
        "Todas as contribuições recebidas estão em comments.csv, na ordem original, e todas foram analisadas:",
        "Every contribution received is in comments.csv, in the original order, and all were analysed:"),
    "set_aside_text": _s(
        "Se apartan las respuestas sin contenido propio: marcadores como «Sin fundamento», «en blanco» o «ver documento adjunto», y "
        "posturas sin razones como «acuerdo total» o «unánime». Se cuentan, pero no se analizan como contenido. Las listas de palabras usadas se publican con consultnlp, para quien quiera revisarlas.",
        "São separadas as respostas sem conteúdo próprio: marcadores como «Sem fundamento», «em branco» ou «ver anexo», e posições "
        "sem razões como «concordo plenamente» ou «unanimidade». São contadas, mas não analisadas como conteúdo. As listas de palavras usadas são publicadas com o consultnlp, para quem quiser revisá-las.",
        "Answers without content of their own are set aside: placeholders such as “no comment”, “blank” or “see attached”, and positions "
        "without a reason such as “I agree”. They are counted, but not analysed as content. The word lists used are published with consultnlp, for anyone who wants to review them."),
    "dedupe_text": _s(
        "Las contribuciones idénticas o casi idénticas se agrupan: todas se cuentan, y cada grupo se analiza una vez.",
        "Contribuições idênticas ou quase idênticas são agrupadas: todas são contadas, e cada grupo é analisado uma vez.",
        "Identical or nearly identical contributions are grouped: all are counted, and each group is analysed once."),
    "naming_text": _s(
        "Los tópicos se nombran con la frase de sus contribuciones que mejor los representa; un asunto, con su tópico mayor y el siguiente "
        "que añada otras palabras, dejando para el final los de nombre poco representativo (cada asunto lista todos sus tópicos). Un asunto de varios tópicos cuyo nombre usan menos de una cuarta parte de sus contribuciones se presenta por sus tópicos (“A”, “B” y 2 tópicos más). Los nombres se fijan al analizar; solo cambian en topics_review.yaml.",
        "Os tópicos são nomeados pela frase das suas contribuições que melhor os representa; um assunto, pelo seu maior tópico e o seguinte "
        "que acrescente outras palavras, deixando para o fim os de nome pouco representativo (cada assunto lista todos os seus tópicos). Um assunto de vários tópicos cujo nome menos de um quarto das suas contribuições usa é apresentado pelos seus tópicos (“A”, “B” e mais 2 tópicos). Os nomes são fixados na análise; só mudam em topics_review.yaml.",
        "Topics are named with the phrase from their own contributions that represents them best; a subject after its largest topic and "
        "the next that adds other words, loosely named topics coming after the others (each subject lists all its topics). A subject of several topics whose name fewer than a quarter of its contributions use is shown by its topics (“A”, “B” and 2 other topics). Names are fixed at analysis time; only topics_review.yaml changes them."),
    "privacy_text": _s(
        "Los datos personales se reemplazaron por marcadores como [EMAIL] antes de cualquier análisis; las citas muestran solo el texto ocultado. "
        "Contribuciones con datos personales: {n}.",
        "Os dados pessoais foram substituídos por marcadores como [EMAIL] antes de qualquer análise; as citações mostram só o texto ocultado. "
        "Contribuições com dados pessoais: {n}.",
        "Personal data was replaced by placeholders such as [EMAIL] before any analysis; quotes show only the redacted text. "
        "Contributions with personal data: {n}."),
    "privacy_kinds": _s("Datos personales ocultados, por tipo:", "Dados pessoais ocultados, por tipo:", "Personal data redacted, by kind:"),
    "privacy_not_found": _s("También se buscó, sin encontrarlo: {kinds}.", "Também se procurou, sem encontrar: {kinds}.", "Also looked for, none found: {kinds}."),
    "privacy_none_found": _s("Se buscó, sin encontrar ninguno: {kinds}.", "Procurou-se, sem encontrar nenhum: {kinds}.", "Looked for, none found: {kinds}."),
    "privacy_off": _s(
        "Por decisión del equipo (redact.kinds), no se buscaron ni ocultaron: {kinds}. Revise las citas antes de publicar.",
        "Por decisão da equipe (redact.kinds), não foram procurados nem ocultados: {kinds}. Revise as citações antes de publicar.",
        "By the team's choice (redact.kinds), these were not looked for or redacted: {kinds}. Check the quotes before publishing."),
    "settings": _s("Configuración", "Configuração", "Settings"),
    "review_text": _n(("Se aplicó 1 cambio de la revisión de tópicos ({file}):", "Se aplicaron {n} cambios de la revisión de tópicos ({file}):"),
                      ("Foi aplicada 1 alteração da revisão de tópicos ({file}):", "Foram aplicadas {n} alterações da revisão de tópicos ({file}):"),
                      ("1 change from the topic review ({file}) was applied:", "{n} changes from the topic review ({file}) were applied:")),
    "audit_rename": _s("Tópico {topic_id} renombrado: «{from}» → «{to}»", "Tópico {topic_id} renomeado: «{from}» → «{to}»",
                       "Topic {topic_id} renamed: “{from}” → “{to}”"),
    "audit_merge": _s("Tópico {topic_id} unido al tópico {into} ({rows} contribuciones)", "Tópico {topic_id} unido ao tópico {into} ({rows} contribuições)",
                      "Topic {topic_id} merged into topic {into} ({rows} contributions)"),
    "audit_hide": _s("Tópico {topic_id} ocultado ({rows} contribuciones pasan a «sin tópico claro»)",
                     "Tópico {topic_id} ocultado ({rows} contribuições passam a «sem tópico claro»)",
                     "Topic {topic_id} hidden ({rows} contributions moved to “no clear topic”)"),
    "audit_split_off": _s("Del tópico {topic_id} se separaron {rows} contribuciones al tópico {new_topic_id} ({label})",
                          "Do tópico {topic_id} foram separadas {rows} contribuições para o tópico {new_topic_id} ({label})",
                          "{rows} contributions split off topic {topic_id} into topic {new_topic_id} ({label})"),
    "warnings": _s("Notas técnicas del análisis", "Notas técnicas da análise", "Technical notes from the analysis"),
    "limitations": _s("Limitaciones", "Limitações", "Limitations"),
    "limitation_auto": _s(
        "Tópicos, temas y puntos clave se asignan automáticamente y pueden contener errores: revise las citas y los nombres antes de publicar.",
        "Tópicos, temas e pontos-chave são atribuídos automaticamente e podem conter erros: revise as citações e os nomes antes de publicar.",
        "Topics, themes and key points are assigned automatically and can be wrong: check the quotes and the names before publishing."),
    "limitation_sample": _s(
        "Quienes participan en una consulta no son una muestra representativa de la población: las proporciones describen las contribuciones, no la opinión pública.",
        "Quem participa de uma consulta não é uma amostra representativa da população: as proporções descrevem as contribuições, não a opinião pública.",
        "People who take part in a consultation are not a representative sample of the population: shares describe the contributions, not public opinion."),
    "limitation_privacy": _s(
        "Los datos personales se ocultan con reglas y algunos casos pueden escaparse.",
        "Os dados pessoais são ocultados por regras e alguns casos podem escapar.",
        "Personal data is redacted by rules, and some cases may slip through."),
    "limitation_themes": _s(
        "Una contribución que trata un tema con palabras que la taxonomía no prevé puede quedar sin tema.",
        "Uma contribuição que trata de um tema com palavras que a taxonomia não prevê pode ficar sem tema.",
        "A contribution that raises a theme in words the taxonomy does not foresee may get no theme."),
    # Sentences of the plain-language summary.
    "s_rows": _n(
        ("Se recibió {input} contribución; se analizaron {analysed} ({unique} distintas).",
         "Se recibieron {input} contribuciones; se analizaron {analysed} ({unique} distintas, sin contar copias)."),
        ("Foi recebida {input} contribuição; {analysed} foram analisadas ({unique} distintas).",
         "Foram recebidas {input} contribuições; {analysed} foram analisadas ({unique} distintas, sem contar cópias)."),
        ("{input} contribution was received; {analysed} were analysed ({unique} distinct).",
         "{input} contributions were received; {analysed} were analysed ({unique} distinct, not counting copies).")),
    # "the largest", not "the most discussed": a subject groups contributions whose name may speak for only part of them.
    "s_top_groups": _n(("El único asunto encontrado es {names}.", "De los {n} asuntos encontrados, los que reúnen más contribuciones son {names}."),
                       ("O único assunto encontrado é {names}.", "Dos {n} assuntos encontrados, os que reúnem mais contribuições são {names}."),
                       ("The only subject found is {names}.", "Of the {n} subjects found, those that group the most contributions are {names}.")),
    "theme_led_by": _s("encabezado por {name}, {share}", "encabeçado por {name}, {share}", "led by {name}, {share}"),
    "s_top_themes": _s("Los temas más frecuentes fueron {names}.", "Os temas mais frequentes foram {names}.", "The most frequent themes were {names}."),
    # Readers took "matched no theme" for "off the subject"; most of these rows are on the subject (Pol.is readings:
    # 6 of 8 and 7 of 8 drawn), the tagger only found no theme of its list close enough.
    "s_other": _s("El etiquetado no asignó ningún tema de la taxonomía al {share} de las contribuciones distintas; eso no significa que se aparten de la consulta: ninguno de sus temas quedó lo bastante cerca.",
                  "A marcação não atribuiu nenhum tema da taxonomia a {share} das contribuições distintas; isso não significa que fujam da consulta: nenhum dos temas ficou próximo o bastante.",
                  "The tagger gave no theme of the taxonomy to {share} of distinct contributions; that does not make them off the subject: none of its themes came close enough."),
    "s_campaigns": _n(
        ("Se detectó 1 campaña organizada que suma {rows} contribuciones ({share}); cada copia se cuenta, pero su texto se analiza una sola vez.",
         "Se detectaron {n} campañas organizadas que suman {rows} contribuciones ({share}); cada copia se cuenta, pero su texto se analiza una sola vez."),
        ("Foi detectada 1 campanha organizada que soma {rows} contribuições ({share}); cada cópia é contada, mas o texto é analisado uma única vez.",
         "Foram detectadas {n} campanhas organizadas que somam {rows} contribuições ({share}); cada cópia é contada, mas o texto é analisado uma única vez."),
        ("1 organised campaign was detected, totalling {rows} contributions ({share}); each copy is counted, but the text is analysed once.",
         "{n} organised campaigns were detected, totalling {rows} contributions ({share}); each copy is counted, but the text is analysed once.")),
    "s_languages": _s("Idiomas de las contribuciones analizadas: {langs}.", "Idiomas das contribuições analisadas: {langs}.",
                      "Languages of the analysed contributions: {langs}."),
    "s_finding": _s(
        "En «{segment}» ({column}), «{theme}» aparece en el {share} de las contribuciones distintas ({n}), frente al {overall} del total.",
        "Em «{segment}» ({column}), «{theme}» aparece em {share} das contribuições distintas ({n}), contra {overall} no total.",
        "In “{segment}” ({column}), “{theme}” comes up in {share} of distinct contributions ({n}), against {overall} overall."),
    "s_no_findings": _s(
        "Ninguna diferencia entre grupos de participantes fue a la vez significativa y de tamaño relevante.",
        "Nenhuma diferença entre grupos de participantes foi ao mesmo tempo significativa e de tamanho relevante.",
        "No difference between groups of participants was both significant and large enough to report."),
    # Technical notes recorded during the run (consultnlp.i18n.Note).
    "note_truncated": _n(
        ("1 contribución tiene más de {max} caracteres; se recortó para el análisis (el texto original se conserva).",
         "{n} contribuciones tienen más de {max} caracteres; se recortaron para el análisis (el texto original se conserva)."),
        ("1 contribuição tem mais de {max} caracteres; foi cortada para a análise (o texto original é mantido).",
         "{n} contribuições têm mais de {max} caracteres; foram cortadas para a análise (o texto original é mantido)."),
        ("1 contribution is longer than {max} characters; it was cut for the analysis (the original text is kept).",
         "{n} contributions are longer than {max} characters; they were cut for the analysis (the original text is kept).")),
    "note_split_parts": _s(
        "{n} contribuciones dicen ser parte de una más larga («Parte 1/2»): cada parte se cuenta, se analiza y se cita como una contribución.",
        "{n} contribuições dizem ser parte de uma mais longa («Parte 1/2»): cada parte é contada, analisada e citada como uma contribuição.",
        "{n} contributions say they are part of a longer one (“Part 1/2”): each part is counted, analysed and quoted as a contribution."),
    "note_language_excluded": _n(
        ("1 contribución se apartó por su idioma ({counts}); idiomas analizados: {languages}.",
         "{n} contribuciones se apartaron por su idioma ({counts}); idiomas analizados: {languages}."),
        ("1 contribuição foi separada pelo idioma ({counts}); idiomas analisados: {languages}.",
         "{n} contribuições foram separadas pelo idioma ({counts}); idiomas analisados: {languages}."),
        ("1 contribution was set aside for its language ({counts}); languages analysed: {languages}.",
         "{n} contributions were set aside for their language ({counts}); languages analysed: {languages}.")),
    "note_set_aside": _s(
        # Counts first, words after: «1 respostas» read wrong in a report (a claim check of PNDBio 2025).
        "Apartadas: respuestas sin contenido, {non_answer}; posturas sin razones, {no_argument} (tables/exclusions.csv las cuenta).",
        "Separadas: respostas sem conteúdo, {non_answer}; posições sem razões, {no_argument} (tables/exclusions.csv as conta).",
        "Set aside: non-answers, {non_answer}; positions without a reason, {no_argument} (counted in tables/exclusions.csv)."),
    "note_group_column_unset": _s(
        "El modelo de temas conoce las etiquetas de cada pregunta, pero no se indicó la columna de pregunta: se permitió cualquier etiqueta.",
        "O modelo de temas conhece os rótulos de cada pergunta, mas a coluna de pergunta não foi indicada: qualquer rótulo foi permitido.",
        "The theme model knows each question's labels, but no question column was given: every label was allowed."),
    "note_group_column_ignored": _s(
        "Se ignoró la columna de pregunta «{column}»: el modelo de temas se entrenó sin ella.",
        "A coluna de pergunta «{column}» foi ignorada: o modelo de temas foi treinado sem ela.",
        "The question column “{column}” was ignored: the theme model was trained without one."),
    "note_unknown_groups": _n(
        ("1 contribución tiene un valor de «{column}» que el modelo no vio ({values}); puede recibir cualquier etiqueta.",
         "{n} contribuciones tienen un valor de «{column}» que el modelo no vio ({values}); pueden recibir cualquier etiqueta."),
        ("1 contribuição tem um valor de «{column}» que o modelo não viu ({values}); pode receber qualquer rótulo.",
         "{n} contribuições têm um valor de «{column}» que o modelo não viu ({values}); podem receber qualquer rótulo."),
        ("1 contribution has a “{column}” value the model never saw ({values}); it may get any label.",
         "{n} contributions have a “{column}” value the model never saw ({values}); they may get any label.")),
    "note_pseudonymised": _s(
        "Las columnas {columns} contienen datos personales (correos, teléfonos o documentos): los archivos publicados muestran "
        "seudónimos estables en su lugar; la clave para reconocerlos queda en private/state/ y private/comments.* conserva los valores.",
        "As colunas {columns} contêm dados pessoais (e-mails, telefones ou documentos): os arquivos publicados mostram "
        "pseudônimos estáveis no lugar; a chave para reconhecê-los fica em private/state/ e private/comments.* mantém os valores.",
        "The columns {columns} hold personal data (e-mails, phones or identity numbers): published files show stable "
        "pseudonyms instead; the key to recognise them stays in private/state/, and private/comments.* keeps the values."),
    "note_nothing_to_model": _s("No quedó ninguna contribución para agrupar en tópicos.", "Não restou nenhuma contribuição para agrupar em tópicos.",
                                "No contribution was left to group into topics."),
    "note_small_corpus": _s(
        "Solo {n} contribuciones distintas: muy pocas para agrupar por densidad (se necesitan {needed}); se usó en su lugar un método más simple (k-medias), que con tan pocas puede no encontrar más de un asunto.",
        "Só {n} contribuições distintas: poucas demais para agrupar por densidade (são necessárias {needed}); usou-se em seu lugar um método mais simples (k-médias), que com tão poucas pode não encontrar mais de um assunto.",
        "Only {n} distinct contributions: too few for density clustering (it needs {needed}); a simpler method (k-means) was used instead, which with so few may find no more than one subject."),
    # Setting values.
    "value_umap_hdbscan": _s("UMAP + HDBSCAN", "UMAP + HDBSCAN", "UMAP + HDBSCAN"),
    "value_umap_kmeans": _s("UMAP + k-medias", "UMAP + k-médias", "UMAP + k-means"),
    "value_kmeans": _s("k-medias", "k-médias", "k-means"),
    "value_use_multilingual": _s("Universal Sentence Encoder multilingüe", "Universal Sentence Encoder multilíngue", "multilingual Universal Sentence Encoder"),
    "value_tfidf_svd": _s("TF-IDF + SVD", "TF-IDF + SVD", "TF-IDF + SVD"),
    "value_zero_shot": _s("palabras clave y parecido con la descripción", "palavras-chave e semelhança com a descrição", "keywords and closeness to the description"),
    "value_keywords": _s("palabras clave", "palavras-chave", "keywords"),
    "value_supervised": _s("clasificador entrenado", "classificador treinado", "trained classifier"),
    # Exchange files (qdpx, consul) and `consultnlp compare`.
    "theme_codes": _s("Temas", "Temas", "Themes"),
    "theme_codes_description": _s("Temas de la taxonomía, asignados por consultnlp.", "Temas da taxonomia, atribuídos pelo consultnlp.",
                                  "Themes of the taxonomy, assigned by consultnlp."),
    "topic_codes": _s("Tópicos", "Tópicos", "Topics"),
    "topic_codes_description": _s("Tópicos encontrados por consultnlp, agrupados por asunto.", "Tópicos encontrados pelo consultnlp, agrupados por assunto.",
                                  "Topics found by consultnlp, grouped by subject."),
    "topic_group_description": _s("Asunto: reúne tópicos parecidos.", "Assunto: reúne tópicos parecidos.", "Subject: gathers similar topics."),
    "qdpx_source": _s("contribuciones, parte", "contribuições, parte", "contributions, part"),
    "consul_comments": _n(("{n} comentario analizado.", "{n} comentarios analizados."), ("{n} comentário analisado.", "{n} comentários analisados."),
                          ("{n} comment analysed.", "{n} comments analysed.")),
    "consul_topics": _s("Tópicos: {items}.", "Tópicos: {items}.", "Topics: {items}."),
    "consul_themes": _s("Temas: {items}.", "Temas: {items}.", "Themes: {items}."),
    "cmp_title": _s("Qué cambió entre dos análisis", "O que mudou entre duas análises", "What changed between two analyses"),
    "cmp_intro": _s("A: «{a}». B: «{b}». Las proporciones son de las contribuciones analizadas de cada análisis; los cambios, en puntos.",
                    "A: «{a}». B: «{b}». As proporções são das contribuições analisadas de cada análise; as mudanças, em pontos.",
                    "A: “{a}”. B: “{b}”. Shares are of each analysis' analysed contributions; changes are in points."),
    "cmp_overview": _s("Cifras generales", "Números gerais", "Headline numbers"),
    "cmp_measure": _s("Indicador", "Indicador", "Measure"),
    "cmp_change": _s("Cambio", "Mudança", "Change"),
    "cmp_points": _s("pts", "p.p.", "pts"),
    "cmp_set_aside": _s("Apartadas", "Separadas", "Set aside"),
    "cmp_metric_input": _s("Contribuciones recibidas", "Contribuições recebidas", "Contributions received"),
    "cmp_metric_analysed": _s("Contribuciones analizadas", "Contribuições analisadas", "Contributions analysed"),
    "cmp_metric_topics": _s("Tópicos", "Tópicos", "Topics"),
    "cmp_metric_campaigns": _s("Campañas", "Campanhas", "Campaigns"),
    "cmp_topics": _s("Tópicos", "Tópicos", "Topics"),
    "cmp_topics_counts": _s("{kept} tópicos siguen, {new} son nuevos y {gone} ya no aparecen.", "{kept} tópicos continuam, {new} são novos e {gone} não aparecem mais.",
                            "{kept} topics continue, {new} are new and {gone} are gone."),
    "cmp_method_centres": _s("Dos tópicos son el mismo si sus centros se parecen al menos {threshold} (coseno).",
                             "Dois tópicos são o mesmo se seus centros se parecem ao menos {threshold} (cosseno).",
                             "Two topics are the same when their centres are at least {threshold} alike (cosine)."),
    "cmp_method_keywords": _s("Los análisis usaron modelos de texto distintos: los tópicos se emparejan por sus palabras clave (Jaccard ≥ {threshold}).",
                              "As análises usaram modelos de texto diferentes: os tópicos são pareados pelas palavras-chave (Jaccard ≥ {threshold}).",
                              "The analyses used different text models: topics are paired by their keywords (Jaccard ≥ {threshold})."),
    "cmp_status": _s("Estado", "Situação", "Status"),
    "cmp_kept": _s("sigue", "continua", "continues"),
    "cmp_new": _s("nuevo", "novo", "new"),
    "cmp_gone": _s("ya no aparece", "não aparece mais", "gone"),
    "cmp_topic_a": _s("Tópico en A", "Tópico em A", "Topic in A"),
    "cmp_topic_b": _s("Tópico en B", "Tópico em B", "Topic in B"),
    "cmp_themes": _s("Temas", "Temas", "Themes"),
    "cmp_themes_note": _s("Los temas se comparan por su identificador; primero los que más cambiaron.",
                          "Os temas são comparados pelo identificador; primeiro os que mais mudaram.",
                          "Themes are compared by id; those that changed most come first."),
    "cmp_campaigns": _s("Campañas organizadas", "Campanhas organizadas", "Organised campaigns"),
    "cmp_no_campaigns": _s("Ninguno de los dos análisis encontró campañas.", "Nenhuma das duas análises encontrou campanhas.",
                           "Neither analysis found campaigns."),
    "cmp_text": _s("Texto", "Texto", "Text"),
    # Issue 26, keypoints: a subject where too few contributions make the same point says what it holds, never "N say".
    "subject_examples": _n(("{subject} (1 contribución), por ejemplo:", "{subject} ({n} contribuciones), por ejemplo:"),
                           ("{subject} (1 contribuição), por exemplo:", "{subject} ({n} contribuições), por exemplo:"),
                           ("{subject} (1 contribution), for example:", "{subject} ({n} contributions), for example:")),
    # prompts (issue 26, item 1): the prompt a key point answers, shown with its statement.
    "point_on_prompt": _s("sobre {prompt}", "sobre {prompt}", "on {prompt}"),
    # privacy (issue 21): the private/ folder and the final check before the results are kept.
    "private_folder": _s(
        "Todo lo que está en la carpeta de resultados fuera de private/ puede publicarse tal cual; private/ guarda el texto original, "
        "las columnas personales y la clave de los seudónimos, y no debe publicarse.",
        "Tudo o que está na pasta de resultados fora de private/ pode ser publicado como está; private/ guarda o texto original, "
        "as colunas pessoais e a chave dos pseudônimos, e não deve ser publicada.",
        "Everything in the results folder outside private/ can be published as it is; private/ holds the original text, "
        "the personal columns and the pseudonym key, and must not be published."),
    "privacy_gate": _s(
        "Antes de guardar los resultados, una revisión final buscó datos personales y valores de columnas personales en {files} archivos publicables: "
        "encontró y ocultó {found}.",
        "Antes de salvar os resultados, uma verificação final procurou dados pessoais e valores de colunas pessoais em {files} arquivos publicáveis: "
        "encontrou e ocultou {found}.",
        "Before the results were kept, a final check looked for personal data and values of personal columns in {files} publishable files: "
        "it found and redacted {found}."),
    "privacy_gate_where": _s("Lo que encontró: {items}.", "O que encontrou: {items}.", "What it found: {items}."),
    "privacy_metadata": _s(
        "Valores de segmento con datos personales mostrados como marcador: {values}; encabezados de columna con datos personales "
        "reemplazados por un nombre neutro: {headers}.",
        "Valores de segmento com dados pessoais mostrados como marcador: {values}; cabeçalhos de coluna com dados pessoais "
        "substituídos por um nome neutro: {headers}.",
        "Segment values holding personal data shown as a placeholder: {values}; column headers holding personal data "
        "replaced by a neutral name: {headers}."),
    # Task "groups" (issue 26, items 5, 7, 8): self-evident findings, group review, group names.
    "self_evident_dropped": _n(
        ("Se omitió 1 diferencia evidente por definición: el valor del segmento nombra el tema o una de sus palabras clave.",
         "Se omitieron {n} diferencias evidentes por definición: el valor del segmento nombra el tema o una de sus palabras clave."),
        ("Foi omitida 1 diferença evidente por definição: o valor do segmento nomeia o tema ou uma de suas palavras-chave.",
         "Foram omitidas {n} diferenças evidentes por definição: o valor do segmento nomeia o tema ou uma de suas palavras-chave."),
        ("1 difference was left out as self-evident: the segment value names the theme or one of its keywords.",
         "{n} differences were left out as self-evident: the segment value names the theme or one of its keywords.")),
    "audit_group_rename": _s("Asunto {group_id} renombrado: «{from}» → «{to}»", "Assunto {group_id} renomeado: «{from}» → «{to}»",
                             "Subject {group_id} renamed: “{from}” → “{to}”"),
    "audit_group_move": _s("Tópico {topic_id} trasladado del asunto {from_group} al asunto {to_group}",
                           "Tópico {topic_id} transferido do assunto {from_group} para o assunto {to_group}",
                           "Topic {topic_id} moved from subject {from_group} to subject {to_group}"),
    # Inner quotes: the report quotes a group's name «…» in its sentences.
    "group_name_and_others": _n(("“{a}”, “{b}” y 1 tópico más", "“{a}”, “{b}” y {n} tópicos más"),
                                ("“{a}”, “{b}” e mais 1 tópico", "“{a}”, “{b}” e mais {n} tópicos"),
                                ("“{a}”, “{b}” and 1 other topic", "“{a}”, “{b}” and {n} other topics")),
    "group_name_pair": _s("“{a}” y “{b}”", "“{a}” e “{b}”", "“{a}” and “{b}”"),
}

SETTINGS = {
    "embedder": _s("Representación del texto", "Representação do texto", "Text embedding"),
    "clustering": _s("Agrupamiento de tópicos", "Agrupamento de tópicos", "Topic clustering"),
    # A setting of the clustering, not a size every topic keeps (claim check 55: «Small holdings», 14, beside "15").
    "min_topic_size": _s(
        "Tamaño mínimo de un tópico al agrupar (las reasignaciones posteriores pueden dejar uno más pequeño)",
        "Tamanho mínimo de um tópico ao agrupar (as reatribuições posteriores podem deixar um menor)",
        "Minimum topic size when clustering (members reassigned afterwards can leave a topic smaller)",
    ),
    "taxonomy": _s("Taxonomía de temas", "Taxonomia de temas", "Theme taxonomy"),
    "languages": _s(
        "Idiomas que la herramienta lee (los demás se apartan)", "Idiomas que a ferramenta lê (os demais são separados)",
        "Languages the tool reads (others are set aside)"
    ),
    "dedupe_threshold": _s("Similitud para casi duplicados", "Similaridade para quase duplicatas", "Near-duplicate similarity"),
    "campaign_min_size": _s("Tamaño mínimo de una campaña", "Tamanho mínimo de uma campanha", "Minimum campaign size"),
    "max_themes": _s("Máximo de temas por contribución", "Máximo de temas por contribuição", "Most themes per contribution"),
    "alpha": _s("Nivel de significación", "Nível de significância", "Significance level"),
    "random_state": _s("Semilla aleatoria", "Semente aleatória", "Random seed"),
    "themes_method": _s("Asignación de temas", "Atribuição de temas", "Theme tagging"),
    "campaign_min_words": _s("Palabras mínimas de una campaña", "Palavras mínimas de uma campanha", "Minimum words of a campaign"),
}

PII_KINDS = {
    "EMAIL": _s("correo electrónico", "e-mail", "email address"),
    "PHONE": _s("teléfono", "telefone", "phone number"),
    "ADDRESS": _s("dirección", "endereço", "street address"),
    "NAME": _s("nombre de persona", "nome de pessoa", "person's name"),
    "CPF": _s("CPF (Brasil)", "CPF", "CPF (Brazil)"),
    "CNPJ": _s("CNPJ (Brasil)", "CNPJ", "CNPJ (Brazil)"),
    "RUT": _s("RUT (Chile)", "RUT (Chile)", "RUT (Chile)"),
    "CUIT": _s("CUIT/CUIL (Argentina)", "CUIT/CUIL (Argentina)", "CUIT/CUIL (Argentina)"),
    "DNI": _s("documento de identidad", "documento de identidade", "identity document number"),
    "CURP": _s("CURP (México)", "CURP (México)", "CURP (Mexico)"),
    "RFC": _s("RFC (México)", "RFC (México)", "RFC (Mexico)"),
    "CARD": _s("número de tarjeta de pago", "número de cartão de pagamento", "payment card number"),
    "IBAN": _s("cuenta bancaria (IBAN)", "conta bancária (IBAN)", "bank account (IBAN)"),
    "NIT": _s("NIT (Colombia)", "NIT (Colômbia)", "NIT (Colombia)"),
    "RUC": _s("RUC (Perú)", "RUC (Peru)", "RUC (Peru)"),
    "RG": _s("RG (Brasil)", "RG", "RG (Brazil)"),
    "PIS": _s("PIS/NIS (Brasil)", "PIS/NIS", "PIS/NIS (Brazil)"),
    "VOTER_ID": _s("título de elector (Brasil)", "título de eleitor", "voter card (Brazil)"),
    "CNH": _s("licencia de conducir (Brasil)", "CNH", "driving licence (Brazil)"),
    "INE": _s("clave de elector INE (México)", "chave de eleitor INE (México)", "INE voter key (Mexico)"),
    "CI": _s("cédula de identidad", "cédula de identidade", "identity card number"),
    # issue 21 (detectors): bank accounts outside IBAN, licence plates, social handles
    "BANK_ACCOUNT": _s("cuenta bancaria (CLABE, CBU, agencia y cuenta)", "conta bancária (CLABE, CBU, agência e conta)",
                       "bank account (CLABE, CBU, branch and account)"),
    "PLATE": _s("patente o placa de vehículo", "placa de veículo", "vehicle licence plate"),
    "HANDLE": _s("usuario en redes sociales o mención", "usuário em redes sociais ou menção",
                 "social media handle or mention"),
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
    "non_answer": _s("sin contenido (marcador o texto de formulario)", "sem conteúdo (marcador ou texto de formulário)",
                     "no content (placeholder or form text)"),
    "no_argument": _s("postura sin razones", "posição sem razões", "position without a reason"),
    "moderated": _s("rechazada por la moderación de la plataforma", "rejeitada pela moderação da plataforma", "rejected by the platform's moderators"),
    "filtered": _s("fuera del filtro de filas del análisis", "fora do filtro de linhas da análise", "outside the analysis' row filter"),
    # reasons (issue 26): reasons other helpers add.
    "official": _s("texto del organizador", "texto do organizador", "the organiser's own text"),
    "process_note": _s("nota sobre la reunión o el formulario", "nota sobre a reunião ou o formulário", "note about the meeting or the form"),
    "formula": _s("fórmula de hoja de cálculo sin valor", "fórmula de planilha sem valor", "spreadsheet formula with no value"),
    "repeated": _s("mismo texto del mismo registro bajo otra pregunta", "mesmo texto do mesmo registro sob outra pergunta",
                   "same text from the same record under another prompt"),
}


