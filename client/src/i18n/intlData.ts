const known = new Map<string, boolean>()
const sample = new Date(Date.UTC(2026, 11, 9))
const monthOf = (locale: string) => new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(sample)

/**
 * Whether this browser's Intl has a locale's own data. Some builds know a locale's name but ship none of its
 * months or separators, and write its dates with the root patterns ("2026 M12 9"), as Chromium does for Kazakh.
 */
export function hasIntlData(locale: string): boolean {
  let has = known.get(locale)
  if (has === undefined) {
    // Without its own data, a locale names December "M12", as the root locale does.
    has = !/^M\d+$/.test(monthOf(locale))
    known.set(locale, has)
  }
  return has
}
