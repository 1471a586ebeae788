import { describe, expect, it } from 'vitest';
import { deployConfigCheck } from '../../../src/checks/delivery/deploy-config.js';
import type { ProjectFact } from '../../../src/core/facts.js';
import { runCheckOn } from '../../helpers/run-check.js';

const service: ProjectFact = { kind: 'service', evidence: ['depends on express'], private: true, name: 'api' };
const library: ProjectFact = { kind: 'library', evidence: ['not private, has exports'], private: false, name: 'lib' };
const run = (files: Record<string, string>, project: ProjectFact = service) => runCheckOn(deployConfigCheck, files, { facts: { project } });

describe('delivery.deploy-config', () => {
  it.each([
    ['a Dockerfile', { Dockerfile: 'FROM node:22' }, 'Dockerfile (Docker image)'],
    ['a Containerfile in a service folder', { 'services/api/Containerfile': 'FROM node:22' }, 'services/api/Containerfile (Docker image)'],
    ['Dockerfile.prod', { 'Dockerfile.prod': 'FROM node:22' }, 'Dockerfile.prod (Docker image)'],
    ['fly.toml', { 'fly.toml': 'app = "x"' }, 'fly.toml (Fly.io)'],
    ['render.yaml', { 'render.yaml': 'services: []' }, 'render.yaml (Render)'],
    ['vercel.json', { 'vercel.json': '{}' }, 'vercel.json (Vercel)'],
    ['netlify.toml', { 'netlify.toml': '[build]' }, 'netlify.toml (Netlify)'],
    ['a Procfile', { Procfile: 'web: node server.js' }, 'Procfile (Heroku)'],
    ['an App Engine app.yaml', { 'app.yaml': 'runtime: nodejs22\n' }, 'app.yaml (Google App Engine)'],
    ['railway.toml', { 'railway.toml': '[deploy]' }, 'railway.toml (Railway)'],
    ['serverless.yml', { 'serverless.yml': 'service: x' }, 'serverless.yml (Serverless Framework)'],
    ['a Kubernetes Deployment', { 'k8s/api.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n' }, 'k8s/api.yaml (Kubernetes manifest)'],
    ['a Helm chart', { 'charts/api/Chart.yaml': 'apiVersion: v2\nname: api' }, 'charts/api/Chart.yaml (Helm chart)'],
    ['.platform.app.yaml', { '.platform.app.yaml': 'name: app' }, '.platform.app.yaml (Platform.sh)'],
    ['amplify.yml', { 'amplify.yml': 'version: 1' }, 'amplify.yml (AWS Amplify)'],
    ['wrangler.toml', { 'wrangler.toml': 'name = "w"' }, 'wrangler.toml (Cloudflare Workers)'],
    ['sst.config.ts', { 'sst.config.ts': 'export default {}' }, 'sst.config.ts (SST)'],
    ['cdk.json', { 'cdk.json': '{"app":"npx ts-node bin/app.ts"}' }, 'cdk.json (AWS CDK)'],
    ['Terraform', { 'infra/main.tf': 'resource "aws_ecs_service" "api" {}' }, 'infra/main.tf (Terraform)'],
    ['a .replit with a deployment section', { '.replit': 'run = "npm run dev"\n\n[deployment]\ndeploymentTarget = "autoscale"\nrun = ["npm", "run", "start"]\n' }, '.replit (Replit Deployments)'],
    ['a deploy script that copies the build to a server', { 'deploy.sh': '#!/bin/sh\nset -e\nnpm run build\nrsync -az dist/ deploy@example.invalid:/srv/app/\n' }, 'deploy.sh (deploy script)'],
    [
      'a CI step that deploys',
      { '.github/workflows/deploy.yml': 'on: push\njobs:\n  d:\n    steps:\n      - uses: superfly/flyctl-actions/setup-flyctl@master\n      - run: flyctl deploy --remote-only\n' },
      '.github/workflows/deploy.yml:6: deploys to Fly.io (flyctl deploy --remote-only)',
    ],
  ])('passes with %s', async (_name, files, evidence) => {
    const result = await run(files);
    expect(result.status).toBe('pass');
    expect(result.evidence[0]).toBe(evidence);
  });

  it('treats a development Dockerfile like docker-compose', async () => {
    const result = await run({ 'Dockerfile.dev': 'FROM node:22', 'docker/test.Dockerfile': 'FROM node:22' });
    expect(result.status).toBe('partial');
    expect(result.evidence).toEqual(['Dockerfile.dev (development container)', 'docker/test.Dockerfile (development container)']);
  });

  it('gives half credit to docker-compose alone, with a low finding', async () => {
    const result = await run({ 'docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n' });
    expect(result.status).toBe('partial');
    expect(result.score).toBe(0.5);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ severity: 'low', location: { file: 'docker-compose.yml' } });
  });

  it.each([
    ['nothing', { 'src/index.ts': 'listen()' }],
    ['a dev container only', { '.devcontainer/Dockerfile': 'FROM node:22', '.devcontainer/devcontainer.json': '{}' }],
    ['a Dockerfile in a test fixture', { 'test/fixtures/app/Dockerfile': 'FROM node:22' }],
    ['a YAML file that is not a manifest', { 'config/app.yaml': 'name: x\nkind: settings\n' }],
    ['an Expo app.json', { 'app.json': '{"expo":{"name":"x"}}' }],
    ['a .replit without a deployment section', { '.replit': 'run = "npm run dev"\nmodules = ["nodejs-20"]\n' }],
    ['a deploy script that only builds (the copy is commented out)', { 'scripts/deploy-local.sh': '#!/bin/sh\nnpm run build\n# scp -r dist/ me@host:/srv\n' }],
    ['a CI workflow that only tests', { '.github/workflows/ci.yml': 'on: push\njobs:\n  t:\n    steps:\n      - run: npm test\n' }],
  ])('fails with %s', async (_name, files) => {
    const result = await run(files);
    expect(result.status).toBe('fail');
    expect(result.findings.map((finding) => finding.location)).toEqual([null]);
  });

  it('is not applicable to a library, even with a Dockerfile, and says why', async () => {
    const result = await run({ Dockerfile: 'FROM node:22' }, library);
    expect(result.status).toBe('na');
    expect(result.reason).toMatch(/library: it is published as a package/);
    expect(result.evidence).toEqual(['Dockerfile (Docker image)']);
  });

  it('is not applicable to a monorepo of libraries only', async () => {
    const monorepo: ProjectFact = {
      kind: 'monorepo',
      evidence: [],
      private: true,
      name: null,
      packages: [
        { dir: 'packages/a', name: 'a', kind: 'library', evidence: [] },
        { dir: 'packages/cli', name: 'cli', kind: 'cli', evidence: [] },
      ],
    };
    expect((await run({}, monorepo)).status).toBe('na');
  });
});
