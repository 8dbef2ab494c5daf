"""Conventions of political reporting that hand a quote to someone other than the nearest name (issue #25, the
fifteenth round: fresh9's leftovers). Each rule has a passage written for it and its nearest negative."""

from __future__ import annotations

import pytest

from newsfacts.facts.quotes import unnamed_description
from tests.facts.helpers import said

pytestmark = pytest.mark.integration


def _credited(body: str, quote) -> str | None:
    description = unnamed_description(body, quote)
    return quote.speaker or (f"unnamed: {description}" if description else None)


# 1. ordinals naming a run of quoted paragraphs, a surname named twice

def test_ordinals_after_a_run_give_its_paragraphs_to_a_surname_named_twice(quotes_of):
    body = ("8:02 p.m. - Moderator Ingrid Halvorsen-Pike of KTVX opened by asking both candidates to keep to the clock.\n\n"
            "8:40 p.m. - Two lines of the night so far, and neither came from a candidate:\n\n"
            "“We will get through this hour without anyone shouting at anyone.”\n\n"
            "“I will take that as a maybe.”\n\n"
            "The first was Halvorsen-Pike, after the candidates talked over each other for a minute; the second, "
            "also Halvorsen-Pike, when neither would say whether he would serve a full term.")
    quotes = quotes_of(body)
    for words in ("get through this hour", "as a maybe"):
        quote = said(quotes, words)
        assert (quote.speaker, quote.speaker_basis) == ("Ingrid Halvorsen-Pike", "named_after"), words


def test_ordinals_whose_words_aim_at_a_name_give_the_run_to_no_one(quotes_of):
    # nearest negative: the name after each ordinal is whom the lines were aimed at, not who said them
    body = ("8:02 p.m. - Moderator Ingrid Halvorsen-Pike of KTVX opened by asking both candidates to keep to the clock.\n\n"
            "8:40 p.m. - Two lines of the night so far, and neither came from a candidate:\n\n"
            "“We will get through this hour without anyone shouting at anyone.”\n\n"
            "“I will take that as a maybe.”\n\n"
            "The first was aimed at Halvorsen-Pike, who had cut him off twice; the second, also at Halvorsen-Pike, "
            "drew boos.")
    quotes = quotes_of(body)
    assert [said(quotes, w).speaker for w in ("get through this hour", "as a maybe")] == [None, None]


# 2. "Asked by X ..., the description said": the answer is the description's person, not the one who asked

def test_the_answer_after_an_asked_by_clause_is_the_described_subjects(quotes_of):
    body = ("The chairman, Rep. Walt Brannock, opened the hearing by calling the backlog “a disgrace.”\n\n"
            "The second panel featured Tomas Ekberg, president of the Federation of Port Pilots.\n\n"
            "Asked by Brannock whether more money would end the backlog, the federation president said it would help. "
            "“You cannot buy ten years of training in one budget,” he said.")
    quote = said(quotes_of(body), "ten years of training")
    assert quote.speaker == "Tomas Ekberg"


def test_the_asker_who_answers_a_question_put_to_him_keeps_his_words(quotes_of):
    # nearest negative: the chairman asked, then spoke himself: "he said" after his own sentence is his
    body = ("The chairman, Rep. Walt Brannock, opened the hearing by calling the backlog “a disgrace.”\n\n"
            "The second panel featured Tomas Ekberg, president of the Federation of Port Pilots.\n\n"
            "Brannock was not satisfied with the answer. “Then tell us what ten years costs,” he said.")
    quote = said(quotes_of(body), "what ten years costs")
    assert quote.speaker == "Walt Brannock"


# 3. an organisation's memo cited by a member: the organisation's words

def test_a_memo_of_an_organisation_cited_by_a_member_is_the_organisations(quotes_of):
    body = ("Rep. Alma Trevino, the panel’s ranking member, focused on overtime. She cited an internal FEMA memo that "
            "described staffing at the Denton office as “thin, brittle and getting worse.”")
    quote = said(quotes_of(body), "thin, brittle")
    assert quote.speaker == "FEMA"


def test_a_memo_with_no_organisation_cited_by_a_member_is_hers(quotes_of):
    # nearest negative: the same memo with no author named is left to the member who sent or cited it
    body = ("Rep. Alma Trevino, the panel’s ranking member, focused on overtime. She cited an internal memo that "
            "described staffing at the Denton office as “thin, brittle and getting worse.”")
    quote = said(quotes_of(body), "thin, brittle")
    assert quote.speaker != "FEMA" and quote.speaker in ("Alma Trevino", None)


# 6. "who" after "by": the author of the work, not the work

def test_who_after_a_post_by_a_person_is_that_person(quotes_of):
    body = ("The host then read from a post by Sen. Harriet Delacourt-Wynn, who had called the deal “a bailout with "
            "a bow on it” earlier in the day.")
    quote = said(quotes_of(body), "a bailout with a bow")
    assert quote.speaker == "Harriet Delacourt-Wynn"


def test_who_after_a_reader_from_a_place_is_the_reader(quotes_of):
    # nearest negative: after "from" a place, "who" is the person the place describes, not the place
    body = ("Graham Ossett, a reader in Stowfield, who wrote that the bypass was “forty years late and a mile "
            "short.”")
    quote = said(quotes_of(body), "forty years late")
    assert quote.speaker == "Graham Ossett"


# 4. a witness described by a tie to someone, named in the next sentence with the same tie

_TRIAL = ("CHICAGO — A former aide to ex-state Sen. Victor Maldano told jurors on Tuesday that she had been told to "
          "keep a “shadow ledger” of his meetings with a paving contractor.\n\n")


def test_a_described_witness_is_the_newcomer_the_next_paragraph_ties_to_the_same_person(quotes_of):
    body = _TRIAL + ("Teresa Kowalczyk, who worked as Maldano’s scheduler from 2017 to 2021, testified under a grant "
                     "of immunity. “Everybody knew there were two books,” she said.")
    quote = said(quotes_of(body), "shadow ledger")
    assert quote.speaker == "Teresa Kowalczyk"


def test_a_newcomer_with_no_tie_to_the_person_leaves_the_witness_described(quotes_of):
    # nearest negative: the next paragraph names someone new with no tie to Maldano: another person
    body = _TRIAL + ("Teresa Kowalczyk, a forensic accountant hired by the prosecution, testified next. “The numbers "
                     "do not add up,” she said.")
    quote = said(quotes_of(body), "shadow ledger")
    assert quote.speaker != "Teresa Kowalczyk"


def test_an_anonymous_aide_stays_unnamed_whoever_is_named_next(quotes_of):
    # nearest negative: a description the story keeps anonymous on purpose is never the next name
    body = ("A former aide to ex-state Sen. Victor Maldano, who spoke on condition of anonymity, said she had been "
            "told to keep a “shadow ledger” of his meetings.\n\n"
            "Teresa Kowalczyk, who worked as Maldano’s scheduler from 2017 to 2021, declined to comment.")
    quote = said(quotes_of(body), "shadow ledger")
    assert quote.speaker != "Teresa Kowalczyk"


# 5. the anchor of a programme named for its host

_SEGMENT = ("Castellan opened the segment by playing a clip of Rep. Ivo Brandt, the deal’s loudest critic. “This "
            "isn’t a compromise,” Brandt says in the clip.\n\n"
            "The anchor turned to her first guest, former strategist Noel Haverty. “Noel, is he wrong?” she asked.")


def test_the_anchor_of_a_programme_named_for_its_host_is_the_host(quotes_of):
    body = "On “Late Edition with Marisa Castellan” on Tuesday night, the fight over the deal reached the set.\n\n" + _SEGMENT
    quote = said(quotes_of(body), "is he wrong")
    assert quote.speaker == "Marisa Castellan"


def test_a_book_named_for_a_person_names_no_host(quotes_of):
    # nearest negative: a person in a book's title is not the host of the programme; the guest stays the guest
    body = ("Noel Haverty, a former strategist, has a new memoir out, “Dinner with Noel Haverty.”\n\n" + _SEGMENT)
    quote = said(quotes_of(body), "is he wrong")
    assert quote.speaker != "Noel Haverty"


# a letter read out on the floor, sent to the reader by someone she does not name

def test_a_letter_sent_to_a_senator_by_an_unnamed_teacher_is_the_teachers(quotes_of):
    body = ("Sen. Miriam Okonkwo-Hale, D-Bayfield, who wrote the bill, opened the debate by reading from a letter "
            "sent to her by a fourth-grade teacher in Rice Lake:\n\n"
            "“I buy the glue sticks. I buy the tissues. I am not asking for a raise. I am asking for a budget.”")
    quote = said(quotes_of(body), "glue sticks")
    assert quote.speaker is None and _credited(body, quote).startswith("unnamed: a fourth-grade teacher")


def test_a_letter_the_senator_sent_herself_is_hers(quotes_of):
    # nearest negative: a letter she sent to someone has no other sender; the reader's words are her own
    body = ("Sen. Miriam Okonkwo-Hale, D-Bayfield, who wrote the bill, opened the debate by reading from a letter "
            "she had sent to the governor in March:\n\n"
            "“I buy the glue sticks for my district’s schools myself. I am asking you for a budget.”")
    quote = said(quotes_of(body), "glue sticks")
    assert quote.speaker == "Miriam Okonkwo-Hale"


# a participle of naming after the main clause's comma reports the subject's words; a naming habit does not

def test_calling_after_a_comma_reports_the_subjects_words(quotes_of):
    body = ("Sen. Harlan Petrosky did so again last week, calling the rule “the brake that keeps this chamber from "
            "running off a cliff.”")
    quote = said(quotes_of(body), "the brake that keeps")
    assert quote.speaker == "Harlan Petrosky"


def test_taking_to_calling_a_building_a_name_gives_a_nickname(quotes_of):
    # nearest negative: a naming habit with no comma, and a few words, is a nickname, not speech
    body = "The roof of the gymnasium collapsed in 2021. Parents later took to calling the building “the cardboard gym.”"
    quote = said(quotes_of(body), "cardboard gym")
    assert quote.kind == "scare"


# "told me when I asked her": the asker does not say the answer

def test_an_answer_told_when_the_writer_asked_is_the_one_asked(quotes_of):
    body = ("Defenders of the rule will say, as the minority whip, Sen. Petra Lindahl, told me when I asked her about "
            "the book, that “history is not the point; stability is.”")
    quote = said(quotes_of(body), "history is not the point")
    assert quote.speaker == "Petra Lindahl"


def test_a_question_asked_in_the_main_clause_is_the_askers(quotes_of):
    # nearest negative: "asked" as the sentence's own verb reports the asker's words
    body = "Sen. Petra Lindahl asked when the committee would vote: “Is it this week or not?”"
    quote = said(quotes_of(body), "this week or not")
    assert quote.speaker == "Petra Lindahl"


# a thing that "tells a story" inside a person's report

def test_a_record_that_tells_the_real_story_is_the_reporters_figure_of_speech(quotes_of):
    body = ("The coalition’s director, Marta Ilves, said the candidate’s business record told “the real story.”")
    quote = said(quotes_of(body), "the real story")
    assert quote.speaker == "Marta Ilves"


def test_a_person_who_told_inside_a_report_keeps_the_words(quotes_of):
    # nearest negative: a person told someone the words: they are the inner speaker's
    body = "Marta Ilves said her colleague Tomas Reyes told reporters it was “the real story.”"
    quote = said(quotes_of(body), "the real story")
    assert quote.speaker == "Tomas Reyes"


# the sides of a trial speak as teams

def test_the_defense_as_a_side_is_the_team_not_its_named_attorney(quotes_of):
    body = ("Under cross-examination, defense attorney Nadia Kowal suggested the ledger was kept for privacy.\n\n"
            "The defense has called the case “a prosecution in search of a crime,” and Kowal told jurors her client "
            "was innocent.")
    quote = said(quotes_of(body), "in search of a crime")
    assert quote.speaker == "The defense"


def test_the_defense_attorney_is_the_attorney(quotes_of):
    # nearest negative: the attorney's title, not the side, stands for the person named with it
    body = ("Under cross-examination, defense attorney Nadia Kowal suggested the ledger was kept for privacy.\n\n"
            "“Senators have private lives,” the defense attorney said.")
    quote = said(quotes_of(body), "private lives")
    assert quote.speaker == "Nadia Kowal"


# what a tradesman or inspector "found" the matter was: their words

def test_what_a_clockmaker_found_the_problem_was_is_his_words(quotes_of):
    body = ("The clock on St. Aldric’s tower was restarted on Monday by clockmaker Osric Penhallow. Mr. Penhallow, "
            "whose firm has kept the clock since 1961, found the fault was “nothing a drop of oil and a new spring "
            "couldn’t fix.”")
    quote = said(quotes_of(body), "a drop of oil")
    assert quote.speaker == "Osric Penhallow"


def test_a_sign_found_reading_words_is_a_slogan(quotes_of):
    # nearest negative: words someone found written on a sign are the sign's, not the finder's
    body = "Volunteers found a hand-painted sign on the gate reading “Keep the Harbour Free.”"
    quote = said(quotes_of(body), "Keep the Harbour Free")
    assert quote.kind in ("slogan", "title") and quote.speaker != "Volunteers"


def test_people_who_found_themselves_blindsided_by_a_phrase_do_not_say_it(quotes_of):
    # nearest negative: "found" with no clause of a finding the quote completes reports nothing
    body = ("That’s when Harper and Okoye first learned who had written it, and found themselves blindsided by “the "
            "Mary Voss of it all.”")
    quote = said(quotes_of(body), "of it all")
    assert quote.kind != "direct" or quote.speaker is None


# a presenter's sign-off and an email's subject line are set lines, not speech

def test_an_anchors_usual_sign_off_is_a_slogan(quotes_of):
    body = ("Castellan closed the hour with her usual sign-off, “Stay curious, stay kind,” before the network’s promo "
            "rolled over the credits.")
    quote = said(quotes_of(body), "Stay curious")
    assert quote.kind == "slogan"


def test_words_said_before_the_sign_off_are_speech(quotes_of):
    # nearest negative: the sign-off named, but the quote is what she told viewers
    body = "Before her sign-off, Marisa Castellan told viewers: “We will be back tomorrow with the full results.”"
    quote = said(quotes_of(body), "back tomorrow")
    assert (quote.kind, quote.speaker) == ("direct", "Marisa Castellan")


def test_an_emails_subject_line_is_a_title(quotes_of):
    body = "The Perelli campaign has already emailed supporters with the subject line “Did you see that?!”"
    quote = said(quotes_of(body), "Did you see that")
    assert quote.kind == "title"


def test_the_email_itself_is_speech(quotes_of):
    # nearest negative: the email's body, written by a named person, is her words
    body = "In the email, whose subject line was blank, Nadia Perelli wrote: “Did you see that? We won the night.”"
    quote = said(quotes_of(body), "We won the night")
    assert (quote.kind, quote.speaker) == ("direct", "Nadia Perelli")


def test_a_memo_from_the_agency_named_before_is_the_agencys(quotes_of):
    # the organisation after "from", as an anaphor of the one the story named
    body = ("The Federal Aviation Administration said on Monday that hiring had slowed.\n\n"
            "Rep. Alma Trevino, the panel’s ranking member, focused on overtime. She cited a memo from the agency that "
            "described staffing at the Denton office as “thin, brittle and getting worse.”")
    quote = said(quotes_of(body), "thin, brittle")
    assert quote.speaker == "Federal Aviation Administration"


def test_an_aide_described_mid_story_is_not_the_next_person_tied_to_the_same_senator(quotes_of):
    # nearest negative: past the lede, a described aide and a named chief of staff are as likely two people
    body = ("CHICAGO — Ex-state Sen. Victor Maldano went on trial on Tuesday.\n\n"
            "An aide to Maldano told jurors that she had kept a “shadow ledger” of his meetings.\n\n"
            "Teresa Kowalczyk, Maldano’s chief of staff, testified next. “Everybody knew,” she said.")
    quote = said(quotes_of(body), "shadow ledger")
    assert quote.speaker != "Teresa Kowalczyk"


# a caption named as such is the picture's line; a post "captioned:" is its poster's words

def test_a_party_pictures_caption_is_not_speech(quotes_of):
    body = ("The Green Party posted a picture of a thermostat on social media with the caption “Turned down, like "
            "pensioners.”")
    quote = said(quotes_of(body), "like pensioners")
    assert quote.kind in ("title", "slogan")


def test_a_post_captioned_after_a_colon_is_its_posters_words(quotes_of):
    # nearest negative: the labels of every part give a post "captioned:" to the one who posted it
    body = ("Monty Featherstone, meanwhile, posted a cryptic photo of an empty champagne flute on Instagram on "
            "Saturday, captioned: “Half empty, as ever.”")
    quote = said(quotes_of(body), "Half empty")
    assert (quote.kind, quote.speaker) == ("direct", "Monty Featherstone")
