import { z } from 'zod'

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/)

/** One signatory's registered key as the secretariat publishes it: who, for which delegation, which key id. */
export const PublishedKey = z.object({
  delegation: z.object({ code: z.string(), name: z.string() }),
  signer: z.object({ id: z.string(), name: z.string() }),
  keyId: Hex64,
  fingerprint: z.string(),
})
export type PublishedKey = z.infer<typeof PublishedKey>

/** The published list of signatories' keys, the file `npm run verify -- --keys FILE` reads. */
export const PublishedKeys = z.object({
  format: z.literal('kelisim-keys/1'),
  declaration: z.string(),
  publishedAt: z.string(),
  keys: z.array(PublishedKey),
})
export type PublishedKeys = z.infer<typeof PublishedKeys>
