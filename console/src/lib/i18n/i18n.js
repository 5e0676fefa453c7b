import { useSyncExternalStore } from 'react';
import zh from './zh-CN.json';
import en from './en.json';

// Chinese first; the choice is kept for the tab's session. No literal text in components: t('key', {vars}).
const dictionaries = { 'zh-CN': zh, en };
let language = sessionStorage.getItem('muster.lang') || 'zh-CN';
const listeners = new Set();

export function setLanguage(next) {
  language = next;
  sessionStorage.setItem('muster.lang', next);
  document.documentElement.lang = next;
  listeners.forEach((l) => l());
}

export function currentLanguage() {
  return language;
}

export function t(key, vars) {
  const text = dictionaries[language][key] ?? dictionaries['zh-CN'][key] ?? key;
  return vars ? text.replace(/\{(\w+)\}/g, (_, name) => (vars[name] ?? '')) : text;
}

/** Re-renders a component when the language changes; returns t. */
export function useT() {
  useSyncExternalStore((l) => (listeners.add(l), () => listeners.delete(l)), () => language);
  return t;
}

document.documentElement.lang = language;
