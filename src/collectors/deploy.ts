// Deployment configuration: container files, platform configs, infrastructure as code and
// Kubernetes manifests, found by name and, for generic names, by content.
import { defineCollector } from '../core/collector.js';
import type { DeployConfigRef, RepoTree } from '../core/facts.js';
import { DEPLOY_CONFIGS, NOT_DEPLOY_FOLDERS } from '../knowledge/deploy-configs.js';
import { isFixturePath } from '../util/paths.js';

/** The deployment configuration this file is, if any. */
function deployConfigOf(path: string, tree: RepoTree): DeployConfigRef | null {
  if (isFixturePath(path) || NOT_DEPLOY_FOLDERS.test(path)) return null;
  for (const spec of DEPLOY_CONFIGS) {
    if (!spec.path.test(path)) continue;
    if (spec.content && !spec.content.test(tree.read(path) ?? '')) continue;
    return { path, target: spec.target, strength: spec.strength };
  }
  return null;
}

export const deployCollector = defineCollector({
  key: 'deploy',
  description: 'Deployment configuration: Dockerfiles, platform configs (Fly.io, Render, Vercel, …), infrastructure as code, Kubernetes',
  async collect(_ctx, get) {
    const tree = await get('tree');
    const configs = tree.files.map((file) => deployConfigOf(file.path, tree)).filter((config) => config !== null);
    return { configs };
  },
  metrics(fact) {
    return { deploy: { targets: [...new Set(fact.configs.map((config) => config.target))] } };
  },
});
