/**
 * The one way markdown is written for GitHub's rendered surfaces (job summary, check-run summary
 * and text, pull-request comment). Those sinks take a {@link Markdown} value, which only this
 * module makes: literal text from zd-gate's own source passes through the {@link md} tag as
 * markup, and every interpolated string (object and file names, finding messages, cluster events,
 * API answers) is escaped as plain text. So a string from outside cannot render HTML, a link, a
 * mention that notifies people, a heading, or break out of a table, list, code span or fence.
 *
 * How each construct is neutralised, and why (GitHub renders with cmark-gfm, then filters the HTML):
 * - HTML: `&`, `<`, `>` become entities, so no tag or entity from the input survives.
 * - Markdown syntax: the punctuation that means something inline (code, emphasis, links,
 *   strikethrough), and a block marker at the start, are backslash-escaped (CommonMark: escaped
 *   ASCII punctuation renders as itself); line breaks become spaces, so untrusted text stays inside
 *   the construct it was put in. Pipes are escaped by {@link table}, the only place they matter.
 * - Mentions (`@team`), issue references (`#12`) and autolinks (`https://…`, `www.…`): GitHub finds
 *   these in the rendered text, after escapes are gone, so escaping cannot stop them. A zero-width
 *   space after `@` and `#` and inside `://` and `www.` breaks the pattern while the text reads the same.
 * - Code: a code span or fence longer than any run of backticks in the text, so the text cannot
 *   close it; inside, GitHub renders nothing (no HTML, links or mentions).
 * - Invisible and direction-changing characters (C0/C1 controls, bidi overrides) are shown as
 *   `\u{…}` escapes, so a reviewer sees what the manifest really says.
 */

import type { Redactor } from './redact.js';

const TOKEN: unique symbol = Symbol('zd-gate markdown');

/**
 * Markdown that is safe to hand to a rendered GitHub surface. Only this module can make one (its
 * constructor wants a token no other module holds), so a string from outside can never pass for
 * markup, at compile time or at run time.
 */
export class Markdown {
  /** @internal */
  constructor(
    token: typeof TOKEN,
    readonly value: string,
  ) {
    if (token !== TOKEN) throw new TypeError('Markdown is made by src/report/markdown.ts only');
  }

  get length(): number {
    return this.value.length;
  }

  toString(): string {
    return this.value;
  }
}

type Part = Markdown | string | number;

const ZWSP = '\u200b';
/** Controls, bidi embeddings/overrides/isolates, and the line/paragraph separators. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const LINE_BREAKS = /\r\n|[\n\r\u2028\u2029\u0085]/g;
/** ASCII punctuation with an inline meaning in CommonMark/GFM (code, emphasis, links, strikethrough). */
const INLINE_MARKUP = /[\\`*_[\]~]/g;
/** What starts a block at the beginning of a line: heading, list item, setext underline, ordered item. */
const BLOCK_START = /^(\s*)([#+=-]|\d{1,9}(?=[.)](?:\s|$)))/;

function asMarkdown(s: string): Markdown {
  return new Markdown(TOKEN, s);
}

/** Shows invisible characters as `\u{…}` so they cannot hide or reorder text. */
export function visible(s: string): string {
  return s.replace(INVISIBLE, (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`);
}

/**
 * Breaks what GitHub links in rendered text (mentions, issue references, URLs): it finds them after
 * markdown escapes are gone, so only a change of the text itself stops them.
 */
function unlinkable(s: string): string {
  return s
    .replace(/@/g, `@${ZWSP}`)
    .replace(/#/g, `#${ZWSP}`)
    .replace(/:\/\//g, `:${ZWSP}//`)
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}${ZWSP}.`);
}

function entities(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Untrusted text as inline markdown: renders exactly as the text reads, on one line. */
export function text(s: string): Markdown {
  const inline = unlinkable(entities(visible(s.replace(LINE_BREAKS, ' ')))).replace(INLINE_MARKUP, '\\$&');
  const block = inline.replace(BLOCK_START, (_, space: string, marker: string) =>
    // `1.` is escaped as `1\.`: a backslash before a digit is no escape.
    /^\d/.test(marker) ? `${space}${marker}\\` : `${space}\\${marker}`,
  );
  return asMarkdown(block);
}

/** The longest match of `re` (global) in `s`, without spreading: the text decides how many runs there are. */
function longestRun(s: string, re: RegExp): number {
  let longest = 0;
  for (const m of s.matchAll(re)) longest = Math.max(longest, m[0].length);
  return longest;
}

/** Untrusted text as an inline code span (one line; a fence longer than any backtick run inside). */
export function code(s: string): Markdown {
  const flat = visible(s.replace(LINE_BREAKS, ' '));
  const fence = '`'.repeat(longestRun(flat, /`+/g) + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
  return asMarkdown(`${fence}${pad}${flat}${pad}${fence}`);
}

/** Untrusted multi-line text as a fenced code block that the text cannot close. */
export function codeBlock(body: string, language = 'text'): Markdown {
  const lines = body.split(LINE_BREAKS).map(visible).join('\n');
  const fence = '`'.repeat(Math.max(3, longestRun(lines, /`{3,}/g) + 1));
  return asMarkdown(`${fence}${/^[a-z0-9-]*$/.test(language) ? language : ''}\n${lines}\n${fence}`);
}

/**
 * A link to a URL zd-gate obtained itself (a check run's address from the GitHub API): only
 * `https:` URLs, with the characters that would end a markdown link destination percent-encoded.
 * Anything else renders as its label alone.
 */
export function link(url: string, label: Part): Markdown {
  const shown = part(label);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return shown;
  }
  if (parsed.protocol !== 'https:') return shown;
  const href = parsed.href.replace(
    /[()<>\s"'`]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  return asMarkdown(`[${shown.value}](${href})`);
}

function part(p: Part): Markdown {
  if (typeof p === 'number') return asMarkdown(String(p));
  return p instanceof Markdown ? p : text(p);
}

/**
 * Markdown written in zd-gate's own source: the template's literal parts are markup, every
 * interpolated string is escaped with {@link text}, interpolated Markdown is kept as it is.
 *
 *     md`| ${name} | ${code(file)} |`
 */
export function md(strings: TemplateStringsArray, ...values: readonly Part[]): Markdown {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += part(v).value + (strings[i + 1] ?? '');
  });
  return asMarkdown(out);
}

/** Joins markdown parts (strings among them are escaped as text). */
export function join(parts: readonly Part[], separator = '\n'): Markdown {
  return asMarkdown(parts.map((p) => part(p).value).join(separator));
}

/**
 * A GFM table. GFM splits cells on every `|` that is not backslash-escaped, even inside code spans,
 * so every `|` of a cell is escaped here (text() leaves pipes alone for that reason).
 */
export function table(
  header: readonly Part[],
  rows: readonly (readonly Part[])[],
  align?: readonly ('l' | 'r')[],
): Markdown {
  const cell = (p: Part): string => part(p).value.replace(LINE_BREAKS, ' ').replace(/\|/g, '\\|');
  const line = (cells: readonly Part[]): string => `| ${cells.map(cell).join(' | ')} |`;
  const rule = `|${header.map((_, i) => (align?.[i] === 'r' ? '---:' : '---')).join('|')}|`;
  return asMarkdown([line(header), rule, ...rows.map(line)].join('\n'));
}

/**
 * A collapsed `<details>` section. Its summary line is HTML, where markdown is not parsed (a
 * backslash would show), so the summary is plain text escaped as HTML.
 */
export function details(summary: string, body: Markdown): Markdown {
  const line = unlinkable(entities(visible(summary.replace(LINE_BREAKS, ' '))));
  return asMarkdown(`<details><summary>${line}</summary>\n\n${body.value}\n\n</details>`);
}

/**
 * The same markdown without the redactor's secrets and credential shapes, in every form this
 * module writes a string in (as text, in a code span or fence, in a table cell, in a details
 * summary). Only a {@link Redactor} can be passed, and it only ever inserts its marker, which has no
 * markup meaning: the result is as safe as the input.
 */
export function redactMarkdown(m: Markdown, redactor: Redactor): Markdown {
  return asMarkdown(
    redactor.redact(m.value, (s) => {
      const inline = text(s).value;
      return [inline, inline.replace(/\|/g, '\\|'), visible(s), unlinkable(entities(visible(s)))];
    }),
  );
}

/**
 * Markdown that zd-gate generated from its own data with no string from outside in it (a Mermaid
 * chart of numbers, a heading from a constant). Use {@link md} wherever an outside string is
 * interpolated; this exists for output that is built character by character.
 */
export function trusted(s: string): Markdown {
  return asMarkdown(s);
}
