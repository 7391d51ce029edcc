/**
 * Near-duplicate detection with MinHash. A text's word 3-shingles are hashed
 * with 64 independent hash functions; the minimum of each is its signature.
 * The share of equal positions in two signatures estimates the Jaccard
 * similarity of their shingle sets. For lookup, the signature is cut into 16
 * bands of 4 values; each band hashes to one integer key, and two texts that
 * share any key are candidates (LSH). A pair of texts with similarity 0.8 shares
 * a key with probability 0.9997; a pair at 0.3, 0.12. Candidates are then
 * confirmed on the estimated similarity.
 */
import type { Fingerprint } from '../store/index.ts';

/** Fewer words than this and a text is not fingerprinted: too short to tell a copy from chance. */
export const MIN_WORDS = 20;
/** Estimated Jaccard similarity of shingle sets at or above which a text is a near-duplicate. */
export const MIN_SIMILARITY = 0.7;

const HASHES = 64;
const ROWS = 4;

const FNV_START = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SPACE = 0x20;

/** 32-bit FNV-1a of `s`, continued from state `h` (FNV_START to begin); not yet made unsigned. */
function fnv1aFrom(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h;
}

/** A 32-bit mixing function (MurmurHash3's finalizer): one of the 64 hash functions per seed. */
function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

const SEEDS = Array.from({ length: HASHES }, (_, i) => mix(0x9e3779b9 + i * 0x632be5ab));

/** Lower-case words (letters and digits) of a text. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The MinHash fingerprint of a text (signature and band keys), or null when it is too short. */
export function fingerprint(text: string): Fingerprint | null {
  const w = words(text);
  if (w.length < MIN_WORDS) return null;
  // Each shingle's hash is fnv1a(`${w[i]} ${w[i + 1]} ${w[i + 2]}`), computed without building the
  // string: FNV-1a reads characters in order, so the state after "w0 w1 " continues with w2.
  const shingles = new Uint32Array(w.length - 2);
  for (let i = 0; i + 2 < w.length; i++) {
    let h = fnv1aFrom(FNV_START, w[i]);
    h = Math.imul(h ^ SPACE, FNV_PRIME);
    h = fnv1aFrom(h, w[i + 1]);
    h = Math.imul(h ^ SPACE, FNV_PRIME);
    shingles[i] = fnv1aFrom(h, w[i + 2]) >>> 0;
  }
  // A shingle seen twice changes no minimum, so repeats need not be removed first. One hash
  // function at a time over all shingles keeps the running minimum in a local.
  const sig = new Uint32Array(HASHES);
  for (let k = 0; k < HASHES; k++) {
    const seed = SEEDS[k];
    let min = 0xffffffff;
    for (let i = 0; i < shingles.length; i++) {
      const v = mix(shingles[i] ^ seed);
      if (v < min) min = v;
    }
    sig[k] = min;
  }
  const keys: number[] = [];
  for (let b = 0; b < HASHES / ROWS; b++) {
    let h = Math.imul(b + 1, 0x27d4eb2d);
    for (let r = 0; r < ROWS; r++) h = mix(h ^ sig[b * ROWS + r]);
    keys.push(h | 0); // signed 32-bit: fits an INTEGER column everywhere
  }
  return { signature: new Uint8Array(sig.buffer), keys };
}

/** Estimated Jaccard similarity of two signatures: the share of equal positions. */
export function similarity(a: Uint8Array, b: Uint8Array): number {
  const x = new Uint32Array(a.buffer, a.byteOffset, a.byteLength >> 2);
  const y = new Uint32Array(b.buffer, b.byteOffset, b.byteLength >> 2);
  if (x.length !== y.length || !x.length) return 0;
  let same = 0;
  for (let i = 0; i < x.length; i++) if (x[i] === y[i]) same++;
  return same / x.length;
}
