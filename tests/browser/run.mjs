#!/usr/bin/env node
// Browser tests of the web app against a real `lifeline serve`: a fresh demo city in a temporary
// data directory, the server on a free 127.0.0.1 port serving web/dist, and Debian's chromium
// driven by playwright-core. Walks the main paths of every role, saves screenshots, and always
// stops the server. Every wait is bounded; a watchdog ends the run if anything hangs.
//
//   LIFELINE_BINARY        the lifeline binary (default build/release/src/app/lifeline)
//   LIFELINE_SCREENSHOTS   where screenshots go (default docs/screenshots)
//   CHROMIUM               the browser (default /usr/bin/chromium)
import { spawn, spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { workflowPath } from './workflow.mjs'
import { dispatchPath } from './dispatch.mjs'
import { reportsPath } from './reports.mjs'
import { portalPath } from './portal.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const web = join(root, 'web')
const require = createRequire(join(web, 'package.json'))
const { chromium } = require('playwright-core')

const binary = resolve(process.env.LIFELINE_BINARY || join(root, 'build/release/src/app/lifeline'))
const shots = resolve(process.env.LIFELINE_SCREENSHOTS || join(root, 'docs/screenshots'))
const browserPath = process.env.CHROMIUM || '/usr/bin/chromium'
const PASSWORD = 'Lifeline2026'
const FIRST_PHONE = '13013579246'
const DESKTOP = { width: 1366, height: 768 }
const PHONE = { width: 390, height: 844 }

let server = null
let hasWorkOrders = false
const features = { attachments: false, rating: false }
let browser = null
let dataDir = null
const results = []

function log(...args) {
  console.log('[web_browser]', ...args)
}

async function cleanup() {
  if (browser) await browser.close().catch(() => {})
  browser = null
  if (server && server.exitCode === null) {
    server.kill('SIGTERM')
    const exited = await Promise.race([
      new Promise((r) => server.once('exit', () => r(true))),
      new Promise((r) => setTimeout(() => r(false), 5000)),
    ])
    if (!exited) server.kill('SIGKILL')
  }
  server = null
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  dataDir = null
}

const watchdog = setTimeout(async () => {
  console.error('[web_browser] FAIL: the run took longer than 480 s')
  await cleanup()
  process.exit(1)
}, 480_000)

function freePort() {
  return new Promise((resolvePort, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => resolvePort(port))
    })
  })
}

async function waitForHealth(base, ms) {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`lifeline serve exited with ${server.exitCode}`)
    try {
      const r = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(1000) })
      if (r.ok) return
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('lifeline serve did not become healthy in time')
}

async function api(base, path, { token, method = 'GET', body } = {}) {
  const r = await fetch(base + path, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(5000),
  })
  const text = await r.text()
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`)
  return text ? JSON.parse(text) : undefined
}

function check(condition, message) {
  if (!condition) throw new Error(message)
}

// LIFELINE_BROWSER_ONLY=regex runs only the steps whose names match (for working on one path).
const only = process.env.LIFELINE_BROWSER_ONLY ? new RegExp(process.env.LIFELINE_BROWSER_ONLY) : null

async function step(name, fn) {
  if (only && !only.test(name)) return
  const started = Date.now()
  try {
    await fn()
    results.push({ name, ok: true })
    log(`ok   ${name} (${Date.now() - started} ms)`)
  } catch (e) {
    results.push({ name, ok: false })
    log(`FAIL ${name}: ${e?.stack || e}`)
  }
}

async function newPage(context, base) {
  const page = await context.newPage()
  page.setDefaultTimeout(10_000)
  page.setDefaultNavigationTimeout(15_000)
  const errors = []
  page.on('pageerror', (e) => errors.push(String(e)))
  // Vue warnings and failed requests are worth seeing, though expected ones (a 401 after the
  // session is broken on purpose, a refused login) do not fail the run.
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') log(`  console ${m.type()}: ${m.text().slice(0, 200)}`)
  })
  page.errors = errors
  page.base = base
  return page
}

async function login(page, username) {
  await page.goto(`${page.base}/login`)
  await page.locator('input[name=username]').fill(username)
  await page.locator('input[name=password]').fill(PASSWORD)
  await page.locator('[data-test=login-submit]').click()
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
}

async function shot(page, name) {
  // Toasts fade after a few seconds; pictures are of the page, not of the last toast.
  await page.locator('.el-message').first().waitFor({ state: 'detached', timeout: 5000 }).catch(() => {})
  await page.mouse.move(0, 0) // no hover tooltips in the picture
  await page.waitForTimeout(250) // let transitions settle before the picture
  await page.screenshot({ path: join(shots, `${name}.png`) })
}

async function main() {
  check(existsSync(binary), `no lifeline binary at ${binary}`)
  check(existsSync(browserPath), `no browser at ${browserPath} (apt-get install chromium)`)
  if (!existsSync(join(web, 'dist/index.html'))) {
    log('web/dist missing: running scripts/build-web')
    const built = spawnSync(join(root, 'scripts/build-web'), { stdio: 'inherit', timeout: 240_000 })
    check(built.status === 0, 'scripts/build-web failed')
  }
  mkdirSync(shots, { recursive: true })
  // The work-order screens are tested when the server has the work-order API.
  const routes = spawnSync(binary, ['routes'], { cwd: tmpdir(), encoding: 'utf8', timeout: 120_000 })
  hasWorkOrders = routes.status === 0 && routes.stdout.includes('/api/v1/work-orders')
  if (!hasWorkOrders) log('this lifeline has no work-order routes: the order steps are skipped')
  features.attachments = routes.stdout?.includes('/attachments') ?? false
  features.rating = routes.stdout?.includes('/rating') ?? false

  dataDir = mkdtempSync(join(tmpdir(), 'lifeline-web-'))
  const seeded = spawnSync(binary, ['seed', '--demo', '--data', dataDir, '--customers', '2000'], {
    cwd: dataDir,
    encoding: 'utf8',
    timeout: 120_000,
  })
  check(seeded.status === 0, `seed failed: ${seeded.stderr}`)

  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  server = spawn(binary, ['serve', '--listen', `127.0.0.1:${port}`, '--data', dataDir], {
    cwd: dataDir,
    env: { ...process.env, LIFELINE_SERVER_WEB_ROOT: join(web, 'dist'), LIFELINE_SERVER_ACCESS_LOG: 'false' },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let serverErr = ''
  server.stderr.on('data', (d) => (serverErr = (serverErr + d).slice(-4000)))
  await waitForHealth(base, 30_000).catch((e) => {
    throw new Error(`${e.message}\n${serverErr}`)
  })
  log(`lifeline serving ${base} from ${dataDir}`)

  // A customer with arrears, for the picture of the red arrears (found the way a supervisor would).
  const sup = await api(base, '/api/v1/auth/login', { method: 'POST', body: { username: 'supervisor01', password: PASSWORD } })
  let owingPhone = FIRST_PHONE
  for (let id = 1; id <= 200; id++) {
    const c = await api(base, `/api/v1/customers/${id}`, { token: sup.token }).catch(() => null)
    if (c && c.arrears_fen > 0 && c.phones[0]) {
      owingPhone = c.phones[0]
      break
    }
  }

  browser = await chromium.launch({
    executablePath: browserPath,
    headless: true,
    timeout: 30_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  const desktop = () => browser.newContext({ viewport: DESKTOP, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })

  await step('the app is served with an SPA fallback', async () => {
    const r = await fetch(`${base}/agent/deep/link`)
    check(r.ok && (await r.text()).includes('<div id="app">'), 'deep link did not return index.html')
  })

  await step('login: validates, refuses a wrong password, switches language', async () => {
    const context = await desktop()
    const page = await newPage(context, base)
    await page.goto(`${base}/`)
    await page.waitForURL(/\/login/)
    await page.locator('[data-test=login-submit]').click()
    await page.getByText('此项为必填项').first().waitFor()
    await page.locator('input[name=username]').fill('agent01')
    await page.locator('input[name=password]').fill('wrong-password')
    await page.locator('[data-test=login-submit]').click()
    await page.locator('[data-test=login-error]').getByText('用户名或密码错误').waitFor()
    await page.locator('input[name=username]').fill('')
    await page.locator('.card h1').click()
    await shot(page, 'login')
    await page.locator('.lang-corner [data-locale=en]').click()
    await page.locator('.card h1', { hasText: 'Sign in' }).waitFor()
    await page.locator('.lang-corner [data-locale="zh-CN"]').click()
    await page.locator('.card h1', { hasText: '账号登录' }).waitFor()
    check(page.errors.length === 0, `page errors: ${page.errors}`)
    await context.close()
  })

  await step('agent: finds a caller by phone and sees the customer 360', async () => {
    const context = await desktop()
    const page = await newPage(context, base)
    await login(page, 'agent01')
    check(new URL(page.url()).pathname === '/agent', `agent landed on ${page.url()}`)
    await page.locator('input[name=customer-search]').waitFor()
    await shot(page, 'agent-desk-empty')
    // "/" focuses the search box from anywhere on the page.
    await page.locator('.side-col').click()
    await page.keyboard.press('/')
    check(await page.evaluate(() => document.activeElement?.getAttribute('name') === 'customer-search'), '/ did not focus the search')
    await page.keyboard.type('+86 130-1357-9246')
    await page.keyboard.press('Enter')
    const panel = page.locator('[data-test=customer-360]')
    await panel.waitFor()
    await panel.locator('[data-test=customer-name]').waitFor()
    check((await panel.locator('[data-test=customer-phones]').innerText()).includes('130****9246'), 'phone not masked for an agent')
    check((await panel.locator('[data-account]').count()) >= 1, 'no accounts shown')
    await panel.getByText('1000000001').waitFor()
    await panel.getByText('阳光花园').first().waitFor()
    await page.locator('[data-test=softphone-reserved]').waitFor()
    await page.locator('[data-test=orders-panel]').waitFor()
    // Record this call on the customer's timeline: validated first, then saved and shown.
    const contacts = page.locator('[data-test=contact-panel]')
    await contacts.locator('[data-test=contact-save]').click()
    await contacts.getByText('此项为必填项').waitFor()
    await contacts.locator('textarea[name=contact-summary]').fill('来电咨询本月水费，已告知账单金额与缴费方式。')
    await contacts.locator('textarea[name=contact-summary]').press('Control+Enter')
    await contacts.locator('[data-test=contact-timeline] li').filter({ hasText: '来电咨询本月水费' }).waitFor()
    if (hasWorkOrders) {
      // F4 opens the order form; the category fills in type, priority, title and account.
      await page.keyboard.press('F4')
      const dialog = page.locator('[data-test=create-order-dialog]')
      const form = page.locator('[data-test=create-order-form]')
      await form.waitFor()
      await page.locator('[data-test=create-order-save]').click()
      await form.getByText('此项为必填项').first().waitFor()
      await form.locator('[data-test=order-category] input').fill('水黄')
      await page.locator('.el-select-dropdown__item', { hasText: '水黄' }).first().click()
      await form.locator('[data-test=order-priority] .is-active', { hasText: '紧急' }).waitFor()
      check((await form.locator('input[name=order-title]').inputValue()) === '水黄', 'title not prefilled')
      await form.locator('textarea[name=order-description]').fill('自来水发黄约两天，放水十分钟后仍未好转。')
      await shot(page, 'agent-create-order')
      await page.locator('[data-test=create-order-save]').click()
      await dialog.locator('.el-dialog').waitFor({ state: 'hidden' }).catch(() => {})
      const order = page.locator('[data-test=order-list] li').filter({ hasText: '水黄' }).first()
      await order.waitFor()
      // The demo's routing rules dispatch it to the branch serving the district at once.
      await order.getByText('已派发').waitFor()
      check(/GD-\d{8}-\d+/.test(await order.innerText()), 'no order number shown')
    }
    // An unknown number: the empty state.
    await page.keyboard.press('F2')
    await page.keyboard.type('13900000000')
    await page.keyboard.press('Enter')
    await page.locator('[data-test=customer-empty]').waitFor()
    // A caller not on file can still be recorded against the number.
    await page.locator('[data-test=contact-panel]').getByText('未建档来电：13900000000').waitFor()
    // By account number (the search), then the caller who owes money.
    await page.locator('input[name=customer-search]').fill('1000000001')
    await page.keyboard.press('Enter')
    await panel.getByText('户号').first().waitFor()
    await page.locator('input[name=customer-search]').fill(owingPhone)
    await page.keyboard.press('Enter')
    await panel.locator('[data-test=total-arrears].owing').waitFor()
    await contacts.locator('textarea[name=contact-summary]').fill('来电询问欠费，已告知 9 月水费逾期未缴，客户表示今日通过微信缴清。')
    await contacts.locator('[data-test=contact-save]').click()
    await contacts.locator('[data-test=contact-timeline] li').filter({ hasText: '来电询问欠费' }).waitFor()
    await shot(page, 'agent-desk')
    // The same desk in English, switched from the top bar and remembered.
    await page.locator('.topbar [data-locale=en]').click()
    await page.locator('[data-nav=agent-desk]', { hasText: 'Agent desk' }).waitFor()
    await panel.getByText('Total arrears').waitFor()
    await shot(page, 'agent-desk-en')
    await page.reload()
    await page.locator('[data-nav=agent-desk]', { hasText: 'Agent desk' }).waitFor()
    await page.locator('.topbar [data-locale="zh-CN"]').click()
    await page.locator('[data-nav=agent-desk]', { hasText: '坐席工作台' }).waitFor()
    // The first screen of the desk, from a fresh load with a session: loopback budget 1 s.
    const started = Date.now()
    await page.goto(`${base}/agent`)
    await page.locator('input[name=customer-search]').waitFor()
    const firstScreen = Date.now() - started
    log(`agent desk first screen: ${firstScreen} ms`)
    check(firstScreen < 1000, `agent desk first screen took ${firstScreen} ms`)
    check(page.errors.length === 0, `page errors: ${page.errors}`)
    await context.close()
  })

  await step('agent on a 390-px phone: the 360 panel fits the width', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', isMobile: true, hasTouch: true })
    const page = await newPage(context, base)
    await login(page, 'agent01')
    await page.locator('input[name=customer-search]').fill(owingPhone)
    await page.keyboard.press('Enter')
    await page.locator('[data-test=customer-360]').waitFor()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    check(overflow <= 1, `page is ${overflow}px wider than the phone`)
    await shot(page, 'agent-desk-phone')
    await context.close()
  })

  await step('session expiry: back to the login page with a message', async () => {
    const context = await desktop()
    const page = await newPage(context, base)
    await login(page, 'agent01')
    await page.evaluate(() => {
      const s = JSON.parse(localStorage.getItem('lifeline.session'))
      s.token = 'lls_expired_token'
      localStorage.setItem('lifeline.session', JSON.stringify(s))
    })
    await page.goto(`${base}/agent`)
    await page.waitForURL(/\/login\?redirect=/)
    await page.locator('[data-test=login-notice]').getByText('会话已过期').waitFor()
    // Signing in again returns to where the session ended.
    await page.locator('input[name=username]').fill('agent01')
    await page.locator('input[name=password]').fill(PASSWORD)
    await page.locator('[data-test=login-submit]').click()
    await page.waitForURL(/\/agent$/)
    await context.close()
  })

  const newUser = `web${Date.now() % 100000}`
  await step('admin: creates a user and finds it in the list', async () => {
    const context = await desktop()
    const page = await newPage(context, base)
    await login(page, 'admin')
    check(new URL(page.url()).pathname === '/admin/users', `admin landed on ${page.url()}`)
    await page.locator('[data-test=user-table] [data-test=user-row-username]').first().waitFor()
    await shot(page, 'admin-users')
    await page.locator('[data-test=create-user]').click()
    const form = page.locator('[data-test=create-user-form]')
    await form.waitFor()
    // Client-side validation before anything is sent.
    await page.locator('[data-test=create-user-save]').click()
    await form.getByText('此项为必填项').first().waitFor()
    await form.locator('input[name=username]').fill('Bad Name')
    await form.locator('input[name=display_name]').click()
    await form.getByText('用户名须为').waitFor()
    // The server's field error: a username that exists.
    await form.locator('input[name=username]').fill('agent01')
    await form.locator('input[name=display_name]').fill('测试坐席')
    await form.locator('[data-test=org-select]').click()
    await page.locator('.el-select-dropdown__item', { hasText: '坐席一班' }).first().click()
    await form.locator('input[name=password]').fill('Welcome2026')
    await page.locator('[data-test=create-user-save]').click()
    await form.getByText('该用户名已存在').waitFor()
    await shot(page, 'admin-create-user')
    await form.locator('input[name=username]').fill(newUser)
    await page.locator('[data-test=create-user-save]').click()
    await form.waitFor({ state: 'hidden' })
    await page.locator('[data-test=user-row-username]', { hasText: newUser }).waitFor()
    await page.locator('[data-test=user-filter]').fill('')
    check((await page.locator('[data-test=user-row-username]').count()) > 20, 'user list incomplete')
    // The new user can sign in.
    await api(base, '/api/v1/auth/login', { method: 'POST', body: { username: newUser, password: 'Welcome2026' } })
    const signIn = (password) =>
      fetch(`${base}/api/v1/auth/login`, { method: 'POST', body: JSON.stringify({ username: newUser, password }), signal: AbortSignal.timeout(5000) }).then((r) => r.status)
    await page.locator('[data-test=user-filter]').fill(newUser)
    const row = page.locator('[data-test=user-table] .el-table__body tr.el-table__row').filter({ hasText: newUser })
    await row.waitFor()
    // Disable (after confirming), and the user can no longer sign in; enable again.
    await row.getByRole('button', { name: '停用' }).click()
    await page.locator('.el-message-box__btns .el-button--primary').click()
    await row.getByText('已停用').waitFor()
    check((await signIn('Welcome2026')) !== 200, 'a disabled user could sign in')
    await row.getByRole('button', { name: '启用' }).click()
    await row.getByText('正常').waitFor()
    // Reset the password: typed twice, checked before sending.
    await row.getByRole('button', { name: '重置密码' }).click()
    const dialog = page.locator('.el-dialog').filter({ hasText: '确认密码' })
    await dialog.locator('input').nth(0).fill('Changed2026')
    await dialog.locator('input').nth(1).fill('Changed2027')
    await dialog.getByRole('button', { name: '保存' }).click()
    await dialog.getByText('两次输入的密码不一致').waitFor()
    await dialog.locator('input').nth(1).fill('Changed2026')
    await dialog.getByRole('button', { name: '保存' }).click()
    await dialog.waitFor({ state: 'hidden' })
    check((await signIn('Changed2026')) === 200, 'the reset password does not work')
    // Five wrong passwords lock the account; the administrator unlocks it.
    for (let i = 0; i < 5; i++) await signIn('wrong-password-1')
    await page.getByRole('button', { name: '刷新' }).click()
    await row.getByText('已锁定').waitFor()
    await row.getByRole('button', { name: '解锁' }).click()
    await row.getByText('正常').waitFor()
    check((await signIn('Changed2026')) === 200, 'an unlocked user cannot sign in')
    await page.locator('[data-nav=org-units]').click()
    await page.locator('[data-test=org-tree]').getByText('城区分公司').waitFor()
    await page.locator('[data-test=org-tree]').getByText('坐席一班').click()
    await page.locator('.detail').getByText('agents-1').waitFor()
    await shot(page, 'admin-org-units')
    check(page.errors.length === 0, `page errors: ${page.errors}`)
    await context.close()
  })

  await step('auditor: reads the audit log, filters it, verifies the chain', async () => {
    const context = await desktop()
    const page = await newPage(context, base)
    await login(page, 'auditor01')
    check(new URL(page.url()).pathname === '/audit', `auditor landed on ${page.url()}`)
    const rows = page.locator('[data-test=audit-table] .el-table__body tr.el-table__row')
    await rows.first().waitFor()
    await page.locator('[data-test=audit-verify]').click()
    await page.locator('[data-test=audit-verify-result]').getByText('哈希链完整').waitFor()
    // The admin's new user, found by filters; its record shows what changed and its hash.
    await page.locator('[data-test=audit-filters] input[name=actor]').fill('admin')
    await page.locator('[data-test=audit-filters] input[name=action]').fill('user.create')
    await page.locator('[data-test=audit-search]').click()
    await page.waitForFunction(() => document.querySelectorAll('[data-test=audit-table] tr.el-table__row').length === 1, null, { timeout: 5000 })
    await rows.first().locator('.el-table__expand-icon').click()
    await page.locator('.record').getByText(newUser).waitFor()
    await page.locator('.record .hash').first().waitFor()
    await shot(page, 'audit-log')
    check(!(await page.locator('[data-nav=agent-desk]').count()), 'auditor sees the agent desk')
    check(page.errors.length === 0, `page errors: ${page.errors}`)
    await context.close()
  })

  await step('supervisor: the wall board renders and counts live events', async () => {
    const context = await desktop()
    const page = await newPage(context, base)
    await login(page, 'supervisor01')
    check(new URL(page.url()).pathname === '/wallboard', `supervisor landed on ${page.url()}`)
    await page.locator('[data-test=stream-status][data-status=open]').waitFor()
    await page.locator('[data-test=district-map] canvas').waitFor()
    const before = Number(await page.locator('[data-test=events-total]').innerText())
    await api(base, '/api/v1/auth/login', { method: 'POST', body: { username: 'agent02', password: PASSWORD } })
    const agent = await api(base, '/api/v1/auth/login', { method: 'POST', body: { username: 'agent03', password: PASSWORD } })
    await api(base, '/api/v1/interactions', {
      method: 'POST',
      token: agent.token,
      body: { channel: 'phone', customer_id: 2, summary: '反映暖气不热，已指导排气。' },
    })
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-test=events-total]')?.textContent) >= n,
      before + 3,
      { timeout: 5000 },
    )
    await page.locator('[data-test=event-feed] li').first().waitFor()
    check(page.errors.length === 0, `page errors: ${page.errors}`)
    await context.close()
  })

  await step('dispatcher and technician land on honest pages', async () => {
    const context = await desktop()
    const page = await newPage(context, base)
    await login(page, 'dispatcher01')
    check(new URL(page.url()).pathname === '/dispatch', `dispatcher landed on ${page.url()}`)
    await page.locator('[data-test=technician-table] .el-table__row').first().waitFor()
    if (hasWorkOrders) {
      // The order the agent recorded is on the board, with its deadline.
      await page.locator('[data-test=order-columns] [data-order]').filter({ hasText: '水黄' }).first().waitFor()
    }
    await shot(page, 'dispatch')
    await page.locator('[data-test=user-menu-button]').click()
    await page.locator('[data-test=logout]').click()
    await page.locator('[data-test=login-notice]').getByText('您已安全退出').waitFor()
    await login(page, 'tech01')
    check(new URL(page.url()).pathname === '/tech', `technician landed on ${page.url()}`)
    // The jobs assigned to tech01, or the empty state (just the page without the API).
    await page.locator(hasWorkOrders ? '[data-test=my-jobs], [data-state=empty]' : '.page-head h1').first().waitFor()
    // A technician cannot open the admin pages by URL.
    await page.goto(`${base}/admin/users`)
    await page.waitForURL(/\/tech$/)
    await context.close()
  })

  await step('technician on a phone: my jobs fit the width', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', isMobile: true, hasTouch: true })
    const page = await newPage(context, base)
    await login(page, 'tech01')
    await page.locator(hasWorkOrders ? '[data-test=my-jobs], [data-state=empty]' : '.page-head h1').first().waitFor()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    check(overflow <= 1, `page is ${overflow}px wider than the phone`)
    await shot(page, 'tech-jobs-phone')
    await context.close()
  })

  if (hasWorkOrders) {
    const phone = () => browser.newContext({ viewport: PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', isMobile: true, hasTouch: true })
    await workflowPath({ browser, base, step, login, newPage, shot, check, api, desktop, phone, log, PASSWORD, FIRST_PHONE, features })
    await dispatchPath({ base, step, login, newPage, shot, check, api, desktop, phone, log, PASSWORD, FIRST_PHONE })
    await reportsPath({ base, step, login, newPage, shot, check, api, desktop, log, PASSWORD })
    await portalPath({ base, step, login, newPage, shot, check, api, desktop, phone, log, PASSWORD })
  }
}

let failed = false
try {
  await main()
} catch (e) {
  failed = true
  log(`FAIL setup: ${e?.stack || e}`)
} finally {
  await cleanup()
  clearTimeout(watchdog)
}
const bad = results.filter((r) => !r.ok)
log(`${results.length - bad.length}/${results.length} passed; screenshots in ${shots}`)
process.exit(failed || bad.length || !results.length ? 1 : 0)
