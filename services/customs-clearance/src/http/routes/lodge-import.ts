import { ImportLodgement } from '@railbill/contracts';
import type { RouteDeps } from '../routes.ts';

/** `POST /declarations` (docs/contract.md §5): the bill's consignee lodges the import; `Idempotency-Key` makes retries safe. */
export const lodgeImport = (deps: RouteDeps): void =>
  deps.create({
    summary: "Lodge an import declaration (the bill's consignee); goods default to the bill's lines",
    body: ImportLodgement,
    command: async (body, { declarationId, at, by, lockedBill, siblings, aeo, shipperCountry }) => {
      const bill = await lockedBill(body.waybillId);
      return {
        type: 'lodgeImport',
        declarationId,
        at,
        by,
        bill,
        office: body.office,
        goods: body.goods,
        costsToEntry: body.costsToEntry,
        freightAfterEntry: body.freightAfterEntry,
        shipperCountry: bill === undefined ? undefined : shipperCountry(bill),
        aeo: bill === undefined ? {} : aeo(bill),
        siblings: await siblings(body.waybillId),
      };
    },
  });
