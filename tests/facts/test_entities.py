"""Entities: names trimmed to the name, aliases resolved within a document, one id across documents."""

from __future__ import annotations

import pytest

from newsfacts.facts import extract_facts
from newsfacts.facts.entities import entity_id, name_key

pytestmark = pytest.mark.integration


def people(facts, doc_id: str) -> set[str]:
    names = {e.entity_id: e.name for e in facts.entities if e.type == "PERSON"}
    return {names[m.entity_id] for m in facts.mentions if m.doc_id == doc_id and m.entity_id in names}


def test_kim_jong_un_and_kim_jong_dash_un_are_one_entity_across_documents(seed_facts):
    kim = entity_id("PERSON", name_key("Kim Jong Un"))
    docs = {m.doc_id for m in seed_facts.mentions if m.entity_id == kim}
    assert docs == {"000_wsj_video.txt", "001_ap.txt", "002_reuters.txt", "003_wsj.txt", "004_bbn.txt"}
    aliases = {a.alias for a in seed_facts.aliases if a.entity_id == kim}
    assert {"Kim Jong Un", "Kim Jong-un", "Kim"} <= aliases


def test_a_later_run_lands_on_the_same_entity_id(nlp, make_doc):
    first = extract_facts([make_doc("a", "North Korean leader Kim Jong-un left Pyongyang.")], nlp)
    later = extract_facts([make_doc("b", "Kim Jong Un met Russian President Vladimir Putin.")], nlp)
    assert {e.entity_id for e in first.entities if e.type == "PERSON"} <= {e.entity_id for e in later.entities}


def test_bare_surname_after_a_full_mention_is_the_same_person(seed_facts):
    lim = entity_id("PERSON", name_key("Lim Soo-suk"))
    texts = [m.text for m in seed_facts.mentions if m.doc_id == "001_ap.txt" and m.entity_id == lim]
    assert "Lim" in texts and "Lim Soo-suk" in texts


def test_bare_kim_with_no_full_mention_in_the_document_stays_kim(nlp, make_doc):
    facts = extract_facts([make_doc("k", "Kim arrived in Vladivostok by train. Kim was greeted by officials.")], nlp)
    assert people(facts, "k") == {"Kim"}


def test_titles_possessives_and_punctuation_are_not_part_of_names(seed_facts):
    for mention in seed_facts.mentions:
        assert not mention.text.endswith(("’s", "'s", ",", ".”")), mention.text
        assert not mention.text.startswith(("President ", "Gov. ", "the ")), mention.text
    assert "Oleg Kozhemyako" in people(seed_facts, "001_ap.txt")


def test_short_forms_of_countries_resolve_to_one_place(seed_facts):
    usa = entity_id("GPE", name_key("United States"))
    aliases = {a.alias for a in seed_facts.aliases if a.entity_id == usa}
    assert {"U.S.", "US"} <= aliases


def test_officials_named_in_the_seeds_are_found(seed_facts, seed_labels):
    wanted = found = 0
    for label in seed_labels:
        keys = {name_key(p) for p in people(seed_facts, label["file"])}
        wanted += len(label["people"])
        found += sum(name_key(p) in keys for p in label["people"])
    assert found / wanted >= 0.9


def test_a_surname_the_model_missed_is_still_a_mention(nlp, make_doc):
    body = "President Volodymyr Zelenskyy spoke in Kyiv.\n\nZelenskyy said: “We will not give up.”"
    facts = extract_facts([make_doc("z", body)], nlp)
    zel = entity_id("PERSON", name_key("Volodymyr Zelenskyy"))
    assert [m.text for m in facts.mentions if m.entity_id == zel] == ["Volodymyr Zelenskyy", "Zelenskyy"]


def test_a_compound_of_two_known_names_is_not_a_person(seed_facts):
    assert "Kim-Putin" not in people(seed_facts, "003_wsj.txt")
    assert {"Kim Jong Un", "Vladimir Putin"} <= people(seed_facts, "003_wsj.txt")


def test_a_lone_surname_the_model_calls_a_place_is_the_person_named_in_full():
    from newsfacts.facts.entities import EntityMention, resolve_aliases
    from newsfacts.facts.lexicon import lexicon

    full = EntityMention(0, 11, "Adam Schiff", "PERSON", name_key("Adam Schiff"))
    lone = [EntityMention(at, at + 6, "Schiff", "LOC", name_key("Schiff")) for at in (30, 60, 90)]
    resolve_aliases([full, *lone], lexicon())
    assert {m.entity_id for m in lone} == {full.entity_id}


def test_a_full_name_the_model_missed_before_its_tagged_surname_is_a_mention(nlp, make_doc):
    body = ("The bridge was shut in August after inspectors found cracked steel beneath the deck. Repairs are "
            "estimated at $3.4 million.\n\nCounty Engineer Beatrice Odum laid out the numbers for the board:\n\n"
            "“We looked at patching it. Neither one gets school buses back over that creek.”\n\n"
            "Ms. Odum said the county had applied for an emergency grant.")
    facts = extract_facts([make_doc("o", body)], nlp)
    odum = entity_id("PERSON", name_key("Beatrice Odum"))
    assert [m.text for m in facts.mentions if m.entity_id == odum][:2] == ["Beatrice Odum", "Odum"]
    [quote] = [q for q in facts.quotes if q.kind == "direct"]
    assert (quote.speaker, quote.speaker_basis) == ("Beatrice Odum", "intro")


def test_a_name_after_an_honorific_or_in_apposition_to_a_title_is_a_person(nlp, make_doc):
    from newsfacts.facts.entities import doc_entity_mentions
    from newsfacts.facts.lexicon import lexicon

    body = ("The bill came with the Minister for Fisheries, Declan Mulcahy, and notes. "
            "She spoke to the union’s branch secretary, Ewan Tulloch, outside. "
            "The board's chair, Dr. Harlan Mbeki, said the vote would be in March.")
    mentions = doc_entity_mentions(body, nlp(body).ents, lexicon())
    kinds = {m.text: m.type for m in mentions}
    assert [kinds.get(n) for n in ("Declan Mulcahy", "Ewan Tulloch", "Harlan Mbeki")] == ["PERSON"] * 3


def test_an_honorific_sends_a_family_surname_to_the_relative_of_that_gender():
    from newsfacts.facts.entities import EntityMention, resolve_aliases
    from newsfacts.facts.lexicon import lexicon

    body = ("Edith Varley, 80, said she would sing. Tom Varley, her grandson, said he would play. Mrs. Varley sang.")
    at = body.index
    edith = EntityMention(at("Edith"), at("Edith") + 12, "Edith Varley", "PERSON", name_key("Edith Varley"))
    tom = EntityMention(at("Tom"), at("Tom") + 10, "Tom Varley", "PERSON", name_key("Tom Varley"))
    mrs = EntityMention(at("Mrs.") + 5, at("Mrs.") + 11, "Varley", "PERSON", name_key("Varley"))
    resolve_aliases([edith, tom, mrs], lexicon(), body)
    assert mrs.entity_id == edith.entity_id


def test_a_name_after_an_inverted_reporting_verb_is_a_person_where_the_model_tagged_nothing(nlp):
    from newsfacts.facts.entities import add_names_after_inverted_cues
    from newsfacts.facts.lexicon import lexicon

    body = '"And who will pay for it?" shouted Dilys Trevanion from the back benches.'
    [added] = add_names_after_inverted_cues(body, [], lexicon(), nlp(body))
    assert (added.text, added.type) == ("Dilys Trevanion", "PERSON")


def test_a_name_the_grammar_makes_a_person_outweighs_the_models_votes_for_an_organisation():
    from newsfacts.facts.entities import EntityMention, resolve_aliases
    from newsfacts.facts.lexicon import lexicon

    voted = [EntityMention(at, at + 5, "Varga", "ORG", name_key("Varga")) for at in (10, 90, 150)]
    who = EntityMention(50, 55, "Varga", "PERSON", name_key("Varga"), person_by_grammar=True)  # "Varga, who ..."
    mentions = sorted([*voted, who], key=lambda m: m.start)
    resolve_aliases(mentions, lexicon())
    assert {m.type for m in mentions} == {"PERSON"}


def test_a_nicknamed_name_keeps_the_text_its_offsets_cover():
    """The audit holds every mention's text to the body at its offsets: a name with a nickname inside is one
    mention over the whole, its text that whole, its key the name without the nickname."""
    from newsfacts.facts.entities import EntityMention, add_nicknamed_names

    body = "Professional 'Death Sentence' Davis won again. Davis said little."
    at = body.index("Davis said")
    mentions = [EntityMention(at, at + 5, "Davis", "PERSON", name_key("Davis"))]
    out = add_nicknamed_names(body, mentions)
    whole = next(m for m in out if m.start == 0)
    assert whole.text == body[whole.start:whole.end] == "Professional 'Death Sentence' Davis"
    assert whole.key == name_key("Professional Davis")


def test_a_given_name_cut_short_or_tagged_a_place_joins_the_one_full_name_it_opens():
    from newsfacts.facts.entities import EntityMention, resolve_aliases
    from newsfacts.facts.lexicon import lexicon

    full = EntityMention(40, 58, "Samantha Ortiz-Reed", "PERSON", name_key("Samantha Ortiz-Reed"))
    clipped = EntityMention(0, 3, "Sam", "PERSON", name_key("Sam"))  # "Sam" before the full name, in a quote
    place = EntityMention(90, 98, "Samantha", "GPE", name_key("Samantha"))  # the model's place, after the name
    resolve_aliases([clipped, full, place], lexicon())
    assert clipped.entity_id == place.entity_id == full.entity_id
    # nearest negatives: two full names the clipping opens (Samantha, Samuel) name neither; two letters are no
    # clipping; a place-tagged given name before the full name stays a place
    other = EntityMention(120, 132, "Samuel Greer", "PERSON", name_key("Samuel Greer"))
    sam, al = EntityMention(0, 3, "Sam", "PERSON", "sam"), EntityMention(5, 7, "Al", "PERSON", "al")
    alan = EntityMention(150, 160, "Alan Price", "PERSON", name_key("Alan Price"))
    early = EntityMention(10, 18, "Samantha", "GPE", name_key("Samantha"))
    resolve_aliases([sam, al, early, full, other, alan], lexicon())
    assert sam.entity_id == entity_id("PERSON", "sam") and al.entity_id == entity_id("PERSON", "al")
    assert early.entity_id == entity_id("GPE", name_key("Samantha"))


def _person(body: str, text: str, nth: int = 0) -> "EntityMention":
    from newsfacts.facts.entities import EntityMention

    start = [i for i in range(len(body)) if body.startswith(text, i)][nth]
    return EntityMention(start, start + len(text), text, "PERSON", name_key(text))


def test_a_given_name_tagged_alone_takes_the_next_word_the_story_tags_alone_as_a_surname():
    from newsfacts.facts.entities import join_following_surnames

    body = "The post was signed by Jun-seo Park. Later, Park said no."
    mentions = join_following_surnames(body, [_person(body, "Jun-seo"), _person(body, "Park", 1)])
    assert mentions[0].text == "Jun-seo Park"


def test_a_surname_tagged_alone_does_not_take_the_next_word_as_its_surname():
    from newsfacts.facts.entities import join_following_surnames

    body = "Joe Biden spoke first. Biden Harris volunteers cheered, and Harris waved."
    mentions = [_person(body, "Joe Biden"), _person(body, "Biden", 1), _person(body, "Harris", 1)]
    assert join_following_surnames(body, mentions)[1].text == "Biden"


def _tagged_a_work(nlp, text: str, words: str):
    """The model's span over words, typed a work of art, as the model sometimes types a titled name."""
    from spacy.tokens import Span

    doc = nlp(text)
    start = text.index(words)
    span = doc.char_span(start, start + len(words))
    return Span(doc, span.start, span.end, label="WORK_OF_ART")


def test_a_title_opening_a_run_of_proper_nouns_typed_a_work_of_art_is_a_person(nlp):
    from newsfacts.facts.entities import _titled_person_tagged_a_work
    from newsfacts.facts.lexicon import lexicon

    text = "Superintendent Dr. Lorraine Castellanos-Webb presented the district's survey on Tuesday."
    ent = _tagged_a_work(nlp, text, "Superintendent Dr. Lorraine Castellanos-Webb")
    assert _titled_person_tagged_a_work(ent, lexicon()).label_ == "PERSON"


def test_a_quoted_work_whose_title_opens_with_a_title_of_office_stays_a_work(nlp):
    from newsfacts.facts.entities import _titled_person_tagged_a_work
    from newsfacts.facts.lexicon import lexicon

    text = "The company staged “Captain Corelli Returns” at the Lyceum on Tuesday."
    ent = _tagged_a_work(nlp, text, "Captain Corelli Returns")
    assert _titled_person_tagged_a_work(ent, lexicon()).label_ == "WORK_OF_ART"



def _typed_an_organisation(nlp, text: str, words: str):
    from spacy.tokens import Span

    doc = nlp(text)
    start = text.index(words)
    span = doc.char_span(start, start + len(words))
    return Span(doc, span.start, span.end, label="ORG")


def test_a_name_in_apposition_to_the_ombudsman_is_a_person(nlp):
    from newsfacts.facts.entities import _named_after_a_title
    from newsfacts.facts.lexicon import lexicon

    ent = _typed_an_organisation(nlp, "The ombudsman, Helen Ashworth-Pike, was not convinced by the case.",
                                 "Helen Ashworth-Pike")
    assert _named_after_a_title(ent, lexicon())


def test_a_name_in_apposition_to_a_kind_of_organisation_is_not_a_person(nlp):
    from newsfacts.facts.entities import _named_after_a_title
    from newsfacts.facts.lexicon import lexicon

    ent = _typed_an_organisation(nlp, "The supplier, Greenway Energy, was not convinced by the case.", "Greenway Energy")
    assert not _named_after_a_title(ent, lexicon())


def _typed(nlp, text: str, spans: dict[str, str]) -> list:
    """The model's entities over text, each of spans typed as given (as the model sometimes types a name)."""
    from spacy.tokens import Span

    doc = nlp(text)
    ents = []
    for words, label in spans.items():
        start = text.index(words)
        span = doc.char_span(start, start + len(words))
        ents.append(Span(doc, span.start, span.end, label=label))
    return sorted(ents, key=lambda e: e.start)


def test_a_who_after_a_firm_in_commas_after_a_person_is_the_persons(nlp):
    from newsfacts.facts.entities import doc_entity_mentions
    from newsfacts.facts.lexicon import lexicon

    text = "Auctioneer Neville Crabtree, of Crabtree & Daughters, who is running the sale, said he was pleased."
    ents = _typed(nlp, text, {"Neville Crabtree": "GPE", "Crabtree & Daughters": "ORG"})
    kinds = {m.text: m.type for m in doc_entity_mentions(text, ents, lexicon())}
    assert kinds == {"Neville Crabtree": "PERSON", "Crabtree & Daughters": "ORG"}


def test_a_who_after_a_name_of_its_own_still_makes_it_a_person(nlp):
    from newsfacts.facts.entities import doc_entity_mentions
    from newsfacts.facts.lexicon import lexicon

    text = "The loan went to Montell Figgins, who represents Thomas, and to a firm of Leeds."
    ents = _typed(nlp, text, {"Montell Figgins": "ORG"})
    [m] = doc_entity_mentions(text, ents, lexicon())
    assert m.type == "PERSON"


def test_a_place_with_a_capitalised_of_after_it_is_not_a_person_unless_two_name_words(nlp):
    from newsfacts.facts.entities import doc_entity_mentions
    from newsfacts.facts.lexicon import lexicon

    text = "Sheffield, of course, voted first; Acme Tools Ltd, of Leeds, said it would appeal."
    ents = _typed(nlp, text, {"Sheffield": "GPE", "Acme Tools Ltd": "ORG"})
    kinds = {m.text: m.type for m in doc_entity_mentions(text, ents, lexicon())}
    assert kinds.get("Sheffield") == "GPE" and kinds.get("Acme Tools Ltd") != "PERSON"


def test_a_full_name_typed_a_building_or_place_whose_surname_is_a_lone_person_is_that_person():
    from newsfacts.facts.entities import EntityMention, resolve_aliases
    from newsfacts.facts.lexicon import lexicon

    full = EntityMention(0, 11, "Hilary Gage", "FAC", name_key("Hilary Gage"))
    lone = EntityMention(60, 64, "Gage", "PERSON", name_key("Gage"))
    resolve_aliases([full, lone], lexicon())
    assert (full.type, lone.entity_id) == ("PERSON", full.entity_id)


def test_a_place_whose_last_word_is_no_lone_persons_name_stays_a_place():
    from newsfacts.facts.entities import EntityMention, resolve_aliases
    from newsfacts.facts.lexicon import lexicon

    place = EntityMention(0, 10, "Port Talbot", "GPE", name_key("Port Talbot"))
    other = EntityMention(60, 65, "Gage", "PERSON", name_key("Gage"))
    resolve_aliases([place, other], lexicon())
    assert place.type == "GPE"
