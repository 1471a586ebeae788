// Reads the analyzers' figures in `metrics` for the client report. Other parts of shipshape shape
// these values, and reports from other versions may differ, so everything is parsed leniently with
// zod: what does not parse is left out of the report rather than shown wrong.
import { z } from 'zod';

const functionEntry = z
  .object({
    file: z.string(),
    line: z.number().int().optional(),
    name: z.string().optional(),
    function: z.string().optional(),
    cyclomatic: z.number(),
    cognitive: z.number().optional(),
    lines: z.number().optional(),
  })
  .transform(({ name, function: fn, ...rest }) => ({ ...rest, name: name ?? fn ?? '(anonymous)' }));

export type Hotspot = z.output<typeof functionEntry>;

const histogramEntry = z
  .object({
    label: z.string().optional(),
    range: z.string().optional(),
    bucket: z.union([z.string(), z.number()]).optional(),
    min: z.number().optional(),
    max: z.number().nullable().optional(),
    count: z.number().nonnegative(),
  })
  .transform((entry) => ({
    label:
      entry.label ??
      entry.range ??
      (entry.bucket !== undefined ? String(entry.bucket) : undefined) ??
      (entry.min !== undefined ? (entry.max == null ? `${entry.min}+` : `${entry.min}–${entry.max}`) : '?'),
    count: entry.count,
  }));

export interface HistogramBar {
  label: string;
  count: number;
}

/** Names analyzers may give the same figures; the first that parses wins. */
const HOTSPOT_KEYS = ['topComplexFunctions', 'topFunctions', 'hotspots', 'mostComplex', 'complexFunctions'];
/** Histogram keys with the measure each counts. */
const HISTOGRAM_KEYS: readonly { key: string; measure: string }[] = [
  { key: 'cognitiveDistribution', measure: 'cognitive complexity' },
  { key: 'cyclomaticDistribution', measure: 'cyclomatic complexity' },
  { key: 'complexityHistogram', measure: 'complexity' },
  { key: 'complexityDistribution', measure: 'complexity' },
  { key: 'histogram', measure: 'complexity' },
];
const SUMMARY_KEYS: readonly { key: string; label: string; unit?: string }[] = [
  { key: 'files', label: 'files analysed' },
  { key: 'loc', label: 'lines of code' },
  { key: 'lines', label: 'lines of code' },
  { key: 'functions', label: 'functions' },
  { key: 'duplicationPercent', label: 'duplicated code', unit: '%' },
  { key: 'parseFailures', label: 'files that could not be parsed' },
];

export interface CodeMetricsView {
  summary: { label: string; value: string }[];
  hotspots: Hotspot[];
  histogram: { measure: string; bars: HistogramBar[] } | null;
}

const record = z.record(z.string(), z.unknown());

function firstParsed<T>(source: Record<string, unknown>, keys: readonly string[], schema: z.ZodType<T>): T | null {
  for (const key of keys) {
    const parsed = schema.safeParse(source[key]);
    if (parsed.success) return parsed.data;
  }
  return null;
}

const histogramList = z.array(histogramEntry).min(1);
const histogramMap = z
  .record(z.string(), z.number().nonnegative())
  .refine((map) => Object.keys(map).length > 0)
  .transform((map) => Object.entries(map).map(([label, count]) => ({ label, count })));

function parseHistogram(source: Record<string, unknown>): CodeMetricsView['histogram'] {
  for (const { key, measure } of HISTOGRAM_KEYS) {
    const parsed = z.union([histogramList, histogramMap]).safeParse(source[key]);
    if (parsed.success) return { measure, bars: parsed.data };
  }
  return null;
}

function rank(fn: Hotspot): number {
  return fn.cognitive ?? fn.cyclomatic;
}

export function codeMetricsView(metrics: Record<string, unknown>, top = 10): CodeMetricsView | null {
  const code = record.safeParse(metrics.code);
  if (!code.success) return null;
  const source = code.data;
  const summary = SUMMARY_KEYS.flatMap(({ key, label, unit }) => {
    const value = z.number().finite().safeParse(source[key]);
    return value.success ? [{ label, value: `${Math.round(value.data * 10) / 10}${unit ?? ''}` }] : [];
  }).filter((entry, index, all) => all.findIndex((other) => other.label === entry.label) === index);
  // Most complex first, by cognitive complexity when the analyzer gives it (it tracks how hard code is to read).
  const hotspots = (firstParsed(source, HOTSPOT_KEYS, z.array(functionEntry)) ?? [])
    .sort((a, b) => rank(b) - rank(a) || b.cyclomatic - a.cyclomatic)
    .slice(0, top);
  const histogram = parseHistogram(source);
  if (summary.length === 0 && hotspots.length === 0 && histogram === null) return null;
  return { summary, hotspots, histogram };
}

const packageRef = z.union([
  z.string().transform((name) => ({ name, from: null as string | null, to: null as string | null })),
  z
    .object({
      name: z.string(),
      from: z.string().nullable().optional(),
      installed: z.string().nullable().optional(),
      current: z.string().nullable().optional(),
      to: z.string().nullable().optional(),
      latest: z.string().nullable().optional(),
      target: z.string().nullable().optional(),
    })
    .transform((p) => ({ name: p.name, from: p.from ?? p.installed ?? p.current ?? null, to: p.to ?? p.target ?? p.latest ?? null })),
]);

const wave = z
  .object({
    packages: z.array(packageRef).min(1),
    risk: z.union([z.string(), z.number()]).optional(),
    effortMinutes: z.number().nonnegative().optional(),
    releaseDate: z.string().nullable().optional(),
    importingFiles: z.number().nonnegative().optional(),
    reason: z.string().optional(),
    note: z.string().optional(),
  })
  .transform((w) => ({
    packages: w.packages,
    risk: w.risk === undefined ? null : String(w.risk),
    effortMinutes: w.effortMinutes ?? null,
    releaseDate: w.releaseDate ?? null,
    importingFiles: w.importingFiles ?? null,
    note: w.reason ?? w.note ?? null,
  }));

export type UpgradeWave = z.output<typeof wave>;

/** `metrics.dependencies.upgradePlan`: a list of waves, or an object holding one under `waves`. */
export function upgradePlanView(metrics: Record<string, unknown>): UpgradeWave[] {
  const deps = record.safeParse(metrics.dependencies);
  if (!deps.success) return [];
  const plan = deps.data.upgradePlan;
  const direct = z.array(wave).safeParse(plan);
  if (direct.success) return direct.data;
  const nested = z.object({ waves: z.array(wave) }).safeParse(plan);
  return nested.success ? nested.data.waves : [];
}
