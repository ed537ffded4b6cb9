/**
 * Dutch and English. The interface's own words are here; themes, pillars and core tasks come with both labels
 * from the API's taxonomy (`labelNl`, `labelEn`), so the dashboard names them exactly as the network does.
 */
export type Lang = 'nl' | 'en';

const WORDS = {
  partnershipsOnly: [
    'meer dan één tekening toont; alleen de samenwerkingsverbanden getekend. Kies een thema, pijler of provincie voor de gedeelde initiatieven.',
    'more than one drawing shows; partnerships only are drawn. Choose a theme, pillar or province for the shared initiatives.',
  ],
  appTitle: ['romgraph - het ROM-netwerk', 'romgraph - the ROM network'],
  skip: ['Naar de inhoud', 'Skip to content'],
  views: ['Weergaven', 'Views'],
  network: ['Netwerk', 'Network'],
  matrix: ['ROM-matrix', 'ROM matrix'],
  initiatives: ['Initiatieven', 'Initiatives'],
  money: ['Financiering', 'Money'],
  live: ['Live', 'Live'],
  language: ['Taal', 'Language'],
  signIn: ['Inloggen', 'Sign in'],
  signOut: ['Uitloggen', 'Sign out'],
  signedInAs: ['Ingelogd als', 'Signed in as'],
  anonymous: ['Niet ingelogd: alleen openbare gegevens', 'Not signed in: public data only'],
  pasteCredential: ['Token of API-sleutel', 'Token or API key'],
  pasteHelp: [
    'Plak een bearer-token of een API-sleutel (rgk_...).',
    'Paste a bearer token or an API key (rgk_...).',
  ],
  use: ['Gebruiken', 'Use'],
  signInAs: ['Inloggen als (alleen in ontwikkeling)', 'Sign in as (development only)'],
  organisation: ['Organisatie', 'Organisation'],
  role: ['Rol', 'Role'],
  close: ['Sluiten', 'Close'],
  filters: ['Filters', 'Filters'],
  theme: ['Thema', 'Theme'],
  pillar: ['Pijler', 'Pillar'],
  province: ['Provincie', 'Province'],
  kind: ['Soort organisatie', 'Organisation kind'],
  all: ['Alle', 'All'],
  asOf: ['Stand op', 'As of'],
  play: ['Afspelen', 'Play'],
  pause: ['Pauzeren', 'Pause'],
  organisations: ['organisaties', 'organisations'],
  ties: ['verbindingen', 'ties'],
  legend: ['Legenda', 'Legend'],
  sizeByBetweenness: [
    'Grootte: betweenness-centraliteit. Doorgetrokken lijn: partnerschap; lichte lijn: samen in een initiatief.',
    'Size: betweenness centrality. Solid line: partnership; light line: together in an initiative.',
  ],
  drawingTable: ['Wat de tekening toont', 'What the drawing shows'],
  name: ['Naam', 'Name'],
  partners: ['Partners', 'Partners'],
  betweenness: ['Betweenness', 'Betweenness'],
  degree: ['Graad', 'Degree'],
  pathFinder: ['Kortste pad', 'Path finder'],
  from: ['Van', 'From'],
  to: ['Naar', 'To'],
  findPath: ['Zoek pad', 'Find path'],
  noPath: ['Geen pad binnen 6 stappen.', 'No path within 6 hops.'],
  hops: ['stappen', 'hops'],
  panelInitiatives: ['Initiatieven', 'Initiatives'],
  panelPartners: ['Partners', 'Partners'],
  panelMetrics: ['Kengetallen', 'Metrics'],
  source: ['Bron', 'Source'],
  confidence: ['Betrouwbaarheid', 'Confidence'],
  unverified: ['niet geverifieerd', 'unverified'],
  closeness: ['Closeness', 'Closeness'],
  community: ['Gemeenschap', 'Community'],
  bridge: ['Brug', 'Bridge'],
  yes: ['ja', 'yes'],
  no: ['nee', 'no'],
  matrixCaption: [
    'Gedeelde initiatieven per paar ROMs (diagonaal: initiatieven van de ROM zelf)',
    'Shared initiatives per pair of ROMs (diagonal: initiatives of the ROM itself)',
  ],
  allThemes: ['Alle thema\u2019s', 'All themes'],
  supraRegional: ['Bovenregionale initiatieven', 'Supra-regional initiatives'],
  code: ['Code', 'Code'],
  title: ['Titel', 'Title'],
  lead: ['Trekker', 'Lead'],
  roms: ['ROMs', 'ROMs'],
  status: ['Status', 'Status'],
  milestones: ['Mijlpalen', 'Milestones'],
  timeline: ['Mijlpalen op de tijdlijn', 'Milestones on the timeline'],
  due: ['Gepland', 'Due'],
  dueSoon: ['binnenkort', 'due soon'],
  overdue: ['te laat', 'overdue'],
  stalled: ['stilgevallen', 'stalled'],
  stalledInitiatives: ['Stilgevallen initiatieven', 'Stalled initiatives'],
  none: ['geen', 'none'],
  fundingByTheme: ['Financiering per thema', 'Funding by theme'],
  fundingByPillar: ['Financiering per pijler', 'Funding by pillar'],
  fundingByYear: ['Financiering per jaar', 'Funding by year'],
  amount: ['Bedrag (EUR)', 'Amount (EUR)'],
  allocations: ['Toekenningen', 'Allocations'],
  moneyNeedsNetwork: [
    'Bedragen zijn alleen zichtbaar voor leden van het netwerk: log in.',
    'Amounts are visible to network members only: sign in.',
  ],
  total: ['Totaal', 'Total'],
  feed: ['Wat er gebeurt', 'What is happening'],
  inbox: ['Mijn meldingen', 'My notifications'],
  unread: ['ongelezen', 'unread'],
  markAllRead: ['Alles gelezen', 'Mark all read'],
  waiting: ['Wachten op nieuwe gebeurtenissen...', 'Waiting for new events...'],
  connected: ['verbonden', 'connected'],
  reconnecting: ['opnieuw verbinden...', 'reconnecting...'],
  loading: ['Laden...', 'Loading...'],
  error: ['Er ging iets mis', 'Something went wrong'],
  computing: ['Kengetallen worden berekend...', 'Metrics are being computed...'],
  apiLink: ['API verkennen (GraphiQL)', 'Explore the API (GraphiQL)'],
} satisfies Record<string, [string, string]>;

export type Word = keyof typeof WORDS;

const KINDS: Record<string, [string, string]> = {
  ROM: ['ROM', 'ROM'],
  ROM_NETWORK: ['ROM-netwerk', 'ROM network'],
  TKI: ['TKI', 'TKI'],
  TO2_INSTITUTE: ['TO2-instituut', 'TO2 institute'],
  TO2_FEDERATION: ['TO2-federatie', 'TO2 federation'],
  UNIVERSITY: ['Universiteit', 'University'],
  UNIVERSITY_OF_APPLIED_SCIENCES: ['Hogeschool', 'University of applied sciences'],
  RESEARCH_INSTITUTE: ['Onderzoeksinstituut', 'Research institute'],
  RESEARCH_FUNDER: ['Onderzoeksfinancier', 'Research funder'],
  MINISTRY: ['Ministerie', 'Ministry'],
  PROVINCE: ['Provincie', 'Province'],
  PROVINCES_ASSOCIATION: ['Provinciekoepel', 'Association of provinces'],
  MUNICIPALITY: ['Gemeente', 'Municipality'],
  NATIONAL_AGENCY: ['Rijksdienst', 'National agency'],
  REGIONAL_ECONOMIC_AGENCY: ['Regionale economische organisatie', 'Regional economic agency'],
  CLUSTER_ORGANISATION: ['Clusterorganisatie', 'Cluster organisation'],
  ECOSYSTEM_ORGANISATION: ['Ecosysteemorganisatie', 'Ecosystem organisation'],
  INVESTMENT_INSTITUTION: ['Investeringsinstelling', 'Investment institution'],
  ASSOCIATION: ['Vereniging', 'Association'],
  ACADEMY: ['Academie', 'Academy'],
  COMPANY: ['Bedrijf', 'Company'],
  OTHER: ['Overig', 'Other'],
};

const CONFIDENCE: Record<string, [string, string]> = {
  CONFIRMED: ['bevestigd', 'confirmed'],
  LIKELY: ['waarschijnlijk', 'likely'],
  UNCERTAIN: ['onzeker', 'uncertain'],
  UNVERIFIED: ['niet geverifieerd', 'unverified'],
};

const EVENT_TYPES: Record<string, [string, string]> = {
  ACTIVITY_RECORDED: ['Activiteit vastgelegd', 'Activity recorded'],
  FOLLOWED: ['Volgt', 'Followed'],
  FUNDING_ALLOCATED: ['Financiering toegekend', 'Funding allocated'],
  INITIATIVE_CREATED: ['Initiatief gestart', 'Initiative created'],
  INITIATIVE_UPDATED: ['Initiatief gewijzigd', 'Initiative updated'],
  MILESTONE_ADDED: ['Mijlpaal toegevoegd', 'Milestone added'],
  MILESTONE_CHANGED: ['Mijlpaal gewijzigd', 'Milestone changed'],
  ORGANISATION_CREATED: ['Organisatie toegevoegd', 'Organisation added'],
  ORGANISATION_UPDATED: ['Organisatie gewijzigd', 'Organisation updated'],
  OUTPUT_RECORDED: ['Resultaat vastgelegd', 'Output recorded'],
  PARTNERSHIP_ENDED: ['Samenwerking beëindigd', 'Partnership ended'],
  PARTNERSHIP_FORMED: ['Samenwerking aangegaan', 'Partnership formed'],
  PARTNER_JOINED: ['Partner aangesloten', 'Partner joined'],
  PARTNER_LEFT: ['Partner vertrokken', 'Partner left'],
  UNFOLLOWED: ['Volgt niet meer', 'Unfollowed'],
  WEBHOOK_DISABLED: ['Webhook uitgeschakeld', 'Webhook disabled'],
};

const REASONS: Record<string, [string, string]> = {
  FOLLOWING_INITIATIVE: ['u volgt dit initiatief', 'you follow this initiative'],
  FOLLOWING_ORGANISATION: ['u volgt deze organisatie', 'you follow this organisation'],
  FOLLOWING_PILLAR: ['u volgt deze pijler', 'you follow this pillar'],
  FOLLOWING_THEME: ['u volgt dit thema', 'you follow this theme'],
  PARTICIPATING: ['uw organisatie doet mee', 'your organisation takes part'],
};

const PROVINCES: Record<string, string> = {
  'NL-DR': 'Drenthe',
  'NL-FL': 'Flevoland',
  'NL-FR': 'Fryslân',
  'NL-GE': 'Gelderland',
  'NL-GR': 'Groningen',
  'NL-LI': 'Limburg',
  'NL-NB': 'Noord-Brabant',
  'NL-NH': 'Noord-Holland',
  'NL-OV': 'Overijssel',
  'NL-UT': 'Utrecht',
  'NL-ZE': 'Zeeland',
  'NL-ZH': 'Zuid-Holland',
};

let lang: Lang = initialLang();
const listeners = new Set<() => void>();

function initialLang(): Lang {
  const stored = localStorage.getItem('romgraph.lang');
  if (stored === 'nl' || stored === 'en') return stored;
  return navigator.language.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

export function currentLang(): Lang {
  return lang;
}

export function setLang(next: Lang): void {
  lang = next;
  localStorage.setItem('romgraph.lang', next);
  document.documentElement.lang = next;
  for (const listener of listeners) listener();
}

export function onLangChange(listener: () => void): void {
  listeners.add(listener);
}

export function t(word: Word): string {
  return WORDS[word][lang === 'nl' ? 0 : 1];
}

export function kindLabel(kind: string): string {
  const labels = KINDS[kind];
  return labels ? labels[lang === 'nl' ? 0 : 1] : kind;
}

export function eventTypeLabel(type: string): string {
  const labels = EVENT_TYPES[type];
  return labels ? labels[lang === 'nl' ? 0 : 1] : type;
}

/** Why a notification reached its reader. */
export function reasonLabel(reason: string): string {
  const labels = REASONS[reason];
  return labels ? labels[lang === 'nl' ? 0 : 1] : reason;
}

export function confidenceLabel(confidence: string | null | undefined): string {
  if (!confidence) return '';
  const labels = CONFIDENCE[confidence];
  return labels ? labels[lang === 'nl' ? 0 : 1] : confidence;
}

export function provinceLabel(code: string): string {
  return PROVINCES[code] ?? code;
}

export const PROVINCE_CODES = Object.keys(PROVINCES);

/** A taxonomy entry's label in the current language. */
export function labelOf(entry: { labelNl: string; labelEn: string } | undefined, fallback: string): string {
  if (!entry) return fallback;
  return lang === 'nl' ? entry.labelNl : entry.labelEn;
}

export function formatNumber(value: number, digits = 0): string {
  return value.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  });
}

export function formatEur(value: number): string {
  return value.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
  });
}

export function formatDate(value: string): string {
  const date = new Date(value.length === 10 ? `${value}T12:00:00Z` : value);
  return date.toLocaleDateString(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  });
}

export function formatTime(value: string): string {
  return new Date(value).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}
