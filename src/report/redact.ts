/**
 * Credentials never leave the process. The hosts (the output boundary, see host.ts) pass every
 * string they write (log lines, annotations, outputs, the job summary) through one
 * {@link Redactor}, and the watch report file is written through it too, so an API server that
 * echoes a token back in an error body, or a server URL with a password in it, shows up as
 * `(redacted)` wherever it would have been printed or stored.
 *
 * Two kinds of redaction:
 * - **Registered secrets**: every credential zd-gate obtains (kubeconfig tokens, passwords and
 *   client keys, tokens from exec plugins and auth providers, the EKS token, AWS credentials, the
 *   GitHub token) is registered with {@link Redactor.add} the moment it is known, and every
 *   occurrence of it is replaced: as written, JSON-escaped, URL-encoded, and in the forms
 *   markdown.ts escapes it to. Only these values are registered (never a whole kubeconfig), and
 *   none shorter than {@link MIN_SECRET_LENGTH}, so ordinary words are never blanked.
 * - **Credential shapes**, whoever they belong to: URL userinfo (`https://admin:pass@host`), HTTP
 *   `Bearer`/`Basic` credentials, EKS tokens (`k8s-aws-v1.…`), the signature and session token of
 *   AWS presigned URLs, GitHub tokens, and JSON Web Tokens (service-account tokens).
 *
 * The patterns also match the forms markdown.ts writes (`\_` for `_`, a zero-width space in `://`).
 * Redaction never makes a text longer: a credential shorter than the marker becomes as many dots.
 * The marker has no meaning in any sink: plain text in the log, a string in JSON, literal text in
 * markdown (no emphasis, HTML or mention, and no brackets that could become a link with the text
 * after it).
 */

export const REDACTED = '(redacted)';
/** Shorter values are not secrets worth blanking every occurrence of (they would hide ordinary words). */
export const MIN_SECRET_LENGTH = 6;

/**
 * What replaces `length` characters: the marker, or as many dots when the marker would be longer,
 * so that redaction never makes a text longer (the GitHub surfaces are cut to their limits first).
 */
function mark(length: number): string {
  return length >= REDACTED.length ? REDACTED : '.'.repeat(length);
}

/** Credential shapes: a pattern whose group `secret` is replaced (the rest is kept). */
const SHAPES: readonly RegExp[] = [
  // URL userinfo: scheme://user:password@host (also as markdown.ts writes `://` with a zero-width space).
  /\b[a-z][a-z0-9+.-]*:\u200b?\/\/(?<secret>[^\s/?#@\u200b<>"'`]+)@/gi,
  // HTTP credentials in a header or a message (long enough to be a credential, not the word after "Bearer").
  /\b(?:Bearer|Basic)\s+(?<secret>[A-Za-z0-9\-._~+/\\]{16,}=*)/g,
  // EKS tokens: a presigned STS URL, base64url-encoded.
  /\b(?<secret>k8s-aws-v1\.[A-Za-z0-9_\\-]{16,})/g,
  // AWS presigned URLs (the EKS token decoded): the session token, the signature, the credential scope.
  /\bX-Amz-(?:Security-Token|Signature|Credential)=(?<secret>[^&\s"'<>`]+)/gi,
  // GitHub tokens (classic prefixes and fine-grained).
  /\b(?<secret>gh[pousr]\\?_[A-Za-z0-9]{30,}|github\\?_pat\\?_[A-Za-z0-9_\\]{30,})/g,
  // JSON Web Tokens (Kubernetes service-account and OIDC tokens).
  /\b(?<secret>eyJ[A-Za-z0-9_\\-]{8,}\.eyJ[A-Za-z0-9_\\-]{8,}\.[A-Za-z0-9_\\-]{8,})/g,
];

/** The secrets known so far, and what to replace them and credential shapes with. */
export class Redactor {
  private readonly secrets = new Set<string>();
  /** Every form of every secret, longest first (so a secret inside another is not half-replaced). */
  private forms: string[] = [];

  /**
   * Registers a credential. Returns the values newly registered (for the runner's `add-mask`):
   * the value itself, or for multi-line values (a PEM key) each line that carries key material.
   * Values shorter than {@link MIN_SECRET_LENGTH} and values already known return nothing.
   */
  add(secret: string): string[] {
    const values = /[\r\n]/.test(secret)
      ? secret
          .split(/\r?\n|\r/)
          .map((l) => l.trim())
          .filter((l) => !l.startsWith('-----'))
      : [secret.trim()];
    const added: string[] = [];
    for (const v of values) {
      if (v.length < MIN_SECRET_LENGTH || this.secrets.has(v)) continue;
      this.secrets.add(v);
      added.push(v);
    }
    if (added.length > 0) this.rebuild();
    return added;
  }

  /** The registered secrets (for the markdown forms: see markdown.ts `redactMarkdown`). */
  values(): readonly string[] {
    return [...this.secrets];
  }

  /**
   * `text` without registered secrets and credential shapes. `extraForms` adds other spellings of
   * each secret (markdown.ts passes its escaped forms).
   */
  redact(text: string, extraForms?: (secret: string) => readonly string[]): string {
    let out = text;
    const forms = extraForms ? this.formsWith(extraForms) : this.forms;
    for (const f of forms) if (out.includes(f)) out = out.split(f).join(mark(f.length));
    for (const re of SHAPES)
      out = out.replace(re, (match: string, ...args: unknown[]) => {
        const groups = args[args.length - 1] as { secret: string };
        const offset = match.lastIndexOf(groups.secret);
        return `${match.slice(0, offset)}${mark(groups.secret.length)}${match.slice(offset + groups.secret.length)}`;
      });
    return out;
  }

  private rebuild(): void {
    this.forms = this.formsWith(() => []);
  }

  private formsWith(extra: (secret: string) => readonly string[]): string[] {
    const all = new Set<string>();
    for (const s of this.secrets) {
      all.add(s);
      all.add(JSON.stringify(s).slice(1, -1));
      all.add(encodeURIComponent(s));
      for (const f of extra(s)) if (f.length >= MIN_SECRET_LENGTH) all.add(f);
    }
    return [...all].sort((a, b) => b.length - a.length);
  }
}
