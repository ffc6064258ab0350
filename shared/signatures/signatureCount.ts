import type { DelegationSignature, SignaturesView } from './evidence.js'
import type { z } from 'zod'

/** "k of n": how many of the delegations taking part have signed, and how many are expected to. */
export function signatureCount(view: Pick<SignaturesView, 'signed' | 'expected' | 'total'>): string {
  const taking = `${view.total} ${view.total === 1 ? 'delegation' : 'delegations'} taking part`
  return `${view.signed} of ${taking} ${view.signed === 1 ? 'has' : 'have'} signed; ${view.expected} ${view.expected === 1 ? 'is' : 'are'} expected to sign.`
}

/** A delegation's status in words, so it never rests on a colour or a mark alone. */
export function delegationStatus(delegation: z.infer<typeof DelegationSignature>): string {
  if (delegation.signature) return '✓ Signed'
  return delegation.expectedToSign ? 'Expected to sign, not yet signed' : 'Not expected to sign (no signatory)'
}
