"""Whose words are read out from a text (speakers35, issue #25, newsfacts/facts/text_authors.py): a text that runs
into its words (a bulletin, a letter, a post, a statement read out) speaks for its author, never for the one who reads
it out, shows it or is named inside its phrase; the reader's own words only when the story gives the text no author.
Each passage beside its nearest negative."""

from __future__ import annotations

import pytest

from newsfacts.facts.quotes import unnamed_description
from tests.facts.helpers import said

pytestmark = pytest.mark.integration

_BULLETIN = ('The Coastal Flood Agency has issued three severe flood warnings for villages along the River Tamsin.\n\n'
             'The agency\'s 06:00 bulletin, read on air by our presenter, said:\n\n'
             '"Severe Flood Warning in force for Lower Marsh. Act now.\n\n'
             '"Residents should move to higher ground."\n\n'
             'The agency\'s duty manager, Ruth Kellaway, said: "We are seeing the river rise faster than in 2014."')


def test_a_bulletin_is_its_issuers_words_not_the_presenters(quotes_of):
    quotes = quotes_of(_BULLETIN)
    assert said(quotes, "Act now").speaker == "Coastal Flood Agency"
    assert said(quotes, "Act now").speaker_basis == "relayed"
    assert said(quotes, "higher ground").speaker == "Coastal Flood Agency"  # the next paragraph goes on
    # nearest negative: a spokesperson who speaks for the body in her own words is herself
    assert said(quotes, "rise faster").speaker == "Ruth Kellaway"


_OPEN_LETTER = ('More than 300 doctors have signed an open letter opposing the closure of the maternity unit at '
                'Harwell General.\n\n'
                'The letter, addressed to the trust\'s chief executive, Dame Olwen Pryce, reads in part:\n\n'
                '"We write as clinicians who have delivered thousands of babies in this building."\n\n'
                'Dame Olwen Pryce said: "No decision has been taken."')


def test_a_letter_no_one_is_named_as_writing_speaks_for_itself_not_for_the_one_it_is_addressed_to(quotes_of, make_doc):
    quotes = quotes_of(_OPEN_LETTER)
    letter = said(quotes, "We write as clinicians")
    assert letter.speaker is None  # not Dame Olwen Pryce, named inside the letter's phrase as its addressee
    assert "letter" in (unnamed_description(_OPEN_LETTER, letter) or "").lower()
    # nearest negative: the addressee's own colon line is hers
    assert said(quotes, "No decision").speaker == "Olwen Pryce"


_STATEMENT = ('A lorry driver who killed a pedestrian while using his phone was jailed for five years.\n\n'
              'Her son, Tomas Reyes, read a victim impact statement to the court on behalf of the family. His voice '
              'shook as he read:\n\n'
              '"My mother walked that road every morning for thirty years."\n\n'
              'Outside court, Tomas Reyes said: "No sentence brings her back."')


def test_a_statement_the_story_gives_no_author_is_the_readers(quotes_of):
    quotes = quotes_of(_STATEMENT)
    assert said(quotes, "walked that road").speaker == "Tomas Reyes"
    # nearest negative: the reader who comments after reading out speaks in his own words, as ever
    assert said(quotes, "No sentence").speaker == "Tomas Reyes"


def test_a_statement_written_by_someone_else_is_the_writers_not_the_readers(quotes_of):
    quotes = quotes_of('A lorry driver who killed a pedestrian while using his phone was jailed for five years.\n\n'
                       'The victim\'s husband, Emilio Reyes, had written a statement, which was read by the '
                       'prosecutor, Hannah Lowe: "I eat dinner at a table laid for one."')
    assert said(quotes, "table laid for one").speaker == "Emilio Reyes"


def test_a_writer_described_never_named_is_a_voice_no_one_names_not_the_reader(quotes_of):
    body = ('The union was less forgiving. Aled Morgan, its regional organiser, read out an email he said a site '
            'foreman had sent to managers in March: "Scaffold on the east face is moving. Request inspection."\n\n'
            '"Nobody came," Aled Morgan said.')
    quotes = quotes_of(body)
    email = said(quotes, "Scaffold on the east face")
    assert email.speaker is None
    assert "foreman" in (unnamed_description(body, email) or "")
    # nearest negative: the reader's own words after the read-out are his
    assert said(quotes, "Nobody came").speaker == "Aled Morgan"


def test_a_salutation_opens_the_letter_whose_sender_the_sentence_before_names(quotes_of):
    quotes = quotes_of('The chair of the residents\' association, Delia Marsh, opened the meeting by reading a letter '
                       'the landlord, Ashdown Housing Trust, had sent to every flat. "Dear Tenant," it began, "we regret '
                       'that the works have been delayed."\n\n'
                       'The band closed the night with "Dear Prudence," a song they have played since 1990.')
    assert said(quotes, "Dear Tenant").kind == "direct"
    assert said(quotes, "we regret").speaker == "Ashdown Housing Trust"
    # nearest negative: a title that begins like a salutation, with nothing of a text after it, stays a title
    assert said(quotes, "Dear Prudence").kind == "title"


def test_it_said_after_a_statement_is_the_body_that_issued_it(quotes_of):
    quotes = quotes_of('Tamsin Zoo announced the birth of a rhino calf on Monday.\n\n'
                       'In a statement, the zoo said the calf would be kept off show for a month. "Mother and calf '
                       'need time to bond," it said.\n\n'
                       'Keeper Joel Ansah said: "She is feeding well."')
    assert "zoo" in (said(quotes, "need time to bond").speaker or "").lower()
    # nearest negative: a keeper's own colon line is his, no text in it
    assert "Joel Ansah" in said(quotes, "feeding well").speaker


def test_a_colon_line_that_introduces_a_list_hands_nothing_on(quotes_of):
    quotes = quotes_of('The flood agency gave residents three pieces of advice:\n\n'
                       'Move valuables upstairs. Switch off the gas. Keep a torch.\n\n'
                       '"Do not drive through flood water," said Inspector Ravi Chand.')
    # the quote has its own cue: the colon line two paragraphs up introduced a list, not the words
    assert said(quotes, "flood water").speaker == "Ravi Chand"


def test_a_memo_sent_by_someone_is_the_senders(quotes_of):
    quotes = quotes_of('Staff at Brantwood Logistics were told of the closure on Monday. The memo, sent by operations '
                       'director Carl Yeovil to all staff on 3 March, said: "The Hull depot will close at the end of '
                       'the month."')
    assert said(quotes, "Hull depot").speaker == "Carl Yeovil"


def test_a_statement_read_on_behalf_of_someone_named_is_theirs_not_the_readers(quotes_of):
    quotes = quotes_of('A spokesman for the council read a statement on behalf of the leader, Councillor Ann '
                       'Brightwell: "I will not resign over this matter."\n\n'
                       'Her daughter, Lena Ortiz, read a statement to the inquest on behalf of the family. She paused '
                       'as she read:\n\n'
                       '"Our father loved that river."')
    assert said(quotes, "not resign").speaker == "Ann Brightwell"
    # nearest negative: a family described, never named, that the reader belongs to: the words are hers
    assert said(quotes, "loved that river").speaker == "Lena Ortiz"


def test_a_heading_that_names_a_text_hands_the_next_paragraphs_to_its_author(quotes_of):
    quotes = quotes_of('Fenwick Rovers parted company with their manager on Sunday.\n\n'
                       'The Fenwick Rovers statement in full:\n\n'
                       '"The board thanks the manager for his service.\n\n'
                       '"A new appointment will be made in due course."\n\n'
                       'Captain Dean Orrell said: "We owe him a lot."')
    assert said(quotes, "thanks the manager").speaker == "Fenwick Rovers"
    assert said(quotes, "new appointment").speaker == "Fenwick Rovers"  # until another frame takes over
    # nearest negative: the next frame, a person's own colon line, takes over
    assert "Orrell" in said(quotes, "owe him").speaker


def test_a_text_received_is_not_the_receivers(quotes_of):
    quotes = quotes_of('The text message, which Tom Cole received at 2am, said:\n\n"Get out of the house now."')
    assert said(quotes, "Get out").speaker is None  # its sender is never named; the one who received it did not write it


def test_a_text_after_its_words_as_the_verbs_subject_is_its_signers(quotes_of):
    quotes = quotes_of('Harlow Borough Council issued a statement on Friday. "We are reviewing the decision," the '
                       'statement said.\n\n'
                       '"Please do not contact the family," read the note, signed by Inspector Dana Whitlock.')
    assert said(quotes, "contact the family").speaker == "Dana Whitlock"
    # nearest negative: the statement the body issued is still the body's
    assert said(quotes, "reviewing the decision").speaker == "Harlow Borough Council"


def test_a_statement_from_a_client_named_after_a_description_is_the_clients_not_the_lawyers(quotes_of):
    quotes = quotes_of('Lawyer Sam Okafor read a statement from his client, the footballer Jordan Pike: "I deny every '
                       'allegation." Mr Okafor added: "We will say no more today."')
    assert said(quotes, "deny every allegation").speaker == "Jordan Pike"
    # nearest negative: the lawyer who comments after reading out speaks for himself
    assert "Okafor" in said(quotes, "say no more").speaker


def test_a_reader_of_something_that_is_no_text_is_not_given_an_earlier_texts_author(quotes_of):
    quotes = quotes_of('The council published its statement on Monday. At the service, the vicar, Anne Holt, read from '
                       'the Bible:\n\n"The Lord is my shepherd."')
    assert said(quotes, "my shepherd").speaker != "council"
    assert said(quotes, "my shepherd").speaker_basis != "relayed"


def test_words_read_back_to_the_one_hailed_are_theirs(quotes_of):
    quotes = quotes_of('Host Maeve Dunleavy is joined by economist Dr Felix Arnaud.\n\n'
                       'MAEVE DUNLEAVY: Felix, you wrote last month that a legal four-day week would be, and I\'m '
                       'quoting you, "a solution in search of a productivity miracle". Do you stand by that?\n\n'
                       'You told listeners last week that "nothing will change".')
    assert said(quotes, "productivity miracle").speaker == "Felix Arnaud"
    # nearest negative: "you" with no one hailed in its sentence is not given a name by this reading
    assert said(quotes, "nothing will change").speaker != "Felix Arnaud"


def test_a_newspaper_named_like_a_text_speaks_for_itself(quotes_of):
    quotes = quotes_of('"We stand by our reporting," The Post said.')
    assert said(quotes, "stand by our reporting").speaker == "Post"


def test_a_spokesperson_reading_a_statement_no_one_signed_reads_for_the_body_named(quotes_of):
    quotes = quotes_of('A spokesperson for Ashcombe Hospital read a statement: "We are deeply sorry for the failings in '
                       'her care."\n\n'
                       'A statement from the striker Leon Vance was read out by his lawyer, Tim Ross:\n\n'
                       '"I am innocent and I will prove it."')
    assert "Ashcombe Hospital" in said(quotes, "deeply sorry").speaker
    # nearest negative: a statement whose author is named is the author's, not the lawyer's who read it out
    assert said(quotes, "I am innocent").speaker == "Leon Vance"


def test_a_text_of_a_body_no_one_names_keeps_its_whole_phrase_as_evidence(quotes_of):
    body = ('The ministry\'s statement, issued on Friday, said:\n\n'
            '"The minister has full confidence in the chief of staff."\n\n'
            'Opposition MPs were unconvinced. "This is a whitewash," said Labour\'s Ruth Kane.')
    quotes = quotes_of(body)
    statement = said(quotes, "full confidence")
    assert statement.speaker is None and unnamed_description(body, statement) == "The ministry's statement"
    # nearest negative: the next frame, an MP's own words with their cue, takes over
    assert said(quotes, "whitewash").speaker == "Ruth Kane"


# speakers37: a text's author named in apposition to a description after "by", and "it" for a text two sentences on

_MEMO_BY = ('"We hired for a world that did not arrive."\n\n'
            'So begins a memo sent to all staff on Thursday by Quillfeather\'s co-founder and chief executive, Dana '
            'Whitcombe, and leaked to The Uplink within minutes.\n\n'
            'The memo, which runs to 1,400 words, describes the cuts. It also says the company will "double down on AI" '
            'in its flagship app.')


def test_it_for_a_text_is_its_author_named_in_apposition_after_by_not_the_body_she_leads(quotes_of):
    quote = said(quotes_of(_MEMO_BY), "double down on AI")
    assert quote.speaker == "Dana Whitcombe"
    assert _MEMO_BY[quote.speaker_start : quote.speaker_end] == "It"  # the evidence; the name it points back to
    assert _MEMO_BY[quote.speaker_name_start : quote.speaker_name_end] == "Dana Whitcombe"


def test_it_for_a_text_no_one_is_named_as_sending_is_not_the_person_named_before(quotes_of):
    # nearest negative: the memo was sent "by email", by no one named; the chief executive was named a paragraph back
    body = ('Quillfeather\'s chief executive, Dana Whitcombe, spoke at a conference on Monday.\n\n'
            'On Thursday a memo was sent to all staff by email and leaked to The Uplink within minutes.\n\n'
            'The memo, which runs to 1,400 words, describes the cuts. It also says the company will "double down on '
            'AI" in its flagship app.')
    assert said(quotes_of(body), "double down on AI").speaker != "Dana Whitcombe"


_PAPER_BY = ('An internal paper by the trust\'s chief operating officer, Helen Marchetti, titled "Options for Winter" '
             'and seen by the Courier, warns that the list "will continue to grow until next year".')


def test_a_work_by_a_description_then_a_name_is_that_persons(quotes_of):
    assert said(quotes_of(_PAPER_BY), "continue to grow").speaker == "Helen Marchetti"


def test_a_work_by_a_description_naming_no_one_is_no_ones_name(quotes_of):
    # nearest negative: the comma after "by" opens a clause, not a name
    body = ('A report by the residents\' association, which met on Tuesday, warns that the road is "a death trap".')
    quote = said(quotes_of(body), "a death trap")
    assert quote.speaker is None


_ANNOUNCED = ('The festival has been cancelled.\n\n'
              'The organisers, Brightfield Live, announced the decision on their website at 11pm on Tuesday. The '
              'statement read:\n\n'
              '"It is with a heavy heart that we confirm the festival will not go ahead.\n\n'
              '"We believed, and still believe, that our revised plan was safe."')


def test_the_statement_no_sentence_names_is_the_one_the_sentence_before_says_was_put_out(quotes_of):
    quotes = quotes_of(_ANNOUNCED)
    assert said(quotes, "heavy heart").speaker == "Brightfield Live"
    assert said(quotes, "still believe").speaker == "Brightfield Live"  # the next paragraph goes on


def test_the_statement_after_a_sentence_that_puts_nothing_out_names_no_author(quotes_of):
    # nearest negative: the organisers were told of the decision, they announced nothing
    body = _ANNOUNCED.replace("announced the decision on their website", "were told of the decision")
    assert said(quotes_of(body), "heavy heart").speaker is None


# speakers37: a run of quoted paragraphs given, in the passive, to whoever put the words out

_RUN_POSTED = ('The festival was cancelled on Tuesday.\n\n'
               '"To the people of Callow Valley: thank you for having us for nine years.\n\n'
               '"To the fans: keep your wristbands. They will mean something one day."\n\n'
               'Those words were {verb} on Wednesday afternoon {by} the festival\'s founder, Tobias Marchbank, who '
               'started the festival in 2017.')


def test_a_run_of_words_posted_by_someone_named_after_it_is_theirs(quotes_of):
    quotes = quotes_of(_RUN_POSTED.format(verb="posted", by="by"))
    for words in ("people of Callow Valley", "keep your wristbands"):
        quote = said(quotes, words)
        assert (quote.speaker, quote.speaker_basis) == ("Tobias Marchbank", "named_after")


def test_a_run_of_words_read_to_someone_named_after_it_is_not_theirs(quotes_of):
    # nearest negative: the words were read out to the founder, not put out by him
    quotes = quotes_of(_RUN_POSTED.format(verb="read out", by="to"))
    assert said(quotes, "keep your wristbands").speaker != "Tobias Marchbank"
