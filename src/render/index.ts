// The output formats: each a view of one Report.
import { checksById } from '../checks/index.js';
import type { CheckInfoLookup } from '../report/plan.js';
import type { Report } from '../report/schema.js';
import { renderGitlab } from './gitlab.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import { renderTerminal, type TerminalOptions } from './terminal.js';

/** The terminal's options (the other human views read `checkInfo` and `previous` too), plus paths for SARIF and GitLab. */
export interface RenderOptions extends TerminalOptions {
  /** The audited folder's path inside its repository, for SARIF and GitLab file paths. */
  pathPrefix?: string;
}

/** What this version's catalogue says about a check; reports from other versions may name unknown ids. */
export const catalogueInfo: CheckInfoLookup = (id) => {
  const check = checksById.get(id);
  return check ? { rationale: check.rationale, effortMinutes: check.effortMinutes } : undefined;
};

function client(options: RenderOptions) {
  return { checkInfo: options.checkInfo ?? catalogueInfo, previous: options.previous ?? null };
}

export const FORMATS = {
  terminal: (report: Report, options: RenderOptions) => renderTerminal(report, { ...options, ...client(options) }),
  json: (report: Report) => renderJson(report),
  markdown: (report: Report, options: RenderOptions) => renderMarkdown(report, client(options)),
  html: (report: Report, options: RenderOptions) => renderHtml(report, client(options)),
  sarif: (report: Report, options: RenderOptions) => renderSarif(report, { ...client(options), pathPrefix: options.pathPrefix ?? '' }),
  gitlab: (report: Report, options: RenderOptions) => renderGitlab(report, options.pathPrefix ?? ''),
} satisfies Record<string, (report: Report, options: RenderOptions) => string>;

export type FormatName = keyof typeof FORMATS;

