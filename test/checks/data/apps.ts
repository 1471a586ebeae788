// Small in-memory apps shared by the data and observability check tables.
import { expect } from 'vitest';
import type { AnyCheck } from '../../../src/core/check.js';
import type { CheckResult } from '../../../src/core/run-check.js';
import { runCheckOn } from '../../helpers/run-check.js';

export function manifest(dependencies: Record<string, string>, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ name: 'app', version: '1.0.0', private: true, scripts: { start: 'node dist/server.js' }, dependencies, ...extra }, null, 2);
}

/** An Express service with Prisma: the common prototype shape. */
export function expressPrisma(files: Record<string, string>, dependencies: Record<string, string> = {}): Record<string, string> {
  return { 'package.json': manifest({ express: '^4.19.0', '@prisma/client': '^5.0.0', ...dependencies }), ...files };
}

export const LIBRARY = { 'package.json': JSON.stringify({ name: 'tiny-lib', version: '1.0.0', main: 'dist/index.js', types: 'dist/index.d.ts', dependencies: {} }), 'src/index.ts': 'export const add = (a: number, b: number) => a + b;\n' };

export interface Case {
  name: string;
  files: Record<string, string>;
  status: CheckResult['status'];
  score?: number;
  findings?: number;
  /** Substrings expected in the evidence, the reason, or a finding message (joined). */
  says?: string[];
}

export async function expectCase(check: AnyCheck, { files, status, score, findings, says }: Case): Promise<CheckResult> {
  const result = await runCheckOn(check, files);
  const text = [...result.evidence, result.reason ?? '', ...result.findings.map((finding) => finding.message)].join('\n');
  expect(result.status, `${result.reason ?? ''}\n${text}`).toBe(status);
  if (score !== undefined) expect(result.score).toBeCloseTo(score, 2);
  if (findings !== undefined) expect(result.findings).toHaveLength(findings);
  for (const fragment of says ?? []) expect(text).toContain(fragment);
  return result;
}
