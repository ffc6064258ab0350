import { z } from 'zod'

/** Answer of DELETE /api/declarations/:name/members/:id/sign-in-lock: whether the member had failed sign-ins to clear. */
export const SignInLockCleared = z.object({ cleared: z.boolean() })
export type SignInLockCleared = z.infer<typeof SignInLockCleared>
