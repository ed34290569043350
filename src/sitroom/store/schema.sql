-- sitroom store, schema version 2 (2 added articles.retrieved). One writer (sitroom.store.writer) owns every write.
-- No PRIMARY KEY constraints: ids are content hashes and the writer replaces rows by
-- delete-then-insert in one transaction (DuckDB checks keys too eagerly for that).
CREATE TABLE IF NOT EXISTS meta (key VARCHAR, value VARCHAR);
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR, source VARCHAR, url VARCHAR, title VARCHAR, subtitle VARCHAR, outlet VARCHAR,
    byline VARCHAR, dateline VARCHAR, wire VARCHAR, published VARCHAR, published_basis VARCHAR,
    published_confidence DOUBLE, retrieved VARCHAR, language VARCHAR, body VARCHAR, captions JSON, rejected VARCHAR, problems JSON,
    fingerprint VARCHAR, processed_at TIMESTAMP
);
CREATE TABLE IF NOT EXISTS annotations (
    id VARCHAR, article_id VARCHAR, kind VARCHAR, "start" INTEGER, "end" INTEGER, data JSON
);
-- Tokens with their parse, one compact JSON array per article: corpus steps (people) re-read them.
CREATE TABLE IF NOT EXISTS tokens (article_id VARCHAR, data JSON);
CREATE TABLE IF NOT EXISTS duplicates (article_id VARCHAR, duplicate_of VARCHAR, similarity DOUBLE);
CREATE TABLE IF NOT EXISTS stories (
    id VARCHAR, title VARCHAR, article_ids JSON, "start" VARCHAR, "end" VARCHAR
);
CREATE TABLE IF NOT EXISTS discrepancies (
    id VARCHAR, story_id VARCHAR, subject VARCHAR, kind VARCHAR, claims JSON, status VARCHAR
);
CREATE TABLE IF NOT EXISTS entities (
    id VARCHAR, name VARCHAR, kind VARCHAR, aliases JSON, mentions JSON, article_ids JSON
);
CREATE TABLE IF NOT EXISTS statement_groups (
    id VARCHAR, speaker VARCHAR, stance VARCHAR, reports JSON, independent_sources INTEGER
);
CREATE INDEX IF NOT EXISTS annotations_article ON annotations (article_id);
CREATE INDEX IF NOT EXISTS articles_id ON articles (id);
