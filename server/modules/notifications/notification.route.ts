/**
 * The inbox, live: what one subscriber to `notifications` follows and takes part in, kept in step with the log
 * event by event (a FOLLOWED or UNFOLLOWED of theirs, a PARTNER_JOINED or PARTNER_LEFT of their organisation),
 * and the reason each new event is theirs. The in-memory twin of inbox-sql.ts: the same windows, the same
 * precedence, so the live feed and the inbox agree on every event.
 */
import { followerAudience, followerKeyOf } from '../../infra/auth/access.js';
import type { Database } from '../../infra/db/database.js';
import { UnauthenticatedError } from '../../infra/errors.js';
import { parseGlobalId } from '../../infra/graphql/ids.js';
import type { RequestScope } from '../../infra/request-scope.js';
import type { PersonalRoute } from '../../live/index.js';
import { EventType, NotificationReason } from '../../vocabulary.js';
import type { Event } from '../events/index.js';
import type { NotificationService } from './notification.service.js';
import { Notification } from './notification.type.js';

interface Target {
  theme?: string;
  pillar?: string;
  initiativePk?: number;
  organisationPk?: number;
}

const keyOf = (id: unknown, type: string): number | undefined => {
  const parsed = typeof id === 'string' ? parseGlobalId(id) : null;
  return parsed?.type === type ? Number(parsed.key) : undefined;
};

/** A follow's target as its FOLLOWED event's payload names it. */
function targetOf(payload: Record<string, unknown>): Target {
  if (typeof payload.theme === 'string') return { theme: payload.theme };
  if (typeof payload.pillar === 'string') return { pillar: payload.pillar };
  const initiativePk = keyOf(payload.initiativeId, 'Initiative');
  if (initiativePk !== undefined) return { initiativePk };
  return { organisationPk: keyOf(payload.organisationId, 'Organisation') };
}

export class InboxRoute implements PersonalRoute<Event> {
  private readonly follower: string;
  private readonly audience: string;
  private readonly organisationPk: number | null;
  private stateAt = -1n;
  private readonly follows = new Map<number, Target>();
  private readonly participating = new Set<number>();

  constructor(
    private readonly db: Database,
    private readonly scope: RequestScope,
    private readonly notifications: NotificationService,
  ) {
    const follower = followerKeyOf(scope.viewer);
    if (!follower) {
      throw new UnauthenticatedError(
        'Sign in to subscribe to your notifications: send authorization in connectionParams',
      );
    }
    this.follower = follower;
    this.audience = followerAudience(follower);
    this.organisationPk = scope.viewer.organisationPk;
  }

  /** What holds as of the log's head, in one statement (one snapshot): follows, and participations. */
  async load(): Promise<bigint> {
    const [row] = await this.db.read(
      `WITH head AS (SELECT coalesce(max(seq), 0) AS seq FROM events)
       SELECT (SELECT seq FROM head)::text AS head,
              (SELECT coalesce(json_agg(json_build_array(f.id, f.theme, f.pillar, f.initiative_id,
                        f.target_organisation_id)), '[]')
                 FROM follows f, head
                WHERE f.follower = $1 AND f.since_seq <= head.seq
                  AND (f.until_seq IS NULL OR f.until_seq > head.seq)) AS follows,
              (SELECT coalesce(array_agg(last.initiative_id), '{}') FROM (
                 SELECT DISTINCT ON (e.initiative_id) e.initiative_id, e.type
                   FROM events e, head
                  WHERE e.type IN ('${EventType.PARTNER_JOINED}', '${EventType.PARTNER_LEFT}')
                    AND e.organisation_id = $2 AND e.seq <= head.seq
                  ORDER BY e.initiative_id, e.seq DESC) last
                WHERE last.type = '${EventType.PARTNER_JOINED}') AS participating`,
      [this.follower, this.organisationPk ?? 0],
    );
    this.follows.clear();
    for (const [id, theme, pillar, initiativePk, organisationPk] of row!.follows as [
      number,
      string | null,
      string | null,
      number | null,
      number | null,
    ][]) {
      this.follows.set(
        id,
        theme
          ? { theme }
          : pillar
            ? { pillar }
            : initiativePk !== null
              ? { initiativePk }
              : { organisationPk: organisationPk! },
      );
    }
    this.participating.clear();
    for (const pk of row!.participating as number[]) this.participating.add(pk);
    this.stateAt = BigInt(row!.head as string);
    return this.stateAt;
  }

  route(event: Event): string | null {
    const seq = BigInt(event.seq);
    if (seq <= this.stateAt) return null;
    this.stateAt = seq;
    const reason = this.reasonFor(event);
    this.apply(event);
    return reason;
  }

  root(event: Event, reason: string): Notification {
    return new Notification(event, reason as NotificationReason, null);
  }

  async replay(after: bigint, upTo: bigint, limit: number): Promise<{ seq: bigint; root: unknown }[]> {
    const found = await this.notifications.notifications(this.scope, this.follower, {
      above: after.toString(),
      below: (upTo + 1n).toString(),
      limit,
      oldestFirst: true,
    });
    return found.map((n) => ({ seq: BigInt(n.event.seq), root: n }));
  }

  /** The first reason that holds, in the order of REASON_ORDER (inbox-sql.ts). */
  private reasonFor(event: Event): NotificationReason | null {
    if (event.audience !== null) return null;
    if (event.type === EventType.PARTNER_JOINED && event.payload.atCreation) return null;
    const initiative = event.initiativePk;
    if (initiative !== null && this.participating.has(initiative)) return NotificationReason.PARTICIPATING;
    const follows = [...this.follows.values()];
    if (initiative !== null && follows.some((f) => f.initiativePk === initiative))
      return NotificationReason.FOLLOWING_INITIATIVE;
    if (
      follows.some((f) => f.organisationPk !== undefined && event.organisationPks.includes(f.organisationPk))
    )
      return NotificationReason.FOLLOWING_ORGANISATION;
    // The themes and pillars stamped on the event, as the inbox reads them.
    if (follows.some((f) => f.theme !== undefined && event.themes.includes(f.theme)))
      return NotificationReason.FOLLOWING_THEME;
    if (follows.some((f) => f.pillar !== undefined && event.pillars.includes(f.pillar)))
      return NotificationReason.FOLLOWING_PILLAR;
    return null;
  }

  /** What the event changes of the state: a follow of theirs, a participation of their organisation. */
  private apply(event: Event): void {
    if (event.audience === this.audience) {
      const followPk = keyOf(event.payload.followId, 'Follow');
      if (followPk === undefined) return;
      if (event.type === EventType.FOLLOWED) this.follows.set(followPk, targetOf(event.payload));
      if (event.type === EventType.UNFOLLOWED) this.follows.delete(followPk);
      return;
    }
    if (event.initiativePk === null || event.organisationPk !== this.organisationPk) return;
    if (event.type === EventType.PARTNER_JOINED) this.participating.add(event.initiativePk);
    if (event.type === EventType.PARTNER_LEFT) this.participating.delete(event.initiativePk);
  }
}
