import { describe, expect, it } from 'vitest';
import { code, codeBlock, details, join, link, md, table, text, trusted, Markdown } from '../../src/report/markdown.js';
import { AUTOLINK, HOSTILE, INVISIBLE, MENTION, REFERENCE, renderGfm, tags, visibleText } from '../helpers/hostile.js';

const render = (m: Markdown): string => renderGfm(m.value);

describe('markdown boundary', () => {
  it.each(HOSTILE)('text() renders %j as itself, on one line, with no markup, link or mention', (s) => {
    const html = render(md`Finding: ${s}`);
    expect(tags(html).filter((t) => t !== 'p')).toEqual([]);
    const shown = visibleText(html);
    const flat = s.replace(/\r\n|[\n\r\u2028\u2029\u0085]/g, ' ').replace(/\u200b/g, '');
    // Visible characters come out the same; invisible ones are shown as escapes.
    expect(shown.replace(/\\u\{[0-9a-f]+\}/g, '')).toBe(`Finding: ${flat.replace(INVISIBLE, '')}`.trim());
    expect(html).not.toMatch(MENTION);
    expect(html).not.toMatch(REFERENCE);
    expect(visibleText(html.replace(/\u200b/g, '\u0001'))).not.toMatch(AUTOLINK);
  });

  it.each(HOSTILE)('code() keeps %j inside one code span', (s) => {
    const html = render(md`Where: ${code(s)}`);
    expect(tags(html).filter((t) => t !== 'p')).toEqual(['code', 'code']);
  });

  it.each(HOSTILE)('a table cell holding %j stays one cell of one row', (s) => {
    const html = render(table(['Rule', 'Finding', 'Where'], [[code('rule-id'), s, code(s)]]));
    expect(html.match(/<tr>/g)).toHaveLength(2);
    expect(html.match(/<td>/g)).toHaveLength(3);
    expect(tags(html).filter((t) => !['table', 'thead', 'tbody', 'tr', 'th', 'td', 'code'].includes(t))).toEqual([]);
  });

  it.each(HOSTILE)('a code block holding %j is not closed early', (s) => {
    const html = render(
      join(
        [
          codeBlock(`line 1\n${s}\nline 3`),
          md`
after
          `,
        ],
        '\n\n',
      ),
    );
    expect(tags(html)).toEqual(['pre', 'code', 'code', 'pre', 'p', 'p']);
    expect(html).toContain('<p>after</p>');
  });

  it.each(HOSTILE)('a details summary holding %j renders no tag of its own', (s) => {
    const html = render(
      details(
        s,
        md`
body
        `,
      ),
    );
    expect(tags(html)).toEqual(['details', 'summary', 'summary', 'p', 'p', 'details']);
    expect(html).not.toMatch(MENTION);
  });

  it('links only https URLs it is given, with an escaped label', () => {
    expect(render(link('https://github.com/o/r/runs/1', 'check run'))).toBe(
      '<p><a href="https://github.com/o/r/runs/1">check run</a></p>',
    );
    expect(render(link('javascript:alert(1)', 'x'))).toBe('<p>x</p>');
    const html = render(link('https://github.com/a) [b](https://evil.example', '[label](x)'));
    expect(html.match(/<a /g)).toHaveLength(1);
    expect(html).toMatch(/^<p><a href="https:\/\/github\.com\/a%29%20[^"]*">\[label\]\(x\)<\/a><\/p>$/);
  });

  it('interpolated Markdown is kept, plain strings are escaped, and only this module makes Markdown', () => {
    expect(md`**${'*not bold*'}** ${code('x')}`.value).toBe('**\\*not bold\\*** `x`');
    expect(
      () => new (Markdown as unknown as new (t: symbol, v: string) => Markdown)(Symbol('zd-gate markdown'), 'x'),
    ).toThrow(TypeError);
    expect(trusted('```mermaid').value).toBe('```mermaid');
  });

  it('ordinary text reads the same in the raw markdown', () => {
    expect(text('zd-gate validate failed: 3 errors in k8s/web.yaml (see docs).').value).toBe(
      'zd-gate validate failed: 3 errors in k8s/web.yaml (see docs).',
    );
  });
});
