"""Catalogue entries of positions (support, partial, oppose) and of Pol.is votes, in es, pt and en."""

from __future__ import annotations

from consultnlp.i18n.catalogue import _n, _s

POSITION_STRINGS: dict[str, dict] = {
    # Names of the positions (tables, headings).
    "position_support": _s("A favor", "A favor", "Support"),
    "position_partial": _s("De acuerdo en parte", "De acordo em parte", "Agree in part"),
    "position_oppose": _s("En contra", "Contra", "Oppose"),
    "position_none": _s("Sin postura expresa", "Sem posição expressa", "No stated position"),
    # "45% of those stating a position ..."
    "position_verb_support": _s("están a favor", "são a favor", "support it"),
    "position_verb_partial": _s("están de acuerdo en parte", "concordam em parte", "agree in part"),
    "position_verb_oppose": _s("están en contra", "são contra", "oppose it"),
    "position_heading": _s("Postura", "Posição", "Position"),
    "all_contributions": _s("Todas las contribuciones", "Todas as contribuições", "All contributions"),
    # Section.
    "positions": _s("Apoyo y oposición", "Apoio e oposição", "Support and opposition"),
    "positions_intro_text": _s(
        "Las posturas se leyeron en el propio texto, solo cuando la contribución las expresa de forma explícita («estoy en contra», "
        "«apoyamos la propuesta», «no estoy del todo de acuerdo») o juzga una medida de la propuesta («el cierre del consultorio es "
        "inaceptable»). Las preguntas, las opiniones atribuidas a otros y las negaciones («no estoy en contra») no cuentan como postura. "
        "Una contribución sin una frase así figura «sin postura expresa»: no se adivina.",
        "As posições foram lidas no próprio texto, só quando a contribuição as expressa de forma explícita («sou contra», «apoiamos a "
        "proposta», «não concordo totalmente») ou julga uma medida da proposta («o fechamento do posto é inaceitável»). Perguntas, "
        "opiniões atribuídas a outros e negações («não sou contra») não contam como posição. Uma contribuição sem uma frase assim "
        "aparece «sem posição expressa»: nada é adivinhado.",
        "Positions were read from the text itself, only where a contribution states one explicitly (“I oppose”, “we support the "
        "proposal”, “I don't fully agree”) or judges a measure of the proposal (“closing the clinic is unacceptable”). Questions, "
        "views attributed to others and negations (“I am not against”) do not count. A contribution without such a statement is "
        "shown as “no stated position”: nothing is guessed.",
    ),
    "positions_intro_column": _s(
        "Las posturas son las respuestas a la pregunta cerrada «{column}», tal como las registra el archivo.",
        "As posições são as respostas à pergunta fechada «{column}», tal como o arquivo as registra.",
        "Positions are the answers to the closed question “{column}”, as the file records them.",
    ),
    # How a closed question's answers were read (Chile 2016: "A" marked agreement within a meeting, not for a proposal).
    "answers_read": _s(
        "{readings}. Si la pregunta registraba otra cosa (por ejemplo, el grado de acuerdo dentro de un grupo), estas posturas no "
        "son apoyo ni oposición: la correspondencia se cambia con positions.mapping.",
        "{readings}. Se a pergunta registrava outra coisa (por exemplo, o grau de acordo dentro de um grupo), estas posições não "
        "são apoio nem oposição: a correspondência se muda com positions.mapping.",
        "{readings}. If the question recorded something else (the level of agreement within a group, say), these positions are "
        "not support or opposition: the reading is changed with positions.mapping.",
    ),
    "answers_read_first": _s("{answers} se lee como {position}", "{answers} é lido como {position}", "{answers} is read as {position}"),
    "answers_read_first_many": _s(
        "{answers} se leen como {position}", "{answers} são lidos como {position}", "{answers} are read as {position}"
    ),
    "answers_read_more": _s("{answers} como {position}", "{answers} como {position}", "{answers} as {position}"),
    "positions_intro_model": _s(
        "Las posturas de las contribuciones analizadas las estimó un clasificador entrenado con contribuciones etiquetadas: son "
        "estimaciones, no declaraciones; las contribuciones apartadas por expresar solo una postura se leyeron en su texto.",
        "As posições das contribuições analisadas foram estimadas por um classificador treinado com contribuições rotuladas: são "
        "estimativas, não declarações; as contribuições separadas por expressarem só uma posição foram lidas no seu texto.",
        "Positions of the analysed contributions were estimated by a classifier trained on labelled contributions: they are "
        "estimates, not statements; contributions set aside because they state only a position were read from their text.",
    ),
    "positions_counted": _s(
        "Se cuentan {total} contribuciones: {analysed} distintas analizadas y {set_aside} apartadas del análisis porque solo expresan "
        "una postura («acuerdo total», «totalmente de acuerdo»), que aquí sí cuenta.",
        "São contadas {total} contribuições: {analysed} distintas analisadas e {set_aside} separadas da análise porque só expressam "
        "uma posição («concordo plenamente», «de acordo»), que aqui conta.",
        "{total} contributions are counted: {analysed} distinct ones analysed and {set_aside} set aside from the analysis because they "
        "state only a position (“I agree”, “acuerdo total”), which counts here.",
    ),
    # Some rows set aside as reason-free are appraisals ("muy bien"), not positions: say how many of them count.
    "positions_counted_some": _s(
        "Se cuentan {total} contribuciones: {analysed} distintas analizadas y {set_aside} apartadas del análisis porque solo expresan "
        "una postura o una valoración sin razones («acuerdo total», «muy bien»); {stating} de ellas expresan una postura, que aquí sí cuenta.",
        "São contadas {total} contribuições: {analysed} distintas analisadas e {set_aside} separadas da análise porque só expressam "
        "uma posição ou uma avaliação sem razões («concordo plenamente», «muito bom»); {stating} delas expressam uma posição, que aqui conta.",
        "{total} contributions are counted: {analysed} distinct ones analysed and {set_aside} set aside from the analysis because they "
        "state only a position or an appraisal with no reason (“I agree”, “very good”); {stating} of them state a position, which counts here.",
    ),
    "positions_counted_plain": _s(
        "Se cuentan las {total} contribuciones distintas analizadas.",
        "São contadas as {total} contribuições distintas analisadas.",
        "The {total} distinct contributions analysed are counted.",
    ),
    "positions_balance_column": _s(
        "De las {stated} que responden a la pregunta, {support} están a favor, {partial} de acuerdo en parte y {oppose} en contra.",
        "Das {stated} que respondem à pergunta, {support} são a favor, {partial} concordam em parte e {oppose} são contra.",
        "Of the {stated} that answer the question, {support} support, {partial} agree in part and {oppose} oppose.",
    ),
    # Rows that answer several questions (a --context-column, --questions): each position is on the question its row
    # answers, so one balance adds up positions on different proposals (ArgKP dev as a consultation: four motions, "51%
    # support and 49% oppose").
    "positions_several_prompts": _s(
        "Las contribuciones responden a {prompts} preguntas distintas: cada postura es sobre la pregunta que responde su "
        "contribución, y este balance suma posturas sobre propuestas distintas.",
        "As contribuições respondem a {prompts} perguntas diferentes: cada posição é sobre a pergunta que a sua contribuição "
        "responde, e este balanço soma posições sobre propostas diferentes.",
        "The contributions answer {prompts} different questions: each position is on the question its contribution answers, "
        "so this balance adds up positions on different proposals.",
    ),
    "positions_balance": _s(
        "De las {stated} que expresan una postura, {support} están a favor, {partial} de acuerdo en parte y {oppose} en contra.",
        "Das {stated} que expressam uma posição, {support} são a favor, {partial} concordam em parte e {oppose} são contra.",
        "Of the {stated} that state a position, {support} support it, {partial} agree in part and {oppose} oppose it.",
    ),
    # Positions from a closed question: every row with an answer "states" one, so the sentence says whose answer it is.
    # A closed question whose answers hold no "in part" (Agree / Disagree): no share of a third answer it never offered
    # (claim check 62, ArgKP dev: "51% support, 0% agree in part and 49% oppose").
    "positions_balance_column_two": _s(
        "De las {stated} que responden a la pregunta, {support} están a favor y {oppose} en contra.",
        "Das {stated} que respondem à pergunta, {support} são a favor e {oppose} são contra.",
        "Of the {stated} that answer the question, {support} support and {oppose} oppose.",
    ),
    "s_positions_column_two": _s(
        "{stated} de las {total} contribuciones distintas ({share}) responden a la pregunta cerrada «{column}»: {support} de "
        "ellas están a favor y {oppose} en contra.",
        "{stated} das {total} contribuições distintas ({share}) respondem à pergunta fechada «{column}»: {support} delas são a "
        "favor e {oppose} são contra.",
        "{stated} of the {total} distinct contributions ({share}) answer the closed question “{column}”: {support} of them "
        "support and {oppose} oppose.",
    ),
    "s_positions_column_set_aside_two": _s(
        "De las {total} contribuciones contadas para la pregunta cerrada «{column}» (las {analysed} distintas analizadas y "
        "las {set_aside} apartadas por expresar solo una postura, cada una por separado), {stated} ({share}) la responden: {support} a favor y {oppose} en "
        "contra.",
        "Das {total} contribuições contadas para a pergunta fechada «{column}» (as {analysed} distintas analisadas e as {set_aside} "
        "separadas por expressarem só uma posição, cada uma à parte), {stated} ({share}) a respondem: {support} a favor e {oppose} contra.",
        "Of the {total} contributions counted for the closed question “{column}” (the {analysed} distinct ones analysed and "
        "the {set_aside} set aside for stating only a position, each on its own), {stated} ({share}) answer it: {support} support and {oppose} oppose.",
    ),
    "s_positions_column": _s(
        "{stated} de las {total} contribuciones distintas ({share}) responden a la pregunta cerrada «{column}»: {support} de "
        "ellas están a favor, {partial} de acuerdo en parte y {oppose} en contra.",
        "{stated} das {total} contribuições distintas ({share}) respondem à pergunta fechada «{column}»: {support} delas são a "
        "favor, {partial} concordam em parte e {oppose} são contra.",
        "{stated} of the {total} distinct contributions ({share}) answer the closed question “{column}”: {support} of them "
        "support, {partial} agree in part and {oppose} oppose.",
    ),
    # Some stated positions name a measure or matter: the shares are of those about the proposal as a whole.
    "s_positions_whole": _s(
        "De las {total} contribuciones contadas para las posturas, {stated} ({share}) expresan una, {targeted} de ellas "
        "sobre una medida o un asunto concreto; de las {whole} que tratan de la propuesta en su conjunto, {support} están a favor, "
        "{partial} de acuerdo en parte y {oppose} en contra.",
        "Das {total} contribuições contadas para as posições, {stated} ({share}) expressam uma, {targeted} delas "
        "sobre uma medida ou um assunto concreto; das {whole} que tratam da proposta como um todo, {support} são a favor, "
        "{partial} concordam em parte e {oppose} são contra.",
        "Of the {total} contributions counted for positions, {stated} ({share}) state one, {targeted} of them about a "
        "particular measure or matter; of the {whole} about the proposal as a whole, {support} support it, {partial} agree in "
        "part and {oppose} oppose it.",
    ),
    "positions_balance_whole": _s(
        "De las {whole} que expresan una postura sobre la propuesta en su conjunto, {support} están a favor, {partial} de acuerdo "
        "en parte y {oppose} en contra. Otras {targeted} la expresan sobre una medida o un asunto concreto que nombran (abajo).",
        "Das {whole} que expressam uma posição sobre a proposta como um todo, {support} são a favor, {partial} concordam em parte "
        "e {oppose} são contra. Outras {targeted} a expressam sobre uma medida ou um assunto concreto que nomeiam (abaixo).",
        "Of the {whole} that state a position on the proposal as a whole, {support} support it, {partial} agree in part and "
        "{oppose} oppose it. {targeted} more state one about a particular measure or matter they name (below).",
    ),
    "s_positions": _s(
        "{stated} de las {total} contribuciones distintas ({share}) expresan una postura: {support} de ellas están a favor, "
        "{partial} de acuerdo en parte y {oppose} en contra.",
        "{stated} das {total} contribuições distintas ({share}) expressam uma posição: {support} delas são a favor, "
        "{partial} concordam em parte e {oppose} são contra.",
        "{stated} of the {total} distinct contributions ({share}) state a position: {support} of them support it, "
        "{partial} agree in part and {oppose} oppose it.",
    ),
    # Most stated positions name what they are about ("I support investments in renewable energy"): "70% support it"
    # would add them up as support for the proposal.
    "positions_balance_targets": _s(
        "De las {stated} que expresan una postura ({support} a favor, {partial} de acuerdo en parte y {oppose} en contra), "
        "{targeted} la expresan sobre una medida o un asunto concreto que nombran, no sobre la propuesta en su conjunto. "
        "No se suman como proporciones de apoyo u oposición a la propuesta; tables/position_targets.csv dice sobre qué es cada una.",
        "Das {stated} que expressam uma posição ({support} a favor, {partial} de acordo em parte e {oppose} contra), "
        "{targeted} a expressam sobre uma medida ou um assunto concreto que nomeiam, não sobre a proposta como um todo. "
        "Não são somadas como proporções de apoio ou oposição à proposta; tables/position_targets.csv diz sobre o que é cada uma.",
        "Of the {stated} that state a position ({support} in support, {partial} agreeing in part and {oppose} opposed), "
        "{targeted} state it about a particular measure or matter they name, not about the proposal as a whole. "
        "They are not added up as shares of support for or opposition to the proposal; tables/position_targets.csv says what "
        "each is about.",
    ),
    "s_positions_targets": _s(
        "{stated} de las {total} contribuciones distintas ({share}) expresan una postura, {targeted} de ellas sobre una medida o un "
        "asunto concreto y no sobre la propuesta en su conjunto, así que no se suman como apoyo u oposición.",
        "{stated} das {total} contribuições distintas ({share}) expressam uma posição, {targeted} delas sobre uma medida ou um "
        "assunto concreto e não sobre a proposta como um todo, por isso não são somadas como apoio ou oposição.",
        "{stated} of the {total} distinct contributions ({share}) state a position, {targeted} of them about a particular measure "
        "or matter rather than the proposal as a whole, so they are not added up as support or opposition.",
    ),
    # The same, when the base holds rows set aside for stating only a position: the bundled sample said «23 de las 545
    # contribuciones distintas» two lines under the first screen's 538 distinct (stop 38).
    "s_positions_targets_set_aside": _s(
        "De las {total} contribuciones contadas para las posturas (las {analysed} distintas analizadas y las {set_aside} apartadas por "
        "expresar solo una postura, cada una por separado), {stated} ({share}) expresan una, {targeted} de ellas sobre una medida o un asunto concreto y "
        "no sobre la propuesta en su conjunto, así que no se suman como apoyo u oposición.",
        "Das {total} contribuições contadas para as posições (as {analysed} distintas analisadas e as {set_aside} separadas por "
        "expressarem só uma posição, cada uma à parte), {stated} ({share}) expressam uma, {targeted} delas sobre uma medida ou um assunto concreto "
        "e não sobre a proposta como um todo, por isso não são somadas como apoio ou oposição.",
        "Of the {total} contributions counted for positions (the {analysed} distinct ones analysed and the {set_aside} set aside for "
        "stating only a position, each on its own), {stated} ({share}) state one, {targeted} of them about a particular measure or matter rather "
        "than the proposal as a whole, so they are not added up as support or opposition.",
    ),
    # Some stances are about a named measure or matter (read 10: "Rechazamos toda forma de autoritarismo" counted against,
    # in defence of democracy): the shares say so, so that "against" is not read as against the proposal.
    "s_positions_some_targeted": _n(
        (
            "1 de esas posturas trata de una medida o un asunto concreto y no de la propuesta en su conjunto.",
            "{n} de esas posturas tratan de una medida o un asunto concreto y no de la propuesta en su conjunto.",
        ),
        (
            "1 dessas posições trata de uma medida ou um assunto concreto e não da proposta como um todo.",
            "{n} dessas posições tratam de uma medida ou um assunto concreto e não da proposta como um todo.",
        ),
        (
            "1 of those positions is about a particular measure or matter rather than the proposal as a whole.",
            "{n} of those positions are about a particular measure or matter rather than the proposal as a whole.",
        ),
    ),
    # Fewer than the minimum state a position: no section, one sentence in the method section (issue 25, item 5).
    # None states one (PNDBio: every row "none"; claim check 70 found the section missing with no word why).
    "positions_none": _s(
        "La lectura automática de posturas no encontró una explícita, a favor o en contra, en ninguna de las {total} "
        "contribuciones distintas: no hay sección sobre apoyo y oposición.",
        "A leitura automática de posições não encontrou uma explícita, a favor ou contra, em nenhuma das {total} contribuições "
        "distintas: não há seção sobre apoio e oposição.",
        "The automatic reading of positions found none for or against in any of the {total} distinct contributions: there is "
        "no section on support and opposition.",
    ),
    # What the cue reader found, said as its finding (claim check 86: a proposals export "Só 4 … expressam uma posição
    # explícita", where proposals said «ser contra» new power plants in words it did not read).
    "positions_too_few": _s(
        "La lectura automática de posturas encontró una explícita, a favor o en contra de lo consultado o de una de sus "
        "medidas, en solo {stated} de las {total} contribuciones distintas ({support} a favor, {partial} de acuerdo en parte y "
        "{oppose} en contra): con menos de {minimum} no hay sección sobre apoyo y oposición; comments.csv da la postura leída "
        "en cada una.",
        "A leitura automática de posições encontrou uma explícita, a favor ou contra o que está em consulta ou uma das suas "
        "medidas, em só {stated} das {total} contribuições distintas ({support} a favor, {partial} de acordo em parte e "
        "{oppose} contra): com menos de {minimum} não há seção sobre apoio e oposição; comments.csv traz a posição lida em "
        "cada uma.",
        "The automatic reading of positions found one, for or against what is consulted on or one of its measures, in only "
        "{stated} of the {total} distinct contributions ({support} in support, {partial} agreeing in part and {oppose} "
        "opposed): with fewer than {minimum} there is no section on support and opposition; comments.csv gives the position "
        "read in each.",
    ),
    "positions_few_stated": _s(
        "Solo {share} de las contribuciones expresa una postura de forma explícita: estas proporciones describen a quienes lo hicieron, "
        "no a todas las personas que participaron.",
        "Só {share} das contribuições expressa uma posição de forma explícita: estas proporções descrevem quem o fez, não todas as "
        "pessoas que participaram.",
        "Only {share} of the contributions state a position explicitly: these shares describe those who did, not everyone who took part.",
    ),
    # A closed question's side is named by its answers: in Chile 2016 «D» marked a meeting that did not agree, and
    # "Razones de quienes están en contra" was false (claim check 67: about 4 of 20 such rows oppose the concept).
    "reasons_answered": _s(
        "Razones de las contribuciones con la respuesta {answers} (leída como {position})",
        "Razões das contribuições com a resposta {answers} (lida como {position})",
        "Reasons given with the answer {answers} (read as {position})",
    ),
    "reasons_oppose": _s("Razones de quienes están en contra", "Razões de quem é contra", "Reasons given by those who oppose"),
    "reasons_support": _s("Razones de quienes están a favor", "Razões de quem é a favor", "Reasons given by those who support"),
    "reasons_partial": _s(
        "Razones de quienes están de acuerdo en parte", "Razões de quem concorda em parte", "Reasons given by those who agree in part"
    ),
    "reasons_counts": _n(
        ("1 contribución distinta analizada.", "{n} contribuciones distintas analizadas."),
        ("1 contribuição distinta analisada.", "{n} contribuições distintas analisadas."),
        ("1 distinct contribution analysed.", "{n} distinct contributions analysed."),
    ),
    "reasons_dominant": _s(
        "Son {share} de las contribuciones analizadas: sus razones son los puntos clave de los asuntos, más arriba. Algunas de ellas:",
        "São {share} das contribuições analisadas: suas razões são os pontos-chave dos assuntos, mais acima. Algumas delas:",
        "They are {share} of the contributions analysed: their reasons are the subjects' key points, above. Some of them:",
    ),
    "reasons_no_points": _s(
        "Ninguna razón la comparten suficientes contribuciones para agruparla; algunas de ellas:",
        "Nenhuma razão é partilhada por contribuições suficientes para agrupá-la; algumas delas:",
        "No reason is shared by enough contributions to group it; some of them:",
    ),
    "reasons_in_group": _s("En «{group}»", "Em «{group}»", "In “{group}”"),
    "positions_by_group": _s("Posturas por asunto", "Posições por assunto", "Positions by subject"),
    "stated_heading": _s("Con postura", "Com posição", "Stating one"),
    "positions_findings": _s(
        "Posturas según grupos de participantes", "Posições segundo grupos de participantes", "Positions by group of participants"
    ),
    "s_position_finding": _s(
        "En {segment} ({column}), {share} de quienes expresan una postura {verb} (frente a {overall} en total; {n} contribuciones distintas).",
        "Em {segment} ({column}), {share} de quem expressa uma posição {verb} (contra {overall} no total; {n} contribuições distintas).",
        "In {segment} ({column}), {share} of those stating a position {verb} ({overall} overall; {n} distinct contributions).",
    ),
    "positions_no_findings": _s(
        "Ninguna diferencia de postura entre grupos de participantes es a la vez estadísticamente significativa y relevante.",
        "Nenhuma diferença de posição entre grupos de participantes é ao mesmo tempo estatisticamente significativa e relevante.",
        "No difference in positions between groups of participants is both statistically significant and material.",
    ),
    # Pol.is votes.
    "votes": _s(
        "Reacciones de otros participantes (votos)", "Reações de outros participantes (votos)", "Reactions of other participants (votes)"
    ),
    # Without the export's vote matrix the per-comment counts hold each author's automatic vote (claim check 58: 1,527 of
    # march-on's 1,697 comments had that vote alone): said, not hidden.
    # Claim check 80 (Pol.is affordable housing): "4,839 votes ...; 79% of them agree" left out 1,077 passes unsaid.
    "votes_intro": _s(
        "Los participantes votaron de acuerdo o en desacuerdo con los comentarios de otros: es la reacción del público, no la postura "
        "de quien escribe. {votes} votos de acuerdo o en desacuerdo (los «pasar» no se cuentan) sobre {comments} comentarios distintos, como los cuenta la exportación (con el voto de cada autor "
        "sobre su propio comentario: no trae la matriz de votos para quitarlo); {agreement} de ellos de acuerdo. La división vale 0 "
        "cuando todos votan igual y 1 cuando los votos se reparten por mitades (promedio ponderado por votos).",
        "Os participantes votaram concordando ou discordando dos comentários de outros: é a reação do público, não a posição de quem "
        "escreve. {votes} votos de concordância ou discordância (os «passar» não contam) sobre {comments} comentários distintos, como a exportação os conta (com o voto de cada autor no próprio "
        "comentário: ela não traz a matriz de votos para tirá-lo); {agreement} deles de acordo. A divisão vale 0 quando todos "
        "votam igual e 1 quando os votos se dividem ao meio (média ponderada pelos votos).",
        "Participants voted agree or disagree on each other's comments: this is the audience's reaction, not the author's position. "
        "{votes} agree or disagree votes (passes not counted) on {comments} distinct comments, as the export counts them (each author's own vote on their comment included: "
        "it has no vote matrix to leave it out); {agreement} of them agree. Division is 0 when everyone votes alike and 1 when "
        "votes split evenly (weighted by votes).",
    ),
    # With the export's vote matrix, each author's own vote is known and left out (analysis._without_own_votes): the
    # biodiversity claim check of stop 40 could not reproduce the total without being told.
    "votes_intro_own": _s(
        "Los participantes votaron de acuerdo o en desacuerdo con los comentarios de otros: es la reacción del público, no la postura "
        "de quien escribe. {votes} votos de acuerdo o en desacuerdo (los «pasar» no se cuentan) sobre {comments} comentarios distintos, sin el voto de cada autor sobre su propio comentario; {agreement} de ellos de acuerdo. La división vale 0 "
        "cuando todos votan igual y 1 cuando los votos se reparten por mitades (promedio ponderado por votos).",
        "Os participantes votaram concordando ou discordando dos comentários de outros: é a reação do público, não a posição de quem "
        "escreve. {votes} votos de concordância ou discordância (os «passar» não contam) sobre {comments} comentários distintos, sem o voto de cada autor no próprio comentário; {agreement} deles de acordo. A divisão vale 0 quando todos "
        "votam igual e 1 quando os votos se dividem ao meio (média ponderada pelos votos).",
        "Participants voted agree or disagree on each other's comments: this is the audience's reaction, not the author's position. "
        "{votes} agree or disagree votes (passes not counted) on {comments} distinct comments, leaving out each author's vote on their own comment; {agreement} of them agree. Division is 0 when everyone votes alike and 1 when "
        "votes split evenly (weighted by votes).",
    ),
    "votes_heading": _s("Votos", "Votos", "Votes"),
    "agreement_heading": _s("De acuerdo", "De acordo", "Agree"),
    "division_heading": _s("División", "Divisão", "Division"),
    "comments_heading": _s("Comentarios", "Comentários", "Comments"),
    # Notes of the positions stage.
    "note_position_column_found": _s(
        "La columna «{column}» es una pregunta cerrada de acuerdo y desacuerdo: sus respuestas son las posturas "
        "(positions.detect_column: false para leerlas en el texto).",
        "A coluna «{column}» é uma pergunta fechada de concordância: suas respostas são as posições "
        "(positions.detect_column: false para lê-las no texto).",
        "The column “{column}” is a closed agree/disagree question: its answers are the positions "
        "(positions.detect_column: false reads them from the text instead).",
    ),
    # Claim check 76 (Chile 2016): "0.7% against" read a meeting's "D" (its participants did not agree) as opposition.
    "note_position_column_group": _s(
        "La columna «{column}» parece registrar cuánto acordó cada grupo, no el apoyo o la oposición de quien escribe: de "
        "{read} contribuciones leídas de las {total} que la responden en contra o en parte, {named} hablan del acuerdo del grupo "
        "(«{phrase}»). También los textos de estos registros hablan del acuerdo del grupo («estamos de acuerdo», «acuerdo "
        "parcial»), no de una postura propia: no se leen posturas, ni en la columna ni en el texto, y el informe no tiene sección "
        "de posturas (--position-column {column} lee la columna como postura).",
        "A coluna «{column}» parece registrar quanto cada grupo concordou, não o apoio ou a oposição de quem escreve: de "
        "{read} contribuições lidas das {total} que a respondem contra ou em parte, {named} falam da concordância do grupo "
        "(«{phrase}»). Também os textos destes registros falam da concordância do grupo («estamos de acordo», «acordo parcial»), "
        "não de uma posição própria: não se leem posições, nem na coluna nem no texto, e o relatório não tem seção de posições "
        "(--position-column {column} lê a coluna como posição).",
        "The column “{column}” seems to record how far each group agreed, not the writer's support or opposition: of {read} "
        "contributions read among the {total} answering it against or in part, {named} speak of the group's agreement "
        "(“{phrase}”). These records' texts too speak of the group's agreement (“we agree”, “partial agreement”), not of a "
        "stance of their own: no positions are read, in the column or the text, and the report has no positions section "
        "(--position-column {column} reads the column as positions).",
    ),
    # ... where every such answer was read (claim check 84: "de las 431 … se leyeron 431" read as garbled).
    "note_position_column_group_all": _s(
        "La columna «{column}» parece registrar cuánto acordó cada grupo, no el apoyo o la oposición de quien escribe: de las "
        "{total} contribuciones que la responden en contra o en parte, {named} hablan del acuerdo del grupo («{phrase}»). "
        "También los textos de estos registros hablan del acuerdo del grupo («estamos de acuerdo», «acuerdo parcial»), no de "
        "una postura propia: no se leen posturas, ni en la columna ni en el texto, y el informe no tiene sección de posturas "
        "(--position-column {column} lee la columna como postura).",
        "A coluna «{column}» parece registrar quanto cada grupo concordou, não o apoio ou a oposição de quem escreve: das "
        "{total} contribuições que a respondem contra ou em parte, {named} falam da concordância do grupo («{phrase}»). "
        "Também os textos destes registros falam da concordância do grupo («estamos de acordo», «acordo parcial»), não de uma "
        "posição própria: não se leem posições, nem na coluna nem no texto, e o relatório não tem seção de posições "
        "(--position-column {column} lê a coluna como posição).",
        "The column “{column}” seems to record how far each group agreed, not the writer's support or opposition: of the "
        "{total} contributions answering it against or in part, {named} speak of the group's agreement (“{phrase}”). These "
        "records' texts too speak of the group's agreement (“we agree”, “partial agreement”), not of a stance of their own: no "
        "positions are read, in the column or the text, and the report has no positions section (--position-column {column} "
        "reads the column as positions).",
    ),
    "note_positions_votes": _s(
        "Las posturas no se leen en el texto de los comentarios de Pol.is: cada comentario es una postura que los demás votan, "
        "y el acuerdo se lee en los votos.",
        "As posições não são lidas no texto dos comentários do Pol.is: cada comentário é uma posição que os outros votam, "
        "e a concordância é lida nos votos.",
        "Positions are not read from the text of Pol.is comments: each comment is a position others vote on, and agreement is "
        "read from the votes.",
    ),
    "note_position_mapping": _s(
        "Posturas de la columna «{column}»: {mapping}.",
        "Posições da coluna «{column}»: {mapping}.",
        "Positions from the column “{column}”: {mapping}.",
    ),
    "note_position_answers_left": _n(
        (
            "1 fila apartada por otra razón (sin contenido, ilegible, demasiado corta…) también responde a «{column}» y no se cuenta.",
            "{n} filas apartadas por otras razones (sin contenido, ilegibles, demasiado cortas…) también responden a «{column}» y no "
            "se cuentan.",
        ),
        (
            "1 linha separada por outro motivo (sem conteúdo, ilegível, curta demais…) também responde a «{column}» e não é contada.",
            "{n} linhas separadas por outros motivos (sem conteúdo, ilegíveis, curtas demais…) também respondem a «{column}» e não "
            "são contadas.",
        ),
        (
            "1 row set aside for another reason (no content, unreadable, too short…) also answers “{column}” and is not counted.",
            "{n} rows set aside for other reasons (no content, unreadable, too short…) also answer “{column}” and are not counted.",
        ),
    ),
    "note_positions": _s(
        "Posturas (contribuciones, copias incluidas): {support} a favor, {partial} de acuerdo en parte, {oppose} en contra, "
        "{none} sin postura expresa.",
        "Posições (contribuições, cópias incluídas): {support} a favor, {partial} de acordo em parte, {oppose} contra, "
        "{none} sem posição expressa.",
        "Positions (contributions, copies included): {support} support, {partial} agree in part, {oppose} oppose, {none} state none.",
    ),
    # Targets of positions (issue 25, stance): "12 contributions oppose «the toll» (subject Transport)".
    "positions_targets_intro": _s(
        "Las medidas o partes de la propuesta que más contribuciones apoyan o rechazan:",
        "As medidas ou partes da proposta que mais contribuições apoiam ou rejeitam:",
        "The measures or parts of the proposal that most contributions support or oppose:",
    ),
    "s_target_oppose": _n(
        (
            "1 contribución distinta está en contra de «{target}»{group}.",
            "{n} contribuciones distintas están en contra de «{target}»{group}.",
        ),
        ("1 contribuição distinta é contra «{target}»{group}.", "{n} contribuições distintas são contra «{target}»{group}."),
        ("1 distinct contribution opposes “{target}”{group}.", "{n} distinct contributions oppose “{target}”{group}."),
    ),
    "s_target_support": _n(
        ("1 contribución distinta está a favor de «{target}»{group}.", "{n} contribuciones distintas están a favor de «{target}»{group}."),
        ("1 contribuição distinta é a favor de «{target}»{group}.", "{n} contribuições distintas são a favor de «{target}»{group}."),
        ("1 distinct contribution supports “{target}”{group}.", "{n} distinct contributions support “{target}”{group}."),
    ),
    "target_in_group": _s(" (asunto «{group}»)", " (assunto «{group}»)", " (subject “{group}”)"),
}
