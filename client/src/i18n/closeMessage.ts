import type { TFunction } from 'i18next'
import { CloseCode } from '../../../shared/protocol/closeCodes.js'

/**
 * What a closed connection means, in the interface language, chosen by the close code alone: the server's reason
 * is short English for logs (the protocol allows 123 bytes), never shown.
 */
export function closeMessage(t: TFunction, code: number): string {
  switch (code) {
    case CloseCode.malformedMessage:
      return t('close.malformedMessage')
    case CloseCode.unauthorized:
      return t('close.unauthorized')
    case CloseCode.forbidden:
      return t('close.forbidden')
    case CloseCode.readOnly:
      return t('close.readOnly')
    case CloseCode.roleChanged:
      return t('close.roleChanged')
    case CloseCode.schemaMismatch:
      return t('close.schemaMismatch')
    case CloseCode.tooManyMessages:
      return t('close.tooManyMessages')
    case CloseCode.tooMuchBeforeLoad:
      return t('close.tooMuchBeforeLoad')
    case CloseCode.tooManyConnections:
      return t('close.tooManyConnections')
    case CloseCode.writerConflict:
      return t('close.writerConflict')
    case CloseCode.changeRefused:
      return t('close.changeRefused')
    case CloseCode.documentDamaged:
      return t('close.documentDamaged')
    case CloseCode.serverShuttingDown:
      return t('close.serverShuttingDown')
    case CloseCode.tryAgainLater:
      return t('close.tryAgainLater')
    case CloseCode.tooLarge:
      return t('close.tooLarge')
    default:
      return t('close.other', { code })
  }
}
