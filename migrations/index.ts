/** Every migration in order. `npm run db:generate -- <Name>` writes a new one and adds it here. */
import { Initial1795813579830 } from './1795813579830-initial.js';
import { SearchIndexes1795900000000 } from './1795900000000-search-indexes.js';

export const migrations = [Initial1795813579830, SearchIndexes1795900000000];
