"""Who a pronoun points back to (issue #25, the `continued` and `cue` styles; facts/gender.py, speakers.py): each
person's gender as the story itself gives it (an honorific, a gendered role noun, a pronoun that can only be
theirs), never guessed from a given name, and a pronoun speaker given only to someone it fits. Each on a passage
written for it, beside its nearest negative."""

from __future__ import annotations

import pytest

from tests.facts.helpers import genders_of, said

pytestmark = pytest.mark.integration


# A pronoun's words are not handed on to the one quoted before when the story gives that one the other gender

_REPLY = ("The historian Dr Miriam Catterall has spent a decade on the archive of the Vane family. Her new book argues "
          "that the family's fortune came from the slave trade.\n\n"
          "Dr Julian Ferrars, who teaches at the University of Hallam, is not persuaded. He has written two books on "
          "the same family. “The ledgers she relies on are copies, and bad ones,” he said.\n\n"
          "The two have quarrelled in print before. In a review of her first book, Ferrars wrote that her reading of "
          "the sources was “brave, and then reckless”. She replied in a letter to the paper: “I will take ‘brave’ and "
          "leave the rest.”")


def test_she_after_a_mans_quoted_words_is_not_him(quotes_of):
    assert said(quotes_of(_REPLY), "I will take ‘brave’").speaker == "Miriam Catterall"


def test_he_after_his_own_quoted_words_goes_on_being_him(quotes_of):
    # nearest negative: the pronoun fits the one quoted just before: his words go on
    body = _REPLY.replace("She replied in a letter", "He went further in a letter")
    assert said(quotes_of(body), "I will take ‘brave’").speaker == "Julian Ferrars"


# The one who replies to a question is not the asker, nor someone the pronoun does not fit

_ASKED = ("Senator Ruth Amsel toured the Kelso plant on Monday. The plant manager, Mr Owen Dunn, showed her the new "
          "line.\n\n"
          "Later, on the radio, Lena Cooper asked whether she believed the reports of closure. “It is not my focus,” "
          "she replied.")


def test_she_who_replies_is_not_the_man_named_before_the_asker(quotes_of):
    assert said(quotes_of(_ASKED), "It is not my focus").speaker == "Ruth Amsel"


def test_he_who_replies_is_the_man_named_before_the_asker(quotes_of):
    # nearest negative: the question is put to a man: the pronoun fits the manager
    body = _ASKED.replace("whether she believed", "whether he believed").replace("she replied", "he replied")
    assert said(quotes_of(body), "It is not my focus").speaker == "Owen Dunn"


# The subject pronoun that opens the story's next sentence after a person's own quoted words is theirs

_PRIZE = ("The head teacher, Ashley Morgan, opened the prize-giving at Castlebrook School on Friday:\n\n"
          "“This has been a hard year for all of us. You have every reason to be proud.”\n\n"
          "He thanked the parents for their patience during the building works.\n\n"
          "The main prize went to Robin Hale, who has taught at the school for thirty-one years. The hall stood to "
          "applaud. Morgan presented the cup. “I had no idea this was coming,” she said.")


def test_he_after_his_quoted_words_makes_him_a_man(quotes_of, monkeypatch):
    assert genders_of(quotes_of, monkeypatch, _PRIZE).get("Ashley Morgan") == "m"


def test_she_then_is_not_the_man_last_the_subject(quotes_of):
    assert said(quotes_of(_PRIZE), "I had no idea").speaker == "Robin Hale"


def test_with_no_pronoun_after_his_words_he_is_still_the_last_subject(quotes_of, monkeypatch):
    # nearest negative: the story never calls the head teacher "he": no gender, and the last subject keeps "she"
    body = _PRIZE.replace("He thanked the parents", "The parents were thanked")
    assert "Ashley Morgan" not in genders_of(quotes_of, monkeypatch, body)
    assert said(quotes_of(body), "I had no idea").speaker == "Ashley Morgan"


def test_a_pronoun_after_quoted_words_naming_someone_tells_nothing(quotes_of, monkeypatch):
    # nearest negative: the quoted words name another man, whom "He" may go on about
    body = _PRIZE.replace("You have every reason to be proud.", "Sam Price has worked miracles with the roof.")
    assert "Ashley Morgan" not in genders_of(quotes_of, monkeypatch, body)


def test_he_after_she_is_known_a_man_is_the_head_teacher(quotes_of):
    # nearest negative: a pronoun of his gender is his, the last subject
    body = _PRIZE.replace("“I had no idea this was coming,” she said.", "“She deserves it more than anyone,” he said.")
    assert said(quotes_of(body), "She deserves it").speaker == "Ashley Morgan"


# Two people of one gender in turn: the pronoun tells them apart no more than before, the last subject speaks

_NEIGHBOURS = ("Two residents spoke at the meeting. Margaret Dunne, who has lived on the street for forty years, said "
               "the noise had become unbearable. “I have not slept properly since March,” she said.\n\n"
               "Helen Price, her neighbour, disagreed. “The bakery was here before any of us,” she said. Dunne shook "
               "her head. “Then it can close at ten,” she said.")


def test_two_women_in_turn_each_is_the_last_subject(quotes_of):
    quotes = quotes_of(_NEIGHBOURS)
    assert said(quotes, "The bakery was here").speaker == "Helen Price"
    assert said(quotes, "Then it can close").speaker == "Margaret Dunne"


def test_the_owner_of_a_relation_in_apposition_is_someone_else(quotes_of, monkeypatch):
    # nearest negative: "her neighbour" beside a man's name is her relation, not his gender; "he" is him
    body = _NEIGHBOURS.replace("Helen Price", "Tom Price").replace("any of us,” she said", "any of us,” he said")
    assert genders_of(quotes_of, monkeypatch, body).get("Tom Price") != "f"
    assert said(quotes_of(body), "The bakery was here").speaker == "Tom Price"


# "they": a body or a group, or one person the story gives no gender to; never handed on by gender

_TRUST = "Kym Lino, a spokesperson for the Harbour Trust, confirmed that the slipway would close on Monday."


def test_they_after_one_person_is_that_person(quotes_of):
    body = _TRUST + " “We have no choice,” they said."
    assert said(quotes_of(body), "We have no choice").speaker == "Kym Lino"


def test_they_after_a_body_acted_is_the_body(quotes_of):
    # nearest negative: the trust's trustees acted since: "they" is the body, not its spokesperson
    body = _TRUST + (" The trust's trustees met on Tuesday and reversed the decision. “We have listened to the boat "
                     "owners,” they said.")
    assert said(quotes_of(body), "We have listened").speaker == "Harbour Trust"


# speakers37: the one an interview is held with is not who the pronoun of the sentence after it is

_INTERVIEW = ('Bernard Lavelle, the voice of Radio Carrick for 31 years, has died aged 81. He joined the station as a '
              'tea boy at 17.\n\n'
              'In a 2010 interview with this newspaper\'s then arts editor, Fiona Gallacher, on the eve of his '
              'retirement, he was asked whether he would miss the 5am alarm. "Not for one second," he said.')


def test_the_interviewer_named_in_the_sentence_before_is_not_he(quotes_of):
    quote = said(quotes_of(_INTERVIEW), "Not for one second")
    assert quote.speaker == "Bernard Lavelle"


def test_a_person_the_sentence_before_names_outside_a_talk_held_with_her_is_still_she(quotes_of):
    # nearest negative: the editor is the subject of her own sentence, with no interview held with her
    body = ('Bernard Lavelle, the voice of Radio Carrick for 31 years, has died aged 81.\n\n'
            'In 2010 this newspaper\'s then arts editor, Fiona Gallacher, said on the eve of her retirement that she '
            'would miss the 5am alarm. "Not for one second," she said.')
    assert said(quotes_of(body), "Not for one second").speaker == "Fiona Gallacher"
