// `@liveview-migrate/runtime/server`: the Node side of the runtime. A server wiring file needs only
// createRequestHandler (or an adapter), a secret, and optionally a Redis sync log.

export { createRequestHandler, SECURITY_HEADERS } from "./handler.ts";
export type { RequestHandler, RequestHandlerOptions, RouteDefinition, LayoutMeta, NodeHandler } from "./handler.ts";
export { expressMiddleware, honoHandler } from "./adapters.ts";
export { fail } from "./commands.ts";
export { runLiveHandler, LiveHandlerError } from "./live-handler.ts";
export type { LiveViewParts, LiveHandlerInput, LiveHandlerResult } from "./live-handler.ts";
export { runCarried } from "./carried-state.ts";
export type { CarriedInput, CarriedResult } from "./carried-state.ts";
export type { CommandFailure } from "./commands.ts";
export type { Session } from "./session.ts";
export type { SyncLog, SyncEntry, SyncDelivery, SyncReadResult } from "./sync/log.ts";
export { createMemorySyncLog } from "./sync/memory-log.ts";
export type { MemorySyncLogOptions } from "./sync/memory-log.ts";
export { createRedisSyncLog } from "./sync/redis-log.ts";
export type { RedisSyncLogOptions } from "./sync/redis-log.ts";
export { defineCommands } from "../contract.ts";
export type { CommandContext, CommandDefinition, CommandsModule } from "../contract.ts";
