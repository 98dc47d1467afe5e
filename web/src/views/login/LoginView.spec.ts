import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n } from '@/i18n'
import { configureClient } from '@/api/http'
import LoginView from './LoginView.vue'

const principal = { user_id: 2, username: 'agent01', display_name: '董金', role: 'agent', org_unit_id: 3, permissions: [], district_scope: null }

function setup(fetchImpl: typeof fetch) {
  const pinia = createPinia()
  setActivePinia(pinia)
  configureClient({ fetch: fetchImpl, token: () => null })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/login', component: LoginView },
      { path: '/agent', component: { template: '<p>desk</p>' } },
      { path: '/audit', component: { template: '<p>audit</p>' } },
    ],
  })
  return { pinia, router }
}

async function mountAt(path: string, fetchImpl: typeof fetch) {
  const { pinia, router } = setup(fetchImpl)
  await router.push(path)
  await router.isReady()
  const wrapper = mount(LoginView, { global: { plugins: [pinia, router, i18n] }, attachTo: document.body })
  return { wrapper, router }
}

describe('LoginView', () => {
  beforeEach(() => localStorage.clear())

  it('validates before sending anything', async () => {
    const fetch = vi.fn()
    const { wrapper } = await mountAt('/login', fetch)
    await wrapper.find('form').trigger('submit')
    expect(wrapper.findAll('.field-error').map((e) => e.text())).toEqual(['此项为必填项', '此项为必填项'])
    expect(fetch).not.toHaveBeenCalled()
    wrapper.unmount()
  })

  it('says so when the password is wrong', async () => {
    const fetch = vi.fn(async () => new Response('{"code":"unauthenticated","status":401}', { status: 401 }))
    const { wrapper } = await mountAt('/login', fetch)
    await wrapper.find('input[name=username]').setValue('agent01')
    await wrapper.find('input[name=password]').setValue('nope')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('[data-test=login-error]').text()).toContain('用户名或密码错误')
    wrapper.unmount()
  })

  it('lands the agent on the agent desk, or back where the session ended', async () => {
    const ok = vi.fn(async () => new Response(JSON.stringify({ token: 'lls_x', expires_at: Date.now() + 60_000, user: principal }), { status: 200 }))
    const first = await mountAt('/login', ok)
    await first.wrapper.find('input[name=username]').setValue('agent01')
    await first.wrapper.find('input[name=password]').setValue('Lifeline2026')
    await first.wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(first.router.currentRoute.value.path).toBe('/agent')
    first.wrapper.unmount()

    const second = await mountAt('/login?redirect=/audit', ok)
    await second.wrapper.find('input[name=username]').setValue('agent01')
    await second.wrapper.find('input[name=password]').setValue('Lifeline2026')
    await second.wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(second.router.currentRoute.value.path).toBe('/audit')
    second.wrapper.unmount()
  })
})
