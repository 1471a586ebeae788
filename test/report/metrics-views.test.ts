import { describe, expect, it } from 'vitest';
import { codeMetricsView, upgradePlanView } from '../../src/report/metrics-views.js';
import { FIXTURE_METRICS } from '../render/fixture-report.js';

describe('code metrics for the client report', () => {
  it('reads the summary, the histogram and the hotspots, most complex first', () => {
    const view = codeMetricsView(FIXTURE_METRICS)!;
    expect(view.summary).toEqual([
      { label: 'files analysed', value: 42 },
      { label: 'lines of code', value: 5120 },
      { label: 'functions', value: 310 },
    ]);
    expect(view.histogram.map((bar) => bar.count)).toEqual([250, 40, 15, 5]);
    expect(view.hotspots.map((fn) => [fn.name, fn.cyclomatic])).toEqual([
      ['handleCheckout', 31],
      ['render', 22],
    ]);
  });

  it('accepts a histogram given as a map or as ranges', () => {
    expect(codeMetricsView({ code: { complexityDistribution: { '1-5': 3, '6+': 1 } } })!.histogram).toEqual([
      { label: '1-5', count: 3 },
      { label: '6+', count: 1 },
    ]);
    expect(codeMetricsView({ code: { histogram: [{ min: 1, max: 5, count: 2 }, { min: 6, max: null, count: 1 }] } })!.histogram).toEqual([
      { label: '1–5', count: 2 },
      { label: '6+', count: 1 },
    ]);
  });

  it.each([
    ['no code metrics', {}],
    ['not an object', { code: 'lots' }],
    ['entries of the wrong shape', { code: { topFunctions: [{ file: 1 }], histogram: 'x', files: 'many' } }],
  ])('shows nothing rather than something wrong: %s', (_label, metrics) => {
    expect(codeMetricsView(metrics)).toBeNull();
  });
});

describe('upgrade plan for the client report', () => {
  it('reads waves of packages with versions, risk and effort', () => {
    const waves = upgradePlanView(FIXTURE_METRICS);
    expect(waves).toHaveLength(2);
    expect(waves[0]).toMatchObject({
      packages: [
        { name: 'react', from: '17.0.2', to: '19.1.0' },
        { name: 'react-dom', from: '17.0.2', to: '19.1.0' },
      ],
      risk: 'high',
      effortMinutes: 480,
      note: 'peer dependencies move together',
    });
    expect(waves[1]!.packages).toEqual([{ name: 'express', from: null, to: null }]);
  });

  it('reads a plan nested under `waves`, and ignores anything else', () => {
    expect(upgradePlanView({ dependencies: { upgradePlan: { waves: [{ packages: ['a'] }] } } })).toHaveLength(1);
    expect(upgradePlanView({ dependencies: { upgradePlan: [{ packages: [] }] } })).toEqual([]);
    expect(upgradePlanView({ dependencies: 3 })).toEqual([]);
  });
});
