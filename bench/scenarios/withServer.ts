import { benchAccountsFor } from '../benchDocuments.js'
import { BenchServer } from '../servers/BenchServer.js'
import type { ServerKind } from '../servers/ServerKind.js'
import type { BenchContext } from './BenchContext.js'

/** Runs `use` against a freshly started server, then closes every load connection and stops the server. */
export async function withServer<T>(context: BenchContext, kind: ServerKind, use: (server: BenchServer) => Promise<T>): Promise<T> {
  const server = await BenchServer.start(kind, context.basePath, context.options.profile, benchAccountsFor(context.options))
  try {
    return await use(server)
  } finally {
    await Promise.all(context.loads.all().map((load) => load.call('closeAll')))
    await server.stop()
  }
}
