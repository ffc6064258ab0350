import { useState } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import type { BracketItem, ResolveBracketBody } from '../../../shared/brackets/bracketSchemas.js'
import { useDateTime } from '../i18n/useDateTime.js'

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
  const { t } = useTranslation()
  const dateTime = useDateTime()
  const act = (body: ResolveBracketBody) => {
    setError(null)
    onResolve(body).catch((failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)))
  }
  const paragraph = label || t('amendments.removedParagraph')
  const title = item.kind === 'bracket' ? t('brackets.bracketIn', { paragraph }) : t('brackets.alternativesIn', { paragraph })
  return (
    <article className="bracket-card" aria-label={title} data-bracket={item.id}>
      <h3 className="bracket-card__title">{title}</h3>
      <p dir="auto" className="bracket-card__words">
        {words ? `[${words}]` : item.anchor ? t('brackets.wordsDeleted') : t('brackets.paragraphEmpty')}
      </p>
      {item.kind === 'bracket' ? (
        <>
          <p>{t('brackets.requestedBy', { codes: item.requestedBy.join(', ') })}</p>
          {item.reason && (
            <p dir="auto" className="bracket-card__reason">
              {t('brackets.reason', { reason: item.reason })}
            </p>
          )}
        </>
      ) : (
        <ol className="bracket-card__options" aria-label={t('brackets.formulations')}>
          {item.options.map((option, index) => (
            <li key={index}>
              <span dir="auto">{t('brackets.alt', { number: index + 1, text: option.text })}</span> {t('brackets.proposedBy', { codes: option.proposedBy.join(', ') })}
              {canManage && (
                <button type="button" onClick={() => act({ action: 'choose', option: index + 1 })}>
                  {t('brackets.choose', { number: index + 1 })}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      <p className="bracket-card__meta">
        <Trans i18nKey="brackets.placedBy" values={{ name: item.placedBy.name, delegation: item.placedBy.delegation, date: dateTime(item.placedAt) }} components={{ who: <span dir="auto" /> }} />
      </p>
      <div className="bracket-card__actions">
        {onShowInText && (
          <button type="button" onClick={onShowInText}>
            {t('amendments.showInText')}
          </button>
        )}
        {canManage && (
          <button type="button" onClick={() => act({ action: 'lift' })}>
            {item.kind === 'bracket' ? t('brackets.lift') : t('brackets.liftAlternatives')}
          </button>
        )}
        {canManage && item.kind === 'bracket' && words && (
          <button type="button" onClick={() => act({ action: 'delete-text' })}>
            {t('brackets.deleteWords')}
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
