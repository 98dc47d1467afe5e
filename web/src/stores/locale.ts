// The UI language: vue-i18n's locale plus Element Plus's matching locale object.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import enEl from 'element-plus/es/locale/lang/en'
import { i18n, rememberLocale, storedLocale, type Locale } from '@/i18n'

export const useLocaleStore = defineStore('locale', () => {
  const locale = ref<Locale>(storedLocale())
  const elementLocale = computed(() => (locale.value === 'en' ? enEl : zhCn))

  function set(next: Locale): void {
    locale.value = next
    i18n.global.locale.value = next
    document.documentElement.lang = next
    rememberLocale(next)
  }

  return { locale, elementLocale, set }
})
