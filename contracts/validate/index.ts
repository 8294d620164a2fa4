export { createContractValidator } from './contract-validator.js';
export type { ContractValidator, ContractValidatorOptions } from './contract-validator.js';
export { formatViolation } from './format.js';
export { KNOWN_PREFIXES } from './path-matcher.js';
export type { OperationInfo } from './operations.js';
export type * from './types.js';
