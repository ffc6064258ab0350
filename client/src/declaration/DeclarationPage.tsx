import { useEffect, useState } from 'react'
import { DeclarationSummary, type Identity } from '../../../shared/api/schemas.js'
import { callApi } from '../api/apiClient.js'
import { DeclarationEditor } from '../editor/DeclarationEditor.js'
import { PresenceList } from '../presence/PresenceList.js'
import { useDeclarationSync, useSaveStatus } from '../sync/useDeclarationSync.js'
import { SaveIndicator } from './SaveIndicator.js'
import type { DeclarationSync } from '../sync/useDeclarationSync.js'

/** A declaration: its text, who is here, and whether everything is saved. */
export function DeclarationPage({ name, identity }: { name: string; identity: Identity }) {
  const [summary, setSummary] = useState<DeclarationSummary | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    callApi(`/declarations/${name}`, DeclarationSummary).then(setSummary, (failure: unknown) =>
      setError(failure instanceof Error ? failure.message : String(failure)),
    )
  }, [name])

  if (error) return <p role="alert">{error}</p>
  if (!summary) return <p role="status">Loading…</p>
  return (
    <article className="declaration-page" aria-label={summary.title}>
      <Workspace summary={summary} identity={identity} />
    </article>
  )
}

function Workspace({ summary, identity }: { summary: DeclarationSummary; identity: Identity }) {
  const sync = useDeclarationSync(summary.name, summary.createdAt)
  if (!sync) return null
  return <ConnectedWorkspace sync={sync} identity={identity} />
}

function ConnectedWorkspace({ sync, identity }: { sync: DeclarationSync; identity: Identity }) {
  const status = useSaveStatus(sync.tracker)
  return (
    <div className="workspace">
      <div className="workspace__main">
        <SaveIndicator status={status} />
        {!sync.ready && <p role="status">Loading the text…</p>}
        <DeclarationEditor doc={sync.doc} provider={sync.provider} identity={identity} editable={sync.ready && status.kind !== 'refused'} />
      </div>
      <aside className="workspace__side" aria-label="Participants">
        <PresenceList provider={sync.provider} />
      </aside>
    </div>
  )
}
