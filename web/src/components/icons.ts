// The icons the navigation uses, imported one by one so the bundle carries only these.
import {
  ChatDotRound,
  Document,
  Headset,
  House,
  Monitor,
  OfficeBuilding,
  Timer,
  Tools,
  User,
  Van,
  Warning,
} from '@element-plus/icons-vue'
import type { Component } from 'vue'

export const NAV_ICONS: Record<string, Component> = {
  ChatDotRound,
  Timer,
  Warning,
  Document,
  Headset,
  House,
  Monitor,
  OfficeBuilding,
  Tools,
  User,
  Van,
}
