import type { ExportsKey, Message } from '../i18n/messageKeys.js'
import type { Redline, RedlineParagraph } from './redline.js'

/** A redline's summary as messages, one whole clause each ("OP1 and OP2 changed"), in the order `redline().summary` gives them in English; none when nothing changed. */
export function redlineSummary(redline: Pick<Redline, 'titleParts' | 'paragraphs'>): Message<ExportsKey>[] {
  const { paragraphs } = redline
  const label = (paragraph: RedlineParagraph) => paragraph.newLabel ?? paragraph.oldLabel ?? ''
  const group = (message: Message<ExportsKey>, labels: string[]): Message<ExportsKey>[] => (labels.length ? [{ ...message, values: { labels, count: labels.length } }] : [])
  return [
    ...(redline.titleParts.some((part) => part.kind !== 'same') ? [{ key: 'versions.redline.titleChanged' } as const] : []),
    ...group({ key: 'versions.redline.changed' }, paragraphs.filter((paragraph) => paragraph.status === 'changed').map(label)),
    ...group({ key: 'versions.redline.added' }, paragraphs.filter((paragraph) => paragraph.status === 'added').map(label)),
    ...group({ key: 'versions.redline.deleted' }, paragraphs.filter((paragraph) => paragraph.status === 'deleted').map((paragraph) => paragraph.oldLabel ?? '')),
    ...group({ key: 'versions.redline.moved' }, paragraphs.filter((paragraph) => paragraph.moved).map(label)),
    ...paragraphs.filter((paragraph) => paragraph.link?.kind === 'splitInto').map((paragraph): Message<ExportsKey> => ({ key: 'versions.redline.split', values: { label: label(paragraph), into: paragraph.link!.label } })),
    ...paragraphs.filter((paragraph) => paragraph.status === 'merged').map((paragraph): Message<ExportsKey> => ({ key: 'versions.redline.merged', values: { label: paragraph.oldLabel ?? '', into: paragraph.link!.label } })),
  ]
}

/** The summary as one line: its clauses, already in words, joined by semicolons, the first capitalised; "No changes." when there are none. */
export function summaryLine(clauses: string[], noChanges: string, locale: string): string {
  if (clauses.length === 0) return noChanges
  return `${clauses.join('; ')}.`.replace(/^./, (first) => first.toLocaleUpperCase(locale))
}
