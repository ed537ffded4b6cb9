/**
 * The one table that maps the reference data's vocabulary (lower-case kinds and roles, pillar codes) onto the
 * API's enums. Codes of organisations and initiatives are kept exactly as they are.
 *
 * | reference                      | API                                                   |
 * |--------------------------------|-------------------------------------------------------|
 * | organisation kind `rom`, ...   | OrganisationKind: upper case, '-' -> '_' (ROM, TO2_INSTITUTE, ...) |
 * | pillar P1_RIJK_REGIO           | NATIONAL_REGIONAL_CONNECTION                          |
 * | pillar P2_STRENGTHEN_BASE      | STRENGTHEN_BASE                                       |
 * | pillar P3_THEMATIC_TRANSITIONS | THEMATIC_TRANSITIONS                                  |
 * | role owner, lead               | LEAD (one per initiative, see SECOND_LEAD_ROLE)       |
 * | role co-owner, coordinator     | COORDINATOR                                           |
 * | role organiser, co-organiser   | ORGANISER                                             |
 * | role partner, executor         | PARTNER                                               |
 * | role author                    | KNOWLEDGE_PARTNER (wrote the report or plan)          |
 * | role member, represented       | MEMBER                                                |
 * | role signatory                 | SIGNATORY                                             |
 * | role funder                    | FUNDER                                                |
 * | role beneficiary, recipient    | BENEFICIARY                                           |
 * | role subject                   | OBSERVER                                              |
 * | relation `member-of`, ...      | PartnershipKind: upper case, '-' -> '_' (MEMBER_OF, ...) |
 * | initiative kind `trade-mission`| InitiativeKind: upper case, '-' -> '_' (TRADE_MISSION) |
 * | confidence `confirmed`, ...    | Confidence: upper case                                |
 * | milestone status `done`, ...   | MilestoneStatus: upper case                           |
 * | funding line (no kind given)   | FundingKind by `fundingKindOf` (below); status COMMITTED |
 *
 * The source's own role word is kept in `participations.source_role`.
 *
 * An initiative has one active LEAD, the organisation `initiatives.lead_id` names: the first participant the
 * source lists as owner or lead (else the first coordinator). Any further owner or lead of that initiative is
 * recorded as SECOND_LEAD_ROLE, with a note saying so.
 */
import {
  Confidence,
  FundingKind,
  InitiativeKind,
  MilestoneStatus,
  OrganisationKind,
  OutputKind,
  ParticipationRole,
  PartnershipKind,
  Pillar,
} from '../vocabulary.js';

export const PILLAR_MAP: Record<string, Pillar> = {
  P1_RIJK_REGIO: Pillar.NATIONAL_REGIONAL_CONNECTION,
  P2_STRENGTHEN_BASE: Pillar.STRENGTHEN_BASE,
  P3_THEMATIC_TRANSITIONS: Pillar.THEMATIC_TRANSITIONS,
};

export const ROLE_MAP: Record<string, ParticipationRole> = {
  owner: ParticipationRole.LEAD,
  lead: ParticipationRole.LEAD,
  'co-owner': ParticipationRole.COORDINATOR,
  coordinator: ParticipationRole.COORDINATOR,
  organiser: ParticipationRole.ORGANISER,
  'co-organiser': ParticipationRole.ORGANISER,
  partner: ParticipationRole.PARTNER,
  executor: ParticipationRole.PARTNER,
  author: ParticipationRole.KNOWLEDGE_PARTNER,
  member: ParticipationRole.MEMBER,
  represented: ParticipationRole.MEMBER,
  signatory: ParticipationRole.SIGNATORY,
  funder: ParticipationRole.FUNDER,
  beneficiary: ParticipationRole.BENEFICIARY,
  recipient: ParticipationRole.BENEFICIARY,
  subject: ParticipationRole.OBSERVER,
};

/**
 * A second owner or lead of one initiative shares the leading without being the lead: the same role co-owner
 * maps to.
 */
export const SECOND_LEAD_ROLE = ParticipationRole.COORDINATOR;

/** When the source lists one organisation twice in an initiative, the stronger role wins (lowest index). */
export const ROLE_PRECEDENCE: ParticipationRole[] = [
  ParticipationRole.LEAD,
  ParticipationRole.COORDINATOR,
  ParticipationRole.ORGANISER,
  ParticipationRole.FUNDER,
  ParticipationRole.KNOWLEDGE_PARTNER,
  ParticipationRole.PARTNER,
  ParticipationRole.SIGNATORY,
  ParticipationRole.MEMBER,
  ParticipationRole.BENEFICIARY,
  ParticipationRole.OBSERVER,
];

function upperEnum<T extends string>(values: Record<string, T>, word: string, what: string): T {
  const key = word.toUpperCase().replace(/-/g, '_');
  const value = (Object.values(values) as string[]).includes(key) ? (key as T) : undefined;
  if (!value)
    throw new Error(
      `[seed] unknown ${what} ${JSON.stringify(word)}: add it to server/seed/reference-mapping.ts`,
    );
  return value;
}

export const mapOrganisationKind = (kind: string) => upperEnum(OrganisationKind, kind, 'organisation kind');
export const mapInitiativeKind = (kind: string) => upperEnum(InitiativeKind, kind, 'initiative kind');
export const mapPartnershipKind = (type: string) => upperEnum(PartnershipKind, type, 'relation type');
export const mapConfidence = (c: string | undefined) =>
  c ? upperEnum(Confidence, c, 'confidence') : Confidence.UNVERIFIED;
export const mapOutputKind = (k: string) => upperEnum(OutputKind, k, 'output kind');
export const mapMilestoneStatus = (s: string) => upperEnum(MilestoneStatus, s, 'milestone status');

export function mapRole(role: string): ParticipationRole {
  const mapped = ROLE_MAP[role];
  if (!mapped)
    throw new Error(`[seed] unknown participation role ${JSON.stringify(role)}: add it to ROLE_MAP`);
  return mapped;
}

export function mapPillar(code: string): Pillar {
  const mapped = PILLAR_MAP[code];
  if (!mapped) throw new Error(`[seed] unknown pillar ${JSON.stringify(code)}: add it to PILLAR_MAP`);
  return mapped;
}

/**
 * Reads the reference data's partial dates: '2024' (a year), '2024-06' (a month), '2024-06-12', or prose.
 * Starts take the first day of the period, ends and due dates the last (a deadline is the end of its period).
 * Prose that names no date gives null; the caller keeps the original text in notes.
 */
export function parsePartialDate(value: string | null | undefined, edge: 'start' | 'end'): string | null {
  if (!value) return null;
  const v = value.trim();
  let m = /^(\d{4})$/.exec(v);
  if (m) return edge === 'start' ? `${m[1]}-01-01` : `${m[1]}-12-31`;
  m = /^(\d{4})-(\d{2})$/.exec(v);
  if (m) {
    if (edge === 'start') return `${m[1]}-${m[2]}-01`;
    const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
    return `${m[1]}-${m[2]}-${String(last).padStart(2, '0')}`;
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (m) return v;
  m = /^(\d{4})\b/.exec(v);
  if (m) return parsePartialDate(m[1], edge);
  return null;
}

/**
 * What a reference funding line is. The data gives no kind, so it is read from who pays and how:
 * - a one-off amount is ONE_OFF (the EUR 4M impulse of end 2023);
 * - the ministry's (EZ) money per year or for the period is the STRUCTURAL supra-regional budget;
 * - the Growth Fund, the EU and research councils (NWO) give FOLLOW_ON money;
 * - what partners commit or contribute themselves ("all partners", "ROMs (seven signatories)") is CO_FUNDING;
 * - anything else (a national reservation, an allocation without a payer) is OTHER.
 * The reference records no spending, so every line is COMMITTED.
 */
export function fundingKindOf(line: { per: string; from?: string; note?: string }): FundingKind {
  const from = line.from ?? '';
  if (line.per === 'one-off') return FundingKind.ONE_OFF;
  if (from === 'EZ' && (line.per === 'year' || line.per === 'period')) return FundingKind.STRUCTURAL;
  if (/groeifonds|growth fund|\bEU\b|european|NWO/i.test(from)) return FundingKind.FOLLOW_ON;
  if (/partners|ROMs/.test(from) || /co-funding|contribution/i.test(line.note ?? '')) {
    return FundingKind.CO_FUNDING;
  }
  return FundingKind.OTHER;
}
