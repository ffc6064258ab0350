/** A record a page holds copies of, from answers and pushes that can arrive in any order. */
interface Versioned {
  readonly id: string
  readonly version: number
}

/** The list with `incoming` in place of its copy, or added at the end; a copy already newer than `incoming` stays. */
export function keepNewer<T extends Versioned>(list: readonly T[], incoming: T): T[] {
  const index = list.findIndex((existing) => existing.id === incoming.id)
  if (index === -1) return [...list, incoming]
  return list.map((existing, at) => (at === index && existing.version <= incoming.version ? incoming : existing))
}
