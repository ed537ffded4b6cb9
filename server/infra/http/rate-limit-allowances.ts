/**
 * Allowances: points an instance takes from a caller's shared counter ahead of use, so that a busy caller's
 * operations are counted in Redis a batch at a time rather than one round trip each (the round trip, a write and
 * a read on the Redis socket, was most of what the shared limits cost a request: decision 0015).
 *
 * What is taken is counted in Redis at once, so the instances together never allow more than a budget: an
 * allowance moves points from "left" to "held by this instance", never past the limit. What it costs is
 * precision the other way: while one instance holds points another cannot spend them, so a caller spread over
 * instances can be refused a little early. That is kept small: nothing is taken ahead until a caller has come
 * back (the first operation of a caller is counted alone), what is taken grows with what the caller spent of the
 * last allowance (doubling, up to MAX_AHEAD operations), never more than an eighth of what is left, and what is
 * unspent goes back after LIFETIME_MS. Near the end of a budget nothing is taken ahead: every operation is
 * counted in Redis as it comes, exactly.
 */

/** How long taken points wait to be spent before they go back to the shared counter. */
export const LIFETIME_MS = 1_000;
/** The most operations' worth taken ahead at once. */
export const MAX_AHEAD = 64;
/** Never more ahead than this share of what is left of the budget. */
const SHARE_OF_WHAT_IS_LEFT = 1 / 8;
/** Points are given back only while their window has this long to run (after it they die with the window). */
const GIVE_BACK_MARGIN_MS = 1_000;

export interface Allowance {
  /** Points taken from the shared counter and not yet spent. */
  left: number;
  /** Points to take ahead at the next round trip (grows with use, shrinks with waste). */
  next: number;
  /** What the last round trip took ahead (to see how much of it was used). */
  taken: number;
  /** When `left` goes back (epoch ms). */
  expiresAt: number;
  /** When the shared counter's window ends (epoch ms). */
  resetAt: number;
  /** The shared counter as of the last answer (including what was taken ahead). */
  consumed: number;
}

/** One limit's allowances, per caller. */
export class Allowances {
  private readonly byCaller = new Map<string, Allowance>();

  constructor(readonly limit: number) {}

  /**
   * Spends `points` from what this instance holds for the caller, if it holds enough and its window runs:
   * returns the allowance (for the headers: `consumed - left` is what the caller used), else null.
   */
  held(caller: string, points: number, now: number): Allowance | null {
    const a = this.byCaller.get(caller);
    if (!a || a.left < points || now >= a.expiresAt) return null;
    return a;
  }

  spend(a: Allowance, points: number): void {
    a.left -= points;
  }

  /**
   * Takes up to `points` out of what is held for the caller (for an operation counted in a round trip: the
   * rest of it is counted there); returns how many. Held points of a window that has ended are gone.
   */
  reserve(caller: string, points: number, now: number): number {
    const a = this.byCaller.get(caller);
    if (!a || now >= a.resetAt) return 0;
    const taken = Math.min(a.left, points);
    a.left -= taken;
    return taken;
  }

  /** Puts back what `reserve` took, for an operation refused or counted elsewhere. */
  release(caller: string, points: number): void {
    const a = this.byCaller.get(caller);
    if (a && points > 0) a.left += points;
  }

  /** What the caller has used of the budget as this instance knows it: the counter less what it holds. */
  static used(a: Allowance): number {
    return Math.max(0, a.consumed - a.left);
  }

  /** Points to take ahead beside `points` at this round trip. */
  ahead(caller: string, points: number): number {
    const a = this.byCaller.get(caller);
    if (!a) return 0;
    const whatIsLeft = this.limit - a.consumed - points;
    return Math.max(0, Math.min(a.next, MAX_AHEAD * points, Math.floor(whatIsLeft * SHARE_OF_WHAT_IS_LEFT)));
  }

  /**
   * Records a round trip that took `points + ahead` and found the shared counter at `consumed`, its window
   * ending in `msBeforeNext`. The caller's earlier unspent points stay held (they are counted in Redis).
   */
  took(caller: string, points: number, ahead: number, consumed: number, msBeforeNext: number, now: number) {
    const a = this.byCaller.get(caller);
    const resetAt = now + Math.max(0, msBeforeNext);
    // Unspent points of the same window stay held (they are counted in Redis); a new window counted none of
    // them: they died with the last one.
    const kept = a && now < a.resetAt ? a.left : 0;
    // A caller back within LIFETIME_MS of its last round trip is busy: it takes ahead, twice what it took last
    // time once it used all of that. One that comes back later is counted one operation at a time.
    const busy = a !== undefined && now < a.expiresAt;
    const next = !busy ? 0 : a.left === 0 ? Math.max(points, 2 * a.taken) : a.taken;
    this.byCaller.set(caller, {
      left: kept + ahead,
      next,
      taken: ahead,
      expiresAt: Math.min(now + LIFETIME_MS, resetAt),
      resetAt,
      consumed,
    });
  }

  /** Points this instance holds for the caller, counted in the shared counter but not spent. */
  heldFor(caller: string): number {
    return this.byCaller.get(caller)?.left ?? 0;
  }

  /**
   * Unspent points whose lifetime is over, to give back to the shared counter (removed from here either way;
   * points whose window is about to end are not given back, they die with it). Shrinks what the callers take
   * next by what they wasted, and forgets callers that have gone quiet.
   */
  expire(now: number): [caller: string, points: number][] {
    const back: [string, number][] = [];
    for (const [caller, a] of this.byCaller) {
      if (now < a.expiresAt) continue;
      if (a.left > 0) {
        if (a.resetAt - now > GIVE_BACK_MARGIN_MS) back.push([caller, a.left]);
        a.next = Math.max(0, a.taken - a.left);
        a.consumed -= a.left;
        a.left = 0;
      }
      if (now >= a.expiresAt + 10 * LIFETIME_MS || now >= a.resetAt) this.byCaller.delete(caller);
    }
    return back;
  }

  /** Everything held, to give back at shutdown. */
  drain(now: number): [caller: string, points: number][] {
    const back: [string, number][] = [];
    for (const [caller, a] of this.byCaller)
      if (a.left > 0 && a.resetAt - now > GIVE_BACK_MARGIN_MS) back.push([caller, a.left]);
    this.byCaller.clear();
    return back;
  }
}
