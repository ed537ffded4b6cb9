/** Waiting on a condition with a deadline, for the fault tests (a condition, never a fixed sleep). */

/**
 * Resolves once `condition` holds, checking every `everyMs`; rejects after `ms` with `what` (a function, so the
 * message can say what was seen by then).
 */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  ms: number,
  what: () => string,
  everyMs = 10,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
