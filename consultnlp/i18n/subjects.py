"""Catalogue entries of a subject: its key points and how many make them, how far its name speaks for its contributions,
and how many people wrote them."""

from __future__ import annotations

from consultnlp.i18n.catalogue import _n, _s

SUBJECT_STRINGS: dict[str, dict] = {
    # How "N mention «…»" is counted (claim checks 84 and 87: "6.249 mencionan «participación»" counted «participativa»).
    "mentions_text": _s(
        "Cuando el informe dice cuántas contribuciones «mencionan» palabras de un nombre, cuenta las que usan una palabra que "
        "empieza igual en sus seis primeras letras, sin mayúsculas, acentos ni plurales («participación» cuenta también "
        "«participativa» y «participar»).",
        "Quando o relatório diz quantas contribuições «mencionam» palavras de um nome, conta as que usam uma palavra que começa "
        "igual nas seis primeiras letras, sem maiúsculas, acentos nem plurais («participação» conta também «participativa» e "
        "«participar»).",
        "Where the report says how many contributions “mention” words of a name, it counts those using a word that begins with "
        "the same six letters, case, accents and plurals aside (“participation” also counts “participatory” and “participate”).",
    ),
    # Key points: a statement and how many contributions make it.
    # A count is a floor: only contributions with a sentence that matches the statement closely are counted (issue 26).
    "point_count": _n(
        ("1 contribución dice:", "Al menos {n} contribuciones dicen:"),
        ("1 contribuição diz:", "Pelo menos {n} contribuições dizem:"),
        ("1 contribution says:", "At least {n} contributions say:"),
    ),
    "point_count_unique": _n(
        ("1 contribución dice:", "Al menos {n} contribuciones ({unique} distintas) dicen:"),
        ("1 contribuição diz:", "Pelo menos {n} contribuições ({unique} distintas) dizem:"),
        ("1 contribution says:", "At least {n} contributions ({unique} distinct) say:"),
    ),
    # What the search did not find, not that nobody shares a point: claim checks 48, 52, 54 and 56 found points three or
    # more made in other words or inside longer sentences (PNDBio: one phrase in 6 distinct contributions).
    "point_count_campaign": _n(
        ("1 contribución dice:", "Al menos {n} contribuciones ({unique} distintas; {copies} de campañas organizadas) dicen:"),
        ("1 contribuição diz:", "Pelo menos {n} contribuições ({unique} distintas; {copies} de campanhas organizadas) dizem:"),
        ("1 contribution says:", "At least {n} contributions ({unique} distinct; {copies} from organised campaigns) say:"),
    ),
    "group_no_points": _s(
        "La búsqueda de puntos clave no encontró ninguna frase que tres o más contribuciones distintas digan de forma lo bastante "
        "parecida para contarlas (es estricta: un punto compartido con otras palabras, o dentro de frases más largas, puede no "
        "encontrarse). Lo que se dijo, por ejemplo:",
        "A busca de pontos-chave não encontrou nenhuma frase que três ou mais contribuições distintas digam de forma parecida o "
        "bastante para contá-las (ela é rigorosa: um ponto compartilhado com outras palavras, ou dentro de frases mais longas, pode "
        "não ser encontrado). O que foi dito, por exemplo:",
        "The key-point search found no sentence that three or more distinct contributions state closely enough to count them (it is "
        "strict: a point shared in other words, or inside longer sentences, may not be found). What was said, for example:",
    ),
    "points_note": _s(
        "Cada punto clave reúne contribuciones que dicen lo mismo y lo muestra con una frase textual de una de ellas, con los datos "
        "personales ocultados y en su idioma original; el identificador permite encontrarla en comments.csv y tables/key_points.csv lista todas. "
        "El número cuenta solo las contribuciones con una frase que dice ese punto de forma muy parecida: otras pueden decir lo mismo "
        "con otras palabras, así que es un mínimo, no una estimación.",
        "Cada ponto-chave reúne contribuições que dizem o mesmo e o mostra com uma frase literal de uma delas, com os dados pessoais "
        "ocultados e no idioma original; o identificador permite encontrá-la em comments.csv e tables/key_points.csv lista todas. "
        "O número conta só as contribuições com uma frase que diz esse ponto de forma muito parecida: outras podem dizer o mesmo "
        "com outras palavras, então é um mínimo, não uma estimativa.",
        "Each key point gathers contributions that make the same point and states it with a verbatim sentence from one of them, with "
        "personal data redacted, in its original language; its id finds it in comments.csv, and tables/key_points.csv lists them all. "
        "The number counts only contributions with a sentence that makes the point in much the same way: others may say the same "
        "in other words, so it is a floor, not an estimate.",
    ),
    # The note of a run whose rows answer prompts (a concept each meeting chose, the proposal commented: ``context``).
    "note_prompts": _n(
        (
            "Todas las contribuciones responden al mismo enunciado de la consulta, «{first}».",
            "Cada contribución responde a uno de {n} enunciados de la consulta (como «{first}» o «{second}»): las campañas y los puntos clave se buscan "
            "dentro de cada enunciado, y cada punto clave dice a cuál responde (ingest.context_column elige otra columna, o ninguna).",
        ),
        (
            "Todas as contribuições respondem ao mesmo enunciado da consulta, «{first}».",
            "Cada contribuição responde a um de {n} enunciados da consulta (como «{first}» ou «{second}»): as campanhas e os pontos-chave são buscados "
            "dentro de cada enunciado, e cada ponto-chave diz a qual responde (ingest.context_column escolhe outra coluna, ou nenhuma).",
        ),
        (
            "Every contribution answers the same prompt, “{first}”.",
            "Each contribution answers one of {n} prompts (such as “{first}” or “{second}”): campaigns and key points are found within "
            "each prompt, and each key point says which it answers (ingest.context_column chooses another column, or none).",
        ),
    ),
    # A subject without key points: its name, how many of its contributions use a word of that name, then examples.
    "subject_examples_named": _n(
        ("{subject} (1 contribución; {named}), por ejemplo:", "{subject} ({n} contribuciones; {named}), por ejemplo:"),
        ("{subject} (1 contribuição; {named}), por exemplo:", "{subject} ({n} contribuições; {named}), por exemplo:"),
        ("{subject} (1 contribution; {named}), for example:", "{subject} ({n} contributions; {named}), for example:"),
    ),
    "named_by": _n(
        ("1 de ellas menciona {words}", "{n} de ellas mencionan {words}"),
        ("1 delas menciona {words}", "{n} delas mencionam {words}"),
        ("1 of them mentions {words}", "{n} of them mention {words}"),
    ),
    "s_name_fit_name": _s(
        "; {named} de sus {n} usan alguna palabra del nombre",
        "; {named} de suas {n} usam alguma palavra do nome",
        "; {named} of its {n} use a word of its name",
    ),
    # A name made only of the whole consultation's words (claim check 94: "0 of them use a word of its name", 15 did).
    "named_by_consultation": _s(
        "{words} es palabra de toda la consulta, no de este asunto",
        "{words} é palavra de toda a consulta, não deste assunto",
        "{words} is a word of the whole consultation, not of this subject",
    ),
    "s_name_fit_consultation": _s(
        "; {words} es palabra de toda la consulta, no de este asunto",
        "; {words} é palavra de toda a consulta, não deste assunto",
        "; {words} is a word of the whole consultation, not of this subject",
    ),
    "named_by_name": _n(
        ("1 de ellas usa alguna palabra del nombre", "{n} de ellas usan alguna palabra del nombre"),
        ("1 delas usa alguma palavra do nome", "{n} delas usam alguma palavra do nome"),
        ("1 of them uses a word of its name", "{n} of them use a word of its name"),
    ),
    "or": _s("o", "ou", "or"),
    # A headlined subject whose name fits few of its contributions: "«Capital gains tax» (69%; 4 of its 34 mention «capital» or
    # «gains»)": the words that tell it apart, as its own section says (read 38: "use a word of its name" stood beside a
    # table column of that name holding another count).
    "s_name_fit": _s(
        "; {named} de sus {n} mencionan {words}",
        "; {named} de suas {n} mencionam {words}",
        "; {named} of its {n} mention {words}",
    ),
    # A subject whose name's words fewer than a quarter of its contributions use is not called by that name (read 8:
    # "Federal", 4 of 34; "Workers rights", 3 of 19): its heading, chart bar and table row say it is mixed.
    "subject_loose": _s(
        "Nombre poco representativo (palabras de {name} en {named} de {n})",
        "Nome pouco representativo (palavras de {name} em {named} de {n})",
        "Loosely named (words of {name} in {named} of {n})",
    ),
    # A loosely named subject of several topics, in the summary's sentence of the largest: called by its topics, as its
    # heading is (``mixed_subject_label``); its section says how few use the automatic name's words.
    "s_mixed_group": _s(
        "un asunto que reúne varios tópicos, {topics} ({share}; su nombre automático, {name}, no lo representa)",
        "um assunto que reúne vários tópicos, {topics} ({share}; seu nome automático, {name}, não o representa)",
        "a subject of several topics, {topics} ({share}; its automatic name, {name}, does not fit it)",
    ),
    "s_one_loose": _s(
        "Las contribuciones forman un solo asunto de nombre poco representativo: solo {named} de sus {n} usan alguna palabra de su nombre, {name}.",
        "As contribuições formam um só assunto de nome pouco representativo: só {named} de suas {n} usam alguma palavra do nome, {name}.",
        "The contributions form one loosely named subject: only {named} of its {n} use a word of its name, {name}.",
    ),
    # A multilingual subject's name read against its own language only: "34 in Spanish", "13 of its 34 in Spanish".
    "n_in_language": _s("{n} en {language}", "{n} em {language}", "{n} in {language}"),
    "named_of": _s("{named} de sus {n}", "{named} de suas {n}", "{named} of its {n}"),
    # A topic one of whose two name words few use (claim check 95, Chile 5k: «Congreso unicameral», 24 of 97 «unicameral»).
    "topic_loose_rarest": _s("solo {named} mencionan {word}", "só {named} mencionam {word}", "only {named} mention {word}"),
    "topic_loose": _s(
        "solo {named} usan alguna palabra de su nombre", "só {named} usam alguma palavra do nome", "only {named} use a word of its name"
    ),
    "s_largest_loose": _s(
        "De los {n} asuntos encontrados, los {shown} más grandes ({shares}) tienen nombres poco representativos: en cada uno, menos de una cuarta "
        "parte de las contribuciones usa alguna palabra de su nombre.",
        "Dos {n} assuntos encontrados, os {shown} maiores ({shares}) têm nomes pouco representativos: em cada um, menos de um quarto das "
        "contribuições usa alguma palavra do nome.",
        "Of the {n} subjects found, the {shown} largest ({shares}) are loosely named: in each, fewer than a quarter of the "
        "contributions use a word of its name.",
    ),
    # The same, where the name's words counted are not all its words: the consultation's own subject was left out ("tax").
    "s_largest_loose_words": _s(
        "De los {n} asuntos encontrados, los {shown} más grandes ({shares}) tienen nombres poco representativos: en cada uno, menos de una cuarta "
        "parte de las contribuciones usa las palabras por las que se cuenta su nombre (cada asunto, más abajo, dice cuáles).",
        "Dos {n} assuntos encontrados, os {shown} maiores ({shares}) têm nomes pouco representativos: em cada um, menos de um quarto das "
        "contribuições usa as palavras pelas quais o nome é contado (cada assunto, abaixo, diz quais).",
        "Of the {n} subjects found, the {shown} largest ({shares}) are loosely named: in each, fewer than a quarter of the "
        "contributions use the words its name is counted by (each subject below says which).",
    ),
    "subject_loose_words": _s(
        "Nombre poco representativo ({words} en {named} de {n})",
        "Nome pouco representativo ({words} em {named} de {n})",
        "Loosely named ({words} in {named} of {n})",
    ),
    "s_loose_group_words": _s(
        "un asunto de nombre poco representativo ({share}; solo {named} de sus {n} mencionan {words}, de su nombre {name})",
        "um assunto de nome pouco representativo ({share}; só {named} de suas {n} mencionam {words}, do nome {name})",
        "a loosely named subject ({share}; only {named} of its {n} mention {words}, of its name {name})",
    ),
    # A name of three words or more, counted where two of them are used («Old growth forests»: "forests" alone is not it).
    "subject_loose_two": _s(
        "Nombre poco representativo (dos de {all_words} en {named} de {n})",
        "Nome pouco representativo (duas de {all_words} em {named} de {n})",
        "Loosely named (two of {all_words} in {named} of {n})",
    ),
    "s_loose_group_two": _s(
        "un asunto de nombre poco representativo ({share}; solo {named} de sus {n} mencionan dos de {all_words}, palabras de su nombre {name})",
        "um assunto de nome pouco representativo ({share}; só {named} de suas {n} mencionam duas de {all_words}, palavras do nome {name})",
        "a loosely named subject ({share}; only {named} of its {n} mention two of {all_words}, words of its name {name})",
    ),
    "topic_loose_two": _s(
        "solo {named} mencionan dos de {all_words}", "só {named} mencionam duas de {all_words}", "only {named} mention two of {all_words}"
    ),
    # A name made only of the consultation's own words («Warren County» in "Improving Bowling Green / Warren County").
    "subject_loose_own": _s(
        "Nombre poco representativo (su nombre, {name}, es el tema de toda la consulta)",
        "Nome pouco representativo (seu nome, {name}, é o tema de toda a consulta)",
        "Loosely named (its name, {name}, is the whole consultation's subject)",
    ),
    "s_loose_group_own": _s(
        "un asunto de nombre poco representativo ({share}; su nombre, {name}, es el tema de toda la consulta)",
        "um assunto de nome pouco representativo ({share}; seu nome, {name}, é o tema de toda a consulta)",
        "a loosely named subject ({share}; its name, {name}, is the whole consultation's subject)",
    ),
    "topic_loose_own": _s(
        "su nombre es el tema de toda la consulta", "seu nome é o tema de toda a consulta", "its name is the whole consultation's subject"
    ),
    "topic_loose_words": _s("solo {named} mencionan {words}", "só {named} mencionam {words}", "only {named} mention {words}"),
    "s_loose_group": _s(
        "un asunto de nombre poco representativo ({share}; solo {named} de sus {n} usan alguna palabra de su nombre, {name})",
        "um assunto de nome pouco representativo ({share}; só {named} de suas {n} usam alguma palavra do nome, {name})",
        "a loosely named subject ({share}; only {named} of its {n} use a word of its name, {name})",
    ),
    # The distinct contributions no topic holds: not in any subject, and not in the subjects' shares (Plano Clima claim check).
    "groups_outliers": _n(
        (
            "1 contribución distinta ({share}) no quedó cerca de ningún tópico: no está en ningún asunto ni en sus porcentajes; "
            "el anexo la cuenta como «sin tópico claro».",
            "{n} contribuciones distintas ({share}) no quedaron cerca de ningún tópico: no están en ningún asunto ni en sus porcentajes; "
            "el anexo las cuenta como «sin tópico claro».",
        ),
        (
            "1 contribuição distinta ({share}) não ficou perto de nenhum tópico: não está em nenhum assunto nem em suas porcentagens; "
            "o anexo a conta como «sem tópico claro».",
            "{n} contribuições distintas ({share}) não ficaram perto de nenhum tópico: não estão em nenhum assunto nem em suas "
            "porcentagens; o anexo as conta como «sem tópico claro».",
        ),
        (
            "1 distinct contribution ({share}) was close to no topic: it is in no subject and in none of their shares; the annex "
            "counts it as “no clear topic”.",
            "{n} distinct contributions ({share}) were close to no topic: they are in no subject and in none of their shares; the "
            "annex counts them as “no clear topic”.",
        ),
    ),
    # Most texts placed by their closest topic, not by the clustering (claim check 73, Pol.is biodiversity: 55% of them).
    "groups_unplaced": _s(
        "El agrupamiento dejó primero sin tópico al {share} de los textos; cada uno se asignó después al tópico más cercano, así "
        "que un asunto puede reunir puntos diversos.",
        "O agrupamento deixou primeiro sem tópico {share} dos textos; cada um foi depois atribuído ao tópico mais próximo, então "
        "um assunto pode reunir pontos diversos.",
        "The clustering first left {share} of the texts in no topic; each was then given the closest topic, so a subject may "
        "hold mixed points.",
    ),
    # One topic: the contributions were not divided ("grouped into 1 topics, gathered into 1 subjects", read 8).
    "groups_intro_one": _s(
        "Las {unique} contribuciones distintas no se dividieron en tópicos (son pocas o muy parecidas): se leen como un solo asunto. "
        "Su nombre es una frase tomada de las propias contribuciones: conviene revisarlo antes de publicar.",
        "As {unique} contribuições distintas não foram divididas em tópicos (são poucas ou muito parecidas): são lidas como um só "
        "assunto. O nome é uma frase tirada das próprias contribuições: convém revisá-lo antes de publicar.",
        "The {unique} distinct contributions were not divided into topics (too few or too alike): they are read as one subject. "
        "Its name is a phrase taken from the contributions themselves: check it before publishing.",
    ),
    # No subject has a key point: the section says its subjects show examples.
    "points_none": _s(
        "No se encontró ninguna frase que tres o más contribuciones distintas digan de forma lo bastante parecida para citarla como "
        "su punto común (los puntos dichos con otras palabras no se ven así), de modo que cada asunto muestra ejemplos de lo que se "
        "dijo, no puntos clave: son muestras, no lo que dice la mayoría; el identificador permite encontrarlas en comments.csv.",
        "Não foi encontrada nenhuma frase que três ou mais contribuições distintas digam de forma parecida o bastante para citá-la "
        "como seu ponto comum (pontos ditos com outras palavras não aparecem assim), então cada assunto mostra exemplos do que foi "
        "dito, não pontos-chave: são amostras, não o que diz a maioria; o identificador permite encontrá-las em comments.csv.",
        "No sentence was found that three or more distinct contributions say closely enough alike to quote as their shared point "
        "(points made in other words do not show this way), so each subject shows examples of what was said, not key points: they "
        "are samples, not what most said; the id finds each in comments.csv.",
    ),
    # The same where the export names each contribution's author: a point needs three participants, one person's rewordings
    # count once (claim check 63, PNDBio: four rewordings of one request by two authors, and "three contributions" read false).
    "points_none_people": _s(
        "No se encontró ninguna frase que tres o más participantes digan de forma lo bastante parecida para citarla como su punto "
        "común (cada participante cuenta una vez, aunque lo repita; los puntos dichos con otras palabras no se ven así), de modo "
        "que cada asunto muestra ejemplos de lo que se dijo, no puntos clave: son muestras, no lo que dice la mayoría; el "
        "identificador permite encontrarlas en comments.csv.",
        "Não foi encontrada nenhuma frase que três ou mais participantes digam de forma parecida o bastante para citá-la como seu "
        "ponto comum (cada participante conta uma vez, mesmo que a repita; pontos ditos com outras palavras não aparecem assim), "
        "então cada assunto mostra exemplos do que foi dito, não pontos-chave: são amostras, não o que diz a maioria; o "
        "identificador permite encontrá-las em comments.csv.",
        "No sentence was found that three or more participants say closely enough alike to quote as their shared point (each "
        "participant counts once, however often they repeat it; points made in other words do not show this way), so each "
        "subject shows examples of what was said, not key points: they are samples, not what most said; the id finds each in "
        "comments.csv.",
    ),
    # Many contributions, few voices: how many participants wrote a subject's contributions (an author column).
    "group_participants": _n(
        ("De 1 participante.", "De {n} participantes."),
        ("De 1 participante.", "De {n} participantes."),
        ("From 1 participant.", "From {n} participants."),
    ),
    # ... when one of them wrote much of it (a platform's seeder, an organisation posting each of its points).
    # ... when that one is the account that posted the organiser's own statements (a Pol.is owner reposting ideas).
    "group_participants_organiser_wrote": _s(
        "De {n} participantes; {top} las publicó la cuenta que también publicó los textos del organizador.",
        "De {n} participantes; {top} foram publicadas pela conta que também publicou os textos do organizador.",
        "From {n} participants; {top} were posted by the account that also posted the organiser's own text.",
    ),
    "group_participants_one_wrote": _s(
        "De {n} participantes; uno de ellos escribió {top}.",
        "De {n} participantes; um deles escreveu {top}.",
        "From {n} participants; one of them wrote {top}.",
    ),
    # Contributions presented in an organisation's name (``summary.organisations``; claim check 93, PNDBio: "78
    # participants" read as 78 people, where industry associations wrote most).
    "s_organisations": _n(
        (
            "1 contribución analizada se presenta a nombre de una organización ({names}): no todo participante es una persona.",
            "{n} contribuciones analizadas se presentan a nombre de una organización ({k} organizaciones, como {names}): no todo "
            "participante es una persona.",
        ),
        (
            "1 contribuição analisada é apresentada em nome de uma organização ({names}): nem todo participante é uma pessoa.",
            "{n} contribuições analisadas são apresentadas em nome de uma organização ({k} organizações, como {names}): nem todo "
            "participante é uma pessoa.",
        ),
        (
            "1 contribution analysed is presented in an organisation's name ({names}): not every participant is a person.",
            "{n} contributions analysed are presented in an organisation's name ({k} organisations, such as {names}): not every "
            "participant is a person.",
        ),
    ),
    "s_organisations_one": _n(
        (
            "1 contribución analizada se presenta a nombre de una organización ({names}): no todo participante es una persona.",
            "{n} contribuciones analizadas se presentan a nombre de una misma organización ({names}): no todo participante es una persona.",
        ),
        (
            "1 contribuição analisada é apresentada em nome de uma organização ({names}): nem todo participante é uma pessoa.",
            "{n} contribuições analisadas são apresentadas em nome de uma mesma organização ({names}): nem todo participante é uma pessoa.",
        ),
        (
            "1 contribution analysed is presented in an organisation's name ({names}): not every participant is a person.",
            "{n} contributions analysed are presented in the name of one organisation ({names}): not every participant is a person.",
        ),
    ),
    # Who wrote the analysed contributions (the first screen, from an author column; PNDBio 2025: 575 by 78 participants,
    # 221 of them by five accounts, which the report did not say).
    "s_authorship": _n(
        (
            "Las {contributions} contribuciones analizadas son de {participants} participantes (columna «{column}»); quien más "
            "escribió suma {by_top} ({share}).",
            "Las {contributions} contribuciones analizadas son de {participants} participantes (columna «{column}»); los {top} que "
            "más escribieron suman {by_top} ({share}).",
        ),
        (
            "As {contributions} contribuições analisadas são de {participants} participantes (coluna «{column}»); quem mais "
            "escreveu soma {by_top} ({share}).",
            "As {contributions} contribuições analisadas são de {participants} participantes (coluna «{column}»); os {top} que "
            "mais escreveram somam {by_top} ({share}).",
        ),
        (
            "The {contributions} contributions analysed come from {participants} participants (column “{column}”); the one who "
            "wrote most accounts for {by_top} ({share}).",
            "The {contributions} contributions analysed come from {participants} participants (column “{column}”); the {top} who "
            "wrote most account for {by_top} ({share}).",
        ),
    ),
    # Who took part, where the export names no author and no record (claim check 86).
    # A segment column whose value changes within most writers' contributions (claim check 89: Chile 2016's «tema_nombre»).
    "segment_of_contributions": _s(
        "{column} describe las contribuciones, no a quienes participaron: de los {n} autores o registros con más de una contribución, "
        "{varied} tienen contribuciones con valores distintos.",
        "{column} descreve as contribuições, não quem participou: dos {n} autores ou registros com mais de uma contribuição, "
        "{varied} têm contribuições com valores diferentes.",
        "{column} describes the contributions, not who took part: of the {n} authors or records with more than one contribution, "
        "{varied} have contributions with different values.",
    ),
    "participation_no_authors": _s(
        "El archivo no dice quién escribió cada contribución (no tiene columna de autor ni de registro): no se puede contar a "
        "los participantes; estas tablas cuentan contribuciones.",
        "O arquivo não diz quem escreveu cada contribuição (não tem coluna de autor nem de registro): não é possível contar os "
        "participantes; estas tabelas contam contribuições.",
        "The file does not say who wrote each contribution (it has no author or record column): participants cannot be "
        "counted; these tables count contributions.",
    ),
    # Claim check 92 (Pol.is march-on): "the platform probably cut them there" of 75 statements, 54 of which end whole:
    # Pol.is stops typing at 140, and people write to fit. How many end mid-sentence is said (``cleaning.ends_whole``).
    "note_at_length_limit": _s(
        "{n} contribuciones tienen exactamente {chars} caracteres, el largo de la más larga: es probablemente el límite de la plataforma. "
        "{unended} de ellas terminan sin un signo que cierre la frase: su final puede faltar.",
        "{n} contribuições têm exatamente {chars} caracteres, o tamanho da mais longa: é provavelmente o limite da plataforma. "
        "{unended} delas terminam sem um sinal que feche a frase: o final pode faltar.",
        "{n} contributions are exactly {chars} characters long, the length of the longest: that is probably the platform's limit. "
        "{unended} of them end with no mark that closes a sentence: their end may be missing.",
    ),
    "note_at_length_limit_ended": _s(
        "{n} contribuciones tienen exactamente {chars} caracteres, el largo de la más larga: es probablemente el límite de la plataforma; "
        "todas terminan con un signo que cierra la frase.",
        "{n} contribuições têm exatamente {chars} caracteres, o tamanho da mais longa: é provavelmente o limite da plataforma; "
        "todas terminam com um sinal que fecha a frase.",
        "{n} contributions are exactly {chars} characters long, the length of the longest: that is probably the platform's limit; "
        "all of them end with a mark that closes a sentence.",
    ),
    # Spellings of one segment value read as one (``ingest.segments.merge_spellings``; claim check 93, PNDBio's chapter 7).
    "note_segment_spellings": _n(
        (
            "En la columna «{column}», 1 valor escrito de otra forma (mayúsculas, tildes, puntuación o espacios) se contó con el otro.",
            "En la columna «{column}», {n} valores escritos de otra forma (mayúsculas, tildes, puntuación o espacios) se contaron con el suyo.",
        ),
        (
            "Na coluna «{column}», 1 valor escrito de outra forma (maiúsculas, acentos, pontuação ou espaços) foi contado com o outro.",
            "Na coluna «{column}», {n} valores escritos de outra forma (maiúsculas, acentos, pontuação ou espaços) foram contados com o seu.",
        ),
        (
            "In column “{column}”, 1 value spelt another way (capitals, accents, punctuation or spaces) was counted with the other.",
            "In column “{column}”, {n} values spelt another way (capitals, accents, punctuation or spaces) were counted with their own.",
        ),
    ),
    # After a quote's id, where only its opening is shown (``report.sections.common.quote_excerpt``; claim check 93).
    "quote_excerpt": _s(
        "fragmento: completa en comments.csv ({chars} caracteres)",
        "trecho: completa em comments.csv ({chars} caracteres)",
        "excerpt: in full in comments.csv ({chars} characters)",
    ),
    # After a quote's id, where it is as long as the platform's limit (``cleaning.at_length_limit``).
    "quote_at_limit": _s(
        "{chars} caracteres, el límite: su final puede faltar",
        "{chars} caracteres, o limite: o final pode faltar",
        "{chars} characters, the limit: its end may be missing",
    ),
    # ... and where no author is named but the rows are grouped in records (Chile 2016: «id_ela», the local meetings).
    "s_records": _s(
        "Las {contributions} contribuciones analizadas vienen de {records} registros distintos según la columna «{column}», "
        "que agrupa las filas (un registro puede ser una reunión, un acta o una cuenta); el que más tiene suma {most}: quien "
        "escribe es cada registro, no necesariamente una persona.",
        "As {contributions} contribuições analisadas vêm de {records} registros distintos segundo a coluna «{column}», que "
        "agrupa as linhas (um registro pode ser uma reunião, uma ata ou uma conta); o que mais tem soma {most}: quem escreve "
        "é cada registro, não necessariamente uma pessoa.",
        "The {contributions} contributions analysed come from {records} distinct records by the column “{column}”, which "
        "groups the rows (a record may be a meeting, its minutes or an account); the largest holds {most}: each record "
        "writes, not necessarily one person.",
    ),
    "fig_groups_main": _n(
        ("asunto principal (1% o más)", "asuntos principales (1% o más cada uno)"),
        ("assunto principal (1% ou mais)", "assuntos principais (1% ou mais cada um)"),
        ("main subject (1% or more)", "main subjects (1% or more each)"),
    ),
    # Said after s_other where the tagger gave no theme to many (claim checks 61, 63: NHS feedback 78%, PNDBio 42%).
    "s_other_fit": _s(
        "Con tantas, la taxonomía puede no ajustarse a esta consulta: se puede dar un libro de códigos con sus propios temas "
        "(themes.taxonomy).",
        "Com tantas, a taxonomia pode não se ajustar a esta consulta: pode-se dar um livro de códigos com os seus próprios temas "
        "(themes.taxonomy).",
        "With so many, the taxonomy may not fit this consultation: a codebook of its own themes can be given (themes.taxonomy).",
    ),
    # A theme the consultation's own title names (summary.title_themes): its question, counted apart.
    # The theme the title names by its name (Pol.is "… on affordable housing": «Housing» 64%): its keywords in the title count.
    "s_title_named_theme": _s(
        "El título de la consulta nombra el tema {theme} ({share}): su proporción dice sobre qué se preguntó tanto como lo que se dijo.",
        "O título da consulta nomeia o tema {theme} ({share}): sua proporção diz sobre o que se perguntou tanto quanto o que se disse.",
        "The consultation's own title names the theme {theme} ({share}): its share says what was asked about as much as what "
        "people raised.",
    ),
    "s_title_themes": _n(
        (
            "El título de la consulta nombra el tema {themes}: {users} de las {n} contribuciones distintas usan sus palabras "
            "({words}), que son la pregunta a la que responden y no cuentan como evidencia del tema; su proporción cuenta solo "
            "las etiquetadas por otras palabras o por su sentido.",
            "El título de la consulta nombra los temas {themes}: {users} de las {n} contribuciones distintas usan sus palabras "
            "({words}), que son la pregunta a la que responden y no cuentan como evidencia de esos temas; sus proporciones "
            "cuentan solo las etiquetadas por otras palabras o por su sentido.",
        ),
        (
            "O título da consulta nomeia o tema {themes}: {users} das {n} contribuições distintas usam suas palavras ({words}), "
            "que são a pergunta a que respondem e não contam como evidência do tema; sua proporção conta só as marcadas por "
            "outras palavras ou pelo seu sentido.",
            "O título da consulta nomeia os temas {themes}: {users} das {n} contribuições distintas usam suas palavras "
            "({words}), que são a pergunta a que respondem e não contam como evidência desses temas; suas proporções contam "
            "só as marcadas por outras palavras ou pelo seu sentido.",
        ),
        (
            "The consultation's own title names the theme {themes}: {users} of the {n} distinct contributions use its words "
            "({words}), which are the question they answer and do not count as evidence of the theme; its share counts only "
            "those tagged on other words or by their meaning.",
            "The consultation's own title names the themes {themes}: {users} of the {n} distinct contributions use their "
            "words ({words}), which are the question they answer and do not count as evidence of those themes; their shares "
            "count only those tagged on other words or by their meaning.",
        ),
    ),
}
