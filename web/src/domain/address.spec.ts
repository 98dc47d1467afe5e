import { describe, expect, it } from 'vitest'
import { addressPath } from './address'

describe('addressPath', () => {
  it('splits a full address into its topology levels', () => {
    expect(addressPath('临江市老城区东风路51号阳光花园1栋1单元101室')).toEqual([
      '临江市',
      '老城区',
      '东风路51号',
      '阳光花园',
      '1栋',
      '1单元',
      '101室',
    ])
  })
  it('keeps what it does not understand in one piece', () => {
    expect(addressPath('某某工业园区北门')).toEqual(['某某工业园区北门'])
    expect(addressPath('')).toEqual([])
  })
})
