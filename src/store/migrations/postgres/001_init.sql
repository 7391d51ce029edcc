-- Dyad store, PostgreSQL: the same tables as the SQLite store, with a
-- generated tsvector column for full-text search.

CREATE TABLE articles (
  doc          BIGSERIAL PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,
  hash         TEXT NOT NULL UNIQUE,
  source       TEXT NOT NULL,
  feed         TEXT,
  url          TEXT,
  publisher    TEXT NOT NULL,
  title        TEXT,
  date         TEXT,
  text         TEXT NOT NULL,
  dict_version TEXT,
  fingerprint  BYTEA,
  duplicate_of BIGINT REFERENCES articles(doc),
  num_articles INTEGER NOT NULL DEFAULT 1,
  num_sources  INTEGER NOT NULL DEFAULT 1,
  coded        TEXT,
  num_events   INTEGER NOT NULL DEFAULT 0,
  tone         DOUBLE PRECISION,
  added_at     TEXT NOT NULL,
  fts          TSVECTOR GENERATED ALWAYS AS (
                 setweight(to_tsvector('english', coalesce(title, '')), 'A') || to_tsvector('english', text)
               ) STORED
);
CREATE INDEX articles_duplicate_of ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;
CREATE INDEX articles_fts ON articles USING GIN (fts);

-- near-duplicate lookup keys (MinHash bands) of stored originals
CREATE TABLE article_keys (
  key INTEGER NOT NULL,
  doc BIGINT NOT NULL REFERENCES articles(doc) ON DELETE CASCADE,
  PRIMARY KEY (key, doc)
);

CREATE TABLE events (
  eid            BIGSERIAL PRIMARY KEY,
  doc            BIGINT NOT NULL REFERENCES articles(doc) ON DELETE CASCADE,
  n              INTEGER NOT NULL,
  date           TEXT,
  source_code    TEXT,
  source_country TEXT,
  target_code    TEXT,
  target_country TEXT,
  code           TEXT NOT NULL,
  root           TEXT NOT NULL,
  quad_class     SMALLINT NOT NULL,
  goldstein      DOUBLE PRECISION NOT NULL,
  counted        BOOLEAN NOT NULL,
  record         TEXT NOT NULL,
  sentence       TEXT,
  sent_start     INTEGER,
  sent_end       INTEGER,
  UNIQUE (doc, n)
);
CREATE INDEX events_dyad ON events(source_country, target_country, date) INCLUDE (counted, quad_class, goldstein);
CREATE INDEX events_target_country ON events(target_country, date);
CREATE INDEX events_source_code ON events(source_code text_pattern_ops);
CREATE INDEX events_target_code ON events(target_code text_pattern_ops);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_code ON events(code text_pattern_ops);
CREATE INDEX events_root ON events(root, date);

CREATE TABLE quotes (
  qid          BIGSERIAL PRIMARY KEY,
  doc          BIGINT NOT NULL REFERENCES articles(doc) ON DELETE CASCADE,
  n            INTEGER NOT NULL,
  speaker      TEXT,
  record       TEXT NOT NULL,
  UNIQUE (doc, n)
);
