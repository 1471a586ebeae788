import { describe, expect, it } from 'vitest';
import { collectManifests } from '../../src/collectors/manifests.js';
import { detectProject } from '../../src/collectors/project.js';
import { memoryTree } from '../helpers/memory-tree.js';

const pkg = (fields: Record<string, unknown>) => JSON.stringify({ name: 'acme', version: '1.0.0', ...fields });

function projectOf(files: Record<string, string>) {
  const tree = memoryTree(files);
  return detectProject(tree, collectManifests(tree));
}

const cases: { name: string; files: Record<string, string>; kind: string; evidence?: RegExp }[] = [
  { name: 'Express app from npm init', files: { 'package.json': pkg({ main: 'index.js', dependencies: { express: '^4.21.0' } }) }, kind: 'service', evidence: /depends on express \(server framework\)/ },
  { name: 'private Fastify service', files: { 'package.json': pkg({ private: true, dependencies: { fastify: '^5.0.0' } }) }, kind: 'service' },
  { name: 'NestJS service', files: { 'package.json': pkg({ private: true, dependencies: { '@nestjs/core': '^11.0.0' } }) }, kind: 'service' },
  { name: 'Hono on Node', files: { 'package.json': pkg({ private: true, dependencies: { hono: '^4', '@hono/node-server': '^1' } }) }, kind: 'service' },
  { name: 'Next.js app with API routes', files: { 'package.json': pkg({ private: true, dependencies: { next: '15.0.0', react: '19', '@trpc/server': '^11' } }) }, kind: 'web-app', evidence: /next/ },
  { name: 'Remix app', files: { 'package.json': pkg({ private: true, dependencies: { '@remix-run/node': '^2', '@remix-run/react': '^2' } }) }, kind: 'web-app' },
  { name: 'SvelteKit app (kit in devDependencies)', files: { 'package.json': pkg({ private: true, devDependencies: { '@sveltejs/kit': '^2' } }) }, kind: 'web-app' },
  { name: 'Vite + React SPA', files: { 'package.json': pkg({ private: true, dependencies: { react: '19', 'react-dom': '19' }, devDependencies: { vite: '^6' } }) }, kind: 'web-app', evidence: /vite \(bundler\)/ },
  { name: 'Vite app marked "private": false but never published (Bolt)', files: { 'package.json': pkg({ private: false, dependencies: { react: '19', 'react-dom': '19', '@supabase/supabase-js': '^2' }, devDependencies: { vite: '^5' } }) }, kind: 'web-app', evidence: /vite \(bundler\)/ },
  { name: 'published CLI', files: { 'package.json': pkg({ bin: { acme: 'cli.js' }, dependencies: { commander: '^12' } }) }, kind: 'cli' },
  { name: 'published CLI that starts a server', files: { 'package.json': pkg({ bin: 'cli.js', dependencies: { express: '^4' } }) }, kind: 'cli' },
  { name: 'private service with a bin for admin tasks', files: { 'package.json': pkg({ private: true, bin: 'admin.js', dependencies: { express: '^4' } }) }, kind: 'service' },
  { name: 'TypeScript library with exports', files: { 'package.json': pkg({ exports: { '.': './dist/index.js' }, types: 'dist/index.d.ts' }) }, kind: 'library', evidence: /entry point \(exports, types\)/ },
  { name: 'Express middleware library (express as a peer)', files: { 'package.json': pkg({ main: 'dist/index.js', peerDependencies: { express: '^4' }, devDependencies: { express: '^4' } }) }, kind: 'library' },
  { name: 'Vite app with repository and keywords but no entry point', files: { 'package.json': pkg({ private: false, repository: 'github:a/b', keywords: ['climbing'], dependencies: { 'react-dom': '19' }, devDependencies: { vite: '^5' } }), 'vite.config.ts': 'export default {};', 'index.html': '<script type="module" src="/src/main.tsx"></script>' }, kind: 'web-app', evidence: /Vite config/ },
  { name: 'React component library (vite and react as dev/peer)', files: { 'package.json': pkg({ module: 'dist/index.mjs', peerDependencies: { react: '19', 'react-dom': '19' }, devDependencies: { vite: '^6', 'react-dom': '19' } }) }, kind: 'library' },
  { name: 'an older library: main index.js with a repository and keywords', files: { 'package.json': pkg({ main: 'index.js', keywords: ['url'], repository: 'github:a/b' }) }, kind: 'library', evidence: /entry point \(main\)/ },
  { name: 'npm init default main alone is not a library', files: { 'package.json': pkg({ main: 'index.js', keywords: [], license: 'ISC' }) }, kind: 'unknown' },
  { name: 'a private package with exports is not a library', files: { 'package.json': pkg({ private: true, exports: './index.js' }) }, kind: 'unknown' },
  { name: 'npm workspaces', files: { 'package.json': pkg({ private: true, workspaces: ['apps/*'] }), 'apps/web/package.json': pkg({ dependencies: { next: '15' } }), 'apps/api/package.json': pkg({ dependencies: { fastify: '5' } }) }, kind: 'monorepo', evidence: /apps\/api \(service\), apps\/web \(web-app\)/ },
  { name: 'pnpm workspaces', files: { 'package.json': pkg({ private: true }), 'pnpm-workspace.yaml': 'packages: ["packages/*"]' }, kind: 'monorepo' },
  { name: 'client and server without a root package.json', files: { 'client/package.json': pkg({ private: true, dependencies: { 'react-dom': '19' }, devDependencies: { vite: '6' } }), 'server/package.json': pkg({ dependencies: { express: '4' } }) }, kind: 'monorepo' },
  { name: 'one package in a sub-folder', files: { 'backend/package.json': pkg({ dependencies: { koa: '2' } }) }, kind: 'service', evidence: /the one package is in backend\// },
  { name: 'root with only scripts, and a server package beside it', files: { 'package.json': pkg({ private: true, scripts: { dev: 'concurrently ...' } }), 'server/package.json': pkg({ dependencies: { express: '4' } }) }, kind: 'service' },
  { name: 'a next.config.js with a broken package.json', files: { 'package.json': '{', 'next.config.js': 'module.exports = {}' }, kind: 'unknown', evidence: /could not be read/ },
  { name: 'a framework-less process deployed with a Dockerfile', files: { 'package.json': pkg({ private: true, scripts: { start: 'node worker.js' } }), Dockerfile: 'FROM node:22' }, kind: 'service', evidence: /Dockerfile is present/ },
  { name: 'next.config.mjs with next missing from the manifest', files: { 'package.json': pkg({ private: true }), 'next.config.mjs': 'export default {}' }, kind: 'web-app' },
  { name: 'no package.json', files: { 'index.html': '<p>' }, kind: 'unknown', evidence: /no package\.json/ },
];

describe('project kind', () => {
  it.each(cases)('$name → $kind', ({ files, kind, evidence }) => {
    const project = projectOf(files);
    expect(project.kind).toBe(kind);
    expect(project.evidence.length).toBeGreaterThan(0);
    if (evidence) expect(project.evidence.join('\n')).toMatch(evidence);
  });

  it('carries the root name and private flag', () => {
    expect(projectOf({ 'package.json': pkg({ private: true }) })).toMatchObject({ name: 'acme', private: true });
  });

  it('lists the kind of each package of a monorepo', () => {
    const project = projectOf({
      'package.json': pkg({ private: true, workspaces: ['packages/*'] }),
      'packages/ui/package.json': pkg({ name: '@acme/ui', exports: './dist/index.js' }),
      'packages/cli/package.json': pkg({ name: '@acme/cli', bin: 'cli.js' }),
    });
    expect(project.packages?.map((entry) => [entry.dir, entry.name, entry.kind])).toEqual([
      ['packages/cli', '@acme/cli', 'cli'],
      ['packages/ui', '@acme/ui', 'library'],
    ]);
  });
});
