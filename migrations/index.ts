/** Every migration in order. `npm run db:generate -- <Name>` writes a new one and adds it here. */
import { Initial1795813579830 } from './1795813579830-initial.js';
import { SearchIndexes1795815000000 } from './1795815000000-search-indexes.js';
import { ApiKeys1795816168473 } from './1795816168473-api-keys.js';
import { IntegrityConstraints1796136751932 } from './1796136751932-integrity-constraints.js';
import { AddExternalLinks1796153255105 } from './1796153255105-add-external-links.js';
import { FundingKindAndStatus1796157019956 } from './1796157019956-funding-kind-and-status.js';
import { Outputs1796157371079 } from './1796157371079-outputs.js';
import { InitiativeMarkets1796157711622 } from './1796157711622-initiative-markets.js';
import { ActivityTraining1796158000000 } from './1796158000000-activity-training.js';
import { PartialCoverage1796158185411 } from './1796158185411-partial-coverage.js';
import { StalledIndexes1796160624959 } from './1796160624959-stalled-indexes.js';
import { Notifications1796174042585 } from './1796174042585-notifications.js';
import { Webhooks1796176327495 } from './1796176327495-webhooks.js';
import { EventThemes1796185625089 } from './1796185625089-event-themes.js';
import { EventNames1796190000000 } from './1796190000000-event-names.js';
import { TrustedDocuments1796283261002 } from './1796283261002-trusted-documents.js';

export const migrations = [
  Initial1795813579830,
  SearchIndexes1795815000000,
  ApiKeys1795816168473,
  IntegrityConstraints1796136751932,
  AddExternalLinks1796153255105,
  FundingKindAndStatus1796157019956,
  Outputs1796157371079,
  InitiativeMarkets1796157711622,
  ActivityTraining1796158000000,
  PartialCoverage1796158185411,
  StalledIndexes1796160624959,
  Notifications1796174042585,
  Webhooks1796176327495,
  EventThemes1796185625089,
  EventNames1796190000000,
  TrustedDocuments1796283261002,
];
