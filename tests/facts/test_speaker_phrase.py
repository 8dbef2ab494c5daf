"""The words that name a speaker read as one phrase (sixteenth round, issue #25): a family of one surname, a name at
the end of a chain of appositions, "it" after a body a sentence's subject describes. Each on a passage written for
it, beside its nearest negative."""

from __future__ import annotations

import pytest

from tests.facts.helpers import said

pytestmark = pytest.mark.integration


# A family of one surname

_FAMILY = ('Ingrid Halvorsen, who ran the Kessnes shipyard for thirty years, died on Friday at her home in Bergvik. '
           'She was 79.\n\n'
           'Her death was announced by her nephew, Tor Halvorsen, who said she had died "at the window, watching the '
           'cranes."\n\n'
           'Halvorsen took over the yard in 1981, when it had four orders and ninety men. "We will build ships until '
           'nobody wants them," Halvorsen told the workers that year.\n\n')


def test_a_bare_surname_is_not_the_relative_introduced_as_someones_relative(quotes_of):
    quote = said(quotes_of(_FAMILY), "We will build ships")
    assert quote.speaker == "Ingrid Halvorsen"


def test_an_honorific_picks_the_family_member_of_its_gender(quotes_of):
    quotes = quotes_of(_FAMILY + '"She never once asked me to call her aunt," Mr Halvorsen said.\n\n'
                       '"Ships are patient," Mrs Halvorsen wrote in her memoir.')
    assert said(quotes, "never once asked").speaker == "Tor Halvorsen"
    assert said(quotes, "Ships are patient").speaker == "Ingrid Halvorsen"


def test_two_of_one_surname_introduced_alike_keep_the_nearest(quotes_of):
    # nearest negative: neither is introduced as the other's relative, so the family reading says nothing
    quote = said(quotes_of('Ingrid Halvorsen, the yard\'s owner, spoke first. Tor Halvorsen, the union\'s '
                            'steward, spoke next.\n\n"Nobody leaves before the launch," Halvorsen said.'),
                  "Nobody leaves")
    assert quote.speaker == "Tor Halvorsen"


# A name at the end of a chain of appositions


def test_the_name_at_the_end_of_a_chain_of_appositions_is_the_speaker(quotes_of):
    quote = said(quotes_of('His old business partner, the retired engineer Piet Vanterpool, now 80, said in a '
                            'statement that the deal had been "a handshake and a prayer."'), "a handshake")
    assert quote.speaker == "Piet Vanterpool"


def test_a_name_in_a_clause_after_the_head_is_not_the_speaker(quotes_of):
    # nearest negative: the name hangs on a clause of the description, not on its head
    quote = said(quotes_of('His old business partner, who once worked for Piet Vanterpool, said in a statement '
                            'that the deal had been "a handshake and a prayer."'), "a handshake")
    assert quote.speaker != "Piet Vanterpool"


# "It" after a body described as a sentence's subject


def test_it_is_the_body_the_sentence_before_made_its_subject(quotes_of):
    quote = said(quotes_of('The health ministry said on Monday that the minister, Lotte Brandsma, would meet '
                            'nurses in Arnhal on Thursday. It called the talks "a first step" and gave no details.'),
                  "a first step")
    assert "health ministry" in (quote.speaker or "").lower()


def test_it_after_a_text_as_subject_is_not_the_text(quotes_of):
    # nearest negative: a report is a text, not a body speaking as one
    quote = said(quotes_of('The inspectors\' report was published on Monday. It called the rota "a gamble with '
                            'patients" and asked for more staff.'), "a gamble")
    assert "report" not in (quote.speaker or "").lower()


# A title qualified by what it is "of"; offices that end in another title's word; the lede's description named next


def test_the_ambassador_of_a_country_is_the_ambassador_tied_to_it(quotes_of):
    quote = said(quotes_of('UNITED NATIONS (Wire) - Talks on the river treaty broke down on Friday, after the '
                            'ambassador of Velmora said her country would not sign a text that "punishes the '
                            'downstream states."\n\nAmbassador Ilse Varro of Velmora told the assembly that the '
                            'draft had been written in haste.'), "punishes")
    assert quote.speaker == "Ilse Varro"


def test_the_ambassador_of_a_country_is_not_an_ambassador_tied_elsewhere(quotes_of):
    # nearest negative: the one ambassador named is tied to another country, so the description stays unnamed
    quote = said(quotes_of('UNITED NATIONS (Wire) - Talks on the river treaty broke down on Friday, after the '
                            'ambassador of Velmora said her country would not sign a text that "punishes the '
                            'downstream states."\n\nAmbassador Ilse Varro of Kestria told the assembly that the '
                            'draft had been written in haste.'), "punishes")
    assert quote.speaker != "Ilse Varro"


_LEDE = ('KESSVIK (Courts Desk) - A former health minister took cash from two hospital suppliers, a prosecutor told '
         'the court on Monday.\n\n'
         'Oskar Lind, 61, who served under former prime minister Agnes Torp, denies the charges.\n\n'
         'The prosecutor read out messages sent from his phone. In one, the minister wrote: "Same table, Friday."')


def test_the_minister_is_the_one_the_lede_described_and_the_next_paragraph_named(quotes_of):
    assert said(quotes_of(_LEDE), "Same table").speaker == "Oskar Lind"


_DEFINITE_LEDE = ('The transport minister was criticised on Monday over delays to the new tram line, as councillors '
                  'pressed her for a date.\n\n'
                  'Speaking at the council chamber, Joanna Whitlow defended the contract, calling it "the best deal '
                  'on offer".\n\n'
                  'The chair of the scrutiny panel, Cllr Martin Hebden, said the line was already a year late. "When '
                  'will it open?" Cllr Hebden asked.\n\n'
                  '"I cannot give you a date," the minister replied. "Nobody can."')


def test_a_definite_role_in_the_lede_is_the_person_the_next_paragraph_names(quotes_of):
    # "The transport minister was criticised": an office holder the lede describes and the next paragraph names
    quotes = quotes_of(_DEFINITE_LEDE)
    assert said(quotes, "I cannot give you a date").speaker == "Joanna Whitlow"
    assert said(quotes, "Nobody can").speaker == "Joanna Whitlow"


def test_a_definite_role_in_the_lede_is_not_someone_the_next_paragraph_gives_a_role_of_their_own(quotes_of):
    # nearest negative: the next paragraph opens on a man introduced as the panel's chair, not as the minister
    body = _DEFINITE_LEDE.replace('Speaking at the council chamber, Joanna Whitlow defended the contract, calling it',
                                  'Nikolai Brandt, the chair of the residents\' group, attacked the contract, calling '
                                  'it').replace('The chair of the scrutiny panel, Cllr Martin Hebden,', 'Cllr Martin '
                                                'Hebden')
    assert said(quotes_of(body), "I cannot give you a date").speaker != "Nikolai Brandt"


def test_a_definite_role_named_in_the_lede_itself_stays_that_person(quotes_of):
    # nearest negative: the lede names the minister in apposition; the next paragraph's person is someone else
    body = _DEFINITE_LEDE.replace('The transport minister was', 'The transport minister, Anne Kerrigan, was')
    assert said(quotes_of(body), "I cannot give you a date").speaker == "Anne Kerrigan"


def test_the_minister_is_not_the_prime_minister(quotes_of):
    # the prime minister is the only person the story titles with the word "minister"
    quote = said(quotes_of('Oskar Lind, 61, who served under former prime minister Agnes Torp, denies the '
                            'charges.\n\nIn one message, the minister wrote: "Same table, Friday."'), "Same table")
    assert quote.speaker != "Agnes Torp"


def test_the_prime_minister_written_whole_is_the_prime_minister(quotes_of):
    # nearest negative: the office written whole still names its holder
    quote = said(quotes_of('Oskar Lind, 61, who served under former prime minister Agnes Torp, denies the '
                            'charges.\n\nIn a message, the prime minister wrote: "Same table, Friday."'), "Same table")
    assert quote.speaker == "Agnes Torp"


def test_a_title_in_apposition_to_another_name_is_not_this_persons(quotes_of):
    quote = said(quotes_of('Oskar Lind, the trade minister, met Petra Sand, the head of the chamber, on Monday. '
                            'Hours later the minister said the meeting had been "a good start."'), "a good start")
    assert quote.speaker == "Oskar Lind"


def test_a_title_before_ones_own_name_in_apposition_to_a_body_stays_ones_own(quotes_of):
    # nearest negative: "Captain" is Evans's own title, though his name is in apposition to an association
    quote = said(quotes_of('The safety officer of the Harbour Pilots\' Association, Captain Rhodri Vane, said the '
                            'diversion was routine. "Nobody should read anything into it," the captain added.'),
                  "Nobody should")
    assert quote.speaker == "Rhodri Vane"


# A text put out with a participle of speech on it


def test_a_statement_issued_saying_is_the_issuers(quotes_of):
    quote = said(quotes_of('After the vote, the prime minister\'s office issued a two-line statement saying Lind '
                            '"retains the full confidence" of the cabinet.'), "retains the full")
    assert (quote.kind, quote.speaker) == ("direct", "the prime minister's office")


def test_a_statement_read_saying_is_not_the_readers(quotes_of):
    # nearest negative: the one who reads a statement out did not put it out
    quote = said(quotes_of('After the vote, Oskar Lind read a statement saying the yard was "fully insured."'),
                  "fully insured")
    assert quote.speaker != "Oskar Lind"


# A pronoun in a phrase set before the subject points ahead to it


def test_a_pronoun_before_the_subject_points_ahead_to_it(quotes_of):
    quote = said(quotes_of('Opposition leader Tomas Brandl called the memo a scandal. Reached at her home on '
                            'Tuesday, Ms Irena Solak declined to discuss it. "I wrote what I wrote," she said.'),
                  "I wrote what")
    assert quote.speaker == "Irena Solak"


def test_a_pronoun_before_a_subject_that_is_no_one_named_points_back(quotes_of):
    # nearest negative: the subject ahead is no named person, so the pronoun keeps the person before
    quote = said(quotes_of('Tomas Brandl spoke for an hour in the square. After his speech, the crowd went home '
                            'quietly. "We will be back next week," he said.'), "We will be back")
    assert quote.speaker == "Tomas Brandl"


# The named subject, not a name the parse hung on it in apposition


def test_the_named_subject_beats_a_name_hung_on_it_in_apposition(quotes_of):
    quote = said(quotes_of('Environmental groups gave the accord a cautious welcome. Hanne Joris of the campaign '
                            'group Orva Alive, whose members held a banner outside the customs house, said the '
                            'commission would need "teeth, money and a timetable."\n\n'
                            '"A commission without a budget is a committee that meets for lunch," she said.'),
                  "A commission without")
    assert quote.speaker == "Hanne Joris"


def test_a_name_in_apposition_to_a_description_is_still_the_subject(quotes_of):
    # nearest negative: the subject is a description, so the name in apposition to it is the one meant
    quote = said(quotes_of('The group\'s founder, Hanne Joris, said the commission would need money.\n\n'
                            '"A commission without a budget is a committee that meets for lunch," she said.'),
                  "A commission without")
    assert quote.speaker == "Hanne Joris"


# A name in apposition to a phrase, hung by the parse on its "of" complement


def test_a_letter_by_the_mayor_of_a_town_named_in_apposition_is_hers(quotes_of):
    quote = said(quotes_of('Jorund Hallvik read aloud a letter sent to the council by the mayor of Sarn, Dilara '
                            'Enver: "We do not ask you who is right. We ask you to stop the shells."'), "We do not ask")
    assert quote.speaker == "Dilara Enver"


def test_the_mayor_of_a_town_named_in_apposition_is_the_speaker(quotes_of):
    quote = said(quotes_of('The mayor of Sarn, Dilara Enver, said the shelling had "not stopped for a single '
                            'night."'), "not stopped")
    assert quote.speaker == "Dilara Enver"


def test_the_mayor_of_a_town_never_named_stays_a_description(quotes_of):
    # nearest negative: no name in apposition, so no person is made up for the description
    quote = said(quotes_of('Dilara Enver visited the front on Monday. The mayor of Sarn said the shelling had "not '
                            'stopped for a single night."'), "not stopped")
    assert quote.speaker != "Dilara Enver"


# "It" after a text made the subject: the text's issuer


def test_it_after_a_report_is_whoever_published_the_report(quotes_of):
    quote = said(quotes_of('The harbour board published a report on Friday about the collapsed pier. The report '
                            'is careful work. It says, and I quote, "responsibility is shared across three councils '
                            'and two contractors."'), "responsibility is shared")
    assert "harbour board" in (quote.speaker or "").lower()


def test_it_after_a_report_no_one_is_said_to_have_put_out_is_not_a_reader(quotes_of):
    # nearest negative: the one who read the report did not publish it
    quote = said(quotes_of('Councillor Anna Brink read a report on Friday about the collapsed pier. The report is '
                            'careful work. It says, and I quote, "responsibility is shared across three councils and '
                            'two contractors."'), "responsibility is shared")
    assert quote.speaker != "Anna Brink"


# A relative introduced by the given name alone before the full name (fresh11's painter and her husband)

_KITCHEN = ('Agnieszka Kowal, 74, had her first solo show this autumn.\n\n'
            'She painted at night, after her husband, Tadeusz, and the children were asleep. Tadeusz Kowal, now 77, '
            'remembers finding her at the kitchen table at 2am. “I said, go to bed,” he says.\n\n'
            'Not every critic has been won over. Kowal laughs at that. “Small? I painted a kettle.”\n\n'
            '“It’s called Night Shift,” she says.')


def test_a_relative_introduced_by_given_name_leaves_the_bare_surname_to_the_story_subject(quotes_of):
    quotes = quotes_of(_KITCHEN)
    for words in ("Small? I painted", "Night Shift"):
        assert said(quotes, words).speaker == "Agnieszka Kowal"
    assert said(quotes, "go to bed").speaker == "Tadeusz Kowal"


def test_a_namesake_introduced_alike_keeps_the_nearest_full_name(quotes_of):
    # nearest negative: Tadeusz is not introduced as her relative ("a neighbour, Tadeusz,"), so the story does not
    # say which Kowal the bare surname is, and the nearest full name before it stays
    body = _KITCHEN.replace("after her husband, Tadeusz, and the children were asleep", "after a neighbour, Tadeusz, "
                            "had gone home")
    assert said(quotes_of(body), "Small? I painted").speaker == "Tadeusz Kowal"


# A title in quotation marks the parse takes for a second subject of the cue (speakers41)

_MAGAZINE = ('Luka Kastelic has said nothing in public since the final day. In an interview with the club magazine, '
             '"Rovers Review", in March, he said he wanted to "win something here before I think about anything '
             'else".')


def test_a_quoted_title_beside_the_subject_is_not_the_speaker(quotes_of):
    # the parse hangs "Rovers Review" on "said" as a subject beside "he": the pronoun is who speaks
    assert said(quotes_of(_MAGAZINE), "win something here").speaker == "Luka Kastelic"


def test_a_quoted_title_that_is_the_only_subject_speaks(quotes_of):
    # nearest negative: the magazine is the one subject of "said", and so the speaker
    body = ('Luka Kastelic has said nothing in public since the final day. In an editorial on Monday, "Rovers '
            'Review" said: "The club cannot afford to lose him."')
    assert "Rovers Review" in said(quotes_of(body), "cannot afford").speaker


# A role noun and a title of its kind before a name (lexicon title_kinds: "Justice" for "the judge")

_SENTENCING = ('A man who stabbed a dog walker has been jailed for life.\n\n'
               'Passing sentence on Friday, Mrs Justice Marlow told Fenwick: "You took a father from his children."\n\n'
               'Fenwick\'s barrister, Philippa Stroud, had told the court her client was "a frightened man". ')


def test_the_judge_is_the_one_titled_justice_not_the_last_subject(quotes_of):
    quotes = quotes_of(_SENTENCING + 'The judge rejected that, saying the attack was "not a matter of seconds but of '
                                     'choice".')
    assert said(quotes, "not a matter of seconds").speaker == "Marlow"


def test_the_barrister_stays_the_barrister_beside_a_justice(quotes_of):
    # nearest negative: a role noun the other person holds is still hers
    quotes = quotes_of(_SENTENCING + 'The barrister added that he was "sorry beyond words".')
    assert said(quotes, "sorry beyond words").speaker == "Philippa Stroud"
