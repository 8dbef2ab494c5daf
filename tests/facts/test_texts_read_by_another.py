"""A text read out, written or sent by someone the story names (thirty-third round, speakers65, issue #25;
relayed_texts.py, story_speakers.py, text_authors.py): the words are the writer's, not the reader's. The writer is
the subject of the verb that sent the text ("X sent a message that Y read:"), the one "she wrote" stands for after a
sentence naming a text from her, or the name the text signs itself off with ("Yours, Albert Fenn"). Passages written
for these tests, each positive beside its nearest negative."""

from __future__ import annotations

import pytest

from tests.facts.helpers import said

pytestmark = pytest.mark.integration

_RALLY = ("Campaigners have vowed to fight the closure of the pier's public toilets.\n\n"
          "Marjorie Pellow, who chairs the campaign, said the council had not listened. ‘We have been ignored,’ "
          "she said.\n\n")

_MP_SENT = _RALLY + ("The town’s MP, Sarah Penrose, who backs the campaign, sent a message that Mrs Pellow read to a "
                     "rally on Sunday: ‘A pier without toilets is a pier without visitors.’")

_SHE_SENT = _RALLY + ("Mrs Pellow, who chairs the campaign, sent a message that the town’s MP, Sarah Penrose, read "
                      "to a rally on Sunday: ‘A pier without toilets is a pier without visitors.’")


def test_the_subject_who_sent_a_text_wrote_it_not_the_one_who_reads_it_out(quotes_of):
    quote = said(quotes_of(_MP_SENT), "A pier without toilets")
    assert (quote.speaker, quote.speaker_basis) == ("Sarah Penrose", "relayed")


def test_the_one_reading_a_text_she_did_not_send_is_not_its_writer(quotes_of):
    # nearest negative: the roles swapped, the campaigner sent it and the MP read it out
    assert said(quotes_of(_SHE_SENT), "A pier without toilets").speaker == "Marjorie Pellow"


_DEPOT = ("Bus drivers in Harlow Vale protested on Monday against plans to close the night routes.\n\n"
          "Inside the meeting, the drivers' spokeswoman, Janet Darby, read out a letter from one of her regular "
          "passengers, Edith Marlow, 84, who works nights at the hospital. ")

_SHE_WROTE = _DEPOT + "“Without the 11pm bus I cannot get to my shift,” she wrote."
_SHE_SAID = _DEPOT + "“Without the 11pm bus she cannot get to her shift,” she said."


def test_she_wrote_after_a_letter_from_a_named_woman_is_the_letters_writer(quotes_of):
    assert said(quotes_of(_SHE_WROTE), "Without the 11pm bus").speaker == "Edith Marlow"


def test_the_reader_speaking_for_herself_after_the_letter_keeps_her_words(quotes_of):
    # nearest negative: a verb of speech, not of writing: the one who read the letter out speaks
    assert said(quotes_of(_SHE_SAID), "Without the 11pm bus").speaker == "Janet Darby"


_STATION = ("Radio Penwith will close next month after 20 years on air.\n\n"
            "Its longest-running show has been presented by Maureen Tregear, 77, every Saturday since 2006.\n\n"
            "On Saturday's programme she read a listener's letter on air:\n\n")

_SIGNED = _STATION + ("\"Dear Maureen, you have kept me company for twenty years. Please do not stop now. Yours, "
                      "Walter Hocking, Fore Street.\"")
_UNSIGNED = _STATION + ("\"Dear Maureen, you have kept me company for twenty years. Please do not stop now.\"")


def test_a_letter_that_signs_itself_off_is_the_words_of_the_name_it_signs(quotes_of):
    quote = said(quotes_of(_SIGNED), "kept me company")
    assert (quote.speaker, quote.speaker_basis) == ("Walter Hocking", "relayed")


def test_a_letter_read_out_without_a_signature_keeps_the_other_readings(quotes_of):
    # nearest negative: no name signs it off, the reading of the colon line is as before
    assert said(quotes_of(_UNSIGNED), "kept me company").speaker != "Walter Hocking"


_THEATRE = ("The Lyric in Polwenna will close after this winter's pantomime.\n\n"
            "Its dame for 30 years, Derek Spargo, learned of the closure from a text message, which he read to the "
            "Herald: 'Derek, so sorry to tell you like this. Panto goes ahead. Love, Helen x'\n\n")

_HELEN_NAMED = _THEATRE + "Helen Rowe, who manages the theatre, said she had hated sending it."
_NO_HELEN = _THEATRE + "Karen Rowe, who manages the theatre, said she had hated sending it."


def test_a_first_name_signing_a_text_is_the_one_person_the_story_names_so(quotes_of):
    assert said(quotes_of(_HELEN_NAMED), "so sorry to tell you").speaker == "Helen Rowe"


def test_a_first_name_the_story_gives_no_one_is_not_made_a_speaker(quotes_of):
    # nearest negative: no one in the story is called Helen, the sign-off names no one the story knows
    assert said(quotes_of(_NO_HELEN), "so sorry to tell you").speaker not in ("Helen Rowe", "Karen Rowe")


_CINEMA = ("The Regal in Saltfleet, the town's last cinema, will close in March.\n\n"
           "Its owner, Stella Vane, has pinned dozens of letters from regulars to a board in the foyer. ")

_FROM_HER = _CINEMA + ("She read one aloud, from 91-year-old Dorothy Fairweather: “I saw my first film here in 1947. Please "
                       "keep the lights on.”")
_FROM_THE_BOARD = _CINEMA + ("She read one aloud, from the board by the door: “I saw my first film here in 1947. "
                             "Please keep the lights on.”")


def test_from_on_the_verb_that_reads_a_text_out_names_its_writer(quotes_of):
    quote = said(quotes_of(_FROM_HER), "my first film")
    assert (quote.speaker, quote.speaker_basis) == ("Dorothy Fairweather", "relayed")


def test_from_a_place_on_the_verb_that_reads_it_out_names_no_writer(quotes_of):
    # nearest negative: "from the board by the door" is where the letter was, not who wrote it
    assert said(quotes_of(_FROM_THE_BOARD), "my first film").speaker != "Dorothy Fairweather"
