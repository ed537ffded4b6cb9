/**
 * npm run db:generate -- <Name>
 *
 * Diffs the entities against a database migrated to the latest migration and writes the difference as a new
 * migration under migrations/, registered in migrations/index.ts. Read and edit it before committing: GIN
 * indexes, data moves and anything TypeORM cannot express are written by hand.
 * With `--check` it writes nothing and exits 1 when the entities and migrations disagree (CI drift check).
 */
import 'reflect-metadata';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createDataSource } from '../server/data-source.js';
import { withScratchDatabase } from './lib/postgres.js';

// A PostgreSQL server to diff on (a throwaway database is made on it).
const adminUrl = process.env.ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const args = process.argv.slice(2);
const check = args.includes('--check');
const name = args.find((a) => !a.startsWith('--'));
if (!check && (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name))) {
  console.error('usage: npm run db:generate -- <PascalCaseName>   (or --check)');
  process.exit(2);
}

await withScratchDatabase(adminUrl, async (url) => {
  const ds = createDataSource({ url });
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    const sql = await ds.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) {
      console.log('[db:generate] entities and migrations agree; nothing to generate');
      return;
    }
    if (check) {
      console.error(
        '[db:generate] the entities differ from the migrations; run npm run db:generate -- <Name>:',
      );
      for (const q of sql.upQueries) console.error('  ' + q.query);
      process.exitCode = 1;
      return;
    }
    const stamp = Date.now();
    const className = `${name}${stamp}`;
    // SQL as template literals (readable, quotes unescaped) unless it holds a backtick or `${`.
    const literal = (sql: string) =>
      /`|\$\{/.test(sql) ? JSON.stringify(sql) : `\`${sql.replace(/\\/g, '\\\\')}\``;
    const quote = (q: { query: string; parameters?: unknown[] }) =>
      `    await queryRunner.query(${literal(q.query)}${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ''});`;
    const body = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${sql.upQueries.map(quote).join('\n')}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${sql.downQueries.map(quote).reverse().join('\n')}
  }
}
`;
    const file = `${stamp}-${name!.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}`;
    await writeFile(path.join('migrations', `${file}.ts`), body);
    const indexPath = path.join('migrations', 'index.ts');
    const index = await readFile(indexPath, 'utf8');
    const importLine = `import { ${className} } from './${file}.js';\n`;
    const updated = index
      .replace(/\n\nexport const migrations/, `\n${importLine}\nexport const migrations`)
      .replace(/export const migrations = \[([^\]]*)\];/, (_m, list: string) => {
        const items = list
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        return `export const migrations = [${[...items, className].join(', ')}];`;
      });
    await writeFile(indexPath, updated);
    console.log(
      `[db:generate] wrote migrations/${file}.ts; read it, add what TypeORM cannot express, then commit`,
    );
  } finally {
    await ds.destroy();
  }
});
