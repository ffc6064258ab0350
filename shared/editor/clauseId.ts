const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz'

/** A fresh random clause id: 12 base-36 characters, about 62 bits. */
export function newClauseId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12))
  let id = ''
  for (const byte of bytes) id += alphabet[byte % alphabet.length]
  return id
}

/** Clause ids are short lowercase base-36 strings. */
export const clauseIdPattern = /^[0-9a-z]{6,32}$/
