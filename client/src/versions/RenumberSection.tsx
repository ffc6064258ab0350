import type { TFunction } from 'i18next'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { RenumberAnswer } from '../../../shared/negotiation/renumberAnswer.js'
import { callApi } from '../api/apiClient.js'
import type { ConfirmRequest } from '../dialogs/ConfirmDialog.js'

/** What renumbering did, in one sentence for the status line. */
function renumbered(t: TFunction, { changes }: RenumberAnswer): string {
  if (changes.length === 0) return t('versions.renumber.none')
  return t('versions.renumber.done', { count: changes.length, changes: changes.map((change) => t('versions.renumber.change', { from: change.from, to: change.to })).join(', ') })
}

/** The moderator's end-of-round renumbering: asks first, then reports every label that changed. */
export function RenumberSection({ base, ask, onDone, onFailed }: { base: string; ask: (request: ConfirmRequest) => void; onDone: (text: string) => void; onFailed: (failure: unknown) => void }) {
  const id = useId()
  const { t } = useTranslation()
  const handleClick = () =>
    ask({
      title: t('versions.renumber.confirmTitle'),
      message: <p>{t('versions.renumber.confirmMessage')}</p>,
      confirmLabel: t('versions.renumber.confirm'),
      onConfirm: () => void callApi(`${base}/labels/renumber`, RenumberAnswer, { method: 'POST' }).then((answer) => onDone(renumbered(t, answer)), onFailed),
    })
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('versions.renumber.heading')}</h2>
      <p>{t('versions.renumber.explanation')}</p>
      <button type="button" onClick={handleClick}>
        {t('versions.renumber.button')}
      </button>
    </section>
  )
}
