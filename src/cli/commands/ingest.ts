/** `dyad ingest`: read articles from files, URLs and feeds, code them, and store them. The work is src/ingest's. */
import type { MultiBar, SingleBar } from 'cli-progress';
import type { IngestOutcome, IngestSummary, InputFormat, SourceSpec } from '../../ingest/index.ts';
import { oneOf, parseOptions, usageError } from '../args.ts';
import type { CliIo } from '../io.ts';
import { reportSkippedLines } from '../dictionary-report.ts';
import { dateOption, DB_HELP, dbOption, intOption, numberOption, openDb } from './store-common.ts';
import type { CommandSpec } from './types.ts';

const INPUTS: readonly InputFormat[] = ['auto', 'text', 'html', 'jsonl'];

export interface IngestCliOptions {
  sources: SourceSpec[];
  db: string | null;
  dictDirs: string[];
  date: string | null;
  input: InputFormat;
  /** Largest article in bytes. */
  maxBytes: number;
  timeoutMs: number;
  perHostIntervalMs: number;
  lockTimeoutMs: number;
  nearDuplicates: boolean;
  json: boolean;
  quiet: boolean;
  /** Publish to this NATS server's queue instead of coding and storing here. */
  nats?: string;
  /** Queue name for --nats (default dyad). */
  queue?: string;
}

const help = `Usage: dyad ingest [PATH|URL|-]... [--feed URL|FILE]... [options]

Read articles, code them, and store them with their events and evidence.
Re-ingesting the same content does nothing; a near-copy of a stored article
(wire copy republished with small edits) is stored and linked to the original,
not coded again, and counts in its events' NumArticles/NumSources.

Sources:
  PATH               A file, or a directory (read recursively; hidden files
                     skipped). Files are plain text, HTML (the main text is
                     extracted; title and date from meta tags), JSON Lines
                     ({"id", "text", "title"?, "date"?, "url"?} per line), or an
                     RSS/Atom feed (.xml, .rss, .atom): by extension, else by content.
  URL                An http(s) page, a plain-text or jsonl file, or a feed.
  -                  Standard input (JSON Lines when it starts with "{").
  --feed URL|FILE    An RSS or Atom feed: each item's link is fetched (links
                     already stored are not fetched again). Repeatable.

Options:
${DB_HELP}
  --dict DIR         Extra dictionary directory (repeatable), as for dyad code.
  --date DATE        Publication date for articles that carry none.
  --input FORMAT     auto (default), text, html or jsonl: how to read files and stdin.
  --max-size MB      Largest article (file, page, jsonl line) in MB (default 10).
  --timeout S        Seconds allowed for each download (default 20).
  --rate-limit S     Seconds between two requests to one host (default 1).
  --no-dedupe        Code near-duplicates as articles of their own.
  --lock-timeout MS  How long to wait for another process writing to the
                     database (default 5000).
  --json             Print the summary as one JSON object.
  -q, --quiet        No progress bar.
  --nats URL         Publish the articles to the NATS queue instead (coded and
                     stored by dyad worker); the content hash is the message
                     id, so the server drops an article published twice.
  --queue NAME       Queue name for --nats (default dyad).
  -h, --help         Show this help.

A bad input (unreadable, binary, not UTF-8, empty, too large, HTML without an
article, a feed that is not XML) is reported on stderr as one line naming it,
and the rest goes on. The summary goes to stdout. Exit code 1 when anything
failed.

Examples:
  dyad ingest news/                       # every file under news/, into dyad.db
  dyad ingest articles.jsonl --db events.db
  dyad ingest --feed https://example.org/world/rss.xml
  dyad ingest https://example.org/2026/03/02/story.html --db postgres://localhost/dyad
`;

const options = {
  ...dbOption,
  feed: { type: 'string', multiple: true },
  dict: { type: 'string', multiple: true },
  date: { type: 'string' },
  input: { type: 'string' },
  'max-size': { type: 'string' },
  timeout: { type: 'string' },
  'rate-limit': { type: 'string' },
  'no-dedupe': { type: 'boolean' },
  'lock-timeout': { type: 'string' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  nats: { type: 'string' },
  queue: { type: 'string' },
} as const;

function parse(argv: string[]): IngestCliOptions {
  const { values, positionals } = parseOptions('ingest', options, argv);
  const sources: SourceSpec[] = positionals.map((p) =>
    p === '-' ? { kind: 'stdin' } : /^https?:\/\//i.test(p) ? { kind: 'url', url: p } : { kind: 'path', path: p },
  );
  for (const f of values.feed ?? []) sources.push({ kind: 'feed', location: f });
  if (!sources.length) throw usageError('nothing to ingest: give a PATH, URL, - or --feed URL', 'ingest');
  if (sources.filter((s) => s.kind === 'stdin').length > 1) throw usageError("'-' (stdin) can be given once", 'ingest');
  if (values.queue !== undefined && values.nats === undefined) throw usageError('--queue needs --nats', 'ingest');
  const maxMb = numberOption('ingest', 'max-size', values['max-size'], 0.001) ?? 10;
  return {
    sources,
    db: values.db ?? null,
    dictDirs: values.dict ?? [],
    date: dateOption('ingest', 'date', values.date) ?? null,
    input: values.input === undefined ? 'auto' : oneOf('ingest', 'input', values.input, INPUTS),
    maxBytes: Math.round(maxMb * 1024 * 1024),
    timeoutMs: Math.round((numberOption('ingest', 'timeout', values.timeout, 0.001) ?? 20) * 1000),
    perHostIntervalMs: Math.round((numberOption('ingest', 'rate-limit', values['rate-limit']) ?? 1) * 1000),
    lockTimeoutMs: intOption('ingest', 'lock-timeout', values['lock-timeout'], 0) ?? 5000,
    nearDuplicates: !values['no-dedupe'],
    json: values.json ?? false,
    quiet: values.quiet ?? false,
    // Only with --nats, so the options of a local run are unchanged.
    ...(values.nats !== undefined ? { nats: values.nats, queue: values.queue ?? 'dyad' } : {}),
  };
}

/** Progress on a terminal: a bar over the bytes of local inputs, else a running count. */
class Progress {
  private multi: MultiBar | null = null;
  private bar: SingleBar | null = null;
  private counts = { stored: 0, duplicates: 0, failed: 0 };
  private value = 0;

  static async create(io: CliIo, opts: IngestCliOptions): Promise<Progress> {
    const p = new Progress();
    const tty = (io.stderr as { isTTY?: boolean }).isTTY;
    if (!tty || opts.quiet || opts.json) return p;
    const { localBytes } = await import('../../ingest/index.ts');
    const total = await localBytes(opts.sources);
    const { MultiBar, Presets } = await import('cli-progress');
    const counts = '{stored} stored | {duplicates} duplicates | {failed} failed';
    p.multi = new MultiBar(
      {
        stream: io.stderr as NodeJS.WriteStream,
        format: total ? `ingest [{bar}] {percentage}% | ${counts}` : `ingest | ${counts}`,
        hideCursor: true,
        clearOnComplete: true,
        fps: 5,
      },
      Presets.shades_classic,
    );
    p.bar = p.multi.create(total ?? 1, 0, p.counts);
    return p;
  }

  bytes(n: number): void {
    this.value += n;
    this.bar?.update(this.value, this.counts);
  }

  outcome(o: IngestOutcome): void {
    if (o.status === 'stored' || o.status === 'near-duplicate') this.counts.stored++;
    else if (o.status === 'duplicate') this.counts.duplicates++;
    else this.counts.failed++;
    this.bar?.update(this.value, this.counts);
  }

  /** A message above the bar (or plainly, without one). */
  log(io: CliIo, line: string): void {
    if (this.multi) this.multi.log(`${line}\n`);
    else io.stderr.write(`${line}\n`);
  }

  stop(): void {
    this.multi?.update(); // prints logged lines still buffered
    this.multi?.stop();
  }
}

function summaryLine(s: IngestSummary, seconds: number): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return (
    `ingest: ${plural(s.stored, 'article')} stored (${plural(s.events, 'event')}), ` +
    `${plural(s.duplicates, 'duplicate')}, ${plural(s.nearDuplicates, 'near-duplicate')} linked, ` +
    `${s.failed.length} failed, in ${seconds.toFixed(1)} s`
  );
}

/** How the sources are read, the same whether they are stored here or published to a queue. */
function readOptions(opts: IngestCliOptions, io: CliIo, createFetcher: typeof import('../../ingest/index.ts').createFetcher) {
  return {
    format: opts.input,
    maxBytes: opts.maxBytes,
    defaultDate: opts.date,
    stdin: io.stdin,
    fetcher: createFetcher({ timeoutMs: opts.timeoutMs, maxBytes: opts.maxBytes, perHostIntervalMs: opts.perHostIntervalMs }),
  };
}

/** `--nats`: read the sources and publish them to the queue; dyad worker codes and stores them. */
async function publish(opts: IngestCliOptions, nats: string, io: CliIo): Promise<number> {
  const started = performance.now();
  const { connectNats, ensureStreams, publishArticles, queueNames } = await import('../../queue/index.ts');
  const { createFetcher, readSources } = await import('../../ingest/index.ts');
  const names = queueNames(opts.queue ?? 'dyad');
  const nc = await connectNats(nats, 'dyad-ingest');
  try {
    await ensureStreams(nc, names);
    const items = readSources(opts.sources, readOptions(opts, io, createFetcher));
    const summary = await publishArticles(nc, names, items, {
      onOutcome: (o) => {
        if (o.status === 'failed') io.stderr.write(`dyad: ${o.name}: ${o.reason}; skipped\n`);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    if (opts.json) io.stdout.write(`${JSON.stringify({ ...summary, stream: names.articlesStream, seconds: Math.round(seconds * 1000) / 1000 })}\n`);
    else io.stdout.write(`ingest: ${summary.published} articles published to ${names.articlesStream}, ${summary.duplicates} already there, ${summary.failed.length} failed, in ${seconds.toFixed(1)} s\n`);
    return summary.failed.length ? 1 : 0;
  } finally {
    await nc.drain().catch(() => {});
  }
}

async function run(opts: IngestCliOptions, io: CliIo): Promise<number> {
  if (opts.nats !== undefined) return publish(opts, opts.nats, io);
  const started = performance.now();
  // The database first: a locked or read-only database fails before any work.
  const store = await openDb(opts.db, { busyTimeoutMs: opts.lockTimeoutMs });
  try {
    const { createCoder } = await import('../../index.ts');
    const { createFetcher, ingest, readSources } = await import('../../ingest/index.ts');
    const coder = await createCoder({ dictDirs: opts.dictDirs });
    reportSkippedLines(coder.dictionaries.diagnostics, io);
    const progress = await Progress.create(io, opts);
    const items = readSources(opts.sources, {
      ...readOptions(opts, io, createFetcher),
      isStored: (id) => store.hasId(id),
      onBytes: (n) => progress.bytes(n),
      exclude: store.kind === 'sqlite' ? ['', '-wal', '-shm', '-journal'].map((s) => store.location + s) : [],
    });
    let summary: IngestSummary;
    try {
      summary = await ingest(items, {
        store,
        coder,
        nearDuplicates: opts.nearDuplicates,
        onOutcome: (o) => {
          progress.outcome(o);
          if (o.status === 'failed') progress.log(io, `dyad: ${o.name}: ${o.reason}; skipped`);
        },
      });
    } finally {
      progress.stop();
    }
    const seconds = (performance.now() - started) / 1000;
    if (opts.json) io.stdout.write(`${JSON.stringify({ ...summary, db: store.location, seconds: Math.round(seconds * 1000) / 1000 })}\n`);
    else io.stdout.write(`${summaryLine(summary, seconds)}\n`);
    return summary.failed.length ? 1 : 0;
  } finally {
    await store.close();
  }
}

export const ingestCommand: CommandSpec<IngestCliOptions> = {
  summary: 'Read, code and store articles (files, directories, URLs, feeds, jsonl)',
  help,
  parse,
  run,
};
