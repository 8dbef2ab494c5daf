-- One row per quotation and pair of speakers: the same words credited to different people by different documents.
-- Speech only (stg_quotes): a quoted title or slogan credited to two people is never a conflict.
-- Fires only when both wordings are credited to an individual (a PERSON entity or a full proper name: not
-- 'officials' or an organisation, which speak through people), the wordings overlap strongly, and the two are
-- neither the same entity nor the same name written shorter or longer ('Kirby' vs 'John Kirby'). Each side
-- counts a story cluster once, so a rewrite repeating its source's attribution never adds weight. A quotation
-- credited to more than max_speakers different people is a stock phrase, not a misattribution: it is left out
-- (pairing every two of its speakers would also grow with the square of their number).
-- refresh: incremental by quotation_id
-- columns:
--   conflict_id: stable key: hash of the quotation and the two speaker keys
--   quotation_id: the distinct quotation (quote_ledger.quotation_id)
--   words: the shared words, as the shorter of the matching wordings gives them
--   scope: across_sources when the sides come from different story clusters; within_cluster when a copy
--     or rewrite changed the attribution of its own source
--   overlap: best containment between a wording on one side and a wording on the other (1 = contained)
--   speaker_a: speaker credited on side a (sides ordered by speaker key)
--   speaker_a_entity_id: side a's speaker entity, when resolved
--   wording_a: the longest wording on side a
--   doc_ids_a: documents crediting side a's speaker
--   outlets_a: outlets of those documents
--   independent_sources_a: story clusters whose original credits side a's speaker
--   first_date_a: earliest publication date on side a
--   speaker_b: speaker credited on side b
--   speaker_b_entity_id: side b's speaker entity, when resolved
--   wording_b: the longest wording on side b
--   doc_ids_b: documents crediting side b's speaker
--   outlets_b: outlets of those documents
--   independent_sources_b: story clusters whose original credits side b's speaker
--   first_date_b: earliest publication date on side b

{% set changed_keys %}
    with touched_wordings as (

        select wording_id from {{ removed('stg_quotes') }}
        union all
        select wording_id from {{ added('stg_quotes') }}
        union all
        select unnest([wording_a_id, wording_b_id]) from {{ removed('int_quote_matches') }}
        union all
        select unnest([wording_a_id, wording_b_id]) from {{ added('int_quote_matches') }}

    )

    -- a conflict lies within one quotation: its wordings, their speakers and documents, and their links
    select quotation_id from int_quote_groups where wording_id in (select wording_id from touched_wordings)
    union all
    select quotation_id from {{ removed('int_quote_groups') }}
    union all
    select quotation_id from {{ added('int_quote_groups') }}
{% endset %}

-- Everything below reads only the wordings of the quotations being built.
with groups as (

    select distinct wording_id, quotation_id from int_quote_groups where {{ is_changed('quotation_id') }}

),

quotes as (

    select * from stg_quotes
    where speaker_key is not null and speaker_is_person and wording_id in (select wording_id from groups)

),

matches as (

    select * from int_quote_matches where wording_a_id in (select wording_id from groups)

),

shingles as (

    select * from int_quote_shingles where wording_id in (select wording_id from groups)

),

params as (

    -- At least three shared four-word runs (six words in a row) before calling it the same quotation:
    -- short stock phrases are said by many people.
    select 3 as min_shared_shingles, 12 as max_speakers

),

-- Each wording a speaker is credited with, once however many documents repeat it.
credited as (

    select distinct wording_id, speaker_key, speaker_tokens from quotes

),

-- The quotations said by few enough people to be a misattribution rather than a stock phrase.
attributable as (

    select groups.quotation_id, groups.wording_id
    from groups
    where groups.quotation_id in (
        select groups.quotation_id
        from groups
        join credited using (wording_id)
        group by groups.quotation_id
        having count(distinct credited.speaker_key) <= (select max_speakers from params)
    )

),

wording_texts as (

    select wording_id, arg_min(text, quote_id) as text from quotes group by wording_id

),

wording_pairs as (

    select wording_a_id, wording_b_id, shared_shingles, containment from matches
    union all
    select wording_b_id, wording_a_id, shared_shingles, containment from matches
    union all
    -- the very same wording credited to two speakers: every shingle is shared
    select distinct wording_id, wording_id, shingles, 1.0 from shingles

),

conflicting_pairs as (

    select
        groups.quotation_id,
        a.wording_id as wording_a_id,
        a.speaker_key as speaker_a_key,
        b.wording_id as wording_b_id,
        b.speaker_key as speaker_b_key,
        wording_pairs.containment
    from wording_pairs
    join credited as a on a.wording_id = wording_pairs.wording_a_id
    join credited as b on b.wording_id = wording_pairs.wording_b_id
    join attributable as groups on groups.wording_id = wording_pairs.wording_a_id
    -- Different speakers: neither name is the other's words, shorter or longer (so the keys differ too).
    -- Written as functions rather than a.key < b.key: a plain comparison would let the planner pair
    -- every speaker with every other before joining on wordings.
    where not list_has_all(a.speaker_tokens, b.speaker_tokens)
        and not list_has_all(b.speaker_tokens, a.speaker_tokens)
        and least(a.speaker_key, b.speaker_key) = a.speaker_key  -- each pair of speakers once, in key order
        and wording_pairs.shared_shingles >= (select min_shared_shingles from params)

),

conflicts as (

    select
        conflicting_pairs.quotation_id,
        conflicting_pairs.speaker_a_key,
        conflicting_pairs.speaker_b_key,
        max(conflicting_pairs.containment) as overlap,
        first(shorter.text order by len(shorter.text), shorter.text) as words  -- ties broken by the text
    from conflicting_pairs
    join wording_texts as a on a.wording_id = conflicting_pairs.wording_a_id
    join wording_texts as b on b.wording_id = conflicting_pairs.wording_b_id
    cross join lateral (select case when len(a.text) <= len(b.text) then a.text else b.text end as text) as shorter
    group by conflicting_pairs.quotation_id, conflicting_pairs.speaker_a_key, conflicting_pairs.speaker_b_key

),

side_credits as (

    select distinct quotation_id, speaker_a_key, speaker_b_key, 'a' as side,
        wording_a_id as wording_id, speaker_a_key as speaker_key
    from conflicting_pairs
    union
    select distinct quotation_id, speaker_a_key, speaker_b_key, 'b' as side,
        wording_b_id as wording_id, speaker_b_key as speaker_key
    from conflicting_pairs

),

side_summaries as (

    select
        side_credits.quotation_id,
        side_credits.speaker_a_key,
        side_credits.speaker_b_key,
        side_credits.side,
        min(quotes.speaker_name) as speaker,
        min(quotes.resolved_entity_id) as speaker_entity_id,
        first(quotes.text order by len(quotes.text) desc, quotes.text) as wording,
        list(distinct quotes.doc_id order by quotes.doc_id) as doc_ids,
        list(distinct quotes.outlet order by quotes.outlet) as outlets,
        list(distinct quotes.cluster_id order by quotes.cluster_id) as cluster_ids,
        count(distinct quotes.cluster_id) filter (where quotes.is_original) as independent_sources,
        min(quotes.published_date) as first_date
    from side_credits
    join quotes using (wording_id, speaker_key)
    group by side_credits.quotation_id, side_credits.speaker_a_key, side_credits.speaker_b_key, side_credits.side

),

final as (

    select
        substr(md5(conflicts.quotation_id || '|' || conflicts.speaker_a_key || '|' || conflicts.speaker_b_key), 1, 16)
            as conflict_id,
        conflicts.quotation_id,
        conflicts.words,
        case
            when a.cluster_ids = b.cluster_ids and len(a.cluster_ids) = 1 then 'within_cluster'
            else 'across_sources'
        end as scope,
        conflicts.overlap,
        a.speaker as speaker_a,
        a.speaker_entity_id as speaker_a_entity_id,
        a.wording as wording_a,
        a.doc_ids as doc_ids_a,
        a.outlets as outlets_a,
        a.independent_sources as independent_sources_a,
        a.first_date as first_date_a,
        b.speaker as speaker_b,
        b.speaker_entity_id as speaker_b_entity_id,
        b.wording as wording_b,
        b.doc_ids as doc_ids_b,
        b.outlets as outlets_b,
        b.independent_sources as independent_sources_b,
        b.first_date as first_date_b
    from conflicts
    join side_summaries as a
        on a.side = 'a'
        and a.quotation_id = conflicts.quotation_id
        and a.speaker_a_key = conflicts.speaker_a_key
        and a.speaker_b_key = conflicts.speaker_b_key
    join side_summaries as b
        on b.side = 'b'
        and b.quotation_id = conflicts.quotation_id
        and b.speaker_a_key = conflicts.speaker_a_key
        and b.speaker_b_key = conflicts.speaker_b_key
    -- one document crediting the words to two people is an extraction question, not a conflict between sources
    where not (a.doc_ids = b.doc_ids and len(a.doc_ids) = 1)

)

select * from final
