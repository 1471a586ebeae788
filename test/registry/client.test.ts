import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient } from '../../src/registry/client.js';
import type { NpmrcSettings } from '../../src/registry/npmrc.js';
import { MISBEHAVING, startRegistryServer, type RegistryServer } from '../helpers/registry-server.js';

let server: RegistryServer;
let client: RegistryClient;

const npmrc = (registry: string): NpmrcSettings => ({ registry, scopes: {}, fetchOptions: {}, sources: [] });

beforeAll(async () => {
  server = await startRegistryServer();
  server.slowMs = 1_500;
  client = new RegistryClient({ npmrc: npmrc('https://registry.invalid/'), registry: server.url, timeoutMs: 400, retries: 1 });
});
afterAll(() => server.close());

describe('RegistryClient.packageInfo against a loopback registry', () => {
  it('derives versions, dist-tags and publish times, dropping untagged prereleases', async () => {
    const info = await client.packageInfo('ms');
    expect(info).toMatchObject({ name: 'ms', status: 'ok', reason: null, distTags: { latest: '2.1.3' }, fromCache: false });
    expect(info.time['2.1.3']).toBe('2024-02-23T22:24:14.754Z');
    expect(Object.keys(info.time).some((version) => version.includes('canary'))).toBe(false);
    expect(info.deprecated).toEqual({});
  });

  it('reads deprecations and install scripts per version', async () => {
    const request = await client.packageInfo('request');
    expect(request.deprecated['2.88.2']).toMatch(/request has been deprecated/);
    const esbuild = await client.packageInfo('esbuild');
    expect(esbuild.installScripts).toContain('0.28.2');
    expect((await client.packageInfo('is-number')).installScripts).toEqual([]);
  });

  it('turns a 404 into nonexistent and escapes scoped names', async () => {
    const info = await client.packageInfo('@acme/made-up-helper');
    expect(info).toMatchObject({ status: 'nonexistent', reason: 'the registry has no package of this name (HTTP 404)' });
    expect(server.requests.some((request) => request.path === '/@acme/made-up-helper')).toBe(true);
  });

  it('degrades a 500, a timeout, malformed JSON and a wrong shape to unknown with the reason', async () => {
    const before = server.requests.length;
    const broken = await client.packageInfo(MISBEHAVING.serverError);
    expect(broken).toMatchObject({ status: 'unknown', reason: 'the registry answered HTTP 500' });
    // one retry after the first failure
    expect(server.requests.slice(before).filter((request) => request.path === `/${MISBEHAVING.serverError}`)).toHaveLength(2);
    expect(await client.packageInfo(MISBEHAVING.slow)).toMatchObject({ status: 'unknown', reason: 'the registry did not answer in time' });
    expect(await client.packageInfo(MISBEHAVING.malformed)).toMatchObject({ status: 'unknown', reason: 'the registry sent a malformed document (not JSON)' });
    const shape = await client.packageInfo(MISBEHAVING.wrongShape);
    expect(shape.status).toBe('unknown');
    expect(shape.reason).toMatch(/^the registry sent an unexpected document \(versions: /);
  });

  it('says "network error" when nothing listens, without leaking credentials in the URL', async () => {
    const offline = new RegistryClient({ npmrc: npmrc('http://user:secret@127.0.0.1:9/'), registry: null, timeoutMs: 400, retries: 0 });
    const info = await offline.packageInfo('ms');
    expect(info.status).toBe('unknown');
    expect(info.reason).not.toContain('secret');
    expect(offline.registry).toBe('http://user:secret@127.0.0.1:9/');
  });

  it('routes scoped packages to their scope registry', () => {
    const scoped = new RegistryClient({ npmrc: { ...npmrc('https://registry.npmjs.org/'), scopes: { '@corp': 'https://npm.corp.example/' } }, registry: server.url });
    expect(scoped.registryFor('@corp/ui')).toBe('https://npm.corp.example/');
    expect(scoped.registryFor('ms')).toBe(server.url);
  });
});

describe('RegistryClient.bulkAdvisories', () => {
  it('posts the installed versions and returns the answer', async () => {
    server.advisoryMode = 'answer';
    const answer = await client.bulkAdvisories({ request: ['2.88.2'], ms: ['2.1.3'] });
    expect(answer.ok).toBe(true);
    const post = server.requests.find((request) => request.method === 'POST');
    expect(post?.body).toEqual({ request: ['2.88.2'], ms: ['2.1.3'] });
  });

  it.each([
    ['refuse-405', 'the registry does not offer the bulk advisory endpoint npm audit uses (HTTP 405)'],
    ['missing-404', 'the registry does not offer the bulk advisory endpoint npm audit uses (HTTP 404)'],
  ] as const)('explains a refusal (%s)', async (mode, reason) => {
    server.advisoryMode = mode;
    expect(await client.bulkAdvisories({ ms: ['2.1.3'] })).toEqual({ ok: false, reason });
    server.advisoryMode = 'answer';
  });
});
