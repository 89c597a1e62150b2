-- DuckDB queries over corpus-stats output, used by notebooks/explore.ipynb and tested by
-- NotebookQueriesTest against a real job output. Each query starts with a "-- name:" line and reads
-- its inputs from DuckDB variables:
--   SET VARIABLE out = 'out';                       -- the job's output root
--   SET VARIABLE doc_id = '000_9e75ee7642a235e9';   -- a document
--   SET VARIABLE entity = 'Hamid Karzai';           -- an entity's display name (entities.name)
--   SET VARIABLE entity_id = 'ORG:volkswagen';      -- an entity's id (entities.entity_id)
--   SET VARIABLE period = '2026-W04';               -- a period label (periods.period)
--   SET VARIABLE facet = 'section';                 -- a facet (doc_facets.facet)
--   SET VARIABLE value_a = 'politics';              -- two of its values
--   SET VARIABLE value_b = 'sport';

-- name: corpus_overview
-- Documents, tokens and rejects at a glance.
SELECT (SELECT count(*) FROM read_parquet(getvariable('out') || '/documents/*.parquet')) AS documents,
       (SELECT sum(token_count) FROM read_parquet(getvariable('out') || '/documents/*.parquet')) AS tokens,
       (SELECT count(*) FROM read_parquet(getvariable('out') || '/entities/*.parquet')) AS entities,
       (SELECT count(*) FROM read_parquet(getvariable('out') || '/rejects/*.parquet')) AS rejects;

-- name: document_keyterms
-- Which terms characterise a document: its top unigrams, bigrams and trigrams by tf-idf.
SELECT n, list(term ORDER BY rank) AS terms
FROM read_parquet(getvariable('out') || '/doc_terms/*.parquet')
WHERE doc_id = getvariable('doc_id') AND rank <= 10
GROUP BY n ORDER BY n;

-- name: document_entities
-- Who and what a document is about, by salience.
SELECT name, type, mentions, round(salience, 3) AS salience
FROM read_parquet(getvariable('out') || '/doc_entities/*.parquet')
WHERE doc_id = getvariable('doc_id')
ORDER BY salience DESC, name;

-- name: mentioned_with
-- Who is mentioned with whom: the entities that share sentences with an entity.
WITH target AS (
  SELECT entity_id FROM read_parquet(getvariable('out') || '/entities/*.parquet') WHERE name = getvariable('entity')
), pairs AS (
  SELECT CASE WHEN c.entity_a = t.entity_id THEN c.entity_b ELSE c.entity_a END AS other,
         c.sentence_count, c.doc_count, c.npmi
  FROM read_parquet(getvariable('out') || '/entity_cooccurrence/*.parquet') c
  JOIN target t ON t.entity_id IN (c.entity_a, c.entity_b)
)
SELECT e.name, e.type, p.sentence_count, p.doc_count, round(p.npmi, 3) AS npmi
FROM pairs p JOIN read_parquet(getvariable('out') || '/entities/*.parquet') e ON e.entity_id = p.other
ORDER BY p.sentence_count DESC, p.doc_count DESC, e.name
LIMIT 20;

-- name: keyword_in_context
-- What is said around an entity: each mention with 60 characters either side, cut from the
-- document text by the mention's code-point offsets (DuckDB's substring counts characters from 1).
SELECT m.doc_id,
       substring(d.text, greatest(m.begin - 60, 0) + 1, least(m.begin, 60)) AS left_context,
       m.text AS mention,
       substring(d.text, m."end" + 1, 60) AS right_context
FROM read_parquet(getvariable('out') || '/entity_mentions/*.parquet') m
JOIN read_parquet(getvariable('out') || '/entities/*.parquet') e USING (entity_id)
JOIN read_parquet(getvariable('out') || '/documents/*.parquet') d USING (doc_id)
WHERE e.name = getvariable('entity')
ORDER BY m.doc_id, m.begin
LIMIT 50;

-- name: entity_terms
-- The terms most associated with the sentences that mention an entity.
SELECT t.term, t.count, round(t.llr, 1) AS llr
FROM read_parquet(getvariable('out') || '/entity_terms/*.parquet') t
JOIN read_parquet(getvariable('out') || '/entities/*.parquet') e USING (entity_id)
WHERE e.name = getvariable('entity')
ORDER BY t.rank;

-- name: similar_documents
-- Which documents are most alike by their terms: cosine similarity of unigram tf-idf vectors.
WITH v AS (
  SELECT doc_id, term, tfidf FROM read_parquet(getvariable('out') || '/doc_terms/*.parquet') WHERE n = 1
), norms AS (
  SELECT doc_id, sqrt(sum(tfidf * tfidf)) AS norm FROM v GROUP BY doc_id
), dots AS (
  SELECT b.doc_id, sum(a.tfidf * b.tfidf) AS dot
  FROM v a JOIN v b ON a.term = b.term AND b.doc_id <> a.doc_id
  WHERE a.doc_id = getvariable('doc_id')
  GROUP BY b.doc_id
)
SELECT d.doc_id, round(d.dot / (na.norm * nb.norm), 4) AS cosine
FROM dots d
JOIN norms na ON na.doc_id = getvariable('doc_id')
JOIN norms nb ON nb.doc_id = d.doc_id
ORDER BY cosine DESC, d.doc_id
LIMIT 10;

-- name: top_collocations
-- The strongest word pairs of the corpus.
SELECT bigram, count, round(npmi, 3) AS npmi, round(llr, 1) AS llr
FROM read_parquet(getvariable('out') || '/collocations/*.parquet')
ORDER BY llr DESC
LIMIT 20;

-- name: top_entities_by_type
-- The most mentioned entities of each type.
SELECT type, name, mention_count, doc_count
FROM (SELECT *, row_number() OVER (PARTITION BY type ORDER BY mention_count DESC, name) AS r
      FROM read_parquet(getvariable('out') || '/entities/*.parquet'))
WHERE r <= 10
ORDER BY type, mention_count DESC, name;

-- name: entity_trend
-- An entity over time: every period, with 0 mentions where entity_trends has no row for it
-- (it keeps only periods where the entity is mentioned). doc_share is the share of the period's
-- documents that mention it; NULL for a period without documents, where a share means nothing.
SELECT p.period, p.start_date, p.documents,
       coalesce(t.mentions, 0) AS mentions,
       coalesce(t.doc_count, 0) AS doc_count,
       CASE WHEN p.documents > 0 THEN round(coalesce(t.doc_share, 0), 4) END AS doc_share
FROM read_parquet(getvariable('out') || '/periods/*.parquet') p
LEFT JOIN (SELECT * FROM read_parquet(getvariable('out') || '/entity_trends/*.parquet')
           WHERE entity_id = getvariable('entity_id')) t ON t.period = p.period
ORDER BY p.period;

-- name: bursts_in_week
-- What burst in a given period (a week at the default trends.period): the bursts whose interval
-- covers its label, strongest first. Labels sort as text in time order, so BETWEEN compares them.
SELECT b.kind, b.key, e.name, b.start_period, b.end_period, round(b.weight, 2) AS weight, b.documents
FROM read_parquet(getvariable('out') || '/bursts/*.parquet') b
LEFT JOIN read_parquet(getvariable('out') || '/entities/*.parquet') e ON b.kind = 'entity' AND e.entity_id = b.key
WHERE getvariable('period') BETWEEN b.start_period AND b.end_period
ORDER BY b.weight DESC, b.kind, b.key;

-- name: facet_contrast
-- What distinguishes two values of a facet: the top terms of each (by G² against the rest of the
-- corpus, facet_terms.rank) side by side, row r holding rank r of both. A blank side means that
-- value has fewer over-represented terms.
WITH t AS (
  SELECT value, rank, term, count, doc_count, round(llr, 1) AS llr
  FROM read_parquet(getvariable('out') || '/facet_terms/*.parquet')
  WHERE facet = getvariable('facet') AND value IN (getvariable('value_a'), getvariable('value_b')) AND rank <= 15
), a AS (
  SELECT * FROM t WHERE value = getvariable('value_a')
), b AS (
  SELECT * FROM t WHERE value = getvariable('value_b')
)
SELECT coalesce(a.rank, b.rank) AS rank,
       a.term AS term_a, a.count AS count_a, a.doc_count AS docs_a, a.llr AS llr_a,
       b.term AS term_b, b.count AS count_b, b.doc_count AS docs_b, b.llr AS llr_b
FROM a FULL OUTER JOIN b ON a.rank = b.rank
ORDER BY rank;
