"""Which sentences can state a key point on their own: a reader sees the statement without the contribution around it.

A statement must not point outside itself ("Esto permitiría…", "The proposed fund would…", "Isso ajuda…",
"They should…", or a verb whose subject is elsewhere: "Debe ser respetado por todos", "Que sea para todos"), must
not be a question, must be a sentence rather than a title or a list head ("Transporte público de calidad",
"Propuestas:"), and must say something ("El derecho a la salud es un derecho" does not). ``statement_problem``
says what is wrong with a sentence, or ``None`` when it can state a point.
"""

from __future__ import annotations

import re

MIN_STATEMENT_CHARS, MAX_STATEMENT_CHARS = 25, 320
MIN_STATEMENT_WORDS = 5
HEADING_CASE_SHARE = 0.6  # words of 4+ letters written with a capital, at least: a title ("Plan Nacional De Movilidad")

_PLACEHOLDER = re.compile(r"\[[A-Z_]{2,12}\]")
_LEAD = re.compile(r"^[\s\-–—•*·>\"'«“‘(\[0-9.)]+")  # bullets, quotes, list numbers before the first word
# Words that open a sentence by pointing at something said before it (es, pt, en).
_ANAPHOR_START = re.compile(
    r"^(?:"
    # es
    r"esto|esta|este|estos|estas|eso|esa|ese|esos|esas|aquello|aquel|aquella|aquellos|aquellas|ello|él|ella|ellos|ellas|"
    r"lo cual|la cual|los cuales|las cuales|lo que|lo anterior|lo mismo|dicho|dicha|dichos|dichas|tal|tales|"
    r"el mismo|la misma|los mismos|las mismas|su|sus|la propuesta|la medida|la iniciativa|el proyecto|"
    r"además|ademas|asimismo|también|tambien|igualmente|por eso|por ello|por esto|por lo tanto|por tanto|por lo mismo|"
    r"sin embargo|pero|y|ni|entonces|así|asi|de esta (?:forma|manera)|de este modo|en este sentido|en ese sentido|"
    r"para ello|para esto|para eso|con esto|con ello|con eso|en paralelo|"
    # pt
    r"isso|isto|esse|essa|esses|essas|estes|aquilo|aquele|aquela|aqueles|aquelas|ele|eles|elas|"
    r"o mesmo|a mesma|os mesmos|as mesmas|tais|seu|sua|seus|suas|dessa|desse|deste|desta|nesse|nessa|neste|nesta|"
    r"disso|disto|nisso|nisto|por isso|por conta disso|além disso|alem disso|portanto|assim|dessa forma|desse modo|"
    r"diante disso|diante d\w+|com isso|para isso|mas|e|ou|nem|a proposta|a medida|a iniciativa|o projeto|"
    r"o referido|a referida|o qual|a qual|em paralelo|"
    # en
    r"this|that|these|those|it|its|it's|they|them|their|theirs|he|she|his|her|such|the proposed|the above|the same|"
    r"the latter|the former|also|moreover|furthermore|therefore|thus|hence|however|but|and|or|nor|so|in addition|"
    r"as a result|for this reason|which|here|there|"
    # a reason or an explanation whose subject is outside the sentence ("Porque…", "Se basa en…", "Permite…")
    r"porque|por que|porqué|pues|ya que|dado que|puesto que|pois|já que|because|since|"
    r"se basa|se trata|se refiere|se considera|consiste|significa|implica|permite|permitiría|permitirá|engloba|incluye|"
    r"garantiza|representa|constituye|busca|pretende|contribuye|ayuda|ayudaría|sirve|trata-se|garante|ajuda|ajudaria|"
    r"contribui|serve|means|allows|helps|ensures|includes|represents"
    r")\b",
    re.IGNORECASE,
)
# Phrases that refer to a proposal the reader does not see, anywhere in the sentence.
_ANAPHOR_ANYWHERE = re.compile(
    r"\b(?:(?:est[ae]s?|es[ae]s?|ess[ae]s?|dich[oa]s?|referid[oa]s?|mencionad[oa]s?|tal|this|that|these|those|such|"
    r"the proposed|the above|said)\s+(?:propuestas?|propostas?|proposals?|medidas?|measures?|iniciativas?|initiatives?|"
    r"programas?|programmes?|programs?|planes|plans?|planos?|leis?|ley|leyes|laws?|bills?|proyectos?|projetos?|projects?|"
    r"ideas?|ideias?|fund|fondos?|fundos?)|the proposed|the above|above-mentioned|lo anterior|o anterior|lo mencionado|"
    r"o mencionado|lo expuesto|o exposto|el anterior|la anterior|a anterior|al igual que|the previous|as above|"
    r"éste|ésta|éstos|éstas|ése|ésa|ésos|ésas|aquél|aquélla|"
    # a demonstrative and a noun in the middle of a sentence point back ("… garantice este deber"), unless the noun
    # is the here and now everyone shares ("este país", "this year")
    r"(?<=\s)(?:est[ae]s?|es[ae]s?|ess[ae]s?|aquel(?:la|los|las)?|this|these|those)\s+"
    r"(?!(?:país|paises|países|año|años|ano|anos|momento|mundo|siglo|século|tiempo|tempo|lugar|sentido|country|year|"
    r"years|moment|world|century|time|way|city|ciudad|cidade|town|consulta|consultation)\b)[^\W\d_]{3,})\b",
    re.IGNORECASE,
)
# A finite or infinitive verb: modal and auxiliary forms, then endings that verbs have in es/pt/en. Nouns ending
# like verbs ("lugar", "estado") let a fragment through now and then; a verbless title never passes.
_VERB = re.compile(
    r"\b(?:es|son|era|eran|fue|fueron|sea|sean|será|serán|sería|serían|está|están|estaba|esté|estén|hay|haya|ha|han|"
    r"he|hemos|debe|deben|debería|deberían|debemos|puede|pueden|pueda|puedan|podría|podrían|tiene|tienen|tenga|tengan|"
    r"tenemos|necesita|necesitan|necesitamos|quiero|queremos|pido|pedimos|creo|creemos|propongo|proponemos|falta|faltan|"
    r"sirve|existe|existen|"
    r"é|são|foi|foram|seja|sejam|será|serão|seria|seriam|está|estão|estava|esteja|há|haja|tem|têm|tinha|deve|devem|"
    r"deveria|deveriam|devemos|pode|podem|possa|possam|poderia|poderiam|temos|precisa|precisam|precisamos|quero|"
    r"peço|pedimos|acho|acredito|proponho|falta|faltam|existe|existem|"
    r"is|are|was|were|be|been|being|am|should|must|need|needs|will|would|can|could|may|might|shall|have|has|had|do|"
    r"does|did|want|wants|make|makes|help|helps|allow|allows|cause|causes|lead|leads|give|gives|keep|keeps|please|"
    r"publish|stop|ensure|create|provide|build|protect|improve|include|let|put|use|open|fix|reduce|increase|ban|require|"
    r"\w{2,}(?:ou|eu|iu)|"  # Portuguese past tense ("votou", "escondeu")
    r"\w{2,}(?:ar|er|ir|ando|endo|iendo|indo|amos|emos|imos|aron|ieron|aram|eram|iram|"
    r"ará|erá|irá|arán|erán|irán|aría|ería|iría|arão|erão|irão|ing|ed)|\w{3,}(?:an|en|am|em))\b",
    re.IGNORECASE,
)
# A sentence that opens with "is / es / é" has its subject outside it ("Es un principio básico para la democracia"),
# unless the verb introduces what follows ("Es necesario fortalecer…", "É preciso que…", "It is time to…"); after an article
# a word in -ar/-er/-ir is a noun ("Es un deber básico para que funcione…"), and the subject is outside unless an
# infinitive later in the sentence is it ("É um dever de todos cuidar do meio ambiente"; not one after a preposition: "Es el
# fundamento para garantizar…").
_NO_SUBJECT = re.compile(
    r"^(?:es|son|era|eran|fue|fueron|será|serán|sería|serían|é|são|foi|foram|será|serão|seria|seriam|is|are|was|were)\s+"
    r"(?!(?:(?!(?:un|una|el|la|los|las|um|uma|o|a|os|as|the|an)\s)\w+\s+){0,1}?(?:que|de\s+\w+(?:ar|er|ir)|\w+(?:ar|er|ir)|to|that)\b)"
    r"(?!(?:un|una|el|la|los|las|um|uma|o|a|os|as)\s+\w+\b.*?\s"
    r"(?!(?:para|por|a|al|de|del|sin|con|em|pra|sem|com|ao)\s)\w+\s+\w{2,}(?:ar|er|ir)\b)"
    # or a clause whose verb has no subject: "Es necesario que esté en la Constitución" (what?), not "… que exista un
    # tribunal" or "… que el Estado garantice"
    r"|^(?:es|é|is)\s+\w+\s+(?:que|that)\s+(?:esté|estén|sea|sean|esteja|estejam|seja|sejam|it|they)\b"
    # or a modal whose subject is elsewhere: "Debe ser respetado por todos", "Debería tener mayor importancia", "Deve
    # garantir…", "Must be…"; not one whose subject follows ("Debe existir un…", "Deben cumplirse las obligaciones")
    r"|^(?:debe|deben|debería|deberían|debiera|debieran|tiene que|tienen que|deve|devem|deveria|deveriam|tem que|têm que|should|must|"
    r"has to|have to|needs to|need to)\s+(?!(?:existir|haber|existe|haver|\w+se|\w+rse)\b)(?!\w+-se\b)\w+"
    # or with a predicate and no subject: "Fundamental para una sociedad desarrollada", "Essential for democracy".
    r"|^(?:fundamental|fundamentales|necesari[oa]s?|necessári[oa]s?|importantes?|básic[oa]s?|basic[oa]s?|esencial(?:es)?|"
    r"essenciais|essencial|imprescindibles?|indispensables?|indispensáve(?:l|is)|vital(?:es)?|clave|primordial(?:es)?|"
    r"crucial(?:es)?|prioritari[oa]s?|important|essential|necessary|basic|key|crucial)\s+(?:para|en|em|de|do|da|for|to|in|pois|porque|ya|y|e|and)\b"
    # or a purpose with nothing it is the purpose of: "Para tener una mejor convivencia." (the full Chile run, this
    # stop), "Para que se respeten los derechos", "In order to…"; not "Para tener convivencia, debemos respetarnos".
    r"|^(?:(?-i:Para|Pra)\s+(?:que\s|\w+(?:ar|er|ir|arse|erse|irse)\b(?!-))|(?-i:In order to|So that)\s)[^,;:]*$",
    re.IGNORECASE,
)
# A wish or an opinion whose verb has no subject: "Que sea para todos iguales" (what?), "No todos creen que debe estar en
# la Constitución" (it?); not "Que la educación sea gratuita", "Que se respete la ley", "Que exista un defensor".
_NO_SUBJECT_CLAUSE = re.compile(
    r"^(?:que|pra que|para que)\s+(?:sea|sean|esté|estén|tenga|tengan|seja|sejam|esteja|estejam|tenha|tenham)\b"
    r"|\b(?:creen|cree|creemos|creo|piensan|piensa|pienso|consideran|considera|considero|opinan|dicen|acham|acho|acreditam|"
    r"acredita|pensam|consideram|dizem)\s+que\s+(?:debe|deben|debería|deberían|sea|sean|esté|estén|deve|devem|deveria|"
    r"deveriam|seja|sejam|esteja|estejam)\b",
    re.IGNORECASE,
)
# A sentence that says its subject is itself: "El derecho a la salud es un derecho." (read 11 C).
_TAUTOLOGY = re.compile(
    r"^(?:el|la|los|las|o|a|os|as|the)\s+(\w+)\b.*\s(?:es|son|é|são|is|are)\s+(?:un|una|unos|unas|um|uma|a|an)?\s*\1\W*$",
    re.IGNORECASE,
)
_LABEL = re.compile(r"^(?:[^.!?:;]|\.\d){1,60}?(?::|\s[-–—])\s", re.UNICODE)  # "Missão 6 - …", "Incentivos Econômicos: …"
# A line that starts inside a sentence: lower case and a word that cannot open one.
_CONTINUATION = re.compile(
    r"^(?:de|del|dos|das|do|da|en|em|no|na|nos|nas|con|com|para|por|pelo|pela|sin|sem|a|al|ao|aos|e|y|o|u|ou|que|como|"
    r"of|to|for|with|in|on|at|by|from|and|or|than"
    # or a lower-case gerund: the second half of a sentence ("resguardando la transparencia y probidad.", read 72)
    r"|[a-záéíóúñçãõ]{2,}(?:ando|iendo|endo|indo))\s"
)
# A topic opener or a reason with no claim after it: "En relación a la libertad que termina cuando comienza la del otro.",
# "Por ser el sistema político que defiende la soberanía del pueblo." (read 72); with a comma, what follows is the claim
# ("En relación a la salud, el Estado debe…", "Por ser un derecho, la salud debe ser gratuita").
_TOPIC_ONLY = re.compile(
    r"^(?:por ser|por tratarse|al ser|por estar|por serem|en relación (?:a|al|con)|con relación a|en cuanto a|"
    r"respecto (?:a|de|al|del)|con respecto (?:a|al)|em relação (?:a|ao|à)|quanto (?:a|ao|à)|with regard to|regarding|"
    r"as for|as to)\b[^,;:]*$",
    re.IGNORECASE,
)
# A heading glued to the sentence after it, with no stop between: "Elegido de manera popular El intendente debe…".
_GLUED_HEADING = re.compile(r"\b[a-záéíóúñçãõ]{3,}\s+(?:El|La|Los|Las|Un|Una|Os|As|The)\s+[a-záéíóúñçãõ]{3,}")
_FINAL = re.compile(r"[.!…)\"»”']\s*$")


def statement_problem(sentence: str) -> str | None:
    """Why ``sentence`` cannot state a key point on its own ("length", "placeholder", "question", "anaphor",
    "fragment", "tautology"), or ``None`` when it can."""
    text = sentence.strip()
    if not MIN_STATEMENT_CHARS <= len(text) <= MAX_STATEMENT_CHARS:
        return "length"
    if _PLACEHOLDER.search(text):
        return "placeholder"
    if "?" in text or text.startswith("¿"):
        return "question"
    body = _LEAD.sub("", text)
    if _ANAPHOR_START.match(body) or _ANAPHOR_ANYWHERE.search(body) or _NO_SUBJECT.match(body) or _NO_SUBJECT_CLAUSE.search(body):
        return "anaphor"
    if is_fragment(body):
        return "fragment"
    if _TAUTOLOGY.match(body):
        return "tautology"
    return None


def is_fragment(text: str) -> bool:
    """A title, a list head, a labelled list item ("Meta 3.2: …", "Justificativa: …"), an item of a list (ends in ";"),
    a piece of a line-broken sentence ("dos povos e comunidades tradicionais,") or a phrase without a verb rather
    than a sentence."""
    words = re.findall(r"[^\W\d_]+", text)
    if (
        len(words) < MIN_STATEMENT_WORDS
        or text.rstrip().endswith((":", ",", ";"))
        or _LABEL.match(text)
        or _CONTINUATION.match(text)
        or _TOPIC_ONLY.match(text)
        or _GLUED_HEADING.search(text)
    ):
        return True
    final = bool(_FINAL.search(text))
    long_words = [w for w in words if len(w) >= 4]
    if not final and long_words and sum(w[0].isupper() for w in long_words) >= HEADING_CASE_SHARE * len(long_words):
        return True
    return not _VERB.search(text)
