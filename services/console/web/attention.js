// @ts-check
import { el, shipmentHref, when } from './api.js';

const LABEL = {
  presentation_deadline: 'deadline',
  declaration_held: 'customs',
  declaration_under_control: 'customs',
  bill_stopped: 'bill',
  instruction_open: 'bill',
  dead_letter: 'dead letter',
  consumer_lag: 'lag',
};

/**
 * @param {HTMLElement} target
 * @param {{ items: any[], nearDeadlineBy: string, lagThreshold: number }} a
 */
export const renderAttention = (target, a) => {
  target.replaceChildren(
    ...(a.items.length === 0
      ? [el('li', { class: 'muted' }, ['Nothing needs attention.'])]
      : a.items.map((i) =>
          el(
            'li',
            {
              class: `sev-${i.severity}`,
              'data-testid': 'attention-item',
              'data-kind': i.kind,
              'data-waybill-id': i.waybillId ?? '',
            },
            [
              el('span', { class: 'tag' }, [LABEL[/** @type {keyof typeof LABEL} */ (i.kind)] ?? i.kind]),
              el('div', {}, [
                el('strong', {}, [i.title]),
                ' ',
                i.waybillId
                  ? el('a', { href: shipmentHref(i.waybillId), 'data-testid': 'attention-link' }, [
                      i.billNumber ? `bill ${i.billNumber}` : `shipment ${i.waybillId.slice(0, 13)}…`,
                    ])
                  : '',
                el('div', { class: 'muted' }, [
                  i.detail,
                  i.at && i.kind !== 'presentation_deadline' ? ` · ${when(i.at)}` : '',
                ]),
              ]),
            ],
          ),
        )),
  );
};
