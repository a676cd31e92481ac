// cm135: Simplified Chinese only (locales/zh.json covers every key of the 7.24 en.json), whatever
// language the browser asks for. The other settings of Camunda's config.js keep their defaults.
export default {
  // the product's name in the header instead of "Camunda Admin"
  app: {
    name: '系统管理',
    vendor: '135工作法'
  },
  locales: {
    availableLocales: ['zh'],
    fallbackLocale: 'zh'
  }
};
