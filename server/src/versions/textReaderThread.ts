import { readlinkSync } from 'node:fs'
import { constants, setPriority } from 'node:os'
import { parentPort } from 'node:worker_threads'
import * as Y from 'yjs'
import { readHashedDeclarationText } from './readDeclarationText.js'
import type { TextReaderAnswer, TextReaderRequest } from './textReaderMessages.js'
import { isVersionIntact } from './versionIntact.js'

/** A copy of every loaded declaration, fed each update in order, so reading one never blocks the server's loop; stored versions are checked here too. */
const copies = new Map<string, Y.Doc>()
const port = parentPort!

// The sync loop comes first: on a core it shares, this thread takes only the time the loop leaves. A Linux thread has a
// nice value of its own, set through its thread id; elsewhere the thread keeps the process's priority.
try {
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').at(-1)), constants.priority.PRIORITY_LOW)
} catch {
  // Not Linux, or no /proc: the thread runs at the process's priority, as before.
}

port.on('message', async (request: TextReaderRequest) => {
  switch (request.type) {
    case 'load': {
      const doc = new Y.Doc()
      Y.transact(doc, () => {
        for (const update of request.updates) Y.applyUpdate(doc, update)
      })
      copies.get(request.name)?.destroy()
      copies.set(request.name, doc)
      break
    }
    case 'update': {
      const doc = copies.get(request.name)
      if (doc) Y.applyUpdate(doc, request.update)
      break
    }
    case 'unload':
      copies.get(request.name)?.destroy()
      copies.delete(request.name)
      break
    case 'read': {
      const doc = copies.get(request.name)
      let answer: TextReaderAnswer
      try {
        if (!doc) throw new Error(`no copy of ${request.name}`)
        // Read in this turn, before any later update is applied to the copy; only the hash is awaited.
        answer = { id: request.id, text: await readHashedDeclarationText(doc, request.negotiation) }
      } catch (error) {
        answer = { id: request.id, error: String(error) }
      }
      // The file's bytes move to the loop rather than being copied.
      port.postMessage(answer, 'text' in answer ? [answer.text.storedText.buffer] : [])
      break
    }
    case 'check':
      port.postMessage({ id: request.id, intact: await isVersionIntact(request.version) } satisfies TextReaderAnswer)
      break
  }
})
