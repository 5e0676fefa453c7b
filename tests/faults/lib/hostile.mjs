// The hostile corpus of tests/hostile (its README says the fields of a case), made into requests for a real instance.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cluster.mjs';

const FOLDER = join(ROOT, 'tests/hostile');

/** Every case: { name, role, expect, body(targets) → Buffer }. */
export function hostileCases() {
  return readdirSync(FOLDER).filter((f) => f.endsWith('.json')).sort().map((file) => {
    const hostile = JSON.parse(readFileSync(join(FOLDER, file), 'utf8'));
    return { name: file.replace(/\.json$/, ''), role: hostile.token ?? null, expect: hostile.expect, body: (targets) => body(hostile, targets) };
  });
}

function body(hostile, { unitId, agencyId }) {
  if (hostile.bodyBase64) return Buffer.from(hostile.bodyBase64, 'base64');
  let text = hostile.bodyText ?? JSON.stringify(hostile.body);
  if (hostile.repeat) {
    const { times, text: piece } = hostile.repeat;
    text = text.replace('@@', () => Array.from({ length: times }, (_, i) => piece.replaceAll('#', String(i))).join(''));
  }
  return Buffer.from(text.replaceAll('{{unitId}}', unitId).replaceAll('{{agencyId}}', agencyId), 'utf8');
}

/** Sends a case as the corpus asks (graphql-response+json); answers { status, codes, ms }. */
export async function sendHostile(url, bytes, bearer) {
  const headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  const started = performance.now();
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers, body: bytes, signal: AbortSignal.timeout(10000) });
  const text = await response.text();
  const ms = performance.now() - started;
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON: no codes */ }
  const payloadCodes = Object.values(json?.data ?? {}).flatMap((p) => p?.errors ?? []).map((e) => e.code);
  const codes = (json?.errors ?? []).map((e) => e.extensions?.code).concat(payloadCodes);
  return { status: response.status, codes, ms, text };
}
