// The icons the navigation uses, imported one by one so the bundle carries only these.
import {
  Document,
  Headset,
  House,
  Monitor,
  OfficeBuilding,
  Tools,
  User,
  Van,
} from '@element-plus/icons-vue'
import type { Component } from 'vue'

export const NAV_ICONS: Record<string, Component> = {
  Document,
  Headset,
  House,
  Monitor,
  OfficeBuilding,
  Tools,
  User,
  Van,
}
