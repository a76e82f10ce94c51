import { assertNever, type CustomsEvent } from '@railbill/contracts';
import type { DeclarationSummary, FoldState, TimelineEvent } from './shipment-summary.ts';

type Data = CustomsEvent['data'];
const byOf = (d: Data): string | undefined => ('by' in d ? d.by : undefined);
const reasonOf = (d: Data): string | undefined => ('reason' in d ? d.reason : undefined);

const declarationOf = (st: FoldState, e: TimelineEvent<CustomsEvent>): DeclarationSummary => {
  const d = e.data;
  const decl = st.declarations.get(e.subject) ?? {
    id: e.subject,
    type: d.declarationType,
    office: d.office,
    status: d.status,
    channel: null,
    riskReasons: [],
    steps: [],
  };
  st.declarations.set(e.subject, decl);
  return decl;
};

/** Folds one declaration event: its status after the event, the step, its channel and its duties. */
export const foldDeclaration = (st: FoldState, e: TimelineEvent<CustomsEvent>): void => {
  const d = e.data;
  const decl = declarationOf(st, e);
  decl.status = d.status;
  decl.steps.push({ type: e.type, status: d.status, at: d.at, by: byOf(d), reason: reasonOf(d) });
  switch (e.type) {
    case 'customs.lodged':
      decl.destinationOffice = e.data.destinationOffice;
      return;
    case 'customs.risk_assessed':
      Object.assign(decl, { channel: e.data.channel, riskReasons: e.data.riskReasons });
      return;
    case 'customs.duties_assessed':
      decl.duties = { duty: e.data.duty, vat: e.data.vat, status: 'assessed' };
      return;
    case 'customs.duties_paid': {
      const r = e.data;
      decl.duties = {
        ...(decl.duties ?? { duty: r.duty, vat: r.vat }),
        status: r.method === 'guarantee' ? 'guaranteed' : 'paid',
        payment: { method: r.method, reference: r.reference },
      };
      return;
    }
    case 'customs.accepted':
    case 'customs.inspection_ordered':
    case 'customs.released':
    case 'customs.held':
    case 'customs.rejected':
    case 'customs.discharged':
      return;
    default:
      assertNever(e);
  }
};
