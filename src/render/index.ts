// The output formats: each a view of one Report.
import type { Report } from '../report/schema.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderTerminal } from './terminal.js';

export interface RenderOptions {
  color: boolean;
  verbose: boolean;
  width?: number;
}

export const FORMATS = {
  terminal: (report: Report, options: RenderOptions) => renderTerminal(report, options),
  json: (report: Report) => renderJson(report),
  markdown: (report: Report) => renderMarkdown(report),
} satisfies Record<string, (report: Report, options: RenderOptions) => string>;

export type FormatName = keyof typeof FORMATS;
