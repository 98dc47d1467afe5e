// The icons the navigation uses, imported one by one so the bundle carries only these.
import {
  Calendar,
  ChatDotRound,
  DataAnalysis,
  Document,
  Files,
  Headset,
  House,
  Monitor,
  OfficeBuilding,
  Timer,
  Tools,
  Share,
  User,
  Van,
  Warning,
} from '@element-plus/icons-vue'
import type { Component } from 'vue'

export const NAV_ICONS: Record<string, Component> = {
  Calendar,
  DataAnalysis,
  Files,
  Share,
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
