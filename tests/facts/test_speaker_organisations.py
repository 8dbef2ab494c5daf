"""Family (A) of issue #25: organisations and groups as speakers, honours after a name, relatives of one surname."""

from __future__ import annotations

import pytest

from newsfacts.facts import extract_facts
from newsfacts.facts.entities import trim_span
from newsfacts.facts.lexicon import lexicon
from tests.facts.helpers import said

pytestmark = pytest.mark.integration


def _trimmed(text: str) -> str:
    start, end = trim_span(text, 0, len(text), "PERSON", lexicon())
    return text[start:end]


@pytest.mark.parametrize("written, name", [
    ("Imogen Blackwood KC", "Imogen Blackwood"),
    ("Harold Penrose MP", "Harold Penrose"),
    ("Dame Winifred Oakes, OBE", "Winifred Oakes"),
    ("Colin Marsh QC MP", "Colin Marsh"),
])
def test_honours_after_a_name_are_not_part_of_it(written, name):
    assert _trimmed(written) == name


@pytest.mark.parametrize("written", ["KC", "Toby Kc", "Nadia Kcarev", "Martin Frobisher Jr."])
def test_a_bare_honour_a_name_in_kc_and_a_generational_suffix_are_kept(written):
    assert _trimmed(written) == written


def test_a_barrister_named_with_kc_speaks_as_the_person(quotes_of):
    body = ("The appeal was heard in Leeds on Tuesday. For the council, Imogen Blackwood KC told the court the "
            "bylaw was \"perfectly clear to anyone who can read a sign.\" The hearing continues.")
    quote = said(quotes_of(body), "perfectly clear")
    assert quote.speaker == "Imogen Blackwood"


def test_one_word_before_an_office_is_a_party_not_a_name():
    from newsfacts.facts.entities import _honoured_name
    assert _honoured_name("Labour MP", lexicon()) is None
    assert _honoured_name("Imogen Blackwood KC", lexicon()) == "Imogen Blackwood"


_COUPLE = ("The prize for the best marrow went to a plot run by Colin and Brenda Hutchings. \"It took us three summers "
           "to get it this fat,\" Colin said. His wife was more modest. \"It is mostly rain,\" she said. Hutchings "
           "said later that the marrow would be soup by Friday.")


def test_a_given_name_joined_to_a_full_name_shares_its_surname(quotes_of):
    quote = said(quotes_of(_COUPLE), "three summers")
    assert quote.speaker == "Colin Hutchings"


def test_the_spouse_of_one_of_a_couple_is_the_other(quotes_of):
    quote = said(quotes_of(_COUPLE), "mostly rain")
    assert quote.speaker == "Brenda Hutchings"


def test_the_couples_surname_alone_is_given_to_neither(nlp, make_doc):
    facts = extract_facts([make_doc("d", _COUPLE)], nlp)
    [quote] = [q for q in facts.quotes if "soup" in q.text]
    assert quote.speaker not in ("Colin Hutchings", "Brenda Hutchings")


def test_a_surname_after_a_title_is_not_a_given_name_of_the_pair(quotes_of):
    body = ("The summit was attended by President Okafor and Amara Delane. \"We agreed on very little,\" Okafor "
            "said afterwards.")
    quote = said(quotes_of(body), "very little")
    assert quote.speaker == "Okafor"


def test_the_spouse_of_someone_named_alone_is_not_given_a_name(quotes_of):
    body = ("Colin Hutchings grew the marrow. Brenda Oduya judged it. \"It is a fine marrow,\" Colin said. "
            "His wife was more modest. \"It is mostly rain,\" she said.")
    quote = said(quotes_of(body), "mostly rain")
    assert quote.speaker != "Brenda Oduya"  # not named with his surname: no pair, the rule says nothing


def test_counsel_named_in_apposition_with_honorific_and_honour_is_the_person(quotes_of):
    body = ("The appeal was allowed. Counsel for the estate, Mr Ian Rhodes KC, had argued that the sign was "
            "\"a reasonable instruction.\" The judge disagreed.")
    assert said(quotes_of(body), "reasonable instruction").speaker == "Ian Rhodes"


def test_counsel_for_an_organisation_with_no_name_after_is_not_the_organisation(quotes_of):
    body = ("The appeal was allowed. Counsel for Brisket Holdings had argued that the sign was "
            "\"a reasonable instruction.\" The judge disagreed.")
    assert said(quotes_of(body), "reasonable instruction").speaker != "Brisket Holdings"


_REGATTA = ("The regatta started at noon, which, as the organisers kept reminding everyone, was \"an hour later than "
            "the tide tables advised.\" The organisers billed the event as \"the wettest afternoon in the county,\" "
            "and nobody argued. A border collie won the dog show on Saturday. The trade journal Kennel Review had "
            "tipped her in its preview as \"a collie who could herd the judges.\"")


def test_organisers_reminding_everyone_are_the_speakers(quotes_of):
    assert "organisers" in said(quotes_of(_REGATTA), "tide tables").speaker


def test_a_billing_is_the_words_of_those_who_billed_it(quotes_of):
    assert "organisers" in said(quotes_of(_REGATTA), "wettest afternoon").speaker


def test_a_publication_named_after_its_kind_is_the_speaker_as_an_entity(quotes_of):
    quote = said(quotes_of(_REGATTA), "herd the judges")
    assert (quote.speaker, quote.speaker_entity_id is not None) == ("Kennel Review", True)


def test_a_reader_of_a_publication_is_not_the_publication(quotes_of):
    body = ("A border collie won the dog show on Saturday. A reader of Kennel Review had tipped her as "
            "\"a collie who could herd the judges.\"")
    assert said(quotes_of(body), "herd the judges").speaker != "Kennel Review"


def test_a_bill_sent_to_someone_is_not_a_billing_as(quotes_of):
    body = "The hotel billed the couple for \"sundry extras\" they never ordered, according to the complaint."
    quotes = quotes_of(body)
    assert all(q.speaker != "The hotel" for q in quotes if "sundry" in q.text)


_BAKERY = ("A bakery must refund a customer, the regulator said on Monday. Crumbwell Bakeries argued that the terms "
           "were clear. A spokesperson for {whom} told this newspaper: \"We accept the decision and will change our "
           "leaflets.\"")


def test_an_unnamed_spokesperson_for_the_firm_speaks_for_the_organisation(quotes_of):
    quote = said(quotes_of(_BAKERY.format(whom="the firm")), "change our leaflets")
    assert (quote.speaker, quote.speaker_role) == ("Crumbwell Bakeries", "spokesperson for the firm")


def test_a_spokesperson_for_a_named_organisation_speaks_for_it_the_voice_its_role(quotes_of):
    # body_voices (speakers37): the body named in the description speaks, as for "the firm"; the voice is its role
    quote = said(quotes_of(_BAKERY.format(whom="Crumbwell Bakeries")), "change our leaflets")
    assert (quote.speaker, quote.speaker_role) == ("Crumbwell Bakeries", "spokesperson for Crumbwell Bakeries")


def test_a_spokesperson_for_a_family_is_not_the_organisation_named_before(quotes_of):
    quote = said(quotes_of(_BAKERY.format(whom="the family")), "change our leaflets")
    assert quote.speaker != "Crumbwell Bakeries"


def test_an_honorific_opening_a_span_typed_an_organisation_makes_it_a_person():
    from newsfacts.facts.entities import _HONORIFIC_OPENS
    assert _HONORIFIC_OPENS.match("Mrs K paid") and not _HONORIFIC_OPENS.match("Mrs. ") \
        and not _HONORIFIC_OPENS.match("Mrsfield Holdings")


_DEPOT = ("Harbour Logistics will shut its Dunmere depot. Asked about the closure, the COO said: \"Depots close. That is "
          "business.\" The union representing the drivers, Roadcrew Alliance, said in a statement that the closure was "
          "\"a betrayal.\" The rest are being offered terms the union describes as \"an insult with a pension "
          "attached.\"")


def test_the_union_is_the_name_written_in_apposition_to_it_not_a_title_tagged_an_organisation(quotes_of):
    assert said(quotes_of(_DEPOT), "pension attached").speaker == "Roadcrew Alliance"


def test_the_company_is_not_the_union_written_in_apposition_to_another_word(quotes_of):
    body = _DEPOT.replace("the union describes", "the company describes")
    assert said(quotes_of(body), "pension attached").speaker != "Roadcrew Alliance"
