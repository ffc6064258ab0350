import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { BracketItem } from '../../../shared/brackets/bracketSchemas.js'
import { NegotiationRefusal } from '../../../shared/negotiation/amendmentRules.js'
import { DurableRecords } from '../store/DurableRecords.js'
import type { BracketStore } from './BracketStore.js'

interface BracketsFile {
  items: BracketItem[]
}

/** Brackets and alternatives in one durable JSON file per declaration, opened on first use. */
export class FileBracketStore implements BracketStore {
  private readonly files = new Map<string, Promise<DurableRecords<BracketsFile>>>()

  private constructor(private readonly directory: string) {}

  static async create(directory: string): Promise<FileBracketStore> {
    await mkdir(directory, { recursive: true })
    return new FileBracketStore(directory)
  }

  /** Declaration names are validated before they get here, so they are safe file names. */
  private file(declaration: string): Promise<DurableRecords<BracketsFile>> {
    let file = this.files.get(declaration)
    if (!file) {
      file = DurableRecords.open<BracketsFile>(
        join(this.directory, `${declaration}.json`),
        () => ({ items: [] }),
        // Items stored before items had versions hold them at 0, so any change stored since is newer.
        (stored) => ({ ...stored, items: stored.items.map((item: Omit<BracketItem, 'version'> & { version?: number }) => ({ ...item, version: item.version ?? 0 }) as BracketItem) }),
      )
      this.files.set(declaration, file)
      file.catch(() => this.files.delete(declaration))
    }
    return file
  }

  async list(declaration: string): Promise<BracketItem[]> {
    return [...(await this.file(declaration)).data.items]
  }

  async add(declaration: string, item: BracketItem): Promise<BracketItem> {
    return (await this.file(declaration)).commit((data) => {
      data.items.push(item)
      return item
    })
  }

  async update(declaration: string, id: string, change: (item: BracketItem) => BracketItem): Promise<BracketItem> {
    return (await this.file(declaration)).commit((data) => {
      const index = data.items.findIndex((item) => item.id === id)
      const current = data.items[index]
      if (!current) throw new NegotiationRefusal(404, 'unknown_bracket')
      const next = { ...change(current), version: current.version + 1 }
      data.items[index] = next
      return next
    })
  }

  async close(): Promise<void> {
    await Promise.all([...this.files.values()].map(async (file) => (await file).settled()))
  }
}
