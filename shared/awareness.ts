import { z } from 'zod'
import { Delegation } from './api/schemas.js'
import { Role } from './roles.js'

/** The identity part of presence, always written by the server from the session. */
export const PresenceUser = z.object({ name: z.string(), delegation: Delegation, role: Role, color: z.string() })
export type PresenceUser = z.infer<typeof PresenceUser>

/** A relative position as y-prosemirror encodes it in presence. */
const RelativePositionJson = z.record(z.string(), z.unknown())

/** What a client may put in its presence state; `user` is replaced by the server. */
export const PresenceState = z.looseObject({
  user: z.unknown().optional(),
  cursor: z.union([z.null(), z.strictObject({ anchor: RelativePositionJson, head: RelativePositionJson })]).optional(),
})

/** Longest presence state accepted, in bytes of JSON. */
export const MAX_PRESENCE_JSON = 4096
