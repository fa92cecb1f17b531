/**
 * A loopback ELBv2 endpoint speaking the Query protocol (form-encoded POST, XML answers) for
 * DescribeTargetGroups and DescribeTargetHealth, enough for the real SDK client pointed at it with
 * AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2. Faults are scripted per call.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeTarget {
  id: string;
  port: number;
  state: string;
  reason?: string;
  description?: string;
}

export interface FakeTargetGroup {
  arn: string;
  name: string;
  targetType: 'ip' | 'instance';
  targets: FakeTarget[];
}

export type Fault = { code: string; status: number; message: string };

export class FakeElb {
  private server: Server | undefined;
  readonly groups = new Map<string, FakeTargetGroup>();
  /** Every request: action and target group. */
  readonly calls: { action: string; arn: string | undefined; at: number }[] = [];
  /** Faults to answer with, in order, before answering normally. */
  readonly faults: Fault[] = [];
  /** Per-ARN permanent faults. */
  readonly denied = new Map<string, Fault>();
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  add(group: FakeTargetGroup): void {
    this.groups.set(group.arn, group);
  }

  static throttling(): Fault {
    return { code: 'Throttling', status: 400, message: 'Rate exceeded' };
  }

  static accessDenied(action: string): Fault {
    return {
      code: 'AccessDenied',
      status: 403,
      message: `User: arn:aws:sts::111111111111:assumed-role/ci/gh is not authorized to perform: elasticloadbalancing:${action}`,
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of req) body += chunk;
    const params = new URLSearchParams(body);
    const action = params.get('Action') ?? '';
    const arn = params.get('TargetGroupArn') ?? params.get('TargetGroupArns.member.1') ?? undefined;
    this.calls.push({ action, arn, at: Date.now() });
    const fault = this.faults.shift() ?? (arn ? this.denied.get(arn) : undefined);
    if (fault) return this.error(res, fault);
    if (action === 'DescribeTargetHealth') {
      const g = arn ? this.groups.get(arn) : undefined;
      if (!g)
        return this.error(res, {
          code: 'TargetGroupNotFound',
          status: 400,
          message: `One or more target groups not found`,
        });
      const members = g.targets
        .map(
          (t) =>
            `<member><Target><Id>${t.id}</Id><Port>${t.port}</Port></Target><HealthCheckPort>${t.port}</HealthCheckPort><TargetHealth><State>${t.state}</State>${t.reason ? `<Reason>${t.reason}</Reason>` : ''}${t.description ? `<Description>${escape(t.description)}</Description>` : ''}</TargetHealth></member>`,
        )
        .join('');
      return this.ok(res, action, `<TargetHealthDescriptions>${members}</TargetHealthDescriptions>`);
    }
    if (action === 'DescribeTargetGroups') {
      const arns = [...params.entries()].filter(([k]) => k.startsWith('TargetGroupArns.member.')).map(([, v]) => v);
      const missing = arns.filter((a) => !this.groups.has(a));
      if (missing.length > 0)
        return this.error(res, {
          code: 'TargetGroupNotFound',
          status: 400,
          message: `One or more target groups not found`,
        });
      const members = arns
        .map((a) => this.groups.get(a) as FakeTargetGroup)
        .map(
          (g) =>
            `<member><TargetGroupArn>${g.arn}</TargetGroupArn><TargetGroupName>${g.name}</TargetGroupName><Protocol>HTTP</Protocol><Port>80</Port><TargetType>${g.targetType}</TargetType><HealthCheckProtocol>HTTP</HealthCheckProtocol><HealthCheckPort>traffic-port</HealthCheckPort><HealthCheckPath>/healthz</HealthCheckPath><HealthCheckIntervalSeconds>15</HealthCheckIntervalSeconds><HealthyThresholdCount>2</HealthyThresholdCount><Matcher><HttpCode>200</HttpCode></Matcher><LoadBalancerArns><member>arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/demo/1</member></LoadBalancerArns></member>`,
        )
        .join('');
      return this.ok(res, action, `<TargetGroups>${members}</TargetGroups>`);
    }
    return this.error(res, { code: 'InvalidAction', status: 400, message: `unsupported action ${action}` });
  }

  private ok(res: ServerResponse, action: string, result: string): void {
    res.writeHead(200, { 'content-type': 'text/xml' });
    res.end(
      `<${action}Response xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></${action}Response>`,
    );
  }

  private error(res: ServerResponse, f: Fault): void {
    res.writeHead(f.status, { 'content-type': 'text/xml' });
    res.end(
      `<ErrorResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/"><Error><Type>Sender</Type><Code>${f.code}</Code><Message>${escape(f.message)}</Message></Error><RequestId>req-1</RequestId></ErrorResponse>`,
    );
  }
}

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
