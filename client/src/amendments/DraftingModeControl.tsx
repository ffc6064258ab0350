import { useState } from 'react'
import { ModeBody, type DraftingMode } from '../../../shared/negotiation/amendmentSchemas.js'
import { callApi } from '../api/apiClient.js'
import { useConfirm } from '../dialogs/ConfirmDialog.js'
import { modeMeaning, modeName } from './modeWords.js'
import './draftingMode.css'

const switchWarning: Record<DraftingMode, string> = {
  open: 'Editors will type in the text again. Their pages reconnect with their new rights.',
  negotiation: 'Editors will no longer type in the text: what they change becomes an amendment. Their pages reconnect with their new rights, and words they were typing are kept as a draft.',
}

interface DraftingModeControlProps {
  declaration: string
  mode: DraftingMode | null
  /** Moderators switch the mode; everyone else only sees it. */
  canSet: boolean
}

/** The drafting mode in words (the page announces its changes); a moderator switches it after confirming. */
export function DraftingModeControl({ declaration, mode, canSet }: DraftingModeControlProps) {
  const { ask, dialog } = useConfirm()
  const [error, setError] = useState<string | null>(null)
  if (!mode) return null
  const next: DraftingMode = mode === 'open' ? 'negotiation' : 'open'

  const handleSwitch = () =>
    ask({
      title: `Switch to ${modeName[next].toLowerCase()}?`,
      message: switchWarning[next],
      confirmLabel: `Switch to ${modeName[next].toLowerCase()}`,
      onConfirm: () => {
        setError(null)
        callApi(`/declarations/${declaration}/mode`, ModeBody, { method: 'PUT', body: { mode: next } }).catch((failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)))
      },
    })

  return (
    <div className="drafting-mode">
      <p className="drafting-mode__status">
        Drafting mode: <strong>{modeName[mode]}</strong> ({modeMeaning[mode]})
      </p>
      {canSet && (
        <button type="button" onClick={handleSwitch}>
          Switch to {modeName[next].toLowerCase()}…
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
