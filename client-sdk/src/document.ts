/**
 * Documents as the client takes them: a typed string (what the SDK generates), a syntax tree (a
 * TypedDocumentNode of your own codegen, or `parse(...)`), or plain text. All become the text that is sent.
 */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { Kind, print, type DocumentNode, type OperationDefinitionNode } from 'graphql';

/** Any document: its result and variables are inferred when it carries them. */
export type AnyDocument<R = any, V = any> = DocumentTypeDecoration<R, V> | DocumentNode | string;

/** What a document's result is. */
export type ResultOf<D> = D extends DocumentTypeDecoration<infer R, any> ? R : never;
/** What a document's variables are. */
export type VariablesOf<D> = D extends DocumentTypeDecoration<any, infer V> ? V : never;

const printed = new WeakMap<DocumentNode, string>();

const isTree = (document: unknown): document is DocumentNode =>
  typeof document === 'object' && document !== null && (document as DocumentNode).kind === Kind.DOCUMENT;

/** The text to send. */
export function documentText(document: AnyDocument): string {
  if (isTree(document)) {
    let text = printed.get(document);
    if (text === undefined) printed.set(document, (text = print(document)));
    return text;
  }
  return String(document);
}

/** Whether it is a query (so it may be sent again): read from the tree, or from the text's first keyword. */
export function isQuery(document: AnyDocument): boolean {
  if (isTree(document)) {
    const operation = document.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
    return operation?.operation === 'query';
  }
  const text = String(document).replace(/#.*$/gm, '');
  return !/^\s*(mutation|subscription)\b/.test(text);
}
