import { assertNever, canonicalLocode } from '@railbill/contracts';
import { documentPage, type Executor } from '@railbill/platform';
import { arrayContains, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { SiblingDeclaration } from '../domain/commands.ts';
import type { Declaration } from '../domain/state.ts';
import { declarationIndex } from './schema.ts';

/** The bill's declarations by type and status (lodgeImport refuses a second live import). */
export const loadSiblings = async (db: Executor, waybillId: string): Promise<SiblingDeclaration[]> => {
  const rows = await db
    .select({ type: declarationIndex.type, status: declarationIndex.status })
    .from(declarationIndex)
    .where(eq(declarationIndex.waybillId, waybillId));
  return rows.map((r) => ({ type: r.type as SiblingDeclaration['type'], status: r.status }));
};

/** Who asks: docs/contract.md §5 "parties on it, customs at its office, operator" (the SQL form of domain/access.ts). */
export type Viewer =
  | Readonly<{ kind: 'all' }>
  | Readonly<{ kind: 'offices'; offices: readonly string[] }>
  | Readonly<{ kind: 'party'; id: string }>;

export type DeclarationFilter = Readonly<{
  viewer: Viewer;
  waybillId?: string | undefined;
  after?: string | undefined;
  limit: number;
}>;

const visibleTo = (viewer: Viewer): SQL | undefined => {
  switch (viewer.kind) {
    case 'all':
      return undefined;
    case 'offices': {
      const offices = [...new Set(viewer.offices.map(canonicalLocode))];
      // a customs party serving no office sees nothing
      if (offices.length === 0) return sql`false`;
      return or(inArray(declarationIndex.office, offices), inArray(declarationIndex.destinationOffice, offices));
    }
    case 'party':
      return arrayContains(declarationIndex.parties, [viewer.id]);
    default:
      return assertNever(viewer);
  }
};

export type ListedDeclaration = Readonly<{ id: string; state: Declaration }>;

/** One page of declarations ordered by id (UUIDv7, so the cursor is the last id). */
export const listDeclarations = async (
  db: Executor,
  f: DeclarationFilter,
): Promise<{ items: ListedDeclaration[]; more: boolean }> => {
  const where = [
    visibleTo(f.viewer),
    f.waybillId === undefined ? undefined : eq(declarationIndex.waybillId, f.waybillId),
  ].filter((c): c is SQL => c !== undefined);
  const { rows, more } = await documentPage<Declaration>(
    db,
    { table: declarationIndex, id: declarationIndex.declarationId },
    { where, after: f.after, limit: f.limit },
  );
  return { items: rows.map((r) => ({ id: r.id, state: r.state })), more };
};
