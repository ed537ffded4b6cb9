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
