-- The published warehouse: every table a run loads, with its meaning kept in the database itself
-- (COMMENT ON), so `docs/schema.md` is generated from here and never drifts.

CREATE TABLE IF NOT EXISTS runs (
    run_id            VARCHAR PRIMARY KEY,
    started_at        TIMESTAMP NOT NULL,
    ended_at          TIMESTAMP,
    status            VARCHAR NOT NULL,
    error             VARCHAR,
    inbox             VARCHAR,
    files_seen        INTEGER,
    files_new         INTEGER,
    files_duplicate   INTEGER,
    files_rejected    INTEGER,
    documents_loaded  INTEGER,
    report_path       VARCHAR
);
COMMENT ON TABLE runs IS 'One row per pipeline run: when, outcome and counts.';
COMMENT ON COLUMN runs.status IS 'running | published | nothing_new | nothing_loaded | audit_failed | failed';
COMMENT ON COLUMN runs.error IS 'Why a failed, audit_failed or nothing_loaded run did not publish (or loaded nothing).';
COMMENT ON COLUMN runs.files_seen IS 'Files found in the inbox by this run.';
COMMENT ON COLUMN runs.files_new IS 'Files whose content had never been staged before.';
COMMENT ON COLUMN runs.files_duplicate IS 'New paths whose bytes were already staged (by this or an earlier run).';
COMMENT ON COLUMN runs.files_rejected IS 'Files rejected at staging or parsing, each with a reason in raw_files.';
COMMENT ON COLUMN runs.documents_loaded IS 'Documents published by this run.';
COMMENT ON COLUMN runs.report_path IS 'The HTML report of this run, relative to the warehouse''s folder (absolute in runs recorded by older versions).';

CREATE TABLE IF NOT EXISTS raw_files (
    sha256       VARCHAR,
    path         VARCHAR NOT NULL,
    bytes        BIGINT,
    status       VARCHAR NOT NULL,
    reason       VARCHAR,
    run_id       VARCHAR NOT NULL,
    stored_path  VARCHAR,
    format       VARCHAR,
    encoding     VARCHAR
);
-- Warehouses created before the column existed gain it here (a no-op afterwards).
ALTER TABLE raw_files ADD COLUMN IF NOT EXISTS encoding VARCHAR;
COMMENT ON TABLE raw_files IS 'Every file ever seen in the inbox, once per (path, content): its fate and why. (No key: sha256 is null for files that could not be read.)';
COMMENT ON COLUMN raw_files.sha256 IS 'SHA-256 of the bytes (null when the file could not be read).';
COMMENT ON COLUMN raw_files.path IS 'Path relative to the inbox it was found in.';
COMMENT ON COLUMN raw_files.bytes IS 'Size in bytes.';
COMMENT ON COLUMN raw_files.status IS 'loaded | duplicate (same bytes already staged) | rejected';
COMMENT ON COLUMN raw_files.reason IS 'Why a file was rejected or which file it duplicates.';
COMMENT ON COLUMN raw_files.stored_path IS 'The immutable content-addressed copy under warehouse/raw/.';
COMMENT ON COLUMN raw_files.format IS 'article_text | transcript | html, once detected.';
COMMENT ON COLUMN raw_files.encoding IS 'The text encoding the bytes were read in: utf-8, utf-8-sig or utf-16 (byte-order mark), an HTML page''s declared charset, or another encoding when certain (cp1252 for mostly-ASCII Windows exports, else charset-normalizer''s unanimous answer); null when the file was rejected before it could be read as text.';

CREATE TABLE IF NOT EXISTS documents (
    doc_id          VARCHAR PRIMARY KEY,
    sha256          VARCHAR NOT NULL,
    kind            VARCHAR NOT NULL,
    format          VARCHAR NOT NULL,
    source_path     VARCHAR,
    outlet          VARCHAR,
    site            VARCHAR,
    title           VARCHAR,
    subtitle        VARCHAR,
    authors         VARCHAR[],
    dateline        VARCHAR,
    published_date  DATE,
    date_source     VARCHAR,
    language        VARCHAR,
    body            VARCHAR NOT NULL,
    word_count      INTEGER,
    lines_total     INTEGER,
    lines_dropped   INTEGER,
    url             VARCHAR,
    flags           VARCHAR[],
    duplicate_of    VARCHAR,
    duplicate_level VARCHAR,
    cluster_id      VARCHAR,
    run_id          VARCHAR NOT NULL
);
COMMENT ON TABLE documents IS 'One cleaned document per loaded raw file: metadata, clean body, and its place in a story cluster.';
COMMENT ON COLUMN documents.doc_id IS 'First 16 hex digits of the raw file''s SHA-256.';
COMMENT ON COLUMN documents.kind IS 'article | transcript';
COMMENT ON COLUMN documents.format IS 'article_text | transcript | html: the raw format it was parsed from.';
COMMENT ON COLUMN documents.outlet IS 'The publisher whose story it is (e.g. Associated Press).';
COMMENT ON COLUMN documents.site IS 'The site it was collected from, when that differs from the outlet.';
COMMENT ON COLUMN documents.dateline IS 'Place the story was filed from (SEOUL, WASHINGTON).';
COMMENT ON COLUMN documents.published_date IS 'Day of first publication in the outlet''s own time zone; null when the source does not give one.';
COMMENT ON COLUMN documents.date_source IS 'Where published_date was read: explicit (a dated byline or header line of a text or transcript) | json-ld (the page''s JSON-LD datePublished) | meta (a meta tag such as article:published_time) | url (the date in the page''s address) | page (a time element of the page, else htmldate on its markup) | metadata (rows parsed before these were told apart: JSON-LD, meta or htmldate).';
COMMENT ON COLUMN documents.title IS 'The headline: for HTML pages the visible h1 the metadata agrees with (else og:title, the JSON-LD headline, the page title), without the site''s name.';
COMMENT ON COLUMN documents.authors IS 'People credited with the story, in byline order; never a site, outlet or desk (a wire story may have none).';
COMMENT ON COLUMN documents.body IS 'Clean body text, paragraphs separated by blank lines; all fact offsets point into it.';
COMMENT ON COLUMN documents.lines_dropped IS 'Lines of the raw text removed as page furniture.';
COMMENT ON COLUMN documents.flags IS 'Non-fatal parse warnings.';
COMMENT ON COLUMN documents.duplicate_of IS 'The original this document copies or rewrites; null for originals.';
COMMENT ON COLUMN documents.duplicate_level IS 'exact | near_exact | rewrite; null for originals.';
COMMENT ON COLUMN documents.cluster_id IS 'Story cluster: the doc_id of the cluster''s canonical document.';

CREATE TABLE IF NOT EXISTS transcripts (
    doc_id               VARCHAR PRIMARY KEY,
    channel              VARCHAR,
    series               VARCHAR,
    video_url            VARCHAR,
    video_id             VARCHAR,
    views                BIGINT,
    rating               DOUBLE,
    length_seconds       INTEGER,
    keywords             VARCHAR[],
    description          VARCHAR,
    chapters             STRUCT(start_seconds DOUBLE, title VARCHAR)[],
    transcription_model  VARCHAR,
    generated_date       DATE
);
COMMENT ON TABLE transcripts IS 'Front-matter metadata of video transcripts, typed.';
COMMENT ON COLUMN transcripts.length_seconds IS 'Video length in seconds.';
COMMENT ON COLUMN transcripts.chapters IS 'Chapter markers from the video description.';

CREATE TABLE IF NOT EXISTS segments (
    doc_id         VARCHAR NOT NULL,
    segment_no     INTEGER NOT NULL,
    start_seconds  DOUBLE NOT NULL,
    text           VARCHAR NOT NULL,
    start_char     INTEGER NOT NULL,
    end_char       INTEGER NOT NULL,
    PRIMARY KEY (doc_id, segment_no)
);
COMMENT ON TABLE segments IS 'Timed lines of transcripts; offsets point into documents.body.';
COMMENT ON COLUMN segments.start_seconds IS 'Start time of the spoken line, in seconds from the start of the video.';

CREATE TABLE IF NOT EXISTS duplicate_pairs (
    doc_id        VARCHAR NOT NULL,
    duplicate_of  VARCHAR NOT NULL,
    level         VARCHAR NOT NULL,
    method        VARCHAR NOT NULL,
    score         DOUBLE NOT NULL,
    evidence      JSON,
    run_id        VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, duplicate_of)
);
COMMENT ON TABLE duplicate_pairs IS 'Why a document was judged a copy or rewrite of its story''s original: one row per document whose documents.duplicate_of is set, naming that same original with the same level (a run that re-links a document replaces its row).';
COMMENT ON COLUMN duplicate_pairs.duplicate_of IS 'The story''s canonical original (documents.cluster_id), never another copy.';
COMMENT ON COLUMN duplicate_pairs.level IS 'exact | near_exact | rewrite';
COMMENT ON COLUMN duplicate_pairs.method IS 'normalised_text_equal (exact), shingle_containment (near_exact), ordered_sentence_alignment (rewrite retelling its source in order), sentence_coverage (rewrite retelling it in its own order: headline first, sentences merged or moved; counted in distinct sentences of the source), short_item_expansion (rewrite blowing a short item up with padding: nearly all its words and names, the same figures give or take one, little of its own or the item retold in its lead; or nine in ten of its words and half its names where the padding names next to nothing of its own), short_item_names (rewrite retelling a short item in other words at any length: the same ten or more names and figures, at most one of its own), short_item_retold (every sentence of a short item of 3-10 sentences retold at the looser similarity 0.3, in any order), condensed_alignment (a condensation to half its source or less: half its sentences, five at least, retold at the looser similarity 0.3 in the order of its source from beginning to end), condensed_coverage (a condensation to a third or less: 0.7 of its sentences retold at 0.3 in any order), retold_nearly_whole (at any length, 0.8 of the sentences of the shorter side, eight at least, retold at 0.3 in any order, one side naming at most a name or two the other lacks), named_sentence_chain (a restyle rewording every sentence: eight or more of its sentences each naming two or more of the names and figures of a sentence of its source, in that source''s order), short_item_chain (a short item of up to 10 sentences naming ten or more of the names and figures of its source and none of its own, three or more of its sentences, 0.6 of them, retold in that source''s order), cut_restyle_names (a charged restyle cutting and replacing its source''s wording, one side naming at most one name or figure in ten of its own: six or more of its sentences, half of them, each retold around a name of a sentence of the source in that source''s order, or, at about the source''s length and at most one name or figure in thirteen of its own, fifteen or more shared names and figures first named in the source''s order), or through_chain: the document did not verify against the original itself but against another member of its story (a rewrite of a rewrite); its level is the weakest on that chain.';
COMMENT ON COLUMN duplicate_pairs.score IS 'How much of the pair is shared, 0 to 1, by method: exact 1.0; shingle_containment the share of the shorter document''s 5-word shingles found in the other; rewrites the share of the shorter document''s content sentences (3+ content words) that retell or repeat, in any order, a sentence of the other naming the same people, places and figures (several may retell one). 0.5 for a 14-sentence rewrite of a longer original: 7 of its sentences retell one of the original''s, in order.';
COMMENT ON COLUMN duplicate_pairs.evidence IS 'JSON list of aligned sentence pairs with their similarity, strongest first.';
COMMENT ON COLUMN duplicate_pairs.run_id IS 'The run that made this verdict (a later run that re-links the document replaces the row).';

CREATE TABLE IF NOT EXISTS lsh_bands (
    band      INTEGER NOT NULL,
    bucket    UBIGINT NOT NULL,
    doc_id    VARCHAR NOT NULL,
    family    VARCHAR NOT NULL
);
COMMENT ON TABLE lsh_bands IS 'Persisted MinHash LSH buckets: how a later run finds earlier candidates without rescanning.';
COMMENT ON COLUMN lsh_bands.family IS 'Which signature the band belongs to, with its version (exact, shingle.v2, names.v2); bands of another version are re-banded from dedupe_profiles before the next lookup.';

CREATE TABLE IF NOT EXISTS dedupe_vocabulary (
    doc_id  VARCHAR NOT NULL,
    stems   VARCHAR[] NOT NULL
);
COMMENT ON TABLE dedupe_vocabulary IS 'Each document''s content-stem vocabulary: a later run gates earlier candidates by vocabulary overlap before reading their bodies.';
COMMENT ON COLUMN dedupe_vocabulary.stems IS 'Sorted distinct content stems of the body, long quotations left out (what the verifier''s stem overlap compares).';

CREATE TABLE IF NOT EXISTS dedupe_profiles (
    doc_id              VARCHAR NOT NULL,
    version             VARCHAR NOT NULL,
    sentence_count      INTEGER NOT NULL,
    stems               VARCHAR[] NOT NULL,
    stem_sentences      INTEGER[] NOT NULL,
    specifics           VARCHAR[] NOT NULL,
    specific_sentences  INTEGER[] NOT NULL,
    shingles            BIGINT[] NOT NULL,
    text_hash           UBIGINT NOT NULL,
    arrival             BIGINT
);
-- Warehouses created before arrival was recorded.
ALTER TABLE dedupe_profiles ADD COLUMN IF NOT EXISTS arrival BIGINT;
-- Warehouses created while profiles kept a completeness count, which nothing read.
ALTER TABLE dedupe_profiles DROP COLUMN IF EXISTS completeness;
COMMENT ON TABLE dedupe_profiles IS 'What the dedupe verifier needs of each document, kept so that a document that is a candidate again in a later chunk or run is read back in bulk, not profiled again.';
COMMENT ON COLUMN dedupe_profiles.version IS 'Profile layout and lexicon it was made with; a row of another version is ignored and the body profiled again.';
COMMENT ON COLUMN dedupe_profiles.sentence_count IS 'Sentences of the body, as the dedupe sentence splitter cuts it.';
COMMENT ON COLUMN dedupe_profiles.stems IS 'Content stems of each sentence, sentence after sentence, long quotations left out; stem_sentences holds the sentence (0-based) of each.';
COMMENT ON COLUMN dedupe_profiles.specifics IS 'Stemmed names and figures of each sentence (what an aligned pair must share), then each sentence''s capitalised opener marked ^, its figures spelled out in words marked #, its names written only in capitals marked !, the people it quotes marked @, the content stems of its long quotations marked " and a sample of their 5-word shingle hashes marked ~ (read against the other document, not counted as specifics); specific_sentences holds the sentence of each.';
COMMENT ON COLUMN dedupe_profiles.shingles IS 'Sorted distinct stable 64-bit hashes of the normalised text''s 5-word shingles (near-exact containment).';
COMMENT ON COLUMN dedupe_profiles.text_hash IS 'Hash of the normalised text: equal hashes are exact copies.';
COMMENT ON COLUMN dedupe_profiles.arrival IS 'Order in which documents were first staged, across runs: between members of a story with no earlier publication date, the first staged is the original. Null for documents loaded before it was recorded (they count as first).';

CREATE TABLE IF NOT EXISTS verdict_changes (
    run_id               VARCHAR NOT NULL,
    doc_id               VARCHAR NOT NULL,
    was_duplicate_of     VARCHAR,
    was_duplicate_level  VARCHAR,
    was_cluster_id       VARCHAR,
    duplicate_of         VARCHAR,
    duplicate_level      VARCHAR,
    cluster_id           VARCHAR NOT NULL,
    change               VARCHAR NOT NULL,
    reason               VARCHAR NOT NULL
);
COMMENT ON TABLE verdict_changes IS 'Every earlier document whose dedupe verdict a run revised: what was said before, what is said now, and why.';
COMMENT ON COLUMN verdict_changes.run_id IS 'The run that revised the verdict.';
COMMENT ON COLUMN verdict_changes.was_duplicate_of IS 'documents.duplicate_of before the run (null: it was an original).';
COMMENT ON COLUMN verdict_changes.was_cluster_id IS 'documents.cluster_id before the run.';
COMMENT ON COLUMN verdict_changes.duplicate_of IS 'documents.duplicate_of after the run (null: it is now its story''s original).';
COMMENT ON COLUMN verdict_changes.change IS 'new_original (a new document is the story''s original: published earlier, or an earlier undated story joined by it) | stories_joined (two earlier stories are one, linked by a new document; the earlier original stays) | relinked (now linked to the original itself) | level (verified again at another level) | split (its earlier link is shown wrong by documents this run read, and it leaves the story: the reason names them)';
COMMENT ON COLUMN verdict_changes.reason IS 'The reason in words, naming the documents and dates that decided it.';

CREATE TABLE IF NOT EXISTS entities (
    entity_id  VARCHAR PRIMARY KEY,
    name       VARCHAR NOT NULL,
    type       VARCHAR NOT NULL
);
COMMENT ON TABLE entities IS 'One row per real-world person, organisation or place, under a canonical name.';
COMMENT ON COLUMN entities.entity_id IS 'Stable key derived from type and normalised canonical name.';
COMMENT ON COLUMN entities.type IS 'PERSON | ORG | GPE | LOC | NORP | FAC | EVENT';

CREATE TABLE IF NOT EXISTS entity_aliases (
    entity_id  VARCHAR NOT NULL,
    alias      VARCHAR NOT NULL,
    PRIMARY KEY (entity_id, alias)
);
COMMENT ON TABLE entity_aliases IS 'Surface forms seen for each entity (Kim Jong-un, Kim Jong Un, Kim).';

CREATE TABLE IF NOT EXISTS mentions (
    doc_id       VARCHAR NOT NULL,
    entity_id    VARCHAR NOT NULL,
    text         VARCHAR NOT NULL,
    start_char   INTEGER NOT NULL,
    end_char     INTEGER NOT NULL,
    sentence_no  INTEGER NOT NULL
);
COMMENT ON TABLE mentions IS 'Each place an entity is named: body[start_char:end_char] = text.';

CREATE TABLE IF NOT EXISTS quotes (
    quote_id           VARCHAR PRIMARY KEY,
    doc_id             VARCHAR NOT NULL,
    kind               VARCHAR NOT NULL,
    speaker_entity_id  VARCHAR,
    speaker            VARCHAR,
    speaker_role       VARCHAR,
    speaker_reason     VARCHAR,
    text               VARCHAR NOT NULL,
    cue                VARCHAR,
    start_char         INTEGER NOT NULL,
    end_char           INTEGER NOT NULL,
    sentence_no        INTEGER,
    speaker_basis      VARCHAR,
    speaker_start      INTEGER,
    speaker_end        INTEGER,
    speaker_sentence_no INTEGER,
    speaker_name_start INTEGER,
    speaker_name_end   INTEGER
);
-- Warehouses created before the speaker evidence columns get them here (no-ops on a new one).
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS speaker_basis VARCHAR;
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS speaker_start INTEGER;
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS speaker_end INTEGER;
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS speaker_sentence_no INTEGER;
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS speaker_name_start INTEGER;
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS speaker_name_end INTEGER;
COMMENT ON TABLE quotes IS 'Quoted and reported words: direct quotations and indirect claims with their speakers, and quoted words that are not speech (titles, slogans, scare quotes).';
COMMENT ON COLUMN quotes.kind IS 'direct (quoted speech) | indirect (reported claim) | title (name of a book, show, song, programme or campaign) | slogan (campaign line, chant, motto) | scare (scare quotes, a nickname or term held at a distance); only direct and indirect are speech (stg_quotes and the ledger read those only)';
COMMENT ON COLUMN quotes.speaker_reason IS 'Why speaker is null, when it is (for title, slogan and scare: that the words are not speech; when the structure of the sentence showed them to be a mention of words, also which structure, after '': a mention of words, '': a modifier of a noun, the label a verb such as marked or headed gives, the name a community or a participle gives, the term a text no one owns puts on a thing). ''unnamed: described, not named (...)'' for someone the story describes but never names ("One woman", "a neighbour", "a caller"): a description is not a person, so the row has no speaker and no entity (the ledger never counts every "One woman" as one source); the description stays as evidence in speaker_start/speaker_end (or speaker_name_start/speaker_name_end when a pronoun points back to it) and speaker_basis says which rule found it. A group ("officials") or a description holding a name is kept as speaker.';
COMMENT ON COLUMN quotes.cue IS 'The reporting verb or phrase (said, told, according to).';
COMMENT ON COLUMN quotes.speaker_basis IS 'Which rule found the speaker: subject (subject of a reporting verb in the quote''s sentence) | according_to | roundup (source heading or trailing the quote: "Name, Outlet: ...") | continued (a neighbouring quote''s speaker: the same or the previous paragraph) | intro (a sentence before introduces them: "X wrote:") | named_after (named after the quoted words: a heading quoted again, "So said X") | relayed (the author of a text that speaks or is read out, never its reader or addressee: "read a letter from X:", "The agency''s bulletin said:" is the agency''s; the text itself as an unnamed speaker when no author is named; the reader only when the story gives the text no author) | addressed (who put the words to whom: the agent of "was told by X to", the one asked answering) | turn (the turns of a dialogue: an answer to a question is the one questioned, never the questioner: "Pressed on ..., she said"; words hailing someone, "Dear Mr Fenn,", go to the other party) | voice (a noun of one voice carries the words and no one is named: "From the benches came a shout of “...”"; always an unnamed speaker, the noun kept as evidence); null when there is no speaker, except for an unnamed speaker (speaker_reason unnamed), where it is the rule that found the description.';
COMMENT ON COLUMN quotes.speaker_start IS 'Evidence: start of the words naming the speaker for this quote (a name, "he", "the psychologist", a round-up heading); for continued, those of the quote it continues.';
COMMENT ON COLUMN quotes.speaker_end IS 'Evidence: end of those words (body[speaker_start:speaker_end]).';
COMMENT ON COLUMN quotes.speaker_sentence_no IS 'Sentence holding the words that name the speaker (0-based, as sentence_no).';
COMMENT ON COLUMN quotes.speaker_name_start IS 'Where the speaker''s name itself is written, when the naming words point back to it (a pronoun, title, description or surname); null for a description with no entity.';
COMMENT ON COLUMN quotes.speaker_name_end IS 'End of that name (body[speaker_name_start:speaker_name_end]).';
COMMENT ON COLUMN quotes.speaker_role IS 'The words the story gives beside the speaker''s name ("Kremlin spokesman"); for a body''s spokesperson the story does not name ("A Hallbrook spokeswoman", "a spokesman for the regulator", "A spokesperson replied" after a question put to a body), the body is the speaker and the voice is its role ("Hallbrook spokeswoman"), the words naming the voice the evidence.';

CREATE TABLE IF NOT EXISTS events (
    event_id        VARCHAR PRIMARY KEY,
    doc_id          VARCHAR NOT NULL,
    date            DATE,
    date_precision  VARCHAR NOT NULL,
    date_text       VARCHAR NOT NULL,
    resolution      VARCHAR NOT NULL,
    text            VARCHAR NOT NULL,
    start_char      INTEGER NOT NULL,
    end_char        INTEGER NOT NULL
);
COMMENT ON TABLE events IS 'Sentences that carry a date, with the date resolved against the document''s own date.';
COMMENT ON COLUMN events.date_precision IS 'day | month | year | unresolved';
COMMENT ON COLUMN events.resolution IS 'explicit | relative (resolved from words like Sunday) | unresolved';

CREATE TABLE IF NOT EXISTS quantities (
    doc_id      VARCHAR NOT NULL,
    text        VARCHAR NOT NULL,
    value       DOUBLE,
    unit        VARCHAR,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL
);
COMMENT ON TABLE quantities IS 'Figures stated in the text (about 550 miles, 18 months).';

CREATE TABLE IF NOT EXISTS dq_results (
    run_id               VARCHAR NOT NULL,
    table_name           VARCHAR NOT NULL,
    expectation          VARCHAR NOT NULL,
    severity             VARCHAR NOT NULL,
    success              BOOLEAN NOT NULL,
    observed_value       VARCHAR,
    unexpected_examples  JSON,
    checked_at           TIMESTAMP NOT NULL,
    status               VARCHAR,
    doc_ids              VARCHAR[]
);
-- Warehouses made before status and doc_ids: add them, and say which of their old rows were skipped checks.
ALTER TABLE dq_results ALTER COLUMN success DROP NOT NULL;
ALTER TABLE dq_results ADD COLUMN IF NOT EXISTS status VARCHAR;
ALTER TABLE dq_results ADD COLUMN IF NOT EXISTS doc_ids VARCHAR[];
UPDATE dq_results
SET status = CASE WHEN success THEN 'passed'
                  WHEN severity = 'warning' AND observed_value LIKE 'not checked: % is empty' THEN 'skipped'
                  ELSE 'failed' END,
    success = CASE WHEN success THEN true
                   WHEN severity = 'warning' AND observed_value LIKE 'not checked: % is empty' THEN NULL
                   ELSE false END
WHERE status IS NULL;
COMMENT ON TABLE dq_results IS 'Every expectation checked in every run: passed, failed, or skipped when it could not run.';
COMMENT ON COLUMN dq_results.severity IS 'critical (blocks publishing) | warning (reported)';
COMMENT ON COLUMN dq_results.success IS 'true passed, false failed, null skipped (never counted in a pass rate).';
COMMENT ON COLUMN dq_results.status IS 'passed | failed | skipped (the table it checks had no rows: nothing to judge, so neither passed nor failed).';
COMMENT ON COLUMN dq_results.observed_value IS 'What the check saw: unexpected rows of rows checked, the error, or why it was skipped.';
COMMENT ON COLUMN dq_results.unexpected_examples IS 'JSON list of the first offending values, as records with the row''s keys (doc_id, ...) when it has them.';
COMMENT ON COLUMN dq_results.doc_ids IS 'Documents holding the offending rows (at most 50), so the report links each failure to its documents.';
