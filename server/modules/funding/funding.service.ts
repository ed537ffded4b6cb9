import { can, canSeeFundingAmounts, requireWriter } from '../../infra/auth/access.js';
import type { Database, Row } from '../../infra/db/database.js';
import { BadInputError } from '../../infra/errors.js';
import { numberOrNull, Table } from '../../infra/db/table.js';
import { FundingAllocationEntity } from './funding-allocation.entity.js';
import { groupBy, type RequestScope } from '../../infra/request-scope.js';
import * as valid from '../../infra/validation.js';
import type { InitiativeService } from '../initiatives/index.js';
import type { OrganisationService } from '../organisations/index.js';
import { Confidence, EventType, FundingBasis, FundingKind, FundingStatus } from '../../vocabulary.js';
import type { AllocateFundingInput } from './funding.inputs.js';
import { FundingAllocation } from './funding-allocation.type.js';
import { appendEvent } from '../../live/index.js';
import { loadVisibleByKey } from '../../infra/db/visible-by-key.js';

/** Funding allocations: columns, row mapping and the INSERT column list, all from the entity. */
export const fundingTable = new Table(
  'funding_allocations',
  FundingAllocationEntity,
  () => new FundingAllocation(),
  {
    // `amountEur` is what the caller is shown (see `present`); the stored amount is `amount`.
    fields: { sourceOrganisationId: 'sourcePk', amountEur: 'amount' },
    read: { amountEur: numberOrNull },
  },
);

export function fundingFromRow(row: Row): FundingAllocation {
  return fundingTable.fromRow(row);
}

const COLUMNS = fundingTable.select('f');

/** Funding allocations. Amounts are shown to network members only. Emits FUNDING_ALLOCATED. */
export class FundingService {
  constructor(
    private readonly db: Database,
    private readonly organisations: OrganisationService,
    private readonly initiatives: InitiativeService,
  ) {}

  private present(scope: RequestScope, allocation: FundingAllocation): FundingAllocation {
    allocation.amountEur = canSeeFundingAmounts(scope.viewer) ? allocation.amount : null;
    return allocation;
  }

  byPk(scope: RequestScope, pk: number): Promise<FundingAllocation | null> {
    return loadVisibleByKey(
      this.db,
      scope,
      {
        loader: 'funding.byPk',
        select: `SELECT ${COLUMNS} FROM funding_allocations f JOIN initiatives i ON i.id = f.initiative_id`,
        key: 'f.id',
        keyType: 'int[]',
        toObject: (r) => this.present(scope, fundingFromRow(r)),
        keyOf: (f) => f.pk,
      },
      pk,
    );
  }

  /** Allocations of an initiative the caller can already see, batched per request. */
  ofInitiative(scope: RequestScope, initiativePk: number): Promise<FundingAllocation[]> {
    return scope
      .loader<number, FundingAllocation[]>('funding.ofInitiative', async (pks) => {
        const rows = await this.db.read(
          `SELECT ${COLUMNS} FROM funding_allocations f WHERE f.initiative_id = ANY($1::int[])
            ORDER BY f.initiative_id, f.year NULLS LAST, f.id`,
          [pks],
        );
        return groupBy(
          pks,
          rows.map((r) => this.present(scope, fundingFromRow(r))),
          (f) => f.initiativePk,
        );
      })
      .load(initiativePk);
  }

  async allocate(scope: RequestScope, input: AllocateFundingInput): Promise<FundingAllocation> {
    requireWriter(scope.viewer, 'allocate funding');
    const initiative = await this.initiatives.require(scope, input.initiativeId, 'input.initiativeId');
    const source = input.sourceOrganisationId
      ? await this.organisations.require(scope, input.sourceOrganisationId, 'input.sourceOrganisationId')
      : null;
    const sourceLabel = valid.optionalText(input.sourceLabel, 'input.sourceLabel', 300);
    if (!source && !sourceLabel) {
      throw new BadInputError(
        'say who funds: give input.sourceOrganisationId or input.sourceLabel',
        'input.sourceOrganisationId',
      );
    }
    can.allocateFunding(scope.viewer, source?.pk ?? null);
    if (!Number.isFinite(input.amountEur) || input.amountEur < 0 || input.amountEur >= 1e14) {
      throw new BadInputError(
        'input.amountEur must be an amount in euro from 0 up to 10^14',
        'input.amountEur',
      );
    }
    if (Math.round(input.amountEur * 100) / 100 !== input.amountEur) {
      throw new BadInputError('input.amountEur has more than two decimals (cents)', 'input.amountEur');
    }
    if (input.year != null && (input.year < 1900 || input.year > 2200)) {
      throw new BadInputError('input.year must be between 1900 and 2200', 'input.year');
    }
    const row = await this.db.transaction(async (tx) => {
      const insert = fundingTable.insert({
        initiativePk: initiative.pk,
        sourcePk: source?.pk ?? null,
        sourceLabel,
        amount: input.amountEur,
        year: input.year ?? null,
        basis: input.basis ?? FundingBasis.TOTAL,
        kind: input.kind ?? FundingKind.OTHER,
        status: input.status ?? FundingStatus.COMMITTED,
        note: valid.optionalText(input.note, 'input.note', 2000),
        provenance: valid.optionalText(input.provenance, 'input.provenance', 2000),
        confidence: input.confidence ?? Confidence.CONFIRMED,
      });
      const [inserted] = await tx.query(`${insert.sql} RETURNING *`, insert.params);
      await appendEvent(tx, scope.viewer, {
        type: EventType.FUNDING_ALLOCATED,
        initiativePk: initiative.pk,
        organisationPk: source?.pk ?? null,
        fundingAllocationPk: inserted!.id,
        // No amount in the event: events reach people who may not see amounts.
        payload: {
          year: input.year ?? null,
          basis: input.basis ?? FundingBasis.TOTAL,
          kind: input.kind ?? FundingKind.OTHER,
          status: input.status ?? FundingStatus.COMMITTED,
        },
      });
      return inserted!;
    });
    return this.present(scope, fundingFromRow(row));
  }
}
