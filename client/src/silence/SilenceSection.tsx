import { useEffect, useState } from 'react'
import { DeclarationAccess, type Identity } from '../../../shared/api/schemas.js'
import { can } from '../../../shared/roles.js'
import { callApi } from '../api/apiClient.js'
import type { ControlChannel } from '../sync/ControlChannel.js'
import { useDeclarationSync } from '../sync/useDeclarationSync.js'
import { OpenSilenceForm } from './OpenSilenceForm.js'
import { SilenceBanner } from './SilenceBanner.js'
import { useSilence } from './useSilence.js'

interface SilenceSectionProps {
  access: DeclarationAccess
  /** The page's own connection, when it has one. */
  channel: ControlChannel | null
  identity?: Identity
  /** The version locked for signature, which a moderator may place under silence here. */
  locked?: { id: string; name: string } | null
}

/** The silence banner, live, and for moderators on a locked version not yet under silence, the form that opens it. */
export function SilenceSection({ access, channel, identity, locked }: SilenceSectionProps) {
  const silence = useSilence(access.name, channel)
  const opens = locked && can(access.role, 'silence.manage') && silence !== undefined && (!silence || (silence.state !== 'running' && silence.version.id !== locked.id))
  return (
    <>
      <SilenceBanner silence={silence} declaration={access.name} signer={identity ? { identity, role: access.role } : undefined} />
      {opens && locked && <OpenSilenceForm declaration={access.name} version={locked} />}
    </>
  )
}

/** The silence section on a page without its own connection: it opens one to hear of changes at once. */
export function ConnectedSilenceSection({ name, locked }: { name: string; locked?: { id: string; name: string } | null }) {
  const [access, setAccess] = useState<DeclarationAccess | null>(null)
  useEffect(() => {
    callApi(`/declarations/${name}`, DeclarationAccess).then(setAccess, () => undefined)
  }, [name])
  return access && <WithConnection access={access} locked={locked} />
}

function WithConnection({ access, locked }: { access: DeclarationAccess; locked?: { id: string; name: string } | null }) {
  const sync = useDeclarationSync(access.name, access.createdAt)
  return <SilenceSection access={access} channel={sync?.channel ?? null} locked={locked} />
}
