// Files that say how an application is built for and deployed to production, and CI steps that
// deploy. A file with a generic name (app.yaml, template.yaml, any Kubernetes YAML) counts only when
// its content says what it is.
import type { DeployConfigStrength } from '../core/facts.js';

export interface DeployConfigSpec {
  target: string;
  /** Repository-relative path (any folder unless anchored with `^`). */
  path: RegExp;
  /** Required content, for generic names. */
  content?: RegExp;
  strength: DeployConfigStrength;
}

const KUBERNETES_KINDS = /^kind:\s*(Deployment|StatefulSet|DaemonSet|CronJob|Job|Service|Ingress|Pod|ReplicaSet|HorizontalPodAutoscaler|Rollout|Knative|KService)\s*$/m;

/** The first entry whose path (and content) matches a file decides what it is. */
export const DEPLOY_CONFIGS: readonly DeployConfigSpec[] = [
  { target: 'development container', path: /(^|\/)((Dockerfile|Containerfile)[.-](dev|development|local|test|ci)|(dev|development|local|test)\.(Dockerfile|dockerfile|Containerfile))$/, strength: 'local' },
  { target: 'Docker image', path: /(^|\/)(Dockerfile|Containerfile)([.-][\w.-]+)?$/, strength: 'deploy' },
  { target: 'Docker image', path: /(^|\/)[\w.-]+\.(Dockerfile|dockerfile|Containerfile)$/, strength: 'deploy' },
  { target: 'Docker Compose', path: /(^|\/)(docker-)?compose([.-][\w-]+)?\.ya?ml$/, strength: 'local' },
  { target: 'Fly.io', path: /(^|\/)fly([.-][\w-]+)?\.toml$/, strength: 'deploy' },
  { target: 'Render', path: /(^|\/)render\.ya?ml$/, strength: 'deploy' },
  { target: 'Vercel', path: /(^|\/)(vercel|now)\.json$/, strength: 'deploy' },
  { target: 'Netlify', path: /(^|\/)netlify\.toml$/, strength: 'deploy' },
  { target: 'Heroku', path: /(^|\/)(Procfile|heroku\.ya?ml)$/, strength: 'deploy' },
  { target: 'Heroku', path: /(^|\/)app\.json$/, content: /"(buildpacks|formation|stack)"\s*:/, strength: 'deploy' },
  { target: 'Google App Engine', path: /(^|\/)app\.ya?ml$/, content: /^runtime:\s*\S/m, strength: 'deploy' },
  { target: 'Railway', path: /(^|\/)railway\.(json|toml)$/, strength: 'deploy' },
  { target: 'Serverless Framework', path: /(^|\/)serverless\.(ya?ml|ts|js|json)$/, strength: 'deploy' },
  { target: 'AWS SAM', path: /(^|\/)template\.ya?ml$/, content: /AWS::Serverless/, strength: 'deploy' },
  { target: 'AWS SAM', path: /(^|\/)samconfig\.toml$/, strength: 'deploy' },
  { target: 'AWS CDK', path: /(^|\/)cdk\.json$/, strength: 'deploy' },
  { target: 'AWS Amplify', path: /(^|\/)amplify\.ya?ml$/, strength: 'deploy' },
  { target: 'AWS App Runner', path: /(^|\/)apprunner\.ya?ml$/, strength: 'deploy' },
  { target: 'AWS Elastic Beanstalk', path: /(^|\/)(Dockerrun\.aws\.json|\.ebextensions\/[^/]+\.config)$/, strength: 'deploy' },
  { target: 'AWS CodeDeploy', path: /(^|\/)appspec\.ya?ml$/, strength: 'deploy' },
  { target: 'SST', path: /(^|\/)sst\.config\.[cm]?[jt]s$/, strength: 'deploy' },
  { target: 'Cloudflare Workers', path: /(^|\/)wrangler\.(toml|json|jsonc)$/, strength: 'deploy' },
  { target: 'Firebase', path: /(^|\/)firebase\.json$/, strength: 'deploy' },
  { target: 'Platform.sh', path: /(^|\/)\.platform\.app\.yaml$/, strength: 'deploy' },
  { target: 'DigitalOcean App Platform', path: /(^|\/)\.do\/(app|deploy\.template)\.ya?ml$/, strength: 'deploy' },
  { target: 'Google Cloud Build', path: /(^|\/)cloudbuild\.ya?ml$/, content: /\bdeploy\b/, strength: 'deploy' },
  { target: 'Kamal', path: /(^|\/)config\/deploy(\.[\w-]+)?\.yml$/, content: /^service:/m, strength: 'deploy' },
  { target: 'Nixpacks', path: /(^|\/)nixpacks\.toml$/, strength: 'deploy' },
  { target: 'Replit Deployments', path: /(^|\/)\.replit$/, content: /^\[deployment\]/m, strength: 'deploy' },
  // A hand-written script that builds and ships to a server: manual, but it says how production is made.
  { target: 'deploy script', path: /(^|\/)deploy([.-][\w-]+)?\.sh$/, content: /^[^#\n]*\b(scp|rsync|ssh|docker\s+push|kubectl|helm|fly(ctl)?\s+deploy|vercel|netlify\s+deploy|wrangler|gcloud|aws\s+s3\s+sync|pm2\s+deploy)\b/m, strength: 'deploy' },
  { target: 'CapRover', path: /(^|\/)captain-definition$/, strength: 'deploy' },
  { target: 'Terraform', path: /\.tf$/, strength: 'deploy' },
  { target: 'Pulumi', path: /(^|\/)Pulumi\.ya?ml$/, strength: 'deploy' },
  { target: 'Helm chart', path: /(^|\/)Chart\.ya?ml$/, strength: 'deploy' },
  { target: 'Kustomize', path: /(^|\/)kustomization\.ya?ml$/, strength: 'deploy' },
  { target: 'Skaffold', path: /(^|\/)skaffold\.ya?ml$/, strength: 'deploy' },
  { target: 'Kubernetes manifest', path: /\.ya?ml$/, content: KUBERNETES_KINDS, strength: 'deploy' },
];

/** Folders whose container files describe a development environment, not a deployment. */
export const NOT_DEPLOY_FOLDERS = /(^|\/)\.devcontainer\//;

/** CI steps that deploy: an action (`uses`) or a command (`run`). */
export const DEPLOY_STEPS: readonly { target: string; uses?: RegExp; run?: RegExp }[] = [
  { target: 'Vercel', uses: /^amondnet\/vercel-action@/, run: /\bvercel\b.*(\bdeploy\b|--prod\b)/ },
  { target: 'Netlify', uses: /^nwtgck\/actions-netlify@/, run: /\bnetlify\s+deploy\b/ },
  { target: 'Fly.io', uses: /^superfly\/flyctl-actions@/, run: /\bfly(ctl)?\s+deploy\b/ },
  { target: 'Cloudflare', uses: /^cloudflare\/(wrangler-action|pages-action)@/, run: /\bwrangler\s+(deploy|publish|pages\s+deploy)\b/ },
  { target: 'GitHub Pages', uses: /^(actions\/deploy-pages|peaceiris\/actions-gh-pages|JamesIves\/github-pages-deploy-action)@/ },
  { target: 'Firebase', uses: /^FirebaseExtended\/action-hosting-deploy@/, run: /\bfirebase\s+deploy\b/ },
  { target: 'Heroku', uses: /^akhileshns\/heroku-deploy@/, run: /\bgit\s+push\s+heroku\b/ },
  { target: 'Railway', run: /\brailway\s+up\b/ },
  { target: 'Serverless Framework', run: /\b(serverless|sls)\s+deploy\b/ },
  { target: 'Google Cloud', uses: /^google-github-actions\/(deploy-cloudrun|deploy-appengine|deploy-cloud-functions)@/, run: /\bgcloud\s+(run|app|functions)\s+deploy\b/ },
  { target: 'AWS', uses: /^aws-actions\/(amazon-ecs-deploy-task-definition|aws-cloudformation-github-deploy)@/, run: /\b(cdk|sst)\s+deploy\b|\beb\s+deploy\b/ },
  { target: 'Azure', uses: /^[Aa]zure\/(webapps-deploy|static-web-apps-deploy|functions-action)@/ },
  { target: 'container registry', uses: /^docker\/build-push-action@/, run: /\bdocker\s+push\b/ },
  { target: 'Kubernetes', run: /\bkubectl\s+apply\b|\bhelm\s+(upgrade|install)\b/ },
  { target: 'Terraform', run: /\bterraform\s+apply\b/ },
  { target: 'Pulumi', run: /\bpulumi\s+up\b/ },
];
