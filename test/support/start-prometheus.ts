/** The real-Prometheus launcher lives in the sandbox now (the demo uses it too); tests import it from here. */
export {
  hasPrometheus,
  type RunningPrometheus,
  type StartPrometheusOptions,
  startPrometheus,
} from '../../src/sandbox/prometheus/start-prometheus.ts';
