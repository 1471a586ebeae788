// Writes a deterministic, realistic TypeScript/React repository for the code-health benchmark:
// modules of services (classes), utilities (branchy functions), React components (TSX), types and
// barrels, importing each other. Same seed, same bytes.
import { mkdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOUNS = ['user', 'order', 'invoice', 'payment', 'account', 'session', 'product', 'cart', 'report', 'team', 'project', 'task'];
const VERBS = ['load', 'save', 'update', 'remove', 'validate', 'format', 'compute', 'sync', 'merge', 'resolve'];

const cap = (word) => word[0].toUpperCase() + word.slice(1);

function branchyBody(random, depth = 0) {
  const lines = [];
  const statements = 2 + Math.floor(random() * 5);
  for (let index = 0; index < statements; index++) {
    const choice = random();
    const pad = '  '.repeat(depth + 1);
    if (choice < 0.25 && depth < 3) {
      lines.push(`${pad}if (input.${NOUNS[index % NOUNS.length]}Id && input.count > ${index}) {`);
      lines.push(...branchyBody(random, depth + 1));
      lines.push(`${pad}} else {`, `${pad}  result.push(input.count ?? ${index});`, `${pad}}`);
    } else if (choice < 0.4 && depth < 3) {
      lines.push(`${pad}for (const item of input.items) {`);
      lines.push(...branchyBody(random, depth + 1));
      lines.push(`${pad}}`);
    } else if (choice < 0.5) {
      lines.push(`${pad}try {`, `${pad}  result.push(JSON.parse(input.raw).value as number);`, `${pad}} catch (error) {`, `${pad}  throw new Error(\`bad input: \${String(error)}\`);`, `${pad}}`);
    } else if (choice < 0.6) {
      lines.push(`${pad}const label = input.count > ${index * 3} ? 'many' : input.count === 0 ? 'none' : 'few';`, `${pad}result.push(label.length);`);
    } else {
      lines.push(`${pad}result.push(input.items.filter((entry) => entry.value > ${index}).map((entry) => entry.value * 2).reduce((a, b) => a + b, 0));`);
    }
  }
  return lines;
}

function utilFile(random, moduleName, index) {
  const lines = [`import type { Input } from './types';`, `import { clamp } from '../../shared/math';`, ''];
  const count = 3 + Math.floor(random() * 4);
  for (let fn = 0; fn < count; fn++) {
    const name = `${VERBS[(index + fn) % VERBS.length]}${cap(moduleName)}${fn}`;
    lines.push(`/** ${name}: derived figures for the ${moduleName} screen. */`);
    lines.push(`export function ${name}(input: Input, limit = 10): number[] {`, '  const result: number[] = [];');
    lines.push(...branchyBody(random));
    lines.push('  return result.slice(0, clamp(limit, 0, 100));', '}', '');
  }
  return lines.join('\n');
}

function serviceFile(random, moduleName, index) {
  const Name = `${cap(moduleName)}Service${index}`;
  const lines = [
    `import type { Input, Record${cap(moduleName)} } from './types';`,
    `import { ${VERBS[index % VERBS.length]}${cap(moduleName)}0 } from './util-${index % 6}';`,
    `import { logger } from '../../shared/logger';`,
    '',
    `export class ${Name} {`,
    `  private readonly cache = new Map<string, Record${cap(moduleName)}>();`,
    '',
    `  constructor(private readonly baseUrl: string) {}`,
    '',
  ];
  const methods = 3 + Math.floor(random() * 4);
  for (let method = 0; method < methods; method++) {
    lines.push(`  async ${VERBS[(method + index) % VERBS.length]}(id: string, input: Input): Promise<Record${cap(moduleName)} | null> {`);
    lines.push('    const cached = this.cache.get(id);', '    if (cached && !input.force) return cached;');
    lines.push('    const response = await fetch(`${this.baseUrl}/' + moduleName + 's/${id}`);');
    lines.push("    if (!response.ok) {", "      logger.warn('request failed', { id, status: response.status });", '      return null;', '    }');
    lines.push(`    const body = (await response.json()) as Record${cap(moduleName)};`);
    if (random() < 0.5) lines.push(`    body.score = ${VERBS[index % VERBS.length]}${cap(moduleName)}0(input).length;`);
    lines.push('    this.cache.set(id, body);', '    return body;', '  }', '');
  }
  lines.push('}', '');
  return lines.join('\n');
}

function componentFile(random, moduleName, index) {
  const Name = `${cap(moduleName)}Panel${index}`;
  const lines = [
    "import { useEffect, useState } from 'react';",
    `import type { Record${cap(moduleName)} } from './types';`,
    `import { ${cap(moduleName)}Service${index % 8} } from './service-${index % 8}';`,
    '',
    `const service = new ${cap(moduleName)}Service${index % 8}('/api');`,
    '',
    `export interface ${Name}Props {`,
    '  id: string;',
    '  compact?: boolean;',
    `  onSelect?: (record: Record${cap(moduleName)}) => void;`,
    '}',
    '',
    `export function ${Name}({ id, compact = false, onSelect }: ${Name}Props) {`,
    `  const [record, setRecord] = useState<Record${cap(moduleName)} | null>(null);`,
    '  const [error, setError] = useState<string | null>(null);',
    '',
    '  useEffect(() => {',
    '    let cancelled = false;',
    "    service.load(id, { items: [], count: 0, raw: '{}' }).then(",
    '      (value) => {',
    '        if (!cancelled) setRecord(value);',
    '      },',
    '      (reason: unknown) => setError(String(reason)),',
    '    );',
    '    return () => {',
    '      cancelled = true;',
    '    };',
    '  }, [id]);',
    '',
    '  if (error) return <p className="error">{error}</p>;',
    '  if (!record) return <p>Loading…</p>;',
    '  return (',
    `    <section className={compact ? 'compact' : 'full'}>`,
    '      <h2>{record.name}</h2>',
    '      {record.tags.length > 0 && (',
    '        <ul>',
    '          {record.tags.map((tag) => (',
    '            <li key={tag} onClick={() => onSelect?.(record)}>',
    '              {tag}',
    '            </li>',
    '          ))}',
    '        </ul>',
    '      )}',
  ];
  const extra = Math.floor(random() * 6);
  for (let row = 0; row < extra; row++) lines.push(`      <p data-row="${row}">{record.score > ${row * 10} ? 'high' : 'low'}</p>`);
  lines.push('    </section>', '  );', '}', '');
  return lines.join('\n');
}

function typesFile(moduleName) {
  return [
    `export interface Record${cap(moduleName)} {`,
    '  id: string;',
    '  name: string;',
    '  tags: string[];',
    '  score: number;',
    '}',
    '',
    'export interface Input {',
    '  items: { value: number }[];',
    '  count: number;',
    '  raw: string;',
    '  force?: boolean;',
    `  ${moduleName}Id?: string;`,
    ...NOUNS.map((noun) => `  ${noun}Id?: string;`),
    '}',
    '',
  ].join('\n');
}

const SHARED = {
  'src/shared/math.ts': 'export function clamp(value: number, min: number, max: number): number {\n  return Math.min(max, Math.max(min, value));\n}\n',
  'src/shared/logger.ts': "export const logger = {\n  warn(message: string, data?: object): void {\n    process.stderr.write(`${message} ${JSON.stringify(data ?? {})}\\n`);\n  },\n};\n",
};

/** Writes the repository (once; a marker file records the parameters) and returns its path. */
export function generateRepo(root, { modules = 100, seed = 42 } = {}) {
  const marker = join(root, '.generated.json');
  const parameters = JSON.stringify({ modules, seed, version: 1 });
  if (existsSync(marker) && readFileSync(marker, 'utf8') === parameters) return root;
  const random = prng(seed);
  const files = { ...SHARED, 'package.json': JSON.stringify({ name: 'bench-app', private: true, main: 'src/index.ts' }, null, 2) };
  const barrel = [];
  for (let module = 0; module < modules; module++) {
    const name = NOUNS[module % NOUNS.length];
    const dir = `src/modules/${name}-${module}`;
    const exports = [];
    files[`${dir}/types.ts`] = typesFile(name);
    for (let index = 0; index < 6; index++) files[`${dir}/util-${index}.ts`] = utilFile(random, name, index);
    for (let index = 0; index < 8; index++) {
      files[`${dir}/service-${index}.ts`] = serviceFile(random, name, index);
      exports.push(`export * from './service-${index}';`);
    }
    for (let index = 0; index < 34; index++) {
      files[`${dir}/panel-${index}.tsx`] = componentFile(random, name, index);
      exports.push(`export * from './panel-${index}';`);
    }
    files[`${dir}/index.ts`] = exports.join('\n') + '\n';
    barrel.push(`export * as ${name}${module} from './modules/${name}-${module}';`);
  }
  files['src/index.ts'] = barrel.join('\n') + '\n';
  for (const [path, text] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(full.slice(0, full.lastIndexOf('/')), { recursive: true });
    writeFileSync(full, text);
  }
  writeFileSync(marker, parameters);
  return root;
}
