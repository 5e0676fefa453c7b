// Service instances for the fault suite: the Release build of src/Muster.Api in Production, each on its own port
// (the first free ones of MUSTER_FAULT_PORTS, default 5195-5199), logging to .muster/faults/instance-<port>.log.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { ROOT, portOpen } from './cluster.mjs';

const SERVICE_DIR = join(ROOT, 'src/Muster.Api');
const DLL = 'bin/Release/net10.0/Muster.Api.dll';
const PORTS = (process.env.MUSTER_FAULT_PORTS ?? '5195,5196,5197,5198,5199').split(',').map(Number);

/** The first `count` ports of MUSTER_FAULT_PORTS that nothing listens on (another service would answer for ours). */
export async function freePorts(count) {
  const free = [];
  for (const port of PORTS) {
    if (free.length < count && !(await portOpen(port))) free.push(port);
  }
  if (free.length < count) throw new Error(`fewer than ${count} free ports in ${PORTS.join(',')} (set MUSTER_FAULT_PORTS)`);
  return free;
}

export class Instance {
  constructor(port, connectionString, signingKey) {
    Object.assign(this, { port, connectionString, signingKey, process: null, exits: [] });
    this.url = `http://127.0.0.1:${port}`;
  }

  async start(limitMs = 60000) {
    if (!existsSync(join(SERVICE_DIR, DLL))) throw new Error(`${DLL} is missing: dotnet build src/Muster.Api -c Release`);
    if (await portOpen(this.port)) throw new Error(`port ${this.port} is in use by another process`);
    mkdirSync(join(ROOT, '.muster/faults'), { recursive: true });
    const log = createWriteStream(join(ROOT, `.muster/faults/instance-${this.port}.log`), { flags: 'a' });
    const child = spawn('dotnet', [DLL, '--urls', this.url], {
      cwd: SERVICE_DIR,
      env: {
        ...process.env, ASPNETCORE_ENVIRONMENT: 'Production', ConnectionStrings__Muster: this.connectionString,
        Auth__SigningKey: this.signingKey, DOTNET_NOLOGO: '1', Logging__LogLevel__Default: 'Warning',
        'Logging__LogLevel__Muster.Infrastructure.Changes': 'Information',
        // The suite's webhook receiver listens on loopback http; retries come quickly so that a case fits in seconds.
        Webhooks__AllowHttp: 'true', Webhooks__RetryBase: '00:00:00.500', Webhooks__MaxRetryDelay: '00:00:02',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    child.on('exit', (code, signal) => this.exits.push({ code, signal, expected: child.expectedExit === true }));
    this.process = child;
    const deadline = performance.now() + limitMs;
    while (performance.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`instance ${this.port} exited while starting`);
      if ((await this.ready()) === 200) return;
      await delay(200);
    }
    throw new Error(`instance ${this.port} was not ready within ${limitMs} ms`);
  }

  /** The status of /health/ready, or 0 when nothing answers. */
  async ready() {
    try {
      const response = await fetch(`${this.url}/health/ready`, { signal: AbortSignal.timeout(2000) });
      return response.status;
    } catch {
      return 0;
    }
  }

  get alive() {
    return this.process !== null && this.process.exitCode === null && this.process.signalCode === null;
  }

  /** Unexpected exits so far (a crash), as opposed to the suite's kill -9 and stop. */
  get crashes() {
    return this.exits.filter((e) => !e.expected);
  }

  killHard() {
    this.process.expectedExit = true;
    this.process.kill('SIGKILL');
    return new Promise((done) => (this.process.exitCode !== null || this.process.signalCode !== null ? done() : this.process.once('exit', done)));
  }

  async stop() {
    if (!this.alive) return;
    this.process.expectedExit = true;
    const exited = new Promise((done) => this.process.once('exit', done));
    this.process.kill('SIGTERM');
    const timer = setTimeout(() => this.process.kill('SIGKILL'), 15000);
    await exited;
    clearTimeout(timer);
  }
}
