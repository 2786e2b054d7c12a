"""Whole-comment idioms of the non-answer screen (``consultnlp.nonanswers``): patterns that decide a comment by its
shape rather than by its words' classes (a record of no agreement, indifference, a greeting from a place, a bare
reference to the draft, the form's instruction typed back, "not mine to answer")."""

from __future__ import annotations

import re

# A meeting's record that it reached no agreement ("No hubo consenso", "No se llegó a acuerdo", "Sin acuerdo", "Não houve
# consenso", "No agreement was reached"): no position, and no reason (claim check 76, Chile 2016: 24 such rows were
# counted as positions without a reason, 13 of them as against). "No hubo acuerdo total" (partial) and "No estoy de
# acuerdo" (a position) are not it.
AGREEMENT_NOUN = r"(?:acuerdo|consenso|acordo|consensus|agreement)"
NO_AGREEMENT = re.compile(
    r"^(?:(?:el|la|o|a|the)\s+)?(?:grupo|mesa|group\s+)?\s*"
    r"(?:(?:no|nao|not)\s+(?:se\s+)?(?:hubo|hay|habia|houve|ha|existe|existiu|llego|llegamos|llegaron|logro|logramos|alcanzo|"
    r"chegou|chegamos|chegaram|was|were|reached)(?:\s+(?:a|al|un|una|ningun|ninguna|nenhum|nenhuma|um|uma|any|an|to))*"
    rf"\s+{AGREEMENT_NOUN}(?:\s+(?:was|were)\s+reached)?|(?:sin|sem|without|no)\s+{AGREEMENT_NOUN}(?:\s+(?:was\s+|were\s+)?reached)?)"
    r"(?:\s+(?:en|no|na|in)\s+(?:el\s+|la\s+|o\s+|a\s+|the\s+)?(?:grupo|mesa|group))?$"
)
# A writer who says the question is not theirs to answer, as a clause of its own, with a short reason about themselves at
# most: "Esto no me aplica, no tengo hijos en edad escolar", "Not applicable to me, I rent", "Not my area" (written set
# 31). "No me corresponde pagar el peaje" goes on after it and is read.
NOT_MINE = re.compile(
    r"(?:^|[,.;:!?]\s*)(?:(?:esto |eso )?no me (?:aplica|corresponde|toca|concierne)|(?:isso |isto )?n[aã]o (?:se )?aplica "
    r"(?:a mim|para mim|ao meu caso)|n[aã]o me (?:cabe|diz respeito)|(?:it s |its )?not (?:applicable|relevant) to me|"
    r"(?:this |that |it )?(?:does ?n ?t|does not) (?:apply to|affect) me|not my (?:area|place|call|business)|"
    # «Isso não me diz respeito», "Doesn't affect me", «No me afecta» (written set 33)
    r"(?:isso |isto )n[aã]o me diz respeito|(?:esto |eso )?no me afecta|(?:isso |isto )?n[aã]o me afeta|"
    # Not for the writer's household or village, not from here, no longer living there (written set 32: «No aplica para
    # nuestro caserío», "Not relevant for our household", "Not from this ward, just visiting"):
    r"(?:esto |eso )?no (?:nos )?aplica (?:para|a|en) (?:mi|nuestr[oa]s?) \w+|"
    r"n[aã]o se aplica (?:a|ao|à|para) (?:[oa] )?(?:meu|minha|nosso|nossa) \w+|"
    r"not (?:applicable|relevant) (?:to|for) (?:us|our \w+|my \w+)|"
    r"(?:i ?a?m |i am )?not from (?:here|around here|the area|this \w+)|no soy de (?:aqu[ií]|ac[aá]|la zona|este \w+|esta \w+)|"
    r"n[aã]o sou (?:daqui|da zona|do bairro|deste \w+|desta \w+)|"
    r"(?:i )?(?:do ?n ?t|do not|no longer) live (?:here|there|in (?:the|this) \w+)(?: any ?more)?|(?:ya )?no vivo (?:aqu[ií]|ac[aá]|ah[ií]|en (?:el|la|este|esta) \w+)|"
    r"(?:j[aá] )?n[aã]o moro (?:aqui|a[ií]|l[aá]|n[oa] \w+|neste \w+|nesta \w+)|just visiting|(?:solo |s[oó] )?(?:estoy |estou )?de pas(?:o|sagem))"
    # and why, in a short clause about the writer ("Not applicable to me as I rent": written set 33)
    r"(?:\s+(?:as|since|because|porque|ya que|pues|pois|visto que)\s+[^,.;:!?]{1,30})?\s*(?:[,.;:!?]|$)",
    re.IGNORECASE,
)
MAX_NOT_MINE_WORDS = 12
# Not read (yet) what the consultation is about, with at most what was not read («Ainda não li a minuta do decreto»,
# "Haven't read the plan yet": written set 32), on the normalised text.
NOT_READ = re.compile(
    r"^(?:(?:yo|eu|i|we|nosotros) )?(?:(?:todavia|aun|ainda|still|honestly|sinceramente) )?"
    r"(?:no|nao|not|havent|have not|hasnt|didnt|did not|dont|do not) (?:(?:he|hemos|have|had|yet|ainda|todavia|aun) )*"
    r"(?:leido|lei|li|lemos|lido|read|revisado|revisei|revisamos|looked at)"
    r"(?: (?:el|la|los|las|o|a|os|as|the|this|that|esse|essa|este|esta|isso|it|nada|anything|yet|ainda|todavia|aun|bien|bem|"
    r"properly|todo|tudo|all|full|whole|completo|completa))*(?: \w+){0,3}"
    # and so no view («así que no puedo opinar», «por isso não comento», "so I can't comment": written set 33)
    r"(?: (?:asi que|por lo que|por eso|por ende|entonces|so|hence|so i|por isso|entao|logo|y|e|and)"
    r" (?:no|nao|cant|cannot|wont|i cant|i cannot|i wont) (?:puedo |podemos |posso |podemos |can |could )?"
    r"(?:opinar|opino|comentar|comento|comment|decir|dizer|say|responder|respondo|answer|give (?:a |an )?(?:view|opinion)))?$"
)
# The form's own instruction typed or pasted back: an imperative that asks for "your" contribution ("Descreva em poucas
# palavras a sua sugestão…", "Briefly describe your idea…"), or a length limit alone ("Máximo 500 caracteres"): written set
# 31. "Expliquen su decisión a los vecinos" asks the government for something (not the respondent's contribution) and is read.
INSTRUCTION = re.compile(
    r"^\W*(?:por favor,?\s*|please,?\s*|brevemente,?\s*|briefly,?\s*|em poucas palavras,?\s*|en pocas palabras,?\s*)?"
    r"(?:describa|descreva|describe|explique|explain|escriba|escreva|write|indique|indicate|cu[eé]ntenos|conte-nos|tell us|"
    r"detalle|detalhe|specify|especifique|justifique|justify|fundamente)\b.*\b(?:su|sua|seu|suas|seus|tu|your)\s+(?:\w+\s+)?"
    r"(?:propuestas?|ideas?|ideias?|sugerencias?|sugest[aãoõ]\w*|respuestas?|respostas?|opini[oóã]\w*|comentarios?|"
    r"coment[aá]rios?|aportes?|contribu\w*|propostas?|proposals?|suggestions?|answers?|responses?|views?|comments?|reasons?)\b",
    re.IGNORECASE,
)
LENGTH_LIMIT = re.compile(
    r"^\W*(?:\(?\s*(?:m[aá]x(?:imo|imum|\.)?|hasta|at[eé]|up to|no more than|n[aã]o mais (?:de|que)|no m[aá]s de)\s*\d+\s*"
    r"(?:caracteres|characters|chars|palabras|palavras|words|l[ií]neas|linhas|lines)\s*\)?\W*)+$",
    re.IGNORECASE,
)
MAX_INSTRUCTION_WORDS = 40
BUT = re.compile(r"\b(?:pero|but|mas|porem|sin embargo|however|although|aunque|embora)\b")


def instruction_alone(text: str) -> bool:
    """Whether ``text`` is the form's instruction with no answer after it: "Justifique su respuesta: porque la salud es
    un derecho" answers below the instruction it kept."""
    match = INSTRUCTION.match(text)
    return bool(match) and not re.search(r"[:=>–—-]\s*\S+(?:\s+\S+){2,}", text[match.end() :])


# Greetings from a place and nothing else ("Saludos desde Cuenca", "Saudações de Luanda", "Greetings from Lagos"): written
# sets 24 and 27 in every language.
GREETING_FROM = re.compile(
    r"^\W*(?i:(?:un|uma?|muchos|muitos|warm|best)\s+)?(?i:saludos?|saudaç(?:ão|ões)|saudacoes|cumprimentos|greetings|regards|abrazos?|abraços?|wishes|"
    r"bendiciones|blessings|besos|beijos)\s+(?i:desde|de|do|da|from)\s+"
    # a place of up to four words, little words between them ("Santiago de los Caballeros": written set 33)
    r"[A-ZÁÉÍÓÚÂÊÔÃÕÇÑ][\w'’-]+(?:\s+(?:(?:de|del|de los|de las|da|do|dos|das|of|upon|on)\s+)?[A-ZÁÉÍÓÚÂÊÔÃÕÇÑ][\w'’-]+){0,3}\s*[.!]*"
    # and a farewell («Saudações do Lobito, até à próxima»: written set 32)
    r"(?:[,;]?\s*(?i:at[eé] (?:à |a )?pr[oó]xima|at[eé] breve|hasta (?:la )?pr[oó]xima|hasta pronto|see you(?: soon)?|until next time))?\W*$"
)
# Indifference and nothing else ("Me da igual, la verdad", "Pra mim tanto faz", "Honestly couldn't care less"): no view on
# the subject (written sets 24-27 in every language). Its other words may only be fillers, knowing or courtesy words.
INDIFFERENT = re.compile(
    r"\b(?:me da (?:igual|lo mismo)|igual me da(?: una cosa que otra)?|(?:me )?(?:es|e) (?:\w+mente )?indiferente|tanto (?:me )?faz(?: (?:uma|una) coisa como (?:a )?outra| como tanto fez)?|ni fu ni fa|"
    r"(?:could|couldn ?t|couldnt) care less|(?:dont|do not) mind either way|no strong (?:feelings|views|opinions?)(?: either way)?|"
    r"not bothered either way|"
    # neither for nor against (written set 33: «Ni a favor ni en contra, me es indiferente»)
    r"ni a favor ni en contra|nem a favor nem contra|neither for nor against|neither agree nor disagree|"
    r"ni de acuerdo ni en desacuerdo|nem concordo nem discordo|"
    # Written set 28 (stop 47): «ni me va ni me viene», «Tanto me faz uma coisa como outra», «a mim é-me indiferente», «Not
    # fussed either way», «No feelings one way or the other», «Whatever you lot decide is fine by me».
    r"ni me va ni me viene|(?:e )?me (?:e )?indiferente|(?:uma|una) coisa como (?:a )?outra|una cosa (?:o|u|como) (?:la )?otra|"
    r"(?:not fussed|no feelings?|no preference)(?: either way| one way or (?:the )?other)?|"
    r"whatever (?:you|they|u) (?:all |lot |guys )?decide(?: is (?:fine|ok|okay)(?: (?:by|with|for) me)?)?)\b"
)
INDIFFERENT_TO = re.compile(r"\b(?:como|lo que|o que|what|how) \w+(?: \w+)?$")
MAX_INDIFFERENT_WORDS = 10
# A bare reference to a part of the draft, with nothing said about it ("Art. 7", "Art. 14º", "Clause 12", "§ 2º",
# "s.12(3)"): written sets 24 and 25 in every language. "Art. 7: incluir a las escuelas rurales" says something.
# Several of them, or one numbered in Roman numerals ("Art. 5º, § 2º", "Inciso III": written set 32) are as bare.
_REFERENCE = (
    r"(?:art(?:[ií]culo|igo|icle)?s?|cl(?:ause|[aá]usula)s?|sec(?:tion|ci[oó]n|[cç][aã]o)|§+|inciso|al[ií]nea|"
    r"par[aá]grafo|paragraph|s)\.?[º°ª]?\s*(?:\d+[\w.()º°ª/-]*|(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})\b[.)]?)"
)
BARE_REFERENCE = re.compile(rf"^\W*{_REFERENCE}(?:\s*(?:[,;&]|\by\b|\be\b|\band\b)?\s*{_REFERENCE})*\W*$", re.IGNORECASE)
# "The same as" another answer, pointing to it and saying nothing ("Same as Q4", "Lo mismo que comenté en el artículo 5",
# "Igual que la anterior": written set 32), on the normalised text. "Lo mismo que el año pasado: el transformador se
# quema" says what.
SAME_AS = re.compile(
    r"^(?:lo mismo|o mesmo|a mesma(?: coisa| resposta)?|mesma coisa|mesmo|igual|idem|same|the same|ditto)"
    r"(?: (?:que|as|como|do|da|to|a|al|ao|de))*(?: (?:lo|o|what|que|i|ya|ja))*"
    r"(?: (?:comente|dije|puse|escribi|respondi|conteste|mencione|disse|escrevi|coloquei|comentei|mencionei|said|wrote|"
    r"answered|put|mentioned))?(?: (?:en|na|no|in|on|para|for|em|under))?(?: (?:el|la|lo|o|a|the|my|mi|minha|meu))?"
    # another comment or vote of the writer's («Igual que mi comentario anterior en este mismo debate», «Igual ao que disse
    # na outra votação», «O mesmo de cima»: written set 33)
    r"(?: (?:otra|outra|other|mismo|mesmo|same))?(?: (?P<noun>comentario|comment|aporte|contribucion|contribuicao|contribution|"
    r"votacion|votacao|vote|debate|encuesta|survey|consulta|consultation))?"
    r"(?: (?P<where>pregunta|question|questao|item|punto|ponto|point|articulo|artigo|article|seccion|secao|section|"
    r"respuesta|resposta|answer|anterior|arriba|acima|cima|above|before|antes|previous|anteriormente|earlier))?"
    r"(?: (?P<number>q?\d+\w*|[a-z]))?(?: (?:en|in|on|na|no|em) (?:este|esta|this|the|el|la|o|a) (?:mismo |mesmo |same )?\w+)?$"
)
# A tally of the meeting's ranking or vote and nothing else ("8 votos", "6º PRIORIDAD", "Séptima preferencia", "TERCERA MÁS
# VOTADA", "Alcanzó 6 votos de 13"): where the point came in the group's choice, not an answer; claim check 84 found such
# rows called positions without a reason (Chile 2016: 196 of them). "8 votos. La constitución debe asegurar el derecho"
# says something after it.
_RANK = (
    r"(?:\d+(?:o|a|st|nd|rd|th)?|primer[ao]?|segund[ao]|tercer[ao]?|cuart[ao]|quint[ao]|sext[ao]|se[pt]?tim[ao]|octav[ao]|"
    r"oitav[ao]|noven[ao]|non[ao]|decim[ao]|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
)
_TALLIED = (
    r"(?:lugar(?:es)?|puestos?|prioridad(?:es)?|prioridades?|preferencias?|opcion(?:es)?|opcao|opcoes|posicion|posicao|"
    r"places?|priority|priorities|preferences?|choices?|(?:mas|mais|most) votad[ao]s?|most voted|votos?|votes?|votad[ao]s?|"
    r"menciones|mencion|mencoes|mencao|mentions?)"
)
TALLY = re.compile(
    rf"^(?:(?:el|la|lo|o|a|the|en|em|in|con|com|with)\s+)?{_RANK}\s+(?:(?:lugar|place|posicion|posicao)\s+(?:de|da|do|of|en|em|in)\s+)?"
    rf"{_TALLIED}(?:\s+(?:de|of|do|da|en|em|in|por)\s+(?:\d+|la asamblea|los participantes|preferencia|prioridad|"
    rf"votacion|votacao|the vote|todos))*(?:\s+{_TALLIED})?$|"
    r"^(?:alcanzo|obtuvo|recibio|obteve|alcancou|recebeu|got|received|tuvo|teve)\s+(?:\d+|una?|um|uma)\s*(?:votos?|votes?)?"
    r"(?:\s+(?:de|of|sobre|em|en)\s+\d+)?(?:\s+(?:votos?|votes?|participantes|participants|asistentes))?$"
)
# Thanks or congratulations for the consultation itself and nothing else, however long: it opens with the thanks and names
# the consultation, its platform, its organisers or the chance to take part («Felicito a la intendencia y a todos los
# voluntarios por organizar esta consulta…», "Kudos to the open government team for putting this portal together…":
# written set 31). Thanks to staff for a service ("Thank you to the nurses on ward 5") name none of these: they are
# answers where the service is the subject (NHS feedback).
THANKS_OPENING = re.compile(
    r"^\W*(?:(?:i|we)\s+(?:just\s+|really\s+)?(?:want|wish|would like)\s+to\s+(?:(?:sincerely|really|personally|also)\s+)?"
    r"(?:say\s+)?(?:a\s+)?(?:big\s+|huge\s+)?|"
    r"(?:quiero|quisiera|queremos|quero|queria|queremos)\s+(?:deixar\s+|dejar\s+|dar\s+|dar\s+(?:os|mis|meus|nossos)\s+)?(?:aqui\s+|aquí\s+)?"
    r"(?:o\s+meu\s+|o\s+nosso\s+|mi\s+|nuestro\s+|um\s+|un\s+)?)?"
    # A warm greeting to the organisers or facilitators opens as thanks do («Un saludo muy afectuoso a las compañeras
    # facilitadoras…»: written set 32).
    r"(?:(?:un|uma?)\s+(?:gran\s+|grande\s+)?(?:saludo|sauda[cç][aã]o|abrazo|abra[cç]o)(?:\s+muy|\s+muito)?"
    r"(?:\s+(?:afectuoso|cordial|especial|fraterno|cari[nñ]oso|carinhoso|afetuoso))?\s+(?:a|para|à|ao|aos|às)\b|"
    r"thanks|thank(?:\s+you)?|many\s+thanks|kudos|congratulations|congrats|well\s+done|(?:muchas\s+)?gracias(?!\s+al?\b)|"
    r"agradecer|agradezco|agradecemos|agradeco|agradecemos|agradecimento|agradecimiento|felicito|felicitamos|felicitaciones|"
    r"mis\s+felicitaciones|felicidades|felicitar|parabens|obrigad[ao]|muito\s+obrigad[ao])\b",
    re.IGNORECASE,
)
THANKED_FOR = re.compile(
    r"\b(?:consulta|consultas|consultation|consulting|consulta\s+publica|iniciativa|initiative|plataforma|platform|portal|"
    r"organizar|organizarla|organizarlo|organizing|organising|organizadores|organizers|organisers|organizacao|town\s+hall|"
    r"encuesta|survey|pesquisa|questionnaire|cuestionario|questionario|oportunidad|oportunidade|opportunity|chance\s+to|"
    r"take\s+part|participar|tomar\s+parte|escuchar|escucharnos|ouvir|ouvirem|listen(?:ing)?\s+to|"
    # Who ran it and how it reached people (written set 32): the forms, the forum, the facilitators, asking people.
    r"formularios?|formul[aá]rios?|forms|foro|f[oó]rum|jornada|facilitador[ae]s|facilitators?|consultar|consultarnos|"
    r"consultarem|preguntarnos|perguntar|putting\s+(?:this|it)\s+together|reaching\s+out|reach\s+out|"
    # who came to ask, and the space to take part (written set 33: «a los voluntarios que vinieron hasta la comunidad»,
    # "the field officers and volunteers who came to our village", «este espacio de participación ciudadana»)
    r"vinieron\s+(?:a|hasta)|vieram\s+(?:a|at[eé])|came\s+to\s+our|porta\s+a\s+porta|puerta\s+a\s+puerta|door\s+to\s+door|"
    r"participaci[oó]n|participa[cç][aã]o|participation)\b",
    re.IGNORECASE,
)
MAX_THANKS_WORDS = 45
# Words that ask for something after the thanks ("Thanks for the opportunity, please add more buses at night"):
DEMAND = re.compile(
    r"\b(?:please|por\s+favor|favor\s+de|need|needs|necesita|necesitan|necesitamos|necessita|precisa|precisam|precisamos|"
    r"more|mas|mais|menos|less|should|debe|deben|deberia|deve|devem|deveria|falta|faltan|faltam|lack|add|agregar|incluir|"
    r"include|hope|espero|esperamos|ojala|oxala|want|quiero|queremos|quero)\b"
)
# Good wishes or blessings and nothing else, to whoever reads or runs the consultation («Un abrazo y adelante», «Tudo de bom
# pra vocês», «Bendiciones para todos los que trabajan en esto», "Salamat po and more power": written set 33), on the
# normalised text. What follows may not argue (``BUT``) or ask (``Screen.asks``).
WISHES = re.compile(
    r"^(?:un abrazo|abrazos|um abraco|abracos|bendiciones|muchas bendiciones|dios (?:los |les |te )?bendiga|"
    r"deus (?:os |vos |te )?abencoe|god bless(?: you| you all| everyone)?|blessings|tudo de bom|todo lo mejor|all the best|"
    r"best wishes|good luck|buena suerte|boa sorte|mucho exito|muchos exitos|muito sucesso|salamat(?: po)?)"
    r"(?: (?:y|e|and) (?:adelante|avante|sucesso|exito|exitos|more power|keep it up|keep going|sigan asi|continuem|forca|"
    r"fuerza|animo))?(?: (?:para|pra|a|al|aos|as|to|for|with|con|com)(?: \w+){1,7})?$"
)
# A sign-off and who wrote it, and nothing else («Atentamente, un vecino del sector», "Regards, a worried mum": written
# set 33), on the normalised text: the sign-off, an article, a word for a person (one word before it: "a worried
# resident") and at most four more words.
SIGNED = re.compile(
    r"^(?:atentamente|cordialmente|respetuosamente|respeitosamente|atenciosamente|att|atte|sincerely|regards|kind regards|"
    r"best regards|yours(?: sincerely| faithfully| truly)?|un saludo|saludos|cumprimentos|cheers) (?:un|una|uma|um|a|an|one|"
    r"el|la|o|the|su|sua|your|tu|seu) (?:\w+ )?(?:vecin|morador|residente?|ciudadan|cidad|citizen|neighbo|madre|padre|mae|pai|mother|"
    r"father|mum|mom|dad|estudiante|estudante|student|trabajador|trabalhador|worker|miembro|membro|member|usuari|user|"
    r"habitante|contribuinte|taxpayer|participante?|jubilad|aposentad|pensioner|retiree|comerciante|trader|agricultor|farmer|"
    r"campesin|pescador|fisher|profesor|professor|teacher|docente|enfermer|nurse|joven|jovem|young|abuel|avo|grand|amig|"
    r"friend|servidor|funcionari|lector|leitor|reader|oyente|ouvinte|listener)\w*(?: \w+){0,4}$"
)
# Where the draft's text or its link is, and nothing else ("Where's the link to the actual plan?", «Onde está o texto da
# proposta?»: written set 33), on the normalised text of a question.
WHERE_IS = re.compile(
    r"^(?:y |e |and |so )?(?:donde|onde|where)(?: (?:esta|estan|estao|fica|ficam|is|are|s|se encuentra|se encontra|"
    r"se puede ver|se pode ver|puedo ver|posso ver|puedo leer|posso ler|can i find|can i see|can i read|do i find))?"
    r"(?: (?:el|la|los|las|o|a|os|as|the))?(?: (?:full|complete|whole|entire|actual))? (?:texto|text|link|links|enlace|enlaces|documento|documentos|document|documents|"
    r"pdf|archivo|arquivo|file|borrador|minuta|draft|version|versao|formulario|form)"
    r"(?: (?:completo|completa|full|entero|integral))?(?: (?:de|del|da|do|dos|das|to|of|for)(?: \w+){1,4})?$"
)
# A group's or a writer's views handed in apart, and nothing else («Nuestra postura … va en el documento que presentó la
# federación por separado», "Our views are set out in the separate submission from the residents' association": written
# set 33), on the normalised text: whose, what, in which document and how it was handed in, all four.
_OURS = re.compile(r"\b(?:nuestr[oa]s?|our|noss[oa]s?|mis?|my|minhas?|meus?)\b")
_VIEWS = re.compile(
    r"\b(?:postura|posicion|posicao|position|opinion|opiniao|opinioes|opiniones|views?|aportes?|propuestas?|propostas?|"
    r"input|comments|comentarios|observaciones|observacoes|contribuciones|contribuicoes|contributions?|respuesta|resposta|"
    r"response|submission|parecer)\b"
)
_DOCUMENT = re.compile(
    r"\b(?:documento|document|escrito|written|submission|carta|letter|oficio|relatorio|informe|report|pdf|anexo|annex|dossier)\b"
)
_HANDED = re.compile(
    r"\b(?:por separado|em separado|aparte|separate|separately|entregad[oa]s?|entregues?|enviad[oa]s?|presentad[oa]s?|presento|"
    r"presentamos|apresentad[oa]s?|protocolad[oa]s?|delivered|handed|sent|submitted|lodged|set out|va en|van en|consta|constam|"
    r"seguem|segue)\b"
)


def handed_in_apart(key: str) -> bool:
    """Whether the normalised ``key`` says that its writer's or group's views are in a document handed in apart (``_OURS``,
    ``_VIEWS``, ``_DOCUMENT``, ``_HANDED``), with no «pero»."""
    return all(p.search(key) for p in (_OURS, _VIEWS, _DOCUMENT, _HANDED)) and not BUT.search(key)
