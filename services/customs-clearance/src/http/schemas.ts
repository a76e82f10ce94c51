import { Id } from '@railbill/contracts';
import { z } from 'zod';

export const DeclarationIdParams = z.object({ id: Id });
