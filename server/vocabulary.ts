/**
 * The controlled vocabularies: the shared words every layer may import. Their values are part of the public
 * API contract that partners and dashboards build against: add, never rename.
 */
import { registerEnumType } from 'type-graphql';

export enum OrganisationKind {
  ROM = 'ROM',
  ROM_NETWORK = 'ROM_NETWORK',
  MINISTRY = 'MINISTRY',
  PROVINCE = 'PROVINCE',
  PROVINCES_ASSOCIATION = 'PROVINCES_ASSOCIATION',
  NATIONAL_AGENCY = 'NATIONAL_AGENCY',
  INVESTMENT_INSTITUTION = 'INVESTMENT_INSTITUTION',
  RESEARCH_FUNDER = 'RESEARCH_FUNDER',
  ACADEMY = 'ACADEMY',
  ASSOCIATION = 'ASSOCIATION',
  ECOSYSTEM_ORGANISATION = 'ECOSYSTEM_ORGANISATION',
  TO2_FEDERATION = 'TO2_FEDERATION',
  TO2_INSTITUTE = 'TO2_INSTITUTE',
  TKI = 'TKI',
  UNIVERSITY = 'UNIVERSITY',
  UNIVERSITY_OF_APPLIED_SCIENCES = 'UNIVERSITY_OF_APPLIED_SCIENCES',
  RESEARCH_INSTITUTE = 'RESEARCH_INSTITUTE',
  REGIONAL_ECONOMIC_AGENCY = 'REGIONAL_ECONOMIC_AGENCY',
  CLUSTER_ORGANISATION = 'CLUSTER_ORGANISATION',
  MUNICIPALITY = 'MUNICIPALITY',
  COMPANY = 'COMPANY',
  OTHER = 'OTHER',
}

export enum Theme {
  CLIMATE_ENERGY = 'CLIMATE_ENERGY',
  DIGITAL_KEY_TECH = 'DIGITAL_KEY_TECH',
  CIRCULAR_ECONOMY = 'CIRCULAR_ECONOMY',
  ENERGY_SECURITY = 'ENERGY_SECURITY',
  SECURITY = 'SECURITY',
  AGRI_FOOD = 'AGRI_FOOD',
  HEALTH = 'HEALTH',
}

export enum Pillar {
  NATIONAL_REGIONAL_CONNECTION = 'NATIONAL_REGIONAL_CONNECTION',
  STRENGTHEN_BASE = 'STRENGTHEN_BASE',
  THEMATIC_TRANSITIONS = 'THEMATIC_TRANSITIONS',
}

export enum CoreTask {
  INNOVATE = 'INNOVATE',
  INTERNATIONALISE = 'INTERNATIONALISE',
  INVEST = 'INVEST',
}

export enum Confidence {
  CONFIRMED = 'CONFIRMED',
  LIKELY = 'LIKELY',
  UNCERTAIN = 'UNCERTAIN',
  UNVERIFIED = 'UNVERIFIED',
}

export enum Visibility {
  PUBLIC = 'PUBLIC',
  NETWORK = 'NETWORK',
  PARTICIPANTS = 'PARTICIPANTS',
}

export enum InitiativeStatus {
  PLANNED = 'PLANNED',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}

export enum InitiativeKind {
  STRATEGY = 'STRATEGY',
  PROGRAMME = 'PROGRAMME',
  PROJECT = 'PROJECT',
  JOINT_PROJECT = 'JOINT_PROJECT',
  PILOT = 'PILOT',
  RESEARCH_PROGRAMME = 'RESEARCH_PROGRAMME',
  RESEARCH_PROJECT = 'RESEARCH_PROJECT',
  COMMUNITY = 'COMMUNITY',
  NETWORK = 'NETWORK',
  COVENANT = 'COVENANT',
  PLAN = 'PLAN',
  EVALUATION = 'EVALUATION',
  SUBSIDY_PROGRAMME = 'SUBSIDY_PROGRAMME',
  FINANCING_INSTRUMENT = 'FINANCING_INSTRUMENT',
  TRADE_MISSION = 'TRADE_MISSION',
  EVENT = 'EVENT',
  EVENT_PARTICIPATION = 'EVENT_PARTICIPATION',
  OTHER = 'OTHER',
}

export enum ParticipationRole {
  LEAD = 'LEAD',
  COORDINATOR = 'COORDINATOR',
  PARTNER = 'PARTNER',
  KNOWLEDGE_PARTNER = 'KNOWLEDGE_PARTNER',
  FUNDER = 'FUNDER',
  MEMBER = 'MEMBER',
  SIGNATORY = 'SIGNATORY',
  ORGANISER = 'ORGANISER',
  BENEFICIARY = 'BENEFICIARY',
  OBSERVER = 'OBSERVER',
}

export enum MilestoneStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  AT_RISK = 'AT_RISK',
  DELAYED = 'DELAYED',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}

export enum PartnershipKind {
  ROM_COLLABORATION = 'ROM_COLLABORATION',
  KIC_LINK = 'KIC_LINK',
  ESMEE_COMMUNITY = 'ESMEE_COMMUNITY',
  WORKS_WITH = 'WORKS_WITH',
  SHAREHOLDER_OF = 'SHAREHOLDER_OF',
  MEMBER_OF = 'MEMBER_OF',
  PART_OF = 'PART_OF',
  AGENCY_OF = 'AGENCY_OF',
  FOUNDING_PARTNER_OF = 'FOUNDING_PARTNER_OF',
  CAPITAL_PROVIDER_OF = 'CAPITAL_PROVIDER_OF',
  FUNDING = 'FUNDING',
}

export enum ActivityKind {
  WORKSHOP = 'WORKSHOP',
  LEARNING_SESSION = 'LEARNING_SESSION',
  PUBLICATION = 'PUBLICATION',
  FIELD_VISIT = 'FIELD_VISIT',
  CONFERENCE = 'CONFERENCE',
  WEBINAR = 'WEBINAR',
  /** Competence development: a course or training for the people of the network. */
  TRAINING = 'TRAINING',
  OTHER = 'OTHER',
}

/** The twelve provinces (ISO 3166-2:NL) with their Dutch and English names. */
export const PROVINCES: readonly { code: string; nameNl: string; nameEn: string }[] = [
  { code: 'NL-DR', nameNl: 'Drenthe', nameEn: 'Drenthe' },
  { code: 'NL-FL', nameNl: 'Flevoland', nameEn: 'Flevoland' },
  { code: 'NL-FR', nameNl: 'Fryslân', nameEn: 'Friesland' },
  { code: 'NL-GE', nameNl: 'Gelderland', nameEn: 'Gelderland' },
  { code: 'NL-GR', nameNl: 'Groningen', nameEn: 'Groningen' },
  { code: 'NL-LI', nameNl: 'Limburg', nameEn: 'Limburg' },
  { code: 'NL-NB', nameNl: 'Noord-Brabant', nameEn: 'North Brabant' },
  { code: 'NL-NH', nameNl: 'Noord-Holland', nameEn: 'North Holland' },
  { code: 'NL-OV', nameNl: 'Overijssel', nameEn: 'Overijssel' },
  { code: 'NL-UT', nameNl: 'Utrecht', nameEn: 'Utrecht' },
  { code: 'NL-ZE', nameNl: 'Zeeland', nameEn: 'Zeeland' },
  { code: 'NL-ZH', nameNl: 'Zuid-Holland', nameEn: 'South Holland' },
];

/** How a ROM covers a province: all of it, or one area of it (ROM Utrecht Region in Gooi- en Vechtstreek). */
export enum Coverage {
  FULL = 'FULL',
  PARTIAL = 'PARTIAL',
}
registerEnumType(Coverage, {
  name: 'Coverage',
  description:
    'How an organisation covers a province: FULL (the province is in its provinces) or PARTIAL (one area of it).',
});

/** The activities the 2027 evaluation counts as learning events. */
export const LEARNING_ACTIVITIES: readonly ActivityKind[] = [
  ActivityKind.WORKSHOP,
  ActivityKind.LEARNING_SESSION,
  ActivityKind.FIELD_VISIT,
  ActivityKind.CONFERENCE,
  ActivityKind.WEBINAR,
];
/** The activities the 2027 evaluation counts as competence development. */
export const COMPETENCE_ACTIVITIES: readonly ActivityKind[] = [ActivityKind.TRAINING];

export enum Role {
  ADMIN = 'ADMIN',
  EDITOR = 'EDITOR',
  VIEWER = 'VIEWER',
}

/** The ties of the collaboration network. */
export enum GraphEdgeKind {
  /** An active partnership, one edge per partnership. */
  PARTNERSHIP = 'PARTNERSHIP',
  /** Two organisations taking part in the same initiatives, one edge per pair. */
  CO_PARTICIPATION = 'CO_PARTICIPATION',
}

export enum EventType {
  ORGANISATION_CREATED = 'ORGANISATION_CREATED',
  ORGANISATION_UPDATED = 'ORGANISATION_UPDATED',
  INITIATIVE_CREATED = 'INITIATIVE_CREATED',
  INITIATIVE_UPDATED = 'INITIATIVE_UPDATED',
  PARTNER_JOINED = 'PARTNER_JOINED',
  PARTNER_LEFT = 'PARTNER_LEFT',
  MILESTONE_ADDED = 'MILESTONE_ADDED',
  MILESTONE_CHANGED = 'MILESTONE_CHANGED',
  PARTNERSHIP_FORMED = 'PARTNERSHIP_FORMED',
  PARTNERSHIP_ENDED = 'PARTNERSHIP_ENDED',
  ACTIVITY_RECORDED = 'ACTIVITY_RECORDED',
  FUNDING_ALLOCATED = 'FUNDING_ALLOCATED',
  OUTPUT_RECORDED = 'OUTPUT_RECORDED',
  /** Personal: someone followed a theme, pillar, initiative or organisation. Only they hear of it. */
  FOLLOWED = 'FOLLOWED',
  /** Personal: someone stopped following. Only they hear of it. */
  UNFOLLOWED = 'UNFOLLOWED',
  /** A webhook was disabled (410 Gone, or its retries ran out). Only its organisation's editors hear of it. */
  WEBHOOK_DISABLED = 'WEBHOOK_DISABLED',
}

/** Why a notification is in someone's inbox: the first of these that holds, in this order. */
export enum NotificationReason {
  /** Their organisation takes part in the initiative. */
  PARTICIPATING = 'PARTICIPATING',
  FOLLOWING_INITIATIVE = 'FOLLOWING_INITIATIVE',
  FOLLOWING_ORGANISATION = 'FOLLOWING_ORGANISATION',
  FOLLOWING_THEME = 'FOLLOWING_THEME',
  FOLLOWING_PILLAR = 'FOLLOWING_PILLAR',
}

/** What an initiative produced. */
export enum OutputKind {
  REPORT = 'REPORT',
  PUBLICATION = 'PUBLICATION',
  DATASET = 'DATASET',
  /** A qualitative case, such as Expo 2025 Osaka or the RV-NTS plan. */
  CASE = 'CASE',
  DECISION = 'DECISION',
  OTHER = 'OTHER',
}

registerEnumType(OrganisationKind, {
  name: 'OrganisationKind',
  description: 'What kind of body an organisation is.',
});
registerEnumType(Theme, { name: 'Theme', description: 'The transitions of the 2024-2027 strategy.' });
registerEnumType(Pillar, { name: 'Pillar', description: 'The three pillars of the 2024-2027 strategy.' });
registerEnumType(CoreTask, { name: 'CoreTask', description: 'The statutory core tasks of a ROM.' });
registerEnumType(Confidence, {
  name: 'Confidence',
  description: 'How well a fact is sourced. Show anything but CONFIRMED with a flag, never as plain fact.',
});
registerEnumType(Visibility, { name: 'Visibility', description: 'Who may see an initiative.' });
registerEnumType(InitiativeStatus, { name: 'InitiativeStatus' });
registerEnumType(InitiativeKind, { name: 'InitiativeKind', description: 'The form an initiative takes.' });
registerEnumType(ParticipationRole, { name: 'ParticipationRole' });
registerEnumType(MilestoneStatus, { name: 'MilestoneStatus' });
registerEnumType(PartnershipKind, {
  name: 'PartnershipKind',
  description: 'The type of a direct tie between two organisations.',
});
registerEnumType(ActivityKind, {
  name: 'ActivityKind',
  description: 'The form of an ESMEE community activity.',
});
registerEnumType(Role, { name: 'Role', description: "A person's role in the network." });
registerEnumType(GraphEdgeKind, {
  name: 'GraphEdgeKind',
  description: 'The ties of the collaboration network: partnerships, and shared initiatives.',
});
registerEnumType(OutputKind, {
  name: 'OutputKind',
  description: 'What an initiative produced: a REPORT, PUBLICATION, DATASET, qualitative CASE or DECISION.',
});
registerEnumType(EventType, {
  name: 'EventType',
  description: 'What happened, as recorded in the event log.',
});
registerEnumType(NotificationReason, {
  name: 'NotificationReason',
  description:
    'Why an event is in your inbox: your organisation takes part in its initiative, or you follow its ' +
    'initiative, an organisation it concerns, or a theme or pillar of its initiative (the first that holds).',
});

/** SQL `CHECK` body that keeps a text column inside an enum. */
export function inEnum(column: string, values: Record<string, string>): string {
  return `${column} IN (${Object.values(values)
    .map((v) => `'${v}'`)
    .join(', ')})`;
}

/** SQL `CHECK` body that keeps every element of a text[] column inside an enum. */
export function allInEnum(column: string, values: Record<string, string>): string {
  return `${column} <@ ARRAY[${Object.values(values)
    .map((v) => `'${v}'`)
    .join(', ')}]::text[]`;
}

export enum FundingBasis {
  YEAR = 'YEAR',
  PERIOD = 'PERIOD',
  ONE_OFF = 'ONE_OFF',
  TOTAL = 'TOTAL',
}

/** What an amount is, for the money questions (structural budget against what it levers). */
export enum FundingKind {
  /** The ministry's structural budget for supra-regional collaboration. */
  STRUCTURAL = 'STRUCTURAL',
  /** A one-off impulse, such as the EUR 4M of end 2023. */
  ONE_OFF = 'ONE_OFF',
  /** Partners' own money put in beside the budget. */
  CO_FUNDING = 'CO_FUNDING',
  /** Money that followed from the collaboration: Growth Fund, EU, research grants. */
  FOLLOW_ON = 'FOLLOW_ON',
  OTHER = 'OTHER',
}

/** Whether an amount is promised or paid out. */
export enum FundingStatus {
  COMMITTED = 'COMMITTED',
  SPENT = 'SPENT',
}

registerEnumType(FundingKind, {
  name: 'FundingKind',
  description:
    'What an amount is: the STRUCTURAL supra-regional budget, a ONE_OFF impulse, CO_FUNDING by partners, FOLLOW_ON money (Growth Fund, EU, grants), or OTHER. The budget is STRUCTURAL plus ONE_OFF; leverage is CO_FUNDING plus FOLLOW_ON per euro of it.',
});
registerEnumType(FundingStatus, {
  name: 'FundingStatus',
  description: 'Whether an amount is COMMITTED (promised) or SPENT (paid out).',
});
registerEnumType(FundingBasis, {
  name: 'FundingBasis',
  description: 'What an amount covers: per YEAR, the whole PERIOD, ONE_OFF, or the TOTAL.',
});
