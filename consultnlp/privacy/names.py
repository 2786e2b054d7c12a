"""Find people's names: after a cue ("me llamo", "Atentamente,", "Sr."), and without one.

A cue makes any capitalised words a name. Without a cue a name needs the name
lists in ``data/names/`` (see its README for sources and licences) and a shape
that people's names have and other capitalised phrases rarely do:

* a given name that is not also a common word ("Lucía", not "Rosa" or "Paz")
  followed by a surname, a second given name and a surname, or a capitalised
  word that is neither a common word nor a place or institution word;
* a lone given name (and surnames) where signatures go: after a dash, or as the
  last line of the text ("— Lucía, Tinogasta");
* a text that is nothing but a name (a proposal titled with its author's name).

Precision comes first, so a candidate is dropped when an institution, law or
place word introduces it ("Hospital Carlos Van Buren", "Lei Maria da Penha",
"em Pedro Aguirre Cerda"), a Roman numeral follows it ("João XXIII"), it is a
public figure from ``data/names/public_figures.txt`` (policy in that file), or
the text is written in capitals.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from consultnlp.errors import ConsultNLPError
from consultnlp.resources import project_path

__all__ = ["Gazetteer", "find_names", "load_gazetteer"]

_UP = "A-ZÁÉÍÓÚÑÂÊÔÃÕÇÜÀ"
_LO = "a-záéíóúñâêôãõçüàèìòùäëïö"
# Capitalised word (María, O'Higgins, Jean-Pierre) or an all-caps one (PÉREZ).
_CAP = rf"(?:(?:[{_UP}]['’])?[{_UP}][{_LO}]+(?:-[{_UP}]?[{_LO}]+)?|[{_UP}]{{2,}}(?![{_LO}]))"
_PARTICLE = r"(?:de|da|do|das|dos|del|la|las|los|di|van|von|der|du|y|e)"
_PARTICLE_RE = re.compile(_PARTICLE, re.IGNORECASE)
_NAME = rf"{_CAP}(?:[ \t]+(?:{_PARTICLE}[ \t]+){{0,2}}{_CAP}){{0,4}}"


@dataclass(frozen=True)
class Gazetteer:
    """Casefolded word sets: given names, surnames, names that are also common words, common words, public figures."""

    given: frozenset[str]
    surnames: frozenset[str]
    ambiguous: frozenset[str]
    words: frozenset[str]
    public_full: frozenset[tuple[str, ...]]
    public_surnames: frozenset[str]


@lru_cache(maxsize=1 << 16)
def _fold(word: str) -> str:
    """Casefolded, without accents: "José" and "Jose" are the same key."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


def _read_list(name: str) -> list[str]:
    path = project_path("data", "names", name)
    if not path.exists():
        raise ConsultNLPError(
            f"Name list {path} is missing; names without a cue cannot be found. "
            "Reinstall consultnlp, or leave NAME out of redact.kinds."
        )
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The bundled name lists (read once per process)."""
    public = [tuple(_fold(w) for w in line.split()) for line in _read_list("public_figures.txt")]
    return Gazetteer(
        given=frozenset(_fold(w) for w in _read_list("given.txt") if len(w) > 2),
        surnames=frozenset(_fold(w) for w in _read_list("surnames.txt") if len(w) > 2),
        # Accents kept: "Lucia" is also a verb form ("lucía"), "Lucía" the name; but an
        # ambiguous "América" makes "America" ambiguous too.
        ambiguous=frozenset(k for w in _read_list("common.txt") for k in (w.casefold(), _fold(w))),
        words=frozenset(_read_list("common_words.txt.gz")),
        public_full=frozenset(p for p in public if len(p) > 1),
        public_surnames=frozenset(p[0] for p in public if len(p) == 1),
    )


# ---------------------------------------------------------------- names after a cue
_INTRO_RE = re.compile(
    r"(?i:\b(?:me[ \t]+llamo|mi[ \t]+nombre[ \t]+es|meu[ \t]+nome[ \t]+é|me[ \t]+chamo|my[ \t]+name[ \t]+is|"
    r"nombre[ \t]+completo:|nome[ \t]+completo:|full[ \t]+name:))[ \t]+"
    rf"(?P<name>{_NAME})"
)
# "soy", "eu sou", "I am" introduce a name only when a first and last name follow.
# Portuguese often puts an article before the name ("Sou a Maria ...", "Eu sou o João ...").
_SOY_RE = re.compile(
    rf"(?i:\b(?:soy(?:[ \t]+(?:el|la))?|(?:eu[ \t]+)?sou(?:[ \t]+(?:o|a))?|I[ \t]+am|I'm))[ \t]+(?P<name>{_NAME})"
)
# A closing word is a signature only when a comma, colon or line break sets it off
# ("vote sincerely. But ..." is prose); "Att." / "Atte." may take just the dot.
# "Firma:", "Assinado:", "Ass.:" need their colon ("la firma del acuerdo" is prose).
_SIGN_RE = re.compile(
    r"(?:(?i:\b(?:atentamente|cordialmente|saludos[ \t]+cordiales|un[ \t]+saludo|saludos|atenciosamente|"
    r"abraços|abrazos|sincerely|best[ \t]+regards|kind[ \t]+regards|regards|yours[ \t]+(?:sincerely|faithfully|truly)"
    r"|atte|att))\.?[ \t]*(?:[,:;\-][ \t]*(?:\r?\n[ \t]*)?|\r?\n[ \t]*)|(?i:\batte?)\.[ \t]*"
    r"|(?i:\b(?:firma|firmado|firmada|assinado|assinada|assinatura|signed|ass)\b)\.?[ \t]*:[ \t]*(?:\r?\n[ \t]*)?)"
    rf"(?P<name>{_NAME})"
)
_HONORIFIC_RE = re.compile(
    r"(?<![\w.])(?:(?:Sr|Sra|Srta|Sres|Dr|Dra|Mr|Mrs|Ms|Prof|Profa|Lic|Ing)\.[ \t]*|"
    r"(?:Sr|Sra|Dr|Dra|Mr|Mrs|Ms|Don|Doña|Dona|Señor|Señora|Senhor|Senhora)[ \t]+)"
    rf"(?P<name>{_NAME})"
)
# Capitalised words that follow these cues but are not names. A leading title is
# skipped ("Sr. Presidente Juan Pérez"); a leading article or organisation word
# means there is no person ("Atentamente, El Comité"); either ends a name.
_ARTICLES = frozenset(
    w.capitalize() for w in "El La Los Las O A Os As The Un Una Um Uma Mi Mis Meu Minha My Our Nuestro Nuestra".split()
)
_TITLES = frozenset(w.capitalize() for w in """
Presidente Presidenta President Ministro Ministra Minister Diputado Diputada Deputado Deputada Senador Senadora
Alcalde Alcaldesa Prefeito Prefeita Governador Gobernador Gobernadora Director Directora Diretor Diretora
Secretario Secretaria Secretário Secretária Secretary Juez Jueza Juiz Juíza Vereador Vereadora Concejal Concejala
Ingeniero Ingeniera Engenheiro Engenheira Engineer Profesor Profesora Professor Professora Estudiante Estudante
Student Abogado Abogada Advogado Advogada Médico Médica Doctor Doctora Enfermero Enfermera Técnico Técnica
Agricultor Agricultora Pescador Pescadora Vecino Vecina Morador Moradora Madre Padre Mãe Pai Mother Father
Chileno Chilena Brasileiro Brasileira Brasileño Brasileña Argentino Mexicano Mexicana Indígena Mapuche
Miembro Membro Member Coordinador Coordinadora Coordenador Coordenadora Representante Representative
Ciudadano Ciudadana Cidadão Cidadã Citizen Titular Adjunto Asociado Associado Vocero Vocera Dirigente Tesorero
Tesorera Socio Socia Fundador Fundadora Jefe Jefa Gerente Licenciado Licenciada Trabajador Trabajadora Trabalhador
Trabalhadora Funcionario Funcionaria Servidor Servidora Joven Jovem Mujer Mulher Hombre Homem Activista Feminista
""".split())
_ORGS = frozenset(w.capitalize() for w in """
Equipo Equipe Team Comité Comitê Committee Comisión Comissão Asociación Associação Association Fundación
Fundação Instituto Institute Sindicato Federación Federação Consejo Conselho Council Coordinación Coordenação
Red Rede Movimiento Movimento Colectivo Coletivo Grupo Group Centro Center Centre Junta
Universidad Universidade University
Ministerio Ministério Gobierno Governo Government República Nación Nação Estado State Congreso Congresso Senado
Cámara Câmara Municipalidad Prefeitura Gracias Obrigado Obrigada Thanks Thank Cordiales Todos Todas Chile Brasil
Brazil México Mexico Argentina ONG NGO Partido Party
""".split())


def _is_particle(word: str) -> bool:
    return _PARTICLE_RE.fullmatch(word) is not None


def _is_surname_word(word: str, gaz: Gazetteer) -> bool:
    """A lower-case word known as a surname ("paixão" in "Maria paixão da Costa")."""
    key = _fold(word)
    return key in gaz.surnames and word.casefold() not in gaz.ambiguous and len(word) > 2


_TAIL_RE = re.compile(rf"[ \t]+(?P<word>{_PARTICLE}[ \t]+{_CAP}|[{_LO}]+)")


def _extend_lowercase_tail(text: str, end: int, gaz: Gazetteer) -> int:
    """Past ``end``: lower-case surnames and particle + capitalised surname, as people type them after a cue."""
    while True:
        m = _TAIL_RE.match(text, end)
        if m is None:
            return end
        word = m.group("word")
        if " " in word or "\t" in word or _is_surname_word(word, gaz):
            end = m.end()
        elif _fold(word) in gaz.surnames and _TAIL_RE.match(text, m.end()) and " " in _TAIL_RE.match(text, m.end())["word"]:
            end = m.end()  # "santos" is also a word, but not before "da Costa"
        else:
            return end


def _cued_span(m: re.Match[str], min_tokens: int) -> tuple[int, int] | None:
    """The name group of ``m`` without titles or trailing role words, if enough name tokens remain."""
    tokens = list(re.finditer(r"\S+", m.group("name")))
    words = [t.group() for t in tokens]
    keys = [w.capitalize() for w in words]  # "EL COMITÉ" is "El Comité"
    first = 0
    while first < len(words) and keys[first] not in _ARTICLES and (
        keys[first] in _TITLES or _is_particle(words[first])
    ):
        first += 1
    if first == len(words) or keys[first] in _ARTICLES or keys[first] in _ORGS:
        return None
    last = first
    while last + 1 < len(words) and keys[last + 1] not in _TITLES and keys[last + 1] not in _ORGS:
        last += 1
    while _is_particle(words[last]):
        last -= 1
    if sum(1 for w in words[first:last + 1] if not _is_particle(w)) < min_tokens:
        return None
    name = words[first:last + 1]
    cue = m.group()[:m.start("name") - m.start()]
    # In text written in capitals ("YO SOY JUSTO CON EL RESTO") capitals say nothing about names.
    if all(w.isupper() or _is_particle(w) for w in name) and not any(c.islower() for c in cue):
        return None
    base = m.start("name")
    return base + tokens[first].start(), base + tokens[last].end()


# Lower-case substrings without which a cue pattern cannot match: checking them first
# (in C) spares running four regexes over the ~99 % of comments that have no cue.
_TRIGGERS: tuple[tuple[re.Pattern[str], int, tuple[str, ...]], ...] = (
    (_INTRO_RE, 1, ("llamo", "nombre", "nome", "chamo", "name")),
    (_SOY_RE, 2, ("soy", "sou", "i am", "i'm")),
    (_SIGN_RE, 1, ("atent", "cordial", "salud", "atencios", "abra", "sincere", "regard", "yours", "att", "firma",
                   "ass", "signed")),
    (_HONORIFIC_RE, 1, ("sr", "dr", "mr", "ms", "prof", "lic", "ing", "don", "doña", "señ", "senh")),
)


def _cued_names(text: str, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    lowered = text.lower()
    for pattern, min_tokens, triggers in _TRIGGERS:
        if not any(t in lowered for t in triggers):
            continue
        for m in pattern.finditer(text):
            span = _cued_span(m, min_tokens)
            if span is None:
                continue
            start, end = span
            if pattern is not _HONORIFIC_RE:
                end = _extend_lowercase_tail(text, end, gaz)
            yield start, end


# ---------------------------------------------------------------- names without a cue
# Words that make the capitalised phrase they start (or sit in) the name of a place,
# an institution, a law, a programme or a prize rather than of a person.
_NOT_PERSON = frozenset(_fold(w) for w in """
Hospital Clínica Clinica Posto Cesfam Consultorio Universidad Universidade University Facultad Faculdade Escuela Escola
Colegio Colégio Liceo Instituto Institute Jardín Jardim Academia Campus School College Escolas Colegios Liceos
Fundación Fundação Foundation Asociación Associação Sindicato Cooperativa Corporación Sociedad Sociedade Club Clube
Empresa Ministerio Ministério Secretaría Secretaria Programa Programme Program Plan Plano Proyecto Projeto Project
Ley Lei Leyes Leis Law Act Decreto Decree Código Codigo Estatuto Premio Prêmio Prize Award Bolsa Beca Fondo Fundo Fund
Operación Operação Calle Rua Avenida Av Alameda Pasaje Travessa Camino Estrada Rodovia Ruta Carretera Autopista
Plaza Praça Parque Park Estadio Estádio Museo Museu Museum Teatro Biblioteca Library Centro Center Centre Edificio
Edifício Torre Puente Ponte Bridge Aeropuerto Aeroporto Airport Puerto Porto Estación Estação Station Metro Terminal
Villa Vila Población Barrio Bairro Comuna Municipio Município Ciudad Cidade City County Condado Región Region Provincia
Província Estado State Isla Ilha Islas Island Cerro Sierra Serra Río Rio River Lago Lake Laguna Lagoa Volcán Valle
Vale Reserva Refugio Bosque Fazenda Hacienda Hotel Iglesia Igreja Church Capilla Parroquia Catedral Basílica Cemitério
Cementerio Hogar San Santa Santo São Sao Saint St Fort Mount Monte Ciclovía Avenue Street Road Boulevard Drive Lane
Highway Parkway Trail Elementary Middle High Memorial Stadium Field Hall Square Building Tower Golf Course Days Festival
Festival Feria Expo Copa Cup Torneo Campeonato Gimnasio Complejo Unidad Unidade Departamento Department Cabildo
Congreso Senado Cámara Câmara Tribunal Corte Juzgado Oficina Office Agencia Agência Agency Banco Bank Compañía Companhia
Company Inc Corp Ltda Spa Sa Grupo Group Red Rede Movimiento Movimento Frente Partido Party Comisión Comissão
Commission Comité Comitê Committee Consejo Conselho Council Junta Mesa Escuadrón Regimiento Batallón Brigada
Población Pobla Villa Condominio Condomínio Conjunto Loteamiento Loteamento Sector Setor Distrito District Reserva
Península Bahía Baía Playa Praia Costa Cabo Punta Valle Quebrada Estero Arroyo Canal Represa Embalse Mina Minera
Avenida Rambla Paseo Costanera Circunvalación Anillo Ruta Km Kilómetro Sala Aula Cine Galería Galeria Mercado Feria
Hermanos Irmãos Brothers Sisters Familia Família Family Dia Día Day Semana Week Marcha Ato Acto Caso Case Efecto
Efeito Síndrome Syndrome Enfermedad Doença Disease Método Method Teorema Ley Principio Princípio Modelo Model
""".split())
# Public offices: a name after one is a public figure in that role ("Ministro Rodrigo Valdés"), kept.
_PUBLIC_OFFICES = frozenset(_fold(w) for w in """
Presidente Presidenta President Ministro Ministra Minister Senador Senadora Senator Sen Diputado Diputada Deputado
Deputada Congressman Congresswoman Representative Rep Alcalde Alcaldesa Prefeito Prefeita Mayor Governador
Gobernador Gobernadora Governor Vereador Vereadora Concejal Concejala Councillor Intendente Intendenta Papa Pope Rey
Reina Rei Rainha King Queen Príncipe Princesa Prince Princess General Comandante Expresidente Ex-presidente
""".split())
# Words before a capitalised phrase that say it is a place: "vivo en Pedro Aguirre Cerda",
# "the entrance of South Glen Gables".
_PLACE_PREPOSITIONS = frozenset(
    "en em no na nos nas in at desde hasta hacia rumbo comuna región region cidade ciudad bairro barrio "
    "north south east west norte sur este oeste leste "
    "município municipio estado provincia província localidad localidade población villa".split()
)
_DIRECTIONS = frozenset("north south east west norte sur este oeste leste".split())
_SENTENCE_START = re.compile(r"(?:^|[.!?\n])[\s\"'“«(]*$")
_ROMAN = re.compile(r"(?:X{0,3})(?:IX|IV|V?I{0,3})")
_RUN_RE = re.compile(
    rf"(?<![\w'’])(?:{_CAP})(?:(?:[ \t]+(?:{_PARTICLE}[ \t]+){{0,2}}|-)(?:{_CAP}))*(?![\w'’])"
)
_WORD_RE = re.compile(rf"{_CAP}|{_PARTICLE}", re.IGNORECASE)
_PREV_WORD_RE = re.compile(r"([\w'’]+)[ \t]+$")  # the word right before, in the same sentence


@dataclass
class _Token:
    start: int
    end: int
    word: str
    key: str


def _tokens(text: str, start: int, end: int) -> list[_Token]:
    return [_Token(start + m.start(), start + m.end(), m.group(), _fold(m.group()))
            for m in re.finditer(r"\S+", text[start:end])]


def _is_given(tok: _Token, gaz: Gazetteer, *, signed: bool = False) -> bool:
    """A given name; one that is also a common word ("Juliana", "Rosa") only where a signature goes."""
    if _is_particle(tok.word) or tok.key in _NOT_PERSON or tok.key not in gaz.given:
        return False
    return signed or tok.word.casefold() not in gaz.ambiguous


def _is_name_part(tok: _Token, gaz: Gazetteer) -> bool:
    """A word that may follow a given name in a person's name."""
    if tok.word.isupper() or len(tok.word) < 3:
        return False
    # A surname that is also a place word ("Costa", "Valle") may follow a given name.
    if tok.key in gaz.surnames or (tok.key in gaz.given and tok.key not in _NOT_PERSON):
        return True
    if tok.key in _NOT_PERSON:
        return False
    # An unknown capitalised word that is not an everyday word ("Guajardo", "Larraín").
    return tok.word.casefold() not in gaz.words and tok.key not in gaz.words


def _strong_surname_after(run: list[_Token], k: int, gaz: Gazetteer) -> bool:
    nxt = next((t for t in run[k + 1:] if not _is_particle(t.word)), None)
    return nxt is not None and nxt.key in gaz.surnames and nxt.word.casefold() not in gaz.ambiguous


def _is_public(tokens: list[_Token], gaz: Gazetteer) -> bool:
    keys = tuple(t.key for t in tokens if not _is_particle(t.word))
    if keys and keys[-1] in gaz.public_surnames:
        return True
    for figure in gaz.public_full:
        n = len(figure)
        if any(keys[i:i + n] == figure for i in range(len(keys) - n + 1)):
            return True
    full = tuple(t.key for t in tokens)
    return any(full[i:i + len(f)] == f for f in gaz.public_full for i in range(len(full) - len(f) + 1))


def _previous_word(text: str, start: int) -> str:
    m = _PREV_WORD_RE.search(text, max(0, start - 40), start)
    return _fold(m.group(1)) if m else ""


def _name_in_run(
    text: str, run: list[_Token], gaz: Gazetteer, *, alone: bool, signed: bool = False
) -> tuple[int, int] | None:
    """Index range [i, j) of the person's name in a run of capitalised words, if there is one.

    ``alone``: the run stands where a signature or a title goes, so one given
    name is enough; elsewhere a given name needs a surname after it.
    """
    # Words before the given name may be a title or a sentence's first word ("Proposta de Lucía ..."),
    # but not a place or institution word ("Nueva Escuela Carlos Condell").
    i = next((k for k, t in enumerate(run) if _is_given(t, gaz, signed=signed) and not t.word.isupper()), None)
    if i is None:
        # A given name that is also a word ("Juliana", "Rosa") when a surname that is not one follows.
        i = next((k for k, t in enumerate(run) if _is_given(t, gaz, signed=True) and not t.word.isupper()
                  and _strong_surname_after(run, k, gaz)), None)
    if i is None or any(t.key in _NOT_PERSON or t.key in _PUBLIC_OFFICES or t.key in _DIRECTIONS for t in run[:i]):
        return None
    # A first given name the lists lack ("Waldir José Dupont"): an unknown word right before one.
    # Not a sentence's first word, though: that is any capitalised word ("Siehe Robert ...").
    first = i
    while (first > 0 and _is_name_part(run[first - 1], gaz) and run[first - 1].key not in gaz.surnames
           and not _SENTENCE_START.search(text, 0, run[first - 1].start)):
        first -= 1
    j = i + 1
    parts = 0
    surname_like = 0
    while j < len(run):
        tok = run[j]
        if _is_particle(tok.word):
            q = j
            while q < len(run) and _is_particle(run[q].word):
                q += 1
            nxt = run[q] if q < len(run) and q - j <= 2 else None
            # After particles a surname may also be a place word: "María del Río", "Sofía de la Fuente".
            if nxt is not None and (_is_name_part(nxt, gaz) or (nxt.key in gaz.surnames and not nxt.word.isupper())):
                parts += 1
                surname_like += 1
                j = q + 1
                continue
            break
        if not _is_name_part(tok, gaz):
            break
        parts += 1
        surname_like += tok.key not in gaz.given or tok.key in gaz.surnames
        j += 1
    # What ends the name must not make it a place or a thing: "Carlos Van Buren Hospital", "João XXIII".
    if j < len(run) and (run[j].key in _NOT_PERSON or _ROMAN.fullmatch(run[j].word)):
        return None
    if alone:
        return (first, j)
    return (first, j) if surname_like >= 1 and parts >= 1 else None


def _gazetteer_names(text: str, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    stripped = text.strip()
    capitals_checked = False
    for m in _RUN_RE.finditer(text):
        run = _tokens(text, m.start(), m.end())
        if not any(t.key in gaz.given for t in run):
            continue
        if not capitals_checked:
            # Text written in capitals: capitals say nothing about names.
            if sum(map(str.isupper, text)) > 0.6 * sum(map(str.isalpha, text)):
                return
            capitals_checked = True
        if not run or run[0].key in _NOT_PERSON or any(t.key in _NOT_PERSON for t in run[:1]):
            continue
        previous = _previous_word(text, m.start())
        if previous in _NOT_PERSON or previous in _PLACE_PREPOSITIONS or previous in _PUBLIC_OFFICES:
            continue
        before = text[max(0, m.start() - 3):m.start()]
        after = text[m.end():]
        whole = stripped == m.group()
        # A dash before it, or the last line, and nothing after it but ", Place": where signatures go
        # ("— Lucía, Tinogasta"); a dash also opens list items ("- Salud - Educación"), which go on.
        signed = bool(text[:m.start()].strip(" \t—–-")) and (
            bool(re.search(r"[—–-][ \t]*$", before)) or text[:m.start()].rstrip(" \t").endswith("\n")) and (
            re.fullmatch(rf"[ \t]*(?:[,(][ \t]*{_CAP}(?:[ \t]+{_CAP}){{0,3}}\)?)?[ \t.]*", after) is not None
        )
        # A given name that is also a word ("Paz", "Juliana") signs only with a place after it.
        placed = signed and re.match(r"[ \t]*[,(]", after) is not None
        found = _name_in_run(text, run, gaz, alone=signed or whole, signed=placed)
        if found is None:
            continue
        i, j = found
        name = run[i:j]
        if whole and len(name) < 2:
            continue
        if _is_public(run, gaz):
            continue
        yield name[0].start, name[-1].end


def find_names(text: str) -> Iterator[tuple[int, int]]:
    """Spans of people's names in ``text``: after a cue, and without one (overlaps possible)."""
    gaz = load_gazetteer()
    yield from _cued_names(text, gaz)
    yield from _gazetteer_names(text, gaz)
