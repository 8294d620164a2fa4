/** The shapes of bench/results.json. */
import type { ComponentResult } from './components.js';
import type { LoadFigures, LoadSettings } from './load.js';
import type { PairedRow } from './paired.js';
import type { MemoryStatus } from './processes.js';
import type { ProfileSummary } from './profile.js';

export type EndpointKey = 'availability' | 'reservation' | 'venue' | 'export' | 'book';
export const ENDPOINTS: { key: EndpointKey; label: string; read: boolean }[] = [
  { key: 'availability', label: 'GET availability', read: true },
  { key: 'reservation', label: 'GET reservation', read: true },
  { key: 'venue', label: 'GET venue', read: true },
  { key: 'export', label: 'GET clients/export (400)', read: true },
  { key: 'book', label: 'PUT book', read: false },
];
export type ServerKey = 'mock' | 'prism' | 'hono';

export interface ServerResult {
  name: string;
  command: string;
  coldStartMs: { runs: number[]; median: number } | null;
  idleRssMb: number | null;
  memory: MemoryStatus | null;
  endpoints: Partial<Record<EndpointKey, LoadFigures>>;
  notes: string[];
}

export interface ScalingRow {
  reservations: number;
  inStore: number;
  historyDays: number;
  fillMs: number;
  figures: LoadFigures;
  memory: MemoryStatus | null;
}

export interface Target {
  id: string;
  description: string;
  figure: string;
  pass: boolean | null;
}

export interface Results {
  generatedAt: string;
  machine: {
    cpuModel: string;
    cores: number;
    memoryGb: number;
    node: string;
    platform: string;
    loadAverageAtStart: number[];
    loadAverageAtEnd: number[];
  };
  settings: LoadSettings & {
    loadGenerator: string;
    wrk: { threads: number; connections: number; warmupSec: number; durationSec: number } | null;
  };
  /** CPU profiles written by `npm run bench -- --profile`, one per row. */
  profiles: string[];
  requests: Record<EndpointKey, string>;
  servers: Partial<Record<ServerKey, ServerResult>>;
  ratios: Partial<Record<EndpointKey, { vsPrism: number | null; vsBareHono: number | null }>>;
  scaling: { probe: string; rows: ScalingRow[]; p99Ratio: number | null };
  /**
   * The GET rows against the ceiling in alternating rounds (bench/lib/paired.ts): what the
   * "share of the ceiling" targets are judged on.
   */
  paired: {
    rounds: number;
    settings: { threads: number; connections: number; warmupSec: number; durationSec: number } | null;
    rows: Partial<Record<EndpointKey, PairedRow>>;
  } | null;
  components: ComponentResult[];
  /** Figures that explain the others; no targets apply. */
  diagnostics: {
    /** The compiled CLI with the seeder off (--guests 0 --history-days 0 --days-ahead 0). */
    coldStartEmptyStoreMs?: { runs: number[]; median: number };
    /** The mock with its request journal off (createMockServer({ journal: { enabled: false } })). */
    journalOff?: Partial<Record<EndpointKey, LoadFigures>>;
    /** PUT book against a mock persisting to a data directory (--data-dir). */
    bookPersistent?: LoadFigures;
    /** `--profile`: where each row's time went. */
    profiles?: Partial<Record<EndpointKey, ProfileSummary>>;
  };
  targets: Target[];
  durationSec: number;
}
