import { useState } from 'react'
import { Member } from '../../../shared/api/schemas.js'
import { Role, roleLabel } from '../../../shared/roles.js'
import { callApi, NoContent } from '../api/apiClient.js'
import { ClearSignInLockButton } from './ClearSignInLockButton.js'
import { useConfirm, type ConfirmRequest } from '../dialogs/ConfirmDialog.js'

/** Members with their roles; a moderator changes a role or removes a person. */
export function MembersTable({ declaration, members, selfId, onChanged }: { declaration: string; members: Member[]; selfId: string; onChanged: () => void }) {
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null)
  const { ask, dialog } = useConfirm()

  const act = (request: Promise<unknown>, done?: string) => {
    request.then(
      (result) => {
        setMessage({ text: done ?? String(result), isError: false })
        onChanged()
      },
      (failure: unknown) => setMessage({ text: failure instanceof Error ? failure.message : String(failure), isError: true }),
    )
  }

  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">People and roles</h2>
      <p role="status" className={message?.isError ? 'error' : undefined}>
        {message?.text}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Login</th>
            <th scope="col">Delegation</th>
            <th scope="col">Role</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <MemberRow
              key={member.id}
              member={member}
              isSelf={member.id === selfId}
              isLastModerator={member.role === 'moderator' && members.filter((other) => other.role === 'moderator').length === 1}
              onAct={act}
              ask={ask}
              declaration={declaration}
            />
          ))}
        </tbody>
      </table>
      {dialog}
    </section>
  )
}

function MemberRow({
  declaration,
  member,
  isSelf,
  isLastModerator,
  onAct,
  ask,
}: {
  declaration: string
  member: Member
  isSelf: boolean
  /** The server refuses to leave a declaration without a moderator, so those controls are not offered. */
  isLastModerator: boolean
  onAct: (request: Promise<unknown>, done?: string) => void
  ask: (request: ConfirmRequest) => void
}) {
  const [role, setRole] = useState<Role>(member.role)
  const selectId = `role-${member.id}`
  return (
    <tr>
      <th scope="row">
        {member.name}
        {isSelf && ' (you)'}
        {!member.active && ' — invited, no password yet'}
        {isLastModerator && ' — the only moderator'}
      </th>
      <td>{member.login}</td>
      <td>{member.delegation.name}</td>
      <td>
        <label htmlFor={selectId} className="visually-hidden">
          Role of {member.name}
        </label>
        <select id={selectId} value={role} disabled={isLastModerator} onChange={(event) => setRole(Role.parse(event.target.value))}>
          {Role.options.map((option) => (
            <option key={option} value={option}>
              {roleLabel[option]}
            </option>
          ))}
        </select>
      </td>
      <td className="actions">
        <button
          type="button"
          disabled={role === member.role}
          onClick={() =>
            onAct(
              callApi(`/declarations/${declaration}/members/${member.id}`, Member, { method: 'PUT', body: { role } }),
              `${member.name} is now ${roleLabel[role]}.`,
            )
          }
        >
          Save role<span className="visually-hidden"> of {member.name}</span>
        </button>
        <button
          type="button"
          disabled={isLastModerator}
          onClick={() =>
            ask({
              title: `Remove ${member.name}?`,
              message: <p dir="auto">{member.name} ({member.delegation.name}) loses access to this declaration at once.</p>,
              confirmLabel: `Remove ${member.name}`,
              onConfirm: () => onAct(callApi(`/declarations/${declaration}/members/${member.id}`, NoContent, { method: 'DELETE' }), `${member.name} was removed.`),
            })
          }
        >
          Remove<span className="visually-hidden"> {member.name}</span>
        </button>
        <ClearSignInLockButton declaration={declaration} member={member} onAct={onAct} />
      </td>
    </tr>
  )
}
