/** The contract-testing toolkit's public API (see docs/decisions/0003-contract-toolkit.md). */
export * from './validate/index.js';
export { runContractSuite, SCENARIOS } from './suite/run-suite.js';
export type { ContractSuiteOptions } from './suite/options.js';
export type * from './suite/types.js';
export { createInProcessTarget } from './suite/targets/in-process.js';
export { createUrlTarget } from './suite/targets/url.js';
export { createRealTarget, REAL_ENV } from './suite/targets/real.js';
export { credentialsFromCatalog } from './suite/mock-credentials.js';
export { computeCoverage } from './report/coverage.js';
export type { Coverage, OperationCoverage } from './report/coverage.js';
export { renderConsole } from './report/console.js';
export { renderJson } from './report/json.js';
export { renderJunit } from './report/junit.js';
export { readHar, readHarFile } from './recorded/har.js';
export { readRecordedFolder } from './recorded/folder.js';
export { writeRecordedPairs } from './recorded/record.js';
export { validateRecorded } from './recorded/validate-recorded.js';
export { runSuiteViaPrism } from './prism/run-via-prism.js';
export type { Disagreement } from './prism/compare.js';
/** The SevenRooms description shipped with the package, for `createContractValidator(loadSpec().doc)`. */
export { loadSpec, DEFAULT_SPEC_PATH, CONTROL_SPEC_PATH } from '../mock-server/spec/load-spec.js';
export { PrismNotInstalledError } from './prism/start-prism.js';
