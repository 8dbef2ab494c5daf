"""Family (C) of issue #25, thirteenth round: speakers the story never names stay unnamed, and quoted titles and
slogans are told from speech. Each passage was written for its rule; the second of each pair is its nearest
negative (where the rule must not fire)."""

from __future__ import annotations

import pytest

from newsfacts.facts.quotes import unnamed_description
from tests.facts.helpers import said

pytestmark = pytest.mark.integration


def _credited(body: str, quote) -> str | None:
    description = unnamed_description(body, quote)
    return quote.speaker or (f"unnamed: {description}" if description else None)


@pytest.mark.parametrize("scene, words, description", [
    ("At the town hall, a man near the aisle yelled “Traitor!” as Congressman Dale Brandt took the microphone.",
     "Traitor", "a man near the aisle"),
    ("Somebody at the back shouted “Shame on You, Senator!” before security reached him. Senator Ruth Oyelaran "
     "did not look up.", "Shame on You", "Somebody at the back"),
    ("From the gallery, where a dozen farmers sat in work jackets, someone muttered “Hear, hear,” and was hushed. "
     "The next witness was Gwen Talley.", "Hear, hear", "someone"),
])
def test_one_voice_in_the_scene_is_speech_with_no_speaker(quotes_of, scene, words, description):
    """A verb of voice whose subject is one person never named: however short, capitalised or repeated the words,
    they are speech, and no name nearby (before or after) takes them."""
    quote = said(quotes_of(scene), words)
    assert quote.kind == "direct" and quote.speaker is None
    assert _credited(scene, quote) == f"unnamed: {description}"


def test_a_voice_verb_with_a_named_subject_still_names_them(quotes_of):
    body = "The vote was 5-2. “Not again,” muttered Ana Ruiz as the chair read the result."
    quote = said(quotes_of(body), "Not again")
    assert (quote.kind, quote.speaker) == ("direct", "Ana Ruiz")


def test_a_title_requested_without_a_voice_verb_stays_a_title(quotes_of):
    quote = said(quotes_of("A fan near the stage requested “Thunder Road,” and the band obliged."), "Thunder Road")
    assert quote.kind == "title"


def test_one_of_the_sources_just_named_is_an_unnamed_speaker(quotes_of):
    body = ("Aides to the governor were rattled on Tuesday after what one described as “a meltdown in the West Wing "
            "over the budget.”")
    quote = said(quotes_of(body), "a meltdown")
    # the evidence is the group the story just spoke of, which "one" is one of (referents.group_of_one)
    assert (quote.kind, quote.speaker, _credited(body, quote)) == ("direct", None, "unnamed: Aides to the governor")


def test_what_one_might_call_is_no_one_speaking(quotes_of):
    quote = said(quotes_of("The talks ended in what one might call “a frank exchange of views.”"), "frank exchange")
    assert quote.kind != "direct"


def test_they_after_an_anonymous_source_is_that_source(quotes_of):
    body = ("Helix Corp. delayed the launch again on Monday. A senior engineer at the plant, who spoke on condition of "
            "anonymity because they were not authorised to discuss it, said the team had worked every weekend since "
            "June. “It is not crunch any more,” they said. “It is just the job.”")
    quotes = quotes_of(body)
    first, second = said(quotes, "not crunch"), said(quotes, "just the job")
    assert first.speaker is None and second.speaker is None
    assert _credited(body, first) == "unnamed: A senior engineer at the plant"


def test_they_after_a_plural_is_not_an_anonymous_source(quotes_of):
    body = ("Helix Corp. delayed the launch again on Monday. Two engineers at the plant said the team had worked every "
            "weekend since June. “It is not crunch any more,” they said.")
    credited = _credited(body, said(quotes_of(body), "not crunch")) or ""
    assert not credited.startswith("unnamed")


def test_a_place_after_in_names_no_one(quotes_of):
    """"A store manager in the Midlands": the model tags the region a person; after "in" it is where they work."""
    body = ("Supermarket checks point the same way. A store manager in the Midlands told this newsletter that staff "
            "had been asked to “find savings” in every rota.")
    quote = said(quotes_of(body), "find savings")
    assert (quote.kind, quote.speaker) == ("direct", None)
    assert _credited(body, quote) == "unnamed: A store manager in the Midlands"


def test_a_name_in_apposition_after_an_office_in_a_place_is_the_speaker(quotes_of):
    body = "The committee chair in the Senate, Maria Okafor, said the subpoena was “long overdue.”"
    assert said(quotes_of(body), "long overdue").speaker == "Maria Okafor"


@pytest.mark.parametrize("body, words", [
    ("The campaign’s slogan is “Make Ohio Work Again.”", "Make Ohio"),
    ("Her motto was “ask twice, cut once,” and she meant it.", "ask twice"),
])
def test_a_slogan_named_with_a_copula_is_a_slogan(quotes_of, body, words):
    assert said(quotes_of(body), words).kind == "slogan"


def test_words_said_about_a_slogan_are_speech(quotes_of):
    body = "Asked about the slogan, Governor Tess Hale said: “It was never mine, and I never liked it.”"
    quote = said(quotes_of(body), "never mine")
    assert (quote.kind, quote.speaker) == ("direct", "Tess Hale")


@pytest.mark.parametrize("body, words", [
    ("Her memoir, “What happened to all of us,” sold a million copies in a month.", "What happened"),
    ("The studio said that “Wavebreak,” the game’s much-mocked first trailer, would be pulled on Friday.", "Wavebreak"),
])
def test_a_work_named_in_commas_beside_the_quote_makes_it_a_title(quotes_of, body, words):
    assert said(quotes_of(body), words).kind == "title"


def test_a_phrase_in_commas_that_is_no_apposition_leaves_speech(quotes_of):
    # a group given by a description is the speaker as said
    body = "In the report, “We found no evidence of fraud,” the investigators wrote."
    assert (said(quotes_of(body), "no evidence").kind, said(quotes_of(body), "no evidence").speaker) == \
        ("direct", "the investigators")


def test_a_phrase_in_commas_describing_one_person_leaves_speech_naming_no_one(quotes_of):
    # one person given by a description names no one: kept as the row's evidence, never as a name (speakers57)
    body = "“It was a mistake to cut the second act,” the film’s director said."
    quote = said(quotes_of(body), "a mistake")
    assert (quote.kind, quote.speaker, unnamed_description(body, quote)) == ("direct", None, "the film’s director")


def test_one_person_quoted_in_a_sentence_about_banners_is_speech(quotes_of):
    """A medium in the sentence makes a nameless group's line a slogan ("billboards in which people say"); one
    unnamed person's aside beside it is still speech."""
    body = ("The party’s new slogan, “Forward Together,” went up on banners at the convention, replacing an old one "
            "that, a county delegate said, “nobody under fifty could remember.”")
    quotes = quotes_of(body)
    assert said(quotes, "Forward Together").kind == "slogan"
    spoken = said(quotes, "nobody under fifty")
    assert (spoken.kind, _credited(body, spoken)) == ("direct", "unnamed: a county delegate")


def test_people_on_a_billboard_still_say_a_slogan(quotes_of):
    body = "The ads ran all summer. TV commercials and billboards in which people say, “I’m on the bus,” were everywhere."
    assert said(quotes_of(body), "on the bus").kind == "slogan"


def test_verbs_alone_between_a_quote_and_its_cue_are_no_speaker(quotes_of):
    body = ("The caterers at Mill House — hired in March, and rumoured to have billed “a fee the size of a small car” "
            "— are saying nothing.")
    assert said(quotes_of(body), "a fee the size").kind == "scare"


def test_a_name_between_a_quote_and_its_cue_is_the_speaker(quotes_of):
    body = "“It’s about the roads,” Okafor cuts in. “It’s about every road we didn’t fix.”"
    assert said(quotes_of(body), "about the roads").speaker == "Okafor"


def test_a_person_known_only_through_their_owner_stays_unnamed(quotes_of):
    body = ("The panel found that the club’s manager, in a voicemail the panel had heard, had said: “Sign the form or "
            "find another team.” The chair, Irene Mott, called it coercion.")
    quote = said(quotes_of(body), "Sign the form")
    assert (quote.speaker, _credited(body, quote)) == (None, "unnamed: the club’s manager")


def test_an_owned_description_named_beside_it_is_that_person(quotes_of):
    body = ("The club’s manager, Tom Reed, declined to comment on Friday. On Monday the club’s manager said: “We "
            "followed every rule in the book.”")
    assert said(quotes_of(body), "every rule").speaker == "Tom Reed"


@pytest.mark.parametrize("body, words", [
    ("Both candidates oppose the closure. Patel’s pitch — “Buses, bins and the Elm Street clinic” — has been on "
     "leaflets across the ward since May.", "Buses, bins"),
    ("“Stronger together,” was on every placard at the rally.", "Stronger together"),
])
def test_verbless_words_the_sentence_puts_on_a_medium_are_a_slogan(quotes_of, body, words):
    assert said(quotes_of(body), words).kind == "slogan"


def test_words_said_about_placards_are_speech(quotes_of):
    body = "Mayor Lena Ortiz walked past the protest. “A disgrace,” she said of the placards."
    quote = said(quotes_of(body), "A disgrace")
    assert (quote.kind, quote.speaker) == ("direct", "Lena Ortiz")


def test_a_later_clause_naming_a_medium_leaves_a_nickname_alone(quotes_of):
    body = ("Some residents call the agency “the sleepy office,” and a hand-painted sign on one porch reads "
            "“Wake Up, City Hall.”")
    assert said(quotes_of(body), "sleepy office").kind != "slogan"


def test_a_set_text_named_by_its_closing_words_is_not_speech(quotes_of):
    body = ("The mayor handed her a framed copy of the 1962 charter, which ends with the words “Friends across the "
            "water, for ever.” “She has done more for this town than I have,” the mayor said.")
    quotes = quotes_of(body)
    assert said(quotes, "Friends across").kind in ("title", "slogan")
    assert said(quotes, "done more").kind == "direct"


def test_a_speech_that_ended_with_words_is_still_speech(quotes_of):
    body = "Senator Ada Brook spoke for an hour and ended with the words “We will be back, and we will win.”"
    assert said(quotes_of(body), "We will be back").kind == "direct"


def test_a_trailer_that_says_where_the_words_were_said_names_its_source(quotes_of):
    """The fact-check claim line: "“...” — Sen. Name, in a video posted on ..."."""
    body = ("Fact check: did the levy pay for the school twice?\n\n"
            "THE CLAIM: “The levy has paid for the new school twice over, and nobody will say where the rest went.” "
            "— Sen. Marta Quist, in a video posted on Facebook on 3 March")
    quote = said(quotes_of(body), "The levy has paid")
    assert (quote.speaker, quote.speaker_basis) == ("Marta Quist", "roundup")


def test_a_trailer_that_is_a_sentence_names_no_source(quotes_of):
    body = ("The hearing ran late.\n\n"
            "“We have waited long enough for an answer on the levy.” — And the committee adjourned without one.")
    assert said(quotes_of(body), "waited long enough").speaker_basis != "roundup"


@pytest.mark.parametrize("intro, name", [
    # the model may tag a title, an honorific and a name as one work of art: the honorific makes it a person
    ("County Superintendent Dr. Lorraine Castellanos-Webb presented the district's survey of 2,100 families.",
     "Lorraine Castellanos-Webb"),
    # a fellowship after the name is a person's, as "KC" or "OBE" already were (the model may tag it an organisation)
    ("At the ceremony, an honorary degree was conferred on Adaeze Okonjo-Bell, FREng, the engineer behind the "
     "Tamar flood barrier.", "Adaeze Okonjo-Bell"),
])
def test_a_name_with_an_honorific_or_a_fellowship_is_a_person(quotes_of, intro, name):
    body = f"{intro} “Attendance is up nine percent on last year, and nobody expected that,” she said."
    assert said(quotes_of(body), "Attendance is up").speaker == name


def test_a_quoted_title_with_an_honorific_stays_a_work(quotes_of):
    body = "The cinema closed its season with “Dr. Strangelove Meets Mr. Hyde Again” on Sunday night."
    assert said(quotes_of(body), "Strangelove").kind == "title"


def test_two_sentences_in_title_case_stay_speech(quotes_of):
    """The abbreviation rule of _title_case: "Dr." is no sentence break, "Stop." is."""
    quote = said(quotes_of("“Stop. We Are Done,” said Senator Hale."), "Stop")
    assert (quote.kind, quote.speaker) == ("direct", "Hale")


def test_the_writers_own_companion_stays_unnamed(quotes_of):
    body = "The dessert was a mistake. My companion, who is braver than me, called it “bold.”"
    quote = said(quotes_of(body), "bold")
    assert quote.speaker is None and _credited(body, quote).startswith("unnamed: My companion")


def test_the_writers_editor_named_beside_it_is_that_person(quotes_of):
    assert said(quotes_of("My editor, Jane Holt, called the draft “brave.”"), "brave").speaker == "Jane Holt"


@pytest.mark.parametrize("body, description", [
    ("One senior Republican aide said the bill was “dead on arrival” in the Senate.", "One senior Republican aide"),
    ("A White House official said the president “has full confidence” in the director.", "A White House official"),
])
def test_an_anonymous_sources_side_or_office_names_no_one(quotes_of, body, description):
    quote = said(quotes_of(body), "")
    assert (quote.kind, quote.speaker, _credited(body, quote)) == ("direct", None, f"unnamed: {description}")


@pytest.mark.parametrize("body, speaker", [
    ("A Pentagon official, Col. Dana Reyes, said the strike was “precise and proportionate.”", "Dana Reyes"),
    ("A spokeswoman for Cordell Gas said the leak was “contained within the hour.”", "Cordell Gas"),  # body_voices
])
def test_a_source_named_in_apposition_or_an_organisations_voice_is_kept(quotes_of, body, speaker):
    assert said(quotes_of(body), "").speaker == speaker


def test_a_heckler_who_interrupts_with_a_question_is_an_unnamed_speaker(quotes_of):
    """"What about ..." opens the heckler's own words: the question is not the topic of the verb (quotes._topic_of)."""
    body = "Halfway through the speech, a heckler interrupted: “What about the pension fund?”"
    quote = said(quotes_of(body), "pension fund")
    assert (quote.kind, quote.speaker, _credited(body, quote)) == ("direct", None, "unnamed: a heckler")


def test_words_inside_what_a_verb_was_about_are_still_notsaid(quotes_of):
    body = "Mayor Tess Hale spoke on Monday. She has already lied about her staff’s contacts with the “consultant.”"
    assert said(quotes_of(body), "consultant").kind != "direct"


@pytest.mark.parametrize("body, words, description", [
    ("What one GOP strategist called “a five-alarm fire” is now the campaign’s problem.", "five-alarm",
     "one GOP strategist"),
    ("One Harlow supporter, who declined to give her name, said: “She tells it like it is.”", "tells it",
     "One Harlow supporter"),
])
def test_a_side_before_a_persons_head_or_a_what_clause_leaves_the_source_unnamed(quotes_of, body, words, description):
    quote = said(quotes_of(body), words)
    assert quote.speaker is None and _credited(body, quote).startswith(f"unnamed: {description}")


@pytest.mark.parametrize("body, words, speaker", [
    ("What Hale called “a five-alarm fire” is now the campaign’s problem.", "five-alarm", "Hale"),
    ("One supporter, Jo Harlow, said: “She tells it like it is.”", "tells it", "Jo Harlow"),
])
def test_a_name_after_what_or_in_apposition_is_the_speaker(quotes_of, body, words, speaker):
    assert said(quotes_of(body), words).speaker == speaker


def test_which_opening_a_relative_clause_after_a_quote_is_no_speaker(quotes_of):
    body = ("Soldiers cleared the barricades at the weekend: a “voluntary tidy-up” which acted as a reminder that the "
            "army could yet be called in.")
    assert said(quotes_of(body), "voluntary tidy-up").kind != "direct"


def test_one_capitalised_word_after_the_is_a_name_for_a_group_not_speech(quotes_of):
    """A cue at the end of the sentence ("aides say") reports the sentence, not the group's nickname in it."""
    quote = said(quotes_of("Speaker Dana Ross has little patience for the “Caucus,” aides say."), "Caucus")
    assert quote.kind == "scare"


def test_one_word_said_as_an_answer_is_speech(quotes_of):
    body = "Asked whether she would run again, Senator Ana Hale said the answer was “No.”"
    quote = said(quotes_of(body), "No")
    assert (quote.kind, quote.speaker) == ("direct", "Ana Hale")


def test_the_official_the_story_never_names_stays_unnamed(quotes_of):
    body = ("The official, who was not authorized to speak publicly, said the talks were “on life support.” "
            "“Nobody wants to blink,” the official added.")
    quotes = quotes_of(body)
    for words in ("life support", "Nobody wants"):
        quote = said(quotes, words)
        assert quote.speaker is None and _credited(body, quote).lower().startswith("unnamed: the official")


def test_the_analyst_given_the_word_as_a_title_is_that_person(quotes_of):
    body = ("Industry analyst Kwame Desrosiers of Haulwise Research said rates would rise. “It is a seller's market,” "
            "the analyst said.")
    assert said(quotes_of(body), "seller's market").speaker == "Kwame Desrosiers"
