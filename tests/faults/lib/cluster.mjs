// A private PostgreSQL 15 + PostGIS cluster for the fault suite, under .muster/faults/pg, on its own port
// (MUSTER_FAULT_PG_PORT, default 54343): the suite stops and starts it at will, never touching another cluster.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import net from 'node:net';

export const ROOT = resolve(import.meta.dirname, '../../..');
const DIR = join(ROOT, '.muster/faults/pg');
const DATA = join(DIR, 'data');
const LOG = join(DIR, 'postgres.log');
export const PG_PORT = Number(process.env.MUSTER_FAULT_PG_PORT ?? 54343);
const isRoot = process.getuid?.() === 0;

function binDir() {
  for (const candidate of [process.env.MUSTER_PG_BINDIR, '/usr/lib/postgresql/15/bin']) {
    if (candidate && existsSync(join(candidate, 'pg_ctl'))) return candidate;
  }
  const found = spawnSync('sh', ['-c', 'dirname "$(readlink -f "$(command -v pg_ctl)")"'], { encoding: 'utf8' });
  if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  throw new Error('no PostgreSQL 15 pg_ctl found (apt-get install postgresql-15 postgresql-15-postgis-3)');
}

/** Runs a PostgreSQL tool as the cluster's owner (postgres when we are root: initdb and pg_ctl refuse root). */
function asOwner(tool, args) {
  const exe = join(binDir(), tool);
  const [cmd, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', exe, ...args]] : [exe, args];
  const run = spawnSync(cmd, argv, { cwd: DIR, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (run.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${run.stderr || run.stdout}`);
  return run.stdout;
}

/** True when something accepts TCP connections on the port. */
export function portOpen(port) {
  return new Promise((done) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => { socket.destroy(); done(true); });
    socket.on('error', () => done(false));
  });
}

/** A fresh cluster (trust auth on 127.0.0.1 only: it lives for one run of the suite) with database `muster`. */
export async function createCluster() {
  if (await portOpen(PG_PORT)) {
    if (existsSync(join(DATA, 'postmaster.pid'))) {
      try { asOwner('pg_ctl', ['-D', DATA, '-m', 'immediate', '-w', 'stop']); } catch { /* not ours after all */ }
    }
    if (await portOpen(PG_PORT)) throw new Error(`port ${PG_PORT} is in use (set MUSTER_FAULT_PG_PORT)`);
  }
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  if (isRoot) execFileSync('chown', ['postgres:postgres', DIR]);
  asOwner('initdb', ['-D', DATA, '-U', 'muster', '--auth=trust', '--encoding=UTF8', '--no-locale']);
  writeFileSync(join(DIR, 'started'), new Date().toISOString());
  startCluster();
  psql('postgres', 'create database muster');
  psql('muster', 'create extension postgis');
  return `Host=127.0.0.1;Port=${PG_PORT};Username=muster;Database=muster;Timeout=5;Command Timeout=30`;
}

export function startCluster() {
  asOwner('pg_ctl', ['-D', DATA, '-l', LOG, '-w', '-t', '60', '-o',
    `-p ${PG_PORT} -k ${DIR} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off`, 'start']);
}

export function stopCluster(mode = 'fast') {
  asOwner('pg_ctl', ['-D', DATA, '-m', mode, '-w', '-t', '60', 'stop']);
}

export function destroyCluster() {
  try { stopCluster('immediate'); } catch { /* already down */ }
}

/** Runs SQL through psql over the cluster's socket and returns the unaligned, tuples-only output. */
export function psql(database, sql) {
  return asOwner('psql', ['-h', DIR, '-p', String(PG_PORT), '-U', 'muster', '-d', database, '-v', 'ON_ERROR_STOP=1', '-tA', '-c', sql]).trim();
}

/** Waits until the cluster accepts connections; returns the time it did (performance.now()). */
export async function acceptingAt(limitMs = 60000) {
  const deadline = performance.now() + limitMs;
  while (performance.now() < deadline) {
    if (await portOpen(PG_PORT)) return performance.now();
    await delay(20);
  }
  throw new Error('PostgreSQL did not come back');
}
