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
  g              DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (source_country, target_country, date)
);

INSERT INTO dyad_days
  SELECT source_country, target_country, date, count(*),
    count(*) FILTER (WHERE quad_class = 1), count(*) FILTER (WHERE quad_class = 2),
    count(*) FILTER (WHERE quad_class = 3), count(*) FILTER (WHERE quad_class = 4), sum(goldstein)
  FROM events
  WHERE counted AND source_country IS NOT NULL AND target_country IS NOT NULL AND date IS NOT NULL
  GROUP BY 1, 2, 3;

CREATE FUNCTION dyad_days_maintain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.counted AND NEW.source_country IS NOT NULL AND NEW.target_country IS NOT NULL AND NEW.date IS NOT NULL THEN
      INSERT INTO dyad_days VALUES (NEW.source_country, NEW.target_country, NEW.date, 1,
        (NEW.quad_class = 1)::int, (NEW.quad_class = 2)::int, (NEW.quad_class = 3)::int, (NEW.quad_class = 4)::int, NEW.goldstein)
      ON CONFLICT (source_country, target_country, date) DO UPDATE SET
        n = dyad_days.n + 1, q1 = dyad_days.q1 + excluded.q1, q2 = dyad_days.q2 + excluded.q2,
        q3 = dyad_days.q3 + excluded.q3, q4 = dyad_days.q4 + excluded.q4, g = dyad_days.g + excluded.g;
    END IF;
    RETURN NEW;
  END IF;
  IF OLD.counted AND OLD.source_country IS NOT NULL AND OLD.target_country IS NOT NULL AND OLD.date IS NOT NULL THEN
    UPDATE dyad_days SET n = n - 1, q1 = q1 - (OLD.quad_class = 1)::int, q2 = q2 - (OLD.quad_class = 2)::int,
      q3 = q3 - (OLD.quad_class = 3)::int, q4 = q4 - (OLD.quad_class = 4)::int, g = g - OLD.goldstein
    WHERE source_country = OLD.source_country AND target_country = OLD.target_country AND date = OLD.date;
    DELETE FROM dyad_days WHERE source_country = OLD.source_country AND target_country = OLD.target_country AND date = OLD.date AND n <= 0;
  END IF;
  RETURN OLD;
END $$;

CREATE TRIGGER events_dyad_days AFTER INSERT OR DELETE ON events FOR EACH ROW EXECUTE FUNCTION dyad_days_maintain();
