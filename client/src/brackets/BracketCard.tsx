import { useState } from 'react'
import type { BracketItem, ResolveBracketBody } from '../../../shared/brackets/bracketSchemas.js'
import { formatDateTime } from '../../../shared/format/dateTime.js'

interface BracketCardProps {
  item: BracketItem
  /** The paragraph's label now (OP3), or empty when it is gone. */
  label: string
  /** The words it covers now; empty once they are all deleted. */
  words: string
  canManage: boolean
  onShowInText: (() => void) | null
  onResolve: (body: ResolveBracketBody) => Promise<void>
}

/** One open bracket or set of alternatives: where, who asked, why, and the moderator's ways to resolve it. */
export function BracketCard({ item, label, words, canManage, onShowInText, onResolve }: BracketCardProps) {
  const [error, setError] = useState<string | null>(null)
  const act = (body: ResolveBracketBody) => {
    setError(null)
    onResolve(body).catch((failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)))
  }
  const title = item.kind === 'bracket' ? `Bracket in ${label || 'a removed paragraph'}` : `Alternatives in ${label || 'a removed paragraph'}`
  return (
    <article className="bracket-card" aria-label={title} data-bracket={item.id}>
      <h3 className="bracket-card__title">{title}</h3>
      <p dir="auto" className="bracket-card__words">
        {words ? `[${words}]` : item.anchor ? '[ ] (all its words were deleted)' : '[ ] (the paragraph is empty)'}
      </p>
      {item.kind === 'bracket' ? (
        <>
          <p>Requested by {item.requestedBy.join(', ')}</p>
          {item.reason && (
            <p dir="auto" className="bracket-card__reason">
              Reason: {item.reason}
            </p>
          )}
        </>
      ) : (
        <ol className="bracket-card__options" aria-label="Formulations">
          {item.options.map((option, index) => (
            <li key={index}>
              <span dir="auto">
                Alt {index + 1}: {option.text}
              </span>{' '}
              (proposed by {option.proposedBy.join(', ')})
              {canManage && (
                <button type="button" onClick={() => act({ action: 'choose', option: index + 1 })}>
                  Choose Alt {index + 1}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      <p className="bracket-card__meta">
        Placed by <span dir="auto">{item.placedBy.name}</span> ({item.placedBy.delegation}), {formatDateTime(item.placedAt)}
      </p>
      <div className="bracket-card__actions">
        {onShowInText && (
          <button type="button" onClick={onShowInText}>
            Show in text
          </button>
        )}
        {canManage && (
          <button type="button" onClick={() => act({ action: 'lift' })}>
            {item.kind === 'bracket' ? 'Lift bracket (keep the words)' : 'Lift alternatives (keep the text)'}
          </button>
        )}
        {canManage && item.kind === 'bracket' && words && (
          <button type="button" onClick={() => act({ action: 'delete-text' })}>
            Delete the bracketed words
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </article>
  )
}
