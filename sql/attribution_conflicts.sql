-- One row per quotation and pair of speakers: the same words credited to different people by different documents.
-- Fires only when both quotes name a speaker, the wordings overlap strongly, and the speakers are neither the
-- same entity nor the same name written shorter or longer ('Kirby' vs 'John Kirby'). Each side counts a story
-- cluster once, so a rewrite repeating its source's attribution never adds weight.
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

with quotes as (

    select * from stg_quotes

),

matches as (

    select * from int_quote_matches

),

groups as (

    select * from int_quote_groups

),

params as (

    -- At least three shared four-word runs (six words in a row) before calling it the same quotation:
    -- short stock phrases are said by many people.
    select 3 as min_shared_shingles

),

conflicting_pairs as (

    select
        groups.quotation_id,
        matches.containment,
        case when len(a.words_text) <= len(b.words_text) then a.text else b.text end as shorter_text,
        -- orient every pair by speaker key, so each pair of speakers is one conflict
        case when a.speaker_key < b.speaker_key then a.quote_id else b.quote_id end as quote_a_id,
        case when a.speaker_key < b.speaker_key then b.quote_id else a.quote_id end as quote_b_id
    from matches
    join quotes as a on a.quote_id = matches.quote_a_id
    join quotes as b on b.quote_id = matches.quote_b_id
    join groups on groups.quote_id = matches.quote_a_id
    where a.doc_id <> b.doc_id
        and a.speaker_key is not null
        and b.speaker_key is not null
        and a.speaker_key <> b.speaker_key
        and not list_has_all(a.speaker_tokens, b.speaker_tokens)
        and not list_has_all(b.speaker_tokens, a.speaker_tokens)
        and matches.shared_shingles >= (select min_shared_shingles from params)

),

keyed as (

    select
        conflicting_pairs.*,
        a.speaker_key as speaker_a_key,
        b.speaker_key as speaker_b_key
    from conflicting_pairs
    join quotes as a on a.quote_id = conflicting_pairs.quote_a_id
    join quotes as b on b.quote_id = conflicting_pairs.quote_b_id

),

conflicts as (

    select
        quotation_id,
        speaker_a_key,
        speaker_b_key,
        max(containment) as overlap,
        arg_min(shorter_text, len(shorter_text)) as words
    from keyed
    group by quotation_id, speaker_a_key, speaker_b_key

),

sides as (

    select quotation_id, speaker_a_key, speaker_b_key, 'a' as side, quote_a_id as quote_id from keyed
    union
    select quotation_id, speaker_a_key, speaker_b_key, 'b' as side, quote_b_id as quote_id from keyed

),

side_summaries as (

    select
        sides.quotation_id,
        sides.speaker_a_key,
        sides.speaker_b_key,
        sides.side,
        min(quotes.speaker_name) as speaker,
        min(quotes.resolved_entity_id) as speaker_entity_id,
        arg_max(quotes.text, len(quotes.text)) as wording,
        list(distinct quotes.doc_id order by quotes.doc_id) as doc_ids,
        list(distinct quotes.outlet order by quotes.outlet) as outlets,
        list(distinct quotes.cluster_id) as cluster_ids,
        count(distinct quotes.cluster_id) filter (where quotes.is_original) as independent_sources,
        min(quotes.published_date) as first_date
    from sides
    join quotes using (quote_id)
    group by sides.quotation_id, sides.speaker_a_key, sides.speaker_b_key, sides.side

),

final as (

    select
        substr(md5(conflicts.quotation_id || '|' || conflicts.speaker_a_key || '|' || conflicts.speaker_b_key), 1, 16)
            as conflict_id,
        conflicts.quotation_id,
        conflicts.words,
        case
            when list_sort(a.cluster_ids) = list_sort(b.cluster_ids) and len(a.cluster_ids) = 1
                then 'within_cluster'
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

)

select * from final
