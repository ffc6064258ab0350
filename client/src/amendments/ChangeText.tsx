import type { AmendmentChange } from '../../../shared/negotiation/amendmentSchemas.js'
import { changeParts } from '../../../shared/negotiation/describeChange.js'
import { RunsText } from './RunsText.js'

/** A change with its insertions (in their bold or italic) and deletions marked by [+ … +] and [− … −] as well as by underline and strike-through. */
export function ChangeText({ change }: { change: AmendmentChange }) {
  return (
    <p className="change-text" dir="auto">
      {changeParts(change).map((part, index) =>
        part.kind === 'insert' ? (
          <ins key={index}>[+ {part.runs ? <RunsText runs={part.runs} /> : part.text} +]</ins>
        ) : part.kind === 'delete' ? (
          <del key={index}>[− {part.text} −]</del>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </p>
  )
}
