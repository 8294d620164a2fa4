import type { operations } from '../../mock-server/spec/generated-types.js';

export type OperationId = keyof operations;

/**
 * The form body the spec documents for an operation, from the types openapi-typescript generates.
 * Scenario steps declare their forms `satisfies FormOf<'…'>`, so a field renamed or retyped in the
 * spec breaks the suite's compilation instead of silently sending what the API no longer takes.
 */
export type FormOf<Op extends OperationId> = operations[Op] extends {
  requestBody: { content: { 'application/x-www-form-urlencoded': infer Form } };
}
  ? Form
  : operations[Op] extends { requestBody?: { content: { 'application/x-www-form-urlencoded': infer Form } } }
    ? Form
    : never;
