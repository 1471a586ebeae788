// delivery.deploy-config: a Dockerfile or a platform deploy configuration exists.
import { defineCheck } from '../../core/check.js';
import type { CiFact, ProjectFact } from '../../core/facts.js';
import type { ProjectKind } from '../../core/types.js';
import { DEPLOY_STEPS } from '../../knowledge/deploy-configs.js';

/** Packages published to a registry rather than deployed to a server. */
const DISTRIBUTED_KINDS: ReadonlySet<ProjectKind> = new Set(['library', 'cli']);

/** docker-compose or a Dockerfile.dev alone set up development; how the app reaches production is still unwritten. */
const COMPOSE_ONLY_SCORE = 0.5;
const MAX_LISTED = 5;

function deploySteps(ci: CiFact): string[] {
  return ci.configs.flatMap((config) =>
    config.steps.flatMap((step) => {
      const known = DEPLOY_STEPS.find(
        (candidate) =>
          (step.uses !== undefined && candidate.uses?.test(step.uses)) || (step.run !== undefined && candidate.run?.test(step.run)),
      );
      if (!known) return [];
      const line = step.line === null ? '' : `:${step.line}`;
      return [`${config.path}${line}: deploys to ${known.target} (${step.uses ?? step.run?.split('\n')[0]?.trim()})`];
    }),
  );
}

/** Why the check does not apply, or null when it does. */
function notApplicable(project: ProjectFact): string | null {
  if (DISTRIBUTED_KINDS.has(project.kind)) {
    return `This is a ${project.kind}: it is published as a package, not deployed to a server.`;
  }
  const packages = project.packages ?? [];
  if (project.kind === 'monorepo' && packages.length > 0 && packages.every((pkg) => DISTRIBUTED_KINDS.has(pkg.kind))) {
    return 'Every package of this monorepo is a library or a CLI: they are published, not deployed.';
  }
  return null;
}

export const deployConfigCheck = defineCheck({
  id: 'delivery.deploy-config',
  area: 'delivery',
  title: 'Deployment is described in the repository',
  failureTitle: 'No deployment configuration',
  rationale:
    'When the way to build and run the app in production lives only in someone\'s head or in a hosting ' +
    'dashboard, nobody else can redeploy it after an outage, move it to another host, or review a change ' +
    'to it. A Dockerfile or a platform file (fly.toml, render.yaml, vercel.json, a Procfile, Kubernetes ' +
    'manifests, Terraform) makes the deployment repeatable and reviewable like the rest of the code. A ' +
    'docker-compose file alone usually only starts local services such as a database.',
  remediation:
    'Commit the configuration of the place you deploy to: a Dockerfile (multi-stage: install with ' +
    '`npm ci`, build, then copy the output into a slim `node` image and start it as a non-root user), or ' +
    'your platform\'s file (`fly launch` writes fly.toml, Render reads render.yaml, Vercel vercel.json, ' +
    'Netlify netlify.toml, Heroku a Procfile). If you deploy by connecting the repository in a dashboard, ' +
    'still commit the platform file with the build command, Node version and environment variable names, ' +
    'so the set-up can be reviewed and rebuilt.',
  severity: 'medium',
  weight: 1,
  effortMinutes: 60,
  requires: ['deploy', 'ci', 'project'],
  run({ deploy, ci, project }) {
    const files = deploy.configs.filter((config) => config.strength === 'deploy');
    const local = deploy.configs.filter((config) => config.strength === 'local');
    const fromCi = deploySteps(ci);
    const found = [
      ...files.map((config) => `${config.path} (${config.target})`),
      ...fromCi,
      ...local.map((config) => `${config.path} (${config.target})`),
    ];
    const evidence = [...found.slice(0, MAX_LISTED), ...(found.length > MAX_LISTED ? [`and ${found.length - MAX_LISTED} more`] : [])];
    const reason = notApplicable(project);
    if (reason !== null) return { status: 'na', evidence, reason };
    if (files.length > 0 || fromCi.length > 0) return { status: 'pass', evidence };
    if (local.length > 0) {
      return {
        status: 'partial',
        score: COMPOSE_ONLY_SCORE,
        evidence,
        findings: [
          {
            title: 'Only a local container set-up, no deployment configuration',
            message: `${local.map((config) => config.path).join(', ')} ${local.length === 1 ? 'describes' : 'describe'} containers for development, but no production Dockerfile, platform file or deploying CI step says how the app itself is built and deployed.`,
            location: { file: local[0]!.path },
            severity: 'low',
          },
        ],
      };
    }
    return {
      status: 'fail',
      evidence: ['no Dockerfile, platform configuration (fly.toml, render.yaml, vercel.json, Procfile, …), infrastructure code or deploying CI step'],
      findings: [{ message: 'Nothing in the repository says how the application is built and deployed to production.', location: null }],
    };
  },
});
