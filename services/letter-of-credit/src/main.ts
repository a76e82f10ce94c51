import { startService } from '@railbill/platform';
import { loadLetterOfCreditConfig } from './config.ts';
import { letterOfCreditService } from './service.ts';

await startService(letterOfCreditService(loadLetterOfCreditConfig()));
