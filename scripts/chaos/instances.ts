import { freePort, type RunningProcess, type SystemEnv, startServiceProcess } from '@railbill/testkit';

export type ServiceName = 'waybill' | 'letter-of-credit' | 'customs-clearance';
export const SERVICES: readonly ServiceName[] = ['waybill', 'letter-of-credit', 'customs-clearance'];

export type Instance = {
  readonly name: string;
  readonly service: ServiceName;
  readonly port: number;
  readonly url: string;
  running: RunningProcess | undefined;
  kills: number;
};

export type Cluster = Readonly<{
  instances: readonly Instance[];
  /** The URL of a running instance of `service`, chosen at random: the load spreads over them. */
  urlOf: (service: ServiceName) => string | undefined;
  /** Instances that exited without being killed by the fault controller: each is a finding. */
  crashes: { name: string; at: string; code: number | null; signal: string | null; output: string }[];
  kill: (instance: Instance) => Promise<void>;
  start: (instance: Instance) => Promise<void>;
  stop: () => Promise<void>;
}>;

/** `perService` instances of each service on ports of their own, sharing the service's database and topics. */
export const startCluster = async (
  env: SystemEnv,
  databaseUrls: Readonly<Record<ServiceName, string>>,
  perService: number,
  extraEnv: Readonly<Record<ServiceName, Record<string, string>>>,
): Promise<Cluster> => {
  const instances: Instance[] = [];
  for (const service of SERVICES)
    for (let i = 0; i < perService; i++) {
      const port = await freePort();
      instances.push({
        name: `${service}#${i}`,
        service,
        port,
        url: `http://127.0.0.1:${port}`,
        running: undefined,
        kills: 0,
      });
    }
  const crashes: Cluster['crashes'] = [];
  const start = async (instance: Instance) => {
    for (let attempt = 1; ; attempt++) {
      try {
        const running = await startServiceProcess(env, instance.service, {
          databaseUrl: databaseUrls[instance.service],
          port: instance.port,
          env: { LOG_LEVEL: 'warn', OUTBOX_POLL_MS: '250', ...extraEnv[instance.service] },
        });
        instance.running = running;
        void running.process.exited.then(({ code, signal }) => {
          // still the current process: nobody killed it on purpose
          if (instance.running !== running) return;
          instance.running = undefined;
          crashes.push({
            name: instance.name,
            at: new Date().toISOString(),
            code,
            signal,
            output: running.process.output().slice(-3000),
          });
        });
        return;
      } catch (error) {
        // the database or the broker may be restarting: try again
        if (attempt >= 6) throw error;
        await new Promise((r) => setTimeout(r, 2000));
      }
    }
  };
  // the first instance of each service migrates its database before the others start
  for (const service of SERVICES) await start(instances.find((x) => x.service === service) as Instance);
  await Promise.all(instances.filter((x) => x.running === undefined).map(start));
  return {
    instances,
    crashes,
    urlOf: (service) => {
      const up = instances.filter((x) => x.service === service && x.running !== undefined);
      return up[Math.floor(Math.random() * up.length)]?.url;
    },
    kill: async (instance) => {
      const running = instance.running;
      instance.running = undefined;
      instance.kills += 1;
      await running?.process.kill('SIGKILL');
    },
    start,
    stop: async () => {
      await Promise.all(instances.map((x) => x.running?.process.kill('SIGTERM')));
    },
  };
};
