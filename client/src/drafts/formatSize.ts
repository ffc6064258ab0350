import type { TFunction } from 'i18next'

/** A size in bytes as people read it, in KiB or MiB, with the interface language's number format. */
export function formatSize(t: TFunction, bytes: number): string {
  if (bytes < 1024 * 1024) return t('size.kib', { value: Math.ceil(bytes / 1024) })
  return t('size.mib', { value: Math.round((bytes / (1024 * 1024)) * 10) / 10 })
}
