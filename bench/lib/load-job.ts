/** One pre-signed Slack delivery: signing happens before the clock starts. */
export interface SignedRequest {
  readonly body: string;
  readonly timestamp: string;
  readonly signature: string;
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
}
