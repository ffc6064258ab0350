import { join } from 'node:path'
import { Low } from 'lowdb'
import type { Delegation } from '../../../shared/api/schemas.js'
import type { Logger } from '../log.js'
import { DATA_FILE } from './dataDirectory.js'
import { DurableJsonAdapter } from './DurableJsonAdapter.js'
import type { DeclarationRecord, SessionRecord, Store } from './Store.js'
import { UpdateLogStore } from './UpdateLogStore.js'

interface DataFile {
  format: 'kelisim'
  version: 1
  declarations: DeclarationRecord[]
  delegations: Delegation[]
  sessions: SessionRecord[]
}

const emptyData = (): DataFile => ({ format: 'kelisim', version: 1, declarations: [], delegations: [], sessions: [] })

/** The embedded store: records in one lowdb JSON file, document histories in per-document update logs. */
export class LowStore implements Store {
  private queue: Promise<unknown> = Promise.resolve()

  private constructor(
    private readonly db: Low<DataFile>,
    readonly documents: UpdateLogStore,
  ) {}

  /** Applies a change to a copy, writes it durably, and only then makes it current: a failed write changes nothing. */
  private commit(change: (data: DataFile) => void): Promise<void> {
    const run = async () => {
      const next = structuredClone(this.db.data)
      change(next)
      await this.db.adapter.write(next)
      this.db.data = next
    }
    const done = this.queue.then(run, run)
    this.queue = done.catch(() => undefined)
    return done
  }

  /** Opens (or creates) the store in a data folder that has been checked and locked. */
  static async open(dataDir: string, log: Logger): Promise<LowStore> {
    const db = new Low<DataFile>(new DurableJsonAdapter(join(dataDir, DATA_FILE)), emptyData())
    await db.read()
    const documents = await UpdateLogStore.create(join(dataDir, 'documents'), log)
    return new LowStore(db, documents)
  }

  async listDeclarations(): Promise<DeclarationRecord[]> {
    return [...this.db.data.declarations]
  }

  async getDeclaration(name: string): Promise<DeclarationRecord | undefined> {
    return this.db.data.declarations.find((declaration) => declaration.name === name)
  }

  async createDeclaration(record: DeclarationRecord, initialState: Uint8Array): Promise<void> {
    if (await this.getDeclaration(record.name)) throw new Error(`declaration ${record.name} exists`)
    // The text goes first: a record without its document would be refused, a document without a record is never served.
    await this.documents.createDocument(record.name, initialState)
    await this.commit((data) => {
      data.declarations.push(record)
    })
  }

  async listDelegations(): Promise<Delegation[]> {
    return [...this.db.data.delegations]
  }

  async getDelegation(code: string): Promise<Delegation | undefined> {
    return this.db.data.delegations.find((delegation) => delegation.code === code)
  }

  async addDelegations(delegations: Delegation[]): Promise<void> {
    await this.commit((data) => {
      for (const delegation of delegations) {
        if (!data.delegations.some((existing) => existing.code === delegation.code)) data.delegations.push(delegation)
      }
    })
  }

  async createSession(session: SessionRecord): Promise<void> {
    await this.commit((data) => {
      const now = new Date().toISOString()
      data.sessions = data.sessions.filter((existing) => existing.expiresAt > now)
      data.sessions.push(session)
    })
  }

  async getSession(tokenHash: string): Promise<SessionRecord | undefined> {
    return this.db.data.sessions.find((session) => session.tokenHash === tokenHash)
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.commit((data) => {
      data.sessions = data.sessions.filter((session) => session.tokenHash !== tokenHash)
    })
  }

  async close(): Promise<void> {
    await this.documents.close()
  }
}
