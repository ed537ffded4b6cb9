/**
 * Global, opaque ids: base64url("<Type>:<key>"). `node(id:)` reads the type back; every `...Id` argument
 * checks it, so an initiative id passed where an organisation is expected is a clear BAD_USER_INPUT.
 */
import { BadInputError } from '../errors.js';

export type NodeTypeName =
  | 'Organisation'
  | 'Initiative'
  | 'Participation'
  | 'Milestone'
  | 'Partnership'
  | 'Activity'
  | 'FundingAllocation'
  | 'Output'
  | 'Event'
  | 'ApiKey'
  | 'Follow'
  | 'Notification'
  | 'Webhook'
  | 'WebhookDelivery';

export function toGlobalId(type: NodeTypeName, key: number | string): string {
  return Buffer.from(`${type}:${key}`).toString('base64url');
}

export function parseGlobalId(id: string): { type: string; key: string } | null {
  if (typeof id !== 'string' || id.length === 0 || id.length > 200 || !/^[A-Za-z0-9_-]+={0,2}$/.test(id))
    return null;
  const decoded = Buffer.from(id, 'base64url').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  return { type: decoded.slice(0, colon), key: decoded.slice(colon + 1) };
}

/** Decodes an id of the expected type to its integer key, or throws BAD_USER_INPUT naming the argument. */
export function decodeId(id: string, type: NodeTypeName, argument = 'id'): number {
  const parsed = parseGlobalId(id);
  if (
    !parsed ||
    parsed.type !== type ||
    !/^[1-9][0-9]{0,9}$/.test(parsed.key) ||
    Number(parsed.key) > 2_147_483_647
  ) {
    throw new BadInputError(`${argument} is not a valid ${type} id`, argument);
  }
  return Number(parsed.key);
}
