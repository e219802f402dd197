// What every bench script shares: percentiles, rounding, and how a script ends (its figures
// as one JSON line on stdout, or its error on stderr with a failing exit).

export const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

export const round = (x: number): number => Math.round(x * 1000) / 1000;

/** Runs a bench script's main, exiting 0 after it or 1 with its error. */
export function runBench(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
