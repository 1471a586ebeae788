// Every integration shipshape knows, one list. Adding one is a new entry in its family's module.
import { databaseIntegrations } from './databases.js';
import { errorTrackingIntegrations } from './error-tracking.js';
import { healthIntegrations } from './health.js';
import { loggingIntegrations } from './logging.js';
import { metricsIntegrations } from './metrics.js';
import type { Integration, IntegrationCategory } from './types.js';
import { validationIntegrations } from './validation.js';

export const integrations: readonly Integration[] = [
  ...databaseIntegrations,
  ...errorTrackingIntegrations,
  ...loggingIntegrations,
  ...metricsIntegrations,
  ...healthIntegrations,
  ...validationIntegrations,
];

export function integrationsIn(...categories: IntegrationCategory[]): Integration[] {
  return integrations.filter((integration) => categories.includes(integration.category));
}

export { matchesModule } from './types.js';
export type { InitCall, Integration, IntegrationCategory } from './types.js';
