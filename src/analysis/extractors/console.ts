// `console.*` calls, with the method and line: the logging of code that has no logger.
import type { ts as TS } from 'ts-morph';
import type { FileExtractor, SourceInput } from '../extractor.js';
import { lineOf } from '../syntax.js';

export interface ConsoleCall {
  method: string;
  line: number;
}

export interface ConsoleExtract {
  calls: ConsoleCall[];
}

export function extractConsole({ ts, sourceFile, nodes }: SourceInput): ConsoleExtract {
  const calls: ConsoleCall[] = [];
  for (const node of nodes.ofKind(ts.SyntaxKind.CallExpression) as TS.CallExpression[]) {
    const callee = node.expression;
    if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'console') {
      calls.push({ method: callee.name.text, line: lineOf(sourceFile, node) });
    }
  }
  return { calls };
}

export const consoleExtractor: FileExtractor<ConsoleExtract> = {
  id: 'console',
  areas: ['code', 'observability'],
  extract(input) {
    const result = extractConsole(input);
    return result.calls.length === 0 ? null : result;
  },
};
