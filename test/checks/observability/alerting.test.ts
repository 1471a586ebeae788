import { describe, it } from 'vitest';
import { alertingCheck } from '../../../src/checks/observability/alerting.js';
import { expectCase, LIBRARY, manifest, type Case } from '../data/apps.js';

const service = (files: Record<string, string>) => ({ 'package.json': manifest({ express: '^4.19.0' }), ...files });

const cases: Case[] = [
  { name: 'Prometheus alert rules', files: service({ 'ops/alerts.yml': 'groups:\n  - name: api\n    rules:\n      - alert: HighErrorRate\n        expr: rate(http_errors[5m]) > 0.05\n' }), status: 'pass', says: ['ops/alerts.yml:4: Prometheus alert rule'] },
  { name: 'Terraform Datadog monitor', files: service({ 'infra/monitors.tf': 'resource "datadog_monitor" "errors" {\n  name = "errors"\n}\n' }), status: 'pass' },
  { name: 'Checkly config', files: service({ 'checkly.config.ts': "export default { projectName: 'api' };\n" }), status: 'pass' },
  { name: 'scheduled uptime probe in GitHub Actions', files: service({ '.github/workflows/uptime.yml': "on:\n  schedule:\n    - cron: '*/10 * * * *'\njobs:\n  ping:\n    runs-on: ubuntu-latest\n    steps:\n      - run: curl -fsS https://api.example.com/health\n" }), status: 'pass' },
  { name: 'a scheduled workflow that runs tests is not an uptime probe', files: service({ '.github/workflows/nightly.yml': "on:\n  schedule:\n    - cron: '0 0 * * *'\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n" }), status: 'unknown' },
  { name: 'nothing as code: unknown, with what to verify', files: service({ 'src/app.ts': 'export {};\n' }), status: 'unknown', says: ['Verify by hand', 'uptime monitor'] },
  { name: 'a library', files: LIBRARY, status: 'na' },
];

describe('observability.alerting', () => {
  it.each(cases)('$name', (testCase) => expectCase(alertingCheck, testCase).then(() => undefined));
});
