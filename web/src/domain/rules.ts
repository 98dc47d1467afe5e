// Form rules that match the server's (docs/openapi.yaml), checked before sending. Each returns
// an i18n key for the message, or null when the value is fine.
export const USERNAME_PATTERN = /^[a-z0-9._-]{2,32}$/

export function checkUsername(value: string): string | null {
  if (!value.trim()) return 'validation.required'
  if (!USERNAME_PATTERN.test(value)) return 'validation.username'
  return null
}

export function checkPassword(value: string): string | null {
  if (!value) return 'validation.required'
  if (value.length < 8 || value.length > 128) return 'validation.password_length'
  if (!/[A-Za-z]/.test(value) || !/\d/.test(value)) return 'validation.password_mix'
  return null
}

export function checkRequired(value: unknown, max?: number): string | null {
  if (value === null || value === undefined) return 'validation.required'
  if (typeof value === 'string') {
    if (!value.trim()) return 'validation.required'
    if (max !== undefined && value.length > max) return 'validation.too_long'
  }
  return null
}

export const ORG_CODE_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/

export function checkOrgCode(value: string): string | null {
  if (!value.trim()) return 'validation.required'
  if (!ORG_CODE_PATTERN.test(value)) return 'validation.org_code'
  return null
}
