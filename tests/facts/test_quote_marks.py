"""Which marks open a quotation: a stray or closing mark must not turn the rest of a run-together page into one
quote (a 4,668-word "quote" once made the quote models' work quadratic)."""

from __future__ import annotations

import pytest

from newsfacts.facts.quotes import MAX_UNCLOSED_WORDS, find_quote_spans


def quoted(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quote_spans(text, (0, len(text)))]


@pytest.mark.unit
def test_low_opening_quotes_close_with_a_high_mark():
    assert quoted("Die App „Vivy“ wurde von 90 Krankenkassen vorgestellt.") == ["Vivy"]


@pytest.mark.unit
def test_a_mark_right_after_a_letter_or_digit_opens_nothing():
    assert quoted('A 70" TV for $499 and a 34" monitor for $650.') == []
    assert quoted('The app Vivy“ was launched on Monday and “it works,” she said.') == ["it works"]


@pytest.mark.unit
def test_an_unclosed_quotation_runs_to_the_paragraph_end_only_over_a_paragraphs_worth_of_words():
    short = 'He went on: "We will not wait for them, and we will not stop'
    assert quoted(short) == ["We will not wait for them, and we will not stop"]
    runaway = 'He said: "We will not wait. ' + "The page goes on with other news. " * MAX_UNCLOSED_WORDS
    assert quoted(runaway) == []


@pytest.mark.unit
def test_straight_single_marks_quote_in_british_house_style():
    text = "'There was no remorse at any point,' said Ms Ward. He called the ruling 'an afterthought'."
    assert quoted(text) == ["There was no remorse at any point", "an afterthought"]


@pytest.mark.unit
def test_apostrophes_open_nothing():
    text = "The company's chief said the workers' pay rise, agreed in the '90s, was rock 'n' roll economics."
    assert quoted(text) == []
    assert quoted("O'Brien and D'Souza didn't say it.") == []


@pytest.mark.unit
def test_a_plural_possessive_inside_single_marks_does_not_close_them():
    text = "'It is the members' money, and they want it back,' he said."
    assert quoted(text) == ["It is the members' money, and they want it back"]


@pytest.mark.unit
def test_single_marks_inside_a_double_quotation_stay_inside_it():
    text = "\"She told me 'not now', and walked off,\" he said."
    assert quoted(text) == ["She told me 'not now', and walked off"]


@pytest.mark.unit
def test_an_unclosed_single_mark_runs_on_only_from_the_paragraph_start():
    assert quoted("'We will not stop. We will go on") == ["We will not stop. We will go on"]
    assert quoted("He said 'we will go on and on") == []


def quoted_paragraphs(text: str) -> list[str]:
    paragraphs, at = [], 0
    for line in text.split("\n\n"):
        paragraphs.append((at, at + len(line)))
        at += len(line) + 2
    return [text[q.start:q.end] for para in paragraphs for q in find_quote_spans(text, para)]


@pytest.mark.unit
def test_a_curly_single_mark_left_open_runs_on_when_the_next_paragraph_goes_on_with_one():
    run = "‘I am not trying to ban the bells. Weddings can all carry on.\n\n‘Some of the messages have been frightening.’"
    assert quoted_paragraphs(run) == ["I am not trying to ban the bells. Weddings can all carry on.",
                                      "Some of the messages have been frightening."]
    # the nearest negative: the paragraph after goes on in prose, so the open mark may be an apostrophe
    alone = "‘I am not trying to ban the bells. Weddings can all carry on.\n\nOpinion in the village is divided."
    assert quoted_paragraphs(alone) == []


@pytest.mark.integration
def test_a_british_run_of_quoted_paragraphs_is_the_one_its_colon_line_introduces(quotes_of):
    quotes = quotes_of(
        "In a message posted in the village chat group on Tuesday, Mr Marcus Delahaye wrote:\n\n"
        "‘I am not trying to ban the bells. Sunday ringing, weddings and funerals can all carry on.\n\n"
        "‘Some of the messages I have received since have been frightening.’\n\n"
        "Opinion in the village is not all one way."
    )
    assert [(q.speaker, q.speaker_basis) for q in quotes] == [("Marcus Delahaye", "intro"),
                                                              ("Marcus Delahaye", "continued")]


@pytest.mark.integration
def test_british_single_marks_carry_their_speakers(quotes_of):
    quotes = quotes_of(
        "A teacher who stabbed his neighbour has been jailed for life.\n\n"
        "'He took everything from us. We will never get him back,' Ann Ward told reporters outside court.\n\n"
        "Detective Inspector Sam Reid said: 'This was a senseless attack on a man in his own garden.'"
    )
    assert [(q.text, q.speaker) for q in quotes] == [
        ("He took everything from us. We will never get him back", "Ann Ward"),
        ("This was a senseless attack on a man in his own garden.", "Sam Reid"),
    ]


@pytest.mark.integration
def test_a_name_in_single_marks_beside_words_said_of_it_is_no_list_of_titles(quotes_of):
    quotes = quotes_of("Developer Valve called 'Half Life: Alyx' \"a flagship VR game.\"")
    assert [(q.text, q.kind) for q in quotes] == [("Half Life: Alyx", "title"), ("a flagship VR game.", "direct")]
    # the nearest negative: a comma inside the first mark, then a bare space, is a list
    listed = quotes_of('Her favourite shows were "Meet the Press," "the late news" and "Fox News Sunday."')
    assert [q.kind for q in listed] == ["title", "title", "title"]
