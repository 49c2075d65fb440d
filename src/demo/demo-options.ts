/** Which story the demo tells. */
export type DemoMode = 'happy' | 'bad-canary' | 'cancel';

/** Everything `runDemo` takes; `main.ts` builds it from the command line and the environment. */
export interface DemoOptions {
  readonly mode: DemoMode;
  /** Humans click in the browser view instead of the scripted approvers. */
  readonly interactive: boolean;
  /** `auto` uses the real `prometheus` binary when there is one, else the stand-in. */
  readonly prometheus: 'auto' | 'binary' | 'stand-in';
  /** `auto` uses bubblewrap when it works here (and can see Node), else `none`, saying so. */
  readonly sandbox: 'auto' | 'bubblewrap' | 'none';
  /** PATH and HOME (git, gates and deploy scripts need them) and LOG_LEVEL. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The Node binary the sample repository's gates run with. */
  readonly nodePath: string;
  /** Where the transcript goes. */
  readonly out: (text: string) => void;
  /** Aborted on Ctrl-C: the demo stops and cleans up. */
  readonly signal?: AbortSignal;
  /** The demo gives up after this long (default 5 minutes; 30 with `interactive`). */
  readonly timeoutMs?: number;
}

/** How the demo ended. */
export interface DemoResult {
  /** 0: the story ended as it should; 1: it did not; 130: interrupted. */
  readonly exitCode: number;
  /** The rollout's last phase (`null` if no rollout started). */
  readonly phase: string | null;
  readonly endReason: string | null;
  /** How many times each deploy script ran, by stage. */
  readonly deploys: Readonly<Record<string, number>>;
  readonly auditVerified: boolean;
  readonly sandbox: 'bubblewrap' | 'none';
  readonly prometheus: 'binary' | 'stand-in';
  readonly elapsedMs: number;
}
