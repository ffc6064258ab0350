/** A request from the bench to one of its child processes. */
export interface Request {
  id: number
  method: string
  params: unknown
}

/** The answer to a request. */
export type Reply = { id: number; result: unknown } | { id: number; error: string }

/** What a child can be asked, by method name. */
export type Handlers = Record<string, (params: never) => unknown>

/** Answers the parent's requests over the IPC channel, one handler per method; `onStop` runs when the parent lets go. */
export function serveRequests(handlers: Handlers, onStop: () => Promise<void> = async () => {}): void {
  process.on('message', (message: Request) => {
    const handler = handlers[message.method] as ((params: unknown) => unknown) | undefined
    const send = (reply: Reply) => process.send?.(reply)
    if (!handler) return send({ id: message.id, error: `unknown method ${message.method}` })
    Promise.resolve()
      .then(() => handler(message.params))
      .then(
        (result) => send({ id: message.id, result: result ?? null }),
        (error: unknown) => send({ id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
      )
  })
  process.on('disconnect', () => {
    void onStop().finally(() => process.exit(0))
  })
}
