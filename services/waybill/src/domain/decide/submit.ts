import { accept, type Decision, reject, type WaybillEvent } from '@railbill/contracts';
import type { Submit } from '../commands.ts';
import { refuse } from '../refuse.ts';
import { checkContent } from '../rules/content.ts';
import type { State } from '../state.ts';

export const submit = (cmd: Submit, state: State): Decision<WaybillEvent> => {
  if (cmd.by.role !== 'shipper' || cmd.content.shipper !== cmd.by.id)
    return reject('forbidden', 'not-shipper', 'only the shipper named in the bill submits it');
  if (state.status !== 'initial')
    return reject('conflict', 'already-exists', `waybill ${cmd.waybillId} already exists`);
  const checked = checkContent(cmd.content, cmd.roles);
  if (!checked.ok) return refuse(checked.error);
  return accept({
    type: 'waybill.submitted',
    data: { ...cmd.content, submittedBy: cmd.by.id, warnings: checked.warnings },
  });
};
