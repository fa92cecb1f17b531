/**
 * Which target groups front a Deployment: TargetGroupBindings (elbv2.k8s.aws/v1beta1) whose
 * serviceRef names a Service in the same namespace that selects the Deployment's pods, with the
 * serviceRef port matched by number or by name. Pure; the adapters list the objects.
 */
import { serviceSelects } from '../graph/selectors.js';
import type { Deployment, IntOrString } from '../rollout/types.js';

export interface ServiceJson {
  readonly metadata?: { readonly name?: string };
  readonly spec?: {
    readonly selector?: Readonly<Record<string, string>>;
    readonly ports?: readonly { readonly name?: string; readonly port?: number; readonly targetPort?: IntOrString }[];
  };
}

export interface TargetGroupBindingJson {
  readonly metadata?: { readonly name?: string };
  readonly spec?: {
    readonly targetGroupARN?: string;
    readonly targetType?: string;
    readonly multiClusterTargetGroup?: boolean;
    readonly serviceRef?: { readonly name?: string; readonly port?: IntOrString };
  };
}

export interface BoundTargetGroup {
  readonly arn: string;
  readonly binding: string;
  readonly service: string;
  readonly servicePort: IntOrString;
  /** The Service targetPort: a number or a container port name. */
  readonly targetPort: IntOrString;
  /** spec.targetType when set (the controller's webhook fills it in from AWS). */
  readonly targetType: string | undefined;
}

export interface Discovery {
  readonly bound: readonly BoundTargetGroup[];
  /** Things worth telling the user (a binding whose port is not on its Service, ...). */
  readonly notes: readonly string[];
}

/** A Service selects the Deployment's pods when its non-empty selector is a subset of the pod template labels. */
export function selectsPods(service: ServiceJson, deployment: Deployment): boolean {
  return serviceSelects(service.spec?.selector ?? {}, deployment.spec?.template?.metadata?.labels ?? {});
}

export function discoverTargetGroups(
  deployment: Deployment,
  services: readonly ServiceJson[],
  bindings: readonly TargetGroupBindingJson[],
): Discovery {
  const notes: string[] = [];
  const selecting = new Map<string, ServiceJson>();
  for (const s of services) if (s.metadata?.name && selectsPods(s, deployment)) selecting.set(s.metadata.name, s);
  const bound: BoundTargetGroup[] = [];
  for (const b of bindings) {
    const serviceName = b.spec?.serviceRef?.name;
    const arn = b.spec?.targetGroupARN;
    const name = b.metadata?.name ?? '?';
    if (!serviceName || !selecting.has(serviceName)) continue;
    if (!arn) {
      notes.push(`TargetGroupBinding ${name} has no spec.targetGroupARN yet; skipped`);
      continue;
    }
    const service = selecting.get(serviceName) as ServiceJson;
    const ref = b.spec?.serviceRef?.port;
    const port = (service.spec?.ports ?? []).find((p) =>
      typeof ref === 'number'
        ? p.port === ref
        : p.name === ref || (ref !== undefined && /^\d+$/.test(ref) && p.port === Number(ref)),
    );
    if (!port || port.port === undefined) {
      notes.push(
        `TargetGroupBinding ${name} refers to port ${String(ref)} which Service ${serviceName} does not expose; skipped`,
      );
      continue;
    }
    bound.push({
      arn,
      binding: name,
      service: serviceName,
      servicePort: ref ?? port.port,
      // Kubernetes defaults targetPort to the port number.
      targetPort: port.targetPort ?? port.port,
      targetType: b.spec?.targetType,
    });
  }
  return { bound, notes };
}

/** `targetgroup/k8s-demo-web-1a2b3c4d5e/0123456789abcdef` → `k8s-demo-web-1a2b3c4d5e`. */
export function targetGroupName(arn: string): string {
  const m = /:targetgroup\/([^/]+)\//.exec(arn);
  return m?.[1] ?? arn;
}
