"""The facts stage reads sentences run together without a space as two: spaCy's tokenizer splits the stop off
("Wednesday.The" -> "Wednesday", ".", "The") and the parser starts a sentence there; a host, an abbreviation before a
name or an address stays one token or one sentence (issue #21, benchmarks/README.md "Thirty-second round: sentences
run together, and masthead outlets (dedupe52)": a guard, no change of the stage). Offsets are the body's."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration

ITEM = ("The son of former German President Richard von Weizsäcker, Fritz Eckart von Weizsäcker was stabbed to death, "
        "while another man was critically injured in an attempt to stop the assailant, Kan reported on Wednesday.The "
        "stabbing occurred during a presentation led by von Weizsäcker at the Schlosspark-Klinik in Berlin, where he "
        "worked as a chief physician.Police arrested a 57-year-old man suspect of committing the assassination.")


def test_the_posts_item_run_together_is_three_sentences_at_the_bodys_offsets(nlp):
    sentences = list(nlp(ITEM).sents)
    assert [s.text.split()[-1] for s in sentences] == ["Wednesday.", "physician.", "assassination."]
    assert [ITEM[s.start_char:s.end_char] for s in sentences] == [s.text for s in sentences]


@pytest.mark.parametrize("text", [
    "He sells on Amazon.com and writes to www.DearAbby.com every day.",
    "He went to St.Louis on Friday with his family.",
    "Write to Warren.Strobel@wsj.com for more.",
])
def test_a_host_an_abbreviation_or_an_address_is_one_sentence(nlp, text):
    assert len(list(nlp(text).sents)) == 1
