import { defaultLanguage, Language } from '../../../shared/i18n/languages.js'

/** The language a command speaks by default: the first of LC_ALL, LC_MESSAGES and LANG that is set (as POSIX orders them), when it names one we speak. */
export function environmentLanguage(environment: NodeJS.ProcessEnv): Language {
  const locale = environment.LC_ALL || environment.LC_MESSAGES || environment.LANG || ''
  const asked = Language.safeParse(locale.split(/[_.@-]/)[0]?.toLowerCase())
  return asked.success ? asked.data : defaultLanguage
}
