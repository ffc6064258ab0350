import { Worker } from 'node:worker_threads'
import * as Y from 'yjs'
import type { NegotiationSnapshot } from '../../../shared/versions/negotiationSnapshot.js'
import type { Logger } from '../log.js'
import type { DocumentMirror } from '../sync/SharedDocument.js'
import { readHashedDeclarationText, type HashedDeclarationText } from './readDeclarationText.js'
import type { TextReaderAnswer, TextReaderRequest } from './textReaderMessages.js'
import { isVersionIntact, type VersionTexts } from './versionIntact.js'

// The built server has the thread as a JavaScript file beside it; from source, the thread boots the TypeScript loader.
const threadEntry = import.meta.url.endsWith('.ts') ? new URL('./textReaderBoot.mjs', import.meta.url) : new URL('./textReaderThread.js', import.meta.url)

/**
 * The updates a declaration loaded from, and those since, are held up to this many bytes to copy it from at its first
 * read (encoding its whole state then held the sync loop about 30 ms for 2,000 paragraphs, in the middle of a freeze);
 * past it the thread copies it at once. The updates of 2,000 paragraphs take about 0.6 MB, a copy of them 35 MB.
 */
export const COPY_AT_BYTES = 16 * 1024 * 1024

/** Reads a document on the server's own loop, from a copy: the fallback when the reader thread is gone. */
function readOnLoop(doc: Y.Doc, negotiation: NegotiationSnapshot): Promise<HashedDeclarationText> {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  const text = readHashedDeclarationText(copy, negotiation)
  copy.destroy()
  return text
}

/**
 * Reads declaration texts, and checks stored versions, on a thread of its own, which keeps a copy of each declaration read while it is loaded, fed
 * with every update in order: freezing 2,000 paragraphs takes a few hundred milliseconds the sync loop never waits.
 * A copy is made from the updates a declaration loaded from and those since, at its first read or once they reach
 * `COPY_AT_BYTES`, so the loop never encodes a whole declaration for it; a server that only syncs pays neither for the
 * thread nor for copies, only for holding each declaration's updates.
 */
export class TextReader implements DocumentMirror {
  private worker: Worker | null = null
  private lost = false
  /** Declarations the thread holds a copy of. */
  private readonly copied = new Set<string>()
  /** Declarations read since start: one loaded again is likely to be read again, so it is copied as it loads. */
  private readonly everRead = new Set<string>()
  /** The updates of each loaded declaration not copied yet, from its load on, to copy it from. */
  private readonly history = new Map<string, { updates: Uint8Array[]; bytes: number }>()
  private nextId = 0
  private readonly waiting = new Map<number, (answer: TextReaderAnswer) => void>()

  constructor(
    private readonly log: Logger,
    private readonly copyAtBytes = COPY_AT_BYTES,
  ) {}

  private start(): Worker {
    const worker = new Worker(threadEntry)
    worker.unref()
    worker.on('message', (answer: TextReaderAnswer) => {
      this.waiting.get(answer.id)?.(answer)
      this.waiting.delete(answer.id)
    })
    worker.on('error', (error) => this.lose(String(error)))
    worker.on('exit', (code) => this.lose(`exited with code ${code}`))
    return worker
  }

  /** From now on texts are read on the loop; reads in flight are answered there too. */
  private lose(reason: string): void {
    if (this.lost) return
    this.lost = true
    this.worker = null
    this.copied.clear()
    this.history.clear()
    this.log.error('text_reader_lost', { reason })
    for (const [id, answer] of this.waiting) answer({ id, error: reason })
    this.waiting.clear()
  }

  private post(request: TextReaderRequest): void {
    this.worker?.postMessage(request)
  }

  /** Copies a declaration to the thread from its history once it has been read or its history is large. */
  private copyWhenDue(name: string): void {
    const history = this.history.get(name)
    if (!history || (!this.everRead.has(name) && history.bytes < this.copyAtBytes)) return
    this.history.delete(name)
    this.worker ??= this.start()
    this.copied.add(name)
    this.post({ type: 'load', name, updates: history.updates })
  }

  load(name: string, updates: Uint8Array[]): void {
    if (this.lost || this.copied.has(name)) return
    this.history.set(name, { updates: [...updates], bytes: updates.reduce((bytes, update) => bytes + update.byteLength, 0) })
    this.copyWhenDue(name)
  }

  update(name: string, update: Uint8Array): void {
    if (this.copied.has(name)) return this.post({ type: 'update', name, update })
    const history = this.history.get(name)
    if (!history) return
    history.updates.push(update)
    history.bytes += update.byteLength
    this.copyWhenDue(name)
  }

  unload(name: string): void {
    this.history.delete(name)
    if (this.copied.delete(name)) this.post({ type: 'unload', name })
  }

  /** The text of a loaded document as it is now, with the negotiation state given: every update applied so far reached the copy before this request. */
  async read(name: string, doc: Y.Doc, negotiation: NegotiationSnapshot): Promise<HashedDeclarationText> {
    if (this.lost) return readOnLoop(doc, negotiation)
    this.worker ??= this.start()
    this.everRead.add(name)
    this.copyWhenDue(name)
    // A document this reader never saw load has no history to copy from.
    if (!this.copied.has(name)) {
      this.copied.add(name)
      this.post({ type: 'load', name, updates: [Y.encodeStateAsUpdate(doc)] })
    }
    const answer = await this.ask((id) => ({ type: 'read', id, name, negotiation }))
    if ('text' in answer) return answer.text
    this.log.warn('text_read_on_loop', { document: name, reason: 'error' in answer ? answer.error : 'no text' })
    return readOnLoop(doc, negotiation)
  }

  /** Whether a stored version is intact, checked on the thread: re-serializing a megabyte canonically takes the loop 50 ms. */
  async check(version: VersionTexts): Promise<boolean> {
    if (this.lost) return isVersionIntact(version)
    this.worker ??= this.start()
    const answer = await this.ask((id) => ({ type: 'check', id, version }))
    return 'intact' in answer ? answer.intact : isVersionIntact(version)
  }

  private ask(request: (id: number) => TextReaderRequest): Promise<TextReaderAnswer> {
    const id = (this.nextId += 1)
    return new Promise<TextReaderAnswer>((resolve) => {
      this.waiting.set(id, resolve)
      this.post(request(id))
    })
  }

  async close(): Promise<void> {
    const worker = this.worker
    this.lost = true
    this.worker = null
    await worker?.terminate()
  }
}
