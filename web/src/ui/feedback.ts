// Toasts and confirmations. Element Plus's service components are not in templates, so the
// on-demand importer cannot see them: their styles are imported here, once.
import { ElMessage, ElMessageBox } from 'element-plus'
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
import { i18n } from '@/i18n'
import { errorText } from '@/i18n/errors'

export function toastSuccess(message: string): void {
  ElMessage({ type: 'success', message, grouping: true })
}

export function toastError(e: unknown): void {
  ElMessage({ type: 'error', message: errorText(e), grouping: true, duration: 5000 })
}

export async function confirmAction(message: string): Promise<boolean> {
  const { t } = i18n.global
  try {
    await ElMessageBox.confirm(message, t('common.notice'), {
      type: 'warning',
      confirmButtonText: t('common.confirm'),
      cancelButtonText: t('common.cancel'),
    })
    return true
  } catch {
    return false
  }
}
