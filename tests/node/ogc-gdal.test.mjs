// OGC API – Features read by a real GIS client: GDAL's ogrinfo/ogr2ogr (Debian gdal-bin; test.sh installs it as
// root). A partner agency's API key opens every collection and sees what its partner token would; a revoked key is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { musterUrl, timedFetch } from './lib/env.mjs';
import { registerAgency } from './lib/ws.mjs';
import { token } from './lib/token.mjs';

const run = promisify(execFile);
const ogc = () => new URL('/ogc', musterUrl()).href;
const unique = (label) => `${label} ${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

async function graphql(query, variables, role = 'admin') {
  const res = await timedFetch(musterUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token({ role })}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  const payload = Object.values(body.data ?? {})[0];
  if (!payload || payload.errors?.length) throw new Error(JSON.stringify(body));
  return payload;
}

const registerUnit = async (agencyId, name, lat) => (await graphql(
  'mutation($input: RegisterUnitInput!) { registerUnit(input: $input) { unit { id } errors { code } } }',
  { input: { name, kind: 'MINE_RESCUE_TEAM', type: 'I', capabilities: ['mine-rescue'], crewSize: 9, location: { lat, lon: 111.71 }, agencyId } })).unit.id;

const registerDepot = async (agencyId, name, shared) => (await graphql(
  'mutation($input: RegisterDepotInput!) { registerDepot(input: $input) { depot { id } errors { code } } }',
  { input: { name, location: { lat: 36.56, lon: 111.70 }, agencyId, shared } }, 'logistics')).depot.id;

/** ogr2ogr's GeoJSON of one collection, read page by page (PAGE_SIZE) through the service's next links. */
async function gdalRead(layer, { key, header = true, pageSize = 2 }) {
  const url = header ? `OAPIF:${ogc()}` : `OAPIF:${ogc()}?api_key=${encodeURIComponent(key)}`;
  const env = { ...process.env, ...(header ? { GDAL_HTTP_HEADERS: `X-Api-Key: ${key}` } : {}) };
  const { stdout } = await run('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', url, layer, '-oo', `PAGE_SIZE=${pageSize}`],
    { env, timeout: 30_000, maxBuffer: 32 * 1024 * 1024 });
  return JSON.parse(stdout).features;
}

test('ogrinfo lists every collection of the OGC API with an agency\'s key', async () => {
  const agency = await registerAgency(unique('霍州煤电 GIS'), 'ENTERPRISE');
  const { secret } = await graphql('mutation($input: IssueApiKeyInput!) { issueApiKey(input: $input) { secret errors { code } } }',
    { input: { agencyId: agency, name: 'QGIS' } });
  const { stdout } = await run('ogrinfo', ['-ro', '-so', `OAPIF:${ogc()}`],
    { env: { ...process.env, GDAL_HTTP_HEADERS: `X-Api-Key: ${secret}` }, timeout: 30_000 });
  for (const layer of ['units', 'depots', 'experts', 'incidents']) assert.match(stdout, new RegExp(`\\b${layer}\\b`), stdout);
});

test('ogr2ogr reads a partner\'s own units page by page and the shared pool, never another agency\'s', async () => {
  const own = await registerAgency(unique('矿山救护大队'), 'MINE_RESCUE');
  const other = await registerAgency(unique('人民医院'), 'MEDICAL');
  const ownUnits = [await registerUnit(own, unique('一中队'), 36.57), await registerUnit(own, unique('二中队'), 36.58), await registerUnit(own, unique('三中队'), 36.59)];
  const otherUnit = await registerUnit(other, unique('急救车'), 36.60);
  const pooled = await registerDepot(other, unique('共用库'), true);
  const privateDepot = await registerDepot(other, unique('自用库'), false);
  const { secret } = await graphql('mutation($input: IssueApiKeyInput!) { issueApiKey(input: $input) { secret errors { code } } }',
    { input: { agencyId: own, name: 'ogr2ogr' } });

  const units = await gdalRead('units', { key: secret });
  const depots = await gdalRead('depots', { key: secret, header: false });
  const incidents = await gdalRead('incidents', { key: secret });
  const experts = await gdalRead('experts', { key: secret });

  assert.deepEqual(units.map((f) => f.properties.id).sort(), [...ownUnits].sort());
  assert.ok(!units.some((f) => f.properties.id === otherUnit));
  assert.equal(units[0].properties.status, 'AVAILABLE');
  assert.equal(units[0].properties.kind, 'MINE_RESCUE_TEAM');
  assert.ok(depots.some((f) => f.properties.id === pooled));
  assert.ok(!depots.some((f) => f.properties.id === privateDepot));
  assert.ok(Array.isArray(incidents) && Array.isArray(experts));
});

test('a revoked key no longer opens the OGC API in GDAL', async () => {
  const agency = await registerAgency(unique('白龙镇 GIS'), 'TOWNSHIP');
  const issued = await graphql('mutation($input: IssueApiKeyInput!) { issueApiKey(input: $input) { apiKey { id } secret errors { code } } }',
    { input: { agencyId: agency, name: 'old laptop' } });
  await graphql('mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { apiKey { id } errors { code } } }',
    { input: { apiKeyId: issued.apiKey.id } });

  await assert.rejects(
    run('ogrinfo', ['-ro', '-so', `OAPIF:${ogc()}?api_key=${encodeURIComponent(issued.secret)}`], { timeout: 30_000 }),
    (err) => /401/.test(err.stderr) && /unknown or revoked/.test(err.stderr));
});
