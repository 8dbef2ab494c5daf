"""Speech or a mention of words (issue #25, facts/mentioned_words.py): quoted words that fill a slot of the sentence's
own grammar with no frame of speech (a noun's modifier, the label a verb puts on a thing, a name no one in particular
gives) are held up to be looked at, not reported, and never reach the quote ledger; a quoted clause, or words a verb of
saying frames, are speech. Each on a passage written for it, beside its nearest negative."""

from __future__ import annotations

import pytest

from tests.facts.helpers import said

pytestmark = pytest.mark.integration


def _mention(quote) -> bool:
    return quote.kind in ("scare", "title") and "a mention of words" in (quote.speaker_reason or "")


# The object of a preposition on a noun

_CAMPAIGN = ('The newts found in the old quarry pond will be moved to a reserve before the road is built. Pupils at '
             'Elm Road Primary have started a petition for "Pudding", and their teacher, Ruth Onions, said the vote '
             'in her class had been unanimous.')


def test_the_object_of_a_preposition_on_a_noun_is_a_mention(quotes_of):
    quote = said(quotes_of(_CAMPAIGN), "Pudding")
    assert _mention(quote) and quote.speaker is None
    assert "petition" in quote.speaker_reason  # the reason names the noun the words belong to


def test_a_one_word_answer_a_verb_of_saying_frames_is_speech(quotes_of):
    # nearest negative: one quoted word, but the answer of "she said": speech, however short
    body = _CAMPAIGN + '\n\nAsked whether the class would accept another name, Ms Onions shook her head. "Never," she said.'
    quote = said(quotes_of(body), "Never")
    assert quote.kind == "direct" and quote.speaker == "Ruth Onions"


# The label a verb puts on a thing

_MARKED = ('Inspectors at the Harbour Road depot found three crates marked "fragile" stacked under a leaking roof, '
           'the report says. The depot manager, Colm Reilly, told the inquiry the crates had been moved twice.')


def test_the_label_a_verb_puts_on_a_thing_is_a_mention(quotes_of):
    quote = said(quotes_of(_MARKED), "fragile")
    assert _mention(quote) and "marked" in quote.speaker_reason


def test_a_heading_a_verb_gives_is_a_title(quotes_of):
    body = 'The minutes record a short note headed "roof repairs and the budget" and nothing more on the matter.'
    quote = said(quotes_of(body), "roof repairs")
    assert quote.kind == "title" and _mention(quote)


def test_a_fragment_in_a_clause_a_verb_of_saying_reports_is_speech(quotes_of):
    # nearest negative: "the minister said it was “a disgrace”": the words are the predicate of a reported clause
    body = 'Karin Holt, the housing minister, said the state of the roof was "a disgrace".'
    quote = said(quotes_of(body), "a disgrace")
    assert quote.kind == "direct" and quote.speaker == "Karin Holt"


# A name no one in particular gives

_NICKNAME = ('Regulars at the Anchor have for years called the back room "the library", and the new landlord plans '
             'to knock it through. The works will start in March, a council spokesperson said.')


def test_a_name_a_community_gives_is_a_mention(quotes_of):
    quote = said(quotes_of(_NICKNAME), "the library")
    assert _mention(quote) and quote.speaker is None
    body = 'Some neighbours still refer to the flood of 1998 as "the big wash", and many keep sandbags by the door.'
    quote = said(quotes_of(body), "the big wash")
    assert _mention(quote) and "neighbours" in quote.speaker_reason


def test_a_name_a_participle_gives_is_a_mention(quotes_of):
    body = ('Police searched the disused railway line, known locally as "the Cutting", on Tuesday night. Inspector '
            'Dawn Ashe said the search would resume at first light.')
    assert _mention(said(quotes_of(body), "the Cutting"))


def test_a_judgement_a_person_calls_something_is_speech(quotes_of):
    # nearest negative: "he called the plan “reckless”": a partial quote after "called" with a person as subject is
    # the person's words (the labels' convention, speakers_written.toml: "X called it ..." is cue)
    body = _NICKNAME + '\n\nCouncillor Anwen Price called the resurfacing plan "reckless" at Monday\'s meeting.'
    quote = said(quotes_of(body), "reckless")
    assert quote.kind == "direct" and quote.speaker == "Anwen Price"


def test_what_a_group_called_it_once_is_speech(quotes_of):
    # nearest negative: a group's naming in the simple past reports what they said on one occasion, not a name in use
    body = ('The school cancelled its spring fair on Friday, citing what governors called "the lack of any volunteers '
            'willing to run the stalls."')
    quote = said(quotes_of(body), "the lack of any volunteers")
    assert not _mention(quote)


def test_a_quoted_clause_is_never_a_mention(quotes_of):
    # nearest negative: a subject and its verb inside the marks, the object of a verb, are someone's words
    body = ('The Kirk End spent the afternoon singing "we want our club back" at the directors\' box before the '
            'late equaliser.')
    assert not _mention(said(quotes_of(body), "we want our club back"))


def test_a_modifier_of_a_noun_in_a_clause_a_verb_of_saying_reports_is_speech(quotes_of):
    # nearest negative of the campaign for "Pudding": the noun phrase is what a verb of saying reports (accused him of
    # years of "..."), so the words are the accuser's, a partial quote
    body = ('Tenants of Mill Court have written to the council. Their spokeswoman, Nadia Vale, accused the landlord of '
            'years of "petty, relentless harassment" and asked for an inspection.')
    quote = said(quotes_of(body), "petty, relentless harassment")
    assert quote.kind == "direct" and quote.speaker == "Nadia Vale"


def test_a_label_under_a_verb_of_saying_is_still_a_mention(quotes_of):
    # the label a verb puts on a thing decides before any verb of saying further up ("asked why a warning marked ...")
    body = ('The chair, Dame Ruth Amory, interrupted to ask why a warning marked "urgent" had sat in a tray for a week. '
            '"Nobody opened it," the director replied.')
    quote = said(quotes_of(body), "urgent")
    assert _mention(quote) and quote.speaker is None


# The subject of the sentence's own verb

_PARKING = ('The Harrowmere Health Trust confirmed on Tuesday that the daily rate in its car park will rise to £9 from '
            'February. The trust said the "premium zone" would be reviewed after six months.')


def test_quoted_words_that_are_the_subject_of_a_verb_outside_them_are_a_mention(quotes_of):
    quote = said(quotes_of(_PARKING), "premium zone")
    assert _mention(quote) and quote.speaker is None
    assert "reviewed" in quote.speaker_reason  # the reason names the verb the words are the subject of


def test_quoted_words_that_are_the_predicate_of_a_reported_clause_are_speech(quotes_of):
    # nearest negative: the same report, the quoted words what the clause says of its subject
    body = _PARKING.replace('the "premium zone" would be reviewed', 'the new charges were "a fair price for convenience"')
    quote = said(quotes_of(body), "a fair price for convenience")
    assert quote.kind == "direct" and quote.speaker == "Harrowmere Health Trust"


def test_quoted_words_beside_a_subject_of_their_own_verb_are_speech(quotes_of):
    # nearest negative: "it" is the verb's subject; the quoted words open a letter
    body = ('Tenants of Marlow Court received the letter on Monday. "Dear Resident," it began, "we are pleased to '
            'confirm that your block is included in our programme of renewal."')
    assert said(quotes_of(body), "Dear Resident").kind == "direct"


# What a thing goes by: a participle no one in the clause does

def test_words_after_as_on_a_participle_no_one_does_are_a_mention(quotes_of):
    body = ('Detective Superintendent Gwen Aldous said the dogs had been taken from gardens in rural villages and sold '
            'on as “rescues”.')
    quote = said(quotes_of(body), "rescues")
    assert _mention(quote) and quote.speaker is None


def test_words_after_as_on_a_verb_with_its_subject_are_speech(quotes_of):
    # nearest negative: a finite verb whose subject does the selling (and the saying)
    body = 'Detective Superintendent Gwen Aldous said the gang had sold the dogs as “rescues” and pocketed the money.'
    quote = said(quotes_of(body), "rescues")
    assert quote.kind == "direct" and quote.speaker == "Gwen Aldous"


def test_as_hung_on_the_noun_a_participle_qualifies_is_still_what_it_goes_by(quotes_of):
    body = ('A row of leylandii known along Ashworth Lane as "the Green Wall of China" must be cut back to six feet, '
            'Wealdbridge District Council has ruled.')
    quote = said(quotes_of(body), "the Green Wall of China")
    assert _mention(quote) and quote.speaker is None


def test_a_passive_naming_participle_with_no_agent_gives_a_name(quotes_of):
    body = ('Patients at a GP surgery in Colbridge say they are routinely waiting more than an hour, in what has '
            'become known in the town as "the 8am scramble".')
    quote = said(quotes_of(body), "the 8am scramble")
    assert _mention(quote) and quote.speaker is None


def test_a_naming_verb_in_the_perfect_with_a_named_subject_is_speech(quotes_of):
    # nearest negative: someone named has called it so
    body = ('Patients at a GP surgery in Colbridge are routinely waiting more than an hour, in what Dr Alice Crane has '
            'called "the 8am scramble".')
    quote = said(quotes_of(body), "the 8am scramble")
    assert quote.kind == "direct" and quote.speaker == "Alice Crane"
