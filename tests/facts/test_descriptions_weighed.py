"""A description after a long gap ("the chief executive said", "its chief executive said", "the 78-year-old said")
weighed over the story's people on what each was introduced with (issue #25, the `backref` style;
facts/referents: the bodies a person's introduction ties them to, the age it gave them, then recency). Passages
written for these tests, each beside its nearest negative."""

from __future__ import annotations

import pytest

from tests.facts.helpers import said

pytestmark = pytest.mark.integration

# Two chief executives, each tied to a body by their introduction; the one spoken of last is the regulator's.
_TWO_CHIEFS = ('Brackwater Shipping admitted on Monday that it had lost the records of 4,000 shipments. "We got this '
               'wrong," Brackwater Shipping\'s chief executive, Nadia Kellerman, said in a statement.\n\n'
               'The Shipping Standards Authority, which licenses carriers, has opened an inquiry. Its chief '
               'executive, Paul Okafor, said the loss was serious. "Records are the whole job," Okafor said.\n\n'
               'The inquiry is expected to report in the spring.\n\n'
               '"We will call every customer personally," the chief executive said on Tuesday, after '
               'Brackwater Shipping\'s board met.')


def test_a_description_goes_to_the_one_tied_to_the_body_its_sentence_names(quotes_of):
    assert said(quotes_of(_TWO_CHIEFS), "We will call every customer").speaker == "Nadia Kellerman"


def test_a_description_with_no_body_named_goes_to_the_one_spoken_of_last(quotes_of):
    # nearest negative: the sentence names no body: recency decides, as before (the regulator's chief executive)
    body = _TWO_CHIEFS.replace(", after Brackwater Shipping's board met", "")
    assert said(quotes_of(body), "We will call every customer").speaker == "Paul Okafor"


# "its chief executive": a person of the body "its" points to, not one tied to another body.
_ITS_CHIEF = ('Hollins Clinic said it had acted in good faith. Its chief executive, Graham Tolby, declined to be '
              'interviewed.\n\n'
              '"Families deserve the truth," said Dr Ruth Marlowe, chief executive of the Fertility Standards '
              'Authority, which has opened an investigation.\n\n'
              'Campaigners welcomed the inquiry. The Authority expects to report by the summer. "Families have '
              'waited long enough," its chief executive said.')


def test_an_owned_description_is_the_person_of_the_body_it_points_to(quotes_of):
    assert said(quotes_of(_ITS_CHIEF), "Families have waited").speaker == "Ruth Marlowe"


def test_an_owned_description_whose_body_no_one_is_tied_to_names_no_one_else(quotes_of):
    # nearest negative: "its" points to the clinic's regulator no chief executive was named for: Tolby (the
    # clinic's) is not taken
    body = _ITS_CHIEF.replace('"Families deserve the truth," said Dr Ruth Marlowe, chief executive of the Fertility '
                              'Standards Authority, which has opened an investigation.',
                              'The Fertility Standards Authority has opened an investigation.')
    assert said(quotes_of(body), "Families have waited").speaker != "Graham Tolby"


# An age the story gave no one: the subject of the last sentence of prose before it, not the story's protagonist.
_AGE = ('Skerry Ferries went into administration on Monday. "There was no way to keep the boats sailing," said '
        'Derek Holme, one of the administrators.\n\n'
        'His father, Alasdair Ross, who ran the company for 30 years, was at the harbour as the crews made fast.\n\n'
        '"Fifty-two years. You don\'t expect it to end like this," the 78-year-old said.')


def test_an_age_given_no_one_is_the_subject_of_the_sentence_before(quotes_of):
    assert said(quotes_of(_AGE), "Fifty-two years").speaker == "Alasdair Ross"


def test_an_age_after_a_description_as_subject_is_the_protagonist(quotes_of):
    # nearest negative: the sentence before is about someone described, not named ("The old skipper"): the reading
    # cannot tell who, and leaves the description to the readings after it (the story's protagonist)
    body = _AGE.replace("His father, Alasdair Ross, who ran the company for 30 years, was at the harbour",
                        "Alasdair Ross ran the company for 30 years. The old skipper was at the harbour")
    assert said(quotes_of(body), "Fifty-two years").speaker != "Alasdair Ross"


def test_an_age_given_someone_is_theirs_whoever_came_last(quotes_of):
    body = _AGE.replace("said Derek Holme,", "said Derek Holme, 78,")
    assert said(quotes_of(body), "Fifty-two years").speaker == "Derek Holme"


# A relative owned by a pronoun: the one the story introduced as that relative, or the owner as theirs.
_RELATIVES = ('Amy Gosling, 31, found out when a letter arrived for a baby she had never heard of. "My heart '
              'stopped," Mrs Gosling said.\n\n'
              '"I rang the hospital and they had no idea," said her husband, Ben Gosling.\n\n'
              'A midwife said staff had raised concerns before the switch.\n\n'
              '"We just want to know it won\'t happen again," Mr Gosling said. "And an apology with our daughter\'s '
              'name on it," his wife added.')


def test_his_wife_is_the_one_he_was_introduced_as_the_husband_of(quotes_of):
    assert said(quotes_of(_RELATIVES), "And an apology").speaker == "Amy Gosling"


def test_his_wife_is_no_one_when_the_story_related_them_to_no_one(quotes_of):
    # nearest negative: Ben is introduced with no relation ("a neighbour"): "his wife" is not Amy on that evidence
    body = _RELATIVES.replace("said her husband, Ben Gosling", "said a neighbour, Ben Gosling")
    assert said(quotes_of(body), "And an apology").speaker != "Amy Gosling"


def test_her_mother_is_the_one_she_was_introduced_as_the_daughter_of(quotes_of):
    body = ('Agnieszka Florek, 74, had her first solo show this autumn. "I painted it in 1983," says Agnieszka '
            'Florek.\n\n'
            'Her daughter, Marta Florek, a nurse, sent photographs of the work to the gallery. "Mum would never have '
            'done it herself," Marta says.\n\n'
            '"I would have died happy," her mother said.')
    assert said(quotes_of(body), "I would have died happy").speaker == "Agnieszka Florek"


def test_her_father_is_not_the_mother_she_was_introduced_as_the_daughter_of(quotes_of):
    # nearest negative: the word's gender is not the one the story gave her ("she"): no one
    body = ('Agnieszka Florek, 74, had her first solo show this autumn. She painted at night.\n\n'
            'Her daughter, Marta Florek, a nurse, sent photographs of the work to the gallery. "Mum would never have '
            'done it herself," Marta says.\n\n'
            '"I would have died happy," her father said.')
    assert said(quotes_of(body), "I would have died happy").speaker != "Agnieszka Florek"


# Two relatives of one surname told apart by age: the ages the story gave, or the relation they were introduced as.
_BROTHERS = ("Among the stallholders are two brothers, Owen and Gareth Pritchard, who run neighbouring stalls.\n\n"
             "'Saturday is sixty per cent of our turnover,' said Owen Pritchard, who makes cheese at the family farm.\n\n"
             "'Nobody is walking to the leisure centre for a loaf of bread,' said Gareth Pritchard, his younger "
             "brother, who bakes sourdough.\n\n"
             "'If we go, half the cafés on the square go with us,' the elder Mr Pritchard said.")


def test_the_elder_is_not_the_one_introduced_as_the_younger_brother(quotes_of):
    assert said(quotes_of(_BROTHERS), "If we go").speaker == "Owen Pritchard"


def test_the_elder_is_no_one_the_story_said_nothing_of(quotes_of):
    # nearest negative: no relation or age tells the brothers apart: this reading names neither
    body = _BROTHERS.replace(", his younger brother,", ",")
    assert said(quotes_of(body), "If we go").speaker != "Owen Pritchard"


def test_the_younger_is_the_one_given_the_lower_age(quotes_of):
    body = (_BROTHERS.replace("said Owen Pritchard,", "said Owen Pritchard, 52,")
            .replace("said Gareth Pritchard, his younger brother,", "said Gareth Pritchard, 47,")
            .replace("the elder Mr Pritchard", "the younger Mr Pritchard"))
    assert said(quotes_of(body), "If we go").speaker == "Gareth Pritchard"


# The surname inside a description of one of a family ("the older Delaney brother"), the comparative before it: the
# relative the ages or relations pick, as for "the elder Mr Pritchard"; never the description kept as a name.
_FAMILY = ("Marcus Delaney, 58, has run the Regal bingo hall in Thornby for thirty years. His brother, Leon Delaney, "
           "52, looks after the building.\n\n"
           "'We have had a good run,' said Leon Delaney, who started as a caller in 1989.\n\n"
           "The council will decide on the lease next month.\n\n"
           "'I've got three weeks to think about what comes next,' said the older Delaney brother.")


def test_the_older_one_of_a_family_is_the_one_given_the_higher_age(quotes_of):
    found = said(quotes_of(_FAMILY), "three weeks to think")
    assert found.speaker == "Marcus Delaney"


def test_the_younger_one_of_a_family_is_the_other(quotes_of):
    # nearest negative: the comparative turned round picks the other brother, never the description as a name
    found = said(quotes_of(_FAMILY.replace("the older Delaney", "the younger Delaney")), "three weeks to think")
    assert found.speaker == "Leon Delaney"


def test_one_of_a_family_the_story_does_not_tell_apart_is_no_one(quotes_of):
    # nearest negative: no age or relation given: neither brother, and not the description as if it were a name
    body = _FAMILY.replace(", 58,", "").replace("His brother, Leon Delaney, 52,", "Leon Delaney")
    found = said(quotes_of(body), "three weeks to think")
    assert found.speaker not in ("Marcus Delaney", "Leon Delaney", "the older Delaney brother")
