// docs/ci.md is copied into real pipelines: its YAML must parse, and every shipshape command in it
// must use commands and options the CLI has.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createProgram } from '../../src/cli/main.js';

const doc = readFileSync(new URL('../../docs/ci.md', import.meta.url), 'utf8');
const blocks = [...doc.matchAll(/```(yaml|sh)\n([\s\S]*?)```/g)].map((match) => ({ lang: match[1]!, text: match[2]! }));

function optionsOf(command: string): Set<string> {
  const program = createProgram();
  const sub = program.commands.find((candidate) => candidate.name() === command);
  if (!sub) throw new Error(`docs/ci.md uses "shipshape ${command}", which does not exist`);
  return new Set(sub.options.flatMap((option) => [option.long, option.short].filter((flag): flag is string => Boolean(flag))));
}

describe('docs/ci.md', () => {
  it('has workflows, and each YAML block parses', () => {
    const yamlBlocks = blocks.filter((block) => block.lang === 'yaml');
    expect(yamlBlocks.length).toBeGreaterThanOrEqual(3);
    for (const block of yamlBlocks) expect(() => parse(block.text)).not.toThrow();
  });

  it('uses only commands and options the CLI has', () => {
    // Folded YAML (`>`) spreads one command over lines: join them before reading the flags.
    const text = blocks.map((block) => block.text.replace(/\n\s+(?=--|npx|\.)/g, ' ')).join('\n');
    const commands = [...text.matchAll(/shipshape (audit|baseline|merge|checks|explain)\b([^\n]*)/g)];
    expect(commands.length).toBeGreaterThan(5);
    for (const [, command, rest] of commands) {
      const known = optionsOf(command!);
      for (const flag of rest!.match(/(?<=\s)--?[a-z][a-z-]*/g) ?? []) expect(known, `shipshape ${command} ${flag}`).toContain(flag);
    }
  });
});
