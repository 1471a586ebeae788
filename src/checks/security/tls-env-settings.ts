// `NODE_TLS_REJECT_UNAUTHORIZED=0` set outside the code: in package.json scripts, Dockerfiles,
// compose and platform files, env files. These are configuration, not code, so a line match is the
// right tool here (code that sets it is found on the AST by the dangerous-patterns extractor).
import { isSourceFile } from '../../util/paths.js';

export interface TlsEnvSetting {
  line: number;
  column: number;
  /** The line, trimmed and shortened. */
  code: string;
  /** Development-only places (dev scripts, CI, local env files) weigh less than what ships. */
  scope: 'development' | 'deployed';
}

const SETTING = /\bNODE_TLS_REJECT_UNAUTHORIZED["']?\s*(?:=|:|\s)\s*["']?0(?![\w.])/;
const PROSE = /\.(md|mdx|markdown|rst|txt|adoc)$/i;

/** Places that only run on a developer's machine or in CI. */
const DEVELOPMENT_PATHS = [
  /(^|\/)\.github\//,
  /(^|\/)\.gitlab-ci\.ya?ml$/,
  /(^|\/)\.circleci\//,
  /(^|\/)\.env\.(development|dev|local|test)(\.local)?$/,
  /(^|\/)((Dockerfile|Containerfile)[.-](dev|development|local|test|ci)|[\w.-]*\.?(dev|development|local|test)\.(Dockerfile|dockerfile))$/,
  /(^|\/)(docker-)?compose[.-](dev|development|local|test|override)\.ya?ml$/,
];
/** package.json scripts that only run while developing or testing. */
const DEVELOPMENT_SCRIPT = /^\s*"(dev|develop|test|watch|local|e2e|storybook|lint|debug)[\w:.-]*"\s*:/;

/** Whether a file may hold the setting as configuration (source code and prose are left out). */
export function mayHoldTlsEnvSetting(path: string): boolean {
  return !isSourceFile(path) && !PROSE.test(path);
}

export function findTlsEnvSettings(path: string, text: string): TlsEnvSetting[] {
  if (!text.includes('NODE_TLS_REJECT_UNAUTHORIZED')) return [];
  const developmentFile = DEVELOPMENT_PATHS.some((pattern) => pattern.test(path));
  const settings: TlsEnvSetting[] = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    const match = SETTING.exec(line);
    if (!match) return;
    const developmentScript = path.endsWith('package.json') && DEVELOPMENT_SCRIPT.test(line);
    const code = line.trim();
    settings.push({
      line: index + 1,
      column: match.index + 1,
      code: code.length > 120 ? `${code.slice(0, 119)}…` : code,
      scope: developmentFile || developmentScript ? 'development' : 'deployed',
    });
  });
  return settings;
}
