// Health checks and alerting configured outside the application code.

/** Health checks in container, platform and orchestrator configuration. */
export const HEALTH_CHECK_CONFIGS: readonly { file: RegExp; pattern: RegExp; label: string }[] = [
  { file: /(^|\/)(Dockerfile|Containerfile)(\.[\w-]+)?$/, pattern: /^\s*HEALTHCHECK\s+(?!NONE)/im, label: 'Dockerfile HEALTHCHECK' },
  { file: /(^|\/)(docker-)?compose[\w.-]*\.ya?ml$/, pattern: /^\s*healthcheck:\s*$/m, label: 'compose healthcheck' },
  { file: /(^|\/)fly\.toml$/, pattern: /^\s*\[\[?(http_service\.checks|services\.http_checks|checks[.\w]*)\]\]?/m, label: 'Fly.io health check' },
  { file: /(^|\/)render\.ya?ml$/, pattern: /\bhealthCheckPath:/, label: 'Render healthCheckPath' },
  { file: /(^|\/)railway\.(json|toml)$/, pattern: /healthcheckPath/, label: 'Railway healthcheckPath' },
  { file: /(^|\/)app\.ya?ml$/, pattern: /^\s*(liveness_check|readiness_check):/m, label: 'App Engine health check' },
  { file: /\.ya?ml$/, pattern: /^\s*(livenessProbe|readinessProbe|startupProbe):/m, label: 'Kubernetes probe' },
  { file: /(^|\/)(task-definition|taskdef)[\w.-]*\.json$/, pattern: /"healthCheck"\s*:/, label: 'ECS health check' },
];

/** Alert rules and uptime monitors kept as code. */
export const ALERTING_CONFIGS: readonly { file: RegExp; pattern: RegExp; label: string }[] = [
  { file: /\.ya?ml$/, pattern: /^\s*-\s*alert:\s*\S/m, label: 'Prometheus alert rule' },
  { file: /(^|\/)alertmanager[\w.-]*\.ya?ml$/, pattern: /\breceivers:/, label: 'Alertmanager receivers' },
  { file: /\.tf$/, pattern: /resource\s+"(datadog_monitor|newrelic_alert_policy|newrelic_nrql_alert_condition|grafana_rule_group|aws_cloudwatch_metric_alarm|google_monitoring_alert_policy|pagerduty_service|sentry_issue_alert|sentry_metric_alert|betteruptime_monitor|uptimerobot_monitor|checkly_check)"/, label: 'alert or monitor defined in Terraform' },
  { file: /(^|\/)checkly\.config\.[cm]?[jt]s$|\.check\.[jt]s$/, pattern: /./, label: 'Checkly monitor' },
  { file: /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/, pattern: /\bschedule:[\s\S]*\b(curl|wget)\b[^\n]*(health|status|ping)/, label: 'scheduled uptime probe in GitHub Actions' },
  { file: /(^|\/)(grafana|alerts?|alerting|monitoring)\/[^/]+\.(ya?ml|json)$/, pattern: /\b(alert|condition|threshold|notif)/i, label: 'alerting configuration' },
  { file: /(^|\/)\.upptimerc\.ya?ml$/, pattern: /\bsites:/, label: 'Upptime monitor' },
];
