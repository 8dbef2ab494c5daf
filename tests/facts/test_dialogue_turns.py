"""Turns of a dialogue (issue #25, the sixteenth round: facts/turns.py). In a press conference, an interview, a
hearing, an earnings call or a panel, the answer to a question is the one questioned's, however it is introduced,
never the questioner's; words that hail someone by name are said to them. Each passage beside its nearest negative."""

from __future__ import annotations

import pytest

from tests.facts.helpers import said

pytestmark = pytest.mark.integration


def test_a_press_conference_answer_after_a_named_reporters_question_is_the_ministers(quotes_of):
    quotes = quotes_of('Finance Minister Rosa Delgado took questions for half an hour.\n\n'
                       'Asked by Tom Reyes of the Daily Ledger whether the cuts would reach pensions, Delgado said: '
                       '"Pensions are protected."\n\n'
                       'Maria Chen of Channel 4 put it to her that the central bank had called the plan "reckless and '
                       'premature." "The central bank is entitled to its view," the minister replied.\n\n'
                       'Pressed on whether she would resign if the plan failed, she said: "It will not fail. I have '
                       'seen the numbers."')
    answer = said(quotes, "It will not fail")
    assert (answer.speaker, answer.speaker_basis) == ("Rosa Delgado", "turn")
    assert said(quotes, "reckless").speaker != "Rosa Delgado"  # the words inside the question stay the critic's


def test_a_reporter_who_speaks_for_herself_keeps_her_words(quotes_of):
    # nearest negative: no question put, so "she" is the reporter who was the subject
    quotes = quotes_of('Finance Minister Rosa Delgado took questions for half an hour.\n\n'
                       'Maria Chen of Channel 4 said the plan was reckless. "Nobody in the markets believes it," she '
                       'said.')
    assert said(quotes, "Nobody in the markets").speaker == "Maria Chen"


def test_an_earnings_call_answer_is_the_executive_asked_not_the_analyst(quotes_of):
    quotes = quotes_of('On the call, analyst Priya Nair of Morgan Lake asked chief executive Daniel Osei about '
                       'margins. "We expect margins to recover in the second half of the year," he said.')
    assert said(quotes, "We expect margins").speaker == "Daniel Osei"


def test_a_hearing_witness_questioned_answers_but_one_only_criticised_does_not(quotes_of):
    asked = quotes_of("Senator Paul Calloway questioned the regulator's chair, Ian Marsh, about the delays. "
                      '"We were understaffed for two years," he said.')
    assert said(asked, "understaffed").speaker == "Ian Marsh"
    # nearest negative: criticising puts no question, so "he" stays the senator
    criticised = quotes_of("Senator Paul Calloway criticised the regulator's chair, Ian Marsh, over the delays. "
                           '"It is a scandal and a disgrace," he said.')
    assert said(criticised, "scandal").speaker == "Paul Calloway"


def test_told_me_is_the_one_the_writer_reached(quotes_of):
    quotes = quotes_of("The mayor, Sara Quint, has refused to comment on the closure. I reached her deputy, Lena Holt, "
                       'by phone on Monday. "We are reviewing every option we have," she told me. "Nothing is '
                       'decided."')
    assert [said(quotes, w).speaker for w in ("reviewing", "Nothing is")] == ["Lena Holt"] * 2


def test_the_floor_is_left_when_the_story_turns_to_someone_else(quotes_of):
    # a spokesman for the prime minister answered; the next "she", reached by phone, is the critic the story turns to
    quotes = quotes_of('Asked on Monday whether that was support, a spokesman for Prime Minister Lise Ekdahl said: "It '
                       'is exactly what it says."\n\n'
                       'Greta Olsen, for her part, was unrepentant. Reached by phone, she said she stood by "every '
                       'single word" of her post.')
    assert said(quotes, "every single word").speaker == "Greta Olsen"


def test_the_questioners_own_question_stays_hers(quotes_of):
    quotes = quotes_of('Defence Secretary Mark Hale faced the panel. Asked by the moderator, Joan Reid, about the '
                       'frigates, Hale said: "They will sail next year." Reid pressed him. "Will you resign if they '
                       'do not?" she asked.')
    assert said(quotes, "They will sail").speaker == "Mark Hale"
    assert said(quotes, "Will you resign").speaker == "Joan Reid"


def test_words_hailing_the_reader_are_the_writers(quotes_of):
    quotes = quotes_of('Councillor Ed Brook held up his phone. A message, he said, from a Mrs Joan Pike of Elm '
                       'Road:\n\n"Dear Councillor Brook, the bins have not been collected for six weeks and the foxes '
                       'have moved in."')
    message = said(quotes, "Dear Councillor Brook")
    assert (message.speaker, message.speaker_basis) == ("Joan Pike", "turn")


def test_words_hailing_someone_else_keep_their_speaker(quotes_of):
    # nearest negative: the chair hails the councillor; the speaker found is not the one hailed
    quotes = quotes_of('Councillor Ed Brook asked for more time. "Councillor Brook, you have had six weeks already," '
                       'the chair, Amy Rowe, told him.')
    assert said(quotes, "six weeks already").speaker == "Amy Rowe"
    # nor do words that open with a list of names: "Smith, Jones and Brown" hails no one
    listed = quotes_of('Jones and Brown voted against the plan on Monday.\n\n"Smith, Jones and Brown all voted for it '
                       'last year," said Councillor Ed Smith.')
    assert said(listed, "all voted for it").speaker == "Ed Smith"


def test_the_one_who_steps_in_to_close_the_floor_speaks_not_the_event(quotes_of):
    # the parse hangs "and said" on "ended" across a "when" clause it read as a relative clause on "minutes"
    quotes = quotes_of('The news conference ended abruptly after 40 minutes when an aide stepped to the lectern and '
                       'said: "Last question, please. The president has a cabinet meeting."')
    closing = said(quotes, "Last question")
    assert closing.speaker is None and closing.speaker_reason.startswith("unnamed")
    # nearest negative: with no "when" clause the subject of the main verb speaks
    chaired = quotes_of('The chairman, Senator Paul Ames, ended the hearing after two hours and said: "We will resume '
                        'on Tuesday at nine."')
    assert said(chaired, "We will resume").speaker == "Paul Ames"


def test_under_questioning_from_the_chair_the_witness_answers(quotes_of):
    quotes = quotes_of("Health Secretary Anna Weller appeared before the committee on Tuesday. The committee's chair, "
                       'Dame Ruth Ovens, said the waiting lists were "a national embarrassment."\n\n'
                       'Under questioning from Ovens, she said: "The lists are falling, slowly but surely."')
    assert said(quotes, "The lists are falling").speaker == "Anna Weller"
    assert said(quotes, "national embarrassment").speaker == "Ruth Ovens"


def test_an_executive_responding_to_an_analyst_answers(quotes_of):
    quotes = quotes_of('Chief executive Maria Gomez opened the call with a review of the quarter. Analyst Sarah Lin of '
                       'Bay Capital said the guidance looked "conservative at best."\n\n'
                       'Responding to Lin, she said: "We would rather beat it than miss it."')
    assert said(quotes, "rather beat it").speaker == "Maria Gomez"


def test_the_writers_question_is_answered_by_the_one_the_writer_met(quotes_of):
    quotes = quotes_of("I met the novelist Clara Voss in a cafe near her flat. Her former editor, Jean Marsh, has "
                       'called her "the most difficult writer in London."\n\n'
                       '"Do you think that\'s fair?" I asked. "Completely fair," she said. "I am impossible."')
    assert [said(quotes, w).speaker for w in ("Completely fair", "I am impossible")] == ["Clara Voss"] * 2


def test_a_speakers_own_question_asked_of_no_one_is_no_turn(quotes_of):
    # nearest negative: a question inside one speaker's run ("he said", no verb of asking) hands the floor to no one
    quotes = quotes_of('Defence lawyer Mark Figg spoke outside the court. Thomas had slept on the job the night the '
                       'alarm failed, prosecutors say.\n\n'
                       '"But does that mean they should go to jail?" Figg said. "Nobody was hurt," he said.')
    assert said(quotes, "Nobody was hurt").speaker == "Mark Figg"


def test_the_one_a_council_hears_from_has_the_floor(quotes_of):
    quotes = quotes_of('Ambassador Selin Darque of Orestia told the council: "We will not sign."\n\n'
                       'The council heard first from the UN envoy for the region, Hakim Bellamy-Osei, who had flown in '
                       'that morning. He described a hospital where "surgeons are operating by the light of their '
                       'phones" and said 140,000 people had fled.')
    assert said(quotes, "surgeons are operating").speaker == "Hakim Bellamy-Osei"
    # nearest negative: urging someone is no floor given ("called on X to resign"), so "he" stays the subject
    urged = quotes_of('Senator Paul Marsh called on the envoy, Tom Reid, to resign. "He has failed the region," he '
                      'said.')
    assert said(urged, "He has failed").speaker == "Paul Marsh"


def test_a_letter_read_aloud_at_a_council_is_its_writers(quotes_of):
    quotes = quotes_of("Maren's ambassador, Jorund Hallvik, responded by reading aloud from a letter sent to the "
                       'council by the mayor of Sarn, Dilara Enver: "We do not ask you who is right. We ask you to '
                       'stop the shells."')
    letter = said(quotes, "We do not ask you")
    assert (letter.speaker, letter.speaker_basis) == ("Dilara Enver", "relayed")
    # nearest negative: the one named after "read out by" reads, she did not write it
    read = said(quotes_of('A message from the founder, who died in March, was read out by his niece, Clare Dunn: '
                           '"Look after each other."'), "Look after")
    assert read.speaker != "Clare Dunn"


def test_someone_stepping_in_after_the_question_keeps_the_words(quotes_of):
    # nearest negative of the floor: a third person named after the question is put answers in the questioned's stead
    quotes = quotes_of('Prosecutor Ann Lee asked the defendant, Mark Bell, where he had been that night. His lawyer, '
                       'Tom Rudd, intervened. "My client will not answer that," he said.')
    assert said(quotes, "My client").speaker == "Tom Rudd"
    laughed = quotes_of('When reporters asked Senator Kamala Harris about the poll on Monday, her rival, Jane Doe, '
                        'laughed. "Polls are for dogs," she said.')
    assert said(laughed, "Polls are for dogs").speaker == "Jane Doe"


def test_quoted_paragraphs_of_an_exchange_alternate_between_questioner_and_guest(quotes_of):
    quotes = quotes_of("On Sunday's programme the presenter, Jo Bright, put the deal to the finance minister, Karl "
                       'Meyer.\n\n"Was it worth it?"\n\n"Every penny of it, and I would sign it again tomorrow."\n\n'
                       '"Even for the teachers who lose their pay rise?"\n\n"Especially for them. Their pensions were '
                       'the first thing we protected."')
    assert [q.speaker for q in quotes] == ["Jo Bright", "Karl Meyer"] * 2


def test_the_guest_turned_to_answers_the_hosts_question_but_one_turned_to_is_not_the_speaker(quotes_of):
    quotes = quotes_of('The host, Jo Bright, turned to her guest, the finance minister Karl Meyer. "Was it worth it?" '
                       'she asked.\n\n"Every penny of it, and I would sign it again tomorrow," he said.\n\n"Even for '
                       'the teachers who lose their pay rise?"\n\n"Especially for them. We protected their pensions."')
    assert [q.speaker for q in quotes] == ["Jo Bright", "Karl Meyer"] * 2
    # nearest negative: turning to someone asks nothing, so what follows without a question is the one turning
    turned = quotes_of('The mayor, Ann Cole, turned to her deputy, Sara Lund, at the end of the meeting. "You misled '
                       'the council," she said.')
    assert said(turned, "You misled").speaker == "Ann Cole"


def test_the_answers_to_the_writers_questions_are_the_guests(quotes_of):
    quotes = quotes_of('I asked the finance minister, Karl Meyer, about the deal when we met on Friday.\n\n"Was it '
                       'worth it?"\n\n"Every penny of it, and I would sign it again tomorrow."\n\n"Even for the '
                       'teachers who lose their pay rise?"\n\n"Especially for them. We protected their pensions."')
    assert [q.speaker for q in quotes] == [None, "Karl Meyer"] * 2  # the writer's questions keep no one


def test_the_spokesman_taking_questions_answers_a_reporter_who_asked_about_something(quotes_of):
    quotes = quotes_of("Karl Brun, the foreign ministry's spokesman, fielded questions from reporters on Monday. "
                       '"We have nothing to add," he said. Olga Petrov of the state broadcaster, who has covered the '
                       'ministry for years, asked about the ambassador. "That is not on the table," he said.')
    assert said(quotes, "not on the table").speaker == "Karl Brun"
    # nearest negative: with no one taking questions, a senator who asked about something keeps her own words
    own = quotes_of('The hearing began at ten. Dr. Mary Fox, the agency\'s director, spoke first about the budget. '
                    'Senator Ann Ruiz asked about the delays. "It is a mess," she said.')
    assert said(own, "It is a mess").speaker == "Ann Ruiz"


def test_a_question_named_with_its_asker_is_his_and_the_words_after_it_the_floors(quotes_of):
    named = quotes_of('Finance Minister Rosa Delgado took questions for half an hour. The last question, from Tom '
                      'Reyes of the Daily Ledger, was blunt: "Will you resign if the plan fails?"')
    assert said(named, "Will you resign").speaker == "Tom Reyes"
    answered = quotes_of('Finance Minister Rosa Delgado took questions for half an hour. Tom Reyes of the Daily '
                         'Ledger had one: "Will you resign if the plan fails?" She did not hesitate. "No."')
    assert [said(answered, w).speaker for w in ("Will you resign", "No.")] == ["Tom Reyes", "Rosa Delgado"]
    # nearest negative: with no one taking questions, a speaker's own question and what follows stay theirs
    own = quotes_of('Tom Reyes of the Daily Ledger wrote about the plan on Monday. "Will it work?" he asked in his '
                    'column. "Nobody knows."')
    assert said(own, "Nobody knows").speaker == "Tom Reyes"


def test_in_a_q_and_a_the_answers_i_is_the_interviewee(quotes_of):
    quotes = quotes_of('Health Minister Anna Voss spoke to the Courier this week about the winter crisis.\n\n'
                       'Q: Your rival, Dan Moss, calls you "the minister for delay." Fair?\n\n'
                       'A: Dan says a lot of things. I told him last week, "Show me your plan." He has none.\n\n'
                       'Q: The nurses\' leader, Ruth Kerr, wants a pay rise. Will she get one?\n\n'
                       'A: I said to Ruth, "Not this year." She knows why.\n\n'
                       'Q: Who taught you to negotiate?\n\n'
                       'A: My father, Karl Voss. He always said, "Never sign on a Friday."')
    assert [said(quotes, w).speaker for w in ("Show me your plan", "Not this year")] == ["Anna Voss"] * 2
    # nearest negative: words the answer gives to someone else, not to its "I", stay theirs
    assert said(quotes, "Never sign").speaker == "Karl Voss"


def test_in_a_transcript_the_named_turns_i_is_its_holder(quotes_of):
    quotes = quotes_of('Health Minister Anna Voss was interviewed on Sunday by the presenter Tom Hale. An edited '
                       'transcript:\n\nHALE: The head of the nurses\' union, Ruth Kerr, says your plan is "a '
                       'plaster on a broken leg." Is she wrong?\n\nVOSS: I met Ruth on Friday and I said to her, '
                       '"Come and see the new wards." She has not come yet.')
    assert said(quotes, "Come and see").speaker == "Anna Voss"
    assert said(quotes, "a plaster").speaker == "Ruth Kerr"


def test_a_witness_questioned_by_an_unnamed_senator_answers_the_bare_lines(quotes_of):
    quotes = quotes_of('The senator questioned the witness, Dr. Paul Lee, for an hour.\n\n"Were you paid for the '
                       'report?"\n\n"No, I was never paid by anyone."')
    assert said(quotes, "never paid").speaker == "Paul Lee"


def test_the_one_a_presenter_spoke_to_answers_the_bare_lines_but_the_one_spoken_to_never_says_the_words(quotes_of):
    quotes = quotes_of('On Sunday the presenter Jo Bright spoke to the finance minister, Karl Meyer.\n\n"Was it worth '
                       'it?"\n\n"Every penny of it, and I would sign it again tomorrow."')
    assert said(quotes, "Every penny").speaker == "Karl Meyer"
    # nearest negative: speaking to someone gives them the floor only for answers, not for the speaker's own words
    spoken = quotes_of('Brenner hosted the dinner. Speaking to Brenner at the dinner, Lopez said: "The deal is done." '
                       '"It is," he said.')
    assert [said(spoken, w).speaker for w in ("The deal is done", "It is")] == ["Lopez"] * 2


# The parser cuts a written sentence at a quotation mark inside it; the question put is still the sentence before.

_SPLIT_QUESTION = ('Carrick manager Rhona Dunmore sat down and said: “Before anyone asks, it is not a penalty.”\n\n'
                   'Asked by the Post whether the comeback papered over a poor first hour, Dunmore was blunt. “It '
                   'doesn’t paper over anything.”\n\n'
                   'Graham Tulloch of Radio Carrick put it to her that the board’s “Vision 2030” plan, which '
                   'promises a new stand but no new signings this winter, was starting to weigh on the squad. '
                   '“You’d have to ask the board about the board,” she said. “My job is the eleven on the pitch.”')


def test_a_question_put_in_a_sentence_the_parser_cut_at_a_quotation_mark_still_gives_the_floor(quotes_of):
    quotes = quotes_of(_SPLIT_QUESTION)
    for words in ("ask the board about the board", "My job is the eleven"):
        assert said(quotes, words).speaker == "Rhona Dunmore"


def test_without_the_question_the_one_who_spoke_last_keeps_her_words(quotes_of):
    # nearest negative: the same sentence saying, not asking ("Tulloch said that ..."), with its own "she": the
    # subject of the sentence before (Tulloch's gender unknown) keeps the words as before
    body = _SPLIT_QUESTION.replace("put it to her that", "wrote that")
    assert said(quotes_of(body), "ask the board about the board").speaker == "Graham Tulloch"


# A questioner given by a description the story wrote beside her name ("presenter Jo Bright" ... "The presenter")

_PRESENTER = ('Ingrid Saltmarsh has led the mountain rescue team for eleven years. She told presenter Jo Bright about '
              'the night of the blizzard.\n\n'
              'Saltmarsh was silent for a moment. “That’s why we do it,” she said eventually.\n\n'
              'The presenter pressed her on social media. “Some people say the problem is apps. Is that fair?”\n\n'
              '“Partly,” she replied. “We call it the summit selfie effect.”')


def test_an_answer_to_a_questioner_given_by_her_title_is_the_guests(quotes_of):
    quotes = quotes_of(_PRESENTER)
    for words in ("Partly", "summit selfie"):
        assert said(quotes, words).speaker == "Ingrid Saltmarsh"


def test_a_description_no_name_was_given_names_no_questioner(quotes_of):
    # nearest negative: "presenter" was written beside no one, so "The presenter" names no questioner and the turn
    # does not move the words; "she replied" stays with whoever the other rules find, never a name the story gave
    # no such title
    body = _PRESENTER.replace("She told presenter Jo Bright", "She told Jo Bright")
    quotes = quotes_of(body)
    assert said(quotes, "Partly").speaker_basis != "turn"


# speakers37: the question put in the sentence before the quoted words, when the parser splits them at their own stops

_ON_STAGE = ('Eclipse won the final in Seoul. The winning shot came from their 19-year-old rifler, Daniel Osei-Tutu.\n\n'
             'On stage after the final, the host, Amelia Strand, asked Osei-Tutu how it felt. {between}"Honestly? My '
             'hands are still shaking," he said.')


def test_an_answer_whose_words_the_parser_splits_is_still_the_one_asked(quotes_of):
    quote = said(quotes_of(_ON_STAGE.format(between="")), "hands are still shaking")
    assert (quote.speaker, quote.speaker_basis) == ("Daniel Osei-Tutu", "turn")


def test_someone_who_steps_in_after_the_question_keeps_the_pronoun(quotes_of):
    # nearest negative: the coach is made the subject after the question was put, so "he" is the coach's
    body = _ON_STAGE.format(between="His coach, Marek Lind, laughed. ")
    assert said(quotes_of(body), "hands are still shaking").speaker == "Marek Lind"
