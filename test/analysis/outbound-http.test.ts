import { describe, expect, it } from 'vitest';
import { extractOutboundHttp } from '../../src/analysis/extractors/outbound-http.js';
import { sourceOf } from './source.js';

const extractOf = (text: string, path = 'src/api.ts') => extractOutboundHttp(sourceOf(text, path));

describe('outbound-http extractor', () => {
  it.each([
    ["fetch('https://x');", 'fetch', 'no'],
    ["fetch('https://x', { signal: AbortSignal.timeout(1000) });", 'fetch', 'yes'],
    ["fetch('https://x', { signal: controller.signal, method: 'POST' });", 'fetch', 'yes'],
    ["fetch('https://x', { ...defaults });", 'fetch', 'unknown'],
    ["fetch('https://x', init);", 'fetch', 'unknown'],
    ["import axios from 'axios';\naxios.get('https://x');", 'axios', 'no'],
    ["import axios from 'axios';\naxios.get('https://x', { timeout: 5 });", 'axios', 'yes'],
    ["import axios from 'axios';\naxios.put('https://x', body, { timeout: 5 });", 'axios', 'yes'],
    ["import axios from 'axios';\naxios.put('https://x', { timeout: 5 });", 'axios', 'no'],
    ["import axios from 'axios';\naxios({ url: 'x', timeout: 1 });", 'axios', 'yes'],
    ["const axios = require('axios');\nconst c = axios.create({ timeout: 1 });\nc.get('/x');", 'axios', 'yes'],
    ["import got from 'got';\ngot.post('https://x', { json: {} });", 'got', 'no'],
    ["import fetch from 'node-fetch';\nfetch('https://x', { timeout: 1 });", 'node-fetch', 'yes'],
  ])('%s', (code, client, timeout) => {
    expect(extractOf(code).calls.at(-1)).toMatchObject({ client, timeout });
  });

  it('ignores ky and undici (they time out by default) and local functions named fetch', () => {
    expect(extractOf("import ky from 'ky';\nky.get('x');\nimport { request } from 'undici';\nrequest('x');").calls).toEqual([]);
    expect(extractOf("import { fetch } from './client';\nfetch('x');").calls).toEqual([]);
  });

  it('records default timeouts and browser files', () => {
    expect(extractOf("import axios from 'axios';\naxios.defaults.timeout = 1000;").defaultTimeouts).toEqual(['axios']);
    expect(extractOf("'use client';\nfetch('/api');", 'src/form.ts').clientSide).toBe(true);
    expect(extractOf("fetch('/api');", 'src/components/Form.tsx').clientSide).toBe(true);
    expect(extractOf("fetch('/api');", 'app/api/x/route.tsx').clientSide).toBe(false);
  });
});
