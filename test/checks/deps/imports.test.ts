// deps.unused and deps.unlisted: imports from the shared parse against the declarations.
import { describe, expect, it } from 'vitest';
import { packageOfSpecifier } from '../../../src/checks/deps/import-sites.js';
import { unlistedCheck } from '../../../src/checks/deps/unlisted.js';
import { unusedCheck } from '../../../src/checks/deps/unused.js';
import { runCheckOn } from '../../helpers/run-check.js';

const pkg = (fields: Record<string, unknown>, name = 'app') => JSON.stringify({ name, ...fields }, null, 2);

describe('packageOfSpecifier', () => {
  it.each([
    ['lodash', 'lodash'],
    ['lodash/fp', 'lodash'],
    ['@scope/pkg/sub/path.js', '@scope/pkg'],
    ['./local', null],
    ['../up', null],
    ['/abs', null],
    ['node:fs', null],
    ['fs', null],
    ['fs/promises', null],
    ['#internal', null],
    ['@/components/x', null],
    ['~/lib', null],
    ['virtual:pwa', null],
    ['bun:test', null],
    ['$app/stores', null],
    ['./style.css?raw', null],
  ])('%s → %s', (specifier, expected) => {
    expect(packageOfSpecifier(specifier)).toBe(expected);
  });
});

describe('deps.unused', () => {
  it('reports a declared package nothing uses, at its manifest line', async () => {
    const files = {
      'package.json': pkg({ dependencies: { lodash: '^4.17.21', express: '^4.0.0', 'left-pad': '^1.3.0' } }),
      'src/server.ts': "import express from 'express';\nimport merge from 'lodash/merge';\n",
    };
    const result = await runCheckOn(unusedCheck, files);
    expect(result.status).toBe('partial');
    expect(result.findings.map((finding) => finding.message)).toEqual([
      'left-pad is declared in package.json (dependencies) but no file imports it and no script, configuration or other package uses it.',
    ]);
    expect(result.findings[0]?.location).toEqual({ file: 'package.json', line: 6 });
  });

  it('counts config-only, script and type uses as uses (near misses)', async () => {
    const files = {
      'package.json': pkg({
        scripts: { build: 'tsc -p .', test: 'vitest run', lint: 'eslint . && prettier --check .', start: 'node -r dotenv/config dist/index.js', postinstall: 'template-oss-apply --force' },
        dependencies: { express: '^4.0.0', dotenv: '^16.0.0', pg: '^8.0.0', knex: '^3.0.0' },
        devDependencies: {
          '@npmcli/template-oss': '^4.0.0',
          typescript: '^5.0.0',
          vitest: '^2.0.0',
          eslint: '^9.0.0',
          'eslint-plugin-react': '^7.0.0',
          '@typescript-eslint/parser': '^8.0.0',
          prettier: '^3.0.0',
          '@types/express': '^4.0.0',
          '@types/node': '^22.0.0',
          jsdom: '^25.0.0',
        },
      }),
      'tsconfig.json': '{ "compilerOptions": { "strict": true } }',
      'src/app.ts': "import express from 'express';\nimport knex from 'knex';\n",
      'vitest.config.ts': "import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { environment: 'jsdom' } });\n",
    };
    const result = await runCheckOn(unusedCheck, files);
    expect(result.findings).toEqual([]);
    expect(result.status).toBe('pass');
  });

  it('counts a tool configured through its plugins, and typescript for .ts files (near misses)', async () => {
    const files = {
      'package.json': pkg({ scripts: { lint: 'next lint' }, dependencies: { next: '15.1.6' }, devDependencies: { eslint: '^9.0.0', 'eslint-config-next': '15.1.6', typescript: '^5.0.0' } }),
      'app/page.tsx': "import Link from 'next/link';\nexport default function Page() { return null; }\n",
    };
    expect((await runCheckOn(unusedCheck, files)).findings).toEqual([]);
  });

  it('counts names quoted in code and imports inside Vue components (near misses)', async () => {
    const files = {
      'package.json': pkg({ dependencies: { ejs: '^3.0.0', vue: '^3.0.0', 'vue-router': '^4.0.0', pinia: '^2.0.0' } }),
      'src/server.ts': "import express from 'express';\nexpress().set('view engine', 'ejs');\n",
      'src/App.vue': "<script setup lang=\"ts\">\nimport { useRouter } from 'vue-router';\n</script>\n",
      'src/main.ts': "import { createApp } from 'vue';\nimport { createPinia } from 'pinia';\n",
    };
    expect((await runCheckOn(unusedCheck, files)).findings).toEqual([]);
  });

  it('reports @types for a package that is neither declared nor imported, and honours ignore', async () => {
    const files = { 'package.json': pkg({ devDependencies: { '@types/lodash': '^4.0.0' } }), 'src/a.ts': 'export const a = 1;\n' };
    expect((await runCheckOn(unusedCheck, files)).findings.map((finding) => finding.data?.name)).toEqual(['@types/lodash']);
    expect((await runCheckOn(unusedCheck, files, { checkOptions: { ignore: ['@types/lodash'] } })).status).toBe('pass');
  });

  it('counts packages a stylesheet loads with @import, @plugin or @use (near misses)', async () => {
    const files = {
      'package.json': pkg({ dependencies: { 'tw-animate-css': '^1.0.0', '@tailwindcss/forms': '^0.5.0', bootstrap: '^5.0.0', 'left-pad': '^1.3.0', 'normalize.css': '^8.0.0' } }),
      'app/globals.css': '@import "tailwindcss";\n@import "tw-animate-css";\n@plugin "@tailwindcss/forms";\n/* left-pad is not imported here */\n.a { content: "left-pad"; }\n',
      'src/styles/main.scss': "@use '~bootstrap/scss/grid';\n@import url('normalize.css');\n",
      'src/main.ts': 'export const a = 1;\n',
    };
    expect((await runCheckOn(unusedCheck, files)).findings.map((finding) => finding.data?.name)).toEqual(['left-pad']);
  });

  it('counts builders and executors named in angular.json, nx.json and project.json (near misses)', async () => {
    const files = {
      'package.json': pkg({ devDependencies: { '@angular-devkit/build-angular': '^19.0.0', '@nx/esbuild': '^20.0.0', '@nx/eslint': '^20.0.0', 'left-pad': '^1.3.0' } }),
      'angular.json': '{ "projects": { "app": { "architect": { "build": { "builder": "@angular-devkit/build-angular:application" } } } } }',
      'apps/api/project.json': '{ "targets": { "build": { "executor": "@nx/esbuild:esbuild" } } }',
      'nx.json': '{ "plugins": [{ "plugin": "@nx/eslint/plugin" }] }',
      'src/main.ts': 'export const a = 1;\n',
    };
    expect((await runCheckOn(unusedCheck, files)).findings.map((finding) => finding.data?.name)).toEqual(['left-pad']);
  });

  it('counts a peer dependency the lockfile records for a declared package (near miss: the same lockfile without the peer)', async () => {
    const manifest = pkg({ dependencies: { '@adminjs/express': '^6.1.1', 'express-formidable': '^1.2.0', 'left-pad': '^1.3.0' } });
    const lock = (peers: Record<string, string>) =>
      JSON.stringify({
        name: 'app',
        lockfileVersion: 3,
        packages: {
          '': { name: 'app' },
          'node_modules/@adminjs/express': { version: '6.1.1', peerDependencies: peers },
          'node_modules/express-formidable': { version: '1.2.0' },
          'node_modules/left-pad': { version: '1.3.0' },
        },
      });
    const files = { 'package.json': manifest, 'src/admin.ts': "import AdminJSExpress from '@adminjs/express';\nexport const router = AdminJSExpress.buildRouter({});\n" };
    const withPeer = await runCheckOn(unusedCheck, { ...files, 'package-lock.json': lock({ 'express-formidable': '^1.2.0', 'express-session': '^1.17.3' }) });
    expect(withPeer.findings.map((finding) => finding.data?.['name'])).toEqual(['left-pad']);
    const withoutPeer = await runCheckOn(unusedCheck, { ...files, 'package-lock.json': lock({}) });
    expect(withoutPeer.findings.map((finding) => finding.data?.['name'])).toEqual(['express-formidable', 'left-pad']);
  });

  it('explains a dependency named like a Node built-in: the import loads the built-in, not the package', async () => {
    const files = {
      'package.json': pkg({ dependencies: { express: '^4.0.0', fs: 'latest', crypto: '^1.0.1', 'child_process': '^1.0.2', buffer: '^6.0.3', events: '^3.3.0' } }),
      'src/server.js': "const fs = require('fs');\nconst { randomUUID } = require('crypto');\nimport { Buffer } from 'buffer';\nconst express = require('express');\n",
    };
    const result = await runCheckOn(unusedCheck, files);
    expect(result.findings.map((finding) => finding.message)).toEqual([
      'fs is declared in package.json (dependencies), but `fs` is a Node.js built-in module: the code\'s imports of it load the built-in, never this package.',
      'crypto is declared in package.json (dependencies), but `crypto` is a Node.js built-in module: the code\'s imports of it load the built-in, never this package.',
      'child_process is declared in package.json (dependencies) but no file imports it and no script, configuration or other package uses it.',
      'events is declared in package.json (dependencies) but no file imports it and no script, configuration or other package uses it.',
    ]);
  });

  it('judges a workspace by its own files; the root by all of them', async () => {
    const files = {
      'package.json': pkg({ workspaces: ['packages/*'], devDependencies: { zod: '^3.0.0' } }),
      'packages/api/package.json': pkg({ dependencies: { zod: '^3.0.0', ms: '^2.0.0' } }, 'api'),
      'packages/api/src/index.ts': "import { z } from 'zod';\n",
      'packages/web/package.json': pkg({ dependencies: { ms: '^2.0.0' } }, 'web'),
      'packages/web/src/index.ts': "import ms from 'ms';\n",
    };
    const result = await runCheckOn(unusedCheck, files);
    expect(result.findings.map((finding) => `${finding.data?.workspace}:${finding.data?.name}`)).toEqual(['packages/api:ms']);
  });
});

describe('deps.unlisted', () => {
  it('fails on a package imported by production code but declared nowhere', async () => {
    const files = { 'package.json': pkg({ dependencies: { express: '^4.0.0' } }), 'src/server.ts': "import express from 'express';\nimport chalk from 'chalk';\nconst c = require('chalk');\n" };
    const result = await runCheckOn(unlistedCheck, files);
    expect(result.status).toBe('fail');
    expect(result.findings.map((finding) => finding.message)).toEqual(['chalk is imported in 2 places (first src/server.ts:2) but package.json does not declare it.']);
  });

  it('leaves sample projects under fixtures/ and examples/ alone (near miss)', async () => {
    const files = {
      'package.json': pkg({}),
      'src/a.ts': 'export const a = 1;\n',
      'fixtures/demo-app/src/page.test.tsx': "import { render } from '@testing-library/react';\n",
      'examples/basic/index.js': "const app = require('express')();\n",
    };
    expect((await runCheckOn(unlistedCheck, files)).status).toBe('pass');
  });

  it('is only partial when tests alone import it', async () => {
    const files = { 'package.json': pkg({}), 'src/a.ts': 'export const a = 1;\n', 'test/a.test.ts': "import { expect } from 'chai';\n" };
    const result = await runCheckOn(unlistedCheck, files);
    expect(result.status).toBe('partial');
    expect(result.findings[0]?.severity).toBe('low');
  });

  it.each([
    ['builtins, with and without node:', "import fs from 'fs';\nimport { join } from 'node:path';\n"],
    ['a sibling workspace', "import { util } from '@acme/shared';\n"],
    ['a tsconfig path alias', "import { db } from '@app/db';\n"],
    ['a folder resolved through baseUrl', "import { Button } from 'components/Button';\n"],
    ['a package declared at the root', "import ms from 'ms';\n"],
    ['a type-only import served by @types', "import type { Request } from 'express-serve-static-core';\n"],
  ])('stays silent for %s (near miss)', async (_label, source) => {
    const files = {
      'package.json': pkg({ workspaces: ['packages/*'], dependencies: { ms: '^2.0.0' }, devDependencies: { '@types/express-serve-static-core': '^4.0.0' } }),
      'tsconfig.json': '{\n  // aliases\n  "compilerOptions": { "baseUrl": "src", "paths": { "@app/*": ["src/*"] }, },\n}',
      'packages/shared/package.json': pkg({}, '@acme/shared'),
      'packages/shared/index.ts': 'export const util = 1;\n',
      'src/components/Button.ts': 'export const Button = 1;\n',
      'src/main.ts': source,
    };
    const result = await runCheckOn(unlistedCheck, files);
    expect(result.findings).toEqual([]);
  });
});
