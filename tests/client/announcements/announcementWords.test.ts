import { describe, expect, it } from 'vitest'
import type { Happening } from '../../../client/src/announcements/announcementQueue.js'
import { announcementWords } from '../../../client/src/announcements/announcementWords.js'
import { createI18n } from '../../../client/src/i18n/createI18n.js'

const thread: Happening = { kind: 'thread', name: 'Chidinma Okafor', delegation: 'Nigeria', paragraph: 'OP2', concernsMe: false }
const editing: Happening = { kind: 'editing', name: 'Ержан Нұрланұлы', delegation: 'Kazakhstan', paragraph: 'OP3', concernsMe: false }

const say = (language: 'en' | 'kk' | 'ru', happening: Happening, count = 1) => announcementWords(createI18n(language).t, { happening, count })

describe('announcement words', () => {
  it('name the person for one happening and count a burst', () => {
    expect(say('en', editing)).toBe('Ержан Нұрланұлы (Kazakhstan) is editing OP3.')
    expect(say('en', thread)).toBe('Chidinma Okafor (Nigeria) opened a comment thread on OP2.')
    expect(say('en', thread, 3)).toBe('3 new comment threads on OP2.')
    expect(say('kk', editing)).toBe('Ержан Нұрланұлы (Kazakhstan) OP3 тармағын өңдеп жатыр.')
  })

  it('count comments in Russian with its plural forms', () => {
    const comment: Happening = { ...thread, kind: 'comment' }
    expect([2, 5, 21, 22, 11].map((count) => say('ru', comment, count))).toEqual([
      '2 новых комментария к пункту OP2.',
      '5 новых комментариев к пункту OP2.',
      '21 новый комментарий к пункту OP2.',
      '22 новых комментария к пункту OP2.',
      '11 новых комментариев к пункту OP2.',
    ])
  })

  it('say each decision on an amendment in its own words', () => {
    const statuses = ['accepted', 'accepted-as-revised', 'rejected', 'withdrawn', 'needs-update', 'not-taken-up'] as const
    const words = statuses.map((status) => say('en', { kind: 'decision', amendment: 'A7', status, concernsMe: true }))
    expect(new Set(words).size).toBe(statuses.length)
    expect(words[1]).toBe('Amendment A7 was accepted as revised.')
  })
})
