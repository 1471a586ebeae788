import { describe, expect, it } from 'vitest';
import { requestUrlsCheck } from '../../../src/checks/security/request-urls.js';
import { runCheckOn } from '../../helpers/run-check.js';

const urlsOf = async (files: Record<string, string>) => (await runCheckOn(requestUrlsCheck, files)).findings.map((finding) => `${finding.location?.file}:${finding.location?.line} ${String(finding.data?.['input'])}`);

describe('security.request-urls', () => {
  it.each([
    ['a Next.js route, through the body and a destructuring', 'app/api/import/route.ts', "export async function POST(req: Request) {\n  const body = (await req.json()) as { url: string };\n  const { url } = body;\n  try { new URL(url); } catch { return new Response('bad', { status: 400 }); }\n  const response = await fetch(url);\n  return new Response(await response.blob());\n}\n", ['app/api/import/route.ts:5 url']],
    ['Express, straight from the query', 'src/routes/proxy.ts', "router.get('/proxy', async (req, res) => {\n  const r = await axios.get(req.query.target as string);\n  res.send(r.data);\n});\nimport axios from 'axios';\n", ['src/routes/proxy.ts:2 req.query.target']],
    ['a template that starts with the input', 'src/routes/hook.ts', "export async function test(req, res) {\n  const { webhookUrl } = req.body;\n  await fetch(`${webhookUrl}/ping`, { method: 'POST' });\n  res.sendStatus(204);\n}\n", ['src/routes/hook.ts:3 webhookUrl']],
    ['axios with a config object', 'src/api.ts', "import axios from 'axios';\nexport async function go(req, res) {\n  const url = req.body.url.trim();\n  const r = await axios({ url, method: 'get' });\n  res.json(r.data);\n}\n", ['src/api.ts:4 url']],
    ['searchParams', 'app/api/og/route.ts', "export async function GET(request: Request) {\n  const target = new URL(request.url).searchParams.get('src');\n  return fetch(target!);\n}\n", ['app/api/og/route.ts:3 target']],
  ])('reports %s', async (_name, path, code, expected) => {
    expect(await urlsOf({ [path]: code })).toEqual(expected);
  });

  it.each([
    ['a fixed host with the input in the path', "export async function GET(req) {\n  const { id } = req.query;\n  return fetch(`https://api.github.com/users/${id}`);\n}\n"],
    ['a host checked against an allowlist', "const ALLOWED_HOSTS = ['images.example.com'];\nexport async function POST(req) {\n  const { url } = await req.json();\n  if (!ALLOWED_HOSTS.includes(new URL(url).hostname)) return new Response('no', { status: 400 });\n  return fetch(url);\n}\n"],
    ['an address computed from the input (a record the server looked up)', "export async function POST(req) {\n  const { id } = await req.json();\n  const user = await db.user.findUnique({ where: { id } });\n  return fetch(user.avatarUrl);\n}\n"],
    ['an address from the environment', "export async function POST(req) {\n  const body = await req.json();\n  return fetch(process.env.WEBHOOK_URL!, { method: 'POST', body: JSON.stringify(body) });\n}\n"],
    ['the input passed as the body, not the address', "export async function POST(req) {\n  const { url } = await req.json();\n  return fetch('https://api.example.com/shorten', { method: 'POST', body: JSON.stringify({ url }) });\n}\n"],
  ])('passes %s', async (_name, code) => {
    expect(await urlsOf({ 'app/api/x/route.ts': code })).toEqual([]);
  });

  it('is not applicable without outbound calls', async () => {
    expect((await runCheckOn(requestUrlsCheck, { 'src/a.ts': 'export const a = 1;' })).status).toBe('na');
  });
});
