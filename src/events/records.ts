/**
 * Building the coder's EventRecords: actor references with their text spans, and the events of
 * a source acting on a target.
 */
import type { ActorList } from '../actors/index.ts';
import type { CameoTable } from '../codes/index.ts';
import type { ActorRef, EventRecord, RuleRef, TextSpan } from '../model/index.ts';
import type { Doc, Token } from '../text/index.ts';

/** An actor list member as an event's actor: its code, its text and, for a pronoun or description, what it refers to. */
export type ToRef = (g: ActorList['members'][number]) => ActorRef;

export function actorRefs(doc: Doc, tokens: Token[]): ToRef {
  return (g) => {
    const start = tokens[g.start].start;
    const end = tokens[g.end - 1].end;
    const ref: ActorRef = { code: g.code, text: doc.text.slice(start, end), start, end, ...(g.name ? { name: g.name } : {}) };
    if (g.antecedent) {
      const a = tokens[g.antecedent.start].start;
      const b = tokens[g.antecedent.end - 1].end;
      ref.refersTo = { text: doc.text.slice(a, b), start: a, end: b };
    }
    return ref;
  };
}

/** Whether two actor lists name the same actors: the same codes, whatever the words. */
export function sameActors(a: ActorList, b: ActorList): boolean {
  if (a === b) return true;
  const codesA = a.members.map((m) => m.code).sort().join(' ');
  return codesA === b.members.map((m) => m.code).sort().join(' ');
}

/** One EventRecord, with the code's root, QuadClass and Goldstein from the CAMEO table. */
export function eventRecord(
  codes: CameoTable,
  sentence: number,
  source: ActorRef,
  target: ActorRef | null,
  code: string,
  verb: TextSpan,
  negated: boolean,
  pattern?: RuleRef,
): EventRecord {
  const info = codes.describe(code);
  return { sentence, source, target, code, root: info.root, quadClass: info.quadClass, goldstein: info.goldstein, verb, negated, ...(pattern ? { pattern } : {}) };
}

/** Every member of `source` acting on every member of `target` (never on itself). */
export function pairEvents(
  codes: CameoTable,
  sentence: number,
  source: ActorList,
  target: ActorList,
  code: string,
  verb: TextSpan,
  negated: boolean,
  pattern: RuleRef,
  toRef: ToRef,
): EventRecord[] {
  const out: EventRecord[] = [];
  for (const s of source.members) {
    for (const t of target.members) if (s.code !== t.code) out.push(eventRecord(codes, sentence, toRef(s), toRef(t), code, verb, negated, pattern));
  }
  return out;
}
