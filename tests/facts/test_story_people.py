"""One reading of the story's people decides who a short form means (issue #25, the `backref` style; facts/
referents.py): a form of address says a name is a person's whatever the model typed, a title's abbreviation
describes its holder as the title does, a role noun two people fit is the one the story last spoke of, and a body
introduced in full is the same body when the story goes on with the opening of its name. Each on a passage written
for it, beside its nearest negative."""

from __future__ import annotations

import pytest

from tests.facts.helpers import said

pytestmark = pytest.mark.integration


# A form of address opens a person's name

_WARDENS = ('The parish meeting voted on Monday to keep the village hall open. Two wardens who run the hall, Cllr '
            'Petra Ashgrove and Cllr Idris Vantongeren, spoke against the sale.\n\n'
            'Cllr Ashgrove said the hall was "the last room in the village with a piano". The vote was 9 to 3.')


def test_a_titled_short_form_is_the_person_a_form_of_address_introduced(quotes_of):
    assert said(quotes_of(_WARDENS), "the last room in the village").speaker == "Petra Ashgrove"


def test_a_titled_short_form_with_no_one_introduced_stays_as_written(quotes_of):
    # nearest negative: no one was introduced with that surname: the short form is not lent to a warden
    body = _WARDENS.replace("Cllr Ashgrove said", "Cllr Brandreth said")
    assert said(quotes_of(body), "the last room in the village").speaker not in ("Petra Ashgrove", "Idris Vantongeren")


# A role noun two people fit: the one the story last spoke of

_SURVEYORS = ('The tribunal heard from the estate\'s former chief surveyor, Anton Krejci, on Tuesday. "I flagged the '
              'cracks in 2021," he said.\n\n'
              'It then heard from Dr Maren Ostlund, the independent surveyor who inspected the terrace last spring. '
              'Dr Ostlund said the cracks were structural.\n\n'
              'Facing the residents, the surveyor said: "I should have written that more plainly."')


def test_a_role_noun_two_people_fit_is_the_one_last_in_focus(quotes_of):
    assert said(quotes_of(_SURVEYORS), "I should have written that").speaker == "Maren Ostlund"


def test_a_role_noun_two_people_fit_is_the_first_when_he_is_spoken_of_again(quotes_of):
    # nearest negative: the first surveyor is the one the story spoke of last: "the surveyor" is him
    body = _SURVEYORS.replace("Facing the residents,", "Mr Krejci was recalled in the afternoon. Facing the residents,")
    assert said(quotes_of(body), "I should have written that").speaker == "Anton Krejci"


_WARDENS_OF_THE_PARK = ('Head ranger Ilse Marrow, who led the survey, wrote: "The ponds are in worse shape than we '
                        'feared." A second ranger, Colm Tierney, counted 14 nests.\n\n'
                        'Tierney said the count was "lower than any year on record".\n\n'
                        'Both rangers will walk the site again in May. "We will count every nest twice," the head '
                        'ranger said.')


def test_the_description_s_own_words_single_out_one_whoever_was_last_in_focus(quotes_of):
    # "the head ranger": the title with the description's own word stands before one name; the other ranger was
    # spoken of last (the in-focus reading above would pick him); a word of its own says who
    assert said(quotes_of(_WARDENS_OF_THE_PARK), "We will count every nest").speaker == "Ilse Marrow"


def test_a_bare_role_noun_after_the_same_story_is_the_one_last_in_focus(quotes_of):
    # nearest negative: "the ranger" has no word of its own: of the two rangers, the one the story last spoke of
    body = _WARDENS_OF_THE_PARK.replace("the head ranger said", "the ranger said")
    assert said(quotes_of(body), "We will count every nest").speaker == "Colm Tierney"


# A body written by the opening words of its name

_FREIGHT = ('Drivers at Corrib Freight Services walked out on Friday over rosters. The union said 300 staff had joined '
            'the action.\n\n'
            'Corrib said it had "offered talks every day this week".')


def test_the_opening_of_a_body_name_is_that_body(quotes_of):
    assert said(quotes_of(_FREIGHT), "offered talks every day").speaker == "Corrib Freight Services"


def test_two_bodies_opening_alike_leave_the_short_form_alone(quotes_of):
    # nearest negative: two bodies named before open with the same word: the short form names neither
    body = _FREIGHT.replace("The union said", "Corrib Holdings Group, its parent, said")
    assert said(quotes_of(body), "offered talks every day").speaker not in ("Corrib Freight Services", "Corrib Holdings Group")


# A body's unnamed voice: the body of that kind the story last spoke of

_CLUB = ('Winger Dario Hollins was suspended in May. His club, Redwater Rovers, said it would wait for the '
         'hearing.\n\n'
         'A club spokesperson said on Monday: "We will not comment further while an appeal is possible."')


def test_a_kind_of_body_is_the_body_set_beside_that_noun(quotes_of):
    quote = said(quotes_of(_CLUB), "We will not comment further")
    assert quote.speaker == "Redwater Rovers" and quote.speaker_role == "club spokesperson"


def test_a_kind_of_body_the_story_set_beside_no_body_stays_a_voice(quotes_of):
    # nearest negative: no body of the story is called a hospital: the voice stays the description
    body = _CLUB.replace("A club spokesperson", "A hospital spokesperson")
    assert said(quotes_of(body), "We will not comment further").speaker is None


_CINEMA = ('Larchmont Cinemas, which owns the site, has closed its last screen in the town. A spokesperson said: "The '
           'building needs more work than the business can carry."')


def test_a_bare_voice_speaks_for_the_body_the_sentence_before_spoke_of(quotes_of):
    assert said(quotes_of(_CINEMA), "The building needs more work").speaker == "Larchmont Cinemas"


def test_a_bare_voice_after_a_sentence_of_no_body_stays_a_voice(quotes_of):
    # nearest negative: the body is spoken of three sentences before, with people in between: no one's voice
    body = _CINEMA.replace(" A spokesperson said", " Regulars were upset. Many had come for decades. Staff were "
                           "told on Friday. A spokesperson said")
    assert said(quotes_of(body), "The building needs more work").speaker is None


# A role two people fit, and a pronoun whose gender the story gave neither

def test_a_pronoun_after_a_role_two_unknown_people_fit_leaves_it_to_the_title(quotes_of):
    # the reading cannot tell who "he" is when the story gave neither a gender: the title before a name decides
    body = ('Director Tobin Achterfeld opened the season on Friday. The set was built with the theatre\'s artistic '
            'director, Wren Castellaw.\n\n'
            'The director, asked about the running time, was unmoved. "It stays as it is," he said.')
    assert said(quotes_of(body), "It stays as it is").speaker == "Tobin Achterfeld"


# A lede's description of someone the next paragraph names (a delayed identification)

_LEDE = ('MARLOW, Ore. (AP) - A former harbour inspector testified Thursday that developer Ross Kettering paid him '
         'to overlook cracks in a pier that later gave way.\n\n'
         'Questioned by Assistant U.S. Attorney Dana Quill, the witness, Edwin Marsh, said the money came in an '
         'envelope.\n\n'
         'Defense attorney Paul Renner asked whether he had ever been up the pier. "Not once," the former inspector '
         'replied.')


def test_a_role_from_the_lede_is_the_person_the_next_paragraph_names(quotes_of):
    assert said(quotes_of(_LEDE), "Not once").speaker == "Edwin Marsh"


def test_a_role_from_the_lede_is_no_one_named_already(quotes_of):
    # nearest negative: the next paragraph's subject was named in the lede: the lede's surveyor is not him
    body = _LEDE.replace("the witness, Edwin Marsh, said", "Ross Kettering said")
    assert said(quotes_of(body), "Not once").speaker != "Ross Kettering"


# Two people joined in apposition to one group: each has the words beside their own name

_PANEL = ('Two members of the panel, the architect Simon Blakely and the historian Helen Varley, toured the site on '
          'Monday. Blakely said the facade could be saved.\n\n'
          '"The roof is another matter," the historian said.')


def test_a_conjunct_keeps_its_own_description(quotes_of):
    assert said(quotes_of(_PANEL), "The roof is another matter").speaker == "Helen Varley"


def test_the_first_conjunct_keeps_his_description(quotes_of):
    # nearest negative: "the architect" is the first of the two, whose words stay his
    body = _PANEL.replace("the historian said", "the architect said")
    assert said(quotes_of(body), "The roof is another matter").speaker == "Simon Blakely"


def test_an_acronym_is_a_body_of_its_own_not_the_longer_name_it_opens(quotes_of):
    # nearest negative of the body written by the opening of its name: an acronym names its own body
    body = ('Members of the EFRA Junior Racing Club voted on Monday to leave the federation.\n\n'
            'EFRA said it had "never seen demand like it".')
    assert said(quotes_of(body), "never seen demand").speaker == "EFRA"
