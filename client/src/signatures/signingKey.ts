import * as idb from 'lib0/indexeddb'
import { z } from 'zod'
import { base64 } from '../../../shared/signatures/signatureStatement.js'
import { callApi } from '../api/apiClient.js'

const RegisteredKey = z.object({ keyId: z.string(), fingerprint: z.string() })

/** This browser's signing key for a participant. */
export interface SigningKey {
  privateKey: CryptoKey
  keyId: string
  fingerprint: string
}

const STORE = 'keys'

async function database(): Promise<IDBDatabase> {
  return idb.openDB('kelisim-signing-keys', (db) => idb.createStores(db, [[STORE]]))
}

/**
 * The participant's key in this browser, made on first use: an Ed25519 pair whose private half cannot be exported,
 * kept in IndexedDB; its public half is registered with the server (again each time, which is harmless).
 */
export async function signingKey(participantId: string): Promise<SigningKey> {
  const db = await database()
  // lib0 types stored values narrowly; IndexedDB stores CryptoKeys by structured clone.
  let pair = (await idb.get(idb.transact(db, [STORE], 'readonly')[0]!, participantId)) as unknown as CryptoKeyPair | undefined
  if (!pair) {
    pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair
    await idb.put(idb.transact(db, [STORE])[0]!, pair as unknown as string, participantId)
  }
  db.close()
  const publicKey = base64(await crypto.subtle.exportKey('raw', pair.publicKey))
  const registered = await callApi('/keys', RegisteredKey, { method: 'POST', body: { publicKey } })
  return { privateKey: pair.privateKey, ...registered }
}
