/** npm run seed: imports the reference network. Safe to run again: it only adds what is missing. */
// Before any entity module: their decorators need the metadata API.
import 'reflect-metadata';
import { importReferenceData } from '../server/seed/importer.js';
import { openDatabase } from './cli-database.js';

const { db, where, close } = await openDatabase();
try {
  console.log(`[seed] importing the reference network into ${where}`);
  await importReferenceData(db, undefined, (line) => console.log(line));
} finally {
  await close();
}
