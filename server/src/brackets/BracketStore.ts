import type { BracketItem } from '../../../shared/brackets/bracketSchemas.js'

/** A declaration's square brackets and alternatives, kept apart from its text so no edit can remove them. */
export interface BracketStore {
  /** Every bracket and set of alternatives of a declaration, resolved ones included, in the order they were placed. */
  list(declaration: string): Promise<BracketItem[]>
  /** Stores a new item; resolves once it is on disk. */
  add(declaration: string, item: BracketItem): Promise<BracketItem>
  /** Changes one item durably in one step; if `change` throws, nothing is written. Throws 404 for no such item. */
  update(declaration: string, id: string, change: (item: BracketItem) => BracketItem): Promise<BracketItem>
  /** Waits for every pending write. */
  close(): Promise<void>
}
