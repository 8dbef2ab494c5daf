"""Relatives sharing a surname: which of them a bare surname, with or without "Mr"/"Mrs"/"Ms", stands for (issue #25;
facts/family_names, the one reading every basis that names a person by surname reads). Passages written for these
tests, each beside its nearest negative."""

from __future__ import annotations

import pytest

from tests.facts.helpers import said

pytestmark = pytest.mark.integration

# A mother and her son: "Her son" gives the mother her gender, so "Mrs" is her and "Mr" him.
_FLOOD = ("Flood forces pensioner from her home\n\n"
          "\"The water came up through the floorboards,\" said Ruth Penhallow, 71, who has lived on Mill Lane for 40 "
          "years.\n\n"
          "Her son, Colin Penhallow, drove from Truro to collect her. \"She would not leave without the cat,\" he "
          "said.\n\n"
          "The Environment Agency said it had issued a flood warning on Monday evening.\n\n"
          "\"I just want to go home,\" Mrs Penhallow said.\n\n"
          "\"We will have her back in by the spring,\" Mr Penhallow added.")


def test_mrs_is_the_relative_the_story_gives_a_womans_words(quotes_of):
    assert said(quotes_of(_FLOOD), "just want to go home").speaker == "Ruth Penhallow"


def test_mr_is_the_relative_the_story_gives_a_mans_words(quotes_of):
    # nearest negative: the same family, the other form of address
    assert said(quotes_of(_FLOOD), "back in by the spring").speaker == "Colin Penhallow"


# A surname the story first writes before the relative is named: only the one named before can be meant.
_ASHES = ("Ashes returned to the wrong family\n\n"
          "The mistake came to light when Pauline Gadsby, whose husband died in July, opened the urn.\n\n"
          "\"I just went cold,\" Mrs Gadsby said.\n\n"
          "Her daughter, Anjali Gadsby, 44, said: \"Mum was the one who found it.\"\n\n"
          "The crematorium's manager, Peter Oakes, apologised.\n\n"
          "\"Dad would have found a joke in it somewhere,\" Ms Gadsby said.")


def test_a_surname_before_the_relative_is_named_is_the_one_named_before(quotes_of):
    assert said(quotes_of(_ASHES), "just went cold").speaker == "Pauline Gadsby"


def test_another_form_of_address_is_another_relative(quotes_of):
    # nearest negative: "Ms Gadsby" after the story called the mother "Mrs Gadsby": the daughter
    assert said(quotes_of(_ASHES), "found a joke").speaker == "Anjali Gadsby"


# Two men of one surname: a bare surname right after the grandson is named is the grandson; after someone else was
# spoken of, it is the one the story is about (not introduced as another's relative).
_LOFT = ("Champion pigeon stolen from loft\n\n"
         "Her owner, retired miner Alf Ogden, 74, found the loft empty on Sunday. \"They took every bird,\" he "
         "said.\n\n"
         "His grandson, Liam Ogden, 19, helps him train the birds. \"It has knocked him for six,\" Ogden said.\n\n"
         "Detective Constable Farah Quist said the force was investigating.\n\n"
         "On Monday Ogden received a text demanding five thousand pounds.\n\n"
         "\"I am not paying a ransom for my own bird,\" Mr Ogden said.")


def test_a_bare_surname_right_after_a_relative_is_named_is_that_relative(quotes_of):
    assert said(quotes_of(_LOFT), "knocked him for six").speaker == "Liam Ogden"


def test_a_bare_surname_after_someone_else_is_the_one_the_story_is_about(quotes_of):
    # nearest negative: a detective spoken of between: the grandfather, not the grandson named last
    assert said(quotes_of(_LOFT), "paying a ransom").speaker == "Alf Ogden"


# A given name that is also a title ("Dean") is a given name in apposition to a relative.
_SINKHOLE = ("Sinkhole swallows cars\n\n"
             "\"I thought it was thunder,\" said Marian Cole, 67, whose window overlooks the car park.\n\n"
             "Her son, Dean Cole, drove over at dawn. \"Mum's tablets are in there,\" he said.\n\n"
             "\"She is tougher than that car park,\" Mr Cole added.")


def test_a_title_word_in_apposition_to_a_relative_is_a_given_name(quotes_of):
    assert said(quotes_of(_SINKHOLE), "tablets are in there").speaker == "Dean Cole"
    assert said(quotes_of(_SINKHOLE), "tougher than that").speaker == "Dean Cole"


def test_a_form_of_address_in_apposition_to_a_relative_stays_a_title(quotes_of):
    # nearest negative: "Dr" before the surname is no given name: no person "Dr Cole"
    body = _SINKHOLE.replace("Her son, Dean Cole, drove", "Her son, Dr Cole, drove")
    assert said(quotes_of(body), "tablets are in there").speaker != "Dr Cole"


# A given name opening the sentence, which the model may leave out of the name ("Gwen" of "Gwen Ferris, 68, lost").
_RING = ("Wedding ring found in fish\n\n"
         "A wedding ring lost off the end of Gullholm pier ten years ago has been found inside a cod.\n\n"
         "Gwen Ferris, 68, lost the ring in the summer of 2012 while throwing chips to the gulls with her "
         "grandchildren.\n\n"
         "Her husband, Robert Ferris, died in 2020. Their son, Daniel Ferris, said the find had been emotional.\n\n"
         "\"Dad had that ring engraved in Portsea,\" Mr Ferris said.\n\n"
         "Asked what she planned to do with it now, Mrs Ferris said: \"Wear it. And stay away from that pier.\"")


def test_a_given_name_opening_the_sentence_is_part_of_the_name(quotes_of):
    assert said(quotes_of(_RING), "Wear it").speaker == "Gwen Ferris"


def test_a_word_opening_the_sentence_that_is_no_given_name_is_not(quotes_of):
    # nearest negative: "Yesterday" opening the sentence before the surname names no one "Yesterday Ferris"
    body = _RING.replace("Gwen Ferris, 68, lost", "Yesterday Ferris, 68, recalled how she lost")
    assert "Yesterday" not in (said(quotes_of(body), "Wear it").speaker or "")


# A husband and wife the story gives no gender but by a pronoun before a quotation, in a sentence where the model
# tags the wife's surname only: "Mr Ashdown" is then the husband.
_CHARITY = ("Charity chief quits over payments to wife's firm\n\n"
            "Martin Ashdown, who led the charity for nine years, said in a letter to staff: \"I accept that the way "
            "these contracts were handled fell short.\"\n\n"
            "The consultancy, Ashdown Clarke Associates, is run by Clare Ashdown, a former marketing director.\n\n"
            "In an email seen by the Ledger, Mr Ashdown wrote: \"Please process Clare's invoices with the usual "
            "ones.\"\n\n"
            "The chair of trustees, Jeremy Vance-Holt, said he had no recollection of being told.\n\n"
            "Clare Ashdown said in a statement through her lawyers that her firm had \"delivered every piece of work "
            "it was paid for\".")


def test_a_pronoun_before_the_quotation_gives_a_relative_her_gender(quotes_of):
    assert said(quotes_of(_CHARITY), "Please process").speaker == "Martin Ashdown"


def test_a_pronoun_in_a_sentence_naming_two_people_gives_no_one_a_gender(quotes_of):
    # nearest negative: "their lawyers", the chair named beside her: nothing tells the two Ashdowns apart
    body = _CHARITY.replace("Clare Ashdown said in a statement through her lawyers that her firm had",
                            "Clare Ashdown and Jeremy Vance-Holt said in a statement through their lawyers that the firm had")
    assert said(quotes_of(body), "Please process").speaker != "Martin Ashdown"
