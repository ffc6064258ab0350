import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { DeclarationAccess, Delegation, ParticipantsView } from '../../../shared/api/schemas.js'
import { useLatestRequest } from '../api/latestRequest.js'
import { callApi } from '../api/apiClient.js'
import { DelegationsPanel } from './DelegationsPanel.js'
import { InviteForm } from './InviteForm.js'
import { InvitationsList } from './InvitationsList.js'
import { MembersTable } from './MembersTable.js'
import { BackLink } from '../navigation/BackLink.js'
import { useDocumentTitle } from '../navigation/useDocumentTitle.js'
import { ConnectedSilenceSection } from '../silence/SilenceSection.js'

/** For moderators: who takes part in a declaration, in which role, who is invited, and the delegations. */
export function ParticipantsPage({ name, selfId, onBack }: { name: string; selfId: string; onBack: () => void }) {
  const [view, setView] = useState<ParticipantsView | null>(null)
  const [delegations, setDelegations] = useState<Delegation[]>([])
  const [error, setError] = useState<string | null>(null)
  const [title, setTitle] = useState<string | null>(null)
  const { t } = useTranslation()
  useDocumentTitle(t('participants.title'), title)

  const request = useLatestRequest<[ParticipantsView, Delegation[]]>()
  const reload = useCallback(
    (): Promise<void> =>
      request.track(Promise.all([callApi(`/declarations/${name}/participants`, ParticipantsView), callApi('/delegations', z.array(Delegation))])).then(
        ([participants, allDelegations]) => {
          setView(participants)
          setDelegations(allDelegations)
        },
        (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
      ),
    [name, request],
  )

  useEffect(() => void reload(), [reload])
  useEffect(() => {
    callApi(`/declarations/${name}`, DeclarationAccess).then((access) => setTitle(access.title), () => setTitle(null))
  }, [name])

  return (
    <div className="participants-page">
      <h1>{t('participants.title')}</h1>
      <BackLink name={name} onBack={onBack} />
      <ConnectedSilenceSection name={name} />
      {error && <p role="alert">{error}</p>}
      {!view && !error && <p role="status">{t('app.loading')}</p>}
      {view && (
        <>
          <MembersTable declaration={name} members={view.members} selfId={selfId} onChanged={reload} />
          <InvitationsList declaration={name} invitations={view.invitations} onChanged={reload} />
          <InviteForm declaration={name} delegations={delegations} onInvited={reload} />
          <DelegationsPanel delegations={delegations} onChanged={reload} />
        </>
      )}
    </div>
  )
}
