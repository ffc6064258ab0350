import type { TFunction } from 'i18next'
import type { Role } from '../../../shared/roles.js'

/** How a role is named on screen, in the interface language. */
export function roleName(t: TFunction, role: Role): string {
  switch (role) {
    case 'moderator':
      return t('role.moderator')
    case 'editor':
      return t('role.editor')
    case 'signatory':
      return t('role.signatory')
    case 'observer':
      return t('role.observer')
  }
}
