/**
 * The application's database: infra's data source with every entity and migration of the application. Every
 * entry point (the app, scripts, tests) opens the database through this.
 */
import { migrations } from '../migrations/index.js';
import { entities } from './entities.js';
import { createDataSourceOf, type DatabaseOptions } from './infra/db/data-source.js';

export function createDataSource(options: DatabaseOptions) {
  return createDataSourceOf({ entities, migrations }, options);
}
