"""Voices no one names (issue #25, the `unnamed` style; facts/unnamed_voices.py): a pronoun that continues a person
introduced with an indefinite article and no name is that described person, and a voice given as a noun ("a shout
of “...”") with no owner is no one named. Each on a passage written for it, beside its nearest negative."""

from __future__ import annotations

import pytest

from newsfacts.facts.quotes import unnamed_description
from tests.facts.helpers import said, unnamed_said

pytestmark = pytest.mark.integration


# A pronoun continuing a person the story introduces without a name

_ANONYMOUS = ('"The vote is close, but we will win it," the party whip, Dorte Falk, said on Monday.\n\n'
              'A senior Liberal negotiator, who spoke on condition that he not be named because he is not '
              'authorised to brief the press, was blunter. "Nobody in that room wants an election," he said. '
              '"Least of all the whip."')


def test_a_pronoun_after_an_indefinite_description_is_that_unnamed_person(quotes_of):
    quotes = quotes_of(_ANONYMOUS)
    body = _ANONYMOUS
    for words in ("Nobody in that room", "Least of all the whip"):
        quote = said(quotes, words)
        assert quote.speaker is None and quote.speaker_entity_id is None
        assert quote.speaker_reason.startswith("unnamed")
        assert "negotiator" in body[quote.speaker_name_start : quote.speaker_name_end]


def test_a_pronoun_after_an_indefinite_description_named_in_apposition_is_the_name(quotes_of):
    # nearest negative: the description names its person ("A senior negotiator, Peter Hansen,") so "he" is him
    body = _ANONYMOUS.replace("A senior Liberal negotiator, who spoke on condition that he not be named because he is "
                              "not authorised to brief the press,", "A senior Liberal negotiator, Peter Hansen,")
    assert said(quotes_of(body), "Nobody in that room").speaker == "Peter Hansen"


def test_a_pronoun_after_a_named_subject_points_back_to_the_name(quotes_of):
    # nearest negative: the sentence before has a named person as its subject: "he" is him, as before
    body = ('"The vote is close," the party whip, Dorte Falk, said on Monday.\n\n'
            'Peter Hansen, a senior Liberal negotiator, was blunter. "Nobody in that room wants an election," he said.')
    assert said(quotes_of(body), "Nobody in that room").speaker == "Peter Hansen"


def test_an_indefinite_description_of_the_other_gender_is_not_the_pronoun(quotes_of):
    # nearest negative: "A woman in the gallery" cannot be "he": the description reading says nothing
    body = ('"We will win it," Tomas Brenn said on Monday.\n\n'
            'A woman in the gallery shook her head. "Nobody in that room wants an election," he said.')
    quote = said(quotes_of(body), "Nobody in that room")
    assert "woman" not in (unnamed_description(body, quote) or "")


# A voice given as a noun

_SHOUT = ('Ms Stroud rose to answer. "I will bring the timetable," she said.\n\n'
          'From the benches behind the minister came a shout of "Which one?" The Speaker, Sir Anselm Grey, called '
          'for order.')


def test_a_shout_with_no_owner_is_no_one_named(quotes_of):
    quote = said(quotes_of(_SHOUT), "Which one?")
    assert quote.kind == "direct" and quote.speaker is None and quote.speaker_basis == "voice"
    assert quote.speaker_reason.startswith("unnamed")
    assert said(quotes_of(_SHOUT), "I will bring").speaker == "Stroud"


def test_a_shout_a_named_person_lets_out_is_theirs(quotes_of):
    # nearest negative: the sentence's subject is a named person ("Peter Hansen let out a shout of"): the words
    # are someone's, read by the other rules (which here still take the next sentence's cue: not this reading's)
    body = _SHOUT.replace("From the benches behind the minister came a shout of",
                          "Behind the minister, Peter Hansen let out a shout of")
    quote = said(quotes_of(body), "Which one?")
    assert quote.speaker_basis != "voice" and quote.speaker is not None


def test_a_thing_introduced_with_an_indefinite_article_is_no_he(quotes_of):
    # nearest negative: the subject before is an indefinite thing ("a sample came in"), not a person: "he" points
    # back to the named person before it, as before
    body = ('Phoning in from London, Tom Harper remembered the wait. "It was really worrying," Harper said.\n\n'
            'At the last minute, a sample came in from a songwriter. "It grabbed me by the heart," he said.')
    assert said(quotes_of(body), "It grabbed me").speaker == "Tom Harper"


def test_a_shout_no_one_is_named_for_does_not_run_into_the_next_paragraph(quotes_of):
    # the paragraph's reporting sentence after the shout introduces the quote opening the next paragraph
    body = _SHOUT.replace("called for order.", "who has the air of a headmaster whose school is on fire, called for "
                          "order.") + '\n\n"Order! Order! The honourable member will withdraw."'
    quotes = quotes_of(body)
    assert said(quotes, "Which one?").speaker is None
    assert said(quotes, "Order! Order!").speaker == "Anselm Grey"


# An inverted cue before an indefinite description

_WHISPER = ('On a wet Tuesday evening, Noor Abadi-Klein is explaining tram fares to a room of forty pensioners.\n\n'
            '"Nobody ever explained the budget to us," whispers one woman in the second row, who would not give her '
            'name. "They just told us there was no money."')


def test_an_inverted_cue_before_one_woman_is_hers_not_the_name_before(quotes_of):
    quotes = quotes_of(_WHISPER)
    for words in ("Nobody ever explained", "They just told us"):
        quote = said(quotes, words)
        assert quote.speaker is None and quote.speaker_reason.startswith("unnamed")
        assert "one woman" in _WHISPER[quote.speaker_start : quote.speaker_end]


def test_an_inverted_cue_before_a_description_named_next_is_the_name(quotes_of):
    # nearest negative: the described person is named in apposition right after ("one woman, Mary Kell,")
    body = _WHISPER.replace("whispers one woman in the second row, who would not give her name.",
                            "whispers one woman, Mary Kell, a retired nurse.")
    assert said(quotes_of(body), "Nobody ever explained").speaker == "Mary Kell"


def test_an_inverted_cue_the_parser_reads_keeps_the_parsers_whole_phrase(quotes_of):
    # nearest negative: "said one regular, a student nurse": the parser's subject is the description already, whole
    body = ('Passengers on the number 14 were delighted. "He\'s the only one who waits when you\'re running for it," '
            'said one regular, a student nurse. "Now I know why."')
    for words in ("the only one who waits", "Now I know why"):
        quote = said(quotes_of(body), words)
        assert quote.speaker is None and quote.speaker_reason.startswith("unnamed")


# "the other" of a pair the paragraph brought in by number and no name

_STEWARDS = ('Its regional organiser, Kwame Adjaye, called the offer “an insult.”\n\n'
             'Two shop stewards at the depot, who asked not to be named for fear of losing their jobs, said morale was '
             'high. “This isn’t just about money,” one said. The other steward added: “We’ll be back here Wednesday.”')


def test_the_other_of_an_unnamed_pair_is_unnamed(quotes_of):
    quote = said(quotes_of(_STEWARDS), "back here Wednesday")
    assert quote.speaker is None and quote.speaker_entity_id is None


def test_the_other_of_a_named_pair_is_named(quotes_of):
    # nearest negative: the pair is named in apposition, so "the other steward" is one of the names, not no one
    body = _STEWARDS.replace("who asked not to be named for fear of losing their jobs", "Ann Kerr and Tom Vale")
    assert said(quotes_of(body), "back here Wednesday").speaker is not None


# "the witness" of a court report: the one the story said was giving evidence

_TRIAL = ('Ann Reid, 63, was giving evidence on the fourth day of the trial of Tom Pike, who denies arson.\n\n'
          'Defence barrister Oliver Crane suggested she had been mistaken about the time.\n\n'
          '“No, sir,” the witness said. “I saw what I saw.”')


def test_the_witness_of_a_court_report_is_the_one_giving_evidence(quotes_of):
    quotes = quotes_of(_TRIAL)
    for words in ("No, sir", "I saw what I saw"):
        assert said(quotes, words).speaker == "Ann Reid"


def test_a_witness_no_one_was_said_to_be_stays_unnamed(quotes_of):
    # nearest negative: a street scene, no one giving evidence: "the witness" is an anonymous source, not Ann Reid
    body = _TRIAL.replace("was giving evidence on the fourth day of the trial of Tom Pike, who denies arson",
                          "runs the bakery opposite the warehouse that burned down")
    assert said(quotes_of(body), "No, sir").speaker != "Ann Reid"


# A voice from a place fronted before it: the parse hangs the subject on the place in apposition

_GALLERY = ('Cllr Paul Gilroy, her ward colleague, agreed. “We are not against skateparks,” he said.\n\n'
            'From the gallery, a man who did not give his name shouted: “You’ve already made your minds up!” The chair '
            'warned him that he would be asked to leave.')


def test_a_voice_after_a_fronted_place_is_the_unnamed_man_not_his_name(quotes_of):
    quote = said(quotes_of(_GALLERY), "made your minds up")
    assert quote.speaker is None and quote.speaker_entity_id is None
    assert "a man" in _GALLERY[quote.speaker_name_start : quote.speaker_name_end]


def test_a_named_voice_after_a_fronted_place_is_the_name(quotes_of):
    # nearest negative: the one shouting is named ("From the gallery, Tom Hale, a pensioner, shouted")
    body = _GALLERY.replace("a man who did not give his name shouted", "Tom Hale, a pensioner, shouted")
    assert said(quotes_of(body), "made your minds up").speaker == "Tom Hale"


# An anonymous source the parse splits: counted ("One driver"), its "who" clause hung on the place it is of, a name
# in its relative clause (speakers39)

_COUNTED = ('The depot\'s manager, Ruth Calloway, said the strike had been "regrettable but short".\n\n'
            'Drivers described a tense night. One driver, who asked not to be named because she feared for her job, '
            'said the gates had been locked "without a word of warning". "We were told by text at midnight," she said.')


def test_a_pronoun_after_one_unnamed_person_is_that_person_not_the_name_before(quotes_of):
    # "One" is a count the model tags CARDINAL, not an organisation the description speaks for
    quote = said(quotes_of(_COUNTED), "We were told by text")
    assert "driver" in unnamed_said(_COUNTED, quote)


def test_a_pronoun_after_one_named_person_is_the_name(quotes_of):
    # nearest negative: "One driver, Maria Soto," names her
    body = _COUNTED.replace("who asked not to be named because she feared for her job", "Maria Soto")
    assert said(quotes_of(body), "We were told by text").speaker == "Maria Soto"


_AT_THE_HOSPITAL = ("The trust's chief executive, Alan Whitby, said the hospital was \"coping well\" with the "
                    "winter.\n\n"
                    'A senior nurse at the hospital, who asked not to be named because staff have been told not to '
                    'talk to the press, said the wards were "full every single night".\n\n'
                    '"We have the beds. We do not have the doctors," the nurse said. "Some nights there is one '
                    'registrar for the whole building."')


def test_the_noun_again_after_an_unnamed_person_at_a_place_is_that_person(quotes_of):
    # the parser hangs "who asked not to be named" on "the hospital"; "who" is said of the nurse
    quotes = quotes_of(_AT_THE_HOSPITAL)
    for words in ("We have the beds", "Some nights there is"):
        quote = said(quotes, words)
        assert "nurse" in unnamed_said(_AT_THE_HOSPITAL, quote)


def test_the_noun_again_after_a_named_person_at_a_place_is_the_name(quotes_of):
    # nearest negative: "A senior nurse at the hospital, Joan Ferris," names her
    body = _AT_THE_HOSPITAL.replace("who asked not to be named because staff have been told not to talk to the press",
                                    "Joan Ferris")
    assert said(quotes_of(body), "We have the beds").speaker == "Joan Ferris"


def test_a_name_inside_an_unnamed_persons_relative_clause_is_someone_else(quotes_of):
    # nearest negative of a name in apposition: a name in the description's relative clause is the one she worked
    # under, not her; she and "the nurse" stay unnamed, not Alan Whitby
    body = _AT_THE_HOSPITAL.replace(
        "A senior nurse at the hospital, who asked not to be named because staff have been told not to talk to the "
        "press,", "A senior nurse who has worked under Alan Whitby for a decade, and who asked not to be named,")
    quotes = quotes_of(body)
    for words in ("full every single night", "We have the beds", "Some nights there is"):
        quote = said(quotes, words)
        assert quote.speaker is None and quote.speaker_reason.startswith("unnamed"), words


def test_a_who_clause_after_a_works_author_is_not_the_works(nlp):
    # nearest negative of the "who" hung on a place: "A report by a nurse at the hospital, who ...": the clause is
    # the nurse's (through "by" and a noun of its own), so the report is no person; the surgeon "at the trust" is
    from newsfacts.facts.unnamed_voices import who_clause

    report = next(t for t in nlp("A report by a nurse at the hospital, who asked not to be named, said wards were "
                                 "full.") if t.text == "report")
    surgeon = next(t for t in nlp("A consultant surgeon at the trust, who asked not to be named, said theatres were "
                                  "empty.") if t.text == "surgeon")
    assert not who_clause(report) and who_clause(surgeon)


def test_a_name_in_apposition_after_the_body_a_spokesperson_is_for_names_the_spokesperson(quotes_of):
    # nearest negative of the name in a relative clause: ", Mark Olson," after "for the department" is the
    # spokesperson's name (the parser hangs it on "department"), so "the spokesperson" is Mark Olson
    body = ('"We planted the same acres as always," said Karen Lindqvist, who runs a dairy outside New Ulm.\n\n'
            'A spokesperson for the state agriculture department, Mark Olson, said the state was lobbying for more '
            'federal aid.\n\n"We have asked for a meeting with the secretary," the spokesperson said.')
    assert said(quotes_of(body), "We have asked for a meeting").speaker == "Mark Olson"


# An anonymous source's noun, fitting no one introduced, right after an unnamed person (speakers39)

_FINANCE = ("The charity's chief executive, Martin Ashdown, resigned on Tuesday.\n\n"
            "A former member of the finance team who worked under Martin Ashdown for six years, and who spoke on "
            'condition of anonymity, said staff who raised concerns were told they "did not understand how charities '
            'work". "I raised it twice. The second time I was moved to a different team," the former employee said.')


def test_an_anonymous_sources_noun_after_an_unnamed_person_is_that_person(quotes_of):
    # "the former employee" fits no one introduced; the sentence before brought in one unnamed person (with a
    # name in her relative clause: someone else): the same voice, the introduction as evidence
    quotes = quotes_of(_FINANCE)
    for words in ("did not understand", "I raised it twice"):
        quote = said(quotes, words)
        assert "former member" in unnamed_said(_FINANCE, quote)


def test_an_anonymous_sources_noun_after_a_named_person_is_not_made_unnamed(quotes_of):
    # nearest negative: the sentence before is about a named person the noun fits ("Tom Reed, a former employee"):
    # this reading says nothing and the description is never given to the unnamed voice
    body = _FINANCE.replace("A former member of the finance team who worked under Martin Ashdown for six years, and "
                            "who spoke on condition of anonymity,", "Tom Reed, a former employee who left in 2023,")
    quote = said(quotes_of(body), "I raised it twice")
    assert not quote.speaker_reason or not quote.speaker_reason.startswith("unnamed")


_AIDE = ("Senator Jo Marsh has not commented on the report.\n\n"
         "A former aide to Senator Jo Marsh, who asked not to be named, said the office had known for months. "
         '"Everyone in the building knew," she said. "Nobody wanted to be the one to say it."')


def test_a_pronoun_after_an_unnamed_person_described_by_a_named_one_is_the_unnamed_person(quotes_of):
    # the senator is named inside the description ("an aide to Senator Jo Marsh"): whom the aide works for, not her
    quotes = quotes_of(_AIDE)
    for words in ("Everyone in the building", "Nobody wanted to be"):
        quote = said(quotes, words)
        assert unnamed_said(_AIDE, quote) == "A former aide to Senator Jo Marsh"


def test_a_pronoun_after_a_described_person_named_in_apposition_is_the_name(quotes_of):
    # nearest negative: ", Kate Lind," right after the description names the aide, whoever she worked for
    body = _AIDE.replace("A former aide to Senator Jo Marsh, who asked not to be named,",
                         "A former aide, Kate Lind, who worked for Senator Jo Marsh for six years,")
    assert said(quotes_of(body), "Everyone in the building").speaker == "Kate Lind"


def test_a_pronoun_after_a_described_person_named_after_a_name_in_the_description_is_the_apposed_name(quotes_of):
    # nearest negative of the senator inside the description: ", Kate Lind," after "an aide to Senator Jo Marsh"
    # is the aide's name (the parser hangs it on "Marsh"), so "she" is Kate Lind, not the senator
    body = _AIDE.replace(", who asked not to be named,", ", Kate Lind,")
    assert said(quotes_of(body), "Everyone in the building").speaker == "Kate Lind"


# The paragraph's unnamed person stays in focus (speakers41): past a sentence that brings in no one, as a bare
# "Another, a ...,", and under a noun of their own that no one the story introduced holds

_LIBRARY = ('The committee chair, Ruth Okafor, said the vote would be held on Friday. "We have waited long enough," '
            'she said.\n\n'
            'A woman in the public gallery, who did not give her name, asked why the library was closing. The gallery '
            'clapped. "Who decided this?" she shouted.')


def test_a_pronoun_after_a_sentence_that_brings_in_no_one_still_continues_the_unnamed_person(quotes_of):
    quote = said(quotes_of(_LIBRARY), "Who decided this?")
    assert unnamed_said(_LIBRARY, quote) == "A woman in the public gallery"


def test_a_pronoun_after_a_sentence_that_names_someone_is_theirs(quotes_of):
    # nearest negative: the sentence in between names the chair, who is then the one in focus
    body = _LIBRARY.replace("The gallery clapped.", "Okafor did not answer.")
    assert said(quotes_of(body), "Who decided this?").speaker == "Ruth Okafor"


_DEPOT = ('The depot manager, Soren Blix, said the shifts would change. "It is for the best," Blix said.\n\n'
          'Staff at the depot described confusion. "Nobody told us anything," said one driver, who asked not to be '
          'named.\n\n'
          'Another, a mechanic on the night shift, said staff had started calling the plan "the Purge." "Half of us '
          'are looking for other jobs," she said. "The rest are waiting to be pushed."')


def test_a_pronoun_after_another_described_in_apposition_is_that_unnamed_person(quotes_of):
    quotes = quotes_of(_DEPOT)
    for words in ("Half of us", "The rest are waiting"):
        quote = said(quotes, words)
        assert unnamed_said(_DEPOT, quote) == "Another, a mechanic on the night shift"


def test_a_pronoun_after_another_named_in_apposition_is_the_name(quotes_of):
    # nearest negative: "Another mechanic, Tom Reed," names the one in focus
    body = _DEPOT.replace("Another, a mechanic on the night shift,", "Another mechanic, Tom Reed,").replace(
        '," she said', '," he said')
    assert said(quotes_of(body), "Half of us").speaker == "Tom Reed"


_COUNCIL = ('The committee chair, Ruth Okafor, said the vote would be held on Friday. "We have waited long enough," '
            'she said.\n\n'
            'One member of the committee, speaking on condition of anonymity, said the talks had been "a shambles". '
            '"It was chaos. Nobody listened to anybody," the councillor said.')


def test_a_noun_no_one_holds_after_an_unnamed_person_is_that_person(quotes_of):
    quote = said(quotes_of(_COUNCIL), "It was chaos")
    assert unnamed_said(_COUNCIL, quote) == "One member of the committee"


def test_a_noun_the_story_gave_someone_is_theirs_after_an_unnamed_person(quotes_of):
    # nearest negative: the story gave the chair the title ("Councillor Ruth Okafor"): "the councillor" is her
    body = _COUNCIL.replace("The committee chair, Ruth Okafor,", "Councillor Ruth Okafor")
    assert said(quotes_of(body), "It was chaos").speaker == "Ruth Okafor"


_LIVE_BLOG = ('The mayor, Jess Brenneman, opened the meeting. "We will hear everyone," she said.\n\n'
              '6:52 p.m.\n'
              'A woman in the front row, who did not give her name, asked why the golf club was still watering its '
              'greens. The room applauded. "Is the golf course on Stage 3 too?" she called out.')


def test_a_pronoun_after_a_live_blog_time_stamp_continues_the_unnamed_person_below_it(quotes_of):
    # the time stamp on its own line is parsed as the subject, the woman as its apposition
    quote = said(quotes_of(_LIVE_BLOG), "golf course")
    assert unnamed_said(_LIVE_BLOG, quote) == "A woman in the front row"


def test_a_pronoun_after_a_live_blog_time_stamp_and_a_named_person_is_theirs(quotes_of):
    # nearest negative: under the time stamp the mayor is the subject, so "she" is the mayor
    body = _LIVE_BLOG.replace("A woman in the front row, who did not give her name, asked",
                              "The mayor, Jess Brenneman, asked")
    assert said(quotes_of(body), "golf course").speaker == "Jess Brenneman"


def test_a_pronoun_of_the_other_gender_after_another_described_in_apposition_is_not_that_person(quotes_of):
    # nearest negative of "Another, a mechanic": "Another, a man on the night shift," is no "she"
    body = _DEPOT.replace("Another, a mechanic on the night shift,", "Another, a man on the night shift,")
    quote = said(quotes_of(body), "Half of us")
    assert not (quote.speaker_reason or "").startswith("unnamed")
