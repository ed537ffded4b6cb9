/** Command-line handling shared by the benchmarks: bad flags print the usage and exit 2, --help exits 0. */
export function parseCli<V extends { help?: boolean }>(usage: string, parse: () => { values: V }): V {
  let values: V;
  try {
    ({ values } = parse());
  } catch (err) {
    console.error(`[bench] ${(err as Error).message}\n\n${usage}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  return values;
}

/** A bad value: says which and exits 2, as a bad flag does. */
export function cliFail(message: string): never {
  console.error(`[bench] ${message}`);
  process.exit(2);
}

/** The number of option `--name`, from `min` to `max`, or exits 2 saying so. */
export function numberOption(name: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max)
    cliFail(`--${name} must be a number from ${min} to ${max}, not ${raw}`);
  return value;
}
