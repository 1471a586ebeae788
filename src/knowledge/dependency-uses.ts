// How a declared package can be in use without any file importing it. The unused-dependency check
// reads these tables; adding knowledge of one more tool is one more row.

/** Commands a package installs whose names differ from the package's own (or its unscoped) name. */
export const BIN_NAMES: Readonly<Record<string, readonly string[]>> = {
  typescript: ['tsc', 'tsserver'],
  '@biomejs/biome': ['biome'],
  'npm-run-all': ['npm-run-all', 'run-s', 'run-p'],
  'npm-run-all2': ['npm-run-all', 'run-s', 'run-p'],
  '@playwright/test': ['playwright'],
  '@changesets/cli': ['changeset'],
  '@commitlint/cli': ['commitlint'],
  'dotenv-cli': ['dotenv'],
  'netlify-cli': ['netlify', 'ntl'],
  'firebase-tools': ['firebase'],
  '@nestjs/cli': ['nest'],
  '@angular/cli': ['ng'],
  '@vue/cli-service': ['vue-cli-service'],
  'postcss-cli': ['postcss'],
  less: ['lessc'],
  '@babel/cli': ['babel'],
  'babel-cli': ['babel'],
  '@microsoft/api-extractor': ['api-extractor'],
  '@swc/cli': ['swc'],
  '@graphql-codegen/cli': ['graphql-codegen', 'gql-gen'],
  'sequelize-cli': ['sequelize'],
  'npm-check-updates': ['ncu'],
  'del-cli': ['del'],
  'typeorm-ts-node-commonjs': ['typeorm'],
  '@storybook/cli': ['storybook', 'sb'],
  'ts-node-dev': ['ts-node-dev', 'tsnd'],
  'webpack-cli': ['webpack'],
  'webpack-dev-server': ['webpack-dev-server', 'webpack'],
  '@sentry/cli': ['sentry-cli'],
  'markdownlint-cli': ['markdownlint'],
  'markdownlint-cli2': ['markdownlint-cli2'],
  'http-server': ['http-server', 'hs'],
  '@electron-forge/cli': ['electron-forge'],
  'supabase': ['supabase'],
  '@redocly/cli': ['redocly'],
  'openapi-typescript': ['openapi-typescript'],
};

/**
 * Packages that a tool loads by name from its configuration (often a shortened name, such as
 * `plugin:react/recommended` for `eslint-plugin-react`), so a text search would miss them: they
 * count as used whenever one of the tools that load them is declared.
 */
export const LOADED_BY_TOOL: readonly { pattern: RegExp; loadedBy: readonly string[] }[] = [
  { pattern: /^(eslint-(plugin|config|import-resolver|formatter)-|@[^/]+\/eslint-(plugin|config)(-|$)|@typescript-eslint\/|typescript-eslint$|globals$|@eslint\/)/, loadedBy: ['eslint'] },
  { pattern: /^(babel-(plugin|preset)-|@babel\/(plugin|preset)-|@babel\/core$|@babel\/runtime|babel-loader$|core-js$|regenerator-runtime$)/, loadedBy: ['@babel/core', '@babel/cli', 'babel-cli', 'babel-loader', 'babel-jest', 'react-scripts', 'metro-react-native-babel-preset'] },
  { pattern: /^(prettier-plugin-|@[^/]+\/prettier-(plugin|config))/, loadedBy: ['prettier'] },
  { pattern: /^(stylelint-(config|plugin)-|@[^/]+\/stylelint-config)/, loadedBy: ['stylelint'] },
  { pattern: /^(jest-environment-|jest-(junit|watch-typeahead|transform-stub|serializer-)|ts-jest$|babel-jest$|@swc\/jest$|jest-circus$)/, loadedBy: ['jest'] },
  { pattern: /^(@vitest\/|jsdom$|happy-dom$)/, loadedBy: ['vitest', 'jest'] },
  { pattern: /^(@commitlint\/config-|commitlint-config-)/, loadedBy: ['@commitlint/cli'] },
  { pattern: /^(postcss-|autoprefixer$|cssnano$|tailwindcss$|@tailwindcss\/)/, loadedBy: ['postcss', 'tailwindcss', 'next', 'vite', 'react-scripts', '@vue/cli-service'] },
  { pattern: /^(@storybook\/|storybook-addon-)/, loadedBy: ['storybook', '@storybook/cli', '@storybook/react', '@storybook/vue3'] },
  { pattern: /^(@semantic-release\/|semantic-release-)/, loadedBy: ['semantic-release'] },
  { pattern: /^(remark-|rehype-)/, loadedBy: ['remark-cli', 'next', '@next/mdx', '@mdx-js/loader', 'astro', 'docusaurus', '@docusaurus/core'] },
  { pattern: /^(@types\/node|@tsconfig\/)/, loadedBy: ['typescript'] },
  { pattern: /^(sass|sass-embedded|less|stylus)$|-loader$/, loadedBy: ['webpack', 'vite', 'next', 'react-scripts', '@vue/cli-service', '@angular/cli', 'parcel'] },
];

/** Packages another package needs installed beside it (peer dependencies in practice), or a driver an ORM loads by name. */
export const IMPLIED_BY: Readonly<Record<string, readonly string[]>> = {
  'react-dom': ['next', 'gatsby', 'react-scripts', '@remix-run/react', '@testing-library/react', '@docusaurus/core'],
  react: ['next', 'gatsby', 'react-scripts', 'react-dom', 'react-native', 'expo'],
  pg: ['knex', 'sequelize', 'typeorm', '@mikro-orm/postgresql', 'pg-promise', 'slonik', 'kysely', 'drizzle-orm', 'objection'],
  'pg-hstore': ['sequelize'],
  mysql: ['knex', 'sequelize', 'typeorm', 'objection'],
  mysql2: ['knex', 'sequelize', 'typeorm', 'objection', 'drizzle-orm', 'kysely', '@mikro-orm/mysql'],
  sqlite3: ['knex', 'sequelize', 'typeorm', 'objection'],
  'better-sqlite3': ['knex', 'typeorm', 'drizzle-orm', 'kysely', '@mikro-orm/sqlite'],
  tedious: ['knex', 'sequelize', 'typeorm'],
  oracledb: ['knex', 'sequelize', 'typeorm'],
  tslib: ['typescript'],
  '@swc/core': ['@swc/jest', '@swc/cli', 'unplugin-swc', 'tsup', 'ts-node', '@nestjs/cli', 'next'],
  esbuild: ['tsx', 'tsup', 'vite', 'esbuild-register', 'esbuild-loader'],
  'ts-node': ['mocha', 'ava', 'typeorm', 'jest', 'knex', 'nodemon'],
  'webpack-cli': ['webpack'],
  typescript: ['ts-node', 'tsx', 'ts-jest', 'vue-tsc', 'typescript-eslint', '@typescript-eslint/parser'],
  '@prisma/client': ['prisma'],
  prisma: ['@prisma/client'],
  vue: ['nuxt', '@vue/cli-service'],
  'reflect-metadata': ['typeorm', '@nestjs/core', 'inversify', 'type-graphql'],
  prettier: ['eslint-plugin-prettier', 'prettier-eslint', 'pretty-quick'],
};

/** Files whose presence means a package is used though nothing imports it. */
export const IMPLIED_BY_FILES: readonly { pattern: RegExp; packages: readonly string[] }[] = [
  { pattern: /(^|\/)tsconfig[\w.-]*\.json$/, packages: ['typescript', '@types/node'] },
  { pattern: /\.(ts|tsx|mts|cts)$/, packages: ['typescript'] },
  { pattern: /\.s[ac]ss$/, packages: ['sass', 'sass-embedded', 'node-sass'] },
  { pattern: /\.less$/, packages: ['less'] },
  { pattern: /(^|\/)(\.eslintrc(\.\w+)?|eslint\.config\.[cm]?[jt]s)$/, packages: ['eslint'] },
  { pattern: /(^|\/)(\.prettierrc(\.\w+)?|prettier\.config\.[cm]?js)$/, packages: ['prettier'] },
  { pattern: /(^|\/)\.husky\//, packages: ['husky'] },
  { pattern: /(^|\/)(\.lintstagedrc(\.\w+)?|lint-staged\.config\.[cm]?js)$/, packages: ['lint-staged'] },
  { pattern: /(^|\/)(\.stylelintrc(\.\w+)?|stylelint\.config\.[cm]?js)$/, packages: ['stylelint'] },
  { pattern: /(^|\/)prisma\/schema\.prisma$|\.prisma$/, packages: ['prisma', '@prisma/client'] },
  { pattern: /(^|\/)\.storybook\//, packages: ['storybook'] },
  { pattern: /(^|\/)(\.mocharc(\.\w+)?)$/, packages: ['mocha'] },
  { pattern: /(^|\/)(\.?nodemon\.json)$/, packages: ['nodemon'] },
];

/**
 * Files whose quoted package names count as uses: tool configuration, and components of frameworks
 * whose files the shared parse does not read (Vue, Svelte, Astro, MDX).
 */
export const NAMING_FILE = /(^|\/)(nx\.json|project\.json|workspace\.json|angular\.json|\.[\w-]+rc(\.(json|ya?ml|js|cjs|mjs|ts))?|[\w.-]+\.config\.(json|js|cjs|mjs|ts|cts|mts|ya?ml)|tsconfig[\w.-]*\.json|jsconfig\.json|\.swcrc|\.storybook\/[\w.-]+|\.husky\/[\w.-]+|[\w.-]*\.babelrc|Procfile|Dockerfile|docker-compose[\w.-]*\.ya?ml|\.github\/workflows\/[\w.-]+\.ya?ml|\.gitlab-ci\.yml|Makefile|[\w.-]+\.(vue|svelte|astro|mdx))$/;

/** Runtime-provided module names that are not npm packages. */
export const RUNTIME_MODULES: ReadonlySet<string> = new Set(['bun', 'electron', 'vscode', 'k6', 'deno']);

/** Global type packages referenced by name in code (`google.maps.Map`), never imported: left alone. */
export const GLOBAL_TYPE_PACKAGES = /^@types\/(node|jest|mocha|jasmine|chai|google\.|gapi|chrome|wicg-|web|dom-|offscreencanvas|webxr|bun|deno|k6)/;
