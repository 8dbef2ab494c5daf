"""A body's unnamed spokesperson speaks for the body (speakers37, issue #25, newsfacts/facts/body_voices.py): the body
is the speaker whether the description names it, names its kind or only follows a question put to it, and the voice
is kept as the speaker's role; the words naming the voice stay the evidence. Each passage beside its nearest
negative: a person's voice, a kind of body the story names none of, a description that names no body."""

from __future__ import annotations

import pytest

from benchmarks.speaker_styles import Label, same_speaker
from tests.facts.helpers import said

pytestmark = pytest.mark.integration

_RECALL = ('The Medicines Safety Authority issued a recall notice on Monday. It reads: "Bellmoor Pharma Ltd is '
           'recalling the batches listed below."\n\n'
           'Pharmacies were told on Tuesday. A Bellmoor spokeswoman later said the company expected new stock '
           '"within ten working days".')


def test_a_short_form_before_the_voice_is_the_bodys_fuller_name(quotes_of):
    quote = said(quotes_of(_RECALL), "ten working days")
    assert (quote.speaker, quote.speaker_role) == ("Bellmoor Pharma Ltd", "Bellmoor spokeswoman")
    assert _RECALL[quote.speaker_start : quote.speaker_end] == "A Bellmoor spokeswoman"  # the evidence


def test_a_persons_name_before_the_voice_is_a_persons_voice_not_a_body(quotes_of):
    # nearest negative: the same shape with a senator's surname, and no body of that name in the story
    body = ('The senator, Connor Vale, voted against the bill. A Vale spokesman later said the vote was "a matter of '
            'conscience".')
    quote = said(quotes_of(body), "a matter of conscience")
    assert quote.speaker != "Connor Vale" and quote.speaker_role is None


_APPEAL = ('The developer appealed after Ashby Vale District Council refused permission in May.\n\n'
           'The chair of Little Brayford Parish Council, Councillor Ray Obuya, said the village was not against all '
           'building.\n\n'
           'A council spokesperson said it had "defended its decision robustly".')


def test_a_kind_of_body_is_the_one_the_story_names_with_it_that_acted(quotes_of):
    quote = said(quotes_of(_APPEAL), "defended its decision")
    assert (quote.speaker, quote.speaker_role) == ("Ashby Vale District Council", "council spokesperson")
    assert _APPEAL[quote.speaker_name_start : quote.speaker_name_end] == "Ashby Vale District Council"


def test_a_kind_of_body_the_story_names_none_of_stays_an_unnamed_voice(quotes_of):
    # nearest negative: "police" names no force in this story, so the spokesman is a voice no one names
    body = ('Officers were called to the estate on Friday. A police spokesman said patrols had been "stepped up".')
    quote = said(quotes_of(body), "stepped up")
    assert quote.speaker is None and "police spokesman" in quote.speaker_reason


def test_a_body_named_by_its_kind_after_for_may_be_one_the_model_left_untagged(quotes_of):
    body = ('The Charity Regulator said it had opened a "regulatory compliance case". A spokesman for the regulator '
            'said: "Trustees are responsible for managing conflicts of interest."')
    quote = said(quotes_of(body), "Trustees are responsible")
    assert (quote.speaker, quote.speaker_role) == ("Charity Regulator", "spokesman for the regulator")


def test_a_spokesperson_for_the_family_is_no_bodys_voice(quotes_of):
    # nearest negative: "for" a word that is no kind of body, after a body was named
    body = ('The Charity Regulator said it had opened a case. A spokesperson for the family said: "We trust the '
            'process."')
    assert said(quotes_of(body), "We trust the process").speaker != "Charity Regulator"


_LAUNCH = ('Corvane Technologies launched its Halo ring in Stockholm on Wednesday.\n\n'
           'Reviewers were kind. Idris Cole, Bytewise: "The price will make people hesitate."\n\n'
           'A company spokesperson said pre-orders were "well above our most optimistic forecast".')


def test_a_company_spokesperson_is_the_company_that_acted_not_the_outlet_named_last(quotes_of):
    quote = said(quotes_of(_LAUNCH), "most optimistic forecast")
    assert quote.speaker == "Corvane Technologies" and quote.speaker_role == "company spokesperson"


_ASKED = ('The Medicines Safety Authority issued a recall notice on Monday afternoon.\n\n'
          'Pharmacy Counter asked the authority why the notice had been issued at 4pm. A spokesperson replied: '
          '"Recalls are issued as soon as the evidence supports them."')


def test_a_bare_spokesperson_answering_a_question_put_to_a_body_speaks_for_it(quotes_of):
    quote = said(quotes_of(_ASKED), "Recalls are issued")
    assert (quote.speaker, quote.speaker_role) == ("Medicines Safety Authority", "spokesperson")


def test_a_bare_spokesperson_with_no_question_put_before_names_no_body(quotes_of):
    # nearest negative: the question is not put to anyone in the sentence before
    body = _ASKED.replace("Pharmacy Counter asked the authority why", "Pharmacists wondered why")
    quote = said(quotes_of(body), "Recalls are issued")
    assert quote.speaker is None


def test_a_loose_voice_label_is_met_by_the_role_kept_beside_the_body():
    # the older parts label the voice ("spokesperson"), the newer the body: the row carries both
    label = Label("...", 0, 0, "speech", "backref", "company spokesperson", True)
    assert same_speaker(label, "WeWork", None, "company spokesperson")
    # nearest negatives: a role that is no body's voice, and a label that is not loose
    assert not same_speaker(Label("...", 0, 0, "speech", "cue", "resident", True), "Jo Bell", None,
                            "a resident of Elm Street")
    assert not same_speaker(Label("...", 0, 0, "speech", "cue", "spokesperson", False), "WeWork", None,
                            "company spokesperson")


def test_a_clause_after_the_voice_does_not_hide_the_body(quotes_of):
    body = ('Residents lost their appeal against Ashby Vale District Council on Monday. A spokesperson for the '
            '{whom}, who declined to be named, said it had "defended its decision robustly".')
    assert said(quotes_of(body.format(whom="council")), "defended its decision").speaker == "Ashby Vale District Council"
    # nearest negative: the same clause after a voice for no body
    assert said(quotes_of(body.format(whom="family")), "defended its decision").speaker != "Ashby Vale District Council"


# A district's public information officer, through a colon line whose statement is described by a participle

_FIRE = ('Fire Chief Renata Solvik of the Larch County Fire District gave the evening briefing at the fairgrounds.\n\n'
         'The district\'s public information officer said in a statement posted at 6:10 p.m.: "Containment is 0 '
         'percent. Please stop flying drones over the fire."')


def test_a_public_information_officer_speaks_for_the_district_through_a_statement_posted(quotes_of):
    # "posted at 6:10 p.m." describes the statement; the clause that runs into the colon is "said"
    quote = said(quotes_of(_FIRE), "Containment is 0 percent")
    assert quote.speaker == "Larch County Fire District"
    assert _FIRE[quote.speaker_start : quote.speaker_end] == "The district's public information officer"


def test_a_public_information_officer_of_no_district_named_is_no_body(quotes_of):
    # nearest negative: the story names no district: the description is kept, no body is lent to it
    body = _FIRE.replace("of the Larch County Fire District ", "")
    assert said(quotes_of(body), "Containment is 0 percent").speaker != "Larch County Fire District"


def test_a_letter_written_by_someone_and_read_at_the_colon_stays_its_writers(quotes_of):
    # nearest negative: a participle with an agent of its own ("written by") names the text's writer
    body = _FIRE.replace("The district's public information officer said in a statement posted at 6:10 p.m.:",
                         "A district spokesman read from a letter written by Renata Solvik:")
    assert said(quotes_of(body), "Containment is 0 percent").speaker == "Renata Solvik"
