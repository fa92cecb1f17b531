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
];
