/** `dyad recode`: code the stored articles again with another dictionary set, in place. */
import { parseOptions, usageError } from '../args.ts';
import type { CliIo } from '../io.ts';
import { reportSkippedLines } from '../dictionary-report.ts';
import { DB_HELP, dbOption, intOption, openDb } from './store-common.ts';
import type { CommandSpec } from './types.ts';

export interface RecodeCliOptions {
  db: string | null;
  dictDirs: string[];
  /** Recode articles already coded with this dictionary set too. */
  all: boolean;
  lockTimeoutMs: number;
  json: boolean;
  /** Start a replay of the NATS queue's article log instead of recoding the database here. */
  nats?: string;
  /** Queue name for --nats (default dyad). */
  queue?: string;
  /** Make the codings that workers staged for this dictionary set live, all at once. */
  switch: boolean;
}

const help = `Usage: dyad recode [--dict DIR]... [options]

Code every stored article again with the given dictionaries (Dyad's built-in
set plus each --dict, as for dyad code). Each article's events, quotes and
other annotations are replaced in one transaction, so an interrupted recode
leaves every article either fully old or fully new; run it again to finish.
Articles already coded with this dictionary set are skipped unless --all.
Near-duplicates are not coded and stay linked to their original.

Options:
${DB_HELP}
  --dict DIR         Dictionary directory (repeatable).
  --all              Recode articles already coded with this dictionary set too.
  --lock-timeout MS  How long to wait for another process writing to the
                     database (default 5000).
  --json             Print the summary as one JSON object.
  --nats URL         Scale-out: create the durable consumer that replays the
                     queue's whole article log for this dictionary set; the
                     workers started with the same --dict code it and stage
                     each new coding beside the live one, which queries keep
                     reading.
  --queue NAME       Queue name for --nats (default dyad).
  --switch           Scale-out, once that consumer has caught up (dyad status:
                     pending 0): make every coding staged for this dictionary
                     set live, in one transaction, and drop the other staged
                     codings.
  -h, --help         Show this help.

Example:
  dyad recode --dict ../shared/dictionaries/petrarch2 --db events.db
`;

const options = {
  ...dbOption,
  dict: { type: 'string', multiple: true },
  all: { type: 'boolean' },
  'lock-timeout': { type: 'string' },
  json: { type: 'boolean' },
  nats: { type: 'string' },
  queue: { type: 'string' },
  switch: { type: 'boolean' },
} as const;

function parse(argv: string[]): RecodeCliOptions {
  const { values, positionals } = parseOptions('recode', options, argv);
  if (positionals.length) throw usageError(`unexpected argument '${positionals[0]}'`, 'recode');
  if (values.queue !== undefined && values.nats === undefined) throw usageError('--queue needs --nats', 'recode');
  if (values.switch && values.nats !== undefined) throw usageError('--switch works on the database (--db), not the queue: run it without --nats', 'recode');
  if (values.switch && values.all) throw usageError('--switch and --all do not go together', 'recode');
  return {
    db: values.db ?? null,
    dictDirs: values.dict ?? [],
    all: values.all ?? false,
    lockTimeoutMs: intOption('recode', 'lock-timeout', values['lock-timeout'], 0) ?? 5000,
    json: values.json ?? false,
    switch: values.switch ?? false,
    // Only with --nats, so the options of a local run are unchanged.
    ...(values.nats !== undefined ? { nats: values.nats, queue: values.queue ?? 'dyad' } : {}),
  };
}

/** `--nats`: a new consumer replays the article log from the start with this dictionary set. */
async function replay(opts: RecodeCliOptions, nats: string, io: CliIo): Promise<number> {
  const { connectNats, consumerName, ensureConsumer, ensureStreams, queueNames, queueStatus } = await import('../../queue/index.ts');
  const { createCoder } = await import('../../index.ts');
  const coder = await createCoder({ dictDirs: opts.dictDirs });
  reportSkippedLines(coder.dictionaries.diagnostics, io);
  const names = queueNames(opts.queue ?? 'dyad');
  const consumer = consumerName(coder.dictionaryVersion);
  const nc = await connectNats(nats, 'dyad-recode');
  try {
    await ensureStreams(nc, names);
    await ensureConsumer(nc, names, consumer);
    const c = (await queueStatus(nc, names)).consumers.find((x) => x.name === consumer);
    const summary = { consumer, dictionaryVersion: coder.dictionaryVersion, pending: c?.pending ?? 0 };
    const dicts = opts.dictDirs.map((d) => ` --dict ${d}`).join('');
    if (opts.json) io.stdout.write(`${JSON.stringify(summary)}\n`);
    else io.stdout.write(`recode: consumer ${consumer} replays ${summary.pending} articles of ${names.articlesStream}; start workers with: dyad worker --nats ${nats}${(opts.queue ?? 'dyad') === 'dyad' ? '' : ` --queue ${opts.queue}`}${dicts} --db …\n`);
    return 0;
  } finally {
    await nc.drain().catch(() => {});
  }
}

/** `--switch`: the staged codings of this dictionary set become the live ones. */
async function switchIn(opts: RecodeCliOptions, io: CliIo): Promise<number> {
  const { createCoder } = await import('../../index.ts');
  const coder = await createCoder({ dictDirs: opts.dictDirs, stages: [] });
  const store = await openDb(opts.db, { busyTimeoutMs: opts.lockTimeoutMs });
  try {
    const staged = await store.stagedCodings();
    const switched = await store.switchCoding(coder.dictionaryVersion);
    const dropped = staged.filter((s) => s.version !== coder.dictionaryVersion).reduce((n, s) => n + s.articles, 0);
    const summary = { dictionaryVersion: coder.dictionaryVersion, switched, dropped };
    if (opts.json) io.stdout.write(`${JSON.stringify(summary)}\n`);
    else io.stdout.write(`recode: ${switched} articles switched to dictionaries ${coder.dictionaryVersion}${dropped ? `; ${dropped} codings staged for other versions dropped` : ''}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

async function run(opts: RecodeCliOptions, io: CliIo): Promise<number> {
  if (opts.nats !== undefined) return replay(opts, opts.nats, io);
  if (opts.switch) return switchIn(opts, io);
  const started = performance.now();
  const store = await openDb(opts.db, { busyTimeoutMs: opts.lockTimeoutMs });
  try {
    const { createCoder } = await import('../../index.ts');
    const coder = await createCoder({ dictDirs: opts.dictDirs });
    reportSkippedLines(coder.dictionaries.diagnostics, io);
    let recoded = 0;
    let events = 0;
    const failed: Array<{ id: string; reason: string }> = [];
    let after: string | null = null;
    for (;;) {
      const batch = await store.articlesToRecode(after, 200, opts.all ? undefined : coder.dictionaryVersion);
      if (!batch.length) break;
      for (const a of batch) {
        try {
          const coded = coder.code({ id: a.id, text: a.text, date: a.date ?? undefined });
          await store.replaceCoding(a.id, coded);
          recoded++;
          events += coded.events.length;
        } catch (e) {
          const reason = ((e as Error).message ?? String(e)).split('\n')[0];
          failed.push({ id: a.id, reason });
          io.stderr.write(`dyad: ${a.id}: ${reason}; kept its old coding\n`);
        }
      }
      after = batch[batch.length - 1].id;
    }
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    const summary = { recoded, events, failed, dictionaryVersion: coder.dictionaryVersion, seconds };
    if (opts.json) io.stdout.write(`${JSON.stringify(summary)}\n`);
    else io.stdout.write(`recode: ${recoded} articles recoded (${events} events) with dictionaries ${coder.dictionaryVersion}, ${failed.length} failed, in ${seconds} s\n`);
    return failed.length ? 1 : 0;
  } finally {
    await store.close();
  }
}

export const recode: CommandSpec<RecodeCliOptions> = {
  summary: 'Code the stored articles again with another dictionary set',
  help,
  parse,
  run,
};
