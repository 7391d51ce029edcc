-- Dyad store, SQLite: articles, their events and quotes, a full-text index.
-- One article and everything coded from it is written in one transaction.

CREATE TABLE articles (
  doc          INTEGER PRIMARY KEY,
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
  fingerprint  BLOB,
  duplicate_of INTEGER REFERENCES articles(doc),
  num_articles INTEGER NOT NULL DEFAULT 1,
  num_sources  INTEGER NOT NULL DEFAULT 1,
  -- the CodedArticle without its events (they are rows of `events`); NULL for a near-duplicate
  coded        TEXT,
  num_events   INTEGER NOT NULL DEFAULT 0,
  tone         REAL,
  added_at     TEXT NOT NULL
);
CREATE INDEX articles_duplicate_of ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;

-- near-duplicate lookup keys (MinHash bands) of stored originals
CREATE TABLE article_keys (
  key INTEGER NOT NULL,
  doc INTEGER NOT NULL REFERENCES articles(doc) ON DELETE CASCADE,
  PRIMARY KEY (key, doc)
) WITHOUT ROWID;

CREATE TABLE events (
  eid            INTEGER PRIMARY KEY,
  doc            INTEGER NOT NULL REFERENCES articles(doc) ON DELETE CASCADE,
  n              INTEGER NOT NULL,
  date           TEXT,
  source_code    TEXT,
  source_country TEXT,
  target_code    TEXT,
  target_country TEXT,
  code           TEXT NOT NULL,
  root           TEXT NOT NULL,
  quad_class     INTEGER NOT NULL,
  goldstein      REAL NOT NULL,
  counted        INTEGER NOT NULL,
  record         TEXT NOT NULL,
  sentence       TEXT,
  sent_start     INTEGER,
  sent_end       INTEGER,
  UNIQUE (doc, n)
);
-- the dyad index covers the dyads query: no table lookups
CREATE INDEX events_dyad ON events(source_country, target_country, date, counted, quad_class, goldstein);
CREATE INDEX events_target_country ON events(target_country, date);
CREATE INDEX events_source_code ON events(source_code);
CREATE INDEX events_target_code ON events(target_code);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_code ON events(code);
CREATE INDEX events_root ON events(root, date);

CREATE TABLE quotes (
  qid          INTEGER PRIMARY KEY,
  doc          INTEGER NOT NULL REFERENCES articles(doc) ON DELETE CASCADE,
  n            INTEGER NOT NULL,
  speaker      TEXT,
  record       TEXT NOT NULL,
  UNIQUE (doc, n)
);

CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, text, content='articles', content_rowid='doc', tokenize='porter unicode61'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.doc, coalesce(new.title, ''), new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.doc, coalesce(old.title, ''), old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.doc, coalesce(old.title, ''), old.text);
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.doc, coalesce(new.title, ''), new.text);
END;
