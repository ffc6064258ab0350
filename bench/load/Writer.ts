import * as Y from 'yjs'
import { DECLARATION_FRAGMENT } from '../../shared/editor/declarationExtensions.js'
import { savedAcks } from '../../tests/helpers/savedAcks.js'
import type { EditLedger } from './EditLedger.js'
import type { FullClient } from './FullClient.js'

const LETTERS = 'abcdefghijklmnopqrstuvwxyz '

/** A delegate typing into one clause at a steady rate, moving their cursor with every keystroke when cursors are on. */
export class Writer {
  private timer: NodeJS.Timeout | null = null
  private seq = 0
  private clause: Y.XmlText | null = null
  private readonly confirm: ((seq: number) => Promise<void>) | null
  /** Milliseconds from each keystroke to the server's `saved` for it, when saves are measured. */
  readonly savedAfterMs: number[] = []
  /** Keystrokes whose `saved` has not arrived yet. */
  unsaved = 0

  constructor(
    readonly client: FullClient,
    private readonly clauseChoice: number,
    measureSaves: boolean,
  ) {
    this.confirm = measureSaves && client.stock ? savedAcks(client.stock) : null
  }

  /** The text of the clause this writer edits: the n-th clause that has text. */
  private text(): Y.XmlText {
    if (this.clause) return this.clause
    const texts = this.client.doc
      .getXmlFragment(DECLARATION_FRAGMENT)
      .toArray()
      .flatMap((node) => (node instanceof Y.XmlElement && node.nodeName === 'clause' && node.get(0) instanceof Y.XmlText ? [node.get(0) as Y.XmlText] : []))
    const text = texts[this.clauseChoice % texts.length]
    if (!text) throw new Error('the document has no clause with text to edit')
    this.clause = text
    return text
  }

  /** Types one character at a random place, records it in the ledger, and with `cursors` moves the cursor after it. */
  keystroke(ledger: EditLedger, cursors: boolean): void {
    const { doc } = this.client
    const text = this.text()
    const index = Math.floor(Math.random() * (text.length + 1))
    ledger.sent(`${doc.clientID}:${Y.getState(doc.store, doc.clientID)}`)
    const typedAt = performance.now()
    text.insert(index, LETTERS[Math.floor(Math.random() * LETTERS.length)]!)
    if (cursors) this.moveCursor(text, index + 1)
    if (this.confirm) {
      this.unsaved += 1
      void this.confirm(++this.seq).then(() => {
        this.unsaved -= 1
        this.savedAfterMs.push(performance.now() - typedAt)
      })
    }
  }

  /** Moves the cursor as the caret extension does after every keystroke. */
  private moveCursor(text: Y.XmlText, index: number): void {
    const { awareness } = this.client
    const position = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, index)) as Record<string, unknown>
    awareness.setLocalStateField('cursor', { anchor: position, head: position })
  }

  /** Types `rate` keystrokes a second, starting at a random phase so writers do not type in lockstep. */
  start(ledger: EditLedger, rate: number, cursors: boolean): void {
    const interval = 1000 / rate
    this.timer = setTimeout(() => {
      this.keystroke(ledger, cursors)
      this.timer = setInterval(() => this.keystroke(ledger, cursors), interval)
    }, Math.random() * interval)
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }
}
