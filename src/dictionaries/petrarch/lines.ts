/** Line reading shared by all PETRARCH-format parsers: comments, blank lines, line numbers. */

export interface Line {
  /** 1-based line number in the file. */
  n: number;
  /** The line with comments removed and trailing whitespace trimmed (leading whitespace kept: tabs matter in actor files). */
  text: string;
}

/**
 * Strips `<!-- ... -->` (possibly over several lines) and `#` comments.
 * `;` starts a comment too in legacy TABARI files when `semicolonComments` is set.
 */
export function readLines(source: string, semicolonComments = false): Line[] {
  const out: Line[] = [];
  const raw = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  let inComment = false;
  for (let i = 0; i < raw.length; i++) {
    let text = raw[i];
    if (inComment) {
      const close = text.indexOf('-->');
      if (close < 0) continue;
      text = text.slice(close + 3);
      inComment = false;
    }
    for (;;) {
      const open = text.indexOf('<!--');
      if (open < 0) break;
      const close = text.indexOf('-->', open + 4);
      if (close < 0) {
        text = text.slice(0, open);
        inComment = true;
        break;
      }
      text = text.slice(0, open) + text.slice(close + 3);
    }
    const hash = text.indexOf('#');
    if (hash >= 0) text = text.slice(0, hash);
    if (semicolonComments) {
      const semi = text.indexOf(';');
      if (semi >= 0) text = text.slice(0, semi);
    }
    out.push({ n: i + 1, text: text.replace(/\s+$/, '') });
  }
  return out;
}

/** "SERGEY_V._LAVROV_" → ["SERGEY", "V.", "LAVROV"]; both blanks and underscores separate words. */
export function toPhrase(written: string): string[] {
  return written
    .toUpperCase()
    .replace(/[\u2018\u2019]/g, "'")
    .split(/[\s_]+/)
    .filter((w) => w.length > 0)
    .map(intern);
}

/**
 * One string per distinct dictionary word: the PETRARCH2 set repeats its words tens of
 * thousands of times, and sharing them saves about 6 MB of heap. Bounded by the vocabulary
 * of the dictionaries ever loaded in this process.
 */
const words = new Map<string, string>();
function intern(w: string): string {
  const known = words.get(w);
  if (known !== undefined) return known;
  words.set(w, w);
  return w;
}

/** Regular English plural of a phrase's last word, the way PETRARCH forms it. */
export function pluralOf(phrase: string[]): string[] {
  const last = phrase[phrase.length - 1];
  let plural: string;
  if (/[^AEIOU]Y$/.test(last)) plural = last.slice(0, -1) + 'IES';
  else if (/(SS|SH|CH|X|Z)$/.test(last)) plural = last + 'ES';
  else plural = last + 'S';
  return [...phrase.slice(0, -1), plural];
}
