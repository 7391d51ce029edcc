/** `dyad code`: news text in, coded articles out. Parsing, input and output only; the coding is the library's. */
import { basename, extname } from 'node:path';
import type { ArticleInput, CodedArticle } from '../../model/index.ts';
import { DyadError } from '../../model/index.ts';
import { isCounted } from '../../modality/index.ts';
import { OUTPUT_FORMATS, type OutputFormat, toJson, toJsonl, toPloverJsonl, toTsvRows, tsvHeader } from '../../output/index.ts';
import { normalizeDate, oneOf, parseOptions, usageError } from '../args.ts';
import { type CliIo, inputName, openLines, readText, warn, write } from '../io.ts';
import { reportSkippedLines } from '../dictionary-report.ts';
import type { CommandSpec } from './types.ts';

export type InputFormat = 'text' | 'jsonl';
const INPUT_FORMATS: readonly InputFormat[] = ['text', 'jsonl'];

export interface CodeOptions {
  /** Input file; null reads stdin. */
  file: string | null;
  input: InputFormat;
  format: OutputFormat;
  /** Publication date, YYYY-MM-DD; with --input jsonl, the default for lines without one. */
  date: string | null;
  /** Article id (text input only). */
  id: string | null;
  /** Extra dictionary directories, in order. */
  dictDirs: string[];
  /** Print negated and hypothetical events too (by default only asserted and future events are printed). */
  allModalities: boolean;
  /** Also code events whose target is not an actor. */
  oneSided: boolean;
}

const help = `Usage: dyad code [FILE|-] [options]

Code news text into CAMEO events. Reads FILE, or stdin when FILE is '-' or absent.

Options:
  --date DATE        Publication date, YYYY-MM-DD or YYYYMMDD (dated actor roles
                     are resolved against it). With --input jsonl: the default
                     for lines without a "date".
  --id ID            Article id (default: the file's base name without
                     extension, or "stdin"). Text input only.
  --dict DIR         Extra dictionary directory; repeat for several, in order.
                     Each kind of file a directory holds replaces the built-in one.
  --format FORMAT    json (pretty CodedArticle; default for text input),
                     jsonl (one compact CodedArticle per line; default for
                     --input jsonl), tsv (one event per line, with a header)
                     or plover (one PLOVER event record per line).
  --all-modalities   Also print negated and hypothetical events (by default
                     only asserted and future events are printed).
  --one-sided        Also code events whose target is not an actor ("Teachers
                     went on strike", "Egypt lifted the state of emergency"):
                     target null. By default an event needs a source and a
                     target, as in PETRARCH.
  --input FORMAT     text (default): the whole input is one article.
                     jsonl: one {"id", "text", "date"?} object per line; one
                     result per line, same id. Bad lines are reported on stderr
                     and skipped; the exit code is then 1.
  -h, --help         Show this help.

Output fields: docs/output-schema.md. Exit codes: 0 ok, 1 input or dictionary
error, 2 usage error.

Examples:
  dyad code examples/ukraine-talks.txt --date 2026-11-20
  dyad code --format tsv < article.txt
  dyad code records.jsonl --input jsonl --dict ../shared/dictionaries/petrarch2
`;

const options = {
  date: { type: 'string' },
  id: { type: 'string' },
  dict: { type: 'string', multiple: true },
  format: { type: 'string' },
  input: { type: 'string' },
  'all-modalities': { type: 'boolean' },
  'one-sided': { type: 'boolean' },
} as const;

function parse(argv: string[]): CodeOptions {
  const { values, positionals } = parseOptions('code', options, argv);
  if (positionals.length > 1) throw usageError(`expected at most one FILE, got ${positionals.length}`, 'code');
  const input = values.input === undefined ? 'text' : oneOf('code', 'input', values.input, INPUT_FORMATS);
  const format =
    values.format === undefined
      ? input === 'jsonl' ? 'jsonl' : 'json'
      : oneOf('code', 'format', values.format, OUTPUT_FORMATS);
  let date: string | null = null;
  if (values.date !== undefined) {
    date = normalizeDate(values.date);
    if (!date) throw usageError(`bad --date '${values.date}' (expected YYYY-MM-DD or YYYYMMDD)`, 'code');
  }
  if (values.id !== undefined) {
    if (input === 'jsonl') throw usageError('--id applies to text input only (jsonl lines carry their own "id")', 'code');
    if (!values.id.trim()) throw usageError('--id must not be empty', 'code');
  }
  const file = positionals[0] === undefined || positionals[0] === '-' ? null : positionals[0];
  return {
    file,
    input,
    format,
    date,
    id: values.id ?? null,
    dictDirs: values.dict ?? [],
    allModalities: values['all-modalities'] ?? false,
    oneSided: values['one-sided'] ?? false,
  };
}

/** Frames a sequence of articles in one output format. */
interface Framing {
  begin: string;
  article(a: CodedArticle, index: number): string;
  end(count: number): string;
}

function framing(format: OutputFormat, many: boolean, allModalities: boolean): Framing {
  // The coder keeps every event with its modality; what counts as an event is decided here.
  const shown = (a: CodedArticle): CodedArticle => (allModalities ? a : { ...a, events: a.events.filter(isCounted) });
  switch (format) {
    case 'json':
      // Several articles in json form one valid JSON array.
      return many
        ? { begin: '[\n', article: (a, i) => (i ? ',\n' : '') + toJson(shown(a)), end: (n) => (n ? '\n]\n' : ']\n') }
        : { begin: '', article: (a) => toJson(shown(a)) + '\n', end: () => '' };
    case 'jsonl':
      return { begin: '', article: (a) => toJsonl(shown(a)) + '\n', end: () => '' };
    case 'tsv':
      return { begin: tsvHeader() + '\n', article: (a) => toTsvRows(shown(a)).map((r) => r + '\n').join(''), end: () => '' };
    case 'plover':
      // filtered by the writer, so that record ids stay the event's position in the full article
      return { begin: '', article: (a) => toPloverJsonl(a, allModalities ? undefined : isCounted).map((r) => r + '\n').join(''), end: () => '' };
  }
}

const baseId = (file: string | null) => (file === null ? 'stdin' : basename(file, extname(file)));

async function run(opts: CodeOptions, io: CliIo): Promise<number> {
  const name = inputName(opts.file);
  if (opts.file === null && io.stdin.isTTY) warn(io, 'reading the article from stdin (end with Ctrl-D)');
  // The library is loaded lazily so that --help and usage errors stay fast.
  const { createCoder } = await import('../../index.ts');
  const out = framing(opts.format, opts.input === 'jsonl' && opts.format === 'json', opts.allModalities);

  if (opts.input === 'text') {
    const text = await readText(opts.file, io); // before loading dictionaries: fail fast
    const coder = await createCoder({ dictDirs: opts.dictDirs, requireDyad: !opts.oneSided });
    reportSkippedLines(coder.dictionaries.diagnostics, io);
    if (!text.trim()) warn(io, `${name}: empty article, no events`);
    const article = coder.code({ id: opts.id ?? baseId(opts.file), text, date: opts.date ?? undefined });
    await write(io.stdout, out.begin + out.article(article, 0) + out.end(1));
    return 0;
  }

  const lines = await openLines(opts.file, io);
  const coder = await createCoder({ dictDirs: opts.dictDirs, requireDyad: !opts.oneSided });
  reportSkippedLines(coder.dictionaries.diagnostics, io);
  await write(io.stdout, out.begin);
  let count = 0;
  let bad = 0;
  for await (const line of lines) {
    if (!line.text.trim()) continue;
    let article: CodedArticle;
    try {
      const input = parseRecord(line.text, { file: name, line: line.n }, opts.date, `${baseId(opts.file)}:${line.n}`);
      if (!input.text.trim()) warn(io, `${name}:${line.n}: empty article, no events`);
      article = coder.code(input);
    } catch (e) {
      if (!(e instanceof DyadError) || e.code !== 'INPUT') throw e;
      io.stderr.write(`dyad: ${e.message}${e.line ? '' : ` (line ${line.n})`}; skipped\n`);
      bad++;
      continue;
    }
    await write(io.stdout, out.article(article, count++));
  }
  await write(io.stdout, out.end(count));
  if (bad) io.stderr.write(`dyad: ${name}: ${bad} line${bad > 1 ? 's' : ''} skipped, ${count} coded\n`);
  return bad ? 1 : 0;
}

/** One jsonl input line → ArticleInput; DyadError('INPUT') naming file:line when malformed. */
export function parseRecord(
  line: string,
  where: { file: string; line: number },
  defaultDate: string | null,
  defaultId: string,
): ArticleInput & { id: string } {
  const fail = (msg: string) => new DyadError('INPUT', msg, where);
  let rec: unknown;
  try {
    rec = JSON.parse(line);
  } catch (e) {
    throw fail(`not valid JSON (${(e as Error).message.split('\n')[0]})`);
  }
  if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) throw fail('expected a JSON object');
  const r = rec as Record<string, unknown>;
  if (typeof r.text !== 'string') throw fail('"text" must be a string');
  let id = defaultId;
  if (typeof r.id === 'string' || typeof r.id === 'number') id = String(r.id);
  else if (r.id !== undefined && r.id !== null) throw fail('"id" must be a string');
  let date = defaultDate;
  if (typeof r.date === 'string') {
    date = normalizeDate(r.date);
    if (!date) throw fail(`bad "date" '${r.date}' (expected YYYY-MM-DD or YYYYMMDD)`);
  } else if (r.date !== undefined && r.date !== null) throw fail('"date" must be a string');
  return { id, text: r.text, date: date ?? undefined };
}

export const code: CommandSpec<CodeOptions> = {
  summary: 'Code news text into CAMEO events (json, jsonl, tsv or PLOVER)',
  help,
  parse,
  run,
};
