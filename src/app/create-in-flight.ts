import { setImmediate as nextTurn } from 'node:timers/promises';

/** The port calls still running, so the bot can let them finish before its database closes. */
export interface InFlight {
  /** The same ports, each call counted until its promise settles. */
  trackPorts<T extends { readonly [K in keyof T]: object }>(ports: T): T;
  /** Resolves once no tracked call runs and the shell has recorded what the last ones returned. */
  settled(): Promise<void>;
}

/**
 * Counts the shell's port calls. `Shell.stop()` only stops new commands from starting; a gate or
 * deploy script already running records its result when it ends, and that write must find the
 * database open (closing it first loses the result and throws "The database connection is not open").
 */
export function createInFlight(): InFlight {
  const running = new Set<Promise<unknown>>();
  const watch = (result: unknown): unknown => {
    if (!(result instanceof Promise)) return result;
    running.add(result);
    const done = () => void running.delete(result);
    result.then(done, done);
    return result;
  };
  const track = <P extends object>(port: P): P =>
    new Proxy(port, {
      get(target, key) {
        const value: unknown = Reflect.get(target, key);
        return typeof value === 'function' ? (...args: unknown[]) => watch(value.apply(target, args)) : value;
      },
    });
  return {
    trackPorts: (ports) =>
      Object.fromEntries(Object.entries(ports).map(([name, port]) => [name, track(port as object)])) as typeof ports,
    async settled() {
      while (running.size > 0) {
        await Promise.allSettled([...running]);
        // The shell records a result in the continuation after the port's promise: let it run.
        await nextTurn();
      }
      await nextTurn();
    },
  };
}
