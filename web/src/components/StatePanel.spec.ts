import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'
import StatePanel from './StatePanel.vue'

function render(props: Record<string, unknown>) {
  return mount(StatePanel, { props, slots: { default: '<p class="content">data</p>' }, global: { plugins: [i18n] } })
}

describe('StatePanel', () => {
  it('shows the content when ready', () => {
    expect(render({}).find('.content').exists()).toBe(true)
  })
  it('shows loading, then empty, then error, in that order of precedence', () => {
    expect(render({ loading: true, empty: true }).find('[data-state=loading]').text()).toContain('加载中')
    expect(render({ empty: true, emptyText: '没有客户' }).find('[data-state=empty]').text()).toBe('没有客户')
    const error = render({ loading: true, error: new ApiError(403, { code: 'forbidden' }) })
    expect(error.find('[data-state=error]').text()).toContain('没有权限')
    expect(error.find('.content').exists()).toBe(false)
  })
  it('asks for a retry', async () => {
    const wrapper = render({ error: new ApiError(0, { code: 'network' }) })
    await wrapper.find('button').trigger('click')
    expect(wrapper.emitted('retry')).toHaveLength(1)
  })
})
