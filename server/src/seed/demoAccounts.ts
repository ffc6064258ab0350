import type { DemoAccount } from '../../../shared/api/schemas.js'

/** The password of every demo account; printed in the README and offered on the sign-in page in demo mode. */
export const DEMO_PASSWORD = 'almaty-demo-2025'

/** Demo accounts: every role, across several delegations and scripts. */
export const demoAccounts: DemoAccount[] = [
  { login: 'chair', name: 'Aigerim Seitkali', delegation: 'KAZ', role: 'moderator' },
  { login: 'secretariat', name: 'Marie Dubois', delegation: 'UNESCO', role: 'moderator' },
  { login: 'editor-gbr', name: 'James Whitfield', delegation: 'GBR', role: 'editor' },
  { login: 'editor-chn', name: '李伟', delegation: 'CHN', role: 'editor' },
  { login: 'editor-nga', name: 'Chidinma Okafor', delegation: 'NGA', role: 'editor' },
  { login: 'editor-kaz', name: 'Ержан Нұрланұлы', delegation: 'KAZ', role: 'editor' },
  { login: 'signatory-pol', name: 'Katarzyna Nowak', delegation: 'POL', role: 'signatory' },
  { login: 'signatory-usa', name: 'Emily Carter', delegation: 'USA', role: 'signatory' },
  { login: 'observer-egy', name: 'ليلى حسن', delegation: 'EGY', role: 'observer' },
  { login: 'observer-idn', name: 'Siti Rahmawati', delegation: 'IDN', role: 'observer' },
].map((account) => ({ ...account, password: DEMO_PASSWORD }) as DemoAccount)
