// vue-i18n in composition mode; zh-CN by default, English switchable and remembered.
import { createI18n } from 'vue-i18n'
import base, { type Messages as BaseMessages } from './zh-CN'
import baseEn from './en'
import dspZh from './dispatch.zh-CN'
import dspEn from './dispatch.en'

// Areas with their own message files, merged here.
const zhCN = { ...base, dsp: dspZh }
const en: Messages = { ...baseEn, dsp: dspEn }
export type Messages = BaseMessages & { dsp: typeof dspZh }

export type Locale = 'zh-CN' | 'en'
export const LOCALES: readonly Locale[] = ['zh-CN', 'en']
const STORAGE_KEY = 'lifeline.locale'

export function storedLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY)
    if (saved === 'en' || saved === 'zh-CN') return saved
  } catch {
    // storage unavailable (private mode): fall back to the default
  }
  return 'zh-CN'
}

export function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // not remembered; the switch still applies to this page
  }
}

export const i18n = createI18n<[Messages], Locale, false>({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
  missingWarn: false,
  fallbackWarn: false,
})

/** A translation for a server code, or the code itself when the app does not know it yet. */
export function labelFor(prefix: string, code: string | null | undefined): string {
  if (!code) return ''
  const key = `${prefix}.${code}`
  const { t, te } = i18n.global
  return te(key) ? t(key) : code
}
