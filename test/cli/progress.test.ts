import { describe, expect, it } from 'vitest';
import { createProgress, type ProgressStream } from '../../src/cli/io.js';

function fakeStream(isTTY: boolean, columns = 80) {
  const writes: string[] = [];
  const stream: ProgressStream = { isTTY, columns, write: (text) => (writes.push(text), true) };
  return { stream, writes };
}

describe('progress display', () => {
  it('writes nothing to a stream that is not a terminal (CI logs, redirects)', () => {
    const { stream, writes } = fakeStream(false);
    const task = createProgress(true, stream).start('parsing', 10);
    task.tick(5);
    task.done();
    expect(writes).toEqual([]);
  });

  it('writes nothing when turned off (--no-progress, --quiet)', () => {
    const { stream, writes } = fakeStream(true);
    createProgress(false, stream).start('parsing', 10).tick();
    expect(writes).toEqual([]);
  });

  it('shows counts and a percentage, redraws at most every 100 ms, and erases the line at the end', () => {
    let now = 0;
    const { stream, writes } = fakeStream(true);
    const task = createProgress(true, stream, () => now).start('parsing', 2000);
    for (let i = 0; i < 50; i++) task.tick(); // same instant: one redraw at most
    now = 150;
    task.tick();
    task.done();
    expect(writes).toEqual(['\r\x1b[2Kparsing 0/2,000 (0%)', '\r\x1b[2Kparsing 51/2,000 (2%)', '\r\x1b[2K']);
  });

  it('estimates the time left once a phase has run for a second', () => {
    let now = 0;
    const { stream, writes } = fakeStream(true);
    const task = createProgress(true, stream, () => now).start('registry', 100);
    now = 2000;
    task.tick(25);
    expect(writes.at(-1)).toBe('\r\x1b[2Kregistry 25/100 (25%) ~6s left');
  });

  it('shows phases that run at once side by side, and an unknown total as a count', () => {
    let now = 0;
    const { stream, writes } = fakeStream(true);
    const progress = createProgress(true, stream, () => now);
    const parsing = progress.start('parsing', 10);
    const lookups = progress.start('files', null);
    now = 500;
    lookups.tick(3);
    expect(writes.at(-1)).toBe('\r\x1b[2Kparsing 0/10 (0%) · files 3');
    parsing.done();
    expect(writes.at(-1)).toBe('\r\x1b[2Kfiles 3');
    lookups.done();
    lookups.done();
    expect(writes.at(-1)).toBe('\r\x1b[2K');
    expect(writes.filter((w) => w === '\r\x1b[2K')).toHaveLength(1);
  });

  it('fits the line to the terminal width', () => {
    const { stream, writes } = fakeStream(true, 30);
    createProgress(true, stream, () => 0).start('a very long phase label that goes on', 1000);
    expect(writes[0]!.length - '\r\x1b[2K'.length).toBeLessThanOrEqual(29);
    expect(writes[0]).toMatch(/…$/);
  });
});
