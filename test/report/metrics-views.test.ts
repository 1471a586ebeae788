import { describe, expect, it } from 'vitest';
import { codeMetricsView, upgradePlanView } from '../../src/report/metrics-views.js';
import { FIXTURE_METRICS } from '../render/fixture-report.js';

describe('code metrics for the client report', () => {
  it("reads the code collector's summary, distribution and top functions, most complex first", () => {
    const view = codeMetricsView(FIXTURE_METRICS)!;
    expect(view.summary).toEqual([
      { label: 'files analysed', value: '42' },
      { label: 'lines of code', value: '5120' },
      { label: 'functions', value: '310' },
      { label: 'duplicated code', value: '3.3%' },
      { label: 'files that could not be parsed', value: '1' },
    ]);
    expect(view.histogram!.measure).toBe('cognitive complexity');
    expect(view.histogram!.bars.map((bar) => bar.count)).toEqual([250, 40, 10, 5, 3, 2]);
    expect(view.hotspots.map((fn) => [fn.name, fn.cognitive])).toEqual([
      ['handleCheckout', 44],
      ['render', 12],
    ]);
  });

  it('accepts a histogram given as a list of labels or of ranges', () => {
    expect(codeMetricsView({ code: { complexityHistogram: [{ label: '1–5', count: 3 }] } })!.histogram).toEqual({
      measure: 'complexity',
      bars: [{ label: '1–5', count: 3 }],
    });
    expect(codeMetricsView({ code: { histogram: [{ min: 1, max: 5, count: 2 }, { min: 6, max: null, count: 1 }] } })!.histogram!.bars).toEqual([
      { label: '1–5', count: 2 },
      { label: '6+', count: 1 },
    ]);
  });

  it('ranks by cyclomatic complexity when the analyzer gives no cognitive figure', () => {
    const view = codeMetricsView({ code: { hotspots: [{ file: 'a.ts', name: 'a', cyclomatic: 3 }, { file: 'b.ts', name: 'b', cyclomatic: 9 }] } })!;
    expect(view.hotspots.map((fn) => fn.name)).toEqual(['b', 'a']);
  });

  it.each([
    ['no code metrics', {}],
    ['not an object', { code: 'lots' }],
    ['entries of the wrong shape', { code: { topComplexFunctions: [{ file: 1 }], cognitiveDistribution: 'x', files: 'many' } }],
    ['an empty distribution', { code: { cognitiveDistribution: {} } }],
  ])('shows nothing rather than something wrong: %s', (_label, metrics) => {
    expect(codeMetricsView(metrics)).toBeNull();
  });
});

describe('upgrade plan for the client report', () => {
  it('reads waves of packages with versions, risk and effort', () => {
    const waves = upgradePlanView(FIXTURE_METRICS);
    expect(waves).toHaveLength(2);
    expect(waves[1]).toMatchObject({
      packages: [
        { name: 'react', from: '17.0.2', to: '19.1.0' },
        { name: 'react-dom', from: '17.0.2', to: '19.1.0' },
      ],
      risk: 'high',
      effortMinutes: 480,
      importingFiles: 31,
      releaseDate: null,
      note: 'peer dependencies move together',
    });
    expect(upgradePlanView({ dependencies: { upgradePlan: [{ packages: ['express'] }] } })[0]!.packages).toEqual([{ name: 'express', from: null, to: null }]);
  });

  it('reads a plan nested under `waves`, and ignores anything else', () => {
    expect(upgradePlanView({ dependencies: { upgradePlan: { waves: [{ packages: ['a'] }] } } })).toHaveLength(1);
    expect(upgradePlanView({ dependencies: { upgradePlan: [{ packages: [] }] } })).toEqual([]);
    expect(upgradePlanView({ dependencies: 3 })).toEqual([]);
  });
});
