-- One row per quotation of speech (direct or indirect; never a quoted title, slogan or scare quote) with its words
-- normalised for matching and its speaker resolved to a key.
-- Normalising (case, accents, curly vs straight quotes, apostrophes, full stops as in U.S., punctuation) lets the same words
-- match across outlets' house styles; the speaker key is the entity when known, else the normalised name.
-- refresh: incremental by quote_id
-- columns:
--   quote_id: the quotation (quotes.quote_id)
--   words_text: the quoted words lower-cased, without accents, apostrophes or punctuation, single-spaced
--   wording_id: hash of words_text: quotations with the same wording share it
--   speaker_key: who is credited: speaker_entity_id, else the one entity whose name or alias matches the
--     speaker, else 'name:' plus the normalised speaker; null when the quote has no speaker
--   resolved_entity_id: the speaker's entity, given by the extractor or found by name; null when unknown
--   speaker_name: canonical entity name when the speaker is resolved, else the speaker as written
--   speaker_norm: the speaker as written, normalised like the words: what entity names and aliases are
--     matched against
--   speaker_tokens: words of the normalised speaker name, so 'Kirby' can be told to be 'John Kirby'
--   speaker_is_person: the speaker is an individual: an entity of type PERSON, or, when unresolved, a name
--     of two or more capitalised words; false for groups and descriptions (officials, Some Russian news media)
--   cluster_id: story cluster of the quoting document
--   is_original: whether the quoting document is an original (not a copy or rewrite)

{% macro normalised(text) -%}
    trim(regexp_replace(
        regexp_replace(strip_accents(lower({{ text }})), '[''’‘`´ʼ.]', '', 'g'),
        '[^\p{L}\p{N}]+', ' ', 'g'
    ))
{%- endmacro %}

{% set changed_keys %}
    with new_names as (

        select {{ normalised('name') }} as norm from entities
        where entity_id in (select entity_id from {{ changed_entities }})
        union
        select {{ normalised('alias') }} from entity_aliases
        where entity_id in (select entity_id from {{ changed_entities }})

    )

    -- quotes of the documents that arrived or changed
    select quote_id from quotes
    where doc_id in (select doc_id from {{ removed('stg_documents') }} union select doc_id from {{ added('stg_documents') }})
    union all
    -- quotes whose speaker a new entity's name resolves (or makes ambiguous), or whose entity just arrived
    select quote_id from stg_quotes
    where speaker_norm in (select norm from new_names)
        or resolved_entity_id in (select entity_id from {{ changed_entities }})
{% endset %}

with quotes as (

    -- speech only: quoted titles, slogans and scare quotes (quotes.kind) have no speaker to credit or compare
    select * from quotes where {{ is_changed('quote_id') }} and kind in ('direct', 'indirect')

),

documents as (

    select * from stg_documents

),

entities as (

    select * from entities

),

-- Every string compared by its words, so one spelling rule serves quotes, speakers and entity names.
surface_forms as (

    select 'quote' as role, quote_id as key, text as surface from quotes
    union all
    select 'speaker', quote_id, speaker from quotes where speaker is not null
    union all
    select 'name', entity_id, name from entities
    union all
    select 'alias', entity_id, alias from entity_aliases

),

normalised as (

    select role, key, {{ normalised('surface') }} as norm
    from surface_forms

),

-- A written name resolves to an entity only when exactly one entity goes by it.
unambiguous_names as (

    select norm, min(key) as entity_id
    from normalised
    where role in ('name', 'alias') and norm <> ''
    group by norm
    having count(distinct key) = 1

),

speakers as (

    select
        speakers.key as quote_id,
        speakers.norm as speaker_norm,
        unambiguous_names.entity_id as entity_id_by_name
    from normalised as speakers
    left join unambiguous_names using (norm)
    where speakers.role = 'speaker' and speakers.norm <> ''

),

resolved as (

    select
        quotes.*,
        words.norm as words_text,
        speakers.speaker_norm,
        coalesce(quotes.speaker_entity_id, speakers.entity_id_by_name) as resolved_entity_id
    from quotes
    join normalised as words on words.role = 'quote' and words.key = quotes.quote_id
    left join speakers using (quote_id)

),

final as (

    select
        resolved.quote_id,
        resolved.doc_id,
        resolved.kind,
        resolved.text,
        resolved.words_text,
        hash(resolved.words_text) as wording_id,
        resolved.speaker,
        resolved.speaker_role,
        resolved.speaker_entity_id,
        resolved.speaker_norm,
        case
            when resolved.resolved_entity_id is not null then resolved.resolved_entity_id
            when resolved.speaker_norm is not null then 'name:' || resolved.speaker_norm
        end as speaker_key,
        resolved.resolved_entity_id,
        coalesce(entities.name, resolved.speaker) as speaker_name,
        string_split(coalesce(canonical.norm, resolved.speaker_norm), ' ') as speaker_tokens,
        case
            when resolved.resolved_entity_id is not null then coalesce(entities.type = 'PERSON', false)
            else coalesce(
                len(string_split(resolved.speaker_norm, ' ')) >= 2
                and not regexp_matches(resolved.speaker, '(^|\s)\p{Ll}'),
                false
            )
        end as speaker_is_person,
        resolved.start_char,
        documents.cluster_id,
        documents.is_original,
        documents.outlet,
        documents.published_date
    from resolved
    join documents using (doc_id)
    left join entities on entities.entity_id = resolved.resolved_entity_id
    left join normalised as canonical
        on canonical.role = 'name' and canonical.key = resolved.resolved_entity_id

)

select * from final
