// Boot: i18n, Pinia, the router, and the API client's hooks (token, language, session expiry).
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import 'element-plus/theme-chalk/base.css'
import './styles/app.css'
import App from './App.vue'
import { i18n } from './i18n'
import { makeRouter } from './router'
import { configureClient } from './api/http'
import { useSessionStore } from './stores/session'
import { useLocaleStore } from './stores/locale'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
app.use(i18n)
const router = makeRouter()
app.use(router)

const session = useSessionStore()
const locale = useLocaleStore()
document.documentElement.lang = locale.locale

configureClient({
  token: () => session.token,
  locale: () => locale.locale,
  onUnauthenticated: () => {
    if (!session.token) return
    session.clear('expired')
    const current = router.currentRoute.value
    if (current.name !== 'login') {
      void router.push({ name: 'login', query: { redirect: current.fullPath } })
    }
  },
})

router.afterEach((to) => {
  const { t } = i18n.global
  document.title = to.meta.title ? `${t(to.meta.title)} · ${t('app.name')}` : t('app.name')
})

app.mount('#app')
