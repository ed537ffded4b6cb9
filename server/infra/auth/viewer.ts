/**
 * Who is calling. Every service method takes a Viewer, so the access rules have one place to live
 * (server/infra/auth/access.ts) whatever the path: HTTP, WebSocket, `node(id:)` or a nested field.
 */
import { Role } from '../../modules/taxonomy/taxonomy.enums.js';

export interface Viewer {
  readonly kind: 'anonymous' | 'person' | 'api-key' | 'system';
  /** Internal id of the caller's organisation; null when anonymous or system. */
  readonly organisationId: number | null;
  readonly organisationCode: string | null;
  readonly role: Role | null;
  /** Token subject or key id, for the log. */
  readonly subject: string | null;
}

export const anonymousViewer: Viewer = Object.freeze({
  kind: 'anonymous',
  organisationId: null,
  organisationCode: null,
  role: null,
  subject: null,
});

/** Imports and maintenance jobs: full rights, and events with no actor. */
export const systemViewer: Viewer = Object.freeze({
  kind: 'system',
  organisationId: null,
  organisationCode: null,
  role: Role.ADMIN,
  subject: 'system',
});

export function personViewer(
  organisationId: number,
  organisationCode: string,
  role: Role,
  subject: string,
): Viewer {
  return Object.freeze({ kind: 'person', organisationId, organisationCode, role, subject });
}
