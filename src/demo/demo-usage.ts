/** `npm run demo -- --help`. */
export const DEMO_USAGE = `Usage: npm run demo [-- OPTIONS]

Runs shiplock end to end on this machine, with no Slack app and no GitHub webhook: local stand-ins
for Slack, GitHub and OpenAI, a sample service with baseline and canary tracks, Prometheus, and the
real bot on a temporary SQLite file. A pull request on a sample repository goes through real gates
(lint, security scanner, unit tests, seeded fuzzing), staging, a canary judged on its metrics, two
named approvals, a 20 s time lock, production and its verification; the audit log is verified at the
end. Everything is deleted afterwards. About a minute.

Options:
  --bad-canary          the canary misbehaves (5× errors, +150 ms): the judge stops the rollout
  --cancel              Carol clicks Cancel during the time lock: production never runs
  --interactive         start the browser view and wait for people to click Approve (and Cancel)
  --prometheus=WHICH    auto (default: the prometheus binary if installed), binary, or stand-in
  --sandbox=WHICH       auto (default: bubblewrap when it works here), bubblewrap, or none
  -h, --help            this text

Exit status: 0 when the story ended as it should (also for --bad-canary and --cancel),
1 when it did not, 2 for a usage error, 130 when interrupted.
`;
