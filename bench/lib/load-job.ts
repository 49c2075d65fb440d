/** One pre-signed Slack delivery: signing happens before the clock starts. */
export interface SignedRequest {
  readonly body: string;
  readonly timestamp: string;
  readonly signature: string;
  /**
   * Request headers that replace the Slack ones (content type, timestamp, signature) when present:
   * a GitHub delivery carries `X-Hub-Signature-256`, `X-GitHub-Event` and `X-GitHub-Delivery`.
   */
  readonly headers?: Readonly<Record<string, string>>;
}

/** A batch for the load thread: send every request to `url`, `concurrency` in flight. */
export interface LoadJob {
  readonly id: number;
  readonly url: string;
  readonly requests: readonly SignedRequest[];
  readonly concurrency: number;
}

/** Client-side latencies (send → full response) in ms, status counts, and transport errors. */
export interface LoadResult {
  readonly id: number;
  readonly latencies: number[];
  readonly statuses: Record<string, number>;
  readonly errors: string[];
  /** Wall time of the whole job in the load thread, first send to last answer (ms). */
  readonly elapsedMs?: number;
}
