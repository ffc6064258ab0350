import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ApiRequestError, callApi } from '../api/apiClient.js'
import type { ConfirmRequest } from '../dialogs/ConfirmDialog.js'

/** Freezes the live draft (or, while locked, asks, then freezes a new version and unlocks); shows invisible characters first. */
export function FreezeForm({ base, unlock, onFrozen }: { base: string; unlock?: { lockedName: string; ask: (request: ConfirmRequest) => void }; onFrozen: (text: string) => void }) {
  const { t } = useTranslation()
  const [versionName, setVersionName] = useState('')
  const [note, setNote] = useState('')
  const [invisible, setInvisible] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const id = useId()

  const freeze = () => {
    setError(null)
    const body = { name: versionName, note, acceptInvisibleCharacters: invisible !== null }
    callApi(unlock ? `${base}/versions/unlock` : `${base}/versions`, z.unknown(), { method: 'POST', body }).then(
      () => {
        setVersionName('')
        setNote('')
        setInvisible(null)
        onFrozen(unlock ? t('versions.freeze.doneUnlocked', { name: body.name }) : t('versions.freeze.done', { name: body.name }))
      },
      (failure: unknown) => {
        // The server words its refusals in the person's language.
        if (failure instanceof ApiRequestError && failure.code === 'invisible_characters') setInvisible(failure.message)
        else setError(failure instanceof Error ? failure.message : String(failure))
      },
    )
  }

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (!unlock) return freeze()
    unlock.ask({
      title: t('versions.unlock.title', { name: versionName }),
      message: (
        <>
          <p>{t('versions.unlock.message', { name: unlock.lockedName })}</p>
          <p>{t('negotiationState.unlockWithdrawsSilence', { version: unlock.lockedName })}</p>
        </>
      ),
      confirmLabel: t('versions.unlock.confirm'),
      onConfirm: freeze,
    })
  }

  return (
    <form onSubmit={handleSubmit} className="stacked-form" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{unlock ? t('versions.unlock.heading') : t('versions.freeze.heading')}</h2>
      <label htmlFor={`${id}-name`}>{t('versions.freeze.name')}</label>
      <input id={`${id}-name`} value={versionName} onChange={(event) => setVersionName(event.target.value)} required maxLength={60} />
      <label htmlFor={`${id}-note`}>{t('versions.freeze.note')}</label>
      <textarea id={`${id}-note`} dir="auto" value={note} onChange={(event) => setNote(event.target.value)} rows={2} maxLength={1000} />
      {invisible && (
        <div role="alert" className="warning">
          <p>{invisible}</p>
          <p>{t('versions.freeze.invisibleAdvice')}</p>
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit">{invisible ? t('versions.freeze.anyway') : unlock ? t('versions.unlock.confirm') : t('versions.freeze.button')}</button>
    </form>
  )
}
