/**
 * The control API's description, openapi/mock-control.yaml, passes the same gates as the SevenRooms
 * description: complete operations, every example valid against its schema, a clean Redocly lint,
 * and one handler per operation (checked at start-up and here).
 */
import { describe, expect, it } from 'vitest';
import { CONTROL_HANDLERS } from '../mock-server/control/control-api.js';
import { CONTROL_SPEC_PATH, loadSpec } from '../mock-server/spec/load-spec.js';
import { createSchemaCompiler } from '../mock-server/spec/schema-compiler.js';
import { checkExample, collectExampleCases, operationsOf, redoclyProblems } from './support/spec-gates.js';

const { doc } = loadSpec(CONTROL_SPEC_PATH);
const operations = operationsOf(doc, doc.paths, '/paths');

describe('openapi/mock-control.yaml', () => {
  it('has one handler per operation and no handler without one', () => {
    const ids = operations.map((o) => o.operation.operationId).sort();
    expect(Object.keys(CONTROL_HANDLERS).sort()).toEqual(ids);
  });

  it('every operation has an operationId, summary, description, one tag, a 2xx and a 4xx', () => {
    const problems: string[] = [];
    for (const { operation, pointer } of operations) {
      const statuses = Object.keys(operation.responses ?? {});
      if (!operation.operationId || !operation.summary || !operation.description)
        problems.push(`${pointer}: incomplete`);
      if (operation.tags?.length !== 1) problems.push(`${pointer}: needs exactly one tag`);
      if (!statuses.some((s) => s.startsWith('2'))) problems.push(`${pointer}: no 2xx`);
      if (!statuses.some((s) => s.startsWith('4'))) problems.push(`${pointer}: no 4xx`);
    }
    expect(problems).toEqual([]);
  });

  it('every example validates against its schema', () => {
    const cases = collectExampleCases(doc, operations);
    expect(cases.filter((c) => c.pointer.includes('/responses/')).length).toBeGreaterThanOrEqual(
      operations.length,
    );
    const compiler = createSchemaCompiler(doc);
    expect(cases.flatMap((c) => checkExample(compiler, c))).toEqual([]);
  });

  it('lints clean with openapi/redocly-control.yaml', async () => {
    expect(await redoclyProblems('openapi/redocly-control.yaml', 'openapi/mock-control.yaml')).toEqual([]);
  }, 60_000);
});
