// An address as the path through the city: 临江市 › 老城区 › 东风路51号 › 阳光花园 › 1栋 ›
// 1单元 › 101室. The demo city and real utilities write addresses this way; anything the
// pattern does not recognise stays as one piece rather than being cut wrongly.
const PATTERN =
  /^(?<city>.+?市)?(?<district>.+?(?:区|县))?(?<road>.+?(?:路|街|道|巷)\d+号)?(?<community>.+?(?:小区|花园|苑|园|村|城|府|庭|湾|里|公寓|大厦|家园|新村))?(?<building>\d+(?:栋|幢|号楼))?(?<unit>\d+单元)?(?<room>\d+室)?$/u

export function addressPath(address: string): string[] {
  const text = address.trim()
  if (!text) return []
  const match = PATTERN.exec(text)
  if (!match?.groups) return [text]
  const pieces = Object.values(match.groups).filter((p): p is string => Boolean(p))
  return pieces.length ? pieces : [text]
}
