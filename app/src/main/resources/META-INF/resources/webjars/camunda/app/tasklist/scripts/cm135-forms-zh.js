/*
 * cm135: 简体中文 for the texts form-js 1.8.7 writes itself. form-js has no translation hook for its
 * validation messages and list/table controls, so this watches the task form and rewrites those texts
 * (and the search placeholder) in place. Only exact form-js phrases are touched; the forms' own labels are
 * Chinese already. No fork of form-js.
 */
define([], function () {
  'use strict';

  var exact = {
    'Field is required.': '此项为必填项。',
    'Field must be a valid email.': '请输入有效的电子邮箱。',
    'Add new': '新增一行',
    'Collapse': '收起',
    'Nothing to show.': '暂无数据',
    'No results': '无匹配项',
    'Search': '搜索',
    'Select': '请选择',
    'Skip to search': '跳到搜索',
    ' of ': ' / '
  };
  var patterns = [
    [/^Field must have minimum value of (.+)\.$/, '此项不能小于 $1。'],
    [/^Field must have maximum value of (.+)\.$/, '此项不能大于 $1。'],
    [/^Field must have minimum length of (.+)\.$/, '此项至少 $1 个字符。'],
    [/^Field must have maximum length of (.+)\.$/, '此项最多 $1 个字符。'],
    [/^Field must match pattern (.+)\.$/, '此项格式不符合要求（$1）。'],
    [/^Field must be a valid\s+international phone number.*$/, '请输入有效的国际电话号码。'],
    [/^Expand all \((\d+)\)$/, '全部展开（$1）']
  ];

  function translate(text) {
    if (Object.prototype.hasOwnProperty.call(exact, text)) {
      return exact[text];
    }
    var trimmed = text.trim();
    for (var i = 0; i < patterns.length; i++) {
      if (patterns[i][0].test(trimmed)) {
        return trimmed.replace(patterns[i][0], patterns[i][1]);
      }
    }
    return null;
  }

  function rewrite(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, null);
    var node;
    while ((node = walker.nextNode())) {
      if (!node.parentElement || !node.parentElement.closest('.fjs-container')) {
        continue;
      }
      var chinese = translate(node.nodeValue);
      if (chinese !== null && chinese !== node.nodeValue) {
        node.nodeValue = chinese;
      }
    }
    var inputs = root.querySelectorAll ? root.querySelectorAll('.fjs-container input[placeholder]') : [];
    for (var j = 0; j < inputs.length; j++) {
      var placeholder = translate(inputs[j].getAttribute('placeholder'));
      if (placeholder !== null) {
        inputs[j].setAttribute('placeholder', placeholder);
      }
    }
  }

  var scheduled = false;
  new MutationObserver(function () {
    if (!scheduled) {
      scheduled = true;
      window.requestAnimationFrame(function () {
        scheduled = false;
        rewrite(document.body);
      });
    }
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true });

  return {};
});
