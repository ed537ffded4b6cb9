import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Every export of the package (`@romgraph/client` and `@romgraph/client/node`) has TSDoc with an example: what
// an editor shows a partner on hover. Read with the TypeScript compiler, as editors read it.
const ENTRIES = ['client-sdk/src/index.ts', 'client-sdk/src/node.ts'];

function exportsOf(): { entry: string; name: string; documented: boolean; example: boolean }[] {
  const program = ts.createProgram(ENTRIES, {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  return ENTRIES.flatMap((entry) => {
    const module = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
    return checker.getExportsOfModule(module).map((symbol) => {
      // A re-export is documented where it is declared, or on the export itself (`export * as graphql`).
      const candidates = [symbol];
      if (symbol.flags & ts.SymbolFlags.Alias) candidates.push(checker.getAliasedSymbol(symbol));
      const docs = candidates.map((s) => ts.displayPartsToString(s.getDocumentationComment(checker)));
      const tags = candidates.flatMap((s) => s.getJsDocTags(checker));
      const onStatement = candidates
        .flatMap((s) => s.declarations ?? [])
        .flatMap((d) =>
          ts.getJSDocCommentsAndTags(
            ts.isExportSpecifier(d) ? d.parent.parent : ts.isNamespaceExport(d) ? d.parent : d,
          ),
        );
      return {
        entry: entry.split('/').pop()!,
        name: symbol.name,
        documented:
          docs.some((d) => d.trim().length > 0) || onStatement.some((d) => ts.isJSDoc(d) && !!d.comment),
        example:
          tags.some((t) => t.name === 'example') ||
          onStatement.some((d) => ts.isJSDoc(d) && (d.tags ?? []).some((t) => t.tagName.text === 'example')),
      };
    });
  });
}

describe('the SDK documentation', () => {
  it('has TSDoc with an @example on every export', () => {
    const found = exportsOf();
    expect(found.length).toBeGreaterThan(35);
    expect(found.filter((e) => !e.documented || !e.example).map((e) => `${e.entry}: ${e.name}`)).toEqual([]);
  });

  it('exports no internals (the feed machinery, the backoff)', () => {
    const names = exportsOf().map((e) => e.name);
    expect(names).toContain('createRomgraphClient');
    expect(names).not.toContain('openFeed');
    expect(names).not.toContain('FeedContext');
    expect(names).not.toContain('backoffMs');
  });
});

describe('the SDK sources', () => {
  const src = path.resolve(import.meta.dirname, '../../client-sdk/src');
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory()
        ? files(path.join(dir, e.name))
        : e.name.endsWith('.ts')
          ? [path.join(dir, e.name)]
          : [],
    );
  const imports = (file: string) => {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    return source.statements
      .filter((s) => (ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) && s.moduleSpecifier)
      .map((s) => ((s as ts.ImportDeclaration).moduleSpecifier as ts.StringLiteral).text);
  };

  it('import no server code, only graphql, graphql-ws and the typed-document-node types (Node only in /node)', () => {
    const allowed = new Set(['graphql', 'graphql-ws', '@graphql-typed-document-node/core']);
    const wrong: string[] = [];
    for (const file of files(src)) {
      const name = path.relative(src, file);
      for (const spec of imports(file)) {
        const relative = spec.startsWith('.');
        const inside = relative && path.resolve(path.dirname(file), spec).startsWith(src + path.sep);
        const ok = inside || allowed.has(spec) || (name === 'node.ts' && spec.startsWith('node:'));
        if (!ok) wrong.push(`${name}: ${spec}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(files(src).length).toBeGreaterThan(5);
  });

  it('declare exactly those as runtime dependencies', () => {
    const manifest = JSON.parse(readFileSync(path.join(src, '..', 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(manifest.dependencies).sort()).toEqual([
      '@graphql-typed-document-node/core',
      'graphql',
      'graphql-ws',
    ]);
  });
});
