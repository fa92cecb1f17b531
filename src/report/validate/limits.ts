/**
 * GitHub's size limits for what validate writes, in one place, and the one way long text is
 * shortened. Sizes are measured in UTF-8 bytes, which is never less than GitHub's character counts,
 * so a surface within its byte budget is within its limit however GitHub counts.
 */

/** Job summary: 1 MiB per step. */
export const JOB_SUMMARY_BYTES = 1024 * 1024;
/** Check run `output.title`, `output.summary`, `output.text`: 65,535 characters each. */
export const CHECK_RUN_TEXT_BYTES = 65_535;
/** Pull-request (issue) comment body: 65,536 characters. */
export const PR_COMMENT_BYTES = 65_536;
/** Annotation message (workflow command or Checks API): 64 KiB. */
export const ANNOTATION_MESSAGE_BYTES = 64 * 1024;
/** Checks API annotation title. */
export const ANNOTATION_TITLE_CHARS = 255;
/** Annotations per Checks API request (GitHub's limit). */
export const CHECK_ANNOTATIONS_PER_REQUEST = 50;
/**
 * Annotations zd-gate sends to a check run at most: 20 requests, whatever the input holds. The
 * rest are counted in the check run's summary and are in the SARIF and findings files.
 */
export const MAX_CHECK_ANNOTATIONS = 1_000;

/** Longest object, file or container name shown in a table cell or heading. */
export const NAME_CHARS = 200;
/** Longest finding message shown in a table cell, the log or an annotation. */
export const MESSAGE_CHARS = 2_000;

export function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** `s` cut to at most `max` characters, ending in `…` when cut (never inside a surrogate pair). */
export function shorten(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = Math.max(0, max - 1);
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return `${s.slice(0, end)}…`;
}

/** `s` cut to at most `max` UTF-8 bytes, ending in `…` when cut. */
export function clipBytes(s: string, max: number): string {
  if (byteLength(s) <= max) return s;
  // Each character takes at most 4 bytes (2 UTF-16 units): start from a safe length and step down.
  let chars = Math.min(s.length, max);
  while (chars > 0 && byteLength(shorten(s, chars)) > max) chars = Math.floor(chars * 0.9);
  return shorten(s, chars);
}
