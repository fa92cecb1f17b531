import { AppsV1Api, CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { kubeconfigPath } from './cluster.js';

/** A KubeConfig for the e2e cluster. */
export function loadKubeConfig(): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfigPath());
  return kc;
}

export interface Clients {
  kc: KubeConfig;
  core: CoreV1Api;
  apps: AppsV1Api;
}

export function clients(): Clients {
  const kc = loadKubeConfig();
  return { kc, core: kc.makeApiClient(CoreV1Api), apps: kc.makeApiClient(AppsV1Api) };
}
