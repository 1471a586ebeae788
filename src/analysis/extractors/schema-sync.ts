// Code that lets the ORM reshape the database schema at start-up: Sequelize `sync({ alter|force })`
// and TypeORM `synchronize: true`. Either can drop columns and data in production unless something
// limits it to development (an environment check around it, or an environment-derived value).
import type { ts as TS } from 'ts-morph';
import type { FileExtractor, SourceInput } from '../extractor.js';
import { lineOf } from '../syntax.js';
import { readsEnvironment } from './module-bindings.js';

export interface SchemaSyncSite {
  kind: 'sequelize-sync' | 'typeorm-synchronize';
  /** What was written: `sequelize.sync({ alter: true })`. */
  code: string;
  line: number;
  /** Inside a condition that reads the environment. */
  guarded: boolean;
}

export interface SchemaSyncExtract {
  sites: SchemaSyncSite[];
}

function isTrue(ts: typeof TS, node: TS.Node): boolean {
  return node.kind === ts.SyntaxKind.TrueKeyword;
}

/** Some `if`, `?:` or `&&` around the node tests the environment. */
function environmentGuarded(ts: typeof TS, node: TS.Node): boolean {
  let child: TS.Node = node;
  let current: TS.Node | undefined = node.parent;
  while (current) {
    if (ts.isIfStatement(current) && child !== current.expression && readsEnvironment(ts, current.expression)) return true;
    if (ts.isConditionalExpression(current) && child !== current.condition && readsEnvironment(ts, current.condition)) return true;
    if (ts.isBinaryExpression(current) && child === current.right && readsEnvironment(ts, current.left)) return true;
    child = current;
    current = current.parent;
  }
  return false;
}

export function extractSchemaSync(input: SourceInput): SchemaSyncExtract {
  const { ts, sourceFile, nodes } = input;
  const sites: SchemaSyncSite[] = [];
  const short = (node: TS.Node) => node.getText(sourceFile).replace(/\s+/g, ' ').slice(0, 80);
  for (const node of nodes.ofKind(ts.SyntaxKind.CallExpression) as TS.CallExpression[]) {
    const callee = node.expression;
    if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'sync') continue;
    const options = node.arguments[0];
    if (!options || !ts.isObjectLiteralExpression(options)) continue;
    const destructive = options.properties.some((property) => ts.isPropertyAssignment(property) && /^(alter|force)$/.test(property.name.getText(sourceFile)) && isTrue(ts, property.initializer));
    if (destructive) sites.push({ kind: 'sequelize-sync', code: short(node), line: lineOf(sourceFile, node), guarded: environmentGuarded(ts, node) });
  }
  for (const node of nodes.ofKind(ts.SyntaxKind.PropertyAssignment) as TS.PropertyAssignment[]) {
    if (node.name.getText(sourceFile).replace(/['"]/g, '') !== 'synchronize' || !isTrue(ts, node.initializer)) continue;
    sites.push({ kind: 'typeorm-synchronize', code: short(node), line: lineOf(sourceFile, node), guarded: environmentGuarded(ts, node) });
  }
  return { sites };
}

export const schemaSyncExtractor: FileExtractor<SchemaSyncExtract> = {
  id: 'schema-sync',
  areas: ['data'],
  extract(input) {
    if (input.isTest) return null;
    const result = extractSchemaSync(input);
    return result.sites.length === 0 ? null : result;
  },
};
