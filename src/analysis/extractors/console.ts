// `console.*` calls, with the method and line: the logging of code that has no logger.
import type { ts as TS } from 'ts-morph';
import type { FileExtractor, SourceInput } from '../extractor.js';
import { lineOf } from '../syntax.js';
import { hasDirective } from './node-shapes.js';

export interface ConsoleCall {
  method: string;
  line: number;
}

export interface ConsoleExtract {
  calls: ConsoleCall[];
  /** The file's `'use server'` / `'use client'` directive: where React frameworks run it. */
  runsOn?: 'server' | 'client';
}

export function extractConsole({ ts, sourceFile, nodes }: SourceInput): ConsoleExtract {
  const calls: ConsoleCall[] = [];
  const runsOn = hasDirective(ts, sourceFile.statements, 'use server') ? 'server' : hasDirective(ts, sourceFile.statements, 'use client') ? 'client' : undefined;
  for (const node of nodes.ofKind(ts.SyntaxKind.CallExpression) as TS.CallExpression[]) {
    const callee = node.expression;
    if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'console') {
      calls.push({ method: callee.name.text, line: lineOf(sourceFile, node) });
    }
  }
  return { calls, ...(runsOn ? { runsOn } : {}) };
}

export const consoleExtractor: FileExtractor<ConsoleExtract> = {
  id: 'console',
  areas: ['code', 'observability'],
  extract(input) {
    const result = extractConsole(input);
    return result.calls.length === 0 && result.runsOn === undefined ? null : result;
  },
};
