/**
 * The access rules, in one place. Services call these; resolvers never decide access themselves, so HTTP,
 * WebSocket, `node(id:)`, nested fields and the events query all answer the same way.
 *
 * - Anonymous callers see PUBLIC initiatives (and the organisation registry and taxonomy).
 * - Signed-in members also see NETWORK initiatives and funding amounts.
 * - PARTICIPANTS initiatives exist only for their active participants and ADMIN; to everyone else they are
 *   NOT_FOUND, never FORBIDDEN, which would reveal them.
 * - Writing needs an EDITOR or ADMIN.
 */
import { Role } from '../../modules/taxonomy/taxonomy.enums.js';
import { ForbiddenError, UnauthenticatedError } from '../errors.js';
import type { Viewer } from './viewer.js';

export function isAdmin(viewer: Viewer): boolean {
  return viewer.role === Role.ADMIN;
}

export function isMember(viewer: Viewer): boolean {
  return viewer.kind !== 'anonymous' && viewer.role !== null;
}

/**
 * A SQL condition that is true for the initiatives (alias `alias`) the viewer may see. Pushes its parameters
 * onto `params` and refers to them by position, so it composes into any statement.
 */
export function visibleInitiativeSql(viewer: Viewer, alias: string, params: unknown[]): string {
  if (isAdmin(viewer)) return 'TRUE';
  if (!isMember(viewer)) return `${alias}.visibility = 'PUBLIC'`;
  if (viewer.organisationId === null) return `${alias}.visibility IN ('PUBLIC', 'NETWORK')`;
  params.push(viewer.organisationId);
  return `(${alias}.visibility IN ('PUBLIC', 'NETWORK') OR EXISTS (SELECT 1 FROM participations vp
    WHERE vp.initiative_id = ${alias}.id AND vp.organisation_id = $${params.length} AND vp.left_on IS NULL))`;
}

/** Funding amounts are for the network only. */
export function canSeeFundingAmounts(viewer: Viewer): boolean {
  return isMember(viewer);
}

/** Throws UNAUTHENTICATED for anonymous callers and FORBIDDEN for read-only ones. */
export function requireWriter(viewer: Viewer, action: string): void {
  if (viewer.kind === 'system') return;
  if (!isMember(viewer))
    throw new UnauthenticatedError(`Sign in to ${action}: send Authorization: Bearer <token>`);
  if (viewer.role !== Role.ADMIN && viewer.role !== Role.EDITOR) {
    throw new ForbiddenError(`${viewer.role} callers cannot ${action}; an EDITOR or ADMIN can`);
  }
}
