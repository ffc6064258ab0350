import { SignInLockCleared } from '../../../shared/api/signInLock.js'
import type { Member } from '../../../shared/api/schemas.js'
import { callApi } from '../api/apiClient.js'

/** A moderator clears a member's failed sign-ins, so someone else's guesses no longer slow them down. */
export function ClearSignInLockButton({ declaration, member, onAct }: { declaration: string; member: Member; onAct: (request: Promise<string>) => void }) {
  const handleClick = () =>
    onAct(
      callApi(`/declarations/${declaration}/members/${member.id}/sign-in-lock`, SignInLockCleared, { method: 'DELETE' }).then(({ cleared }) =>
        cleared ? `Failed sign-ins of ${member.name} cleared: they can sign in at once.` : `${member.name} had no failed sign-ins to clear.`,
      ),
    )
  return (
    <button type="button" onClick={handleClick}>
      Clear sign-in lock<span className="visually-hidden"> of {member.name}</span>
    </button>
  )
}
