// The partner kit with GraphQL Code Generator: typed operations generated from the approved schema, a TypeScript app
// that type-checks against them (and a wrong one that does not), then runs against the real service. Offline: the
// generator, its plugins and the TypeScript compiler come from tests/node/node_modules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import ts from 'typescript';

import { musterUrl } from './lib/env.mjs';
import { registerAgency } from './lib/ws.mjs';
import { token } from './lib/token.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const kit = join(here, 'partner-kit');
const generated = join(kit, 'generated');

function diagnostics(files) {
  const program = ts.createProgram(files, {
    strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext, skipLibCheck: true,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

test('typed operations generated from the approved schema type-check a partner app, refuse a wrong one, and run', async () => {
  rmSync(generated, { recursive: true, force: true });
  const [output] = await generate({
    schema: join(here, '../../schema/schema.graphql'),
    documents: join(kit, 'operations.graphql'),
    generates: { [join(generated, 'graphql.ts')]: { plugins: ['typescript-operations', 'typed-document-node'], config: { enumsAsTypes: true } } },
    silent: true,
    // Plugins are found from this file (tests/node/node_modules), not from the directory the suite runs in.
    pluginLoader: (name) => import(name),
  }, false);
  mkdirSync(generated, { recursive: true });
  writeFileSync(join(generated, 'graphql.ts'), output.content);
  writeFileSync(join(kit, 'package.json'), '{ "type": "module" }\n');

  assert.deepEqual(diagnostics([join(kit, 'app.ts')]), [], 'the partner app type-checks against the generated operations');
  const wrong = diagnostics([join(kit, 'wrong.ts')]).join('\n');
  assert.match(wrong, /"TANK"/, 'an unknown unit kind is a type error');
  assert.match(wrong, /location/, 'a field the operation did not select is a type error');

  // Run it: TypeScript only strips the types, the documents are the generated ones.
  for (const name of ['generated/graphql', 'app']) {
    const source = readFileSync(join(kit, `${name}.ts`), 'utf8');
    writeFileSync(join(kit, `${name}.js`), ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } }).outputText);
  }
  const { registerAndList } = await import(pathToFileURL(join(kit, 'app.js')).href);
  const agency = await registerAgency(`Codegen 伙伴 ${process.pid}-${Date.now()}`, 'FIRE_RESCUE');
  const result = await registerAndList(musterUrl(), token({ role: 'partner', agency }), agency);
  assert.deepEqual(result, { status: 'AVAILABLE', total: 1 });
});
