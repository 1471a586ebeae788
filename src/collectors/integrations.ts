// Which known integrations (src/knowledge/integrations) a repository has: declared in a manifest,
// imported by non-test code, and initialised by a call the knowledge recognises. The difference
// matters: an SDK installed but never initialised reports nothing.
import type { ImportsExtract } from '../analysis/extractors/imports.js';
import type { ModuleCall, SdkInitsExtract } from '../analysis/extractors/sdk-inits.js';
import { defineCollector } from '../core/collector.js';
import type { CodeFact, IntegrationPresence, IntegrationsFact, ManifestsFact, ParsedFile } from '../core/facts.js';
import { integrations, matchesModule, type Integration } from '../knowledge/integrations/index.js';
import { isProductionCode } from './production-code.js';

function declaredIn(integration: Integration, manifests: ManifestsFact): IntegrationPresence['declared'] {
  const declared: IntegrationPresence['declared'] = [];
  for (const manifest of manifests.all) {
    const sections = [
      [manifest.dependencies, false],
      [manifest.optionalDependencies, false],
      [manifest.devDependencies, true],
    ] as const;
    for (const [section, dev] of sections) {
      for (const name of Object.keys(section)) {
        if (integration.enablers.some((enabler) => matchesModule(name, enabler))) declared.push({ manifest: manifest.path, name, dev });
      }
    }
  }
  return declared;
}

function initMatches(integration: Integration, call: ModuleCall): boolean {
  return (integration.evidence.initCalls ?? []).some(
    (init) =>
      matchesModule(call.module, init.module) &&
      (init.name === call.name || init.name === call.member) &&
      (init.construct === undefined || init.construct === call.construct),
  );
}

type Sites = Pick<IntegrationPresence, 'imports' | 'inits'>;

/** Imports of the integration in one file, and the side-effect imports that start it (`import 'dd-trace/init'`). */
function importSites(integration: Integration, file: ParsedFile, sites: Sites): void {
  const patterns = integration.evidence.imports ?? integration.enablers;
  const names = integration.evidence.importNames;
  for (const record of (file.extracts.imports as ImportsExtract | undefined)?.imports ?? []) {
    if (record.typeOnly || !patterns.some((pattern) => matchesModule(record.specifier, pattern))) continue;
    if (names && !record.names.some((name) => names.includes(name))) continue;
    sites.imports.push({ file: file.path, line: record.line, detail: `imports ${record.specifier}` });
    if ((integration.evidence.initImports ?? []).includes(record.specifier)) {
      sites.inits.push({ file: file.path, line: record.line, detail: `loads ${record.specifier}`, optionKeys: [], envOptions: [], literalOptions: [], optionsReadable: true });
    }
  }
}

function initSites(integration: Integration, file: ParsedFile, sites: Sites): void {
  for (const call of (file.extracts['sdk-inits'] as SdkInitsExtract | undefined)?.calls ?? []) {
    if (!initMatches(integration, call)) continue;
    const callee = `${call.construct ? 'new ' : ''}${call.name === 'default' ? call.module : call.name}${call.member ? `.${call.member}` : ''}()`;
    sites.inits.push({
      file: file.path,
      line: call.line,
      detail: `${callee} from ${call.module}`,
      optionKeys: call.optionKeys,
      envOptions: call.envOptions,
      literalOptions: call.literalOptions,
      optionsReadable: call.optionsReadable,
    });
  }
}

function presenceOf(integration: Integration, manifests: ManifestsFact, production: readonly ParsedFile[]): IntegrationPresence {
  const presence: IntegrationPresence = {
    id: integration.id,
    title: integration.title,
    category: integration.category,
    declared: declaredIn(integration, manifests),
    imports: [],
    inits: [],
  };
  for (const file of production) {
    importSites(integration, file, presence);
    initSites(integration, file, presence);
  }
  return presence;
}

export function findIntegrations(manifests: ManifestsFact, code: CodeFact): IntegrationsFact {
  const production = code.files.filter(isProductionCode);
  const found = integrations
    .map((integration) => presenceOf(integration, manifests, production))
    .filter((presence) => presence.declared.length > 0 || presence.imports.length > 0);
  const processHandlers = production.flatMap((file) =>
    ((file.extracts['sdk-inits'] as SdkInitsExtract | undefined)?.processHandlers ?? []).map((handler) => ({
      file: file.path,
      line: handler.line,
      event: handler.event,
      closes: handler.closes,
      detail: `process.on('${handler.event}')`,
    })),
  );
  return { found, processHandlers };
}

export const integrationsCollector = defineCollector({
  key: 'integrations',
  description: 'Databases, ORMs, error tracking, logging, metrics, health and validation libraries: declared, imported and initialised',
  async collect(_ctx, get) {
    const [manifests, code] = await Promise.all([get('manifests'), get('code')]);
    return findIntegrations(manifests, code);
  },
  metrics(fact) {
    return {
      integrations: Object.fromEntries(
        fact.found.map((presence) => [presence.id, { declared: presence.declared.length > 0, imported: presence.imports.length > 0, initialised: presence.inits.length > 0 }]),
      ),
    };
  },
});
