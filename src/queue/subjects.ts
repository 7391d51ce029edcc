/**
 * Every NATS name Dyad uses, as data: streams, subjects and consumer names
 * derive from one queue name (default "dyad"), so separate deployments (or
 * test runs) on one NATS server never collide.
 */

export interface QueueNames {
  /** The queue name they derive from (lower case: letters, digits, _ and -). */
  readonly queue: string;
  /** Stream of raw articles: the immutable log (limits retention). */
  readonly articlesStream: string;
  /** Subject of one source's articles is `articlesPrefix + "." + token`. */
  readonly articlesPrefix: string;
  /** Stream of dead letters: articles that failed `maxDeliver` times, with the error. */
  readonly deadStream: string;
  /** A dead letter's subject is `deadPrefix + "." + consumer`. */
  readonly deadPrefix: string;
  /** Stream of worker heartbeats (the last one per worker is kept). */
  readonly workersStream: string;
  /** A worker's heartbeat subject is `workersPrefix + "." + workerId`. */
  readonly workersPrefix: string;
}

const QUEUE_NAME = /^[a-z][a-z0-9_-]{0,40}$/;

/** The names for one queue; throws on a name NATS would not accept as a stream name part. */
export function queueNames(queue = 'dyad'): QueueNames {
  if (!QUEUE_NAME.test(queue)) throw new Error(`bad queue name '${queue}' (lower-case letters, digits, _ and -, starting with a letter)`);
  const upper = queue.toUpperCase().replace(/-/g, '_');
  return {
    queue,
    articlesStream: `${upper}_ARTICLES`,
    articlesPrefix: `${queue}.articles`,
    deadStream: `${upper}_DEAD`,
    deadPrefix: `${queue}.dead`,
    workersStream: `${upper}_WORKERS`,
    workersPrefix: `${queue}.workers`,
  };
}

/** A subject token from free text (a publisher, a version): NATS tokens may not hold '.', '*', '>' or spaces. */
export function subjectToken(text: string): string {
  const t = text.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 64);
  return t || '_';
}

/** The subject an article from this publisher (source) is published on. */
export function articleSubject(names: QueueNames, publisher: string): string {
  return `${names.articlesPrefix}.${subjectToken(publisher)}`;
}

/** The durable consumer that codes the article log with one dictionary version. */
export function consumerName(dictionaryVersion: string): string {
  return `code_${subjectToken(dictionaryVersion)}`;
}

export function deadSubject(names: QueueNames, consumer: string): string {
  return `${names.deadPrefix}.${subjectToken(consumer)}`;
}

export function workerSubject(names: QueueNames, workerId: string): string {
  return `${names.workersPrefix}.${subjectToken(workerId)}`;
}
