"""The word lists names are judged by: the gazetteer in ``data/names/`` and the veto lists.

The gazetteer says what can be a given name or a surname; the veto lists say
what makes a capitalised phrase something other than a private person: a place,
institution, law or thing word inside it (``NOT_PERSON``), a public office or
a public role before it (``_PUBLIC_ROLES``), a word saying a place follows
(``PLACE_PREPOSITIONS``, ``_PLACE_NOUNS``). Public figures themselves are in
``data/names/public_figures.txt``. What was added to these lists and why is
measured in ``benchmarks/bench_redaction.py --only names``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from consultnlp.errors import ConsultNLPError
from consultnlp.resources import project_path, word_list
from consultnlp.text import strip_accents

__all__ = [
    "ARTICLES",
    "DIRECTIONS",
    "NOT_PERSON",
    "ORGS",
    "PARTICLE",
    "PLACE_NOUNS",
    "PLACE_PREPOSITIONS",
    "PUBLIC_ROLES",
    "TITLES",
    "Gazetteer",
    "fold",
    "is_particle",
    "load_gazetteer",
    "speech_verbs",
]

# "y" / "e" are not particles: "Antonia y Álvaro" are two people, each a name of their own.
PARTICLE = r"(?:de|da|do|das|dos|del|la|las|los|di|van|von|der|den|ter|du|della)"
PARTICLE_RE = re.compile(PARTICLE, re.IGNORECASE)


def is_particle(word: str) -> bool:
    """A connecting word inside a name: "de", "da", "van", "der", "y" ..."""
    return PARTICLE_RE.fullmatch(word) is not None


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """Casefolded, without accents, one apostrophe: "José" and "Jose" are the same key, "D’Ávila" and "d'avila" too."""
    return strip_accents(word.casefold()).replace("’", "'")


_fold = fold


@dataclass(frozen=True)
class Gazetteer:
    """Casefolded word sets: given names, surnames, names that are also common words, common words, public figures."""

    given: frozenset[str]
    surnames: frozenset[str]
    ambiguous: frozenset[str]
    words: frozenset[str]
    public_full: frozenset[tuple[str, ...]]
    public_surnames: frozenset[str]
    # Given names that are not also common words: what a name written in lower case or capitals must start with.
    plain_given: frozenset[str] = frozenset()
    # The same names as people type them in lower case: as listed ("maría") and without accents ("maria").
    plain_forms: frozenset[str] = frozenset()


def _read_list(name: str) -> list[str]:
    path = project_path("data", "names", name)
    if not path.exists():
        raise ConsultNLPError(
            f"Name list {path} is missing; names without a cue cannot be found. Reinstall consultnlp, or leave NAME out of redact.kinds."
        )
    return word_list(path)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The bundled name lists (read once per process)."""
    public = [tuple(_fold(w) for w in line.split()) for line in _read_list("public_figures.txt")]
    given_listed = [w for w in _read_list("given.txt") if len(w) > 2]
    given = frozenset(_fold(w) for w in given_listed)
    # Accents kept: "Lucia" is also a verb form ("lucía"), "Lucía" the name; but an
    # ambiguous "América" makes "America" ambiguous too.
    ambiguous = frozenset(k for w in _read_list("common.txt") for k in (w.casefold(), _fold(w)))
    return Gazetteer(
        given=given,
        surnames=frozenset(_fold(w) for w in _read_list("surnames.txt") if len(w) > 2),
        ambiguous=ambiguous,
        words=frozenset(_read_list("common_words.txt.gz")),
        public_full=frozenset(p for p in public if len(p) > 1),
        public_surnames=frozenset(p[0] for p in public if len(p) == 1),
        plain_given=frozenset(g for g in given if g not in ambiguous),
        plain_forms=frozenset(f for w in given_listed if _fold(w) not in ambiguous for f in (w.casefold(), _fold(w))),
    )


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    """Verbs of saying after which a known given name is a person (``data/names/speech_verbs.txt``), casefolded."""
    return frozenset(w.casefold() for w in _read_list("speech_verbs.txt"))


# ---------------------------------------------------------------- words around names after a cue
# Capitalised words that follow these cues but are not names. A leading title is
# skipped ("Sr. Presidente Juan Pérez"); a leading article or organisation word
# means there is no person ("Atentamente, El Comité"); either ends a name.
ARTICLES = frozenset(w.capitalize() for w in "El La Los Las O A Os As The Un Una Um Uma Mi Mis Meu Minha My Our Nuestro Nuestra".split())
TITLES = frozenset(
    w.capitalize()
    for w in """
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
""".split()
)
ORGS = frozenset(
    w.capitalize()
    for w in """
Equipo Equipe Team Comité Comitê Committee Comisión Comissão Asociación Associação Association Fundación
Fundação Instituto Institute Sindicato Federación Federação Consejo Conselho Council Coordinación Coordenação
Red Rede Movimiento Movimento Colectivo Coletivo Grupo Group Centro Center Centre Junta
Universidad Universidade University
Ministerio Ministério Gobierno Governo Government República Nación Nação Estado State Congreso Congresso Senado
Cámara Câmara Municipalidad Prefeitura Gracias Obrigado Obrigada Thanks Thank Cordiales Todos Todas Chile Brasil
Brazil México Mexico Argentina ONG NGO Partido Party
""".split()
)


# ---------------------------------------------------------------- words around names without a cue
# Words that make the capitalised phrase they start (or sit in) the name of a place,
# an institution, a law, a programme or a prize rather than of a person.
NOT_PERSON = frozenset(
    _fold(w)
    for w in """
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
Viaducto Viaduto Viaduct Túnel Tunel Túnel Tunnel Pasarela Passarela Línea Linea Linha Line Usina Central Planta
Fábrica Reservatório Autódromo Velódromo Polideportivo Poliesportivo Posta Cecosf Sapu Policlínico Policlinico UPA UBS
Maternidad Maternidade Sanatorio Sanatório Santuario Santuário Fuerte Forte Faro Farol Mirador Rancho Sítio Chácara
Estancia Muelle Cais Dique Presa Acueducto Aqueduto Ferrocarril Ferrovia Railway Shopping Mall Supermercado Farmacia
Farmácia Restaurante Editorial Editora Revista Diario Jornal Periódico Newspaper Radio Rádio Gobernación Intendencia
Delegación Subsecretaría Seremi Reforma Emenda Enmienda Amendment Doctrina Doutrina Doctrine Acuerdo Acordo Agreement
Tratado Treaty Protocolo Protocol Convención Convenção Convention Pacto Pact Declaración Declaração Declaration
Carta Constitución Constituição Constitution Orquesta Orquestra Orchestra Coro Banda Band Premios Fórmula Formula
""".split()
)
# Public offices: a name after one is a public figure in that role ("Ministro Rodrigo Valdés"), kept.
PUBLIC_ROLES = frozenset(
    _fold(w)
    for w in """
Presidente Presidenta President Ministro Ministra Minister Senador Senadora Senator Sen Diputado Diputada Deputado
Deputada Congressman Congresswoman Representative Rep Alcalde Alcaldesa Prefeito Prefeita Mayor Governador
Gobernador Gobernadora Governor Vereador Vereadora Concejal Concejala Councillor Intendente Intendenta Papa Pope Rey
Reina Rei Rainha King Queen Príncipe Princesa Prince Princess General Comandante Expresidente Ex-presidente
Exministro Exministra Ex-ministro Ex-ministra Exsenador Exdiputado Exalcalde Candidato Candidata Candidate Dictador
Dictator Ditador Líder Leader Cantante Cantor Cantora Singer Actor Actriz Ator Atriz Actress Futbolista Jogador
Footballer Escritor Escritora Writer Author Poeta Poetisa Poet Periodista Jornalista Journalist Músico Música Musician
Artista Artist Pintor Pintora Painter Filósofo Filósofa Philosopher Científico Científica Cientista Scientist
Humorista Comedian Youtuber Influencer Empresario Empresaria Empresário Empresária Businessman Magnate Economista
Economist Historiador Historiadora Historian Sociólogo Socióloga Premier Primer-ministro Canciller Chanceler
Fiscal Procurador Procuradora Contralor Contralora Superintendente Embajador Embajadora Embaixador Ambassador
Arzobispo Arcebispo Archbishop Obispo Bispo Bishop Cardenal Cardeal Cardinal Padre Sacerdote Pastor Reverendo
Santo Santa Beato Beata
""".split()
)
# Words before a capitalised phrase that say it is a place: "vivo en Pedro Aguirre Cerda",
# "the entrance of South Glen Gables".
PLACE_PREPOSITIONS = frozenset(
    "en em no na nos nas in at desde hasta hacia rumbo comuna región region cidade ciudad bairro barrio "
    "north south east west norte sur este oeste leste "
    "município municipio estado provincia província localidad localidade población villa".split()
)
DIRECTIONS = frozenset("north south east west norte sur este oeste leste".split())
# Nouns that name a place before "de"/"do"/"of" and its name: "la comuna de Pedro Aguirre Cerda",
# "a cidade de Bento Gonçalves", "the town of Ada".
PLACE_NOUNS = frozenset(
    fold(w)
    for w in """
ciudad cidade city comuna municipio município municipalidad prefeitura región region provincia província estado
state villa vila pueblo povoado localidad localidade distrito district bairro barrio town village county condado
isla ilha island sector setor cerro valle vale río rio river lago lake población colonia hacienda fazenda sitio
estación estação station calle rua avenida street avenue puente ponte bridge viaducto viaduto viaduct hospital
escuela escola school liceo colegio universidad universidade university instituto institute parque park plaza
praça square aeropuerto aeroporto airport puerto porto port
""".split()
)
