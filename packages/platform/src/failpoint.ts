/** Named crash points for crash tests (docs/architecture.md §4). Inert unless `RAILBILL_FAILPOINTS` names them. */
export type FailpointName = 'relay.after-send' | 'inbox.after-commit' | 'inbox.before-commit' | 'http.after-commit';

const armed = new Set(
  (process.env.RAILBILL_FAILPOINTS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0),
);

/** SIGKILLs this process when the point is armed: no cleanup, exactly like a crash. */
export const failpoint = (name: FailpointName): void => {
  if (armed.has(name)) process.kill(process.pid, 'SIGKILL');
};
