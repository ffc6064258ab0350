import { z } from 'zod'
import { AuditEntryView } from '../versions/versionSchemas.js'
import { SilenceEvidence } from '../silence/silenceSchemas.js'
import { SignatureStatement } from './signatureStatement.js'

/** Everything needed to check a frozen version and its signatures offline, years later. */
export const EvidenceBundle = z.object({
  format: z.literal('kelisim-evidence/1'),
  declaration: z.string(),
  version: z.object({ id: z.string(), seq: z.number(), name: z.string(), serialized: z.string(), sha256: z.string() }),
  signatures: z.array(z.object({ statement: SignatureStatement, signature: z.string(), publicKey: z.string() })),
  /** The silence procedures on this version; absent in bundles made before silence existed. */
  silence: z.array(SilenceEvidence).optional(),
  audit: z.array(AuditEntryView),
})
export type EvidenceBundle = z.infer<typeof EvidenceBundle>

/** A delegation taking part, on the signatures page: whether a signatory of it is expected to sign, and its signature if it has signed. */
export const DelegationSignature = z.object({
  code: z.string(),
  name: z.string(),
  expectedToSign: z.boolean(),
  signature: z
    .object({
      signer: z.string(),
      signedAt: z.string(),
      fingerprint: z.string(),
      adReferendum: z.boolean(),
      reservation: z.string().nullable(),
    })
    .nullable(),
})

/** The signatures page: the locked version, who signed it, k of the n delegations taking part, how many are expected to sign, and the audit log's head. */
export const SignaturesView = z.object({
  version: z.object({ id: z.string(), name: z.string(), sha256: z.string() }).nullable(),
  delegations: z.array(DelegationSignature),
  signed: z.number(),
  expected: z.number(),
  total: z.number(),
  auditHead: z.string(),
})
export type SignaturesView = z.infer<typeof SignaturesView>
