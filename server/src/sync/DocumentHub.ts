import type { Logger } from '../log.js'
import { followRoundLabels } from '../negotiation/roundLabelWrites.js'
import type { ServerHooks } from '../serverHooks.js'
import type { DocumentStore } from '../store/Store.js'
import type { SaveOptions } from './DocumentSaver.js'
import { SharedDocument, type DocumentMirror } from './SharedDocument.js'

/** Loads documents on first use and saves and unloads them when their last peer leaves. */
export class DocumentHub {
  private readonly loaded = new Map<string, Promise<SharedDocument>>()
  private readonly unloading = new Map<string, Promise<void>>()
  private readonly loadListeners: ((document: SharedDocument) => Promise<void>)[] = []

  constructor(
    private readonly store: DocumentStore,
    private readonly options: SaveOptions,
    private readonly log: Logger,
    /** The version a document is locked on, read when it loads. */
    private readonly lockOf: (name: string) => Promise<{ id: string; name: string } | null> = async () => null,
    private readonly mirror: DocumentMirror | null = null,
    private readonly hooks: ServerHooks = {},
  ) {}

  /**
   * The loaded document, loading it if needed, held until `release`; waits for an unload in progress to finish first.
   * The hold is taken in the same step that finds the document open: between two steps another caller may unload it.
   */
  async acquire(name: string): Promise<SharedDocument> {
    for (;;) {
      await this.unloading.get(name)
      let loading = this.loaded.get(name)
      if (!loading) {
        loading = this.load(name)
        this.loaded.set(name, loading)
        loading.catch(() => this.loaded.delete(name))
      }
      const document = await loading
      if (document.closing) continue
      document.holds += 1
      return document
    }
  }

  /** Runs `listener` on every document as it loads, before anyone can change it. */
  onLoad(listener: (document: SharedDocument) => Promise<void>): void {
    this.loadListeners.push(listener)
  }

  private async load(name: string): Promise<SharedDocument> {
    await this.hooks.beforeLoad?.(name)
    const document = await SharedDocument.load(name, this.store, this.options, this.log, this.mirror)
    followRoundLabels(document.doc)
    try {
      document.lockedOn = await this.lockOf(name)
      for (const listener of this.loadListeners) await listener(document)
    } catch (error) {
      await document.close()
      throw error
    }
    return document
  }

  /** Gives back a hold taken by `acquire`; the last one out unloads the document. */
  release(document: SharedDocument): void {
    if (document.holds > 0) document.holds -= 1
    this.releaseIfIdle(document)
  }

  /** Unloads a document that nobody holds; a failed save keeps it loaded and retries. */
  private releaseIfIdle(document: SharedDocument): void {
    if (document.holds > 0 || document.peers.size > 0 || document.closing) return
    document.closing = true
    this.loaded.delete(document.name)
    const unload = document
      .close()
      .then(() => this.log.info('document_unloaded', { document: document.name }))
      .catch((error: unknown) => {
        this.log.error('document_unload_failed', { document: document.name, error: String(error) })
        document.closing = false
        this.loaded.set(document.name, Promise.resolve(document))
        setTimeout(() => this.releaseIfIdle(document), 1000).unref()
      })
      .finally(() => this.unloading.delete(document.name))
    this.unloading.set(document.name, unload)
  }

  /** Runs `use` on a document, held until `use` has finished, loading it for the call if nobody has it open. */
  async withDocument<T>(name: string, use: (document: SharedDocument) => T | Promise<T>): Promise<T> {
    const document = await this.acquire(name)
    try {
      return await use(document)
    } finally {
      this.release(document)
    }
  }

  /** Sends a control message to everyone who has the document open. */
  async broadcast(name: string, message: object): Promise<void> {
    const document = await this.loaded.get(name)
    for (const peer of document?.peers ?? []) peer.sendControl(message)
  }

  /** Locks or unlocks a loaded document and tells everyone who has it open. */
  async setLock(name: string, lockedOn: { id: string; name: string } | null): Promise<void> {
    const document = await this.loaded.get(name)
    if (!document) return
    document.lockedOn = lockedOn
    for (const peer of document.peers) peer.sendControl(document.lockMessage())
  }

  /** Documents in memory now, counting those still being saved on their way out. */
  get size(): number {
    return this.loaded.size + this.unloading.size
  }

  /** Saves and unloads everything (shutdown). */
  async closeAll(): Promise<void> {
    const documents = await Promise.all(this.loaded.values())
    for (const document of documents) {
      for (const peer of [...document.peers]) document.removePeer(peer)
      // At shutdown every hold is void: the sockets that held them are closing.
      document.holds = 0
      this.releaseIfIdle(document)
    }
    await Promise.all(this.unloading.values())
  }
}
