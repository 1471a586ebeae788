// Evidence about database backups kept in files: backup tools and their schedules in scripts, CI and
// orchestrator files; restore commands and documented backup/restore sections; and managed database
// hosts in env templates, whose providers usually back up for you.
import type { DatabaseFact, EnvFact, RepoTree } from '../core/facts.js';
import {
  BACKUP_HEADING,
  BACKUP_TOOLS,
  DATABASE_WORDS,
  MANAGED_DATABASE_HOSTS,
  RESTORE_HEADING,
  RESTORE_TOOLS,
  SCHEDULE_MARKERS,
} from '../knowledge/integrations/backups.js';
import { basename, isFixturePath } from '../util/paths.js';
import { lineAt } from './schema-columns.js';

type BackupSite = DatabaseFact['backups'][number];

const OPS_FILE = /(\.(sh|bash|ya?ml|toml|tf|conf)$|(^|\/)(Makefile|Dockerfile|Containerfile|Procfile|crontab|package\.json|litestream\.yml)$|(^|\/)scripts?\/[^/]+\.[cm]?[jt]s$)/;
const DOC_FILE = /\.(md|mdx|markdown|txt|rst|adoc)$/i;

/** The markdown section under the first heading the pattern matches, up to the next heading of the same or higher level. */
function section(text: string, heading: RegExp): { title: string; body: string; line: number } | null {
  const match = heading.exec(text);
  if (!match) return null;
  const level = /^#+/.exec(match[0])![0].length;
  const rest = text.slice(match.index + match[0].length);
  const next = new RegExp(`^#{1,${level}}\\s`, 'm').exec(rest);
  const body = match[0] + rest.slice(0, next ? next.index : undefined);
  return { title: body.split('\n')[0]!.replace(/^#+\s*/, ''), body, line: lineAt(text, match.index) };
}

function restoreCommand(path: string, text: string, verb: string): BackupSite[] {
  const command = RESTORE_TOOLS.exec(text);
  return command ? [{ file: path, line: lineAt(text, command.index), detail: `${verb} \`${command[0].trim().slice(0, 40)}\``, kind: 'restore-doc' }] : [];
}

/** Scripts, CI and deployment files: the first backup tool they run, and a restore command. */
function opsEvidence(path: string, text: string): BackupSite[] {
  const found: BackupSite[] = [];
  const tool = BACKUP_TOOLS.find((candidate) => candidate.pattern.test(text) && (candidate.id !== 'litestream' || /litestream/.test(path + text)));
  if (tool) {
    const scheduled = SCHEDULE_MARKERS.test(text) || /\.github\/workflows\/|\.gitlab-ci|cron/i.test(path);
    const line = lineAt(text, tool.pattern.exec(text)!.index);
    found.push({ file: path, line, detail: `${tool.id}${scheduled ? ', on a schedule' : ''}`, kind: scheduled ? 'schedule' : 'tool' });
  }
  return [...found, ...restoreCommand(path, text, 'restore command')];
}

/** Documentation: a backup section that talks about the database, and a restore section (or command). */
function docEvidence(path: string, text: string): BackupSite[] {
  const found: BackupSite[] = [];
  const backup = section(text, BACKUP_HEADING);
  if (backup && DATABASE_WORDS.test(backup.body)) found.push({ file: path, line: backup.line, detail: `section "${backup.title}"`, kind: 'backup-doc' });
  const restore = section(text, RESTORE_HEADING);
  if (restore && DATABASE_WORDS.test(restore.body) && /\brestor/i.test(restore.body)) {
    return [...found, { file: path, line: restore.line, detail: `section "${restore.title}"`, kind: 'restore-doc' }];
  }
  return [...found, ...restoreCommand(path, text, 'documents')];
}

export function findBackups(tree: RepoTree): BackupSite[] {
  return tree.files.flatMap((file) => {
    const kind = OPS_FILE.test(file.path) || basename(file.path) === 'litestream.yml' ? opsEvidence : DOC_FILE.test(file.path) ? docEvidence : null;
    const text = kind && !isFixturePath(file.path) ? tree.read(file.path) : null;
    return kind && text !== null ? kind(file.path, text) : [];
  });
}

export function findManagedHosts(tree: RepoTree, env: EnvFact): DatabaseFact['managedHosts'] {
  return env.files
    .filter((file) => file.kind === 'template')
    .flatMap((file) => {
      const text = tree.read(file.path) ?? '';
      return MANAGED_DATABASE_HOSTS.flatMap((provider) => {
        const match = provider.pattern.exec(text);
        if (!match) return [];
        const line = lineAt(text, match.index);
        const variable = /^\s*(?:export\s+)?([A-Za-z_][\w]*)\s*=/.exec(text.split('\n')[line - 1] ?? '')?.[1];
        return [{ file: file.path, line, provider: provider.provider, detail: `${variable ?? 'a value'} points at ${provider.provider}` }];
      });
    });
}
