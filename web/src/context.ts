/** What every view gets: the client as signed in, what the API said of the taxonomy and the viewer, the live feed. */
import type { RomgraphClient } from '@romgraph/client';
import type { Basics, TaxonomyEntry } from './api';
import type { Live } from './live';
import type { Session } from './session';

export interface AppContext {
  client: RomgraphClient;
  session: Session | null;
  basics: Basics;
  live: Live;
  /** Announces a short text to screen readers (an aria-live region). */
  announce(text: string): void;
}

export interface View {
  /** Draws the view into `container` (emptied first). */
  render(container: HTMLElement, context: AppContext): void | Promise<void>;
  /** Stops what the view started (subscriptions, timers, drawings). */
  destroy?(): void;
}

export function themeEntry(context: AppContext, code: string): TaxonomyEntry | undefined {
  return context.basics.taxonomy.themes.find((t) => t.code === code);
}

export function pillarEntry(context: AppContext, code: string): TaxonomyEntry | undefined {
  return context.basics.taxonomy.pillars.find((p) => p.code === code);
}

/** A message for an error, with the request id when the server gave one. */
export function errorText(err: unknown): string {
  const e = err as { message?: string; requestId?: string; code?: string };
  return [e.message ?? String(err), e.code ? `(${e.code})` : '', e.requestId ? `request ${e.requestId}` : '']
    .filter(Boolean)
    .join(' ');
}
