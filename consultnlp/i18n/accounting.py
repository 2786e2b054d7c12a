"""Catalogue entries of the report's header and first screen, in es, pt and en: the consultation's name, the figures,
and one sentence per reason a contribution was set aside (``consultnlp.schema.EXCLUSION_REASONS``) and for copies."""

from __future__ import annotations

from consultnlp.i18n.catalogue import _n, _s

ACCOUNTING_STRINGS: dict[str, dict] = {
    # What the gate found, by the origin of the value (``privacy.gate``); detector kinds are named by ``pii_name``.
    "gate_personal column": _s("valores de columnas personales", "valores de colunas pessoais", "values of personal columns"),
    "gate_id": _s("identificadores originales", "identificadores originais", "original ids"),
    "gate_segment value": _s("valores de segmento personales", "valores de segmento pessoais", "personal segment values"),
    "gate_header": _s("encabezados de columna personales", "cabeçalhos de coluna pessoais", "personal column headers"),
    "gate_person's name": _s("nombres de personas", "nomes de pessoas", "names of people"),
    # Which input column(s) the analysed text came from (method section; Plano Clima's claim check: never said).
    "analysed_columns": _n(
        ("Se analizó el texto de la columna {columns}{auto}.", "Se analizó el texto de las columnas {columns}{auto}."),
        ("Foi analisado o texto da coluna {columns}{auto}.", "Foi analisado o texto das colunas {columns}{auto}."),
        ("The text analysed is that of the column {columns}{auto}.", "The text analysed is that of the columns {columns}{auto}."),
    ),
    "analysed_columns_auto": _s(
        " (elegida automáticamente; ingest.text_column elige otra)",
        " (escolhida automaticamente; ingest.text_column escolhe outra)",
        " (chosen automatically; ingest.text_column chooses another)",
    ),
    # How the screen found what no list names (method section): counts of rows, from the run's stats.
    "screened_evidence": _n(
        (
            "1 de las apartadas por no tener contenido propio no está en ninguna lista: es un texto corto que se repite en muchos registros con "
            "palabras del formulario, o escrito casi como una frase de las listas.",
            "{n} de las apartadas por no tener contenido propio no están en ninguna lista: son textos cortos que se repiten en muchos registros con "
            "palabras del formulario, o escritos casi como una frase de las listas.",
        ),
        (
            "1 das separadas por não terem conteúdo próprio não está em nenhuma lista: é um texto curto que se repete em muitos registros com palavras "
            "do formulário, ou escrito quase como uma frase das listas.",
            "{n} das separadas por não terem conteúdo próprio não estão em nenhuma lista: são textos curtos que se repetem em muitos registros com "
            "palavras do formulário, ou escritos quase como uma frase das listas.",
        ),
        (
            "1 of those set aside as having no content of their own is in no list: a short text repeated in many records with words about the form, or "
            "written almost as a listed phrase.",
            "{n} of those set aside as having no content of their own are in no list: short texts repeated in many records with words about the form, or "
            "written almost as a listed phrase.",
        ),
    ),
    "screened_meaning": _n(
        (
            "1 contribución que no está en ninguna lista se apartó porque un modelo entrenado con las listas y con ejemplos escritos la lee como un marcador o una nota sobre el formulario o la reunión "
            "(si expresa una postura, cuenta como postura sin razones).",
            "{n} contribuciones que no están en ninguna lista se apartaron porque un modelo entrenado con las listas y con ejemplos escritos las lee como marcadores o notas sobre el formulario o la reunión "
            "(las que expresan una postura cuentan como posturas sin razones).",
        ),
        (
            "1 contribuição que não está em nenhuma lista foi separada porque um modelo treinado com as listas e com exemplos escritos a lê como um marcador ou uma nota sobre o formulário ou a reunião "
            "(se expressa uma posição, conta como posição sem razões).",
            "{n} contribuições que não estão em nenhuma lista foram separadas porque um modelo treinado com as listas e com exemplos escritos as lê como marcadores ou notas sobre o formulário ou a reunião "
            "(as que expressam uma posição contam como posições sem razões).",
        ),
        (
            "1 contribution in no list was set aside because a model trained on the lists and on written examples reads it as a placeholder or a note about the form or the meeting "
            "(one that states a position counts as a position without a reason).",
            "{n} contributions in no list were set aside because a model trained on the lists and on written examples reads them as placeholders or notes about the form or the meeting "
            "(those that state a position count as positions without a reason).",
        ),
    ),
    # The contributions received, not "analysed": the canadian claim check of stop 41 read "analysis of 174
    # contributions" over a report that analysed 113 (the first screen says how many and why the others were not).
    "subtitle_named": _s(
        "Lo que escuchamos: {n} contribuciones recibidas",
        "O que ouvimos: {n} contribuições recebidas",
        "What we heard: {n} contributions received",
    ),
    "subtitle_file": _s(
        "{n} contribuciones recibidas. Consulta: {file} (nombre del archivo)",
        "{n} contribuições recebidas. Consulta: {file} (nome do arquivo)",
        "{n} contributions received. Consultation: {file} (file name)",
    ),
    # The conversation's own description (Pol.is), as the export gives it: often the question asked, sometimes the
    # organiser's closing note (the freshwater claim check: «This HiveMind is now closed…» was called "the question asked").
    "subtitle_question": _s(
        "Descripción de la conversación: {question}", "Descrição da conversa: {question}", "The conversation's description: {question}"
    ),
    "subtitle_processes": _s(
        "El archivo reúne contribuciones a {n} procesos (columna «{column}»), analizadas juntas: {processes}.",
        "O arquivo reúne contribuições a {n} processos (coluna «{column}»), analisadas juntas: {processes}.",
        "The file holds contributions to {n} processes (column «{column}»), analysed together: {processes}.",
    ),
    "processes_more": _s("{n} más", "mais {n}", "{n} more"),
    "file_name_marked": _s("{file} (nombre del archivo)", "{file} (nome do arquivo)", "{file} (file name)"),
    # With their number: "1 separada", not "1 separadas" (PNDBio 2025, stop 42).
    "fig_analysed": _n(
        ("analizada ({share} de las recibidas)", "analizadas ({share} de las recibidas)"),
        ("analisada ({share} das recebidas)", "analisadas ({share} das recebidas)"),
        ("analysed ({share} of those received)", "analysed ({share} of those received)"),
    ),
    "fig_excluded": _n(
        ("apartada ({share} de las recibidas)", "apartadas ({share} de las recibidas)"),
        ("separada ({share} das recebidas)", "separadas ({share} das recebidas)"),
        ("set aside ({share} of those received)", "set aside ({share} of those received)"),
    ),
    "fig_distinct": _n(
        ("distinta ({share} de las analizadas)", "distintas ({share} de las analizadas)"),
        ("distinta ({share} das analisadas)", "distintas ({share} das analisadas)"),
        ("distinct ({share} of those analysed)", "distinct ({share} of those analysed)"),
    ),
    "s_accounting": _n(
        (
            "De las {input} contribuciones recibidas {analysed} y se apartó 1:",
            "De las {input} contribuciones recibidas {analysed} y se apartaron {excluded}:",
        ),
        (
            "Das {input} contribuições recebidas, {analysed} e 1 foi separada:",
            "Das {input} contribuições recebidas, {analysed} e {excluded} foram separadas:",
        ),
        (
            "Of the {input} contributions received, {analysed} and 1 was set aside:",
            "Of the {input} contributions received, {analysed} and {excluded} were set aside:",
        ),
    ),
    # ... its first part, which agrees with the number analysed ("1 was analysed": the Austrian conversation, stop 43).
    "s_accounting_analysed": _n(
        ("se analizó 1", "se analizaron {n}"), ("1 foi analisada", "{n} foram analisadas"), ("1 was analysed", "{n} were analysed")
    ),
    "s_accounting_all": _n(
        ("Se recibió 1 contribución y se analizó.", "Se recibieron {input} contribuciones y se analizaron todas."),
        ("Foi recebida 1 contribuição, e ela foi analisada.", "Foram recebidas {input} contribuições, e todas foram analisadas."),
        ("1 contribution was received and analysed.", "{input} contributions were received and all were analysed."),
    ),
    "why_filtered": _n(
        (
            "1 no cumple el filtro de filas elegido para este análisis ({where}).",
            "{n} no cumplen el filtro de filas elegido para este análisis ({where}).",
        ),
        (
            "1 não atende ao filtro de linhas escolhido para esta análise ({where}).",
            "{n} não atendem ao filtro de linhas escolhido para esta análise ({where}).",
        ),
        (
            "1 did not match the row filter chosen for this analysis ({where}).",
            "{n} did not match the row filter chosen for this analysis ({where}).",
        ),
    ),
    "why_filtered_plain": _n(
        ("1 no cumple el filtro de filas elegido para este análisis.", "{n} no cumplen el filtro de filas elegido para este análisis."),
        (
            "1 não atende ao filtro de linhas escolhido para esta análise.",
            "{n} não atendem ao filtro de linhas escolhido para esta análise.",
        ),
        ("1 did not match the row filter chosen for this analysis.", "{n} did not match the row filter chosen for this analysis."),
    ),
    "why_moderated": _n(
        (
            "1 fue rechazada por la moderación de la plataforma (su texto no se publica: queda en private/comments.csv).",
            "{n} fueron rechazadas por la moderación de la plataforma (su texto no se publica: queda en private/comments.csv).",
        ),
        (
            "1 foi rejeitada pela moderação da plataforma (seu texto não é publicado: fica em private/comments.csv).",
            "{n} foram rejeitadas pela moderação da plataforma (seu texto não é publicado: fica em private/comments.csv).",
        ),
        (
            "1 was rejected by the platform's moderators (its text is not published: private/comments.csv keeps it).",
            "{n} were rejected by the platform's moderators (their text is not published: private/comments.csv keeps it).",
        ),
    ),
    # Of what participants wrote, where the organiser's own rows are counted apart (claim check 73: 147 rejected of 240).
    "why_moderated_share": _s(
        "Son el {share} de las {m} escritas por participantes.",
        "São {share} das {m} escritas por participantes.",
        "That is {share} of the {m} written by participants.",
    ),
    # ... where some of the rejected rows are the organiser's own rewordings (claim check 76: "20 ... 16% of the 127
    # written by participants", 19 of the 20 were theirs).
    "why_moderated_share_theirs": _n(
        (
            "De ellas, {k} son de participantes, el {share} de las {m} que escribieron; la otra es una reformulación del organizador.",
            "De ellas, {k} son de participantes, el {share} de las {m} que escribieron; las otras {o} son reformulaciones del organizador.",
        ),
        (
            "Delas, {k} são de participantes, {share} das {m} que escreveram; a outra é uma reformulação do organizador.",
            "Delas, {k} são de participantes, {share} das {m} que escreveram; as outras {o} são reformulações do organizador.",
        ),
        (
            "Of them, {k} are participants', {share} of the {m} they wrote; the other is one of the organiser's rewordings.",
            "Of them, {k} are participants', {share} of the {m} they wrote; the other {o} are the organiser's rewordings.",
        ),
    ),
    # ... and those analysed that the moderators never reviewed, where no one but their author voted on them: "381 were
    # rejected" read as if the rest had been accepted (claim check 92, march-on: 1,527 of the 1,697 analysed never were).
    "why_moderated_unseen": _n(
        (
            "De las {m} analizadas, 1 nunca pasó por la moderación y nadie más que su autor votó sobre ella.",
            "De las {m} analizadas, {n} nunca pasaron por la moderación y nadie más que su autor votó sobre ellas: es probable que no "
            "se mostraran a quienes votaban.",
        ),
        (
            "Das {m} analisadas, 1 nunca passou pela moderação e ninguém além do autor votou nela.",
            "Das {m} analisadas, {n} nunca passaram pela moderação e ninguém além do autor votou nelas: é provável que não tenham "
            "sido mostradas a quem votava.",
        ),
        (
            "Of the {m} analysed, 1 was never reviewed by the moderators and no one but its author voted on it.",
            "Of the {m} analysed, {n} were never reviewed by the moderators and no one but their author voted on them: voters were "
            "probably never shown them.",
        ),
    ),
    # Rejected statements the organiser's account posted again, reworded (claim check 73: 16, unsaid).
    "why_moderated_reworded": _n(
        (
            "El organizador volvió a publicar 1 de ellas reformulada, y se analiza como idea de quien la escribió.",
            "El organizador volvió a publicar {n} de ellas reformuladas, y se analizan como ideas de quienes las escribieron.",
        ),
        (
            "O organizador publicou de novo 1 delas reformulada, e ela é analisada como ideia de quem a escreveu.",
            "O organizador publicou de novo {n} delas reformuladas, e elas são analisadas como ideias de quem as escreveu.",
        ),
        (
            "1 of them was posted again, reworded, by the organiser, and is analysed as its writer's idea.",
            "{n} of them were posted again, reworded, by the organiser, and are analysed as their writers' ideas.",
        ),
    ),
    # Every kind the screen sets aside as a non-answer (claim check 92, march-on: its 13 were thanks and remarks on the poll,
    # and "placeholders, test entries or form text" named none of them).
    "why_non_answer": _n(
        (
            "1 no tiene contenido propio: un marcador, un saludo o agradecimiento, un comentario sobre el formulario o el proceso, "
            "una prueba o un texto del formulario.",
            "{n} no tienen contenido propio: marcadores, saludos o agradecimientos, comentarios sobre el formulario o el proceso, "
            "pruebas o textos del formulario.",
        ),
        (
            "1 não tem conteúdo próprio: um marcador, uma saudação ou agradecimento, um comentário sobre o formulário ou o "
            "processo, um teste ou um texto do formulário.",
            "{n} não têm conteúdo próprio: marcadores, saudações ou agradecimentos, comentários sobre o formulário ou o processo, "
            "testes ou textos do formulário.",
        ),
        (
            "1 has no content of its own: a placeholder, a greeting or thanks, a remark on the form or the process, a test entry "
            "or form text.",
            "{n} have no content of their own: placeholders, greetings or thanks, remarks on the form or the process, test "
            "entries or form text.",
        ),
    ),
    # A position or an appraisal with no reason (nonanswers.py, [no_argument]). No example of the lists is quoted: the report
    # shows the consultation's own most frequent texts (``why_examples``; claim check 50: «muy bien» is in none of Chile's).
    "why_no_argument": _n(
        (
            "1 solo expresa una postura o una valoración, sin razones.",
            "{n} solo expresan una postura o una valoración, sin razones.",
        ),
        (
            "1 só expressa uma posição ou uma avaliação, sem razões.",
            "{n} só expressam uma posição ou uma avaliação, sem razões.",
        ),
        (
            "1 states only a position or an appraisal, with no reason.",
            "{n} state only a position or an appraisal, with no reason.",
        ),
    ),
    "why_language_mostly": _s(
        "La mayoría de ellas ({k}) están en {language}.",
        "A maioria delas ({k}) está em {language}.",
        "Most of them ({k}) are in {language}.",
    ),
    # Only texts of up to six words are quoted (summary.reasons): longer notes repeated more often are not among them
    # (claim check 67, Chile 2016: «respuesta única» (12) was given as the most frequent note beside 28 copies of a longer one).
    # An example set aside whose rows mostly repeat another column's value of the same row (Chile 2016: «A», the row's
    # agreement code typed into the text field).
    "same_as_column": _s(
        "el valor de {column} en su fila en {n}", "o valor de {column} na sua linha em {n}", "the value of {column} in its row in {n}"
    ),
    "why_examples": _s(
        "Las más frecuentes de pocas palabras: {examples}.",
        "As mais frequentes de poucas palavras: {examples}.",
        "The most frequent short ones: {examples}.",
    ),
    "why_language": _n(
        ("1 está en un idioma que no se analizó.", "{n} están en un idioma que no se analizó."),
        ("1 está em um idioma que não foi analisado.", "{n} estão em um idioma que não foi analisado."),
        ("1 is in a language that was not analysed.", "{n} are in a language that was not analysed."),
    ),
    "why_empty": _n(
        ("1 estaba vacía.", "{n} estaban vacías."), ("1 estava vazia.", "{n} estavam vazias."), ("1 was empty.", "{n} were empty.")
    ),
    "why_junk": _n(
        (
            "1 no tiene texto legible (solo signos, letras al azar o texto de relleno).",
            "{n} no tienen texto legible (solo signos, letras al azar o texto de relleno).",
        ),
        (
            "1 não tem texto legível (só sinais, letras ao acaso ou texto de preenchimento).",
            "{n} não têm texto legível (só sinais, letras ao acaso ou texto de preenchimento).",
        ),
        (
            "1 has no readable text (only symbols, random letters or filler text).",
            "{n} have no readable text (only symbols, random letters or filler text).",
        ),
    ),
    "why_too_short": _n(
        ("1 es demasiado corta para analizarla.", "{n} son demasiado cortas para analizarlas."),
        ("1 é curta demais para ser analisada.", "{n} são curtas demais para serem analisadas."),
        ("1 is too short to analyse.", "{n} are too short to analyse."),
    ),
    "why_official": _n(
        (
            "1 lo escribió o publicó el organizador, no un participante: se cuenta aparte y no se analiza ni se cita como palabras de los participantes.",
            "{n} los escribió o publicó el organizador, no los participantes: se cuentan aparte y no se analizan ni se citan como palabras de los participantes.",
        ),
        (
            "1 foi escrito ou publicado pelo organizador, não por um participante: é contado à parte e não é analisado nem citado como palavras dos participantes.",
            "{n} foram escritos ou publicados pelo organizador, não pelos participantes: são contados à parte e não são analisados nem citados como palavras dos participantes.",
        ),
        (
            "1 was written or posted by the organiser, not by a participant: counted apart, never analysed or quoted as participants' words.",
            "{n} were written or posted by the organiser, not by participants: counted apart, never analysed or quoted as participants' words.",
        ),
    ),
    "why_process_note": _n(
        (
            "1 es una nota sobre la reunión o el formulario, repetida en muchos registros, no una respuesta a la pregunta.",
            "{n} son notas sobre la reunión o el formulario, repetidas en muchos registros, no respuestas a la pregunta.",
        ),
        (
            "1 é uma nota sobre a reunião ou o formulário, repetida em muitos registros, não uma resposta à pergunta.",
            "{n} são notas sobre a reunião ou o formulário, repetidas em muitos registros, não respostas à pergunta.",
        ),
        (
            "1 is a note about the meeting or the form, repeated across many records, not an answer to the question.",
            "{n} are notes about the meeting or the form, repeated across many records, not answers to the question.",
        ),
    ),
    "why_repeated": _n(
        (
            "1 repite palabra por palabra un texto que el mismo registro (el acta de un encuentro, un autor) dio también bajo "
            "otras preguntas o conceptos: se cuenta una sola vez, bajo la primera.",
            "{n} repiten palabra por palabra un texto que el mismo registro (el acta de un encuentro, un autor) dio también bajo "
            "otras preguntas o conceptos: cada texto se cuenta una sola vez, bajo la primera.",
        ),
        (
            "1 repete palavra por palavra um texto que o mesmo registro (a ata de um encontro, um autor) deu também sob outras "
            "perguntas ou conceitos: é contado uma só vez, sob a primeira.",
            "{n} repetem palavra por palavra um texto que o mesmo registro (a ata de um encontro, um autor) deu também sob outras "
            "perguntas ou conceitos: cada texto é contado uma só vez, sob a primeira.",
        ),
        (
            "1 repeats word for word a text the same record (one group's minutes, one author) gave under other prompts too: it is "
            "counted once, under the first.",
            "{n} repeat word for word a text the same record (one group's minutes, one author) gave under other prompts too: each "
            "text is counted once, under the first.",
        ),
    ),
    "why_formula": _n(
        (
            "1 era una fórmula de hoja de cálculo sin valor guardado: no es texto de un participante.",
            "{n} eran fórmulas de hoja de cálculo sin valor guardado: no son texto de un participante.",
        ),
        (
            "1 era uma fórmula de planilha sem valor salvo: não é texto de um participante.",
            "{n} eram fórmulas de planilha sem valor salvo: não são texto de um participante.",
        ),
        (
            "1 was a spreadsheet formula with no saved value: not a participant's text.",
            "{n} were spreadsheet formulas with no saved value: not a participant's text.",
        ),
    ),
    "why_other": _n(("1: {reason}.", "{n}: {reason}."), ("1: {reason}.", "{n}: {reason}."), ("1: {reason}.", "{n}: {reason}.")),
    "s_duplicates": _n(
        (
            "De las {analysed} analizadas, 1 repite el texto de otra (igual o casi igual): se cuentan todas, pero cada texto se analiza una "
            "vez, así que quedan {unique} contribuciones distintas ({share} de las analizadas).",
            "De las {analysed} analizadas, {n} repiten el texto de otra (igual o casi igual): se cuentan todas, pero cada texto se analiza una "
            "vez, así que quedan {unique} contribuciones distintas ({share} de las analizadas).",
        ),
        (
            "Das {analysed} analisadas, 1 repete o texto de outra (igual ou quase igual): todas são contadas, mas cada texto é analisado uma "
            "vez, então restam {unique} contribuições distintas ({share} das analisadas).",
            "Das {analysed} analisadas, {n} repetem o texto de outra (igual ou quase igual): todas são contadas, mas cada texto é analisado uma "
            "vez, então restam {unique} contribuições distintas ({share} das analisadas).",
        ),
        (
            "Of the {analysed} analysed, 1 repeats the text of another (exactly or nearly): all are counted, but each text is analysed "
            "once, which leaves {unique} distinct contributions ({share} of those analysed).",
            "Of the {analysed} analysed, {n} repeat the text of another (exactly or nearly): all are counted, but each text is analysed "
            "once, which leaves {unique} distinct contributions ({share} of those analysed).",
        ),
    ),
    # The same, where the rows answer prompts (``context``): a text is a copy of another only under the same prompt.
    "s_duplicates_prompt": _n(
        (
            "De las {analysed} analizadas, 1 repite el texto de otra que responde al mismo enunciado (igual o casi igual): se cuentan "
            "todas, pero cada texto se analiza una vez, así que quedan {unique} contribuciones distintas ({share} de las analizadas).",
            "De las {analysed} analizadas, {n} repiten el texto de otra que responde al mismo enunciado (igual o casi igual): se cuentan "
            "todas, pero cada texto se analiza una vez, así que quedan {unique} contribuciones distintas ({share} de las analizadas).",
        ),
        (
            "Das {analysed} analisadas, 1 repete o texto de outra que responde ao mesmo enunciado (igual ou quase igual): todas são "
            "contadas, mas cada texto é analisado uma vez, então restam {unique} contribuições distintas ({share} das analisadas).",
            "Das {analysed} analisadas, {n} repetem o texto de outra que responde ao mesmo enunciado (igual ou quase igual): todas são "
            "contadas, mas cada texto é analisado uma vez, então restam {unique} contribuições distintas ({share} das analisadas).",
        ),
        (
            "Of the {analysed} analysed, 1 repeats the text of another that answers the same prompt (exactly or nearly): all are "
            "counted, but each text is analysed once, which leaves {unique} distinct contributions ({share} of those analysed).",
            "Of the {analysed} analysed, {n} repeat the text of another that answers the same prompt (exactly or nearly): all are "
            "counted, but each text is analysed once, which leaves {unique} distinct contributions ({share} of those analysed).",
        ),
    ),
    "s_no_duplicates": _s(
        "Ninguna de las analizadas repite el texto de otra: las {unique} son distintas.",
        "Nenhuma das analisadas repete o texto de outra: as {unique} são distintas.",
        "None of those analysed repeats the text of another: all {unique} are distinct.",
    ),
    "s_positions_set_aside": _s(
        "De las {total} contribuciones contadas para las posturas (las {analysed} distintas analizadas y las {set_aside} apartadas por "
        "expresar solo una postura, cada una por separado), {stated} ({share}) expresan una: {support} a favor, {partial} de acuerdo en parte y {oppose} en contra.",
        "Das {total} contribuições contadas para as posições (as {analysed} distintas analisadas e as {set_aside} separadas por "
        "expressarem só uma posição, cada uma à parte), {stated} ({share}) expressam uma: {support} a favor, {partial} de acordo em parte e {oppose} contra.",
        "Of the {total} contributions counted for positions (the {analysed} distinct ones analysed and the {set_aside} set aside for stating "
        "only a position, each on its own), {stated} ({share}) state one: {support} support, {partial} agree in part and {oppose} oppose.",
    ),
    # The same, when the positions are a closed question's answers (Chile 2016: "184,453 of the 184,453 distinct" next to
    # the first screen's 181,912 distinct).
    "s_positions_column_set_aside": _s(
        "De las {total} contribuciones contadas para la pregunta cerrada «{column}» (las {analysed} distintas analizadas y "
        "las {set_aside} apartadas por expresar solo una postura, cada una por separado), {stated} ({share}) la responden: {support} a favor, {partial} de "
        "acuerdo en parte y {oppose} en contra.",
        "Das {total} contribuições contadas para a pergunta fechada «{column}» (as {analysed} distintas analisadas e as {set_aside} "
        "separadas por expressarem só uma posição, cada uma à parte), {stated} ({share}) a respondem: {support} a favor, {partial} de acordo em "
        "parte e {oppose} contra.",
        "Of the {total} contributions counted for the closed question “{column}” (the {analysed} distinct ones analysed and "
        "the {set_aside} set aside for stating only a position, each on its own), {stated} ({share}) answer it: {support} support, {partial} agree "
        "in part and {oppose} oppose.",
    ),
}


# Languages the tool does not analyse, as the report names the main one its set-aside rows are in (py3langid's codes).
OTHER_LANGUAGE_NAMES: dict[str, dict[str, str]] = {
    "de": _s("alemán", "alemão", "German"),
    "fr": _s("francés", "francês", "French"),
    "it": _s("italiano", "italiano", "Italian"),
    "nl": _s("neerlandés", "neerlandês", "Dutch"),
    "ca": _s("catalán", "catalão", "Catalan"),
    "gl": _s("gallego", "galego", "Galician"),
    "zh": _s("chino", "chinês", "Chinese"),
    "ja": _s("japonés", "japonês", "Japanese"),
    "ko": _s("coreano", "coreano", "Korean"),
    "ru": _s("ruso", "russo", "Russian"),
    "ar": _s("árabe", "árabe", "Arabic"),
    "pl": _s("polaco", "polonês", "Polish"),
    "uk": _s("ucraniano", "ucraniano", "Ukrainian"),
    "tr": _s("turco", "turco", "Turkish"),
}

# Identity and tax numbers of one country: a report lists its own language's countries' numbers, and the others' as one
# item (claim checks 66 and 70: a Brazilian consultation's privacy paragraph named RUT, CUIT, CURP, RFC, NIT, RUC and INE).
ID_COUNTRIES = {
    "CPF": "BR", "CNPJ": "BR", "RG": "BR", "PIS": "BR", "VOTER_ID": "BR", "CNH": "BR",
    "RUT": "CL", "CUIT": "AR", "CURP": "MX", "RFC": "MX", "INE": "MX", "NIT": "CO", "RUC": "PE",
}  # fmt: skip
HOME_COUNTRIES = {"pt": {"BR"}, "es": {"CL", "AR", "MX", "CO", "PE"}, "en": set()}
COUNTRY_NAMES = {
    "BR": _s("Brasil", "Brasil", "Brazil"),
    "CL": _s("Chile", "Chile", "Chile"),
    "AR": _s("Argentina", "Argentina", "Argentina"),
    "MX": _s("México", "México", "Mexico"),
    "CO": _s("Colombia", "Colômbia", "Colombia"),
    "PE": _s("Perú", "Peru", "Peru"),
}
ACCOUNTING_STRINGS["privacy_other_countries"] = _s(
    "los números de identificación y tributarios de otros países ({countries})",
    "os números de identificação e fiscais de outros países ({countries})",
    "the identity and tax numbers of other countries ({countries})",
)
# Columns that could break the results down, not used (claim checks 78 and 79: the reader expected the breakdown).
ACCOUNTING_STRINGS["segments_unused"] = _n(
    (
        "El archivo tiene una columna que podría desglosar los resultados y no se usó, así que el informe no compara sus partes: {columns}.",
        "El archivo tiene columnas que podrían desglosar los resultados y no se usaron, así que el informe no compara sus partes: {columns}.",
    ),
    (
        "O arquivo tem uma coluna que poderia desdobrar os resultados e não foi usada, então o relatório não compara suas partes: {columns}.",
        "O arquivo tem colunas que poderiam desdobrar os resultados e não foram usadas, então o relatório não compara suas partes: {columns}.",
    ),
    (
        "The file has a column that could break the results down and was not used, so the report does not compare its parts: {columns}.",
        "The file has columns that could break the results down and were not used, so the report does not compare their parts: {columns}.",
    ),
)
ACCOUNTING_STRINGS["segment_values"] = _s("{column} ({n} valores)", "{column} ({n} valores)", "{column} ({n} values)")
ACCOUNTING_STRINGS["segments_more"] = _s("{n} más", "mais {n}", "{n} more")
