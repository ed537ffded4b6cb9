/**
 * Who is calling. Every service method takes a Viewer (through RequestScope), so the access rules have one
 * place to live (server/infra/auth/access.ts) whatever the path: HTTP, WebSocket, `node(id:)` or a nested field.
 */
import { OrganisationKind, Role } from '../../vocabulary.js';

export interface Viewer {
  readonly kind: 'anonymous' | 'person' | 'api-key' | 'system';
  /** Internal id of the caller's organisation; null when anonymous or system. */
  readonly organisationPk: number | null;
  readonly organisationCode: string | null;
  readonly role: Role | null;
  /**
   * Network rights: NETWORK initiatives and funding amounts. Members of the network have them; partner
   * companies do not (they see public data and what they take part in), whatever their role.
   */
  readonly network: boolean;
  /** Token subject or `api-key:<id>`, for the log and `createdBy`. */
  readonly subject: string | null;
  /** The key a partner system authenticated with. */
  readonly apiKeyPk: number | null;
  /** Only trusted (registered) documents are accepted from this caller (an API key so marked). */
  readonly trustedDocumentsOnly: boolean;
}

export const anonymousViewer: Viewer = Object.freeze({
  kind: 'anonymous',
  organisationPk: null,
  organisationCode: null,
  role: null,
  network: false,
  subject: null,
  apiKeyPk: null,
  trustedDocumentsOnly: false,
});

/** Imports and maintenance jobs: full rights, and events with no actor. */
export const systemViewer: Viewer = Object.freeze({
  kind: 'system',
  organisationPk: null,
  organisationCode: null,
  role: Role.ADMIN,
  network: true,
  subject: 'system',
  apiKeyPk: null,
  trustedDocumentsOnly: false,
});

/** Organisation kinds outside the network proper: their people and keys have no network rights. */
const OUTSIDE_NETWORK: readonly OrganisationKind[] = [OrganisationKind.COMPANY];

export function hasNetworkRights(kind: OrganisationKind, role: Role): boolean {
  return role === Role.ADMIN || !OUTSIDE_NETWORK.includes(kind);
}

export function memberViewer(options: {
  kind: 'person' | 'api-key';
  organisation: { id: number; code: string; kind: OrganisationKind };
  role: Role;
  subject: string;
  apiKeyPk?: number;
  trustedDocumentsOnly?: boolean;
}): Viewer {
  return Object.freeze({
    kind: options.kind,
    organisationPk: options.organisation.id,
    organisationCode: options.organisation.code,
    role: options.role,
    network: hasNetworkRights(options.organisation.kind, options.role),
    subject: options.subject,
    apiKeyPk: options.apiKeyPk ?? null,
    trustedDocumentsOnly: options.trustedDocumentsOnly ?? false,
  });
}
