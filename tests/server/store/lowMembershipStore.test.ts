import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'
import { DurableRecords } from '../../../server/src/store/DurableRecords.js'
import { LowMembershipStore, type MembershipData } from '../../../server/src/store/LowMembershipStore.js'
import { describeMembershipStore } from './membershipStoreContract.js'

const dirs: string[] = []
afterAll(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true })
})

describeMembershipStore('the embedded store', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'kelisim-members-'))
  dirs.push(dir)
  return new LowMembershipStore(await DurableRecords.open<MembershipData>(join(dir, 'records.json'), () => ({ memberships: [] })))
})
