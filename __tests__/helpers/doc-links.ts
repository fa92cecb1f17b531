/**
 * Relative links of Markdown files, checked the way GitHub resolves them: the target file (or
 * folder) must exist, and a `#fragment` into a Markdown file must name one of its headings (GitHub's
 * slugs: lower case, punctuation dropped, spaces to `-`, `-1`, `-2` for repeats) or an explicit
 * `<a id>`/`<a name>`. Links are read from the rendered document (micromark with GFM, as GitHub
 * renders), so links inside code are not links, and reference-style links count.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';

export interface BrokenLink {
  /** The Markdown file, relative to the root. */
  readonly file: string;
  readonly href: string;
  readonly problem: string;
}

function render(markdown: string): string {
  return micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** GitHub's heading slug (github-slugger): lower case, only letters, marks, numbers, `_`, `-`, spaces to `-`. */
export function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The fragments a rendered Markdown file answers to: heading slugs (with repeats numbered) and explicit anchors. */
export function anchors(markdown: string): Set<string> {
  const html = render(markdown);
  const result = new Set<string>();
  const seen = new Map<string, number>();
  for (const m of html.matchAll(/<h[1-6][^>]*>([\s\S]*?)<\/h[1-6]>/g)) {
    const base = slug(decodeEntities(m[1]!.replace(/<[^>]*>/g, '')).trim());
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    result.add(n === 0 ? base : `${base}-${n}`);
  }
  for (const m of html.matchAll(/<a\s[^>]*\b(?:id|name)="([^"]+)"/g)) result.add(decodeEntities(m[1]!));
  return result;
}

/** The `href` of every link and the `src` of every image in the rendered Markdown. */
export function links(markdown: string): string[] {
  const html = render(markdown);
  return [...html.matchAll(/<(?:a|img)\s[^>]*?\b(?:href|src)="([^"]*)"/g)].map((m) => decodeEntities(m[1]!));
}

/** Broken relative links of one Markdown file (`file` relative to `root`). */
export function brokenLinks(root: string, file: string): BrokenLink[] {
  const path = join(root, file);
  const markdown = readFileSync(path, 'utf8');
  const anchorCache = new Map<string, Set<string>>();
  const anchorsOf = (target: string): Set<string> => {
    let set = anchorCache.get(target);
    if (!set) anchorCache.set(target, (set = anchors(target === path ? markdown : readFileSync(target, 'utf8'))));
    return set;
  };
  const broken: BrokenLink[] = [];
  for (const href of links(markdown)) {
    // External (a scheme or protocol-relative) links are not checked here.
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) continue;
    const hash = href.indexOf('#');
    const targetPart = decodeURIComponent(hash < 0 ? href : href.slice(0, hash));
    const fragment = hash < 0 ? undefined : decodeURIComponent(href.slice(hash + 1));
    const target =
      targetPart === ''
        ? path
        : targetPart.startsWith('/')
          ? join(root, targetPart)
          : resolve(dirname(path), targetPart);
    if (relative(root, target).startsWith('..')) {
      broken.push({ file, href, problem: 'points outside the repository' });
      continue;
    }
    if (!existsSync(target)) {
      broken.push({ file, href, problem: `${relative(root, target)} does not exist` });
      continue;
    }
    if (fragment === undefined || fragment === '' || !target.endsWith('.md') || statSync(target).isDirectory())
      continue;
    if (!anchorsOf(target).has(fragment))
      broken.push({ file, href, problem: `${relative(root, target)} has no heading or anchor #${fragment}` });
  }
  return broken;
}
