import { readdir, readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { catalogueProblems, keysUsedIn, type CatalogueUse, type Catalogues, type Messages } from '../../../shared/i18n/catalogueProblems.js'
import { dynamicKeyPrefixes } from '../../../shared/i18n/dynamicKeys.js'
import { Language } from '../../../shared/i18n/languages.js'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const localesDir = join(root, 'shared/i18n/locales')
/** Where code that names catalogue keys lives; tests are left out, so a key only a test uses counts as unused. */
const sourceDirs = ['client/src', 'server/src', 'shared', 'scripts']

/** Every namespace file of every language, as stored. */
async function readCatalogues(): Promise<Catalogues> {
  const catalogues: Catalogues = {}
  for (const language of await readdir(localesDir)) {
    catalogues[language] = {}
    for (const file of (await readdir(join(localesDir, language))).filter((name) => name.endsWith('.json'))) {
      catalogues[language][basename(file, '.json')] = JSON.parse(await readFile(join(localesDir, language, file), 'utf8')) as Messages
    }
  }
  return catalogues
}

/** Every key the sources name. */
async function readUsedKeys(): Promise<Set<string>> {
  const keys = new Set<string>()
  for (const dir of sourceDirs) {
    const entries = await readdir(join(root, dir), { recursive: true, withFileTypes: true }).catch(() => [])
    for (const entry of entries) {
      if (!entry.isFile() || !/\.(ts|tsx|mts|js|mjs)$/.test(entry.name)) continue
      for (const key of keysUsedIn(await readFile(join(entry.parentPath, entry.name), 'utf8'))) keys.add(key)
    }
  }
  return keys
}

const use = (usedKeys: string[]): CatalogueUse => ({ usedKeys: new Set(usedKeys), dynamicPrefixes: {}, maxSameKazakhRussian: 0.1 })

/** A small, correct set of catalogues that each case below breaks in one way. */
const sound = (): Catalogues => ({
  en: { client: { greeting: 'Hello, {{name}}', people_one: '{{count}} person', people_other: '{{count}} people', link: 'Open <doc/>' } },
  kk: { client: { greeting: 'Сәлем, {{name}}', people_one: '{{count}} адам', people_other: '{{count}} адам', link: '<doc/> ашу' } },
  ru: {
    client: {
      greeting: 'Здравствуйте, {{name}}',
      people_one: '{{count}} человек',
      people_few: '{{count}} человека',
      people_many: '{{count}} человек',
      people_other: '{{count}} человека',
      link: 'Открыть <doc/>',
    },
  },
})
const soundKeys = ['greeting', 'people', 'client:link']

describe('the catalogues', () => {
  it('have every key in every language, used by code, with the same placeholders and each language’s plural forms', async () => {
    const catalogues = await readCatalogues()
    expect(Object.keys(catalogues).sort()).toEqual([...Language.options].sort())
    expect(catalogueProblems(catalogues, { usedKeys: await readUsedKeys(), dynamicPrefixes: dynamicKeyPrefixes, maxSameKazakhRussian: 0.1 })).toEqual([])
  })

  it('finds the keys code names, with or without a namespace, and not keys built at run time', () => {
    const source = "t('app.loading'); i18n.t(\"server:errors.gone\", { n }); <Trans i18nKey=\"invitation.intro\" />; t(`close.${name}`); sort('x')"
    expect(keysUsedIn(source)).toEqual(['app.loading', 'server:errors.gone', 'invitation.intro'])
  })

  it('finds the messages of the server: refusals, messages built to be put into words later, keys picked by a condition, tables of keys', () => {
    const source = [
      "throw new ApiProblem(409, 'already_signed', { delegation }); throw new NegotiationRefusal(400, 'bad_span.outside')",
      "throw refuse('wrong_key'); const item = { key: 'item.text', values }",
      "t(check.ok ? 'ok' : 'fail', values); new ApiProblem(429, admission.reason === 'address' ? 'too_many_attempts.address' : 'too_many_attempts.login')",
      "const stanceKeys: Record<Stance, ExportsKey> = { supporter: 'compilation.supportedBy', opposer: 'compilation.opposedBy' }",
    ].join('\n')
    expect(keysUsedIn(source)).toEqual([
      'server:already_signed',
      'server:bad_span.outside',
      'server:wrong_key',
      'item.text',
      'ok',
      'fail',
      'server:too_many_attempts.address',
      'server:too_many_attempts.login',
      'exports:compilation.supportedBy',
      'exports:compilation.opposedBy',
    ])
  })

  it('accepts a sound set', () => {
    expect(catalogueProblems(sound(), use(soundKeys))).toEqual([])
  })

  it('fails on a key missing in one language', () => {
    const catalogues = sound()
    delete catalogues.kk!.client!.greeting
    expect(catalogueProblems(catalogues, use(soundKeys))).toEqual(['client:greeting is missing in kk'])
  })

  it('fails on a key no code uses, and on a key code uses that no catalogue has', () => {
    expect(catalogueProblems(sound(), use(['greeting', 'people', 'client:missing']))).toEqual(['client:link is used by no code', 'client:missing is used in code but in no catalogue'])
  })

  it('fails on a placeholder or tag that differs across languages or plural forms', () => {
    const catalogues = sound()
    catalogues.ru!.client!.greeting = 'Здравствуйте, {{login}}'
    catalogues.kk!.client!.link = '<a/> ашу'
    catalogues.ru!.client!.people_few = 'несколько человек'
    expect(catalogueProblems(catalogues, use(soundKeys))).toEqual([
      'client:greeting has placeholders "{{login}}" in ru but "{{name}}" in en',
      'client:link has placeholders "<a>" in kk but "<doc>" in en',
      'client:people in ru has different placeholders in its plural forms',
    ])
  })

  it('fails on plural forms that are not exactly those of the language', () => {
    const catalogues = sound()
    delete catalogues.ru!.client!.people_many
    catalogues.kk!.client!.people_few = '{{count}} адам'
    expect(catalogueProblems(catalogues, use(soundKeys))).toEqual([
      'client:people in kk has plural forms few, one, other instead of one, other',
      'client:people in ru has plural forms few, one, other instead of few, many, one, other',
    ])
  })

  it('fails on a namespace file missing in a language, and on a Kazakh catalogue that repeats the Russian one', () => {
    const catalogues = sound()
    catalogues.kk!.client = structuredClone(catalogues.ru!.client!)
    delete catalogues.kk!.client!.people_few
    delete catalogues.kk!.client!.people_many
    catalogues.en!.server = { gone: 'Gone' }
    expect(catalogueProblems(catalogues, use([...soundKeys, 'server:gone']))).toEqual([
      'kk/client.json repeats the Russian text in 4 of 4 messages',
      'kk/server.json is missing',
      'ru/server.json is missing',
    ])
  })
})
