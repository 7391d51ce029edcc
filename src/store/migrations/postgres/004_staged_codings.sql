-- Codings made with another dictionary version while the live one stays queryable
-- (a scale-out recode replaying the article log): made live all at once by switchCoding.
-- `coded` is the whole CodedArticle as JSON, events included.
CREATE TABLE staged_codings (
  doc          BIGINT NOT NULL REFERENCES articles(doc) ON DELETE CASCADE,
  dict_version TEXT NOT NULL,
  coded        TEXT NOT NULL,
  staged_at    TEXT NOT NULL,
  PRIMARY KEY (dict_version, doc)
);
