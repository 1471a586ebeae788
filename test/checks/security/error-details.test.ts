import { describe, expect, it } from 'vitest';
import { errorDetailsCheck } from '../../../src/checks/security/error-details.js';
import { runCheckOn } from '../../helpers/run-check.js';

const route = (status: number, answer: string) =>
  `export async function POST(request: Request) {\n  try {\n    return Response.json(await save(await request.json()));\n  } catch (error) {\n    return NextResponse.json(${answer}, { status: ${status} });\n  }\n}\n`;

describe('security.error-details', () => {
  it('lists each response that carries the error text, at the response', async () => {
    const result = await runCheckOn(errorDetailsCheck, { 'app/api/items/route.ts': route(500, '{ error: (error as Error).message }'), 'src/ok.ts': 'export const ok = 1;' });
    expect(result.status).toBe('partial');
    expect(result.findings).toEqual([
      expect.objectContaining({
        message: 'POST answers a failed request with `error.message`: the error\'s own text reaches the client.',
        location: { file: 'app/api/items/route.ts', line: 5 },
        severity: 'low',
      }),
    ]);
  });

  it('fails when answering with error text is the habit', async () => {
    const files = Object.fromEntries([1, 2, 3, 4].map((index) => [`app/api/r${index}/route.ts`, route(500, '{ error: String(error) }')]));
    expect((await runCheckOn(errorDetailsCheck, files)).status).toBe('fail');
  });

  it('passes generic answers and client errors, and leaves tests out', async () => {
    const result = await runCheckOn(errorDetailsCheck, {
      'app/api/a/route.ts': route(500, "{ error: 'Could not save the item' }"),
      'app/api/b/route.ts': route(400, '{ error: (error as Error).message }'),
      'app/api/c/route.test.ts': route(500, '{ error: (error as Error).message }'),
    });
    expect(result.status).toBe('pass');
  });
});
