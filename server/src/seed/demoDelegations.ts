import type { Delegation } from '../../../shared/api/schemas.js'

/** Demo delegations; colours keep 4.5:1 contrast with white label text and stay far apart (see shared/delegations/delegationColor.ts). */
export const demoDelegations: Delegation[] = [
  { code: 'KAZ', name: 'Kazakhstan', color: '#0e6a9b' },
  { code: 'GBR', name: 'United Kingdom', color: '#aa295f' },
  { code: 'CHN', name: 'China', color: '#7c140a' },
  { code: 'USA', name: 'United States', color: '#4912a2' },
  { code: 'POL', name: 'Poland', color: '#766496' },
  { code: 'NGA', name: 'Nigeria', color: '#298509' },
  { code: 'IDN', name: 'Indonesia', color: '#454605' },
  { code: 'EGY', name: 'Egypt', color: '#976213' },
  { code: 'UNESCO', name: 'UNESCO', color: '#0c665a' },
]
