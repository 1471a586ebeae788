// How shipshape tells what kind of project a package is. The rules are tried in order and the first
// whose conditions all hold decides; each names the evidence it relied on.
//
// Which dependencies count: a published package (not `"private": true`, and with a sign of
// publishing such as `repository`, `publishConfig`, `peerDependencies`, keywords or a publish script)
// is judged by its runtime `dependencies` only, because its devDependencies and peerDependencies
// describe how it is built and where it plugs in (an Express middleware library has `express` as a
// peer), not what it is. Any other package is an application, where the split between the two is
// often careless (a Bolt app declares `"private": false` and keeps `vite` in devDependencies), so
// both `dependencies` and `devDependencies` count.
import type { ProjectKind } from '../core/types.js';

/** A package name, or a scope/prefix ending in `/` (`@remix-run/`) that matches every package in it. */
export type PackagePattern = string;

export interface PackageGroup {
  label: string;
  packages: readonly PackagePattern[];
}

/** Frameworks whose presence makes an application that renders pages (and often serves an API too). */
const WEB_APP_FRAMEWORKS: PackageGroup = {
  label: 'web-app framework',
  packages: [
    'next',
    'nuxt',
    'nuxt3',
    '@remix-run/',
    '@react-router/dev',
    '@react-router/node',
    '@sveltejs/kit',
    'astro',
    'gatsby',
    '@angular/core',
    '@tanstack/react-start',
    '@tanstack/start',
    '@solidjs/start',
    'solid-start',
    '@builder.io/qwik-city',
    '@redwoodjs/core',
    'react-scripts',
    '@vue/cli-service',
    'ember-source',
    '@docusaurus/core',
    'vitepress',
    'blitz',
  ],
};

/** Frameworks for programs that answer requests over the network. */
export const SERVER_FRAMEWORKS: PackageGroup = {
  label: 'server framework',
  packages: [
    'express',
    'fastify',
    'koa',
    '@hapi/hapi',
    'hapi',
    '@nestjs/core',
    'hono',
    '@hono/node-server',
    '@trpc/server',
    'apollo-server',
    'apollo-server-express',
    '@apollo/server',
    'graphql-yoga',
    'restify',
    'polka',
    '@tinyhttp/app',
    'micro',
    'elysia',
    '@adonisjs/core',
    'sails',
    '@loopback/core',
    '@feathersjs/feathers',
    'moleculer',
    'socket.io',
    'h3',
  ],
};

/** Bundlers and dev servers that, with a UI library, make a single-page application. */
const SPA_BUNDLERS: PackageGroup = {
  label: 'bundler',
  packages: ['vite', 'webpack', 'parcel', '@rsbuild/core', '@rspack/core', '@farmfe/core', 'snowpack'],
};

/** Browser UI libraries (`react-dom`, not `react`, which React Native apps and libraries share). */
const UI_LIBRARIES: PackageGroup = {
  label: 'UI library',
  packages: ['react-dom', 'vue', 'svelte', 'solid-js', 'preact', 'lit'],
};

/** Config files of web-app frameworks, for apps whose package.json does not name the framework itself. */
const WEB_APP_CONFIG_FILES = /^(next|nuxt|svelte|astro|remix|gatsby|angular|react-router)\.config\.[cm]?[jt]s$|^angular\.json$/;

/** Files that say a package is deployed as a long-running process. */
const PROCESS_DEPLOY_FILES = /^(Dockerfile|Containerfile|Procfile|fly\.toml|render\.yaml|app\.yaml|railway\.json|railway\.toml)$/;

/**
 * Fields that make a package importable. `main` alone is weaker evidence: `npm init` writes
 * `"main": "index.js"` into every new application, so that exact value does not count.
 */
export const ENTRY_POINT_FIELDS = ['exports', 'module', 'types', 'typings', 'files'] as const;
export const NPM_INIT_DEFAULT_MAIN = 'index.js';
/**
 * Fields `npm init` does not fill in and that only matter to a package others install: with one of
 * them, even `"main": "index.js"` is a library's entry point.
 */
export const PUBLISHING_FIELDS = ['repository', 'publishConfig', 'peerDependencies', 'funding', 'bugs'] as const;
export const PUBLISHING_SCRIPTS = ['prepublishOnly', 'prepack', 'prepublish', 'release'] as const;

export type KindCondition =
  | { type: 'workspaces' }
  | { type: 'depends-on'; group: PackageGroup }
  | { type: 'has-bin' }
  | { type: 'published' }
  | { type: 'entry-point' }
  | { type: 'start-script' }
  | { type: 'file'; pattern: RegExp; label: string };

export interface KindRule {
  kind: Exclude<ProjectKind, 'unknown'>;
  /** All must hold. */
  when: readonly KindCondition[];
}

export const PROJECT_KIND_RULES: readonly KindRule[] = [
  { kind: 'monorepo', when: [{ type: 'workspaces' }] },
  { kind: 'web-app', when: [{ type: 'depends-on', group: WEB_APP_FRAMEWORKS }] },
  // A published command (json-server, serve) may well start a server: people install it as a tool.
  { kind: 'cli', when: [{ type: 'has-bin' }, { type: 'published' }] },
  { kind: 'service', when: [{ type: 'depends-on', group: SERVER_FRAMEWORKS }] },
  {
    kind: 'web-app',
    when: [
      { type: 'depends-on', group: SPA_BUNDLERS },
      { type: 'depends-on', group: UI_LIBRARIES },
    ],
  },
  { kind: 'cli', when: [{ type: 'has-bin' }] },
  { kind: 'library', when: [{ type: 'entry-point' }, { type: 'published' }] },
  { kind: 'web-app', when: [{ type: 'file', pattern: WEB_APP_CONFIG_FILES, label: 'web-app framework config' }] },
  // A Vite app whose manifest looks published (Bolt fills in `repository` and `keywords`) but has no entry point.
  {
    kind: 'web-app',
    when: [
      { type: 'file', pattern: /^vite\.config\.[cm]?[jt]s$/, label: 'Vite config' },
      { type: 'file', pattern: /^index\.html$/, label: 'HTML entry page' },
    ],
  },
  // An application without a known framework that is deployed as a process and started with `npm start`.
  {
    kind: 'service',
    when: [{ type: 'start-script' }, { type: 'file', pattern: PROCESS_DEPLOY_FILES, label: 'process deploy config' }],
  },
];
