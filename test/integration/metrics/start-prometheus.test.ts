import { describe, expect, it } from 'vitest';
import { startPrometheus } from '../../support/start-prometheus.ts';

describe('startPrometheus', () => {
  it('fails loudly, never skips, when the binary is missing', async () => {
    await expect(startPrometheus({ targets: [], binary: '/nonexistent/prometheus' })).rejects.toThrow(
      /^shiplock_prometheus_missing: .*install prometheus \(apt-get install prometheus\); \.ci\/run installs it$/,
    );
  });

  it('reports a Prometheus that exits at start with its log', async () => {
    // `promtool` is installed with prometheus, answers --version, and exits at once on the server flags.
    await expect(
      startPrometheus({ targets: ['127.0.0.1:9'], binary: 'promtool', startTimeoutMs: 5_000 }),
    ).rejects.toThrow(/^shiplock_prometheus_exited: exited with 1/);
  });
});
