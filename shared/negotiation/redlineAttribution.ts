import type { Redline } from '../versions/redline.js'

/** An accepted amendment as the audit log recorded it: its label, paragraph, delegation and how it was taken in. */
export interface AcceptedDecision {
  amendment: string
  clauseId: string
  delegationName: string
  revised: boolean
}

/** One line of a redline naming an accepted amendment: "OP3: A7 (Kazakhstan) accepted". */
export interface RedlineAttribution {
  paragraphId: string
  label: string
  text: string
}

/** The accepted amendments behind a redline's changes, in the order they were decided, labelled by paragraph. */
export function attributeAccepted(redline: Redline, decisions: readonly AcceptedDecision[]): RedlineAttribution[] {
  const labels = new Map(redline.paragraphs.map((paragraph) => [paragraph.id, paragraph.newLabel ?? paragraph.oldLabel ?? '']))
  return decisions
    .filter((decision) => labels.has(decision.clauseId))
    .map((decision) => {
      const label = labels.get(decision.clauseId)!
      const how = decision.revised ? 'accepted as revised' : 'accepted'
      return { paragraphId: decision.clauseId, label, text: `${label}: ${decision.amendment} (${decision.delegationName}) ${how}` }
    })
}
