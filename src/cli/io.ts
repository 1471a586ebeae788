// The CLI's contact with the terminal: logging and progress go to stderr, reports to stdout or a file.
import type { Logger, Progress } from '../core/context.js';

export function createLogger(options: { quiet: boolean; verbose: boolean }, stream: NodeJS.WriteStream = process.stderr): Logger {
  return {
    debug(message) {
      if (options.verbose) stream.write(`shipshape: ${message}\n`);
    },
    warn(message) {
      if (!options.quiet) stream.write(`shipshape: warning: ${message}\n`);
    },
  };
}

const REDRAW_INTERVAL_MS = 100;

/**
 * Counts on one self-rewriting line, only on an interactive stderr: CI logs and redirected output
 * never see it.
 */
export function createProgress(enabled: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!enabled || !stream.isTTY) return { start: () => ({ tick() {}, done() {} }) };
  return {
    start(label, total) {
      let count = 0;
      let drawnAt = 0;
      const draw = (force: boolean) => {
        const now = Date.now();
        if (!force && now - drawnAt < REDRAW_INTERVAL_MS) return;
        drawnAt = now;
        const counter = total === null ? `${count}` : `${count}/${total}`;
        stream.write(`\r\x1b[2K${label} ${counter}`);
      };
      draw(true);
      return {
        tick(n = 1) {
          count += n;
          draw(false);
        },
        done() {
          stream.write('\r\x1b[2K');
        },
      };
    },
  };
}
