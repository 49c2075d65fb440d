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

/**
 * A job as it is posted to the load thread: each distinct body once, and every request naming its
 * body by index. A webhook batch repeats 29 payloads of 21–27 KB thousands of times; posting a
 * copy per request put 100 MB per batch on the load thread's heap, whose collection (2.5–3 s of a
 * 15 s run) took CPU from the servers under test on a 2-core machine.
 */
export interface PostedJob {
  readonly id: number;
  readonly url: string;
  readonly concurrency: number;
  readonly bodies: readonly string[];
  readonly requests: readonly (Omit<SignedRequest, 'body'> & { readonly body: number })[];
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
