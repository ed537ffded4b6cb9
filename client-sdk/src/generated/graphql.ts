import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> =
  T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string };
  String: { input: string; output: string };
  Boolean: { input: boolean; output: boolean };
  Int: { input: number; output: number };
  Float: { input: number; output: number };
  /** A calendar date, written 'YYYY-MM-DD' (ISO 8601), with no time or zone. */
  Date: { input: string; output: string };
  /** A point in time, written in ISO 8601 with a zone: '2026-11-27T21:12:25.452Z'. */
  DateTimeISO: { input: string; output: string };
  /** The `JSONObject` scalar type represents JSON objects as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown> };
};

/** A community activity: workshop, learning session, publication, field visit. */
export type Activity = Node & {
  __typename?: 'Activity';
  createdAt: Scalars['DateTimeISO']['output'];
  description: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  initiative: Maybe<Initiative>;
  kind: ActivityKind;
  occurredOn: Scalars['Date']['output'];
  organisers: Array<Organisation>;
  /** People who took part, where counted. */
  participantCount: Maybe<Scalars['Int']['output']>;
  participants: Array<Organisation>;
  source: Maybe<Scalars['String']['output']>;
  themes: Array<Theme>;
  title: Scalars['String']['output'];
};

/** The form of an ESMEE community activity. */
export type ActivityKind =
  | 'CONFERENCE'
  | 'FIELD_VISIT'
  | 'LEARNING_SESSION'
  | 'OTHER'
  | 'PUBLICATION'
  | 'TRAINING'
  | 'WEBINAR'
  | 'WORKSHOP';

export type AddMilestoneInput = {
  dueOn?: InputMaybe<Scalars['Date']['input']>;
  initiativeId: Scalars['ID']['input'];
  status?: InputMaybe<MilestoneStatus>;
  title: Scalars['String']['input'];
};

export type AllocateFundingInput = {
  /** Euro, zero or more. */
  amountEur: Scalars['Float']['input'];
  basis?: InputMaybe<FundingBasis>;
  confidence?: InputMaybe<Confidence>;
  initiativeId: Scalars['ID']['input'];
  kind?: InputMaybe<FundingKind>;
  note?: InputMaybe<Scalars['String']['input']>;
  provenance?: InputMaybe<Scalars['String']['input']>;
  /** Who funds, in words, when it is not a registered organisation. */
  sourceLabel?: InputMaybe<Scalars['String']['input']>;
  /** The funding organisation (give this or sourceLabel). */
  sourceOrganisationId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<FundingStatus>;
  year?: InputMaybe<Scalars['Int']['input']>;
};

/** A partner system's key for one organisation. The secret is never shown again. */
export type ApiKey = Node & {
  __typename?: 'ApiKey';
  createdAt: Scalars['DateTimeISO']['output'];
  expiresAt: Maybe<Scalars['DateTimeISO']['output']>;
  id: Scalars['ID']['output'];
  /** Updated at most once a minute. */
  lastUsedAt: Maybe<Scalars['DateTimeISO']['output']>;
  name: Scalars['String']['output'];
  organisation: Organisation;
  /** The visible start of the key, to tell keys apart. */
  prefix: Scalars['String']['output'];
  revokedAt: Maybe<Scalars['DateTimeISO']['output']>;
  scope: ApiKeyScope;
  /** Whether the key may send only the trusted documents registered with the server (the SDK's and the dashboard's operations). */
  trustedDocumentsOnly: Scalars['Boolean']['output'];
};

/** A page of ApiKey nodes (Relay connection). */
export type ApiKeyConnection = {
  __typename?: 'ApiKeyConnection';
  edges: Array<ApiKeyEdge>;
  /** The nodes of `edges`, for callers that need no cursors. */
  nodes: Array<ApiKey>;
  pageInfo: PageInfo;
  /** All matching nodes, across pages. */
  totalCount: Scalars['Int']['output'];
};

export type ApiKeyEdge = {
  __typename?: 'ApiKeyEdge';
  /** Pass as `after` to continue after this node. */
  cursor: Scalars['String']['output'];
  node: ApiKey;
};

/** READ acts as a VIEWER of the organisation, READ_WRITE as an EDITOR. */
export type ApiKeyScope = 'READ' | 'READ_WRITE';

/** Shared initiatives between every two organisations of a kind. */
export type CollaborationMatrix = {
  __typename?: 'CollaborationMatrix';
  asOf: Scalars['Date']['output'];
  /** counts[i][j]: initiatives organisations i and j both take part in; counts[i][i]: initiatives of i. Symmetric; rows and columns in the order of `organisations` (by code). */
  counts: Array<Array<Scalars['Int']['output']>>;
  /** The rows and columns, by code. */
  organisations: Array<Organisation>;
};

/** How well a fact is sourced. Show anything but CONFIRMED with a flag, never as plain fact. */
export type Confidence = 'CONFIRMED' | 'LIKELY' | 'UNCERTAIN' | 'UNVERIFIED';

/** The statutory core tasks of a ROM. */
export type CoreTask = 'INNOVATE' | 'INTERNATIONALISE' | 'INVEST';

export type CoreTaskInfo = {
  __typename?: 'CoreTaskInfo';
  code: CoreTask;
  descriptionEn: Maybe<Scalars['String']['output']>;
  labelEn: Scalars['String']['output'];
  labelNl: Scalars['String']['output'];
};

/** How an organisation covers a province: FULL (the province is in its provinces) or PARTIAL (one area of it). */
export type Coverage = 'FULL' | 'PARTIAL';

export type CreateApiKeyInput = {
  /** When the key stops working; none means never. */
  expiresAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** What the key is for, e.g. "CRM sync". */
  name: Scalars['String']['input'];
  organisationId: Scalars['ID']['input'];
  scope: ApiKeyScope;
  /** Accept only trusted documents from this key (those registered with the server, by their SHA-256): a stolen key can then run nothing but the operations the integration was built with. Default false. */
  trustedDocumentsOnly?: InputMaybe<Scalars['Boolean']['input']>;
};

export type CreateInitiativeInput = {
  /** 1-64 letters, digits, _ or -; unique. */
  code: Scalars['String']['input'];
  confidence?: InputMaybe<Confidence>;
  coreTasks?: InputMaybe<Array<CoreTask>>;
  description?: InputMaybe<Scalars['String']['input']>;
  endsOn?: InputMaybe<Scalars['Date']['input']>;
  /** At most 20; null or [] clears them. */
  externalLinks?: InputMaybe<Array<ExternalLinkInput>>;
  kind?: InputMaybe<InitiativeKind>;
  /** The leading organisation; it joins the initiative as LEAD. */
  leadOrganisationId: Scalars['ID']['input'];
  /** Foreign markets it serves: ISO 3166-1 alpha-2 codes such as JP (at most 50). */
  markets?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The initiative this one is part of. */
  parentId?: InputMaybe<Scalars['ID']['input']>;
  pillars?: InputMaybe<Array<Pillar>>;
  source?: InputMaybe<Scalars['String']['input']>;
  startsOn?: InputMaybe<Scalars['Date']['input']>;
  status?: InputMaybe<InitiativeStatus>;
  themes?: InputMaybe<Array<Theme>>;
  title: Scalars['String']['input'];
  titleEn?: InputMaybe<Scalars['String']['input']>;
  visibility?: InputMaybe<Visibility>;
};

export type CreateOrganisationInput = {
  /** 1-64 letters, digits, _ or -; unique. */
  code: Scalars['String']['input'];
  confidence?: InputMaybe<Confidence>;
  /** At most 20; null or [] clears them. */
  externalLinks?: InputMaybe<Array<ExternalLinkInput>>;
  kind: OrganisationKind;
  name: Scalars['String']['input'];
  nameEn?: InputMaybe<Scalars['String']['input']>;
  notes?: InputMaybe<Scalars['String']['input']>;
  provinces?: InputMaybe<Array<Scalars['String']['input']>>;
  shortName?: InputMaybe<Scalars['String']['input']>;
  source?: InputMaybe<Scalars['String']['input']>;
  website?: InputMaybe<Scalars['String']['input']>;
};

export type CreatePartnershipInput = {
  confidence?: InputMaybe<Confidence>;
  fromId: Scalars['ID']['input'];
  kind: PartnershipKind;
  notes?: InputMaybe<Scalars['String']['input']>;
  /** Defaults to today. */
  since?: InputMaybe<Scalars['Date']['input']>;
  source?: InputMaybe<Scalars['String']['input']>;
  themes?: InputMaybe<Array<Theme>>;
  toId: Scalars['ID']['input'];
};

export type CreateWebhookInput = {
  /** Empty or left out: every event type. */
  eventTypes?: InputMaybe<Array<EventType>>;
  /** Which events, as the events query filters them. */
  filter?: InputMaybe<EventFilter>;
  organisationId: Scalars['ID']['input'];
  /** An http(s) URL of a public host (or one WEBHOOK_ALLOWED_HOSTS allows). */
  url: Scalars['String']['input'];
};

/** A new key: `key` is the plaintext, shown this once. Store it in a secret store. */
export type CreatedApiKey = {
  __typename?: 'CreatedApiKey';
  apiKey: ApiKey;
  /** Send as `Authorization: ApiKey <key>`. */
  key: Scalars['String']['output'];
};

/** A new webhook, or one with a new secret: the secret is shown this once. */
export type CreatedWebhook = {
  __typename?: 'CreatedWebhook';
  /** `whsec_<base64>`: verify `webhook-signature` with it (Standard Webhooks). */
  secret: Scalars['String']['output'];
  webhook: Webhook;
};

export type EndPartnershipInput = {
  id: Scalars['ID']['input'];
  /** Defaults to today. */
  until?: InputMaybe<Scalars['Date']['input']>;
};

/** Something that happened in the network, from the event log. */
export type Event = Node & {
  __typename?: 'Event';
  activity: Maybe<Activity>;
  /** Who did it (null for system imports). */
  actor: Maybe<Organisation>;
  /** How well that fact is sourced (null for milestones and activities, which carry no confidence). */
  confidence: Maybe<Confidence>;
  /** Pass back as `after` to resume right after this event. */
  cursor: Scalars['String']['output'];
  fundingAllocation: Maybe<FundingAllocation>;
  id: Scalars['ID']['output'];
  initiative: Maybe<Initiative>;
  milestone: Maybe<Milestone>;
  occurredAt: Scalars['DateTimeISO']['output'];
  /** The organisation it is about. */
  organisation: Maybe<Organisation>;
  output: Maybe<Output>;
  participation: Maybe<Participation>;
  partnership: Maybe<Partnership>;
  /** Details, e.g. { "changes": { "status": ["PLANNED", "AT_RISK"] } } for a changed milestone. */
  payload: Scalars['JSONObject']['output'];
  /** Where the fact this event records comes from, as recorded now: the source of the milestone, participation, funding, partnership, activity, initiative or organisation it is about. */
  source: Maybe<Scalars['String']['output']>;
  type: EventType;
};

/** A page of Event nodes (Relay connection). */
export type EventConnection = {
  __typename?: 'EventConnection';
  edges: Array<EventEdge>;
  /** The nodes of `edges`, for callers that need no cursors. */
  nodes: Array<Event>;
  pageInfo: PageInfo;
  /** All matching nodes, across pages. */
  totalCount: Scalars['Int']['output'];
};

export type EventEdge = {
  __typename?: 'EventEdge';
  /** Pass as `after` to continue after this node. */
  cursor: Scalars['String']['output'];
  node: Event;
};

/** Filters combine with AND; values inside one list combine with OR. */
export type EventFilter = {
  initiativeIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Events that concern any of these organisations. */
  organisationIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Events that concern an organisation of one of these kinds. */
  organisationKinds?: InputMaybe<Array<OrganisationKind>>;
  /** Events about initiatives with one of these themes (the themes they have now). */
  themes?: InputMaybe<Array<Theme>>;
  types?: InputMaybe<Array<EventType>>;
};

/** What happened, as recorded in the event log. */
export type EventType =
  | 'ACTIVITY_RECORDED'
  | 'FOLLOWED'
  | 'FUNDING_ALLOCATED'
  | 'INITIATIVE_CREATED'
  | 'INITIATIVE_UPDATED'
  | 'MILESTONE_ADDED'
  | 'MILESTONE_CHANGED'
  | 'ORGANISATION_CREATED'
  | 'ORGANISATION_UPDATED'
  | 'OUTPUT_RECORDED'
  | 'PARTNERSHIP_ENDED'
  | 'PARTNERSHIP_FORMED'
  | 'PARTNER_JOINED'
  | 'PARTNER_LEFT'
  | 'UNFOLLOWED'
  | 'WEBHOOK_DISABLED';

/** A page elsewhere, e.g. an ESMEE regional ecosystem dashboard. */
export type ExternalLink = {
  __typename?: 'ExternalLink';
  label: Scalars['String']['output'];
  /** An http(s) URL. */
  url: Scalars['String']['output'];
};

export type ExternalLinkInput = {
  /** 1-100 characters. */
  label: Scalars['String']['input'];
  /** An http(s) URL of at most 500 characters. */
  url: Scalars['String']['input'];
};

/** Something you follow or take part in: a theme, a pillar, an initiative or an organisation (exactly one is set). */
export type Follow = Node & {
  __typename?: 'Follow';
  createdAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  initiative: Maybe<Initiative>;
  organisation: Maybe<Organisation>;
  pillar: Maybe<Pillar>;
  theme: Maybe<Theme>;
};

/** What to follow: exactly one of theme, pillar, initiativeId and organisationId. */
export type FollowInput = {
  initiativeId?: InputMaybe<Scalars['ID']['input']>;
  organisationId?: InputMaybe<Scalars['ID']['input']>;
  pillar?: InputMaybe<Pillar>;
  theme?: InputMaybe<Theme>;
};

/** Money allocated to an initiative. Amounts are for network members only. */
export type FundingAllocation = Node & {
  __typename?: 'FundingAllocation';
  /** Euro. Null when unknown, or when you are not signed in to the network. */
  amountEur: Maybe<Scalars['Float']['output']>;
  basis: FundingBasis;
  confidence: Confidence;
  createdAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  initiative: Initiative;
  /** The supra-regional budget (STRUCTURAL, ONE_OFF) or what it levers (CO_FUNDING, FOLLOW_ON). */
  kind: FundingKind;
  note: Maybe<Scalars['String']['output']>;
  /** Where the fact comes from: a URL, "seed" or "public-knowledge". */
  provenance: Maybe<Scalars['String']['output']>;
  /** The funding organisation, when registered. */
  source: Maybe<Organisation>;
  /** Who funds, in words, when not one registered organisation. */
  sourceLabel: Maybe<Scalars['String']['output']>;
  status: FundingStatus;
  year: Maybe<Scalars['Int']['output']>;
};

/** What an amount covers: per YEAR, the whole PERIOD, ONE_OFF, or the TOTAL. */
export type FundingBasis = 'ONE_OFF' | 'PERIOD' | 'TOTAL' | 'YEAR';

/** What an amount is: the STRUCTURAL supra-regional budget, a ONE_OFF impulse, CO_FUNDING by partners, FOLLOW_ON money (Growth Fund, EU, grants), or OTHER. The budget is STRUCTURAL plus ONE_OFF; leverage is CO_FUNDING plus FOLLOW_ON per euro of it. */
export type FundingKind = 'CO_FUNDING' | 'FOLLOW_ON' | 'ONE_OFF' | 'OTHER' | 'STRUCTURAL';

/** Leverage: co-funding and follow-on money (Growth Fund, EU, grants) per euro of supra-regional budget (the structural budget and one-off impulses). Amounts are summed as recorded: a yearly amount counts once. */
export type FundingLeverage = {
  __typename?: 'FundingLeverage';
  /** STRUCTURAL plus ONE_OFF, euro. */
  budgetEur: Maybe<Scalars['Float']['output']>;
  /** Each initiative with budget or levered money, most levered per euro first, then by code. */
  initiatives: Array<InitiativeLeverage>;
  /** CO_FUNDING plus FOLLOW_ON, euro. */
  leveredEur: Maybe<Scalars['Float']['output']>;
  /** leveredEur / budgetEur; null when there is no budget. */
  perEuro: Maybe<Scalars['Float']['output']>;
};

/** Whether an amount is COMMITTED (promised) or SPENT (paid out). */
export type FundingStatus = 'COMMITTED' | 'SPENT';

/** Funding of the initiatives in scope. Amounts are for network members only. */
export type FundingSummary = {
  __typename?: 'FundingSummary';
  allocations: Scalars['Int']['output'];
  /** By what the amount covers: YEAR, PERIOD, ONE_OFF, TOTAL. */
  byBasis: Array<FundingTotal>;
  /** By what the amount is: STRUCTURAL, ONE_OFF, CO_FUNDING, FOLLOW_ON, OTHER. */
  byKind: Array<FundingTotal>;
  /** By the initiative's pillars (an allocation counts under each). */
  byPillar: Array<FundingTotal>;
  /** By source: the funding organisation's code, or the source in words. */
  bySource: Array<FundingTotal>;
  /** COMMITTED against SPENT. */
  byStatus: Array<FundingTotal>;
  /** By the initiative's themes (an allocation counts under each). */
  byTheme: Array<FundingTotal>;
  /** By year; allocations without a year under "unknown". */
  byYear: Array<FundingTotal>;
  leverage: FundingLeverage;
  /** Sum of the known amounts, whatever their basis (byBasis tells yearly amounts from totals); null without network rights. */
  totalEur: Maybe<Scalars['Float']['output']>;
};

/** Funding allocations under one key, and their sum in euro. */
export type FundingTotal = {
  __typename?: 'FundingTotal';
  /** Allocations. */
  allocations: Scalars['Int']['output'];
  /** Sum of the known amounts in euro. Null when you are not signed in to the network, as the amounts are. */
  amountEur: Maybe<Scalars['Float']['output']>;
  key: Scalars['String']['output'];
};

/** Nodes and edges, ready to draw. */
export type Graph = {
  __typename?: 'Graph';
  /** The day the network is drawn as of. */
  asOf: Scalars['Date']['output'];
  edges: Array<GraphEdge>;
  nodes: Array<GraphNode>;
};

/** An undirected tie. PARTNERSHIP: one partnership (weight 1). CO_PARTICIPATION: the initiatives two organisations share (weight = sharedInitiatives). `source` is the end with the lower code. */
export type GraphEdge = {
  __typename?: 'GraphEdge';
  /** graphology edge attributes: kind, partnershipKind, weight, sharedInitiatives, themes. */
  attributes: Scalars['JSONObject']['output'];
  /** PARTNERSHIP: how well the fact is sourced; show anything but CONFIRMED with a flag. */
  confidence: Maybe<Confidence>;
  /** Cytoscape.js element data: id, source, target and the attributes. */
  data: Scalars['JSONObject']['output'];
  /** PARTNERSHIP: the partnership's id; CO_PARTICIPATION: CO_PARTICIPATION:<source code>:<target code>. */
  id: Scalars['ID']['output'];
  /** CO_PARTICIPATION edges: the initiatives both take part in. */
  initiatives: Array<Initiative>;
  /** The same as `id`, under the name graphology imports. */
  key: Scalars['ID']['output'];
  kind: GraphEdgeKind;
  /** PARTNERSHIP edges: the partnership. */
  partnership: Maybe<Partnership>;
  /** PARTNERSHIP edges only. */
  partnershipKind: Maybe<PartnershipKind>;
  /** PARTNERSHIP: where the fact comes from. */
  provenance: Maybe<Scalars['String']['output']>;
  /** Initiatives both take part in (0 for a partnership edge). */
  sharedInitiatives: Scalars['Int']['output'];
  /** PARTNERSHIP: since when it holds. */
  since: Maybe<Scalars['Date']['output']>;
  /** The id of one end. */
  source: Scalars['ID']['output'];
  /** The id of the other end. */
  target: Scalars['ID']['output'];
  /** The partnership's themes, or the union of the shared initiatives' themes. */
  themes: Array<Theme>;
  /** Always true: ties have no direction here (graphology reads it). */
  undirected: Scalars['Boolean']['output'];
  /** PARTNERSHIP: when it ended, if it has. */
  until: Maybe<Scalars['Date']['output']>;
  /** Shared initiatives, or 1 for a partnership. */
  weight: Scalars['Float']['output'];
};

/** The ties of the collaboration network: partnerships, and shared initiatives. */
export type GraphEdgeKind = 'CO_PARTICIPATION' | 'PARTNERSHIP';

/** Which part of the network to draw. Filters combine with AND; values in a list with OR. */
export type GraphFilter = {
  /** The network as it stood that day (YYYY-MM-DD); today when not given. */
  asOf?: InputMaybe<Scalars['Date']['input']>;
  /** Only edges of these kinds. */
  edgeKinds?: InputMaybe<Array<GraphEdgeKind>>;
  /** Whether organisations without a tie in this view are nodes. true (the default): every organisation the other filters select; false: only those with a tie, e.g. the organisations active in a theme or in the network of a past day. */
  isolated?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only organisations of these kinds. */
  organisationKinds?: InputMaybe<Array<OrganisationKind>>;
  /** Only partnerships of these kinds. */
  partnershipKinds?: InputMaybe<Array<PartnershipKind>>;
  /** Only initiatives with one of these pillars (partnerships are not restricted by pillar). */
  pillars?: InputMaybe<Array<Pillar>>;
  /** Only organisations covering one of these provinces (ISO 3166-2:NL, e.g. NL-NB). */
  provinces?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Only initiatives and partnerships with one of these themes. */
  themes?: InputMaybe<Array<Theme>>;
};

/** An organisation as a node of the network. `key` and `attributes` are what graphology (Sigma.js) imports, `data` what Cytoscape.js reads, so either draws the graph without reshaping it. */
export type GraphNode = {
  __typename?: 'GraphNode';
  /** graphology node attributes: label, code, kind, provinces. */
  attributes: Scalars['JSONObject']['output'];
  code: Scalars['String']['output'];
  /** Cytoscape.js element data: id, label, code, kind, provinces. */
  data: Scalars['JSONObject']['output'];
  /** The organisation's id. */
  id: Scalars['ID']['output'];
  /** The same as `id`, under the name graphology imports. */
  key: Scalars['ID']['output'];
  kind: OrganisationKind;
  /** The organisation's name. */
  label: Scalars['String']['output'];
  organisation: Organisation;
  /** ISO 3166-2:NL province codes. */
  provinces: Array<Scalars['String']['output']>;
};

/** A joint programme, project, covenant, community, trade mission or event: a hyper-edge of the network. */
export type Initiative = Node & {
  __typename?: 'Initiative';
  /** Its audit trail, oldest first: the same as Query.auditTrail, reached by code. Ask it of one initiative at a time: each one is a statement. */
  auditTrail: EventConnection;
  /** Stable code (MJS_2024_2027, ESMEE, EXPO2025_OSAKA, ...). */
  code: Scalars['String']['output'];
  confidence: Confidence;
  coreTasks: Array<CoreTask>;
  createdAt: Scalars['DateTimeISO']['output'];
  description: Maybe<Scalars['String']['output']>;
  endsOn: Maybe<Scalars['Date']['output']>;
  /** Pages elsewhere (external dashboards), linked rather than copied. */
  externalLinks: Array<ExternalLink>;
  /** Amounts show for network members only. */
  funding: Array<FundingAllocation>;
  id: Scalars['ID']['output'];
  kind: InitiativeKind;
  /** The leading organisation. */
  lead: Maybe<Organisation>;
  /** The foreign markets it serves: ISO 3166-1 alpha-2 country codes (JP for Expo 2025 Osaka). */
  markets: Array<Scalars['String']['output']>;
  /** By due date, undated last. */
  milestones: Array<Milestone>;
  notes: Maybe<Scalars['String']['output']>;
  /** What it produced (reports, publications, datasets, cases, decisions), newest first. */
  outputs: Array<Output>;
  /** The initiative this one is part of, if visible. */
  parent: Maybe<Initiative>;
  /** Organisations taking part now, in order of joining. */
  participants: ParticipationConnection;
  pillars: Array<Pillar>;
  /** How many ROMs take part. */
  romCount: Scalars['Int']['output'];
  source: Maybe<Scalars['String']['output']>;
  startsOn: Maybe<Scalars['Date']['output']>;
  status: InitiativeStatus;
  /** Two or more ROMs take part. */
  supraRegional: Scalars['Boolean']['output'];
  themes: Array<Theme>;
  title: Scalars['String']['output'];
  titleEn: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['DateTimeISO']['output'];
  visibility: Visibility;
};

/** A joint programme, project, covenant, community, trade mission or event: a hyper-edge of the network. */
export type InitiativeAuditTrailArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A joint programme, project, covenant, community, trade mission or event: a hyper-edge of the network. */
export type InitiativeParticipantsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of Initiative nodes (Relay connection). */
export type InitiativeConnection = {
  __typename?: 'InitiativeConnection';
  edges: Array<InitiativeEdge>;
  /** The nodes of `edges`, for callers that need no cursors. */
  nodes: Array<Initiative>;
  pageInfo: PageInfo;
  /** All matching nodes, across pages. */
  totalCount: Scalars['Int']['output'];
};

export type InitiativeEdge = {
  __typename?: 'InitiativeEdge';
  /** Pass as `after` to continue after this node. */
  cursor: Scalars['String']['output'];
  node: Initiative;
};

/** Filters combine with AND; values inside one list combine with OR. */
export type InitiativeFilter = {
  coreTasks?: InputMaybe<Array<CoreTask>>;
  kinds?: InputMaybe<Array<InitiativeKind>>;
  /** Initiatives serving one of these markets (ISO 3166-1 alpha-2 codes). */
  markets?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Only initiatives this organisation takes part in. */
  organisationId?: InputMaybe<Scalars['ID']['input']>;
  pillars?: InputMaybe<Array<Pillar>>;
  /** Exactly this many ROMs take part (1: single-ROM initiatives that could be scaled up). */
  romCount?: InputMaybe<Scalars['Int']['input']>;
  /** Case-insensitive match on code or title. */
  search?: InputMaybe<Scalars['String']['input']>;
  statuses?: InputMaybe<Array<InitiativeStatus>>;
  /** true: two or more ROMs take part; false: fewer than two. */
  supraRegional?: InputMaybe<Scalars['Boolean']['input']>;
  themes?: InputMaybe<Array<Theme>>;
};

/** The form an initiative takes. */
export type InitiativeKind =
  | 'COMMUNITY'
  | 'COVENANT'
  | 'EVALUATION'
  | 'EVENT'
  | 'EVENT_PARTICIPATION'
  | 'FINANCING_INSTRUMENT'
  | 'JOINT_PROJECT'
  | 'NETWORK'
  | 'OTHER'
  | 'PILOT'
  | 'PLAN'
  | 'PROGRAMME'
  | 'PROJECT'
  | 'RESEARCH_PROGRAMME'
  | 'RESEARCH_PROJECT'
  | 'STRATEGY'
  | 'SUBSIDY_PROGRAMME'
  | 'TRADE_MISSION';

/** An initiative's supra-regional budget (STRUCTURAL and ONE_OFF funding) and the money it levered (CO_FUNDING and FOLLOW_ON). */
export type InitiativeLeverage = {
  __typename?: 'InitiativeLeverage';
  /** Euro; null without network rights. */
  budgetEur: Maybe<Scalars['Float']['output']>;
  /** The initiative's code. */
  code: Scalars['String']['output'];
  initiative: Maybe<Initiative>;
  /** Euro; null without network rights. */
  leveredEur: Maybe<Scalars['Float']['output']>;
  /** Levered euro per euro of budget; null without a budget or without network rights. */
  perEuro: Maybe<Scalars['Float']['output']>;
};

export type InitiativeStatus = 'ACTIVE' | 'CANCELLED' | 'COMPLETED' | 'PLANNED';

export type JoinInitiativeInput = {
  confidence?: InputMaybe<Confidence>;
  initiativeId: Scalars['ID']['input'];
  /** Defaults to today. */
  joinedOn?: InputMaybe<Scalars['Date']['input']>;
  organisationId: Scalars['ID']['input'];
  role?: InputMaybe<ParticipationRole>;
  source?: InputMaybe<Scalars['String']['input']>;
};

/** How many of something there are under one key (a theme, a status, a year, ...). */
export type KeyCount = {
  __typename?: 'KeyCount';
  count: Scalars['Int']['output'];
  key: Scalars['String']['output'];
};

/** A knowledge partner an organisation reaches: directly (a partnership) or through initiatives both take part in. */
export type KnowledgeLink = {
  __typename?: 'KnowledgeLink';
  /** Reached through a partnership of its own. */
  direct: Scalars['Boolean']['output'];
  /** The initiatives through which it reaches the partner. */
  initiatives: Array<Initiative>;
  organisation: Organisation;
  /** The knowledge partner reached. */
  partner: Organisation;
  /** The partnerships between them. */
  partnerships: Array<Partnership>;
};

export type LeaveInitiativeInput = {
  initiativeId: Scalars['ID']['input'];
  /** Defaults to today. */
  leftOn?: InputMaybe<Scalars['Date']['input']>;
  organisationId: Scalars['ID']['input'];
};

/** A foreign market (a country) that initiatives serve: who leads there, who takes part, and who could join. */
export type Market = {
  __typename?: 'Market';
  /** ISO 3166-1 alpha-2 code, e.g. JP. */
  code: Scalars['String']['output'];
  /** Initiatives you may see that serve it. */
  initiativeCount: Scalars['Int']['output'];
  /** By code. */
  initiatives: Array<Initiative>;
  /** Lead an initiative serving the market. By code. */
  leads: Array<Organisation>;
  /** The country in English. */
  nameEn: Scalars['String']['output'];
  /** The country in Dutch. */
  nameNl: Scalars['String']['output'];
  /** Of the kind asked for, in no initiative serving the market: where a region can join. By code. */
  notYetIn: Array<Organisation>;
  /** Take part without leading. By code. */
  participants: Array<Organisation>;
};

/** A milestone of an initiative. */
export type Milestone = Node & {
  __typename?: 'Milestone';
  /** Stable code from the reference data, if it came from there. */
  code: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  dueOn: Maybe<Scalars['Date']['output']>;
  id: Scalars['ID']['output'];
  initiative: Initiative;
  source: Maybe<Scalars['String']['output']>;
  status: MilestoneStatus;
  title: Scalars['String']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
  /** Pass as `expectedVersion` to updateMilestone; it grows with every change. */
  version: Scalars['Int']['output'];
};

export type MilestoneStatus = 'AT_RISK' | 'CANCELLED' | 'DELAYED' | 'DONE' | 'IN_PROGRESS' | 'PLANNED';

export type MilestoneSummary = {
  __typename?: 'MilestoneSummary';
  /** Every status, zeros included, in the vocabulary order. */
  byStatus: Array<KeyCount>;
  /** Not done or cancelled, and due between today and dueWithinDays from now. */
  dueSoon: Scalars['Int']['output'];
  dueWithinDays: Scalars['Int']['output'];
  /** Not done or cancelled, and due before today. */
  overdue: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Adds a milestone to an initiative. Emits MILESTONE_ADDED. */
  addMilestone: Milestone;
  /** Records funding for an initiative. Emits FUNDING_ALLOCATED. */
  allocateFunding: FundingAllocation;
  /** Creates a key for a partner system (ADMIN, or an EDITOR for its own organisation). The plaintext is returned once. */
  createApiKey: CreatedApiKey;
  /** Starts an initiative; its lead joins as LEAD. Emits INITIATIVE_CREATED and PARTNER_JOINED. */
  createInitiative: Initiative;
  /** Registers an organisation. Emits ORGANISATION_CREATED. */
  createOrganisation: Organisation;
  /** Records a tie between two organisations. Emits PARTNERSHIP_FORMED. */
  createPartnership: Partnership;
  /** Registers a webhook for an organisation (its editors may): the events it may see from now on, of the types and filter given. The URL must reach a public address. Returns the signing secret, this once. */
  createWebhook: CreatedWebhook;
  /** Removes a webhook and its delivery log. */
  deleteWebhook: Scalars['Boolean']['output'];
  /** Ends a tie (kept, with its end date). Emits PARTNERSHIP_ENDED. */
  endPartnership: Partnership;
  /** Follows a theme, a pillar, an initiative or an organisation: its events after now reach your inbox and your notifications subscription. Following it again returns the same follow. Emits FOLLOWED (personal: only you hear of it). */
  follow: Follow;
  /** Adds an organisation to an initiative. Emits PARTNER_JOINED. */
  joinInitiative: Participation;
  /** Ends an organisation's participation. Emits PARTNER_LEFT. */
  leaveInitiative: Participation;
  /** Marks one notification read (writes no event). */
  markNotificationRead: Notification;
  /** Marks your notifications up to and including `upTo` (a notification cursor) read; returns how many were unread. Read state is yours alone and writes no event. */
  markNotificationsRead: Scalars['Int']['output'];
  /** Records a community activity. Emits ACTIVITY_RECORDED. */
  recordActivity: Activity;
  /** Records what an initiative produced. Editors of its LEAD, COORDINATOR, PARTNER, ORGANISER and KNOWLEDGE_PARTNER organisations may. Emits OUTPUT_RECORDED. */
  recordOutput: Output;
  /** Sends a delivery again now, with the same `webhook-id` (the receiver deduplicates by it), outside the webhook's order; returns it with this attempt recorded. */
  redeliverWebhookDelivery: WebhookDelivery;
  /** Revokes a key; it stops working on its next request. false when it was already revoked. */
  revokeApiKey: Scalars['Boolean']['output'];
  /** A new signing secret, shown this once. For a day the old one signs too (two signatures in `webhook-signature`), so the receiver can switch without missing a delivery. */
  rotateWebhookSecret: CreatedWebhook;
  /** Stops following (what it brought stays in your inbox). False when it was not yours or had ended. Emits UNFOLLOWED (personal). */
  unfollow: Scalars['Boolean']['output'];
  /** Changes an initiative. Emits INITIATIVE_UPDATED. */
  updateInitiative: Initiative;
  /** Changes title, due date or status if `expectedVersion` is current (else CONFLICT). Emits MILESTONE_CHANGED. */
  updateMilestone: Milestone;
  /** Changes an organisation record. Emits ORGANISATION_UPDATED. */
  updateOrganisation: Organisation;
  /** Changes a webhook's URL, event types or filter, or (re-)enables it. */
  updateWebhook: Webhook;
};

export type MutationAddMilestoneArgs = {
  input: AddMilestoneInput;
};

export type MutationAllocateFundingArgs = {
  input: AllocateFundingInput;
};

export type MutationCreateApiKeyArgs = {
  input: CreateApiKeyInput;
};

export type MutationCreateInitiativeArgs = {
  input: CreateInitiativeInput;
};

export type MutationCreateOrganisationArgs = {
  input: CreateOrganisationInput;
};

export type MutationCreatePartnershipArgs = {
  input: CreatePartnershipInput;
};

export type MutationCreateWebhookArgs = {
  input: CreateWebhookInput;
};

export type MutationDeleteWebhookArgs = {
  id: Scalars['ID']['input'];
};

export type MutationEndPartnershipArgs = {
  input: EndPartnershipInput;
};

export type MutationFollowArgs = {
  input: FollowInput;
};

export type MutationJoinInitiativeArgs = {
  input: JoinInitiativeInput;
};

export type MutationLeaveInitiativeArgs = {
  input: LeaveInitiativeInput;
};

export type MutationMarkNotificationReadArgs = {
  id: Scalars['ID']['input'];
};

export type MutationMarkNotificationsReadArgs = {
  upTo: Scalars['String']['input'];
};

export type MutationRecordActivityArgs = {
  input: RecordActivityInput;
};

export type MutationRecordOutputArgs = {
  input: RecordOutputInput;
};

export type MutationRedeliverWebhookDeliveryArgs = {
  id: Scalars['ID']['input'];
};

export type MutationRevokeApiKeyArgs = {
  id: Scalars['ID']['input'];
};

export type MutationRotateWebhookSecretArgs = {
  id: Scalars['ID']['input'];
};

export type MutationUnfollowArgs = {
  id: Scalars['ID']['input'];
};

export type MutationUpdateInitiativeArgs = {
  input: UpdateInitiativeInput;
};

export type MutationUpdateMilestoneArgs = {
  input: UpdateMilestoneInput;
};

export type MutationUpdateOrganisationArgs = {
  input: UpdateOrganisationInput;
};

export type MutationUpdateWebhookArgs = {
  input: UpdateWebhookInput;
};

/** The state of the network in numbers, over the initiatives you may see that the filter selects. Supra-regional: two or more ROMs take part. */
export type NetworkSummary = {
  __typename?: 'NetworkSummary';
  byCoreTask: Array<KeyCount>;
  byPillar: Array<KeyCount>;
  byStatus: Array<KeyCount>;
  /** Every theme, zeros included; an initiative counts under each of its themes. */
  byTheme: Array<KeyCount>;
  funding: FundingSummary;
  initiatives: Scalars['Int']['output'];
  milestones: MilestoneSummary;
  /** Planned or active initiatives with no event and no new participant for stalledAfterMonths. */
  stalled: Scalars['Int']['output'];
  stalledAfterMonths: Scalars['Int']['output'];
  /** The stalled initiatives, by code. */
  stalledInitiatives: Array<Initiative>;
  supraRegional: Scalars['Int']['output'];
  /** supraRegional / initiatives (0 when there are none). */
  supraRegionalShare: Scalars['Float']['output'];
  /** The day the summary counts from (due soon, overdue, stalled). */
  today: Scalars['Date']['output'];
};

/** The state of the network in numbers, over the initiatives you may see that the filter selects. Supra-regional: two or more ROMs take part. */
export type NetworkSummaryStalledInitiativesArgs = {
  first?: Scalars['Int']['input'];
};

/** Anything with a global id; `node(id:)` fetches it, with the same access rules. */
export type Node = {
  /** Opaque, global, stable. */
  id: Scalars['ID']['output'];
};

/** An event in your inbox, with why it is there and when you read it. Derived from the event log with the access rules of the events query: what you may not see is never a notification. */
export type Notification = Node & {
  __typename?: 'Notification';
  /** Pass back as `after` for the next (older) page, as `upTo` to markNotificationsRead, or as `after` to the notifications subscription to resume after it. */
  cursor: Scalars['String']['output'];
  /** What happened: its fields as they are now, what changed in `payload`. */
  event: Event;
  /** Your notification of this event (the same event is another id for others). */
  id: Scalars['ID']['output'];
  /** When you marked it read; null while unread. */
  readAt: Maybe<Scalars['DateTimeISO']['output']>;
  reason: NotificationReason;
};

/** A page of Notification nodes (Relay connection). */
export type NotificationConnection = {
  __typename?: 'NotificationConnection';
  edges: Array<NotificationEdge>;
  /** The nodes of `edges`, for callers that need no cursors. */
  nodes: Array<Notification>;
  pageInfo: PageInfo;
  /** All matching nodes, across pages. */
  totalCount: Scalars['Int']['output'];
};

export type NotificationEdge = {
  __typename?: 'NotificationEdge';
  /** Pass as `after` to continue after this node. */
  cursor: Scalars['String']['output'];
  node: Notification;
};

/** Why an event is in your inbox: your organisation takes part in its initiative, or you follow its initiative, an organisation it concerns, or a theme or pillar of its initiative (the first that holds). */
export type NotificationReason =
  | 'FOLLOWING_INITIATIVE'
  | 'FOLLOWING_ORGANISATION'
  | 'FOLLOWING_PILLAR'
  | 'FOLLOWING_THEME'
  | 'PARTICIPATING';

/** A body in the network: a ROM, province, ministry, TKI, institute, company... */
export type Organisation = Node & {
  __typename?: 'Organisation';
  /** Stable code from the reference data (BOM, LIOF, TKI_HTSM, NL-NB, ...). */
  code: Scalars['String']['output'];
  confidence: Confidence;
  createdAt: Scalars['DateTimeISO']['output'];
  /** Pages elsewhere (external dashboards), linked rather than copied. */
  externalLinks: Array<ExternalLink>;
  id: Scalars['ID']['output'];
  kind: OrganisationKind;
  name: Scalars['String']['output'];
  nameEn: Maybe<Scalars['String']['output']>;
  notes: Maybe<Scalars['String']['output']>;
  /** Areas it covers without covering their province (its provinces hold the ones covered in full). */
  partialCoverage: Array<PartialCoverage>;
  /** Initiatives it takes part in (that you may see). */
  participations: ParticipationConnection;
  /** Its direct ties, in either direction. */
  partnerships: PartnershipConnection;
  /** ISO 3166-2:NL province codes it covers; empty for national bodies. */
  provinces: Array<Scalars['String']['output']>;
  shortName: Maybe<Scalars['String']['output']>;
  /** Where the facts come from: a URL, "seed" or "public-knowledge". */
  source: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['DateTimeISO']['output'];
  website: Maybe<Scalars['String']['output']>;
};

/** A body in the network: a ROM, province, ministry, TKI, institute, company... */
export type OrganisationParticipationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A body in the network: a ROM, province, ministry, TKI, institute, company... */
export type OrganisationPartnershipsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of Organisation nodes (Relay connection). */
export type OrganisationConnection = {
  __typename?: 'OrganisationConnection';
  edges: Array<OrganisationEdge>;
  /** The nodes of `edges`, for callers that need no cursors. */
  nodes: Array<Organisation>;
  pageInfo: PageInfo;
  /** All matching nodes, across pages. */
  totalCount: Scalars['Int']['output'];
};

export type OrganisationEdge = {
  __typename?: 'OrganisationEdge';
  /** Pass as `after` to continue after this node. */
  cursor: Scalars['String']['output'];
  node: Organisation;
};

/** Filters combine with AND; values inside one list combine with OR. */
export type OrganisationFilter = {
  kinds?: InputMaybe<Array<OrganisationKind>>;
  /** ISO 3166-2:NL codes, e.g. ["NL-NB"]. */
  provinces?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Case-insensitive match on code, name or English name. */
  search?: InputMaybe<Scalars['String']['input']>;
};

/** What kind of body an organisation is. */
export type OrganisationKind =
  | 'ACADEMY'
  | 'ASSOCIATION'
  | 'CLUSTER_ORGANISATION'
  | 'COMPANY'
  | 'ECOSYSTEM_ORGANISATION'
  | 'INVESTMENT_INSTITUTION'
  | 'MINISTRY'
  | 'MUNICIPALITY'
  | 'NATIONAL_AGENCY'
  | 'OTHER'
  | 'PROVINCE'
  | 'PROVINCES_ASSOCIATION'
  | 'REGIONAL_ECONOMIC_AGENCY'
  | 'RESEARCH_FUNDER'
  | 'RESEARCH_INSTITUTE'
  | 'ROM'
  | 'ROM_NETWORK'
  | 'TKI'
  | 'TO2_FEDERATION'
  | 'TO2_INSTITUTE'
  | 'UNIVERSITY'
  | 'UNIVERSITY_OF_APPLIED_SCIENCES';

/** Network metrics of an organisation, with the definitions of networkx (and Gephi), over the whole network you may see as of the day asked (restricted to one theme when given). */
export type OrganisationMetrics = {
  __typename?: 'OrganisationMetrics';
  /** Share of shortest paths (unweighted) between other pairs that pass through it, normalised by (n-1)(n-2)/2: networkx's betweenness_centrality(normalized=True). */
  betweenness: Scalars['Float']['output'];
  /** Has neighbours in two or more communities. */
  bridge: Scalars['Boolean']['output'];
  /** Closeness, Wasserman-Faust for disconnected networks: networkx's closeness_centrality (wf_improved=True). */
  closeness: Scalars['Float']['output'];
  /** Louvain community (seeded, so stable while the network is), numbered by the first member in code order. */
  community: Scalars['Int']['output'];
  /** When these numbers were computed: they can trail the network by the time a computation takes. */
  computedAt: Scalars['DateTimeISO']['output'];
  /** Distinct neighbours. */
  degree: Scalars['Int']['output'];
  organisation: Organisation;
  /** Sum of tie weights: shared initiatives, plus one per partnership. */
  weightedDegree: Scalars['Float']['output'];
};

/** What an initiative produced: a report, publication, dataset, case or decision. Seen by whoever may see its initiative. */
export type Output = Node & {
  __typename?: 'Output';
  /** A stable key within the initiative, where it has one. */
  code: Maybe<Scalars['String']['output']>;
  /** How well the fact is sourced; anything but CONFIRMED is to be flagged. */
  confidence: Confidence;
  createdAt: Scalars['DateTimeISO']['output'];
  description: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  initiative: Initiative;
  kind: OutputKind;
  /** When it appeared or was decided. */
  publishedOn: Maybe<Scalars['Date']['output']>;
  /** Where the fact comes from: a URL, "seed" or "public-knowledge". */
  source: Maybe<Scalars['String']['output']>;
  title: Scalars['String']['output'];
  /** Where the output itself is. */
  url: Maybe<Scalars['String']['output']>;
};

/** A page of Output nodes (Relay connection). */
export type OutputConnection = {
  __typename?: 'OutputConnection';
  edges: Array<OutputEdge>;
  /** The nodes of `edges`, for callers that need no cursors. */
  nodes: Array<Output>;
  pageInfo: PageInfo;
  /** All matching nodes, across pages. */
  totalCount: Scalars['Int']['output'];
};

export type OutputEdge = {
  __typename?: 'OutputEdge';
  /** Pass as `after` to continue after this node. */
  cursor: Scalars['String']['output'];
  node: Output;
};

/** Which outputs to list. Filters combine with AND; values in a list with OR. */
export type OutputFilter = {
  confidence?: InputMaybe<Array<Confidence>>;
  /** Outputs of these initiatives (at most 100). */
  initiativeIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  kinds?: InputMaybe<Array<OutputKind>>;
};

/** What an initiative produced: a REPORT, PUBLICATION, DATASET, qualitative CASE or DECISION. */
export type OutputKind = 'CASE' | 'DATASET' | 'DECISION' | 'OTHER' | 'PUBLICATION' | 'REPORT';

/** Where a page stands in its list. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` to get the next page. */
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** An area of a province an organisation covers without covering the whole province. */
export type PartialCoverage = {
  __typename?: 'PartialCoverage';
  /** The area, e.g. Gooi- en Vechtstreek. */
  area: Scalars['String']['output'];
  /** ISO 3166-2:NL. */
  province: Scalars['String']['output'];
  source: Maybe<Scalars['String']['output']>;
};

/** An organisation taking part in an initiative, with a role. */
export type Participation = Node & {
  __typename?: 'Participation';
  /** Still taking part (not left). */
  active: Scalars['Boolean']['output'];
  confidence: Confidence;
  createdAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  initiative: Initiative;
  joinedOn: Maybe<Scalars['Date']['output']>;
  /** Set once the organisation has left. */
  leftOn: Maybe<Scalars['Date']['output']>;
  notes: Maybe<Scalars['String']['output']>;
  organisation: Organisation;
  role: ParticipationRole;
  source: Maybe<Scalars['String']['output']>;
  /** The role as the source worded it (owner, executor, ...). */
  sourceRole: Maybe<Scalars['String']['output']>;
};

/** A page of Participation nodes (Relay connection). */
export type ParticipationConnection = {
  __typename?: 'ParticipationConnection';
  edges: Array<ParticipationEdge>;
  /** The nodes of `edges`, for callers that need no cursors. */
  nodes: Array<Participation>;
  pageInfo: PageInfo;
  /** All matching nodes, across pages. */
  totalCount: Scalars['Int']['output'];
};

export type ParticipationEdge = {
  __typename?: 'ParticipationEdge';
  /** Pass as `after` to continue after this node. */
  cursor: Scalars['String']['output'];
  node: Participation;
};

export type ParticipationRole =
  | 'BENEFICIARY'
  | 'COORDINATOR'
  | 'FUNDER'
  | 'KNOWLEDGE_PARTNER'
  | 'LEAD'
  | 'MEMBER'
  | 'OBSERVER'
  | 'ORGANISER'
  | 'PARTNER'
  | 'SIGNATORY';

/** Two organisations and the years in which they took part in the same initiative. */
export type PartnerYears = {
  __typename?: 'PartnerYears';
  /** Shared an initiative in two or more of the years: lasting, not one-off. */
  lasting: Scalars['Boolean']['output'];
  /** The two organisations, by code. */
  organisations: Array<Organisation>;
  /** The initiatives they shared over those years. */
  sharedInitiatives: Scalars['Int']['output'];
  /** Ascending. */
  years: Array<Scalars['Int']['output']>;
};

/** A typed, directed tie between two organisations (from -> to). */
export type Partnership = Node & {
  __typename?: 'Partnership';
  /** Not ended. */
  active: Scalars['Boolean']['output'];
  confidence: Confidence;
  createdAt: Scalars['DateTimeISO']['output'];
  from: Organisation;
  id: Scalars['ID']['output'];
  kind: PartnershipKind;
  notes: Maybe<Scalars['String']['output']>;
  since: Maybe<Scalars['Date']['output']>;
  source: Maybe<Scalars['String']['output']>;
  themes: Array<Theme>;
  to: Organisation;
  /** Set once the partnership has ended. */
  until: Maybe<Scalars['Date']['output']>;
};

/** A page of Partnership nodes (Relay connection). */
export type PartnershipConnection = {
  __typename?: 'PartnershipConnection';
  edges: Array<PartnershipEdge>;
  /** The nodes of `edges`, for callers that need no cursors. */
  nodes: Array<Partnership>;
  pageInfo: PageInfo;
  /** All matching nodes, across pages. */
  totalCount: Scalars['Int']['output'];
};

export type PartnershipEdge = {
  __typename?: 'PartnershipEdge';
  /** Pass as `after` to continue after this node. */
  cursor: Scalars['String']['output'];
  node: Partnership;
};

/** The type of a direct tie between two organisations. */
export type PartnershipKind =
  | 'AGENCY_OF'
  | 'CAPITAL_PROVIDER_OF'
  | 'ESMEE_COMMUNITY'
  | 'FOUNDING_PARTNER_OF'
  | 'FUNDING'
  | 'KIC_LINK'
  | 'MEMBER_OF'
  | 'PART_OF'
  | 'ROM_COLLABORATION'
  | 'SHAREHOLDER_OF'
  | 'WORKS_WITH';

/** A path of fewest hops between two organisations. */
export type Path = {
  __typename?: 'Path';
  asOf: Scalars['Date']['output'];
  /** The ties of each hop in order (one per kind and partnership). */
  edges: Array<GraphEdge>;
  /** Hops: organisations - 1. */
  length: Scalars['Int']['output'];
  /** From the first organisation to the last. */
  organisations: Array<Organisation>;
};

/** The three pillars of the 2024-2027 strategy. */
export type Pillar = 'NATIONAL_REGIONAL_CONNECTION' | 'STRENGTHEN_BASE' | 'THEMATIC_TRANSITIONS';

/** One pillar's indicators in a year (by the initiative's pillars). */
export type PillarIndicators = {
  __typename?: 'PillarIndicators';
  /** Competence-development activities (TRAINING) in the year. */
  competenceActivities: Scalars['Int']['output'];
  /** People who took part in them, where counted. */
  competenceParticipants: Scalars['Int']['output'];
  /** Initiatives running in the year with at least one ROM taking part. */
  initiativesWithRoms: Scalars['Int']['output'];
  /** Joint initiatives: running in the year (their period overlaps it; an open start or end counts as open) with two or more ROMs taking part during it. */
  jointInitiatives: Scalars['Int']['output'];
  /** Learning events in the year: workshops, learning sessions, field visits, conferences, webinars. */
  learningActivities: Scalars['Int']['output'];
  /** People who took part in them, where counted. */
  learningParticipants: Scalars['Int']['output'];
  /** Mean ROMs per initiative, over initiativesWithRoms; null when there are none. */
  meanRomsPerInitiative: Maybe<Scalars['Float']['output']>;
  /** Median ROMs per initiative, over initiativesWithRoms. */
  medianRomsPerInitiative: Maybe<Scalars['Float']['output']>;
  /** Outputs published or decided in the year. */
  outputs: Scalars['Int']['output'];
  pillar: Pillar;
};

export type PillarInfo = {
  __typename?: 'PillarInfo';
  code: Pillar;
  labelEn: Scalars['String']['output'];
  labelNl: Scalars['String']['output'];
  number: Scalars['Int']['output'];
};

/** A province's place in the network: its ROMs, its position (that of its best-connected ROM covering it in full), its participation, and the themes it has none in. */
export type ProvinceConnectivity = {
  __typename?: 'ProvinceConnectivity';
  /** The highest betweenness of the ROMs covering it in full. */
  betweenness: Maybe<Scalars['Float']['output']>;
  /** ISO 3166-2:NL. */
  code: Scalars['String']['output'];
  /** The highest degree of the ROMs covering it in full; partial coverage does not count. */
  degree: Maybe<Scalars['Int']['output']>;
  /** Initiatives you may see in which an organisation based in the province takes part. */
  initiatives: Scalars['Int']['output'];
  /** Themes with no participation from the province (vocabulary order). */
  missingThemes: Array<Theme>;
  nameEn: Scalars['String']['output'];
  nameNl: Scalars['String']['output'];
  /** Organisations based in the province that take part in one of them. */
  participants: Scalars['Int']['output'];
  /** Full coverage first, then partial; by code. */
  roms: Array<ProvinceRom>;
};

/** A ROM covering a province, and where it stands in the network. */
export type ProvinceRom = {
  __typename?: 'ProvinceRom';
  /** For PARTIAL coverage: the area covered. */
  area: Maybe<Scalars['String']['output']>;
  /** Normalised betweenness, networkx's betweenness_centrality (networkMetrics). */
  betweenness: Maybe<Scalars['Float']['output']>;
  coverage: Coverage;
  /** Distinct neighbours in the network (networkMetrics). */
  degree: Maybe<Scalars['Int']['output']>;
  /** Initiatives it leads (an active LEAD participation) that you may see. */
  initiativesLed: Scalars['Int']['output'];
  organisation: Organisation;
  /** How many provinces it covers in full (NOM three, Oost NL two). */
  provincesCovered: Scalars['Int']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** An organisation's API keys, newest first (ADMIN, or its editors). */
  apiKeys: ApiKeyConnection;
  /** An initiative's audit trail: what changed, oldest first, who did it (`actor`), the changes (`payload`), and the source and confidence of each fact as recorded now. History is never overwritten. */
  auditTrail: EventConnection;
  /** For the organisations of a kind (the nine ROMs by default): how many initiatives each two take part in together, on one theme when given. */
  collaborationMatrix: CollaborationMatrix;
  /** Evidence for the 2027 evaluation, per year in the order asked: joint initiatives, mean and median ROMs per initiative, learning and competence-development activities and their participants, outputs; each also per pillar, so that the 2024 baseline can be set beside 2027. Over the initiatives you may see. */
  evaluationIndicators: Array<YearIndicators>;
  /** The event log after a cursor, oldest first: catch-up for feeds, and the audit trail. */
  events: EventConnection;
  /** One initiative by id or by code (give exactly one); null if not visible. */
  initiative: Maybe<Initiative>;
  /** Initiatives you may see, ordered by code. */
  initiatives: InitiativeConnection;
  /** Which knowledge partners each organisation of `kind` (the ROMs by default) reaches: TKIs, TO2 institutes and universities of applied sciences unless partnerKinds says otherwise; directly through a partnership, or through initiatives both take part in. By organisation, then partner, code. */
  knowledgeLinks: Array<KnowledgeLink>;
  /** Markets and missions: per foreign market (ISO 3166-1 alpha-2) the initiatives you may see that serve it, and which organisations of a kind (ROMs by default) lead one, take part, or are not yet in any. */
  markets: Array<Market>;
  /** The organisations within `depth` hops (1..3) of one, and every edge among them. */
  neighbourhood: Graph;
  /** Degree, weighted degree, betweenness, closeness, Louvain community and bridges, computed over the whole network you may see (on one theme when given); rows for organisations of `kind` (all when not given), by code. Computed off the request path: `computedAt` says when. */
  networkMetrics: Array<OrganisationMetrics>;
  /** The network in numbers: initiatives by theme, pillar, core task and status, how many are supra-regional, milestones by status and those due soon or overdue, stalled initiatives, and funding by theme, pillar, year, source and basis (amounts for network members only). Over the initiatives you may see. */
  networkSummary: NetworkSummary;
  /** Any object by its global id, with the same access rules as every other path; null if none is visible. */
  node: Maybe<Node>;
  /** One organisation by id or by code (give exactly one). */
  organisation: Maybe<Organisation>;
  /** The organisation registry, ordered by code. */
  organisations: OrganisationConnection;
  /** What initiatives produced (reports, publications, datasets, cases, decisions), with source and confidence: the evidence for the 2027 evaluation. Over the initiatives you may see; most recently recorded first. */
  outputs: OutputConnection;
  /** The collaboration network, nodes and edges, for a dashboard to draw: organisations, their partnerships and the initiatives they share, as far as you may see them. */
  partnershipGraph: Graph;
  /** Which regions are under-connected: per province the ROMs covering it with their degree and betweenness, its participation, the themes it has none in; and the ROMs that never lead. Over what you may see; see attributionRule for how ROMs covering several provinces (or part of one) are counted. */
  regionalConnectivity: RegionalConnectivity;
  /** Which organisations of a kind (the ROMs by default) are repeated partners and which one-off: per pair, the years from fromYear to toYear in which they took part in the same initiative (on one theme when given). Pairs by code; pairs that never shared one are left out. */
  repeatPartners: Array<PartnerYears>;
  /** A path of fewest hops between two organisations over every tie; of several, the one whose organisation codes sort first. Null when there is none within maxDepth (1..10). */
  shortestPath: Maybe<Path>;
  /** Themes, pillars and core tasks with Dutch and English labels. */
  taxonomy: Taxonomy;
  /** Who am I: organisation and role (both null when anonymous). */
  viewer: Viewer;
  /** A webhook's deliveries, newest first: status, attempts, the last answer and its latency. */
  webhookDeliveries: WebhookDeliveryConnection;
  /** An organisation's webhooks (its editors', and ADMIN's, to see). */
  webhooks: WebhookConnection;
};

export type QueryApiKeysArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  organisationId: Scalars['ID']['input'];
};

export type QueryAuditTrailArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  initiativeId: Scalars['ID']['input'];
};

export type QueryCollaborationMatrixArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  kind?: OrganisationKind;
  theme?: InputMaybe<Theme>;
};

export type QueryEvaluationIndicatorsArgs = {
  years: Array<Scalars['Int']['input']>;
};

export type QueryEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<EventFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type QueryInitiativeArgs = {
  code?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
};

export type QueryInitiativesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<InitiativeFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type QueryKnowledgeLinksArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  kind?: OrganisationKind;
  partnerKinds?: Array<OrganisationKind>;
  theme?: InputMaybe<Theme>;
};

export type QueryMarketsArgs = {
  kind?: OrganisationKind;
  markets?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type QueryNeighbourhoodArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  depth?: Scalars['Int']['input'];
  edgeKinds?: InputMaybe<Array<GraphEdgeKind>>;
  kinds?: InputMaybe<Array<PartnershipKind>>;
  organisationId: Scalars['ID']['input'];
};

export type QueryNetworkMetricsArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  kind?: InputMaybe<OrganisationKind>;
  theme?: InputMaybe<Theme>;
};

export type QueryNetworkSummaryArgs = {
  filter?: InputMaybe<SummaryFilter>;
};

export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};

export type QueryOrganisationArgs = {
  code?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
};

export type QueryOrganisationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OrganisationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type QueryOutputsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OutputFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type QueryPartnershipGraphArgs = {
  filter?: InputMaybe<GraphFilter>;
};

export type QueryRegionalConnectivityArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  theme?: InputMaybe<Theme>;
};

export type QueryRepeatPartnersArgs = {
  fromYear?: Scalars['Int']['input'];
  kind?: OrganisationKind;
  theme?: InputMaybe<Theme>;
  toYear?: Scalars['Int']['input'];
};

export type QueryShortestPathArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  fromId: Scalars['ID']['input'];
  maxDepth?: Scalars['Int']['input'];
  toId: Scalars['ID']['input'];
};

export type QueryWebhookDeliveriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  webhookId: Scalars['ID']['input'];
};

export type QueryWebhooksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  organisationId: Scalars['ID']['input'];
};

/** Your rate limit as this request left it: points of the hour (an operation spends one per 100 objects it may return, at least one; see `MAX_QUERY_COST`), as the x-ratelimit-* headers say. */
export type RateLimit = {
  __typename?: 'RateLimit';
  /** What this operation spent. */
  cost: Scalars['Int']['output'];
  /** Points an hour. */
  limit: Scalars['Int']['output'];
  /** Points left this hour. */
  remaining: Scalars['Int']['output'];
  /** When the hour is whole again. */
  resetAt: Scalars['DateTimeISO']['output'];
  /** Points spent this hour. */
  used: Scalars['Int']['output'];
};

export type RecordActivityInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  /** The initiative it belongs to (ESMEE for community activities). */
  initiativeId?: InputMaybe<Scalars['ID']['input']>;
  kind: ActivityKind;
  occurredOn: Scalars['Date']['input'];
  /** At least one organiser. */
  organiserIds: Array<Scalars['ID']['input']>;
  participantCount?: InputMaybe<Scalars['Int']['input']>;
  participantIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  source?: InputMaybe<Scalars['String']['input']>;
  themes?: InputMaybe<Array<Theme>>;
  title: Scalars['String']['input'];
};

export type RecordOutputInput = {
  confidence?: InputMaybe<Confidence>;
  description?: InputMaybe<Scalars['String']['input']>;
  initiativeId: Scalars['ID']['input'];
  kind: OutputKind;
  publishedOn?: InputMaybe<Scalars['Date']['input']>;
  /** Where the fact comes from: a URL, or words. */
  source?: InputMaybe<Scalars['String']['input']>;
  /** 1..300 characters. */
  title: Scalars['String']['input'];
  /** An http(s) URL of at most 500 characters. */
  url?: InputMaybe<Scalars['String']['input']>;
};

/** Which regions are under-connected: per province, and the ROMs that never lead. */
export type RegionalConnectivity = {
  __typename?: 'RegionalConnectivity';
  /** The day the network is taken as of. */
  asOf: Scalars['String']['output'];
  /** How ROMs are attributed to provinces, in words. */
  attributionRule: Scalars['String']['output'];
  /** The twelve provinces, fewest initiatives first. */
  provinces: Array<ProvinceConnectivity>;
  /** ROMs leading no initiative you may see. By code. */
  romsNeverLeading: Array<Organisation>;
};

/** A person's role in the network. */
export type Role = 'ADMIN' | 'EDITOR' | 'VIEWER';

export type Subscription = {
  __typename?: 'Subscription';
  /** Every event you may see, in order. With `after` (a cursor) it replays what happened since, then continues live: no gap, no duplicate. Without it, live from now. */
  events: Event;
  /** MILESTONE_ADDED and MILESTONE_CHANGED events, optionally of one initiative (live from now). */
  milestoneChanged: Event;
  /** Your inbox, live: each new notification as it happens, in log order. With `after` (a notification cursor) it first replays the notifications since, then continues live: no gap, no duplicate. */
  notifications: Notification;
  /** PARTNER_JOINED events, optionally of one initiative (live from now). */
  partnerJoined: Event;
};

export type SubscriptionEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<EventFilter>;
};

export type SubscriptionMilestoneChangedArgs = {
  initiativeId?: InputMaybe<Scalars['ID']['input']>;
};

export type SubscriptionNotificationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
};

export type SubscriptionPartnerJoinedArgs = {
  initiativeId?: InputMaybe<Scalars['ID']['input']>;
};

/** Which initiatives a summary covers. Filters combine with AND; values in a list with OR. */
export type SummaryFilter = {
  /** The network as it stood that day (end of the day, Dutch time): initiatives started or recorded by then, participations holding then, statuses as the log had them, funding of the years up to it. Default: now. */
  asOf?: InputMaybe<Scalars['Date']['input']>;
  coreTasks?: InputMaybe<Array<CoreTask>>;
  /** Milestones falling due within this many days count as due soon (1..366). */
  dueWithinDays?: InputMaybe<Scalars['Int']['input']>;
  /** Initiatives serving one of these markets (ISO 3166-1 alpha-2 codes). */
  markets?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Initiatives this organisation takes part in. */
  organisationId?: InputMaybe<Scalars['ID']['input']>;
  pillars?: InputMaybe<Array<Pillar>>;
  /** Initiatives an organisation covering one of these provinces takes part in (ISO 3166-2:NL). */
  provinces?: InputMaybe<Array<Scalars['String']['input']>>;
  /** An initiative with no event and no new participant for this many months is stalled (1..60). */
  stalledAfterMonths?: InputMaybe<Scalars['Int']['input']>;
  themes?: InputMaybe<Array<Theme>>;
};

/** The vocabularies of the 2024-2027 strategy, with labels for display. */
export type Taxonomy = {
  __typename?: 'Taxonomy';
  coreTasks: Array<CoreTaskInfo>;
  pillars: Array<PillarInfo>;
  themes: Array<ThemeInfo>;
};

/** The transitions of the 2024-2027 strategy. */
export type Theme =
  | 'AGRI_FOOD'
  | 'CIRCULAR_ECONOMY'
  | 'CLIMATE_ENERGY'
  | 'DIGITAL_KEY_TECH'
  | 'ENERGY_SECURITY'
  | 'HEALTH'
  | 'SECURITY';

/** A code with its Dutch and English labels. */
export type ThemeInfo = {
  __typename?: 'ThemeInfo';
  code: Theme;
  labelEn: Scalars['String']['output'];
  labelNl: Scalars['String']['output'];
};

/** Only the fields given change; null clears an optional field. */
export type UpdateInitiativeInput = {
  confidence?: InputMaybe<Confidence>;
  coreTasks?: InputMaybe<Array<CoreTask>>;
  description?: InputMaybe<Scalars['String']['input']>;
  endsOn?: InputMaybe<Scalars['Date']['input']>;
  /** At most 20; null or [] clears them. */
  externalLinks?: InputMaybe<Array<ExternalLinkInput>>;
  id: Scalars['ID']['input'];
  kind?: InputMaybe<InitiativeKind>;
  leadOrganisationId?: InputMaybe<Scalars['ID']['input']>;
  /** ISO 3166-1 alpha-2 codes; [] clears them. */
  markets?: InputMaybe<Array<Scalars['String']['input']>>;
  pillars?: InputMaybe<Array<Pillar>>;
  source?: InputMaybe<Scalars['String']['input']>;
  startsOn?: InputMaybe<Scalars['Date']['input']>;
  status?: InputMaybe<InitiativeStatus>;
  themes?: InputMaybe<Array<Theme>>;
  title?: InputMaybe<Scalars['String']['input']>;
  titleEn?: InputMaybe<Scalars['String']['input']>;
  visibility?: InputMaybe<Visibility>;
};

/** Only the fields given change. A stale expectedVersion answers CONFLICT. */
export type UpdateMilestoneInput = {
  /** null clears the due date. */
  dueOn?: InputMaybe<Scalars['Date']['input']>;
  /** The version you last read; the update applies only if it is still current. */
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  status?: InputMaybe<MilestoneStatus>;
  title?: InputMaybe<Scalars['String']['input']>;
};

/** Only the fields given change; null clears an optional field. */
export type UpdateOrganisationInput = {
  confidence?: InputMaybe<Confidence>;
  /** At most 20; null or [] clears them. */
  externalLinks?: InputMaybe<Array<ExternalLinkInput>>;
  id: Scalars['ID']['input'];
  kind?: InputMaybe<OrganisationKind>;
  name?: InputMaybe<Scalars['String']['input']>;
  nameEn?: InputMaybe<Scalars['String']['input']>;
  notes?: InputMaybe<Scalars['String']['input']>;
  provinces?: InputMaybe<Array<Scalars['String']['input']>>;
  shortName?: InputMaybe<Scalars['String']['input']>;
  source?: InputMaybe<Scalars['String']['input']>;
  website?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateWebhookInput = {
  /** True enables a disabled webhook again (from where it stopped). */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  eventTypes?: InputMaybe<Array<EventType>>;
  filter?: InputMaybe<EventFilter>;
  id: Scalars['ID']['input'];
  url?: InputMaybe<Scalars['String']['input']>;
};

/** Who is calling: organisation and role are null when anonymous. */
export type Viewer = {
  __typename?: 'Viewer';
  /** What you follow now, oldest first. Taking part in an initiative is a follow of its own kind. */
  follows: Array<Follow>;
  /** Your inbox, newest first: the events of the initiatives your organisation takes part in and of what you follow, each with its reason. Only what you may see, decided now. */
  notifications: NotificationConnection;
  organisation: Maybe<Organisation>;
  /** Your rate limit after this operation; null when rate limits are off, and over WebSocket. */
  rateLimit: Maybe<RateLimit>;
  role: Maybe<Role>;
  /** How many notifications of your inbox you have not read, counted up to `limit`: a count equal to `limit` means that many or more (a badge shows "99+"). The exact number of a larger inbox is `notifications(unreadOnly: true) { totalCount }`, which reads all of it. */
  unreadCount: Scalars['Int']['output'];
};

/** Who is calling: organisation and role are null when anonymous. */
export type ViewerNotificationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  unreadOnly?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Who is calling: organisation and role are null when anonymous. */
export type ViewerUnreadCountArgs = {
  limit?: Scalars['Int']['input'];
};

/** Who may see an initiative. */
export type Visibility = 'NETWORK' | 'PARTICIPANTS' | 'PUBLIC';

/** A partner system's endpoint: it gets the events its organisation may see, signed as Standard Webhooks says, in order, at least once (the event cursor is the `webhook-id`, its idempotency key). */
export type Webhook = Node & {
  __typename?: 'Webhook';
  /** False once disabled (410 Gone, or retries exhausted); update to enable. */
  active: Scalars['Boolean']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  /** Why it was disabled. */
  disabledReason: Maybe<Scalars['String']['output']>;
  /** The event types it gets; empty for all. */
  eventTypes: Array<EventType>;
  id: Scalars['ID']['output'];
  organisation: Organisation;
  updatedAt: Scalars['DateTimeISO']['output'];
  url: Scalars['String']['output'];
};

/** A page of Webhook nodes (Relay connection). */
export type WebhookConnection = {
  __typename?: 'WebhookConnection';
  edges: Array<WebhookEdge>;
  /** The nodes of `edges`, for callers that need no cursors. */
  nodes: Array<Webhook>;
  pageInfo: PageInfo;
  /** All matching nodes, across pages. */
  totalCount: Scalars['Int']['output'];
};

/** One event to one webhook: its attempts and the last answer. */
export type WebhookDelivery = Node & {
  __typename?: 'WebhookDelivery';
  attempts: Scalars['Int']['output'];
  /** What failed, when it was not an HTTP status. */
  error: Maybe<Scalars['String']['output']>;
  /** Null when its organisation may no longer see it. */
  event: Maybe<Event>;
  firstAttemptAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  lastAttemptAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** How long the last attempt took, ms. */
  latencyMs: Maybe<Scalars['Int']['output']>;
  /** The HTTP status of the last attempt, if it got one. */
  responseStatus: Maybe<Scalars['Int']['output']>;
  status: WebhookDeliveryStatus;
  webhook: Webhook;
};

/** A page of WebhookDelivery nodes (Relay connection). */
export type WebhookDeliveryConnection = {
  __typename?: 'WebhookDeliveryConnection';
  edges: Array<WebhookDeliveryEdge>;
  /** The nodes of `edges`, for callers that need no cursors. */
  nodes: Array<WebhookDelivery>;
  pageInfo: PageInfo;
  /** All matching nodes, across pages. */
  totalCount: Scalars['Int']['output'];
};

export type WebhookDeliveryEdge = {
  __typename?: 'WebhookDeliveryEdge';
  /** Pass as `after` to continue after this node. */
  cursor: Scalars['String']['output'];
  node: WebhookDelivery;
};

export type WebhookDeliveryStatus = 'FAILED' | 'GAVE_UP' | 'PENDING' | 'SUCCEEDED';

export type WebhookEdge = {
  __typename?: 'WebhookEdge';
  /** Pass as `after` to continue after this node. */
  cursor: Scalars['String']['output'];
  node: Webhook;
};

/** The evidence of one year for the 2027 evaluation of the added value of the collaboration, over the initiatives you may see (activities belonging to no initiative count for everyone). */
export type YearIndicators = {
  __typename?: 'YearIndicators';
  /** Every pillar, zeros included. Activities outside initiatives have no pillar. */
  byPillar: Array<PillarIndicators>;
  /** Competence-development activities (TRAINING) in the year. */
  competenceActivities: Scalars['Int']['output'];
  /** People who took part in them, where counted. */
  competenceParticipants: Scalars['Int']['output'];
  /** Initiatives running in the year with at least one ROM taking part. */
  initiativesWithRoms: Scalars['Int']['output'];
  /** Joint initiatives: running in the year (their period overlaps it; an open start or end counts as open) with two or more ROMs taking part during it. */
  jointInitiatives: Scalars['Int']['output'];
  /** Learning events in the year: workshops, learning sessions, field visits, conferences, webinars. */
  learningActivities: Scalars['Int']['output'];
  /** People who took part in them, where counted. */
  learningParticipants: Scalars['Int']['output'];
  /** Mean ROMs per initiative, over initiativesWithRoms; null when there are none. */
  meanRomsPerInitiative: Maybe<Scalars['Float']['output']>;
  /** Median ROMs per initiative, over initiativesWithRoms. */
  medianRomsPerInitiative: Maybe<Scalars['Float']['output']>;
  /** Outputs published or decided in the year. */
  outputs: Scalars['Int']['output'];
  year: Scalars['Int']['output'];
};

export type FeedEventsSubscriptionVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<EventFilter>;
}>;

export type FeedEventsSubscription = {
  __typename?: 'Subscription';
  events: {
    __typename?: 'Event';
    cursor: string;
    id: string;
    type: EventType;
    occurredAt: string;
    payload: Record<string, unknown>;
    source: string | null;
    confidence: Confidence | null;
    actor: { __typename?: 'Organisation'; id: string; code: string } | null;
    organisation: { __typename?: 'Organisation'; id: string; code: string } | null;
    initiative: { __typename?: 'Initiative'; id: string; code: string; title: string } | null;
    milestone: {
      __typename?: 'Milestone';
      id: string;
      title: string;
      status: MilestoneStatus;
      dueOn: string | null;
      version: number;
    } | null;
    participation: { __typename?: 'Participation'; id: string; role: ParticipationRole } | null;
  };
};

export type FeedNotificationsSubscriptionVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
}>;

export type FeedNotificationsSubscription = {
  __typename?: 'Subscription';
  notifications: {
    __typename?: 'Notification';
    cursor: string;
    id: string;
    reason: NotificationReason;
    readAt: string | null;
    event: {
      __typename?: 'Event';
      id: string;
      type: EventType;
      occurredAt: string;
      payload: Record<string, unknown>;
      actor: { __typename?: 'Organisation'; id: string; code: string } | null;
      organisation: { __typename?: 'Organisation'; id: string; code: string } | null;
      initiative: { __typename?: 'Initiative'; id: string; code: string; title: string } | null;
      milestone: {
        __typename?: 'Milestone';
        id: string;
        title: string;
        status: MilestoneStatus;
        dueOn: string | null;
      } | null;
    };
  };
};

export type AddMilestoneMutationMutationVariables = Exact<{
  input: AddMilestoneInput;
}>;

export type AddMilestoneMutationMutation = {
  __typename?: 'Mutation';
  addMilestone: {
    __typename?: 'Milestone';
    code: string | null;
    createdAt: string;
    dueOn: string | null;
    id: string;
    source: string | null;
    status: MilestoneStatus;
    title: string;
    updatedAt: string;
    version: number;
    initiative: {
      __typename?: 'Initiative';
      code: string;
      confidence: Confidence;
      coreTasks: Array<CoreTask>;
      createdAt: string;
      description: string | null;
      endsOn: string | null;
      id: string;
      kind: InitiativeKind;
      markets: Array<string>;
      notes: string | null;
      pillars: Array<Pillar>;
      romCount: number;
      source: string | null;
      startsOn: string | null;
      status: InitiativeStatus;
      supraRegional: boolean;
      themes: Array<Theme>;
      title: string;
      titleEn: string | null;
      updatedAt: string;
      visibility: Visibility;
      externalLinks: Array<{ __typename?: 'ExternalLink'; label: string; url: string }>;
      funding: Array<{
        __typename?: 'FundingAllocation';
        amountEur: number | null;
        basis: FundingBasis;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: FundingKind;
        note: string | null;
        provenance: string | null;
        sourceLabel: string | null;
        status: FundingStatus;
        year: number | null;
      }>;
      lead: {
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      } | null;
      milestones: Array<{
        __typename?: 'Milestone';
        code: string | null;
        createdAt: string;
        dueOn: string | null;
        id: string;
        source: string | null;
        status: MilestoneStatus;
        title: string;
        updatedAt: string;
        version: number;
      }>;
      outputs: Array<{
        __typename?: 'Output';
        code: string | null;
        confidence: Confidence;
        createdAt: string;
        description: string | null;
        id: string;
        kind: OutputKind;
        publishedOn: string | null;
        source: string | null;
        title: string;
        url: string | null;
      }>;
      parent: {
        __typename?: 'Initiative';
        code: string;
        confidence: Confidence;
        coreTasks: Array<CoreTask>;
        createdAt: string;
        description: string | null;
        endsOn: string | null;
        id: string;
        kind: InitiativeKind;
        markets: Array<string>;
        notes: string | null;
        pillars: Array<Pillar>;
        romCount: number;
        source: string | null;
        startsOn: string | null;
        status: InitiativeStatus;
        supraRegional: boolean;
        themes: Array<Theme>;
        title: string;
        titleEn: string | null;
        updatedAt: string;
        visibility: Visibility;
      } | null;
    };
  };
};

export type AllocateFundingMutationMutationVariables = Exact<{
  input: AllocateFundingInput;
}>;

export type AllocateFundingMutationMutation = {
  __typename?: 'Mutation';
  allocateFunding: {
    __typename?: 'FundingAllocation';
    amountEur: number | null;
    basis: FundingBasis;
    confidence: Confidence;
    createdAt: string;
    id: string;
    kind: FundingKind;
    note: string | null;
    provenance: string | null;
    sourceLabel: string | null;
    status: FundingStatus;
    year: number | null;
    initiative: {
      __typename?: 'Initiative';
      code: string;
      confidence: Confidence;
      coreTasks: Array<CoreTask>;
      createdAt: string;
      description: string | null;
      endsOn: string | null;
      id: string;
      kind: InitiativeKind;
      markets: Array<string>;
      notes: string | null;
      pillars: Array<Pillar>;
      romCount: number;
      source: string | null;
      startsOn: string | null;
      status: InitiativeStatus;
      supraRegional: boolean;
      themes: Array<Theme>;
      title: string;
      titleEn: string | null;
      updatedAt: string;
      visibility: Visibility;
      externalLinks: Array<{ __typename?: 'ExternalLink'; label: string; url: string }>;
      funding: Array<{
        __typename?: 'FundingAllocation';
        amountEur: number | null;
        basis: FundingBasis;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: FundingKind;
        note: string | null;
        provenance: string | null;
        sourceLabel: string | null;
        status: FundingStatus;
        year: number | null;
      }>;
      lead: {
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      } | null;
      milestones: Array<{
        __typename?: 'Milestone';
        code: string | null;
        createdAt: string;
        dueOn: string | null;
        id: string;
        source: string | null;
        status: MilestoneStatus;
        title: string;
        updatedAt: string;
        version: number;
      }>;
      outputs: Array<{
        __typename?: 'Output';
        code: string | null;
        confidence: Confidence;
        createdAt: string;
        description: string | null;
        id: string;
        kind: OutputKind;
        publishedOn: string | null;
        source: string | null;
        title: string;
        url: string | null;
      }>;
      parent: {
        __typename?: 'Initiative';
        code: string;
        confidence: Confidence;
        coreTasks: Array<CoreTask>;
        createdAt: string;
        description: string | null;
        endsOn: string | null;
        id: string;
        kind: InitiativeKind;
        markets: Array<string>;
        notes: string | null;
        pillars: Array<Pillar>;
        romCount: number;
        source: string | null;
        startsOn: string | null;
        status: InitiativeStatus;
        supraRegional: boolean;
        themes: Array<Theme>;
        title: string;
        titleEn: string | null;
        updatedAt: string;
        visibility: Visibility;
      } | null;
    };
    source: {
      __typename?: 'Organisation';
      code: string;
      confidence: Confidence;
      createdAt: string;
      id: string;
      kind: OrganisationKind;
      name: string;
      nameEn: string | null;
      notes: string | null;
      provinces: Array<string>;
      shortName: string | null;
      source: string | null;
      updatedAt: string;
      website: string | null;
      externalLinks: Array<{ __typename?: 'ExternalLink'; label: string; url: string }>;
      partialCoverage: Array<{
        __typename?: 'PartialCoverage';
        area: string;
        province: string;
        source: string | null;
      }>;
    } | null;
  };
};

export type ApiKeysQueryVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  organisationId: Scalars['ID']['input'];
}>;

export type ApiKeysQuery = {
  __typename?: 'Query';
  apiKeys: {
    __typename?: 'ApiKeyConnection';
    totalCount: number;
    pageInfo: { __typename?: 'PageInfo'; hasNextPage: boolean; endCursor: string | null };
    nodes: Array<{
      __typename?: 'ApiKey';
      createdAt: string;
      expiresAt: string | null;
      id: string;
      lastUsedAt: string | null;
      name: string;
      prefix: string;
      revokedAt: string | null;
      scope: ApiKeyScope;
      trustedDocumentsOnly: boolean;
      organisation: {
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      };
    }>;
  };
};

export type AuditTrailQueryVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  initiativeId: Scalars['ID']['input'];
}>;

export type AuditTrailQuery = {
  __typename?: 'Query';
  auditTrail: {
    __typename?: 'EventConnection';
    totalCount: number;
    pageInfo: { __typename?: 'PageInfo'; hasNextPage: boolean; endCursor: string | null };
    nodes: Array<{
      __typename?: 'Event';
      confidence: Confidence | null;
      cursor: string;
      id: string;
      occurredAt: string;
      payload: Record<string, unknown>;
      source: string | null;
      type: EventType;
      activity: {
        __typename?: 'Activity';
        createdAt: string;
        description: string | null;
        id: string;
        kind: ActivityKind;
        occurredOn: string;
        participantCount: number | null;
        source: string | null;
        themes: Array<Theme>;
        title: string;
      } | null;
      actor: {
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      } | null;
      fundingAllocation: {
        __typename?: 'FundingAllocation';
        amountEur: number | null;
        basis: FundingBasis;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: FundingKind;
        note: string | null;
        provenance: string | null;
        sourceLabel: string | null;
        status: FundingStatus;
        year: number | null;
      } | null;
      initiative: {
        __typename?: 'Initiative';
        code: string;
        confidence: Confidence;
        coreTasks: Array<CoreTask>;
        createdAt: string;
        description: string | null;
        endsOn: string | null;
        id: string;
        kind: InitiativeKind;
        markets: Array<string>;
        notes: string | null;
        pillars: Array<Pillar>;
        romCount: number;
        source: string | null;
        startsOn: string | null;
        status: InitiativeStatus;
        supraRegional: boolean;
        themes: Array<Theme>;
        title: string;
        titleEn: string | null;
        updatedAt: string;
        visibility: Visibility;
      } | null;
      milestone: {
        __typename?: 'Milestone';
        code: string | null;
        createdAt: string;
        dueOn: string | null;
        id: string;
        source: string | null;
        status: MilestoneStatus;
        title: string;
        updatedAt: string;
        version: number;
      } | null;
      organisation: {
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      } | null;
      output: {
        __typename?: 'Output';
        code: string | null;
        confidence: Confidence;
        createdAt: string;
        description: string | null;
        id: string;
        kind: OutputKind;
        publishedOn: string | null;
        source: string | null;
        title: string;
        url: string | null;
      } | null;
      participation: {
        __typename?: 'Participation';
        active: boolean;
        confidence: Confidence;
        createdAt: string;
        id: string;
        joinedOn: string | null;
        leftOn: string | null;
        notes: string | null;
        role: ParticipationRole;
        source: string | null;
        sourceRole: string | null;
      } | null;
      partnership: {
        __typename?: 'Partnership';
        active: boolean;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: PartnershipKind;
        notes: string | null;
        since: string | null;
        source: string | null;
        themes: Array<Theme>;
        until: string | null;
      } | null;
    }>;
  };
};

export type CollaborationMatrixQueryVariables = Exact<{
  asOf?: InputMaybe<Scalars['Date']['input']>;
  kind?: InputMaybe<OrganisationKind>;
  theme?: InputMaybe<Theme>;
}>;

export type CollaborationMatrixQuery = {
  __typename?: 'Query';
  collaborationMatrix: {
    __typename?: 'CollaborationMatrix';
    asOf: string;
    counts: Array<Array<number>>;
    organisations: Array<{
      __typename?: 'Organisation';
      code: string;
      confidence: Confidence;
      createdAt: string;
      id: string;
      kind: OrganisationKind;
      name: string;
      nameEn: string | null;
      notes: string | null;
      provinces: Array<string>;
      shortName: string | null;
      source: string | null;
      updatedAt: string;
      website: string | null;
    }>;
  };
};

export type CreateApiKeyMutationMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;

export type CreateApiKeyMutationMutation = {
  __typename?: 'Mutation';
  createApiKey: {
    __typename?: 'CreatedApiKey';
    key: string;
    apiKey: {
      __typename?: 'ApiKey';
      createdAt: string;
      expiresAt: string | null;
      id: string;
      lastUsedAt: string | null;
      name: string;
      prefix: string;
      revokedAt: string | null;
      scope: ApiKeyScope;
      trustedDocumentsOnly: boolean;
      organisation: {
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      };
    };
  };
};

export type CreateInitiativeMutationMutationVariables = Exact<{
  input: CreateInitiativeInput;
}>;

export type CreateInitiativeMutationMutation = {
  __typename?: 'Mutation';
  createInitiative: {
    __typename?: 'Initiative';
    code: string;
    confidence: Confidence;
    coreTasks: Array<CoreTask>;
    createdAt: string;
    description: string | null;
    endsOn: string | null;
    id: string;
    kind: InitiativeKind;
    markets: Array<string>;
    notes: string | null;
    pillars: Array<Pillar>;
    romCount: number;
    source: string | null;
    startsOn: string | null;
    status: InitiativeStatus;
    supraRegional: boolean;
    themes: Array<Theme>;
    title: string;
    titleEn: string | null;
    updatedAt: string;
    visibility: Visibility;
    externalLinks: Array<{ __typename?: 'ExternalLink'; label: string; url: string }>;
    funding: Array<{
      __typename?: 'FundingAllocation';
      amountEur: number | null;
      basis: FundingBasis;
      confidence: Confidence;
      createdAt: string;
      id: string;
      kind: FundingKind;
      note: string | null;
      provenance: string | null;
      sourceLabel: string | null;
      status: FundingStatus;
      year: number | null;
    }>;
    lead: {
      __typename?: 'Organisation';
      code: string;
      confidence: Confidence;
      createdAt: string;
      id: string;
      kind: OrganisationKind;
      name: string;
      nameEn: string | null;
      notes: string | null;
      provinces: Array<string>;
      shortName: string | null;
      source: string | null;
      updatedAt: string;
      website: string | null;
      externalLinks: Array<{ __typename?: 'ExternalLink'; label: string; url: string }>;
      partialCoverage: Array<{
        __typename?: 'PartialCoverage';
        area: string;
        province: string;
        source: string | null;
      }>;
    } | null;
    milestones: Array<{
      __typename?: 'Milestone';
      code: string | null;
      createdAt: string;
      dueOn: string | null;
      id: string;
      source: string | null;
      status: MilestoneStatus;
      title: string;
      updatedAt: string;
      version: number;
    }>;
    outputs: Array<{
      __typename?: 'Output';
      code: string | null;
      confidence: Confidence;
      createdAt: string;
      description: string | null;
      id: string;
      kind: OutputKind;
      publishedOn: string | null;
      source: string | null;
      title: string;
      url: string | null;
    }>;
    parent: {
      __typename?: 'Initiative';
      code: string;
      confidence: Confidence;
      coreTasks: Array<CoreTask>;
      createdAt: string;
      description: string | null;
      endsOn: string | null;
      id: string;
      kind: InitiativeKind;
      markets: Array<string>;
      notes: string | null;
      pillars: Array<Pillar>;
      romCount: number;
      source: string | null;
      startsOn: string | null;
      status: InitiativeStatus;
      supraRegional: boolean;
      themes: Array<Theme>;
      title: string;
      titleEn: string | null;
      updatedAt: string;
      visibility: Visibility;
      externalLinks: Array<{ __typename?: 'ExternalLink'; label: string; url: string }>;
      funding: Array<{
        __typename?: 'FundingAllocation';
        amountEur: number | null;
        basis: FundingBasis;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: FundingKind;
        note: string | null;
        provenance: string | null;
        sourceLabel: string | null;
        status: FundingStatus;
        year: number | null;
      }>;
      lead: {
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      } | null;
      milestones: Array<{
        __typename?: 'Milestone';
        code: string | null;
        createdAt: string;
        dueOn: string | null;
        id: string;
        source: string | null;
        status: MilestoneStatus;
        title: string;
        updatedAt: string;
        version: number;
      }>;
      outputs: Array<{
        __typename?: 'Output';
        code: string | null;
        confidence: Confidence;
        createdAt: string;
        description: string | null;
        id: string;
        kind: OutputKind;
        publishedOn: string | null;
        source: string | null;
        title: string;
        url: string | null;
      }>;
      parent: {
        __typename?: 'Initiative';
        code: string;
        confidence: Confidence;
        coreTasks: Array<CoreTask>;
        createdAt: string;
        description: string | null;
        endsOn: string | null;
        id: string;
        kind: InitiativeKind;
        markets: Array<string>;
        notes: string | null;
        pillars: Array<Pillar>;
        romCount: number;
        source: string | null;
        startsOn: string | null;
        status: InitiativeStatus;
        supraRegional: boolean;
        themes: Array<Theme>;
        title: string;
        titleEn: string | null;
        updatedAt: string;
        visibility: Visibility;
      } | null;
    } | null;
  };
};

export type CreateOrganisationMutationMutationVariables = Exact<{
  input: CreateOrganisationInput;
}>;

export type CreateOrganisationMutationMutation = {
  __typename?: 'Mutation';
  createOrganisation: {
    __typename?: 'Organisation';
    code: string;
    confidence: Confidence;
    createdAt: string;
    id: string;
    kind: OrganisationKind;
    name: string;
    nameEn: string | null;
    notes: string | null;
    provinces: Array<string>;
    shortName: string | null;
    source: string | null;
    updatedAt: string;
    website: string | null;
    externalLinks: Array<{ __typename?: 'ExternalLink'; label: string; url: string }>;
    partialCoverage: Array<{
      __typename?: 'PartialCoverage';
      area: string;
      province: string;
      source: string | null;
    }>;
  };
};

export type CreatePartnershipMutationMutationVariables = Exact<{
  input: CreatePartnershipInput;
}>;

export type CreatePartnershipMutationMutation = {
  __typename?: 'Mutation';
  createPartnership: {
    __typename?: 'Partnership';
    active: boolean;
    confidence: Confidence;
    createdAt: string;
    id: string;
    kind: PartnershipKind;
    notes: string | null;
    since: string | null;
    source: string | null;
    themes: Array<Theme>;
    until: string | null;
    from: {
      __typename?: 'Organisation';
      code: string;
      confidence: Confidence;
      createdAt: string;
      id: string;
      kind: OrganisationKind;
      name: string;
      nameEn: string | null;
      notes: string | null;
      provinces: Array<string>;
      shortName: string | null;
      source: string | null;
      updatedAt: string;
      website: string | null;
      externalLinks: Array<{ __typename?: 'ExternalLink'; label: string; url: string }>;
      partialCoverage: Array<{
        __typename?: 'PartialCoverage';
        area: string;
        province: string;
        source: string | null;
      }>;
    };
    to: {
      __typename?: 'Organisation';
      code: string;
      confidence: Confidence;
      createdAt: string;
      id: string;
      kind: OrganisationKind;
      name: string;
      nameEn: string | null;
      notes: string | null;
      provinces: Array<string>;
      shortName: string | null;
      source: string | null;
      updatedAt: string;
      website: string | null;
      externalLinks: Array<{ __typename?: 'ExternalLink'; label: string; url: string }>;
      partialCoverage: Array<{
        __typename?: 'PartialCoverage';
        area: string;
        province: string;
        source: string | null;
      }>;
    };
  };
};

export type CreateWebhookMutationMutationVariables = Exact<{
  input: CreateWebhookInput;
}>;

export type CreateWebhookMutationMutation = {
  __typename?: 'Mutation';
  createWebhook: {
    __typename?: 'CreatedWebhook';
    secret: string;
    webhook: {
      __typename?: 'Webhook';
      active: boolean;
      createdAt: string;
      disabledReason: string | null;
      eventTypes: Array<EventType>;
      id: string;
      updatedAt: string;
      url: string;
      organisation: {
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      };
    };
  };
};

export type DeleteWebhookMutationMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;

export type DeleteWebhookMutationMutation = { __typename?: 'Mutation'; deleteWebhook: boolean };

export type EndPartnershipMutationMutationVariables = Exact<{
  input: EndPartnershipInput;
}>;

export type EndPartnershipMutationMutation = {
  __typename?: 'Mutation';
  endPartnership: {
    __typename?: 'Partnership';
    active: boolean;
    confidence: Confidence;
    createdAt: string;
    id: string;
    kind: PartnershipKind;
    notes: string | null;
    since: string | null;
    source: string | null;
    themes: Array<Theme>;
    until: string | null;
    from: {
      __typename?: 'Organisation';
      code: string;
      confidence: Confidence;
      createdAt: string;
      id: string;
      kind: OrganisationKind;
      name: string;
      nameEn: string | null;
      notes: string | null;
      provinces: Array<string>;
      shortName: string | null;
      source: string | null;
      updatedAt: string;
      website: string | null;
      externalLinks: Array<{ __typename?: 'ExternalLink'; label: string; url: string }>;
      partialCoverage: Array<{
        __typename?: 'PartialCoverage';
        area: string;
        province: string;
        source: string | null;
      }>;
    };
    to: {
      __typename?: 'Organisation';
      code: string;
      confidence: Confidence;
      createdAt: string;
      id: string;
      kind: OrganisationKind;
      name: string;
      nameEn: string | null;
      notes: string | null;
      provinces: Array<string>;
      shortName: string | null;
      source: string | null;
      updatedAt: string;
      website: string | null;
      externalLinks: Array<{ __typename?: 'ExternalLink'; label: string; url: string }>;
      partialCoverage: Array<{
        __typename?: 'PartialCoverage';
        area: string;
        province: string;
        source: string | null;
      }>;
    };
  };
};

export type EvaluationIndicatorsQueryVariables = Exact<{
  years: Array<Scalars['Int']['input']> | Scalars['Int']['input'];
}>;

export type EvaluationIndicatorsQuery = {
  __typename?: 'Query';
  evaluationIndicators: Array<{
    __typename?: 'YearIndicators';
    competenceActivities: number;
    competenceParticipants: number;
    initiativesWithRoms: number;
    jointInitiatives: number;
    learningActivities: number;
    learningParticipants: number;
    meanRomsPerInitiative: number | null;
    medianRomsPerInitiative: number | null;
    outputs: number;
    year: number;
    byPillar: Array<{
      __typename?: 'PillarIndicators';
      competenceActivities: number;
      competenceParticipants: number;
      initiativesWithRoms: number;
      jointInitiatives: number;
      learningActivities: number;
      learningParticipants: number;
      meanRomsPerInitiative: number | null;
      medianRomsPerInitiative: number | null;
      outputs: number;
      pillar: Pillar;
    }>;
  }>;
};

export type EventsQueryVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<EventFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
}>;

export type EventsQuery = {
  __typename?: 'Query';
  events: {
    __typename?: 'EventConnection';
    totalCount: number;
    pageInfo: { __typename?: 'PageInfo'; hasNextPage: boolean; endCursor: string | null };
    nodes: Array<{
      __typename?: 'Event';
      confidence: Confidence | null;
      cursor: string;
      id: string;
      occurredAt: string;
      payload: Record<string, unknown>;
      source: string | null;
      type: EventType;
      activity: {
        __typename?: 'Activity';
        createdAt: string;
        description: string | null;
        id: string;
        kind: ActivityKind;
        occurredOn: string;
        participantCount: number | null;
        source: string | null;
        themes: Array<Theme>;
        title: string;
      } | null;
      actor: {
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      } | null;
      fundingAllocation: {
        __typename?: 'FundingAllocation';
        amountEur: number | null;
        basis: FundingBasis;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: FundingKind;
        note: string | null;
        provenance: string | null;
        sourceLabel: string | null;
        status: FundingStatus;
        year: number | null;
      } | null;
      initiative: {
        __typename?: 'Initiative';
        code: string;
        confidence: Confidence;
        coreTasks: Array<CoreTask>;
        createdAt: string;
        description: string | null;
        endsOn: string | null;
        id: string;
        kind: InitiativeKind;
        markets: Array<string>;
        notes: string | null;
        pillars: Array<Pillar>;
        romCount: number;
        source: string | null;
        startsOn: string | null;
        status: InitiativeStatus;
        supraRegional: boolean;
        themes: Array<Theme>;
        title: string;
        titleEn: string | null;
        updatedAt: string;
        visibility: Visibility;
      } | null;
      milestone: {
        __typename?: 'Milestone';
        code: string | null;
        createdAt: string;
        dueOn: string | null;
        id: string;
        source: string | null;
        status: MilestoneStatus;
        title: string;
        updatedAt: string;
        version: number;
      } | null;
      organisation: {
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      } | null;
      output: {
        __typename?: 'Output';
        code: string | null;
        confidence: Confidence;
        createdAt: string;
        description: string | null;
        id: string;
        kind: OutputKind;
        publishedOn: string | null;
        source: string | null;
        title: string;
        url: string | null;
      } | null;
      participation: {
        __typename?: 'Participation';
        active: boolean;
        confidence: Confidence;
        createdAt: string;
        id: string;
        joinedOn: string | null;
        leftOn: string | null;
        notes: string | null;
        role: ParticipationRole;
        source: string | null;
        sourceRole: string | null;
      } | null;
      partnership: {
        __typename?: 'Partnership';
        active: boolean;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: PartnershipKind;
        notes: string | null;
        since: string | null;
        source: string | null;
        themes: Array<Theme>;
        until: string | null;
      } | null;
    }>;
  };
};

export type EventsSubscriptionSubscriptionVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<EventFilter>;
}>;

export type EventsSubscriptionSubscription = {
  __typename?: 'Subscription';
  events: {
    __typename?: 'Event';
    confidence: Confidence | null;
    cursor: string;
    id: string;
    occurredAt: string;
    payload: Record<string, unknown>;
    source: string | null;
    type: EventType;
    activity: {
      __typename?: 'Activity';
      createdAt: string;
      description: string | null;
      id: string;
      kind: ActivityKind;
      occurredOn: string;
      participantCount: number | null;
      source: string | null;
      themes: Array<Theme>;
      title: string;
      initiative: {
        __typename?: 'Initiative';
        code: string;
        confidence: Confidence;
        coreTasks: Array<CoreTask>;
        createdAt: string;
        description: string | null;
        endsOn: string | null;
        id: string;
        kind: InitiativeKind;
        markets: Array<string>;
        notes: string | null;
        pillars: Array<Pillar>;
        romCount: number;
        source: string | null;
        startsOn: string | null;
        status: InitiativeStatus;
        supraRegional: boolean;
        themes: Array<Theme>;
        title: string;
        titleEn: string | null;
        updatedAt: string;
        visibility: Visibility;
      } | null;
      organisers: Array<{
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      }>;
      participants: Array<{
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      }>;
    } | null;
    actor: {
      __typename?: 'Organisation';
      code: string;
      confidence: Confidence;
      createdAt: string;
      id: string;
      kind: OrganisationKind;
      name: string;
      nameEn: string | null;
      notes: string | null;
      provinces: Array<string>;
      shortName: string | null;
      source: string | null;
      updatedAt: string;
      website: string | null;
      externalLinks: Array<{ __typename?: 'ExternalLink'; label: string; url: string }>;
      partialCoverage: Array<{
        __typename?: 'PartialCoverage';
        area: string;
        province: string;
        source: string | null;
      }>;
    } | null;
    fundingAllocation: {
      __typename?: 'FundingAllocation';
      amountEur: number | null;
      basis: FundingBasis;
      confidence: Confidence;
      createdAt: string;
      id: string;
      kind: FundingKind;
      note: string | null;
      provenance: string | null;
      sourceLabel: string | null;
      status: FundingStatus;
      year: number | null;
      initiative: {
        __typename?: 'Initiative';
        code: string;
        confidence: Confidence;
        coreTasks: Array<CoreTask>;
        createdAt: string;
        description: string | null;
        endsOn: string | null;
        id: string;
        kind: InitiativeKind;
        markets: Array<string>;
        notes: string | null;
        pillars: Array<Pillar>;
        romCount: number;
        source: string | null;
        startsOn: string | null;
        status: InitiativeStatus;
        supraRegional: boolean;
        themes: Array<Theme>;
        title: string;
        titleEn: string | null;
        updatedAt: string;
        visibility: Visibility;
      };
      source: {
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      } | null;
    } | null;
    initiative: {
      __typename?: 'Initiative';
      code: string;
      confidence: Confidence;
      coreTasks: Array<CoreTask>;
      createdAt: string;
      description: string | null;
      endsOn: string | null;
      id: string;
      kind: InitiativeKind;
      markets: Array<string>;
      notes: string | null;
      pillars: Array<Pillar>;
      romCount: number;
      source: string | null;
      startsOn: string | null;
      status: InitiativeStatus;
      supraRegional: boolean;
      themes: Array<Theme>;
      title: string;
      titleEn: string | null;
      updatedAt: string;
      visibility: Visibility;
      externalLinks: Array<{ __typename?: 'ExternalLink'; label: string; url: string }>;
      funding: Array<{
        __typename?: 'FundingAllocation';
        amountEur: number | null;
        basis: FundingBasis;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: FundingKind;
        note: string | null;
        provenance: string | null;
        sourceLabel: string | null;
        status: FundingStatus;
        year: number | null;
      }>;
      lead: {
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      } | null;
      milestones: Array<{
        __typename?: 'Milestone';
        code: string | null;
        createdAt: string;
        dueOn: string | null;
        id: string;
        source: string | null;
        status: MilestoneStatus;
        title: string;
        updatedAt: string;
        version: number;
      }>;
      outputs: Array<{
        __typename?: 'Output';
        code: string | null;
        confidence: Confidence;
        createdAt: string;
        description: string | null;
        id: string;
        kind: OutputKind;
        publishedOn: string | null;
        source: string | null;
        title: string;
        url: string | null;
      }>;
      parent: {
        __typename?: 'Initiative';
        code: string;
        confidence: Confidence;
        coreTasks: Array<CoreTask>;
        createdAt: string;
        description: string | null;
        endsOn: string | null;
        id: string;
        kind: InitiativeKind;
        markets: Array<string>;
        notes: string | null;
        pillars: Array<Pillar>;
        romCount: number;
        source: string | null;
        startsOn: string | null;
        status: InitiativeStatus;
        supraRegional: boolean;
        themes: Array<Theme>;
        title: string;
        titleEn: string | null;
        updatedAt: string;
        visibility: Visibility;
      } | null;
    } | null;
    milestone: {
      __typename?: 'Milestone';
      code: string | null;
      createdAt: string;
      dueOn: string | null;
      id: string;
      source: string | null;
      status: MilestoneStatus;
      title: string;
      updatedAt: string;
      version: number;
      initiative: {
        __typename?: 'Initiative';
        code: string;
        confidence: Confidence;
        coreTasks: Array<CoreTask>;
        createdAt: string;
        description: string | null;
        endsOn: string | null;
        id: string;
        kind: InitiativeKind;
        markets: Array<string>;
        notes: string | null;
        pillars: Array<Pillar>;
        romCount: number;
        source: string | null;
        startsOn: string | null;
        status: InitiativeStatus;
        supraRegional: boolean;
        themes: Array<Theme>;
        title: string;
        titleEn: string | null;
        updatedAt: string;
        visibility: Visibility;
      };
    } | null;
    organisation: {
      __typename?: 'Organisation';
      code: string;
      confidence: Confidence;
      createdAt: string;
      id: string;
      kind: OrganisationKind;
      name: string;
      nameEn: string | null;
      notes: string | null;
      provinces: Array<string>;
      shortName: string | null;
      source: string | null;
      updatedAt: string;
      website: string | null;
      externalLinks: Array<{ __typename?: 'ExternalLink'; label: string; url: string }>;
      partialCoverage: Array<{
        __typename?: 'PartialCoverage';
        area: string;
        province: string;
        source: string | null;
      }>;
    } | null;
    output: {
      __typename?: 'Output';
      code: string | null;
      confidence: Confidence;
      createdAt: string;
      description: string | null;
      id: string;
      kind: OutputKind;
      publishedOn: string | null;
      source: string | null;
      title: string;
      url: string | null;
      initiative: {
        __typename?: 'Initiative';
        code: string;
        confidence: Confidence;
        coreTasks: Array<CoreTask>;
        createdAt: string;
        description: string | null;
        endsOn: string | null;
        id: string;
        kind: InitiativeKind;
        markets: Array<string>;
        notes: string | null;
        pillars: Array<Pillar>;
        romCount: number;
        source: string | null;
        startsOn: string | null;
        status: InitiativeStatus;
        supraRegional: boolean;
        themes: Array<Theme>;
        title: string;
        titleEn: string | null;
        updatedAt: string;
        visibility: Visibility;
      };
    } | null;
    participation: {
      __typename?: 'Participation';
      active: boolean;
      confidence: Confidence;
      createdAt: string;
      id: string;
      joinedOn: string | null;
      leftOn: string | null;
      notes: string | null;
      role: ParticipationRole;
      source: string | null;
      sourceRole: string | null;
      initiative: {
        __typename?: 'Initiative';
        code: string;
        confidence: Confidence;
        coreTasks: Array<CoreTask>;
        createdAt: string;
        description: string | null;
        endsOn: string | null;
        id: string;
        kind: InitiativeKind;
        markets: Array<string>;
        notes: string | null;
        pillars: Array<Pillar>;
        romCount: number;
        source: string | null;
        startsOn: string | null;
        status: InitiativeStatus;
        supraRegional: boolean;
        themes: Array<Theme>;
        title: string;
        titleEn: string | null;
        updatedAt: string;
        visibility: Visibility;
      };
      organisation: {
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      };
    } | null;
    partnership: {
      __typename?: 'Partnership';
      active: boolean;
      confidence: Confidence;
      createdAt: string;
      id: string;
      kind: PartnershipKind;
      notes: string | null;
      since: string | null;
      source: string | null;
      themes: Array<Theme>;
      until: string | null;
      from: {
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      };
      to: {
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      };
    } | null;
  };
};

export type FollowMutationMutationVariables = Exact<{
  input: FollowInput;
}>;

export type FollowMutationMutation = {
  __typename?: 'Mutation';
  follow: {
    __typename?: 'Follow';
    createdAt: string;
    id: string;
    pillar: Pillar | null;
    theme: Theme | null;
    initiative: {
      __typename?: 'Initiative';
      code: string;
      confidence: Confidence;
      coreTasks: Array<CoreTask>;
      createdAt: string;
      description: string | null;
      endsOn: string | null;
      id: string;
      kind: InitiativeKind;
      markets: Array<string>;
      notes: string | null;
      pillars: Array<Pillar>;
      romCount: number;
      source: string | null;
      startsOn: string | null;
      status: InitiativeStatus;
      supraRegional: boolean;
      themes: Array<Theme>;
      title: string;
      titleEn: string | null;
      updatedAt: string;
      visibility: Visibility;
      externalLinks: Array<{ __typename?: 'ExternalLink'; label: string; url: string }>;
      funding: Array<{
        __typename?: 'FundingAllocation';
        amountEur: number | null;
        basis: FundingBasis;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: FundingKind;
        note: string | null;
        provenance: string | null;
        sourceLabel: string | null;
        status: FundingStatus;
        year: number | null;
      }>;
      lead: {
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      } | null;
      milestones: Array<{
        __typename?: 'Milestone';
        code: string | null;
        createdAt: string;
        dueOn: string | null;
        id: string;
        source: string | null;
        status: MilestoneStatus;
        title: string;
        updatedAt: string;
        version: number;
      }>;
      outputs: Array<{
        __typename?: 'Output';
        code: string | null;
        confidence: Confidence;
        createdAt: string;
        description: string | null;
        id: string;
        kind: OutputKind;
        publishedOn: string | null;
        source: string | null;
        title: string;
        url: string | null;
      }>;
      parent: {
        __typename?: 'Initiative';
        code: string;
        confidence: Confidence;
        coreTasks: Array<CoreTask>;
        createdAt: string;
        description: string | null;
        endsOn: string | null;
        id: string;
        kind: InitiativeKind;
        markets: Array<string>;
        notes: string | null;
        pillars: Array<Pillar>;
        romCount: number;
        source: string | null;
        startsOn: string | null;
        status: InitiativeStatus;
        supraRegional: boolean;
        themes: Array<Theme>;
        title: string;
        titleEn: string | null;
        updatedAt: string;
        visibility: Visibility;
      } | null;
    } | null;
    organisation: {
      __typename?: 'Organisation';
      code: string;
      confidence: Confidence;
      createdAt: string;
      id: string;
      kind: OrganisationKind;
      name: string;
      nameEn: string | null;
      notes: string | null;
      provinces: Array<string>;
      shortName: string | null;
      source: string | null;
      updatedAt: string;
      website: string | null;
      externalLinks: Array<{ __typename?: 'ExternalLink'; label: string; url: string }>;
      partialCoverage: Array<{
        __typename?: 'PartialCoverage';
        area: string;
        province: string;
        source: string | null;
      }>;
    } | null;
  };
};

export type InitiativeQueryVariables = Exact<{
  code?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
}>;

export type InitiativeQuery = {
  __typename?: 'Query';
  initiative: {
    __typename?: 'Initiative';
    code: string;
    confidence: Confidence;
    coreTasks: Array<CoreTask>;
    createdAt: string;
    description: string | null;
    endsOn: string | null;
    id: string;
    kind: InitiativeKind;
    markets: Array<string>;
    notes: string | null;
    pillars: Array<Pillar>;
    romCount: number;
    source: string | null;
    startsOn: string | null;
    status: InitiativeStatus;
    supraRegional: boolean;
    themes: Array<Theme>;
    title: string;
    titleEn: string | null;
    updatedAt: string;
    visibility: Visibility;
    externalLinks: Array<{ __typename?: 'ExternalLink'; label: string; url: string }>;
    funding: Array<{
      __typename?: 'FundingAllocation';
      amountEur: number | null;
      basis: FundingBasis;
      confidence: Confidence;
      createdAt: string;
      id: string;
      kind: FundingKind;
      note: string | null;
      provenance: string | null;
      sourceLabel: string | null;
      status: FundingStatus;
      year: number | null;
    }>;
    lead: {
      __typename?: 'Organisation';
      code: string;
      confidence: Confidence;
      createdAt: string;
      id: string;
      kind: OrganisationKind;
      name: string;
      nameEn: string | null;
      notes: string | null;
      provinces: Array<string>;
      shortName: string | null;
      source: string | null;
      updatedAt: string;
      website: string | null;
      externalLinks: Array<{ __typename?: 'ExternalLink'; label: string; url: string }>;
      partialCoverage: Array<{
        __typename?: 'PartialCoverage';
        area: string;
        province: string;
        source: string | null;
      }>;
    } | null;
    milestones: Array<{
      __typename?: 'Milestone';
      code: string | null;
      createdAt: string;
      dueOn: string | null;
      id: string;
      source: string | null;
      status: MilestoneStatus;
      title: string;
      updatedAt: string;
      version: number;
    }>;
    outputs: Array<{
      __typename?: 'Output';
      code: string | null;
      confidence: Confidence;
      createdAt: string;
      description: string | null;
      id: string;
      kind: OutputKind;
      publishedOn: string | null;
      source: string | null;
      title: string;
      url: string | null;
    }>;
    parent: {
      __typename?: 'Initiative';
      code: string;
      confidence: Confidence;
      coreTasks: Array<CoreTask>;
      createdAt: string;
      description: string | null;
      endsOn: string | null;
      id: string;
      kind: InitiativeKind;
      markets: Array<string>;
      notes: string | null;
      pillars: Array<Pillar>;
      romCount: number;
      source: string | null;
      startsOn: string | null;
      status: InitiativeStatus;
      supraRegional: boolean;
      themes: Array<Theme>;
      title: string;
      titleEn: string | null;
      updatedAt: string;
      visibility: Visibility;
      externalLinks: Array<{ __typename?: 'ExternalLink'; label: string; url: string }>;
      funding: Array<{
        __typename?: 'FundingAllocation';
        amountEur: number | null;
        basis: FundingBasis;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: FundingKind;
        note: string | null;
        provenance: string | null;
        sourceLabel: string | null;
        status: FundingStatus;
        year: number | null;
      }>;
      lead: {
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      } | null;
      milestones: Array<{
        __typename?: 'Milestone';
        code: string | null;
        createdAt: string;
        dueOn: string | null;
        id: string;
        source: string | null;
        status: MilestoneStatus;
        title: string;
        updatedAt: string;
        version: number;
      }>;
      outputs: Array<{
        __typename?: 'Output';
        code: string | null;
        confidence: Confidence;
        createdAt: string;
        description: string | null;
        id: string;
        kind: OutputKind;
        publishedOn: string | null;
        source: string | null;
        title: string;
        url: string | null;
      }>;
      parent: {
        __typename?: 'Initiative';
        code: string;
        confidence: Confidence;
        coreTasks: Array<CoreTask>;
        createdAt: string;
        description: string | null;
        endsOn: string | null;
        id: string;
        kind: InitiativeKind;
        markets: Array<string>;
        notes: string | null;
        pillars: Array<Pillar>;
        romCount: number;
        source: string | null;
        startsOn: string | null;
        status: InitiativeStatus;
        supraRegional: boolean;
        themes: Array<Theme>;
        title: string;
        titleEn: string | null;
        updatedAt: string;
        visibility: Visibility;
      } | null;
    } | null;
  } | null;
};

export type InitiativesQueryVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<InitiativeFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
}>;

export type InitiativesQuery = {
  __typename?: 'Query';
  initiatives: {
    __typename?: 'InitiativeConnection';
    totalCount: number;
    pageInfo: { __typename?: 'PageInfo'; hasNextPage: boolean; endCursor: string | null };
    nodes: Array<{
      __typename?: 'Initiative';
      code: string;
      confidence: Confidence;
      coreTasks: Array<CoreTask>;
      createdAt: string;
      description: string | null;
      endsOn: string | null;
      id: string;
      kind: InitiativeKind;
      markets: Array<string>;
      notes: string | null;
      pillars: Array<Pillar>;
      romCount: number;
      source: string | null;
      startsOn: string | null;
      status: InitiativeStatus;
      supraRegional: boolean;
      themes: Array<Theme>;
      title: string;
      titleEn: string | null;
      updatedAt: string;
      visibility: Visibility;
      externalLinks: Array<{ __typename?: 'ExternalLink'; label: string; url: string }>;
      funding: Array<{
        __typename?: 'FundingAllocation';
        amountEur: number | null;
        basis: FundingBasis;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: FundingKind;
        note: string | null;
        provenance: string | null;
        sourceLabel: string | null;
        status: FundingStatus;
        year: number | null;
      }>;
      lead: {
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      } | null;
      milestones: Array<{
        __typename?: 'Milestone';
        code: string | null;
        createdAt: string;
        dueOn: string | null;
        id: string;
        source: string | null;
        status: MilestoneStatus;
        title: string;
        updatedAt: string;
        version: number;
      }>;
      outputs: Array<{
        __typename?: 'Output';
        code: string | null;
        confidence: Confidence;
        createdAt: string;
        description: string | null;
        id: string;
        kind: OutputKind;
        publishedOn: string | null;
        source: string | null;
        title: string;
        url: string | null;
      }>;
      parent: {
        __typename?: 'Initiative';
        code: string;
        confidence: Confidence;
        coreTasks: Array<CoreTask>;
        createdAt: string;
        description: string | null;
        endsOn: string | null;
        id: string;
        kind: InitiativeKind;
        markets: Array<string>;
        notes: string | null;
        pillars: Array<Pillar>;
        romCount: number;
        source: string | null;
        startsOn: string | null;
        status: InitiativeStatus;
        supraRegional: boolean;
        themes: Array<Theme>;
        title: string;
        titleEn: string | null;
        updatedAt: string;
        visibility: Visibility;
      } | null;
    }>;
  };
};

export type JoinInitiativeMutationMutationVariables = Exact<{
  input: JoinInitiativeInput;
}>;

export type JoinInitiativeMutationMutation = {
  __typename?: 'Mutation';
  joinInitiative: {
    __typename?: 'Participation';
    active: boolean;
    confidence: Confidence;
    createdAt: string;
    id: string;
    joinedOn: string | null;
    leftOn: string | null;
    notes: string | null;
    role: ParticipationRole;
    source: string | null;
    sourceRole: string | null;
    initiative: {
      __typename?: 'Initiative';
      code: string;
      confidence: Confidence;
      coreTasks: Array<CoreTask>;
      createdAt: string;
      description: string | null;
      endsOn: string | null;
      id: string;
      kind: InitiativeKind;
      markets: Array<string>;
      notes: string | null;
      pillars: Array<Pillar>;
      romCount: number;
      source: string | null;
      startsOn: string | null;
      status: InitiativeStatus;
      supraRegional: boolean;
      themes: Array<Theme>;
      title: string;
      titleEn: string | null;
      updatedAt: string;
      visibility: Visibility;
      externalLinks: Array<{ __typename?: 'ExternalLink'; label: string; url: string }>;
      funding: Array<{
        __typename?: 'FundingAllocation';
        amountEur: number | null;
        basis: FundingBasis;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: FundingKind;
        note: string | null;
        provenance: string | null;
        sourceLabel: string | null;
        status: FundingStatus;
        year: number | null;
      }>;
      lead: {
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      } | null;
      milestones: Array<{
        __typename?: 'Milestone';
        code: string | null;
        createdAt: string;
        dueOn: string | null;
        id: string;
        source: string | null;
        status: MilestoneStatus;
        title: string;
        updatedAt: string;
        version: number;
      }>;
      outputs: Array<{
        __typename?: 'Output';
        code: string | null;
        confidence: Confidence;
        createdAt: string;
        description: string | null;
        id: string;
        kind: OutputKind;
        publishedOn: string | null;
        source: string | null;
        title: string;
        url: string | null;
      }>;
      parent: {
        __typename?: 'Initiative';
        code: string;
        confidence: Confidence;
        coreTasks: Array<CoreTask>;
        createdAt: string;
        description: string | null;
        endsOn: string | null;
        id: string;
        kind: InitiativeKind;
        markets: Array<string>;
        notes: string | null;
        pillars: Array<Pillar>;
        romCount: number;
        source: string | null;
        startsOn: string | null;
        status: InitiativeStatus;
        supraRegional: boolean;
        themes: Array<Theme>;
        title: string;
        titleEn: string | null;
        updatedAt: string;
        visibility: Visibility;
      } | null;
    };
    organisation: {
      __typename?: 'Organisation';
      code: string;
      confidence: Confidence;
      createdAt: string;
      id: string;
      kind: OrganisationKind;
      name: string;
      nameEn: string | null;
      notes: string | null;
      provinces: Array<string>;
      shortName: string | null;
      source: string | null;
      updatedAt: string;
      website: string | null;
      externalLinks: Array<{ __typename?: 'ExternalLink'; label: string; url: string }>;
      partialCoverage: Array<{
        __typename?: 'PartialCoverage';
        area: string;
        province: string;
        source: string | null;
      }>;
    };
  };
};

export type KnowledgeLinksQueryVariables = Exact<{
  asOf?: InputMaybe<Scalars['Date']['input']>;
  kind?: InputMaybe<OrganisationKind>;
  partnerKinds?: InputMaybe<Array<OrganisationKind> | OrganisationKind>;
  theme?: InputMaybe<Theme>;
}>;

export type KnowledgeLinksQuery = {
  __typename?: 'Query';
  knowledgeLinks: Array<{
    __typename?: 'KnowledgeLink';
    direct: boolean;
    initiatives: Array<{
      __typename?: 'Initiative';
      code: string;
      confidence: Confidence;
      coreTasks: Array<CoreTask>;
      createdAt: string;
      description: string | null;
      endsOn: string | null;
      id: string;
      kind: InitiativeKind;
      markets: Array<string>;
      notes: string | null;
      pillars: Array<Pillar>;
      romCount: number;
      source: string | null;
      startsOn: string | null;
      status: InitiativeStatus;
      supraRegional: boolean;
      themes: Array<Theme>;
      title: string;
      titleEn: string | null;
      updatedAt: string;
      visibility: Visibility;
    }>;
    organisation: {
      __typename?: 'Organisation';
      code: string;
      confidence: Confidence;
      createdAt: string;
      id: string;
      kind: OrganisationKind;
      name: string;
      nameEn: string | null;
      notes: string | null;
      provinces: Array<string>;
      shortName: string | null;
      source: string | null;
      updatedAt: string;
      website: string | null;
    };
    partner: {
      __typename?: 'Organisation';
      code: string;
      confidence: Confidence;
      createdAt: string;
      id: string;
      kind: OrganisationKind;
      name: string;
      nameEn: string | null;
      notes: string | null;
      provinces: Array<string>;
      shortName: string | null;
      source: string | null;
      updatedAt: string;
      website: string | null;
    };
    partnerships: Array<{
      __typename?: 'Partnership';
      active: boolean;
      confidence: Confidence;
      createdAt: string;
      id: string;
      kind: PartnershipKind;
      notes: string | null;
      since: string | null;
      source: string | null;
      themes: Array<Theme>;
      until: string | null;
    }>;
  }>;
};

export type LeaveInitiativeMutationMutationVariables = Exact<{
  input: LeaveInitiativeInput;
}>;

export type LeaveInitiativeMutationMutation = {
  __typename?: 'Mutation';
  leaveInitiative: {
    __typename?: 'Participation';
    active: boolean;
    confidence: Confidence;
    createdAt: string;
    id: string;
    joinedOn: string | null;
    leftOn: string | null;
    notes: string | null;
    role: ParticipationRole;
    source: string | null;
    sourceRole: string | null;
    initiative: {
      __typename?: 'Initiative';
      code: string;
      confidence: Confidence;
      coreTasks: Array<CoreTask>;
      createdAt: string;
      description: string | null;
      endsOn: string | null;
      id: string;
      kind: InitiativeKind;
      markets: Array<string>;
      notes: string | null;
      pillars: Array<Pillar>;
      romCount: number;
      source: string | null;
      startsOn: string | null;
      status: InitiativeStatus;
      supraRegional: boolean;
      themes: Array<Theme>;
      title: string;
      titleEn: string | null;
      updatedAt: string;
      visibility: Visibility;
      externalLinks: Array<{ __typename?: 'ExternalLink'; label: string; url: string }>;
      funding: Array<{
        __typename?: 'FundingAllocation';
        amountEur: number | null;
        basis: FundingBasis;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: FundingKind;
        note: string | null;
        provenance: string | null;
        sourceLabel: string | null;
        status: FundingStatus;
        year: number | null;
      }>;
      lead: {
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      } | null;
      milestones: Array<{
        __typename?: 'Milestone';
        code: string | null;
        createdAt: string;
        dueOn: string | null;
        id: string;
        source: string | null;
        status: MilestoneStatus;
        title: string;
        updatedAt: string;
        version: number;
      }>;
      outputs: Array<{
        __typename?: 'Output';
        code: string | null;
        confidence: Confidence;
        createdAt: string;
        description: string | null;
        id: string;
        kind: OutputKind;
        publishedOn: string | null;
        source: string | null;
        title: string;
        url: string | null;
      }>;
      parent: {
        __typename?: 'Initiative';
        code: string;
        confidence: Confidence;
        coreTasks: Array<CoreTask>;
        createdAt: string;
        description: string | null;
        endsOn: string | null;
        id: string;
        kind: InitiativeKind;
        markets: Array<string>;
        notes: string | null;
        pillars: Array<Pillar>;
        romCount: number;
        source: string | null;
        startsOn: string | null;
        status: InitiativeStatus;
        supraRegional: boolean;
        themes: Array<Theme>;
        title: string;
        titleEn: string | null;
        updatedAt: string;
        visibility: Visibility;
      } | null;
    };
    organisation: {
      __typename?: 'Organisation';
      code: string;
      confidence: Confidence;
      createdAt: string;
      id: string;
      kind: OrganisationKind;
      name: string;
      nameEn: string | null;
      notes: string | null;
      provinces: Array<string>;
      shortName: string | null;
      source: string | null;
      updatedAt: string;
      website: string | null;
      externalLinks: Array<{ __typename?: 'ExternalLink'; label: string; url: string }>;
      partialCoverage: Array<{
        __typename?: 'PartialCoverage';
        area: string;
        province: string;
        source: string | null;
      }>;
    };
  };
};

export type MarkNotificationReadMutationMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;

export type MarkNotificationReadMutationMutation = {
  __typename?: 'Mutation';
  markNotificationRead: {
    __typename?: 'Notification';
    cursor: string;
    id: string;
    readAt: string | null;
    reason: NotificationReason;
    event: {
      __typename?: 'Event';
      confidence: Confidence | null;
      cursor: string;
      id: string;
      occurredAt: string;
      payload: Record<string, unknown>;
      source: string | null;
      type: EventType;
      activity: {
        __typename?: 'Activity';
        createdAt: string;
        description: string | null;
        id: string;
        kind: ActivityKind;
        occurredOn: string;
        participantCount: number | null;
        source: string | null;
        themes: Array<Theme>;
        title: string;
      } | null;
      actor: {
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      } | null;
      fundingAllocation: {
        __typename?: 'FundingAllocation';
        amountEur: number | null;
        basis: FundingBasis;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: FundingKind;
        note: string | null;
        provenance: string | null;
        sourceLabel: string | null;
        status: FundingStatus;
        year: number | null;
      } | null;
      initiative: {
        __typename?: 'Initiative';
        code: string;
        confidence: Confidence;
        coreTasks: Array<CoreTask>;
        createdAt: string;
        description: string | null;
        endsOn: string | null;
        id: string;
        kind: InitiativeKind;
        markets: Array<string>;
        notes: string | null;
        pillars: Array<Pillar>;
        romCount: number;
        source: string | null;
        startsOn: string | null;
        status: InitiativeStatus;
        supraRegional: boolean;
        themes: Array<Theme>;
        title: string;
        titleEn: string | null;
        updatedAt: string;
        visibility: Visibility;
      } | null;
      milestone: {
        __typename?: 'Milestone';
        code: string | null;
        createdAt: string;
        dueOn: string | null;
        id: string;
        source: string | null;
        status: MilestoneStatus;
        title: string;
        updatedAt: string;
        version: number;
      } | null;
      organisation: {
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      } | null;
      output: {
        __typename?: 'Output';
        code: string | null;
        confidence: Confidence;
        createdAt: string;
        description: string | null;
        id: string;
        kind: OutputKind;
        publishedOn: string | null;
        source: string | null;
        title: string;
        url: string | null;
      } | null;
      participation: {
        __typename?: 'Participation';
        active: boolean;
        confidence: Confidence;
        createdAt: string;
        id: string;
        joinedOn: string | null;
        leftOn: string | null;
        notes: string | null;
        role: ParticipationRole;
        source: string | null;
        sourceRole: string | null;
      } | null;
      partnership: {
        __typename?: 'Partnership';
        active: boolean;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: PartnershipKind;
        notes: string | null;
        since: string | null;
        source: string | null;
        themes: Array<Theme>;
        until: string | null;
      } | null;
    };
  };
};

export type MarkNotificationsReadMutationMutationVariables = Exact<{
  upTo: Scalars['String']['input'];
}>;

export type MarkNotificationsReadMutationMutation = {
  __typename?: 'Mutation';
  markNotificationsRead: number;
};

export type MarketsQueryVariables = Exact<{
  kind?: InputMaybe<OrganisationKind>;
  markets?: InputMaybe<Array<Scalars['String']['input']> | Scalars['String']['input']>;
}>;

export type MarketsQuery = {
  __typename?: 'Query';
  markets: Array<{
    __typename?: 'Market';
    code: string;
    initiativeCount: number;
    nameEn: string;
    nameNl: string;
    initiatives: Array<{
      __typename?: 'Initiative';
      code: string;
      confidence: Confidence;
      coreTasks: Array<CoreTask>;
      createdAt: string;
      description: string | null;
      endsOn: string | null;
      id: string;
      kind: InitiativeKind;
      markets: Array<string>;
      notes: string | null;
      pillars: Array<Pillar>;
      romCount: number;
      source: string | null;
      startsOn: string | null;
      status: InitiativeStatus;
      supraRegional: boolean;
      themes: Array<Theme>;
      title: string;
      titleEn: string | null;
      updatedAt: string;
      visibility: Visibility;
    }>;
    leads: Array<{
      __typename?: 'Organisation';
      code: string;
      confidence: Confidence;
      createdAt: string;
      id: string;
      kind: OrganisationKind;
      name: string;
      nameEn: string | null;
      notes: string | null;
      provinces: Array<string>;
      shortName: string | null;
      source: string | null;
      updatedAt: string;
      website: string | null;
    }>;
    notYetIn: Array<{
      __typename?: 'Organisation';
      code: string;
      confidence: Confidence;
      createdAt: string;
      id: string;
      kind: OrganisationKind;
      name: string;
      nameEn: string | null;
      notes: string | null;
      provinces: Array<string>;
      shortName: string | null;
      source: string | null;
      updatedAt: string;
      website: string | null;
    }>;
    participants: Array<{
      __typename?: 'Organisation';
      code: string;
      confidence: Confidence;
      createdAt: string;
      id: string;
      kind: OrganisationKind;
      name: string;
      nameEn: string | null;
      notes: string | null;
      provinces: Array<string>;
      shortName: string | null;
      source: string | null;
      updatedAt: string;
      website: string | null;
    }>;
  }>;
};

export type MilestoneChangedSubscriptionSubscriptionVariables = Exact<{
  initiativeId?: InputMaybe<Scalars['ID']['input']>;
}>;

export type MilestoneChangedSubscriptionSubscription = {
  __typename?: 'Subscription';
  milestoneChanged: {
    __typename?: 'Event';
    confidence: Confidence | null;
    cursor: string;
    id: string;
    occurredAt: string;
    payload: Record<string, unknown>;
    source: string | null;
    type: EventType;
    activity: {
      __typename?: 'Activity';
      createdAt: string;
      description: string | null;
      id: string;
      kind: ActivityKind;
      occurredOn: string;
      participantCount: number | null;
      source: string | null;
      themes: Array<Theme>;
      title: string;
      initiative: {
        __typename?: 'Initiative';
        code: string;
        confidence: Confidence;
        coreTasks: Array<CoreTask>;
        createdAt: string;
        description: string | null;
        endsOn: string | null;
        id: string;
        kind: InitiativeKind;
        markets: Array<string>;
        notes: string | null;
        pillars: Array<Pillar>;
        romCount: number;
        source: string | null;
        startsOn: string | null;
        status: InitiativeStatus;
        supraRegional: boolean;
        themes: Array<Theme>;
        title: string;
        titleEn: string | null;
        updatedAt: string;
        visibility: Visibility;
      } | null;
      organisers: Array<{
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      }>;
      participants: Array<{
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      }>;
    } | null;
    actor: {
      __typename?: 'Organisation';
      code: string;
      confidence: Confidence;
      createdAt: string;
      id: string;
      kind: OrganisationKind;
      name: string;
      nameEn: string | null;
      notes: string | null;
      provinces: Array<string>;
      shortName: string | null;
      source: string | null;
      updatedAt: string;
      website: string | null;
      externalLinks: Array<{ __typename?: 'ExternalLink'; label: string; url: string }>;
      partialCoverage: Array<{
        __typename?: 'PartialCoverage';
        area: string;
        province: string;
        source: string | null;
      }>;
    } | null;
    fundingAllocation: {
      __typename?: 'FundingAllocation';
      amountEur: number | null;
      basis: FundingBasis;
      confidence: Confidence;
      createdAt: string;
      id: string;
      kind: FundingKind;
      note: string | null;
      provenance: string | null;
      sourceLabel: string | null;
      status: FundingStatus;
      year: number | null;
      initiative: {
        __typename?: 'Initiative';
        code: string;
        confidence: Confidence;
        coreTasks: Array<CoreTask>;
        createdAt: string;
        description: string | null;
        endsOn: string | null;
        id: string;
        kind: InitiativeKind;
        markets: Array<string>;
        notes: string | null;
        pillars: Array<Pillar>;
        romCount: number;
        source: string | null;
        startsOn: string | null;
        status: InitiativeStatus;
        supraRegional: boolean;
        themes: Array<Theme>;
        title: string;
        titleEn: string | null;
        updatedAt: string;
        visibility: Visibility;
      };
      source: {
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      } | null;
    } | null;
    initiative: {
      __typename?: 'Initiative';
      code: string;
      confidence: Confidence;
      coreTasks: Array<CoreTask>;
      createdAt: string;
      description: string | null;
      endsOn: string | null;
      id: string;
      kind: InitiativeKind;
      markets: Array<string>;
      notes: string | null;
      pillars: Array<Pillar>;
      romCount: number;
      source: string | null;
      startsOn: string | null;
      status: InitiativeStatus;
      supraRegional: boolean;
      themes: Array<Theme>;
      title: string;
      titleEn: string | null;
      updatedAt: string;
      visibility: Visibility;
      externalLinks: Array<{ __typename?: 'ExternalLink'; label: string; url: string }>;
      funding: Array<{
        __typename?: 'FundingAllocation';
        amountEur: number | null;
        basis: FundingBasis;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: FundingKind;
        note: string | null;
        provenance: string | null;
        sourceLabel: string | null;
        status: FundingStatus;
        year: number | null;
      }>;
      lead: {
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      } | null;
      milestones: Array<{
        __typename?: 'Milestone';
        code: string | null;
        createdAt: string;
        dueOn: string | null;
        id: string;
        source: string | null;
        status: MilestoneStatus;
        title: string;
        updatedAt: string;
        version: number;
      }>;
      outputs: Array<{
        __typename?: 'Output';
        code: string | null;
        confidence: Confidence;
        createdAt: string;
        description: string | null;
        id: string;
        kind: OutputKind;
        publishedOn: string | null;
        source: string | null;
        title: string;
        url: string | null;
      }>;
      parent: {
        __typename?: 'Initiative';
        code: string;
        confidence: Confidence;
        coreTasks: Array<CoreTask>;
        createdAt: string;
        description: string | null;
        endsOn: string | null;
        id: string;
        kind: InitiativeKind;
        markets: Array<string>;
        notes: string | null;
        pillars: Array<Pillar>;
        romCount: number;
        source: string | null;
        startsOn: string | null;
        status: InitiativeStatus;
        supraRegional: boolean;
        themes: Array<Theme>;
        title: string;
        titleEn: string | null;
        updatedAt: string;
        visibility: Visibility;
      } | null;
    } | null;
    milestone: {
      __typename?: 'Milestone';
      code: string | null;
      createdAt: string;
      dueOn: string | null;
      id: string;
      source: string | null;
      status: MilestoneStatus;
      title: string;
      updatedAt: string;
      version: number;
      initiative: {
        __typename?: 'Initiative';
        code: string;
        confidence: Confidence;
        coreTasks: Array<CoreTask>;
        createdAt: string;
        description: string | null;
        endsOn: string | null;
        id: string;
        kind: InitiativeKind;
        markets: Array<string>;
        notes: string | null;
        pillars: Array<Pillar>;
        romCount: number;
        source: string | null;
        startsOn: string | null;
        status: InitiativeStatus;
        supraRegional: boolean;
        themes: Array<Theme>;
        title: string;
        titleEn: string | null;
        updatedAt: string;
        visibility: Visibility;
      };
    } | null;
    organisation: {
      __typename?: 'Organisation';
      code: string;
      confidence: Confidence;
      createdAt: string;
      id: string;
      kind: OrganisationKind;
      name: string;
      nameEn: string | null;
      notes: string | null;
      provinces: Array<string>;
      shortName: string | null;
      source: string | null;
      updatedAt: string;
      website: string | null;
      externalLinks: Array<{ __typename?: 'ExternalLink'; label: string; url: string }>;
      partialCoverage: Array<{
        __typename?: 'PartialCoverage';
        area: string;
        province: string;
        source: string | null;
      }>;
    } | null;
    output: {
      __typename?: 'Output';
      code: string | null;
      confidence: Confidence;
      createdAt: string;
      description: string | null;
      id: string;
      kind: OutputKind;
      publishedOn: string | null;
      source: string | null;
      title: string;
      url: string | null;
      initiative: {
        __typename?: 'Initiative';
        code: string;
        confidence: Confidence;
        coreTasks: Array<CoreTask>;
        createdAt: string;
        description: string | null;
        endsOn: string | null;
        id: string;
        kind: InitiativeKind;
        markets: Array<string>;
        notes: string | null;
        pillars: Array<Pillar>;
        romCount: number;
        source: string | null;
        startsOn: string | null;
        status: InitiativeStatus;
        supraRegional: boolean;
        themes: Array<Theme>;
        title: string;
        titleEn: string | null;
        updatedAt: string;
        visibility: Visibility;
      };
    } | null;
    participation: {
      __typename?: 'Participation';
      active: boolean;
      confidence: Confidence;
      createdAt: string;
      id: string;
      joinedOn: string | null;
      leftOn: string | null;
      notes: string | null;
      role: ParticipationRole;
      source: string | null;
      sourceRole: string | null;
      initiative: {
        __typename?: 'Initiative';
        code: string;
        confidence: Confidence;
        coreTasks: Array<CoreTask>;
        createdAt: string;
        description: string | null;
        endsOn: string | null;
        id: string;
        kind: InitiativeKind;
        markets: Array<string>;
        notes: string | null;
        pillars: Array<Pillar>;
        romCount: number;
        source: string | null;
        startsOn: string | null;
        status: InitiativeStatus;
        supraRegional: boolean;
        themes: Array<Theme>;
        title: string;
        titleEn: string | null;
        updatedAt: string;
        visibility: Visibility;
      };
      organisation: {
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      };
    } | null;
    partnership: {
      __typename?: 'Partnership';
      active: boolean;
      confidence: Confidence;
      createdAt: string;
      id: string;
      kind: PartnershipKind;
      notes: string | null;
      since: string | null;
      source: string | null;
      themes: Array<Theme>;
      until: string | null;
      from: {
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      };
      to: {
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      };
    } | null;
  };
};

export type NeighbourhoodQueryVariables = Exact<{
  asOf?: InputMaybe<Scalars['Date']['input']>;
  depth?: InputMaybe<Scalars['Int']['input']>;
  edgeKinds?: InputMaybe<Array<GraphEdgeKind> | GraphEdgeKind>;
  kinds?: InputMaybe<Array<PartnershipKind> | PartnershipKind>;
  organisationId: Scalars['ID']['input'];
}>;

export type NeighbourhoodQuery = {
  __typename?: 'Query';
  neighbourhood: {
    __typename?: 'Graph';
    asOf: string;
    edges: Array<{
      __typename?: 'GraphEdge';
      attributes: Record<string, unknown>;
      confidence: Confidence | null;
      data: Record<string, unknown>;
      id: string;
      key: string;
      kind: GraphEdgeKind;
      partnershipKind: PartnershipKind | null;
      provenance: string | null;
      sharedInitiatives: number;
      since: string | null;
      source: string;
      target: string;
      themes: Array<Theme>;
      undirected: boolean;
      until: string | null;
      weight: number;
    }>;
    nodes: Array<{
      __typename?: 'GraphNode';
      attributes: Record<string, unknown>;
      code: string;
      data: Record<string, unknown>;
      id: string;
      key: string;
      kind: OrganisationKind;
      label: string;
      provinces: Array<string>;
    }>;
  };
};

export type NetworkMetricsQueryVariables = Exact<{
  asOf?: InputMaybe<Scalars['Date']['input']>;
  kind?: InputMaybe<OrganisationKind>;
  theme?: InputMaybe<Theme>;
}>;

export type NetworkMetricsQuery = {
  __typename?: 'Query';
  networkMetrics: Array<{
    __typename?: 'OrganisationMetrics';
    betweenness: number;
    bridge: boolean;
    closeness: number;
    community: number;
    computedAt: string;
    degree: number;
    weightedDegree: number;
    organisation: {
      __typename?: 'Organisation';
      code: string;
      confidence: Confidence;
      createdAt: string;
      id: string;
      kind: OrganisationKind;
      name: string;
      nameEn: string | null;
      notes: string | null;
      provinces: Array<string>;
      shortName: string | null;
      source: string | null;
      updatedAt: string;
      website: string | null;
    };
  }>;
};

export type NetworkSummaryQueryVariables = Exact<{
  filter?: InputMaybe<SummaryFilter>;
}>;

export type NetworkSummaryQuery = {
  __typename?: 'Query';
  networkSummary: {
    __typename?: 'NetworkSummary';
    initiatives: number;
    stalled: number;
    stalledAfterMonths: number;
    supraRegional: number;
    supraRegionalShare: number;
    today: string;
    byCoreTask: Array<{ __typename?: 'KeyCount'; count: number; key: string }>;
    byPillar: Array<{ __typename?: 'KeyCount'; count: number; key: string }>;
    byStatus: Array<{ __typename?: 'KeyCount'; count: number; key: string }>;
    byTheme: Array<{ __typename?: 'KeyCount'; count: number; key: string }>;
    funding: {
      __typename?: 'FundingSummary';
      allocations: number;
      totalEur: number | null;
      byBasis: Array<{
        __typename?: 'FundingTotal';
        allocations: number;
        amountEur: number | null;
        key: string;
      }>;
      byKind: Array<{
        __typename?: 'FundingTotal';
        allocations: number;
        amountEur: number | null;
        key: string;
      }>;
      byPillar: Array<{
        __typename?: 'FundingTotal';
        allocations: number;
        amountEur: number | null;
        key: string;
      }>;
      bySource: Array<{
        __typename?: 'FundingTotal';
        allocations: number;
        amountEur: number | null;
        key: string;
      }>;
      byStatus: Array<{
        __typename?: 'FundingTotal';
        allocations: number;
        amountEur: number | null;
        key: string;
      }>;
      byTheme: Array<{
        __typename?: 'FundingTotal';
        allocations: number;
        amountEur: number | null;
        key: string;
      }>;
      byYear: Array<{
        __typename?: 'FundingTotal';
        allocations: number;
        amountEur: number | null;
        key: string;
      }>;
      leverage: {
        __typename?: 'FundingLeverage';
        budgetEur: number | null;
        leveredEur: number | null;
        perEuro: number | null;
      };
    };
    milestones: {
      __typename?: 'MilestoneSummary';
      dueSoon: number;
      dueWithinDays: number;
      overdue: number;
      total: number;
      byStatus: Array<{ __typename?: 'KeyCount'; count: number; key: string }>;
    };
    stalledInitiatives: Array<{
      __typename?: 'Initiative';
      code: string;
      confidence: Confidence;
      coreTasks: Array<CoreTask>;
      createdAt: string;
      description: string | null;
      endsOn: string | null;
      id: string;
      kind: InitiativeKind;
      markets: Array<string>;
      notes: string | null;
      pillars: Array<Pillar>;
      romCount: number;
      source: string | null;
      startsOn: string | null;
      status: InitiativeStatus;
      supraRegional: boolean;
      themes: Array<Theme>;
      title: string;
      titleEn: string | null;
      updatedAt: string;
      visibility: Visibility;
    }>;
  };
};

export type NotificationsSubscriptionSubscriptionVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
}>;

export type NotificationsSubscriptionSubscription = {
  __typename?: 'Subscription';
  notifications: {
    __typename?: 'Notification';
    cursor: string;
    id: string;
    readAt: string | null;
    reason: NotificationReason;
    event: {
      __typename?: 'Event';
      confidence: Confidence | null;
      cursor: string;
      id: string;
      occurredAt: string;
      payload: Record<string, unknown>;
      source: string | null;
      type: EventType;
      activity: {
        __typename?: 'Activity';
        createdAt: string;
        description: string | null;
        id: string;
        kind: ActivityKind;
        occurredOn: string;
        participantCount: number | null;
        source: string | null;
        themes: Array<Theme>;
        title: string;
      } | null;
      actor: {
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      } | null;
      fundingAllocation: {
        __typename?: 'FundingAllocation';
        amountEur: number | null;
        basis: FundingBasis;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: FundingKind;
        note: string | null;
        provenance: string | null;
        sourceLabel: string | null;
        status: FundingStatus;
        year: number | null;
      } | null;
      initiative: {
        __typename?: 'Initiative';
        code: string;
        confidence: Confidence;
        coreTasks: Array<CoreTask>;
        createdAt: string;
        description: string | null;
        endsOn: string | null;
        id: string;
        kind: InitiativeKind;
        markets: Array<string>;
        notes: string | null;
        pillars: Array<Pillar>;
        romCount: number;
        source: string | null;
        startsOn: string | null;
        status: InitiativeStatus;
        supraRegional: boolean;
        themes: Array<Theme>;
        title: string;
        titleEn: string | null;
        updatedAt: string;
        visibility: Visibility;
      } | null;
      milestone: {
        __typename?: 'Milestone';
        code: string | null;
        createdAt: string;
        dueOn: string | null;
        id: string;
        source: string | null;
        status: MilestoneStatus;
        title: string;
        updatedAt: string;
        version: number;
      } | null;
      organisation: {
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      } | null;
      output: {
        __typename?: 'Output';
        code: string | null;
        confidence: Confidence;
        createdAt: string;
        description: string | null;
        id: string;
        kind: OutputKind;
        publishedOn: string | null;
        source: string | null;
        title: string;
        url: string | null;
      } | null;
      participation: {
        __typename?: 'Participation';
        active: boolean;
        confidence: Confidence;
        createdAt: string;
        id: string;
        joinedOn: string | null;
        leftOn: string | null;
        notes: string | null;
        role: ParticipationRole;
        source: string | null;
        sourceRole: string | null;
      } | null;
      partnership: {
        __typename?: 'Partnership';
        active: boolean;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: PartnershipKind;
        notes: string | null;
        since: string | null;
        source: string | null;
        themes: Array<Theme>;
        until: string | null;
      } | null;
    };
  };
};

export type OrganisationQueryVariables = Exact<{
  code?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
}>;

export type OrganisationQuery = {
  __typename?: 'Query';
  organisation: {
    __typename?: 'Organisation';
    code: string;
    confidence: Confidence;
    createdAt: string;
    id: string;
    kind: OrganisationKind;
    name: string;
    nameEn: string | null;
    notes: string | null;
    provinces: Array<string>;
    shortName: string | null;
    source: string | null;
    updatedAt: string;
    website: string | null;
    externalLinks: Array<{ __typename?: 'ExternalLink'; label: string; url: string }>;
    partialCoverage: Array<{
      __typename?: 'PartialCoverage';
      area: string;
      province: string;
      source: string | null;
    }>;
  } | null;
};

export type OrganisationsQueryVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OrganisationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
}>;

export type OrganisationsQuery = {
  __typename?: 'Query';
  organisations: {
    __typename?: 'OrganisationConnection';
    totalCount: number;
    pageInfo: { __typename?: 'PageInfo'; hasNextPage: boolean; endCursor: string | null };
    nodes: Array<{
      __typename?: 'Organisation';
      code: string;
      confidence: Confidence;
      createdAt: string;
      id: string;
      kind: OrganisationKind;
      name: string;
      nameEn: string | null;
      notes: string | null;
      provinces: Array<string>;
      shortName: string | null;
      source: string | null;
      updatedAt: string;
      website: string | null;
      externalLinks: Array<{ __typename?: 'ExternalLink'; label: string; url: string }>;
      partialCoverage: Array<{
        __typename?: 'PartialCoverage';
        area: string;
        province: string;
        source: string | null;
      }>;
    }>;
  };
};

export type OutputsQueryVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OutputFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
}>;

export type OutputsQuery = {
  __typename?: 'Query';
  outputs: {
    __typename?: 'OutputConnection';
    totalCount: number;
    pageInfo: { __typename?: 'PageInfo'; hasNextPage: boolean; endCursor: string | null };
    nodes: Array<{
      __typename?: 'Output';
      code: string | null;
      confidence: Confidence;
      createdAt: string;
      description: string | null;
      id: string;
      kind: OutputKind;
      publishedOn: string | null;
      source: string | null;
      title: string;
      url: string | null;
      initiative: {
        __typename?: 'Initiative';
        code: string;
        confidence: Confidence;
        coreTasks: Array<CoreTask>;
        createdAt: string;
        description: string | null;
        endsOn: string | null;
        id: string;
        kind: InitiativeKind;
        markets: Array<string>;
        notes: string | null;
        pillars: Array<Pillar>;
        romCount: number;
        source: string | null;
        startsOn: string | null;
        status: InitiativeStatus;
        supraRegional: boolean;
        themes: Array<Theme>;
        title: string;
        titleEn: string | null;
        updatedAt: string;
        visibility: Visibility;
      };
    }>;
  };
};

export type PartnerJoinedSubscriptionSubscriptionVariables = Exact<{
  initiativeId?: InputMaybe<Scalars['ID']['input']>;
}>;

export type PartnerJoinedSubscriptionSubscription = {
  __typename?: 'Subscription';
  partnerJoined: {
    __typename?: 'Event';
    confidence: Confidence | null;
    cursor: string;
    id: string;
    occurredAt: string;
    payload: Record<string, unknown>;
    source: string | null;
    type: EventType;
    activity: {
      __typename?: 'Activity';
      createdAt: string;
      description: string | null;
      id: string;
      kind: ActivityKind;
      occurredOn: string;
      participantCount: number | null;
      source: string | null;
      themes: Array<Theme>;
      title: string;
      initiative: {
        __typename?: 'Initiative';
        code: string;
        confidence: Confidence;
        coreTasks: Array<CoreTask>;
        createdAt: string;
        description: string | null;
        endsOn: string | null;
        id: string;
        kind: InitiativeKind;
        markets: Array<string>;
        notes: string | null;
        pillars: Array<Pillar>;
        romCount: number;
        source: string | null;
        startsOn: string | null;
        status: InitiativeStatus;
        supraRegional: boolean;
        themes: Array<Theme>;
        title: string;
        titleEn: string | null;
        updatedAt: string;
        visibility: Visibility;
      } | null;
      organisers: Array<{
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      }>;
      participants: Array<{
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      }>;
    } | null;
    actor: {
      __typename?: 'Organisation';
      code: string;
      confidence: Confidence;
      createdAt: string;
      id: string;
      kind: OrganisationKind;
      name: string;
      nameEn: string | null;
      notes: string | null;
      provinces: Array<string>;
      shortName: string | null;
      source: string | null;
      updatedAt: string;
      website: string | null;
      externalLinks: Array<{ __typename?: 'ExternalLink'; label: string; url: string }>;
      partialCoverage: Array<{
        __typename?: 'PartialCoverage';
        area: string;
        province: string;
        source: string | null;
      }>;
    } | null;
    fundingAllocation: {
      __typename?: 'FundingAllocation';
      amountEur: number | null;
      basis: FundingBasis;
      confidence: Confidence;
      createdAt: string;
      id: string;
      kind: FundingKind;
      note: string | null;
      provenance: string | null;
      sourceLabel: string | null;
      status: FundingStatus;
      year: number | null;
      initiative: {
        __typename?: 'Initiative';
        code: string;
        confidence: Confidence;
        coreTasks: Array<CoreTask>;
        createdAt: string;
        description: string | null;
        endsOn: string | null;
        id: string;
        kind: InitiativeKind;
        markets: Array<string>;
        notes: string | null;
        pillars: Array<Pillar>;
        romCount: number;
        source: string | null;
        startsOn: string | null;
        status: InitiativeStatus;
        supraRegional: boolean;
        themes: Array<Theme>;
        title: string;
        titleEn: string | null;
        updatedAt: string;
        visibility: Visibility;
      };
      source: {
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      } | null;
    } | null;
    initiative: {
      __typename?: 'Initiative';
      code: string;
      confidence: Confidence;
      coreTasks: Array<CoreTask>;
      createdAt: string;
      description: string | null;
      endsOn: string | null;
      id: string;
      kind: InitiativeKind;
      markets: Array<string>;
      notes: string | null;
      pillars: Array<Pillar>;
      romCount: number;
      source: string | null;
      startsOn: string | null;
      status: InitiativeStatus;
      supraRegional: boolean;
      themes: Array<Theme>;
      title: string;
      titleEn: string | null;
      updatedAt: string;
      visibility: Visibility;
      externalLinks: Array<{ __typename?: 'ExternalLink'; label: string; url: string }>;
      funding: Array<{
        __typename?: 'FundingAllocation';
        amountEur: number | null;
        basis: FundingBasis;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: FundingKind;
        note: string | null;
        provenance: string | null;
        sourceLabel: string | null;
        status: FundingStatus;
        year: number | null;
      }>;
      lead: {
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      } | null;
      milestones: Array<{
        __typename?: 'Milestone';
        code: string | null;
        createdAt: string;
        dueOn: string | null;
        id: string;
        source: string | null;
        status: MilestoneStatus;
        title: string;
        updatedAt: string;
        version: number;
      }>;
      outputs: Array<{
        __typename?: 'Output';
        code: string | null;
        confidence: Confidence;
        createdAt: string;
        description: string | null;
        id: string;
        kind: OutputKind;
        publishedOn: string | null;
        source: string | null;
        title: string;
        url: string | null;
      }>;
      parent: {
        __typename?: 'Initiative';
        code: string;
        confidence: Confidence;
        coreTasks: Array<CoreTask>;
        createdAt: string;
        description: string | null;
        endsOn: string | null;
        id: string;
        kind: InitiativeKind;
        markets: Array<string>;
        notes: string | null;
        pillars: Array<Pillar>;
        romCount: number;
        source: string | null;
        startsOn: string | null;
        status: InitiativeStatus;
        supraRegional: boolean;
        themes: Array<Theme>;
        title: string;
        titleEn: string | null;
        updatedAt: string;
        visibility: Visibility;
      } | null;
    } | null;
    milestone: {
      __typename?: 'Milestone';
      code: string | null;
      createdAt: string;
      dueOn: string | null;
      id: string;
      source: string | null;
      status: MilestoneStatus;
      title: string;
      updatedAt: string;
      version: number;
      initiative: {
        __typename?: 'Initiative';
        code: string;
        confidence: Confidence;
        coreTasks: Array<CoreTask>;
        createdAt: string;
        description: string | null;
        endsOn: string | null;
        id: string;
        kind: InitiativeKind;
        markets: Array<string>;
        notes: string | null;
        pillars: Array<Pillar>;
        romCount: number;
        source: string | null;
        startsOn: string | null;
        status: InitiativeStatus;
        supraRegional: boolean;
        themes: Array<Theme>;
        title: string;
        titleEn: string | null;
        updatedAt: string;
        visibility: Visibility;
      };
    } | null;
    organisation: {
      __typename?: 'Organisation';
      code: string;
      confidence: Confidence;
      createdAt: string;
      id: string;
      kind: OrganisationKind;
      name: string;
      nameEn: string | null;
      notes: string | null;
      provinces: Array<string>;
      shortName: string | null;
      source: string | null;
      updatedAt: string;
      website: string | null;
      externalLinks: Array<{ __typename?: 'ExternalLink'; label: string; url: string }>;
      partialCoverage: Array<{
        __typename?: 'PartialCoverage';
        area: string;
        province: string;
        source: string | null;
      }>;
    } | null;
    output: {
      __typename?: 'Output';
      code: string | null;
      confidence: Confidence;
      createdAt: string;
      description: string | null;
      id: string;
      kind: OutputKind;
      publishedOn: string | null;
      source: string | null;
      title: string;
      url: string | null;
      initiative: {
        __typename?: 'Initiative';
        code: string;
        confidence: Confidence;
        coreTasks: Array<CoreTask>;
        createdAt: string;
        description: string | null;
        endsOn: string | null;
        id: string;
        kind: InitiativeKind;
        markets: Array<string>;
        notes: string | null;
        pillars: Array<Pillar>;
        romCount: number;
        source: string | null;
        startsOn: string | null;
        status: InitiativeStatus;
        supraRegional: boolean;
        themes: Array<Theme>;
        title: string;
        titleEn: string | null;
        updatedAt: string;
        visibility: Visibility;
      };
    } | null;
    participation: {
      __typename?: 'Participation';
      active: boolean;
      confidence: Confidence;
      createdAt: string;
      id: string;
      joinedOn: string | null;
      leftOn: string | null;
      notes: string | null;
      role: ParticipationRole;
      source: string | null;
      sourceRole: string | null;
      initiative: {
        __typename?: 'Initiative';
        code: string;
        confidence: Confidence;
        coreTasks: Array<CoreTask>;
        createdAt: string;
        description: string | null;
        endsOn: string | null;
        id: string;
        kind: InitiativeKind;
        markets: Array<string>;
        notes: string | null;
        pillars: Array<Pillar>;
        romCount: number;
        source: string | null;
        startsOn: string | null;
        status: InitiativeStatus;
        supraRegional: boolean;
        themes: Array<Theme>;
        title: string;
        titleEn: string | null;
        updatedAt: string;
        visibility: Visibility;
      };
      organisation: {
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      };
    } | null;
    partnership: {
      __typename?: 'Partnership';
      active: boolean;
      confidence: Confidence;
      createdAt: string;
      id: string;
      kind: PartnershipKind;
      notes: string | null;
      since: string | null;
      source: string | null;
      themes: Array<Theme>;
      until: string | null;
      from: {
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      };
      to: {
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      };
    } | null;
  };
};

export type PartnershipGraphQueryVariables = Exact<{
  filter?: InputMaybe<GraphFilter>;
}>;

export type PartnershipGraphQuery = {
  __typename?: 'Query';
  partnershipGraph: {
    __typename?: 'Graph';
    asOf: string;
    edges: Array<{
      __typename?: 'GraphEdge';
      attributes: Record<string, unknown>;
      confidence: Confidence | null;
      data: Record<string, unknown>;
      id: string;
      key: string;
      kind: GraphEdgeKind;
      partnershipKind: PartnershipKind | null;
      provenance: string | null;
      sharedInitiatives: number;
      since: string | null;
      source: string;
      target: string;
      themes: Array<Theme>;
      undirected: boolean;
      until: string | null;
      weight: number;
    }>;
    nodes: Array<{
      __typename?: 'GraphNode';
      attributes: Record<string, unknown>;
      code: string;
      data: Record<string, unknown>;
      id: string;
      key: string;
      kind: OrganisationKind;
      label: string;
      provinces: Array<string>;
    }>;
  };
};

export type RecordActivityMutationMutationVariables = Exact<{
  input: RecordActivityInput;
}>;

export type RecordActivityMutationMutation = {
  __typename?: 'Mutation';
  recordActivity: {
    __typename?: 'Activity';
    createdAt: string;
    description: string | null;
    id: string;
    kind: ActivityKind;
    occurredOn: string;
    participantCount: number | null;
    source: string | null;
    themes: Array<Theme>;
    title: string;
    initiative: {
      __typename?: 'Initiative';
      code: string;
      confidence: Confidence;
      coreTasks: Array<CoreTask>;
      createdAt: string;
      description: string | null;
      endsOn: string | null;
      id: string;
      kind: InitiativeKind;
      markets: Array<string>;
      notes: string | null;
      pillars: Array<Pillar>;
      romCount: number;
      source: string | null;
      startsOn: string | null;
      status: InitiativeStatus;
      supraRegional: boolean;
      themes: Array<Theme>;
      title: string;
      titleEn: string | null;
      updatedAt: string;
      visibility: Visibility;
      externalLinks: Array<{ __typename?: 'ExternalLink'; label: string; url: string }>;
      funding: Array<{
        __typename?: 'FundingAllocation';
        amountEur: number | null;
        basis: FundingBasis;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: FundingKind;
        note: string | null;
        provenance: string | null;
        sourceLabel: string | null;
        status: FundingStatus;
        year: number | null;
      }>;
      lead: {
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      } | null;
      milestones: Array<{
        __typename?: 'Milestone';
        code: string | null;
        createdAt: string;
        dueOn: string | null;
        id: string;
        source: string | null;
        status: MilestoneStatus;
        title: string;
        updatedAt: string;
        version: number;
      }>;
      outputs: Array<{
        __typename?: 'Output';
        code: string | null;
        confidence: Confidence;
        createdAt: string;
        description: string | null;
        id: string;
        kind: OutputKind;
        publishedOn: string | null;
        source: string | null;
        title: string;
        url: string | null;
      }>;
      parent: {
        __typename?: 'Initiative';
        code: string;
        confidence: Confidence;
        coreTasks: Array<CoreTask>;
        createdAt: string;
        description: string | null;
        endsOn: string | null;
        id: string;
        kind: InitiativeKind;
        markets: Array<string>;
        notes: string | null;
        pillars: Array<Pillar>;
        romCount: number;
        source: string | null;
        startsOn: string | null;
        status: InitiativeStatus;
        supraRegional: boolean;
        themes: Array<Theme>;
        title: string;
        titleEn: string | null;
        updatedAt: string;
        visibility: Visibility;
      } | null;
    } | null;
    organisers: Array<{
      __typename?: 'Organisation';
      code: string;
      confidence: Confidence;
      createdAt: string;
      id: string;
      kind: OrganisationKind;
      name: string;
      nameEn: string | null;
      notes: string | null;
      provinces: Array<string>;
      shortName: string | null;
      source: string | null;
      updatedAt: string;
      website: string | null;
    }>;
    participants: Array<{
      __typename?: 'Organisation';
      code: string;
      confidence: Confidence;
      createdAt: string;
      id: string;
      kind: OrganisationKind;
      name: string;
      nameEn: string | null;
      notes: string | null;
      provinces: Array<string>;
      shortName: string | null;
      source: string | null;
      updatedAt: string;
      website: string | null;
    }>;
  };
};

export type RecordOutputMutationMutationVariables = Exact<{
  input: RecordOutputInput;
}>;

export type RecordOutputMutationMutation = {
  __typename?: 'Mutation';
  recordOutput: {
    __typename?: 'Output';
    code: string | null;
    confidence: Confidence;
    createdAt: string;
    description: string | null;
    id: string;
    kind: OutputKind;
    publishedOn: string | null;
    source: string | null;
    title: string;
    url: string | null;
    initiative: {
      __typename?: 'Initiative';
      code: string;
      confidence: Confidence;
      coreTasks: Array<CoreTask>;
      createdAt: string;
      description: string | null;
      endsOn: string | null;
      id: string;
      kind: InitiativeKind;
      markets: Array<string>;
      notes: string | null;
      pillars: Array<Pillar>;
      romCount: number;
      source: string | null;
      startsOn: string | null;
      status: InitiativeStatus;
      supraRegional: boolean;
      themes: Array<Theme>;
      title: string;
      titleEn: string | null;
      updatedAt: string;
      visibility: Visibility;
      externalLinks: Array<{ __typename?: 'ExternalLink'; label: string; url: string }>;
      funding: Array<{
        __typename?: 'FundingAllocation';
        amountEur: number | null;
        basis: FundingBasis;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: FundingKind;
        note: string | null;
        provenance: string | null;
        sourceLabel: string | null;
        status: FundingStatus;
        year: number | null;
      }>;
      lead: {
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      } | null;
      milestones: Array<{
        __typename?: 'Milestone';
        code: string | null;
        createdAt: string;
        dueOn: string | null;
        id: string;
        source: string | null;
        status: MilestoneStatus;
        title: string;
        updatedAt: string;
        version: number;
      }>;
      outputs: Array<{
        __typename?: 'Output';
        code: string | null;
        confidence: Confidence;
        createdAt: string;
        description: string | null;
        id: string;
        kind: OutputKind;
        publishedOn: string | null;
        source: string | null;
        title: string;
        url: string | null;
      }>;
      parent: {
        __typename?: 'Initiative';
        code: string;
        confidence: Confidence;
        coreTasks: Array<CoreTask>;
        createdAt: string;
        description: string | null;
        endsOn: string | null;
        id: string;
        kind: InitiativeKind;
        markets: Array<string>;
        notes: string | null;
        pillars: Array<Pillar>;
        romCount: number;
        source: string | null;
        startsOn: string | null;
        status: InitiativeStatus;
        supraRegional: boolean;
        themes: Array<Theme>;
        title: string;
        titleEn: string | null;
        updatedAt: string;
        visibility: Visibility;
      } | null;
    };
  };
};

export type RedeliverWebhookDeliveryMutationMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;

export type RedeliverWebhookDeliveryMutationMutation = {
  __typename?: 'Mutation';
  redeliverWebhookDelivery: {
    __typename?: 'WebhookDelivery';
    attempts: number;
    error: string | null;
    firstAttemptAt: string;
    id: string;
    lastAttemptAt: string | null;
    latencyMs: number | null;
    responseStatus: number | null;
    status: WebhookDeliveryStatus;
    event: {
      __typename?: 'Event';
      confidence: Confidence | null;
      cursor: string;
      id: string;
      occurredAt: string;
      payload: Record<string, unknown>;
      source: string | null;
      type: EventType;
      activity: {
        __typename?: 'Activity';
        createdAt: string;
        description: string | null;
        id: string;
        kind: ActivityKind;
        occurredOn: string;
        participantCount: number | null;
        source: string | null;
        themes: Array<Theme>;
        title: string;
      } | null;
      actor: {
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      } | null;
      fundingAllocation: {
        __typename?: 'FundingAllocation';
        amountEur: number | null;
        basis: FundingBasis;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: FundingKind;
        note: string | null;
        provenance: string | null;
        sourceLabel: string | null;
        status: FundingStatus;
        year: number | null;
      } | null;
      initiative: {
        __typename?: 'Initiative';
        code: string;
        confidence: Confidence;
        coreTasks: Array<CoreTask>;
        createdAt: string;
        description: string | null;
        endsOn: string | null;
        id: string;
        kind: InitiativeKind;
        markets: Array<string>;
        notes: string | null;
        pillars: Array<Pillar>;
        romCount: number;
        source: string | null;
        startsOn: string | null;
        status: InitiativeStatus;
        supraRegional: boolean;
        themes: Array<Theme>;
        title: string;
        titleEn: string | null;
        updatedAt: string;
        visibility: Visibility;
      } | null;
      milestone: {
        __typename?: 'Milestone';
        code: string | null;
        createdAt: string;
        dueOn: string | null;
        id: string;
        source: string | null;
        status: MilestoneStatus;
        title: string;
        updatedAt: string;
        version: number;
      } | null;
      organisation: {
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      } | null;
      output: {
        __typename?: 'Output';
        code: string | null;
        confidence: Confidence;
        createdAt: string;
        description: string | null;
        id: string;
        kind: OutputKind;
        publishedOn: string | null;
        source: string | null;
        title: string;
        url: string | null;
      } | null;
      participation: {
        __typename?: 'Participation';
        active: boolean;
        confidence: Confidence;
        createdAt: string;
        id: string;
        joinedOn: string | null;
        leftOn: string | null;
        notes: string | null;
        role: ParticipationRole;
        source: string | null;
        sourceRole: string | null;
      } | null;
      partnership: {
        __typename?: 'Partnership';
        active: boolean;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: PartnershipKind;
        notes: string | null;
        since: string | null;
        source: string | null;
        themes: Array<Theme>;
        until: string | null;
      } | null;
    } | null;
    webhook: {
      __typename?: 'Webhook';
      active: boolean;
      createdAt: string;
      disabledReason: string | null;
      eventTypes: Array<EventType>;
      id: string;
      updatedAt: string;
      url: string;
      organisation: {
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      };
    };
  };
};

export type RegionalConnectivityQueryVariables = Exact<{
  asOf?: InputMaybe<Scalars['Date']['input']>;
  theme?: InputMaybe<Theme>;
}>;

export type RegionalConnectivityQuery = {
  __typename?: 'Query';
  regionalConnectivity: {
    __typename?: 'RegionalConnectivity';
    asOf: string;
    attributionRule: string;
    provinces: Array<{
      __typename?: 'ProvinceConnectivity';
      betweenness: number | null;
      code: string;
      degree: number | null;
      initiatives: number;
      missingThemes: Array<Theme>;
      nameEn: string;
      nameNl: string;
      participants: number;
    }>;
    romsNeverLeading: Array<{
      __typename?: 'Organisation';
      code: string;
      confidence: Confidence;
      createdAt: string;
      id: string;
      kind: OrganisationKind;
      name: string;
      nameEn: string | null;
      notes: string | null;
      provinces: Array<string>;
      shortName: string | null;
      source: string | null;
      updatedAt: string;
      website: string | null;
    }>;
  };
};

export type RepeatPartnersQueryVariables = Exact<{
  fromYear?: InputMaybe<Scalars['Int']['input']>;
  kind?: InputMaybe<OrganisationKind>;
  theme?: InputMaybe<Theme>;
  toYear?: InputMaybe<Scalars['Int']['input']>;
}>;

export type RepeatPartnersQuery = {
  __typename?: 'Query';
  repeatPartners: Array<{
    __typename?: 'PartnerYears';
    lasting: boolean;
    sharedInitiatives: number;
    years: Array<number>;
    organisations: Array<{
      __typename?: 'Organisation';
      code: string;
      confidence: Confidence;
      createdAt: string;
      id: string;
      kind: OrganisationKind;
      name: string;
      nameEn: string | null;
      notes: string | null;
      provinces: Array<string>;
      shortName: string | null;
      source: string | null;
      updatedAt: string;
      website: string | null;
    }>;
  }>;
};

export type RevokeApiKeyMutationMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;

export type RevokeApiKeyMutationMutation = { __typename?: 'Mutation'; revokeApiKey: boolean };

export type RotateWebhookSecretMutationMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;

export type RotateWebhookSecretMutationMutation = {
  __typename?: 'Mutation';
  rotateWebhookSecret: {
    __typename?: 'CreatedWebhook';
    secret: string;
    webhook: {
      __typename?: 'Webhook';
      active: boolean;
      createdAt: string;
      disabledReason: string | null;
      eventTypes: Array<EventType>;
      id: string;
      updatedAt: string;
      url: string;
      organisation: {
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      };
    };
  };
};

export type ShortestPathQueryVariables = Exact<{
  asOf?: InputMaybe<Scalars['Date']['input']>;
  fromId: Scalars['ID']['input'];
  maxDepth?: InputMaybe<Scalars['Int']['input']>;
  toId: Scalars['ID']['input'];
}>;

export type ShortestPathQuery = {
  __typename?: 'Query';
  shortestPath: {
    __typename?: 'Path';
    asOf: string;
    length: number;
    edges: Array<{
      __typename?: 'GraphEdge';
      attributes: Record<string, unknown>;
      confidence: Confidence | null;
      data: Record<string, unknown>;
      id: string;
      key: string;
      kind: GraphEdgeKind;
      partnershipKind: PartnershipKind | null;
      provenance: string | null;
      sharedInitiatives: number;
      since: string | null;
      source: string;
      target: string;
      themes: Array<Theme>;
      undirected: boolean;
      until: string | null;
      weight: number;
    }>;
    organisations: Array<{
      __typename?: 'Organisation';
      code: string;
      confidence: Confidence;
      createdAt: string;
      id: string;
      kind: OrganisationKind;
      name: string;
      nameEn: string | null;
      notes: string | null;
      provinces: Array<string>;
      shortName: string | null;
      source: string | null;
      updatedAt: string;
      website: string | null;
    }>;
  } | null;
};

export type TaxonomyQueryVariables = Exact<{ [key: string]: never }>;

export type TaxonomyQuery = {
  __typename?: 'Query';
  taxonomy: {
    __typename?: 'Taxonomy';
    coreTasks: Array<{
      __typename?: 'CoreTaskInfo';
      code: CoreTask;
      descriptionEn: string | null;
      labelEn: string;
      labelNl: string;
    }>;
    pillars: Array<{
      __typename?: 'PillarInfo';
      code: Pillar;
      labelEn: string;
      labelNl: string;
      number: number;
    }>;
    themes: Array<{ __typename?: 'ThemeInfo'; code: Theme; labelEn: string; labelNl: string }>;
  };
};

export type UnfollowMutationMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;

export type UnfollowMutationMutation = { __typename?: 'Mutation'; unfollow: boolean };

export type UpdateInitiativeMutationMutationVariables = Exact<{
  input: UpdateInitiativeInput;
}>;

export type UpdateInitiativeMutationMutation = {
  __typename?: 'Mutation';
  updateInitiative: {
    __typename?: 'Initiative';
    code: string;
    confidence: Confidence;
    coreTasks: Array<CoreTask>;
    createdAt: string;
    description: string | null;
    endsOn: string | null;
    id: string;
    kind: InitiativeKind;
    markets: Array<string>;
    notes: string | null;
    pillars: Array<Pillar>;
    romCount: number;
    source: string | null;
    startsOn: string | null;
    status: InitiativeStatus;
    supraRegional: boolean;
    themes: Array<Theme>;
    title: string;
    titleEn: string | null;
    updatedAt: string;
    visibility: Visibility;
    externalLinks: Array<{ __typename?: 'ExternalLink'; label: string; url: string }>;
    funding: Array<{
      __typename?: 'FundingAllocation';
      amountEur: number | null;
      basis: FundingBasis;
      confidence: Confidence;
      createdAt: string;
      id: string;
      kind: FundingKind;
      note: string | null;
      provenance: string | null;
      sourceLabel: string | null;
      status: FundingStatus;
      year: number | null;
    }>;
    lead: {
      __typename?: 'Organisation';
      code: string;
      confidence: Confidence;
      createdAt: string;
      id: string;
      kind: OrganisationKind;
      name: string;
      nameEn: string | null;
      notes: string | null;
      provinces: Array<string>;
      shortName: string | null;
      source: string | null;
      updatedAt: string;
      website: string | null;
      externalLinks: Array<{ __typename?: 'ExternalLink'; label: string; url: string }>;
      partialCoverage: Array<{
        __typename?: 'PartialCoverage';
        area: string;
        province: string;
        source: string | null;
      }>;
    } | null;
    milestones: Array<{
      __typename?: 'Milestone';
      code: string | null;
      createdAt: string;
      dueOn: string | null;
      id: string;
      source: string | null;
      status: MilestoneStatus;
      title: string;
      updatedAt: string;
      version: number;
    }>;
    outputs: Array<{
      __typename?: 'Output';
      code: string | null;
      confidence: Confidence;
      createdAt: string;
      description: string | null;
      id: string;
      kind: OutputKind;
      publishedOn: string | null;
      source: string | null;
      title: string;
      url: string | null;
    }>;
    parent: {
      __typename?: 'Initiative';
      code: string;
      confidence: Confidence;
      coreTasks: Array<CoreTask>;
      createdAt: string;
      description: string | null;
      endsOn: string | null;
      id: string;
      kind: InitiativeKind;
      markets: Array<string>;
      notes: string | null;
      pillars: Array<Pillar>;
      romCount: number;
      source: string | null;
      startsOn: string | null;
      status: InitiativeStatus;
      supraRegional: boolean;
      themes: Array<Theme>;
      title: string;
      titleEn: string | null;
      updatedAt: string;
      visibility: Visibility;
      externalLinks: Array<{ __typename?: 'ExternalLink'; label: string; url: string }>;
      funding: Array<{
        __typename?: 'FundingAllocation';
        amountEur: number | null;
        basis: FundingBasis;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: FundingKind;
        note: string | null;
        provenance: string | null;
        sourceLabel: string | null;
        status: FundingStatus;
        year: number | null;
      }>;
      lead: {
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      } | null;
      milestones: Array<{
        __typename?: 'Milestone';
        code: string | null;
        createdAt: string;
        dueOn: string | null;
        id: string;
        source: string | null;
        status: MilestoneStatus;
        title: string;
        updatedAt: string;
        version: number;
      }>;
      outputs: Array<{
        __typename?: 'Output';
        code: string | null;
        confidence: Confidence;
        createdAt: string;
        description: string | null;
        id: string;
        kind: OutputKind;
        publishedOn: string | null;
        source: string | null;
        title: string;
        url: string | null;
      }>;
      parent: {
        __typename?: 'Initiative';
        code: string;
        confidence: Confidence;
        coreTasks: Array<CoreTask>;
        createdAt: string;
        description: string | null;
        endsOn: string | null;
        id: string;
        kind: InitiativeKind;
        markets: Array<string>;
        notes: string | null;
        pillars: Array<Pillar>;
        romCount: number;
        source: string | null;
        startsOn: string | null;
        status: InitiativeStatus;
        supraRegional: boolean;
        themes: Array<Theme>;
        title: string;
        titleEn: string | null;
        updatedAt: string;
        visibility: Visibility;
      } | null;
    } | null;
  };
};

export type UpdateMilestoneMutationMutationVariables = Exact<{
  input: UpdateMilestoneInput;
}>;

export type UpdateMilestoneMutationMutation = {
  __typename?: 'Mutation';
  updateMilestone: {
    __typename?: 'Milestone';
    code: string | null;
    createdAt: string;
    dueOn: string | null;
    id: string;
    source: string | null;
    status: MilestoneStatus;
    title: string;
    updatedAt: string;
    version: number;
    initiative: {
      __typename?: 'Initiative';
      code: string;
      confidence: Confidence;
      coreTasks: Array<CoreTask>;
      createdAt: string;
      description: string | null;
      endsOn: string | null;
      id: string;
      kind: InitiativeKind;
      markets: Array<string>;
      notes: string | null;
      pillars: Array<Pillar>;
      romCount: number;
      source: string | null;
      startsOn: string | null;
      status: InitiativeStatus;
      supraRegional: boolean;
      themes: Array<Theme>;
      title: string;
      titleEn: string | null;
      updatedAt: string;
      visibility: Visibility;
      externalLinks: Array<{ __typename?: 'ExternalLink'; label: string; url: string }>;
      funding: Array<{
        __typename?: 'FundingAllocation';
        amountEur: number | null;
        basis: FundingBasis;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: FundingKind;
        note: string | null;
        provenance: string | null;
        sourceLabel: string | null;
        status: FundingStatus;
        year: number | null;
      }>;
      lead: {
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      } | null;
      milestones: Array<{
        __typename?: 'Milestone';
        code: string | null;
        createdAt: string;
        dueOn: string | null;
        id: string;
        source: string | null;
        status: MilestoneStatus;
        title: string;
        updatedAt: string;
        version: number;
      }>;
      outputs: Array<{
        __typename?: 'Output';
        code: string | null;
        confidence: Confidence;
        createdAt: string;
        description: string | null;
        id: string;
        kind: OutputKind;
        publishedOn: string | null;
        source: string | null;
        title: string;
        url: string | null;
      }>;
      parent: {
        __typename?: 'Initiative';
        code: string;
        confidence: Confidence;
        coreTasks: Array<CoreTask>;
        createdAt: string;
        description: string | null;
        endsOn: string | null;
        id: string;
        kind: InitiativeKind;
        markets: Array<string>;
        notes: string | null;
        pillars: Array<Pillar>;
        romCount: number;
        source: string | null;
        startsOn: string | null;
        status: InitiativeStatus;
        supraRegional: boolean;
        themes: Array<Theme>;
        title: string;
        titleEn: string | null;
        updatedAt: string;
        visibility: Visibility;
      } | null;
    };
  };
};

export type UpdateOrganisationMutationMutationVariables = Exact<{
  input: UpdateOrganisationInput;
}>;

export type UpdateOrganisationMutationMutation = {
  __typename?: 'Mutation';
  updateOrganisation: {
    __typename?: 'Organisation';
    code: string;
    confidence: Confidence;
    createdAt: string;
    id: string;
    kind: OrganisationKind;
    name: string;
    nameEn: string | null;
    notes: string | null;
    provinces: Array<string>;
    shortName: string | null;
    source: string | null;
    updatedAt: string;
    website: string | null;
    externalLinks: Array<{ __typename?: 'ExternalLink'; label: string; url: string }>;
    partialCoverage: Array<{
      __typename?: 'PartialCoverage';
      area: string;
      province: string;
      source: string | null;
    }>;
  };
};

export type UpdateWebhookMutationMutationVariables = Exact<{
  input: UpdateWebhookInput;
}>;

export type UpdateWebhookMutationMutation = {
  __typename?: 'Mutation';
  updateWebhook: {
    __typename?: 'Webhook';
    active: boolean;
    createdAt: string;
    disabledReason: string | null;
    eventTypes: Array<EventType>;
    id: string;
    updatedAt: string;
    url: string;
    organisation: {
      __typename?: 'Organisation';
      code: string;
      confidence: Confidence;
      createdAt: string;
      id: string;
      kind: OrganisationKind;
      name: string;
      nameEn: string | null;
      notes: string | null;
      provinces: Array<string>;
      shortName: string | null;
      source: string | null;
      updatedAt: string;
      website: string | null;
      externalLinks: Array<{ __typename?: 'ExternalLink'; label: string; url: string }>;
      partialCoverage: Array<{
        __typename?: 'PartialCoverage';
        area: string;
        province: string;
        source: string | null;
      }>;
    };
  };
};

export type ViewerQueryVariables = Exact<{ [key: string]: never }>;

export type ViewerQuery = {
  __typename?: 'Query';
  viewer: {
    __typename?: 'Viewer';
    role: Role | null;
    unreadCount: number;
    follows: Array<{
      __typename?: 'Follow';
      createdAt: string;
      id: string;
      pillar: Pillar | null;
      theme: Theme | null;
    }>;
    organisation: {
      __typename?: 'Organisation';
      code: string;
      confidence: Confidence;
      createdAt: string;
      id: string;
      kind: OrganisationKind;
      name: string;
      nameEn: string | null;
      notes: string | null;
      provinces: Array<string>;
      shortName: string | null;
      source: string | null;
      updatedAt: string;
      website: string | null;
      externalLinks: Array<{ __typename?: 'ExternalLink'; label: string; url: string }>;
      partialCoverage: Array<{
        __typename?: 'PartialCoverage';
        area: string;
        province: string;
        source: string | null;
      }>;
    } | null;
    rateLimit: {
      __typename?: 'RateLimit';
      cost: number;
      limit: number;
      remaining: number;
      resetAt: string;
      used: number;
    } | null;
  };
};

export type WebhookDeliveriesQueryVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  webhookId: Scalars['ID']['input'];
}>;

export type WebhookDeliveriesQuery = {
  __typename?: 'Query';
  webhookDeliveries: {
    __typename?: 'WebhookDeliveryConnection';
    totalCount: number;
    pageInfo: { __typename?: 'PageInfo'; hasNextPage: boolean; endCursor: string | null };
    nodes: Array<{
      __typename?: 'WebhookDelivery';
      attempts: number;
      error: string | null;
      firstAttemptAt: string;
      id: string;
      lastAttemptAt: string | null;
      latencyMs: number | null;
      responseStatus: number | null;
      status: WebhookDeliveryStatus;
      event: {
        __typename?: 'Event';
        confidence: Confidence | null;
        cursor: string;
        id: string;
        occurredAt: string;
        payload: Record<string, unknown>;
        source: string | null;
        type: EventType;
      } | null;
      webhook: {
        __typename?: 'Webhook';
        active: boolean;
        createdAt: string;
        disabledReason: string | null;
        eventTypes: Array<EventType>;
        id: string;
        updatedAt: string;
        url: string;
      };
    }>;
  };
};

export type WebhooksQueryVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  organisationId: Scalars['ID']['input'];
}>;

export type WebhooksQuery = {
  __typename?: 'Query';
  webhooks: {
    __typename?: 'WebhookConnection';
    totalCount: number;
    pageInfo: { __typename?: 'PageInfo'; hasNextPage: boolean; endCursor: string | null };
    nodes: Array<{
      __typename?: 'Webhook';
      active: boolean;
      createdAt: string;
      disabledReason: string | null;
      eventTypes: Array<EventType>;
      id: string;
      updatedAt: string;
      url: string;
      organisation: {
        __typename?: 'Organisation';
        code: string;
        confidence: Confidence;
        createdAt: string;
        id: string;
        kind: OrganisationKind;
        name: string;
        nameEn: string | null;
        notes: string | null;
        provinces: Array<string>;
        shortName: string | null;
        source: string | null;
        updatedAt: string;
        website: string | null;
      };
    }>;
  };
};

export type DashboardPageQueryVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
}>;

export type DashboardPageQuery = {
  __typename?: 'Query';
  initiatives: {
    __typename?: 'InitiativeConnection';
    pageInfo: { __typename?: 'PageInfo'; hasNextPage: boolean; endCursor: string | null };
    nodes: Array<{
      __typename?: 'Initiative';
      code: string;
      title: string;
      status: InitiativeStatus;
      lead: { __typename?: 'Organisation'; name: string } | null;
      participants: {
        __typename?: 'ParticipationConnection';
        nodes: Array<{
          __typename?: 'Participation';
          role: ParticipationRole;
          organisation: { __typename?: 'Organisation'; code: string; name: string };
        }>;
      };
      milestones: Array<{
        __typename?: 'Milestone';
        title: string;
        status: MilestoneStatus;
        dueOn: string | null;
      }>;
    }>;
  };
};

export type EsmeeParticipantsQueryVariables = Exact<{ [key: string]: never }>;

export type EsmeeParticipantsQuery = {
  __typename?: 'Query';
  initiative: {
    __typename?: 'Initiative';
    title: string;
    startsOn: string | null;
    endsOn: string | null;
    participants: {
      __typename?: 'ParticipationConnection';
      totalCount: number;
      nodes: Array<{
        __typename?: 'Participation';
        role: ParticipationRole;
        confidence: Confidence;
        source: string | null;
        organisation: { __typename?: 'Organisation'; code: string; name: string; kind: OrganisationKind };
      }>;
    };
  } | null;
};

export type NeighbourhoodOfNomQueryVariables = Exact<{ [key: string]: never }>;

export type NeighbourhoodOfNomQuery = {
  __typename?: 'Query';
  neighbourhood: {
    __typename?: 'Graph';
    nodes: Array<{ __typename?: 'GraphNode'; code: string; kind: OrganisationKind }>;
    edges: Array<{
      __typename?: 'GraphEdge';
      kind: GraphEdgeKind;
      source: string;
      target: string;
      weight: number;
      partnershipKind: PartnershipKind | null;
    }>;
  };
};

export type PathNomToKnawQueryVariables = Exact<{ [key: string]: never }>;

export type PathNomToKnawQuery = {
  __typename?: 'Query';
  shortestPath: {
    __typename?: 'Path';
    length: number;
    organisations: Array<{ __typename?: 'Organisation'; code: string }>;
    edges: Array<{
      __typename?: 'GraphEdge';
      kind: GraphEdgeKind;
      partnershipKind: PartnershipKind | null;
      initiatives: Array<{ __typename?: 'Initiative'; code: string }>;
    }>;
  } | null;
};

export type Q01RomCollaborationByThemeQueryVariables = Exact<{
  theme?: InputMaybe<Theme>;
}>;

export type Q01RomCollaborationByThemeQuery = {
  __typename?: 'Query';
  collaborationMatrix: {
    __typename?: 'CollaborationMatrix';
    asOf: string;
    counts: Array<Array<number>>;
    organisations: Array<{ __typename?: 'Organisation'; code: string; name: string }>;
  };
};

export type Q02SupraRegionalAndSingleRomQueryVariables = Exact<{ [key: string]: never }>;

export type Q02SupraRegionalAndSingleRomQuery = {
  __typename?: 'Query';
  supraRegional: {
    __typename?: 'InitiativeConnection';
    totalCount: number;
    nodes: Array<{
      __typename?: 'Initiative';
      code: string;
      title: string;
      romCount: number;
      lead: { __typename?: 'Organisation'; code: string } | null;
    }>;
  };
  singleRom: {
    __typename?: 'InitiativeConnection';
    totalCount: number;
    nodes: Array<{
      __typename?: 'Initiative';
      code: string;
      title: string;
      themes: Array<Theme>;
      lead: { __typename?: 'Organisation'; code: string } | null;
    }>;
  };
};

export type Q03UnderConnectedRegionsQueryVariables = Exact<{ [key: string]: never }>;

export type Q03UnderConnectedRegionsQuery = {
  __typename?: 'Query';
  regionalConnectivity: {
    __typename?: 'RegionalConnectivity';
    asOf: string;
    attributionRule: string;
    provinces: Array<{
      __typename?: 'ProvinceConnectivity';
      code: string;
      nameEn: string;
      degree: number | null;
      betweenness: number | null;
      initiatives: number;
      missingThemes: Array<Theme>;
      roms: Array<{
        __typename?: 'ProvinceRom';
        coverage: Coverage;
        area: string | null;
        provincesCovered: number;
        degree: number | null;
        betweenness: number | null;
        initiativesLed: number;
        organisation: { __typename?: 'Organisation'; code: string };
      }>;
    }>;
    romsNeverLeading: Array<{ __typename?: 'Organisation'; code: string }>;
  };
};

export type Q04KnowledgeLinksQueryVariables = Exact<{ [key: string]: never }>;

export type Q04KnowledgeLinksQuery = {
  __typename?: 'Query';
  knowledgeLinks: Array<{
    __typename?: 'KnowledgeLink';
    direct: boolean;
    organisation: { __typename?: 'Organisation'; code: string };
    partner: { __typename?: 'Organisation'; code: string; kind: OrganisationKind };
    initiatives: Array<{ __typename?: 'Initiative'; code: string }>;
  }>;
};

export type Q05RepeatPartnersQueryVariables = Exact<{
  fromYear: Scalars['Int']['input'];
  toYear: Scalars['Int']['input'];
}>;

export type Q05RepeatPartnersQuery = {
  __typename?: 'Query';
  repeatPartners: Array<{
    __typename?: 'PartnerYears';
    years: Array<number>;
    sharedInitiatives: number;
    lasting: boolean;
    organisations: Array<{ __typename?: 'Organisation'; code: string }>;
  }>;
};

export type Q06FundingQueryVariables = Exact<{ [key: string]: never }>;

export type Q06FundingQuery = {
  __typename?: 'Query';
  networkSummary: {
    __typename?: 'NetworkSummary';
    funding: {
      __typename?: 'FundingSummary';
      allocations: number;
      totalEur: number | null;
      byTheme: Array<{
        __typename?: 'FundingTotal';
        key: string;
        allocations: number;
        amountEur: number | null;
      }>;
      byPillar: Array<{
        __typename?: 'FundingTotal';
        key: string;
        allocations: number;
        amountEur: number | null;
      }>;
      byYear: Array<{
        __typename?: 'FundingTotal';
        key: string;
        allocations: number;
        amountEur: number | null;
      }>;
      bySource: Array<{
        __typename?: 'FundingTotal';
        key: string;
        allocations: number;
        amountEur: number | null;
      }>;
      byKind: Array<{
        __typename?: 'FundingTotal';
        key: string;
        allocations: number;
        amountEur: number | null;
      }>;
      byStatus: Array<{
        __typename?: 'FundingTotal';
        key: string;
        allocations: number;
        amountEur: number | null;
      }>;
    };
  };
};

export type Q07LeverageQueryVariables = Exact<{ [key: string]: never }>;

export type Q07LeverageQuery = {
  __typename?: 'Query';
  networkSummary: {
    __typename?: 'NetworkSummary';
    funding: {
      __typename?: 'FundingSummary';
      leverage: {
        __typename?: 'FundingLeverage';
        budgetEur: number | null;
        leveredEur: number | null;
        perEuro: number | null;
        initiatives: Array<{
          __typename?: 'InitiativeLeverage';
          code: string;
          budgetEur: number | null;
          leveredEur: number | null;
          perEuro: number | null;
        }>;
      };
    };
  };
};

export type Q08MilestonesQueryVariables = Exact<{
  dueWithinDays: Scalars['Int']['input'];
  lastVisit?: InputMaybe<Scalars['String']['input']>;
}>;

export type Q08MilestonesQuery = {
  __typename?: 'Query';
  networkSummary: {
    __typename?: 'NetworkSummary';
    today: string;
    milestones: {
      __typename?: 'MilestoneSummary';
      total: number;
      dueSoon: number;
      overdue: number;
      dueWithinDays: number;
      byStatus: Array<{ __typename?: 'KeyCount'; key: string; count: number }>;
    };
  };
  changedSinceLastVisit: {
    __typename?: 'EventConnection';
    nodes: Array<{
      __typename?: 'Event';
      cursor: string;
      occurredAt: string;
      payload: Record<string, unknown>;
      milestone: {
        __typename?: 'Milestone';
        title: string;
        status: MilestoneStatus;
        dueOn: string | null;
        initiative: { __typename?: 'Initiative'; code: string };
      } | null;
    }>;
  };
};

export type Q09StalledQueryVariables = Exact<{
  months: Scalars['Int']['input'];
}>;

export type Q09StalledQuery = {
  __typename?: 'Query';
  networkSummary: {
    __typename?: 'NetworkSummary';
    stalled: number;
    stalledAfterMonths: number;
    stalledInitiatives: Array<{
      __typename?: 'Initiative';
      code: string;
      title: string;
      status: InitiativeStatus;
      lead: { __typename?: 'Organisation'; code: string } | null;
    }>;
  };
};

export type Q10EvaluationBaselineQueryVariables = Exact<{
  years: Array<Scalars['Int']['input']> | Scalars['Int']['input'];
}>;

export type Q10EvaluationBaselineQuery = {
  __typename?: 'Query';
  evaluationIndicators: Array<{
    __typename?: 'YearIndicators';
    year: number;
    jointInitiatives: number;
    initiativesWithRoms: number;
    meanRomsPerInitiative: number | null;
    medianRomsPerInitiative: number | null;
    learningActivities: number;
    learningParticipants: number;
    competenceActivities: number;
    competenceParticipants: number;
    outputs: number;
    byPillar: Array<{
      __typename?: 'PillarIndicators';
      pillar: Pillar;
      jointInitiatives: number;
      learningActivities: number;
      competenceActivities: number;
      outputs: number;
    }>;
  }>;
};

export type Q11OutputsAndAuditTrailQueryVariables = Exact<{
  initiative: Scalars['String']['input'];
}>;

export type Q11OutputsAndAuditTrailQuery = {
  __typename?: 'Query';
  outputs: {
    __typename?: 'OutputConnection';
    totalCount: number;
    nodes: Array<{
      __typename?: 'Output';
      kind: OutputKind;
      title: string;
      url: string | null;
      publishedOn: string | null;
      source: string | null;
      confidence: Confidence;
      initiative: { __typename?: 'Initiative'; code: string };
    }>;
  };
  initiative: {
    __typename?: 'Initiative';
    code: string;
    auditTrail: {
      __typename?: 'EventConnection';
      nodes: Array<{
        __typename?: 'Event';
        type: EventType;
        occurredAt: string;
        payload: Record<string, unknown>;
        source: string | null;
        confidence: Confidence | null;
        actor: { __typename?: 'Organisation'; code: string } | null;
      }>;
    };
  } | null;
};

export type Q12EsmeeEcosystemsQueryVariables = Exact<{ [key: string]: never }>;

export type Q12EsmeeEcosystemsQuery = {
  __typename?: 'Query';
  esmee: {
    __typename?: 'Initiative';
    code: string;
    themes: Array<Theme>;
    externalLinks: Array<{ __typename?: 'ExternalLink'; label: string; url: string }>;
    outputs: Array<{ __typename?: 'Output'; kind: OutputKind; title: string; url: string | null }>;
  } | null;
  ecosystems: {
    __typename?: 'InitiativeConnection';
    totalCount: number;
    nodes: Array<{
      __typename?: 'Initiative';
      code: string;
      themes: Array<Theme>;
      externalLinks: Array<{ __typename?: 'ExternalLink'; label: string; url: string }>;
      participants: {
        __typename?: 'ParticipationConnection';
        nodes: Array<{
          __typename?: 'Participation';
          organisation: {
            __typename?: 'Organisation';
            code: string;
            kind: OrganisationKind;
            provinces: Array<string>;
          };
        }>;
      };
    }>;
  };
};

export type Q13MarketsQueryVariables = Exact<{ [key: string]: never }>;

export type Q13MarketsQuery = {
  __typename?: 'Query';
  markets: Array<{
    __typename?: 'Market';
    code: string;
    nameEn: string;
    initiatives: Array<{ __typename?: 'Initiative'; code: string; status: InitiativeStatus }>;
    leads: Array<{ __typename?: 'Organisation'; code: string }>;
    participants: Array<{ __typename?: 'Organisation'; code: string }>;
    notYetIn: Array<{ __typename?: 'Organisation'; code: string }>;
  }>;
  missions: {
    __typename?: 'InitiativeConnection';
    nodes: Array<{
      __typename?: 'Initiative';
      code: string;
      kind: InitiativeKind;
      markets: Array<string>;
      romCount: number;
      lead: { __typename?: 'Organisation'; code: string } | null;
    }>;
  };
};

export type RecentEventsQueryVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
}>;

export type RecentEventsQuery = {
  __typename?: 'Query';
  events: {
    __typename?: 'EventConnection';
    pageInfo: { __typename?: 'PageInfo'; endCursor: string | null; hasNextPage: boolean };
    nodes: Array<{
      __typename?: 'Event';
      cursor: string;
      type: EventType;
      occurredAt: string;
      initiative: { __typename?: 'Initiative'; code: string } | null;
      organisation: { __typename?: 'Organisation'; code: string } | null;
      milestone: { __typename?: 'Milestone'; title: string; status: MilestoneStatus } | null;
    }>;
  };
};

export type RomMatrixQueryVariables = Exact<{ [key: string]: never }>;

export type RomMatrixQuery = {
  __typename?: 'Query';
  collaborationMatrix: {
    __typename?: 'CollaborationMatrix';
    counts: Array<Array<number>>;
    organisations: Array<{ __typename?: 'Organisation'; code: string }>;
  };
};

export type RomMetricsQueryVariables = Exact<{ [key: string]: never }>;

export type RomMetricsQuery = {
  __typename?: 'Query';
  networkMetrics: Array<{
    __typename?: 'OrganisationMetrics';
    degree: number;
    weightedDegree: number;
    betweenness: number;
    closeness: number;
    community: number;
    bridge: boolean;
    computedAt: string;
    organisation: { __typename?: 'Organisation'; code: string };
  }>;
};

export type RomNetworkQueryVariables = Exact<{ [key: string]: never }>;

export type RomNetworkQuery = {
  __typename?: 'Query';
  partnershipGraph: {
    __typename?: 'Graph';
    asOf: string;
    nodes: Array<{ __typename?: 'GraphNode'; key: string; attributes: Record<string, unknown> }>;
    edges: Array<{
      __typename?: 'GraphEdge';
      key: string;
      source: string;
      target: string;
      weight: number;
      themes: Array<Theme>;
    }>;
  };
};

export type RomsOfProvinceQueryVariables = Exact<{
  province?: Scalars['String']['input'];
}>;

export type RomsOfProvinceQuery = {
  __typename?: 'Query';
  organisations: {
    __typename?: 'OrganisationConnection';
    nodes: Array<{
      __typename?: 'Organisation';
      code: string;
      name: string;
      provinces: Array<string>;
      website: string | null;
    }>;
  };
};

export type SupraRegionalInitiativesQueryVariables = Exact<{ [key: string]: never }>;

export type SupraRegionalInitiativesQuery = {
  __typename?: 'Query';
  initiatives: {
    __typename?: 'InitiativeConnection';
    totalCount: number;
    nodes: Array<{
      __typename?: 'Initiative';
      code: string;
      title: string;
      status: InitiativeStatus;
      themes: Array<Theme>;
      romCount: number;
      lead: { __typename?: 'Organisation'; code: string; name: string } | null;
    }>;
  };
};

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const FeedEventsDocument = new TypedDocumentString(`
    subscription FeedEvents($after: String, $filter: EventFilter) {
  events(after: $after, filter: $filter) {
    cursor
    id
    type
    occurredAt
    payload
    source
    confidence
    actor {
      id
      code
    }
    organisation {
      id
      code
    }
    initiative {
      id
      code
      title
    }
    milestone {
      id
      title
      status
      dueOn
      version
    }
    participation {
      id
      role
    }
  }
}
    `) as unknown as TypedDocumentString<FeedEventsSubscription, FeedEventsSubscriptionVariables>;
export const FeedNotificationsDocument = new TypedDocumentString(`
    subscription FeedNotifications($after: String) {
  notifications(after: $after) {
    cursor
    id
    reason
    readAt
    event {
      id
      type
      occurredAt
      payload
      actor {
        id
        code
      }
      organisation {
        id
        code
      }
      initiative {
        id
        code
        title
      }
      milestone {
        id
        title
        status
        dueOn
      }
    }
  }
}
    `) as unknown as TypedDocumentString<
  FeedNotificationsSubscription,
  FeedNotificationsSubscriptionVariables
>;
export const AddMilestoneMutationDocument = new TypedDocumentString(`
    mutation AddMilestoneMutation($input: AddMilestoneInput!) {
  addMilestone(input: $input) {
    code
    createdAt
    dueOn
    id
    source
    status
    title
    updatedAt
    version
    initiative {
      code
      confidence
      coreTasks
      createdAt
      description
      endsOn
      id
      kind
      markets
      notes
      pillars
      romCount
      source
      startsOn
      status
      supraRegional
      themes
      title
      titleEn
      updatedAt
      visibility
      externalLinks {
        label
        url
      }
      funding {
        amountEur
        basis
        confidence
        createdAt
        id
        kind
        note
        provenance
        sourceLabel
        status
        year
      }
      lead {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
      milestones {
        code
        createdAt
        dueOn
        id
        source
        status
        title
        updatedAt
        version
      }
      outputs {
        code
        confidence
        createdAt
        description
        id
        kind
        publishedOn
        source
        title
        url
      }
      parent {
        code
        confidence
        coreTasks
        createdAt
        description
        endsOn
        id
        kind
        markets
        notes
        pillars
        romCount
        source
        startsOn
        status
        supraRegional
        themes
        title
        titleEn
        updatedAt
        visibility
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AddMilestoneMutationMutation, AddMilestoneMutationMutationVariables>;
export const AllocateFundingMutationDocument = new TypedDocumentString(`
    mutation AllocateFundingMutation($input: AllocateFundingInput!) {
  allocateFunding(input: $input) {
    amountEur
    basis
    confidence
    createdAt
    id
    kind
    note
    provenance
    sourceLabel
    status
    year
    initiative {
      code
      confidence
      coreTasks
      createdAt
      description
      endsOn
      id
      kind
      markets
      notes
      pillars
      romCount
      source
      startsOn
      status
      supraRegional
      themes
      title
      titleEn
      updatedAt
      visibility
      externalLinks {
        label
        url
      }
      funding {
        amountEur
        basis
        confidence
        createdAt
        id
        kind
        note
        provenance
        sourceLabel
        status
        year
      }
      lead {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
      milestones {
        code
        createdAt
        dueOn
        id
        source
        status
        title
        updatedAt
        version
      }
      outputs {
        code
        confidence
        createdAt
        description
        id
        kind
        publishedOn
        source
        title
        url
      }
      parent {
        code
        confidence
        coreTasks
        createdAt
        description
        endsOn
        id
        kind
        markets
        notes
        pillars
        romCount
        source
        startsOn
        status
        supraRegional
        themes
        title
        titleEn
        updatedAt
        visibility
      }
    }
    source {
      code
      confidence
      createdAt
      id
      kind
      name
      nameEn
      notes
      provinces
      shortName
      source
      updatedAt
      website
      externalLinks {
        label
        url
      }
      partialCoverage {
        area
        province
        source
      }
    }
  }
}
    `) as unknown as TypedDocumentString<
  AllocateFundingMutationMutation,
  AllocateFundingMutationMutationVariables
>;
export const ApiKeysDocument = new TypedDocumentString(`
    query ApiKeys($after: String, $first: Int, $organisationId: ID!) {
  apiKeys(after: $after, first: $first, organisationId: $organisationId) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      createdAt
      expiresAt
      id
      lastUsedAt
      name
      prefix
      revokedAt
      scope
      trustedDocumentsOnly
      organisation {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ApiKeysQuery, ApiKeysQueryVariables>;
export const AuditTrailDocument = new TypedDocumentString(`
    query AuditTrail($after: String, $first: Int, $initiativeId: ID!) {
  auditTrail(after: $after, first: $first, initiativeId: $initiativeId) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      confidence
      cursor
      id
      occurredAt
      payload
      source
      type
      activity {
        createdAt
        description
        id
        kind
        occurredOn
        participantCount
        source
        themes
        title
      }
      actor {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
      fundingAllocation {
        amountEur
        basis
        confidence
        createdAt
        id
        kind
        note
        provenance
        sourceLabel
        status
        year
      }
      initiative {
        code
        confidence
        coreTasks
        createdAt
        description
        endsOn
        id
        kind
        markets
        notes
        pillars
        romCount
        source
        startsOn
        status
        supraRegional
        themes
        title
        titleEn
        updatedAt
        visibility
      }
      milestone {
        code
        createdAt
        dueOn
        id
        source
        status
        title
        updatedAt
        version
      }
      organisation {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
      output {
        code
        confidence
        createdAt
        description
        id
        kind
        publishedOn
        source
        title
        url
      }
      participation {
        active
        confidence
        createdAt
        id
        joinedOn
        leftOn
        notes
        role
        source
        sourceRole
      }
      partnership {
        active
        confidence
        createdAt
        id
        kind
        notes
        since
        source
        themes
        until
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AuditTrailQuery, AuditTrailQueryVariables>;
export const CollaborationMatrixDocument = new TypedDocumentString(`
    query CollaborationMatrix($asOf: Date, $kind: OrganisationKind, $theme: Theme) {
  collaborationMatrix(asOf: $asOf, kind: $kind, theme: $theme) {
    asOf
    counts
    organisations {
      code
      confidence
      createdAt
      id
      kind
      name
      nameEn
      notes
      provinces
      shortName
      source
      updatedAt
      website
    }
  }
}
    `) as unknown as TypedDocumentString<CollaborationMatrixQuery, CollaborationMatrixQueryVariables>;
export const CreateApiKeyMutationDocument = new TypedDocumentString(`
    mutation CreateApiKeyMutation($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    key
    apiKey {
      createdAt
      expiresAt
      id
      lastUsedAt
      name
      prefix
      revokedAt
      scope
      trustedDocumentsOnly
      organisation {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CreateApiKeyMutationMutation, CreateApiKeyMutationMutationVariables>;
export const CreateInitiativeMutationDocument = new TypedDocumentString(`
    mutation CreateInitiativeMutation($input: CreateInitiativeInput!) {
  createInitiative(input: $input) {
    code
    confidence
    coreTasks
    createdAt
    description
    endsOn
    id
    kind
    markets
    notes
    pillars
    romCount
    source
    startsOn
    status
    supraRegional
    themes
    title
    titleEn
    updatedAt
    visibility
    externalLinks {
      label
      url
    }
    funding {
      amountEur
      basis
      confidence
      createdAt
      id
      kind
      note
      provenance
      sourceLabel
      status
      year
    }
    lead {
      code
      confidence
      createdAt
      id
      kind
      name
      nameEn
      notes
      provinces
      shortName
      source
      updatedAt
      website
      externalLinks {
        label
        url
      }
      partialCoverage {
        area
        province
        source
      }
    }
    milestones {
      code
      createdAt
      dueOn
      id
      source
      status
      title
      updatedAt
      version
    }
    outputs {
      code
      confidence
      createdAt
      description
      id
      kind
      publishedOn
      source
      title
      url
    }
    parent {
      code
      confidence
      coreTasks
      createdAt
      description
      endsOn
      id
      kind
      markets
      notes
      pillars
      romCount
      source
      startsOn
      status
      supraRegional
      themes
      title
      titleEn
      updatedAt
      visibility
      externalLinks {
        label
        url
      }
      funding {
        amountEur
        basis
        confidence
        createdAt
        id
        kind
        note
        provenance
        sourceLabel
        status
        year
      }
      lead {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
      milestones {
        code
        createdAt
        dueOn
        id
        source
        status
        title
        updatedAt
        version
      }
      outputs {
        code
        confidence
        createdAt
        description
        id
        kind
        publishedOn
        source
        title
        url
      }
      parent {
        code
        confidence
        coreTasks
        createdAt
        description
        endsOn
        id
        kind
        markets
        notes
        pillars
        romCount
        source
        startsOn
        status
        supraRegional
        themes
        title
        titleEn
        updatedAt
        visibility
      }
    }
  }
}
    `) as unknown as TypedDocumentString<
  CreateInitiativeMutationMutation,
  CreateInitiativeMutationMutationVariables
>;
export const CreateOrganisationMutationDocument = new TypedDocumentString(`
    mutation CreateOrganisationMutation($input: CreateOrganisationInput!) {
  createOrganisation(input: $input) {
    code
    confidence
    createdAt
    id
    kind
    name
    nameEn
    notes
    provinces
    shortName
    source
    updatedAt
    website
    externalLinks {
      label
      url
    }
    partialCoverage {
      area
      province
      source
    }
  }
}
    `) as unknown as TypedDocumentString<
  CreateOrganisationMutationMutation,
  CreateOrganisationMutationMutationVariables
>;
export const CreatePartnershipMutationDocument = new TypedDocumentString(`
    mutation CreatePartnershipMutation($input: CreatePartnershipInput!) {
  createPartnership(input: $input) {
    active
    confidence
    createdAt
    id
    kind
    notes
    since
    source
    themes
    until
    from {
      code
      confidence
      createdAt
      id
      kind
      name
      nameEn
      notes
      provinces
      shortName
      source
      updatedAt
      website
      externalLinks {
        label
        url
      }
      partialCoverage {
        area
        province
        source
      }
    }
    to {
      code
      confidence
      createdAt
      id
      kind
      name
      nameEn
      notes
      provinces
      shortName
      source
      updatedAt
      website
      externalLinks {
        label
        url
      }
      partialCoverage {
        area
        province
        source
      }
    }
  }
}
    `) as unknown as TypedDocumentString<
  CreatePartnershipMutationMutation,
  CreatePartnershipMutationMutationVariables
>;
export const CreateWebhookMutationDocument = new TypedDocumentString(`
    mutation CreateWebhookMutation($input: CreateWebhookInput!) {
  createWebhook(input: $input) {
    secret
    webhook {
      active
      createdAt
      disabledReason
      eventTypes
      id
      updatedAt
      url
      organisation {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
    }
  }
}
    `) as unknown as TypedDocumentString<
  CreateWebhookMutationMutation,
  CreateWebhookMutationMutationVariables
>;
export const DeleteWebhookMutationDocument = new TypedDocumentString(`
    mutation DeleteWebhookMutation($id: ID!) {
  deleteWebhook(id: $id)
}
    `) as unknown as TypedDocumentString<
  DeleteWebhookMutationMutation,
  DeleteWebhookMutationMutationVariables
>;
export const EndPartnershipMutationDocument = new TypedDocumentString(`
    mutation EndPartnershipMutation($input: EndPartnershipInput!) {
  endPartnership(input: $input) {
    active
    confidence
    createdAt
    id
    kind
    notes
    since
    source
    themes
    until
    from {
      code
      confidence
      createdAt
      id
      kind
      name
      nameEn
      notes
      provinces
      shortName
      source
      updatedAt
      website
      externalLinks {
        label
        url
      }
      partialCoverage {
        area
        province
        source
      }
    }
    to {
      code
      confidence
      createdAt
      id
      kind
      name
      nameEn
      notes
      provinces
      shortName
      source
      updatedAt
      website
      externalLinks {
        label
        url
      }
      partialCoverage {
        area
        province
        source
      }
    }
  }
}
    `) as unknown as TypedDocumentString<
  EndPartnershipMutationMutation,
  EndPartnershipMutationMutationVariables
>;
export const EvaluationIndicatorsDocument = new TypedDocumentString(`
    query EvaluationIndicators($years: [Int!]!) {
  evaluationIndicators(years: $years) {
    competenceActivities
    competenceParticipants
    initiativesWithRoms
    jointInitiatives
    learningActivities
    learningParticipants
    meanRomsPerInitiative
    medianRomsPerInitiative
    outputs
    year
    byPillar {
      competenceActivities
      competenceParticipants
      initiativesWithRoms
      jointInitiatives
      learningActivities
      learningParticipants
      meanRomsPerInitiative
      medianRomsPerInitiative
      outputs
      pillar
    }
  }
}
    `) as unknown as TypedDocumentString<EvaluationIndicatorsQuery, EvaluationIndicatorsQueryVariables>;
export const EventsDocument = new TypedDocumentString(`
    query Events($after: String, $filter: EventFilter, $first: Int) {
  events(after: $after, filter: $filter, first: $first) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      confidence
      cursor
      id
      occurredAt
      payload
      source
      type
      activity {
        createdAt
        description
        id
        kind
        occurredOn
        participantCount
        source
        themes
        title
      }
      actor {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
      fundingAllocation {
        amountEur
        basis
        confidence
        createdAt
        id
        kind
        note
        provenance
        sourceLabel
        status
        year
      }
      initiative {
        code
        confidence
        coreTasks
        createdAt
        description
        endsOn
        id
        kind
        markets
        notes
        pillars
        romCount
        source
        startsOn
        status
        supraRegional
        themes
        title
        titleEn
        updatedAt
        visibility
      }
      milestone {
        code
        createdAt
        dueOn
        id
        source
        status
        title
        updatedAt
        version
      }
      organisation {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
      output {
        code
        confidence
        createdAt
        description
        id
        kind
        publishedOn
        source
        title
        url
      }
      participation {
        active
        confidence
        createdAt
        id
        joinedOn
        leftOn
        notes
        role
        source
        sourceRole
      }
      partnership {
        active
        confidence
        createdAt
        id
        kind
        notes
        since
        source
        themes
        until
      }
    }
  }
}
    `) as unknown as TypedDocumentString<EventsQuery, EventsQueryVariables>;
export const EventsSubscriptionDocument = new TypedDocumentString(`
    subscription EventsSubscription($after: String, $filter: EventFilter) {
  events(after: $after, filter: $filter) {
    confidence
    cursor
    id
    occurredAt
    payload
    source
    type
    activity {
      createdAt
      description
      id
      kind
      occurredOn
      participantCount
      source
      themes
      title
      initiative {
        code
        confidence
        coreTasks
        createdAt
        description
        endsOn
        id
        kind
        markets
        notes
        pillars
        romCount
        source
        startsOn
        status
        supraRegional
        themes
        title
        titleEn
        updatedAt
        visibility
      }
      organisers {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
      participants {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
    }
    actor {
      code
      confidence
      createdAt
      id
      kind
      name
      nameEn
      notes
      provinces
      shortName
      source
      updatedAt
      website
      externalLinks {
        label
        url
      }
      partialCoverage {
        area
        province
        source
      }
    }
    fundingAllocation {
      amountEur
      basis
      confidence
      createdAt
      id
      kind
      note
      provenance
      sourceLabel
      status
      year
      initiative {
        code
        confidence
        coreTasks
        createdAt
        description
        endsOn
        id
        kind
        markets
        notes
        pillars
        romCount
        source
        startsOn
        status
        supraRegional
        themes
        title
        titleEn
        updatedAt
        visibility
      }
      source {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
    }
    initiative {
      code
      confidence
      coreTasks
      createdAt
      description
      endsOn
      id
      kind
      markets
      notes
      pillars
      romCount
      source
      startsOn
      status
      supraRegional
      themes
      title
      titleEn
      updatedAt
      visibility
      externalLinks {
        label
        url
      }
      funding {
        amountEur
        basis
        confidence
        createdAt
        id
        kind
        note
        provenance
        sourceLabel
        status
        year
      }
      lead {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
      milestones {
        code
        createdAt
        dueOn
        id
        source
        status
        title
        updatedAt
        version
      }
      outputs {
        code
        confidence
        createdAt
        description
        id
        kind
        publishedOn
        source
        title
        url
      }
      parent {
        code
        confidence
        coreTasks
        createdAt
        description
        endsOn
        id
        kind
        markets
        notes
        pillars
        romCount
        source
        startsOn
        status
        supraRegional
        themes
        title
        titleEn
        updatedAt
        visibility
      }
    }
    milestone {
      code
      createdAt
      dueOn
      id
      source
      status
      title
      updatedAt
      version
      initiative {
        code
        confidence
        coreTasks
        createdAt
        description
        endsOn
        id
        kind
        markets
        notes
        pillars
        romCount
        source
        startsOn
        status
        supraRegional
        themes
        title
        titleEn
        updatedAt
        visibility
      }
    }
    organisation {
      code
      confidence
      createdAt
      id
      kind
      name
      nameEn
      notes
      provinces
      shortName
      source
      updatedAt
      website
      externalLinks {
        label
        url
      }
      partialCoverage {
        area
        province
        source
      }
    }
    output {
      code
      confidence
      createdAt
      description
      id
      kind
      publishedOn
      source
      title
      url
      initiative {
        code
        confidence
        coreTasks
        createdAt
        description
        endsOn
        id
        kind
        markets
        notes
        pillars
        romCount
        source
        startsOn
        status
        supraRegional
        themes
        title
        titleEn
        updatedAt
        visibility
      }
    }
    participation {
      active
      confidence
      createdAt
      id
      joinedOn
      leftOn
      notes
      role
      source
      sourceRole
      initiative {
        code
        confidence
        coreTasks
        createdAt
        description
        endsOn
        id
        kind
        markets
        notes
        pillars
        romCount
        source
        startsOn
        status
        supraRegional
        themes
        title
        titleEn
        updatedAt
        visibility
      }
      organisation {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
    }
    partnership {
      active
      confidence
      createdAt
      id
      kind
      notes
      since
      source
      themes
      until
      from {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
      to {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
    }
  }
}
    `) as unknown as TypedDocumentString<
  EventsSubscriptionSubscription,
  EventsSubscriptionSubscriptionVariables
>;
export const FollowMutationDocument = new TypedDocumentString(`
    mutation FollowMutation($input: FollowInput!) {
  follow(input: $input) {
    createdAt
    id
    pillar
    theme
    initiative {
      code
      confidence
      coreTasks
      createdAt
      description
      endsOn
      id
      kind
      markets
      notes
      pillars
      romCount
      source
      startsOn
      status
      supraRegional
      themes
      title
      titleEn
      updatedAt
      visibility
      externalLinks {
        label
        url
      }
      funding {
        amountEur
        basis
        confidence
        createdAt
        id
        kind
        note
        provenance
        sourceLabel
        status
        year
      }
      lead {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
      milestones {
        code
        createdAt
        dueOn
        id
        source
        status
        title
        updatedAt
        version
      }
      outputs {
        code
        confidence
        createdAt
        description
        id
        kind
        publishedOn
        source
        title
        url
      }
      parent {
        code
        confidence
        coreTasks
        createdAt
        description
        endsOn
        id
        kind
        markets
        notes
        pillars
        romCount
        source
        startsOn
        status
        supraRegional
        themes
        title
        titleEn
        updatedAt
        visibility
      }
    }
    organisation {
      code
      confidence
      createdAt
      id
      kind
      name
      nameEn
      notes
      provinces
      shortName
      source
      updatedAt
      website
      externalLinks {
        label
        url
      }
      partialCoverage {
        area
        province
        source
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FollowMutationMutation, FollowMutationMutationVariables>;
export const InitiativeDocument = new TypedDocumentString(`
    query Initiative($code: String, $id: ID) {
  initiative(code: $code, id: $id) {
    code
    confidence
    coreTasks
    createdAt
    description
    endsOn
    id
    kind
    markets
    notes
    pillars
    romCount
    source
    startsOn
    status
    supraRegional
    themes
    title
    titleEn
    updatedAt
    visibility
    externalLinks {
      label
      url
    }
    funding {
      amountEur
      basis
      confidence
      createdAt
      id
      kind
      note
      provenance
      sourceLabel
      status
      year
    }
    lead {
      code
      confidence
      createdAt
      id
      kind
      name
      nameEn
      notes
      provinces
      shortName
      source
      updatedAt
      website
      externalLinks {
        label
        url
      }
      partialCoverage {
        area
        province
        source
      }
    }
    milestones {
      code
      createdAt
      dueOn
      id
      source
      status
      title
      updatedAt
      version
    }
    outputs {
      code
      confidence
      createdAt
      description
      id
      kind
      publishedOn
      source
      title
      url
    }
    parent {
      code
      confidence
      coreTasks
      createdAt
      description
      endsOn
      id
      kind
      markets
      notes
      pillars
      romCount
      source
      startsOn
      status
      supraRegional
      themes
      title
      titleEn
      updatedAt
      visibility
      externalLinks {
        label
        url
      }
      funding {
        amountEur
        basis
        confidence
        createdAt
        id
        kind
        note
        provenance
        sourceLabel
        status
        year
      }
      lead {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
      milestones {
        code
        createdAt
        dueOn
        id
        source
        status
        title
        updatedAt
        version
      }
      outputs {
        code
        confidence
        createdAt
        description
        id
        kind
        publishedOn
        source
        title
        url
      }
      parent {
        code
        confidence
        coreTasks
        createdAt
        description
        endsOn
        id
        kind
        markets
        notes
        pillars
        romCount
        source
        startsOn
        status
        supraRegional
        themes
        title
        titleEn
        updatedAt
        visibility
      }
    }
  }
}
    `) as unknown as TypedDocumentString<InitiativeQuery, InitiativeQueryVariables>;
export const InitiativesDocument = new TypedDocumentString(`
    query Initiatives($after: String, $filter: InitiativeFilter, $first: Int) {
  initiatives(after: $after, filter: $filter, first: $first) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      code
      confidence
      coreTasks
      createdAt
      description
      endsOn
      id
      kind
      markets
      notes
      pillars
      romCount
      source
      startsOn
      status
      supraRegional
      themes
      title
      titleEn
      updatedAt
      visibility
      externalLinks {
        label
        url
      }
      funding {
        amountEur
        basis
        confidence
        createdAt
        id
        kind
        note
        provenance
        sourceLabel
        status
        year
      }
      lead {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
      milestones {
        code
        createdAt
        dueOn
        id
        source
        status
        title
        updatedAt
        version
      }
      outputs {
        code
        confidence
        createdAt
        description
        id
        kind
        publishedOn
        source
        title
        url
      }
      parent {
        code
        confidence
        coreTasks
        createdAt
        description
        endsOn
        id
        kind
        markets
        notes
        pillars
        romCount
        source
        startsOn
        status
        supraRegional
        themes
        title
        titleEn
        updatedAt
        visibility
      }
    }
  }
}
    `) as unknown as TypedDocumentString<InitiativesQuery, InitiativesQueryVariables>;
export const JoinInitiativeMutationDocument = new TypedDocumentString(`
    mutation JoinInitiativeMutation($input: JoinInitiativeInput!) {
  joinInitiative(input: $input) {
    active
    confidence
    createdAt
    id
    joinedOn
    leftOn
    notes
    role
    source
    sourceRole
    initiative {
      code
      confidence
      coreTasks
      createdAt
      description
      endsOn
      id
      kind
      markets
      notes
      pillars
      romCount
      source
      startsOn
      status
      supraRegional
      themes
      title
      titleEn
      updatedAt
      visibility
      externalLinks {
        label
        url
      }
      funding {
        amountEur
        basis
        confidence
        createdAt
        id
        kind
        note
        provenance
        sourceLabel
        status
        year
      }
      lead {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
      milestones {
        code
        createdAt
        dueOn
        id
        source
        status
        title
        updatedAt
        version
      }
      outputs {
        code
        confidence
        createdAt
        description
        id
        kind
        publishedOn
        source
        title
        url
      }
      parent {
        code
        confidence
        coreTasks
        createdAt
        description
        endsOn
        id
        kind
        markets
        notes
        pillars
        romCount
        source
        startsOn
        status
        supraRegional
        themes
        title
        titleEn
        updatedAt
        visibility
      }
    }
    organisation {
      code
      confidence
      createdAt
      id
      kind
      name
      nameEn
      notes
      provinces
      shortName
      source
      updatedAt
      website
      externalLinks {
        label
        url
      }
      partialCoverage {
        area
        province
        source
      }
    }
  }
}
    `) as unknown as TypedDocumentString<
  JoinInitiativeMutationMutation,
  JoinInitiativeMutationMutationVariables
>;
export const KnowledgeLinksDocument = new TypedDocumentString(`
    query KnowledgeLinks($asOf: Date, $kind: OrganisationKind, $partnerKinds: [OrganisationKind!], $theme: Theme) {
  knowledgeLinks(
    asOf: $asOf
    kind: $kind
    partnerKinds: $partnerKinds
    theme: $theme
  ) {
    direct
    initiatives {
      code
      confidence
      coreTasks
      createdAt
      description
      endsOn
      id
      kind
      markets
      notes
      pillars
      romCount
      source
      startsOn
      status
      supraRegional
      themes
      title
      titleEn
      updatedAt
      visibility
    }
    organisation {
      code
      confidence
      createdAt
      id
      kind
      name
      nameEn
      notes
      provinces
      shortName
      source
      updatedAt
      website
    }
    partner {
      code
      confidence
      createdAt
      id
      kind
      name
      nameEn
      notes
      provinces
      shortName
      source
      updatedAt
      website
    }
    partnerships {
      active
      confidence
      createdAt
      id
      kind
      notes
      since
      source
      themes
      until
    }
  }
}
    `) as unknown as TypedDocumentString<KnowledgeLinksQuery, KnowledgeLinksQueryVariables>;
export const LeaveInitiativeMutationDocument = new TypedDocumentString(`
    mutation LeaveInitiativeMutation($input: LeaveInitiativeInput!) {
  leaveInitiative(input: $input) {
    active
    confidence
    createdAt
    id
    joinedOn
    leftOn
    notes
    role
    source
    sourceRole
    initiative {
      code
      confidence
      coreTasks
      createdAt
      description
      endsOn
      id
      kind
      markets
      notes
      pillars
      romCount
      source
      startsOn
      status
      supraRegional
      themes
      title
      titleEn
      updatedAt
      visibility
      externalLinks {
        label
        url
      }
      funding {
        amountEur
        basis
        confidence
        createdAt
        id
        kind
        note
        provenance
        sourceLabel
        status
        year
      }
      lead {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
      milestones {
        code
        createdAt
        dueOn
        id
        source
        status
        title
        updatedAt
        version
      }
      outputs {
        code
        confidence
        createdAt
        description
        id
        kind
        publishedOn
        source
        title
        url
      }
      parent {
        code
        confidence
        coreTasks
        createdAt
        description
        endsOn
        id
        kind
        markets
        notes
        pillars
        romCount
        source
        startsOn
        status
        supraRegional
        themes
        title
        titleEn
        updatedAt
        visibility
      }
    }
    organisation {
      code
      confidence
      createdAt
      id
      kind
      name
      nameEn
      notes
      provinces
      shortName
      source
      updatedAt
      website
      externalLinks {
        label
        url
      }
      partialCoverage {
        area
        province
        source
      }
    }
  }
}
    `) as unknown as TypedDocumentString<
  LeaveInitiativeMutationMutation,
  LeaveInitiativeMutationMutationVariables
>;
export const MarkNotificationReadMutationDocument = new TypedDocumentString(`
    mutation MarkNotificationReadMutation($id: ID!) {
  markNotificationRead(id: $id) {
    cursor
    id
    readAt
    reason
    event {
      confidence
      cursor
      id
      occurredAt
      payload
      source
      type
      activity {
        createdAt
        description
        id
        kind
        occurredOn
        participantCount
        source
        themes
        title
      }
      actor {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
      fundingAllocation {
        amountEur
        basis
        confidence
        createdAt
        id
        kind
        note
        provenance
        sourceLabel
        status
        year
      }
      initiative {
        code
        confidence
        coreTasks
        createdAt
        description
        endsOn
        id
        kind
        markets
        notes
        pillars
        romCount
        source
        startsOn
        status
        supraRegional
        themes
        title
        titleEn
        updatedAt
        visibility
      }
      milestone {
        code
        createdAt
        dueOn
        id
        source
        status
        title
        updatedAt
        version
      }
      organisation {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
      output {
        code
        confidence
        createdAt
        description
        id
        kind
        publishedOn
        source
        title
        url
      }
      participation {
        active
        confidence
        createdAt
        id
        joinedOn
        leftOn
        notes
        role
        source
        sourceRole
      }
      partnership {
        active
        confidence
        createdAt
        id
        kind
        notes
        since
        source
        themes
        until
      }
    }
  }
}
    `) as unknown as TypedDocumentString<
  MarkNotificationReadMutationMutation,
  MarkNotificationReadMutationMutationVariables
>;
export const MarkNotificationsReadMutationDocument = new TypedDocumentString(`
    mutation MarkNotificationsReadMutation($upTo: String!) {
  markNotificationsRead(upTo: $upTo)
}
    `) as unknown as TypedDocumentString<
  MarkNotificationsReadMutationMutation,
  MarkNotificationsReadMutationMutationVariables
>;
export const MarketsDocument = new TypedDocumentString(`
    query Markets($kind: OrganisationKind, $markets: [String!]) {
  markets(kind: $kind, markets: $markets) {
    code
    initiativeCount
    nameEn
    nameNl
    initiatives {
      code
      confidence
      coreTasks
      createdAt
      description
      endsOn
      id
      kind
      markets
      notes
      pillars
      romCount
      source
      startsOn
      status
      supraRegional
      themes
      title
      titleEn
      updatedAt
      visibility
    }
    leads {
      code
      confidence
      createdAt
      id
      kind
      name
      nameEn
      notes
      provinces
      shortName
      source
      updatedAt
      website
    }
    notYetIn {
      code
      confidence
      createdAt
      id
      kind
      name
      nameEn
      notes
      provinces
      shortName
      source
      updatedAt
      website
    }
    participants {
      code
      confidence
      createdAt
      id
      kind
      name
      nameEn
      notes
      provinces
      shortName
      source
      updatedAt
      website
    }
  }
}
    `) as unknown as TypedDocumentString<MarketsQuery, MarketsQueryVariables>;
export const MilestoneChangedSubscriptionDocument = new TypedDocumentString(`
    subscription MilestoneChangedSubscription($initiativeId: ID) {
  milestoneChanged(initiativeId: $initiativeId) {
    confidence
    cursor
    id
    occurredAt
    payload
    source
    type
    activity {
      createdAt
      description
      id
      kind
      occurredOn
      participantCount
      source
      themes
      title
      initiative {
        code
        confidence
        coreTasks
        createdAt
        description
        endsOn
        id
        kind
        markets
        notes
        pillars
        romCount
        source
        startsOn
        status
        supraRegional
        themes
        title
        titleEn
        updatedAt
        visibility
      }
      organisers {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
      participants {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
    }
    actor {
      code
      confidence
      createdAt
      id
      kind
      name
      nameEn
      notes
      provinces
      shortName
      source
      updatedAt
      website
      externalLinks {
        label
        url
      }
      partialCoverage {
        area
        province
        source
      }
    }
    fundingAllocation {
      amountEur
      basis
      confidence
      createdAt
      id
      kind
      note
      provenance
      sourceLabel
      status
      year
      initiative {
        code
        confidence
        coreTasks
        createdAt
        description
        endsOn
        id
        kind
        markets
        notes
        pillars
        romCount
        source
        startsOn
        status
        supraRegional
        themes
        title
        titleEn
        updatedAt
        visibility
      }
      source {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
    }
    initiative {
      code
      confidence
      coreTasks
      createdAt
      description
      endsOn
      id
      kind
      markets
      notes
      pillars
      romCount
      source
      startsOn
      status
      supraRegional
      themes
      title
      titleEn
      updatedAt
      visibility
      externalLinks {
        label
        url
      }
      funding {
        amountEur
        basis
        confidence
        createdAt
        id
        kind
        note
        provenance
        sourceLabel
        status
        year
      }
      lead {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
      milestones {
        code
        createdAt
        dueOn
        id
        source
        status
        title
        updatedAt
        version
      }
      outputs {
        code
        confidence
        createdAt
        description
        id
        kind
        publishedOn
        source
        title
        url
      }
      parent {
        code
        confidence
        coreTasks
        createdAt
        description
        endsOn
        id
        kind
        markets
        notes
        pillars
        romCount
        source
        startsOn
        status
        supraRegional
        themes
        title
        titleEn
        updatedAt
        visibility
      }
    }
    milestone {
      code
      createdAt
      dueOn
      id
      source
      status
      title
      updatedAt
      version
      initiative {
        code
        confidence
        coreTasks
        createdAt
        description
        endsOn
        id
        kind
        markets
        notes
        pillars
        romCount
        source
        startsOn
        status
        supraRegional
        themes
        title
        titleEn
        updatedAt
        visibility
      }
    }
    organisation {
      code
      confidence
      createdAt
      id
      kind
      name
      nameEn
      notes
      provinces
      shortName
      source
      updatedAt
      website
      externalLinks {
        label
        url
      }
      partialCoverage {
        area
        province
        source
      }
    }
    output {
      code
      confidence
      createdAt
      description
      id
      kind
      publishedOn
      source
      title
      url
      initiative {
        code
        confidence
        coreTasks
        createdAt
        description
        endsOn
        id
        kind
        markets
        notes
        pillars
        romCount
        source
        startsOn
        status
        supraRegional
        themes
        title
        titleEn
        updatedAt
        visibility
      }
    }
    participation {
      active
      confidence
      createdAt
      id
      joinedOn
      leftOn
      notes
      role
      source
      sourceRole
      initiative {
        code
        confidence
        coreTasks
        createdAt
        description
        endsOn
        id
        kind
        markets
        notes
        pillars
        romCount
        source
        startsOn
        status
        supraRegional
        themes
        title
        titleEn
        updatedAt
        visibility
      }
      organisation {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
    }
    partnership {
      active
      confidence
      createdAt
      id
      kind
      notes
      since
      source
      themes
      until
      from {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
      to {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
    }
  }
}
    `) as unknown as TypedDocumentString<
  MilestoneChangedSubscriptionSubscription,
  MilestoneChangedSubscriptionSubscriptionVariables
>;
export const NeighbourhoodDocument = new TypedDocumentString(`
    query Neighbourhood($asOf: Date, $depth: Int, $edgeKinds: [GraphEdgeKind!], $kinds: [PartnershipKind!], $organisationId: ID!) {
  neighbourhood(
    asOf: $asOf
    depth: $depth
    edgeKinds: $edgeKinds
    kinds: $kinds
    organisationId: $organisationId
  ) {
    asOf
    edges {
      attributes
      confidence
      data
      id
      key
      kind
      partnershipKind
      provenance
      sharedInitiatives
      since
      source
      target
      themes
      undirected
      until
      weight
    }
    nodes {
      attributes
      code
      data
      id
      key
      kind
      label
      provinces
    }
  }
}
    `) as unknown as TypedDocumentString<NeighbourhoodQuery, NeighbourhoodQueryVariables>;
export const NetworkMetricsDocument = new TypedDocumentString(`
    query NetworkMetrics($asOf: Date, $kind: OrganisationKind, $theme: Theme) {
  networkMetrics(asOf: $asOf, kind: $kind, theme: $theme) {
    betweenness
    bridge
    closeness
    community
    computedAt
    degree
    weightedDegree
    organisation {
      code
      confidence
      createdAt
      id
      kind
      name
      nameEn
      notes
      provinces
      shortName
      source
      updatedAt
      website
    }
  }
}
    `) as unknown as TypedDocumentString<NetworkMetricsQuery, NetworkMetricsQueryVariables>;
export const NetworkSummaryDocument = new TypedDocumentString(`
    query NetworkSummary($filter: SummaryFilter) {
  networkSummary(filter: $filter) {
    initiatives
    stalled
    stalledAfterMonths
    supraRegional
    supraRegionalShare
    today
    byCoreTask {
      count
      key
    }
    byPillar {
      count
      key
    }
    byStatus {
      count
      key
    }
    byTheme {
      count
      key
    }
    funding {
      allocations
      totalEur
      byBasis {
        allocations
        amountEur
        key
      }
      byKind {
        allocations
        amountEur
        key
      }
      byPillar {
        allocations
        amountEur
        key
      }
      bySource {
        allocations
        amountEur
        key
      }
      byStatus {
        allocations
        amountEur
        key
      }
      byTheme {
        allocations
        amountEur
        key
      }
      byYear {
        allocations
        amountEur
        key
      }
      leverage {
        budgetEur
        leveredEur
        perEuro
      }
    }
    milestones {
      dueSoon
      dueWithinDays
      overdue
      total
      byStatus {
        count
        key
      }
    }
    stalledInitiatives {
      code
      confidence
      coreTasks
      createdAt
      description
      endsOn
      id
      kind
      markets
      notes
      pillars
      romCount
      source
      startsOn
      status
      supraRegional
      themes
      title
      titleEn
      updatedAt
      visibility
    }
  }
}
    `) as unknown as TypedDocumentString<NetworkSummaryQuery, NetworkSummaryQueryVariables>;
export const NotificationsSubscriptionDocument = new TypedDocumentString(`
    subscription NotificationsSubscription($after: String) {
  notifications(after: $after) {
    cursor
    id
    readAt
    reason
    event {
      confidence
      cursor
      id
      occurredAt
      payload
      source
      type
      activity {
        createdAt
        description
        id
        kind
        occurredOn
        participantCount
        source
        themes
        title
      }
      actor {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
      fundingAllocation {
        amountEur
        basis
        confidence
        createdAt
        id
        kind
        note
        provenance
        sourceLabel
        status
        year
      }
      initiative {
        code
        confidence
        coreTasks
        createdAt
        description
        endsOn
        id
        kind
        markets
        notes
        pillars
        romCount
        source
        startsOn
        status
        supraRegional
        themes
        title
        titleEn
        updatedAt
        visibility
      }
      milestone {
        code
        createdAt
        dueOn
        id
        source
        status
        title
        updatedAt
        version
      }
      organisation {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
      output {
        code
        confidence
        createdAt
        description
        id
        kind
        publishedOn
        source
        title
        url
      }
      participation {
        active
        confidence
        createdAt
        id
        joinedOn
        leftOn
        notes
        role
        source
        sourceRole
      }
      partnership {
        active
        confidence
        createdAt
        id
        kind
        notes
        since
        source
        themes
        until
      }
    }
  }
}
    `) as unknown as TypedDocumentString<
  NotificationsSubscriptionSubscription,
  NotificationsSubscriptionSubscriptionVariables
>;
export const OrganisationDocument = new TypedDocumentString(`
    query Organisation($code: String, $id: ID) {
  organisation(code: $code, id: $id) {
    code
    confidence
    createdAt
    id
    kind
    name
    nameEn
    notes
    provinces
    shortName
    source
    updatedAt
    website
    externalLinks {
      label
      url
    }
    partialCoverage {
      area
      province
      source
    }
  }
}
    `) as unknown as TypedDocumentString<OrganisationQuery, OrganisationQueryVariables>;
export const OrganisationsDocument = new TypedDocumentString(`
    query Organisations($after: String, $filter: OrganisationFilter, $first: Int) {
  organisations(after: $after, filter: $filter, first: $first) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      code
      confidence
      createdAt
      id
      kind
      name
      nameEn
      notes
      provinces
      shortName
      source
      updatedAt
      website
      externalLinks {
        label
        url
      }
      partialCoverage {
        area
        province
        source
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OrganisationsQuery, OrganisationsQueryVariables>;
export const OutputsDocument = new TypedDocumentString(`
    query Outputs($after: String, $filter: OutputFilter, $first: Int) {
  outputs(after: $after, filter: $filter, first: $first) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      code
      confidence
      createdAt
      description
      id
      kind
      publishedOn
      source
      title
      url
      initiative {
        code
        confidence
        coreTasks
        createdAt
        description
        endsOn
        id
        kind
        markets
        notes
        pillars
        romCount
        source
        startsOn
        status
        supraRegional
        themes
        title
        titleEn
        updatedAt
        visibility
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OutputsQuery, OutputsQueryVariables>;
export const PartnerJoinedSubscriptionDocument = new TypedDocumentString(`
    subscription PartnerJoinedSubscription($initiativeId: ID) {
  partnerJoined(initiativeId: $initiativeId) {
    confidence
    cursor
    id
    occurredAt
    payload
    source
    type
    activity {
      createdAt
      description
      id
      kind
      occurredOn
      participantCount
      source
      themes
      title
      initiative {
        code
        confidence
        coreTasks
        createdAt
        description
        endsOn
        id
        kind
        markets
        notes
        pillars
        romCount
        source
        startsOn
        status
        supraRegional
        themes
        title
        titleEn
        updatedAt
        visibility
      }
      organisers {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
      participants {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
    }
    actor {
      code
      confidence
      createdAt
      id
      kind
      name
      nameEn
      notes
      provinces
      shortName
      source
      updatedAt
      website
      externalLinks {
        label
        url
      }
      partialCoverage {
        area
        province
        source
      }
    }
    fundingAllocation {
      amountEur
      basis
      confidence
      createdAt
      id
      kind
      note
      provenance
      sourceLabel
      status
      year
      initiative {
        code
        confidence
        coreTasks
        createdAt
        description
        endsOn
        id
        kind
        markets
        notes
        pillars
        romCount
        source
        startsOn
        status
        supraRegional
        themes
        title
        titleEn
        updatedAt
        visibility
      }
      source {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
    }
    initiative {
      code
      confidence
      coreTasks
      createdAt
      description
      endsOn
      id
      kind
      markets
      notes
      pillars
      romCount
      source
      startsOn
      status
      supraRegional
      themes
      title
      titleEn
      updatedAt
      visibility
      externalLinks {
        label
        url
      }
      funding {
        amountEur
        basis
        confidence
        createdAt
        id
        kind
        note
        provenance
        sourceLabel
        status
        year
      }
      lead {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
      milestones {
        code
        createdAt
        dueOn
        id
        source
        status
        title
        updatedAt
        version
      }
      outputs {
        code
        confidence
        createdAt
        description
        id
        kind
        publishedOn
        source
        title
        url
      }
      parent {
        code
        confidence
        coreTasks
        createdAt
        description
        endsOn
        id
        kind
        markets
        notes
        pillars
        romCount
        source
        startsOn
        status
        supraRegional
        themes
        title
        titleEn
        updatedAt
        visibility
      }
    }
    milestone {
      code
      createdAt
      dueOn
      id
      source
      status
      title
      updatedAt
      version
      initiative {
        code
        confidence
        coreTasks
        createdAt
        description
        endsOn
        id
        kind
        markets
        notes
        pillars
        romCount
        source
        startsOn
        status
        supraRegional
        themes
        title
        titleEn
        updatedAt
        visibility
      }
    }
    organisation {
      code
      confidence
      createdAt
      id
      kind
      name
      nameEn
      notes
      provinces
      shortName
      source
      updatedAt
      website
      externalLinks {
        label
        url
      }
      partialCoverage {
        area
        province
        source
      }
    }
    output {
      code
      confidence
      createdAt
      description
      id
      kind
      publishedOn
      source
      title
      url
      initiative {
        code
        confidence
        coreTasks
        createdAt
        description
        endsOn
        id
        kind
        markets
        notes
        pillars
        romCount
        source
        startsOn
        status
        supraRegional
        themes
        title
        titleEn
        updatedAt
        visibility
      }
    }
    participation {
      active
      confidence
      createdAt
      id
      joinedOn
      leftOn
      notes
      role
      source
      sourceRole
      initiative {
        code
        confidence
        coreTasks
        createdAt
        description
        endsOn
        id
        kind
        markets
        notes
        pillars
        romCount
        source
        startsOn
        status
        supraRegional
        themes
        title
        titleEn
        updatedAt
        visibility
      }
      organisation {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
    }
    partnership {
      active
      confidence
      createdAt
      id
      kind
      notes
      since
      source
      themes
      until
      from {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
      to {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
    }
  }
}
    `) as unknown as TypedDocumentString<
  PartnerJoinedSubscriptionSubscription,
  PartnerJoinedSubscriptionSubscriptionVariables
>;
export const PartnershipGraphDocument = new TypedDocumentString(`
    query PartnershipGraph($filter: GraphFilter) {
  partnershipGraph(filter: $filter) {
    asOf
    edges {
      attributes
      confidence
      data
      id
      key
      kind
      partnershipKind
      provenance
      sharedInitiatives
      since
      source
      target
      themes
      undirected
      until
      weight
    }
    nodes {
      attributes
      code
      data
      id
      key
      kind
      label
      provinces
    }
  }
}
    `) as unknown as TypedDocumentString<PartnershipGraphQuery, PartnershipGraphQueryVariables>;
export const RecordActivityMutationDocument = new TypedDocumentString(`
    mutation RecordActivityMutation($input: RecordActivityInput!) {
  recordActivity(input: $input) {
    createdAt
    description
    id
    kind
    occurredOn
    participantCount
    source
    themes
    title
    initiative {
      code
      confidence
      coreTasks
      createdAt
      description
      endsOn
      id
      kind
      markets
      notes
      pillars
      romCount
      source
      startsOn
      status
      supraRegional
      themes
      title
      titleEn
      updatedAt
      visibility
      externalLinks {
        label
        url
      }
      funding {
        amountEur
        basis
        confidence
        createdAt
        id
        kind
        note
        provenance
        sourceLabel
        status
        year
      }
      lead {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
      milestones {
        code
        createdAt
        dueOn
        id
        source
        status
        title
        updatedAt
        version
      }
      outputs {
        code
        confidence
        createdAt
        description
        id
        kind
        publishedOn
        source
        title
        url
      }
      parent {
        code
        confidence
        coreTasks
        createdAt
        description
        endsOn
        id
        kind
        markets
        notes
        pillars
        romCount
        source
        startsOn
        status
        supraRegional
        themes
        title
        titleEn
        updatedAt
        visibility
      }
    }
    organisers {
      code
      confidence
      createdAt
      id
      kind
      name
      nameEn
      notes
      provinces
      shortName
      source
      updatedAt
      website
    }
    participants {
      code
      confidence
      createdAt
      id
      kind
      name
      nameEn
      notes
      provinces
      shortName
      source
      updatedAt
      website
    }
  }
}
    `) as unknown as TypedDocumentString<
  RecordActivityMutationMutation,
  RecordActivityMutationMutationVariables
>;
export const RecordOutputMutationDocument = new TypedDocumentString(`
    mutation RecordOutputMutation($input: RecordOutputInput!) {
  recordOutput(input: $input) {
    code
    confidence
    createdAt
    description
    id
    kind
    publishedOn
    source
    title
    url
    initiative {
      code
      confidence
      coreTasks
      createdAt
      description
      endsOn
      id
      kind
      markets
      notes
      pillars
      romCount
      source
      startsOn
      status
      supraRegional
      themes
      title
      titleEn
      updatedAt
      visibility
      externalLinks {
        label
        url
      }
      funding {
        amountEur
        basis
        confidence
        createdAt
        id
        kind
        note
        provenance
        sourceLabel
        status
        year
      }
      lead {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
      milestones {
        code
        createdAt
        dueOn
        id
        source
        status
        title
        updatedAt
        version
      }
      outputs {
        code
        confidence
        createdAt
        description
        id
        kind
        publishedOn
        source
        title
        url
      }
      parent {
        code
        confidence
        coreTasks
        createdAt
        description
        endsOn
        id
        kind
        markets
        notes
        pillars
        romCount
        source
        startsOn
        status
        supraRegional
        themes
        title
        titleEn
        updatedAt
        visibility
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RecordOutputMutationMutation, RecordOutputMutationMutationVariables>;
export const RedeliverWebhookDeliveryMutationDocument = new TypedDocumentString(`
    mutation RedeliverWebhookDeliveryMutation($id: ID!) {
  redeliverWebhookDelivery(id: $id) {
    attempts
    error
    firstAttemptAt
    id
    lastAttemptAt
    latencyMs
    responseStatus
    status
    event {
      confidence
      cursor
      id
      occurredAt
      payload
      source
      type
      activity {
        createdAt
        description
        id
        kind
        occurredOn
        participantCount
        source
        themes
        title
      }
      actor {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
      fundingAllocation {
        amountEur
        basis
        confidence
        createdAt
        id
        kind
        note
        provenance
        sourceLabel
        status
        year
      }
      initiative {
        code
        confidence
        coreTasks
        createdAt
        description
        endsOn
        id
        kind
        markets
        notes
        pillars
        romCount
        source
        startsOn
        status
        supraRegional
        themes
        title
        titleEn
        updatedAt
        visibility
      }
      milestone {
        code
        createdAt
        dueOn
        id
        source
        status
        title
        updatedAt
        version
      }
      organisation {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
      output {
        code
        confidence
        createdAt
        description
        id
        kind
        publishedOn
        source
        title
        url
      }
      participation {
        active
        confidence
        createdAt
        id
        joinedOn
        leftOn
        notes
        role
        source
        sourceRole
      }
      partnership {
        active
        confidence
        createdAt
        id
        kind
        notes
        since
        source
        themes
        until
      }
    }
    webhook {
      active
      createdAt
      disabledReason
      eventTypes
      id
      updatedAt
      url
      organisation {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
    }
  }
}
    `) as unknown as TypedDocumentString<
  RedeliverWebhookDeliveryMutationMutation,
  RedeliverWebhookDeliveryMutationMutationVariables
>;
export const RegionalConnectivityDocument = new TypedDocumentString(`
    query RegionalConnectivity($asOf: Date, $theme: Theme) {
  regionalConnectivity(asOf: $asOf, theme: $theme) {
    asOf
    attributionRule
    provinces {
      betweenness
      code
      degree
      initiatives
      missingThemes
      nameEn
      nameNl
      participants
    }
    romsNeverLeading {
      code
      confidence
      createdAt
      id
      kind
      name
      nameEn
      notes
      provinces
      shortName
      source
      updatedAt
      website
    }
  }
}
    `) as unknown as TypedDocumentString<RegionalConnectivityQuery, RegionalConnectivityQueryVariables>;
export const RepeatPartnersDocument = new TypedDocumentString(`
    query RepeatPartners($fromYear: Int, $kind: OrganisationKind, $theme: Theme, $toYear: Int) {
  repeatPartners(fromYear: $fromYear, kind: $kind, theme: $theme, toYear: $toYear) {
    lasting
    sharedInitiatives
    years
    organisations {
      code
      confidence
      createdAt
      id
      kind
      name
      nameEn
      notes
      provinces
      shortName
      source
      updatedAt
      website
    }
  }
}
    `) as unknown as TypedDocumentString<RepeatPartnersQuery, RepeatPartnersQueryVariables>;
export const RevokeApiKeyMutationDocument = new TypedDocumentString(`
    mutation RevokeApiKeyMutation($id: ID!) {
  revokeApiKey(id: $id)
}
    `) as unknown as TypedDocumentString<RevokeApiKeyMutationMutation, RevokeApiKeyMutationMutationVariables>;
export const RotateWebhookSecretMutationDocument = new TypedDocumentString(`
    mutation RotateWebhookSecretMutation($id: ID!) {
  rotateWebhookSecret(id: $id) {
    secret
    webhook {
      active
      createdAt
      disabledReason
      eventTypes
      id
      updatedAt
      url
      organisation {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
    }
  }
}
    `) as unknown as TypedDocumentString<
  RotateWebhookSecretMutationMutation,
  RotateWebhookSecretMutationMutationVariables
>;
export const ShortestPathDocument = new TypedDocumentString(`
    query ShortestPath($asOf: Date, $fromId: ID!, $maxDepth: Int, $toId: ID!) {
  shortestPath(asOf: $asOf, fromId: $fromId, maxDepth: $maxDepth, toId: $toId) {
    asOf
    length
    edges {
      attributes
      confidence
      data
      id
      key
      kind
      partnershipKind
      provenance
      sharedInitiatives
      since
      source
      target
      themes
      undirected
      until
      weight
    }
    organisations {
      code
      confidence
      createdAt
      id
      kind
      name
      nameEn
      notes
      provinces
      shortName
      source
      updatedAt
      website
    }
  }
}
    `) as unknown as TypedDocumentString<ShortestPathQuery, ShortestPathQueryVariables>;
export const TaxonomyDocument = new TypedDocumentString(`
    query Taxonomy {
  taxonomy {
    coreTasks {
      code
      descriptionEn
      labelEn
      labelNl
    }
    pillars {
      code
      labelEn
      labelNl
      number
    }
    themes {
      code
      labelEn
      labelNl
    }
  }
}
    `) as unknown as TypedDocumentString<TaxonomyQuery, TaxonomyQueryVariables>;
export const UnfollowMutationDocument = new TypedDocumentString(`
    mutation UnfollowMutation($id: ID!) {
  unfollow(id: $id)
}
    `) as unknown as TypedDocumentString<UnfollowMutationMutation, UnfollowMutationMutationVariables>;
export const UpdateInitiativeMutationDocument = new TypedDocumentString(`
    mutation UpdateInitiativeMutation($input: UpdateInitiativeInput!) {
  updateInitiative(input: $input) {
    code
    confidence
    coreTasks
    createdAt
    description
    endsOn
    id
    kind
    markets
    notes
    pillars
    romCount
    source
    startsOn
    status
    supraRegional
    themes
    title
    titleEn
    updatedAt
    visibility
    externalLinks {
      label
      url
    }
    funding {
      amountEur
      basis
      confidence
      createdAt
      id
      kind
      note
      provenance
      sourceLabel
      status
      year
    }
    lead {
      code
      confidence
      createdAt
      id
      kind
      name
      nameEn
      notes
      provinces
      shortName
      source
      updatedAt
      website
      externalLinks {
        label
        url
      }
      partialCoverage {
        area
        province
        source
      }
    }
    milestones {
      code
      createdAt
      dueOn
      id
      source
      status
      title
      updatedAt
      version
    }
    outputs {
      code
      confidence
      createdAt
      description
      id
      kind
      publishedOn
      source
      title
      url
    }
    parent {
      code
      confidence
      coreTasks
      createdAt
      description
      endsOn
      id
      kind
      markets
      notes
      pillars
      romCount
      source
      startsOn
      status
      supraRegional
      themes
      title
      titleEn
      updatedAt
      visibility
      externalLinks {
        label
        url
      }
      funding {
        amountEur
        basis
        confidence
        createdAt
        id
        kind
        note
        provenance
        sourceLabel
        status
        year
      }
      lead {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
      milestones {
        code
        createdAt
        dueOn
        id
        source
        status
        title
        updatedAt
        version
      }
      outputs {
        code
        confidence
        createdAt
        description
        id
        kind
        publishedOn
        source
        title
        url
      }
      parent {
        code
        confidence
        coreTasks
        createdAt
        description
        endsOn
        id
        kind
        markets
        notes
        pillars
        romCount
        source
        startsOn
        status
        supraRegional
        themes
        title
        titleEn
        updatedAt
        visibility
      }
    }
  }
}
    `) as unknown as TypedDocumentString<
  UpdateInitiativeMutationMutation,
  UpdateInitiativeMutationMutationVariables
>;
export const UpdateMilestoneMutationDocument = new TypedDocumentString(`
    mutation UpdateMilestoneMutation($input: UpdateMilestoneInput!) {
  updateMilestone(input: $input) {
    code
    createdAt
    dueOn
    id
    source
    status
    title
    updatedAt
    version
    initiative {
      code
      confidence
      coreTasks
      createdAt
      description
      endsOn
      id
      kind
      markets
      notes
      pillars
      romCount
      source
      startsOn
      status
      supraRegional
      themes
      title
      titleEn
      updatedAt
      visibility
      externalLinks {
        label
        url
      }
      funding {
        amountEur
        basis
        confidence
        createdAt
        id
        kind
        note
        provenance
        sourceLabel
        status
        year
      }
      lead {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
      milestones {
        code
        createdAt
        dueOn
        id
        source
        status
        title
        updatedAt
        version
      }
      outputs {
        code
        confidence
        createdAt
        description
        id
        kind
        publishedOn
        source
        title
        url
      }
      parent {
        code
        confidence
        coreTasks
        createdAt
        description
        endsOn
        id
        kind
        markets
        notes
        pillars
        romCount
        source
        startsOn
        status
        supraRegional
        themes
        title
        titleEn
        updatedAt
        visibility
      }
    }
  }
}
    `) as unknown as TypedDocumentString<
  UpdateMilestoneMutationMutation,
  UpdateMilestoneMutationMutationVariables
>;
export const UpdateOrganisationMutationDocument = new TypedDocumentString(`
    mutation UpdateOrganisationMutation($input: UpdateOrganisationInput!) {
  updateOrganisation(input: $input) {
    code
    confidence
    createdAt
    id
    kind
    name
    nameEn
    notes
    provinces
    shortName
    source
    updatedAt
    website
    externalLinks {
      label
      url
    }
    partialCoverage {
      area
      province
      source
    }
  }
}
    `) as unknown as TypedDocumentString<
  UpdateOrganisationMutationMutation,
  UpdateOrganisationMutationMutationVariables
>;
export const UpdateWebhookMutationDocument = new TypedDocumentString(`
    mutation UpdateWebhookMutation($input: UpdateWebhookInput!) {
  updateWebhook(input: $input) {
    active
    createdAt
    disabledReason
    eventTypes
    id
    updatedAt
    url
    organisation {
      code
      confidence
      createdAt
      id
      kind
      name
      nameEn
      notes
      provinces
      shortName
      source
      updatedAt
      website
      externalLinks {
        label
        url
      }
      partialCoverage {
        area
        province
        source
      }
    }
  }
}
    `) as unknown as TypedDocumentString<
  UpdateWebhookMutationMutation,
  UpdateWebhookMutationMutationVariables
>;
export const ViewerDocument = new TypedDocumentString(`
    query Viewer {
  viewer {
    role
    unreadCount
    follows {
      createdAt
      id
      pillar
      theme
    }
    organisation {
      code
      confidence
      createdAt
      id
      kind
      name
      nameEn
      notes
      provinces
      shortName
      source
      updatedAt
      website
      externalLinks {
        label
        url
      }
      partialCoverage {
        area
        province
        source
      }
    }
    rateLimit {
      cost
      limit
      remaining
      resetAt
      used
    }
  }
}
    `) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;
export const WebhookDeliveriesDocument = new TypedDocumentString(`
    query WebhookDeliveries($after: String, $first: Int, $webhookId: ID!) {
  webhookDeliveries(after: $after, first: $first, webhookId: $webhookId) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      attempts
      error
      firstAttemptAt
      id
      lastAttemptAt
      latencyMs
      responseStatus
      status
      event {
        confidence
        cursor
        id
        occurredAt
        payload
        source
        type
      }
      webhook {
        active
        createdAt
        disabledReason
        eventTypes
        id
        updatedAt
        url
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>;
export const WebhooksDocument = new TypedDocumentString(`
    query Webhooks($after: String, $first: Int, $organisationId: ID!) {
  webhooks(after: $after, first: $first, organisationId: $organisationId) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      active
      createdAt
      disabledReason
      eventTypes
      id
      updatedAt
      url
      organisation {
        code
        confidence
        createdAt
        id
        kind
        name
        nameEn
        notes
        provinces
        shortName
        source
        updatedAt
        website
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WebhooksQuery, WebhooksQueryVariables>;
export const DashboardPageDocument = new TypedDocumentString(`
    query DashboardPage($after: String) {
  initiatives(first: 50, after: $after) {
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      code
      title
      status
      lead {
        name
      }
      participants(first: 20) {
        nodes {
          role
          organisation {
            code
            name
          }
        }
      }
      milestones {
        title
        status
        dueOn
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardPageQuery, DashboardPageQueryVariables>;
export const EsmeeParticipantsDocument = new TypedDocumentString(`
    query EsmeeParticipants {
  initiative(code: "ESMEE") {
    title
    startsOn
    endsOn
    participants(first: 50) {
      totalCount
      nodes {
        role
        confidence
        source
        organisation {
          code
          name
          kind
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<EsmeeParticipantsQuery, EsmeeParticipantsQueryVariables>;
export const NeighbourhoodOfNomDocument = new TypedDocumentString(`
    query NeighbourhoodOfNom {
  neighbourhood(organisationId: "T3JnYW5pc2F0aW9uOjE", depth: 1) {
    nodes {
      code
      kind
    }
    edges {
      kind
      source
      target
      weight
      partnershipKind
    }
  }
}
    `) as unknown as TypedDocumentString<NeighbourhoodOfNomQuery, NeighbourhoodOfNomQueryVariables>;
export const PathNomToKnawDocument = new TypedDocumentString(`
    query PathNomToKnaw {
  shortestPath(fromId: "T3JnYW5pc2F0aW9uOjE", toId: "T3JnYW5pc2F0aW9uOjMy") {
    length
    organisations {
      code
    }
    edges {
      kind
      partnershipKind
      initiatives {
        code
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PathNomToKnawQuery, PathNomToKnawQueryVariables>;
export const Q01RomCollaborationByThemeDocument = new TypedDocumentString(`
    query Q01RomCollaborationByTheme($theme: Theme) {
  collaborationMatrix(kind: ROM, theme: $theme) {
    asOf
    organisations {
      code
      name
    }
    counts
  }
}
    `) as unknown as TypedDocumentString<
  Q01RomCollaborationByThemeQuery,
  Q01RomCollaborationByThemeQueryVariables
>;
export const Q02SupraRegionalAndSingleRomDocument = new TypedDocumentString(`
    query Q02SupraRegionalAndSingleRom {
  supraRegional: initiatives(first: 100, filter: {supraRegional: true}) {
    totalCount
    nodes {
      code
      title
      romCount
      lead {
        code
      }
    }
  }
  singleRom: initiatives(first: 100, filter: {romCount: 1}) {
    totalCount
    nodes {
      code
      title
      themes
      lead {
        code
      }
    }
  }
}
    `) as unknown as TypedDocumentString<
  Q02SupraRegionalAndSingleRomQuery,
  Q02SupraRegionalAndSingleRomQueryVariables
>;
export const Q03UnderConnectedRegionsDocument = new TypedDocumentString(`
    query Q03UnderConnectedRegions {
  regionalConnectivity {
    asOf
    attributionRule
    provinces {
      code
      nameEn
      degree
      betweenness
      initiatives
      missingThemes
      roms {
        organisation {
          code
        }
        coverage
        area
        provincesCovered
        degree
        betweenness
        initiativesLed
      }
    }
    romsNeverLeading {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<
  Q03UnderConnectedRegionsQuery,
  Q03UnderConnectedRegionsQueryVariables
>;
export const Q04KnowledgeLinksDocument = new TypedDocumentString(`
    query Q04KnowledgeLinks {
  knowledgeLinks(kind: ROM) {
    organisation {
      code
    }
    partner {
      code
      kind
    }
    direct
    initiatives {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<Q04KnowledgeLinksQuery, Q04KnowledgeLinksQueryVariables>;
export const Q05RepeatPartnersDocument = new TypedDocumentString(`
    query Q05RepeatPartners($fromYear: Int!, $toYear: Int!) {
  repeatPartners(kind: ROM, fromYear: $fromYear, toYear: $toYear) {
    organisations {
      code
    }
    years
    sharedInitiatives
    lasting
  }
}
    `) as unknown as TypedDocumentString<Q05RepeatPartnersQuery, Q05RepeatPartnersQueryVariables>;
export const Q06FundingDocument = new TypedDocumentString(`
    query Q06Funding {
  networkSummary {
    funding {
      allocations
      totalEur
      byTheme {
        key
        allocations
        amountEur
      }
      byPillar {
        key
        allocations
        amountEur
      }
      byYear {
        key
        allocations
        amountEur
      }
      bySource {
        key
        allocations
        amountEur
      }
      byKind {
        key
        allocations
        amountEur
      }
      byStatus {
        key
        allocations
        amountEur
      }
    }
  }
}
    `) as unknown as TypedDocumentString<Q06FundingQuery, Q06FundingQueryVariables>;
export const Q07LeverageDocument = new TypedDocumentString(`
    query Q07Leverage {
  networkSummary {
    funding {
      leverage {
        budgetEur
        leveredEur
        perEuro
        initiatives {
          code
          budgetEur
          leveredEur
          perEuro
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<Q07LeverageQuery, Q07LeverageQueryVariables>;
export const Q08MilestonesDocument = new TypedDocumentString(`
    query Q08Milestones($dueWithinDays: Int!, $lastVisit: String) {
  networkSummary(filter: {dueWithinDays: $dueWithinDays}) {
    today
    milestones {
      total
      byStatus {
        key
        count
      }
      dueSoon
      overdue
      dueWithinDays
    }
  }
  changedSinceLastVisit: events(
    first: 100
    after: $lastVisit
    filter: {types: [MILESTONE_CHANGED]}
  ) {
    nodes {
      cursor
      occurredAt
      payload
      milestone {
        title
        status
        dueOn
        initiative {
          code
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<Q08MilestonesQuery, Q08MilestonesQueryVariables>;
export const Q09StalledDocument = new TypedDocumentString(`
    query Q09Stalled($months: Int!) {
  networkSummary(filter: {stalledAfterMonths: $months}) {
    stalled
    stalledAfterMonths
    stalledInitiatives(first: 100) {
      code
      title
      status
      lead {
        code
      }
    }
  }
}
    `) as unknown as TypedDocumentString<Q09StalledQuery, Q09StalledQueryVariables>;
export const Q10EvaluationBaselineDocument = new TypedDocumentString(`
    query Q10EvaluationBaseline($years: [Int!]!) {
  evaluationIndicators(years: $years) {
    year
    jointInitiatives
    initiativesWithRoms
    meanRomsPerInitiative
    medianRomsPerInitiative
    learningActivities
    learningParticipants
    competenceActivities
    competenceParticipants
    outputs
    byPillar {
      pillar
      jointInitiatives
      learningActivities
      competenceActivities
      outputs
    }
  }
}
    `) as unknown as TypedDocumentString<Q10EvaluationBaselineQuery, Q10EvaluationBaselineQueryVariables>;
export const Q11OutputsAndAuditTrailDocument = new TypedDocumentString(`
    query Q11OutputsAndAuditTrail($initiative: String!) {
  outputs(first: 100) {
    totalCount
    nodes {
      kind
      title
      url
      publishedOn
      source
      confidence
      initiative {
        code
      }
    }
  }
  initiative(code: $initiative) {
    code
    auditTrail(first: 100) {
      nodes {
        type
        occurredAt
        actor {
          code
        }
        payload
        source
        confidence
      }
    }
  }
}
    `) as unknown as TypedDocumentString<Q11OutputsAndAuditTrailQuery, Q11OutputsAndAuditTrailQueryVariables>;
export const Q12EsmeeEcosystemsDocument = new TypedDocumentString(`
    query Q12EsmeeEcosystems {
  esmee: initiative(code: "ESMEE") {
    code
    themes
    externalLinks {
      label
      url
    }
    outputs {
      kind
      title
      url
    }
  }
  ecosystems: initiatives(
    first: 25
    filter: {themes: [CLIMATE_ENERGY, ENERGY_SECURITY, AGRI_FOOD]}
  ) {
    totalCount
    nodes {
      code
      themes
      externalLinks {
        label
        url
      }
      participants(first: 40) {
        nodes {
          organisation {
            code
            kind
            provinces
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<Q12EsmeeEcosystemsQuery, Q12EsmeeEcosystemsQueryVariables>;
export const Q13MarketsDocument = new TypedDocumentString(`
    query Q13Markets {
  markets(kind: ROM) {
    code
    nameEn
    initiatives {
      code
      status
    }
    leads {
      code
    }
    participants {
      code
    }
    notYetIn {
      code
    }
  }
  missions: initiatives(
    first: 100
    filter: {kinds: [NETWORK, PROGRAMME, SUBSIDY_PROGRAMME, TRADE_MISSION, EVENT, EVENT_PARTICIPATION], coreTasks: [INTERNATIONALISE]}
  ) {
    nodes {
      code
      kind
      markets
      lead {
        code
      }
      romCount
    }
  }
}
    `) as unknown as TypedDocumentString<Q13MarketsQuery, Q13MarketsQueryVariables>;
export const RecentEventsDocument = new TypedDocumentString(`
    query RecentEvents($after: String) {
  events(
    first: 50
    after: $after
    filter: {types: [PARTNER_JOINED, MILESTONE_CHANGED, MILESTONE_ADDED]}
  ) {
    pageInfo {
      endCursor
      hasNextPage
    }
    nodes {
      cursor
      type
      occurredAt
      initiative {
        code
      }
      organisation {
        code
      }
      milestone {
        title
        status
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RecentEventsQuery, RecentEventsQueryVariables>;
export const RomMatrixDocument = new TypedDocumentString(`
    query RomMatrix {
  collaborationMatrix(kind: ROM) {
    organisations {
      code
    }
    counts
  }
}
    `) as unknown as TypedDocumentString<RomMatrixQuery, RomMatrixQueryVariables>;
export const RomMetricsDocument = new TypedDocumentString(`
    query RomMetrics {
  networkMetrics(kind: ROM) {
    organisation {
      code
    }
    degree
    weightedDegree
    betweenness
    closeness
    community
    bridge
    computedAt
  }
}
    `) as unknown as TypedDocumentString<RomMetricsQuery, RomMetricsQueryVariables>;
export const RomNetworkDocument = new TypedDocumentString(`
    query RomNetwork {
  partnershipGraph(
    filter: {organisationKinds: [ROM], edgeKinds: [CO_PARTICIPATION]}
  ) {
    asOf
    nodes {
      key
      attributes
    }
    edges {
      key
      source
      target
      weight
      themes
    }
  }
}
    `) as unknown as TypedDocumentString<RomNetworkQuery, RomNetworkQueryVariables>;
export const RomsOfProvinceDocument = new TypedDocumentString(`
    query RomsOfProvince($province: String! = "NL-NH") {
  organisations(filter: {kinds: [ROM], provinces: [$province]}) {
    nodes {
      code
      name
      provinces
      website
    }
  }
}
    `) as unknown as TypedDocumentString<RomsOfProvinceQuery, RomsOfProvinceQueryVariables>;
export const SupraRegionalInitiativesDocument = new TypedDocumentString(`
    query SupraRegionalInitiatives {
  initiatives(first: 50, filter: {supraRegional: true}) {
    totalCount
    nodes {
      code
      title
      status
      themes
      romCount
      lead {
        code
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<
  SupraRegionalInitiativesQuery,
  SupraRegionalInitiativesQueryVariables
>;
