// Phrases that project generators write into the README they create. A README that still carries
// one (and little else) describes the generator, not the project.

export interface ReadmeTemplate {
  generator: string;
  marker: RegExp;
}

const README_TEMPLATES: readonly ReadmeTemplate[] = [
  { generator: 'Create React App', marker: /bootstrapped with \[?Create React App/i },
  { generator: 'create-next-app', marker: /is a \[?Next\.js\]?(\([^)]*\))? project bootstrapped with/i },
  { generator: 'create-vite (React)', marker: /provides a minimal setup to get React working in Vite/i },
  { generator: 'create-vite (Vue)', marker: /should help get you started developing with Vue 3 in Vite/i },
  { generator: 'create-vite (Svelte)', marker: /should help get you started developing with Svelte/i },
  { generator: 'sv (SvelteKit)', marker: /Everything you need to build a Svelte project/i },
  { generator: 'Angular CLI', marker: /project was generated (with|using) \[?Angular CLI/i },
  { generator: 'Nuxt', marker: /Look at the \[?Nuxt.{0,40}documentation/i },
  { generator: 'Astro', marker: /Astro Starter Kit/i },
  { generator: 'Remix', marker: /Welcome to Remix!/i },
  { generator: 'React Router', marker: /A modern, production-ready template for building full-stack React applications using React Router/i },
  { generator: 'Expo', marker: /is an \[?Expo\]?(\([^)]*\))? project created with/i },
  // App builders whose exported repositories keep the builder's README.
  { generator: 'Lovable', marker: /Welcome to your Lovable project/i },
  { generator: 'Bolt', marker: /^#?\s*bolt\.new\b|created with \[?bolt\.new/im },
  { generator: 'v0', marker: /automatically synced with your \[?v0\.(dev|app)/i },
  { generator: 'NestJS', marker: /A progressive \[?Node\.js\]?(\([^)]*\))? framework for building efficient and scalable server-side applications/i },
];

/** The generator whose README this still is, or null. */
export function templateOf(text: string): ReadmeTemplate | null {
  return README_TEMPLATES.find((template) => template.marker.test(text)) ?? null;
}
