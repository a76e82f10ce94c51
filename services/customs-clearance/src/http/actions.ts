import type { CustomsEvent, DeclarationView as View } from '@railbill/contracts';
import { DeclarationView } from '@railbill/contracts';
import { type ActionRoutes, type App, actionRoutes, partyOf } from '@railbill/platform';
import type { DeclarationFacts, DeclarationHandler } from '../declaration-handler.ts';
import type { Actor, Command } from '../domain/commands.ts';
import type { Declaration } from '../domain/state.ts';
import type { LoadedDeclaration } from '../store/repository.ts';
import { DeclarationIdParams } from './schemas.ts';
import { actorOf } from './views.ts';

/** What a route's command builder gets: the declaration's id, the clock reading, the caller and the facts. */
export type ActionContext = DeclarationFacts & Readonly<{ declarationId: string; at: string; by: Actor }>;

export type DeclarationRoutes = ActionRoutes<
  Declaration,
  Command,
  CustomsEvent,
  LoadedDeclaration,
  DeclarationFacts,
  Actor,
  ActionContext,
  View
>;

/** The declaration's handler bound to HTTP (packages/platform/src/http/actions.ts). */
export const declarationActions = (app: App, handler: DeclarationHandler): DeclarationRoutes =>
  actionRoutes(app, handler, {
    collection: '/declarations',
    tag: 'declarations',
    params: DeclarationIdParams,
    view: DeclarationView,
    callerOf: (request) => actorOf(partyOf(request)),
    context: ({ id, at, facts }, by) => ({ ...facts, declarationId: id, at, by }),
  });
