/** Playground: paste text, code it with POST /api/code, see the events and their evidence. Nothing is stored. */
import { useState } from 'preact/hooks';
import { ApiError, post, type CodedArticle } from '../api.ts';
import { ArticleText } from '../text.tsx';

const SAMPLE = 'Russian negotiators met Ukrainian officials in Geneva on Monday. Ukraine accused Russia of shelling civilians near Kharkiv.';
const TOKEN_KEY = 'dyad-token';

export function Playground() {
  const [text, setText] = useState(SAMPLE);
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY) ?? '');
  const [needToken, setNeedToken] = useState(false);
  const [result, setResult] = useState<{ text: string; coded: CodedArticle } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [selected, setSelected] = useState<number | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const coded = await post<CodedArticle>('code', { text, date: date || undefined }, token || undefined);
      setResult({ text, coded });
      setSelected(null);
    } catch (e) {
      const err = e as ApiError;
      if (err.status === 401 || err.status === 403) setNeedToken(true);
      setError(err.message);
    } finally {
      setBusy(false);
    }
  };
  const coded = result?.coded;
  return (
    <section>
      <h1>Playground</h1>
      <form
        class="playground"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <label class="wide">
          Text
          <textarea name="text" rows={6} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <label>
          Publication date <input type="date" name="date" value={date} onInput={(e) => setDate(e.currentTarget.value)} />
        </label>
        {(needToken || token) && (
          <label>
            Token (DYAD_TOKEN){' '}
            <input
              type="password"
              name="token"
              value={token}
              autocomplete="off"
              onInput={(e) => {
                setToken(e.currentTarget.value);
                sessionStorage.setItem(TOKEN_KEY, e.currentTarget.value);
              }}
            />
          </label>
        )}
        <button type="submit" disabled={busy || !text.trim()}>{busy ? 'Coding…' : 'Code'}</button>
      </form>
      {error && <p class="error" role="alert">{error}</p>}
      {coded && result && (
        <div class="article-layout" data-testid="playground-result">
          <ArticleText
            text={result.text}
            sentences={coded.sentences}
            events={coded.events}
            quotes={coded.quotes ?? []}
            entities={coded.entities ?? []}
            selection={{ event: selected === null ? null : coded.events[selected] }}
          />
          <aside>
            <h2>Events ({coded.events.length})</h2>
            <ol class="events">
              {coded.events.map((e, i) => (
                <li key={i}>
                  <button type="button" class={selected === i ? 'event selected' : 'event'} aria-pressed={selected === i} onClick={() => setSelected(selected === i ? null : i)}>
                    <span class="code">{e.source.code}</span> → <span class="code">{e.target?.code ?? '–'}</span> <b>{e.code}</b> “{e.verb.text}”
                  </button>
                </li>
              ))}
            </ol>
            <details>
              <summary>JSON</summary>
              <pre class="json">{JSON.stringify(coded, null, 2)}</pre>
            </details>
          </aside>
        </div>
      )}
    </section>
  );
}
