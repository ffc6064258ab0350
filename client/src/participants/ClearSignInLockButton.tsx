import { useTranslation } from 'react-i18next'
import { SignInLockCleared } from '../../../shared/api/signInLock.js'
import type { Member } from '../../../shared/api/schemas.js'
import { callApi } from '../api/apiClient.js'
import { SpokenLabel } from '../layout/SpokenLabel.js'

/** A moderator clears a member's failed sign-ins, so someone else's guesses no longer slow them down. */
export function ClearSignInLockButton({ declaration, member, onAct }: { declaration: string; member: Member; onAct: (request: Promise<string>) => void }) {
  const { t } = useTranslation()
  const handleClick = () =>
    onAct(
      callApi(`/declarations/${declaration}/members/${member.id}/sign-in-lock`, SignInLockCleared, { method: 'DELETE' }).then(({ cleared }) =>
        cleared ? t('members.lockCleared', { name: member.name }) : t('members.noLock', { name: member.name }),
      ),
    )
  return (
    <button type="button" onClick={handleClick}>
      <SpokenLabel shown={t('members.clearLock')} spoken={t('members.clearLockOf', { name: member.name })} />
    </button>
  )
}
