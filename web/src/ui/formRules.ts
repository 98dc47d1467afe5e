// Adapts the rule functions in domain/rules.ts (which return i18n keys) to Element Plus form
// rules, so forms validate before sending with messages in the UI language.
import type { FormItemRule } from 'element-plus'
import { i18n } from '@/i18n'

type Check = (value: string) => string | null

/**
 * `submit` runs the rule only when the whole form is validated: right for a field that is
 * emptied after each save (a blur must not then complain that it is empty).
 */
export function rule(check: Check, trigger: 'blur' | 'change' | 'submit' = 'blur'): FormItemRule {
  return {
    trigger,
    validator: (_rule: unknown, value: unknown, callback: (error?: Error) => void) => {
      const key = check(value === null || value === undefined ? '' : String(value))
      if (key) callback(new Error(i18n.global.t(key)))
      else callback()
    },
  }
}
