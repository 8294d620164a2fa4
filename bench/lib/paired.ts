/**
 * The mock against its ceiling, row by row, in alternating rounds: mock, ceiling, mock, ceiling…,
 * keeping every figure and comparing the best of each. On a shared two-core virtual machine the
 * throughput of one and the same server drifts by ±30 % from one minute to the next (other guests'
 * load, CPU steal); measuring all of one server's rows and then all of the other's compares two
 * different machines. Interleaving puts both under the same conditions, and the best of several
 * short runs is the least disturbed figure of each (noise only ever slows a run down).
 */
export interface PairedRow {
  /** Requests per second of each round, in order. */
  mock: number[];
  ceiling: number[];
  bestMock: number;
  bestCeiling: number;
  /** bestMock ÷ bestCeiling. */
  share: number;
}

export async function measurePaired(
  rounds: number,
  measureMock: () => Promise<number>,
  measureCeiling: () => Promise<number>,
): Promise<PairedRow> {
  const mock: number[] = [];
  const ceiling: number[] = [];
  for (let i = 0; i < rounds; i++) {
    mock.push(await measureMock());
    ceiling.push(await measureCeiling());
  }
  const bestMock = Math.max(...mock);
  const bestCeiling = Math.max(...ceiling);
  return {
    mock,
    ceiling,
    bestMock,
    bestCeiling,
    share: Math.round((bestMock / Math.max(bestCeiling, 1)) * 1000) / 1000,
  };
}
