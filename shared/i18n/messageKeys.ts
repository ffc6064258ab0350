import type enExports from './locales/en/exports.json'
import type enNegotiation from './locales/en/negotiation.json'
import type enServer from './locales/en/server.json'
import type enVerify from './locales/en/verify.json'

/** A key without the plural suffix i18next adds for `count` (`_one`, `_few`, `_many`, `_other`, ...). */
type WithoutPlural<K extends string> = K extends `${infer B}_zero`
  ? B
  : K extends `${infer B}_one`
    ? B
    : K extends `${infer B}_two`
      ? B
      : K extends `${infer B}_few`
        ? B
        : K extends `${infer B}_many`
          ? B
          : K extends `${infer B}_other`
            ? B
            : K

/** Every key of a catalogue as code passes it to `t`: nested keys joined by dots, plural forms as one key. */
export type CatalogueKey<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${WithoutPlural<K>}` : CatalogueKey<T[K], `${Prefix}${K}.`>
}[keyof T & string]

/** A message of the `server` namespace: API errors. */
export type ServerMessageKey = CatalogueKey<typeof enServer>
/** A label of the `exports` namespace: PDF and DOCX. */
export type ExportsKey = CatalogueKey<typeof enExports>
/** A sentence of the `negotiation` namespace: what an amendment changes and who stands where, for the interface and the exports. */
export type NegotiationKey = CatalogueKey<typeof enNegotiation>
/** A line of the `verify` namespace: the verify command's output. */
export type VerifyKey = CatalogueKey<typeof enVerify>

/** What a message names: numbers (`count` picks the plural form), words, other messages put in first, or a list of them (joined with "and"). */
export type MessageValues<K extends string = ServerMessageKey> = Record<string, string | number | Message<K> | (string | Message<K>)[]>

/** A message to put into words later, in the reader's language. */
export interface Message<K extends string = ServerMessageKey> {
  key: K
  values?: MessageValues<K>
}

/** The stable error code of a server message: its key up to any `.variant`. */
export function problemCode(key: ServerMessageKey): string {
  return key.split('.')[0] ?? key
}
