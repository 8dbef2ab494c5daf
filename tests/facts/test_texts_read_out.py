"""Words read out (eighteenth round, speakers32, issue #25): a text (letter, email, card, statement) has a writer and
may have a reader and an addressee; its words are the writer's, tracked across sentences ("It read, in part:"), and
the reader's own words around them stay the reader's. Each passage beside its nearest negative."""

from __future__ import annotations

import pytest

from tests.facts.helpers import said

pytestmark = pytest.mark.integration

_LETTER = ('The harbour board has been accused of ignoring a warning. Engineer Priya Nandakumar, who inspected the quay '
           'in March, gave the Courier the letter she sent to the board on 2 April. It read, in part: "The north wall '
           'is moving and will fail within a year unless it is shored up."\n\n'
           '"Nobody from the board ever replied," she said.')


def test_it_read_is_the_text_a_sentence_before_named_and_its_writer_speaks(quotes_of):
    quotes = quotes_of(_LETTER)
    assert (said(quotes, "north wall").speaker, said(quotes, "north wall").speaker_basis) == (
        "Priya Nandakumar", "relayed")
    # nearest negative: the one who showed it, speaking for herself, is found as ever
    assert said(quotes, "Nobody from the board").speaker == "Priya Nandakumar"
    assert said(quotes, "Nobody from the board").speaker_basis != "relayed"


_EMAIL = ('Darren Cole, 44, denies fraud at the Brindle Works.\n\n'
          'The jury was shown an email Darren Cole sent to his accountant, Marcus Hale, a week before the collapse. '
          'Reading it out, prosecutor Anna Byrne said it read: "Move it all tonight. Say nothing." The defence says it '
          'was about a routine transfer.\n\n'
          'Prosecutor Anna Byrne said: "This is a man covering his tracks."')


def test_a_text_read_out_in_court_is_its_writers_not_the_readers_nor_the_addressees(quotes_of):
    quotes = quotes_of(_EMAIL)
    email = said(quotes, "Move it all tonight")
    assert (email.speaker, email.speaker_basis) == ("Darren Cole", "relayed")  # not Byrne, not Hale ("sent to")
    # nearest negative: the reader's own colon line stays hers
    assert said(quotes, "covering his tracks").speaker == "Anna Byrne"


def test_the_writer_in_a_clause_on_the_text_is_a_pronoun_for_the_one_the_story_points_at(quotes_of):
    quotes = quotes_of('Margaret Alder died in May, aged 91.\n\n'
                       'At the funeral her son, Tom Alder, read from a letter she had written to him in 1969: "Be '
                       'brave, be kind, and write to your mother." "She meant every word," Tom Alder said.')
    letter = said(quotes, "Be brave")
    assert (letter.speaker, letter.speaker_basis) == ("Margaret Alder", "relayed")
    # nearest negative: the reader's own words after the read-out stay his
    assert said(quotes, "She meant every word").speaker == "Tom Alder"


def test_a_participle_describing_the_text_is_no_cue_the_body_that_said_it_speaks(quotes_of):
    quote = said(quotes_of('Bus fares in Corran will rise by a fifth in April.\n\n'
                           'The transport ministry said in a written answer to the Corran Echo that it was "keeping '
                           'fares under constant review" and that concessions would stay.'), "constant review")
    assert "transport ministry" in (quote.speaker or "").lower()


def test_they_sent_us_this_is_the_body_the_question_was_put_to_not_the_host(quotes_of):
    quotes = quotes_of('HOST: We put that worry to the transport ministry. They sent us this: "Fares are kept under '
                       'constant review."\n\nGUEST: That is a no.')
    quote = said(quotes, "Fares are kept")
    assert quote.speaker_basis == "relayed" and "transport ministry" in (quote.speaker_reason or "")
    assert quote.speaker is None  # described, never named: evidence, not a speaker


def test_it_said_with_no_text_before_is_not_a_read_out(quotes_of):
    # nearest negative: "It said:" after a company, no text named in the sentences before -> no relayed writer
    quote = said(quotes_of('Harrow Mills cut 200 jobs on Monday. It said: "This was a painful decision."'),
                 "painful decision")
    assert quote.speaker_basis != "relayed"


_COLUMN = ('Each week Hannah Lowe takes up readers\' complaints.\n\n'
           'This week\'s letter comes from Owen Pryce of Castle Road, who ordered a fridge last March. He writes:\n\n'
           '"I paid in full and I am still waiting. Nobody answers the phone."\n\n'
           'Owen, you are not alone.')


def test_he_writes_after_a_letter_from_someone_is_the_letters_writer_not_the_columnist(quotes_of):
    assert said(quotes_of(_COLUMN), "I paid in full").speaker == "Owen Pryce"


def test_a_writer_after_a_sentence_naming_no_text_is_found_as_before(quotes_of):
    # nearest negative: the sentence before "She writes:" names no text, so the letter's writer is not lent
    quote = said(quotes_of(_COLUMN.replace("last March. He writes:", "last March. Hannah Lowe rang the shop on "
                                           "Monday. She writes:")), "I paid in full")
    assert quote.speaker == "Hannah Lowe"
