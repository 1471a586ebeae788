// observability.alerting: alerts reach a person; only visible when rules or monitors live in the repository.
import { defineCheck } from '../../core/check.js';
import { servesRequests } from './serves-requests.js';

export const alertingCheck = defineCheck({
  id: 'observability.alerting',
  area: 'observability',
  title: 'Alerts and uptime monitors are defined as code',
  failureTitle: 'No alerting visible in the repository',
  rationale:
    'Error tracking and metrics only help if someone is told when they go red. Alert rules decide what ' +
    'wakes a person (error-rate spike, health check failing, queue growing) and where the message goes. ' +
    'Kept as code they are reviewed and survive a change of dashboard owner; configured only in a web ' +
    'console they cannot be seen from here, so this check then asks you to verify them by hand.',
  remediation:
    'Define at least: an uptime monitor on the health endpoint (Checkly, Better Stack, UptimeRobot, or a ' +
    'scheduled workflow that curls it), an alert on new or spiking errors in your error tracker, and an ' +
    'error-rate/latency alert on your metrics, each routed to a channel someone watches (Slack, e-mail, ' +
    'PagerDuty). Prefer keeping them as code (Terraform, Prometheus rules, checkly.config.ts).',
  severity: 'medium',
  weight: 1,
  effortMinutes: 60,
  requires: ['project', 'routes', 'operations'],
  run({ project, routes, operations }) {
    const serving = servesRequests(project, routes);
    if (!serving.applies) return { status: 'na', evidence: [], reason: serving.reason };
    if (operations.alerting.length > 0) return { status: 'pass', evidence: operations.alerting.map((site) => `${site.file}:${site.line}: ${site.detail}`) };
    return {
      status: 'unknown',
      evidence: ['no alert rules or uptime monitors kept as code'],
      reason:
        'alerting is usually configured in a vendor console, which cannot be seen from the repository. Verify by hand: ' +
        'an uptime monitor calls the health endpoint; the error tracker alerts on new and spiking errors; ' +
        'alerts go to a channel a person watches (Slack, e-mail, PagerDuty); someone received a test alert',
    };
  },
});
