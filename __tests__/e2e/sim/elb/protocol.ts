/**
 * The AWS Query protocol as ELBv2 (API version 2015-12-01) speaks it: form-encoded POST bodies
 * (`Action=...&Version=2015-12-01&TargetGroupArns.member.1=...`), XML responses wrapped in
 * `<{Action}Response><{Action}Result>` with `<ResponseMetadata><RequestId>`, and errors as
 * `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`
 * (Sender for 4xx, Receiver for 5xx) with the matching HTTP status.
 */

export const API_VERSION = '2015-12-01';
export const XMLNS = 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/';

/** A service error with its wire code, HTTP status and message. */
export class ElbError extends Error {
  readonly code: string;
  readonly status: number;

  constructor(code: string, status: number, message: string) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

/** The errors the simulator returns, with the codes, statuses and messages AWS uses. */
export const Errors = {
  throttling: () => new ElbError('Throttling', 400, 'Rate exceeded'),
  targetGroupNotFound: (arns?: string[]) =>
    new ElbError(
      'TargetGroupNotFound',
      400,
      arns && arns.length > 0
        ? `Target groups '${arns.join("', '")}' not found`
        : 'One or more target groups not found',
    ),
  loadBalancerNotFound: () => new ElbError('LoadBalancerNotFound', 400, 'One or more load balancers not found'),
  listenerNotFound: () => new ElbError('ListenerNotFound', 400, 'One or more listeners not found'),
  accessDenied: (principal: string, action: string, resource?: string) =>
    new ElbError(
      'AccessDenied',
      403,
      `User: ${principal} is not authorized to perform: elasticloadbalancing:${action}` +
        (resource ? ` on resource: ${resource}` : '') +
        ` because no identity-based policy allows the elasticloadbalancing:${action} action`,
    ),
  invalidTarget: (ids: string[]) =>
    new ElbError('InvalidTarget', 400, `The following targets are not valid target IDs: '${ids.join("', '")}'`),
  validation: (message: string) => new ElbError('ValidationError', 400, message),
  invalidAction: (action: string) =>
    new ElbError('InvalidAction', 400, `The action ${action} is not valid for this web service.`),
  missingAction: () => new ElbError('MissingAction', 400, 'The request must contain the parameter Action.'),
  missingAuth: () => new ElbError('MissingAuthenticationToken', 403, 'Request is missing Authentication Token'),
  serviceUnavailable: () =>
    new ElbError('ServiceUnavailable', 503, 'The request has failed due to a temporary failure of the server.'),
  internalFailure: () =>
    new ElbError(
      'InternalFailure',
      500,
      'The request processing has failed because of an unknown error, exception or failure.',
    ),
  duplicateTargetGroupName: () =>
    new ElbError(
      'DuplicateTargetGroupName',
      400,
      'A target group with the same name exists, but with different settings',
    ),
} as const;

export type ServerErrorCode = 'ServiceUnavailable' | 'InternalFailure';

export function serverError(code: ServerErrorCode): ElbError {
  return code === 'ServiceUnavailable' ? Errors.serviceUnavailable() : Errors.internalFailure();
}

/** Query parameters of one request, with the list and structure helpers the Query protocol needs. */
export class QueryParams {
  private readonly params: URLSearchParams;

  constructor(body: string) {
    this.params = new URLSearchParams(body);
  }

  get(name: string): string | undefined {
    return this.params.get(name) ?? undefined;
  }

  /** `Name.member.1`, `Name.member.2`, ... in index order. */
  list(prefix: string): string[] {
    return this.indexed(prefix).map(([, v]) => v);
  }

  /** `Targets.member.1.Id`, `Targets.member.1.Port`, ... as one record per index. */
  structList(prefix: string): Array<Record<string, string>> {
    const byIndex = new Map<number, Record<string, string>>();
    const re = new RegExp(`^${escapeRe(prefix)}\\.member\\.(\\d+)\\.(.+)$`);
    for (const [k, v] of this.params) {
      const m = re.exec(k);
      if (!m) continue;
      const i = Number(m[1]);
      const rec = byIndex.get(i) ?? {};
      rec[m[2]!] = v;
      byIndex.set(i, rec);
    }
    return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r);
  }

  private indexed(prefix: string): Array<[number, string]> {
    const re = new RegExp(`^${escapeRe(prefix)}\\.member\\.(\\d+)$`);
    const out: Array<[number, string]> = [];
    for (const [k, v] of this.params) {
      const m = re.exec(k);
      if (m) out.push([Number(m[1]), v]);
    }
    return out.sort((a, b) => a[0] - b[0]);
  }
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A value the XML writer understands: arrays become `<member>` lists, undefined is left out. */
export type XmlValue = string | number | boolean | undefined | XmlValue[] | { [key: string]: XmlValue };

export function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function toXml(value: XmlValue): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => `<member>${toXml(v)}</member>`).join('');
  if (typeof value === 'object') {
    return Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `<${k}>${toXml(v)}</${k}>`)
      .join('');
  }
  return escapeXml(String(value));
}

export function successXml(action: string, result: { [key: string]: XmlValue }, requestId: string): string {
  return (
    `<${action}Response xmlns="${XMLNS}">` +
    `<${action}Result>${toXml(result)}</${action}Result>` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>` +
    `</${action}Response>`
  );
}

export function errorXml(err: ElbError, requestId: string): string {
  const type = err.status >= 500 ? 'Receiver' : 'Sender';
  return (
    `<ErrorResponse xmlns="${XMLNS}">` +
    `<Error><Type>${type}</Type><Code>${escapeXml(err.code)}</Code><Message>${escapeXml(err.message)}</Message></Error>` +
    `<RequestId>${requestId}</RequestId>` +
    `</ErrorResponse>`
  );
}

/** The access key id from a SigV4 `Authorization` header, or undefined when there is none. */
export function accessKeyFromAuthorization(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /Credential=([^/,\s]+)\//.exec(header);
  return m?.[1];
}

/** Opaque paging markers, as AWS hands them out. */
export function encodeMarker(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64');
}

export function decodeMarker(marker: string | undefined): number {
  if (marker === undefined) return 0;
  try {
    const v = JSON.parse(Buffer.from(marker, 'base64').toString('utf8')) as { o?: unknown };
    if (typeof v.o === 'number' && Number.isInteger(v.o) && v.o >= 0) return v.o;
  } catch {
    // fall through
  }
  throw Errors.validation('Invalid value for Marker');
}

/** PageSize validation (1-400, as the API documents). */
export function pageSize(raw: string | undefined, max = 400): number {
  if (raw === undefined) return max;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw Errors.validation(
      `1 validation error detected: Value '${raw}' at 'pageSize' failed to satisfy constraint: Member must have value between 1 and ${max}`,
    );
  }
  return n;
}
