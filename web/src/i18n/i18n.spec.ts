import { describe, expect, it } from 'vitest'
import zhCN from './zh-CN'
import en from './en'

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
}

describe('messages', () => {
  it('has the same keys in English as in Chinese', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort())
  })
  it('has no empty message', () => {
    for (const messages of [zhCN, en]) {
      const walk = (v: unknown): void => {
        if (typeof v === 'string') expect(v.trim()).not.toBe('')
        else if (v && typeof v === 'object') Object.values(v).forEach(walk)
      }
      walk(messages)
    }
  })
  it('uses the same placeholders in both languages', () => {
    const get = (obj: unknown, path: string) =>
      path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], obj)
    for (const key of keys(zhCN)) {
      const names = (s: unknown) => [...String(s).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
      expect(names(get(en, key)), key).toEqual(names(get(zhCN, key)))
    }
  })
})
