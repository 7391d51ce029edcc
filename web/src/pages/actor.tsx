/** An actor (country): its partners, and the network of the top actors with cytoscape. */
import cytoscape from 'cytoscape';
import { useEffect, useRef } from 'preact/hooks';
import { get, type Network } from '../api.ts';
import { href, navigate, type Route } from '../router.ts';
import { fmt, Status, useLoad } from '../util.tsx';

/** Edge colour by mean Goldstein: red (conflict) to green (cooperation). */
function tone(g: number): string {
  if (g <= -3) return '#dc2626';
  if (g < 0) return '#f59e0b';
  if (g < 3) return '#84cc16';
  return '#16a34a';
}

function Graph({ net, focus }: { net: Network; focus: string | null }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const codes = new Set<string>(net.actors.map((a) => a.code));
    for (const e of net.edges) codes.add(e.source).add(e.target);
    const max = Math.max(1, ...net.edges.map((e) => e.events));
    const cy = cytoscape({
      container: el.current,
      elements: [
        ...[...codes].map((c) => ({ data: { id: c, label: c }, classes: c === focus ? 'focus' : '' })),
        ...net.edges.map((e) => ({ data: { id: `${e.source}>${e.target}`, source: e.source, target: e.target, w: 1 + (5 * e.events) / max, color: tone(e.goldsteinMean), label: String(e.events) } })),
      ],
      style: [
        { selector: 'node', style: { label: 'data(label)', 'background-color': '#1e3a8a', color: '#fff', 'text-valign': 'center', 'font-size': 11, width: 38, height: 38 } },
        { selector: 'node.focus', style: { 'background-color': '#b91c1c' } },
        { selector: 'edge', style: { width: 'data(w)', 'line-color': 'data(color)', 'target-arrow-color': 'data(color)', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', label: 'data(label)', 'font-size': 9 } },
      ],
      layout: { name: 'cose', animate: false, randomize: false },
      wheelSensitivity: 0.3,
    });
    cy.on('tap', 'node', (ev) => navigate(href('actor', ev.target.id())));
    return () => cy.destroy();
  }, [net, focus]);
  return <div ref={el} class="network" data-testid="network" role="img" aria-label="network of actors; edges coloured by mean Goldstein" />;
}

export function Actor({ route }: { route: Route }) {
  const code = route.arg ? route.arg.toUpperCase().slice(0, 3) : null;
  const net = useLoad(() => get<Network>('actors', { actor: code, limit: 30 }), code ?? '');
  const partners =
    net.state === 'ok' && code
      ? net.data.edges.map((e) => ({ partner: e.source === code ? e.target : e.source, dir: e.source === code ? 'to' : 'from', ...e }))
      : [];
  return (
    <section>
      <h1>{code ? `Actor ${code}` : 'Actors'}</h1>
      <Status loaded={net}>
        {net.state === 'ok' && (
          <div class="columns">
            <div>
              <Graph net={net.data} focus={code} />
              <p class="muted">Edges: counted events, coloured by mean Goldstein (red conflict … green cooperation). Click a node to open it.</p>
            </div>
            <div>
              {code ? (
                <table class="data" data-testid="partners">
                  <thead><tr><th>partner</th><th>direction</th><th class="num">events</th><th class="num">mean Goldstein</th></tr></thead>
                  <tbody>
                    {partners.map((p) => (
                      <tr key={`${p.source}>${p.target}`}>
                        <td><a href={href('actor', p.partner)}>{p.partner}</a></td>
                        <td>{p.dir}</td>
                        <td class="num"><a href={href('dyad', null, { source: p.source, target: p.target })}>{p.events}</a></td>
                        <td class="num">{fmt(p.goldsteinMean)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <table class="data" data-testid="top-actors">
                  <thead><tr><th>actor</th><th class="num">events</th><th class="num">as source</th><th class="num">as target</th><th class="num">mean Goldstein</th></tr></thead>
                  <tbody>
                    {net.data.actors.map((a) => (
                      <tr key={a.code}>
                        <td><a href={href('actor', a.code)}>{a.code}</a></td>
                        <td class="num">{a.events}</td>
                        <td class="num">{a.asSource}</td>
                        <td class="num">{a.asTarget}</td>
                        <td class="num">{fmt(a.goldsteinMean)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {code && <p><a href={href('events', null, { actor: code })}>All events of {code}</a></p>}
            </div>
          </div>
        )}
      </Status>
    </section>
  );
}
