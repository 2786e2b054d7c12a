"""Non-answers and reason-free statements: the lists and the word-class rule (consultnlp/nonanswers.py)."""

from __future__ import annotations

import pytest

from consultnlp.errors import ConfigError
from consultnlp.nonanswers import NO_ARGUMENT, NON_ANSWER, load_screen, normalise, parse_list

SCREEN = load_screen()


@pytest.mark.parametrize(
    "text",
    [
        # Spanish: real spellings from constitutional-assembly exports, and the rule's own reach.
        "Sin fundamento.",
        "NO HAY FUNDAMENTO",
        "(Acta sin fundamentos)",
        "s/f",
        "campo vacío",
        "no registra fundamento",
        "el grupo no estipula fundamento para este concepto",
        "Sin datos registrados.",
        "No existe fundamento",
        "en blanco",
        "sin observaciones",
        "ver documento adjunto",
        "No se registró fundamento en el acta",
        "Fundamentos en acta adjunta",
        # Portuguese and English.
        "Sem comentários",
        "Nada a declarar",
        "ver anexo",
        "não se aplica",
        "Campo em branco",
        "No comment",
        "N/A",
        "see attached",
        "Nothing to add",
        "not recorded",
    ],
)
def test_nonanswers_placeholders_are_non_answers(text):
    assert SCREEN.classify(text) == NON_ANSWER, text


@pytest.mark.parametrize(
    "text",
    [
        "acuerdo total",
        "Unánime",
        "todos de acuerdo",
        "plenamente de acuerdo",
        "Acuerdo por unanimidad.",
        "mayoría",
        "Es muy importante",
        "es fundamental",
        "no se especificaron fundamentos, hubo acuerdo unánime",
        "Concordo plenamente",
        "Discordo totalmente",
        "sou contra",
        "I agree",
        "Strongly disagree",
        "+1",
        "Yes",
    ],
)
def test_nonanswers_positions_without_a_reason_are_no_argument(text):
    assert SCREEN.classify(text) == NO_ARGUMENT, text


@pytest.mark.parametrize(
    "text",
    [
        "no hay salud sin agua",
        "sin corrupción",
        "Sin educación no hay futuro",
        "Derecho fundamental a la vida",
        "Para todos",
        "Igualdad para todos",
        "No estoy de acuerdo con el lucro en la educación",
        "Educación gratuita y de calidad",
        "Es fundamental para la democracia",
        "Datos abiertos del presupuesto",
        "I agree with the need for more buses",
        "Sem saneamento não há saúde",
        "Voto obligatorio",
        "Ninguna persona sin vivienda digna",
    ],
)
def test_nonanswers_real_arguments_that_look_similar_are_kept(text):
    assert SCREEN.classify(text) == "", text


def test_nonanswers_greetings_thanks_and_the_forms_own_words_are_non_answers():
    # Read 9 (written set 9, issue 26): greetings and thanks alone, the cell or box, a link elsewhere, the form's options.
    for text in ("Buen día a todos", "Oi gente", "Morning all", "Muchas gracias", "Bom dia a todos!", "Celda vacía", "(no data)"):
        assert SCREEN.classify(text) == NON_ANSWER, text
    assert SCREEN.classify("-- Elija --") == NON_ANSWER and SCREEN.classify("Pergunta sem título") == NON_ANSWER
    # Read 11: a greeting to the audience, a two-word thanks read as one word, the box, "something I know about".
    for text in ("Qué tal, vecinos", "Bom dia, turma", "Much obliged", "Casillero vacío", "Not something I know about"):
        assert SCREEN.classify(text) == NON_ANSWER, text
    assert SCREEN.classify("Vecinos de la villa piden luz") == ""  # an addressee with content is a contribution
    # "bom" alone is an appraisal; only in a listed greeting ("bom dia") is it read as courtesy.
    assert SCREEN.classify("Bom") == NO_ARGUMENT
    # A greeting or thanks with a word the rule does not know is a contribution (the meaning model may read it).
    for text in ("Gracias por el nuevo hospital", "Thanks for fixing the bus lanes", "Open data", "El otro es un yo", "Ser aporte"):
        assert SCREEN.classify(text) == "", text


def test_nonanswers_words_about_having_a_view_need_an_absence_word():
    # Read 10: "Sem ideia", "not sure"; but Chile 2016's arguments name opinions and ideas as things.
    for text in ("Sem ideia, meu", "Not sure", "Lo desconozco", "Sin opinión", "dunno"):
        assert SCREEN.classify(text) == NON_ANSWER, text
    for text in ("OPINIÓN", "Apoyar las ideas de todos.", "Para que se exprese la opinión de todos", "Know your rights"):
        assert SCREEN.classify(text) == "", text


def test_nonanswers_having_saying_and_for_now_beside_an_absence_word():
    # Read 13 (written set 13, issue 26): the commonest placeholders of an export, which the classes missed.
    for text in ("no tengo", "nada a dizer", "Nothing at this time", "nada por ahora", "Nothing comes to mind", "Sin aportes", "Teste 123"):
        assert SCREEN.classify(text) == NON_ANSWER, text
    # The same words beside a word the consultation argues with, or with no absence word, are contributions.
    for text in ("No tengo casa", "Nunca dicen nada", "Nothing left for the poor", "No time to waste on potholes", "Ser aporte"):
        assert SCREEN.classify(text) == "", text


def test_nonanswers_an_english_negative_contraction_is_one_absence_word():
    assert normalise("I don't know") == normalise("I don’t know") == "i dont know"
    assert SCREEN.classify("I don't know") == NON_ANSWER and SCREEN.classify("Can't say, really") == NON_ANSWER
    assert SCREEN.classify("Don't close the library") == ""
    assert SCREEN.classify("I don't agree") == NO_ARGUMENT


def test_nonanswers_a_word_in_a_class_is_no_filler_of_another_language():
    # Portuguese "no" ("in the") is a filler; the Spanish absence word keeps its class: "no tengo" is a placeholder.
    assert "no" in SCREEN.classes["filler_words"] and "no" in SCREEN.classes["absence_words"]
    assert SCREEN.classify("no tengo") == NON_ANSWER
    assert SCREEN.classify("Mais verba no SUS") == ""


def test_nonanswers_hesitation_sounds_alone_are_non_answers_and_fillers_beside_words():
    # Set 19 (transcribed and messaging channels) analysed "eh... mmm..." and "um... er...".
    for text in ("eh... mmm...", "um... er...", "Hmmm", "humm, ahn"):
        assert SCREEN.classify(text) == NON_ANSWER, text
    assert SCREEN.classify("eh, de acuerdo") == NO_ARGUMENT
    assert SCREEN.classify("hmm, más buses de noche") == ""
    assert SCREEN.classify("Quero um hospital") == ""  # Portuguese "um" (a, one) beside words is a filler


def test_nonanswers_a_short_whole_comment_in_square_brackets_is_a_note():
    for text in ("[risas]", "[dog barking]", "[url removed]", "[respuesta en mapudungun, pendiente de traducir]"):
        assert SCREEN.classify(text) == NON_ANSWER, text
    assert SCREEN.classify("[silencio] más buses de noche") == ""  # a note, then the person's words
    # Nine words or more in brackets may be the person's words typed in by staff (NHS feedback).
    assert SCREEN.classify("[I no longer use the service I use my own transport. Thank you.]") == ""


def test_nonanswers_references_remarks_on_clarity_and_closings_read_from_set_20():
    for text in ("Ver arquivo PDF em anexo", "La pregunta no es clara", "The question is not clear", "Att.", "Obrigado e boa sorte"):
        assert SCREEN.classify(text) == NON_ANSWER, text
    # ... and the contributions that share their words.
    for text in ("Consultar a la comunidad", "No está claro el financiamiento", "Ver anexo: más buses", "See me more."):
        assert SCREEN.classify(text) == "", text


def test_nonanswers_a_comment_that_only_says_where_its_answer_is_read_from_set_22():
    for text in (
        "Ver el oficio que dejamos en la oficina de partes",
        "Remetemos para o parecer enviado por correio",
        "Please see the letter we lodged with the council",
        "Nuestra posición consta en el oficio enviado aparte al concejo",
    ):
        assert SCREEN.classify(text) == NON_ANSWER, text
    for text in (
        "Ver arriba: el plazo de 10 días es insuficiente",  # a clause of its own after the reference (set 15)
        "Vide acima, e acrescento a falta de rampas",
        "Enviamos una carta al municipio y nunca respondieron sobre el bache",
        "Ver el tema de las veredas rotas",  # no word of the form or a document
        "Se está de acuerdo con la definición entregada en este documento",  # a position (Chile 2016)
        "Ver el informe de la contraloría: debe publicarse completo",  # a request
    ):
        assert SCREEN.classify(text) != NON_ANSWER, text


def test_nonanswers_a_note_under_a_staff_label_read_from_set_22():
    for text in (
        "Relatora: el grupo no alcanzó a tratar esta pregunta",
        "Nota do digitador: campo em branco no formulário",
        "Interviewer's note: respondent declined, no answer recorded",
        "Moderator: duplicate post removed",
    ):
        assert SCREEN.classify(text) == NON_ANSWER, text
    for text in (
        "Facilitador: la vecina propone más luminarias",  # what staff typed in for someone
        "Facilitador: no hay luminarias en la plaza",
        "Secretaría de Transporte: amplíen los horarios del metro",  # an agency addressed, not a label
        "Nota: no estoy de acuerdo con el peaje",  # a label with no staff role
    ):
        assert SCREEN.classify(text) != NON_ANSWER, text


def test_nonanswers_a_question_or_a_fault_report_about_the_platform_read_from_sets_22_and_23():
    for text in (
        "¿Cuándo cierra la encuesta?",
        "Qual é o prazo da consulta?",
        "How many questions are left?",
        "no me funciona la contraseña",
        "The website is not loading",
    ):
        assert SCREEN.classify(text) == NON_ANSWER, text
    for text in (
        "Que publiquen los resultados",  # asks for something
        "Publish the results of the consultation",
        "¿Cuándo arreglan el semáforo de la esquina?",  # a question about the subject
        "When there was a group.",  # NHS feedback: what was good; question words alone are no platform
        "Más participación",
        "Como principio fundamental",  # Chile 2016: as before
    ):
        assert SCREEN.classify(text) != NON_ANSWER, text


def test_nonanswers_a_fieldwork_note_under_its_label_read_from_set_23():
    for text in (
        "Entrevistadora: domicilio cerrado, se volverá a visitar",
        "Transcrição: letra ilegível na ficha",
        "Enumerator: respondent declined, household visited twice",
    ):
        assert SCREEN.classify(text) == NON_ANSWER, text
    # Set 19: an interviewer reporting what the person said is the person's answer.
    assert SCREEN.classify("Encuestador: la señora insiste en que falta luz en el pasaje") == ""


def test_nonanswers_the_rank_a_meeting_gave_is_a_note():
    # Claim check 67 (Chile 2016): a subject «Lugar» of 66 rows, 50 of them only "2° lugar", "7 lugar", "primer lugar".
    for text in ("7° lugar", "6 lugar", "primer lugar", "3 ° lugar", "2nd place", "Fue elegido en Primer Lugar."):
        assert SCREEN.classify(text) == NON_ANSWER, text
    for text in ("ponerse en el lugar del otro", "Un lugar seguro para los niños", "En primer lugar, la educación pública"):
        assert SCREEN.classify(text) == "", text


def test_nonanswers_user_phrases_extend_the_lists():
    screen = load_screen(extra_non_answers={"es": ["No se discutió"]}, extra_no_arguments={"pt": ["Apoiamos a proposta inteira"]})
    assert screen.classify("no se discutió.") == NON_ANSWER
    assert screen.classify("Apoiamos a proposta inteira!") == NO_ARGUMENT
    assert SCREEN.classify("no se discutió") == ""  # "discutió" is no form word: only the user's list sets it aside


def test_nonanswers_long_texts_are_never_set_aside_by_the_rule():
    long = " ".join(["sin fundamento"] * 6)  # 12 words of closed-class vocabulary
    assert load_screen(max_words=10).classify(long) == ""


def test_nonanswers_list_file_errors_name_the_line():
    with pytest.raises(ConfigError, match=r"x.txt, line 2: unknown section \[nope\]"):
        parse_list("[non_answer]\n[nope]\n", "x.txt")
    with pytest.raises(ConfigError, match=r"x.txt, line 1: 'sin fundamento' comes before any \[section\] header"):
        parse_list("sin fundamento\n", "x.txt")


@pytest.mark.parametrize(
    "text, reason",
    [
        ("Este comentario fue ocultado", NON_ANSWER),  # a moderation note
        ("Otro", NON_ANSWER),  # a survey's "Other" with nothing specified
        ("Other", NON_ANSWER),
        ("Sin alegaciones", NON_ANSWER),
        ("Nothing springs to mind", NON_ANSWER),
        ("Boa tarde a todos os envolvidos", NON_ANSWER),
        ("No tengo conocimiento suficiente", NON_ANSWER),
        ("Igual que arriba", NON_ANSWER),  # a reference to another answer
        ("Oportunidades para todos", ""),  # Chile 2016 argues for equal opportunity with these words
        ("Eliminación de la AFP", ""),
        ("todos iguales", ""),
        ("Tiempo completo para los profesores", ""),
        ("Grupo de apoyo a víctimas", ""),
    ],
)
def test_nonanswers_moderation_references_and_knowing_read_from_set_14_and_the_arguments_they_must_keep(text, reason):
    assert SCREEN.classify(text) == reason


def test_nonanswers_a_note_that_a_contribution_was_taken_out_read_from_sets_24_and_25():
    for text in (
        "Comentario eliminado por la moderación: insultos",
        "Contribuição anulada: o participante retirou o consentimento",
        "Hidden by the moderator as offensive",
    ):
        assert SCREEN.classify(text) == NON_ANSWER, text
    for text in (
        "El subsidio fue retirado a los jubilados",  # one such word and no role: the subject
        "Eliminaron la posta y los vecinos quedaron sin atención",
        "Consent should be asked before any data is shared",  # asks for something
        "Edad de retiro digna",
    ):
        assert SCREEN.classify(text) != NON_ANSWER, text


def test_nonanswers_a_bare_article_number_and_a_fault_of_the_form_read_from_sets_24_and_25():
    for text in ("Art. 22", "Artigo 3º", "Clause 9", "§ 4", "s.7(2)"):
        assert SCREEN.classify(text) == NON_ANSWER, text
    for text in ("Art. 22: que incluya a las escuelas rurales", "Artigo 3º deve ser retirado", "Clause 9 is unfair to renters"):
        assert SCREEN.classify(text) != NON_ANSWER, text
    for text in ("Las preguntas son larguísimas y confusas", "Formulário muito longo", "The form is confusingly worded"):
        assert SCREEN.classify(text) == NON_ANSWER, text
    for text in (
        "El proceso de permisos es muy largo",  # a fault, but no word of the form: a procedure the consultation may be on
        "Es demasiado amplio el concepto",  # Chile 2016: a judgement of the concept
        "Long waits at the clinic",
    ):
        assert SCREEN.classify(text) != NON_ANSWER, text


def test_nonanswers_a_record_that_no_agreement_was_reached_states_no_position():
    # Claim check 76 (Chile 2016): «No hubo acuerdo», «sin acuerdo» were set aside as positions without a reason and
    # counted among the positions (as against, from the meeting's closed answer).
    for text in ("No se logró consenso en la mesa", "Não chegamos a um acordo", "No agreement was reached in the group", "Sin consenso."):
        assert SCREEN.classify(text) == NON_ANSWER, text
    for text in ("No estoy de acuerdo", "No hubo acuerdo total", "Não houve consenso total", "No al acuerdo comercial"):
        assert SCREEN.classify(text) != NON_ANSWER, text


def test_nonanswers_greetings_from_a_place_and_indifference_say_nothing_read_from_set_27():
    for text in (
        "Saludos desde Temuco",
        "Um abraço de Maputo!",
        "Warm greetings from Cebu",
        "Me da lo mismo, sinceramente",
        "Tanto faz pra mim",
    ):
        assert SCREEN.classify(text) == NON_ANSWER, text
    for text in (
        "Saludos desde Temuco: faltan buses de noche",  # a greeting, then a view
        "Me da igual el color, pero que haya sombra",
        "Tanto faz o horário, desde que o ônibus passe",
        "saludos desde la junta vecinal",  # no place named
    ):
        assert SCREEN.classify(text) != NON_ANSWER, text


def test_nonanswers_more_ways_of_not_minding_and_not_answering_read_from_set_28():
    # Written set 28 (stop 47), in other words than the set's own: idioms of indifference, refusals, thanks.
    for text in (
        "La verdad, ni me va ni me viene",
        "Tanto faz uma coisa como a outra, sinceramente",
        "É-me indiferente",
        "No feelings either way",
        "Whatever they decide is fine with me",
        "Prefiero no contestar",
        "Prefiro não me manifestar",
        "Not interested, sorry",
        "Much appreciated, thanks",
    ):
        assert SCREEN.classify(text) == NON_ANSWER, text
    for text in (
        "Ni me va ni me viene el horario, pero que pase el bus",  # a view after the idiom
        "No preference on the route, but please add lighting",
        "Whatever they decide, keep the bus to the hospital",
        "Prefiero no contestar: el formulario pide el RUT y eso no corresponde",
        "ES UNA RESPONSABILIDAD ENORME",  # an appraisal of a duty (Chile 2016), not a fault of the form
    ):
        assert SCREEN.classify(text) != NON_ANSWER, text


def test_nonanswers_not_minding_not_mine_and_a_failing_site_read_from_set_31():
    # Written set 31 (stop 48), in other words than the set's own.
    for text in (
        "Me es totalmente indiferente",
        "Me da igual lo que decidan",
        "Tanto faz como tanto fez, pra mim",
        "No me corresponde, no vivo en la comuna",
        "Isso não se aplica a mim.",
        "This doesn't apply to me, I have no car",
        "The website is crashing on mobile",
        "O site está travando",
        "Describa brevemente su propuesta",  # the form's instruction typed back
        "Please explain your suggestion in a few lines",
        "(máximo 200 palavras)",
        "Já enviei tudo por mensagem",  # said elsewhere
    ):
        assert SCREEN.classify(text) == NON_ANSWER, text
    for text in (
        "No me corresponde pagar el peaje si vivo en la comuna",  # the clause goes on: an argument
        "Not my area, but the bus stop needs a shelter",
        "No me aplica, pero deberían bajar el precio del pasaje",
        "Me da igual el color de los buses, pero que pasen cada diez minutos",
        "Es indiferente para el Estado la religión de cada uno",
        "La obligación de votar debe volver",
        "Voto voluntario",
        "Justifique su respuesta: porque la salud es un derecho",  # an answer after the instruction it kept
        "Explain your decisions to the public before the vote",  # asks the government, not the respondent
        "Hasta 5 palabras no alcanzan para explicar el problema del agua",
        "Por ser la carta fundamental",
    ):
        assert SCREEN.classify(text) != NON_ANSWER, text


def test_nonanswers_a_tally_of_the_meetings_ranking_or_vote_is_no_position():
    # Claim check 84 (Chile 2016): «8 votos», «6º PRIORIDAD» were set aside as positions without a reason; «Quinta
    # preferencia», «TERCERA MÁS VOTADA» were analysed. They say where the point came in the group's choice.
    for text in ("9 votos.", "3º PRIORIDAD", "Quinta preferencia", "SEGUNDA MÁS VOTADA", "Obtuvo 9 de 12 votos", "1st priority"):
        assert SCREEN.classify(text) == NON_ANSWER, text
    for text in (
        "16 votos. La constitución debe asegurar el derecho.",  # a reason after the tally
        "Primera prioridad: acceso a la salud",
        "Voto obligatorio",
        "Prioridad a la salud primaria",
        "Tercera edad",
        "Segunda vuelta electoral",
    ):
        assert SCREEN.classify(text) != NON_ANSWER, text


def test_nonanswers_thanks_for_the_consultation_alone_however_long():
    # Written set 31: long thanks to the organisers, the platform or for the chance to take part, asking for nothing.
    for text in (
        "Muchas gracias por la oportunidad de participar en esta consulta, se nota el trabajo de todo el equipo",
        "Parabéns pela iniciativa de ouvir a população, que Deus abençoe todos os organizadores desta consulta",
        "Thank you for sponsoring this survey.",  # a Pol.is statement
    ):
        assert SCREEN.classify(text) == NON_ANSWER, text
    for text in (
        "Gracias a estas instancias el pueblo puede participar y ser parte de las decisiones en el país.",  # Chile 2016: because of
        "Gracias por la consulta, pero falta luz en el pasaje",
        "Thanks for the opportunity, please add more buses at night",
        "Thank you for the opportunity to comment. The hospital needs more parking.",
        "Thank you to the nurses on ward 5 who were so kind",  # thanks for a service: an answer where it is the subject
    ):
        assert SCREEN.classify(text) != NON_ANSWER, text


def test_nonanswers_same_as_not_read_not_from_here_and_thanks_for_the_forms_read_from_set_32():
    # Written set 32 (stop 49), in other words than the set's own.
    for text in (
        "Igual que en la pregunta 2",  # the same as another answer, naming where
        "Same as my answer above",
        "O mesmo que coloquei no item 3",
        "Art. 4, inciso II",  # bare references, Roman numerals, several
        "Section 2 and section 3",
        "Todavía no he leído el borrador",  # not read
        "I haven't read the plan",
        "No aplica para mi barrio",  # not the writer's to answer
        "Not relevant for my family",
        "Não sou deste bairro",
        "I don't live there any more",
        "Que Dios te bendiga",  # blessings and farewells
        "Blessings to the whole team",
        "Saludos desde Arequipa, hasta pronto",
        "Quisiera felicitar a los facilitadores de la jornada por su paciencia",  # thanks for how it was run
        "We just want to say a big thank you to the volunteers who brought the forms door to door",
        "A página cai quando tento salvar, o site está muito lento",  # a fault of the site
        "Secretaria: no hubo intervenciones",  # a staff note
        "¿Esta consulta la hace el gobierno nacional?",  # who runs it
    ):
        assert SCREEN.classify(text) == NON_ANSWER, text
    for text in (
        "Igual que en Bogotá, el metro debe llegar al sur",  # the same as a place, saying what
        "Same as last year: the ferry never runs on time",
        "Art. 4: incluir a los pueblos originarios",
        "Art civil",  # no number: not a reference
        "No he leído nada sobre el presupuesto de salud, y eso ya dice mucho de la transparencia",
        "No aplica para mi barrio, pero el bus del centro debe pasar más seguido",
        "No vivo en el barrio y aun así pago el peaje",
        "Quiero felicitar a los facilitadores, pero la consulta debe llegar a las zonas rurales",
        "Thank you to the volunteers at the hospital shop",  # thanks for a service, no form or forum
        "Es la responsabilidad de cada uno",  # Chile 2016
        "Buena administración",
        "El gobierno provincial debe publicar los contratos mineros",
        "Por ser la carta fundamental",
    ):
        assert SCREEN.classify(text) != NON_ANSWER, text


def test_nonanswers_wishes_sign_offs_views_handed_in_apart_and_where_the_text_is_read_from_set_33():
    # Written set 33 (stop 50), in other words than the set's own.
    for text in (
        "Un abrazo grande para el equipo",  # good wishes and blessings to whoever runs it
        "Boa sorte a todos",
        "God bless you all",
        "Best wishes from Nova Scotia",  # from a place of more than one word
        "Saludos desde San Juan de los Lagos",
        "Cordialmente, una madre de familia del barrio",  # a sign-off and who wrote it
        "Regards, a worried resident",
        "¿Dónde está el documento completo del plan?",  # where the draft's text is
        "Where can I find the full text of the bill?",
        "Nuestras observaciones como junta vecinal constan en el oficio enviado por separado",  # views handed in apart
        "My comments are in the letter I sent separately",
        "O mesmo da minha contribuição anterior",  # the same as another comment or vote
        "Same as my previous comment on this forum",
        "Nem a favor nem contra, tanto faz",  # neither for nor against
        "Ainda não li o plano, por isso não posso opinar",  # not read, and so no view
        "Doesn't affect me, I live in town",  # not the writer's
        "Não se aplica a mim porque não tenho carro",
        "El sitio no me deja entrar",  # a fault of the site
        "Papeleta anulada",  # a voided paper form
        "I don't have a new idea at this time",  # nothing new (claim check 92, Pol.is march-on)
        "Nada de novo a acrescentar",
    ):
        assert SCREEN.classify(text) == NON_ANSWER, text
    for text in (
        "Un abrazo a los bomberos, pero necesitamos más hidrantes",  # a wish, then an argument
        "Boa sorte a quem for morar perto da barragem sem saneamento",  # more than a wish: eight words after «a»
        "Cordialmente, necesitamos más buses",  # a sign-off, then a demand: no person signs
        "Where is the money for the new school?",  # not the draft's text
        "Nuestra postura es clara: no a la mina",  # a position, no document
        "Our submission asks the council to keep the library open",  # no document handed in apart
        "Igual que el año pasado, el río se desborda",  # the same as something that is not an answer
        "Que publiquen los resultados en la radio",  # a demand in the subjunctive
        "No está funcionando este sistema de pensiones",  # Chile 2016: the pension system is the subject
        "Voto obligatorio",
        "No hay otra opción",
        "Nueva constitución",  # "new" beside a word of the subject
        "New taxes on the rich",
    ):
        assert SCREEN.classify(text) != NON_ANSWER, text
