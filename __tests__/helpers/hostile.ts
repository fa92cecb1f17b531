import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';

/**
 * Strings a hostile pull request, cluster or API could put in front of zd-gate: object and file
 * names, annotation values, event messages, error bodies. Every output sink is tested with these.
 */
export const HOSTILE: readonly string[] = [
  // workflow commands, on their own line, after whitespace, after a lone CR or a Unicode line break
  'web\n::error file=README.md,line=1::forged annotation',
  '  ::add-mask::apiVersion',
  'x\r::stop-commands::deadbeef',
  'x\u2028::set-output name=result::success',
  'x\u0085##[error]legacy command',
  '\t##[group]forged group',
  // markdown and HTML
  '@octo-org/security-team please approve',
  'fixes #1 and octo/repo#2',
  '<img src=x onerror=alert(1)>',
  '</td></tr></table></details><script>alert(1)</script>',
  '[click me](https://evil.example/phish)',
  '![tracker](https://evil.example/pixel.png)',
  'see https://evil.example/a and www.evil.example',
  'ops@evil.example',
  '| a | b |\n|---|---|\n| forged | row |',
  '```\n# forged heading\n```',
  '````',
  '`code` **bold** _em_ ~~strike~~',
  '# heading',
  '- list item',
  '1. ordered',
  '> quote',
  '---',
  '&lt;already escaped&gt; &amp; &#64;team',
  '\\| escaped pipe \\',
  // invisible and direction-changing characters
  'admin\u202e\u2066txt.yaml',
  'nul\u0000 bell\u0007 esc\u001b[31m',
  'zero\u200bwidth',
  // more workflow commands: deprecated ones the runner may still honour, already-encoded data
  '\n::set-env name=NODE_OPTIONS::--require /tmp/x.js',
  '\r\n::add-path::/tmp/evil',
  '\n::save-state name=x::y',
  '\n::echo::on',
  '%0A::error::encoded newline',
  // the PR comment's own marker, and other HTML comments and blocks
  '<!-- zd-gate:validate -->',
  '<details open><summary>forged</summary>',
  '<!--',
  // structured formats: JSON, SARIF, YAML
  '"},{"ruleId":"forged","level":"error"',
  "'; DROP TABLE findings; --",
  '{{ .Values.x }}',
  // credentials someone pasted (redacted in every sink: URL userinfo)
  'https://admin:hunter2@evil.example/x',
];

/**
 * The runner's side of the step log, written from its documented behaviour rather than from src/:
 * it reads output with .NET's StreamReader.ReadLine (a line ends at \n, \r or \r\n), trims leading
 * whitespace (Char.IsWhiteSpace) and takes a line that then starts with `::` (or the legacy `##[`)
 * as a workflow command. Returns the lines the runner would execute.
 */
const DOTNET_WHITESPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*/;
export function runnerCommands(output: string): string[] {
  return output
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(DOTNET_WHITESPACE, ''))
    .filter((line) => line.startsWith('::') || line.startsWith('##['));
}

/** GitHub renders with cmark-gfm; micromark with the GFM extension follows the same spec. Raw HTML is kept, as GitHub keeps (then filters) it. */
export function renderGfm(markdown: string): string {
  return micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
}

/** The text a reader sees: tags removed, entities decoded, zero-width spaces dropped. */
export function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\u200b/g, '');
}

export const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- the invisible characters text() shows as escapes
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** What GitHub would turn into a notification or a link after rendering. */
export const MENTION = /(^|[^\w\u200b])@[a-z0-9]/i;
export const REFERENCE = /(^|[^\w\u200b])#\d/;
export const AUTOLINK = /https?:\/\/|www\./i;

/** Tags the renderer produced; only these are zd-gate's own. */
export function tags(html: string): string[] {
  return [...html.matchAll(/<\/?([a-z0-9]+)/gi)].map((m) => (m[1] as string).toLowerCase());
}
