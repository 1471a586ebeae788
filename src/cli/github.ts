// Running inside GitHub Actions: annotations on the findings' lines and a job summary.
import { appendFile } from 'node:fs/promises';
import { isAbsolute, relative, sep } from 'node:path';
import type { BaselineGate } from '../report/baseline.js';
import type { Report } from '../report/schema.js';
import { renderAnnotations, renderGithubSummary } from '../render/github.js';
import type { CheckInfoLookup } from '../report/plan.js';

export function inGithubActions(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.GITHUB_ACTIONS === 'true';
}

/**
 * The audited folder's path inside the checked-out repository (GITHUB_WORKSPACE, CI_PROJECT_DIR or
 * the working directory), so that annotations and SARIF point at the right files; empty when the
 * folder is that root or lies outside it.
 */
export function repositoryPrefix(root: string, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  const base = env.GITHUB_WORKSPACE || env.CI_PROJECT_DIR || cwd;
  const inside = relative(base, root);
  if (!inside || inside.startsWith('..') || isAbsolute(inside)) return '';
  return inside.split(sep).join('/');
}

export interface GithubPublication {
  report: Report;
  root: string;
  /** True when stdout carries the report itself, so annotations go to stderr instead. */
  stdoutTaken: boolean;
  gate: { passed: boolean; reasons: string[] };
  baseline: BaselineGate | null;
  previous: Report | null;
  checkInfo: CheckInfoLookup;
  env?: NodeJS.ProcessEnv;
}

export async function publishToGithub(publication: GithubPublication): Promise<void> {
  const env = publication.env ?? process.env;
  const annotations = renderAnnotations(publication.report, { pathPrefix: repositoryPrefix(publication.root, env) });
  if (annotations) (publication.stdoutTaken ? process.stderr : process.stdout).write(annotations);
  if (env.GITHUB_STEP_SUMMARY) {
    const summary = renderGithubSummary(publication.report, {
      gate: publication.gate,
      baseline: publication.baseline,
      previous: publication.previous,
      checkInfo: publication.checkInfo,
    });
    await appendFile(env.GITHUB_STEP_SUMMARY, `${summary}\n`);
  }
}
