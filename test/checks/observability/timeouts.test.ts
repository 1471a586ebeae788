import { describe, it } from 'vitest';
import { timeoutsCheck } from '../../../src/checks/observability/timeouts.js';
import { expectCase, LIBRARY, manifest, type Case } from '../data/apps.js';

const service = (files: Record<string, string>, dependencies: Record<string, string> = {}) => ({ 'package.json': manifest({ express: '^4.19.0', ...dependencies }), ...files });

const cases: Case[] = [
  { name: 'fetch with AbortSignal.timeout', files: service({ 'src/api.ts': "export const get = () => fetch('https://api.example.com', { signal: AbortSignal.timeout(5000) });\n" }), status: 'pass' },
  { name: 'fetch without a timeout', files: service({ 'src/api.ts': "export const get = () => fetch('https://api.example.com');\n" }), status: 'fail', says: ['src/api.ts:1: fetch() has no timeout or abort signal'] },
  { name: 'fetch with options but no signal', files: service({ 'src/api.ts': "export const post = (body: string) => fetch('https://x', { method: 'POST', body });\n" }), status: 'fail' },
  { name: 'axios instance with a timeout covers its calls', files: service({ 'src/http.ts': "import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://x', timeout: 5000 });\nexport const a = () => api.get('/a');\nexport const b = (d: unknown) => api.post('/b', d);\n" }, { axios: '^1.0.0' }), status: 'pass' },
  { name: 'axios.post with the timeout in the third argument', files: service({ 'src/http.ts': "import axios from 'axios';\nexport const b = (d: unknown) => axios.post('/b', d, { timeout: 3000 });\n" }, { axios: '^1.0.0' }), status: 'pass' },
  { name: 'axios.post with data only', files: service({ 'src/http.ts': "import axios from 'axios';\nexport const b = (d: unknown) => axios.post('https://x/b', d);\nexport const c = () => axios.get('https://x/c', { timeout: 1000 });\n" }, { axios: '^1.0.0' }), status: 'partial', score: 0.5, findings: 1 },
  { name: 'axios.defaults.timeout set once', files: service({ 'src/setup.ts': "import axios from 'axios';\naxios.defaults.timeout = 5000;\n", 'src/http.ts': "import axios from 'axios';\nexport const b = () => axios.get('https://x/b');\n" }, { axios: '^1.0.0' }), status: 'pass' },
  { name: 'got with a timeout', files: service({ 'src/http.ts': "import got from 'got';\nexport const g = () => got('https://x', { timeout: { request: 5000 } });\n" }, { got: '^14.0.0' }), status: 'pass' },
  { name: 'options passed through a variable cannot be read', files: service({ 'src/http.ts': "export const g = (init: RequestInit) => fetch('https://x', init);\n" }), status: 'unknown' },
  { name: 'browser fetches in client components are not counted', files: { 'package.json': manifest({ next: '^14.0.0' }), 'app/form.tsx': "'use client';\nexport function F() { fetch('/api/x'); return null; }\n" }, status: 'na', says: ['browser code'] },
  { name: 'a locally defined fetch wrapper is not the global fetch', files: service({ 'src/http.ts': "import { fetch } from './my-fetch';\nexport const g = () => fetch('/x');\n" }), status: 'na' },
  { name: 'no outbound calls', files: service({ 'src/app.ts': 'export {};\n' }), status: 'na', says: ['no outbound HTTP calls'] },
  { name: 'a library', files: LIBRARY, status: 'na' },
  {
    name: 'a static app whose only server code is an edge function: the function is judged, the browser code not',
    files: {
      'package.json': manifest({ react: '^18.0.0', 'react-dom': '^18.0.0', vite: '^5.0.0' }),
      'src/api/weather.ts': "export const get = () => fetch('https://api.example.com/weather');\n",
      'supabase/functions/weather-proxy/index.ts': "Deno.serve(async (req) => {\n  const upstream = await fetch('https://api.met.no/x');\n  return new Response(await upstream.text());\n});\n",
    },
    status: 'fail',
    says: ['supabase/functions/weather-proxy/index.ts:2: fetch() has no timeout or abort signal', '1 outbound call(s) in server code'],
  },
];

describe('observability.timeouts', () => {
  it.each(cases)('$name', (testCase) => expectCase(timeoutsCheck, testCase).then(() => undefined));
});
