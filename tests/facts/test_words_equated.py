"""Quoted words the sentence itself says are not speech (issue #25): a noun of a set form of words equated with them
(quote_kinds.equated_kind), a term the writer glosses, a name its owner's possessive heads, a text's own term for a
thing (mentioned_words). Each on a passage written for it, beside its nearest negative: short words that are speech,
a title inside a sentence of speech."""

from __future__ import annotations

import pytest

from tests.facts.helpers import said

pytestmark = pytest.mark.integration


# A noun of a set form of words equated with the words: in commas, through a copula, right before them

_FUNDRAISING = ('The shelter\'s fundraising line, "A roof for every winter", is printed on every collection tin. '
                'Its director, Maud Ferris, said donations had doubled since October.')


def test_words_in_commas_beside_a_slogans_noun_are_a_slogan(quotes_of):
    assert said(quotes_of(_FUNDRAISING), "A roof for every winter").kind == "slogan"


def test_words_a_copula_equates_with_a_slogans_noun_are_a_slogan(quotes_of):
    body = ('Residents were urged to use the new recycling bins, whose campaign line is "Rinse it, then bin it". '
            'The scheme starts in May.')
    assert said(quotes_of(body), "Rinse it").kind == "slogan"


def test_a_heading_a_copula_equates_with_the_words_is_a_title(quotes_of):
    body = ('The inquiry was shown an email the harbour master sent on March 2. Its subject line was "Crane 4 - '
            'cracked weld - do not use." Nobody replied to it.')
    assert said(quotes_of(body), "Crane 4").kind == "title"


def test_a_bare_line_someone_delivers_is_speech(quotes_of):
    # nearest negative: a line is anyone's until a noun names what it is for; an actor delivering one speaks it
    body = ('In the second act, the lighthouse keeper, played by Tomas Reyes, stares at the sea and delivers the line '
            '"The lamp stays lit, whoever drowns" three times.')
    assert said(quotes_of(body), "The lamp stays lit").kind == "direct"


def test_a_message_a_copula_equates_with_the_words_is_speech(quotes_of):
    # nearest negative: a noun of a thing said in the same copula ("Her message was")
    body = ('Councillor Nadia Brandt spoke for ten minutes. Her message was "we cannot wait for another flood."')
    assert said(quotes_of(body), "we cannot wait").kind == "direct"


def test_a_judgement_a_copula_puts_on_a_heading_is_speech(quotes_of):
    # nearest negative: the same copula after a heading's noun, but an adjective: said of the caption, not its words
    body = 'Counsel for the club, Priya Nandi, argued that the caption was "spiteful and untrue."'
    quote = said(quotes_of(body), "spiteful and untrue")
    assert quote.kind == "direct" and quote.speaker == "Priya Nandi"


def test_what_slogans_do_in_quoted_words_is_speech(quotes_of):
    # nearest negative: a slogan's noun right before the words, but the words are its verb, someone's claim about it
    body = 'In an email, the professor, Alan Reyes, added that the slogans "work because they are short."'
    quote = said(quotes_of(body), "work because they are short")
    assert quote.kind == "direct" and quote.speaker == "Alan Reyes"


def test_posters_carrying_a_line_carry_a_slogan(quotes_of):
    body = ('The distributor has printed posters carrying the line "The funniest film of the autumn" across the '
            'city, although the critic, Lena Holm, says she never wrote it.')
    assert said(quotes_of(body), "The funniest film").kind == "slogan"


# A term the writer glosses with a definite description after it

def test_a_term_the_writer_glosses_is_a_mention(quotes_of):
    body = ('For the developer, Sarah Pike KC argued the council had no plan for new homes. She asked the inspector '
            'to apply the "open door", the test that favours building where supply falls short.')
    assert said(quotes_of(body), "open door").kind == "scare"


def test_a_short_quote_before_its_speaker_is_speech(quotes_of):
    # nearest negative: two words and a definite noun after them, but the noun is the speaker: "“...,” the minister said"
    body = 'Asked about the closure of the ward, the health minister paused. "Utterly disgraceful," the minister said.'
    quote = said(quotes_of(body), "Utterly disgraceful")
    assert quote.kind == "direct"


# A name its owner's possessive heads

def test_one_capitalised_word_after_a_possessive_is_a_name(quotes_of):
    body = ('Speaking afterwards on Valley FM’s "Daybreak", Olu Adeyemi said he would give the prize money away. '
            '"All of it," he said.')
    quotes = quotes_of(body)
    assert said(quotes, "Daybreak").kind == "title"
    assert said(quotes, "All of it").kind == "direct"  # the short answer beside it stays his


def test_a_lowercase_phrase_after_a_possessive_in_speech_is_speech(quotes_of):
    # nearest negative: words after a possessive, lower case, in a clause a verb of saying reports
    body = 'Dr Ines Marr said the president’s "reckless bargaining" had cost the region a decade.'
    quote = said(quotes_of(body), "reckless bargaining")
    assert quote.kind == "direct" and quote.speaker == "Ines Marr"


# A text's own term for a thing

_MEMO = ('The memo, which runs to nine pages, describes the closures as "network simplification" and promises staff '
         'a month\'s notice. It also says staff "will be supported at every step".')


def test_a_texts_characterisation_is_a_mention(quotes_of):
    quotes = quotes_of(_MEMO)
    quote = said(quotes, "network simplification")
    assert quote.kind == "scare" and "a text" in quote.speaker_reason
    assert said(quotes, "will be supported").kind == "direct"  # what the memo says is reported


def test_a_persons_characterisation_is_speech(quotes_of):
    # nearest negative: the same verb with a person as its subject (the labels' convention: cue)
    body = 'The union\'s regional officer, Gareth Lowe, described the closures as "a slow walk out of town".'
    quote = said(quotes_of(body), "a slow walk")
    assert quote.kind == "direct" and quote.speaker == "Gareth Lowe"


def test_a_texts_characterisation_in_a_voice_is_speech(quotes_of):
    # nearest negative: a text's words with "our" in them are someone's voice
    body = 'The strategy paper, published in June, had described the depot as "the heart of our northern network".'
    assert said(quotes_of(body), "the heart of our").kind == "direct"


# Words sung

def test_words_a_crowd_sings_are_a_chant(quotes_of):
    body = ('United lost 2-0. The away end, which had spent the second half singing "we want our ground back" at the '
            'owners\' box, was empty before the final whistle.')
    assert said(quotes_of(body), "we want our ground back").kind == "slogan"


def test_an_answer_about_what_was_sung_is_speech(quotes_of):
    # nearest negative: the verb of singing in the sentence, but a verb of speech runs into the words
    body = 'The choir leader, Ada Quinn, led the vigil. Asked what they sang, she smiled: "Only the old hymns."'
    quote = said(quotes_of(body), "Only the old hymns")
    assert quote.kind == "direct"


def test_words_one_singer_sings_are_hers(quotes_of):
    # nearest negative: the verb of singing right before the words, but one singer's: her words, not a chant
    body = ('The last song is the quietest. Alone at the piano, Mara Levy sings "I kept the map and lost the road", '
            'and the hall goes still.')
    assert said(quotes_of(body), "I kept the map").kind == "direct"
    body = ('"I kept the map and lost the road," she sings. "There was never a road to lose," she adds.')
    assert said(quotes_of(body), "There was never a road").kind == "direct"
