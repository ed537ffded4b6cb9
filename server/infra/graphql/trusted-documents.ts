/**
 * Trusted documents: the operations the SDK and the dashboard send, registered at build time by the SHA-256 of
 * their exact text (`npm run documents:emit` writes schema/trusted-documents.json, in the format of Apollo's
 * persisted query manifests). With TRUSTED_DOCUMENTS=all every caller, and with an API key created with
 * `trustedDocumentsOnly` that key, may run only these: a document is accepted by its text (whose hash must be
 * registered) or by `documentId: "sha256:<hash>"` instead of `query`. Anything else is refused with
 * PERSISTED_QUERY_NOT_IN_LIST before it runs.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { RequestScope } from '../request-scope.js';

/** Beside the server's sources: schema/ at the root of the repository and of the built `dist/`. */
export const TRUSTED_DOCUMENTS_FILE = fileURLToPath(
  new URL('../../../schema/trusted-documents.json', import.meta.url),
);

export type TrustedDocumentsMode = 'off' | 'all';

const HASH = /^(?:sha256:)?([0-9a-f]{64})$/;

export class TrustedDocuments {
  private readonly bodies = new Map<string, string>();

  constructor(operations: readonly { id: string; body: string }[]) {
    for (const { id, body } of operations) {
      const hash = sha256(body);
      if (hash !== id) throw new Error(`[documents] ${id} is not the SHA-256 of its body (${hash})`);
      this.bodies.set(hash, body);
    }
  }

  static load(file = TRUSTED_DOCUMENTS_FILE): TrustedDocuments {
    let manifest: { format?: unknown; operations?: { id: string; body: string }[] };
    try {
      manifest = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new Error(`[documents] cannot read the trusted documents in ${file}: ${(err as Error).message}`, {
        cause: err,
      });
    }
    if (manifest.format !== 'apollo-persisted-query-manifest' || !Array.isArray(manifest.operations))
      throw new Error(`[documents] ${file} is not a persisted query manifest`);
    return new TrustedDocuments(manifest.operations);
  }

  get size(): number {
    return this.bodies.size;
  }

  /** Whether a document's SHA-256 (hex) is registered. */
  has(hash: string): boolean {
    return this.bodies.has(hash);
  }

  /** Whether a document's text is registered. */
  trusts(text: string): boolean {
    return this.bodies.has(sha256(text));
  }

  /** The text of a registered `documentId` (`sha256:<hex>` or the bare hex), or undefined. */
  body(documentId: string): string | undefined {
    const hash = HASH.exec(documentId)?.[1];
    return hash === undefined ? undefined : this.bodies.get(hash);
  }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Refuses, before it runs, a document that is not registered from a caller restricted to trusted ones (an API
 * key so created; with TRUSTED_DOCUMENTS=all the HTTP layer refuses them before parsing already).
 */
export function trustedDocumentsPlugin<Context extends { scope: RequestScope }>(
  documents: TrustedDocuments,
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      if (!contextValue.scope.viewer.trustedDocumentsOnly) return;
      return {
        async didResolveOperation({ queryHash }) {
          if (!documents.has(queryHash)) throw untrustedDocument();
        },
      };
    },
  };
}

/** The refusal of a document that is not registered, to a caller restricted to trusted ones. */
export function untrustedDocument(): GraphQLError {
  return new GraphQLError(
    'Only trusted documents are accepted from this caller: send an operation registered with the server (the SDK and the dashboard send only such), by its exact text or as documentId "sha256:<hash>"',
    { extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST', http: { status: 400 } } },
  );
}

export function unknownDocumentId(documentId: string): GraphQLError {
  return new GraphQLError(
    `documentId ${JSON.stringify(documentId.slice(0, 80))} is not a registered document: send "sha256:<hash>" of one, or the query itself`,
    { extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', field: 'documentId', http: { status: 400 } } },
  );
}
