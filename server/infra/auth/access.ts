/**
 * The access rules, in one place. Services gather the facts (who leads, who takes part) and ask here; resolvers
 * never decide access, so HTTP, WebSocket, `node(id:)`, nested fields and the events query answer alike.
 *
 * Reading
 * - Anonymous callers see PUBLIC initiatives, the organisation registry, partnerships and the taxonomy.
 * - Members with network rights also see NETWORK initiatives and funding amounts. Partner companies have no
 *   network rights: they see PUBLIC initiatives and those they take part in.
 * - PARTICIPANTS initiatives exist only for their active participants and ADMIN. To anyone else they are
 *   NOT_FOUND (by id, by code, in lists, counts, nested fields and events), never FORBIDDEN, which would
 *   reveal them.
 * - Personal events (a follow, an unfollow) have an audience: only that follower hears of them, ADMIN included
 *   in "everyone else". Events for an organisation's editors (a webhook disabled) reach its EDITORs and ADMINs.
 *   Every other event has none.
 *
 * Writing (EDITOR of organisation X, or a read-write API key of X; ADMIN may do everything; VIEWER and
 * read-only keys write nothing)
 * - create initiatives led by X; update initiatives X leads;
 * - join X to an initiative it can see; add any organisation to, or remove it from, an initiative X leads;
 *   leave on behalf of X;
 * - add and update milestones of initiatives where X is LEAD, COORDINATOR or PARTNER (or the lead);
 * - record activities X organises; create or end partnerships where X is an endpoint;
 * - allocate funding from X; update X's own organisation record; create and revoke X's API keys (people only).
 * - Registering organisations is for ADMIN.
 */
import { ParticipationRole, Role } from '../../vocabulary.js';
import { ForbiddenError, UnauthenticatedError } from '../errors.js';
import type { Viewer } from './viewer.js';

export function isAdmin(viewer: Viewer): boolean {
  return viewer.role === Role.ADMIN;
}

function signedIn(viewer: Viewer): boolean {
  return viewer.kind !== 'anonymous' && viewer.role !== null;
}

/**
 * A SQL condition that is true for the initiatives (alias `alias`) the viewer may see. Pushes its parameters
 * onto `params` and refers to them by position, so it composes into any statement.
 */
export function visibleInitiativeSql(viewer: Viewer, alias: string, params: unknown[]): string {
  if (isAdmin(viewer)) return 'TRUE';
  if (!signedIn(viewer) || viewer.organisationPk === null) return `${alias}.visibility = 'PUBLIC'`;
  params.push(viewer.organisationPk);
  const open = viewer.network ? `('PUBLIC', 'NETWORK')` : `('PUBLIC')`;
  // The caller's own initiatives as one set (PostgreSQL hashes it once per statement), not a lookup per row:
  // a summary over 20,000 initiatives then joins them by hash instead of probing each one.
  return `(${alias}.visibility IN ${open} OR ${alias}.id IN (SELECT vp.initiative_id FROM participations vp
    WHERE vp.organisation_id = $${params.length} AND vp.left_on IS NULL))`;
}

/** Funding amounts are for the network only. */
export function canSeeFundingAmounts(viewer: Viewer): boolean {
  return viewer.network;
}

/** Throws UNAUTHENTICATED for anonymous callers and FORBIDDEN for read-only ones. */
export function requireWriter(viewer: Viewer, action: string): void {
  if (viewer.kind === 'system' || isAdmin(viewer)) return;
  if (!signedIn(viewer))
    throw new UnauthenticatedError(`Sign in to ${action}: send Authorization: Bearer <token>`);
  if (viewer.role !== Role.EDITOR) {
    const who = viewer.kind === 'api-key' ? 'a read-only API key' : `a ${viewer.role}`;
    throw new ForbiddenError(`${who} cannot ${action}; it needs an EDITOR (or a read-write key) or an ADMIN`);
  }
}

/** True when the viewer may act on behalf of the organisation (ADMIN, or a writer of that organisation). */
export function actsFor(viewer: Viewer, organisationPk: number | null): boolean {
  if (viewer.kind === 'system' || isAdmin(viewer)) return true;
  return viewer.role === Role.EDITOR && organisationPk !== null && viewer.organisationPk === organisationPk;
}

function deny(viewer: Viewer, action: string, rule: string): never {
  requireWriter(viewer, action);
  throw new ForbiddenError(`${viewer.organisationCode ?? 'you'} cannot ${action}: ${rule}`);
}

const MILESTONE_EDITORS = [ParticipationRole.LEAD, ParticipationRole.COORDINATOR, ParticipationRole.PARTNER];
/** Who makes what an initiative produces: its milestone editors, organisers and knowledge partners (authors). */
const OUTPUT_RECORDERS = [
  ...MILESTONE_EDITORS,
  ParticipationRole.ORGANISER,
  ParticipationRole.KNOWLEDGE_PARTNER,
];

/** An editor of the initiative's lead, or of an organisation that takes part in one of `roles`. */
function contributes(
  viewer: Viewer,
  leadPk: number | null,
  role: ParticipationRole | null,
  roles: ParticipationRole[],
): boolean {
  return (
    actsFor(viewer, leadPk) ||
    (role !== null && roles.includes(role) && actsFor(viewer, viewer.organisationPk))
  );
}

export const can = {
  registerOrganisation(viewer: Viewer): void {
    if (!isAdmin(viewer) && viewer.kind !== 'system')
      deny(viewer, 'register organisations', 'only ADMIN registers organisations');
  },
  updateOrganisation(viewer: Viewer, organisationPk: number): void {
    if (!actsFor(viewer, organisationPk))
      deny(viewer, 'update this organisation', 'editors update their own organisation only');
  },
  createInitiative(viewer: Viewer, leadPk: number): void {
    if (!actsFor(viewer, leadPk))
      deny(viewer, 'create this initiative', 'editors create initiatives their own organisation leads');
  },
  updateInitiative(viewer: Viewer, leadPk: number | null): void {
    if (!actsFor(viewer, leadPk))
      deny(viewer, 'update this initiative', 'only its lead organisation (or ADMIN) updates it');
  },
  /** Join or leave: on behalf of the organisation itself, or as the initiative's lead. */
  changeParticipation(viewer: Viewer, organisationPk: number, leadPk: number | null, action: string): void {
    if (!actsFor(viewer, organisationPk) && !actsFor(viewer, leadPk)) {
      deny(
        viewer,
        action,
        'editors act for their own organisation, or for any organisation in an initiative they lead',
      );
    }
  },
  /** `role`: the viewer organisation's active role in the initiative, if any. */
  editMilestones(viewer: Viewer, leadPk: number | null, role: ParticipationRole | null): void {
    if (!contributes(viewer, leadPk, role, MILESTONE_EDITORS)) {
      deny(
        viewer,
        'change milestones of this initiative',
        'its LEAD, COORDINATOR and PARTNER organisations do',
      );
    }
  },
  /** `role`: the viewer organisation's active role in the initiative, if any. */
  recordOutput(viewer: Viewer, leadPk: number | null, role: ParticipationRole | null): void {
    if (!contributes(viewer, leadPk, role, OUTPUT_RECORDERS)) {
      deny(
        viewer,
        'record outputs of this initiative',
        'its LEAD, COORDINATOR, PARTNER, ORGANISER and KNOWLEDGE_PARTNER organisations do',
      );
    }
  },
  recordActivity(viewer: Viewer, organiserPks: number[]): void {
    if (!organiserPks.some((pk) => actsFor(viewer, pk))) {
      deny(viewer, 'record this activity', 'editors record activities their organisation organises');
    }
  },
  changePartnership(viewer: Viewer, fromPk: number, toPk: number, action: string): void {
    if (!actsFor(viewer, fromPk) && !actsFor(viewer, toPk)) {
      deny(viewer, action, 'editors act on partnerships their organisation is part of');
    }
  },
  allocateFunding(viewer: Viewer, sourcePk: number | null): void {
    if (!actsFor(viewer, sourcePk))
      deny(viewer, 'allocate this funding', 'editors allocate funding from their own organisation');
  },
  manageApiKeys(viewer: Viewer, organisationPk: number): void {
    if (viewer.kind === 'api-key')
      throw new ForbiddenError('API keys cannot create or revoke API keys; a person must');
    if (!actsFor(viewer, organisationPk))
      deny(viewer, "manage this organisation's API keys", "editors manage their own organisation's keys");
  },
  /** Webhooks: ADMIN, or editors (and read-write keys) of the organisation they deliver to. */
  manageWebhooks(viewer: Viewer, organisationPk: number): void {
    if (!actsFor(viewer, organisationPk))
      deny(viewer, "manage this organisation's webhooks", "editors manage their own organisation's webhooks");
  },
  /** Seeing key metadata: ADMIN, or people of the organisation with write rights. */
  seeApiKeys(viewer: Viewer, organisationPk: number): boolean {
    return viewer.kind !== 'api-key' && actsFor(viewer, organisationPk);
  },
};

/**
 * Who follows and reads notifications: a person (a token's subject, within its organisation) or a partner
 * system's API key. Null for anonymous and system callers, who have no inbox.
 */
export function followerKeyOf(viewer: Viewer): string | null {
  if (viewer.kind === 'person' && viewer.organisationPk !== null && viewer.subject)
    return `person:${viewer.organisationPk}:${viewer.subject}`;
  if (viewer.kind === 'api-key' && viewer.apiKeyPk !== null) return `api-key:${viewer.apiKeyPk}`;
  return null;
}

/** The audience value of a follower's personal events. */
export function followerAudience(followerKey: string): string {
  return `follower:${followerKey}`;
}

/** The audience of events for an organisation's editors (a webhook of theirs was disabled). */
export function editorsAudience(organisationPk: number): string {
  return `editors:${organisationPk}`;
}

/** The audiences a viewer belongs to, for personal events. */
function audiencesOf(viewer: Viewer): string[] {
  const key = followerKeyOf(viewer);
  const audiences = key ? [followerAudience(key)] : [];
  if (viewer.organisationPk !== null && (viewer.role === Role.EDITOR || viewer.role === Role.ADMIN))
    audiences.push(editorsAudience(viewer.organisationPk));
  return audiences;
}

/** A SQL condition that is true for the events (alias `alias`) whose audience, if any, includes the viewer. */
export function eventAudienceSql(viewer: Viewer, alias: string, params: unknown[]): string {
  const audiences = audiencesOf(viewer);
  if (audiences.length === 0) return `${alias}.audience IS NULL`;
  params.push(audiences);
  return `(${alias}.audience IS NULL OR ${alias}.audience = ANY($${params.length}::text[]))`;
}

/** What the live feed knows about an event's initiative when it decides who may hear of the event. */
export interface EventAccessFacts {
  /** Null when the event concerns no initiative (organisations, partnerships): public, like the registry. */
  visibility: 'PUBLIC' | 'NETWORK' | 'PARTICIPANTS' | null;
  /** Organisations taking part now. */
  participantPks: ReadonlySet<number>;
  /** Whom a personal event is for (see `eventAudienceSql`); null or absent for every other event. */
  audience?: string | null;
}

/**
 * The in-memory twin of `visibleInitiativeSql` (and `eventAudienceSql`), applied per subscriber at delivery time with the initiative's
 * current visibility and participants (so a change of either after subscribing is honoured).
 */
export function canSeeEvent(viewer: Viewer, facts: EventAccessFacts): boolean {
  if (facts.audience && !audiencesOf(viewer).includes(facts.audience)) return false;
  if (facts.visibility === null || isAdmin(viewer)) return true;
  if (facts.visibility === 'PUBLIC') return true;
  if (!signedIn(viewer) || viewer.organisationPk === null) return false;
  if (facts.participantPks.has(viewer.organisationPk)) return true;
  return facts.visibility === 'NETWORK' && viewer.network;
}

/**
 * The initiatives a viewer sees, in the form the in-memory graph applies: every one (ADMIN), or those whose
 * visibility is `open` to it, plus those its organisation (`via`) takes part in now. The third twin of
 * `visibleInitiativeSql` and `canSeeEvent`.
 */
export interface InitiativeAccess {
  readonly all: boolean;
  readonly open: ReadonlySet<string>;
  readonly via: number | null;
}

const PUBLIC_ONLY: ReadonlySet<string> = new Set(['PUBLIC']);
const PUBLIC_AND_NETWORK: ReadonlySet<string> = new Set(['PUBLIC', 'NETWORK']);

/** What anonymous callers see, and what every member with network rights sees besides its own initiatives. */
export const PUBLIC_ACCESS: InitiativeAccess = { all: false, open: PUBLIC_ONLY, via: null };
export const NETWORK_WIDE_ACCESS: InitiativeAccess = { all: false, open: PUBLIC_AND_NETWORK, via: null };

export function initiativeAccessOf(viewer: Viewer): InitiativeAccess {
  if (isAdmin(viewer)) return { all: true, open: PUBLIC_AND_NETWORK, via: null };
  if (!signedIn(viewer) || viewer.organisationPk === null)
    return { all: false, open: PUBLIC_ONLY, via: null };
  return {
    all: false,
    open: viewer.network ? PUBLIC_AND_NETWORK : PUBLIC_ONLY,
    via: viewer.organisationPk,
  };
}

/** Subscribers that see exactly the same events and field values share one execution per event. */
export function accessCohortKey(viewer: Viewer): string {
  return isAdmin(viewer) ? 'admin' : `${viewer.network ? 'net' : 'pub'}:${viewer.organisationPk ?? '-'}`;
}
