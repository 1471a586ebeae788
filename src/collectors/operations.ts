// Health checks and alerting configured outside the code: container, platform and orchestrator
// health probes, alert rules and uptime monitors kept as files.
import { defineCollector } from '../core/collector.js';
import type { OperationsFact, RepoTree, SiteRef } from '../core/facts.js';
import { ALERTING_CONFIGS, HEALTH_CHECK_CONFIGS } from '../knowledge/integrations/operations.js';
import { isFixturePath } from '../util/paths.js';

function scan(tree: RepoTree, rules: readonly { file: RegExp; pattern: RegExp; label: string }[]): SiteRef[] {
  const sites: SiteRef[] = [];
  for (const file of tree.files) {
    if (isFixturePath(file.path)) continue;
    const candidates = rules.filter((candidate) => candidate.file.test(file.path));
    if (candidates.length === 0) continue;
    const text = tree.read(file.path);
    if (text === null) continue;
    for (const rule of candidates) {
      const match = rule.pattern.exec(text);
      if (!match) continue;
      sites.push({ file: file.path, line: text.slice(0, match.index).split('\n').length + (match[0].startsWith('\n') ? 1 : 0), detail: rule.label });
      break;
    }
  }
  return sites;
}

function collectOperations(tree: RepoTree): OperationsFact {
  return { healthChecks: scan(tree, HEALTH_CHECK_CONFIGS), alerting: scan(tree, ALERTING_CONFIGS) };
}

export const operationsCollector = defineCollector({
  key: 'operations',
  description: 'Health checks and alerting configured in container, platform and monitoring files',
  async collect(_ctx, get) {
    return collectOperations(await get('tree'));
  },
});
