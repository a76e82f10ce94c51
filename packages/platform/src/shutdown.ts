import type { Logger } from './logger.ts';

export type Stoppable = Readonly<{ name: string; stop: () => Promise<void> }>;

/**
 * docs/contract.md §7 graceful shutdown: on SIGTERM/SIGINT stop each part in the given order (HTTP first, then consumers,
 * then the relay's final flush, then pools), then exit. A second signal exits at once.
 */
export const onShutdown = (log: Logger, parts: readonly Stoppable[], timeoutMs = 15_000): void => {
  let stopping = false;
  const stopAll = async (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      log.error('shutdown timed out');
      process.exit(1);
    }, timeoutMs);
    let code = 0;
    for (const part of parts) {
      try {
        await part.stop();
        log.info({ part: part.name }, 'stopped');
      } catch (error) {
        code = 1;
        log.error({ err: error, part: part.name }, 'stop failed');
      }
    }
    clearTimeout(timer);
    // Lines are written asynchronously (logger.ts): wait until the write in progress and the lines queued behind it are
    // on stdout, in order, before exiting; exiting earlier let a later line overtake the one still being written.
    await new Promise<void>((done) => log.flush(() => done()));
    process.exit(code);
  };
  process.once('SIGTERM', () => void stopAll('SIGTERM'));
  process.once('SIGINT', () => void stopAll('SIGINT'));
};
