import * as Y from 'yjs'
import { DeclarationIndex } from '../../../shared/editor/DeclarationIndex.js'
import { repairDeclaration } from '../../../shared/editor/repairDeclaration.js'
import type { DecodedUpdate, SharedType } from '../../../shared/editor/updateItems.js'
import { checkOnCopy, checkUpdateSchema } from '../../../shared/editor/updateSchemaCheck.js'
import { closedParagraphTouched, liveClauseLabel } from '../../../shared/paragraphStatus/closedParagraphCheck.js'
import { CloseCode } from '../../../shared/protocol/closeCodes.js'
import type { Logger } from '../log.js'
import { ProtocolViolation } from './ProtocolViolation.js'

/**
 * The pieces Yjs holds back until what they build on arrives, when this update may bring it: they come in with it, so
 * they are checked with it. Pieces it cannot free are not decoded, so a parked backlog does not tax every keystroke.
 */
function parkedUpdates(doc: Y.Doc, decoded: DecodedUpdate): DecodedUpdate[] {
  const { pendingStructs, pendingDs } = doc.store
  const reach = new Map<number, number>()
  for (const struct of decoded.structs) reach.set(struct.id.client, Math.max(reach.get(struct.id.client) ?? 0, struct.id.clock + struct.length))
  if (reach.size === 0) return []
  const parked: DecodedUpdate[] = []
  if (pendingStructs && [...pendingStructs.missing].some(([client, clock]) => (reach.get(client) ?? 0) > clock)) {
    parked.push(Y.decodeUpdateV2(pendingStructs.update))
  }
  if (pendingDs) parked.push(Y.decodeUpdateV2(pendingDs))
  return parked
}

/**
 * Holds one loaded declaration to the editor schema: repairs it as it loads, checks every client update before it is
 * applied, and repairs what honest concurrent edits break when they merge.
 */
export class SchemaGuard {
  private readonly index: DeclarationIndex

  constructor(
    private readonly doc: Y.Doc,
    private readonly name: string,
    private readonly log: Logger,
  ) {
    this.index = new DeclarationIndex(doc)
  }

  /** Repairs what breaks the schema in a declaration as read from disk, and logs what was removed. */
  repairLoaded(): void {
    const repaired = repairDeclaration(this.index, true, { whole: true })
    if (repaired.length > 0) this.log.warn('declaration_repaired', { document: this.name, repaired })
  }

  /** Checks a client's update against the schema and the closed (agreed) paragraphs, and applies it; refused, nothing of it is applied. */
  apply(decoded: DecodedUpdate, update: Uint8Array, origin: unknown, closed: ReadonlySet<string> = new Set()): void {
    const parked = parkedUpdates(this.doc, decoded)
    let verdict = checkUpdateSchema(this.index, [...parked, decoded])
    if (verdict.refused !== null && parked.length > 0 && checkUpdateSchema(this.index, [decoded]).refused === null) {
      // What was parked breaks the schema once it can be placed; it is dropped, and this update is judged alone.
      this.log.warn('sync_parked_dropped', { document: this.name, reason: verdict.refused })
      this.doc.store.pendingStructs = null
      this.doc.store.pendingDs = null
      verdict = checkUpdateSchema(this.index, [decoded])
    }
    if (verdict.refused === null && verdict.needsCopy) {
      const pending = this.doc.store.pendingStructs?.update
      const problem = checkOnCopy(this.doc, (copy) => {
        if (pending) Y.applyUpdateV2(copy, pending)
        Y.applyUpdate(copy, update)
      })
      if (problem) verdict = { refused: problem }
    }
    if (verdict.refused !== null) throw new ProtocolViolation(CloseCode.changeRefused, `The change breaks the editor schema: ${verdict.refused}`)
    const stillParked = this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null
    const agreed = closed.size > 0 ? closedParagraphTouched(this.index, stillParked ? [...parked, decoded] : [decoded], closed) : null
    if (agreed !== null) {
      const label = liveClauseLabel(this.index.root, agreed) ?? 'The paragraph'
      throw new ProtocolViolation(CloseCode.changeRefused, `${label} is agreed and closed until a moderator reopens it; the change was not applied.`)
    }
    Y.applyUpdate(this.doc, update, origin)
    const containers = verdict.reshaped.flatMap((at): SharedType[] => {
      if (at === 'root') return [this.index.root]
      const item = at.clock < Y.getState(this.doc.store, at.client) ? Y.getItem(this.doc.store, at) : null
      return item instanceof Y.Item && item.content instanceof Y.ContentType ? [item.content.type] : []
    })
    const repaired = repairDeclaration(this.index, true, { whole: false, containers, renumbered: verdict.renumbered })
    if (repaired.length > 0) this.log.info('merge_repaired', { document: this.name, repaired })
  }
}
