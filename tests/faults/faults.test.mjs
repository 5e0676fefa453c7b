// The fault suite: two service instances (Release build, Production) on one private PostgreSQL, and the faults an
// operator meets: racing writes across instances, the hostile corpus of tests/hostile sent to a real instance,
// PostgreSQL restarted under load, kill -9 of an instance under load. Short form by default (./test.sh);
// MUSTER_FAULTS=full for the long form (README: "Running it in production").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { createCluster, destroyCluster, startCluster, stopCluster, acceptingAt, psql } from './lib/cluster.mjs';
import { Instance, freePorts } from './lib/instances.mjs';
import { gql, must, token, SIGNING_KEY, REGISTER_AGENCY, REGISTER_UNIT, RECEIVE_STOCK } from './lib/api.mjs';
import { hostileCases, sendHostile } from './lib/hostile.mjs';
import { startReceiver, verify } from './lib/receiver.mjs';

const FULL = process.env.MUSTER_FAULTS === 'full';
const SIZE = FULL
  ? { requests: 200, perRequest: 3, stock: 400, restarts: 3, restartWriters: 8, kills: 3, killWriters: 16 }
  : { requests: 24, perRequest: 7, stock: 100, restarts: 1, restartWriters: 4, kills: 1, killWriters: 8 };
const RUN = randomUUID().slice(0, 8);
const admin = token({ role: 'admin' });
const logistics = token({ role: 'logistics' });

let a;
let b;
let depotId;

before(async () => {
  const connectionString = await createCluster();
  const [portA, portB] = await freePorts(2);
  a = new Instance(portA, connectionString, SIGNING_KEY);
  b = new Instance(portB, connectionString, SIGNING_KEY);
  await a.start(); // first alone: it creates the schema
  await b.start();
  const agency = await must(a.url, REGISTER_AGENCY, { input: { name: `应急管理局 ${RUN}`, kind: 'OTHER' } });
  const depot = await must(a.url,
    'mutation($input: RegisterDepotInput!) { registerDepot(input: $input) { depot { id } errors { code message } } }',
    { input: { name: `共享库 ${RUN}`, location: { lat: 36.57, lon: 111.72 }, agencyId: agency.agency.id, shared: true } });
  depotId = depot.depot.id;
});

after(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  destroyCluster();
});

let itemSerial = 0;
async function newItem() {
  itemSerial += 1;
  // Seven digits, no class part 00 (the catalog refuses a fine class under no small class).
  const code = `2${10 + (process.pid % 89)}${10 + (itemSerial % 89)}01`;
  await must(a.url, 'mutation($input: DefineItemInput!) { defineItem(input: $input) { errors { code message } } }',
    { input: { code, name: `帐篷 ${code}`, unit: '顶' } });
  return code;
}

async function level(itemCode) {
  const answer = await must(a.url, 'query($i: String, $d: ID) { stockLevels(itemCode: $i, depotId: $d) { onHand reserved } }',
    { i: itemCode, d: depotId }, { as: logistics });
  return answer[0] ?? { onHand: 0, reserved: 0 };
}

/** The last entry of a stock line's ledger: what replaying its events says the line holds. */
async function ledgerEnd(itemCode) {
  const answer = await must(a.url,
    'query($d: ID!, $i: String!) { stockLedger(depotId: $d, itemCode: $i, last: 1) { edges { node { onHandAfter reservedAfter } } } }',
    { d: depotId, i: itemCode }, { as: logistics });
  return answer.edges[0].node;
}

/** Polls until `holds()`; fails naming `what` when it does not within `ms`. */
async function until(holds, what, ms = 60000) {
  const deadline = performance.now() + ms;
  while (!holds()) {
    if (performance.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
    await delay(20);
  }
}

/** Sends one keyed write until it is acknowledged (or was applied already); answers when it was acknowledged. */
async function writeOnce(urls, query, variables, key, as = admin) {
  for (let attempt = 0; attempt < 600; attempt++) {
    const answer = await gql(urls[attempt % urls.length], query, variables, { key, as });
    if (answer.ok) return answer;
    if (answer.status === 409 && answer.body?.errors?.[0]?.extensions?.code === 'ALREADY_APPLIED') return answer;
    await delay(50);
  }
  throw new Error(`write ${key} never acknowledged`);
}

test('racing allocations across two instances never allocate more than the stock, and the ledger equals the level', async () => {
  const item = await newItem();
  await must(a.url, RECEIVE_STOCK, { input: { depotId, itemCode: item, quantity: SIZE.stock, source: 'PROCURED' } }, { as: logistics });
  const requests = [];
  for (let i = 0; i < SIZE.requests; i++) {
    const requested = await must(i % 2 ? b.url : a.url,
      'mutation($input: RequestSuppliesInput!) { requestSupplies(input: $input) { request { id } errors { code message } } }',
      { input: { lines: [{ itemCode: item, quantity: SIZE.perRequest }], deliverTo: { lat: 36.58, lon: 111.73 } } }, { as: logistics });
    await must(a.url, 'mutation($input: ApproveSupplyRequestInput!) { approveSupplyRequest(input: $input) { errors { code message } } }',
      { input: { requestId: requested.request.id } }, { as: logistics });
    requests.push(requested.request.id);
  }

  const allocations = await Promise.all(requests.map((requestId, i) => gql(i % 2 ? b.url : a.url,
    'mutation($input: AllocateSupplyRequestInput!) { allocateSupplyRequest(input: $input) { request { allocations { quantity } } errors { code } } }',
    { input: { requestId } }, { as: logistics })));

  const allocated = allocations.filter((x) => x.ok)
    .reduce((sum, x) => sum + x.payload.request.allocations.reduce((s, line) => s + line.quantity, 0), 0);
  const now = await level(item);
  const ledger = await ledgerEnd(item);
  assert.ok(allocations.every((x) => x.status === 200), 'every allocation was answered');
  assert.ok(allocated <= SIZE.stock, `allocated ${allocated} of ${SIZE.stock}`);
  assert.equal(now.reserved, allocated, 'the level reserves what the answers allocated');
  assert.deepEqual({ onHand: ledger.onHandAfter, reserved: ledger.reservedAfter }, now, 'ledger = level');
});

test('the hostile corpus against a real instance: each refused with its code within 1 s, never a 5xx, nothing written', async () => {
  const agency = await must(a.url, REGISTER_AGENCY, { input: { name: `消防救援大队 ${RUN}`, kind: 'FIRE_RESCUE' } });
  const unit = await must(a.url, REGISTER_UNIT, { input: {
    name: `开元中队 ${RUN}`, kind: 'FIRE_ENGINE', capabilities: ['fire'], crewSize: 6,
    location: { lat: 36.569, lon: 111.723 }, agencyId: agency.agency.id } });
  const targets = { agencyId: agency.agency.id, unitId: unit.unit.id };
  const events = () => psql('muster', 'select count(*) from muster.mt_events');
  const before = events();
  const wrong = [];
  for (const hostile of hostileCases()) {
    const answer = await sendHostile(b.url, hostile.body(targets), hostile.role ? token({ role: hostile.role }) : null);
    if (answer.status >= 500 || answer.codes.includes('INTERNAL_SERVER_ERROR') || answer.status !== hostile.expect.status
      || !answer.codes.includes(hostile.expect.code) || answer.ms >= 1000) {
      wrong.push(`${hostile.name}: HTTP ${answer.status} [${answer.codes.join(', ')}] in ${Math.round(answer.ms)} ms, `
        + `expected HTTP ${hostile.expect.status} ${hostile.expect.code}: ${answer.text.slice(0, 200)}`);
    }
  }
  assert.ok(hostileCases().length >= 20, 'the corpus is there');
  assert.deepEqual(wrong, []);
  assert.equal(events(), before, 'no event written');
});

/** Subscribes to agencyChanged on an instance; collects the names this run registers. */
function subscribeAgencies(instance) {
  const client = createClient({
    url: `ws://127.0.0.1:${instance.port}/graphql`, webSocketImpl: WebSocket, connectionParams: { token: admin },
    retryAttempts: 0, lazy: false,
  });
  const names = [];
  const ended = [];
  const listening = new Promise((resolve) => client.on('connected', resolve));
  client.subscribe({ query: 'subscription { agencyChanged { id name } }' }, {
    next: (result) => (result.data?.agencyChanged ? names.push(result.data.agencyChanged.name) : ended.push(result)),
    error: (error) => ended.push(error),
    complete: () => ended.push('complete'),
  });
  return { client, names, ended, listening };
}

test('PostgreSQL restarted under load: no crash, readiness follows, writes succeed within 1 s, nothing lost, nothing missed', async () => {
  const subscriber = subscribeAgencies(a);
  await subscriber.listening;
  // The server registers the subscription a moment after `subscribe` arrives, and a change committed before that is
  // not for it: probe until one arrives (up to 20 s on a loaded machine).
  let listening = false;
  for (let i = 0; i < 40 && !listening; i++) {
    const probe = `探针 ${RUN} ${i}`;
    await writeOnce([b.url], REGISTER_AGENCY, { input: { name: probe, kind: 'OTHER' } }, `probe-${RUN}-${i}`);
    for (let j = 0; j < 10 && !subscriber.names.includes(probe); j++) await delay(50);
    listening = subscriber.names.includes(probe);
  }
  assert.ok(listening, 'the subscription listens');

  const acknowledged = [];
  let stop = false;
  let serial = 0;
  const writers = Array.from({ length: SIZE.restartWriters }, async (_, w) => {
    while (!stop) {
      const n = serial++;
      const name = `重启 ${RUN} ${w}-${n}`;
      await writeOnce([a.url, b.url].slice(w % 2).concat([a.url, b.url].slice(0, w % 2)), REGISTER_AGENCY,
        { input: { name, kind: 'OTHER' } }, `restart-${RUN}-${w}-${n}`);
      acknowledged.push(name);
    }
  });

  for (let round = 0; round < SIZE.restarts; round++) {
    await delay(800);
    const health = { down: new Set(), up: new Set() };
    stopCluster('fast');
    for (let i = 0; i < 20 && health.down.size < 2; i++) {
      for (const instance of [a, b]) if ((await instance.ready()) !== 200) health.down.add(instance.port);
      await delay(100);
    }
    startCluster();
    const back = await acceptingAt();
    const firstSuccess = await Promise.all([a, b].map(async (instance) => {
      for (;;) {
        const answer = await gql(instance.url, '{ agencies(first: 1) { totalCount } }', {}, { as: admin, timeoutMs: 3000 });
        if (answer.ok) return performance.now() - back;
        await delay(10);
      }
    }));
    for (let i = 0; i < 100 && health.up.size < 2; i++) {
      for (const instance of [a, b]) if ((await instance.ready()) === 200) health.up.add(instance.port);
      await delay(100);
    }
    assert.equal(health.down.size, 2, '/health/ready reported the outage on both instances');
    assert.equal(health.up.size, 2, '/health/ready reported the recovery on both instances');
    assert.ok(firstSuccess.every((ms) => ms < 1000), `success again after ${firstSuccess.map(Math.round).join(', ')} ms`);
  }
  await delay(1000);
  stop = true;
  await Promise.all(writers);

  const expected = new Set(acknowledged);
  for (let i = 0; i < 300 && subscriber.names.filter((n) => expected.has(n)).length < expected.size; i++) await delay(100);
  const heard = subscriber.names.filter((n) => expected.has(n));
  await subscriber.client.dispose();
  assert.ok(a.alive && b.alive && a.crashes.length === 0 && b.crashes.length === 0, 'no instance crashed');
  assert.deepEqual(subscriber.ended, [], 'the subscription was not ended');
  assert.equal(new Set(heard).size, heard.length, 'no change delivered twice');
  assert.deepEqual([...expected].filter((n) => !heard.includes(n)), [], 'no acknowledged change missed');
});

test('kill -9 of an instance under write load: no acknowledged write lost, a retried key written once', async () => {
  for (let round = 0; round < SIZE.kills; round++) {
    const item = await newItem();
    const writes = [];
    let stop = false;
    const writers = Array.from({ length: SIZE.killWriters }, async (_, w) => {
      for (let n = 0; !stop; n++) {
        const key = `kill-${RUN}-${round}-${w}-${n}`;
        const quantity = 1 + ((w + n) % 5);
        const variables = { input: { depotId, itemCode: item, quantity, source: 'PROCURED' } };
        const answer = await gql(b.url, RECEIVE_STOCK, variables, { key, as: logistics });
        writes.push({ key, quantity, variables, acknowledged: answer.ok });
        if (!b.alive) return;
      }
    });
    await until(() => writes.filter((x) => x.acknowledged).length >= SIZE.killWriters, 'writes acknowledged before the kill');
    await b.killHard();
    stop = true;
    await Promise.all(writers);

    const acknowledgedSum = writes.filter((x) => x.acknowledged).reduce((s, x) => s + x.quantity, 0);
    const afterKill = await level(item);
    assert.ok(afterKill.onHand >= acknowledgedSum, `on hand ${afterKill.onHand} holds every acknowledged receipt (${acknowledgedSum})`);
    // The client retries every write with its key on the surviving instance: each is then in exactly once.
    for (const x of writes) await writeOnce([a.url], RECEIVE_STOCK, x.variables, x.key, logistics);
    const total = writes.reduce((s, x) => s + x.quantity, 0);
    const settled = await level(item);
    const ledger = await ledgerEnd(item);
    assert.equal(settled.onHand, total, 'every write in exactly once after retries');
    assert.equal(ledger.onHandAfter, settled.onHand, 'ledger = level');
    assert.ok(a.alive && a.crashes.length === 0, 'the other instance lives on');
    if (round < SIZE.kills - 1) await b.start();
  }
});

test('kill -9 with webhook deliveries pending: after the restart every one goes out, signed', async () => {
  if (b.alive) await b.stop(); // one instance only: the deliveries must survive the one that is killed
  const receiver = await startReceiver(); // answers 503 at first: the deliveries stay pending, retried
  try {
    const agency = await must(a.url, REGISTER_AGENCY, { input: { name: `消防救援大队 webhook ${RUN}`, kind: 'FIRE_RESCUE' } });
    const hook = await must(a.url,
      'mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { webhook { id } secret errors { code message } } }',
      { input: { agencyId: agency.agency.id, url: receiver.url, kinds: ['UNITS'] } });
    const units = [];
    for (let n = 0; n < 5; n++) {
      const unit = await must(a.url, REGISTER_UNIT, { input: {
        name: `消防车 ${RUN}-${n}`, kind: 'FIRE_ENGINE', type: 'II', capabilities: ['fire'], crewSize: 6,
        location: { lat: 36.57, lon: 111.72 }, agencyId: agency.agency.id } });
      units.push(unit.unit.id);
    }
    const attempted = () => new Set(receiver.received.map((r) => JSON.parse(r.body).data.object.id));
    for (let i = 0; i < 300 && attempted().size < units.length; i++) await delay(50);
    assert.equal(attempted().size, units.length, 'each change attempted once before the kill');
    // An attempt answered but not yet recorded when the process dies is simply sent again (at least once);
    // the kill comes once every failed attempt is on record, so the count after the restart must include it.
    const recordedAttempts = async () => (await must(a.url,
      'query($id: ID!) { webhookDeliveries(webhookId: $id, first: 50) { edges { node { attempts } } } }',
      { id: hook.webhook.id })).edges.map((e) => e.node.attempts);
    for (let i = 0; i < 300; i++) {
      const counts = await recordedAttempts();
      if (counts.length === units.length && counts.every((n) => n >= 1)) break;
      await delay(50);
    }
    assert.ok((await recordedAttempts()).every((n) => n >= 1), 'every failed attempt recorded before the kill');

    await a.killHard();
    receiver.answer(204);
    await a.start();

    const delivered = () => new Set(receiver.received.filter((r) => r.answered === 204).map((r) => JSON.parse(r.body).data.object.id));
    for (let i = 0; i < 400 && delivered().size < units.length; i++) await delay(50);
    assert.deepEqual([...delivered()].sort(), [...units].sort(), 'every pending delivery went out after the restart');
    for (const r of receiver.received) assert.ok(verify(hook.secret, r.headers, r.body), 'signature verifies');
    const ids = new Set(receiver.received.map((r) => r.headers['webhook-id']));
    assert.equal(ids.size, units.length, 'a retry carries the same webhook-id');
    const recorded = await must(a.url,
      'query($id: ID!) { webhookDeliveries(webhookId: $id, first: 50) { edges { node { status attempts } } } }',
      { id: hook.webhook.id });
    assert.deepEqual(recorded.edges.map((e) => e.node.status), units.map(() => 'DELIVERED'));
    assert.ok(recorded.edges.every((e) => e.node.attempts >= 2));
  } finally {
    await receiver.close();
  }
});
