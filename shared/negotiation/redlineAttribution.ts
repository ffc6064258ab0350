import type { ExportsKey, Message } from '../i18n/messageKeys.js'
import type { Redline } from '../versions/redline.js'

/** An accepted amendment as the audit log recorded it: its label, paragraph, delegation and how it was taken in. */
export interface AcceptedDecision {
  amendment: string
  clauseId: string
  delegationName: string
  revised: boolean
}

/** One line of a redline naming an accepted amendment: "OP3: A7 (Kazakhstan) accepted", as a message for the reader's language. */
export interface RedlineAttribution {
  paragraphId: string
  label: string
  message: Message<ExportsKey>
}

/** The accepted amendments behind a redline's changes, in the order they were decided, labelled by paragraph. */
export function attributeAccepted(redline: Redline, decisions: readonly AcceptedDecision[]): RedlineAttribution[] {
  const labels = new Map(redline.paragraphs.map((paragraph) => [paragraph.id, paragraph.newLabel ?? paragraph.oldLabel ?? '']))
  return decisions
    .filter((decision) => labels.has(decision.clauseId))
    .map((decision) => {
      const label = labels.get(decision.clauseId)!
      const values = { label, amendment: decision.amendment, delegation: decision.delegationName }
      const message: Message<ExportsKey> = decision.revised ? { key: 'versions.redline.acceptedRevised', values } : { key: 'versions.redline.accepted', values }
      return { paragraphId: decision.clauseId, label, message }
    })
}
