import { currentLanguage } from './i18n/i18n.js';

// The bureau's time zone; times are shown with their offset so that nobody mistakes them for local time.
export const BUREAU_TIME_ZONE = 'Asia/Shanghai';

export function formatTime(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  const text = new Intl.DateTimeFormat(currentLanguage() === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: BUREAU_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
  }).format(date);
  return `${text} ${offsetOf(date)}`;
}

function offsetOf(date) {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: BUREAU_TIME_ZONE, timeZoneName: 'longOffset' })
    .formatToParts(date).find((p) => p.type === 'timeZoneName');
  return (part?.value ?? 'GMT+08:00').replace('GMT', 'UTC');
}

export function formatEta(seconds) {
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function formatDistance(meters) {
  return meters < 1000 ? `${Math.round(meters)} m` : `${(meters / 1000).toFixed(1)} km`;
}
