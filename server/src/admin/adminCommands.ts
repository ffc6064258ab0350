import { randomUUID } from 'node:crypto'
import { parseArgs } from 'node:util'
import { DelegationBody, DisplayName, Login, NewPassword } from '../../../shared/api/schemas.js'
import { adviseColor, colorProblemText } from '../../../shared/delegations/delegationColor.js'
import { DocumentName } from '../../../shared/documentName.js'
import type { z } from 'zod'
import { hashPassword } from '../auth/passwords.js'
import { issueMessage } from '../i18n/issueMessage.js'
import { serverMessage } from '../i18n/serverI18n.js'
import { declarationState } from '../seed/seedDemo.js'
import type { Store } from '../store/Store.js'

/** What the admin command prints when asked for help or given something it does not know. */
export const adminUsage = `Usage: npm run admin -- <command> [options]   (stop the server first)

  add-delegation     --code KAZ --name Kazakhstan --color '#00658f'
  create-declaration --name almaty-declaration --title 'Almaty Declaration on Inclusive Education'
  add-moderator      --declaration almaty-declaration --login chair --name 'Aigerim Seitkali' --delegation KAZ
                     (reads the new password from standard input; an existing login just gets the role)`

/** A mistake in the command line, said in one sentence. */
export class AdminUsageError extends Error {}

function parsed<T>(result: z.ZodSafeParseResult<T>, what: string): T {
  if (!result.success) {
    const issue = result.error.issues[0]
    throw new AdminUsageError(issue ? `${what}: ${serverMessage('en', issueMessage(issue))}` : what)
  }
  return result.data
}

/** Runs one admin command against an open store; returns what to print. */
export async function runAdminCommand(store: Store, argv: string[], readPassword: () => Promise<string>): Promise<string> {
  const [command, ...rest] = argv
  const { values } = parseArgs({
    args: rest,
    options: {
      code: { type: 'string' },
      name: { type: 'string' },
      color: { type: 'string' },
      title: { type: 'string' },
      declaration: { type: 'string' },
      login: { type: 'string' },
      delegation: { type: 'string' },
    },
    strict: true,
  })
  switch (command) {
    case 'add-delegation': {
      const delegation = parsed(DelegationBody.safeParse({ code: values.code, name: values.name, color: values.color }), 'delegation')
      if (await store.getDelegation(delegation.code)) throw new AdminUsageError(`A delegation with code ${delegation.code} exists.`)
      const advice = adviseColor(delegation.color, await store.listDelegations())
      await store.addDelegations([delegation])
      const warnings = advice.problems.map((problem) => `Warning: ${colorProblemText(problem)}`)
      if (advice.suggestion) warnings.push(`A distinct colour: ${advice.suggestion}.`)
      return [`Added delegation ${delegation.name} (${delegation.code}).`, ...warnings].join('\n')
    }
    case 'create-declaration': {
      const name = parsed(DocumentName.safeParse(values.name), '--name')
      const title = parsed(DisplayName.safeParse(values.title), '--title')
      if (await store.getDeclaration(name)) throw new AdminUsageError(`A declaration named ${name} exists.`)
      await store.createDeclaration({ name, title, createdAt: new Date().toISOString() }, declarationState(title, [{ kind: 'preambular', text: '' }]))
      return `Created declaration ${name}.`
    }
    case 'add-moderator': {
      const declaration = parsed(DocumentName.safeParse(values.declaration), '--declaration')
      const login = parsed(Login.safeParse(values.login), '--login')
      if (!(await store.getDeclaration(declaration))) throw new AdminUsageError(`There is no declaration ${declaration}.`)
      const existing = await store.findParticipantByLogin(login)
      if (existing) {
        await store.memberships.grant({ declaration, participantId: existing.id, role: 'moderator' })
        return `${existing.name} (${login}) is now a moderator of ${declaration}.`
      }
      const name = parsed(DisplayName.safeParse(values.name), '--name')
      const delegation = values.delegation ?? ''
      if (!(await store.getDelegation(delegation))) throw new AdminUsageError(`There is no delegation "${delegation}"; add it first.`)
      const password = parsed(NewPassword.safeParse(await readPassword()), 'password')
      const participant = { id: randomUUID(), login, name, delegation, passwordHash: await hashPassword(password), createdAt: new Date().toISOString() }
      await store.createParticipant(participant, [{ declaration, participantId: participant.id, role: 'moderator' }])
      return `Created moderator ${name} (${login}) of ${declaration}.`
    }
    default:
      throw new AdminUsageError(adminUsage)
  }
}
