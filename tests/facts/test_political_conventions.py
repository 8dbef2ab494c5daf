"""Conventions of political and world news (fifteenth round, issue #25): addressees, read-out texts, crowds, titled
names. Each rule on a passage written for it, beside its nearest negative."""

from __future__ import annotations

import pytest

from newsfacts.facts.quotes import unnamed_description
from tests.facts.helpers import said

pytestmark = pytest.mark.integration


# Crowds


def test_a_crowds_answer_is_its_speech_and_a_call_and_response_alternates(quotes_of):
    quotes = quotes_of('Ruth Okafor-Banks, a former state treasurer, took the stage in Dayton on Saturday.\n\n'
                       '"Who is tired of paying more for less?" she asked the crowd.\n\n'
                       '"We are!" the crowd roared back.\n\n'
                       '"Who is going to do something about it in November?"\n\n'
                       '"We are!"\n\n'
                       'She is running for governor.')
    calls = [q for q in quotes if q.text.startswith("Who")]
    answers = [q for q in quotes if q.text.startswith("We are")]
    assert [q.kind for q in answers] == ["direct", "direct"]
    assert all("crowd" in (q.speaker or "") for q in answers)
    assert [q.speaker for q in calls] == ["Ruth Okafor-Banks"] * 2


def test_a_chant_named_after_the_words_is_a_slogan_but_a_speaker_between_keeps_them(quotes_of):
    chant = said(quotes_of('"The street is speaking!" protesters chanted as they passed the palace.'), "street")
    assert chant.kind == "slogan"
    # nearest negative: her own verb of speech comes first
    spoken = said(quotes_of('Union leader Carmen Ibarrola addressed the march. "The street is speaking, and the '
                             'palace will listen," she said as protesters chanted outside.'), "street")
    assert (spoken.kind, spoken.speaker) == ("direct", "Carmen Ibarrola")


def test_a_sentence_holding_its_own_chant_does_not_attribute_the_quote_before(quotes_of):
    quotes = quotes_of('"Sir, you are welcome here," Ruth Okafor-Banks said. "Stay till the end, you might learn '
                       'something." Supporters around the man began to chant "Out! Out!" until she waved them quiet.')
    assert said(quotes, "Stay till the end").speaker == "Ruth Okafor-Banks"


# Read-out texts


def test_a_letter_read_out_is_its_writers_named_at_the_colon(quotes_of):
    quote = said(quotes_of('Secretary-General Abimbola Mensah-Larbi read to the council a letter from a doctor in '
                            'the besieged city of Tarvos, Dr. Samira Khalidi: "We are operating by torchlight. We '
                            'have run out of anaesthetic."'), "torchlight")
    assert (quote.speaker, quote.speaker_basis) == ("Samira Khalidi", "relayed")


def test_the_reader_after_a_verb_is_not_the_writer(quotes_of):
    # nearest negative: the name at the colon is the one who read it out, after "was read out by"
    quote = said(quotes_of('A message from the association\'s founder, the late Fr Anselm Whitcombe, was read out by '
                            'his niece, Clare Whitcombe: "May the road between our towns never grow over."'), "road")
    assert quote.speaker != "Clare Whitcombe"


def test_a_text_message_received_from_someone_is_theirs_not_the_readers(quotes_of):
    quote = said(quotes_of('Prime Minister Aled Rowntree quoted a text message he said he had received that morning '
                            'from the health secretary, Bridget Okonkwo-Hale: "Waiting lists down for the third month '
                            'running. Tell the House."'), "Waiting lists")
    assert (quote.speaker, quote.speaker_basis) == ("Bridget Okonkwo-Hale", "relayed")


def test_the_one_a_text_was_written_to_is_not_its_writer(quotes_of):
    # nearest negative: "to Mr Greaves" names the addressee of the message
    quote = said(quotes_of('She noted that the estate manager, in a text message to Mr Tom Greaves which the tribunal '
                            'had before it, had written: "Take that down or do not bother coming in on Monday."'),
                  "Take that down")
    assert quote.speaker != "Tom Greaves"


def test_it_reads_after_a_signed_note_is_the_signers(quotes_of):
    quote = said(quotes_of('A handwritten note is doing the rounds. It was signed by the chief whip, Rhodri '
                            'Gethin, and passed to rebels during the vote. It reads: "Vote with us tonight and the '
                            'review is yours in the spring."'), "Vote with us")
    assert (quote.speaker, quote.speaker_basis) == ("Rhodri Gethin", "relayed")


# Addressees


def test_the_one_told_is_not_the_speaker_the_agent_is(quotes_of):
    quote = said(quotes_of('The chief executive of Severnside Water, Graham Voss, was told by MPs on Tuesday to '
                            '"stop hiding behind the weather" as he faced questions over sewage spills.'), "stop hiding")
    assert quote.kind == "direct" and quote.speaker_basis == "addressed" and "Voss" not in (quote.speaker or "")


def test_a_teller_before_according_to_says_the_words(quotes_of):
    quote = said(quotes_of('His objections were answered by the Commission president, Margit Lindqvist-Aho, who told '
                            'him in the closed session, according to two diplomats present: "Zoltan, you cannot sign '
                            'a text at five in the morning and disown it at nine."'), "you cannot sign")
    assert (quote.speaker, quote.speaker_basis) == ("Margit Lindqvist-Aho", "addressed")


def test_according_to_alone_still_names_the_source(quotes_of):
    # nearest negative: no teller in the sentence, the source after "according to" keeps the words
    quote = said(quotes_of('The talks collapsed at dawn, according to Pieter Vandersloot, a Dutch diplomat: '
                            '"Nobody wanted to be the last to leave the room."'), "Nobody wanted")
    assert quote.speaker == "Pieter Vandersloot"


def test_a_teller_in_the_reported_clause_of_a_colon_line_says_the_words(quotes_of):
    quote = said(quotes_of('Foreign Minister Tamar Ivashvili met President Lidia Sarapuu on Friday. Asked about it, '
                            'the minister said the president had told her: "Keep going. Do not let them hurry you."'),
                  "Keep going")
    assert quote.speaker == "Lidia Sarapuu"


def test_a_speaker_saying_she_told_someone_keeps_her_words(quotes_of):
    # nearest negative: the teller in the reported clause is the speaker herself
    quote = said(quotes_of('Foreign Minister Tamar Ivashvili met President Lidia Sarapuu on Friday. Afterwards, '
                            'Ivashvili said she had told her: "We will not be hurried."'), "hurried")
    assert quote.speaker == "Tamar Ivashvili"


def test_the_asker_says_the_question_and_the_one_asked_answers(quotes_of):
    quotes = quotes_of('Keith Abernathy sat at the end of the committee table.\n\n'
                       'The committee then heard from the regulator\'s chair, Professor Alan Treadwell, who was asked by '
                       'Dame Harriet Ellery whether the regulator had been "asleep at the wheel." "We were not asleep," '
                       'he said. "We were underfunded."')
    assert said(quotes, "asleep at the wheel").speaker.endswith("Harriet Ellery")
    assert [said(quotes, w).speaker for w in ("not asleep", "underfunded")] == ["Alan Treadwell"] * 2


def test_a_reply_in_an_interview_is_the_one_who_answered_the_asker_before(quotes_of):
    quotes = quotes_of('Tamar Ivashvili spoke to Hugo Marchetti on Sunday.\n\n'
                       '"Is it time to admit they have failed?" Marchetti asked.\n\n'
                       '"No," Ivashvili said.\n\n'
                       'Asked about President Lidia Sarapuu, the minister said the president had told her: "Keep '
                       'going."\n\n'
                       'Marchetti pressed again: "Will you resign if there is no deal?"\n\n'
                       '"You are putting words in my mouth, Hugo," she replied.')
    assert said(quotes, "putting words").speaker == "Tamar Ivashvili"


# Titled names


def test_the_premier_is_the_prime_minister_named_before(quotes_of):
    quote = said(quotes_of('Hungarian Prime Minister Zoltan Bereczki signed the deal. Speaking to state radio, the '
                            'premier added: "Brussels counts boats. We count the people who get off them."'), "Brussels")
    assert quote.speaker == "Zoltan Bereczki"


def test_a_title_named_in_the_next_paragraph_is_that_person(quotes_of):
    quotes = quotes_of('The council adjourned without a vote after a session in which the French ambassador accused '
                       'China of "playing for time."\n\n'
                       'French Ambassador Claire Dumesnil told the council the draft was "the least this body can do."')
    assert said(quotes, "playing for time").speaker == "Claire Dumesnil"


def test_a_bare_office_no_one_holds_is_an_unnamed_description(quotes_of):
    body = ('Press secretary Colette Vance ended the briefing by reading a message from the first lady, who was '
            'visiting a hospital: "Thinking of every family waiting for news tonight."')
    quote = said(quotes_of(body), "Thinking of")
    assert quote.speaker is None and (unnamed_description(body, quote) or "").startswith("the first lady")


def test_a_title_owning_the_words_before_a_name_is_not_that_names_title(quotes_of):
    # nearest negative: "The president's spokeswoman, Lucia Ferrer" does not make Ferrer the president
    quotes = quotes_of('President Aurelio Santangelo did not attend. The president\'s spokeswoman, Lucia Ferrer, later '
                       'sent reporters a text message from the president\'s account: "Dialogue, yes. Retreat, no."')
    assert said(quotes, "Dialogue").speaker == "Aurelio Santangelo"


def test_a_shadow_office_is_not_the_office(quotes_of):
    # nearest negative to "the chancellor" for Chancellor X: the shadow chancellor named after her is someone else
    quotes = quotes_of('Chancellor Miriam Achebe-Stroud won the vote. The shadow chancellor, Priya Nandakumar, called '
                       'the budget "a con with a calculator."\n\n'
                       'The chancellor has left Westminster. Her last words to reporters as she got into her car: '
                       '"Good night, everyone. Get some sleep."')
    assert said(quotes, "a con with").speaker == "Priya Nandakumar"
    assert said(quotes, "Good night").speaker == "Miriam Achebe-Stroud"


def test_here_is_someone_speaking_presents_their_words(quotes_of):
    quotes = quotes_of('21:02 - The budget passes. Chancellor Miriam Achebe-Stroud was seen hugging the chief whip.\n\n'
                       "21:05 - Here's the chancellor speaking to broadcasters moments ago: \"This is a budget for "
                       'working families, and tonight the House backed working families."\n\n'
                       "21:09 - Here's what the rebels' leader, Sir Anthony Vickery, told our correspondent: \"We made "
                       'our point and we will make it again."')
    assert (said(quotes, "working families").speaker, said(quotes, "working families").speaker_basis) == \
        ("Miriam Achebe-Stroud", "intro")
    assert "Anthony Vickery" in (said(quotes, "We made our point").speaker or "")


def test_a_description_named_in_the_sentence_after_is_that_person(quotes_of):
    quotes = quotes_of('One protester shouted at a passing minister: "Shame on you!" The minister, who did not stop, '
                       'replied: "Come and talk to me on Monday." It was the transport minister, Owen Tregaskis.')
    assert said(quotes, "Come and talk").speaker == "Owen Tregaskis"
    assert said(quotes, "Shame on you").speaker is None


def test_who_after_a_post_by_someone_is_that_someone(quotes_of):
    quotes = quotes_of('Dana Kessler opened the segment. Kessler then read from a post by Sen. Gloria Mattingly, who '
                       'had called the deal "amnesty by another name" earlier in the day: "I will not vote for a bill '
                       'that rewards lawbreakers and calls it reform."')
    assert said(quotes, "amnesty").speaker == "Gloria Mattingly"
    assert said(quotes, "I will not vote").speaker == "Gloria Mattingly"


def test_a_crowds_answer_named_by_a_colon_line_is_the_crowds(quotes_of):
    quotes = quotes_of('At the end of the night Ruth Okafor-Banks asked the room one last question: "Are you ready?" '
                       'The crowd\'s answer, a wall of noise, was the loudest of the evening: "Ready!"')
    answer = said(quotes, "Ready!")
    assert answer.kind == "direct" and "crowd" in (answer.speaker or "")
    # nearest negative: one person's answer named the same way is no crowd's
    quotes = quotes_of('Ruth Okafor-Banks was asked whether she would debate. The candidate\'s answer was short: '
                       '"Any time, any place, as long as it is in Ohio."')
    assert "crowd" not in (said(quotes, "Any time").speaker or "")


def test_the_one_a_question_was_put_to_answers(quotes_of):
    quotes = quotes_of('Opposition leader Dara Quilty spoke first. A question was then put to the taoiseach, Siobhan '
                       'Marra, about the fishing quotas. "That is for the commission," she said.')
    assert said(quotes, "for the commission").speaker == "Siobhan Marra"


def test_a_letter_sent_by_someone_which_said_is_not_the_place_named_in_the_description(quotes_of):
    quote = said(quotes_of('Opposition leader Dara Quilty read from a letter sent by a fisherman in Donegal, which '
                            'said: "We were promised the sea and we got the paperwork."'), "promised the sea")
    assert quote.speaker_basis == "relayed" and "fisherman" in (quote.speaker or unnamed_description(
        'Opposition leader Dara Quilty read from a letter sent by a fisherman in Donegal, which said: "We were '
        'promised the sea and we got the paperwork."', quote) or "")


def test_the_one_spoken_to_in_the_pronouns_sentence_is_not_he(quotes_of):
    quotes = quotes_of('German Chancellor Ulrich Brenner arrived on Thursday.\n\n'
                       'Council President Mark Davidson summed up the mood. Speaking to Brenner at the dinner, he said: '
                       '"Ulrich, we have been here before."')
    assert said(quotes, "been here before").speaker == "Mark Davidson"


def test_a_countrys_office_no_one_named_holds_is_unnamed(quotes_of):
    body = ('French President Odile Marchetti arrived in Brussels on Thursday.\n\n'
            'The Belgian prime minister, who hosted the dinner, said the food was "the only thing everyone agreed on."')
    quote = said(quotes_of(body), "the only thing")
    assert quote.speaker is None and (unnamed_description(body, quote) or "").startswith("The Belgian prime minister")


def test_an_email_read_out_from_someone_named_in_commas_is_theirs(quotes_of):
    quote = said(quotes_of('Senator Paula Ferrante began by reading aloud an email from a constituent, Maria Lopes, '
                            'who lost her home in the floods: "Nobody from the agency came for eleven days."'),
                  "Nobody from the agency")
    assert (quote.speaker, quote.speaker_basis) == ("Maria Lopes", "relayed")


def test_a_post_its_subject_wrote_in_is_no_read_out(quotes_of):
    # nearest negative: "In a post, X wrote:" is X's own writing, found as the subject, not relayed
    quote = said(quotes_of('Opposition leader Dara Quilty was unimpressed. In a post on X, Quilty wrote: "The prime '
                            'minister came, he smiled, he left."'), "came, he smiled")
    assert (quote.speaker, quote.speaker_basis) == ("Dara Quilty", "subject")


def test_a_colon_line_asking_someone_gives_the_question_to_the_asker(quotes_of):
    quotes = quotes_of('Home Secretary Yvette Dunmore faced the home affairs committee on Wednesday. The committee '
                       'chair, Sir Robert Kane, opened by asking her about the backlog: "How many asylum claims are '
                       'waiting for a decision tonight?"\n\n"About ninety thousand," the home secretary replied.')
    assert "Robert Kane" in (said(quotes, "How many asylum").speaker or "")
    assert said(quotes, "ninety thousand").speaker == "Yvette Dunmore"


def test_words_named_in_a_question_are_not_the_askers(quotes_of):
    # nearest negative: "asked by X about “...”" names words, it does not put them in X's mouth
    quote = said(quotes_of('Work and Pensions Secretary Denise Orr was asked by the BBC about her "bedroom tax" '
                            'remarks on Sunday.'), "bedroom tax")
    assert quote.speaker_basis != "addressed"


def test_a_title_of_several_words_is_matched_whole(quotes_of):
    quotes = quotes_of('Interior Minister Rafael Costa defended the border plan on Monday. The prime minister said '
                       'last week that the plan was "not negotiable." Prime Minister Joana Reis repeated it on Tuesday.'
                       '\n\nThe interior minister was calmer. "We will listen to everyone," the interior minister said.')
    assert said(quotes, "not negotiable").speaker == "Joana Reis"
    # nearest negative: the interior minister is still Costa
    assert said(quotes, "listen to everyone").speaker == "Rafael Costa"


def test_came_the_reply_from_the_crowd_and_a_hall_answering_are_the_crowds(quotes_of):
    quotes = quotes_of('Labour leader Keir Hallworth addressed supporters in Leeds on Saturday.\n\n'
                       '"Are we going to let them sell the railways?" Hallworth asked.\n\n'
                       '"No!" came the reply from the crowd.\n\n'
                       '"Are we going to win?"\n\n'
                       '"Yes!" the hall answered.')
    assert said(quotes, "No!").speaker == "the crowd"
    assert said(quotes, "Yes!").speaker == "the hall"  # not Keir Hallworth, whose name begins with the word
    assert said(quotes, "going to win").speaker == "Keir Hallworth"


def test_the_letter_read_out_is_the_one_who_wrote_it_before(quotes_of):
    quotes = quotes_of('Councillor Denise Hart wrote to the planning board last week to oppose the incinerator.\n\n'
                       'At Tuesday\'s meeting, the board\'s chair, Peter Osei, read from the letter, which said: "This '
                       'town has carried enough of the county\'s rubbish."')
    assert said(quotes, "carried enough").speaker == "Denise Hart"


def test_a_writer_of_something_else_is_not_the_letters(quotes_of):
    # nearest negative: writing a book is not writing the letter read out
    quotes = quotes_of('Councillor Denise Hart wrote a book about the town in 2010.\n\n'
                       'At Tuesday\'s meeting, the board\'s chair, Peter Osei, read from the letter, which said: "This '
                       'town has carried enough of the county\'s rubbish."')
    assert said(quotes, "carried enough").speaker != "Denise Hart"


def test_the_statement_said_is_the_one_who_signed_it_before(quotes_of):
    quotes = quotes_of('The foreign ministry issued a sharply worded statement on Thursday, signed by Foreign Minister '
                       'Liang Wei.\n\nThe statement said: "Any interference in our internal affairs will be met with a '
                       'firm response."')
    assert said(quotes, "Any interference").speaker == "Liang Wei"


def test_the_anchor_is_who_opened_the_segment(quotes_of):
    quotes = quotes_of('Dana Kessler opened the segment by playing a clip of Rep. Tomas Villasenor. "This is a '
                       'surrender," Villasenor says in the clip.\n\n'
                       'The anchor turned to her first guest, strategist Brent Hollinger. "Brent, is he wrong?" she '
                       'asked.')
    assert said(quotes, "is he wrong").speaker == "Dana Kessler"
    # nearest negative: opening something that is no programme ("opened the hearing") makes no one the anchor
    quotes = quotes_of('Senator Alma Reyes opened the hearing at nine.\n\n'
                       'The anchor turned to her first guest, strategist Brent Hollinger. "Brent, is this legal?" the '
                       'anchor asked.')
    assert said(quotes, "is this legal").speaker != "Alma Reyes"
