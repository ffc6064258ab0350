import { Worker } from 'node:worker_threads'
import * as Y from 'yjs'
import type { Logger } from '../log.js'
import type { DocumentMirror } from '../sync/SharedDocument.js'
import { readDeclarationText, type DeclarationText } from './readDeclarationText.js'
import type { TextReaderAnswer, TextReaderRequest } from './textReaderMessages.js'

/** Reads a document on the server's own loop, from a copy: the fallback when the reader thread is gone. */
function readOnLoop(doc: Y.Doc): DeclarationText {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  const text = readDeclarationText(copy)
  copy.destroy()
  return text
}

/**
 * Reads declaration texts on a thread of its own, which keeps a copy of every loaded document fed with each update in
 * order: freezing a 2,000-paragraph declaration takes a couple of hundred milliseconds that the sync loop never waits.
 */
export class TextReader implements DocumentMirror {
  private worker: Worker | null
  private nextId = 0
  private readonly waiting = new Map<number, (answer: TextReaderAnswer) => void>()

  constructor(private readonly log: Logger) {
    this.worker = new Worker(new URL('./textReaderBoot.mjs', import.meta.url))
    this.worker.unref()
    this.worker.on('message', (answer: TextReaderAnswer) => {
      this.waiting.get(answer.id)?.(answer)
      this.waiting.delete(answer.id)
    })
    this.worker.on('error', (error) => this.lose(String(error)))
    this.worker.on('exit', (code) => this.lose(`exited with code ${code}`))
  }

  /** From now on texts are read on the loop; reads in flight are answered there too. */
  private lose(reason: string): void {
    if (!this.worker) return
    this.worker = null
    this.log.error('text_reader_lost', { reason })
    for (const [id, answer] of this.waiting) answer({ id, error: reason })
    this.waiting.clear()
  }

  private post(request: TextReaderRequest): void {
    this.worker?.postMessage(request)
  }

  load(name: string, updates: Uint8Array[]): void {
    this.post({ type: 'load', name, updates })
  }

  update(name: string, update: Uint8Array): void {
    this.post({ type: 'update', name, update })
  }

  unload(name: string): void {
    this.post({ type: 'unload', name })
  }

  /** The text of a loaded document as it is now: every update applied so far reached the copy before this request. */
  async read(name: string, doc: Y.Doc): Promise<DeclarationText> {
    if (!this.worker) return readOnLoop(doc)
    const id = (this.nextId += 1)
    const answer = await new Promise<TextReaderAnswer>((resolve) => {
      this.waiting.set(id, resolve)
      this.post({ type: 'read', id, name })
    })
    if ('text' in answer) return answer.text
    this.log.warn('text_read_on_loop', { document: name, reason: answer.error })
    return readOnLoop(doc)
  }

  async close(): Promise<void> {
    const worker = this.worker
    this.worker = null
    await worker?.terminate()
  }
}
