"""Who a short form points back to (issue #25, the `backref` style; facts/referents.py): the people of the story,
each introduced once (a name with its descriptions, or an indefinite description for someone never named), and a
later title, role noun or surname pointing to the one it fits who was most recently in focus. Each on a passage
written for it, beside its nearest negative."""

from __future__ import annotations

import pytest

from newsfacts.facts.quotes import unnamed_description
from tests.facts.helpers import said, unnamed_said

pytestmark = pytest.mark.integration


# A role noun after an unnamed person introduced with it

_SPOKESMAN = ('His brother, Samuel Okafor, 19, said the family felt unsafe on the estate. "He used to text us when he '
              'got home," Samuel said.\n\n'
              'A police spokesman said patrols on the estate had been increased. "Officers will be highly visible '
              'over the coming days," the spokesman said.')


def test_the_role_noun_is_the_unnamed_person_introduced_with_it(quotes_of):
    quote = said(quotes_of(_SPOKESMAN), "Officers will be highly visible")
    assert unnamed_said(_SPOKESMAN, quote) == "A police spokesman"


def test_the_role_noun_is_the_named_person_the_story_gave_it(quotes_of):
    # nearest negative: the spokesman is named with his title: "the spokesman" is him, not an unnamed voice
    body = _SPOKESMAN.replace("A police spokesman said", "Police spokesman Ian Dale said")
    assert said(quotes_of(body), "Officers will be highly visible").speaker == "Ian Dale"


def test_a_role_noun_with_an_indefinite_article_is_someone_new(quotes_of):
    # nearest negative: "A spokesman said" itself names a new, unnamed person, not the one named with the title
    body = ('Police spokesman Ian Dale said on Monday that the road would reopen.\n\n'
            'A spokesman said: "Officers will be highly visible over the coming days."')
    quote = said(quotes_of(body), "Officers will be highly visible")
    assert quote.speaker is None and unnamed_description(body, quote) == "A spokesman"


_AGENT = ('Letting agents say they are caught in the middle. Martin Oakes, director of Oakes & Penhale, said: "We '
          'don\'t set the rents."\n\n'
          'A second agent, who asked not to be named because of relationships with clients, was less diplomatic. '
          '"Half the landlords on our books would sell tomorrow," the agent said.')


def test_a_second_unnamed_holder_of_a_role_is_not_the_named_one(quotes_of):
    quote = said(quotes_of(_AGENT), "Half the landlords")
    assert quote.speaker is None and unnamed_description(_AGENT, quote) == "A second agent"


def test_the_role_noun_is_the_named_holder_when_he_is_the_last_in_focus(quotes_of):
    # nearest negative: the named agent is spoken of after the unnamed one: "the agent" is him again
    body = _AGENT.replace("Martin Oakes, director of Oakes & Penhale,", "Martin Oakes, a letting agent,") \
        + ' Oakes disagreed. "Most of them will stay," the agent said.'
    assert said(quotes_of(body), "Most of them will stay").speaker == "Martin Oakes"


_TITLE_PASSES = ('Police spokesman Ian Dale retired in May after twenty years with the force.\n\n'
                 'A new spokesman, who has not yet been named publicly, said patrols would be increased. '
                 '"Officers will be highly visible," the spokesman said.')


def test_a_title_that_passed_to_someone_new_is_the_new_holder(quotes_of):
    quote = said(quotes_of(_TITLE_PASSES), "Officers will be highly visible")
    assert quote.speaker is None and "new spokesman" in unnamed_description(_TITLE_PASSES, quote)


_REVIEWER = ('Dr Oren Abadi, a microbiologist at Kelmore University, doubts the result.\n\n'
             'A third researcher, who reviewed the paper and asked not to be named, said the team had answered every '
             'objection. "I wanted it to be wrong," the reviewer said.')


def test_an_agent_noun_points_to_the_person_whose_clause_has_its_verb(quotes_of):
    quote = said(quotes_of(_REVIEWER), "I wanted it to be wrong")
    assert quote.speaker is None and unnamed_description(_REVIEWER, quote) == "A third researcher"


def test_an_agent_noun_is_the_named_person_whose_clause_has_its_verb(quotes_of):
    # nearest negative: the one who reviewed the paper is named: "the reviewer" is him
    body = _REVIEWER.replace("A third researcher, who reviewed the paper and asked not to be named, said",
                             "Dr Abadi, who reviewed the paper, said")
    assert said(quotes_of(body), "I wanted it to be wrong").speaker == "Oren Abadi"


# A pronoun after an unnamed person described by an age

_PUPIL = ('Danny Pell said the bus would add an hour to the day. His wife, Lorna Pell, a governor at the school, '
          'said: "Nobody asked the families."\n\n'
          'An eleven-year-old pupil, who asked not to be named, had the last word. "Where will we do the nativity?" '
          'she asked.')


def test_a_pronoun_after_an_unnamed_person_of_an_age_is_that_person(quotes_of):
    quote = said(quotes_of(_PUPIL), "Where will we do the nativity")
    assert quote.speaker is None and "pupil" in unnamed_description(_PUPIL, quote)


def test_a_pronoun_after_a_named_person_of_an_age_is_the_name(quotes_of):
    # nearest negative: the pupil is named in apposition: "she" is her
    body = _PUPIL.replace("An eleven-year-old pupil, who asked not to be named,",
                          "An eleven-year-old pupil, Maya Pell,")
    assert said(quotes_of(body), "Where will we do the nativity").speaker == "Maya Pell"


# A surname the model tags only in part

_SURNAME = ('The trust\'s chief executive, Dr Harold Menzies-Quayle, said the strike was regrettable.\n\n'
            'Later the trust issued a second statement. "Our priority tonight is patient safety," Dr Menzies-Quayle '
            'said.')


def test_a_joined_surname_is_the_person_introduced_with_all_of_it(quotes_of):
    assert said(quotes_of(_SURNAME), "Our priority tonight").speaker == "Harold Menzies-Quayle"


def test_a_joined_surname_shared_by_relatives_is_not_given_to_one_of_them(quotes_of):
    # nearest negative: two people of the story bear the whole surname: the short form names neither by it
    body = _SURNAME.replace("said the strike was regrettable.",
                            "and his wife, Ann Menzies-Quayle, a nurse, said the strike was regrettable.")
    assert said(quotes_of(body), "Our priority tonight").speaker != "Ann Menzies-Quayle"


# A title and a surname the model tags apart from the full name

_TITLED = ('The cabinet member for education, Cllr Rupert Hensall, defended the closure.\n\n'
           'Asked whether the decision could be reversed, "The door is not shut," Cllr Hensall said.\n\n'
           'Detective Inspector Carla Whitcombe is leading the inquiry. "We are following several lines," Det Insp '
           'Whitcombe said.')


def test_a_titled_surname_is_the_person_introduced_with_the_surname(quotes_of):
    quotes = quotes_of(_TITLED)
    assert said(quotes, "The door is not shut").speaker == "Rupert Hensall"
    assert said(quotes, "several lines").speaker == "Carla Whitcombe"


def test_a_titled_surname_no_one_was_introduced_with_stays_as_written(quotes_of):
    # nearest negative: no full name before with that surname: the short form is not lent to someone else
    body = _TITLED.replace("Carla Whitcombe is leading", "Carla Moss is leading")
    assert said(quotes_of(body), "several lines").speaker != "Carla Moss"


# A relative named in full after the lone surname of the one the story is about

_RELATIVE_LATER = ('Ines Takahara’s debut novel “The Keeper’s Ledger” has won the Harwick Prize for Fiction.\n\n'
                   'Takahara, 31, who wrote the book during night shifts, was announced as the winner on Tuesday.\n\n'
                   'Her mother, Yoko Takahara, who was seated at the front, could be seen wiping her eyes.\n\n'
                   'Asked what she would do with the money, Takahara said: “Pay off my overdraft.”')


def test_a_lone_surname_is_not_the_relative_named_in_full_after_it(quotes_of):
    assert said(quotes_of(_RELATIVE_LATER), "Pay off my overdraft").speaker == "Ines Takahara"


def test_a_lone_surname_after_the_only_full_name_is_that_person(quotes_of):
    # nearest negative: the full name comes first and no other is written: the surname is that person's
    body = ('Yoko Takahara, a retired teacher, was seated at the front.\n\n'
            'Asked what she would do next, Takahara said: “Pay off my overdraft.”')
    assert said(quotes_of(body), "Pay off my overdraft").speaker == "Yoko Takahara"


# Two people with one title

_TWO_MINISTERS = ('The trade minister, Marta Linde, and the finance minister, Jonas Fell, met in Brussels on Monday. '
                  '"We agree on the tariffs," the minister said.')


def test_a_title_two_people_fit_as_recently_names_neither(quotes_of):
    quote = said(quotes_of(_TWO_MINISTERS), "We agree on the tariffs")
    assert quote.speaker is None and unnamed_description(_TWO_MINISTERS, quote) == "the minister"


def test_a_title_is_the_subject_of_the_two_people_it_fits(quotes_of):
    # nearest negative: one of the two is the sentence's subject, the other its object: the subject is in focus
    body = _TWO_MINISTERS.replace(", and the finance minister, Jonas Fell, met in Brussels",
                                  ", met the finance minister, Jonas Fell, in Brussels")
    assert said(quotes_of(body), "We agree on the tariffs").speaker == "Marta Linde"


def test_a_relation_owned_by_the_description_is_not_the_description(quotes_of):
    # nearest negative of the description words: "The defendant's brother, Martin Ashworth-Pike" is no defendant
    body = ('The trial of Graham Ashworth-Pike, 52, continued on Thursday. The defendant\'s brother, Martin '
            'Ashworth-Pike, is expected to give evidence next week. "I was at home," the defendant said.')
    assert said(quotes_of(body), "I was at home").speaker != "Martin Ashworth-Pike"


def test_an_anonymous_source_keeps_its_introduction_as_evidence(quotes_of):
    body = ('Farmers in the north have lost half their crop. A ministry official said the blight was contained. '
            '"We are confident," the official said.')
    quote = said(quotes_of(body), "We are confident")
    assert quote.speaker is None and unnamed_description(body, quote) == "A ministry official"


# "One" of a group the story just spoke of

_ONE_OF = ('Residents say the area has seen a rise in robberies of delivery riders. One, who did not want to be named, '
           'said: "They go for the bikes and the phones."')


def test_one_is_one_of_the_group_just_spoken_of(quotes_of):
    quote = said(quotes_of(_ONE_OF), "They go for the bikes")
    assert quote.speaker is None and unnamed_description(_ONE_OF, quote) == "Residents"


def test_one_with_no_group_before_it_keeps_its_own_words(quotes_of):
    # nearest negative: the sentence before speaks of an organisation, not of people: "one" stays as written
    body = _ONE_OF.replace("Residents say the area", "The council says the area")
    quote = said(quotes_of(body), "They go for the bikes")
    assert quote.speaker is None and "Residents" not in (unnamed_description(body, quote) or "")


# A given name after a full name the model typed an organisation

_GIVEN = ('This week’s letter comes from Colm Ferriter of Lissadell Park, who ordered a sofa from an online retailer '
          'last February.\n\nColm, you are not alone.\n\n'
          'Colm emailed me on Friday: “The money is back in my account.”')


def test_a_given_name_is_the_full_name_written_once_before_it(quotes_of):
    assert said(quotes_of(_GIVEN), "The money is back").speaker == "Colm Ferriter"


def test_an_organisation_written_again_is_not_a_person_by_a_lone_word_of_it(nlp, make_doc):
    # nearest negative: "Skylark Air" written twice is a firm, whatever the model makes of a lone "Skylark" later
    from newsfacts.facts import extract_facts
    body = ('Skylark Air said flight SK214 landed safely. A Skylark Air captain reported an odour.\n\n'
            'Skylark said on Friday: “The safety of our crew comes first.”')
    facts = extract_facts([make_doc("d", body)], nlp)
    assert not any(e.name == "Skylark Air" and e.type == "PERSON" for e in facts.entities)


# A role noun after an organisation's unnamed voice

_FIRM_VOICE = ('The Ombudsman ruled against Harrowgate Homes on Monday. A spokesperson for the company said: "We acted '
               'lawfully." Asked about the fines, "We followed every rule," the spokesperson said.')


def test_the_role_noun_after_an_organisations_voice_is_that_organisation(quotes_of):
    assert said(quotes_of(_FIRM_VOICE), "We followed every rule").speaker == "Harrowgate Homes"


def test_the_role_noun_after_a_later_voice_of_no_one_named_is_that_voice(quotes_of):
    # nearest negative: a named spokesman, then a second, unnamed one: "the spokesman" is the one last in focus
    body = ('Kremlin spokesman Dmitry Peskov said talks would go on. A spokesman for the delegation said nothing had '
            'been agreed. "Talks continue," the spokesman said.')
    quote = said(quotes_of(body), "Talks continue")
    assert quote.speaker != "Dmitry Peskov"
    assert quote.speaker is None and "spokesman" in unnamed_description(body, quote)


def test_a_titled_surname_is_one_entity_with_the_full_name(nlp, make_doc):
    # the entities table holds one person for both forms, named in full, and no organisation for the short form
    from newsfacts.facts import extract_facts
    facts = extract_facts([make_doc("d", _TITLED)], nlp)
    names = {(e.name, e.type) for e in facts.entities}
    assert ("Carla Whitcombe", "PERSON") in names and ("Rupert Hensall", "PERSON") in names
    assert not any("Whitcombe" in name or "Hensall" in name for name, kind in names if kind != "PERSON")


# A plural noun for people, then the names joined by "and": each of them holds the noun (referents._group_named_in_turn)

_TALKS = ('The two energy ministers, Ostmark\'s Lena Brandvik and Sorvia\'s Tomas Gerhardt, gave separate press '
          'conferences on Friday.\n\n'
          '"We came with a fair offer," Ms Brandvik said.\n\n'
          'Pressed on the radio by the presenter Clara Holt on whether she would cut supplies, Ms Brandvik said: '
          '"Every option is open." Holt asked: "Including the pipeline?"\n\n'
          '"I did not say that," the minister replied. "I said every option."')


def test_each_name_after_a_plural_noun_holds_the_noun(quotes_of):
    # "the minister" is the minister last in focus, not the presenter who put the question
    quotes = quotes_of(_TALKS)
    assert said(quotes, "I did not say that").speaker == "Lena Brandvik"
    assert said(quotes, "I said every option").speaker == "Lena Brandvik"


def test_two_named_in_turn_and_in_focus_together_leave_the_noun_to_neither(quotes_of):
    # nearest negative: both ministers were last spoken of in the same sentence: "the minister" is neither
    quote = said(quotes_of("The two energy ministers, Ostmark's Lena Brandvik and Sorvia's Tomas Gerhardt, gave a "
                           'joint press conference on Friday. "We came with a fair offer," the minister said.'),
                 "fair offer")
    assert quote.speaker is None
