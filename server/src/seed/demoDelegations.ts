import type { Delegation } from '../../../shared/api/schemas.js'

/** Demo delegations; colours keep 4.5:1 contrast with white label text. */
export const demoDelegations: Delegation[] = [
  { code: 'KAZ', name: 'Kazakhstan', color: '#00658f' },
  { code: 'GBR', name: 'United Kingdom', color: '#8a1c3a' },
  { code: 'CHN', name: 'China', color: '#a31515' },
  { code: 'USA', name: 'United States', color: '#2b4a9b' },
  { code: 'POL', name: 'Poland', color: '#7a3e00' },
  { code: 'NGA', name: 'Nigeria', color: '#17643a' },
  { code: 'IDN', name: 'Indonesia', color: '#6a2c91' },
  { code: 'EGY', name: 'Egypt', color: '#6b4e16' },
  { code: 'UNESCO', name: 'UNESCO', color: '#3d4f5c' },
]
