/**
 * The article's entities (issue #3): every actor phrase the coder found, typed
 * PERSON / ORG / GPE / GROUP with its code and canonical name, people found by
 * name only (runs of proper nouns no dictionary knows), and pronouns and
 * descriptions ("he", "the group") pointing at the entity they refer to.
 */
import type { ActorGroup } from '../actors/index.ts';
import type { EntityMention } from '../model/index.ts';
import type { ArticleContext, Stage } from '../pipeline/index.ts';
import { lexicon, type Doc } from '../text/index.ts';

type EntityType = EntityMention['type'];

const GROUP_SECTORS = /(REB|INS|UAF|SEP|IMG)/;

/** The type of an actor phrase, from its code and how it was found. */
export function entityType(g: ActorGroup): EntityType {
  if (g.personName || g.person) return 'PERSON';
  const code = g.code;
  if (/^(IGO|NGO|NGM|MNC)/.test(code) || /MED$|BUS$/.test(code)) return 'ORG';
  if (GROUP_SECTORS.test(code.slice(3))) return 'GROUP';
  if (g.agents.length > 0) return 'ORG';
  return code.length === 3 ? 'GPE' : 'ORG';
}

const PERSONAL = new Set(['HE', 'SHE', 'HIM', 'HER', 'HIS']);
const NONPERSONAL = new Set(['IT', 'ITS', 'THEY', 'THEIR', 'THEM']);

export function findEntities(doc: Doc, actors: ActorGroup[][]): EntityMention[] {
  const timeWords = lexicon('time-words');
  const entities: EntityMention[] = [];
  const covered = new Uint8Array(doc.tokens.length);
  const span = (start: number, end: number) => {
    const a = doc.tokens[start].start;
    const b = doc.tokens[end - 1].end;
    return { text: doc.text.slice(a, b), start: a, end: b };
  };
  /** Descriptions ("the group") and the character offset of the phrase they refer to. */
  const describes = new Map<EntityMention, number>();
  for (const groups of actors) {
    for (const g of groups ?? []) {
      for (let i = g.start; i < g.end; i++) covered[i] = 1;
      const role = g.agents.map((a) => a.name.toLowerCase()).join(' ') || undefined;
      const name = g.personName ? span(g.personName.start, g.personName.end).text : g.name;
      const entity: EntityMention = { ...span(g.start, g.end), type: entityType(g), code: g.code, ...(name ? { name } : {}), ...(role ? { role } : {}) };
      if (g.antecedent) describes.set(entity, doc.tokens[g.antecedent.start].start);
      entities.push(entity);
    }
  }
  // people no dictionary knows: two or more capitalised proper nouns in a row
  for (const s of doc.sentences) {
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      if (covered[i] || doc.tokens[i].pos !== 'PROPN' || !/^[A-Z]/.test(doc.tokens[i].text)) continue;
      let j = i;
      while (j < s.tokenEnd && !covered[j] && doc.tokens[j].pos === 'PROPN' && /^[A-Z]/.test(doc.tokens[j].text) && !timeWords.has(doc.tokens[j].norm)) j++;
      if (j - i >= 2 && i > s.tokenStart) entities.push({ ...span(i, j), type: 'PERSON', name: span(i, j).text });
      i = Math.max(i, j - 1);
    }
  }
  entities.sort((a, b) => a.start - b.start);
  // pronouns point back at the nearest earlier entity of a compatible kind
  const withPronouns: EntityMention[] = [];
  let k = 0;
  for (const t of doc.tokens) {
    while (k < entities.length && entities[k].start < t.start) withPronouns.push(entities[k++]);
    const personal = PERSONAL.has(t.norm);
    if (t.pos !== 'PRON' || (!personal && !NONPERSONAL.has(t.norm))) continue;
    let ref = -1;
    for (let e = withPronouns.length - 1; e >= 0; e--) {
      const cand = withPronouns[e];
      if (cand.refersTo !== undefined) continue;
      if (personal ? cand.type === 'PERSON' : cand.type !== 'PERSON') {
        ref = e;
        break;
      }
    }
    if (ref < 0) continue;
    const target = withPronouns[ref];
    withPronouns.push({ text: t.text, start: t.start, end: t.end, type: target.type, ...(target.code ? { code: target.code } : {}), ...(target.name ? { name: target.name } : {}), refersTo: ref });
  }
  while (k < entities.length) withPronouns.push(entities[k++]);
  // a description points at the phrase it was resolved to; a pronoun at a description, at that phrase
  for (const [entity, start] of describes) {
    const ref = withPronouns.findIndex((e) => e.start === start && e.refersTo === undefined && !describes.has(e));
    if (ref >= 0) entity.refersTo = ref;
  }
  for (const e of withPronouns) {
    const target = e.refersTo === undefined ? undefined : withPronouns[e.refersTo];
    if (target?.refersTo !== undefined) e.refersTo = target.refersTo;
  }
  return withPronouns;
}

export const entitiesStage: Stage = {
  name: 'entities',
  assigns: ['entities'],
  run(ctx: ArticleContext) {
    ctx.article.entities = findEntities(ctx.doc, ctx.actors);
  },
};
