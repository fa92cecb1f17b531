/**
 * The only way case tables derive a variant from a shared fixture: like String.prototype.replace,
 * but a `from` that does not occur is an error. A variant whose edit stops matching (a fixture
 * changed under it) then fails loudly instead of silently testing the unchanged fixture.
 *
 *     edit(DEPLOYMENT_GOOD, 'replicas: 3', 'replicas: 1')
 *     edit(SERVICE_WEB, /web/g, 'web-canary')
 */
export function edit(
  text: string,
  from: string | RegExp,
  to: string | ((match: string, ...rest: any[]) => string),
): string {
  const found =
    typeof from === 'string' ? text.includes(from) : new RegExp(from.source, from.flags.replace('g', '')).test(text);
  if (!found) {
    const shown =
      typeof from === 'string' ? JSON.stringify(from.length > 80 ? `${from.slice(0, 77)}...` : from) : String(from);
    throw new Error(
      `edit(): ${shown} does not occur in the fixture, so this variant would test nothing; update the edit`,
    );
  }
  return typeof to === 'string' ? text.replace(from, to) : text.replace(from, to);
}
