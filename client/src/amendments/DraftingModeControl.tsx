import { useState } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { ModeBody, type DraftingMode } from '../../../shared/negotiation/amendmentSchemas.js'
import { callApi } from '../api/apiClient.js'
import { useConfirm } from '../dialogs/ConfirmDialog.js'
import './draftingMode.css'

interface DraftingModeControlProps {
  declaration: string
  mode: DraftingMode | null
  /** Moderators switch the mode; everyone else only sees it. */
  canSet: boolean
}

/** The drafting mode in words (the page announces its changes); a moderator switches it after confirming. */
export function DraftingModeControl({ declaration, mode, canSet }: DraftingModeControlProps) {
  const { ask, dialog } = useConfirm()
  const { t } = useTranslation()
  const [error, setError] = useState<string | null>(null)
  if (!mode) return null
  const next: DraftingMode = mode === 'open' ? 'negotiation' : 'open'

  const handleSwitch = () =>
    ask({
      title: next === 'open' ? t('amendments.mode.askOpen') : t('amendments.mode.askNegotiation'),
      message: next === 'open' ? t('amendments.mode.warnOpen') : t('amendments.mode.warnNegotiation'),
      confirmLabel: next === 'open' ? t('amendments.mode.confirmOpen') : t('amendments.mode.confirmNegotiation'),
      onConfirm: () => {
        setError(null)
        callApi(`/declarations/${declaration}/mode`, ModeBody, { method: 'PUT', body: { mode: next } }).catch((failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)))
      },
    })

  return (
    <div className="drafting-mode">
      <p className="drafting-mode__status">
        {mode === 'open' ? <Trans i18nKey="amendments.mode.isOpen" components={{ strong: <strong /> }} /> : <Trans i18nKey="amendments.mode.isNegotiation" components={{ strong: <strong /> }} />}
      </p>
      {canSet && (
        <button type="button" onClick={handleSwitch}>
          {next === 'open' ? t('amendments.mode.switchOpen') : t('amendments.mode.switchNegotiation')}
        </button>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {dialog}
    </div>
  )
}
