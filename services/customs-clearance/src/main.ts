import { startService } from '@railbill/platform';
import { loadCustomsConfig } from './config.ts';
import { customsService } from './service.ts';

await startService(customsService(loadCustomsConfig()));
