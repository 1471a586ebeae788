// Files that run without being imported by other files of the repository: framework conventions,
// configuration files, scripts, tests. The import graph starts from these; a source file reachable
// from none of them is unused. When in doubt a pattern belongs here: a missed entry point makes a
// false "unused file" finding, an extra one only hides a real one.

export interface EntryConvention {
  /** What the pattern stands for, shown in evidence ("Next.js pages"). */
  label: string;
  /** Dependencies (any of them) that switch the convention on; empty: always on. */
  enablers: readonly string[];
  /** Repository-relative paths (within a package folder) that are entry points. */
  patterns: readonly RegExp[];
}

const SRC = '(?:src/)?';
const EXT = '\\.[cm]?[jt]sx?$';

export const ENTRY_CONVENTIONS: readonly EntryConvention[] = [
  {
    label: 'conventional entry files',
    enablers: [],
    patterns: [new RegExp(`^${SRC}(?:index|main|server|app|cli|worker)${EXT}`)],
  },
  {
    label: 'configuration files',
    enablers: [],
    patterns: [
      new RegExp(`(^|/)[\\w.-]+\\.config${EXT}`),
      new RegExp(`(^|/)\\.[\\w-]+rc${EXT}`),
      /(^|\/)(gulpfile|Gruntfile|Jakefile)\.[cm]?[jt]s$/,
    ],
  },
  {
    label: 'scripts, tools, migrations and seeds run by hand',
    enablers: [],
    patterns: [/(^|\/)(scripts?|bin|tools|migrations|seeds?|seeders|codemods|\.github|\.husky)\//, /(^|\/)prisma\/seed\.[cm]?[jt]s$/],
  },
  {
    label: 'tests, stories and mocks',
    enablers: [],
    patterns: [/\.(test|spec|e2e|stories|story|bench)\.[cm]?[jt]sx?$/, /(^|\/)(__tests__|__mocks__|tests?|e2e|cypress|playwright|\.storybook)\//],
  },
  {
    label: 'static files and workers served as they are',
    enablers: [],
    patterns: [/(^|\/)(public|static|assets)\//, /\.worker\.[cm]?[jt]s$/, /(^|\/)(sw|service-worker)\.[cm]?[jt]s$/],
  },
  {
    label: 'Next.js pages, app router files and middleware',
    enablers: ['next'],
    patterns: [
      new RegExp(`^${SRC}pages/`),
      new RegExp(`^${SRC}app/(?:.*/)?(?:page|layout|template|loading|error|global-error|not-found|default|route|head|opengraph-image|twitter-image|icon|apple-icon|sitemap|robots|manifest)${EXT}`),
      // Next.js 16 renamed `middleware` to `proxy`.
      new RegExp(`^${SRC}(?:middleware|proxy|instrumentation|instrumentation-client)${EXT}`),
    ],
  },
  {
    label: 'Remix / React Router routes',
    enablers: ['@remix-run/react', '@remix-run/node', '@remix-run/dev', '@react-router/dev', 'react-router'],
    patterns: [/^app\/routes\//, new RegExp(`^app/(?:root|entry\\.client|entry\\.server|routes)${EXT}`)],
  },
  {
    label: 'SvelteKit routes and hooks',
    enablers: ['@sveltejs/kit'],
    patterns: [/^src\/routes\//, new RegExp(`^src/(?:hooks(?:\\.server|\\.client)?|service-worker)${EXT}`), /^src\/params\//],
  },
  {
    label: 'Astro and Gatsby pages',
    enablers: ['astro', 'gatsby'],
    patterns: [/^src\/pages\//, /^src\/(middleware|content\/config)\.[cm]?[jt]s$/, /^gatsby-(browser|node|ssr|config)\.[cm]?[jt]sx?$/, /^src\/templates\//, /^src\/api\//],
  },
  {
    label: 'Expo Router and React Native entry files',
    enablers: ['expo-router', 'react-native', 'expo'],
    patterns: [/^(src\/)?app\//, new RegExp(`^(?:App|index)${EXT}`)],
  },
  {
    label: 'serverless functions (Vercel, Netlify, Supabase)',
    enablers: [],
    patterns: [/^api\//, /^netlify\/(edge-)?functions\//, /^functions\//, /^supabase\/functions\//],
  },
];

/**
 * Frameworks that import files by convention without an import statement (auto-imports): an import
 * graph cannot tell which of their files are used, so the unused-files check says `unknown`.
 */
export const AUTO_IMPORT_FRAMEWORKS: readonly { label: string; enablers: readonly string[] }[] = [
  { label: 'Nuxt (auto-imported components and composables)', enablers: ['nuxt', 'nuxt3'] },
  { label: 'unplugin-auto-import', enablers: ['unplugin-auto-import', 'unplugin-vue-components'] },
];

/** Source paths mentioned in commands: `node scripts/seed.js`, `tsx watch src/server.ts`. */
export const COMMAND_PATH = /(?:^|[\s='"])((?:\.\/)?[\w@][\w./-]*\.[cm]?[jt]sx?)(?=$|[\s'";&|)])/g;

/** Build folders whose files come from a source folder: `dist/index.js` ← `src/index.ts`. */
export const BUILD_DIRS = /^(dist|build|lib|out|esm|cjs)\//;

/**
 * Component kits copied into the repository by a generator, recognised by their config file. Their
 * exports are the kit's surface (a dialog kit exports a dozen parts; an app uses a few), so unused
 * exports and files there are the generator's choice, not the team's.
 */
export const COPIED_UI_KITS: readonly { label: string; marker: string; folder: RegExp }[] = [
  { label: 'shadcn/ui', marker: 'components.json', folder: /(^|\/)components\/ui\// },
];
