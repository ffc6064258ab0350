import { describe, expect, it } from 'vitest'
import { closeMessage } from '../../../client/src/i18n/closeMessage.js'
import { createI18n } from '../../../client/src/i18n/createI18n.js'
import { CloseCode } from '../../../shared/protocol/closeCodes.js'

describe('what a closed connection says', () => {
  it('is chosen by the close code: its own sentence for every code, in each language, and a plain one for others', () => {
    for (const language of ['en', 'kk', 'ru'] as const) {
      const { t } = createI18n(language)
      const messages = Object.values(CloseCode).map((code) => closeMessage(t, code))
      expect(new Set(messages).size).toBe(Object.keys(CloseCode).length)
      expect(messages).not.toContain(closeMessage(t, 4999))
      expect(closeMessage(t, 4999)).toContain('4999')
    }
    expect(closeMessage(createI18n('ru').t, CloseCode.changeRefused)).toBe(
      'Сервер отклонил изменение: оно слишком велико, выходит за рамки допустимого в тексте, сделано в согласованном и закрытом пункте, сделано, когда текст меняется только поправками, или текст заблокирован для подписания.',
    )
    expect(closeMessage(createI18n('kk').t, CloseCode.unauthorized)).toBe('Сеанс аяқталды; қайта кіріңіз.')
  })
})
