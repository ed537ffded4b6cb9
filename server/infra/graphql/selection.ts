/**
 * Look-ahead: which fields a query selects below a field, so a batch statement fetches only the columns the
 * response needs (on a dashboard page, most of the per-row cost was parsing columns nobody asked for).
 * Follows fragments and inline fragments; @skip/@include are ignored (the field counts as selected).
 */
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

function collect(
  set: SelectionSetNode | undefined,
  info: GraphQLResolveInfo,
  path: string[],
  out: Set<string>,
): void {
  if (!set) return;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      if (path.length === 0) out.add(name);
      else if (name === path[0]) collect(selection.selectionSet, info, path.slice(1), out);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collect(selection.selectionSet, info, path, out);
    } else {
      collect(info.fragments[selection.name.value]?.selectionSet, info, path, out);
    }
  }
}

/** Names of the fields selected at `path` below the current field, e.g. `['nodes', 'organisation']`. */
export function selectedFields(info: GraphQLResolveInfo, ...paths: string[][]): Set<string> {
  const out = new Set<string>();
  for (const node of info.fieldNodes as readonly FieldNode[]) {
    for (const path of paths) collect(node.selectionSet, info, path, out);
  }
  return out;
}

/** True when `selected` holds any field outside `cheap`. */
export function needsMoreThan(selected: Set<string>, cheap: readonly string[]): boolean {
  for (const name of selected) if (name !== '__typename' && !cheap.includes(name)) return true;
  return false;
}
