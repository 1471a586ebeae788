// Module edges of one file: what it imports (ESM, CommonJS, dynamic, `import x = require()`) and
// what it exports. Shared by the dependency checks (unused/unlisted packages), the import graph
// (cycles, unused files and exports) and anyone who needs to know what a file pulls in.
import type { ts as TS } from 'ts-morph';
import type { FileExtractor, SourceInput } from '../extractor.js';
import { lineOf } from '../syntax.js';

export type ImportKind = 'import' | 'export-from' | 'require' | 'dynamic-import' | 'import-equals';

export interface ImportRecord {
  specifier: string;
  line: number;
  kind: ImportKind;
  typeOnly: boolean;
  /** Imported names; 'default' for a default import, '*' for a namespace; [] for a side-effect import. */
  names: string[];
}

export type ExportKind = 'named' | 'default' | 're-export' | 'star';

export interface ExportRecord {
  name: string;
  line: number;
  typeOnly: boolean;
  kind: ExportKind;
  /** A property of `module.exports = { … }`: a default import of the module (ESM interop) gets it too. */
  ofCommonJsObject?: true;
}

export interface ImportsExtract {
  imports: ImportRecord[];
  exports: ExportRecord[];
}

function literalText(ts: typeof TS, node: TS.Node | undefined): string | null {
  if (!node) return null;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  return null;
}

function hasModifier(ts: typeof TS, node: TS.Node, kind: TS.SyntaxKind): boolean {
  const modifiers = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
  return modifiers?.some((modifier) => modifier.kind === kind) ?? false;
}

function bindingNames(ts: typeof TS, name: TS.BindingName, out: string[]): void {
  if (ts.isIdentifier(name)) {
    out.push(name.text);
    return;
  }
  for (const element of name.elements) {
    if (!ts.isOmittedExpression(element)) bindingNames(ts, element.name, out);
  }
}

/** Names pulled out of a `require()` by the declaration around it: `const { a, b } = require('x')`. */
function requiredNames(ts: typeof TS, call: TS.CallExpression): string[] {
  const parent = call.parent;
  if (parent && ts.isVariableDeclaration(parent) && parent.initializer === call) {
    if (ts.isObjectBindingPattern(parent.name)) {
      return parent.name.elements.map((element) => {
        const property = element.propertyName;
        if (property && (ts.isIdentifier(property) || ts.isStringLiteral(property))) return property.text;
        return ts.isIdentifier(element.name) ? element.name.text : '*';
      });
    }
    return ['*'];
  }
  if (parent && ts.isPropertyAccessExpression(parent) && parent.expression === call) return [parent.name.text];
  return parent && ts.isExpressionStatement(parent) ? [] : ['*'];
}

function importClauseNames(ts: typeof TS, clause: TS.ImportClause | undefined): string[] {
  if (!clause) return [];
  const names: string[] = [];
  if (clause.name) names.push('default');
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) names.push('*');
  else if (bindings) for (const element of bindings.elements) names.push((element.propertyName ?? element.name).text);
  return names;
}

function visitStatement(ts: typeof TS, sf: TS.SourceFile, statement: TS.Statement, result: ImportsExtract): void {
  const line = lineOf(sf, statement);
  if (ts.isImportDeclaration(statement)) {
    const specifier = literalText(ts, statement.moduleSpecifier);
    if (specifier === null) return;
    const clause = statement.importClause;
    const names = importClauseNames(ts, clause);
    const bindings = clause?.namedBindings;
    const allTypeElements =
      bindings !== undefined &&
      ts.isNamedImports(bindings) &&
      bindings.elements.length > 0 &&
      clause?.name === undefined &&
      bindings.elements.every((element) => element.isTypeOnly);
    result.imports.push({ specifier, line, kind: 'import', typeOnly: Boolean(clause?.isTypeOnly) || allTypeElements, names });
    return;
  }
  if (ts.isImportEqualsDeclaration(statement)) {
    const reference = statement.moduleReference;
    if (ts.isExternalModuleReference(reference)) {
      const specifier = literalText(ts, reference.expression);
      if (specifier !== null) {
        result.imports.push({ specifier, line, kind: 'import-equals', typeOnly: statement.isTypeOnly, names: ['*'] });
      }
    }
    if (hasModifier(ts, statement, ts.SyntaxKind.ExportKeyword)) {
      result.exports.push({ name: statement.name.text, line, typeOnly: statement.isTypeOnly, kind: 'named' });
    }
    return;
  }
  if (ts.isExportDeclaration(statement)) {
    const specifier = literalText(ts, statement.moduleSpecifier);
    const clause = statement.exportClause;
    const names: string[] = [];
    if (clause && ts.isNamedExports(clause)) {
      for (const element of clause.elements) {
        names.push((element.propertyName ?? element.name).text);
        const typeOnly = statement.isTypeOnly || element.isTypeOnly;
        result.exports.push({
          name: element.name.text,
          line: lineOf(sf, element),
          typeOnly,
          kind: specifier === null ? 'named' : 're-export',
        });
      }
    } else if (clause && ts.isNamespaceExport(clause)) {
      names.push('*');
      result.exports.push({ name: clause.name.text, line, typeOnly: statement.isTypeOnly, kind: 're-export' });
    } else {
      names.push('*');
      result.exports.push({ name: '*', line, typeOnly: statement.isTypeOnly, kind: 'star' });
    }
    if (specifier !== null) {
      result.imports.push({ specifier, line, kind: 'export-from', typeOnly: statement.isTypeOnly, names });
    }
    return;
  }
  if (ts.isExportAssignment(statement)) {
    result.exports.push({ name: 'default', line, typeOnly: false, kind: 'default' });
    return;
  }
  if (!hasModifier(ts, statement, ts.SyntaxKind.ExportKeyword)) return;
  const isDefault = hasModifier(ts, statement, ts.SyntaxKind.DefaultKeyword);
  const typeOnly = ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement);
  if (isDefault) {
    result.exports.push({ name: 'default', line, typeOnly, kind: 'default' });
    return;
  }
  if (ts.isVariableStatement(statement)) {
    const names: string[] = [];
    for (const declaration of statement.declarationList.declarations) bindingNames(ts, declaration.name, names);
    for (const name of names) result.exports.push({ name, line, typeOnly: false, kind: 'named' });
    return;
  }
  const named = statement as TS.Statement & { name?: TS.Node };
  if (named.name && (ts.isIdentifier(named.name) || ts.isStringLiteral(named.name))) {
    const declareOnly = ts.isModuleDeclaration(statement) && hasModifier(ts, statement, ts.SyntaxKind.DeclareKeyword);
    result.exports.push({ name: named.name.text, line, typeOnly: typeOnly || declareOnly, kind: 'named' });
  }
}

/** `createRequire(import.meta.url)` and `createRequire(__filename)` resolve from the file itself. */
function isOwnLocation(ts: typeof TS, node: TS.Expression | undefined): boolean {
  if (node === undefined) return false;
  if (ts.isIdentifier(node)) return node.text === '__filename';
  return ts.isPropertyAccessExpression(node) && ts.isMetaProperty(node.expression) && node.name.text === 'url';
}

/**
 * A `require` made by `createRequire(somewhere else)` in the nearest scope that declares one
 * (`const require = createRequire(join(toolsDir, 'package.json'))`): it loads packages installed
 * there, which are not this package's dependencies.
 */
function resolvesElsewhere(ts: typeof TS, call: TS.CallExpression): boolean {
  for (let scope: TS.Node | undefined = call.parent; scope !== undefined; scope = scope.parent) {
    if (!ts.isBlock(scope) && !ts.isSourceFile(scope)) continue;
    for (const statement of scope.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name) || declaration.name.text !== 'require') continue;
        const init = declaration.initializer;
        if (init === undefined || !ts.isCallExpression(init)) return false;
        const factory = ts.isPropertyAccessExpression(init.expression) ? init.expression.name.text : ts.isIdentifier(init.expression) ? init.expression.text : '';
        return factory === 'createRequire' && !isOwnLocation(ts, init.arguments[0]);
      }
    }
  }
  return false;
}

/** `require('x')`, `import('x')`, `import('x')` types and CommonJS export assignments anywhere in the file. */
function visitExpressions(ts: typeof TS, sf: TS.SourceFile, nodes: SourceInput['nodes'], result: ImportsExtract): void {
  for (const node of nodes.ofKind(ts.SyntaxKind.CallExpression) as TS.CallExpression[]) {
    const callee = node.expression;
    if (callee.kind === ts.SyntaxKind.ImportKeyword) {
      const specifier = literalText(ts, node.arguments[0]);
      if (specifier !== null) {
        result.imports.push({ specifier, line: lineOf(sf, node), kind: 'dynamic-import', typeOnly: false, names: ['*'] });
      }
    } else if (ts.isIdentifier(callee) && callee.text === 'require' && node.arguments.length === 1 && !resolvesElsewhere(ts, node)) {
      const specifier = literalText(ts, node.arguments[0]);
      if (specifier !== null) {
        result.imports.push({ specifier, line: lineOf(sf, node), kind: 'require', typeOnly: false, names: requiredNames(ts, node) });
      }
    }
  }
  // `new URL('./worker.js', import.meta.url)` and `new Worker('./worker.js')` load a module too.
  for (const node of nodes.ofKind(ts.SyntaxKind.NewExpression) as TS.NewExpression[]) {
    const specifier = loadedByUrl(ts, node);
    if (specifier !== null) {
      result.imports.push({ specifier, line: lineOf(sf, node), kind: 'dynamic-import', typeOnly: false, names: ['*'] });
    }
  }
  // `typeof import('x')` in a type position: a type-only edge.
  for (const node of nodes.ofKind(ts.SyntaxKind.ImportType) as TS.ImportTypeNode[]) {
    const argument = node.argument;
    const specifier = ts.isLiteralTypeNode(argument) ? literalText(ts, argument.literal) : null;
    if (specifier !== null) {
      result.imports.push({ specifier, line: lineOf(sf, node), kind: 'dynamic-import', typeOnly: true, names: ['*'] });
    }
  }
  for (const node of nodes.ofKind(ts.SyntaxKind.BinaryExpression) as TS.BinaryExpression[]) {
    if (node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
    const exported = commonJsExportName(ts, node.left);
    if (exported === null) continue;
    // `module.exports = { a, b }` exports a and b, which callers take by name: `const { a } = require(…)`.
    const properties = exported === 'default' ? objectExportNames(ts, node.right) : null;
    if (properties) {
      for (const name of properties) result.exports.push({ name, line: lineOf(sf, node), typeOnly: false, kind: 'named', ofCommonJsObject: true });
    } else {
      result.exports.push({ name: exported, line: lineOf(sf, node), typeOnly: false, kind: exported === 'default' ? 'default' : 'named' });
    }
  }
}

/** The module a `new URL(relative, import.meta.url)` or `new Worker(relative)` points at. */
function loadedByUrl(ts: typeof TS, node: TS.NewExpression): string | null {
  const callee = node.expression;
  if (!ts.isIdentifier(callee)) return null;
  const [first, second] = node.arguments ?? [];
  const specifier = literalText(ts, first);
  if (specifier === null || !/^\.\.?\//.test(specifier) || !/\.[cm]?[jt]sx?$/.test(specifier)) return null;
  if (callee.text === 'Worker' || callee.text === 'SharedWorker') return specifier;
  const metaUrl =
    second !== undefined &&
    ts.isPropertyAccessExpression(second) &&
    ts.isMetaProperty(second.expression) &&
    second.name.text === 'url';
  return callee.text === 'URL' && metaUrl ? specifier : null;
}

/** The keys of an object literal, or null when one cannot be read (a spread, a computed key). */
function objectExportNames(ts: typeof TS, value: TS.Expression): string[] | null {
  if (!ts.isObjectLiteralExpression(value) || value.properties.length === 0) return null;
  const names: string[] = [];
  for (const property of value.properties) {
    const name = ts.isSpreadAssignment(property) ? undefined : property.name;
    if (!name || !(ts.isIdentifier(name) || ts.isStringLiteral(name))) return null;
    names.push(name.text);
  }
  return names;
}

/** `module.exports = …` → 'default'; `module.exports.x = …` / `exports.x = …` → 'x'. */
function commonJsExportName(ts: typeof TS, target: TS.Expression): string | null {
  if (!ts.isPropertyAccessExpression(target)) return null;
  const object = target.expression;
  if (ts.isIdentifier(object) && object.text === 'module' && target.name.text === 'exports') return 'default';
  if (ts.isIdentifier(object) && object.text === 'exports') return target.name.text;
  if (
    ts.isPropertyAccessExpression(object) &&
    ts.isIdentifier(object.expression) &&
    object.expression.text === 'module' &&
    object.name.text === 'exports'
  ) {
    return target.name.text;
  }
  return null;
}

export function extractImports({ ts, sourceFile, nodes }: SourceInput): ImportsExtract {
  const result: ImportsExtract = { imports: [], exports: [] };
  for (const statement of sourceFile.statements) visitStatement(ts, sourceFile, statement, result);
  visitExpressions(ts, sourceFile, nodes, result);
  result.imports.sort((a, b) => a.line - b.line);
  return result;
}

export const importsExtractor: FileExtractor<ImportsExtract> = {
  id: 'imports',
  areas: ['code', 'deps', 'data', 'observability'],
  extract(input) {
    const result = extractImports(input);
    return result.imports.length === 0 && result.exports.length === 0 ? null : result;
  },
};
