import { startService } from '@railbill/platform';
import { loadWaybillConfig } from './config.ts';
import { waybillService } from './service.ts';

await startService(waybillService(loadWaybillConfig()));
