import type { DeclarationSummary } from '../../../../shared/api/schemas.js'
import type { DeclarationRecord } from '../../store/Store.js'

/** The public shape of a declaration. */
export function presentDeclaration(record: DeclarationRecord): DeclarationSummary {
  return { name: record.name, title: record.title, createdAt: record.createdAt }
}
