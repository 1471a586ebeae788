// The joined facts the observability and data checks stand on: routes across files and integrations.
import { describe, expect, it } from 'vitest';
import { findIntegrations } from '../../../src/collectors/integrations.js';
import { resolveRelative } from '../../../src/collectors/router-graph.js';
import { joinRoutes } from '../../../src/collectors/routes.js';
import type { ManifestsFact, PackageManifest } from '../../../src/core/facts.js';
import { codeFactOf } from '../../helpers/code-fact.js';

function manifests(dependencies: Record<string, string>, devDependencies: Record<string, string> = {}): ManifestsFact {
  const root = { path: 'package.json', dir: '', dependencies, devDependencies, optionalDependencies: {}, peerDependencies: {}, scripts: {} } as unknown as PackageManifest;
  return { root, workspaces: [], all: [root], invalid: [] };
}

describe('routes fact', () => {
  it.each([
    ['src/app.ts', './routes/users', ['src/routes/users.ts'], 'src/routes/users.ts'],
    ['src/app.ts', './routes/users.js', ['src/routes/users.ts'], 'src/routes/users.ts'],
    ['src/app.ts', '../lib', ['lib/index.js'], 'lib/index.js'],
    ['src/app.ts', 'express', ['express.ts'], null],
    ['src/app.ts', './missing', [], null],
  ])('resolves %s → %s', (from, specifier, files, expected) => {
    expect(resolveRelative(from, specifier, (path) => files.includes(path))).toBe(expected);
  });

  it('joins mount prefixes across files and resolves handlers named from other files', () => {
    const fact = joinRoutes(
      codeFactOf({
        'src/app.ts': "import express from 'express';\nimport { api } from './api';\nconst app = express();\napp.use('/api/', api);\n",
        'src/api.ts': "import { Router } from 'express';\nimport users from './users';\nexport const api = Router();\napi.use('/users', users);\n",
        'src/users.ts': "import { Router } from 'express';\nimport { create } from './controller';\nconst users = Router();\nusers.post('/', create);\nexport default users;\n",
        'src/controller.ts': "import { z } from 'zod';\nexport async function create(req, res) {\n  const body = Body.parse(req.body);\n  await prisma.user.create({ data: body });\n}\n",
        'test/app.test.ts': "import request from 'supertest';\nrequest(app).post('/api/users');\n",
      }),
    );
    expect(fact.boundaries).toEqual([
      {
        file: 'src/users.ts',
        line: 4,
        framework: 'express',
        method: 'POST',
        path: '/api/users',
        mounted: true,
        mountEvidence: 'on users (src/users.ts:3), which is mounted at src/api.ts:4',
        handler: { file: 'src/controller.ts', startLine: 2, endLine: 5, reads: ['body'], touchesDatabase: true },
        validation: ['Body.parse() at line 3'],
        writes: [{ file: 'src/controller.ts', line: 4, detail: 'prisma.user.create' }],
      },
    ]);
    expect(fact.unmountedRouters).toEqual([]);
  });

  it('reports a router with routes that nothing mounts', () => {
    const fact = joinRoutes(codeFactOf({ 'src/health.ts': "import { Router } from 'express';\nconst r = Router();\nr.get('/health', (req, res) => res.send('ok'));\nexport default r;\n" }));
    expect(fact.boundaries[0]?.mounted).toBe(false);
    expect(fact.unmountedRouters).toEqual([{ file: 'src/health.ts', line: 2, detail: 'router `r` has routes but is never mounted' }]);
  });
});

describe('integrations fact', () => {
  it('separates declared, imported and initialised, and ignores tests and type-only imports', () => {
    const fact = findIntegrations(
      manifests({ '@sentry/node': '^8.0.0', pino: '^9.0.0' }, { '@prisma/client': '^5.0.0' }),
      codeFactOf({
        'src/log.ts': "import pino from 'pino';\nexport const log = pino({ level: process.env.LOG_LEVEL });\n",
        'src/types.ts': "import type { PrismaClient } from '@prisma/client';\nexport type Db = PrismaClient;\n",
        'test/sentry.test.ts': "import * as Sentry from '@sentry/node';\nSentry.init({});\n",
        'src/server.ts': "process.on('SIGTERM', () => server.close());\n",
      }),
    );
    const byId = Object.fromEntries(fact.found.map((presence) => [presence.id, presence]));
    expect(byId.sentry).toMatchObject({ declared: [{ manifest: 'package.json', name: '@sentry/node', dev: false }], imports: [], inits: [] });
    expect(byId.pino?.inits).toEqual([
      { file: 'src/log.ts', line: 2, detail: 'pino() from pino', optionKeys: ['level'], envOptions: ['level'], literalOptions: [], optionsReadable: true },
    ]);
    expect(byId.prisma).toMatchObject({ declared: [{ dev: true }], imports: [] });
    expect(fact.processHandlers).toEqual([{ file: 'src/server.ts', line: 1, event: 'SIGTERM', closes: ['server.close'], detail: "process.on('SIGTERM')" }]);
  });
});
