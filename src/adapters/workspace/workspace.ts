/** A fresh checkout of one exact commit, owned by one gate attempt. */
export interface Workspace {
  /** The working tree (the commit's files); the gate runs here. */
  readonly dir: string;
  /** The commit checked out, 40 lowercase hex characters, verified against `HEAD`. */
  readonly sha: string;
  /** Removes the workspace, including read-only files the gate left behind. Safe to call twice. */
  dispose(): Promise<void>;
}

/** What {@link Workspaces.checkout} needs. */
export interface CheckoutRequest {
  /** `https://`, `http://`, `file://`, `ssh://` or scp-style `git@host:owner/repo.git`. */
  readonly cloneUrl: string;
  /** The exact commit, 40 hex characters. Branch names and short SHAs are refused. */
  readonly sha: string;
  /** A GitHub token for private repositories over https; never written to disk. */
  readonly token?: string;
  /** Names the directory so an operator can tell leftovers apart, e.g. `r42-unit-tests-1`. */
  readonly label: string;
}

/** Fresh per-gate checkouts under one root directory. */
export interface Workspaces {
  /** Makes a new directory, fetches exactly `sha` into it and checks it out detached. */
  checkout(request: CheckoutRequest): Promise<Workspace>;
  /** Removes workspaces older than `maxAgeMs` that no live checkout owns (leftovers of a crash). */
  sweep(maxAgeMs: number): Promise<number>;
}
