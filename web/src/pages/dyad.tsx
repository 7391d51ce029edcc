/** A dyad: daily counts and mean Goldstein between two countries, charted with uPlot. */
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { get, type DyadRow, type Page } from '../api.ts';
import { href, navigate, type Route } from '../router.ts';
import { fmt, QUAD, Status, useLoad } from '../util.tsx';

const DAY = 86400;

function Chart({ rows }: { rows: DyadRow[] }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const xs = rows.map((r) => Date.parse(`${r.period}T00:00:00Z`) / 1000);
    const plot = new uPlot(
      {
        width: Math.max(300, el.current.clientWidth),
        height: 280,
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
        scales: { x: { time: true, auto: false, range: [xs[0] - DAY, xs[xs.length - 1] + DAY] }, n: { range: (_u, _min, max) => [0, Math.max(1, max)] }, g: { range: [-10, 10] } },
        axes: [{}, { scale: 'n', label: 'events' }, { scale: 'g', side: 1, label: 'mean Goldstein', grid: { show: false } }],
        series: [
          { label: 'day', value: (_u, v) => (v == null ? '–' : new Date(v * 1000).toISOString().slice(0, 10)) },
          { label: 'events', scale: 'n', stroke: '#2563eb', fill: 'rgba(37,99,235,0.15)', paths: uPlot.paths.bars!({ size: [0.6, 40] }), points: { show: false } },
          { label: 'mean Goldstein', scale: 'g', stroke: '#dc2626', width: 2, points: { show: true, size: 6 } },
        ],
      },
      [xs, rows.map((r) => r.events), rows.map((r) => r.goldsteinMean)],
      el.current,
    );
    const resize = () => el.current && plot.setSize({ width: Math.max(300, el.current.clientWidth), height: 280 });
    addEventListener('resize', resize);
    return () => {
      removeEventListener('resize', resize);
      plot.destroy();
    };
  }, [rows]);
  return <div ref={el} class="chart" data-testid="dyad-chart" role="img" aria-label="events per day and mean Goldstein score" />;
}

export function Dyad({ route }: { route: Route }) {
  const source = (route.params.get('source') ?? '').toUpperCase();
  const target = (route.params.get('target') ?? '').toUpperCase();
  const both = route.params.get('both') === 'true';
  const ready = /^[A-Z]{3}$/.test(source) && /^[A-Z]{3}$/.test(target);
  const load = async () => {
    if (!ready) return [];
    const a = await get<Page<DyadRow>>('dyads', { source, target, by: 'day' });
    if (!both) return a.items;
    const b = await get<Page<DyadRow>>('dyads', { source: target, target: source, by: 'day' });
    const days = new Map<string, DyadRow>();
    for (const r of [...a.items, ...b.items]) {
      const d = days.get(r.period);
      if (!d) days.set(r.period, { ...r, quad: [...r.quad] as DyadRow['quad'] });
      else {
        d.events += r.events;
        d.goldsteinSum += r.goldsteinSum;
        d.quad = d.quad.map((x, i) => x + r.quad[i]) as DyadRow['quad'];
        d.goldsteinMean = d.goldsteinSum / d.events;
      }
    }
    return [...days.values()].sort((x, y) => x.period.localeCompare(y.period));
  };
  const rows = useLoad(load, `${source}|${target}|${both}`);
  return (
    <section>
      <h1>Dyad {ready ? `${source} → ${target}` : ''}</h1>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          const fd = new FormData(e.currentTarget);
          navigate(href('dyad', null, { source: (fd.get('source') as string).trim(), target: (fd.get('target') as string).trim(), both: fd.get('both') === 'on' }));
        }}
      >
        <label>Source <input name="source" value={source} placeholder="RUS" required pattern="[A-Za-z]{3}" /></label>
        <label>Target <input name="target" value={target} placeholder="UKR" required pattern="[A-Za-z]{3}" /></label>
        <label class="check"><input type="checkbox" name="both" checked={both} /> both directions</label>
        <button type="submit">Show</button>
      </form>
      {ready && (
        <Status loaded={rows}>
          {rows.state === 'ok' &&
            (rows.data.length ? (
              <>
                <Chart rows={rows.data} />
                <table class="data" data-testid="dyad-table">
                  <thead>
                    <tr><th>day</th><th class="num">events</th>{QUAD.map((q) => <th class="num" key={q}>{q}</th>)}<th class="num">mean Goldstein</th></tr>
                  </thead>
                  <tbody>
                    {rows.data.map((r) => (
                      <tr key={r.period}>
                        <td><a href={href('events', null, { source, target, from: r.period, to: r.period })}>{r.period}</a></td>
                        <td class="num">{r.events}</td>
                        {r.quad.map((n, i) => <td class="num" key={i}>{n}</td>)}
                        <td class="num">{fmt(r.goldsteinMean)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <p><a href={href('events', null, { source, target })}>The events</a></p>
              </>
            ) : (
              <p class="muted">No counted events from {source} to {target}.</p>
            ))}
        </Status>
      )}
    </section>
  );
}
