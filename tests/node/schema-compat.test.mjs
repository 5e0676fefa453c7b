// Tooling compatibility and the breaking-change check: the running schema answers the current introspection
// (specifiedByURL, isRepeatable, includeDeprecated), and compared with the approved schema/schema.graphql it may
// only add: a removal or a changed type is a breaking change and fails until the approved schema is updated on purpose.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { buildClientSchema, buildSchema, getIntrospectionQuery } from 'graphql';
import { diff, CriticalityLevel } from '@graphql-inspector/core';

import { musterUrl, timedFetch } from './lib/env.mjs';
import { token } from './lib/token.mjs';

const approvedPath = new URL('../../schema/schema.graphql', import.meta.url);

async function introspect() {
  const query = getIntrospectionQuery({ specifiedByUrl: true, directiveIsRepeatable: true, inputValueDeprecation: true, schemaDescription: true });
  const res = await timedFetch(musterUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token({ role: 'admin' })}` },
    body: JSON.stringify({ query }),
  });
  const body = await res.json();
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data;
}

const breaking = (changes) => changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking).map((c) => c.message);

test('introspection answers the current specification\'s fields (specifiedByURL, isRepeatable, includeDeprecated)', async () => {
  const data = await introspect();
  const scalars = data.__schema.types.filter((t) => t.kind === 'SCALAR');
  assert.ok(scalars.every((s) => 'specifiedByURL' in s), 'every scalar answers specifiedByURL');
  assert.ok(data.__schema.directives.every((d) => typeof d.isRepeatable === 'boolean'), 'every directive answers isRepeatable');
  const schema = buildClientSchema(data);
  assert.ok(schema.getQueryType().getFields().units, 'the schema built by graphql-js from introspection has the query fields');
});

test('the running schema breaks nothing in the approved schema', async () => {
  const approved = buildSchema(await readFile(approvedPath, 'utf8'));
  const running = buildClientSchema(await introspect());
  const changes = await diff(approved, running);
  assert.deepEqual(breaking(changes), [], 'breaking changes against schema/schema.graphql (update it on purpose if intended)');
});

test('the check does fail on a removal and on a changed type, and passes an addition', async () => {
  const sdl = await readFile(approvedPath, 'utf8');
  const approved = buildSchema(sdl);
  const withoutMutation = sdl.replace(/^\s*"[^"\n]*"\n\s*issueApiKey\(input: IssueApiKeyInput!\): IssueApiKeyPayload!?\n/m, '');
  assert.notEqual(withoutMutation, sdl, 'the approved schema has issueApiKey to remove');
  const removed = buildSchema(withoutMutation);
  const retyped = buildSchema(sdl.replace('secret: String', 'secret: Int'));
  const added = buildSchema(`${sdl}\nextend type Query { partnerKitProbe: Boolean }\n`);
  assert.notEqual(breaking(await diff(approved, removed)).length, 0, 'a removed mutation is breaking');
  assert.notEqual(breaking(await diff(approved, retyped)).length, 0, 'a changed field type is breaking');
  assert.deepEqual(breaking(await diff(approved, added)), [], 'an added field is not breaking');
});
