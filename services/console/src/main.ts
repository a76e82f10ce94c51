import { startService } from '@railbill/platform';
import { loadConsoleConfig } from './config.ts';
import { consoleService } from './service.ts';

await startService(consoleService(loadConsoleConfig()));
