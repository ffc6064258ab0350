import * as Y from 'yjs'
import { DECLARATION_FRAGMENT } from '../../../shared/editor/declarationExtensions.js'
import type { AmendmentRecord } from '../../../shared/negotiation/amendmentRecord.js'
import type { AmendmentChange } from '../../../shared/negotiation/amendmentSchemas.js'
import { resolveChange } from '../../../shared/negotiation/paragraphChanges.js'

/** The paragraphs whose words or presence a change depends on. */
function paragraphsOf(change: AmendmentChange): string[] {
  switch (change.kind) {
    case 'words':
    case 'paragraph.delete':
      return [change.clauseId]
    case 'paragraph.insert':
      return [change.after]
    case 'paragraph.move':
      return [change.clauseId, change.after]
  }
}

/** A shared type as a transaction lists it among those it changed. */
type ChangedType = Y.Transaction['changed'] extends Map<infer T, unknown> ? T : never

/** The paragraph (a top-level element) a changed type lies in, or null for the fragment itself and what is outside. */
function paragraphOf(type: ChangedType, fragment: Y.XmlFragment): Y.XmlElement | null {
  let node: ChangedType | null = type
  while (node && node.parent !== fragment) node = node.parent
  return node instanceof Y.XmlElement ? node : null
}

/**
 * Finds pending amendments that applied updates made unfit, at the end of the turn that applied them: the words one
 * changes were edited, or a paragraph it needs is gone. Only paragraphs with pending amendments are looked at, and in
 * each only its own amendments are checked, once per turn, so a keystroke elsewhere costs a map lookup.
 */
export class NeedsUpdateWatch {
  /** Pending amendments by declaration, then by the paragraph they depend on, then by number. */
  private readonly watched = new Map<string, Map<string, Map<number, AmendmentChange>>>()
  private readonly documents = new Map<string, Y.Doc>()
  /** Paragraphs touched since the last check, by declaration: a turn of the event loop holding many keystrokes checks once. */
  private readonly touched = new Map<string, Set<string>>()
  /** Amendment checks made so far: what watching costs. */
  checks = 0

  constructor(
    /** Told of amendments found unfit; they are no longer watched until tracked again. */
    private readonly unfit: (declaration: string, numbers: number[]) => void,
  ) {}

  /**
   * Watches a loaded document of the declaration. Its amendments (`amendments`) are read on the first load only: from
   * then on every stored change is tracked, so a list read while one is being written cannot undo it.
   */
  observe(declaration: string, doc: Y.Doc, amendments: readonly AmendmentRecord[]): void {
    this.documents.set(declaration, doc)
    doc.on('afterTransaction', (transaction: Y.Transaction) => this.inspect(declaration, doc, transaction))
    doc.on('destroy', () => {
      if (this.documents.get(declaration) === doc) this.documents.delete(declaration)
    })
    const paragraphs = this.watched.get(declaration)
    if (!paragraphs) {
      this.watched.set(declaration, new Map())
      for (const amendment of amendments) this.track(declaration, amendment)
      return
    }
    const unfit = new Set<number>()
    for (const numbers of paragraphs.values()) for (const [number, change] of numbers) if (!unfit.has(number) && !this.fits(doc, change)) unfit.add(number)
    if (unfit.size > 0) this.report(declaration, [...unfit])
  }

  /** Takes an amendment as it is now stored: watched while pending, checked at once against the live text. */
  track(declaration: string, amendment: AmendmentRecord): void {
    const paragraphs = this.watched.get(declaration)
    if (!paragraphs) return
    this.forget(declaration, amendment.number)
    if (amendment.status !== 'pending') return
    for (const id of paragraphsOf(amendment.change)) {
      let numbers = paragraphs.get(id)
      if (!numbers) paragraphs.set(id, (numbers = new Map()))
      numbers.set(amendment.number, amendment.change)
    }
    const doc = this.documents.get(declaration)
    if (doc && !this.fits(doc, amendment.change)) this.report(declaration, [amendment.number])
  }

  /** Stops watching an amendment (while it is being accepted, or once it is not pending). */
  forget(declaration: string, number: number): void {
    const paragraphs = this.watched.get(declaration)
    for (const [id, numbers] of paragraphs ?? []) {
      numbers.delete(number)
      if (numbers.size === 0) paragraphs!.delete(id)
    }
  }

  private fits(doc: Y.Doc, change: AmendmentChange): boolean {
    this.checks += 1
    return resolveChange(doc, change) !== null
  }

  private report(declaration: string, numbers: number[]): void {
    for (const number of numbers) this.forget(declaration, number)
    this.unfit(declaration, numbers)
  }

  private inspect(declaration: string, doc: Y.Doc, transaction: Y.Transaction): void {
    const paragraphs = this.watched.get(declaration)
    if (!paragraphs || paragraphs.size === 0 || transaction.changed.size === 0) return
    const fragment = doc.getXmlFragment(DECLARATION_FRAGMENT)
    const touched = new Set<string>()
    for (const type of transaction.changed.keys()) {
      if ((type as unknown) === fragment) {
        // Paragraphs added, split or removed (a removed one is not listed itself): a watched paragraph is touched when
        // it is gone, or is now an element made in this transaction (a moved copy keeps the id, not the words).
        const kept = new Set<string>()
        for (const child of fragment.toArray()) {
          const id = child instanceof Y.XmlElement ? child.getAttribute('id') : undefined
          const item = child._item
          if (typeof id === 'string' && item && item.id.clock < (transaction.beforeState.get(item.id.client) ?? 0)) kept.add(id)
        }
        for (const id of paragraphs.keys()) if (!kept.has(id)) touched.add(id)
        continue
      }
      const id = paragraphOf(type, fragment)?.getAttribute('id')
      if (id !== undefined && paragraphs.has(id)) touched.add(id)
    }
    if (touched.size === 0) return
    const waiting = this.touched.get(declaration)
    if (waiting) for (const id of touched) waiting.add(id)
    else {
      this.touched.set(declaration, touched)
      setImmediate(() => this.checkTouched(declaration, doc))
    }
  }

  /** Checks the amendments of the paragraphs touched in this turn, once each, against the document as it is now. */
  private checkTouched(declaration: string, doc: Y.Doc): void {
    const touched = this.touched.get(declaration)
    this.touched.delete(declaration)
    const paragraphs = this.watched.get(declaration)
    // An unloaded document changes no more; its amendments are checked again when it loads.
    if (!touched || !paragraphs || this.documents.get(declaration) !== doc) return
    const unfit = new Set<number>()
    for (const id of touched) {
      for (const [number, change] of paragraphs.get(id) ?? []) if (!unfit.has(number) && !this.fits(doc, change)) unfit.add(number)
    }
    if (unfit.size > 0) this.report(declaration, [...unfit])
  }
}
