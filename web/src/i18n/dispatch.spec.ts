import { describe, expect, it } from 'vitest'
import zh from './dispatch.zh-CN'
import en from './dispatch.en'
import { i18n } from './index'

function entries(value: unknown, prefix = ''): [string, string][] {
  if (typeof value !== 'object' || value === null) return [[prefix, String(value)]]
  return Object.entries(value).flatMap(([k, v]) => entries(v, prefix ? `${prefix}.${k}` : k))
}

describe('dispatch messages', () => {
  it('has the same keys and placeholders in both languages, none empty', () => {
    const english = new Map(entries(en))
    const names = (s: string | undefined) => [...String(s).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    expect([...english.keys()].sort()).toEqual(entries(zh).map(([k]) => k).sort())
    for (const [key, text] of entries(zh)) {
      expect(text.trim(), key).not.toBe('')
      expect(names(english.get(key)), key).toEqual(names(text))
    }
  })
  it('is merged into the app under dsp', () => {
    expect(i18n.global.te('dsp.reason.window_unreachable', 'zh-CN')).toBe(true)
    expect(i18n.global.te('dsp.move.check', 'en')).toBe(true)
  })
})
