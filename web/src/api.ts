/**
 * The dashboard's operations, sent through the partner SDK (`@romgraph/client`). Each is a named document with
 * its result type; test/e2e/web-documents.test.ts validates every one against schema/schema.graphql, so a
 * schema change that breaks one fails the suite.
 */
import { createRomgraphClient, graphql, type RomgraphClient } from '@romgraph/client';
import { authOf, type Session } from './session';

type Theme = graphql.Theme;
type Pillar = graphql.Pillar;
type OrganisationKind = graphql.OrganisationKind;
export type { Theme, Pillar, OrganisationKind };

const doc = <R, V = Record<string, never>>(text: string) => new graphql.TypedDocumentString<R, V>(text);

export function clientFor(session: Session | null): RomgraphClient {
  const url = new URL('/graphql', window.location.href).href;
  return createRomgraphClient({ url, auth: authOf(session), retries: 1 });
}

export interface TaxonomyEntry {
  code: string;
  labelNl: string;
  labelEn: string;
}

export interface Basics {
  taxonomy: { themes: TaxonomyEntry[]; pillars: TaxonomyEntry[] };
  viewer: { role: string | null; organisation: { id: string; code: string; name: string } | null };
}
export const BasicsDocument = doc<Basics>(`query DashboardBasics {
  taxonomy { themes { code labelNl labelEn } pillars { code labelNl labelEn } }
  viewer { role organisation { id code name } }
}`);

export type GraphFilter = graphql.GraphFilter;
export interface GraphNodeData {
  key: string;
  code: string;
  label: string;
  kind: string;
  provinces: string[];
}
export interface GraphEdgeData {
  key: string;
  source: string;
  target: string;
  kind: 'PARTNERSHIP' | 'CO_PARTICIPATION';
  confidence: string | null;
  sharedInitiatives: number;
}
export interface NetworkGraph {
  partnershipGraph: { asOf: string; nodes: GraphNodeData[]; edges: GraphEdgeData[] };
}
export const GraphDocument = doc<
  NetworkGraph,
  { filter: GraphFilter }
>(`query DashboardGraph($filter: GraphFilter) {
  partnershipGraph(filter: $filter) {
    asOf
    nodes { key code label kind provinces }
    edges { key source target kind confidence sharedInitiatives }
  }
}`);

export interface MetricsRow {
  betweenness: number;
  closeness: number;
  degree: number;
  community: number;
  bridge: boolean;
  organisation: { code: string };
}
export const MetricsDocument = doc<
  { networkMetrics: MetricsRow[] },
  { asOf?: string; theme?: Theme }
>(`query DashboardMetrics($asOf: Date, $theme: Theme) {
  networkMetrics(asOf: $asOf, theme: $theme) {
    betweenness closeness degree community bridge
    organisation { code }
  }
}`);

export interface OrganisationPanel {
  organisation: {
    id: string;
    code: string;
    name: string;
    nameEn: string | null;
    kind: string;
    provinces: string[];
    website: string | null;
    source: string | null;
    confidence: string;
    participations: {
      totalCount: number;
      nodes: {
        role: string;
        active: boolean;
        confidence: string;
        source: string | null;
        initiative: { code: string; title: string; titleEn: string | null };
      }[];
    };
    partnerships: {
      totalCount: number;
      nodes: {
        kind: string;
        active: boolean;
        confidence: string;
        source: string | null;
        from: { code: string; name: string };
        to: { code: string; name: string };
      }[];
    };
  } | null;
}
export const OrganisationDocument = doc<
  OrganisationPanel,
  { code: string }
>(`query DashboardOrganisation($code: String!) {
  organisation(code: $code) {
    id code name nameEn kind provinces website source confidence
    participations(first: 50) {
      totalCount
      nodes { role active confidence source initiative { code title titleEn } }
    }
    partnerships(first: 50) {
      totalCount
      nodes { kind active confidence source from { code name } to { code name } }
    }
  }
}`);

export interface PathResult {
  shortestPath: {
    length: number;
    organisations: { code: string; name: string }[];
    edges: { kind: string; source: string; target: string }[];
  } | null;
}
export const PathDocument = doc<
  PathResult,
  { fromId: string; toId: string; asOf?: string }
>(`query DashboardPath($fromId: ID!, $toId: ID!, $asOf: Date) {
  shortestPath(fromId: $fromId, toId: $toId, asOf: $asOf) {
    length
    organisations { code name }
    edges { kind source target }
  }
}`);

export interface Matrix {
  collaborationMatrix: {
    asOf: string;
    counts: number[][];
    organisations: { code: string; name: string; shortName: string | null }[];
  };
}
export const MatrixDocument = doc<Matrix, { theme?: Theme }>(`query DashboardMatrix($theme: Theme) {
  collaborationMatrix(theme: $theme) {
    asOf
    counts
    organisations { code name shortName }
  }
}`);

export interface InitiativeRow {
  id: string;
  code: string;
  title: string;
  titleEn: string | null;
  status: string;
  romCount: number;
  visibility: string;
  lead: { code: string; name: string } | null;
  participants: { nodes: { organisation: { code: string; kind: string } }[] };
  milestones: { id: string; title: string; status: string; dueOn: string | null }[];
}
export interface Initiatives {
  initiatives: { totalCount: number; nodes: InitiativeRow[] };
  networkSummary: {
    today: string;
    stalledAfterMonths: number;
    milestones: { dueWithinDays: number; dueSoon: number; overdue: number };
    stalledInitiatives: { code: string }[];
  };
}
export const InitiativesDocument = doc<Initiatives>(`query DashboardInitiatives {
  initiatives(first: 100, filter: { supraRegional: true }) {
    totalCount
    nodes {
      id code title titleEn status romCount visibility
      lead { code name }
      participants(first: 50) { nodes { organisation { code kind } } }
      milestones { id title status dueOn }
    }
  }
  networkSummary {
    today stalledAfterMonths
    milestones { dueWithinDays dueSoon overdue }
    stalledInitiatives(first: 100) { code }
  }
}`);

export interface FundingTotal {
  key: string;
  amountEur: number | null;
  allocations: number;
}
export interface Money {
  networkSummary: {
    funding: {
      totalEur: number | null;
      allocations: number;
      byTheme: FundingTotal[];
      byPillar: FundingTotal[];
      byYear: FundingTotal[];
    };
  };
}
export const MoneyDocument = doc<Money>(`query DashboardMoney {
  networkSummary {
    funding {
      totalEur allocations
      byTheme { key amountEur allocations }
      byPillar { key amountEur allocations }
      byYear { key amountEur allocations }
    }
  }
}`);

export interface InboxItem {
  cursor: string;
  id: string;
  reason: string;
  readAt: string | null;
  event: FeedItemEvent;
}
export interface FeedItemEvent {
  id: string;
  type: string;
  occurredAt: string;
  payload: Record<string, unknown>;
  organisation: { id: string; code: string } | null;
  initiative: { id: string; code: string; title: string } | null;
  milestone: { id: string; title: string; status: string; dueOn?: string | null } | null;
}
export interface Inbox {
  viewer: { unreadCount: number; notifications: { nodes: InboxItem[] } };
}
export const InboxDocument = doc<Inbox>(`query DashboardInbox {
  viewer {
    unreadCount
    notifications(first: 20) {
      nodes {
        cursor id reason readAt
        event {
          id type occurredAt payload
          organisation { id code }
          initiative { id code title }
          milestone { id title status dueOn }
        }
      }
    }
  }
}`);

export const MarkAllReadDocument = doc<{ markNotificationsRead: number }, { upTo: string }>(
  `mutation DashboardMarkAllRead($upTo: String!) { markNotificationsRead(upTo: $upTo) }`,
);

/** Every document above, for the test that validates them against the schema. */
export const DOCUMENTS: { toString(): string }[] = [
  BasicsDocument,
  GraphDocument,
  MetricsDocument,
  OrganisationDocument,
  PathDocument,
  MatrixDocument,
  InitiativesDocument,
  MoneyDocument,
  InboxDocument,
  MarkAllReadDocument,
];

export interface OrganisationChoice {
  id: string;
  code: string;
  name: string;
  kind: string;
}
export const OrganisationsDocument = doc<{
  organisations: { totalCount: number; nodes: OrganisationChoice[] };
}>(`query DashboardOrganisations {
  organisations(first: 100) { totalCount nodes { id code name kind } }
}`);
DOCUMENTS.push(OrganisationsDocument);
