-- Daily counts per (source country, target country): the dyad series (GET /api/dyads,
-- dyad dyads) read a few hundred rows a pair instead of every event. Kept exact by
-- triggers on events, so every write path (ingest, recode, cascading deletes) maintains it.
CREATE TABLE dyad_days (
  source_country TEXT NOT NULL,
  target_country TEXT NOT NULL,
  date           TEXT NOT NULL,
  n              INTEGER NOT NULL,
  q1             INTEGER NOT NULL,
  q2             INTEGER NOT NULL,
  q3             INTEGER NOT NULL,
  q4             INTEGER NOT NULL,
  g              REAL NOT NULL,
  PRIMARY KEY (source_country, target_country, date)
) WITHOUT ROWID;

INSERT INTO dyad_days
  SELECT source_country, target_country, date, count(*), sum(quad_class = 1), sum(quad_class = 2), sum(quad_class = 3), sum(quad_class = 4), sum(goldstein)
  FROM events
  WHERE counted = 1 AND source_country IS NOT NULL AND target_country IS NOT NULL AND date IS NOT NULL
  GROUP BY 1, 2, 3;

CREATE TRIGGER events_dyad_days_insert AFTER INSERT ON events
WHEN NEW.counted = 1 AND NEW.source_country IS NOT NULL AND NEW.target_country IS NOT NULL AND NEW.date IS NOT NULL
BEGIN
  INSERT INTO dyad_days VALUES (NEW.source_country, NEW.target_country, NEW.date, 1,
    NEW.quad_class = 1, NEW.quad_class = 2, NEW.quad_class = 3, NEW.quad_class = 4, NEW.goldstein)
  ON CONFLICT (source_country, target_country, date) DO UPDATE SET
    n = n + 1, q1 = q1 + excluded.q1, q2 = q2 + excluded.q2, q3 = q3 + excluded.q3, q4 = q4 + excluded.q4, g = g + excluded.g;
END;

CREATE TRIGGER events_dyad_days_delete AFTER DELETE ON events
WHEN OLD.counted = 1 AND OLD.source_country IS NOT NULL AND OLD.target_country IS NOT NULL AND OLD.date IS NOT NULL
BEGIN
  UPDATE dyad_days SET n = n - 1, q1 = q1 - (OLD.quad_class = 1), q2 = q2 - (OLD.quad_class = 2),
    q3 = q3 - (OLD.quad_class = 3), q4 = q4 - (OLD.quad_class = 4), g = g - OLD.goldstein
  WHERE source_country = OLD.source_country AND target_country = OLD.target_country AND date = OLD.date;
  DELETE FROM dyad_days WHERE source_country = OLD.source_country AND target_country = OLD.target_country AND date = OLD.date AND n <= 0;
END;
