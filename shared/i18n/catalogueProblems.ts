/** A namespace's messages in one language, nested as in its JSON file. */
export interface Messages {
  [key: string]: string | Messages
}

/** Every catalogue: language, then namespace, then messages. */
export type Catalogues = Record<string, Record<string, Messages>>

/** What the check compares the catalogues with. */
export interface CatalogueUse {
  /** Keys the sources name, as written there: `key`, or `namespace:key`. */
  usedKeys: ReadonlySet<string>
  /** Per namespace, key prefixes (ending in `.`) whose keys the code picks at run time. */
  dynamicPrefixes: Readonly<Record<string, readonly string[]>>
  /** Highest share of Kazakh texts that may equal the Russian ones (a few terms are spelled alike). */
  maxSameKazakhRussian: number
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/

/**
 * The keys the sources pass to `t('…'` or `i18nKey="…"`, with any `namespace:` prefix; the server's messages named
 * as `ApiProblem(400, '…'`, `NegotiationRefusal(409, '…'` or `refuse('…'` (in `server:`), and messages built as
 * `{ key: '…' }` to be put into words later.
 */
export function keysUsedIn(source: string): string[] {
  const keys: string[] = []
  for (const match of source.matchAll(/\bt\(\s*(['"`])([\w.:-]+)\1/g)) keys.push(match[2]!)
  for (const match of source.matchAll(/\bi18nKey=\{?\s*(['"`])([\w.:-]+)\1/g)) keys.push(match[2]!)
  for (const match of source.matchAll(/\b(?:ApiProblem|NegotiationRefusal)\(\s*\d+\s*,\s*(['"`])([\w.-]+)\1/g)) keys.push(`server:${match[2]!}`)
  for (const match of source.matchAll(/\brefuse\(\s*(['"`])([\w.-]+)\1/g)) keys.push(`server:${match[2]!}`)
  for (const match of source.matchAll(/\bkey:\s*(['"`])([\w.:-]+)\1/g)) keys.push(match[2]!)
  // One of two keys picked by a condition in the call, as t(check.ok ? … : …) does.
  for (const match of source.matchAll(/\b(t\(|(?:ApiProblem|NegotiationRefusal)\(\s*\d+\s*,)\s*[\w.!=' ]+?\?\s*(['"`])([\w.:-]+)\2\s*:\s*(['"`])([\w.:-]+)\4/g)) {
    const namespace = match[1] === 't(' ? '' : 'server:'
    keys.push(`${namespace}${match[3]!}`, `${namespace}${match[5]!}`)
  }
  // The values of a table typed as keys: `Record<Stance, ExportsKey> = { … }`.
  for (const match of source.matchAll(/Record<[^>]+,\s*(ServerMessageKey|ExportsKey|VerifyKey|NegotiationKey)>\s*=\s*\{([^}]*)\}/g)) {
    const namespace = { ServerMessageKey: 'server', ExportsKey: 'exports', VerifyKey: 'verify', NegotiationKey: 'negotiation' }[match[1] as 'ServerMessageKey' | 'ExportsKey' | 'VerifyKey' | 'NegotiationKey']
    for (const value of match[2]!.matchAll(/:\s*(['"`])([\w.-]+)\1/g)) keys.push(`${namespace}:${value[2]!}`)
  }
  return keys
}

/** Nested messages as dotted keys and their texts. */
function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>()
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string') flat.set(`${prefix}${key}`, value)
    else for (const [inner, text] of flatten(value, `${prefix}${key}.`)) flat.set(inner, text)
  }
  return flat
}

/** A message as the code names it: its texts by plural form ('' for a message without plurals). */
type Message = Map<string, string>

/** The messages of one namespace file, grouped under the key the code uses. */
function messagesOf(messages: Messages): Map<string, Message> {
  const grouped = new Map<string, Message>()
  for (const [key, text] of flatten(messages)) {
    const form = PLURAL_SUFFIX.exec(key)?.[1] ?? ''
    const base = form ? key.slice(0, -form.length - 1) : key
    const message = grouped.get(base) ?? new Map<string, string>()
    message.set(form, text)
    grouped.set(base, message)
  }
  return grouped
}

/** The `{{placeholders}}` and `<tags>` of a text, sorted: what must match across languages. */
function slots(text: string): string {
  const found = new Set<string>()
  for (const match of text.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/g)) found.add(`{{${match[1]}}}`)
  for (const match of text.matchAll(/<\/?([A-Za-z0-9]+)\s*\/?>/g)) found.add(`<${match[1]}>`)
  return [...found].sort().join(' ')
}

function pluralCategories(language: string): string[] {
  return [...new Intl.PluralRules(language).resolvedOptions().pluralCategories].sort()
}

/**
 * Everything wrong with the catalogues, one sentence each: a namespace or key missing in a language, a key no code
 * uses, a key the code uses that no catalogue has, placeholders or tags that differ across languages or plural forms,
 * plural forms that are not exactly the language's, and a Kazakh catalogue that is mostly the Russian one.
 */
export function catalogueProblems(catalogues: Catalogues, use: CatalogueUse): string[] {
  const problems: string[] = []
  const languages = Object.keys(catalogues).sort()
  const namespaces = [...new Set(languages.flatMap((language) => Object.keys(catalogues[language]!)))].sort()
  const known = new Set<string>()

  for (const namespace of namespaces) {
    const byLanguage = new Map<string, Map<string, Message>>()
    for (const language of languages) {
      const messages = catalogues[language]![namespace]
      if (messages) byLanguage.set(language, messagesOf(messages))
      else problems.push(`${language}/${namespace}.json is missing`)
    }
    const keys = [...new Set([...byLanguage.values()].flatMap((messages) => [...messages.keys()]))].sort()
    for (const key of keys) {
      known.add(key)
      known.add(`${namespace}:${key}`)
      const dynamic = (use.dynamicPrefixes[namespace] ?? []).some((prefix) => key.startsWith(prefix))
      if (!dynamic && !use.usedKeys.has(key) && !use.usedKeys.has(`${namespace}:${key}`)) problems.push(`${namespace}:${key} is used by no code`)
      const plural = [...byLanguage.values()].some((messages) => [...(messages.get(key)?.keys() ?? [])].some((form) => form !== ''))
      let reference: { language: string; slots: string } | null = null
      for (const [language, messages] of byLanguage) {
        const message = messages.get(key)
        if (!message) {
          problems.push(`${namespace}:${key} is missing in ${language}`)
          continue
        }
        if (plural) {
          const forms = [...message.keys()].sort().join(', ')
          const expected = pluralCategories(language).join(', ')
          if (forms !== expected) problems.push(`${namespace}:${key} in ${language} has plural forms ${forms || '(none)'} instead of ${expected}`)
        }
        const formSlots = [...message.values()].map(slots)
        if (new Set(formSlots).size > 1) problems.push(`${namespace}:${key} in ${language} has different placeholders in its plural forms`)
        const own = formSlots[0] ?? ''
        if (!reference) reference = { language, slots: own }
        else if (own !== reference.slots) problems.push(`${namespace}:${key} has placeholders "${own}" in ${language} but "${reference.slots}" in ${reference.language}`)
      }
    }
    const kazakh = byLanguage.get('kk')
    const russian = byLanguage.get('ru')
    if (kazakh && russian) {
      const texts = [...kazakh].flatMap(([key, message]) => [...message].map(([form, text]) => [text, russian.get(key)?.get(form)] as const))
      const same = texts.filter(([text, other]) => text === other).length
      if (texts.length > 0 && same / texts.length > use.maxSameKazakhRussian) {
        problems.push(`kk/${namespace}.json repeats the Russian text in ${same} of ${texts.length} messages`)
      }
    }
  }

  for (const key of [...use.usedKeys].sort()) if (!known.has(key)) problems.push(`${key} is used in code but in no catalogue`)
  return problems
}
