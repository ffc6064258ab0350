/** A record a page holds copies of, from answers and pushes that can arrive in any order. */
interface Versioned {
  readonly version: number
}

/** Whether `incoming` should replace `existing`: it is the first copy, or no older than the one held. */
export function replaces(existing: Versioned | undefined, incoming: Versioned): boolean {
  return existing === undefined || existing.version <= incoming.version
}

/** The list with `incoming` in place of its copy, or added at the end; a copy already newer than `incoming` stays. */
export function keepNewer<T extends Versioned & { readonly id: string }>(list: readonly T[], incoming: T): T[] {
  const index = list.findIndex((existing) => existing.id === incoming.id)
  if (index === -1) return [...list, incoming]
  return list.map((existing, at) => (at === index && replaces(existing, incoming) ? incoming : existing))
}
