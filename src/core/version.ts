import { readFileSync } from 'node:fs';

// Read once from our own package.json (one folder above src/ and dist/), so a release bump is one edit.
const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

export const TOOL_VERSION: string = manifest.version;
