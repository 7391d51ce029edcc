/**
 * Bytes → text for ingest: strict UTF-8, binary files refused, content
 * hashing, and the small text helpers the source readers share.
 */
import { createHash } from 'node:crypto';

/** Why some bytes cannot be an article, or null when they can. */
export function binaryReason(bytes: Uint8Array): string | null {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return 'binary file, not text';
  return null;
}

/** Strict UTF-8 (a BOM is dropped), or null when the bytes are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Decodes with a declared charset when the platform knows it, else lenient UTF-8 (for web pages). */
export function decodeCharset(bytes: Uint8Array, charset: string | null): string {
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/**
 * The content hash that makes ingest idempotent: SHA-256 (hex) of the text
 * after Unicode NFC normalization, with runs of whitespace made one space and
 * the ends trimmed. The same story read twice, from a file or a page whose
 * markup changed, hashes the same.
 */
export function contentHash(text: string): string {
  return createHash('sha256').update(text.normalize('NFC').replace(/\s+/g, ' ').trim()).digest('hex');
}

/** Line endings made \n; trailing spaces on lines and blank-line runs trimmed. */
export function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v\u00a0]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A plain-text article's title: its first line, when there are more lines and it is short. */
export function firstLineTitle(text: string): string | null {
  const nl = text.indexOf('\n');
  if (nl < 0) return null;
  const line = text.slice(0, nl).trim();
  return line && line.length <= 200 ? line : null;
}

/** Human-readable byte size: "50.0 MB", "12 KB". */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} B`;
}
