"""Catalogue entries of the section on votes (Pol.is): opinion groups, consensus and division, in es, pt and en."""

from __future__ import annotations

from consultnlp.i18n.catalogue import _n, _s

VOTE_STRINGS: dict[str, dict] = {
    "divides": _s("Dónde hay acuerdo y dónde hay división", "Onde há acordo e onde há divisão", "Where people agree and where they divide"),
    "divides_intro": _s(
        "{voters} participantes votaron {votes} veces (de acuerdo, en desacuerdo o pasar) sobre {statements} afirmaciones. "
        "Según cómo votaron, se distinguen {k} grupos de opinión, formados como los forma Pol.is (componentes principales de los "
        "votos y k-medias); {placed} participantes votaron lo suficiente para ubicarlos en un grupo.",
        "{voters} participantes votaram {votes} vezes (concordo, discordo ou passo) sobre {statements} afirmações. "
        "Pela forma como votaram, distinguem-se {k} grupos de opinião, formados como o Pol.is os forma (componentes principais dos "
        "votos e k-médias); {placed} participantes votaram o suficiente para serem situados em um grupo.",
        "{voters} participants voted {votes} times (agree, disagree or pass) on {statements} statements. "
        "From how they voted, {k} opinion groups stand out, formed the way Pol.is forms them (principal components of the votes "
        "and k-means); {placed} participants voted enough to be placed in a group.",
    ),
    "divides_intro_no_groups": _s(
        "{voters} participantes votaron {votes} veces (de acuerdo, en desacuerdo o pasar) sobre {statements} afirmaciones. "
        "Sus votos no los dividen en grupos de opinión de al menos {min_group} participantes cada uno, así que no se describe "
        "ningún grupo.",
        "{voters} participantes votaram {votes} vezes (concordo, discordo ou passo) sobre {statements} afirmações. "
        "Os votos não os dividem em grupos de opinião de pelo menos {min_group} participantes cada um, então nenhum grupo é "
        "descrito.",
        "{voters} participants voted {votes} times (agree, disagree or pass) on {statements} statements. "
        "Their votes do not divide them into opinion groups of at least {min_group} participants each, so no group is described.",
    ),
    # The organiser's questions about who took part ("I voted to Remain"): their votes describe the voters, not a view.
    "divides_profile_more": _n(
        ("y 1 pregunta más, menos votada (tables/statement_votes.csv)", "y {n} preguntas más, menos votadas (tables/statement_votes.csv)"),
        (
            "e 1 pergunta a mais, menos votada (tables/statement_votes.csv)",
            "e {n} perguntas a mais, menos votadas (tables/statement_votes.csv)",
        ),
        ("and 1 more question, less voted (tables/statement_votes.csv)", "and {n} more questions, less voted (tables/statement_votes.csv)"),
    ),
    "divides_profile": _n(
        (
            "El organizador también hizo 1 pregunta sobre quiénes participan ({example}): sus votos describen a los participantes, "
            "no una opinión, y quedan fuera de los grupos, del acuerdo y de la división que siguen.",
            "El organizador también hizo {n} preguntas sobre quiénes participan (como {example}): sus votos describen a los "
            "participantes, no una opinión, y quedan fuera de los grupos, del acuerdo y de la división que siguen.",
        ),
        (
            "O organizador também fez 1 pergunta sobre quem participa ({example}): os votos nela descrevem os participantes, "
            "não uma opinião, e ficam fora dos grupos, do acordo e da divisão a seguir.",
            "O organizador também fez {n} perguntas sobre quem participa (como {example}): os votos nelas descrevem os "
            "participantes, não uma opinião, e ficam fora dos grupos, do acordo e da divisão a seguir.",
        ),
        (
            "The organiser also asked 1 question about who took part ({example}): its votes describe the participants, not a "
            "view, and are left out of the groups, agreement and division below.",
            "The organiser also asked {n} questions about who took part (such as {example}): their votes describe the "
            "participants, not a view, and are left out of the groups, agreement and division below.",
        ),
    ),
    # A statement the organiser wrote (a Pol.is seed or meta question): voted on by participants, but not their words.
    "by_organiser": _s("escrita por el organizador", "escrita pelo organizador", "written by the organiser"),
    # A quoted Pol.is statement's votes (other participants'), after its id.
    # Said once, before the first quote, where each author's own vote was left out (the canadian claim check of stop 41
    # found every quoted count one under the export's).
    "quote_votes_note": _s(
        "Tras el identificador de cada declaración de Pol.is citada van los votos de los demás participantes sobre ella: el voto "
        "de su autor no se cuenta.",
        "Após o identificador de cada declaração do Pol.is citada vêm os votos dos demais participantes sobre ela: o voto do autor "
        "não é contado.",
        "After each quoted Pol.is statement's id come the other participants' votes on it: its author's own vote is not counted.",
    ),
    # A quoted statement no one but its author voted on (claim check 92: "1 agree, 0 disagree", the author's own vote).
    "quote_no_votes": _s("nadie más que su autor votó sobre ella", "ninguém além do autor votou nela", "no one but its author voted on it"),
    # Statements the moderators never reviewed and no one but their author voted on (claim check 92: 1,527 of 1,697).
    "votes_unseen": _n(
        (
            "1 de esos comentarios nunca pasó por la moderación de la plataforma («moderated» = 0) y nadie más que su autor votó "
            "sobre él: es probable que no se mostrara a quienes votaban.",
            "{n} de esos comentarios nunca pasaron por la moderación de la plataforma («moderated» = 0) y nadie más que su autor "
            "votó sobre ellos: es probable que no se mostraran a quienes votaban; los demás votaron sobre {k} de ellos.",
        ),
        (
            "1 desses comentários nunca passou pela moderação da plataforma («moderated» = 0) e ninguém além do autor votou nele: "
            "é provável que não tenha sido mostrado a quem votava.",
            "{n} desses comentários nunca passaram pela moderação da plataforma («moderated» = 0) e ninguém além do autor votou "
            "neles: é provável que não tenham sido mostrados a quem votava; os demais votaram em {k} deles.",
        ),
        (
            "1 of these comments was never reviewed by the platform's moderators (“moderated” = 0) and no one but its author voted "
            "on it: voters were probably never shown it.",
            "{n} of these comments were never reviewed by the platform's moderators (“moderated” = 0) and no one but their author "
            "voted on them: voters were probably never shown them; other participants voted on {k} of them.",
        ),
    ),
    # The votes table shows the subjects with most votes; the rest are in the table file (claim check 92: two left out unsaid).
    "votes_more": _n(
        (
            "Falta 1 asunto con menos votos: está en tables/topic_votes.csv.",
            "Faltan {n} asuntos con menos votos: están en tables/topic_votes.csv.",
        ),
        (
            "Falta 1 assunto com menos votos: está em tables/topic_votes.csv.",
            "Faltam {n} assuntos com menos votos: estão em tables/topic_votes.csv.",
        ),
        (
            "1 more subject, with fewer votes, is in tables/topic_votes.csv.",
            "{n} more subjects, with fewer votes, are in tables/topic_votes.csv.",
        ),
    ),
    "quote_votes": _s(
        "{agree} de acuerdo y {disagree} en desacuerdo", "{agree} concordam e {disagree} discordam", "{agree} agree, {disagree} disagree"
    ),
    # A participant's statement the moderators rejected and the organiser's account posted again, reworded: said as the
    # accounting says it (claim check 76: "in the moderators' words" here, "in its own words" there; the export shows
    # only the organiser's account).
    # The summary's lines on the votes (claim check 76: the clearest result, in the group list only).
    "s_votes_largest_agree": _s(
        "De los {placed} participantes ubicados en grupos de opinión, el grupo más grande ({n}, {share}) está de acuerdo con {text}: "
        "el {inside} de quienes del grupo votaron sobre ella, frente al {outside} de los demás que votaron.",
        "Dos {placed} participantes situados em grupos de opinião, o maior grupo ({n}, {share}) concorda com {text}: "
        "{inside} dos que do grupo votaram nela, contra {outside} dos demais que votaram.",
        "Of the {placed} participants placed in opinion groups, the largest group ({n}, {share}) agrees with {text}: "
        "{inside} of those in the group who voted on it, against {outside} of the others who did.",
    ),
    "s_votes_largest_disagree": _s(
        "De los {placed} participantes ubicados en grupos de opinión, el grupo más grande ({n}, {share}) está en desacuerdo con "
        "{text}: el {inside} de quienes del grupo votaron sobre ella, frente al {outside} de los demás que votaron.",
        "Dos {placed} participantes situados em grupos de opinião, o maior grupo ({n}, {share}) discorda de {text}: "
        "{inside} dos que do grupo votaram nela, contra {outside} dos demais que votaram.",
        "Of the {placed} participants placed in opinion groups, the largest group ({n}, {share}) disagrees with {text}: "
        "{inside} of those in the group who voted on it, against {outside} of the others who did.",
    ),
    "s_votes_consensus": _n(
        (
            "Todos los grupos están de acuerdo con {text}, la única afirmación en que coinciden.",
            "Todos los grupos están de acuerdo con {text}, la más votada de las {n} afirmaciones en que coinciden.",
        ),
        (
            "Todos os grupos concordam com {text}, a única afirmação em que coincidem.",
            "Todos os grupos concordam com {text}, a mais votada das {n} afirmações em que coincidem.",
        ),
        (
            "Every group agrees with {text}, the only statement they all agree on.",
            "Every group agrees with {text}, the most voted of the {n} statements they all agree on.",
        ),
    ),
    "reworded_from": _s(
        "reformulada por el organizador, a partir de la afirmación {source}",
        "reformulada pelo organizador, a partir da afirmação {source}",
        "reworded by the organiser, from statement {source}",
    ),
    "divides_group": _s(
        "Grupo {group}: {n} participantes ({share})",
        "Grupo {group}: {n} participantes ({share})",
        "Group {group}: {n} participants ({share})",
    ),
    "divides_sets_apart": _s("Lo que distingue a cada grupo", "O que distingue cada grupo", "What sets each group apart"),
    "divides_agrees": _s(
        "está de acuerdo con {text} ({inside} de quienes del grupo votaron sobre ella, {outside} de los demás que votaron)",
        "concorda com {text} ({inside} dos que do grupo votaram nela, {outside} dos demais que votaram)",
        "agrees with {text} ({inside} of those in the group who voted on it, {outside} of the others who did)",
    ),
    "divides_disagrees": _s(
        "está en desacuerdo con {text} ({inside} de quienes del grupo votaron sobre ella, {outside} de los demás que votaron)",
        "discorda de {text} ({inside} dos que do grupo votaram nela, {outside} dos demais que votaram)",
        "disagrees with {text} ({inside} of those in the group who voted on it, {outside} of the others who did)",
    ),
    "divides_consensus": _s("En lo que coinciden todos los grupos", "Em que todos os grupos concordam", "What every group agrees on"),
    "divides_consensus_intro": _n(
        (
            "1 afirmación tiene el acuerdo de al menos el 60% de cada grupo:",
            "{n} afirmaciones tienen el acuerdo de al menos el 60% de cada grupo; las {shown} más votadas:",
        ),
        (
            "1 afirmação tem a concordância de pelo menos 60% de cada grupo:",
            "{n} afirmações têm a concordância de pelo menos 60% de cada grupo; as {shown} mais votadas:",
        ),
        (
            "1 statement has the agreement of at least 60% of every group:",
            "{n} statements have the agreement of at least 60% of every group; the {shown} most voted:",
        ),
    ),
    "divides_consensus_none": _s(
        "Ninguna afirmación tiene el acuerdo de al menos el 60% de todos los grupos.",
        "Nenhuma afirmação tem a concordância de pelo menos 60% de todos os grupos.",
        "No statement has the agreement of at least 60% of every group.",
    ),
    "divides_divisive": _s("Lo que divide a los grupos", "O que divide os grupos", "What divides the groups"),
    # "6 statements ...; the most divisive:" over a list of 5 read as one missing (claim check 82): how many are shown.
    "divides_divisive_intro": _n(
        (
            "1 afirmación tiene el acuerdo de al menos el 60% de un grupo y el desacuerdo de al menos el 60% de otro:",
            "{n} afirmaciones tienen el acuerdo de al menos el 60% de un grupo y el desacuerdo de al menos el 60% de otro; las {shown} que más separan:",
        ),
        (
            "1 afirmação tem a concordância de pelo menos 60% de um grupo e a discordância de pelo menos 60% de outro:",
            "{n} afirmações têm a concordância de pelo menos 60% de um grupo e a discordância de pelo menos 60% de outro; as {shown} que mais separam:",
        ),
        (
            "1 statement has the agreement of at least 60% of one group and the disagreement of at least 60% of another:",
            "{n} statements have the agreement of at least 60% of one group and the disagreement of at least 60% of another; the {shown} most divisive:",
        ),
    ),
    "divides_divisive_none": _s(
        "Ninguna afirmación tiene el acuerdo de al menos el 60% de un grupo y el desacuerdo de al menos el 60% de otro.",
        "Nenhuma afirmação tem a concordância de pelo menos 60% de um grupo e a discordância de pelo menos 60% de outro.",
        "No statement has the agreement of at least 60% of one group and the disagreement of at least 60% of another.",
    ),
    # Among the statements at least half of them saw (the median, and 5): a statement 6 people saw is no "most agreed".
    # How many those are, not "half": where most were seen by fewer than 5, they are fewer (claim check 54: 44 of 161).
    "divides_most_agreed": _s(
        "Las afirmaciones con más acuerdo, de las que vieron al menos {seen} participantes ({eligible} de las {total} afirmaciones)",
        "As afirmações com mais concordância, das que pelo menos {seen} participantes viram ({eligible} das {total} afirmações)",
        "The most agreed statements, of those at least {seen} participants saw ({eligible} of the {total} statements)",
    ),
    "divides_most_disputed": _s(
        "Las afirmaciones que más dividen a quienes votaron (acuerdo y desacuerdo más parejos), de las que vieron al menos "
        "{seen} participantes ({eligible} de las {total} afirmaciones)",
        "As afirmações que mais dividem quem votou (concordância e discordância mais equilibradas), das que pelo menos {seen} "
        "participantes viram ({eligible} das {total} afirmações)",
        "The statements that most divide those who voted (agree and disagree closest to even), of those at least {seen} "
        "participants saw ({eligible} of the {total} statements)",
    ),
    "divides_most_agreed_participants": _s(
        "Las afirmaciones de participantes con más acuerdo, de las que vieron al menos {seen} participantes ({eligible} de las {total})",
        "As afirmações de participantes com mais concordância, das que pelo menos {seen} participantes viram ({eligible} das {total})",
        "The participants' most agreed statements, of those at least {seen} participants saw ({eligible} of the {total})",
    ),
    # No vote matrix: the export's own counters per statement (``summary.votes.counter_votes``; claim check 92, march-on).
    "divides_intro_counters": _s(
        "La exportación no trae la matriz de votos: lo que sigue son sus propios contadores de cada afirmación (de acuerdo y "
        "en desacuerdo; los «pasar» no se cuentan y el voto de cada autor sobre la suya sí), {votes} votos sobre las "
        "{statements} afirmaciones que votó alguien más que su autor. Sin la matriz no se pueden formar grupos de opinión.",
        "A exportação não traz a matriz de votos: o que segue são os seus próprios contadores de cada afirmação (concordo e "
        "discordo; os «passar» não contam e o voto de cada autor na sua conta), {votes} votos sobre as {statements} "
        "afirmações em que votou alguém além do autor. Sem a matriz não é possível formar grupos de opinião.",
        "The export has no vote matrix: what follows are its own counters for each statement (agree and disagree; passes not "
        "counted, each author's own vote included), {votes} votes on the {statements} statements that anyone but their author "
        "voted on. Without the matrix no opinion groups can be formed.",
    ),
    "divides_most_agreed_counted": _s(
        "Las afirmaciones con más acuerdo, de las que tienen al menos {seen} votos ({eligible} de las {total} afirmaciones)",
        "As afirmações com mais concordância, das que têm pelo menos {seen} votos ({eligible} das {total} afirmações)",
        "The most agreed statements, of those with at least {seen} votes ({eligible} of the {total} statements)",
    ),
    "divides_most_agreed_participants_counted": _s(
        "Las afirmaciones de participantes con más acuerdo, de las que tienen al menos {seen} votos ({eligible} de las {total})",
        "As afirmações de participantes com mais concordância, das que têm pelo menos {seen} votos ({eligible} das {total})",
        "The participants' most agreed statements, of those with at least {seen} votes ({eligible} of the {total})",
    ),
    "divides_most_disputed_counted": _s(
        "Las afirmaciones que más dividen a quienes votaron (acuerdo y desacuerdo más parejos), de las que tienen al menos "
        "{seen} votos ({eligible} de las {total} afirmaciones)",
        "As afirmações que mais dividem quem votou (concordância e discordância mais equilibradas), das que têm pelo menos "
        "{seen} votos ({eligible} das {total} afirmações)",
        "The statements that most divide those who voted (agree and disagree closest to even), of those with at least {seen} "
        "votes ({eligible} of the {total} statements)",
    ),
    # The same words posted as two statements are listed once (freshwater's 38 and 40).
    "also_posted": _s("también publicada como {ids}", "também publicada como {ids}", "also posted as {ids}"),
    "share_of_seen": _s("{share} de {n}", "{share} de {n}", "{share} of {n}"),
    "divides_shares": _s("de acuerdo: {shares}", "concordam: {shares}", "agree: {shares}"),
    "divides_disagree_shares": _s("en desacuerdo: {shares}", "discordam: {shares}", "disagree: {shares}"),
    "divides_overall": _s(
        "{agree} de acuerdo, {disagree} en desacuerdo, de {seen} votos",
        "{agree} concordam, {disagree} discordam, de {seen} votos",
        "{agree} agree, {disagree} disagree, of {seen} votes",
    ),
    # Beside the method: the groups the export itself assigned (Pol.is's group-id column).
    "divides_platform_same": _s(
        "La exportación de Pol.is también forma {k} grupos (con {placed} participantes).",
        "A exportação do Pol.is também forma {k} grupos (com {placed} participantes).",
        "Pol.is's own export also has {k} groups (of {placed} participants).",
    ),
    "divides_platform_other": _s(
        "La exportación de Pol.is forma {k} grupos (con {placed} participantes), no {ours}: Pol.is elige su número de otra manera.",
        "A exportação do Pol.is forma {k} grupos (com {placed} participantes), não {ours}: o Pol.is escolhe seu número de outra forma.",
        "Pol.is's own export has {k} groups (of {placed} participants), not {ours}: Pol.is chooses their number another way.",
    ),
    "divides_platform_agree": _s(
        "De los {both} participantes que ubican ambos, {matched} ({share}) quedan en grupos que se corresponden.",
        "Dos {both} participantes que ambos situam, {matched} ({share}) ficam em grupos que se correspondem.",
        "Of the {both} participants both place, {matched} ({share}) fall in corresponding groups.",
    ),
    # How firm the split is (claim check 88): the groups formed again from other random starts.
    "divides_seeds": _s(
        "Formados de nuevo desde {others} otros comienzos al azar, los grupos coinciden con estos en {agreement} de media (índice "
        "de Rand ajustado; 1 = los mismos): léanse como una tendencia, no como una división fija.",
        "Formados de novo a partir de {others} outros começos ao acaso, os grupos coincidem com estes em {agreement} em média "
        "(índice de Rand ajustado; 1 = os mesmos): leiam-se como uma tendência, não como uma divisão fixa.",
        "Formed again from {others} other random starts, the groups agree with these at {agreement} on average (adjusted Rand "
        "index; 1 = the same): read them as a tendency, not a fixed split.",
    ),
    "divides_platform_chance": _s(
        "Como referencia, poner a todos en el grupo más grande de Pol.is coincidiría en {n} ({share}).",
        "Como referência, pôr todos no maior grupo do Pol.is coincidiria em {n} ({share}).",
        "For scale, putting everyone in Pol.is's largest group would match {n} ({share}).",
    ),
    # Where no more fall in corresponding groups than all in one group would (claim check 94, football: 274 against 382).
    "divides_platform_unlike": _s(
        "No es mejor que eso: los grupos de este informe y los de Pol.is describen divisiones distintas.",
        "Não é melhor do que isso: os grupos deste relatório e os do Pol.is descrevem divisões diferentes.",
        "No better than that: this report's groups and Pol.is's describe different divisions.",
    ),
    # Where the numbers of groups differ: one assignment's groups as parts of the other's (``summary.votes._nested``).
    "divides_platform_nested_ours": _s(
        "Los {finer} grupos de este informe subdividen los {coarser} de Pol.is: {nested} ({share}) de los que ambos ubican están en el "
        "grupo de Pol.is que reúne a la mayoría de su grupo.",
        "Os {finer} grupos deste relatório subdividem os {coarser} do Pol.is: {nested} ({share}) dos que ambos situam estão no grupo do "
        "Pol.is que reúne a maioria do seu grupo.",
        "This report's {finer} groups split Pol.is's {coarser}: {nested} ({share}) of those both place are in the Pol.is group that "
        "holds most of their group.",
    ),
    "divides_platform_nested_theirs": _s(
        "Los {finer} grupos de Pol.is subdividen los {coarser} de este informe: {nested} ({share}) de los que ambos ubican están en el "
        "grupo de este informe que reúne a la mayoría de su grupo de Pol.is.",
        "Os {finer} grupos do Pol.is subdividem os {coarser} deste relatório: {nested} ({share}) dos que ambos situam estão no grupo "
        "deste relatório que reúne a maioria do seu grupo do Pol.is.",
        "Pol.is's {finer} groups split this report's {coarser}: {nested} ({share}) of those both place are in this report's group "
        "that holds most of their Pol.is group.",
    ),
    "divides_how": _s("Cómo se formaron los grupos", "Como os grupos foram formados", "How the groups were formed"),
    "divides_method": _s(
        "Grupos de opinión (votos de Pol.is): cada participante con al menos 7 votos se ubica por sus votos en los dos primeros "
        "componentes principales; los grupos salen de k-medias con k de 2 a 5 elegido por silueta ({silhouette}). Una afirmación es de "
        "consenso cuando al menos el 60% de cada grupo está de acuerdo, y divide cuando el 60% de un grupo está de acuerdo y el 60% de otro "
        "en desacuerdo. Tres reglas deciden: solo se juzgan las afirmaciones que al menos 5 personas de cada grupo vieron; quien "
        "pasó cuenta como no de acuerdo; y las proporciones se suavizan como en Pol.is, (a favor + 1) / (la vieron + 2). Las "
        "proporciones que se muestran son las observadas. Las afirmaciones rechazadas por los moderadores no cuentan. El voto de cada "
        "autor sobre su propia afirmación no se cuenta en ella (sí para formar los grupos), y la cuenta del organizador, donde la "
        "exportación la muestra, no es un participante: sus votos no se cuentan.",
        "Grupos de opinião (votos do Pol.is): cada participante com pelo menos 7 votos é situado por seus votos nos dois primeiros "
        "componentes principais; os grupos saem de k-médias com k de 2 a 5 escolhido por silhueta ({silhouette}). Uma afirmação é de "
        "consenso quando pelo menos 60% de cada grupo concorda, e divide quando 60% de um grupo concorda e 60% de outro discorda; "
        "três regras decidem: só se julgam as afirmações que pelo menos 5 pessoas de cada grupo viram; quem passou conta como "
        "não concordando; e as proporções são suavizadas como no Pol.is, (a favor + 1) / (viram + 2). As proporções mostradas "
        "são as observadas. As afirmações "
        "rejeitadas pelos moderadores não contam. O voto de cada autor na própria afirmação não é contado nela (mas sim para formar "
        "os grupos), e a conta do organizador, onde a exportação a mostra, não é um participante: seus votos não são contados.",
        "Opinion groups (Pol.is votes): each participant with at least 7 votes is placed by their votes on the first two principal "
        "components; groups come from k-means with k from 2 to 5 chosen by silhouette ({silhouette}). A statement is consensus when at "
        "least 60% of every group agrees, and divisive when 60% of one group agrees and 60% of another disagrees. Three rules "
        "decide it: only statements that at least 5 people of every group saw are judged; a pass counts as not agreeing; and "
        "shares are smoothed as Pol.is smooths them, (agree + 1) / (saw it + 2). The shares shown are the observed ones. Statements the moderators rejected do not count. "
        "Each author's vote on their own statement is not counted in it (it is, to form the groups), and the organiser's account, "
        "where the export shows one, is no participant: its votes are not counted.",
    ),
    # Task "supports" (issue 25, item 4): a platform's votes, supports or endorsements order quotes and key points.
    "supports_count": _n(
        (
            "1 contribución trae el número de apoyos que recibió en la plataforma (votos, apoyos o adhesiones).",
            "{n} contribuciones traen el número de apoyos que recibieron en la plataforma (votos, apoyos o adhesiones).",
        ),
        (
            "1 contribuição traz o número de apoios que recebeu na plataforma (votos, apoios ou endossos).",
            "{n} contribuições trazem o número de apoios que receberam na plataforma (votos, apoios ou endossos).",
        ),
        (
            "1 contribution carries the number of supports it received on the platform (votes, supports or endorsements).",
            "{n} contributions carry the number of supports they received on the platform (votes, supports or endorsements).",
        ),
    ),
    # Read 38 (Plano Clima claim check): "within each subject the most supported quotes first" was false; a subject shows
    # examples chosen by name (report.sections.topics), ranked by supports only within a topic. Stop 40's check read "do
    # not decide which quotes … put the most supported first" as a contradiction: what supports do comes first now.
    "supports_order": _s(
        "Los apoyos solo ordenan: dentro de cada tópico, las citas más apoyadas van primero, y entre puntos clave que expresan "
        "tantas contribuciones como otros, los más apoyados. No eligen qué citas se muestran (los ejemplos de un asunto son, de "
        "los tópicos que le dan nombre, la primera cita que usa una palabra del nombre de su tópico, o la primera a secas donde ninguna lo hace), "
        "ni qué puntos clave tiene un asunto, "
        "ni sus cuentas. Los apoyos no se leen como posiciones: apoyar una propuesta no es estar de acuerdo con el texto de la "
        "consulta.",
        "Os apoios apenas ordenam: dentro de cada tópico, as citações mais apoiadas vêm primeiro, e entre pontos-chave expressos "
        "por tantas contribuições quanto outros, os mais apoiados. Não escolhem quais citações são mostradas (os exemplos de um "
        "assunto são, dos tópicos que lhe dão nome, a primeira citação que usa uma palavra do nome do seu tópico, ou a primeira onde "
        "nenhuma o faz), nem quais pontos-chave um "
        "assunto tem, nem suas contagens. Os apoios não são lidos como posições: apoiar uma proposta não é concordar com o "
        "texto da consulta.",
        "Supports only set the order: within each topic the most supported quotes come first, and among key points made by as "
        "many contributions as others, the most supported. They do not choose which quotes are shown (a subject's examples are, "
        "from the topics its name comes from, the first quote that uses a word of its topic's name, or the first quote where none "
        "does), which key points a subject has, or "
        "their counts. Supports are not read as positions: backing a proposal is not agreeing with the consultation's text.",
    ),
    # The most supported contributions (issue 25, item 4; the Plano Clima claim check of stop 36: "the most-voted proposals
    # are never named").
    "most_supported": _s("Las contribuciones con más apoyos", "As contribuições mais apoiadas", "The most supported contributions"),
    "most_supported_intro": _n(
        (
            "Esta es la contribución con más apoyos en la plataforma.",
            "Estas son las {shown} contribuciones con más apoyos en la plataforma, de las {n} que traen su número.",
        ),
        (
            "Esta é a contribuição mais apoiada na plataforma.",
            "Estas são as {shown} contribuições mais apoiadas na plataforma, das {n} que trazem esse número.",
        ),
        (
            "This is the contribution with the most supports on the platform.",
            "These are the {shown} contributions with the most supports on the platform, of the {n} that carry a count.",
        ),
    ),
    "most_supported_caveat": _s(
        "Un apoyo es un voto en la plataforma: dice cuántas personas respaldaron esa contribución, no cuántas contribuciones dicen "
        "lo mismo ni si alguien está de acuerdo con el texto de la consulta, y un grupo organizado puede reunir muchos. Se muestra el "
        "comienzo del texto; el identificador permite leerlo entero en comments.csv.",
        "Um apoio é um voto na plataforma: diz quantas pessoas apoiaram essa contribuição, não quantas contribuições dizem o mesmo "
        "nem se alguém concorda com o texto da consulta, e um grupo organizado pode reunir muitos. Mostra-se o início do texto; o "
        "identificador permite lê-lo inteiro em comments.csv.",
        "A support is a vote on the platform: it says how many people backed that contribution, not how many contributions say the "
        "same or whether anyone agrees with the consultation's text, and an organised group can gather many. The start of each text "
        "is shown; its id finds the whole text in comments.csv.",
    ),
    "supports_heading": _s("Apoyos", "Apoios", "Supports"),
    "contribution_start_heading": _s("Contribución (comienzo)", "Contribuição (início)", "Contribution (start)"),
    "id_heading": _s("Id.", "Id.", "Id"),
    "most_supported_package": _s(
        "{k} de estas {shown} empiezan con las mismas palabras ({opening}), igual que {total} contribuciones largas en total: pueden "
        "ser un paquete de propuestas de una misma organización, que también puede haber reunido sus apoyos.",
        "{k} destas {shown} começam com as mesmas palavras ({opening}), como {total} contribuições longas no total: podem ser um "
        "pacote de propostas de uma mesma organização, que também pode ter reunido seus apoios.",
        "{k} of these {shown} open with the same words ({opening}), as do {total} long contributions in all: they may be one "
        "organisation's package of proposals, whose supports it may also have gathered.",
    ),
    "note_participants_pseudonymised": _s(
        "Los participantes ubicados en grupos de opinión se muestran con seudónimos estables (participant_groups): sus números "
        "son los de los autores de las afirmaciones, una columna personal; la clave queda en private/state/.",
        "Os participantes situados em grupos de opinião aparecem com pseudônimos estáveis (participant_groups): seus números "
        "são os dos autores das afirmações, uma coluna pessoal; a chave fica em private/state/.",
        "The participants placed in opinion groups are shown as stable pseudonyms (participant_groups): their numbers are "
        "those of the statements' authors, a personal column; the key stays in private/state/.",
    ),
}
