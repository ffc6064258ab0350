import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Member } from '../../../shared/api/schemas.js'
import { Role } from '../../../shared/roles.js'
import { callApi, NoContent } from '../api/apiClient.js'
import { roleName } from '../i18n/roleName.js'
import { ClearSignInLockButton } from './ClearSignInLockButton.js'
import { SpokenLabel } from '../layout/SpokenLabel.js'
import { useConfirm, type ConfirmRequest } from '../dialogs/ConfirmDialog.js'

/** Members with their roles; a moderator changes a role or removes a person. */
export function MembersTable({ declaration, members, selfId, onChanged }: { declaration: string; members: Member[]; selfId: string; onChanged: () => Promise<void> }) {
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null)
  const { ask, dialog } = useConfirm()
  const { t } = useTranslation()

  const act = (request: Promise<unknown>, done?: string) => {
    request.then(
      // The list is read again first, so the announcement never describes a row still on screen.
      (result) => onChanged().then(() => setMessage({ text: done ?? String(result), isError: false })),
      (failure: unknown) => setMessage({ text: failure instanceof Error ? failure.message : String(failure), isError: true }),
    )
  }

  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">{t('members.heading')}</h2>
      <p role="status" className={message?.isError ? 'error' : undefined}>
        {message?.text}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('members.name')}</th>
            <th scope="col">{t('members.login')}</th>
            <th scope="col">{t('members.delegation')}</th>
            <th scope="col">{t('members.role')}</th>
            <th scope="col">{t('members.actions')}</th>
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
  const { t } = useTranslation()
  const selectId = `role-${member.id}`
  return (
    <tr>
      <th scope="row">
        <span dir="auto">{member.name}</span>
        {isSelf && ` ${t('members.you')}`}
        {!member.active && ` — ${t('members.invited')}`}
        {isLastModerator && ` — ${t('members.onlyModerator')}`}
      </th>
      <td dir="ltr">{member.login}</td>
      <td dir="auto">{member.delegation.name}</td>
      <td>
        <label htmlFor={selectId} className="visually-hidden">
          {t('members.roleOf', { name: member.name })}
        </label>
        <select id={selectId} value={role} disabled={isLastModerator} onChange={(event) => setRole(Role.parse(event.target.value))}>
          {Role.options.map((option) => (
            <option key={option} value={option}>
              {roleName(t, option)}
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
              t('members.roleSaved', { name: member.name, role: roleName(t, role) }),
            )
          }
        >
          <SpokenLabel shown={t('members.saveRole')} spoken={t('members.saveRoleOf', { name: member.name })} />
        </button>
        <button
          type="button"
          disabled={isLastModerator}
          onClick={() =>
            ask({
              title: t('members.removeTitle', { name: member.name }),
              message: <p dir="auto">{t('members.removeMessage', { name: member.name, delegation: member.delegation.name })}</p>,
              confirmLabel: t('members.removeName', { name: member.name }),
              onConfirm: () =>
                onAct(callApi(`/declarations/${declaration}/members/${member.id}`, NoContent, { method: 'DELETE' }), t('members.removed', { name: member.name })),
            })
          }
        >
          <SpokenLabel shown={t('members.remove')} spoken={t('members.removeName', { name: member.name })} />
        </button>
        <ClearSignInLockButton declaration={declaration} member={member} onAct={onAct} />
      </td>
    </tr>
  )
}
