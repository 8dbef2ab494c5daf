"""Each rule that finds a speaker outside the quote's own sentence, and quoted words that are not speech (issue #25)."""

from __future__ import annotations

import pytest

from newsfacts.facts import extract_facts
from newsfacts.facts.quotes import unnamed_description
from tests.facts.helpers import genders_of, said

pytestmark = pytest.mark.integration


def _credited(body: str, quote) -> str | None:
    """Who the row credits: the speaker, or "unnamed: <description>" for someone the story never names (no
    speaker then, the description kept as evidence: quotes.UNNAMED_REASON)."""
    description = unnamed_description(body, quote)
    return quote.speaker or (f"unnamed: {description}" if description else None)


def test_a_roundup_heading_names_the_source_and_keeps_the_outlet_as_role(quotes_of):
    quotes = quotes_of('Reactions poured in overnight.\n\n'
                       'Peggy Noonan, The Wall Street Journal: "It was a long night for the incumbent and his party."\n\n'
                       '"Nobody watching learned anything new about the economy." — Bill Kristol, The Bulwark')
    first, second = said(quotes, "long night"), said(quotes, "Nobody watching")
    assert (first.speaker, first.speaker_basis, first.speaker_role) == ("Peggy Noonan", "roundup", "The Wall Street Journal")
    assert (second.speaker, second.speaker_basis) == ("Bill Kristol", "roundup")


def test_a_handle_heading_a_roundup_line_is_the_source_and_is_its_named_owners_account(quotes_of):
    quotes = quotes_of('The council voted 7-2 to close the library branch on Tuesday. Councilwoman Rosa Delacroix-Bell '
                       'cast one of the two votes against.\n\nONLINE\n\n'
                       '@CouncilDelacroixBell: "Seven votes cannot close a door that the whole town walks through."\n\n'
                       '@quietreader42: "Where am I supposed to take my kids on Saturdays now?"')
    owned, own = said(quotes, "Seven votes"), said(quotes, "Where am I")
    assert (owned.speaker, owned.speaker_basis) == ("Rosa Delacroix-Bell", "roundup")
    assert (own.speaker, own.speaker_basis) == ("@quietreader42", "roundup")


def test_a_handle_named_inside_a_sentence_is_not_a_roundup_heading(quotes_of):
    quotes = quotes_of('Mayor Tom Harlow replied to @quietreader42 on Friday: "The branch will reopen as a reading room '
                       'in the spring."')
    quote = said(quotes, "reading room")
    assert quote.speaker == "Tom Harlow" and quote.speaker_basis != "roundup"


def test_a_statement_issued_in_a_when_clause_of_a_colon_line_is_the_issuers(quotes_of):
    quotes = quotes_of('The feud over the budget grew louder on Monday.\n\nIt started shortly after noon, when '
                       'Governor Helen Marsh issued a statement:\n\n'
                       '"The legislature has had six months to pass a budget and has passed nothing but blame."')
    quote = said(quotes, "six months")
    assert (quote.speaker, quote.speaker_basis) == ("Helen Marsh", "intro")


def test_a_when_clause_without_a_statement_is_no_introduction(quotes_of):
    quotes = quotes_of('The feud over the budget grew louder on Monday.\n\nIt started shortly after noon, when '
                       'Governor Helen Marsh left the building:\n\n'
                       '"The legislature has had six months to pass a budget and has passed nothing but blame."')
    assert said(quotes, "six months").speaker_basis != "intro" or said(quotes, "six months").speaker is None


def test_a_line_ending_in_a_colon_introduces_the_quote_of_the_next_paragraph(quotes_of):
    body = ("The company's chief financial officer, Ruth Porat, gave a blunter view to analysts:\n\n"
            '"We will slow hiring for the rest of the year and cut costs wherever we can."')
    quote = said(quotes_of(body), "slow hiring")
    assert (quote.speaker, quote.speaker_basis) == ("Ruth Porat", "intro")
    assert body[quote.speaker_start : quote.speaker_end].endswith("Ruth Porat")


def test_a_run_of_quoted_paragraphs_takes_the_name_given_after_it(quotes_of):
    body = ('"The river rose two metres in one night.\n\n'
            '"By morning the bridge was gone, and so was the road to the school."\n\n'
            "So said Peter Novak, the village mayor, on Monday.")
    quotes = quotes_of(body)
    assert {q.speaker for q in quotes} == {"Peter Novak"}
    assert {q.speaker_basis for q in quotes} == {"named_after"}


def test_a_heading_quoted_again_below_takes_the_speaker_of_the_quote(quotes_of):
    body = ('"A storm we had not seen in fifty years"\n\n'
            'The harbour master, Ian Fraser, said it was "a storm we had not seen in fifty years" and closed the port.')
    heading = [q for q in quotes_of(body) if q.start_char == 1][0]
    assert (heading.speaker, heading.speaker_basis) == ("Ian Fraser", "named_after")


@pytest.mark.parametrize("intro, description", [
    ("Dr. Maria Santos, a seismologist at the University of Chile, has studied the fault for a decade.", "the seismologist"),
    ("Sen. Mark Warner toured the plant in the morning.", "the senator"),
])
def test_a_title_or_description_after_a_gap_points_back_to_the_person_named_with_it(quotes_of, intro, description):
    body = (f"{intro}\n\nThe region has had three strong earthquakes since 2010, and the last one destroyed "
            "the old port.\n\nEngineers have since rebuilt the sea wall.\n\n"
            f'"We are not ready for the next one," {description} said.')
    quote = said(quotes_of(body), "not ready")
    assert quote.speaker in ("Maria Santos", "Mark Warner")
    assert quote.speaker_name_start is not None and quote.speaker_name_start < quote.speaker_start


def test_an_interviewer_named_before_the_speaker_is_not_the_speaker(quotes_of):
    quote = said(quotes_of('In an interview with ABC\'s George Stephanopoulos, Nancy Pelosi said the bill was '
                            '"dead on arrival" in the Senate.'), "dead on arrival")
    assert quote.speaker == "Nancy Pelosi"


@pytest.mark.parametrize("body, words, kind", [
    ('Asked on "Face the Nation" whether he would run, the governor said no.', "Face the Nation", "title"),
    ('Volunteers ran "Souls to the Polls" drives across the county.', "Souls to the Polls", "slogan"),
    ('Protesters chanted "No justice, no peace" outside the court.', "No justice, no peace", "slogan"),
    ('The aide described the so-called "shadow cabinet" to reporters.', "shadow cabinet", "scare"),
    ('He denied that they had formed an "irregular" channel of diplomacy.', "irregular", "scare"),
    ('The playlist includes "Mary Poppins" and "Bambi."', "Bambi.", "title"),
])
def test_titles_slogans_and_scare_quotes_are_kept_as_such_with_no_speaker(quotes_of, body, words, kind):
    quote = said(quotes_of(body), words)
    assert (quote.kind, quote.speaker, quote.speaker_basis) == (kind, None, None)
    assert quote.speaker_reason


def test_every_speaker_comes_with_its_basis_and_the_words_that_name_it(quotes_of):
    body = ('Kremlin spokesman Dmitry Peskov spoke to reporters on Tuesday. "The talks will go on," he said. '
            '"We see no reason to stop them."')
    for quote in quotes_of(body):
        assert quote.speaker == "Dmitry Peskov"
        assert quote.speaker_basis in ("subject", "continued")
        assert body[quote.speaker_start : quote.speaker_end] == "he"
        assert body[quote.speaker_name_start : quote.speaker_name_end] == "Dmitry Peskov"


@pytest.mark.parametrize("body, words, kind", [
    ('The state launched TV commercials and billboards in which people say, "I am on the bus."', "I am on the bus.",
     "slogan"),
    ("Privacy, which the company views as \"a basic civil liberty for everyone\", shapes every product.",
     "a basic civil liberty for everyone", "scare"),
])
def test_ad_lines_of_nameless_people_and_unattributed_noun_phrases_are_not_speech(quotes_of, body, words, kind):
    quote = said(quotes_of(body), words)
    assert (quote.kind, quote.speaker) == (kind, None)


def test_a_quoted_clause_after_a_comma_stays_speech_even_with_no_speaker(quotes_of):
    quote = said(quotes_of('The more the council argues, the more residents shrug and think, "Enough already, just '
                            'decide."'), "Enough already")
    assert quote.kind == "direct"


def test_a_work_named_right_before_a_verb_the_parse_left_without_subject_is_its_source(quotes_of):
    body = ("As we have noted, a 2019 study by the Brookings Institution, a Washington think tank, concluded that, "
            'using standard methods, "the full cost of the levy falls on local shoppers."')
    quote = said(quotes_of(body), "full cost")
    assert (quote.speaker, quote.speaker_basis) == ("Brookings Institution", "subject")


def test_a_country_name_ending_in_states_is_no_reporting_verb(quotes_of):
    body = ('Mr. Biden has since said that the signing would take place in United States "steel country," but '
            "the other side has been reluctant to commit.")
    quote = said(quotes_of(body), "steel country")
    assert quote.speaker.endswith("Biden")


def test_words_quoted_again_later_with_no_attribution_keep_the_speaker_who_said_them(quotes_of):
    body = ('"I have given plenty of statements that were truthful and accurate," Maria Lopez told reporters.\n\n'
            'Which is the problem. Lopez, by her own account, has given "plenty of statements that were truthful '
            'and accurate," yet none of them named the donor.')
    echo = [q for q in quotes_of(body) if q.text.startswith("plenty")][0]
    assert (echo.speaker, echo.speaker_basis) == ("Maria Lopez", "continued")


def test_a_short_term_from_a_speech_quoted_on_its_own_is_not_an_echo_of_it(quotes_of):
    body = ('The "border problem" came up again.\n\n'
            '"We have not fixed the border problem yet," Governor Ann Patel said.')
    term = [q for q in quotes_of(body) if q.text == "border problem"][0]
    assert (term.kind, term.speaker) == ("scare", None)


def test_it_after_an_organisation_was_quoted_is_that_organisation(quotes_of):
    body = ("Fans of the band blame Universal Music Group for the cancelled show.\n\n"
            '"At no point did we stop the band from performing," they said in a statement on Friday.\n\n'
            "The band has not spoken since. Its singer left the country. Its drummer is on holiday. The tour is over. "
            "The venue has refunded every ticket. Some fans have asked for more. A petition has forty thousand names.\n\n"
            "Now there is another statement, sent to the organisers.\n\n"
            '"We have agreed to grant all licences for the broadcast," it says.\n\n'
            '"Artists do not need our approval for live performances."')
    quotes = quotes_of(body)
    assert {said(quotes, w).speaker for w in ("agreed to grant", "do not need")} == {"Universal Music Group"}


def test_the_one_who_replies_is_not_the_interviewer_who_asked(quotes_of):
    body = ('In an interview with NPR\'s Steve Inskeep, Lisa Murkowski said she had "no plans to leave" the party.\n\n'
            'Inskeep asked whether she would vote for the bill. "I have not decided yet," she replied.')
    quote = said(quotes_of(body), "not decided")
    assert quote.speaker == "Lisa Murkowski"


@pytest.mark.parametrize("body, speaker", [
    ('Antony Blinken said that after long review Washington had concluded the plan was "not, as such, a breach of '
     'the treaty", adding that courts would decide.', "Antony Blinken"),
    ('The aide said he was told that Obama had confirmed he would ask for "more room to move" after the election.',
     "Obama"),
])
def test_a_government_reporting_inside_a_persons_clause_gives_the_words_to_the_person(quotes_of, body, speaker):
    [quote] = [q for q in quotes_of(body) if q.kind == "direct"]
    assert quote.speaker.endswith(speaker)


def test_wire_copy_closing_a_quote_with_two_apostrophes_keeps_the_appositive_speaker(quotes_of):
    body = ("“It was an attempt to mislead voters,’’ Will Moy, chief executive of the fact-checking charity Full Fact, "
            "told the BBC. “And I think it is inappropriate for a serious party to behave that way.’’")
    quotes = quotes_of(body)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("It was an attempt to mislead voters", "Will Moy"),
        ("And I think it is inappropriate for a serious party to behave that way.", "Will Moy")]


def test_a_noun_with_its_determiner_is_no_reporting_verb(quotes_of):
    body = ('Lawyers for the company said the regulator’s claim is "absolutely not true" and would be fought in court.')
    [quote] = quotes_of(body)
    assert (quote.cue, quote.speaker) == ("said", "Lawyers for the company")


@pytest.mark.parametrize("body, words", [
    ("Because users can easily toggle between being corporations, “creators,” and normal people, Stier says he "
     "noticed the lines between all three groups have blurred.", "creators"),
    ("With the crew asleep, the mission would have to be designed for largely autonomous operations, with optimum "
     'use of artificial intelligence and "fault detection, isolation and recovery" to maintain a minimum level of '
     "system performance.", "fault detection, isolation and recovery"),
    ('A 43-year-old man was diagnosed with "feather-duvet lung," according to a new case report.', "feather-duvet lung"),
])
def test_a_term_listed_beside_unquoted_items_or_vouched_for_only_by_according_to_is_not_speech(quotes_of, body, words):
    quote = said(quotes_of(body), words)
    assert (quote.kind, quote.speaker) == ("scare", None)


def test_she_is_never_a_man_the_story_calls_a_son_and_a_nearer_described_person_wins(quotes_of):
    body = ("The song was written by actress Mary Steenburgen after an accident left her hearing music.\n\n"
            "Steenburgen’s son, filmmaker Charlie McDowell, also remembers it as a trying time. “It was a lot,” he "
            "said. “All of a sudden there were instruments everywhere,” McDowell laughed.\n\n"
            "Despite the paucity of roles for women in their fifties, the actress wasn’t itching to do something "
            "else. “I had been somebody who really liked music,” she said.")
    quote = said(quotes_of(body), "really liked music")
    assert quote.speaker == "Mary Steenburgen"
    assert body[quote.speaker_start : quote.speaker_end] == "she"


def test_she_with_no_woman_named_is_the_woman_described_before(quotes_of):
    body = ("“I was stunned by how many people visited my profile,” said Joseph Minga, a friend who recently "
            "switched accounts. He learned that about 100 people view his profile a week.\n\n"
            "WIRED spoke to one mother, who knew her teenage daughter and son were posing as businesses on the app. "
            "“I am so ahead of every other parent of teens I know when it comes to technology,” she said.")
    quote = said(quotes_of(body), "so ahead of every")
    assert _credited(body, quote) == "unnamed: one mother"


def test_the_answer_after_a_question_put_to_her_is_hers_not_the_askers(quotes_of):
    body = ("In an interview with NPR's Steve Inskeep on Monday, Senator Lisa Murkowski said she had not made up her "
            'mind. Inskeep asked whether the evidence had moved her. "I have heard nothing yet that tells me how I '
            'will vote," she said.')
    assert said(quotes_of(body), "heard nothing").speaker == "Lisa Murkowski"


def test_a_cue_ending_in_a_colon_introduces_the_quote_after_it_not_the_one_before(quotes_of):
    body = ("“It’s a totally different muscle,” York said. “You have to take yourself out of it a little bit.” "
            "Smith agreed: “It’s a different job altogether.”")
    quotes = quotes_of(body)
    assert [said(quotes, w).speaker for w in ("take yourself", "different job")] == ["York", "Smith"]


def test_a_clause_running_into_a_colon_names_the_speaker_when_a_cue_before_it_names_no_one(quotes_of):
    body = ("Jessie Buckley sang the song in the film. By the time Buckley learned who had written the song, she was "
            "only half-surprised: “It made sense, because it clearly came from someone who knew the character.”")
    quote = said(quotes_of(body), "It made sense")
    assert (quote.speaker, quote.cue) == ("Jessie Buckley", None)


def test_a_roundup_source_may_say_where_it_spoke(quotes_of):
    body = ("Reactions to the budget poured in within the hour.\n\n"
            'Larry Kudlow, speaking on Fox Business: "Finally a budget that takes growth seriously."')
    quote = said(quotes_of(body), "Finally a budget")
    assert (quote.speaker, quote.speaker_basis, quote.speaker_role) == ("Larry Kudlow", "roundup", "Fox Business")


def test_a_person_who_is_the_subject_of_the_sentence_running_into_a_quote_is_its_speaker(quotes_of):
    body = ("The hearing went on for three hours.\n\nRep. Robert Aderholt returned to the issue later in the hearing. "
            "“What commercial launch vehicles exist today that can launch the lander by 2024?”")
    quote = said(quotes_of(body), "commercial launch")
    assert (quote.speaker, quote.speaker_basis) == ("Robert Aderholt", "intro")


def test_they_right_after_one_person_was_the_subject_is_that_person(quotes_of):
    body = ("Kym Lino, a spokesperson for Instagram, confirmed to WIRED that the company notifies such people. "
            "“We use a machine learning model to find accounts that may benefit from professional tools,” they said "
            "in an email.")
    assert said(quotes_of(body), "machine learning").speaker == "Kym Lino"


def test_a_person_in_apposition_to_a_description_at_the_head_is_the_speaker(quotes_of):
    body = ("Senior author Dr. Silvia S. Martins, associate professor of epidemiology at Columbia University, "
            'commented: "Cannabis use disorder in adolescence is associated with long-term adverse consequences."')
    quote = said(quotes_of(body), "Cannabis use")
    assert (quote.speaker, quote.speaker_role) == ("Silvia S. Martins", "Senior author, associate professor of "
                                                   "epidemiology at Columbia University")


def test_a_surname_after_a_gap_finds_the_full_name_whatever_type_the_model_gave_it(quotes_of):
    body = ("Argentina got past Chile 3-0 in Group C, with Guido Pella beating Nicolas Jarry 6-4, 6-3 and Diego "
            "Schwartzman defeating Cristian Garin 6-2, 6-2.\n\nThe tie was already decided after the doubles match.\n\n"
            '"It\'s the end of the season but I think I played one of the best matches of the year," the '
            '14th-ranked Schwartzman said.')
    assert said(quotes_of(body), "end of the season").speaker.endswith("Schwartzman")


def test_a_participle_after_the_quote_is_skipped_for_the_attribution_after_its_comma(quotes_of):
    body = ("Two people briefed on the talks said a deal was close.\n\n"
            '"The president wants the option of having a bigger deal with China. Bigger than just the little deal" '
            "announced in October, said Derek Scissors, a China scholar with the American Enterprise Institute.")
    quote = said(quotes_of(body), "president wants")
    assert (quote.speaker, quote.speaker_basis) == ("Derek Scissors", "subject")


def test_the_source_of_a_noun_of_speech_is_the_speaker_of_the_words_it_quotes(quotes_of):
    body = ("As leaked documents have shown, the detentions originated in directives from President Xi Jinping to "
            "“show absolutely no mercy” in the campaign.")
    quote = said(quotes_of(body), "no mercy")
    assert (quote.speaker, quote.speaker_basis) == ("Xi Jinping", "according_to")
    assert body[quote.speaker_start : quote.speaker_end] == "Xi Jinping"


def test_a_name_given_by_a_naming_verb_is_a_nickname_and_a_judgement_called_is_speech(quotes_of):
    quotes = quotes_of('Many have long called the narrow, rattling span "the Washboard." Commissioner Paul Ostrowski '
                       'called the ferry plan "a start, not a solution" on Tuesday.')
    assert said(quotes, "Washboard").kind == "scare"
    assert (said(quotes, "a start").kind, said(quotes, "a start").speaker) == ("direct", "Paul Ostrowski")


def test_quotes_listed_beside_a_chanted_slogan_are_slogans_too(quotes_of):
    quotes = quotes_of('Parents chanted "Save our schools!" and "Vote them out!" as board members took their seats.')
    assert [q.kind for q in quotes] == ["slogan", "slogan"]


def test_a_title_with_an_ampersand_or_after_entitled_is_a_title(quotes_of):
    quotes = quotes_of("Lucy Harrow claims the host lifted six of her dishes for his bestselling cookbook “Smoke & Salt”. "
                       "The installation – entitled ‘Jewels after Jewels after Jewels’ – opens in April, she said.")
    assert said(quotes, "Smoke").kind == "title"
    assert said(quotes, "Jewels").kind == "title"


def test_a_run_of_quoted_paragraphs_is_named_after_it_and_a_term_in_the_prose_before_is_not(quotes_of):
    body = ('"No, ma\'am. I never went up," Teague answered.\n\n'
            'Parents later took to calling the building "the cardboard gym."\n\n'
            '"I trusted him. My kids went to that school."\n\n'
            "Those were the words of Danielle Fry, whose two sons attended Garfield, as she left the courtroom.")
    quotes = quotes_of(body)
    assert said(quotes, "I trusted him").speaker == "Danielle Fry"  # the model takes "Danielle" for a place
    assert said(quotes, "cardboard").kind == "scare"


def test_a_roundup_head_may_hold_a_quoted_title(quotes_of):
    body = ("Here is what reviewers are saying.\n\n"
            "Pete Sandoval, on his podcast “Binge Theory”: “I watched all eight in one night. I regret nothing.”")
    quotes = quotes_of(body)
    assert said(quotes, "Binge").kind == "title"
    assert (said(quotes, "all eight").speaker, said(quotes, "all eight").speaker_basis) == ("Pete Sandoval", "roundup")


def test_a_colon_line_gives_the_words_to_whom_a_message_comes_from_or_to_the_sender_of_what_it_read(quotes_of):
    body = ("Later in the hour, Park read him a text message from a listener: “My kids had measles in 1985 and they’re fine.”\n\n"
            "Dean of Students Dr. Keith Albrecht announced the decision in an email sent to all undergraduates at 11:52 a.m. "
            "It read, in part:\n\n"
            '"After consulting with campus police and the city fire marshal, we have concluded that the event cannot go forward."')
    quotes = quotes_of(body)
    assert _credited(body, said(quotes, "measles")) == "unnamed: a listener"
    assert (said(quotes, "campus police").speaker, said(quotes, "campus police").speaker_basis) == ("Keith Albrecht", "intro")


def test_texted_reports_speech(quotes_of):
    body = 'As one Republican staffer texted me on Thursday night: "We don\'t have the votes."'
    quote = said(quotes_of(body), "votes")
    assert (quote.speaker_basis, _credited(body, quote)) == ("subject", "unnamed: one Republican staffer")


def test_a_description_with_the_name_beside_it_in_commas_is_that_person(quotes_of):
    body = ("Everyone called him Mike. According to his aunt, Jane Starner, “He was brilliant from the start, reading "
            "at an adult level when he was in kindergarten.”")
    quote = said(quotes_of(body), "brilliant")
    assert (quote.speaker, quote.speaker_basis) == ("Jane Starner", "according_to")


def test_a_name_the_model_ran_into_the_reporting_verb_after_it_is_still_the_speaker(quotes_of, nlp):
    body = ("Teresa Nielsen Hayden and her husband Patrick Nielsen Hayden edited him for years.\n\n"
            "Even if Ford had found a larger audience, though, his health problems would have kept his finances thin. "
            "“All it took was one bad infection and Mike would wipe out every penny he had,” Teresa Nielsen Hayden "
            "explained.")
    assert said(quotes_of(body), "bad infection").speaker == "Teresa Nielsen Hayden"


def test_of_two_people_a_description_fits_it_is_the_one_last_the_subject(quotes_of):
    body = ("Ridgeway coach Vic Amato praised the shot.\n\n"
            'St. Anselm coach Terrence Boyd did not hide his frustration. "I\'ll watch the film first," Boyd said.\n\n'
            "Amato said he had called his mother, who listened to the game on the radio.\n\n"
            '"She said that boy is going to make me famous," the coach said with a laugh.')
    assert said(quotes_of(body), "make me famous").speaker == "Vic Amato"


def test_a_pronoun_goes_to_the_only_person_named_before_it_in_its_sentence_not_to_one_spoken_to(quotes_of):
    body = ("Justice Carla Fenn wrote for the majority.\n\n"
            "The dissent, by Justice Owen Marsh, is worth reading too, if only for the passage in which he accuses the "
            "majority of “rewriting the Constitution with an eraser.”\n\n"
            "Student Government President Aaliyah Mercer was among the first to respond. In an interview with the "
            "Orbit's news editor, Jonah Pell, she said students had been “treated like children by people who never asked us.”")
    quotes = quotes_of(body)
    assert said(quotes, "eraser").speaker == "Owen Marsh"
    assert said(quotes, "treated like children").speaker == "Aaliyah Mercer"


def test_that_said_is_a_turn_of_phrase_and_the_verb_after_it_reports(quotes_of):
    body = ('Heroin also crosses the Canadian border. That said, the DEA says that the southwestern border with Mexico '
            '"remains the primary entry point for heroin into the United States."')
    assert said(quotes_of(body), "primary entry point").speaker == "DEA"


def test_the_statement_is_the_words_of_whoever_reported_through_it_just_before(quotes_of):
    body = ("Two American service members were killed in a helicopter crash in Afghanistan, the US military said in a "
            "statement on Wednesday.\n\n"
            '"The cause of the crash is under investigation, however preliminary reports do not indicate it was caused '
            'by enemy fire," the statement said.')
    quote = said(quotes_of(body), "cause of the crash")
    assert "military" in quote.speaker and quote.speaker_basis == "subject"


def test_in_the_words_of_names_the_source_and_ordered_reports_speech(quotes_of):
    body = ("Here is how bad things got in the words of the patient: “Two months after the onset of the "
            "symptoms, I was unable to walk up the stairs.”\n\n"
            '"Hands! Let me see your hands!" an officer ordered.')
    quotes = quotes_of(body)
    # one person given by a description names no one: the description is the row's evidence (speakers57)
    assert _credited(body, said(quotes, "stairs")) == "unnamed: the patient"
    assert _credited(body, said(quotes, "Hands!")) == "unnamed: an officer"


def test_a_description_owned_by_another_is_someone_new_not_a_person_named_before(quotes_of):
    body = ("Michael Webb is accused of running over the young woman after a fight.\n\n"
            'The victim\'s mother testified, describing her daughter as "brave, strong, and smart" before the jury.')
    # never named: the description is kept as evidence of an unnamed speaker (speakers._owned_unnamed), not a name
    assert _credited(body, said(quotes_of(body), "brave")) == "unnamed: The victim's mother"


def test_a_roundup_head_with_no_entity_tagged_names_its_source_by_its_proper_nouns(quotes_of):
    body = ("Here’s what reviewers are saying.\n\n"
            "“Handsome, moody and about three episodes too long.” — Jamal Whitaker, The Sunday Review\n\n"
            "Greta Lindholm (Culture Desk): “Alder writes women better than almost anyone working.”")
    assert said(quotes_of(body), "Alder writes").speaker == "Greta Lindholm"


def test_a_new_sentence_after_a_quote_whose_verb_leads_the_next_quote_does_not_attribute_the_first(quotes_of):
    body = ("“The thing with Elise bothered” Ford’s family, Jane Starner said. “I don’t know whether they were "
            "completely estranged before that or not.” But either way, at some point, Ford’s father told Starner that "
            "“the only way I know he’s alive is because he cashes the checks I send.”")
    assert said(quotes_of(body), "completely estranged").speaker == "Jane Starner"


def test_a_name_left_as_the_root_of_a_verbless_parse_is_the_subject_of_the_verb_after_its_comma(quotes_of):
    body = ("Political scientist Lara Brown of George Washington University said the theme was familiar. Brown, who "
            "has studied rally rhetoric since 2016, called the event “a greatest-hits album.” Hours later, the "
            "professor added in an email that the slogans “work because they are short, not because they are true.”")
    quote = said(quotes_of(body), "greatest-hits")
    assert (quote.kind, quote.speaker, quote.cue) == ("direct", "Lara Brown", "called")


def test_a_verbless_colon_line_naming_words_by_their_owners_pronoun_introduces_the_owner(quotes_of):
    body = ("11:48 p.m. — Nadia Ferreira has declared victory. Her supporters are chanting her campaign line as she "
            "takes the stage. Her first words:\n\n"
            "“Bayport, you did this. Not me, not the consultants, not the money. You.”")
    quote = said(quotes_of(body), "you did this")
    assert (quote.speaker, quote.speaker_basis) == ("Nadia Ferreira", "intro")


def test_related_reports_speech_and_the_man_of_a_case_report_stays_anonymous(quotes_of):
    body = ("Dr. Owen Dempsey, who wrote the case report, said such cases are rare. According to the man, the "
            "steroids “had a transformative effect within 2 days.”\n\n"
            "Eventually everything turned to normal for the man. As he related, “the course of steroids continued "
            "ultimately for 12 months, with a gradual reduction in dose over time.”")
    quote = said(quotes_of(body), "course of steroids")
    assert (_credited(body, quote), quote.cue) == ("unnamed: the man", "related")


def test_what_a_copula_says_a_person_is_tells_their_gender(quotes_of):
    body = ("A New York man pleaded guilty Monday to threatening to kill U.S. Rep. Ilhan Omar, prosecutors said.\n\n"
            "Patrick W. Carlineo Jr., 55, of Addison, pleaded guilty to threatening to assault and murder a United "
            "States official.\n\n"
            "Carlineo faces a maximum of 10 years in prison.\n\n"
            "He was arrested in April for the call to the offices of Omar.\n\n"
            "Omar is one of the first two Muslim women elected to Congress.\n\n"
            'The staff member who reported the call recalled that he said, "I\'ll put a bullet in her skull," the '
            "U.S. attorney's office said.")
    assert said(quotes_of(body), "bullet").speaker == "Patrick W. Carlineo Jr."


def test_a_reporting_verb_in_a_relative_clause_before_the_quote_is_not_its_cue(quotes_of):
    body = ("Carla Moreno added that her brother had written to their father before he died, and the letter "
            "Tomas wrote was “warm and forgiving.”")
    quote = said(quotes_of(body), "warm and forgiving")
    assert (quote.speaker, quote.speaker_basis, quote.cue) == ("Carla Moreno", "subject", "added")


def test_a_verb_presenting_someone_as_the_quoted_words_makes_them_its_subjects(quotes_of):
    body = ("Angela Ruiz introduced the new director to the board as “someone who has rebuilt every team she "
            "has touched.”")
    quote = said(quotes_of(body), "rebuilt every team")
    assert (quote.speaker, quote.speaker_basis, quote.cue) == ("Angela Ruiz", "subject", "introduced")
    assert body[quote.speaker_start : quote.speaker_end] == "Angela Ruiz"


def test_a_verb_of_opinion_with_as_does_not_make_a_term_speech(quotes_of):
    body = "The company keeps messages on the phone, a design choice which Apple views as “a basic human right.”"
    [quote] = quotes_of(body)
    assert quote.kind == "scare"


def test_a_pronoun_continues_the_person_the_sentence_before_calls_by_the_same_pronoun(quotes_of):
    body = ("Paul Okafor painted for forty years. He drew on every napkin in every restaurant.\n\n"
            "“He would make art anywhere,” Gaiman told me. When Okafor visited his agent Dana Whitcombe at her "
            "office, he left sketches on her desk for her to find. “He never once signed them,” she recalled.")
    quote = said(quotes_of(body), "never once signed")
    assert (quote.speaker, quote.speaker_basis) == ("Dana Whitcombe", "subject")
    assert body[quote.speaker_start : quote.speaker_end] == "she"
    assert body[quote.speaker_name_start : quote.speaker_name_end] == "Dana Whitcombe"


def test_a_pronoun_chain_reaches_the_one_person_named_in_the_sentence_before(quotes_of):
    body = ("“It was a fair deal,” Laura Benn said at the time. When the sale finally closed, I thought of Rachel "
            "Stein. Still angry about the contract, how would she take it?\n\n"
            "“I am relieved, more than anything,” she replied in an email.")
    quote = said(quotes_of(body), "relieved")
    assert quote.speaker == "Rachel Stein"


def test_two_people_who_fit_the_pronoun_before_leave_the_subject_rule_to_decide(quotes_of):
    body = ("Maria Lopez said the council had failed. Later Ana Ruiz and Carmen Diaz met her at the hall.\n\n"
            "“We were never asked,” she said.")
    quote = said(quotes_of(body), "never asked")
    assert quote.speaker == "Maria Lopez"


@pytest.mark.parametrize("definition", [
    "The group, Riverside Tenants Union, formed last spring and has since filed two complaints.",
    "Riverside Tenants Union, the group behind the protests, formed last spring.",
])
def test_a_description_stands_for_the_organisation_once_written_in_apposition_to_it(quotes_of, definition):
    body = (f"{definition} Harbor Properties said on Monday that it had met every obligation.\n\n"
            "In a separate statement, the group added that the landlord “has ignored every request for repairs "
            "since the summer.”")
    quote = said(quotes_of(body), "ignored every request")
    assert (quote.speaker, quote.speaker_basis) == ("Riverside Tenants Union", "subject")


def test_a_reporting_verb_in_the_clause_hung_on_a_verbless_sentences_noun_has_that_noun_as_subject(quotes_of):
    body = ("The group, Riverside Tenants Union, formed in March and sent a letter to the board last week stating "
            "that its members “will not accept another delay on the repairs.”")
    quote = said(quotes_of(body), "will not accept")
    assert (quote.speaker, quote.speaker_basis) == ("Riverside Tenants Union", "subject")


@pytest.mark.parametrize("scene", [
    "At the barricade, a woman in a pickup rolled down her window and shouted, “Just open it back up, please!”",
    "Someone in the bleachers yelled “You should all be ashamed of this!” as the vote was called.",
])
def test_a_passer_by_is_speech_with_no_speaker(quotes_of, scene):
    body = f"The council voted 4-1 to close the bridge on Monday.\n\n{scene}"
    [quote] = quotes_of(body)
    assert (quote.kind, quote.speaker, quote.speaker_basis) == ("direct", None, "subject")
    assert _credited(body, quote) in ("unnamed: a woman in a pickup", "unnamed: Someone in the bleachers")


@pytest.mark.parametrize("body, speaker", [
    ("The video shows officers racing up the stairs.\n\n“Police! Open the door! We’re coming in!” an officer shouts.",
     "unnamed: an officer"),
    ("Neil Gaiman still bemoans that his publisher “should have marketed it like a literary thriller, not fantasy.”",
     "Neil Gaiman"),
])
def test_shouting_and_bemoaning_report_speech(quotes_of, body, speaker):
    [quote] = quotes_of(body)
    assert (quote.kind, _credited(body, quote), quote.speaker_basis) == ("direct", speaker, "subject")


def test_an_age_epithet_is_the_person_the_story_gives_that_age(quotes_of):
    body = ("Officers arrested Daniel Ortega, 45, outside the depot on Friday. His neighbour Peter Walsh, 62, "
            "called the police after hearing shouts.\n\n"
            "Walsh was treated for smoke inhalation. “I never meant to hurt anyone,” the 45-year-old said.")
    quote = said(quotes_of(body), "never meant to hurt")
    assert (quote.speaker, quote.speaker_basis) == ("Daniel Ortega", "subject")


def test_an_epithet_no_one_is_given_stands_for_the_person_the_story_is_about(quotes_of):
    body = ("Jose Mourinho has agreed a deal to replace Mauricio Pochettino as Tottenham's manager.\n\n"
            "Pochettino was sacked last night after five years in charge.\n\n"
            "The Portuguese boss had been out of work since December.\n\n"
            "The 56-year-old said after his appointment: “I am excited to be joining a club with such a heritage.”")
    quote = said(quotes_of(body), "excited to be joining")
    assert (quote.speaker, quote.speaker_basis) == ("Jose Mourinho", "subject")


def test_an_embedded_post_between_two_paragraphs_of_a_statement_does_not_end_its_run(quotes_of):
    body = ("Harbor City FC said in a statement: “Ana is one of the most accomplished coaches in the game.\n\n"
            "“She has won titles in three countries and built two academies.\n\n"
            "Club statement\n\n"
            "— Harbor City FC (@HarborCityFC) November 20, 2019\n\n"
            "“She joins us with the full support of the board and the players.”")
    quote = said(quotes_of(body), "full support of the board")
    assert (quote.speaker, quote.speaker_basis) == ("Harbor City FC", "continued")


def test_prose_between_two_quoted_paragraphs_still_ends_the_run(quotes_of):
    body = ("Harbor City FC said in a statement: “Ana is one of the most accomplished coaches in the game.”\n\n"
            "The club has lost four of its last five matches and sits tenth in the table this season.\n\n"
            "“She joins us with the full support of the board and the players.”")
    quote = said(quotes_of(body), "full support of the board")
    assert quote.speaker is None


def test_a_signature_on_the_line_below_and_a_masked_reviewer_name_are_the_source(quotes_of):
    quotes = quotes_of("Here is what visitors wrote after the show:\n\n"
                       "“The lighting was lovely and the seats were comfortable.”\n\n"
                       "– Sar**\n\n"
                       "“We laughed the whole way through and stayed for the encore.”\n\n"
                       "– Jonathan Pike")
    first, second = said(quotes, "lighting was lovely"), said(quotes, "laughed the whole way")
    assert (first.speaker, first.speaker_basis) == ("Sar**", "roundup")
    assert (second.speaker, second.speaker_basis) == ("Jonathan Pike", "roundup")


def test_a_spaced_hyphen_trailer_and_a_dash_ended_head_name_the_source(quotes_of):
    quotes = quotes_of("The reviews are in.\n\n"
                       "Helen Strand, The Evening Post — “A bold score that never settles into a rhythm.”\n\n"
                       "“Loud, long and oddly moving.” - Victor Lemaire, on his blog")
    assert said(quotes, "bold score").speaker == "Helen Strand"
    assert said(quotes, "oddly moving").speaker == "Victor Lemaire"


def test_a_run_after_a_roundup_line_is_named_after_it_not_by_the_line(quotes_of):
    body = ("Critics were split.\n\n"
            "Nora Quill, The Daily Ledger: “Too long by half.”\n\n"
            "“We built this for people who love the genre. Give them time.”\n\n"
            "That was producer Samuel Okafor, speaking at the premiere on Friday.")
    quote = said(quotes_of(body), "love the genre")
    assert (quote.speaker, quote.speaker_basis) == ("Samuel Okafor", "named_after")


@pytest.mark.parametrize("after", [
    "That memory came from the actor Philip Gorman, who worked with her for a decade.",
    "Those are the words of former Dunmore United defender Philip Gorman, 31, speaking for the first time.",
    "Philip Gorman made the comments on a podcast on Tuesday.",
])
def test_a_run_of_quoted_paragraphs_named_after_it_in_other_forms(quotes_of, after):
    body = ("The club announced the news on Monday.\n\n"
            "“I was not ready to stop.\n\n"
            "“But the body decides, not the heart.”\n\n" + after)
    quotes = quotes_of(body)
    assert [said(quotes, w).speaker for w in ("not ready to stop", "body decides")] == ["Philip Gorman"] * 2


@pytest.mark.parametrize("intro, speaker", [
    pytest.param("The first to testify, nurse Alma Reyes, addressed the panel directly:", "Alma Reyes",
                 marks=pytest.mark.xfail(reason="the small model leaves 'Alma Reyes' untagged in this passage; the "
                                                "rule needs a PERSON mention (fresh3's Tate and Baca are tagged)")),
    ("Janet Olsen, who lives on the corner, said she had phoned the police twice this year about the noise:",
     "Janet Olsen"),
])
def test_a_colon_intro_names_the_person_in_its_subject_or_of_its_main_reporting_verb(quotes_of, intro, speaker):
    body = ("The hearing ran late into the evening.\n\n" + intro + "\n\n"
            "“Nobody here has been listening to us for years, and it shows in every ward.”")
    quote = said(quotes_of(body), "Nobody here has been listening")
    assert (quote.speaker, quote.speaker_basis) == (speaker, "intro")


def test_a_colon_intro_by_a_spokeswoman_keeps_the_voice_and_a_person_she_speaks_for_is_not_the_speaker(quotes_of):
    body = ("Minister Paul Drake said the strike was regrettable.\n\n"
            "A spokeswoman for Drake put it more bluntly:\n\n"
            "“The offer on the table is the best in years and the union knows it.”")
    quote = said(quotes_of(body), "offer on the table")
    # a person's spokeswoman never named is unnamed (fresh9's convention), the voice kept as evidence
    assert quote.speaker_basis == "intro" and "spokeswoman" in _credited(body, quote) and quote.speaker_entity_id is None


def test_a_description_with_a_team_in_it_is_the_person_the_paragraph_began_with(quotes_of):
    body = ("Mark Kettle scored the winner from the spot.\n\n"
            "Coach Helen Ward said the team had earned it.\n\n"
            "Kettle was more modest. “It was a team goal,” the Rovers skipper said.")
    quote = said(quotes_of(body), "team goal")
    assert (quote.speaker, quote.speaker_basis) == ("Mark Kettle", "subject")


@pytest.mark.xfail(reason="the small model does not tag 'Dwayne Ortiz' after 'Capt.' in this short passage; fresh3's is")
def test_an_owned_description_is_only_the_person_given_that_title(quotes_of):
    body = ("Sheriff's Capt. Dwayne Ortiz is coordinating volunteers. Reporter Lisa Chan asked him about the cold.\n\n"
            "“It is a factor, but not the only one,” the sheriff's captain said.")
    quote = said(quotes_of(body), "a factor")
    assert quote.speaker == "Dwayne Ortiz"


def test_a_job_noun_after_a_quote_with_its_article_names_a_speaker_not_a_work(quotes_of):
    body = ("The play's lead, Tomasz Brand, was more blunt. “Audiences want their comedies shorter these days,” the "
            "actor said. “This one isn’t.”")
    quote = said(quotes_of(body), "Audiences want")
    assert quote.kind == "direct"


def test_words_a_marquee_carries_after_a_colon_are_a_slogan(quotes_of):
    body = ("The theatre closed for the night in her honour. Its marquee carried four words: “Goodbye, Jean. Lights out.”")
    [quote] = [q for q in quotes_of(body) if "Goodbye" in q.text]
    assert quote.kind == "slogan" and quote.speaker is None


def test_repeated_reports_the_words(quotes_of):
    body = "Mr. Hale said the county would consider a voucher plan.\n\n“A voucher plan,” Ada Quill repeated when she was told."
    quote = said(quotes_of(body), "A voucher plan")
    assert (quote.speaker, quote.speaker_basis) == ("Ada Quill", "subject")


@pytest.mark.parametrize("body, speaker", [
    ("Mayor Ellen Park spoke at noon. After previously lying that nobody on her staff had met the developer "
     "(“We have never met him or his lawyers”) — she now admits two meetings.", "Ellen Park"),
    ("When council critics are reduced to lecturing the town that “every delay is the union's own fault,” the "
     "talks are over.", "council critics"),
    ("Once the speeches drag on, even the crowd gets restless and begins yelling “Resign now!”", "the crowd"),
])
def test_a_verb_of_speech_without_a_subject_takes_the_subject_that_controls_it(quotes_of, body, speaker):
    [quote] = quotes_of(body)
    assert (quote.kind, quote.speaker_basis) == ("direct", "subject")
    assert speaker in quote.speaker


@pytest.mark.parametrize("body, speaker", [
    ("Voters are tired. The more the people shrug and think, “Enough already, just vote.”", "the people"),
    ("Mayor Ellen Park believes that the more noise she makes, the more the collective public will fall silent, "
     "cover its ears, and scream, “Make it all stop.”", "the collective public"),
])
def test_a_verb_running_into_the_quote_through_a_comma_introduces_it_and_a_group_stays_a_group(quotes_of, body,
                                                                                                speaker):
    [quote] = quotes_of(body)
    assert (quote.speaker, quote.speaker_basis) == (speaker, "subject")


def test_words_quoted_inside_what_a_speech_was_about_are_not_what_wassaid(quotes_of):
    [quote] = quotes_of("Senator Lee has already lied about his staff’s prior contacts with the “whistleblower,” "
                        "and the committee knows it.")
    assert quote.kind == "scare"


@pytest.mark.parametrize("authors, speaker", [(["Pamela Wilson"], "Pamela Wilson"), ([], None),
                                              (["Pamela Wilson", "Tom Hale"], None)])
def test_i_outside_quotation_marks_is_the_one_author_the_page_names(nlp, make_doc, authors, speaker):
    body = ("I put the course on my credit card in 2010. And when I made that investment, I was telling myself, "
            "“This dream matters. This dream is going to become a reality.”")
    doc = make_doc("blog", body)
    doc.authors = authors
    [quote] = [q for q in extract_facts([doc], nlp).quotes if q.kind == "direct"]
    assert quote.speaker == speaker


def test_a_name_the_model_calls_a_place_followed_by_who_is_a_person(quotes_of):
    body = ("Grant Sabatier retired at 30. “It gives you flexibility,” he wrote.\n\n"
            "Tommy — who only goes by his first name online — retired nearly 10 years ago at age 51. He never "
            "earned a six-figure salary, he wrote in a blog post.\n\n"
            "“So much of our having a great retirement is mental,” he wrote.")
    assert said(quotes_of(body), "great retirement").speaker == "Tommy"


def _parsed(words, heads, deps, tags):
    """A hand-made parse, for the rules that repair the parser's mistakes (the model's are not reproducible)."""
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags)


def test_a_name_the_parse_made_an_adverb_before_a_subjectless_verb_is_its_subject():
    from newsfacts.facts.speakers import name_as_adverb

    # "but Early still says Ubisoft are believers": Early <- still <- says, which has no subject
    doc = _parsed(["but", "Early", "still", "says", "Ubisoft", "are", "believers"], [3, 2, 3, 3, 5, 3, 5],
                  ["cc", "advmod", "advmod", "ROOT", "nsubj", "ccomp", "attr"], ["CC", "RB", "RB", "VBZ", "NNP", "VBP", "NNS"])
    assert name_as_adverb(doc[1]).i == 3
    # "Early on, Smith says": the verb has a subject of its own
    doc = _parsed(["Early", "Smith", "says", "so"], [2, 2, 2, 2], ["advmod", "nsubj", "ROOT", "advmod"],
                  ["RB", "NNP", "VBZ", "RB"])
    assert name_as_adverb(doc[0]) is None


def test_a_reporting_verb_after_its_clause_has_the_noun_phrase_after_it_as_subject():
    from newsfacts.facts.quotes import _inverted_subject

    # "Marsh was in charge, said another witness, Helen Crane" with the witness parsed as the object
    words = ["Marsh", "was", "in", "charge", ",", "said", "another", "witness", ",", "Helen", "Crane"]
    doc = _parsed(words, [1, 5, 1, 2, 5, 5, 7, 5, 7, 10, 7],
                  ["nsubj", "ccomp", "prep", "pobj", "punct", "ROOT", "det", "dobj", "punct", "compound", "appos"],
                  ["NNP", "VBD", "IN", "NN", ",", "VBD", "DT", "NN", ",", "NNP", "NNP"])
    start, end = _inverted_subject(doc[5])
    assert doc.text[start:end] == "another witness , Helen Crane"
    told = _parsed([*words[:5], "told", *words[6:]], [1, 5, 1, 2, 5, 5, 7, 5, 7, 10, 7],
                   ["nsubj", "ccomp", "prep", "pobj", "punct", "ROOT", "det", "dobj", "punct", "compound", "appos"],
                   ["NNP", "VBD", "IN", "NN", ",", "VBD", "DT", "NN", ",", "NNP", "NNP"])
    assert _inverted_subject(told[5]) is None  # "..., told another witness": the hearer


@pytest.mark.parametrize("body, words", [
    ("You want to share your expertise with the world, but you’re secretly terrified to “put yourself out there” "
     "on a stage.", "put yourself out there"),
    ("“Become a community leader” sounds like a tall order. But it doesn’t have to be!", "Become a community leader"),
])
def test_a_phrase_the_sentence_uses_as_its_own_part_is_not_speech(quotes_of, body, words):
    assert said(quotes_of(body), words).kind == "scare"


def test_what_a_company_is_written_before_its_untagged_name_is_its_role(quotes_of):
    title, quote = quotes_of("A new game is coming out after 12 years. Developer Valve called 'Half Life: Alyx' "
                             "\"a flagship VR game.\"")
    assert (title.text, title.kind, quote.kind) == ("Half Life: Alyx", "title", "direct")
    assert (quote.speaker, quote.speaker_role) == ("Valve", "Developer")


@pytest.mark.parametrize("text, role, name", [("retailer Target", "retailer", "Target"),
                                              ("the Japanese carmaker Toyota Motor", "the Japanese carmaker", "Toyota Motor")])
def test_an_organisation_role_before_a_name_splits_into_role_and_name(text, role, name):
    from newsfacts.facts.lexicon import lexicon

    found = lexicon().organisation_role_re.match(text)
    assert (found.group("role"), found.group("name")) == (role, name)
    assert lexicon().organisation_role_re.match("Walter Smith") is None


@pytest.mark.parametrize("named, speaker", [
    ("Lt. Cmdr. Dana Price told lawmakers it was her duty to report her concerns about the order.", "Dana Price"),
    ("Sen. Mark Hale told reporters the hearing would go on for a week.", "a career Navy officer"),
])
def test_an_indefinite_description_is_the_person_the_next_sentence_names_with_a_title_of_its_kind(quotes_of, named,
                                                                                                 speaker):
    [quote] = quotes_of("The hearing follows the testimony Tuesday of four officials, including a career Navy "
                        f"officer who described the order as “improper.”\n\n{named}")
    assert quote.speaker == speaker


def test_a_verb_that_is_not_one_of_thought_or_voice_does_not_introduce_the_quote_after_its_comma(quotes_of):
    [quote] = quotes_of("Ellen Park opened the fair on Saturday. By noon the queue reached the river and the mood "
                        "soured, “We have waited three hours for nothing at all.”")
    assert quote.speaker is None


@pytest.mark.parametrize("after", [
    "So says Philip Gorman, the club's longest-serving player, who retires this week.",
    "So wrote Philip Gorman in a letter to supporters on Monday.",
    "The words belong to Philip Gorman, who retires this week.",
    "Those words came from Philip Gorman-Reyes, who retires this week.",
])
def test_a_run_named_after_it_wins_over_the_last_speaker_going_on(quotes_of, after):
    body = ("Coach Ellen Marsh said the squad would miss him. “He set the standard,” Marsh said.\n\n"
            "“I was not ready to stop.\n\n"
            "“But the body decides, not the heart.”\n\n" + after)
    quotes = quotes_of(body)
    speakers = [said(quotes, w).speaker for w in ("not ready to stop", "body decides")]
    assert speakers == ["Philip Gorman-Reyes" if "Reyes" in after else "Philip Gorman"] * 2
    assert said(quotes, "set the standard").speaker == "Ellen Marsh"


def test_a_run_named_after_it_by_a_description_is_the_described_persons(quotes_of):
    body = ("Superintendent Margaret Ellison told parents on Monday that the new policy would start in January.\n\n"
            "Parents were divided over the plan.\n\n"
            "“Nobody is taking anything away from a child who needs help. That was never the idea.”\n\n"
            "So says the superintendent, who will meet parents next week.")
    quote = said(quotes_of(body), "Nobody is taking")
    assert (quote.speaker, quote.speaker_basis) == ("Margaret Ellison", "named_after")


@pytest.mark.parametrize("after, speaker", [
    ("Martha Oyelowo, 52, spoke for about ten minutes from the steps of the town hall.", "Martha Oyelowo"),
    ("Shopkeeper Martha Oyelowo, whose window was smashed twice, told the Herald she was relieved.", "Martha Oyelowo"),
    ("Martha Oyelowo, 52, has run the shop on the corner for thirty years.", None),
])
def test_a_run_takes_the_subject_of_the_next_paragraph_when_its_verb_reports_speech(quotes_of, after, speaker):
    body = ("The council voted on Tuesday night to keep the market open.\n\n"
            "“We fought for this for two years, and tonight we won it.\n\n"
            "“Now the real work starts on Monday morning.”\n\n" + after)
    assert said(quotes_of(body), "real work starts").speaker == speaker


def test_a_lede_of_quoted_paragraphs_takes_the_person_the_next_paragraph_is_about(quotes_of):
    body = ("HALDEN — “For two years we sold only to each other, and the fruit rotted on the trees.\n\n"
            "“Now we sell to the whole valley again.”\n\n"
            "Yusuf Karaman, 60, has kept a spice stall in the market since before the border closed.")
    quotes = quotes_of(body)
    assert [said(quotes, w).speaker for w in ("sold only", "whole valley")] == ["Yusuf Karaman"] * 2


def test_a_word_in_the_lede_is_not_given_to_the_person_of_the_next_paragraph(quotes_of):
    body = ("A chef has been accused of “stealing” the recipes that made him famous.\n\n"
            "Lucy Harrow, 52, who ran the café where he washed pots, claims he lifted six of her dishes.")
    [quote] = [q for q in quotes_of(body) if q.text.startswith("stealing")]
    assert quote.kind != "direct" or quote.speaker is None


@pytest.mark.parametrize("body, words, speaker", [
    ("Karen Ostrowski resigned two weeks after the fire. Her resignation letter says she could “no longer work for "
     "a company that treats every warning as paperwork.”", "no longer work", "Karen Ostrowski"),
    ("Mr. Lyle Ashdown’s letter of Nov. 28 described the proposed bypass as “the best thing to happen to this town "
     "since the railway.”", "best thing", "Lyle Ashdown"),
    ("Someone left the book on my desk with a sticky note that said “For inspiration and for courage, always.” I "
     "still don’t know who.", "For inspiration", None),
])
def test_a_written_text_speaks_for_its_writer(quotes_of, body, words, speaker):
    quote = said(quotes_of(body), words)
    assert quote.speaker == speaker


def test_a_title_stands_for_the_person_named_with_its_long_form(quotes_of):
    body = ("Chief executive Dolores Quintana opened the call on Wednesday. Analyst Rupa Chatterjee asked Quintana "
            "whether the company was buying growth.\n\n"
            "“I understand the concern,” the CEO answered. “Traffic was up 4 percent.”")
    quotes = quotes_of(body)
    assert [said(quotes, w).speaker for w in ("understand the concern", "Traffic was up")] == ["Dolores Quintana"] * 2


def test_a_question_pressed_is_the_askers(quotes_of):
    body = ("Analyst Rupa Chatterjee asked Dolores Quintana whether the company could keep its shoppers.\n\n"
            "“Longer than you think,” Quintana said.\n\n"
            "“For how long, though?” Chatterjee pressed.")
    assert said(quotes_of(body), "For how long").speaker == "Rupa Chatterjee"


def test_a_name_the_model_calls_a_place_followed_by_an_age_and_who_is_a_person(quotes_of):
    body = ("The prosecutor, Sofia Ferreira, questioned the landlord for an hour.\n\n"
            "Among the witnesses was Yolanda Price, 71, who lived on the fourth floor with her grandson. She "
            "testified that she slept in her coat. “I put his winter hat on him at night,” she said of the boy.")
    assert said(quotes_of(body), "winter hat").speaker == "Yolanda Price"


@pytest.mark.parametrize("line, words, speaker", [
    ("Martin Hale, retired, Eastfield: “Good luck to the drivers. I just wish they had picked a dry day.”",
     "Good luck", "Martin Hale"),
    ("Councillor Peter Nwosu, leader of Marlowe Borough Council, where the show is filmed: “We will be asking the "
     "corporation to keep the studios open.”", "keep the studios", "Peter Nwosu"),
    ("“I joined at 19. I’m leaving at 57.” — Maureen Tully, who played barmaid Dot Ferris, speaking to the Evening Post",
     "joined at 19", "Maureen Tully"),
])
def test_a_roundup_source_may_carry_a_relative_clause_or_a_one_word_description(quotes_of, line, words, speaker):
    body = "Here is a selection of what people said on Tuesday.\n\n" + line
    quote = said(quotes_of(body), words)
    assert (quote.speaker, quote.speaker_basis) == (speaker, "roundup")


def test_a_sentence_before_a_colon_is_no_roundup_source(quotes_of):
    body = ("Marcus Bell, who runs the bakery, said he was tired:\n\n“We have waited three years for this road.”")
    quote = said(quotes_of(body), "waited three years")
    assert (quote.speaker, quote.speaker_basis) == ("Marcus Bell", "intro")


def test_a_text_without_a_possessor_is_the_words_of_whoever_sent_it(quotes_of):
    body = ("Amazon shares rose on Friday. The company published a blog post that said it would “open the whole "
            "catalogue to listeners without a membership.”")
    assert said(quotes_of(body), "open the whole").speaker == "Amazon"


def test_i_in_a_transcript_is_the_person_whose_label_opens_the_paragraph(quotes_of):
    body = ("The following is an excerpt from the hearing, at which Cordell Gas chief executive Raymond Voight was "
            "questioned by Sen. Lorna Hadley.\n\n"
            "SEN. HADLEY: And what did you do?\n\n"
            "VOIGHT: I forwarded it to our engineering team with a note that said, “Please assess and advise.” "
            "That is our standard process.")
    assert said(quotes_of(body), "Please assess").speaker == "Raymond Voight"


def test_the_one_asking_is_not_who_he_points_at(quotes_of):
    body = ("Union organiser Declan Foyle has been speaking to Radio Vellmouth’s Sunita Rao. Asked by Rao whether "
            "there was any give in the union’s position, he said: “There’s always room, if the other side brings "
            "something new to the table.”")
    assert said(quotes_of(body), "always room").speaker == "Declan Foyle"


def test_a_nationality_alone_is_the_person_it_describes_not_the_nation(quotes_of):
    body = ("Substitute Luca Ferrante pulled one back with a deflected strike.\n\n"
            "Ferrante, whose goal changed the game, told Radio Caddon’s Ellie Stroud that he had been desperate to "
            "get on. “The gaffer said to me, go and make something happen. So I tried,” the Italian said.")
    assert said(quotes_of(body), "gaffer said").speaker == "Luca Ferrante"


def test_a_name_opening_its_sentence_before_a_comma_is_its_subject(quotes_of):
    body = ("One fan, Beryl Oakes, 81, said she had watched every episode. “Who is going to get me through this?” "
            "she said.\n\n"
            "Maureen Tully played the barmaid for 38 years.\n\n"
            "Tully, asked the same question, had an answer. “Beryl can ring me any time she likes,” the actress said.")
    assert said(quotes_of(body), "Beryl can ring").speaker == "Maureen Tully"


@pytest.mark.parametrize("body, words, speaker", [
    ("Back at the stall, Mr. Demirel had his own answer. His grandfather, he said, used to tell him: “Borders open "
     "and borders close. Pepper is forever.”", "Borders open", "grandfather"),
    ("Ask the girl at the bus stop. Or, as my old editor used to tell me, “Go stand where the story is.”",
     "Go stand", "editor"),
])
def test_used_to_tell_reports_the_words_after_it(quotes_of, body, words, speaker):
    quote = said(quotes_of(body), words)
    assert speaker in (_credited(body, quote) or "")  # "His grandfather" is credited, unnamed, as described


@pytest.mark.parametrize("body, words", [
    ("Tully had an answer. “Beryl can ring me whenever she likes,” the actress said. “I mean it.”", "I mean it"),
    ("“The lads showed real character today,” Gordon Pike said. “Mine didn't.”", "Mine didn't"),
])
def test_a_short_sentence_after_the_same_speakers_quote_is_speech(quotes_of, body, words):
    quote = said(quotes_of(body), words)
    assert quote.kind == "direct" and quote.speaker_basis == "continued"


def test_a_short_term_after_a_quote_in_prose_stays_a_scare_quote(quotes_of):
    body = "“We will open the bridge in spring,” Glenn Haskett said. Locals know the detour as the “long way.”"
    assert said(quotes_of(body), "long way").kind == "scare"


@pytest.mark.parametrize("intro, words, speaker", [
    ("The Arden Broadcasting Corporation ended the show on Monday. Actress Maureen Tully said she was sad.\n\n"
     "The corporation itself said in a statement:", "Audiences have changed", "Arden Broadcasting Corporation"),
    ("A senior customs official, speaking on condition of anonymity, denied by telephone that any such payments "
     "were being demanded:", "Audiences have changed", "unnamed: A senior customs official"),
    ("Bandleader Cornelius Barrowman died on Friday.\n\nThe family released a statement on Monday:",
     "Audiences have changed", "The family"),
])
def test_a_colon_line_introduces_an_organisation_an_anonymous_voice_or_a_family(quotes_of, intro, words, speaker):
    body = intro + "\n\n“Audiences have changed, and we must change with them.”"
    quote = said(quotes_of(body), words)
    assert (_credited(body, quote), quote.speaker_basis) == (speaker, "intro")


def test_a_name_with_a_nickname_inside_is_one_person(quotes_of):
    body = ("Cornelius “Neely” Barrowman, the bandleader whose dances kept swing alive in the city, died on Friday. "
            "He was 91.\n\nHis daughter, Loretta Barrowman-Hines, said the cause was heart failure.\n\n"
            "Mr. Barrowman led the band for four decades. Asked how the square named after him felt, the bandleader "
            "said it was “very nice, but a square can’t dance.”")
    assert said(quotes_of(body), "square can").speaker == "Cornelius Barrowman"


def test_the_prosecutor_is_the_person_named_as_district_attorney(quotes_of):
    body = ("Assistant District Attorney Sofia Ferreira told jurors the landlord had known for weeks.\n\n"
            "On Tuesday Kaplan took the stand and Ferreira cross-examined him about the boiler.\n\n"
            "“Did you ever go down to the basement yourself?” the prosecutor asked.")
    assert said(quotes_of(body), "basement").speaker == "Sofia Ferreira"


def test_bare_lines_of_an_exchange_alternate_between_its_two_people(quotes_of):
    body = ("Prosecutor Sofia Ferreira cross-examined Leonard Kaplan about the boiler.\n\n"
            "“Did you ever go down to the basement yourself?” Ferreira asked.\n\n"
            "“No,” Kaplan said.\n\n"
            "“Not once, in six years?”\n\n"
            "“I have a bad knee. I paid people to go down there.”")
    quotes = quotes_of(body)
    assert [said(quotes, w).speaker for w in ("Not once", "bad knee")] == ["Sofia Ferreira", "Leonard Kaplan"]
    assert said(quotes, "Not once").speaker_basis == "continued"


def test_a_bare_line_after_two_statements_continues_the_last_speaker(quotes_of):
    body = ("“We will appeal the ruling,” Bernard Lusk said.\n\n"
            "“The jury got it right,” Sofia Ferreira said.\n\n"
            "“This case should never have come to trial in the first place.”")
    assert said(quotes_of(body), "never have come").speaker == "Sofia Ferreira"


@pytest.mark.parametrize("body, words, kind", [
    ("Several operators said they were turning to what the industry calls “thermal banking”: cooling stores harder "
     "overnight, when power is cheap.", "thermal banking", "scare"),
    ("The team believes the culprit is what Fairweather calls “scent smog”: exhaust fumes that break down the "
     "floral odors bees use.", "scent smog", "scare"),
    ("Glenn Haskett asked staff to report back in January on what he called “plan B, plan C and whatever comes "
     "after that.”", "plan B", "direct"),
])
def test_what_someone_calls_a_term_then_its_definition_is_a_term(quotes_of, body, words, kind):
    assert said(quotes_of(body), words).kind == kind


# Eighth round (fresh5's mechanisms), each on a passage written for the test.

@pytest.mark.parametrize("opener", ["The speaker was", "Thus", "The man speaking, at a bench in the square, is"])
def test_a_run_of_quoted_paragraphs_named_after_it_in_more_forms(quotes_of, opener):
    body = ('"I drove that bus for thirty years. Every stop, every pothole."\n\n'
            '"They can close the depot, but they cannot close my memory of it."\n\n'
            f"{opener} Gordon Fairlie, 74, who retired from the route in 2019.")
    quotes = quotes_of(body)
    assert {q.speaker for q in quotes} == {"Gordon Fairlie"}
    assert {q.speaker_basis for q in quotes} == {"named_after"}


def test_a_run_of_quoted_paragraphs_closed_by_a_signature_line_is_the_signers(quotes_of):
    body = ("From the Chair\n\n"
            '"Our thanks to everyone who painted the clubhouse fence in October."\n\n'
            '"Please remember that the car park closes at nine on weekdays."\n\n'
            "— Imogen Vasquez, club treasurer\n\n"
            "Fixtures for the spring season follow below.")
    quotes = quotes_of(body)
    assert [q.speaker for q in quotes] == ["Imogen Vasquez", "Imogen Vasquez"]


def test_a_colleague_cut_short_and_a_title_abbreviation_resolve_to_the_titled_person(quotes_of):
    body = ("Chief financial officer Lorna Baptiste said margins had held up.\n\n"
            'Industry analyst Omar Feltham of Dunmore Research said the quarter was weak. '
            '"Nobody is buying trucks this winter," the analyst said.\n\n'
            'Asked about the forecast, the CFO said: "We stand by it."')
    quotes = quotes_of(body)
    assert said(quotes, "Nobody is buying").speaker == "Omar Feltham"
    assert said(quotes, "stand by it").speaker == "Lorna Baptiste"


def test_an_anonymous_description_stays_anonymous_without_a_title_before_a_name(quotes_of):
    body = ("Dana Whitlow, who owns the bakery, said sales had fallen.\n\n"
            '"People are holding on to every penny," the analyst said.')
    assert said(quotes_of(body), "holding on").speaker != "Dana Whitlow"


def test_the_clergyman_is_the_vicar_named_before(quotes_of):
    body = ("The vicar, the Rev. Simon Achebe, said the roof would be repaired by spring. "
            "The organist, Dennis Blyth, was less sure.\n\n"
            'The vicar said the scaffolding would go up in March. "We have waited long enough," the clergyman said.')
    assert said(quotes_of(body), "waited long enough").speaker == "Simon Achebe"


def test_a_pronoun_after_a_described_subject_is_the_person_with_that_title(quotes_of):
    body = ("The hospital's chief nurse, Dr. Amara Lindqvist, said wards were full.\n\n"
            'Porter Gavin Moss, who has worked nights for a decade, said he had never seen it so busy. '
            '"We are running out of trolleys," he said.\n\n'
            'Asked whether beds would be added, the chief nurse was careful. "Not this week," she said.')
    assert said(quotes_of(body), "Not this week").speaker == "Amara Lindqvist"


def test_a_possessive_inside_the_subject_does_not_carry_the_earlier_person_on(quotes_of):
    body = ("Thus Keira Holm, the elder twin, speaking after the race.\n\n"
            'Her sister Freya Holm was calmer. "We trained for this all winter," she said.')
    assert said(quotes_of(body), "trained for this").speaker == "Freya Holm"


def test_shot_back_and_a_councillor_title_are_read(quotes_of):
    body = ('Cllr Dorothy Pryce said the bins would be emptied weekly. '
            '"Not on my street they won\'t," Morgan Tate shot back.\n\n'
            'Cllr Pryce said: "Then I will empty them myself."')
    quotes = quotes_of(body)
    assert said(quotes, "Not on my street").speaker == "Morgan Tate"
    assert said(quotes, "empty them myself").speaker == "Dorothy Pryce"


def test_an_appositive_name_with_an_adverb_before_the_verb_is_the_colon_lines_speaker(quotes_of):
    body = ("The ferry company said the crossing was cancelled.\n\n"
            'A spokeswoman, Ingrid Solberg, later added by phone: "We will refund every passenger in full."')
    assert said(quotes_of(body), "refund every passenger").speaker == "Ingrid Solberg"


def test_a_family_surname_with_an_honorific_is_the_relative_of_that_gender(quotes_of):
    body = ("Agatha Morrow, 80, who founded the choir, said she would retire in June.\n\n"
            'Her grandson, Felix Morrow, 22, who conducts the youth choir, said he would miss her. "She taught me to read music," he said.\n\n'
            'Mrs. Morrow will conduct one last concert. "Of course I am nervous," the grandmother said.')
    assert said(quotes_of(body), "Of course I am nervous").speaker == "Agatha Morrow"


def test_a_colon_line_speaking_to_someone_introduces_that_persons_words(quotes_of):
    body = ("11:20 — Our correspondent Lena Varga is outside the depot. She spoke to the drivers' shop steward, "
            "Piotr Nowak:\n\n"
            '"We have been asking for a meeting since the spring. Nobody has answered us."')
    assert said(quotes_of(body), "asking for a meeting").speaker == "Piotr Nowak"


def test_it_reads_after_a_body_issued_a_statement_is_that_bodys(quotes_of):
    body = ("The Harbour Authority has issued a statement. It reads:\n\n"
            '"The port will stay closed until the divers have finished their inspection."')
    assert said(quotes_of(body), "port will stay closed").speaker == "Harbour Authority"


def test_a_colon_line_in_the_passive_is_introduced_by_its_agent(quotes_of):
    body = ("Attendance has fallen since the bus route was cut.\n\n"
            "That concern is shared by Noor Haddadi, who runs the after-school club:\n\n"
            '"Half our children now walk forty minutes to get here. Some of them just stop coming."')
    assert said(quotes_of(body), "forty minutes").speaker == "Noor Haddadi"


def test_a_passive_verb_in_the_reported_clause_is_not_the_cue(quotes_of):
    body = ("Lead engineer Miriam Tosh said the crane had tipped, but one arm, which is now pointed "
            '"roughly where we needed it, by luck," could still lift.')
    assert said(quotes_of(body), "roughly where").speaker == "Miriam Tosh"


def test_a_person_named_as_her_solicitor_is_not_the_she_who_speaks(quotes_of):
    body = ("The driver in the case, Agnieszka Duda, a courier, was refunded the fine in full. "
            'According to her lawyer, Tomasz Reyes, she said on hearing the ruling: "I only wanted to be believed."')
    assert said(quotes_of(body), "wanted to be believed").speaker == "Agnieszka Duda"


@pytest.mark.parametrize("lead", ["14:05 — Chant at the factory gate, per our reporter:",
                                  "The bakery has since hung a banner over its door:"])
def test_words_a_colon_line_gives_to_a_chant_or_a_banner_are_a_slogan(quotes_of, lead):
    body = ('"We only wanted the ovens fixed," said Hedda Lund, who runs the bakery.\n\n'
            f'{lead} "Fresh bread, fair wages, open doors."')
    quotes = quotes_of(body)
    assert [q.kind for q in quotes if "Fresh bread" in q.text] == ["slogan"]


@pytest.mark.parametrize("body, words, kind", [
    ("Inspector Hal Brody said the depot was watching for what engineers call \"rail creep,\" the slow drift of "
     "track in summer heat.", "rail creep", "scare"),
    ("Governor Ana Ruiz said the state would publish a report on the outage, which staff are calling \"the long "
     "night,\" within a month.", "the long night", "scare"),
    ("Mayor Ida Kent said the council would post the figures every week on its \"flood tracker,\" a page she "
     "admitted was \"still rather empty.\"", "flood tracker", "scare"),
    ("The library closed on Friday, citing what trustees called \"unresolved staffing problems.\"",
     "unresolved staffing", "direct"),
])
def test_a_term_a_group_uses_or_a_thing_named_then_described_is_not_speech(quotes_of, body, words, kind):
    assert said(quotes_of(body), words).kind == kind


def test_a_naming_verb_whose_object_holds_an_earlier_quote_is_not_a_later_quotes_cue(quotes_of):
    body = ("The rule - which landlords' lawyers have long called the \"quiet fee\" rule - let Harbour Homes charge "
            "tenants for \"routine reassessment\" when a lease ended.")
    assert [q.kind for q in quotes_of(body)] == ["scare", "scare"]


def test_a_name_opening_its_sentence_before_a_clause_between_commas_is_the_verbs_subject(quotes_of):
    body = ("The minister opened the debate.\n\n"
            '"And who will pay for it?" shouted Eirlys Tregear from the back benches.\n\n'
            'Tregear, when her turn came, said the bill would "tax the harbour into silence."')
    assert said(quotes_of(body), "tax the harbour").speaker == "Eirlys Tregear"


def test_a_text_signed_by_someone_speaks_for_the_signer(quotes_of):
    body = ("Parents were told by letter on Monday. The letter, signed by Dr. Rowan Ellery, read in part: "
            '"The school will reopen on Thursday once the boiler is repaired."')
    assert said(quotes_of(body), "reopen on Thursday").speaker == "Rowan Ellery"


def test_a_companys_own_paper_speaks_for_the_company(quotes_of):
    body = ("Harwick Foods will close its bakery in Dunmore, the company said on Tuesday. "
            "The company's own white paper, published in May, had described Dunmore as \"the heart of our network.\"")
    assert said(quotes_of(body), "heart of our network").speaker == "Harwick Foods"


def test_who_after_a_place_in_a_persons_description_is_the_person(quotes_of):
    body = ("This month's question comes from Imelda Crossan, a reader in Dunmore, who writes:\n\n"
            '"My landlord has kept my deposit for six months. What can I do?"')
    assert said(quotes_of(body), "kept my deposit").speaker == "Imelda Crossan"


@pytest.mark.parametrize("rest, nothing", [(", 12", True), (", 71,", True), ("", True), (" of the rowing club", False),
                                           (", who rows", False)])
def test_an_age_after_a_name_at_the_end_of_the_subject_adds_nothing_to_it(rest, nothing):
    from newsfacts.facts.speakers import nothing_but_the_name

    assert nothing_but_the_name(rest) is nothing


def test_a_quotation_cited_to_a_text_in_brackets_is_not_the_intro_lines_speaker(quotes_of):
    body = ("Pastor Elias Munro told the congregation to be patient with one another:\n\n"
            '"Love is patient, love is kind. It does not envy, it does not boast." [1 Corinthians 13:4]\n\n'
            '"We have had a hard year," Munro said.')
    quotes = quotes_of(body)
    cited = said(quotes, "Love is patient")
    assert (cited.kind, cited.speaker) == ("direct", None)
    assert said(quotes, "hard year").speaker == "Elias Munro"


def test_she_after_a_description_by_her_work_is_the_person_the_story_is_about(quotes_of):
    body = ("Singer Marisol Vance has answered her former producer.\n\n"
            "Her ex-producer Dermot Kline, 61, told a podcast that he had \"built her career.\"\n\n"
            "The \"Neon Harbour\" singer was having none of it.\n\n"
            "\"He likes to say he found me. I found him, in a studio I paid for,\" she said.")
    assert said(quotes_of(body), "He likes to say").speaker == "Marisol Vance"


def test_words_a_page_holds_are_not_the_words_of_the_one_who_shared_it(quotes_of):
    body = ('"This is what we have been waiting for," Governor Lena Ortiz said on Monday.\n\n'
            "She went on to share the address of cleanwater.gov, the website for the programme, which contains the "
            "following statement:\n\n"
            '"Every household in the state will have tested tap water by the end of next year."')
    quote = said(quotes_of(body), "Every household")
    assert (quote.kind, quote.speaker) == ("direct", None)


def test_a_paper_no_one_owns_is_its_own_source(quotes_of):
    body = ("A paper published in the journal Reef Science on Monday described the northern reef as \"bleached "
            "beyond any hope of recovery within a decade.\"")
    assert "paper" in (said(quotes_of(body), "bleached").speaker or "")


def test_a_title_in_another_language_keeps_its_small_words_lower_case(quotes_of):
    body = 'The festival closes with a restored print of "El Laberinto del Fauno" on Sunday night.'
    assert [q.kind for q in quotes_of(body)] == ["title"]


def test_a_colon_lines_cue_without_a_subject_reports_for_the_main_subject(quotes_of):
    body = ("The fraud came to light in 2021.\n\n"
            "Judge Imogen Tarrant, sentencing him to four years, told the court:\n\n"
            '"You had every chance to stop. You chose not to, again and again."\n\n'
            "Pell says he is studying law in prison.")
    assert said(quotes_of(body), "every chance to stop").speaker == "Imogen Tarrant"


def test_a_council_title_is_stripped_from_the_name_and_genders_the_person(quotes_of):
    body = ("Councilwoman Petra Lyle, who chairs the committee, asked what happens to drivers without phones.\n\n"
            '"A kiosk at each end of a mile-long street," Lyle said.\n\n'
            'Councilman Arvid Sondergaard came to the director\'s defence. "It fixes the meters," he said. '
            'Lyle was unmoved. She noted that the app had a two-star rating.\n\n'
            '"Three stars, actually," he said.')
    quotes = quotes_of(body)
    assert said(quotes, "Three stars").speaker == "Arvid Sondergaard"


def test_someone_described_but_never_named_has_no_speaker_and_keeps_the_description_as_evidence(quotes_of):
    body = ("The ferry was cancelled for the third day running. One passenger at the terminal said she had given up. "
            "“I came with a flask and a paperback,” she said. “Both are finished.”\n\n"
            "“We have sailed in worse,” a deckhand told us.\n\n"
            "“The timetable will be restored by Friday,” port officials said.")
    quotes = quotes_of(body)
    flask, finished, worse = (said(quotes, w) for w in ("flask", "Both are", "sailed"))
    assert (flask.speaker, flask.speaker_entity_id) == (None, None)
    assert flask.speaker_reason.startswith("unnamed")
    assert _credited(body, flask) == _credited(body, finished) == "unnamed: One passenger at the terminal"
    assert _credited(body, worse) == "unnamed: a deckhand"
    assert body[worse.speaker_start : worse.speaker_end] == "a deckhand"
    # nearest negatives: a group is kept as said (a plural head); an anonymous source's side before the head names
    # no one (speakers._modifies_the_head), so the staffer stays unnamed, the side kept in the evidence
    assert said(quotes, "timetable").speaker == "port officials"
    staffer_body = "“We don't have the votes,” one Republican staffer said."
    staffer = said(quotes_of(staffer_body), "votes")
    assert _credited(staffer_body, staffer) == "unnamed: one Republican staffer"


def test_a_lone_given_name_is_the_full_name_it_opened_earlier_in_the_story(quotes_of):
    body = ("The best man, Obiora Kettleby-Vance, the groom's cousin, told the story of the proposal. "
            "“He practised it on the dog for a week,” Obiora said.")
    assert said(quotes_of(body), "practised").speaker == "Obiora Kettleby-Vance"
    # nearest negative: a given name with no full name before it stays as written
    alone = "The best man told the story of the proposal. “He practised it on the dog for a week,” Obiora said."
    assert said(quotes_of(alone), "practised").speaker == "Obiora"


def test_a_chant_is_a_slogan_not_speech(quotes_of):
    body = ("The count ended after midnight. Somebody at the back of the hall started a chant of “Ross! Ross! Ross!” "
            "and it spread.\n\nSupporters outside kept singing the chorus — “We are staying, we are staying” — "
            "until the last result.")
    quotes = quotes_of(body)
    assert said(quotes, "Ross!").kind == "slogan"
    assert said(quotes, "We are staying").kind == "slogan"
    # nearest negative: words a speaker repeats stay speech ("“No, no, no,” she said")
    [spoken] = quotes_of("The vote was close. “No, no, no,” Ruth Abernathy said when asked about a recount.")
    assert (spoken.kind, spoken.speaker) == ("direct", "Ruth Abernathy")


def test_a_title_and_surname_after_a_run_name_the_person_with_that_surname(quotes_of):
    body = ("Nurses at Harlow Vale hospital have rejected the pay offer. The vote was read out on Monday by union "
            "steward Keith Pardoe.\n\n"
            "“We have waited long enough for a fair settlement.”\n\n"
            "“The trust knows where to find us when it is ready to talk.”\n\n"
            "Those were Brother Pardoe's words to a crowded staff room.")
    quotes = quotes_of(body)
    assert said(quotes, "waited long enough").speaker == "Keith Pardoe"
    assert said(quotes, "where to find us").speaker == "Keith Pardoe"
    # nearest negative: a surname no one before has is someone else (the title stripped), not the steward
    other = body.replace("Brother Pardoe's", "Brother Kemble's")
    assert said(quotes_of(other), "waited long enough").speaker == "Kemble"


def test_capitalised_words_in_apposition_before_a_name_after_a_run_are_a_title(quotes_of):
    body = ("The inquest heard from the harbour master and two divers.\n\n"
            "“Nobody could have reached him in time in that swell.”\n\n"
            "“The crew did exactly what they were trained to do.”\n\n"
            "Those were the words of the Assistant Coroner for Northmoor, Delia Farquharson, who recorded a "
            "conclusion of accidental death.")
    quotes = quotes_of(body)
    assert said(quotes, "reached him in time").speaker == "Delia Farquharson"
    assert said(quotes, "trained to do").speaker == "Delia Farquharson"
    # nearest negative: a name after the comma that is someone's possession, not an apposition, leaves the
    # capitalised words (the name the sentence gives first) as the speaker
    owned = body.replace("the Assistant Coroner for Northmoor, Delia Farquharson, who recorded",
                         "Marcus Feld, Delia Farquharson's deputy, who recorded")
    assert said(quotes_of(owned), "reached him in time").speaker == "Marcus Feld"


def test_the_noun_was_a_name_after_a_run_names_its_speaker_and_ordinals_name_each_paragraph(quotes_of):
    found = ("Divers searching the wreck of the Mary Anne brought up a brass bell on Friday.\n\n"
             "“It was lying under a sheet of copper. I saw the lettering and my heart stopped.”\n\n"
             "“We have been looking for that bell for eleven years.”\n\n"
             "The diver was Thomas Whitcombe, a retired surveyor from Plymouth.")
    quotes = quotes_of(found)
    assert said(quotes, "lying under a sheet").speaker == "Thomas Whitcombe"
    assert said(quotes, "eleven years").speaker == "Thomas Whitcombe"
    turns = found.replace("The diver was Thomas Whitcombe, a retired surveyor from Plymouth.",
                          "The first was Thomas Whitcombe, a retired surveyor; the second, Helen Marlow, who leads the dive club.")
    quotes = quotes_of(turns)
    assert said(quotes, "lying under a sheet").speaker == "Thomas Whitcombe"
    assert said(quotes, "eleven years").speaker == "Helen Marlow"
    # nearest negative: a name inside what the subject was ("a landslide for ...") is not who spoke
    result = found.replace("The diver was Thomas Whitcombe, a retired surveyor from Plymouth.",
                           "The result was a windfall for Thomas Whitcombe, who owns the salvage rights.")
    assert said(quotes_of(result), "lying under a sheet").speaker != "Thomas Whitcombe"


def test_a_quote_ending_inside_a_quote_of_its_own_is_a_sentence_not_a_heading(quotes_of):
    # the paragraph's last words are someone else's, in single quotes: its stop sits inside the inner quote
    quotes = quotes_of("The inquest heard from the harbour master about the tides that afternoon.\n\n"
                       "Tomasz Wierzbicki, 24, a deckhand, told the hearing at Fenmouth Coroner's Court on Monday:\n\n"
                       "\"I shouted to him that the rope was fraying. He said he had done this a hundred times. "
                       "I said, 'Then do it a hundred and one times carefully.'\"\n\nThe hearing continues.")
    quote = said(quotes, "rope was fraying")
    assert (quote.speaker, quote.speaker_basis) == ("Tomasz Wierzbicki", "intro")


def test_a_heading_ending_in_a_quoted_title_stays_a_heading(quotes_of):
    # nearest negative: no stop before or inside the inner closing mark, so no sentence, nobody's words continued
    quotes = quotes_of("\"We lost the plot years ago,\" said the critic Nell Harding.\n\n"
                       "\"Why I finally gave up on 'The Archers'\"\n\nThe long-running drama had a difficult year.")
    assert said(quotes, "Why I finally").speaker_basis != "continued"


_SIGNED_LETTER = ("The museum confirmed the closure late on Friday.\n\n"
                  "The trust announced the decision in a letter on its website on Friday evening, {how}:\n\n"
                  "\"We have not taken this step lightly. The building needs work we cannot pay for.\"\n\n"
                  "Staff were told on Thursday.")


def test_a_text_a_colon_line_says_one_person_signed_is_that_persons(quotes_of):
    quotes = quotes_of(_SIGNED_LETTER.format(how="signed by its chair, Wilhelmina Ostrander"))
    quote = said(quotes, "step lightly")
    assert (quote.speaker, quote.speaker_basis) == ("Wilhelmina Ostrander", "intro")


def test_a_text_printed_by_a_paper_is_still_the_publishers(quotes_of):
    # nearest negative: "by" names who printed it, no person signing: the subject of the colon line keeps it
    quotes = quotes_of(_SIGNED_LETTER.format(how="printed in full by the Fenmouth Gazette"))
    assert said(quotes, "step lightly").speaker == "The trust"


_CLEFT_LINE = ("Four candidates took questions at the village hall on Tuesday.\n\n"
               "The Green candidate, Oona Fairlie, a retired vet, spoke mostly about drainage. It was {who}, though, "
               "who got the loudest cheer, with the closing remark:\n\n"
               "\"I have lived here for forty years and I have never once seen the river behave.\"\n\n"
               "The count is on Friday.")


def test_a_cleft_colon_line_introduces_the_one_between_it_was_and_who(quotes_of):
    quote = said(quotes_of(_CLEFT_LINE.format(who="Ms. Fairlie")), "forty years")
    assert (quote.speaker, quote.speaker_basis) == ("Oona Fairlie", "intro")


def test_a_cleft_colon_line_about_someone_of_hers_is_not_her(quotes_of):
    # nearest negative: "Ms. Fairlie's neighbour" is someone else the story does not name
    assert said(quotes_of(_CLEFT_LINE.format(who="Ms. Fairlie's neighbour")), "forty years").speaker != "Oona Fairlie"


_READ_OUT = ("Residents of Kestrel Court have complained about the heating for two winters.\n\n"
             "At the residents' meeting on Monday the secretary, Priya Oduya, read out the answer she had {how} "
             "Brightmoor Housing:\n\n"
             "\"We apologise for any inconvenience and are reviewing our maintenance schedule.\"\n\n"
             "Residents said they had heard that before.")


def test_a_text_read_out_is_the_words_of_the_one_it_was_received_from(quotes_of):
    quote = said(quotes_of(_READ_OUT.format(how="received from")), "apologise")
    assert (quote.speaker, quote.speaker_basis) == ("Brightmoor Housing", "intro")


def test_a_text_read_out_that_the_reader_sent_is_the_readers(quotes_of):
    # nearest negative: the answer she had sent to the landlord is her own
    assert said(quotes_of(_READ_OUT.format(how="sent to")), "apologise").speaker == "Priya Oduya"


_REPRODUCED = ("The factory's director, Hamish Ortolan, wrote to all employees on Monday afternoon. {line}\n\n"
               "\"No jobs will go this year. The new line will need every one of you.\"\n\n"
               "The union welcomed the letter.")


def test_a_text_the_outlet_reproduces_is_the_words_of_who_wrote_it_the_sentence_before(quotes_of):
    line = "We print the central passage in full, because readers should see exactly what was promised:"
    quote = said(quotes_of(_REPRODUCED.format(line=line)), "No jobs")
    assert (quote.speaker, quote.speaker_basis) == ("Hamish Ortolan", "intro")


def test_a_colon_line_of_ours_naming_someone_else_introduces_that_one(quotes_of):
    # nearest negative: "we" asked, and the one the colon line names answers
    line = "We asked the union what it made of the letter. Its secretary, Ada Voss, said:"
    assert said(quotes_of(_REPRODUCED.format(line=line)), "No jobs").speaker == "Ada Voss"


_AS_PUT = ("The parish council met on Tuesday to discuss the car park. Its chair, Wendell Ashby, opened the meeting."
           "\n\nNobody could agree on the charges. {line}")


def test_as_someone_put_it_names_whose_words_follow(quotes_of):
    quotes = quotes_of(_AS_PUT.format(line="As Wendell put it at the end of the evening, \"If we can't agree on the "
                                           "car park, we can at least agree on the biscuits.\"\n\nThe visitors, as "
                                           "the town's weekly newsletter put it, \"came for the fete and stayed.\""))
    assert said(quotes, "biscuits").speaker == "Wendell Ashby"
    assert said(quotes, "came for the fete").speaker == "the town's weekly newsletter"


def test_putting_a_thing_away_names_no_one(quotes_of):
    # nearest negative: "put it away" is handling a thing, not wording something
    quotes = quotes_of(_AS_PUT.format(line="As Wendell put it away in the drawer, the note on top still read, "
                                           "\"Back in ten minutes, do not touch the urn.\""))
    assert said(quotes, "Back in ten").speaker != "Wendell Ashby"


_THEN_SAID = ("The plaque was unveiled on Saturday in front of two hundred people.\n\n"
              "{line} \"My grandmother would hate the fuss. She would want to know why we stopped marching.\"")


def test_one_who_did_something_then_said_is_the_speaker(quotes_of):
    quotes = quotes_of(_THEN_SAID.format(line="Mrs Pengelly read the inscription aloud to the crowd, then said:"))
    assert said(quotes, "grandmother").speaker == "Mrs Pengelly"


def test_then_with_a_new_subject_is_someone_else_speaking(quotes_of):
    # nearest negative: a second sentence with its own subject after "Then"
    quotes = quotes_of(_THEN_SAID.format(line="Mrs Pengelly read the inscription aloud to the crowd. Then a man at "
                                              "the back said:"))
    assert said(quotes, "grandmother").speaker != "Mrs Pengelly"


_OWNED_ANSWER = ("The debate on Thursday was mostly about buses. The mayor, Henrietta Vosper, was asked why the number "
                 "9 was always late. Her challenger, Ambrose Quill, said he had waited forty minutes that morning."
                 "\n\n{words} — \"Then you should have left home earlier\" — got a laugh from the audience.")


def test_words_set_after_a_named_owners_answer_are_the_owners(quotes_of):
    quote = said(quotes_of(_OWNED_ANSWER.format(words="Vosper's answer")), "left home earlier")
    assert quote.speaker == "Henrietta Vosper"


def test_words_set_after_an_answer_to_someone_are_not_theirs(quotes_of):
    # nearest negative: the answer given to Vosper is not Vosper's
    quote = said(quotes_of(_OWNED_ANSWER.format(words="The answer to Vosper")), "left home earlier")
    assert quote.speaker != "Henrietta Vosper"


def test_billing_or_tipping_something_as_quoted_words_is_the_subjects_words(quotes_of):
    quotes = quotes_of("The summer fete was held on the village green on Saturday.\n\n"
                       "The organisers billed this year's fete as \"the sunniest afternoon in the county,\" and for "
                       "once they were right. The local paper had tipped the vicar's marrow in its preview as \"a "
                       "vegetable with something to prove.\"")
    assert said(quotes, "sunniest").speaker == "The organisers"
    assert said(quotes, "vegetable").speaker == "The local paper"


def test_a_thing_billed_as_quoted_words_by_no_one_named_has_no_speaker(quotes_of):
    # nearest negative: the passive names nobody who billed it
    quotes = quotes_of("The summer fete was held on the village green on Saturday.\n\n"
                       "This year's fete was billed as \"the sunniest afternoon in the county,\" and for once it was.")
    assert said(quotes, "sunniest").speaker is None


def test_and_said_after_a_when_clause_is_the_when_clauses_subject(quotes_of):
    quotes = quotes_of("The hustings at the library were mostly polite.\n\nThe sharpest exchange came an hour in, when "
                       "the independent candidate Rosa Villanueva turned to the sitting councillor, Edgar Pomfrey, and "
                       "said: \"You have had ten years to fix the library roof.\"")
    assert said(quotes, "library roof").speaker == "Rosa Villanueva"


def test_a_when_clause_before_the_main_clause_does_not_take_its_verb_of_speech(quotes_of):
    # nearest negative: the "when" clause opens the sentence; "smiled and said" is the main subject's
    quotes = quotes_of("The hustings at the library were mostly polite.\n\nWhen the independent candidate Rosa "
                       "Villanueva turned to him, the sitting councillor, Edgar Pomfrey, smiled and said: \"You have "
                       "had ten years to fix the library roof.\"")
    assert said(quotes, "library roof").speaker != "Rosa Villanueva"


_SPOKE = ("The minibus was carrying members of the Fenmouth bowls club home from a tournament in Leeds. {line}\n\n"
          "\"The driver shouted 'Brace!' and then we were in the ditch. Somebody started laughing. It kept us calm.\""
          "\n\nPolice are investigating.")


def test_a_paragraph_ending_on_someone_speaking_to_reporters_introduces_their_words(quotes_of):
    line = ("The club's captain, Winifred Oyelaran, who was discharged on Monday with a broken arm, spoke to "
            "reporters outside the hospital.")
    quote = said(quotes_of(_SPOKE.format(line=line)), "in the ditch")
    assert (quote.speaker, quote.speaker_basis) == ("Winifred Oyelaran", "intro")


def test_police_speaking_to_someone_introduce_no_named_persons_words(quotes_of):
    # nearest negative: the one spoken to is not the speaker, and "police" name no one
    line = "The club's captain, Winifred Oyelaran, was discharged on Monday. Police spoke to the driver at the scene."
    assert said(quotes_of(_SPOKE.format(line=line)), "in the ditch").speaker != "Winifred Oyelaran"


def test_a_bystander_placed_where_the_writer_saw_them_stays_unnamed(quotes_of):
    body = ('The soup arrived cold. As the woman behind the counter said to a colleague, '
            '"Tell the kitchen nothing."\n\n'
            'The chancellor visited the market. As the man at the Treasury said to reporters, "Prices will fall."')
    quotes = quotes_of(body)
    assert _credited(body, said(quotes, "Tell the kitchen")) == "unnamed: the woman behind the counter"
    # nearest negative: a capitalised institution in the phrase keeps the words as said
    assert said(quotes, "Prices will fall").speaker == "the man at the Treasury"


def test_one_of_some_described_in_apposition_stays_unnamed(quotes_of):
    body = ('The ferry was late again. "We gave up waiting for it years ago," said one commuter, a retired welder.\n\n'
            'The depot was shut. "Nobody told us," said one driver, Oskar Lindqvist.')
    quotes = quotes_of(body)
    assert _credited(body, said(quotes, "gave up waiting")) == "unnamed: one commuter, a retired welder"
    assert said(quotes, "Nobody told us").speaker == "Oskar Lindqvist"  # a name in apposition is the speaker


def test_a_place_inside_an_unnamed_description_is_not_the_speaker(quotes_of):
    body = ('Two sheds were broken into on Kestrel Way. One resident of Heron Gardens, whose bike was taken, told '
            'the patrol she had slept through it. "I heard nothing at all," she said.')
    assert _credited(body, said(quotes_of(body), "heard nothing")).startswith("unnamed: One resident")
    named = ('Two sheds were broken into on Kestrel Way. One resident, Hazel Pruitt, whose bike was taken, told '
             'the patrol she had slept through it. "I heard nothing at all," she said.')
    assert said(quotes_of(named), "heard nothing").speaker == "Hazel Pruitt"  # the name in apposition is hers


def test_places_schools_and_nationalities_in_an_indefinite_description_name_no_one(quotes_of):
    body = ('The parish council met on Tuesday. A mother of three from Little Hatton, who asked not to be named, said '
            'the new road was "a death trap."\n\n'
            'Exchange students arrived on Monday. One Spanish student, asked what surprised her most about Kettleby, '
            'said: "The food is far too beige."\n\n'
            'The depot was shut. One driver, Oskar Lindqvist, said the bridge was "a disgrace."\n\n'
            'Cordell Gas raised prices. A spokeswoman for Cordell Gas said the rise was "unavoidable."')
    quotes = quotes_of(body)
    assert _credited(body, said(quotes, "death trap")).startswith("unnamed: A mother of three from Little Hatton")
    assert _credited(body, said(quotes, "far too beige")).startswith("unnamed: One Spanish student")
    # nearest negatives: a name in apposition keeps its name, and an organisation's voice is the organisation's
    assert said(quotes, "a disgrace").speaker == "Oskar Lindqvist"
    assert said(quotes, "unavoidable").speaker == "Cordell Gas"


def test_a_person_known_by_what_they_did_or_as_someones_relative_stays_unnamed(quotes_of):
    body = ('Two swimmers were pulled from the water. The man who called the coastguard, fishing from the pier, said: '
            '"I saw them go under."\n\nChidi Nwosu graduated. His mother, who had flown in from Lagos, said only: '
            '"At last."')
    quotes = quotes_of(body)
    assert _credited(body, said(quotes, "go under")).startswith("unnamed: The man who called the coastguard")
    assert _credited(body, said(quotes, "At last")).startswith("unnamed: His mother")
    # nearest negative: a relative the story named beside the word is not someone unnamed
    named = 'Tom Reyes graduated. His mother, Ana Reyes, cried. Later his mother said: "He did it."'
    assert not _credited(named, said(quotes_of(named), "He did it")).startswith("unnamed")


def test_a_line_a_medium_carries_is_a_slogan_not_speech(quotes_of):
    quotes = quotes_of('The shop reopened on Friday. The blackboard outside promises "Fresh or free." '
                       'It is cash only.\n\n'
                       'The charity held its gala. The programme said little, and the banner bore the motto '
                       'the founder '
                       'chose: "Nobody sleeps out."\n\n'
                       'The council leader, Ann Rudd, promises "a new clinic by spring," and her rivals doubt it.')
    assert said(quotes, "Fresh or free").kind == "slogan"
    assert said(quotes, "Nobody sleeps out").kind == "slogan"  # a cue in an earlier sentence does not count
    pledge = said(quotes, "new clinic")  # nearest negative: a person promising is speech
    assert (pledge.kind, pledge.speaker) == ("direct", "Ann Rudd")


@pytest.mark.parametrize("introduced, credited", [
    ("a midwife in the front row", "unnamed: the midwife"),
    ("a midwife, Rhona Tait, in the front row", "Rhona Tait"),  # nearest negative: named in apposition
])
def test_the_description_of_someone_brought_in_with_an_article_stays_unnamed(quotes_of, introduced, credited):
    body = (f'The first question came from {introduced}. "Who will keep the ward open?"\n\n'
            '"I will," said the Green candidate, Tobias Wren. "Every day of my term."\n\n'
            '"Will you put that in writing?" the midwife asked.')
    assert _credited(body, said(quotes_of(body), "in writing")) == credited


def test_a_handle_trailing_a_quote_is_its_source_and_a_title_in_a_trailer_is_no_quote(quotes_of):
    quotes = quotes_of('Reaction on social media was swift.\n\n'
                       '“Two delays in a year. My patience is gone.” — @pixelgrump, on X\n\n'
                       '“Honestly? Fine by me. Take the time.” — Jo Rennick, host of the “Loading Bay” podcast\n\n'
                       '“We are looking into it,” the council said in a post tagging @harbourwatch.')
    handle, host = said(quotes, "Two delays"), said(quotes, "Fine by me")
    assert (handle.speaker, handle.speaker_basis) == ("@pixelgrump", "roundup")
    assert (host.speaker, host.speaker_basis) == ("Jo Rennick", "roundup")
    assert said(quotes, "looking into it").speaker != "@harbourwatch"  # nearest negative: a handle in a sentence


@pytest.mark.parametrize("body, words, kind", [
    ("The new citizens recited the pledge, which begins “I will honour the laws of this land.” Then they sang.",
     "honour the laws", "title"),
    ("Her speech, which began “Friends, we lost tonight,” ran to forty minutes, Ana Ruiz said.", "we lost", "direct"),
    ("The council declared a “climate emergency” on Tuesday, a status it has yet to fund.", "climate emergency",
     "scare"),
    ("The mayor declared: “We will rebuild the pier by the summer.”", "rebuild the pier", "direct"),
    ("A man has been calling door to door claiming to be from “the gas board” and asking to check meters.",
     "the gas board", "scare"),
])
def test_a_set_text_a_declared_status_and_a_claimed_identity_are_not_speech(quotes_of, body, words, kind):
    assert said(quotes_of(body), words).kind == kind


@pytest.mark.parametrize("body, words, speaker", [
    ("“It was the drummer’s idea,” Lund cuts in. “It always is.”", "always is", "Lund"),
    ("“Not the money,” Ivo Marsh chipped in. “The hours.”", "The hours", "Ivo Marsh"),
    # nearest negative: "cut in" of something else, a sentence away from the quote, says nothing of who spoke
    ("“We kept playing,” the manager, Ola Berg, said. “The power cut in at nine and nobody left.”", "power cut in",
     "Ola Berg"),
])
def test_cutting_in_reports_the_words_of_its_subject(quotes_of, body, words, speaker):
    assert said(quotes_of(body), words).speaker == speaker


def test_a_sentence_naming_as_many_people_as_a_run_has_paragraphs_gives_them_in_turn(quotes_of):
    run = ("The allotment society held its autumn show in the village hall on Saturday.\n\n"
           "“The marrows were bigger than my grandson this year.”\n\n"
           "“I have grown onions for forty years and never won a thing until today.”\n\n")
    quotes = quotes_of(run + "The first came from Winifred Ashcombe; the second from Bartholomew Keane, who keeps "
                             "the plot by the gate.")
    assert said(quotes, "marrows were bigger").speaker == "Winifred Ashcombe"
    assert said(quotes, "grown onions").speaker == "Bartholomew Keane"
    # a group named first is no one's, and an age in commas marks a given name the model may not tag
    quotes = quotes_of(run + "So said two members of the Netherby Allotment Society, Winifred, 71, and Bart, 80.")
    assert said(quotes, "marrows were bigger").speaker == "Winifred"
    assert said(quotes, "grown onions").speaker == "Bart"
    # nearest negative: one person named for a run of two says both paragraphs are theirs
    quotes = quotes_of(run + "Both lines came from Winifred Ashcombe, who has judged the show since 1998.")
    assert said(quotes, "marrows were bigger").speaker == "Winifred Ashcombe"
    assert said(quotes, "grown onions").speaker == "Winifred Ashcombe"


@pytest.mark.parametrize("written, name", [
    ("Imelda Rourke - no", "Imelda Rourke"),
    ("Owen Pryce – who", "Owen Pryce"),
    # nearest negative: the unspaced hyphen of a double-barrelled name is part of it
    ("Tanya Ruiz-Calder", "Tanya Ruiz-Calder"),
])
def test_a_persons_name_stops_at_a_dash_with_spaces_round_it(written, name):
    from newsfacts.facts.entities import trim_span
    from newsfacts.facts.lexicon import lexicon
    start, end = trim_span(written, 0, len(written), "PERSON", lexicon())
    assert written[start:end] == name


def test_a_run_named_by_someone_whose_name_a_dash_aside_follows_is_theirs(quotes_of):
    body = ("Parents packed the library for the vote on the new timetable.\n\n"
            "“My daughter leaves home at seven and is back after dark.”\n\n"
            "“Nobody asked the families who will live with it.”\n\n"
            "Both lines came from Imelda Rourke - no relation to the chair, she said - a baker in Holm.")
    quotes = quotes_of(body)
    assert said(quotes, "leaves home at seven").speaker == "Imelda Rourke"
    assert said(quotes, "Nobody asked").speaker == "Imelda Rourke"


def test_a_lone_given_name_is_the_untagged_full_name_it_opened_before():
    from newsfacts.facts.entities import EntityMention, _untagged_full_name_before, name_key

    def lone(body: str, others=()):
        at = body.rindex("Winnie")
        m = EntityMention(at, at + 6, "Winnie", "PERSON", name_key("Winnie"))
        return _untagged_full_name_before(body, m, [m, *others])

    body = "The bakery threw a party for Winnie Oakhurst, who retired at 80. Winnie said she would miss the ovens."
    assert lone(body) == "Winnie Oakhurst"
    # nearest negatives: a full name the model tagged (someone of its own), or one written only after, is not hers
    tagged = EntityMention(29, 44, "Winnie Oakhurst", "ORG", name_key("Winnie Oakhurst"))
    assert lone(body, [tagged]) == ""
    assert lone("Winnie said she would miss the ovens. The bakery thanked Winnie.") == ""


_HAILED = ("Harriet Lowe read two new poems at the Corn Exchange in Ludlow on Friday and then took questions. Asked by "
           "a man near the back, who gave his name as Trevor, whether the sea poems were about her childhood, she "
           "smiled:\n\n“Trevor, I grew up two hundred miles from any coast. That is exactly why I write about it.”")


def test_a_name_hailed_at_the_start_of_the_quote_is_the_one_spoken_to_not_the_speaker(quotes_of):
    assert said(quotes_of(_HAILED), "two hundred miles").speaker == "Harriet Lowe"


def test_a_name_opening_the_quote_as_its_subject_is_not_hailed(quotes_of):
    # nearest negative: no comma after the name, so the quotation speaks of the person named before it, who says it
    body = ("Trevor Mayhew, who has run the shop since 1989, was asked by a customer whether he would ever retire. "
            "He grinned:\n\n“Trevor Mayhew retires when the roof falls in.”")
    assert said(quotes_of(body), "roof falls in").speaker == "Trevor Mayhew"


def test_a_title_abbreviation_the_model_tags_a_place_is_the_person_given_that_title(quotes_of):
    body = ("Grimley's managing director, Alun Pritchard, has run the mill for 31 years. The MD said: \"We have never "
            "closed a shift early.\"")
    assert said(quotes_of(body), "never closed").speaker == "Alun Pritchard"


def test_a_place_after_the_is_not_taken_for_a_title_abbreviation(quotes_of):
    # nearest negative of the rule above: "the UK" is no title in the lexicon, so the country keeps its words
    body = ("Talks on the fishing quota broke down in Brussels on Monday. The UK said: \"We will not sign a deal that "
            "empties our harbours.\"")
    assert said(quotes_of(body), "empties our harbours").speaker == "United Kingdom"


def test_the_pronoun_owning_what_a_relative_clause_says_a_man_is_is_not_his(quotes_of, monkeypatch):
    body = ("Amara Osei broke the Ridgeway 10K course record on Saturday, finishing in 31:02 despite the wind.\n\n"
            "“I felt the wind drop at six kilometres and I knew,” the Ghanaian said at the finish.\n\nHer coach, "
            "Daniel Osei, who is also her husband, said she had trained on the hills above Kumasi for ten weeks. "
            "“She does not like flat courses,” he said. “But she likes records more.”")
    # "husband" says he is a man; "her husband" and "she had trained" are his wife's, so no female vote wins
    assert genders_of(quotes_of, monkeypatch, body).get("Daniel Osei") != "f"
    assert said(quotes_of(body), "flat courses").speaker == "Daniel Osei"


def test_a_pronoun_owning_someone_else_the_person_names_is_still_theirs(quotes_of, monkeypatch):
    # nearest negative: "her husband" is not what the relative clause says Ruth Abbott is, so "her" is hers
    body = ("The rowing club opened its new boathouse on Sunday.\n\nIts treasurer, Ruth Abbott, who is also the "
            "club's oldest member, said her husband had built the slipway by hand. “He never let anyone help,” "
            "she said.")
    assert genders_of(quotes_of, monkeypatch, body).get("Ruth Abbott") == "f"
    assert said(quotes_of(body), "never let anyone").speaker == "Ruth Abbott"


def test_a_line_whose_reporting_verb_follows_an_organisation_in_apposition_introduces_its_words(quotes_of):
    body = ("The ferry's master, Colm Dunphy, was praised by passengers for keeping everyone calm.\n\n"
            "The ferry operator, Westway Sailings, posted on its website: “We are grateful to our crew and we are "
            "working with the harbour authority to understand what happened.”")
    quote = said(quotes_of(body), "grateful to our crew")
    assert quote.speaker == "Westway Sailings"


def test_a_roundup_source_quoted_in_an_outlet_is_still_the_source(quotes_of):
    body = ("Reaction from the county:\n\n"
            "Maria Lopez, quoted in the Valley Courier: “The bypass was promised to us twenty years ago and we "
            "are still waiting for it.”")
    quote = said(quotes_of(body), "bypass was promised")
    assert (quote.speaker, quote.speaker_basis) == ("Maria Lopez", "roundup")


def test_an_age_given_to_no_one_is_the_paragraphs_lead_in_subject_not_the_storys_protagonist(quotes_of):
    body = ("Harrowby coach Dennis Whitlock praised his side after the 2-1 win over Stanmere on Saturday.\n\n"
            "Stanmere's goalkeeper Callum Ostrowski, who saved a penalty, was asked about his gloves. "
            "“They were my dad's,” the 22-year-old said.")
    assert said(quotes_of(body), "my dad's").speaker == "Callum Ostrowski"


def test_an_age_the_story_gave_someone_is_theirs_whatever_the_paragraph_opens_with(quotes_of):
    body = ("Harrowby's captain, Tariq Bello, 22, scored twice on Saturday.\n\n"
            "Stanmere's goalkeeper Callum Ostrowski, who saved a penalty, was beaten twice in the second half. "
            "“We knew where he would put them,” the 22-year-old said.")
    assert said(quotes_of(body), "where he would put").speaker == "Tariq Bello"


def test_the_airline_is_the_organisation_the_story_made_the_subject_of_its_lead(quotes_of):
    body = ("A Pelican Airways flight from Leeds to Faro turned back on Monday after a cracked windscreen.\n\n"
            "The airline said in a statement:\n\n"
            "“The aircraft landed normally and passengers were moved to a replacement flight within three hours.”")
    assert said(quotes_of(body), "landed normally").speaker == "Pelican Airways"


def test_the_airline_is_not_a_place_the_model_tagged_an_organisation(quotes_of):
    body = ("A flight from Bristol to Faro turned back on Monday after a cracked windscreen.\n\n"
            "The airline said in a statement:\n\n"
            "“The aircraft landed normally and passengers were moved to a replacement flight within three hours.”")
    assert said(quotes_of(body), "landed normally").speaker != "Bristol"


def test_the_trust_is_the_organisation_with_trust_in_its_name(quotes_of):
    body = ("Walkers praised the Harwood Moors Trust and the county council for reopening the path.\n\n"
            "“We rebuilt the bridge with oak from the estate,” the trust said.")
    assert said(quotes_of(body), "oak from the estate").speaker == "Harwood Moors Trust"


def test_a_fellowship_after_a_name_is_not_part_of_it(quotes_of):
    # the model tags "Abimbola Eze, FREng" an organisation: the honour cut off, the name is a person's
    body = ("At the morning ceremony an honorary degree was conferred on Abimbola Eze, FREng, the civil engineer behind "
            "the Carrow flood barrier. She told the graduates:\n\n"
            "“Every bridge I have built began as a drawing someone laughed at.”")
    assert said(quotes_of(body), "Every bridge").speaker == "Abimbola Eze"


def test_a_headline_speaker_given_by_description_is_the_one_the_body_names_for_the_same_words(quotes_of):
    body = ("Retired judge tells students: “Read the small print”\n\n"
            "The retired High Court judge Dame Helena Okoro spoke at Castlebridge College on Friday. She said:\n\n"
            "“Read the small print. Then read it again, because someone is paid to hide things in it.”")
    quotes = quotes_of(body)
    headline = [q for q in quotes if q.start_char < body.index("\n")][0]
    assert headline.speaker == "Helena Okoro"


def test_a_headline_speaker_given_by_description_keeps_it_when_the_body_never_repeats_the_words(quotes_of):
    body = ("Retired judge tells students: “Read the small print”\n\n"
            "The retired High Court judge Dame Helena Okoro spoke at Castlebridge College on Friday. She said:\n\n"
            "“Nobody reads contracts any more, and the people who write them know it.”")
    quotes = quotes_of(body)
    headline = [q for q in quotes if q.start_char < body.index("\n")][0]
    assert headline.speaker != "Helena Okoro"


def test_a_name_after_the_descriptions_head_and_a_preposition_is_not_the_one_described(quotes_of):
    # the model tags the village "Sowerby" a person: it is where the librarian is from, not the librarian
    body = ("The finder was Margaret Pollitt, a retired librarian from Sowerby who has volunteered on the dig every "
            "summer since 2017.\n\n"
            "Mrs. Pollitt, for her part, has asked for only one thing. “I want a plaque with my name on it,” the "
            "librarian said.")
    assert said(quotes_of(body), "plaque with my name").speaker == "Margaret Pollitt"


def test_a_name_after_the_descriptions_head_its_object_and_a_comma_is_the_one_described(quotes_of):
    body = ("The harbour was reopened on Monday by the Minister for Fisheries, Orrin Calloway, and the mayor.\n\n"
            "“This is the first good news the fleet has had in years,” the minister said.")
    assert said(quotes_of(body), "first good news").speaker == "Orrin Calloway"


def test_so_began_after_a_run_of_quoted_paragraphs_names_its_speaker(quotes_of):
    body = ("The hearing resumed after lunch.\n\n"
            "“Members of the committee, I have served this county for thirty years.”\n\n"
            "“I have never once been asked to account for a receipt.”\n\n"
            "So began Councillor Marjorie Fenwick, and so, for most of the afternoon, she continued.")
    quotes = quotes_of(body)
    assert all(q.speaker.endswith("Marjorie Fenwick") and q.speaker_basis == "named_after" for q in quotes)


def test_a_given_name_tagged_alone_before_a_surname_tagged_alone_later_is_one_full_name(quotes_of):
    body = ("The studio announced the delay in a post signed by its creative director Jun-seo Park:\n\n"
            "“We know this hurts. We would rather be late than broken.”\n\n"
            "Asked whether the game would ship this year, Park said: “No. Seventy is seventy.”")
    quotes = quotes_of(body)
    assert said(quotes, "We know this hurts").speaker == "Jun-seo Park"


def test_the_airline_is_not_a_public_body_made_the_subject(quotes_of):
    body = ("The Civil Aviation Authority grounded a Pelican Airways jet at Leeds on Monday after a cracked windscreen.\n\n"
            "“Passengers were moved to a replacement flight within three hours,” the airline said.")
    assert said(quotes_of(body), "replacement flight").speaker != "Civil Aviation Authority"


def test_a_name_right_after_the_kind_of_its_organisation_is_that_organisation(quotes_of):
    # the model types "Transportes Lusitano" a person: "it" then found no organisation but the Home Office
    body = ("The Home Office said in a statement that it was monitoring the strike.\n\n"
            "The airline Transportes Lusitano said it had cancelled 40 services since Friday and called the "
            "disruption “regrettable but unavoidable.”")
    assert said(quotes_of(body), "regrettable").speaker == "Transportes Lusitano"


def test_a_person_subject_of_a_clause_describing_an_organisation_stays_a_person(quotes_of):
    body = ("Voltline's shares fell on Monday. The company Elon Musk founded in 2003 said it would recall 9,000 cars.\n\n"
            "“We take safety seriously,” Musk said.")
    assert said(quotes_of(body), "safety seriously").speaker == "Elon Musk"


_TWO_VOICES = ("The two partners have run the bakery since 2009, and they still argue about the bread. Marcus "
               "Penhaligon bakes; Lydia Trewin keeps the books.\n\n"
               "“Sourdough on a Monday? Nobody wants sourdough on a Monday.”\n\n"
               "“Everybody wants sourdough on a Monday.”\n\n"
               "“Name one person.”\n\n")


def test_names_joined_by_then_after_a_run_give_its_paragraphs_in_turn(quotes_of):
    body = _TWO_VOICES + "Penhaligon, then Trewin, then Penhaligon again. It has been like this for years."
    quotes = quotes_of(body)
    assert [said(quotes, w).speaker for w in ("Nobody wants", "Everybody wants", "Name one")] == [
        "Marcus Penhaligon", "Lydia Trewin", "Marcus Penhaligon"]


def test_names_joined_by_then_in_a_sentence_that_goes_on_are_not_a_run_in_turn(quotes_of):
    body = _TWO_VOICES + "Penhaligon, then Trewin, then Penhaligon again went back to the ovens without a word."
    quotes = quotes_of(body)
    assert [said(quotes, w).speaker for w in ("Nobody wants", "Everybody wants", "Name one")] != [
        "Marcus Penhaligon", "Lydia Trewin", "Marcus Penhaligon"]


def _rescue(service: str) -> str:
    return (f"The Kinloch Coastguard and the {service} searched the hill overnight for two missing walkers. Team "
            "leader Dr. Alison Reid said both were found unhurt at dawn.\n\n"
            "Visibility was, in the words of the team's own post, “about the length of a spaniel.”")


def test_the_team_is_the_organisation_with_team_in_its_name(quotes_of):
    quote = said(quotes_of(_rescue("Lochaber Mountain Rescue Team")), "length of a spaniel")
    assert quote.speaker == "Lochaber Mountain Rescue Team"


def test_the_team_is_not_an_organisation_made_a_subject_whose_name_does_not_say_team(quotes_of):
    quote = said(quotes_of(_rescue("Lochaber Rescue Service")), "length of a spaniel")
    assert quote.speaker not in ("Lochaber Rescue Service", "Kinloch Coastguard")


def test_a_text_published_on_an_organisations_own_site_speaks_for_it(quotes_of):
    body = ("Travellers to Valdoria were told to check their bookings after the State Department raised its warning "
            "level on Monday.\n\n"
            "The updated guidance, posted on the department's travel website, now reads:\n\n"
            "“Do not travel to the northern provinces. Commercial flights may stop without notice.”")
    assert said(quotes_of(body), "northern provinces").speaker == "State Department"


def test_a_text_posted_on_a_page_nobody_named_owns_speaks_for_no_one(quotes_of):
    body = ("Travellers to Valdoria were told to check their bookings after the State Department raised its warning "
            "level on Monday.\n\n"
            "The guidance, posted on a community noticeboard in the capital, reads:\n\n"
            "“Do not travel to the northern provinces. Commercial flights may stop without notice.”")
    assert said(quotes_of(body), "northern provinces").speaker != "State Department"


# Thirteenth round (B): read-outs, answers to a question put, relatives named in apposition

def test_a_card_read_out_from_someone_is_the_senders_words(quotes_of):
    body = ("The school's head teacher, Marion Achebe, opened the assembly and read out a card from the local MP, "
            "Daniel Frost: “Every one of you should be proud of this result. I certainly am.”")
    quote = said(quotes_of(body), "proud of this result")
    assert quote.speaker == "Daniel Frost"


def test_a_card_read_out_on_its_own_colon_line_is_the_senders_words(quotes_of):
    body = ("At the briefing, press secretary Lena Marsh read out a telegram from Senator Paul Okafor:\n\n"
            "“I am sorry I cannot be with you today. Keep up the fight.”")
    assert said(quotes_of(body), "cannot be with you").speaker == "Paul Okafor"


def test_the_reader_of_a_card_who_then_speaks_is_the_speaker(quotes_of):
    # nearest negative: the card is only held; the cue is the reader's own "said", so the words are hers
    body = ("The home's manager, Marion Achebe, holding a card from the local MP, Daniel Frost, said: “We will frame "
            "it and hang it in the hall.”")
    assert said(quotes_of(body), "frame it").speaker == "Marion Achebe"


def test_the_one_asked_answers_a_colon_line_whatever_its_verb(quotes_of):
    body = ("Gordon Pryce, the new chief whip, met reporters outside the chamber on Monday.\n\n"
            "Asked what he would change first, Pryce paused for a long time:\n\n"
            "“The hours. Nobody does good work at two in the morning.”")
    quote = said(quotes_of(body), "The hours")
    assert (quote.speaker, quote.speaker_basis) == ("Gordon Pryce", "intro")


def test_a_colon_line_not_opening_with_a_question_put_keeps_its_subject_rule(quotes_of):
    # nearest negative: "asked" later in the line is the reporter's act, not a question put to the subject
    body = ("Reporters asked about the vote, and the chief whip, Gordon Pryce, handed out a statement from the "
            "party leader, Ann Liddell:\n\n“We will not be bounced into an early election.”")
    assert said(quotes_of(body), "bounced into").speaker == "Ann Liddell"


@pytest.mark.parametrize("sentence, name", [
    ("His wife, Carol, said she had not believed it.", "Carol"),
    ("Her sister, Rosalind, was less patient.", "Rosalind"),
])
def test_a_name_in_apposition_to_someones_relative_is_a_person(quotes_of, sentence, name):
    body = (f"Gwen Ashdown and her family waited at the gate for six hours on Tuesday. {sentence} "
            "“It might kill me,” she said.")
    assert said(quotes_of(body), "might kill me").speaker == name


def test_an_organisation_in_apposition_to_a_non_relative_keeps_its_type(quotes_of):
    # nearest negative: "her employer" is no relative, so the organisation named beside it is not a woman
    body = ("Gwen Ashdown, a cashier, was not paid for six weeks. Her employer, Tesco, said in a statement that the "
            "error had been fixed. “I want an apology,” she said.")
    assert said(quotes_of(body), "want an apology").speaker == "Gwen Ashdown"


def test_a_name_in_apposition_to_the_ombudsman_is_a_person(quotes_of):
    body = ("The courier's appeal was rejected. The ombudsman, Grace Ellory-Banks, was not persuaded by the firm's "
            "defence. In her decision she said: “The clause was on page eleven.”")
    assert said(quotes_of(body), "page eleven").speaker == "Grace Ellory-Banks"


def test_the_person_in_apposition_to_the_subject_speaks_not_a_name_in_a_clause_after_it(quotes_of):
    # the subject "The home's manager, Marion Achebe, holding a card from ..., Daniel Frost," ends on another name
    body = ("The school's head, Marion Achebe, flanked by the local MP, Daniel Frost, said: “We will frame it and "
            "hang it in the hall.”")
    assert said(quotes_of(body), "frame it").speaker == "Marion Achebe"


def test_a_description_then_a_name_in_apposition_is_still_that_name(quotes_of):
    # nearest negative: one person in apposition, nothing after it
    body = "The county sheriff, Jim Hartley, said: “The road will stay closed until Friday.”"
    assert said(quotes_of(body), "stay closed").speaker == "Jim Hartley"


def test_an_honorific_inside_a_span_the_model_took_for_a_work_opens_a_persons_name(quotes_of):
    body = ("The board met on Tuesday.\n\nSuperintendent Dr. Lorraine Castellanos-Webb presented the district's "
            "survey of 2,100 families. \"Attendance in first period is up nine percent,\" she said.")
    assert said(quotes_of(body), "Attendance in first").speaker == "Lorraine Castellanos-Webb"


def test_a_passive_agent_is_who_the_pronoun_after_points_back_to(quotes_of):
    body = ("Martin Fellowes thanked the donors for an hour.\n\nThe auction was run by Tamsin Achterberg of Brook & "
            "Hale, who coaxed £38,000 out of the room. “Don’t look at your wife, sir, look at me,” she told one "
            "hesitant bidder.")
    assert said(quotes_of(body), "look at me").speaker == "Tamsin Achterberg"


def test_a_passive_subject_outranks_the_agent_of_its_own_clause(quotes_of):
    # nearest negative: both women in one passive clause; its subject, not its agent, is who "she" continues
    body = ("Senator Amy Lowell was questioned by Representative Jane Ortiz for an hour on Tuesday. “I have nothing to "
            "hide,” she said.")
    assert said(quotes_of(body), "nothing to").speaker == "Amy Lowell"


def test_so_began_after_a_run_names_the_counsel_given_with_her_honours(quotes_of):
    body = ("Counsel for the council, Judith Amery KC, rose at ten.\n\n“Members of the panel, this is a case about a "
            "bridge.”\n\n“It is not a case about a mayor.”\n\nSo began Ms. Amery, and so, for three hours, she went on.")
    assert {q.speaker for q in quotes_of(body)} == {"Judith Amery"}


def test_so_began_naming_no_one_gives_the_run_no_speaker(quotes_of):
    # nearest negative: "So began a week of protests" names an event, not who spoke
    body = ("The city woke to a new banner on the town hall.\n\n“No more closures.”\n\n“Not one more.”\n\n"
            "So began a week of protests across the capital.")
    assert {q.speaker for q in quotes_of(body) if q.kind == "direct"} <= {None}


def test_a_name_right_after_a_lowercase_title_is_a_persons_whatever_the_model_typed(quotes_of):
    body = ("Independent candidate Rosa Delacroix spoke first.\n\nThe third candidate, Conservative councillor Ifeoma "
            "Saddler, spent much of the night trying to get a word in. \"I'm the only one on this stage who has "
            "balanced a budget,\" she said.")
    assert said(quotes_of(body), "balanced a budget").speaker == "Ifeoma Saddler"


def test_a_description_with_no_name_beside_it_still_points_to_the_person_named_with_it(quotes_of):
    # nearest negative: "The medical director" has no name in apposition, so the one named with the title before
    body = ("The department's medical director, Dr. Ines Carbrook, met reporters on Monday. Her deputy, Tom Ruiz, "
            "stayed in the office.\n\nAsked whether the ward would reopen, the medical director was cautious. "
            "“It's too early to say,” she said.")
    assert said(quotes_of(body), "too early").speaker == "Ines Carbrook"


def test_a_statement_sent_and_read_out_by_another_is_the_senders(quotes_of):
    body = ("Senator Ruth Hale, who stayed in Washington for the vote, sent a letter read out by her aide, Tom Pike:\n\n"
            "“I am with you, and I will be home on Friday.”")
    quote = said(quotes_of(body), "I am with you")
    # the letter's sender read through the text (speakers51: a verb of reading out with no subject reads its text)
    assert (quote.speaker, quote.speaker_basis) == ("Ruth Hale", "relayed")


def test_a_statement_read_out_by_its_reader_with_no_sender_is_the_readers(quotes_of):
    # nearest negative: no one sent it; the reader is the subject and the only voice
    body = "The press secretary, Karine Jean-Pierre, read a statement to reporters:\n\n“The talks will go on.”"
    assert said(quotes_of(body), "talks will go on").speaker == "Karine Jean-Pierre"


def test_he_told_her_after_she_asked_is_the_one_asked_not_the_reporter(quotes_of):
    body = ("10:57 p.m. — Our reporter Kim Tranh caught up with Dale Pruett outside his headquarters before the last "
            "ballots came in. She asked whether he was ready to concede.\n\n“Not until every vote is counted. I owe "
            "that to the volunteers,” he told her.")
    assert said(quotes_of(body), "Not until every vote").speaker == "Dale Pruett"


def test_a_sentence_between_that_names_the_one_asked_keeps_him(quotes_of):
    # nearest negative: the sentence between opens on a name, not on the reporter's pronoun
    body = ("10:57 p.m. — Our reporter Kim Tranh caught up with Dale Pruett outside his headquarters before the last "
            "ballots came in. Pruett was asked whether he was ready to concede.\n\n“Not until every vote is counted. "
            "I owe that to the volunteers,” he said.")
    assert said(quotes_of(body), "Not until every vote").speaker == "Dale Pruett"


def test_a_name_in_commas_right_before_a_cue_the_parse_left_without_subject_is_its_subject(quotes_of):
    body = ("Ash fell on the island again on Tuesday. The island’s civil protection chief, Comandante Teodoro Raposo, "
            "told local radio that the eruption was “behaving itself, for a volcano.”")
    assert said(quotes_of(body), "behaving itself").speaker.endswith("Teodoro Raposo")


def test_a_name_in_commas_as_an_object_does_not_take_the_subjects_words(quotes_of):
    # nearest negative: the name in commas is the one thanked; the parse gives the verb its subject, the minister
    body = ("Ash fell on the island again on Tuesday. Minister Ana Pires thanked the island’s civil protection chief, "
            "Teodoro Raposo, and told local radio that the eruption was “under control.”")
    assert said(quotes_of(body), "under control").speaker == "Ana Pires"


def test_the_witness_after_a_named_star_witness_is_who_the_pronoun_points_to(quotes_of):
    body = ("Judge Imelda Vance intervened only once. “Move on, counsel,” she said.\n\nThe afternoon belonged to the "
            "prosecution’s star witness, former finance director Pauline Garside, who told the court she had raised "
            "it in 2021.\n\nUnder cross-examination, the witness held her ground. “I’m not the one on trial,” she "
            "told Mr. Fenn.")
    assert said(quotes_of(body), "not the one on trial").speaker == "Pauline Garside"


def test_the_witness_of_the_other_gender_is_not_who_she_points_to(quotes_of):
    # nearest negative: the star witness named is a man, so "the witness ... she" is someone else (the judge here)
    body = ("Judge Imelda Vance intervened only once. “Move on, counsel,” she said.\n\nThe afternoon belonged to the "
            "prosecution’s star witness, former finance director Paul Garside, who told the court he had raised it "
            "in 2021.\n\nUnder cross-examination, the witness held her ground. “I’m not the one on trial,” she "
            "told Mr. Fenn.")
    assert said(quotes_of(body), "not the one on trial").speaker != "Paul Garside"


def test_her_as_the_subject_of_a_gerund_cue_is_a_pronoun_to_resolve(quotes_of):
    body = ("For twenty-two years, Joan Ellery has stood at the corner every school morning in her yellow coat. Last "
            "week she retired. My daughter still remembers her saying “Eyes up, feet ready” before every crossing.")
    assert said(quotes_of(body), "Eyes up").speaker == "Joan Ellery"


def test_a_share_of_people_saying_something_is_the_poll_named_before(quotes_of):
    body = ("A new Marist poll shows majority support for the bill. Fifty-one percent say that “the bill should pass "
            "before the recess.”")
    assert said(quotes_of(body), "should pass").speaker == "Marist poll"


def test_a_share_of_a_vote_is_no_poll(quotes_of):
    # nearest negative: "Fifty-one percent of the vote" is not the subject reporting; the mayor speaks
    body = ("A new Marist poll had the race tied. Fifty-one percent of the vote went to the mayor, who said she was "
            "“humbled and grateful.”")
    assert said(quotes_of(body), "humbled").speaker != "Marist poll"


def test_counsel_named_in_commas_with_an_honour_after_the_name_is_that_person(quotes_of):
    body = ("Counsel for Dunmore Estates, Mr Rupert Halse KC, had argued that the caption was “sarcastic and "
            "disloyal.”")
    assert said(quotes_of(body), "sarcastic").speaker == "Rupert Halse"


def test_counsel_followed_by_more_than_an_honour_is_not_reduced_to_the_name(quotes_of):
    # nearest negative: words after the name other than an honour ("of Brick Court") keep the old reading
    body = ("Counsel for Dunmore Estates, Mr Rupert Halse KC of Brick Court Chambers, had argued that the caption was "
            "“sarcastic and disloyal.”")
    assert said(quotes_of(body), "sarcastic").speaker is not None


_QA = ("Architect Tamsin Achebe-Rowe designed the new city library. We asked her about it.\n\n"
       "Q: Who taught you what a library is for?\n\n")


def test_a_verbless_answer_naming_someone_is_who_the_pronoun_after_points_to(quotes_of):
    body = _QA + "A: My professor, Ingrid Solheim. She used to tell us, “A library is the last place you can sit for free.”"
    assert said(quotes_of(body), "sit for free").speaker == "Ingrid Solheim"


def test_a_verbless_answer_naming_no_one_leaves_the_pronoun_to_the_rules_before(quotes_of):
    # nearest negative: the answer names no one, so "she" is not taken from it
    body = _QA + "A: My old professor, at the time. She used to tell us, “A library is the last place you can sit for free.”"
    assert said(quotes_of(body), "sit for free").speaker == "Tamsin Achebe-Rowe"


def test_a_name_typed_an_organisation_that_owns_her_object_is_a_person(quotes_of):
    body = ("The star of the fair came from a small vineyard near Lewes. Its winemaker, Imogen Fairweather-Lyle, "
            "planted her first vines in 2011. “Everyone told me it was too cold,” she said.")
    assert said(quotes_of(body), "too cold").speaker == "Imogen Fairweather-Lyle"


def test_an_organisation_that_owns_its_object_stays_an_organisation(quotes_of):
    # nearest negative: "its" is an organisation's possessive, so the company keeps its type and the woman speaks
    body = ("Jane Moss runs the farm shop. Her supplier, Cold Bank Estate, planted its first vines in 2011. "
            "“Everyone told me it was too cold,” she said.")
    assert said(quotes_of(body), "too cold").speaker == "Jane Moss"


def test_a_fellowship_after_a_name_and_a_comma_makes_it_a_persons(quotes_of):
    body = ("An honorary doctorate was conferred on Yetunde Aroloye, FREng, the civil engineer behind the flood "
            "barrier. She told the graduates:\n\n“I want to talk to you about failure.”")
    assert said(quotes_of(body), "about failure").speaker == "Yetunde Aroloye"


def test_a_fellowship_after_an_institution_does_not_make_it_a_person(quotes_of):
    # nearest negative: "of" inside the name: an institution, not a person given the honour
    body = ("The medal was given by the Royal Academy of Engineering, FREng, on Monday. Its president, Dame Ann "
            "Dowling, said: “Engineering is a team sport.”")
    assert said(quotes_of(body), "team sport").speaker == "Ann Dowling"


def test_a_statement_owned_by_her_is_the_words_of_the_woman_before(quotes_of):
    body = ("Senator Jane Hale left the chamber early on Tuesday. Her statement, which called the ruling “reckless "
            "and cruel,” was posted an hour later.")
    assert said(quotes_of(body), "reckless").speaker == "Jane Hale"


def test_a_statement_owned_by_them_is_not_given_to_one_person(quotes_of):
    # nearest negative: "their statement" is a group's, so the senator named before does not get its words
    body = ("Senator Jane Hale met the families on Tuesday. Their statement, which called the ruling “reckless and "
            "cruel,” was posted an hour later.")
    assert said(quotes_of(body), "reckless").speaker != "Jane Hale"


def test_a_participle_between_commas_after_the_name_leaves_the_name_the_reporting_verbs_subject(quotes_of):
    body = "White House press secretary Karine Jean-Pierre, asked about the report, told reporters: “We have seen it.”"
    assert said(quotes_of(body), "seen it").speaker == "Karine Jean-Pierre"


def test_a_clause_with_its_own_subject_before_the_verb_is_not_read_as_a_participle(quotes_of):
    # nearest negative: "Reporters asked whether ..." is a clause of its own; the aide named before "said" speaks
    body = "Reporters asked whether Senator Jane Hale would run, and an aide, Tom Pike, said: “Not yet.”"
    assert said(quotes_of(body), "Not yet").speaker == "Tom Pike"


def test_the_president_named_with_the_title_by_no_one_is_not_the_last_subject(quotes_of):
    body = ("In a statement, House Speaker Nancy Pelosi said: “The president must be held accountable.”\n\n"
            "According to a senior administration official, the president said privately that the deal was "
            "“a disaster.”")
    assert said(quotes_of(body), "a disaster").speaker != "Nancy Pelosi"


def test_the_president_named_with_the_title_is_that_person(quotes_of):
    # nearest negative: the story gave the title to one person, so "the president" is him
    body = ("President Joe Biden met Speaker Nancy Pelosi on Monday.\n\nAccording to a senior administration official, "
            "the president said privately that the deal was “a disaster.”")
    assert said(quotes_of(body), "a disaster").speaker == "Joe Biden"


def test_sign_as_a_verb_is_no_medium_for_a_slogan(quotes_of):
    body = "The governor's spokeswoman, asked whether he would sign the bill, said: “He will review it this week.”"
    quote = said(quotes_of(body), "review it")
    # speech, from a described speaker kept unnamed (thirteenth round C's convention for owned descriptions)
    assert quote.kind == "direct" and "The governor's spokeswoman" in quote.speaker_reason


def test_a_sign_as_a_thing_still_carries_a_slogan(quotes_of):
    # nearest negative: "a sign that read" is a medium, so its line is a slogan, not speech
    body = "Outside the statehouse, protesters carried a sign that read: “No more wars.”"
    assert said(quotes_of(body), "No more wars").kind == "slogan"


def test_the_one_turned_to_and_asked_answers_not_the_asker(quotes_of):
    body = ("Later, Senator Lindsey Graham turned to the nominee and asked: “Are you a member of any group that wants "
            "to overturn the ruling?” The nominee answered: “No, senator.”")
    assert said(quotes_of(body), "No, senator").speaker != "Lindsey Graham"


def test_a_description_never_spoken_to_still_points_to_the_person_named_with_it(quotes_of):
    # nearest negative: "the psychologist" is not the one spoken to; it is the woman named with the word
    body = ("Dr. Lena Fischer, a psychologist at the clinic, testified first and turned to the jury. “It was "
            "avoidable,” the psychologist said.")
    assert said(quotes_of(body), "avoidable").speaker == "Lena Fischer"


def test_a_persons_unnamed_spokesman_is_unnamed_and_so_is_the_spokesman_after_him(quotes_of):
    body = ("At the morning briefing, the Governor’s official spokesman said the plan was “on track, as it has been "
            "since March,” and that Governor Ellery Marsh remained “entirely behind it.”\n\n"
            "Asked about the auditor, Nadia Rees, the spokesman replied: “The Governor reads every report.”\n\n"
            "Later the spokesman said: “There will be no change this week.”")
    quotes = quotes_of(body)
    for words in ("on track", "entirely behind", "reads every report", "no change this week"):
        quote = said(quotes, words)
        assert quote.speaker is None, words
        assert _credited(body, quote).startswith("unnamed: "), words


def test_a_spokesperson_for_a_named_politician_is_unnamed_not_the_politician(quotes_of):
    body = ("A spokesperson for Senate Leader Corbin Vale called the bill “a fair starting point” on Tuesday.")
    quote = said(quotes_of(body), "fair starting point")
    assert quote.speaker is None
    assert _credited(body, quote) == "unnamed: A spokesperson for Senate Leader Corbin Vale"


def test_a_named_spokesman_or_a_firms_spokesperson_is_not_an_unnamed_voice(quotes_of):
    # nearest negatives: a spokesman named beside the word is that person, and "the spokesman" after him too
    body = ("Mayor Dina Orloff’s spokesman, Petra Lindqvist, said the mayor was “not worried.”\n\n"
            "“We have the votes,” the spokesman said.")
    quotes = quotes_of(body)
    assert said(quotes, "not worried").speaker == "Petra Lindqvist"
    assert said(quotes, "We have the votes").speaker == "Petra Lindqvist"


def test_a_spokeswoman_for_a_firm_keeps_the_firm_and_is_not_an_unnamed_voice(quotes_of):
    # nearest negative: an organisation's voice is the organisation (loose), as the parts label it, never unnamed
    body = "A spokeswoman for Cordell Gas said the outage was “regrettable but brief.”"
    quote = said(quotes_of(body), "regrettable")
    assert quote.speaker is not None and "Cordell Gas" in quote.speaker


def test_a_described_person_from_a_place_whom_who_marks_as_a_person_is_unnamed(quotes_of):
    body = ("Outside the statehouse, one welder from Toledo, who did not give his name, said the plant had "
            "“never once asked us what we thought.”")
    quote = said(quotes_of(body), "never once asked")
    assert quote.speaker is None and _credited(body, quote).startswith("unnamed: one welder from Toledo")


def test_a_run_named_after_it_by_an_anonymous_official_is_unnamed(quotes_of):
    body = ("The mayor, Ines Carvalho, has called the budget “balanced.” Aides tell a different story.\n\n"
            "“Half the numbers were guesses.”\n\n"
            "“Nobody checked the other half.”\n\n"
            "Both remarks came from a finance department official who asked not to be named.")
    quotes = quotes_of(body)
    for words in ("Half the numbers", "Nobody checked"):
        quote = said(quotes, words)
        assert quote.speaker is None and _credited(body, quote).startswith("unnamed: a finance department official"), words


def test_a_run_named_after_it_by_a_named_official_keeps_the_name(quotes_of):
    # nearest negative: the same run named by a person is that person's
    body = ("The mayor, Ines Carvalho, has called the budget “balanced.” Aides tell a different story.\n\n"
            "“Half the numbers were guesses.”\n\n"
            "“Nobody checked the other half.”\n\n"
            "Both remarks came from Tobias Wren, a finance department official.")
    quotes = quotes_of(body)
    assert [said(quotes, w).speaker for w in ("Half the numbers", "Nobody checked")] == ["Tobias Wren"] * 2
