// The one list of collectors. Each fact key in src/core/facts.ts has exactly one collector here.
import type { Collector } from '../core/collector.js';
import type { FactKey } from '../core/facts.js';
import { ciCollector } from './ci.js';
import { databaseCollector } from './database.js';
import { integrationsCollector } from './integrations.js';
import { operationsCollector } from './operations.js';
import { routesCollector } from './routes.js';
import { advisoriesCollector } from './deps/advisories.js';
import { installedCollector } from './deps/installed.js';
import { registryCollector } from './deps/registry.js';
import { codeCollector } from './code.js';
import { deployCollector } from './deploy.js';
import { docsCollector } from './docs.js';
import { envCollector } from './env.js';
import { gitCollector } from './git.js';
import { inventoryCollector } from './inventory.js';
import { lockfilesCollector } from './lockfiles.js';
import { manifestsCollector } from './manifests.js';
import { projectCollector } from './project.js';
import { testsCollector } from './tests.js';

export const collectors: readonly Collector[] = [
  inventoryCollector,
  gitCollector,
  manifestsCollector,
  lockfilesCollector,
  docsCollector,
  projectCollector,
  codeCollector,
  ciCollector,
  envCollector,
  testsCollector,
  deployCollector,
  installedCollector,
  registryCollector,
  advisoriesCollector,
  integrationsCollector,
  routesCollector,
  databaseCollector,
  operationsCollector,
];

export const collectorsByKey: ReadonlyMap<FactKey, Collector> = new Map(
  collectors.map((collector) => [collector.key, collector]),
);
