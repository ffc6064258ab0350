import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Role } from '../../../shared/roles.js'
import type { MembershipStore } from '../../../server/src/store/MembershipStore.js'

const DOC = 'almaty-declaration'
const OTHER = 'other-declaration'

/** The contract every membership store passes; `open` gives a fresh, empty store. */
export function describeMembershipStore(name: string, open: () => Promise<MembershipStore>): void {
  async function seeded(roles: Record<string, Role>, declaration = DOC): Promise<MembershipStore> {
    const store = await open()
    for (const [participantId, role] of Object.entries(roles)) await store.grant({ declaration, participantId, role })
    return store
  }

  describe(`${name}: memberships`, () => {
    it('grants, changes and removes roles, answering the role each had', async () => {
      const store = await seeded({ chair: 'moderator' })
      expect(await store.grant({ declaration: DOC, participantId: 'ed', role: 'editor' })).toBeUndefined()
      expect(await store.changeRole({ declaration: DOC, participantId: 'ed', role: 'observer' }, 'chair')).toBe('editor')
      expect(await store.roleOf(DOC, 'ed')).toBe('observer')
      expect(await store.membershipsOf('ed')).toEqual([{ declaration: DOC, participantId: 'ed', role: 'observer' }])
      expect(await store.remove(DOC, 'ed', 'chair')).toBe('observer')
      expect(await store.members(DOC)).toEqual([{ declaration: DOC, participantId: 'chair', role: 'moderator' }])
    })

    it('refuses changes to someone who is not a member, changing nothing', async () => {
      const store = await seeded({ chair: 'moderator' })
      await expect(store.changeRole({ declaration: DOC, participantId: 'nobody', role: 'editor' }, 'chair')).rejects.toMatchObject({ reason: 'unknown_member' })
      await expect(store.remove(DOC, 'nobody', 'chair')).rejects.toMatchObject({ reason: 'unknown_member' })
      expect(await store.members(DOC)).toHaveLength(1)
    })

    it('never leaves a declaration without a moderator', async () => {
      const store = await seeded({ chair: 'moderator' })
      await expect(store.changeRole({ declaration: DOC, participantId: 'chair', role: 'editor' }, 'chair')).rejects.toMatchObject({ reason: 'last_moderator' })
      await expect(store.remove(DOC, 'chair', 'chair')).rejects.toMatchObject({ reason: 'last_moderator' })
      await expect(store.grant({ declaration: DOC, participantId: 'chair', role: 'observer' })).rejects.toMatchObject({ reason: 'last_moderator' })
      expect(await store.roleOf(DOC, 'chair')).toBe('moderator')
    })

    it('counts moderators per declaration', async () => {
      const store = await seeded({ chair: 'moderator' })
      await store.grant({ declaration: OTHER, participantId: 'chair', role: 'moderator' })
      await store.grant({ declaration: OTHER, participantId: 'second', role: 'moderator' })
      expect(await store.changeRole({ declaration: OTHER, participantId: 'chair', role: 'editor' }, 'second')).toBe('moderator')
      await expect(store.remove(DOC, 'chair', 'chair')).rejects.toMatchObject({ reason: 'last_moderator' })
    })

    it('refuses changes by someone who is not a moderator of that declaration', async () => {
      const store = await seeded({ chair: 'moderator', ed: 'editor' })
      await store.grant({ declaration: OTHER, participantId: 'elsewhere', role: 'moderator' })
      await expect(store.changeRole({ declaration: DOC, participantId: 'ed', role: 'moderator' }, 'ed')).rejects.toMatchObject({ reason: 'not_moderator' })
      await expect(store.remove(DOC, 'ed', 'elsewhere')).rejects.toMatchObject({ reason: 'not_moderator' })
      expect(await store.roleOf(DOC, 'ed')).toBe('editor')
    })

    it('keeps a moderator whatever changes run at once, and only moderators make them', async () => {
      const people = ['a', 'b', 'c', 'd']
      const change = fc.record({
        by: fc.constantFrom(...people),
        target: fc.constantFrom(...people),
        role: fc.option(fc.constantFrom<Role>('moderator', 'editor', 'observer'), { nil: null }),
      })
      await fc.assert(
        fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 8 }), async (changes) => {
          const store = await seeded({ a: 'moderator', b: 'moderator', c: 'editor', d: 'observer' })
          const outcomes = await Promise.allSettled(
            changes.map(({ by, target, role }) => (role ? store.changeRole({ declaration: DOC, participantId: target, role }, by) : store.remove(DOC, target, by))),
          )
          const members = await store.members(DOC)
          expect(members.some((member) => member.role === 'moderator')).toBe(true)
          expect(new Set(members.map((member) => member.participantId)).size).toBe(members.length)
          // Replaying the accepted changes one by one gives the same memberships: the concurrent ones were serial.
          const replay = await seeded({ a: 'moderator', b: 'moderator', c: 'editor', d: 'observer' })
          for (const [index, { by, target, role }] of changes.entries()) {
            if (outcomes[index]?.status !== 'fulfilled') continue
            await (role ? replay.changeRole({ declaration: DOC, participantId: target, role }, by) : replay.remove(DOC, target, by))
          }
          expect(sortedRoles(await replay.members(DOC))).toEqual(sortedRoles(members))
        }),
        { numRuns: 40 },
      )
    })
  })
}

const sortedRoles = (members: Array<{ participantId: string; role: Role }>) => members.map(({ participantId, role }) => `${participantId}:${role}`).sort()
