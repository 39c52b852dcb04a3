/** One printed line of `npm run bench`: a figure, its unit, and the budget it is held to. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** The budget in words, e.g. "≥ 97%" or "≤ 16 ms". */
  budget?: string;
  /** Whether the figure meets the budget. */
  ok?: boolean;
  note?: string;
}

export interface BenchModule {
  title: string;
  run(): Promise<BenchRow[]>;
}
