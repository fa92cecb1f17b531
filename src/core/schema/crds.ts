/**
 * The custom resources zd-gate reads have no schema in the Kubernetes OpenAPI document. These
 * definitions type only the fields zd-gate reads (same format as k8s.generated.ts); `'*': 'any'`
 * marks an open object, whose other keys are not checked. The pod template of a Rollout is a
 * core/v1 PodTemplateSpec: Argo Rollouts decodes it into that type to create ReplicaSets.
 *
 * Sources: apis/elbv2/v1beta1/targetgroupbinding_types.go and ingressclassparams_types.go of
 * kubernetes-sigs/aws-load-balancer-controller; pkg/apis/rollouts/v1alpha1/types.go of
 * argoproj/argo-rollouts.
 */
import type { SchemaData } from './types.js';

export const CRD_SCHEMA: SchemaData = {
  roots: {
    'elbv2.k8s.aws/v1beta1/TargetGroupBinding': 'elbv2.v1beta1.TargetGroupBinding',
    'elbv2.k8s.aws/v1beta1/IngressClassParams': 'elbv2.v1beta1.IngressClassParams',
    'argoproj.io/v1alpha1/Rollout': 'argoproj.v1alpha1.Rollout',
  },
  defs: {
    'elbv2.v1beta1.TargetGroupBinding': {
      '*': 'any',
      metadata: 'meta.v1.ObjectMeta',
      spec: 'elbv2.v1beta1.TargetGroupBindingSpec',
    },
    'elbv2.v1beta1.TargetGroupBindingSpec': {
      '*': 'any',
      serviceRef: 'elbv2.v1beta1.ServiceReference',
      targetGroupARN: 'str',
      targetGroupName: 'str',
      targetGroupProtocol: 'str',
      targetType: 'str',
    },
    'elbv2.v1beta1.ServiceReference': { '*': 'any', name: 'str', port: 'ios' },
    'elbv2.v1beta1.IngressClassParams': {
      '*': 'any',
      metadata: 'meta.v1.ObjectMeta',
      spec: 'elbv2.v1beta1.IngressClassParamsSpec',
    },
    'elbv2.v1beta1.IngressClassParamsSpec': { '*': 'any', targetType: 'str' },
    'argoproj.v1alpha1.Rollout': { '*': 'any', metadata: 'meta.v1.ObjectMeta', spec: 'argoproj.v1alpha1.RolloutSpec' },
    'argoproj.v1alpha1.RolloutSpec': {
      '*': 'any',
      replicas: 'i32',
      selector: 'meta.v1.LabelSelector',
      strategy: 'argoproj.v1alpha1.RolloutStrategy',
      template: 'core.v1.PodTemplateSpec',
    },
    'argoproj.v1alpha1.RolloutStrategy': {
      '*': 'any',
      blueGreen: 'argoproj.v1alpha1.BlueGreenStrategy',
      canary: 'argoproj.v1alpha1.CanaryStrategy',
    },
    'argoproj.v1alpha1.BlueGreenStrategy': { '*': 'any', activeService: 'str', previewService: 'str' },
    'argoproj.v1alpha1.CanaryStrategy': {
      '*': 'any',
      canaryService: 'str',
      stableService: 'str',
      trafficRouting: 'argoproj.v1alpha1.RolloutTrafficRouting',
    },
    'argoproj.v1alpha1.RolloutTrafficRouting': { '*': 'any', alb: 'argoproj.v1alpha1.ALBTrafficRouting' },
    'argoproj.v1alpha1.ALBTrafficRouting': {
      '*': 'any',
      ingress: 'str',
      ingresses: { a: 'str' },
      rootService: 'str',
      servicePort: 'i32',
    },
  },
};
